// The least-squares report: every number it shows for the tutorial's training rows, a
// three-feature problem and a cubic, checked against statsmodels' OLS (fit_reference.json, from
// tests/model/fit/fixtures/make_fit_fixtures.py), each coefficient beside the model parameter it
// is; the residual plot's points against statsmodels' residuals; a fit without residual degrees
// of freedom; thinning on large data; copying cells and the whole table; and the CSV and JSON
// exports against the same references.
#include "experiment/curves.h"
#include "experiment/experiment_data.h"
#include "experiment/exports.h"
#include "experiment/project.h"
#include "widgets/least_squares_view.h"
#include "widgets/table_copy.h"

#include "fit_test_support.h"

#include <QAction>
#include <QComboBox>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace gradlab;
using namespace gradlab::experiment;
using namespace gradlab::fittest;
using namespace gradlab::widgets;

namespace {

QJsonObject problem(const QString& name)
{
    for (const QJsonValue v : fitReference().value(QStringLiteral("problems")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    qFatal("no problem %s in fit_reference.json", qPrintable(name));
}

// A problem's rows as the training (and validation) rows of an experiment.
ExperimentData dataOf(const QJsonObject& p)
{
    ExperimentData d;
    for (const QJsonValue n : p.value(QStringLiteral("feature_names")).toArray())
        d.train.featureNames.push_back(n.toString().toStdString());
    d.train.targetName.assign(1, 'y'); // not = "y": GCC 12 warns falsely (-Wrestrict)
    d.train.x = doubles(p.value(QStringLiteral("x")));
    d.train.y = doubles(p.value(QStringLiteral("y")));
    d.val = d.train;
    d.all = d.train;
    return d;
}

ExperimentConfig configFor(ModelConfig::Type type, int degree = 2)
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.type = type;
    c.model.degree = degree;
    // The rows are given in the fixtures' order, which statsmodels' Durbin–Watson reads: not a
    // split's shuffle, where the tab leaves it out (diagnosticsShowOrSayWhyNot).
    c.dataset.split.shuffle = false;
    return c;
}

// The closed form as the window hands it to the tab: with what addLeastSquaresReport adds on the
// loader's thread (the robust covariances' sandwich, the Q–Q points).
std::optional<ClosedFormComparison> reported(const ExperimentConfig& c, const ExperimentData& d)
{
    auto cf = closedFormFor(c, d);
    if (cf)
        addLeastSquaresReport(*cf, d.train, LeastSquaresView::kMaxResidualPoints);
    return cf;
}

QStringList namesFor(const ExperimentConfig& c, const ExperimentData& d)
{
    return flatParameterNames(parameterLayout(c.model, d.train.features()));
}

// The report of `c`'s closed form on `d`'s training rows, as the window shows it.
void showFit(LeastSquaresView& view, const ExperimentConfig& c, const ExperimentData& d)
{
    view.setFit(*reported(c, d), namesFor(c, d), d.train);
}

double parse(const QString& text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? v : std::nan("");
}

std::vector<double> expectedOf(const QJsonObject& p, const char* key) { return doubles(p.value(QStringLiteral("expected")).toObject().value(QLatin1String(key))); }

double expectedScalar(const QJsonObject& p, const char* key) { return p.value(QStringLiteral("expected")).toObject().value(QLatin1String(key)).toDouble(); }

const QJsonObject& robustReference()
{
    static const QJsonObject doc = readJson(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/robust_reference.json"));
    return doc;
}

// A problem of robust_reference.json (make_robust_fixtures.py) as an experiment's training rows.
ExperimentData robustDataOf(const QString& name)
{
    QJsonObject p;
    for (const QJsonValue v : robustReference().value(QStringLiteral("problems")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            p = v.toObject();
    ExperimentData d;
    const qint64 features = p.value(QStringLiteral("features")).toInteger();
    for (qint64 j = 0; j < features; ++j)
        d.train.featureNames.push_back(features == 1 ? std::string("x") : std::string("x").append(std::to_string(j + 1)));
    d.train.targetName.assign(1, 'y');
    d.train.x = doubles(p.value(QStringLiteral("x")));
    d.train.y = doubles(p.value(QStringLiteral("y")));
    d.val = d.all = d.train;
    return d;
}

// Picks `text` in a combo box as a user does, with the keyboard (which emits activated()).
void choose(QComboBox* box, const QString& text)
{
    const int target = box->findText(text);
    QVERIFY2(target >= 0, qPrintable(text));
    while (box->currentIndex() < target)
        QTest::keyClick(box, Qt::Key_Down);
    while (box->currentIndex() > target)
        QTest::keyClick(box, Qt::Key_Up);
    QCOMPARE(box->currentText(), text);
}

// Relative tolerances of what the view shows: half a unit in the last digit it prints.
constexpr double k9 = 5e-9, k7 = 5e-7, k6 = 5e-6, k5 = 5e-5, k4 = 5e-4;

} // namespace

class TestLeastSquaresView : public QObject {
    Q_OBJECT

private:
    // Every coefficient of `name` as shown, against statsmodels, and the parameter beside it.
    void checkCoefficients(const LeastSquaresView& view, const QJsonObject& p, const QStringList& parameters)
    {
        const QJsonArray terms = p.value(QStringLiteral("expected")).toObject().value(QStringLiteral("coefficient_names")).toArray();
        QCOMPARE(view.coefficientTable()->rowCount(), terms.size());
        const std::vector<double> est = expectedOf(p, "coefficients"), se = expectedOf(p, "standard_errors"), t = expectedOf(p, "t"),
                                  pv = expectedOf(p, "p"), lo = expectedOf(p, "ci_lower"), hi = expectedOf(p, "ci_upper");
        for (qsizetype i = 0; i < terms.size(); ++i) {
            const QString term = terms[i].toString();
            const QByteArray what = term.toUtf8();
            const auto i_ = static_cast<std::size_t>(i);
            QCOMPARE(view.coefficientText(term, LeastSquaresView::Parameter), parameters[i]);
            FIT_VERIFY_REL(parse(view.coefficientText(term, LeastSquaresView::Estimate)), est[i_], k9, what + " estimate");
            FIT_VERIFY_REL(parse(view.coefficientText(term, LeastSquaresView::StdError)), se[i_], k6, what + " std. error");
            FIT_VERIFY_REL(parse(view.coefficientText(term, LeastSquaresView::TValue)), t[i_], k5, what + " t");
            FIT_VERIFY_REL(parse(view.coefficientText(term, LeastSquaresView::PValue)), pv[i_], k4, what + " p");
            FIT_VERIFY_REL(parse(view.coefficientText(term, LeastSquaresView::Lower)), lo[i_], k7, what + " lower");
            FIT_VERIFY_REL(parse(view.coefficientText(term, LeastSquaresView::Upper)), hi[i_], k7, what + " upper");
        }
    }

    void checkStatistics(const LeastSquaresView& view, const QJsonObject& p)
    {
        const auto stat = [&](LeastSquaresView::Statistic s) { return view.statisticText(s); };
        QCOMPARE(stat(LeastSquaresView::Observations), QString::number(doubles(p.value(QStringLiteral("y"))).size()));
        QCOMPARE(stat(LeastSquaresView::Rank), QString::number(expectedScalar(p, "rank")));
        QCOMPARE(parse(stat(LeastSquaresView::DfResidual)), expectedScalar(p, "df_residual"));
        FIT_VERIFY_REL(parse(stat(LeastSquaresView::RSquared)), expectedScalar(p, "r_squared"), k9, "R²");
        FIT_VERIFY_REL(parse(stat(LeastSquaresView::AdjustedRSquared)), expectedScalar(p, "adjusted_r_squared"), k9, "adjusted R²");
        FIT_VERIFY_REL(parse(stat(LeastSquaresView::ResidualStdError)), expectedScalar(p, "residual_standard_error"), k9, "residual std. error");
        // "3524.88 (1, 78)", as F(1, 78) is written
        const QRegularExpressionMatch f = QRegularExpression(QStringLiteral("^(\\S+) \\((\\d+), (\\d+)\\)$")).match(stat(LeastSquaresView::FStatistic));
        QVERIFY2(f.hasMatch(), qPrintable(stat(LeastSquaresView::FStatistic)));
        FIT_VERIFY_REL(parse(f.captured(1)), expectedScalar(p, "f_statistic"), k6, "F");
        QCOMPARE(parse(f.captured(2)), expectedScalar(p, "rank") - 1);
        QCOMPARE(parse(f.captured(3)), expectedScalar(p, "df_residual"));
        FIT_VERIFY_REL(parse(stat(LeastSquaresView::FPValue)), expectedScalar(p, "f_p_value"), k4, "p of F");
        FIT_VERIFY_REL(parse(stat(LeastSquaresView::LogLikelihood)), expectedScalar(p, "log_likelihood"), k9, "log-likelihood");
        FIT_VERIFY_REL(parse(stat(LeastSquaresView::Aic)), expectedScalar(p, "aic"), k9, "AIC");
        FIT_VERIFY_REL(parse(stat(LeastSquaresView::Bic)), expectedScalar(p, "bic"), k9, "BIC");
        double rss = 0.0;
        for (double r : expectedOf(p, "residuals"))
            rss += r * r;
        FIT_VERIFY_REL(parse(stat(LeastSquaresView::Rss)), rss, k9, "RSS");
        checkDiagnostics(view, p.value(QStringLiteral("expected")).toObject().value(QStringLiteral("diagnostics")).toObject());
    }

    // The diagnostics statsmodels' summary prints (make_fit_fixtures.py's diagnostics()), to the
    // digits shown.
    void checkDiagnostics(const LeastSquaresView& view, const QJsonObject& e)
    {
        QVERIFY(!e.isEmpty());
        const struct {
            LeastSquaresView::Statistic row;
            const char* key;
            double tolerance;
        } rows[] = {{LeastSquaresView::DurbinWatson, "durbin_watson", k6},  {LeastSquaresView::Omnibus, "omnibus", k6},
                    {LeastSquaresView::OmnibusPValue, "omnibus_p_value", k4}, {LeastSquaresView::JarqueBera, "jarque_bera", k6},
                    {LeastSquaresView::JarqueBeraPValue, "jarque_bera_p_value", k4}, {LeastSquaresView::Skew, "skew", k6},
                    {LeastSquaresView::Kurtosis, "kurtosis", k6},           {LeastSquaresView::ConditionNumber, "condition_number", k4}};
        for (const auto& r : rows)
            FIT_VERIFY_REL(parse(view.statisticText(r.row)), e.value(QLatin1String(r.key)).toDouble(), r.tolerance, QByteArray(r.key));
    }

private slots:
    void tutorialAgreesWithStatsmodels()
    {
        const QJsonObject p = problem(QStringLiteral("tutorial_train"));
        const ExperimentData d = dataOf(p);
        const ExperimentConfig c = configFor(ModelConfig::Type::ScalarLinear);
        const auto cf = reported(c, d);
        QVERIFY(cf && cf->fit);
        LeastSquaresView view;
        view.setFit(*cf, namesFor(c, d), d.train);
        QVERIFY(view.hasFit());
        checkCoefficients(view, p, {QStringLiteral("a"), QStringLiteral("b")});
        checkStatistics(view, p);
        QVERIFY2(view.title().contains(QLatin1String("80")), qPrintable(view.title()));
    }

    void featuresAndPowersNameTheirParameters()
    {
        const struct {
            const char* problem;
            ModelConfig::Type type;
            int degree;
        } cases[] = {{"three_features", ModelConfig::Type::Linear, 2}, {"polynomial_degree3", ModelConfig::Type::Polynomial, 3}};
        for (const auto& k : cases) {
            const QJsonObject p = problem(QLatin1String(k.problem));
            const ExperimentData d = dataOf(p);
            const ExperimentConfig c = configFor(k.type, k.degree);
            const auto cf = reported(c, d);
            QVERIFY(cf && cf->fit);
            LeastSquaresView view;
            const QStringList names = namesFor(c, d);
            view.setFit(*cf, names, d.train);
            // The intercept is the layer's bias, the slopes its weights (features or powers) in order.
            QCOMPARE(names.size(), 4);
            checkCoefficients(view, p, {names[3], names[0], names[1], names[2]});
            checkStatistics(view, p);
        }
    }

    // A column name with a newline or a tab (a quoted CSV header) is shown on one line, with the
    // reader's escapes, in the table and the title; the fit keeps the name as read.
    void namesWithLineBreaksAreShownOnOneLine()
    {
        ExperimentData d;
        d.train.featureNames = {"x\ny"};
        d.train.targetName = "t\tz";
        d.train.x = {1, 2, 3, 4, 5, 6};
        d.train.y = {2, 4.1, 5.9, 8.2, 9.8, 12.1};
        d.val = d.train;
        d.all = d.train;
        const ExperimentConfig c = configFor(ModelConfig::Type::Polynomial, 2);
        LeastSquaresView view;
        showFit(view, c, d);
        QCOMPARE(view.coefficientText(QStringLiteral("x\ny"), LeastSquaresView::Term), QStringLiteral("x\\ny"));
        QCOMPARE(view.coefficientText(QStringLiteral("x\ny^2"), LeastSquaresView::Term), QStringLiteral("x\\ny^2"));
        QVERIFY2(view.title().contains(QStringLiteral("t\\tz on intercept, x\\ny, x\\ny^2")), qPrintable(view.title()));
        QVERIFY(!view.title().contains(QLatin1Char('\n')) && !view.title().contains(QLatin1Char('\t')));
    }

    void residualsAreStatsmodels()
    {
        const QJsonObject p = problem(QStringLiteral("tutorial_train"));
        const ExperimentData d = dataOf(p);
        const ExperimentConfig c = configFor(ModelConfig::Type::ScalarLinear);
        LeastSquaresView view;
        showFit(view, c, d);
        // statsmodels' residuals, with the fitted values they imply, sorted by fitted value as the
        // plot keeps its points.
        const std::vector<double> residuals = expectedOf(p, "residuals");
        std::vector<std::pair<double, double>> expected;
        for (std::size_t i = 0; i < residuals.size(); ++i)
            expected.emplace_back(d.train.y[i] - residuals[i], residuals[i]);
        std::sort(expected.begin(), expected.end());
        QCPGraph* g = view.residualPlot()->graph(0);
        QCOMPARE(g->dataCount(), static_cast<int>(expected.size()));
        for (int i = 0; i < g->dataCount(); ++i) {
            const auto e = expected[static_cast<std::size_t>(i)];
            FIT_VERIFY_ABS(g->data()->at(i)->key, e.first, 1e-12, "fitted value");
            FIT_VERIFY_ABS(g->data()->at(i)->value, e.second, 1e-12, "residual");
        }
    }

    void noResidualDegreesOfFreedomShowsDashes()
    {
        // Two rows, a line through both: the estimates exist, their errors do not.
        ExperimentData d;
        d.train.featureNames = {"x"};
        d.train.targetName.assign(1, 'y'); // not = "y": GCC 12 warns falsely (-Wrestrict)
        d.train.x = {0.0, 1.0};
        d.train.y = {1.0, 3.0};
        d.val = d.all = d.train;
        const ExperimentConfig c = configFor(ModelConfig::Type::ScalarLinear);
        const auto cf = reported(c, d);
        QVERIFY(cf && cf->fit);
        LeastSquaresView view;
        view.setFit(*cf, namesFor(c, d), d.train);
        QCOMPARE(parse(view.coefficientText(QStringLiteral("x"), LeastSquaresView::Estimate)), 2.0);
        QCOMPARE(view.coefficientText(QStringLiteral("x"), LeastSquaresView::StdError), QStringLiteral("—"));
        QCOMPARE(view.coefficientText(QStringLiteral("intercept"), LeastSquaresView::PValue), QStringLiteral("—"));
        QCOMPARE(view.statisticText(LeastSquaresView::FStatistic), QStringLiteral("—"));
        const QTableWidget* t = view.coefficientTable();
        QVERIFY(!t->item(1, LeastSquaresView::StdError)->toolTip().isEmpty()); // says why
        // A fit that cannot be made at all says why in place of the report.
        d.train.x.clear();
        d.train.y.clear();
        QString why;
        QVERIFY(!closedFormFor(c, d, &why));
        QVERIFY(!why.isEmpty());
        view.clear(why);
        QVERIFY(!view.hasFit());
        QCOMPARE(t->rowCount(), 0);
        // The reason as a sentence: the fit's messages are clauses, written to follow a colon.
        QCOMPARE(view.notes().compare(why + QLatin1Char('.'), Qt::CaseInsensitive), 0);
        QVERIFY(view.notes().front().isUpper());
    }

    // Dependent columns (x1 and its copy): their coefficients are not determined, so their
    // inference shows "—" and says why, while the others agree with statsmodels. An exact fit shows
    // no t, p or F, which would only measure rounding.
    void inferenceTheDataCannotSupportIsNotShown()
    {
        const QJsonObject p = problem(QStringLiteral("duplicated_column"));
        ExperimentData d = dataOf(p);
        const ExperimentConfig c = configFor(ModelConfig::Type::Linear);
        LeastSquaresView view;
        showFit(view, c, d);
        for (const QString& term : {QStringLiteral("x1"), QStringLiteral("x1 copy")})
            for (const auto column : {LeastSquaresView::StdError, LeastSquaresView::TValue, LeastSquaresView::PValue, LeastSquaresView::Lower,
                                      LeastSquaresView::Upper})
                QCOMPARE(view.coefficientText(term, column), QStringLiteral("—"));
        const QTableWidget* t = view.coefficientTable();
        QVERIFY(t->item(1, LeastSquaresView::StdError)->toolTip().contains(QLatin1String("Not identified")));
        // The estimates are the minimum-norm ones, as statsmodels' (pinv) and NumPy's lstsq.
        FIT_VERIFY_REL(parse(view.coefficientText(QStringLiteral("x1"), LeastSquaresView::Estimate)), expectedOf(p, "coefficients")[1], k9, "x1");
        FIT_VERIFY_REL(parse(view.coefficientText(QStringLiteral("x2"), LeastSquaresView::StdError)), expectedOf(p, "standard_errors")[2], k6, "x2 se");
        FIT_VERIFY_REL(parse(view.coefficientText(QStringLiteral("intercept"), LeastSquaresView::PValue)), expectedOf(p, "p")[0], k4, "intercept p");
        QCOMPARE(view.statisticText(LeastSquaresView::Rank), QStringLiteral("3 of 4 columns"));

        // y = 1 + 2x exactly.
        d.train.featureNames = {"x"};
        d.train.x = {0.0, 1.0, 2.0, 3.0, 4.0};
        d.train.y = {1.0, 3.0, 5.0, 7.0, 9.0};
        d.val = d.all = d.train;
        const ExperimentConfig scalar = configFor(ModelConfig::Type::ScalarLinear);
        view.setFit(*reported(scalar, d), namesFor(scalar, d), d.train);
        QCOMPARE(parse(view.coefficientText(QStringLiteral("x"), LeastSquaresView::Estimate)), 2.0);
        QCOMPARE(view.coefficientText(QStringLiteral("x"), LeastSquaresView::PValue), QStringLiteral("—"));
        QCOMPARE(view.statisticText(LeastSquaresView::FStatistic), QStringLiteral("—"));
        QCOMPARE(view.statisticText(LeastSquaresView::FPValue), QStringLiteral("—"));
        QVERIFY(view.notes().contains(QLatin1String("The fit is exact")));
    }

    // The confidence level: 95% at first; at 90% the headers say so and the coefficients' and the
    // predictions' intervals are statsmodels' conf_int(alpha=0.10) and summary_frame(alpha=0.10);
    // the other cells stay. A level outside the box's range (a damaged setting) gives 95%.
    void confidenceLevelChangesTheIntervals()
    {
        const QJsonObject p = problem(QStringLiteral("tutorial_train"));
        const ExperimentData d = dataOf(p);
        const ExperimentConfig c = configFor(ModelConfig::Type::ScalarLinear);
        LeastSquaresView view;
        QCOMPARE(view.confidenceLevel(), 0.95);
        showFit(view, c, d);
        QVERIFY(view.predict(QStringLiteral("-0.5 0 0.25 0.5 1 2")));
        const QTableWidget* t = view.coefficientTable();
        QCOMPARE(t->horizontalHeaderItem(LeastSquaresView::Lower)->text(), QStringLiteral("Lower 95%"));
        const QString pBefore = view.coefficientText(QStringLiteral("x"), LeastSquaresView::PValue);
        const QString lowerBefore = view.coefficientText(QStringLiteral("x"), LeastSquaresView::Lower);

        view.confidenceLevelBox()->setValue(90.0); // as the user sets it
        QCOMPARE(view.confidenceLevel(), 0.9);
        QCOMPARE(view.shownFit()->confidenceLevel, 0.9);
        QCOMPARE(t->horizontalHeaderItem(LeastSquaresView::Lower)->text(), QStringLiteral("Lower 90%"));
        QCOMPARE(t->horizontalHeaderItem(LeastSquaresView::Upper)->text(), QStringLiteral("Upper 90%"));
        QVERIFY(t->horizontalHeaderItem(LeastSquaresView::Upper)->toolTip().contains(QLatin1String("90%")));
        QVERIFY(view.coefficientText(QStringLiteral("x"), LeastSquaresView::Lower) != lowerBefore);
        QCOMPARE(view.coefficientText(QStringLiteral("x"), LeastSquaresView::PValue), pBefore);
        const std::vector<double> lower = expectedOf(p, "ci_lower_90"), upper = expectedOf(p, "ci_upper_90");
        for (std::size_t i = 0; i < 2; ++i) {
            const QString term = i == 0 ? QStringLiteral("intercept") : QStringLiteral("x");
            FIT_VERIFY_REL(parse(view.coefficientText(term, LeastSquaresView::Lower)), lower[i], k7, term.toUtf8() + " 90% lower");
            FIT_VERIFY_REL(parse(view.coefficientText(term, LeastSquaresView::Upper)), upper[i], k7, term.toUtf8() + " 90% upper");
        }
        QFile f(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject expected;
        for (const QJsonValue v : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("problems")).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("tutorial_train"))
                expected = v.toObject().value(QStringLiteral("expected_90")).toObject();
        const QTableWidget* predictions = view.predictionTable();
        QCOMPARE(predictions->horizontalHeaderItem(1 + LeastSquaresView::MeanLower)->text(), QStringLiteral("Mean lower 90%"));
        QCOMPARE(predictions->horizontalHeaderItem(1 + LeastSquaresView::ObservationUpper)->text(), QStringLiteral("Observation upper 90%"));
        QCOMPARE(predictions->rowCount(), 6);
        const struct {
            LeastSquaresView::PredictionColumn column;
            const char* key;
        } columns[] = {{LeastSquaresView::MeanLower, "mean_ci_lower"},
                       {LeastSquaresView::MeanUpper, "mean_ci_upper"},
                       {LeastSquaresView::ObservationLower, "obs_ci_lower"},
                       {LeastSquaresView::ObservationUpper, "obs_ci_upper"}};
        for (int row = 0; row < 6; ++row)
            for (const auto& k : columns) {
                const double e = expected.value(QLatin1String(k.key)).toArray()[row].toDouble();
                const double shown = parse(predictions->item(row, 1 + k.column)->text());
                // To the digits shown, relative to the value or, near 0, to the interval's scale.
                QVERIFY2(std::abs(shown - e) <= k7 * std::max(std::abs(e), 1.0), qPrintable(QStringLiteral("%1[%2]: %3 vs %4").arg(QLatin1String(k.key)).arg(row).arg(shown).arg(e)));
            }
        // A new fit keeps the level.
        showFit(view, c, d);
        QCOMPARE(t->horizontalHeaderItem(LeastSquaresView::Lower)->text(), QStringLiteral("Lower 90%"));
        FIT_VERIFY_REL(parse(view.coefficientText(QStringLiteral("x"), LeastSquaresView::Upper)), upper[1], k7, "x 90% upper after a new fit");
        view.setConfidenceLevel(0.995);
        QCOMPARE(t->horizontalHeaderItem(LeastSquaresView::Lower)->text(), QStringLiteral("Lower 99.5%"));
        view.setConfidenceLevel(1.5);
        QCOMPARE(view.confidenceLevel(), 0.95);
        QCOMPARE(t->horizontalHeaderItem(LeastSquaresView::Lower)->text(), QStringLiteral("Lower 95%"));
    }

    // The tutorial's 100 rows (Rows: All rows), as statsmodels' summary; diagnostics the data does
    // not define are "—" with the reason on the tooltip.
    void diagnosticsShowOrSayWhyNot()
    {
        const Columns tutorial = tutorialCsv();
        ExperimentData d;
        d.train.featureNames = {"x"};
        d.train.targetName.assign(1, 'y'); // not = "y": GCC 12 warns falsely (-Wrestrict)
        d.train.x = tutorial.x;
        d.train.y = tutorial.y;
        d.val = d.all = d.train;
        const ExperimentConfig c = configFor(ModelConfig::Type::ScalarLinear);
        LeastSquaresView view;
        showFit(view, c, d);
        QFile f(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        checkDiagnostics(view, QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("tutorial_all_rows")).toObject().value(QStringLiteral("diagnostics")).toObject());
        const QTableWidget* stats = view.statisticsTable();
        QVERIFY(stats->item(LeastSquaresView::DurbinWatson, 0)->toolTip().isEmpty());
        // Training rows in the split's shuffled order: Durbin–Watson, which reads the residuals in
        // order, says nothing there; "—" and why, the other diagnostics as before (review 13).
        {
            ExperimentConfig shuffled = c;
            shuffled.dataset.split.shuffle = true;
            LeastSquaresView other;
            showFit(other, shuffled, d);
            QCOMPARE(other.statisticText(LeastSquaresView::DurbinWatson), QStringLiteral("—"));
            const QString why = other.statisticsTable()->item(LeastSquaresView::DurbinWatson, 0)->toolTip();
            QVERIFY2(why.contains(QLatin1String("shuffled order")), qPrintable(why));
            QCOMPARE(other.statisticText(LeastSquaresView::Skew), view.statisticText(LeastSquaresView::Skew));
        }
        QVERIFY(!stats->verticalHeaderItem(LeastSquaresView::ConditionNumber)->toolTip().isEmpty());

        // Four rows: too few for the omnibus test (scipy's 8), enough for the rest.
        const QJsonObject tiny = problem(QStringLiteral("tiny_n_equals_p_plus_1"));
        showFit(view, configFor(ModelConfig::Type::Linear), dataOf(tiny));
        for (const auto row : {LeastSquaresView::Omnibus, LeastSquaresView::OmnibusPValue}) {
            QCOMPARE(view.statisticText(row), QStringLiteral("—"));
            QVERIFY2(stats->item(row, 0)->toolTip().contains(QLatin1String("at least 8 residuals")), qPrintable(stats->item(row, 0)->toolTip()));
        }
        const QJsonObject tinyDiagnostics = tiny.value(QStringLiteral("expected")).toObject().value(QStringLiteral("diagnostics")).toObject();
        FIT_VERIFY_REL(parse(view.statisticText(LeastSquaresView::JarqueBera)), tinyDiagnostics.value(QStringLiteral("jarque_bera")).toDouble(), k6,
                       "Jarque–Bera of 4 rows");

        // Dependent columns: no condition number (infinite), and why.
        showFit(view, configFor(ModelConfig::Type::Linear), dataOf(problem(QStringLiteral("duplicated_column"))));
        QCOMPARE(view.statisticText(LeastSquaresView::ConditionNumber), QStringLiteral("—"));
        QVERIFY(stats->item(LeastSquaresView::ConditionNumber, 0)->toolTip().contains(QLatin1String("rank-deficient")));
        QVERIFY(view.statisticText(LeastSquaresView::DurbinWatson) != QStringLiteral("—"));

        // An exact fit: its residuals are rounding, so none of their statistics.
        d.train.x = {0.0, 1.0, 2.0, 3.0, 4.0};
        d.train.y = {1.0, 3.0, 5.0, 7.0, 9.0};
        d.val = d.all = d.train;
        showFit(view, c, d);
        for (const auto row : {LeastSquaresView::DurbinWatson, LeastSquaresView::JarqueBera, LeastSquaresView::Skew, LeastSquaresView::Kurtosis,
                               LeastSquaresView::Omnibus}) {
            QCOMPARE(view.statisticText(row), QStringLiteral("—"));
            QVERIFY2(stats->item(row, 0)->toolTip().startsWith(QLatin1String("Not available: the fit is exact")), qPrintable(stats->item(row, 0)->toolTip()));
        }
        QVERIFY(view.statisticText(LeastSquaresView::ConditionNumber) != QStringLiteral("—"));
    }

    // Standard errors: HC3 (chosen as a user does) shows statsmodels' fit(cov_type='HC3') on a
    // heteroskedastic three-feature set: its errors, z, normal p-values and intervals, the robust
    // F, with headers and notes that say so; the fit shown (which File > Export writes) is HC3.
    // Classical again gives the classical report.
    void robustStandardErrorsAreShownAndSaid()
    {
        const ExperimentData d = robustDataOf(QStringLiteral("heteroskedastic"));
        QCOMPARE(d.train.rows(), qint64(50));
        const ExperimentConfig c = configFor(ModelConfig::Type::Linear);
        LeastSquaresView view;
        showFit(view, c, d);
        QCOMPARE(view.coefficientTable()->horizontalHeaderItem(LeastSquaresView::StdError)->text(), QStringLiteral("Std. error"));
        const QString classicalError = view.coefficientText(QStringLiteral("x1"), LeastSquaresView::StdError);
        choose(view.standardErrorsBox(), QStringLiteral("HC3"));
        QCOMPARE(view.standardErrors(), fit::CovarianceType::HC3);
        QCOMPARE(view.coefficientTable()->horizontalHeaderItem(LeastSquaresView::StdError)->text(), QStringLiteral("Std. error (HC3)"));
        QCOMPARE(view.coefficientTable()->horizontalHeaderItem(LeastSquaresView::TValue)->text(), QStringLiteral("z"));
        QCOMPARE(view.statisticsTable()->verticalHeaderItem(LeastSquaresView::FStatistic)->text(), QStringLiteral("Robust F (HC3)"));
        QVERIFY2(view.notes().contains(QLatin1String("normal distribution")), qPrintable(view.notes()));
        QVERIFY(view.shownFit() && view.shownFit()->covarianceType == fit::CovarianceType::HC3);
        QJsonObject hc3;
        for (const QJsonValue v : robustReference().value(QStringLiteral("problems")).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("heteroskedastic"))
                hc3 = v.toObject().value(QStringLiteral("types")).toObject().value(QStringLiteral("HC3")).toObject();
        const std::vector<double> bse = doubles(hc3.value(QStringLiteral("bse"))), z = doubles(hc3.value(QStringLiteral("z"))),
                                  pv = doubles(hc3.value(QStringLiteral("p"))), ci = doubles(hc3.value(QStringLiteral("conf_int_95")));
        const QStringList terms{QStringLiteral("intercept"), QStringLiteral("x1"), QStringLiteral("x2"), QStringLiteral("x3")};
        for (qsizetype i = 0; i < terms.size(); ++i) {
            const auto j = static_cast<std::size_t>(i);
            const QByteArray what = terms[i].toUtf8();
            FIT_VERIFY_REL(parse(view.coefficientText(terms[i], LeastSquaresView::StdError)), bse[j], k6, what + " HC3 error");
            FIT_VERIFY_REL(parse(view.coefficientText(terms[i], LeastSquaresView::TValue)), z[j], k5, what + " z");
            FIT_VERIFY_REL(parse(view.coefficientText(terms[i], LeastSquaresView::PValue)), pv[j], k4, what + " p");
            FIT_VERIFY_REL(parse(view.coefficientText(terms[i], LeastSquaresView::Lower)), ci[2 * j], k7, what + " lower");
            FIT_VERIFY_REL(parse(view.coefficientText(terms[i], LeastSquaresView::Upper)), ci[2 * j + 1], k7, what + " upper");
        }
        const QString f = view.statisticText(LeastSquaresView::FStatistic);
        FIT_VERIFY_REL(parse(f.section(QLatin1Char(' '), 0, 0)), hc3.value(QStringLiteral("f")).toDouble(), k6, "robust F");
        QVERIFY2(f.endsWith(QLatin1String("(3, 46)")), qPrintable(f));
        FIT_VERIFY_REL(parse(view.statisticText(LeastSquaresView::FPValue)), hc3.value(QStringLiteral("f_p")).toDouble(), k4, "robust F's p");
        // The level still applies, with the normal quantile.
        view.setConfidenceLevel(0.90);
        const std::vector<double> ci90 = doubles(hc3.value(QStringLiteral("conf_int_90")));
        FIT_VERIFY_REL(parse(view.coefficientText(QStringLiteral("x1"), LeastSquaresView::Lower)), ci90[2], k7, "x1 90% lower");
        choose(view.standardErrorsBox(), QStringLiteral("Classical"));
        QCOMPARE(view.coefficientTable()->horizontalHeaderItem(LeastSquaresView::StdError)->text(), QStringLiteral("Std. error"));
        QCOMPARE(view.coefficientTable()->horizontalHeaderItem(LeastSquaresView::TValue)->text(), QStringLiteral("t"));
        QCOMPARE(view.statisticsTable()->verticalHeaderItem(LeastSquaresView::FStatistic)->text(), QStringLiteral("F statistic"));
        QCOMPARE(view.coefficientText(QStringLiteral("x1"), LeastSquaresView::StdError), classicalError);
        QVERIFY(!view.notes().contains(QLatin1String("normal distribution")));
    }

    // A row of leverage 1: HC2 and HC3 are "—", the reason on the cell and in the notes; HC1 is shown.
    void undefinedRobustErrorsSayWhy()
    {
        const QJsonObject e = robustReference().value(QStringLiteral("leverage_one")).toObject();
        ExperimentData d;
        d.train.featureNames = {"x1", "dummy"};
        d.train.targetName.assign(1, 'y');
        d.train.x = doubles(e.value(QStringLiteral("x")));
        d.train.y = doubles(e.value(QStringLiteral("y")));
        d.val = d.all = d.train;
        LeastSquaresView view;
        showFit(view, configFor(ModelConfig::Type::Linear), d);
        view.setStandardErrors(fit::CovarianceType::HC3);
        QCOMPARE(view.coefficientText(QStringLiteral("x1"), LeastSquaresView::StdError), QStringLiteral("—"));
        const int row = 1;
        QVERIFY2(view.coefficientTable()->item(row, LeastSquaresView::StdError)->toolTip().contains(QLatin1String("leverage 1")),
                 qPrintable(view.coefficientTable()->item(row, LeastSquaresView::StdError)->toolTip()));
        QVERIFY2(view.notes().contains(QLatin1String("leverage 1")), qPrintable(view.notes()));
        QCOMPARE(view.statisticText(LeastSquaresView::FStatistic), QStringLiteral("—"));
        view.setStandardErrors(fit::CovarianceType::HC1);
        FIT_VERIFY_REL(parse(view.coefficientText(QStringLiteral("x1"), LeastSquaresView::StdError)),
                       e.value(QStringLiteral("HC1")).toObject().value(QStringLiteral("bse")).toArray()[1].toDouble(), k6, "x1 HC1 error");
    }

    // The residual plot's choice: Normal Q–Q shows the studentized residuals against the normal
    // quantiles (scipy.stats.probplot's, fixtures/robust_reference.json) with axis titles that say
    // so; back to Residuals vs fitted shows those again.
    void residualPlotSwitchesToNormalQQ()
    {
        const ExperimentData d = robustDataOf(QStringLiteral("polynomial_degree3"));
        QCOMPARE(d.train.rows(), qint64(45));
        LeastSquaresView view;
        showFit(view, configFor(ModelConfig::Type::Polynomial, 3), d);
        ResidualPlot* plot = view.residualPlot();
        QCOMPARE(plot->xAxis->label(), QStringLiteral("Fitted value ŷ"));
        QCOMPARE(plot->yAxis->label(), QStringLiteral("Residual y − ŷ"));
        QCOMPARE(plot->points(), 45);
        choose(view.residualPlotBox(), QStringLiteral("Normal Q–Q"));
        QCOMPARE(view.residualPlotKind(), ResidualPlot::NormalQQ);
        QCOMPARE(plot->xAxis->label(), QStringLiteral("Standard normal quantile"));
        QCOMPARE(plot->yAxis->label(), QStringLiteral("Studentized residual e / (σ̂ √(1 − h))"));
        QCOMPARE(plot->points(), 45);
        QJsonObject qq;
        for (const QJsonValue v : robustReference().value(QStringLiteral("problems")).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("polynomial_degree3"))
                qq = v.toObject().value(QStringLiteral("qq")).toObject();
        const std::vector<double> theoretical = doubles(qq.value(QStringLiteral("theoretical"))), sorted = doubles(qq.value(QStringLiteral("sorted")));
        const QCPGraph* g = plot->graph(0);
        for (int i = 0; i < 45; ++i) {
            FIT_VERIFY_ABS(g->data()->at(i)->key, theoretical[static_cast<std::size_t>(i)], 1e-12, "quantile");
            FIT_VERIFY_ABS(g->data()->at(i)->value, sorted[static_cast<std::size_t>(i)], 1e-10, "studentized residual");
        }
        choose(view.residualPlotBox(), QStringLiteral("Residuals vs fitted"));
        QCOMPARE(plot->xAxis->label(), QStringLiteral("Fitted value ŷ"));
        QCOMPARE(plot->points(), 45);
    }

    void largeDataShowsEveryNthResidual()
    {
        ExperimentData d;
        d.train.featureNames = {"x"};
        d.train.targetName.assign(1, 'y'); // not = "y": GCC 12 warns falsely (-Wrestrict)
        const int n = 50'001;
        for (int i = 0; i < n; ++i) {
            d.train.x.push_back(i * 1e-4);
            d.train.y.push_back(1.0 + 2.0 * i * 1e-4 + ((i % 7) - 3) * 0.01);
        }
        d.val = d.all = d.train;
        const ExperimentConfig c = configFor(ModelConfig::Type::ScalarLinear);
        LeastSquaresView view;
        showFit(view, c, d);
        const int points = view.residualPlot()->points();
        QVERIFY2(points <= LeastSquaresView::kMaxResidualPoints && points >= LeastSquaresView::kMaxResidualPoints / 2,
                 qPrintable(QString::number(points)));
        QCOMPARE(view.statisticText(LeastSquaresView::Observations), QLocale().toString(n));
        QVERIFY2(view.notes().contains(QStringLiteral("one row in 3: %1 of %2").arg(QLocale().toString(points), QLocale().toString(n))),
                 qPrintable(view.notes()));
        // The Q–Q plot: evenly spaced order statistics, as many as the residual plot may show,
        // the smallest and the largest residual among them.
        view.setResidualPlotKind(ResidualPlot::NormalQQ);
        QCOMPARE(view.residualPlot()->points(), int(LeastSquaresView::kMaxResidualPoints));
        const QCPGraph* qq = view.residualPlot()->graph(0);
        double least = 0.0, most = 0.0;
        const fit::FitResult& f = *view.shownFit();
        for (int i = 0; i < n; ++i) {
            const double e = d.train.y[std::size_t(i)] - f.coefficients[0].estimate - f.coefficients[1].estimate * d.train.x[std::size_t(i)];
            least = std::min(least, e);
            most = std::max(most, e);
        }
        // Studentized: e / (σ̂ √(1 − h)), h at most 4/n here, so within 1e-4 of e / σ̂.
        FIT_VERIFY_REL(qq->data()->at(0)->value, least / f.residualStandardError, 1e-4, "smallest");
        FIT_VERIFY_REL(qq->data()->at(qq->dataCount() - 1)->value, most / f.residualStandardError, 1e-4, "largest");
        QVERIFY2(view.notes().contains(QStringLiteral("The Q–Q plot shows %1 of the %2 ordered residuals")
                                           .arg(QLocale().toString(int(LeastSquaresView::kMaxResidualPoints)), QLocale().toString(n))),
                 qPrintable(view.notes()));
        // Tiny p-values underflow to 0: shown as below the smallest double, not as nought.
        QVERIFY2(view.coefficientText(QStringLiteral("x"), LeastSquaresView::PValue).startsWith(QLatin1String("< ")),
                 qPrintable(view.coefficientText(QStringLiteral("x"), LeastSquaresView::PValue)));
    }

    void cellsCopyAsTabSeparatedText()
    {
        const QJsonObject p = problem(QStringLiteral("tutorial_train"));
        const ExperimentData d = dataOf(p);
        const ExperimentConfig c = configFor(ModelConfig::Type::ScalarLinear);
        LeastSquaresView view;
        showFit(view, c, d);
        view.show();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QTableWidget* t = view.coefficientTable();
        // The estimate and standard error of both rows, as a spreadsheet pastes them.
        t->setRangeSelected(QTableWidgetSelectionRange(0, LeastSquaresView::Estimate, 1, LeastSquaresView::StdError), true);
        const QString selected = tableText(t, false);
        QCOMPARE(selected, t->item(0, 2)->text() + '\t' + t->item(0, 3)->text() + '\n' + t->item(1, 2)->text() + '\t' + t->item(1, 3)->text() + '\n');
        // Ctrl+C puts the same on the clipboard.
        t->setFocus();
        QTest::keySequence(t, QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), selected);
        // Copy Table: the headers, then every row.
        QAction* all = t->findChild<QAction*>(QStringLiteral("copyTable"));
        QVERIFY(all);
        all->trigger();
        const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith(QStringLiteral("Term\tParameter\tEstimate\tStd. error")), qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(QStringLiteral("intercept\ta\t")), qPrintable(lines[1]));
        // The statistics table's rows carry their names.
        QTableWidget* s = view.statisticsTable();
        const QStringList stats = tableText(s, true).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(stats.size(), LeastSquaresView::StatisticCount + 1);
        QCOMPARE(stats[1], QStringLiteral("Observations\t80"));
    }

    // Predictions at new rows against statsmodels' get_prediction() (prediction_reference.json):
    // several x values at once for one feature, rows separated by ";" for three; bad input is
    // refused with a reason and adds nothing; the rows are predicted again by a new fit.
    void predictionsAgreeWithStatsmodels()
    {
        QFile f(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray problems = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("problems")).toArray();
        const auto reference = [&](const QString& name) {
            for (const QJsonValue v : problems)
                if (v.toObject().value(QStringLiteral("name")).toString() == name)
                    return v.toObject();
            return QJsonObject();
        };
        const char* columns[] = {"mean", "mean_se", "mean_ci_lower", "mean_ci_upper", "obs_ci_lower", "obs_ci_upper"};
        const double digits[] = {k9, k6, k7, k7, k7, k7};
        const auto check = [&](const LeastSquaresView& view, const QJsonObject& r, int features) {
            const QJsonObject e = r.value(QStringLiteral("expected")).toObject();
            const QTableWidget* t = view.predictionTable();
            QCOMPARE(t->rowCount(), e.value(QStringLiteral("mean")).toArray().size());
            for (int row = 0; row < t->rowCount(); ++row)
                for (int c = 0; c < LeastSquaresView::PredictionColumnCount; ++c) {
                    const double expected = e.value(QLatin1String(columns[c])).toArray()[row].toDouble();
                    // Relative to the value, or to the mean where an interval's end is near 0.
                    const double scale = std::max(std::abs(expected), std::abs(e.value(QStringLiteral("mean")).toArray()[row].toDouble()));
                    const double shown = parse(t->item(row, features + c)->text());
                    QVERIFY2(std::abs(shown - expected) <= digits[c] * scale,
                             qPrintable(QStringLiteral("row %1 %2: %3 vs statsmodels %4").arg(row).arg(QLatin1String(columns[c])).arg(shown, 0, 'g', 17).arg(expected, 0, 'g', 17)));
                }
        };

        const QJsonObject tutorial = problem(QStringLiteral("tutorial_train"));
        ExperimentData d = dataOf(tutorial);
        ExperimentConfig c = configFor(ModelConfig::Type::ScalarLinear);
        LeastSquaresView view;
        showFit(view, c, d);
        QVERIFY(view.predict(QStringLiteral("-0.5 0, 0.25 0.5")));
        QVERIFY(view.predict(QStringLiteral("1 2")));
        check(view, reference(QStringLiteral("tutorial_train")), 1);
        QCOMPARE(view.predictionTable()->item(0, 0)->text(), QStringLiteral("-0.5"));
        // Bad input: a reason, nothing added, the text kept for the user to mend.
        QVERIFY(!view.predict(QStringLiteral("0.5 abc")));
        QVERIFY2(view.predictionError().contains(QLatin1String("abc")), qPrintable(view.predictionError()));
        QVERIFY(!view.predict(QStringLiteral("  ")));
        QVERIFY(!view.predictionError().isEmpty());
        QCOMPARE(view.predictionTable()->rowCount(), 6);
        // Another fit of the same feature (fewer rows) predicts the same x again; the values change.
        const QString before = view.predictionTable()->item(5, 1)->text();
        ExperimentData fewer = d;
        fewer.train.x.resize(40);
        fewer.train.y.resize(40);
        view.setFit(*reported(c, fewer), namesFor(c, fewer), fewer.train);
        QCOMPARE(view.predictionTable()->rowCount(), 6);
        QVERIFY(view.predictionTable()->item(5, 1)->text() != before);
        showFit(view, c, d);
        check(view, reference(QStringLiteral("tutorial_train")), 1);

        // Three features: three values per row.
        const QJsonObject three = problem(QStringLiteral("three_features"));
        d = dataOf(three);
        c = configFor(ModelConfig::Type::Linear);
        showFit(view, c, d);
        QCOMPARE(view.predictionTable()->rowCount(), 0); // other features: the old rows go
        QCOMPARE(view.predictionTable()->horizontalHeaderItem(0)->text(), QStringLiteral("x1"));
        QVERIFY(!view.predict(QStringLiteral("0 10")));
        QVERIFY2(view.predictionError().contains(QLatin1String("3")), qPrintable(view.predictionError()));
        QVERIFY(view.predict(QStringLiteral("0 10 0; 1 11.5 -0.5; -2 13 1; 0.3 9 2.5")));
        check(view, reference(QStringLiteral("three_features")), 3);

        // Two equal columns (x1 and its copy): a row where they differ is not determined by the
        // data, so it shows no prediction; one where they agree does.
        d = dataOf(problem(QStringLiteral("duplicated_column")));
        showFit(view, c, d);
        QVERIFY(view.predict(QStringLiteral("0.5 0.2 0.5; 0.5 0.2 -1")));
        const QTableWidget* t = view.predictionTable();
        QVERIFY(t->item(0, 3)->text() != QStringLiteral("—"));
        QVERIFY(t->item(0, 4)->text() != QStringLiteral("—"));
        for (int column = 3; column < 3 + LeastSquaresView::PredictionColumnCount; ++column)
            QCOMPARE(t->item(1, column)->text(), QStringLiteral("—"));
        QVERIFY(t->item(1, 3)->toolTip().contains(QLatin1String("Not estimable")));
    }

    void exportsAgreeWithStatsmodels()
    {
        const QJsonObject p = problem(QStringLiteral("three_features"));
        const ExperimentData d = dataOf(p);
        const ExperimentConfig c = configFor(ModelConfig::Type::Linear);
        const auto cf = reported(c, d);
        const QStringList names = namesFor(c, d);
        QString error;
        const auto csv = leastSquaresCsv(*cf, names, &error);
        QVERIFY2(csv, qPrintable(error));
        const QStringList lines = QString::fromUtf8(*csv).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("term,parameter,estimate,std_error,t,p_value,ci_lower,ci_upper,identified,confidence_level,covariance_type"));
        QCOMPARE(lines.size(), 5);
        const char* keys[] = {"coefficients", "standard_errors", "t", "p", "ci_lower", "ci_upper"};
        // As tests/model/fit/tst_fit.cpp: estimates, errors and t to 1e-10; p and the interval,
        // which go through Student's t distribution, to 1e-8.
        const double tolerances[] = {1e-10, 1e-10, 1e-10, 1e-8, 1e-8, 1e-8};
        for (int row = 0; row < 4; ++row) {
            const QStringList cells = lines[row + 1].split(QLatin1Char(','));
            QCOMPARE(cells.size(), 11);
            QCOMPARE(cells[8], QStringLiteral("true"));
            QCOMPARE(cells[9], QStringLiteral("0.95"));
            QCOMPARE(cells[10], QStringLiteral("classical"));
            QCOMPARE(cells[0], p.value(QStringLiteral("expected")).toObject().value(QStringLiteral("coefficient_names")).toArray()[row].toString());
            QCOMPARE(cells[1], names[row == 0 ? 3 : row - 1]);
            for (int k = 0; k < 6; ++k)
                FIT_VERIFY_REL(cells[k + 2].toDouble(), expectedOf(p, keys[k])[static_cast<std::size_t>(row)], tolerances[k], QByteArray(keys[k]));
        }
        const auto json = leastSquaresJson(*cf, names, &error, &c);
        QVERIFY2(json, qPrintable(error));
        const QJsonObject o = QJsonDocument::fromJson(*json).object();
        // What was fitted travels with the numbers, as the project file writes it.
        QCOMPARE(o.value(QStringLiteral("model")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("linear"));
        QVERIFY(o.value(QStringLiteral("dataset")).toObject().contains(QStringLiteral("split")));
        QCOMPARE(o.value(QStringLiteral("exact_fit")).toBool(true), false);
        QCOMPARE(o.value(QStringLiteral("rows")).toString(), QStringLiteral("training"));
        // The fit on all rows says so; a project's copy of its CSV text stays out of the report.
        ExperimentConfig embedded = c;
        embedded.dataset.source = DatasetConfig::Source::Csv;
        embedded.dataset.csv.path = QStringLiteral("/data/three.csv");
        embedded.dataset.csv.embedded = QStringLiteral("x1,x2,x3,y\n1,2,3,4\n");
        const QJsonObject all = QJsonDocument::fromJson(*leastSquaresJson(*cf, names, &error, &embedded, true)).object();
        QCOMPARE(all.value(QStringLiteral("rows")).toString(), QStringLiteral("all"));
        QVERIFY(!all.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("csv")).toObject().contains(QStringLiteral("embedded")));
        QCOMPARE(all.value(QStringLiteral("dataset")).toObject().value(QStringLiteral("csv")).toObject().value(QStringLiteral("path")).toString(),
                 QStringLiteral("/data/three.csv"));
        QCOMPARE(o.value(QStringLiteral("observations")).toInt(), 60);
        for (const char* key : {"r_squared", "adjusted_r_squared", "residual_standard_error", "f_statistic", "f_p_value", "log_likelihood", "aic", "bic"})
            FIT_VERIFY_REL(o.value(QLatin1String(key)).toDouble(), expectedScalar(p, key), 1e-8, QByteArray(key));
        const QJsonArray coefficients = o.value(QStringLiteral("coefficients")).toArray();
        QCOMPARE(coefficients.size(), 4);
        QCOMPARE(coefficients[0].toObject().value(QStringLiteral("parameter")).toString(), names[3]);
        FIT_VERIFY_REL(coefficients[2].toObject().value(QStringLiteral("std_error")).toDouble(), expectedOf(p, "standard_errors")[2], 1e-9, "std_error");
        const QJsonObject diagnostics = p.value(QStringLiteral("expected")).toObject().value(QStringLiteral("diagnostics")).toObject();
        for (auto it = diagnostics.begin(); it != diagnostics.end(); ++it)
            FIT_VERIFY_REL(o.value(it.key()).toDouble(), it.value().toDouble(), 1e-9, it.key().toUtf8());

        // No fit (a run read from a project file has none): an error, no file content.
        ClosedFormComparison saved = *cf;
        saved.fit.reset();
        QVERIFY(!leastSquaresCsv(saved, names, &error));
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(!leastSquaresJson(*cf, names.mid(0, 2), &error)); // names that do not match
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestLeastSquaresView)
#include "tst_least_squares_view.moc"

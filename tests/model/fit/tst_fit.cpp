// The closed-form fit against independent references: scikit-learn's answer on the tutorial's
// training split, and statsmodels / numpy / scipy on the problems in fixtures/fit_reference.json.
#include "fit_test_support.h"

#include "fit/loss.h"

#include <QtTest>

using namespace gradlab;
using namespace gradlab::fittest;

namespace {

const QJsonObject& robustReference()
{
    static const QJsonObject doc = readJson(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/robust_reference.json"));
    return doc;
}

QJsonObject robustProblem(const QString& name)
{
    for (const QJsonValue& p : robustReference().value(QLatin1String("problems")).toArray())
        if (p.toObject().value(QLatin1String("name")).toString() == name)
            return p.toObject();
    return {};
}

QJsonObject problem(const QString& name)
{
    for (const QJsonValue& p : fitReference().value(QLatin1String("problems")).toArray())
        if (p.toObject().value(QLatin1String("name")).toString() == name)
            return p.toObject();
    return {};
}

// The problem's x: as stored, or for the wide problem drawn again from make_fit_fixtures.py's
// lcg_features, whose values are exact in double precision, so this gives the same bits.
std::vector<double> featureValues(const QJsonObject& p)
{
    const QJsonObject lcg = p.value(QLatin1String("x_lcg")).toObject();
    if (lcg.isEmpty())
        return doubles(p.value(QLatin1String("x")));
    const auto rows = static_cast<std::size_t>(lcg.value(QLatin1String("rows")).toInteger());
    const auto features = static_cast<std::size_t>(lcg.value(QLatin1String("features")).toInteger());
    auto state = static_cast<std::uint64_t>(lcg.value(QLatin1String("seed")).toInteger());
    std::vector<double> x(rows * features);
    for (double& v : x) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        v = static_cast<double>(static_cast<std::int64_t>(state >> 11) - (std::int64_t(1) << 52)) * 0x1p-52;
    }
    for (std::size_t i = 0; i < rows; ++i)
        x[i * features + 99] = x[i * features + 9] + 2.0 * x[i * features + 49]; // x100 = x10 + 2·x50
    return x;
}

// Rows of `x` alone (no targets), for predictions.
fit::DataView rowsOf(const std::vector<double>& x, std::int64_t features)
{
    fit::DataView v;
    v.x = x.data();
    v.rows = static_cast<std::int64_t>(x.size()) / features;
    v.features = features;
    return v;
}

// The diagnostics statsmodels' summary prints, against `expected` (make_fit_fixtures.py's
// diagnostics()): a null there is a value GradLab must report as not available, with a reason.
void verifyDiagnostics(const fit::Diagnostics& d, const QJsonObject& expected)
{
    QVERIFY2(!expected.isEmpty(), "the fixture has no diagnostics");
    QVERIFY(!d.residualsUndefined);
    const struct {
        const char* key;
        double value;
        bool reason;
    } values[] = {
        {"durbin_watson", d.durbinWatson, false},
        {"omnibus", d.omnibus, bool(d.omnibusUndefined)},
        {"omnibus_p_value", d.omnibusPValue, bool(d.omnibusUndefined)},
        {"jarque_bera", d.jarqueBera, false},
        {"jarque_bera_p_value", d.jarqueBeraPValue, false},
        {"skew", d.skew, false},
        {"kurtosis", d.kurtosis, false},
        {"condition_number", d.conditionNumber, bool(d.conditionUndefined)},
    };
    for (const auto& v : values) {
        const QJsonValue e = expected.value(QLatin1String(v.key));
        if (e.isNull()) {
            QVERIFY2(std::isnan(v.value) && v.reason, v.key);
        } else {
            QVERIFY2(!v.reason, v.key);
            FIT_VERIFY_REL(v.value, e.toDouble(), 1e-9, v.key);
        }
    }
}

} // namespace

class TestFit : public QObject {
    Q_OBJECT

private slots:
    void tutorialTrainingSplitMatchesScikitLearn()
    {
        const Columns data = tutorialCsv();
        QCOMPARE(data.y.size(), std::size_t(100));
        const std::vector<std::int64_t> train
            = indices(tutorialExpected().value(QLatin1String("dataset")).toObject().value(QLatin1String("train_indices")));
        QCOMPARE(train.size(), std::size_t(80));
        fit::DataView v = viewOf(data.x, data.y, 1);
        v.pick = train;
        const fit::FitResult f = fit::fitLeastSquares(v);
        const QJsonObject expected = tutorialExpected().value(QLatin1String("closed_form_train")).toObject();
        FIT_VERIFY_ABS(f.coefficients[0].estimate, expected.value(QLatin1String("a")).toDouble(), 1e-12, "a");
        FIT_VERIFY_ABS(f.coefficients[1].estimate, expected.value(QLatin1String("b")).toDouble(), 1e-12, "b");
        QCOMPARE(f.coefficients[0].name, std::string("intercept"));
        QCOMPARE(f.coefficients[1].name, std::string("x"));
        QCOMPARE(f.observations, std::int64_t(80));
        QVERIFY2(f.warnings.empty(), f.warnings.empty() ? "" : f.warnings.front().english().c_str());
        // The training loss of the yardstick: MSE (mean) is RSS / n.
        FIT_VERIFY_REL(fit::loss(f, v), f.rss / 80.0, 1e-12, "training MSE");
    }

    // ŷ with its standard error, the mean's interval and a new observation's, at new rows, against
    // statsmodels' get_prediction() (fixtures/prediction_reference.json). Without residual degrees
    // of freedom every uncertainty is NaN.
    void predictionsMatchStatsmodels_data()
    {
        QTest::addColumn<QString>("name");
        const QJsonArray problems = readJson(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json")).value(QLatin1String("problems")).toArray();
        QVERIFY2(problems.size() >= 4, "fixtures/prediction_reference.json is missing or incomplete");
        for (const QJsonValue& p : problems) {
            const QString name = p.toObject().value(QLatin1String("name")).toString();
            QTest::newRow(qPrintable(name)) << name;
        }
    }
    void predictionsMatchStatsmodels()
    {
        QFETCH(QString, name);
        QJsonObject reference;
        for (const QJsonValue& p : readJson(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json")).value(QLatin1String("problems")).toArray())
            if (p.toObject().value(QLatin1String("name")).toString() == name)
                reference = p.toObject();
        const QJsonObject p = problem(name);
        const std::int64_t features = p.value(QLatin1String("feature_names")).toArray().size();
        const std::vector<double> x = featureValues(p), y = doubles(p.value(QLatin1String("y")));
        fit::FitOptions options;
        options.degree = p.value(QLatin1String("degree")).toInt();
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, features), options);
        const std::vector<double> newX = doubles(reference.value(QLatin1String("x")));
        const std::vector<fit::Prediction> got = fit::predictWithIntervals(f, rowsOf(newX, features));
        const QJsonObject e = reference.value(QLatin1String("expected")).toObject();
        const auto column = [&](const char* key) { return doubles(e.value(QLatin1String(key))); };
        const std::vector<double> mean = column("mean"), se = column("mean_se"), meanLower = column("mean_ci_lower"),
                                  meanUpper = column("mean_ci_upper"), obsLower = column("obs_ci_lower"), obsUpper = column("obs_ci_upper");
        QCOMPARE(got.size(), mean.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            const QByteArray at = "[" + QByteArray::number(qulonglong(i)) + "]";
            // The mean to the fit's coefficients' agreement; the intervals through t, as the
            // coefficients' intervals (matchesReference).
            FIT_VERIFY_ABS(got[i].mean, mean[i], 1e-10 * (1.0 + std::fabs(mean[i])), "mean" + at);
            FIT_VERIFY_REL(got[i].meanStandardError, se[i], 1e-9, "mean's standard error" + at);
            FIT_VERIFY_ABS(got[i].meanLower, meanLower[i], 1e-8 * (1.0 + std::fabs(meanLower[i])), "mean's lower bound" + at);
            FIT_VERIFY_ABS(got[i].meanUpper, meanUpper[i], 1e-8 * (1.0 + std::fabs(meanUpper[i])), "mean's upper bound" + at);
            FIT_VERIFY_ABS(got[i].observationLower, obsLower[i], 1e-8 * (1.0 + std::fabs(obsLower[i])), "prediction's lower bound" + at);
            FIT_VERIFY_ABS(got[i].observationUpper, obsUpper[i], 1e-8 * (1.0 + std::fabs(obsUpper[i])), "prediction's upper bound" + at);
        }
    }

    // A rank-deficient design leaves the coefficients of its dependent columns undetermined, and
    // only those: x1 and its copy (duplicated_column), x10, x50 and x100 = x10 + 2·x50
    // (wide_dependent_column), as the fixtures build them; every coefficient of a full-rank fit is
    // determined. An exact fit is said so.
    void dependentColumnsAreNotIdentified()
    {
        const auto fitOf = [](const QString& name) {
            const QJsonObject p = problem(name);
            std::vector<std::string> names;
            for (const QJsonValue& n : p.value(QLatin1String("feature_names")).toArray())
                names.push_back(n.toString().toStdString());
            static std::vector<double> x, y;
            x = featureValues(p);
            y = doubles(p.value(QLatin1String("y")));
            fit::DataView v = viewOf(x, y, static_cast<std::int64_t>(names.size()));
            v.featureNames = names;
            return fit::fitLeastSquares(v);
        };
        const auto unidentified = [](const fit::FitResult& f) {
            QStringList names;
            for (const fit::Coefficient& c : f.coefficients)
                if (!c.identified)
                    names << QString::fromStdString(c.name);
            return names;
        };
        QCOMPARE(unidentified(fitOf(QStringLiteral("duplicated_column"))), (QStringList{"x1", "x1 copy"}));
        QCOMPARE(unidentified(fitOf(QStringLiteral("wide_dependent_column"))), (QStringList{"x10", "x50", "x100"}));
        QCOMPARE(unidentified(fitOf(QStringLiteral("three_features"))), QStringList());
        QVERIFY(!fitOf(QStringLiteral("three_features")).exact);
        const std::vector<double> x{0.0, 1.0, 2.0, 3.0}, y{1.0, 3.0, 5.0, 7.0};
        QVERIFY(fit::fitLeastSquares(viewOf(x, y, 1)).exact);

        // Columns in very different units (review 12): x1 ~ 1e6, x2 ~ 1e-3 and x3 = 2·x2. Only x2
        // and x3 are undetermined, whatever the units.
        {
            std::vector<double> wx, wy;
            std::uint64_t state = 7;
            const auto uniform = [&] {
                state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                return static_cast<double>(state >> 11) * 0x1p-53 - 0.5;
            };
            for (int i = 0; i < 100; ++i) {
                const double a = 1e6 * uniform(), b = 1e-3 * uniform();
                wx.insert(wx.end(), {a, b, 2.0 * b});
                wy.push_back(1.0 + a / 1e6 + b / 1e-3 + 0.1 * uniform());
            }
            const fit::FitResult f = fit::fitLeastSquares(viewOf(wx, wy, 3));
            QCOMPARE(f.rank, std::int64_t(3));
            QCOMPARE(unidentified(f), (QStringList{"x2", "x3"}));
        }
        // A cubic on three distinct x far from 1: x³ − 10⁴·x vanishes on {−100, 0, 100}, so the
        // coefficients of x and x³ are undetermined and the intercept and x² are not.
        {
            const std::vector<double> px{-100.0, 0.0, 100.0, -100.0, 0.0, 100.0}, py{3.0, 1.0, 2.0, 3.5, 0.5, 2.5};
            fit::FitOptions cubic;
            cubic.degree = 3;
            const fit::FitResult f = fit::fitLeastSquares(viewOf(px, py, 1), cubic);
            QCOMPARE(f.rank, std::int64_t(3));
            QCOMPARE(unidentified(f), (QStringList{"x", "x^3"}));
            // A row is estimable only where the undetermined part does not reach it: at the data's
            // own x, and nowhere else.
            const std::vector<double> at{100.0, 50.0};
            const std::vector<fit::Prediction> got = fit::predictWithIntervals(f, rowsOf(at, 1));
            QVERIFY(got[0].estimable);
            QVERIFY(!got[1].estimable);
        }
        // Two equal columns: a row with equal values is estimable, another is not.
        {
            const fit::FitResult f = fitOf(QStringLiteral("duplicated_column"));
            const std::vector<double> rows{0.5, 0.2, 0.5, 0.5, 0.2, -1.0};
            const std::vector<fit::Prediction> got = fit::predictWithIntervals(f, rowsOf(rows, 3));
            QVERIFY(got[0].estimable);
            QVERIFY(!got[1].estimable);
        }
    }

    // Polynomials of degree 11 and 15 (review/QA round 12: the standard error came out 0, or 300
    // times too large, at degree 15): against mpmath's 60-digit arithmetic
    // (prediction_reference.json, "high_degree").
    void predictionsOfHighDegreePolynomialsAreAccurate()
    {
        const QJsonObject h = readJson(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json")).value(QLatin1String("high_degree")).toObject();
        QVERIFY(!h.isEmpty());
        const std::vector<double> x = doubles(h.value(QLatin1String("x"))), y = doubles(h.value(QLatin1String("y")));
        const std::vector<double> at = doubles(h.value(QLatin1String("at")));
        for (const QJsonValue& c : h.value(QLatin1String("cases")).toArray()) {
            const QJsonObject e = c.toObject();
            fit::FitOptions options;
            options.degree = e.value(QLatin1String("degree")).toInt();
            const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 1), options);
            const std::vector<fit::Prediction> got = fit::predictWithIntervals(f, rowsOf(at, 1));
            const std::vector<double> mean = doubles(e.value(QLatin1String("mean"))), se = doubles(e.value(QLatin1String("mean_se")));
            // Degree 15's design has a condition number near 1e13 with unit-norm columns: a few
            // digits are all double precision keeps of the standard error there.
            const double tolerance = options.degree > 12 ? 1e-3 : 1e-6;
            for (std::size_t i = 0; i < at.size(); ++i) {
                const QByteArray what = "degree " + QByteArray::number(options.degree) + " at " + QByteArray::number(at[i]);
                FIT_VERIFY_REL(got[i].mean, mean[i], tolerance, what + ": mean");
                FIT_VERIFY_REL(got[i].meanStandardError, se[i], tolerance, what + ": standard error");
            }
        }
    }

    // The intervals at 90% (setConfidenceLevel) against statsmodels' summary_frame(alpha=0.10).
    void predictionsAtAnotherLevelMatchStatsmodels()
    {
        const QJsonArray problems = readJson(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json")).value(QLatin1String("problems")).toArray();
        QVERIFY(problems.size() >= 4);
        for (const QJsonValue& r : problems) {
            const QJsonObject reference = r.toObject();
            const QString name = reference.value(QLatin1String("name")).toString();
            const QJsonObject p = problem(name);
            const std::int64_t features = p.value(QLatin1String("feature_names")).toArray().size();
            const std::vector<double> x = featureValues(p), y = doubles(p.value(QLatin1String("y")));
            fit::FitOptions options;
            options.degree = p.value(QLatin1String("degree")).toInt();
            options.confidenceLevel = 0.90;
            const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, features), options);
            const std::vector<double> newX = doubles(reference.value(QLatin1String("x")));
            const std::vector<fit::Prediction> got = fit::predictWithIntervals(f, rowsOf(newX, features));
            const QJsonObject e = reference.value(QLatin1String("expected_90")).toObject();
            const auto column = [&](const char* key) { return doubles(e.value(QLatin1String(key))); };
            const std::vector<double> meanLower = column("mean_ci_lower"), meanUpper = column("mean_ci_upper"),
                                      obsLower = column("obs_ci_lower"), obsUpper = column("obs_ci_upper");
            QCOMPARE(meanLower.size(), got.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                const QByteArray at = name.toUtf8() + "[" + QByteArray::number(qulonglong(i)) + "]";
                FIT_VERIFY_ABS(got[i].meanLower, meanLower[i], 1e-8 * (1.0 + std::fabs(meanLower[i])), "mean's lower bound " + at);
                FIT_VERIFY_ABS(got[i].meanUpper, meanUpper[i], 1e-8 * (1.0 + std::fabs(meanUpper[i])), "mean's upper bound " + at);
                FIT_VERIFY_ABS(got[i].observationLower, obsLower[i], 1e-8 * (1.0 + std::fabs(obsLower[i])), "prediction's lower bound " + at);
                FIT_VERIFY_ABS(got[i].observationUpper, obsUpper[i], 1e-8 * (1.0 + std::fabs(obsUpper[i])), "prediction's upper bound " + at);
            }
        }
        fit::FitResult f;
        FIT_VERIFY_ERROR("confidence level", fit::setConfidenceLevel(f, 1.0));
        FIT_VERIFY_ERROR("confidence level", fit::setConfidenceLevel(f, 0.0));
    }

    // The t quantile of the intervals at any level, against the exact value (mpmath); statsmodels'
    // (scipy's t.isf) is off by up to about 1e-9 at some levels, so it is no reference for this.
    void tQuantilesAreExact()
    {
        const QJsonArray cases = readJson(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json")).value(QLatin1String("t_quantiles")).toArray();
        QVERIFY(cases.size() >= 20);
        for (const QJsonValue& v : cases) {
            const QJsonObject c = v.toObject();
            const int dof = c.value(QLatin1String("dof")).toInt();
            // A line through dof + 2 points leaves dof residual degrees of freedom.
            std::vector<double> x, y;
            for (int i = 0; i < dof + 2; ++i) {
                x.push_back(i);
                y.push_back(0.5 * i + (i % 3 == 0 ? 0.25 : -0.125));
            }
            fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 1), {});
            QCOMPARE(f.dfResidual, double(dof));
            fit::setConfidenceLevel(f, c.value(QLatin1String("level")).toDouble());
            const double exact = c.value(QLatin1String("mpmath")).toDouble();
            FIT_VERIFY_ABS(f.criticalT, exact, 1e-13 * exact,
                           "t quantile, dof " + QByteArray::number(dof) + ", level " + QByteArray::number(c.value(QLatin1String("level")).toDouble()));
        }
    }

    // The tutorial's 100 rows (the tab's "All rows"), as statsmodels' summary reports them, also
    // where the residuals are not kept (the window's fit).
    void diagnosticsOfAllTutorialRowsMatchStatsmodels()
    {
        const Columns data = tutorialCsv();
        QCOMPARE(data.y.size(), std::size_t(100));
        fit::FitOptions options;
        options.keepResiduals = false;
        const fit::FitResult f = fit::fitLeastSquares(viewOf(data.x, data.y, 1), options);
        QVERIFY(f.residuals.empty());
        const QJsonObject expected = readJson(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json"))
                                         .value(QLatin1String("tutorial_all_rows")).toObject().value(QLatin1String("diagnostics")).toObject();
        verifyDiagnostics(f.diagnostics, expected);
    }

    // Residuals that cannot be tested: an exact fit, none left over, too few for the omnibus test.
    void undefinedDiagnosticsSayWhy()
    {
        const std::vector<double> x{0.0, 1.0, 2.0, 3.0}, line{1.0, 3.0, 5.0, 7.0};
        const fit::FitResult exact = fit::fitLeastSquares(viewOf(x, line, 1));
        QVERIFY(exact.exact);
        QVERIFY(exact.diagnostics.residualsUndefined);
        QVERIFY(std::isnan(exact.diagnostics.durbinWatson) && std::isnan(exact.diagnostics.skew) && std::isnan(exact.diagnostics.jarqueBera));
        QVERIFY(std::isfinite(exact.diagnostics.conditionNumber));

        const std::vector<double> two{0.0, 1.0}, twoY{1.0, 4.0};
        const fit::FitResult none = fit::fitLeastSquares(viewOf(two, twoY, 1));
        QVERIFY(none.diagnostics.residualsUndefined);
        QVERIFY(std::isnan(none.diagnostics.kurtosis));

        const std::vector<double> noisy{1.1, 2.9, 5.2, 6.8};
        const fit::FitResult few = fit::fitLeastSquares(viewOf(x, noisy, 1));
        QVERIFY(!few.diagnostics.residualsUndefined);
        QVERIFY(few.diagnostics.omnibusUndefined);
        QVERIFY(std::isnan(few.diagnostics.omnibus) && std::isnan(few.diagnostics.omnibusPValue));
        QVERIFY(std::isfinite(few.diagnostics.jarqueBera));
        QVERIFY(few.diagnostics.omnibusUndefined->english().find('8') != std::string::npos);
    }

    // The diagnostics are ratios of moments: residuals a 1e80 or 1e-100 times those of the tutorial
    // give statsmodels' numbers for the tutorial (their powers used to overflow or underflow).
    void diagnosticsDoNotDependOnTheResidualsScale()
    {
        const Columns data = tutorialCsv();
        const fit::FitResult f = fit::fitLeastSquares(viewOf(data.x, data.y, 1));
        QCOMPARE(f.residuals.size(), std::size_t(100));
        const QJsonObject expected = readJson(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json"))
                                         .value(QLatin1String("tutorial_all_rows")).toObject().value(QLatin1String("diagnostics")).toObject();
        for (const double factor : {1e80, 1e-100, 1e300}) {
            std::vector<double> scaled = f.residuals;
            for (double& e : scaled)
                e *= factor;
            fit::Diagnostics d;
            d.conditionNumber = f.diagnostics.conditionNumber; // not the residuals'
            fit::describeResiduals(scaled, d);
            QVERIFY2(!d.residualsUndefined, qPrintable(QByteArray::number(factor)));
            verifyDiagnostics(d, expected);
        }
    }

    void predictionsWithoutResidualDegreesOfFreedomAreNaN()
    {
        const std::vector<double> x{0.0, 1.0}, y{1.0, 3.0};
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 1));
        const std::vector<double> at{0.5};
        const std::vector<fit::Prediction> got = fit::predictWithIntervals(f, rowsOf(at, 1));
        QCOMPARE(got.size(), std::size_t(1));
        QCOMPARE(got[0].mean, 2.0);
        QVERIFY(std::isnan(got[0].meanStandardError));
        QVERIFY(std::isnan(got[0].observationLower));
        // Rows that do not fit the fit's features are refused, as predict() refuses them.
        FIT_VERIFY_ERROR("features", fit::predictWithIntervals(f, rowsOf(at, 2)));
    }

    // Heteroskedasticity-robust standard errors against statsmodels' OLS fit(cov_type='HC0'…'HC3')
    // (fixtures/robust_reference.json, make_robust_fixtures.py): standard errors, z, normal p-values,
    // intervals at 95% and 90%, the robust Wald F and its p-value, and get_prediction()'s intervals;
    // on the tutorial's training rows, a heteroskedastic three-feature set, a cubic, and a
    // rank-deficient design. One pass over the data, no refit; back to classical gives the
    // classical numbers again.
    void robustCovariancesMatchStatsmodels_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        const QJsonArray problems = robustReference().value(QLatin1String("problems")).toArray();
        QVERIFY2(problems.size() >= 4, "fixtures/robust_reference.json is missing or incomplete");
        for (const QJsonValue& p : problems)
            for (const char* type : {"HC0", "HC1", "HC2", "HC3"}) {
                const QString name = p.toObject().value(QLatin1String("name")).toString();
                QTest::newRow(qPrintable(name + QLatin1Char(' ') + QLatin1String(type))) << name << QString::fromLatin1(type);
            }
    }
    void robustCovariancesMatchStatsmodels()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        const QJsonObject p = robustProblem(name);
        const std::int64_t features = p.value(QLatin1String("features")).toInteger();
        const std::vector<double> x = doubles(p.value(QLatin1String("x"))), y = doubles(p.value(QLatin1String("y")));
        fit::FitOptions options;
        options.degree = p.value(QLatin1String("degree")).toInt();
        fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, features), options);
        const std::vector<fit::Coefficient> classical = f.coefficients;
        const double classicalF = f.fStatistic;
        fit::computeSandwich(f, viewOf(x, y, features));
        const std::optional<fit::CovarianceType> chosen = fit::covarianceTypeFrom(type.toStdString());
        QVERIFY(chosen);
        fit::setCovarianceType(f, *chosen);
        QVERIFY(!f.covarianceUndefined);
        const QJsonObject e = p.value(QLatin1String("types")).toObject().value(type).toObject();
        const std::vector<double> bse = doubles(e.value(QLatin1String("bse"))), z = doubles(e.value(QLatin1String("z"))),
                                  pv = doubles(e.value(QLatin1String("p"))), ci95 = doubles(e.value(QLatin1String("conf_int_95"))),
                                  ci90 = doubles(e.value(QLatin1String("conf_int_90")));
        QCOMPARE(f.coefficients.size(), bse.size());
        for (std::size_t j = 0; j < bse.size(); ++j) {
            const fit::Coefficient& c = f.coefficients[j];
            const QByteArray at = "[" + QByteArray::number(qulonglong(j)) + "]";
            FIT_VERIFY_REL(c.standardError, bse[j], 1e-10, "standard error" + at);
            FIT_VERIFY_REL(c.tValue, z[j], 1e-10, "z" + at);
            FIT_VERIFY_REL(c.pValue, pv[j], 1e-9, "p-value" + at);
            FIT_VERIFY_REL(c.lower, ci95[2 * j], 1e-10, "95% lower" + at);
            FIT_VERIFY_REL(c.upper, ci95[2 * j + 1], 1e-10, "95% upper" + at);
        }
        FIT_VERIFY_REL(f.fStatistic, e.value(QLatin1String("f")).toDouble(), 1e-10, "robust F");
        FIT_VERIFY_REL(f.fPValue, e.value(QLatin1String("f_p")).toDouble(), 1e-9, "robust F's p-value");
        const std::vector<double> newX = doubles(p.value(QLatin1String("new_rows")));
        if (!newX.empty()) {
            const QJsonObject pr = e.value(QLatin1String("prediction")).toObject();
            const auto column = [&](const char* key) { return doubles(pr.value(QLatin1String(key))); };
            const std::vector<double> se = column("mean_se"), ml = column("mean_ci_lower"), mu = column("mean_ci_upper"),
                                      ol = column("obs_ci_lower"), ou = column("obs_ci_upper");
            const std::vector<fit::Prediction> got = fit::predictWithIntervals(f, rowsOf(newX, features));
            QCOMPARE(got.size(), se.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                const QByteArray at = "[" + QByteArray::number(qulonglong(i)) + "]";
                FIT_VERIFY_REL(got[i].meanStandardError, se[i], 1e-10, "prediction's standard error" + at);
                FIT_VERIFY_ABS(got[i].meanLower, ml[i], 1e-10 * (1.0 + std::fabs(ml[i])), "mean's lower bound" + at);
                FIT_VERIFY_ABS(got[i].meanUpper, mu[i], 1e-10 * (1.0 + std::fabs(mu[i])), "mean's upper bound" + at);
                FIT_VERIFY_ABS(got[i].observationLower, ol[i], 1e-10 * (1.0 + std::fabs(ol[i])), "observation's lower bound" + at);
                FIT_VERIFY_ABS(got[i].observationUpper, ou[i], 1e-10 * (1.0 + std::fabs(ou[i])), "observation's upper bound" + at);
            }
        }
        // Another level: the normal quantile again, nothing refitted.
        fit::setConfidenceLevel(f, 0.90);
        for (std::size_t j = 0; j < bse.size(); ++j) {
            FIT_VERIFY_REL(f.coefficients[j].lower, ci90[2 * j], 1e-10, "90% lower");
            FIT_VERIFY_REL(f.coefficients[j].upper, ci90[2 * j + 1], 1e-10, "90% upper");
        }
        fit::setConfidenceLevel(f, 0.95);
        fit::setCovarianceType(f, fit::CovarianceType::Classical);
        QVERIFY(f.meat.empty());
        for (std::size_t j = 0; j < classical.size(); ++j) {
            FIT_VERIFY_REL(f.coefficients[j].standardError, classical[j].standardError, 1e-13, "classical standard error again");
            FIT_VERIFY_REL(f.coefficients[j].pValue, classical[j].pValue, 1e-12, "classical p-value again");
            FIT_VERIFY_REL(f.coefficients[j].upper, classical[j].upper, 1e-13, "classical interval again");
        }
        FIT_VERIFY_REL(f.fStatistic, classicalF, 1e-13, "classical F again");
    }

    // The tutorial's training rows picked from the whole file by the split (a DataView's pick), as
    // the window fits them: the same robust errors as statsmodels on those rows.
    void robustCovarianceOfTheSplit()
    {
        const Columns all = tutorialCsv();
        QCOMPARE(all.x.size(), std::size_t(100));
        const std::vector<std::int64_t> train
            = indices(tutorialExpected().value(QLatin1String("dataset")).toObject().value(QLatin1String("train_indices")));
        fit::DataView v = viewOf(all.x, all.y, 1);
        v.pick = train;
        fit::FitResult f = fit::fitLeastSquares(v);
        fit::computeSandwich(f, v);
        fit::setCovarianceType(f, fit::CovarianceType::HC3);
        const std::vector<double> bse = doubles(
            robustProblem(QStringLiteral("tutorial_train")).value(QLatin1String("types")).toObject().value(QLatin1String("HC3")).toObject().value(QLatin1String("bse")));
        QCOMPARE(bse.size(), std::size_t(2));
        FIT_VERIFY_REL(f.coefficients[0].standardError, bse[0], 1e-10, "intercept's HC3 error");
        FIT_VERIFY_REL(f.coefficients[1].standardError, bse[1], 1e-10, "slope's HC3 error");
        // Data that is not the fit's is refused; a robust type needs the sandwich first.
        FIT_VERIFY_ERROR("not the rows the fit was fitted on", fit::computeSandwich(f, viewOf(all.x, all.y, 1)));
        fit::FitResult fresh = fit::fitLeastSquares(v);
        FIT_VERIFY_ERROR("computeSandwich first", fit::setCovarianceType(fresh, fit::CovarianceType::HC0));
        QCOMPARE(fit::covarianceTypeFrom("HC2"), std::optional(fit::CovarianceType::HC2));
        QCOMPARE(fit::covarianceTypeFrom("nonrobust"), std::optional(fit::CovarianceType::Classical));
        QVERIFY(!fit::covarianceTypeFrom("hc4"));
    }

    // A row with leverage 1 (a dummy that is nonzero there only): HC0 and HC1 are statsmodels';
    // HC2 and HC3 divide 0 by 0 (statsmodels gives rounding noise or NaN), so they are NaN, and
    // the fit says why. The Q–Q plot leaves that row out.
    void leverageOneLeavesHc2AndHc3Undefined()
    {
        const QJsonObject e = robustReference().value(QLatin1String("leverage_one")).toObject();
        const std::vector<double> x = doubles(e.value(QLatin1String("x"))), y = doubles(e.value(QLatin1String("y")));
        QVERIFY(!y.empty());
        fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 2));
        fit::computeSandwich(f, viewOf(x, y, 2));
        QCOMPARE(f.sandwich->leverageOne, std::int64_t(1));
        for (const char* type : {"HC0", "HC1"}) {
            fit::setCovarianceType(f, *fit::covarianceTypeFrom(type));
            QVERIFY(!f.covarianceUndefined);
            const std::vector<double> bse = doubles(e.value(QLatin1String(type)).toObject().value(QLatin1String("bse")));
            for (std::size_t j = 0; j < bse.size(); ++j)
                FIT_VERIFY_REL(f.coefficients[j].standardError, bse[j], 1e-9, type);
        }
        for (const char* type : {"HC2", "HC3"}) {
            fit::setCovarianceType(f, *fit::covarianceTypeFrom(type));
            QVERIFY(f.covarianceUndefined);
            QVERIFY(f.covarianceUndefined->english().find("leverage 1") != std::string::npos);
            for (const fit::Coefficient& c : f.coefficients) {
                QVERIFY(std::isnan(c.standardError));
                QVERIFY(std::isnan(c.pValue));
                QVERIFY(std::isnan(c.lower));
            }
            QVERIFY(std::isnan(f.fStatistic));
        }
        const fit::NormalQQ qq = fit::normalQQ(f, viewOf(x, y, 2), 1000);
        QCOMPARE(qq.leftOut, std::int64_t(1));
        QCOMPARE(qq.total, std::int64_t(y.size() - 1));
    }

    // The normal Q–Q plot: the internally studentized residuals, sorted, against the normal
    // quantiles at Filliben's positions, and the least-squares line, as scipy.stats.probplot gives
    // them (fixtures/robust_reference.json); thinned to evenly spaced order statistics with both
    // extremes kept.
    void normalQQMatchesScipy_data()
    {
        QTest::addColumn<QString>("name");
        for (const char* name : {"tutorial_train", "heteroskedastic", "polynomial_degree3"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void normalQQMatchesScipy()
    {
        QFETCH(QString, name);
        const QJsonObject p = robustProblem(name);
        const std::int64_t features = p.value(QLatin1String("features")).toInteger();
        const std::vector<double> x = doubles(p.value(QLatin1String("x"))), y = doubles(p.value(QLatin1String("y")));
        fit::FitOptions options;
        options.degree = p.value(QLatin1String("degree")).toInt();
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, features), options);
        const QJsonObject e = p.value(QLatin1String("qq")).toObject();
        const std::vector<double> theoretical = doubles(e.value(QLatin1String("theoretical"))), sorted = doubles(e.value(QLatin1String("sorted")));
        const fit::NormalQQ qq = fit::normalQQ(f, viewOf(x, y, features), 100'000);
        QCOMPARE(qq.total, static_cast<std::int64_t>(y.size()));
        QCOMPARE(qq.theoretical.size(), theoretical.size());
        for (std::size_t i = 0; i < theoretical.size(); ++i) {
            const QByteArray at = "[" + QByteArray::number(qulonglong(i)) + "]";
            FIT_VERIFY_ABS(qq.theoretical[i], theoretical[i], 1e-12 + 1e-10 * std::fabs(theoretical[i]), "quantile" + at);
            FIT_VERIFY_ABS(qq.sample[i], sorted[i], 1e-10 * (1.0 + std::fabs(sorted[i])), "sorted residual" + at);
        }
        FIT_VERIFY_REL(qq.slope, e.value(QLatin1String("slope")).toDouble(), 1e-10, "line's slope");
        FIT_VERIFY_ABS(qq.intercept, e.value(QLatin1String("intercept")).toDouble(), 1e-10, "line's intercept");
        // Thinned to 7 points: order statistics 0, (n−1)/6, …, n−1 (rounded), both extremes kept;
        // the line is still that of all points.
        const fit::NormalQQ thin = fit::normalQQ(f, viewOf(x, y, features), 7);
        QCOMPARE(thin.sample.size(), std::size_t(7));
        QCOMPARE(thin.sample.front(), qq.sample.front());
        QCOMPARE(thin.sample.back(), qq.sample.back());
        const std::size_t n = sorted.size();
        for (std::size_t j = 0; j < 7; ++j) {
            const std::size_t i = static_cast<std::size_t>(std::llround(double(j) * double(n - 1) / 6.0));
            QCOMPARE(thin.theoretical[j], qq.theoretical[i]);
        }
        QCOMPARE(thin.slope, qq.slope);
    }

    void matchesReference_data()
    {
        QTest::addColumn<QString>("name");
        const QJsonArray problems = fitReference().value(QLatin1String("problems")).toArray();
        QVERIFY2(problems.size() >= 6, "fixtures/fit_reference.json is missing or incomplete");
        for (const QJsonValue& p : problems) {
            const QString name = p.toObject().value(QLatin1String("name")).toString();
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void matchesReference()
    {
        QFETCH(QString, name);
        const QJsonObject p = problem(name);
        const QJsonObject e = p.value(QLatin1String("expected")).toObject();
        auto list = [&](const char* key) { return doubles(e.value(QLatin1String(key))); };
        auto number = [&](const char* key) { return e.value(QLatin1String(key)).toDouble(); };

        std::vector<std::string> featureNames;
        for (const QJsonValue& n : p.value(QLatin1String("feature_names")).toArray())
            featureNames.push_back(n.toString().toStdString());
        const std::vector<double> x = featureValues(p);
        const std::vector<double> y = doubles(p.value(QLatin1String("y")));
        QCOMPARE(x.size(), y.size() * featureNames.size());
        fit::DataView v = viewOf(x, y, static_cast<std::int64_t>(featureNames.size()));
        v.featureNames = featureNames;
        fit::FitOptions options;
        options.degree = p.value(QLatin1String("degree")).toInt();
        const fit::FitResult f = fit::fitLeastSquares(v, options);

        const std::vector<double> coefficients = list("coefficients");
        QCOMPARE(f.coefficients.size(), coefficients.size());
        QCOMPARE(f.rank, static_cast<std::int64_t>(number("rank")));
        QCOMPARE(f.dfResidual, number("df_residual"));
        const std::vector<double> minimumNorm = list("lstsq_minimum_norm");
        const std::vector<double> se = list("standard_errors"), t = list("t"), pv = list("p");
        const std::vector<double> lower = list("ci_lower"), upper = list("ci_upper");
        const QJsonArray names = e.value(QLatin1String("coefficient_names")).toArray();
        for (std::size_t j = 0; j < coefficients.size(); ++j) {
            const fit::Coefficient& c = f.coefficients[j];
            const QByteArray at = "[" + QByteArray::number(qulonglong(j)) + "]";
            QCOMPARE(QString::fromStdString(c.name), names.at(qsizetype(j)).toString());
            FIT_VERIFY_REL(c.estimate, coefficients[j], 1e-10, "coefficient" + at);
            FIT_VERIFY_REL(c.estimate, minimumNorm[j], 1e-10, "numpy lstsq coefficient" + at);
            FIT_VERIFY_REL(c.standardError, se[j], 1e-10, "standard error" + at);
            FIT_VERIFY_REL(c.tValue, t[j], 1e-10, "t" + at);
            FIT_VERIFY_REL(c.pValue, pv[j], 1e-8, "p" + at);
            FIT_VERIFY_REL(c.lower, lower[j], 1e-8, "lower" + at);
            FIT_VERIFY_REL(c.upper, upper[j], 1e-8, "upper" + at);
        }
        FIT_VERIFY_REL(f.rSquared, number("r_squared"), 1e-10, "R²");
        FIT_VERIFY_REL(f.adjustedRSquared, number("adjusted_r_squared"), 1e-10, "adjusted R²");
        FIT_VERIFY_REL(f.residualStandardError, number("residual_standard_error"), 1e-10, "RSE");
        FIT_VERIFY_REL(f.fStatistic, number("f_statistic"), 1e-9, "F");
        FIT_VERIFY_REL(f.fPValue, number("f_p_value"), 1e-8, "F p-value");
        FIT_VERIFY_REL(f.logLikelihood, number("log_likelihood"), 1e-10, "log-likelihood");
        FIT_VERIFY_REL(f.aic, number("aic"), 1e-10, "AIC");
        FIT_VERIFY_REL(f.bic, number("bic"), 1e-10, "BIC");
        const std::vector<double> residuals = list("residuals");
        QCOMPARE(f.residuals.size(), residuals.size());
        for (std::size_t i = 0; i < residuals.size(); ++i)
            FIT_VERIFY_ABS(f.residuals[i], residuals[i], 1e-12 * (1.0 + std::fabs(y[i])), "residual");
        verifyDiagnostics(f.diagnostics, e.value(QLatin1String("diagnostics")).toObject());
        // At another level only the intervals change: statsmodels' conf_int(alpha=0.10).
        fit::FitResult at90 = f;
        fit::setConfidenceLevel(at90, 0.90);
        const std::vector<double> lower90 = list("ci_lower_90"), upper90 = list("ci_upper_90");
        for (std::size_t j = 0; j < coefficients.size(); ++j) {
            const QByteArray at = "[" + QByteArray::number(qulonglong(j)) + "]";
            FIT_VERIFY_REL(at90.coefficients[j].lower, lower90[j], 1e-8, "90% lower" + at);
            FIT_VERIFY_REL(at90.coefficients[j].upper, upper90[j], 1e-8, "90% upper" + at);
            QCOMPARE(at90.coefficients[j].pValue, f.coefficients[j].pValue);
        }
        QCOMPARE(at90.confidenceLevel, 0.90);
        // Rank deficiency is the only warning these problems deserve.
        QCOMPARE(f.warnings.size(), std::size_t(f.rankDeficient() ? 1 : 0));
    }

    void duplicatedColumnIsNamed()
    {
        const QJsonObject p = problem(QStringLiteral("duplicated_column"));
        const std::vector<double> x = doubles(p.value(QLatin1String("x")));
        const std::vector<double> y = doubles(p.value(QLatin1String("y")));
        const std::vector<std::string> names{"x1", "x2", "x1 copy"};
        fit::DataView v = viewOf(x, y, 3);
        v.featureNames = names;
        const fit::FitResult f = fit::fitLeastSquares(v);
        QVERIFY(f.rankDeficient());
        QVERIFY2(contains(f.warnings, "rank-deficient (rank 3 of 4 columns): 'x1 copy' is a linear combination of 'x1'"),
                 f.warnings.front().english().c_str());
        // The minimum-norm solution shares the weight equally between the twins.
        FIT_VERIFY_REL(f.coefficients[3].estimate, f.coefficients[1].estimate, 1e-12, "twin coefficients");
    }

    void wideDependentColumnIsNamed()
    {
        // 400 rows × 150 features with x100 = x10 + 2·x50: one fit, blocked QR and all, must set
        // x100 aside, say what it is made of, and give numpy.linalg.lstsq's minimum-norm answer.
        const QJsonObject p = problem(QStringLiteral("wide_dependent_column"));
        const std::vector<double> x = featureValues(p);
        const std::vector<double> y = doubles(p.value(QLatin1String("y")));
        QCOMPARE(x.size(), std::size_t(400 * 150));
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 150));
        QCOMPARE(f.rank, std::int64_t(150));
        QCOMPARE(f.warnings.size(), std::size_t(1));
        QVERIFY2(contains(f.warnings, "rank-deficient (rank 150 of 151 columns): 'x100' is a linear combination of "
                                      "'x10' and 'x50'"),
                 f.warnings.front().english().c_str());
        const std::vector<double> lstsq
            = doubles(p.value(QLatin1String("expected")).toObject().value(QLatin1String("lstsq_minimum_norm")));
        QCOMPARE(f.coefficients.size(), lstsq.size());
        for (std::size_t j = 0; j < lstsq.size(); ++j)
            FIT_VERIFY_REL(f.coefficients[j].estimate, lstsq[j], 1e-10,
                           "numpy lstsq coefficient [" + QByteArray::number(qulonglong(j)) + "]");
    }
};

QTEST_APPLESS_MAIN(TestFit)
#include "tst_fit.moc"

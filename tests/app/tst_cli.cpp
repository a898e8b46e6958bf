// gradlab-cli, run in-process: the tutorial through the CLI, exit statuses, one clear line per
// problem, and the files it writes.
#include "cli/cli.h"

#include "experiment/project.h"
#include "widgets/graph_view.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <cmath>
#include <csignal>
#include <limits>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#endif

namespace {

struct Result {
    int status = 0;
    QString out, err;
};

Result cli(const QStringList& args)
{
    Result r;
    QTextStream out(&r.out), err(&r.err);
    r.status = gradlab::cli::run(args, out, err);
    out.flush();
    err.flush();
    return r;
}

QJsonObject expected()
{
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_expected.json"));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A project in `dir` whose dataset is `text`, embedded, read with `delimiter`.
QString embeddedCsvProject(const QTemporaryDir& dir, const QString& text, const QString& delimiter)
{
    const QString path = dir.filePath(QStringLiteral("embedded.gradlab"));
    if (cli({"train", "--example", "tutorial", "--epochs", "1", "--save", path}).status != 0)
        return {};
    QJsonObject project = QJsonDocument::fromJson(readAll(path)).object();
    QJsonObject dataset = project["dataset"].toObject();
    dataset["source"] = QStringLiteral("csv");
    dataset["csv"] = QJsonObject{{"path", ""}, {"features", QJsonArray{"x"}}, {"target", "y"}, {"delimiter", delimiter}, {"embedded", text}};
    project["dataset"] = dataset;
    project.remove(QStringLiteral("runs"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(project).toJson()) < 0)
        return {};
    return path;
}

// One element of an SVG document, in document order: its name, the stroke and dashes it inherits
// from its groups, and its text.
struct SvgElement {
    QString name, stroke, text;
    QString points; // a polyline's
    bool dashed = false;
};

// The elements of the SVG document in `bytes`, or none when it is not well-formed XML with an
// <svg> root.
std::vector<SvgElement> svgElements(const QByteArray& bytes)
{
    QXmlStreamReader xml(bytes);
    std::vector<SvgElement> elements;
    std::vector<SvgElement> open; // the enclosing elements, for what a child inherits
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (elements.empty() && xml.name() != QLatin1String("svg"))
                return {};
            SvgElement e;
            e.name = xml.name().toString();
            const QXmlStreamAttributes at = xml.attributes();
            e.points = at.value(QLatin1String("points")).toString();
            e.stroke = at.hasAttribute(QLatin1String("stroke")) ? at.value(QLatin1String("stroke")).toString().toLower()
                                                                : (open.empty() ? QString() : open.back().stroke);
            e.dashed = (at.hasAttribute(QLatin1String("stroke-dasharray")) && at.value(QLatin1String("stroke-dasharray")) != QLatin1String("none"))
                       || (!at.hasAttribute(QLatin1String("stroke-dasharray")) && !open.empty() && open.back().dashed);
            open.push_back(e);
            elements.push_back(e);
        } else if (xml.isCharacters() && !open.empty()) {
            elements.back().text += xml.text().toString().trimmed();
        } else if (xml.isEndElement() && !open.empty()) {
            open.pop_back();
        }
    }
    return xml.hasError() ? std::vector<SvgElement>{} : elements;
}

QStringList svgTexts(const std::vector<SvgElement>& elements)
{
    QStringList texts;
    for (const SvgElement& e : elements)
        if (e.name == QLatin1String("text") && !e.text.isEmpty())
            texts << e.text;
    return texts;
}

// Where the first drawn element (path, polyline, line) of `stroke` is, dashed or solid as asked;
// -1 when there is none.
qsizetype firstStroke(const std::vector<SvgElement>& elements, const QString& stroke, bool dashed)
{
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const SvgElement& e = elements[i];
        if ((e.name == QLatin1String("path") || e.name == QLatin1String("polyline") || e.name == QLatin1String("line")) && e.stroke == stroke
            && e.dashed == dashed)
            return static_cast<qsizetype>(i);
    }
    return -1;
}

// The slope, in the page's units, of the first polyline drawn in `stroke` (dashed or not), from its
// first point to its last; NaN when there is none.
double polylineSlope(const std::vector<SvgElement>& elements, const QString& stroke, bool dashed)
{
    for (const SvgElement& e : elements) {
        if (e.name != QLatin1String("polyline") || e.stroke != stroke || e.dashed != dashed)
            continue;
        const QStringList points = e.points.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (points.size() < 2)
            continue;
        const QStringList first = points.front().split(QLatin1Char(',')), last = points.back().split(QLatin1Char(','));
        return (last.value(1).toDouble() - first.value(1).toDouble()) / (last.value(0).toDouble() - first.value(0).toDouble());
    }
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void textFollowsTheUsersLanguage();
    void saveReplacesAnotherProjectOnlyWhenTold();
    void undefinedStatisticsReadAsADash();
    void tutorialReproducesPyTorch_data();
    void tutorialReproducesPyTorch();
    void divergedRunExitsWithOne();
    void badUsageExitsWithTwoAndOneLine_data();
    void badUsageExitsWithTwoAndOneLine();
    void generateWritesTheTutorialsCsvByteForByte();
    void fitReportsTheClosedForm();
    void fitReportsWhatStatsmodelsReports();
    void fitReportsRobustStandardErrors();
    void fitDropsRowsWithMissingValuesWhenAsked();
    void trainSaysHowToDropRowsWithMissingValues();
    void fitTableAlignsWideColumnNames();
    void trailingDelimitersMakeNoColumn();
    void namesWithLineBreaksStayOnOneLine();
    void onlyPlotsStartTheGuiPlatform();
    void ctrlCKeepsTheRunSoFar();
    void repeatedColumnNamesAreRenamedEverywhere();
    void decimalCommasAreReadByFitAndTrain();
    void fitTakesADelimiter();
    void trainSaysWhenTheClosedFormIsNotUnique();
    void aCsvNamedWithSetIsWhereTheShellIs();
    void savedProjectTrainsAgain();
    void graphOfTheLossIsTheTutorials();
    void graphOfTheWrittenOutLoss();
    void trainWritesTheRequestedExports();
    void outputsThatCannotBeWrittenAreRefusedBeforeTraining();
    void writesToADeviceThatFailSayWhy();
    void graphIsWrittenInTheFormatItsNameSays();
    void lossPlotIsOnALogScaleUnlessLinearIsAsked();
    void fitPlotDrawsTheTrainedLineAboveTheClosedForm();
    void fitPlotTrueLineHasTheGeneratorsSlope();
    void exportScriptWritesARunnableScript();
    void exportScriptRefusesDataGradLabCannotRead_data();
    void exportScriptRefusesDataGradLabCannotRead();
    void runsListsTheSavedRuns();
    void plotDrawsSavedRunsTogether();
    void plotRefusesWhatItCannotDraw_data();
    void plotRefusesWhatItCannotDraw();
    void commandHelpPrintsItsUsage_data();
    void commandHelpPrintsItsUsage();
    void outOfMemoryIsSaidInWords_data();
    void outOfMemoryIsSaidInWords();
};

void TestCli::tutorialReproducesPyTorch_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("key");
    QTest::newRow("sgd") << QStringList{} << "torch_sgd_lr0.1_1000_epochs_mse_mean";
    QTest::newRow("adam") << QStringList{"--set", "optimizer.type=adam", "--set", "optimizer.lr=0.1"} << "torch_adam_lr0.1_1000_epochs_mse_mean";
}

void TestCli::tutorialReproducesPyTorch()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, key);
    const Result r = cli(QStringList{"train", "--example", "tutorial", "--json"} + extra);
    QCOMPARE(r.status, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject ref = expected()[key].toObject();
    QVERIFY2(std::abs(o["params"]["a"].toDouble() - ref["a"].toDouble()) < 1e-5, qPrintable(r.out));
    QVERIFY2(std::abs(o["params"]["b"].toDouble() - ref["b"].toDouble()) < 1e-5, qPrintable(r.out));
    QCOMPARE(o["epochs"].toInt(), 1000);
    QCOMPARE(o["diverged"].toBool(), false);
    QVERIFY(o["seconds"].toDouble() > 0);
    const QJsonObject cf = o["closed_form"].toObject();
    QVERIFY(std::abs(cf["params"]["a"].toDouble() - 1.0235407546635176) < 1e-12);
    QVERIFY(std::abs(cf["params"]["b"].toDouble() - 1.9689644704814482) < 1e-12);
    QVERIFY(cf["r2"].toDouble() > 0.9);
}

void TestCli::divergedRunExitsWithOne()
{
    const Result r = cli({"train", "--example", "tutorial", "--set", "optimizer.lr=1000", "--json"});
    QCOMPARE(r.status, 1);
    QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).object()["diverged"].toBool());
    QVERIFY2(r.err.contains(QLatin1String("smaller learning rate")), qPrintable(r.err));
}

void TestCli::badUsageExitsWithTwoAndOneLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.foo=1"} << "optimizer.foo: unknown field";
    QTest::newRow("bad value") << QStringList{"train", "--example", "tutorial", "--set", "training.epochs=lots"} << "training.epochs: expected a number";
    QTest::newRow("impossible lr") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.lr=0"} << "optimizer.lr: The learning rate must be greater than 0";
    QTest::newRow("bad epochs") << QStringList{"train", "--example", "tutorial", "--epochs", "x"} << "--epochs";
    QTest::newRow("bad device") << QStringList{"train", "--example", "tutorial", "--device", "tpu"} << "unknown device";
    QTest::newRow("no project") << QStringList{"train"} << "no project given";
    QTest::newRow("missing project") << QStringList{"train", "/nonexistent/p.gradlab"} << "Could not open";
    QTest::newRow("unknown option") << QStringList{"train", "--example", "tutorial", "--fast"} << "unknown option --fast";
    QTest::newRow("unknown command") << QStringList{"fly"} << "gradlab-cli: unknown command 'fly' (see gradlab-cli --help)";
    QTest::newRow("too many values") << QStringList{"generate", "--n", "1000", "--features", "10000000", "-o", "x.csv"} << "--n × --features must be at most 1000000000 values";
    QTest::newRow("help for an unknown command") << QStringList{"--help", "fly"} << "unknown command 'fly'";
    QTest::newRow("devices with an argument") << QStringList{"devices", "extra"} << "devices takes no arguments, got: extra";
    QTest::newRow("devices with an option") << QStringList{"devices", "--json"} << "unknown option --json";
    QTest::newRow("generate with a file") << QStringList{"generate", "x.csv", "-o", "/nonexistent/x.csv"} << "generate takes no file";
    QTest::newRow("train with two projects") << QStringList{"train", "a.gradlab", "b.gradlab"} << "one project at a time";
    QTest::newRow("export-script with two projects") << QStringList{"export-script", "a.gradlab", "b.gradlab", "-o", "/nonexistent/s.py"}
                                                     << "one project at a time";
    QTest::newRow("fit with two files") << QStringList{"fit", "a.csv", "b.csv"} << "fit needs one CSV file";
    QTest::newRow("flag with a value") << QStringList{"fit", "a.csv", "--json=1"} << "--json takes no value";
    // 4294967297 is 2**32 + 1: narrowed to int before the check, it was degree 1.
    QTest::newRow("degree beyond int") << QStringList{"fit", GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv", "--degree", "4294967297"}
                                       << "--degree: expected 1 to 20, got 4294967297";
    QTest::newRow("features beyond the generator") << QStringList{"generate", "--features", "100000000000", "-o", "/nonexistent/f.csv"}
                                                   << "--features: expected 1 to 1000000000, got 100000000000";
    QTest::newRow("degree 0") << QStringList{"fit", GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv", "--degree", "0"} << "--degree: expected 1 to 20";
    QTest::newRow("level as a percentage") << QStringList{"fit", GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv", "--level", "90"}
                                           << "--level: expected a confidence level between 0 and 1 (0.9 for 90%), got \"90\"";
    QTest::newRow("level 1") << QStringList{"fit", GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv", "--level", "1"} << "--level: expected a confidence level";
    QTest::newRow("level not a number") << QStringList{"fit", GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv", "--level", "high"}
                                        << "--level: expected a number, got \"high\"";
    QTest::newRow("missing what") << QStringList{"fit", GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv", "--missing", "skip"}
                                  << "--missing: expected error or drop, got \"skip\"";
    QTest::newRow("lr beyond a double") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.lr=1e400"}
                                        << "optimizer.lr: 1e400 is out of range for a double";
    QTest::newRow("lr below a double") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.lr=1e-400"}
                                       << "optimizer.lr: 1e-400 is out of range for a double (too close to zero";
    QTest::newRow("betas beyond a double") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.type=adam", "--set", "optimizer.betas=[0.9,-2e999]"}
                                           << "optimizer.betas: -2e999 is out of range for a double";
    // Finite settings whose data overflow: the data is blamed, not the learning rate.
    QTest::newRow("generated data overflows") << QStringList{"generate", "--a", "1e308", "--b", "1e308", "--n", "3", "-o", "/nonexistent/ov.csv"}
                                              << "the generated values overflow: row 2 has y = inf";
    QTest::newRow("project's data overflows") << QStringList{"train", "--example", "tutorial", "--set", "dataset.generator.noise=1e308"}
                                              << "the generated values overflow";
    QTest::newRow("fit missing file") << QStringList{"fit", "/nonexistent.csv"} << "nonexistent.csv";
    QTest::newRow("generate without -o") << QStringList{"generate"} << "-o";
    // Said in the words typed, with the range that can run.
    QTest::newRow("epochs not a number") << QStringList{"train", "--example", "tutorial", "--epochs", "abc"}
                                         << "--epochs: expected a whole number, got \"abc\"";
    QTest::newRow("negative epochs") << QStringList{"train", "--example", "tutorial", "--epochs", "-5"}
                                     << "--epochs: expected 1 to 1000000000000, got -5";
    QTest::newRow("lr NaN") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.lr=NaN"}
                            << "optimizer.lr: expected a finite number, got NaN";
    QTest::newRow("one negative option") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.momentum=-0.5"}
                                         << "gradlab-cli: optimizer.momentum: Momentum is -0.5; it cannot be negative\n";
    QTest::newRow("negative momentum -1") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.momentum=-1"}
                                          << "gradlab-cli: optimizer.momentum: Momentum is -1; it cannot be negative\n";
    QTest::newRow("negative lr decay") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.type=adagrad", "--set",
                                                      "optimizer.lr_decay=-0.01"}
                                       << "gradlab-cli: optimizer.lr_decay: Learning rate decay is -0.01; it cannot be negative\n";
    // A start that float32 cannot hold is refused before training, not found as NaN at epoch 1.
    QTest::newRow("initial value beyond float32")
        << QStringList{"train", "--example", "tutorial", "--set", "model.init.scheme=custom", "--set", "model.init.values={\"a\":1e39,\"b\":0}"}
        << "model.init.values.a: The initial value of a, 1e+39, does not fit in float32";
    QTest::newRow("fit with an empty delimiter") << QStringList{"fit", GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv", "--delimiter", ""}
                                                 << "--delimiter: expected one character or tab, got \"\"";
    QTest::newRow("fit with no features") << QStringList{"fit", GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv", "--features", ""}
                                          << "--features: expected column names separated by commas, got \"\"";
    QTest::newRow("graph of what") << QStringList{"graph", "--example", "tutorial", "--of", "x", "-o", "/tmp/x.dot"} << "--of";
}

void TestCli::badUsageExitsWithTwoAndOneLine()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const Result r = cli(args);
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QVERIFY2(r.err.trimmed().count(QLatin1Char('\n')) == 0, qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
}

void TestCli::generateWritesTheTutorialsCsvByteForByte()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.csv"));
    const Result r = cli({"generate", "--n", "100", "--a", "1", "--b", "2", "--noise", "0.1", "--seed", "42", "-o", path});
    QCOMPARE(r.status, 0);
    QCOMPARE(readAll(path), readAll(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv")));
}

void TestCli::fitReportsTheClosedForm()
{
    const Result r = cli({"fit", QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"), "--target", "y", "--json"});
    QCOMPARE(r.status, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o["rank"].toInt(), 2);
    QVERIFY(o["params"]["intercept"].isDouble());
    QVERIFY(o["params"]["x"].isDouble());
    QVERIFY(o["std_errors"]["x"].toDouble() > 0);
    QVERIFY(o["r2"].toDouble() > 0.9 && o["r2"].toDouble() < 1);
    QVERIFY(o["residual_std"].toDouble() > 0.05 && o["residual_std"].toDouble() < 0.2);
}

namespace {

bool writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// |actual − expected| ≤ tol·|expected|.
bool closeTo(double actual, double expected, double tol) { return std::abs(actual - expected) <= tol * std::abs(expected); }

// The problem `name` of a fixture file's "problems" (statsmodels' values on three features), and
// its data as a CSV at full precision (x1,x2,x3,y). Empty when it is not there.
QJsonObject fixtureProblem(const QString& file, const QString& name, QByteArray* csv)
{
    QFile fixture(file);
    if (!fixture.open(QIODevice::ReadOnly))
        return {};
    QJsonObject problem;
    for (const QJsonValue v : QJsonDocument::fromJson(fixture.readAll()).object().value(QStringLiteral("problems")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            problem = v.toObject();
    const QJsonArray x = problem.value(QStringLiteral("x")).toArray(), y = problem.value(QStringLiteral("y")).toArray();
    *csv = "x1,x2,x3,y\n";
    for (qsizetype i = 0; i < y.size(); ++i) {
        for (qsizetype j = 0; j < 3; ++j)
            *csv += QByteArray::number(x[i].toArray().isEmpty() ? x[i * 3 + j].toDouble() : x[i].toArray()[j].toDouble(), 'g', 17) + ',';
        *csv += QByteArray::number(y[i].toDouble(), 'g', 17) + '\n';
    }
    return problem;
}

} // namespace

// fit's whole report, table and JSON, against statsmodels' OLS on three features
// (tests/model/fit/fixtures/fit_reference.json, "three_features"; the data is written to a CSV
// at full precision).
void TestCli::fitReportsWhatStatsmodelsReports()
{
    QByteArray csv;
    const QJsonObject problem = fixtureProblem(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/fit_reference.json"), QStringLiteral("three_features"), &csv);
    QVERIFY(!problem.isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("three.csv"));
    QVERIFY(writeFile(path, csv));
    const Result r = cli({"fit", path, "--json"});
    QCOMPARE(r.status, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject e = problem.value(QStringLiteral("expected")).toObject();
    const QJsonArray names = e.value(QStringLiteral("coefficient_names")).toArray();
    // As tests/model/fit/tst_fit.cpp: 1e-10, or 1e-8 for what goes through the t and F distributions.
    // The coefficients as File > Export > Least-squares fit writes them, in the fit's order.
    const struct {
        const char *ours, *theirs;
        double tolerance;
    } perCoefficient[] = {{"estimate", "coefficients", 1e-10}, {"std_error", "standard_errors", 1e-10}, {"t", "t", 1e-10},
                          {"p_value", "p", 1e-8},              {"ci_lower", "ci_lower", 1e-8},           {"ci_upper", "ci_upper", 1e-8}};
    const QJsonArray coefficients = o.value(QStringLiteral("coefficients")).toArray();
    QCOMPARE(coefficients.size(), names.size());
    for (const auto& k : perCoefficient)
        for (qsizetype i = 0; i < names.size(); ++i) {
            QCOMPARE(coefficients[i].toObject().value(QStringLiteral("term")).toString(), names[i].toString());
            const double ours = coefficients[i].toObject().value(QLatin1String(k.ours)).toDouble();
            const double theirs = e.value(QLatin1String(k.theirs)).toArray()[i].toDouble();
            QVERIFY2(closeTo(ours, theirs, k.tolerance), qPrintable(QStringLiteral("%1 %2: %3 vs statsmodels %4").arg(k.ours, names[i].toString()).arg(ours, 0, 'g', 17).arg(theirs, 0, 'g', 17)));
        }
    // The keys fit --json has always had, still there.
    QVERIFY(closeTo(o.value(QStringLiteral("params")).toObject().value(QStringLiteral("x2")).toDouble(), e.value(QStringLiteral("coefficients")).toArray()[2].toDouble(), 1e-10));
    QVERIFY(closeTo(o.value(QStringLiteral("std_errors")).toObject().value(QStringLiteral("x2")).toDouble(), e.value(QStringLiteral("standard_errors")).toArray()[2].toDouble(), 1e-10));
    const struct {
        const char *ours, *theirs;
        double tolerance;
    } overall[] = {{"r2", "r_squared", 1e-10},       {"adjusted_r_squared", "adjusted_r_squared", 1e-10}, {"residual_std", "residual_standard_error", 1e-10},
                   {"f_statistic", "f_statistic", 1e-9}, {"f_p_value", "f_p_value", 1e-8},          {"log_likelihood", "log_likelihood", 1e-10},
                   {"aic", "aic", 1e-10},            {"bic", "bic", 1e-10},                      {"df_residual", "df_residual", 0.0}};
    for (const auto& k : overall) {
        const double ours = o.value(QLatin1String(k.ours)).toDouble(), theirs = e.value(QLatin1String(k.theirs)).toDouble();
        QVERIFY2(closeTo(ours, theirs, k.tolerance), qPrintable(QStringLiteral("%1: %2 vs statsmodels %3").arg(k.ours).arg(ours, 0, 'g', 17).arg(theirs, 0, 'g', 17)));
    }
    QCOMPARE(o.value(QStringLiteral("observations")).toInt(), 60);
    QCOMPARE(o.value(QStringLiteral("df_model")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("confidence_level")).toDouble(), 0.95);
    // The diagnostics statsmodels' summary prints, under the same names as the fixture's.
    const QJsonObject diagnostics = e.value(QStringLiteral("diagnostics")).toObject();
    QCOMPARE(diagnostics.size(), 8);
    for (auto it = diagnostics.begin(); it != diagnostics.end(); ++it) {
        const double ours = o.value(it.key()).toDouble(), theirs = it.value().toDouble();
        QVERIFY2(closeTo(ours, theirs, 1e-9), qPrintable(QStringLiteral("%1: %2 vs statsmodels %3").arg(it.key()).arg(ours, 0, 'g', 17).arg(theirs, 0, 'g', 17)));
    }
    QVERIFY(o.value(QStringLiteral("diagnostics_not_available")).toObject().isEmpty());

    // --level 0.9: the intervals of statsmodels' conf_int(alpha=0.10), and the level said.
    const Result r90 = cli({"fit", path, "--level", "0.9", "--json"});
    QCOMPARE(r90.status, 0);
    const QJsonObject o90 = QJsonDocument::fromJson(r90.out.toUtf8()).object();
    QCOMPARE(o90.value(QStringLiteral("confidence_level")).toDouble(), 0.9);
    const QJsonArray coefficients90 = o90.value(QStringLiteral("coefficients")).toArray();
    for (qsizetype i = 0; i < names.size(); ++i) {
        QVERIFY(closeTo(coefficients90[i].toObject().value(QStringLiteral("ci_lower")).toDouble(), e.value(QStringLiteral("ci_lower_90")).toArray()[i].toDouble(), 1e-8));
        QVERIFY(closeTo(coefficients90[i].toObject().value(QStringLiteral("ci_upper")).toDouble(), e.value(QStringLiteral("ci_upper_90")).toArray()[i].toDouble(), 1e-8));
        QCOMPARE(coefficients90[i].toObject().value(QStringLiteral("p_value")), coefficients[i].toObject().value(QStringLiteral("p_value")));
    }
    const Result table90 = cli({"fit", path, "--level", "0.9"});
    QCOMPARE(table90.status, 0);
    QVERIFY2(table90.out.split(QLatin1Char('\n')).value(1).contains(QLatin1String("lower 90%")), qPrintable(table90.out));
    QVERIFY2(cli({"fit", path, "--level", "0.995"}).out.split(QLatin1Char('\n')).value(1).contains(QLatin1String("upper 99.5%")), "99.5%");
    // Review 13: a level near 1 read as a rounded 100%.
    QVERIFY2(cli({"fit", path, "--level", "0.999999999"}).out.split(QLatin1Char('\n')).value(1).contains(QLatin1String("upper 99.9999999%")),
             "99.9999999%");

    // The table: intervals as columns, then the F test and the information criteria.
    const Result table = cli({"fit", path});
    QCOMPARE(table.status, 0);
    const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.value(1).contains(QLatin1String("lower 95%")) && lines.value(1).contains(QLatin1String("upper 95%")), qPrintable(table.out));
    QVERIFY2(lines.value(7).startsWith(QLatin1String("F ")) && lines.value(7).contains(QLatin1String("on 3 and 56 degrees of freedom")), qPrintable(table.out));
    QVERIFY2(lines.value(8).startsWith(QLatin1String("log-likelihood ")), qPrintable(table.out));
    const auto shown = [&](const char* key, int digits) { return QString::number(diagnostics.value(QLatin1String(key)).toDouble(), 'g', digits); };
    QCOMPARE(lines.value(9), QStringLiteral("Durbin–Watson %1, omnibus %2 (p %3), Jarque–Bera %4 (p %5)")
                                 .arg(shown("durbin_watson", 6), shown("omnibus", 6), shown("omnibus_p_value", 4), shown("jarque_bera", 6),
                                      shown("jarque_bera_p_value", 4)));
    QCOMPARE(lines.value(10), QStringLiteral("skew %1, kurtosis %2, condition number %3").arg(shown("skew", 6), shown("kurtosis", 6), shown("condition_number", 4)));

    // An exact fit (y = 1 + 2x): the estimates, and no inference, which would measure rounding.
    const QString exact = dir.filePath(QStringLiteral("exact.csv"));
    QVERIFY(writeFile(exact, "x,y\n0,1\n1,3\n2,5\n3,7\n4,9\n"));
    const Result e2 = cli({"fit", exact});
    QCOMPARE(e2.status, 0);
    QVERIFY2(e2.out.contains(QStringLiteral("F — on 1 and 3 degrees of freedom, p —")), qPrintable(e2.out));
    QVERIFY2(e2.out.split(QLatin1Char('\n')).value(3).count(QStringLiteral("—")) == 5, qPrintable(e2.out));
    // Its residuals are rounding: no diagnostics of them, and --json says why.
    QVERIFY2(e2.out.contains(QStringLiteral("Durbin–Watson —, omnibus — (p —), Jarque–Bera — (p —)")), qPrintable(e2.out));
    QVERIFY2(e2.out.contains(QStringLiteral("skew —, kurtosis —, condition number ")) && !e2.out.contains(QStringLiteral("condition number —")), qPrintable(e2.out));
    const QJsonObject exactJson = QJsonDocument::fromJson(cli({"fit", exact, "--json"}).out.toUtf8()).object();
    QVERIFY(exactJson.value(QStringLiteral("durbin_watson")).isNull());
    QVERIFY(exactJson.value(QStringLiteral("condition_number")).isDouble());
    QVERIFY2(exactJson.value(QStringLiteral("diagnostics_not_available")).toObject().value(QStringLiteral("skew")).toString().contains(QLatin1String("exact")),
             qPrintable(QJsonDocument(exactJson).toJson()));
}

namespace {

// Lines 5 and 6 hold an empty field and an NA; the other five rows fit y = a + b·x.
const QByteArray kMissingCsv = "x,y\n0,1.1\n1,2.9\n2,5.2\n,7\n3,NA\n4,9.1\n5,10.8\n";

} // namespace

// fit refuses a missing value as train does, and names its own way to leave such rows out;
// --missing drop fits the other rows and says how many were left out.
// fit --se hc0…hc3: statsmodels' OLS fit(cov_type=...) on a heteroskedastic three-feature set
// (fixtures/robust_reference.json): standard errors, z, normal p-values and intervals, the robust
// Wald F, in --json with the covariance type said; the table says which errors and that z and p
// come from the normal distribution. Anything else is refused.
void TestCli::fitReportsRobustStandardErrors()
{
    QByteArray csv;
    const QJsonObject problem = fixtureProblem(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/robust_reference.json"), QStringLiteral("heteroskedastic"), &csv);
    QVERIFY(!problem.isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hetero.csv"));
    QVERIFY(writeFile(path, csv));
    for (const char* type : {"hc0", "hc1", "hc2", "hc3"}) {
        const Result r = cli({"fit", path, "--se", type, "--json"});
        QCOMPARE(r.status, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("covariance_type")).toString(), QString::fromLatin1(type));
        QCOMPARE(o.value(QStringLiteral("distribution")).toString(), QStringLiteral("normal"));
        const QJsonObject e = problem.value(QStringLiteral("types")).toObject().value(QString::fromLatin1(type).toUpper()).toObject();
        const QJsonArray coefficients = o.value(QStringLiteral("coefficients")).toArray();
        QCOMPARE(coefficients.size(), 4);
        for (qsizetype i = 0; i < 4; ++i) {
            const QJsonObject c = coefficients[i].toObject();
            QVERIFY2(closeTo(c.value(QStringLiteral("std_error")).toDouble(), e.value(QStringLiteral("bse")).toArray()[i].toDouble(), 1e-10), type);
            QVERIFY2(closeTo(c.value(QStringLiteral("t")).toDouble(), e.value(QStringLiteral("z")).toArray()[i].toDouble(), 1e-10), type);
            QVERIFY2(closeTo(c.value(QStringLiteral("p_value")).toDouble(), e.value(QStringLiteral("p")).toArray()[i].toDouble(), 1e-9), type);
            QVERIFY2(closeTo(c.value(QStringLiteral("ci_lower")).toDouble(), e.value(QStringLiteral("conf_int_95")).toArray()[i].toArray()[0].toDouble(), 1e-10), type);
            QVERIFY2(closeTo(c.value(QStringLiteral("ci_upper")).toDouble(), e.value(QStringLiteral("conf_int_95")).toArray()[i].toArray()[1].toDouble(), 1e-10), type);
            QVERIFY2(closeTo(o.value(QStringLiteral("std_errors")).toObject().value(c.value(QStringLiteral("term")).toString()).toDouble(),
                             e.value(QStringLiteral("bse")).toArray()[i].toDouble(), 1e-10), type);
        }
        QVERIFY2(closeTo(o.value(QStringLiteral("f_statistic")).toDouble(), e.value(QStringLiteral("f")).toDouble(), 1e-10), type);
        QVERIFY2(closeTo(o.value(QStringLiteral("f_p_value")).toDouble(), e.value(QStringLiteral("f_p")).toDouble(), 1e-9), type);
    }
    const Result table = cli({"fit", path, "--se", "hc3"});
    QCOMPARE(table.status, 0);
    const QStringList lines = table.out.split(QLatin1Char('\n'));
    QVERIFY2(lines.value(1).startsWith(QLatin1String("standard errors HC3 (heteroskedasticity-robust)")), qPrintable(table.out));
    QVERIFY2(lines.value(2).contains(QLatin1String(" z ")) && !lines.value(2).contains(QLatin1String(" t ")), qPrintable(table.out));
    QVERIFY2(table.out.contains(QLatin1String("robust Wald F ")), qPrintable(table.out));
    // Classical is the default, and says nothing of robustness.
    const Result classical = cli({"fit", path, "--se", "classical"});
    QCOMPARE(classical.status, 0);
    QCOMPARE(classical.out, cli({"fit", path}).out);
    QVERIFY(!classical.out.contains(QLatin1String("robust")));
    const Result bad = cli({"fit", path, "--se", "hc4"});
    QCOMPARE(bad.status, 2);
    QVERIFY2(bad.err.contains(QLatin1String("--se: expected classical, hc0, hc1, hc2 or hc3, got \"hc4\"")), qPrintable(bad.err));
}

void TestCli::fitDropsRowsWithMissingValuesWhenAsked()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("missing.csv"));
    QVERIFY(writeFile(csv, kMissingCsv));
    for (const QStringList& extra : {QStringList{}, QStringList{"--missing", "error"}}) {
        const Result r = cli(QStringList{"fit", csv} + extra);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(QLatin1String("line 5, column 1 (\"x\"): missing value")) && r.err.trimmed().endsWith(QLatin1String("(--missing drop)")),
                 qPrintable(r.err));
    }
    const Result r = cli({"fit", csv, "--missing", "drop", "--json"});
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.startsWith(QLatin1String("warning: ")) && r.err.contains(QLatin1String("line 5")), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    // numpy.linalg.lstsq on the five complete rows.
    const QJsonObject params = QJsonDocument::fromJson(r.out.toUtf8()).object()["params"].toObject();
    QVERIFY2(std::abs(params["intercept"].toDouble() - 1.0953488372093023) < 1e-12, qPrintable(r.out));
    QVERIFY2(std::abs(params["x"].toDouble() - 1.9686046511627908) < 1e-12, qPrintable(r.out));
}

// train's way to leave out rows with missing values is a project setting: the message names it.
void TestCli::trainSaysHowToDropRowsWithMissingValues()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("missing.csv"));
    QVERIFY(writeFile(csv, kMissingCsv));
    const QStringList args{"train", "--example", "tutorial", "--epochs", "1", "--set", "dataset.source=csv", "--set",
                           QStringLiteral("dataset.csv.path=\"%1\"").arg(csv), "--set", "dataset.csv.features=[\"x\"]",
                           "--set", "dataset.csv.target=y"};
    Result r = cli(args);
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QLatin1String("missing value")) && r.err.trimmed().endsWith(QLatin1String("(--set dataset.csv.missing=drop)")),
             qPrintable(r.err));
    r = cli(args + QStringList{"--set", "dataset.csv.missing=drop"});
    QCOMPARE(r.status, 0);
    // Other errors get no such hint.
    QVERIFY(writeFile(csv, "x,y\n0,1\n1,abc\n2,5\n"));
    r = cli(args);
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QLatin1String("is not a number")) && !r.err.contains(QLatin1String("--set dataset.csv.missing")), qPrintable(r.err));
}

// A Chinese name takes two terminal columns a character: the table pads it by what it shows, so
// that its line reads as the one for an ASCII name of the same width.
void TestCli::fitTableAlignsWideColumnNames()
{
    QTemporaryDir dir;
    const QByteArray rows = "1,2,3.1\n2,1,4.2\n3,5,8.8\n4,3,8.1\n5,8,13.2\n6,4,10.1\n";
    const QString wide = dir.filePath(QStringLiteral("zh.csv"));
    const QString narrow = dir.filePath(QStringLiteral("ascii.csv"));
    QVERIFY(writeFile(wide, QByteArray("\xEF\xBB\xBF") + QStringLiteral("身高,体重（ｋｇ）,y\n").toUtf8() + rows));
    QVERIFY(writeFile(narrow, "abcd,abcdefghijkl,y\n" + rows));
    const Result zh = cli({"fit", wide});
    const Result ascii = cli({"fit", narrow});
    QCOMPARE(zh.status, 0);
    QCOMPARE(ascii.status, 0);
    QString expected = ascii.out;
    expected.replace(QLatin1String("abcdefghijkl"), QStringLiteral("体重（ｋｇ）")).replace(QLatin1String("abcd"), QStringLiteral("身高"));
    QCOMPARE(zh.out, expected);
}

// An Excel export whose lines end with a delimiter: the empty last column is neither the target
// nor an error, and is said once. The reference is the least-squares line through the six points,
// in exact fractions: intercept 2/75, slope 699/350.
void TestCli::trailingDelimitersMakeNoColumn()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("excel.csv"));
    QVERIFY(writeFile(csv, "x,y,\r\n1,2,\r\n2,4.1,\r\n3,5.9,\r\n4,8.2,\r\n5,9.8,\r\n6,12.1,\r\n"));
    const QString note = QStringLiteral("warning: the lines end with a delimiter; the empty last column is ignored\n");
    const Result r = cli({"fit", csv, "--json"});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    QCOMPARE(r.err, note);
    const QJsonObject params = QJsonDocument::fromJson(r.out.toUtf8()).object()["params"].toObject();
    QCOMPARE(params.keys(), (QStringList{"intercept", "x"}));
    QVERIFY2(std::abs(params["intercept"].toDouble() - 2.0 / 75) < 1e-12, qPrintable(r.out));
    QVERIFY2(std::abs(params["x"].toDouble() - 699.0 / 350) < 1e-12, qPrintable(r.out));
    // train reads the file as the window does.
    const Result t = cli({"train", "--example", "tutorial", "--epochs", "1", "--set", "dataset.source=csv", "--set",
                          QStringLiteral("dataset.csv.path=\"%1\"").arg(csv), "--set", "dataset.csv.features=[\"x\"]", "--set",
                          "dataset.csv.target=y", "--json"});
    QVERIFY2(t.status == 0, qPrintable(t.err));
    QCOMPARE(t.err, note);
}

// QA's q.csv: a quoted header with a newline. fit's table shows the name on one line, as the
// reader's messages quote it ("x\ny"); --features and --target take the name as read or as shown;
// --json keeps it as read. The reference is the least-squares line through (1, 2), (2, 4.1),
// (3, 5.9), in exact fractions: intercept 1/10, slope 39/20.
void TestCli::namesWithLineBreaksStayOnOneLine()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("q.csv"));
    QVERIFY(writeFile(csv, "\"x\ny\",z\n1,2\n2,4.1\n3,5.9\n"));
    const Result plain = cli({"fit", csv});
    QVERIFY2(plain.status == 0, qPrintable(plain.err));
    const QStringList lines = plain.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // The same table as for a name without the newline, line for line.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("plain.csv")), "xy,z\n1,2\n2,4.1\n3,5.9\n"));
    const Result reference = cli({"fit", dir.filePath(QStringLiteral("plain.csv"))});
    QCOMPARE(lines.size(), reference.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
    QVERIFY2(lines.value(3).startsWith(QLatin1String("x\\ny ")), qPrintable(plain.out));
    QCOMPARE(lines.value(3).size(), reference.out.split(QLatin1Char('\n')).value(3).size());

    for (const QString& name : {QStringLiteral("x\ny"), QStringLiteral("x\\ny")}) {
        const Result r = cli({"fit", csv, "--features", name, "--target", "z", "--json"});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject params = QJsonDocument::fromJson(r.out.toUtf8()).object()["params"].toObject();
        QCOMPARE(params.keys(), (QStringList{"intercept", "x\ny"}));
        QVERIFY2(std::abs(params["intercept"].toDouble() - 0.1) < 1e-12, qPrintable(r.out));
        QVERIFY2(std::abs(params["x\ny"].toDouble() - 1.95) < 1e-12, qPrintable(r.out));
    }
    const Result target = cli({"fit", csv, "--features", "z", "--target", "x\\ny", "--json"});
    QVERIFY2(target.status == 0, qPrintable(target.err));
    // A name that is neither is refused with the columns as shown.
    const Result wrong = cli({"fit", csv, "--features", "x y"});
    QCOMPARE(wrong.status, 2);
    QVERIFY2(wrong.err.contains(QLatin1String("there is no column named \"x y\"; the columns are \"x\\ny\", \"z\"")), qPrintable(wrong.err));
}

// QA's dup.csv: two columns named "x". The references are numpy.linalg.lstsq's on the design
// [1, x, x.1] (statsmodels' OLS gives the same: const 1.9167, x 2.3889, x.1 -0.6111).
void TestCli::repeatedColumnNamesAreRenamedEverywhere()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("dup.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("x,x,y\n1,2,3\n2,3,5\n3,5,6\n4,4,9\n") > 0);
    }
    const Result r = cli({"fit", csv, "--json"});
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.contains(QLatin1String("warning: columns with the same name are renamed as pandas renames them")) &&
                 r.err.contains(QLatin1String("column 2 (\"x\") as \"x.1\"")),
             qPrintable(r.err));
    const QJsonObject params = QJsonDocument::fromJson(r.out.toUtf8()).object()["params"].toObject();
    QCOMPARE(params.keys(), (QStringList{"intercept", "x", "x.1"}));
    const std::pair<const char*, double> lstsq[] = {{"intercept", 1.9166666666666619}, {"x", 2.3888888888888893}, {"x.1", -0.6111111111111107}};
    for (const auto& [name, value] : lstsq)
        QVERIFY2(std::abs(params[name].toDouble() - value) < 1e-9, qPrintable(r.out));
    const Result table = cli({"fit", csv, "--features", "x.1", "--target", "y"});
    QCOMPARE(table.status, 0);
    QVERIFY2(table.out.contains(QLatin1String("\nx.1 ")), qPrintable(table.out));

    const Result trained = cli({"train", "--example", "tutorial", "--epochs", "3", "--set", "dataset.source=\"csv\"", "--set",
                                QStringLiteral("dataset.csv.path=\"%1\"").arg(csv), "--set", "dataset.csv.features=[\"x\",\"x.1\"]",
                                "--set", "dataset.csv.target=\"y\"", "--set", "model.type=\"linear\"", "--json"});
    QVERIFY2(trained.status == 0, qPrintable(trained.err));
    QVERIFY2(trained.err.contains(QLatin1String("renamed")), qPrintable(trained.err));
    const QJsonObject run = QJsonDocument::fromJson(trained.out.toUtf8()).object();
    QCOMPARE(run["params"]["weight"].toArray().size(), 2);
}

// A European export (semicolons, decimal commas); the reference is numpy.linalg.lstsq's on the
// values pandas reads with read_csv(sep=";", decimal=",").
void TestCli::decimalCommasAreReadByFitAndTrain()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("euro.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("\xEF\xBB\xBFh;w;t\n5,488135;1;7,15\n6,5;2;8\n1,25;0,5;3\n2;4,75;9,5\n") > 0);
    }
    for (const QString& decimal : {QStringLiteral("auto"), QStringLiteral(",")}) {
        const Result r = cli({"fit", csv, "--decimal", decimal, "--json"});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject params = QJsonDocument::fromJson(r.out.toUtf8()).object()["params"].toObject();
        const std::pair<const char*, double> lstsq[] = {{"intercept", 1.7573786614494118}, {"h", 0.6256919642064889}, {"w", 1.3437705133586308}};
        for (const auto& [name, value] : lstsq)
            QVERIFY2(std::abs(params[name].toDouble() - value) < 1e-9, qPrintable(r.out));
    }
    const Result point = cli({"fit", csv, "--decimal", "."});
    QCOMPARE(point.status, 2);
    QVERIFY2(point.err.contains(QLatin1String("\"5,488135\" is not a number with '.'")) &&
                 point.err.contains(QLatin1String("choose the comma as the decimal separator")),
             qPrintable(point.err));
    QCOMPARE(cli({"fit", csv, "--decimal", ";"}).status, 2);

    // train: detected, and chosen with --set; the project keeps the key.
    const QStringList base{"train", "--example", "tutorial", "--epochs", "3", "--set", "dataset.source=\"csv\"", "--set",
                           QStringLiteral("dataset.csv.path=\"%1\"").arg(csv), "--set", "dataset.csv.features=[\"h\",\"w\"]",
                           "--set", "dataset.csv.target=\"t\"", "--set", "model.type=\"linear\""};
    QVERIFY2(cli(base).status == 0, qPrintable(cli(base).err));
    const QString saved = dir.filePath(QStringLiteral("euro.gradlab"));
    const Result comma = cli(base + QStringList{"--set", "dataset.csv.decimal=\",\"", "--save", saved});
    QVERIFY2(comma.status == 0, qPrintable(comma.err));
    const QJsonObject project = QJsonDocument::fromJson(readAll(saved)).object();
    QCOMPARE(project["dataset"]["csv"]["decimal"].toString(), QStringLiteral(","));
    const Result refused = cli(base + QStringList{"--set", "dataset.csv.decimal=\".\""});
    QCOMPARE(refused.status, 2);
    QVERIFY2(refused.err.contains(QLatin1String("choose the comma as the decimal separator")), qPrintable(refused.err));
}

// QA's nohead.csv: no header, ';' and decimal commas, which also splits evenly on ','. The reference
// is the least-squares line computed exactly (Python's fractions) on x = 1.5..5.5, y = 2.0..10.1.
void TestCli::fitTakesADelimiter()
{
    QTemporaryDir dir;
    const QByteArray rows = "1,5;2,0\n2,5;4,1\n3,5;6,2\n4,5;7,9\n5,5;10,1\n";
    const QString semicolons = dir.filePath(QStringLiteral("nohead.csv")), tabs = dir.filePath(QStringLiteral("nohead.tsv"));
    for (const auto& [path, text] : {std::pair{semicolons, rows}, std::pair{tabs, QByteArray(rows).replace(';', '\t')}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
    }
    const QList<QStringList> ways{{"fit", semicolons},
                                  {"fit", semicolons, "--delimiter", ";", "--decimal", ","},
                                  {"fit", tabs, "--delimiter", "tab"},
                                  {"fit", tabs, "--delimiter", "\\t"},
                                  {"fit", tabs, "--delimiter", "\t", "--decimal", ","}};
    for (const QStringList& args : ways) {
        const Result r = cli(args + QStringList{"--json"});
        QVERIFY2(r.status == 0, qPrintable(args.join(QLatin1Char(' ')) + QLatin1Char('\n') + r.err));
        const QJsonObject params = QJsonDocument::fromJson(r.out.toUtf8()).object()["params"].toObject();
        QVERIFY2(std::abs(params["intercept"].toDouble() - -0.94) < 1e-9 && std::abs(params["column 1"].toDouble() - 2.0) < 1e-9,
                 qPrintable(r.out));
    }
    // The delimiter given is the one used.
    const Result commas = cli({"fit", semicolons, "--delimiter", ","});
    QCOMPARE(commas.status, 2);
    QVERIFY2(commas.err.contains(QLatin1String("\"5;2\" is not a number")), qPrintable(commas.err));
    QCOMPARE(cli({"fit", semicolons, "--delimiter", "tab"}).status, 2);
    const Result both = cli({"fit", semicolons, "--delimiter", ",", "--decimal", ","});
    QCOMPARE(both.status, 2);
    QVERIFY2(both.err.contains(QLatin1String("cannot be both the delimiter and the decimal separator")), qPrintable(both.err));
    for (const char* bad : {"ab", ".", "\u00e9"}) {
        const Result r = cli({"fit", semicolons, "--delimiter", QString::fromUtf8(bad)});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(QLatin1String("delimiter")) && r.err.trimmed().count(QLatin1Char('\n')) == 0, qPrintable(r.err));
    }
}

// Two columns that are one (x2 = 2·x1): any split of the slope between them fits equally well, so
// the closed form is lstsq's minimum-norm one, and train says so as fit does.
void TestCli::trainSaysWhenTheClosedFormIsNotUnique()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("collinear.csv"));
    QByteArray text = "x1,x2,y\n";
    for (int i = 0; i < 30; ++i) {
        const double x1 = i / 10.0;
        text += QByteArray::number(x1, 'g', 17) + ',' + QByteArray::number(2 * x1, 'g', 17) + ','
                + QByteArray::number(1 + 3 * x1 + ((i * 7) % 5 - 2) * 0.01, 'g', 17) + '\n';
    }
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
    }
    const QStringList args{"train", "--example", "tutorial", "--epochs", "5", "--set", "dataset.source=\"csv\"",
                           "--set", QStringLiteral("dataset.csv.path=\"%1\"").arg(csv), "--set", "dataset.csv.features=[\"x1\",\"x2\"]",
                           "--set", "dataset.csv.target=\"y\"", "--set", "model.type=\"linear\""};
    Result r = cli(args);
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.contains(QLatin1String("warning: the closed form: ")) && r.err.contains(QLatin1String("rank-deficient (rank 2 of 3 columns)")),
             qPrintable(r.err));
    r = cli(args + QStringList{"--json"});
    QCOMPARE(r.status, 0);
    const QJsonObject cf = QJsonDocument::fromJson(r.out.toUtf8()).object()["closed_form"].toObject();
    QCOMPARE(cf["unique"].toBool(true), false);
    QCOMPARE(cf["rank"].toInt(), 2);
    // The minimum-norm split of a slope c between x1 and x2 = 2·x1 is (c/5, 2c/5).
    const QJsonArray w = cf["params"]["weight"].toArray();
    QCOMPARE(w.size(), 2);
    QVERIFY2(std::abs(w[1].toDouble() - 2 * w[0].toDouble()) < 1e-9 * std::abs(w[1].toDouble()), qPrintable(r.out));
    // A unique closed form says nothing of the kind.
    r = cli({"train", "--example", "tutorial", "--epochs", "5", "--json"});
    QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()["closed_form"].toObject()["unique"].toBool(false), true);
    QVERIFY(!r.err.contains(QLatin1String("closed form")));
    // fit says it on stderr too, also with --json, whose output stays one JSON document.
    for (const QStringList& extra : {QStringList{}, QStringList{"--json"}}) {
        r = cli(QStringList{"fit", csv} + extra);
        QCOMPARE(r.status, 0);
        QVERIFY2(r.err.contains(QLatin1String("rank-deficient")), qPrintable(r.err));
        QVERIFY2(!r.out.contains(QLatin1String("warning:")), qPrintable(r.out)); // the stderr line is not on stdout
    }
    // The table shows no inference for the two undetermined slopes, as the window does.
    const QStringList table = cli({"fit", csv}).out.split(QLatin1Char('\n'));
    for (const QString& line : table)
        if (line.startsWith(QLatin1String("x1 ")) || line.startsWith(QLatin1String("x2 ")))
            QVERIFY2(line.count(QStringLiteral("—")) == 5, qPrintable(line));
    QJsonParseError parse;
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8(), &parse).object();
    QCOMPARE(parse.error, QJsonParseError::NoError);
    // In the JSON itself, as the report's warnings (the export's), in English.
    QVERIFY(report.value(QStringLiteral("warnings")).toArray().first().toString().contains(QLatin1String("rank-deficient")));
}

// --set dataset.csv.path=FILE names FILE as a shell does, from the current folder, also for a
// project kept in another folder (it was looked for beside the project, and a file of the same
// name there would have been used instead).
void TestCli::aCsvNamedWithSetIsWhereTheShellIs()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("proj")));
    const QString project = dir.filePath(QStringLiteral("proj/base.gradlab"));
    QCOMPARE(cli({"train", "--example", "tutorial", "--epochs", "1", "--save", project}).status, 0);
    const auto write = [](const QString& path, const QByteArray& text) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    };
    QVERIFY(write(dir.filePath(QStringLiteral("points.csv")), "x,y\n0,1\n1,3\n2,5\n3,7\n4,9\n5,11\n6,13\n7,15\n8,17\n9,19\n"));
    QVERIFY(write(dir.filePath(QStringLiteral("proj/points.csv")), "x,y\n0,0\n1,0\n2,0\n3,0\n4,0\n5,0\n6,0\n7,0\n8,0\n9,0\n"));
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    const Result r = cli({"train", "proj/base.gradlab", "--epochs", "1", "--json", "--set", "dataset.source=\"csv\"", "--set",
                          "dataset.csv.path=\"points.csv\"", "--set", "dataset.csv.features=[\"x\"]", "--set", "dataset.csv.target=\"y\""});
    QDir::setCurrent(before);
    QCOMPARE(r.status, 0);
    // The closed form of the file in the current folder: y = 1 + 2x.
    const QJsonObject cf = QJsonDocument::fromJson(r.out.toUtf8()).object()["closed_form"].toObject()["params"].toObject();
    QVERIFY2(std::abs(cf["a"].toDouble() - 1.0) < 1e-9 && std::abs(cf["b"].toDouble() - 2.0) < 1e-9, qPrintable(r.out));
}

void TestCli::savedProjectTrainsAgain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gradlab"));
    Result r = cli({"train", "--example", "tutorial", "--epochs", "10", "--set", "optimizer.type=rmsprop", "--save", path, "--json"});
    QCOMPARE(r.status, 0);
    const QJsonObject first = QJsonDocument::fromJson(r.out.toUtf8()).object();
    r = cli({"train", path, "--json"});
    QCOMPARE(r.status, 0);
    const QJsonObject second = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(second["epochs"].toInt(), 10);
    QCOMPARE(second["params"].toObject(), first["params"].toObject()); // deterministic
}

void TestCli::graphOfTheLossIsTheTutorials()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.dot"));
    QCOMPARE(cli({"graph", "--example", "tutorial", "--of", "loss", "-o", path}).status, 0);
    const QByteArray dot = readAll(path);
    QVERIFY(dot.contains("MseLossBackward0\" fillcolor=darkolivegreen1"));
    QVERIFY(dot.contains("AddBackward0\" fillcolor=lightgrey"));
    QVERIFY(dot.contains("MulBackward0\" fillcolor=lightgrey"));
    QVERIFY(dot.contains("a\\n(1)\" fillcolor=lightblue"));
    QVERIFY(dot.contains("b\\n(1)\" fillcolor=lightblue"));
    QCOMPARE(dot.count("->"), 4);
}

void TestCli::graphOfTheWrittenOutLoss()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.dot"));
    // The tutorial's section 2.4 loss, (error ** 2).mean(): PyTorch 1.13 draws MeanBackward0 (the
    // root) <- PowBackward0 <- SubBackward0 <- AddBackward0 <- {a, MulBackward0 <- b}.
    QCOMPARE(cli({"graph", "--example", "tutorial", "--of", "loss-manual", "-o", path}).status, 0);
    const QByteArray dot = readAll(path);
    QVERIFY(dot.contains("MeanBackward0\" fillcolor=darkolivegreen1"));
    for (const char* op : {"PowBackward0", "SubBackward0", "AddBackward0", "MulBackward0"})
        QVERIFY2(dot.contains(QByteArray(op) + "\" fillcolor=lightgrey"), op);
    QVERIFY(!dot.contains("MseLossBackward0"));
    QCOMPARE(dot.count("->"), 6);
    // With another loss the written-out MSE would not be the experiment's loss: refused, nothing written.
    const QString project = dir.filePath(QStringLiteral("l1.gradlab"));
    QCOMPARE(cli({"train", "--example", "tutorial", "--epochs", "1", "--set", "loss.type=\"l1\"", "--save", project}).status, 0);
    const QString l1 = dir.filePath(QStringLiteral("l1.dot"));
    const Result refused = cli({"graph", project, "--of", "loss-manual", "-o", l1});
    QVERIFY(refused.status != 0);
    QVERIFY2(refused.err.contains(QStringLiteral("(error ** 2).mean()")), qPrintable(refused.err));
    QVERIFY(!QFile::exists(l1));
}

void TestCli::trainWritesTheRequestedExports()
{
    QTemporaryDir dir;
    auto path = [&](const char* name) { return dir.filePath(QString::fromLatin1(name)); };
    const Result r = cli({"train", "--example", "tutorial", "--epochs", "20", "--export-params", path("p.json"), "--export-history", path("h.csv"),
                          "--export-plot", path("fit.png"), "--export-loss-plot", path("loss.svg")});
    QCOMPARE(r.status, 0);
    const QJsonObject params = QJsonDocument::fromJson(readAll(path("p.json"))).object();
    QVERIFY(params["a"]["value"].isDouble());
    QVERIFY(std::abs(params["a"]["closed_form"].toDouble() - 1.0235407546635176) < 1e-12);
    const QList<QByteArray> history = readAll(path("h.csv")).trimmed().split('\n');
    QCOMPARE(history.first(), QByteArray("epoch,train_loss,val_loss,a,b"));
    QCOMPARE(history.size(), 21);
    QVERIFY(readAll(path("fit.png")).startsWith("\x89PNG"));
    QVERIFY(readAll(path("loss.svg")).contains("<svg"));
    // A plot format GradLab cannot write is bad input, and writes nothing.
    const Result bad = cli({"train", "--example", "tutorial", "--epochs", "2", "--export-plot", path("fit.bmpx")});
    QCOMPARE(bad.status, 2);
    QVERIFY(!QFile::exists(path("fit.bmpx")));
}

// An output that cannot be written (no such folder, a folder in its place, the CSV the experiment
// reads) is refused before the training, which could take hours: nothing is trained or written.
void TestCli::outputsThatCannotBeWrittenAreRefusedBeforeTraining()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("data.csv"));
    QVERIFY(writeFile(csv, "x,y\n0,1\n1,3\n2,5.1\n3,6.9\n4,9\n5,11.2\n"));
    const QStringList fromCsv{"train", "--example", "tutorial", "--epochs", "5", "--set", "dataset.source=csv", "--set",
                              "dataset.csv.path=" + csv, "--set", "dataset.csv.features=[\"x\"]", "--set", "dataset.csv.target=y"};
    const std::vector<std::pair<QStringList, QString>> cases{
        {{"--save", "/nonexistent/p.gradlab"}, "--save: the folder /nonexistent does not exist"},
        {{"--export-history", "/nonexistent/h.csv"}, "--export-history: the folder /nonexistent does not exist"},
        {{"--export-params", dir.path()}, "--export-params: " + dir.path() + " is a folder"},
        {{"--export-history", csv}, "--export-history: " + csv + " is the data file this experiment reads"},
        {{"--export-params", csv}, "--export-params: " + csv + " is the data file this experiment reads"},
        {{"--save", csv}, "--save: " + csv + " is the data file this experiment reads"},
    };
    const QByteArray data = readAll(csv);
    for (const auto& [output, expected] : cases) {
        const Result r = cli(fromCsv + output);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.startsWith("gradlab-cli: " + expected), qPrintable(r.err));
        QVERIFY2(r.err.trimmed().count(QLatin1Char('\n')) == 0, qPrintable(r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out)); // no "Trained 5 epochs": refused first
        QCOMPARE(readAll(csv), data);
    }
    // Review 13: an export over the project being trained, or two outputs naming one file, lost
    // the project (exit 0).
    const QString project = dir.filePath(QStringLiteral("p.gradlab"));
    QCOMPARE(cli(fromCsv + QStringList{"--save", project}).status, 0);
    const QByteArray saved = readAll(project);
    const std::vector<std::pair<QStringList, QString>> clashes{
        {{"train", project, "--epochs", "2", "--export-history", project}, "--export-history: " + project + " is the project being trained"},
        {{"train", project, "--epochs", "2", "--export-params", project}, "--export-params: " + project + " is the project being trained"},
        {{"train", project, "--epochs", "2", "--save", dir.filePath("q.gradlab"), "--export-history", dir.filePath("q.gradlab")},
         "--save and --export-history name the same file"},
    };
    for (const auto& [args, expected] : clashes) {
        const Result r = cli(args);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.startsWith("gradlab-cli: " + expected), qPrintable(r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QCOMPARE(readAll(project), saved);
    }
    QCOMPARE(cli({"train", project, "--epochs", "2", "--save", project}).status, 0); // a project saved over itself is what --save does
}

// A device is written in place (never replaced by a file); a write it refuses, as /dev/full
// refuses every one, is a failure with the system's reason.
void TestCli::writesToADeviceThatFailSayWhy()
{
#ifdef __linux__
    // A private copy of /dev/full where mknod is allowed (root), so that a regression replaces only
    // the copy; otherwise /dev/full itself, which a user cannot replace.
    QTemporaryDir dir;
    QString full = dir.filePath(QStringLiteral("full"));
    if (::mknod(QFile::encodeName(full).constData(), S_IFCHR | 0666, makedev(1, 7)) != 0)
        full = QStringLiteral("/dev/full");
    if (!QFileInfo::exists(full) || QFileInfo(full).isFile())
        QSKIP("there is no /dev/full device here");
    const std::vector<QStringList> commands{
        {"generate", "--n", "100", "-o", full},
        {"train", "--example", "tutorial", "--epochs", "2", "--save", full},
        {"train", "--example", "tutorial", "--epochs", "2", "--export-history", full},
        {"export-script", "--example", "tutorial", "-o", full},
    };
    for (const QStringList& args : commands) {
        const Result r = cli(args);
        QVERIFY2(r.status == 2, qPrintable(args.join(' ') + ": " + r.err));
        QVERIFY2(r.err.contains(QLatin1String("No space left on device")), qPrintable(r.err));
        QVERIFY2(!QFileInfo(full).isFile(), qPrintable(args.join(' '))); // still the device
    }
    // A name that cannot be made says why, not "No such file or directory" about a file that is there.
    if (QFileInfo::exists(QStringLiteral("/proc/version"))) {
        const Result r = cli({"generate", "--n", "10", "-o", "/proc/version"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(QLatin1String("no new file can be made in the folder /proc")), qPrintable(r.err));
    }
#else
    QSKIP("writes to /dev/full, which Linux has");
#endif
}

// As File > Export > Computation graph: DOT, SVG or PNG by the extension, never DOT text under a
// picture's name.
void TestCli::graphIsWrittenInTheFormatItsNameSays()
{
    QTemporaryDir dir;
    auto path = [&](const char* name) { return dir.filePath(QString::fromLatin1(name)); };
    QCOMPARE(cli({"graph", "--example", "tutorial", "--of", "loss", "-o", path("g.svg")}).status, 0);
    const std::vector<SvgElement> svg = svgElements(readAll(path("g.svg")));
    QVERIFY2(!svg.empty(), "not an SVG document");
    const QStringList texts = svgTexts(svg);
    for (const char* node : {"MseLossBackward0", "AddBackward0", "MulBackward0", "a", "b"})
        QVERIFY2(texts.contains(QLatin1String(node)), qPrintable(texts.join(QLatin1Char('|'))));

    QCOMPARE(cli({"graph", "--example", "tutorial", "--of", "loss-manual", "-o", path("g.png")}).status, 0);
    QImage png;
    QVERIFY(png.load(path("g.png"), "PNG"));
    // The graph tab's PNG (twice its drawing at 96 dpi, as the plots' PNGs; tst_graph_view checks
    // the scale), not a smaller one.
    gradlab::experiment::Project tutorial;
    QString error;
    const auto data = tutorial.loadData(&error);
    QVERIFY2(data, qPrintable(error));
    gradlab::widgets::GraphView view;
    view.setRoot(gradlab::experiment::GraphRoot::LossWrittenOut);
    view.setExperiment(tutorial.config, *data, {}, 0);
    QVERIFY2(view.exportTo(path("tab.png"), &error), qPrintable(error));
    QRectF nodes;
    for (const QString& id : view.nodeIds())
        nodes |= view.nodeRect(id);
    QCOMPARE(png.size(), QImage(path("tab.png")).size());
    QVERIFY2(png.width() >= nodes.width() * 8 / 3 && png.height() >= nodes.height() * 8 / 3,
             qPrintable(QStringLiteral("%1 × %2").arg(png.width()).arg(png.height())));

    QCOMPARE(cli({"graph", "--example", "tutorial", "--of", "loss", "-o", path("g.gv")}).status, 0);
    QVERIFY(readAll(path("g.gv")).startsWith("digraph"));

    // Any other name is refused, naming what is accepted, and nothing is written.
    const Result bad = cli({"graph", "--example", "tutorial", "-o", path("g.jpg")});
    QCOMPARE(bad.status, 2);
    QCOMPARE(bad.err.count(QLatin1Char('\n')), 1);
    for (const char* accepted : {".dot", ".gv", ".svg", ".png"})
        QVERIFY2(bad.err.contains(QLatin1String(accepted)), qPrintable(bad.err));
    QVERIFY(!QFile::exists(path("g.jpg")));

    // Pictures are drawn by a widget, so the program starts a QApplication for them only.
    QVERIFY(gradlab::cli::needsWidgets({"graph", "--example", "tutorial", "-o", "g.svg"}));
    QVERIFY(gradlab::cli::needsWidgets({"graph", "--example", "tutorial", "-o", "g.PNG"}));
    QVERIFY(!gradlab::cli::needsWidgets({"graph", "--example", "tutorial", "-o", "g.dot"}));
}

// The loss on a log axis by default, as the window draws it, so that a long run's tail is not flat
// on zero; --linear-loss for a linear one. Validation is dashed even with one run.
void TestCli::lossPlotIsOnALogScaleUnlessLinearIsAsked()
{
    // A plot name that cannot be written is refused before the training (QA round 12: a long run
    // was trained, then refused, and --save skipped).
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("kept.gradlab"));
        for (const QStringList& bad : {QStringList{"--export-plot", dir.filePath(QStringLiteral("fit.jpg"))},
                                       QStringList{"--export-loss-plot", dir.filePath(QStringLiteral("no/such/folder/loss.png"))}}) {
            const Result r = cli(QStringList{"train", "--example", "tutorial", "--epochs", "3", "--save", project} + bad);
            QCOMPARE(r.status, 2);
            QVERIFY2(r.err.contains(bad.first()), qPrintable(r.err));
            QVERIFY2(!r.err.contains(QLatin1String("Trained")) && !r.out.contains(QLatin1String("Trained")), qPrintable(r.out));
        }
    }

    QTemporaryDir dir;
    auto path = [&](const char* name) { return dir.filePath(QString::fromLatin1(name)); };
    QCOMPARE(cli({"train", "--example", "tutorial", "--epochs", "200", "--export-loss-plot", path("log.svg")}).status, 0);
    QCOMPARE(cli({"train", "--example", "tutorial", "--epochs", "200", "--export-loss-plot", path("linear.svg"), "--linear-loss"}).status, 0);
    const std::vector<SvgElement> log = svgElements(readAll(path("log.svg")));
    const std::vector<SvgElement> linear = svgElements(readAll(path("linear.svg")));
    QVERIFY(!log.empty() && !linear.empty());
    // The tutorial's loss falls from about 3 to 0.008: a log axis labels the decades 0.01, 0.1 and
    // 1; a linear one starts at 0, which no log axis shows, in steps that are no decades.
    const QStringList logTexts = svgTexts(log), linearTexts = svgTexts(linear);
    for (const char* decade : {"0.01", "0.1", "1"})
        QVERIFY2(logTexts.contains(QLatin1String(decade)), qPrintable(logTexts.join(QLatin1Char('|'))));
    QVERIFY2(!logTexts.contains(QStringLiteral("0")), qPrintable(logTexts.join(QLatin1Char('|'))));
    QVERIFY2(logTexts.contains(QStringLiteral("Loss (log scale)")), qPrintable(logTexts.join(QLatin1Char('|'))));
    QVERIFY2(linearTexts.contains(QStringLiteral("0")) && !linearTexts.contains(QStringLiteral("0.01")),
             qPrintable(linearTexts.join(QLatin1Char('|'))));
    QVERIFY2(!linearTexts.contains(QStringLiteral("Loss (log scale)")) && linearTexts.contains(QStringLiteral("Loss")),
             qPrintable(linearTexts.join(QLatin1Char('|'))));
    // Training solid in the first colour, validation dashed in the second.
    for (const auto* elements : {&log, &linear}) {
        QVERIFY(firstStroke(*elements, QStringLiteral("#d55e00"), true) >= 0);
        QCOMPARE(firstStroke(*elements, QStringLiteral("#d55e00"), false), -1);
        QVERIFY(firstStroke(*elements, QStringLiteral("#0072b2"), false) >= 0);
        QCOMPARE(firstStroke(*elements, QStringLiteral("#0072b2"), true), -1);
    }
    // --linear-loss alone would be silently ignored: refused.
    const Result alone = cli({"train", "--example", "tutorial", "--epochs", "2", "--linear-loss"});
    QCOMPARE(alone.status, 2);
    QVERIFY2(alone.err.contains(QLatin1String("--export-loss-plot")), qPrintable(alone.err));
}

// The trained line over the dashed closed form it coincides with (as the Data and fit view draws
// it), and the generated data's true line.
void TestCli::fitPlotDrawsTheTrainedLineAboveTheClosedForm()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fit.svg"));
    QCOMPARE(cli({"train", "--example", "tutorial", "--epochs", "100", "--export-plot", path}).status, 0);
    const std::vector<SvgElement> svg = svgElements(readAll(path));
    QVERIFY(!svg.empty());
    const qsizetype closed = firstStroke(svg, QStringLiteral("#000000"), true);
    const qsizetype trained = firstStroke(svg, QStringLiteral("#009e73"), false);
    QVERIFY2(closed >= 0 && trained > closed, qPrintable(QStringLiteral("closed form at %1, trained at %2").arg(closed).arg(trained)));
    QVERIFY(firstStroke(svg, QStringLiteral("#808080"), true) >= 0);
    const QStringList texts = svgTexts(svg);
    QVERIFY2(texts.contains(QStringLiteral("True line")), qPrintable(texts.join(QLatin1Char('|'))));
    // Data read from a CSV has no true line to show.
    const QString csv = dir.filePath(QStringLiteral("line.csv"));
    QVERIFY(writeFile(csv, "x,y\n0,1\n1,3\n2,5.1\n3,6.9\n4,9.2\n5,10.8\n6,13.1\n7,15\n8,17.2\n9,18.9\n"));
    const QString csvPlot = dir.filePath(QStringLiteral("csv.svg"));
    QCOMPARE(cli({"train", "--example", "tutorial", "--epochs", "5", "--set", "dataset.source=\"csv\"", "--set",
                  QStringLiteral("dataset.csv.path=\"%1\"").arg(csv), "--set", "dataset.csv.features=[\"x\"]", "--set",
                  "dataset.csv.target=\"y\"", "--export-plot", csvPlot})
                 .status,
             0);
    QVERIFY(!svgTexts(svgElements(readAll(csvPlot))).contains(QStringLiteral("True line")));
}

// One feature with weights [3]: the data rises with slope 3, not b = 2, and so does the true line.
// The same draws as the tutorial's plus x, so the least-squares line through the training rows has
// the tutorial's slope plus 1: 2.96896 (tests/reference/tutorial_expected.json, closed_form_train).
void TestCli::fitPlotTrueLineHasTheGeneratorsSlope()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fit.svg"));
    QCOMPARE(cli({"train", "--example", "tutorial", "--epochs", "5", "--set", "dataset.generator.weights=[3]", "--export-plot", path}).status, 0);
    const std::vector<SvgElement> svg = svgElements(readAll(path));
    const double trueSlope = polylineSlope(svg, QStringLiteral("#808080"), true);
    const double closedSlope = polylineSlope(svg, QStringLiteral("#000000"), true);
    QVERIFY2(std::abs(trueSlope / closedSlope - 3.0 / 2.96896) < 0.002,
             qPrintable(QStringLiteral("true line %1, closed form %2").arg(trueSlope).arg(closedSlope)));
}

void TestCli::exportScriptWritesARunnableScript()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.py"));
    QCOMPARE(cli({"export-script", "--example", "tutorial", "-o", path}).status, 0);
    const QByteArray script = readAll(path);
    QVERIFY(script.contains("import torch"));
    QVERIFY(script.contains("np.random.seed(42)"));
    QCOMPARE(cli({"export-script", "--example", "tutorial"}).status, 2);
}

void TestCli::exportScriptRefusesDataGradLabCannotRead_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no data rows") << "x,y\n" << "" << "the file has a header but no data rows";
    QTest::newRow("unclosed quote") << "x,y\n0,1\n1,\"3\n2,5\n" << "" << "is never closed";
    // Points first, so the comma is not detected as the decimal separator.
    QTest::newRow("decimal comma after points") << "x;y\n0.5;1\n1,5;2\n" << ";"
                                                << "\"1,5\" is not a number with '.' as the decimal separator; if the file "
                                                   "writes numbers with a decimal comma, choose the comma as the decimal separator";
}

void TestCli::exportScriptRefusesDataGradLabCannotRead()
{
    QFETCH(QString, text);
    QFETCH(QString, delimiter);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString project = embeddedCsvProject(dir, text, delimiter);
    QVERIFY(!project.isEmpty());
    const Result trained = cli({"train", project});
    QCOMPARE(trained.status, 2);
    QVERIFY2(trained.err.contains(expected), qPrintable(trained.err));
    // The same message from export-script, and no script.
    const QString script = dir.filePath(QStringLiteral("s.py"));
    const Result r = cli({"export-script", project, "-o", script});
    QCOMPARE(r.status, 2);
    QCOMPARE(r.err, trained.err);
    QVERIFY(!QFile::exists(script));
}

// A project with three saved runs of the tutorial: SGD (lr 0.1), Adam (lr 0.1), SGD (lr 0.05)
// stopped after 50 epochs; empty when it could not be made.
static QString threeRunProject(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("lab.gradlab"));
    const QList<QStringList> runs{{"train", "--example", "tutorial", "--save", path},
                                  {"train", path, "--set", "optimizer.type=adam", "--set", "optimizer.lr=0.1", "--save", path},
                                  {"train", path, "--set", "optimizer.type=sgd", "--set", "optimizer.lr=0.05", "--epochs", "50", "--save", path}};
    for (const QStringList& args : runs)
        if (cli(args).status != 0)
            return {};
    return path;
}

// The saved runs as the project file stores them: `runs` lists those numbers, in the run list's
// order, and the tutorial's first run is PyTorch's.
void TestCli::runsListsTheSavedRuns()
{
    QTemporaryDir dir;
    const QString project = threeRunProject(dir);
    QVERIFY(!project.isEmpty());
    const QJsonArray stored = QJsonDocument::fromJson(readAll(project)).object()["runs"].toArray();
    QCOMPARE(stored.size(), 3);

    const Result json = cli({"runs", project, "--json"});
    QVERIFY2(json.status == 0, qPrintable(json.err));
    const QJsonArray listed = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(listed.size(), 3);
    const char* optimizers[] = {"sgd", "adam", "sgd"};
    const double lrs[] = {0.1, 0.1, 0.05};
    const int epochs[] = {1000, 1000, 50};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject l = listed[i].toObject(), s = stored[i].toObject();
        QCOMPARE(l["number"].toInt(), i + 1);
        QCOMPARE(l["optimizer"].toString(), QLatin1String(optimizers[i]));
        QCOMPARE(l["lr"].toDouble(), lrs[i]);
        QCOMPARE(l["model"].toString(), QStringLiteral("scalar_linear"));
        QCOMPARE(l["epochs"].toInt(), epochs[i]);
        QCOMPARE(l["started"].toString(), s["started"].toString());
        QCOMPARE(l["train_loss"].toDouble(), s["train_loss"].toDouble());
        QCOMPARE(l["val_loss"].toDouble(), s["val_loss"].toDouble());
        QCOMPARE(l["params"].toObject(), s["params"].toObject());
    }
    const QJsonObject ref = expected()["torch_sgd_lr0.1_1000_epochs_mse_mean"].toObject();
    QVERIFY(std::abs(listed[0]["params"]["a"].toDouble() - ref["a"].toDouble()) < 1e-5);
    QVERIFY(std::abs(listed[0]["params"]["b"].toDouble() - ref["b"].toDouble()) < 1e-5);

    const Result text = cli({"runs", project});
    QVERIFY2(text.status == 0, qPrintable(text.err));
    const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const char* summaries[] = {"  a + b·x  SGD, lr 0.1  epochs 1000  ", "  a + b·x  Adam, lr 0.1  epochs 1000  ",
                               "  a + b·x  SGD, lr 0.05  epochs 50  "};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject s = stored[i].toObject();
        QVERIFY2(lines[i].startsWith(QString::number(i + 1) + QLatin1String("  ")), qPrintable(lines[i]));
        QVERIFY2(lines[i].contains(QString::fromUtf8(summaries[i])), qPrintable(lines[i]));
        QVERIFY2(lines[i].contains(QStringLiteral("train loss %1  validation loss %2")
                                       .arg(s["train_loss"].toDouble(), 0, 'g', 8)
                                       .arg(s["val_loss"].toDouble(), 0, 'g', 8)),
                 qPrintable(lines[i]));
        QVERIFY2(lines[i].endsWith(QStringLiteral("a = %1, b = %2")
                                       .arg(s["params"]["a"].toDouble(), 0, 'g', 10)
                                       .arg(s["params"]["b"].toDouble(), 0, 'g', 10)),
                 qPrintable(lines[i]));
        const QString started = QDateTime::fromString(s["started"].toString(), Qt::ISODateWithMs).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        QVERIFY2(lines[i].contains(started), qPrintable(lines[i]));
    }

    // A diverged run's non-finite loss, which the project file keeps as null, reads "—" (QA v14 F4).
    const QString diverged = dir.filePath(QStringLiteral("diverged.gradlab"));
    QCOMPARE(cli({"train", "--example", "tutorial", "--set", "optimizer.lr=1.5", "--save", diverged}).status, 1); // the train loss becomes inf
    const Result d = cli({"runs", diverged});
    QVERIFY2(d.status == 0 && d.out.contains(QStringLiteral("diverged  train loss —")) && !d.out.contains(QLatin1String("nan")), qPrintable(d.out));

    // A project without runs has nothing to list.
    const QString empty = embeddedCsvProject(dir, QStringLiteral("x,y\n1,2\n2,4\n3,6.1\n4,8\n5,9.9\n"), QStringLiteral(","));
    QVERIFY(!empty.isEmpty());
    const Result none = cli({"runs", empty});
    QCOMPARE(none.status, 0);
    QVERIFY2(none.out.contains(QLatin1String("has no saved runs")), qPrintable(none.out));
    QCOMPARE(cli({"runs", empty, "--json"}).out.trimmed(), QStringLiteral("[]"));
}

// The runs chosen, drawn together with the export File > Export uses: each run's legend names it
// by its number in the run list and its optimizer.
void TestCli::plotDrawsSavedRunsTogether()
{
    QTemporaryDir dir;
    const QString project = threeRunProject(dir);
    QVERIFY(!project.isEmpty());
    const auto legend = [](int run, const char* optimizer) {
        return QStringLiteral("Run %1 (%2): training loss").arg(run).arg(QLatin1String(optimizer));
    };

    const QString all = dir.filePath(QStringLiteral("all.svg"));
    Result r = cli({"plot", project, "-o", all});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Wrote the loss curves of runs 1, 2, 3 to %1\n").arg(all));
    QStringList texts = svgTexts(svgElements(readAll(all)));
    for (const QString& name : {legend(1, "SGD, lr 0.1"), legend(2, "Adam, lr 0.1"), legend(3, "SGD, lr 0.05")})
        QVERIFY2(texts.contains(name), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.contains(QStringLiteral("Run 3 (SGD, lr 0.05): validation loss")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("Loss (log scale)")));

    const QString some = dir.filePath(QStringLiteral("some.svg"));
    r = cli({"plot", project, "--runs", "3,1", "--linear-loss", "-o", some});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    texts = svgTexts(svgElements(readAll(some)));
    QVERIFY2(texts.contains(legend(1, "SGD, lr 0.1")) && texts.contains(legend(3, "SGD, lr 0.05")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(!texts.contains(legend(2, "Adam, lr 0.1")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(texts.contains(QStringLiteral("Loss")) && !texts.contains(QStringLiteral("Loss (log scale)")));

    // One run keeps its number in the legend.
    const QString one = dir.filePath(QStringLiteral("one.svg"));
    QCOMPARE(cli({"plot", project, "--runs", "2", "-o", one}).status, 0);
    QVERIFY(svgTexts(svgElements(readAll(one))).contains(legend(2, "Adam, lr 0.1")));

    // The parameters' trajectories: each run's a and b, and the closed form they share.
    const QString params = dir.filePath(QStringLiteral("params.svg"));
    r = cli({"plot", project, "--what", "parameters", "--runs", "1,2", "-o", params});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("Wrote the parameter trajectories of runs 1, 2 to %1\n").arg(params));
    texts = svgTexts(svgElements(readAll(params)));
    for (const char* name : {"Run 1 (SGD, lr 0.1): a", "Run 1 (SGD, lr 0.1): b", "Run 2 (Adam, lr 0.1): a", "Run 2 (Adam, lr 0.1): b",
                             "Closed form (dashed)", "Epoch", "Value"})
        QVERIFY2(texts.contains(QLatin1String(name)), qPrintable(texts.join(QLatin1Char('|'))));
    QCOMPARE(texts.count(QStringLiteral("Closed form (dashed)")), 1);
    QVERIFY(!texts.contains(QStringLiteral("Run 3 (SGD, lr 0.05): a")));

    // A PNG of twice the plot's size.
    const QString png = dir.filePath(QStringLiteral("loss.png"));
    r = cli({"plot", project, "--runs", "1,2", "-o", png});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    const QImage image(png, "PNG");
    QCOMPARE(image.size(), QSize(1600, 1200));
}

void TestCli::plotRefusesWhatItCannotDraw_data()
{
    QTest::addColumn<QStringList>("args"); // PROJECT, EMPTY and DIR stand for the test's files
    QTest::addColumn<QString>("expected");
    QTest::newRow("no such run") << QStringList{"plot", "PROJECT", "--runs", "1,4", "-o", "DIR/l.svg"}
                                 << "gradlab-cli: --runs: there is no run 4: the project has 3 runs (1 to 3)\n";
    QTest::newRow("run 0") << QStringList{"plot", "PROJECT", "--runs", "0", "-o", "DIR/l.svg"}
                           << "gradlab-cli: --runs: there is no run 0: the project has 3 runs (1 to 3)\n";
    QTest::newRow("not a number") << QStringList{"plot", "PROJECT", "--runs", "first", "-o", "DIR/l.svg"}
                                  << "gradlab-cli: --runs: expected run numbers separated by commas (1,3) or all, got \"first\"\n";
    QTest::newRow("no runs") << QStringList{"plot", "EMPTY", "-o", "DIR/l.svg"} << "gradlab-cli: EMPTY has no saved runs to plot\n";
    QTest::newRow("unknown --what") << QStringList{"plot", "PROJECT", "--what", "gradients", "-o", "DIR/l.svg"}
                                    << "gradlab-cli: --what: expected loss or parameters, got \"gradients\"\n";
    QTest::newRow("--what fit") << QStringList{"plot", "PROJECT", "--what", "fit", "-o", "DIR/l.svg"}
                                << "gradlab-cli: --what: the data and the fit are drawn one run at a time, by train --export-plot";
    QTest::newRow("--linear-loss without the loss") << QStringList{"plot", "PROJECT", "--what", "parameters", "--linear-loss", "-o", "DIR/l.svg"}
                                                    << "gradlab-cli: --linear-loss goes with --what loss\n";
    QTest::newRow("no -o") << QStringList{"plot", "PROJECT"} << "gradlab-cli: plot needs -o FILE.png, FILE.svg or FILE.pdf\n";
    QTest::newRow("no project") << QStringList{"plot", "-o", "DIR/l.svg"} << "gradlab-cli: plot needs a project (a .gradlab file)\n";
    QTest::newRow("missing folder") << QStringList{"plot", "PROJECT", "-o", "DIR/no/such/l.svg"}
                                    << "gradlab-cli: -o: The folder DIR/no/such does not exist\n";
    QTest::newRow("not a picture") << QStringList{"plot", "PROJECT", "-o", "DIR/l.gradlab"}
                                   << "gradlab-cli: -o: Plots cannot be saved as .gradlab: use .png, .svg or .pdf\n";
    QTest::newRow("the project itself") << QStringList{"plot", "DIR/project.svg", "-o", "DIR/project.svg"}
                                        << "gradlab-cli: -o: DIR/project.svg is the project being plotted: writing there would replace it; choose another name\n";
    QTest::newRow("runs without a project") << QStringList{"runs"} << "gradlab-cli: runs needs a project (a .gradlab file)\n";
    QTest::newRow("runs of a missing project") << QStringList{"runs", "DIR/none.gradlab"} << "none.gradlab";
}

void TestCli::plotRefusesWhatItCannotDraw()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString project = threeRunProject(dir);
    QVERIFY(!project.isEmpty());
    const QString empty = embeddedCsvProject(dir, QStringLiteral("x,y\n1,2\n2,4\n3,6.1\n4,8\n5,9.9\n"), QStringLiteral(","));
    QVERIFY(!empty.isEmpty());
    // A project whose name is a picture's: the plot must not replace it.
    QVERIFY(QFile::copy(project, dir.filePath(QStringLiteral("project.svg"))));
    const auto substitute = [&](QString s) {
        return s.replace(QLatin1String("PROJECT"), project).replace(QLatin1String("EMPTY"), empty).replace(QLatin1String("DIR"), dir.path());
    };
    for (QString& a : args)
        a = substitute(a);
    const QByteArray before = readAll(dir.filePath(QStringLiteral("project.svg")));
    const Result r = cli(args);
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(substitute(expected)), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("l.svg"))));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("project.svg"))), before);
}

void TestCli::commandHelpPrintsItsUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("command");
    for (const char* command : {"train", "fit", "generate", "export-script", "graph", "runs", "plot", "devices"}) {
        const QString c = QString::fromLatin1(command);
        QTest::newRow(qPrintable(c + " --help")) << QStringList{c, "--help"} << c;
        QTest::newRow(qPrintable(c + " -h")) << QStringList{c, "-h"} << c;
        QTest::newRow(qPrintable("--help " + c)) << QStringList{"--help", c} << c;
    }
    QTest::newRow("help among other options") << QStringList{"train", "--example", "tutorial", "--epochs", "5", "--help"} << "train";
}

void TestCli::commandHelpPrintsItsUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, command);
    const Result r = cli(args);
    QCOMPARE(r.status, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QLatin1String("usage:\n  gradlab-cli ") + command + QLatin1Char(' '))
                 || r.out == QLatin1String("usage:\n  gradlab-cli ") + command + QLatin1Char('\n'),
             qPrintable(r.out));
    QCOMPARE(r.out.count(QLatin1String("gradlab-cli ")), 1); // that command's usage only
}

void TestCli::outOfMemoryIsSaidInWords_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    // 10^9 rows of x and y: 16 GB, beyond the address space the test allows.
    QTest::newRow("generate") << QStringList{"generate", "--n", "1000000000", "-o", "/nonexistent/big.csv"}
                              << "gradlab-cli: out of memory: could not allocate 16000000000 bytes on the CPU for the 2000000000 values of 1000000000 rows\n";
    QTest::newRow("train") << QStringList{"train", "--example", "tutorial", "--set", "dataset.generator.n=1000000000"}
                           << "gradlab-cli: dataset: out of memory: could not allocate 16000000000 bytes on the CPU for the 2000000000 values of 1000000000 rows × 2 columns\n";
}

void TestCli::outOfMemoryIsSaidInWords()
{
#ifdef __SANITIZE_ADDRESS__
    QSKIP("AddressSanitizer's allocator ends the program where memory runs out instead of throwing std::bad_alloc");
#endif
#ifdef __linux__
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    // Room for 1 GiB more than this process has mapped now, so that the allocation fails at once.
    QFile statm(QStringLiteral("/proc/self/statm"));
    QVERIFY(statm.open(QIODevice::ReadOnly));
    const rlim_t mapped = static_cast<rlim_t>(statm.readAll().split(' ').first().toLongLong()) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE));
    rlimit old{};
    QCOMPARE(getrlimit(RLIMIT_AS, &old), 0);
    const rlim_t limit = mapped + (rlim_t{1} << 30);
    if (old.rlim_max != RLIM_INFINITY && old.rlim_max < limit)
        QSKIP("the address space is already limited below what the test needs");
    rlimit tight = old;
    tight.rlim_cur = limit;
    QCOMPARE(setrlimit(RLIMIT_AS, &tight), 0);
    const Result r = cli(args);
    QCOMPARE(setrlimit(RLIMIT_AS, &old), 0);
    QCOMPARE(r.status, 2);
    QCOMPARE(r.err, expected);
#else
    QSKIP("limits the address space with setrlimit, as Linux has it");
#endif
}

// Only a command that draws plots starts a QApplication and its platform plugin, whose start
// printed "QStandardPaths: XDG_RUNTIME_DIR not set ..." before every command's output where that
// variable is unset (containers, CI, ssh). The program itself runs here, as a user runs it.
// QA 13: Ctrl+C during a long `train --save` lost the run. It stops after the epoch in progress,
// and the run so far is printed, saved and exported, with exit status 130.
void TestCli::ctrlCKeepsTheRunSoFar()
{
    QTemporaryDir dir;
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.start(QStringLiteral(GRADLAB_CLI_BINARY),
            {"train", "--example", "tutorial", "--epochs", "100000000", "--save", "run.gradlab", "--export-history", "h.csv"});
    QVERIFY(p.waitForStarted());
    // Once the program catches SIGINT (bit 2 of SigCgt in /proc), a Ctrl+C is its to handle.
    const QString status = QStringLiteral("/proc/%1/status").arg(p.processId());
    const auto catchesInterrupt = [&] {
        QFile f(status);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        for (const QByteArray& line : f.readAll().split('\n'))
            if (line.startsWith("SigCgt:"))
                return (line.mid(7).trimmed().toULongLong(nullptr, 16) & (1ULL << (SIGINT - 1))) != 0;
        return false;
    };
    if (!QFileInfo::exists(status))
        QSKIP("no /proc here to see when the program catches SIGINT");
    QVERIFY(QTest::qWaitFor(catchesInterrupt, 20000));
    QTest::qWait(300); // some epochs
    QVERIFY(::kill(static_cast<pid_t>(p.processId()), SIGINT) == 0);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 130);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(out.contains(QLatin1String("Trained ")), qPrintable(out));
    QVERIFY2(err.contains(QLatin1String("interrupted: training stopped after epoch")), qPrintable(err));
    QString error;
    const auto saved = gradlab::experiment::Project::load(dir.filePath(QStringLiteral("run.gradlab")), &error);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(saved->runs.size(), std::size_t(1));
    QVERIFY(saved->runs[0].epochs < 100000000);
    QVERIFY(!saved->runs[0].history.empty());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("h.csv"))).size() > 0);
}

void TestCli::onlyPlotsStartTheGuiPlatform()
{
    using gradlab::cli::needsWidgets;
    QVERIFY(needsWidgets({"train", "--example", "tutorial", "--export-plot", "f.png"}));
    QVERIFY(needsWidgets({"train", "--export-loss-plot=l.svg"}));
    QVERIFY(!needsWidgets({"fit", "data.csv", "--json"}));
    QVERIFY(needsWidgets({"plot", "p.gradlab", "-o", "loss.pdf"}));
    QVERIFY(!needsWidgets({"runs", "p.gradlab"}));
    QVERIFY(!needsWidgets({"train", "--example", "tutorial", "--export-history", "h.csv"}));

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("line.csv"));
    QVERIFY(writeFile(csv, "x,y\n0,1\n1,3\n2,5.1\n3,6.9\n"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"XDG_RUNTIME_DIR", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    const auto runCli = [&](const QStringList& args, QByteArray* err) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(dir.path());
        p.start(QStringLiteral(GRADLAB_CLI_BINARY), args);
        if (!p.waitForFinished(60000))
            return -1;
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QByteArray err;
    QCOMPARE(runCli({"fit", csv}, &err), 0);
    QVERIFY2(err.isEmpty(), err.constData());
    const QString png = dir.filePath(QStringLiteral("fit.png"));
    QCOMPARE(runCli({"train", "--example", "tutorial", "--epochs", "3", "--export-plot", png}, &err), 0);
    QVERIFY(QFileInfo(png).size() > 0);
    // QA N9: the commands that draw printed Qt's "QStandardPaths: XDG_RUNTIME_DIR not set ..."
    // before their output; they say nothing on stderr now, as the others.
    QVERIFY2(err.isEmpty(), err.constData());
    for (const char* name : {"g.svg", "G.PNG"}) {
        const QString picture = dir.filePath(QString::fromLatin1(name));
        QCOMPARE(runCli({"graph", "--example", "tutorial", "--of", "loss", "-o", picture}, &err), 0);
        QVERIFY2(err.isEmpty(), err.constData());
        QVERIFY(QFileInfo(picture).size() > 0);
    }
    // Real problems are still told.
    QCOMPARE(runCli({"train", "--example", "tutorial", "--epochs", "3", "--export-plot", dir.filePath(QStringLiteral("f.jpg"))}, &err), 2);
    QVERIFY2(err.contains(".jpg"), err.constData());
}

// The text output is in the user's language, as the window is (QA zh 14): `devices` says why a
// CUDA device cannot be used as the Device list does (it printed the engine's English reason), and
// `fit`'s table names the intercept as the Least squares tab does (--json keeps "intercept").
void TestCli::textFollowsTheUsersLanguage()
{
    // Marks every text it is asked for, so that one that never went through translation shows.
    struct Marking final : QTranslator {
        bool isEmpty() const override { return false; }
        QString translate(const char*, const char* source, const char*, int) const override
        {
            return QStringLiteral("«%1»").arg(QString::fromUtf8(source));
        }
    } marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    const Result r = cli({QStringLiteral("devices")});
    const Result fit = cli({QStringLiteral("fit"), QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"), QStringLiteral("--target"), QStringLiteral("y")});
    QCoreApplication::removeTranslator(&marking);
    QCOMPARE(fit.status, 0);
    const QStringList rows = fit.out.split(QLatin1Char('\n'));
    QVERIFY2(rows.size() > 3 && rows[2].startsWith(QStringLiteral("«intercept» ")) && rows[3].startsWith(QLatin1String("x ")), qPrintable(fit.out));
    QCOMPARE(r.status, 0);
    bool sawCuda = false;
    for (const QString& line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.startsWith(QLatin1String("cuda")))
            continue;
        sawCuda = true;
        const QString status = line.section(QLatin1Char('\t'), -1);
        if (status == QStringLiteral("«usable»"))
            continue;
        // "«not usable: %1»" around the device's problem, itself translated.
        QVERIFY2(status.startsWith(QStringLiteral("«not usable: «")) && status.endsWith(QStringLiteral("»»")), qPrintable(status));
    }
    if (!sawCuda)
        QSKIP("this build lists no CUDA device, usable or not");
}

// `train --save` onto another project would lose its saved runs: refused unless --replace says so;
// onto the project being trained it adds the run (QA v14 F5).
void TestCli::saveReplacesAnotherProjectOnlyWhenTold()
{
    QTemporaryDir dir;
    const QString lab = dir.filePath(QStringLiteral("lab.gradlab"));
    QCOMPARE(cli({"train", "--example", "tutorial", "--epochs", "3", "--save", lab}).status, 0);
    QCOMPARE(cli({"train", lab, "--epochs", "2", "--save", lab}).status, 0); // the same project: one run more
    const QByteArray two = readAll(lab);
    const Result refused = cli({"train", "--example", "tutorial", "--epochs", "2", "--save", lab});
    QCOMPARE(refused.status, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("is another project; saving would replace it and its saved runs (2)")) && refused.err.contains(QLatin1String("--replace")),
             qPrintable(refused.err));
    QCOMPARE(readAll(lab), two); // nothing trained, nothing written
    QCOMPARE(cli({"train", "--example", "tutorial", "--epochs", "2", "--replace"}).status, 2); // --replace without --save
    // Any other file too: notes, results, a damaged project (QA r14).
    const QString notes = dir.filePath(QStringLiteral("notes.txt"));
    QVERIFY(writeFile(notes, "lecture notes\n"));
    const Result overNotes = cli({"train", "--example", "tutorial", "--epochs", "2", "--save", notes});
    QCOMPARE(overNotes.status, 2);
    QVERIFY2(overNotes.err.contains(QStringLiteral("exists and is not a project GradLab can read")), qPrintable(overNotes.err));
    QCOMPARE(readAll(notes), QByteArray("lecture notes\n"));
    QCOMPARE(cli({"train", "--example", "tutorial", "--epochs", "2", "--save", lab, "--replace"}).status, 0);
    QString error;
    auto replaced = gradlab::experiment::Project::load(lab, &error);
    QVERIFY2(replaced, qPrintable(error));
    QCOMPARE(replaced->runs.size(), std::size_t(1));
}

// A fit of one row has no R², residual error, F or likelihood: "—", as the README promises and
// the window shows, not nan and -inf (QA v14 F11).
void TestCli::undefinedStatisticsReadAsADash()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("one.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("x,y,\n1,2,\n");
    f.close();
    const Result r = cli({"fit", csv});
    QCOMPARE(r.status, 0);
    QVERIFY2(!r.out.contains(QLatin1String("nan")) && !r.out.contains(QLatin1String("inf")), qPrintable(r.out));
    QVERIFY2(r.out.startsWith(QStringLiteral("observations 1, rank 1\n")), qPrintable(r.out)); // not "1 observations" (QA r14)
    QVERIFY2(r.out.contains(QStringLiteral("R² —, adjusted R² —, residual standard error —")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("log-likelihood —, AIC —, BIC —")), qPrintable(r.out));
}

QTEST_MAIN(TestCli)
#include "tst_cli.moc"


// Exports: parameters (JSON, CSV) and history (CSV) read back with the right values and the
// closed form beside them; no name, however hostile, can break a CSV or turn into code in the
// PyTorch script; the script, run by PyTorch, ends where GradLab's run ended; and its comments are
// in the application's language while its code is the same in every language.
#include "experiment/exports.h"
#include "experiment/history.h"

#include "data/csv_reader.h"
#include "data/csv_writer.h"
#include "data/synthetic.h"
#include "engine/backend.h"
#include "engine/graph.h"
#include "fit/least_squares.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <cmath>

using namespace gradlab;
using namespace gradlab::experiment;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

// Names a CSV header can hold, chosen to break naive quoting in CSV, JSON and Python.
const QString kQuoteComma = QStringLiteral("x\", \"y");
const QString kInjection = QStringLiteral("\"; import os; os.system('rm -rf /') #");
const QString kMixed = QStringLiteral("line\nbreak, comma \\ backslash ''' \"\"\" {0} %s \\n");
const QString kUnicode = QString::fromUtf8(" 温度 °C \u2028 \U0001F321 ");

QByteArray readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

RunRecord train(Project& p)
{
    QString error;
    const auto data = p.loadData(&error);
    if (!data)
        qFatal("%s", qPrintable(error));
    Trainer t(p.config, data->train, data->val);
    History h;
    t.run({}, [&](const EpochRecord& r) { h.add(r); });
    if (t.diverged())
        qFatal("%s", qPrintable(t.message()));
    return recordRun(t, h.records(), *data, QDateTime::currentDateTimeUtc(), 0.0);
}

// A CSV of generated rows (k features) under the given column names.
void writeCsvDataset(const QString& path, const QStringList& features, const QString& target, qint64 n, quint32 seed)
{
    data::SyntheticConfig g;
    g.n = n;
    g.features = features.size();
    g.seed = seed;
    g.noise = 0.2;
    for (qsizetype j = 0; j < features.size(); ++j)
        g.weights.push_back(1.5 - static_cast<double>(j));
    if (features.size() == 1)
        g.weights.clear();
    data::Dataset d = data::generateSynthetic(g).dataset;
    d.featureNames.clear();
    for (const QString& f : features)
        d.featureNames.push_back(f.toStdString());
    d.targetName = target.toStdString();
    const auto written = data::writeCsvFile(path.toStdString(), d);
    if (!written)
        qFatal("%s", written.error().message.c_str());
}

Project csvProject(const QString& path, const QStringList& features, const QString& target)
{
    Project p;
    p.config.dataset.source = DatasetConfig::Source::Csv;
    p.config.dataset.csv.path = path;
    p.config.dataset.csv.features = features;
    p.config.dataset.csv.target = target;
    p.config.model.type = ModelConfig::Type::Linear;
    return p;
}

// The experiments whose scripts must reproduce GradLab's runs.
Project reproductionCase(const QString& name, const QString& dir)
{
    Project p;
    ExperimentConfig& c = p.config;
    if (name == QLatin1String("tutorial")) {
        // The defaults are the tutorial's experiment.
    } else if (name == QLatin1String("tutorial without zero_grad, 50 epochs")) {
        p.config.training.zeroGrad = false; // the gradients add up (the tutorial's section 2.3)
        p.config.training.epochs = 50;
    } else if (name == QLatin1String("csv hostile headers, Adam mini-batches")) {
        const QString path = QDir(dir).filePath(QStringLiteral("hostile.csv"));
        writeCsvDataset(path, {kQuoteComma, kMixed, kUnicode}, kInjection, 90, 7);
        p = csvProject(path, {kQuoteComma, kMixed, kUnicode}, kInjection);
        p.config.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::Adam);
        p.config.optimizer.lr = 0.05;
        p.config.training.epochs = 150;
        p.config.training.batchSize = 16;
        p.config.training.shuffle = true;
        p.config.training.seed = 3;
        p.config.dataset.split.seed = 11;
    } else if (name == QLatin1String("embedded csv, semicolons, no header, SGD Nesterov, float64")) {
        const QString path = QDir(dir).filePath(QStringLiteral("plain.csv"));
        QByteArray text;
        for (int i = 0; i < 40; ++i)
            text += QByteArray::number(i * 0.05) + " ; " + QByteArray::number(0.5 - 1.25 * i * 0.05 + 0.01 * ((i * 37) % 11)) + "\r\n";
        writeText(path, text);
        p = csvProject(path, {QStringLiteral("column 1")}, QStringLiteral("column 2"));
        p.config.dataset.csv.header = false;
        QString error;
        if (!p.embedCsv(&error))
            qFatal("%s", qPrintable(error));
        QFile::remove(path);
        p.config.dataset.split.shuffle = false;
        p.config.optimizer.momentum = 0.9;
        p.config.optimizer.nesterov = true;
        p.config.optimizer.weightDecay = 0.01;
        p.config.optimizer.lr = 0.05;
        p.config.training.dtype = QStringLiteral("float64");
        p.config.training.epochs = 200;
        p.config.training.batchSize = 8;
    } else if (name == QLatin1String("csv with a text field longer than Python's default limit")) {
        // GradLab reads the 300,000-character field (an unselected column); so must the script.
        const QString path = QDir(dir).filePath(QStringLiteral("long.csv"));
        QByteArray text = "x,note,y\n";
        for (int i = 0; i < 30; ++i)
            text += QByteArray::number(i * 0.1) + ",\"" + (i == 3 ? QByteArray(300'000, 'z') : QByteArray("short")) + "\","
                    + QByteArray::number(1.0 + 2.0 * i * 0.1 + 0.03 * ((i * 7) % 5)) + "\n";
        writeText(path, text);
        p = csvProject(path, {QStringLiteral("x")}, QStringLiteral("y"));
        p.config.training.epochs = 200;
    } else if (name == QLatin1String("csv with repeated names and decimal commas, float64")) {
        // Two columns named "x" (GradLab's "x" and "x.1"), semicolons and decimal commas: the
        // script must read the same columns, the second "x" first, and the same numbers.
        const QString path = QDir(dir).filePath(QStringLiteral("euro.csv"));
        QByteArray text = "x;note;x;y\n";
        for (int i = 0; i < 40; ++i) {
            const double a = i * 0.05, b = 0.3 * ((i * 13) % 7);
            text += QByteArray::number(a).replace('.', ',') + ";n" + QByteArray::number(i) + ";"
                    + QByteArray::number(b).replace('.', ',') + ";"
                    + QByteArray::number(0.5 + 2.0 * a - 1.5 * b + 0.01 * ((i * 37) % 11)).replace('.', ',') + "\n";
        }
        writeText(path, text);
        p = csvProject(path, {QStringLiteral("x.1"), QStringLiteral("x")}, QStringLiteral("y"));
        p.config.training.dtype = QStringLiteral("float64");
        p.config.training.epochs = 300;
    } else if (name == QLatin1String("polynomial, x in [-1, 1), split seed of its own")) {
        c.dataset.generator.xMin = -1.0;
        c.dataset.generator.xMax = 1.0;
        c.dataset.split.seed = 5;
        c.model.type = ModelConfig::Type::Polynomial;
        c.model.degree = 3;
        c.training.epochs = 400;
    } else if (name == QLatin1String("mlp, tanh, Adam mini-batches")) {
        c.model.type = ModelConfig::Type::Mlp;
        c.model.hidden = {8, 4};
        c.model.activation = QStringLiteral("tanh");
        c.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::Adam);
        c.optimizer.lr = 0.01;
        c.training.epochs = 120;
        c.training.batchSize = 20;
        c.training.shuffle = true;
    } else if (name == QLatin1String("two features, AdamW, L1, unshuffled split")) {
        c.dataset.generator.features = 2;
        c.dataset.generator.weights = {2.0, -3.0};
        c.dataset.split.shuffle = false;
        c.model.type = ModelConfig::Type::Linear;
        c.loss.type = LossConfig::Type::L1;
        c.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::AdamW);
        c.optimizer.lr = 0.02;
        c.optimizer.weightDecay = 0.05;
        c.training.epochs = 300;
    } else if (name == QLatin1String("frozen a, Huber sum, RMSprop centered, custom init")) {
        c.model.frozen = {QStringLiteral("a")};
        c.model.init.scheme = InitConfig::Scheme::Custom;
        c.model.init.values = {{QStringLiteral("a"), {0.75}}, {QStringLiteral("b"), {-0.5}}};
        c.loss.type = LossConfig::Type::Huber;
        c.loss.delta = 0.5;
        c.loss.reduction = LossConfig::Reduction::Sum;
        c.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::RmsProp);
        c.optimizer.lr = 0.001;
        c.optimizer.centered = true;
        c.optimizer.momentum = 0.5;
        c.training.epochs = 300;
    } else if (name == QLatin1String("cuda, mlp, Adam mini-batches")) {
        // GradLab on the GPU; PyTorch on the GPU where it can, else on the CPU: the same numbers.
        c.training.device = QStringLiteral("cuda");
        c.model.type = ModelConfig::Type::Mlp;
        c.model.hidden = {16};
        c.model.activation = QStringLiteral("relu");
        c.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::Adam);
        c.optimizer.lr = 0.01;
        c.training.epochs = 100;
        c.training.batchSize = 16;
        c.training.shuffle = true;
    } else if (name == QLatin1String("Adagrad, SmoothL1, batches without reshuffling")) {
        c.loss.type = LossConfig::Type::SmoothL1;
        c.loss.beta = 0.2;
        c.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::Adagrad);
        c.optimizer.lr = 0.3;
        c.optimizer.lrDecay = 0.001;
        c.training.epochs = 100;
        c.training.batchSize = 30;
    }
    return p;
}

struct Process {
    bool started = false;
    int exitCode = -1;
    QByteArray out, err;
};

Process runPython(const QStringList& args, int timeoutMs = 300'000)
{
    QProcess process;
    process.start(kPython, args);
    Process r;
    r.started = process.waitForStarted(30'000);
    if (!r.started)
        return r;
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

bool pythonHas(const QString& modules)
{
    return QFileInfo::exists(kPython) && runPython({QStringLiteral("-c"), QStringLiteral("import ") + modules}, 120'000).exitCode == 0;
}

bool agrees(double a, double b) { return std::abs(a - b) <= 1e-4 * std::max(1.0, std::abs(b)); }

QString describe(const std::vector<double>& v)
{
    QStringList s;
    for (double d : v)
        s << QString::number(d, 'g', 17);
    return s.join(QStringLiteral(", "));
}

// A run with any names at all in its layout, as a hand-edited project file can hold.
RunRecord syntheticRun(const QStringList& names, bool closedForm)
{
    RunRecord r;
    r.layout = {{names.at(0), 1}, {names.at(1), 2}};
    r.finalParams = {1.5, -0.25, 1e-300};
    r.trainLoss = 0.125;
    r.valLoss = 0.25;
    if (closedForm)
        r.closedForm = ClosedFormComparison{{1.0, 0.5, 0.1}, 0.1, 0.2, 0.9, 3, 3, {}, {}, {}, {}, {}, {}};
    r.history = {EpochRecord{1, 2.0, 3.0, {1.0, 2.0, 3.0}, 0.0}, EpochRecord{2, 0.5, std::nan(""), {1.25, 1.0 / 3.0, -4.0}, 0.0}};
    return r;
}

// The script as Python's tokenizer splits it: each line's code, its comment and any docstring cut
// out (trailing spaces dropped, lines left empty dropped), and the text of every comment and
// docstring ("prose", the shebang's included). The scripts hold plain strings only (no r"", f"").
struct ScriptParts {
    QStringList code;
    QStringList prose;
};

ScriptParts splitScript(const QString& script)
{
    ScriptParts parts;
    QString code, prose, quote;
    enum class In { Code, Comment, String, Docstring } in = In::Code;
    const auto endLine = [&] {
        while (code.endsWith(QLatin1Char(' ')))
            code.chop(1);
        if (!code.isEmpty())
            parts.code << code;
        code.clear();
    };
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script[i];
        if (in == In::Code) {
            if (c == QLatin1Char('\n')) {
                endLine();
            } else if (c == QLatin1Char('#')) {
                in = In::Comment;
                prose.clear();
            } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
                quote = script.mid(i, 3) == QString(3, c) ? QString(3, c) : QString(c);
                i += quote.size() - 1;
                // A triple-quoted string that begins a line is a docstring in these scripts.
                in = quote.size() == 3 && code.trimmed().isEmpty() ? In::Docstring : In::String;
                if (in == In::String)
                    code += quote;
                prose.clear();
            } else {
                code += c;
            }
        } else if (in == In::Comment) {
            if (c == QLatin1Char('\n')) {
                parts.prose << prose;
                in = In::Code;
                endLine();
            } else {
                prose += c;
            }
        } else {
            QString& to = in == In::String ? code : prose;
            if (c == QLatin1Char('\\') && i + 1 < script.size()) {
                to += c;
                to += script[++i];
            } else if (script.mid(i, quote.size()) == quote) {
                i += quote.size() - 1;
                if (in == In::String)
                    code += quote;
                else
                    parts.prose << prose;
                in = In::Code;
            } else {
                to += c;
            }
        }
    }
    endLine();
    return parts;
}

// What would close a docstring, start an escape or continue a line if the script wrote it as it is.
const QString kHostileProse = QStringLiteral("\\N{x} \"\"\" ''' \\");

// A translation of the script's messages (context "Exports") in which no English text survives,
// on two lines, the second ending in kHostileProse.
struct Rewording final : QTranslator {
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        if (qstrcmp(context, "Exports") != 0)
            return {};
        return QStringLiteral("译文：") + QString::fromUtf8(source).toUpper().replace(QLatin1Char('\n'), QLatin1Char(' '))
               + QStringLiteral("\n译文续 ") + kHostileProse;
    }
};

// Cases whose scripts have every comment between them (generated and CSV data, each model,
// zero_grad or not).
const char* const kCommentCases[] = {"tutorial", "tutorial without zero_grad, 50 epochs", "csv hostile headers, Adam mini-batches",
                                     "embedded csv, semicolons, no header, SGD Nesterov, float64",
                                     "polynomial, x in [-1, 1), split seed of its own", "mlp, tanh, Adam mini-batches",
                                     "two features, AdamW, L1, unshuffled split"};

bool hasHan(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

} // namespace

class TestExports : public QObject {
    Q_OBJECT

private slots:
    void parametersJsonHasTheClosedFormBeside();
    void leastSquaresReportHasDiagnosticsAndItsLevel();
    void multiValueParametersAreArraysAndFlatNames();
    void runWithoutClosedFormHasNulls();
    void historyCsvReadsBack();
    void hostileNamesCannotBreakTheCsvOrJson();
    void inconsistentRunIsRefused();
    void graphExportsAsDot();
    void pythonLiteralsRoundTrip();
    void hostileHeadersStayInsideLiterals();
    void scriptFindsACsvBesideItAfterAMove();
    void unrunnableExperimentHasNoScript();
    void scriptReadsColumnsByPositionAndTheDecimalSeparator();
    void scriptUsesCudaOnlyWhereTheConfigSaysAndTorchCan();
    void scriptReproducesGradLab_data();
    void scriptReproducesGradLab();
    void scriptCommentsFollowTheLanguage_data();
    void scriptCommentsFollowTheLanguage();
    void scriptCommentsAreShippedInChinese();
};

void TestExports::parametersJsonHasTheClosedFormBeside()
{
    Project p;
    p.config.training.epochs = 200;
    const RunRecord run = train(p);
    QVERIFY(run.closedForm);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("params.json"));
    QString error;
    QVERIFY2(exportParametersJson(run, path, &error), qPrintable(error));
    const QJsonObject o = QJsonDocument::fromJson(readText(path)).object();
    QCOMPARE(o.keys(), (QStringList{"a", "b"}));
    for (int i = 0; i < 2; ++i) {
        const QJsonObject entry = o.value(run.layout[static_cast<std::size_t>(i)].name).toObject();
        QCOMPARE(entry.value("value").toDouble(), run.finalParams[static_cast<std::size_t>(i)]);
        QCOMPARE(entry.value("closed_form").toDouble(), run.closedForm->params[static_cast<std::size_t>(i)]);
        QCOMPARE(entry.value("difference").toDouble(), run.finalParams[static_cast<std::size_t>(i)] - run.closedForm->params[static_cast<std::size_t>(i)]);
    }

    const QString csvPath = dir.filePath(QStringLiteral("params.csv"));
    QVERIFY2(exportParametersCsv(run, csvPath, &error), qPrintable(error));
    const QByteArray csv = readText(csvPath);
    const auto preview = data::previewCsvText(std::string_view(csv.constData(), static_cast<std::size_t>(csv.size())), 100);
    QVERIFY(preview);
    QCOMPARE(preview.value().format.columnNames, (std::vector<std::string>{"parameter", "index", "value", "closed_form", "difference"}));
    QCOMPARE(preview.value().rows.size(), std::size_t(2));
    QCOMPARE(preview.value().rows[1][0], std::string("b"));
    QCOMPARE(preview.value().rows[1][1], std::string("0"));
    QCOMPARE(std::stod(preview.value().rows[1][2]), run.finalParams[1]);
    QCOMPARE(std::stod(preview.value().rows[1][3]), run.closedForm->params[1]);
    QCOMPARE(std::stod(preview.value().rows[1][4]), run.finalParams[1] - run.closedForm->params[1]);
}

// The tutorial's fit on its training rows (the default project's closed form): the JSON report
// has statsmodels' diagnostics (fixtures/fit_reference.json, "tutorial_train"); at 90% both
// exports give statsmodels' conf_int(alpha=0.10) and say the level.
void TestExports::leastSquaresReportHasDiagnosticsAndItsLevel()
{
    QFile fixture(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/fit_reference.json"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    QJsonObject expected;
    for (const QJsonValue v : QJsonDocument::fromJson(fixture.readAll()).object().value(QStringLiteral("problems")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("tutorial_train"))
            expected = v.toObject().value(QStringLiteral("expected")).toObject();
    QVERIFY(!expected.isEmpty());
    const auto close = [](double a, double b, double tol) { return std::abs(a - b) <= tol * std::abs(b); };

    Project p;
    QString error;
    const std::optional<ExperimentData> data = p.loadData(&error);
    QVERIFY2(data, qPrintable(error));
    std::optional<ClosedFormComparison> closedForm = closedFormFor(p.config, *data);
    QVERIFY(closedForm && closedForm->fit);
    const QStringList names{QStringLiteral("a"), QStringLiteral("b")};
    const std::optional<QByteArray> json = leastSquaresJson(*closedForm, names, &error);
    QVERIFY2(json, qPrintable(error));
    const QJsonObject o = QJsonDocument::fromJson(*json).object();
    const QJsonObject diagnostics = expected.value(QStringLiteral("diagnostics")).toObject();
    QCOMPARE(diagnostics.size(), 8);
    for (auto it = diagnostics.begin(); it != diagnostics.end(); ++it)
        if (it.key() != QLatin1String("durbin_watson"))
            QVERIFY2(close(o.value(it.key()).toDouble(), it.value().toDouble(), 1e-9), qPrintable(it.key()));
    // The tutorial's training rows are in the split's shuffled order: no Durbin–Watson, and why.
    QVERIFY(o.value(QStringLiteral("durbin_watson")).isNull());
    QVERIFY(o.value(QStringLiteral("diagnostics_not_available")).toObject().value(QStringLiteral("durbin_watson")).toString().contains(
        QLatin1String("shuffled order")));
    QCOMPARE(o.value(QStringLiteral("confidence_level")).toDouble(), 0.95);

    auto at90 = std::make_shared<fit::FitResult>(*closedForm->fit);
    fit::setConfidenceLevel(*at90, 0.90);
    closedForm->fit = at90;
    const QJsonObject o90 = QJsonDocument::fromJson(*leastSquaresJson(*closedForm, names, &error)).object();
    QCOMPARE(o90.value(QStringLiteral("confidence_level")).toDouble(), 0.9);
    const QJsonArray lower = expected.value(QStringLiteral("ci_lower_90")).toArray(), upper = expected.value(QStringLiteral("ci_upper_90")).toArray();
    for (qsizetype i = 0; i < 2; ++i) {
        const QJsonObject c = o90.value(QStringLiteral("coefficients")).toArray()[i].toObject();
        QVERIFY(close(c.value(QStringLiteral("ci_lower")).toDouble(), lower[i].toDouble(), 1e-8));
        QVERIFY(close(c.value(QStringLiteral("ci_upper")).toDouble(), upper[i].toDouble(), 1e-8));
    }
    const std::optional<QByteArray> csv = leastSquaresCsv(*closedForm, names, &error);
    QVERIFY2(csv, qPrintable(error));
    const auto preview = data::previewCsvText(std::string_view(csv->constData(), static_cast<std::size_t>(csv->size())), 100);
    QVERIFY(preview);
    QCOMPARE(preview.value().format.columnNames, (std::vector<std::string>{"term", "parameter", "estimate", "std_error", "t", "p_value", "ci_lower",
                                                                           "ci_upper", "identified", "confidence_level", "covariance_type"}));
    QCOMPARE(preview.value().rows.size(), std::size_t(2));
    for (std::size_t i = 0; i < 2; ++i) {
        QVERIFY(close(std::stod(preview.value().rows[i][6]), lower[qsizetype(i)].toDouble(), 1e-8));
        QVERIFY(close(std::stod(preview.value().rows[i][7]), upper[qsizetype(i)].toDouble(), 1e-8));
        QCOMPARE(preview.value().rows[i][9], std::string("0.9"));
        QCOMPARE(preview.value().rows[i][10], std::string("classical"));
    }
    QCOMPARE(o90.value(QStringLiteral("covariance_type")).toString(), QStringLiteral("classical"));
    QCOMPARE(o90.value(QStringLiteral("distribution")).toString(), QStringLiteral("t"));

    // With HC3 standard errors (the tab's choice): statsmodels' fit(cov_type='HC3') on the same
    // rows (fixtures/robust_reference.json), its robust F, and the report says which.
    QFile robustFixture(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/robust_reference.json"));
    QVERIFY(robustFixture.open(QIODevice::ReadOnly));
    QJsonObject hc3;
    for (const QJsonValue v : QJsonDocument::fromJson(robustFixture.readAll()).object().value(QStringLiteral("problems")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("tutorial_train"))
            hc3 = v.toObject().value(QStringLiteral("types")).toObject().value(QStringLiteral("HC3")).toObject();
    QVERIFY(!hc3.isEmpty());
    auto robust = std::make_shared<fit::FitResult>(*at90);
    fit::setConfidenceLevel(*robust, 0.95);
    fit::computeSandwich(*robust, fit::view(data->train));
    fit::setCovarianceType(*robust, fit::CovarianceType::HC3);
    closedForm->fit = robust;
    const QJsonObject oHc3 = QJsonDocument::fromJson(*leastSquaresJson(*closedForm, names, &error)).object();
    QCOMPARE(oHc3.value(QStringLiteral("covariance_type")).toString(), QStringLiteral("hc3"));
    QCOMPARE(oHc3.value(QStringLiteral("distribution")).toString(), QStringLiteral("normal"));
    QVERIFY(oHc3.value(QStringLiteral("covariance_not_available")).isNull());
    QVERIFY(close(oHc3.value(QStringLiteral("f_statistic")).toDouble(), hc3.value(QStringLiteral("f")).toDouble(), 1e-10));
    for (qsizetype i = 0; i < 2; ++i) {
        const QJsonObject c = oHc3.value(QStringLiteral("coefficients")).toArray()[i].toObject();
        QVERIFY(close(c.value(QStringLiteral("std_error")).toDouble(), hc3.value(QStringLiteral("bse")).toArray()[i].toDouble(), 1e-10));
        QVERIFY(close(c.value(QStringLiteral("p_value")).toDouble(), hc3.value(QStringLiteral("p")).toArray()[i].toDouble(), 1e-9));
        QVERIFY(close(c.value(QStringLiteral("ci_lower")).toDouble(), hc3.value(QStringLiteral("conf_int_95")).toArray()[i].toArray()[0].toDouble(), 1e-10));
    }
    const std::optional<QByteArray> robustCsv = leastSquaresCsv(*closedForm, names, &error);
    QVERIFY2(robustCsv, qPrintable(error));
    QVERIFY(robustCsv->split('\n').value(1).endsWith(",0.95,hc3"));
}

void TestExports::multiValueParametersAreArraysAndFlatNames()
{
    Project p;
    p.config.dataset.generator.features = 2;
    p.config.dataset.generator.weights = {2.0, -1.0};
    p.config.model.type = ModelConfig::Type::Linear;
    p.config.training.epochs = 50;
    const RunRecord run = train(p);
    QVERIFY(run.closedForm);
    QCOMPARE(flatParameterNames(run.layout), (QStringList{"weight[0]", "weight[1]", "bias"}));
    QString error;
    const auto json = parametersJson(run, &error);
    QVERIFY2(json, qPrintable(error));
    const QJsonObject o = QJsonDocument::fromJson(*json).object();
    const QJsonArray weight = o.value("weight").toObject().value("value").toArray();
    const QJsonArray closed = o.value("weight").toObject().value("closed_form").toArray();
    QCOMPARE(weight.size(), 2);
    QCOMPARE(weight[1].toDouble(), run.finalParams[1]);
    QCOMPARE(closed[1].toDouble(), run.closedForm->params[1]);
    QCOMPARE(o.value("bias").toObject().value("value").toDouble(), run.finalParams[2]);

    const auto csv = parametersCsv(run, &error);
    QVERIFY2(csv, qPrintable(error));
    const auto preview = data::previewCsvText(std::string_view(csv->constData(), static_cast<std::size_t>(csv->size())), 100);
    QVERIFY(preview);
    QCOMPARE(preview.value().rows.size(), std::size_t(3));
    QCOMPARE(preview.value().rows[1][0], std::string("weight[1]"));
    QCOMPARE(preview.value().rows[1][1], std::string("1"));
    QCOMPARE(preview.value().rows[2][0], std::string("bias"));
}

void TestExports::runWithoutClosedFormHasNulls()
{
    Project p;
    p.config.model.type = ModelConfig::Type::Mlp;
    p.config.model.hidden = {3};
    p.config.training.epochs = 5;
    const RunRecord run = train(p);
    QVERIFY(!run.closedForm);
    QString error;
    const auto json = parametersJson(run, &error);
    QVERIFY2(json, qPrintable(error));
    const QJsonObject o = QJsonDocument::fromJson(*json).object();
    QCOMPARE(o.keys(), (QStringList{"0.bias", "0.weight", "2.bias", "2.weight"}));
    QVERIFY(o.value("2.bias").toObject().value("closed_form").isNull());
    QVERIFY(o.value("2.bias").toObject().value("difference").isNull());
    QCOMPARE(o.value("0.weight").toObject().value("value").toArray().size(), 3);
    const auto csv = parametersCsv(run, &error);
    QVERIFY2(csv, qPrintable(error));
    QVERIFY2(csv->contains("\n0.weight[2],2,"), csv->constData());
    QVERIFY2(csv->contains(",,\n"), csv->constData());
}

void TestExports::historyCsvReadsBack()
{
    Project p;
    p.config.training.epochs = 30;
    const RunRecord run = train(p);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.csv"));
    QString error;
    QVERIFY2(exportHistoryCsv(run, path, &error), qPrintable(error));
    data::CsvReadOptions options;
    options.features = {data::CsvColumn::named("epoch"), data::CsvColumn::named("val_loss"), data::CsvColumn::named("a"), data::CsvColumn::named("b")};
    options.target = data::CsvColumn::named("train_loss");
    const auto read = data::readCsvFile(path.toStdString(), options);
    QVERIFY2(read, read ? "" : read.error().message.c_str());
    QCOMPARE(read.value().format.columnNames, (std::vector<std::string>{"epoch", "train_loss", "val_loss", "a", "b"}));
    const data::Dataset& d = read.value().dataset;
    QCOMPARE(d.rows(), 30);
    for (std::int64_t i = 0; i < 30; ++i) {
        const EpochRecord& e = run.history[static_cast<std::size_t>(i)];
        QCOMPARE(d.feature(i, 0), static_cast<double>(e.epoch));
        QCOMPARE(d.y[static_cast<std::size_t>(i)], e.trainLoss); // bit for bit: shortest round-trip text
        QCOMPARE(d.feature(i, 1), e.valLoss);
        QCOMPARE(d.feature(i, 2), e.params[0]);
        QCOMPARE(d.feature(i, 3), e.params[1]);
    }
}

void TestExports::hostileNamesCannotBreakTheCsvOrJson()
{
    const QStringList names{kInjection + kQuoteComma, kMixed + kUnicode};
    const RunRecord run = syntheticRun(names, true);
    QString error;

    const auto params = parametersCsv(run, &error);
    QVERIFY2(params, qPrintable(error));
    data::CsvReadOptions header;
    header.hasHeader = true;
    header.delimiter = ',';
    const auto p = data::previewCsvText(std::string_view(params->constData(), static_cast<std::size_t>(params->size())), 100, header);
    QVERIFY2(p, p ? "" : p.error().message.c_str());
    QCOMPARE(p.value().rows.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(p.value().rows[0][0]), names[0]);
    QCOMPARE(QString::fromStdString(p.value().rows[2][0]), names[1] + QStringLiteral("[1]"));
    for (const auto& row : p.value().rows)
        QCOMPARE(row.size(), std::size_t(5));
    QCOMPARE(std::stod(p.value().rows[2][2]), 1e-300);
    QCOMPARE(std::stod(p.value().rows[2][4]), 1e-300 - 0.1);

    const auto history = historyCsv(run, &error);
    QVERIFY2(history, qPrintable(error));
    const auto h = data::previewCsvText(std::string_view(history->constData(), static_cast<std::size_t>(history->size())), 100, header);
    QVERIFY2(h, h ? "" : h.error().message.c_str());
    std::vector<std::string> expected{"epoch", "train_loss", "val_loss"};
    for (const QString& n : flatParameterNames(run.layout))
        expected.push_back(n.toStdString());
    QCOMPARE(h.value().format.columnNames, expected);
    QCOMPARE(h.value().rows.size(), std::size_t(2));
    QCOMPARE(h.value().rows[1][2], std::string("nan"));
    QCOMPARE(std::stod(h.value().rows[1][4]), 1.0 / 3.0);

    const auto json = parametersJson(run, &error);
    QVERIFY2(json, qPrintable(error));
    QJsonParseError pe{};
    const QJsonObject o = QJsonDocument::fromJson(*json, &pe).object();
    QCOMPARE(pe.error, QJsonParseError::NoError);
    QCOMPARE(o.value(names[0]).toObject().value("value").toDouble(), 1.5);
    QCOMPARE(o.value(names[1]).toObject().value("closed_form").toArray()[1].toDouble(), 0.1);
}

void TestExports::inconsistentRunIsRefused()
{
    RunRecord run = syntheticRun({QStringLiteral("a"), QStringLiteral("w")}, true);
    run.finalParams.pop_back();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.json"));
    QVERIFY(writeText(path, "old"));
    QString error;
    QVERIFY(!exportParametersJson(run, path, &error));
    QVERIFY2(error.contains(QLatin1String("2 values")) && error.contains(QLatin1String("3")), qPrintable(error));
    QCOMPARE(readText(path), QByteArray("old"));
    run = syntheticRun({QStringLiteral("a"), QStringLiteral("w")}, false);
    run.history[1].params.push_back(0.0);
    QVERIFY(!historyCsv(run, &error));
    QVERIFY2(error.contains(QLatin1String("epoch 2")), qPrintable(error));
    // A folder that does not exist: the writer's message.
    QVERIFY(!exportHistoryCsv(syntheticRun({QStringLiteral("a"), QStringLiteral("w")}, false), dir.filePath(QStringLiteral("no/such/dir/h.csv")), &error));
    QVERIFY2(error.contains(QLatin1String("h.csv")), qPrintable(error));
}

void TestExports::graphExportsAsDot()
{
    Project p;
    p.config.training.epochs = 1;
    QString error;
    const auto data = p.loadData(&error);
    QVERIFY2(data, qPrintable(error));
    Trainer t(p.config, data->train, data->val);
    std::map<const TensorImpl*, std::string> names;
    for (const auto& [name, param] : t.model().namedParameters())
        names[param.impl()] = name;
    const Tensor loss = t.loss()(t.trainTargets(), t.model()(t.trainInputs()));
    const Graph graph = buildGraph(loss, names);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("graph.dot"));
    QVERIFY2(exportGraphDot(graph, path, &error), qPrintable(error));
    const QByteArray dot = readText(path);
    QVERIFY(dot.startsWith("digraph {"));
    QVERIFY(dot.contains("MseLossBackward0"));
    QVERIFY(dot.contains("lightblue"));
    QVERIFY(dot.contains("darkolivegreen1"));
    QCOMPARE(dot, QByteArray::fromStdString(toDot(graph)));
}

void TestExports::pythonLiteralsRoundTrip()
{
    if (!QFileInfo::exists(kPython))
        QSKIP("/usr/bin/python3 is not installed");
    const QStringList texts{QString(), kQuoteComma, kInjection, kMixed, kUnicode, QStringLiteral("tab\there\r\nCRLF \x01\x1f\x7f"),
                            QString::fromUtf8("\u00e9\u00ff\u0100\uffff\U0010FFFF"), QStringLiteral("\\x41\\u0041\\N{DIGIT ONE}"),
                            QStringLiteral("'; exec('1') ; '")};
    QTemporaryDir dir;
    QByteArray lines;
    for (const QString& t : texts) {
        const QString literal = pythonStringLiteral(t);
        for (const QChar c : literal)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() < 0x7F, qPrintable(literal));
        lines += literal.toLatin1() + '\n';
    }
    const QString path = dir.filePath(QStringLiteral("literals.txt"));
    QVERIFY(writeText(path, lines));
    // Each line must be exactly one string literal; its value comes back as JSON.
    const Process r = runPython({QStringLiteral("-c"),
                                 QStringLiteral("import ast, json, sys\n"
                                                "out = []\n"
                                                "for line in open(sys.argv[1], encoding='ascii').read().splitlines():\n"
                                                "    node = ast.parse(line, mode='eval').body\n"
                                                "    assert isinstance(node, ast.Constant) and isinstance(node.value, str), line\n"
                                                "    out.append(node.value)\n"
                                                "print(json.dumps(out))\n"),
                                 path});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray values = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(values.size(), texts.size());
    for (qsizetype i = 0; i < texts.size(); ++i)
        QCOMPARE(values[i].toString(), texts[i]);
}

void TestExports::hostileHeadersStayInsideLiterals()
{
    if (!QFileInfo::exists(kPython))
        QSKIP("/usr/bin/python3 is not installed");
    QTemporaryDir dir;
    const QStringList hostile{kQuoteComma, kMixed, kUnicode};
    const QStringList benign{QStringLiteral("f1"), QStringLiteral("f2"), QStringLiteral("f3")};
    const QString hostilePath = dir.filePath(QStringLiteral("hostile \"dir\" 'x'\n.csv"));
    const QString benignPath = dir.filePath(QStringLiteral("benign.csv"));
    writeCsvDataset(hostilePath, hostile, kInjection, 30, 1);
    writeCsvDataset(benignPath, benign, QStringLiteral("t"), 30, 1);
    QString error;
    Project hostileProject = csvProject(hostilePath, hostile, kInjection);
    Project benignProject = csvProject(benignPath, benign, QStringLiteral("t"));
    // GradLab itself reads the hostile file.
    QVERIFY2(hostileProject.loadData(&error), qPrintable(error));
    const QString hostileScript = dir.filePath(QStringLiteral("hostile.py"));
    const QString benignScript = dir.filePath(QStringLiteral("benign.py"));
    QVERIFY2(exportPytorchScript(hostileProject, hostileScript, &error), qPrintable(error));
    QVERIFY2(exportPytorchScript(benignProject, benignScript, &error), qPrintable(error));

    // With every string constant blanked, the two scripts must be the same program: the names
    // changed data, never code. The names must be among the constants, exactly.
    const Process r = runPython({QStringLiteral("-c"),
                                 QStringLiteral("import ast, json, sys\n"
                                                "def shape(path):\n"
                                                "    tree = ast.parse(open(path, encoding='utf-8').read())\n"
                                                "    strings, imports = [], []\n"
                                                "    for node in ast.walk(tree):\n"
                                                "        if isinstance(node, ast.Constant) and isinstance(node.value, str):\n"
                                                "            strings.append(node.value)\n"
                                                "            node.value = ''\n"
                                                "        elif isinstance(node, (ast.Import, ast.ImportFrom)):\n"
                                                "            imports += [a.name for a in node.names]\n"
                                                "    return ast.dump(tree), strings, sorted(imports)\n"
                                                "h, strings, imports = shape(sys.argv[1])\n"
                                                "b, _, benign_imports = shape(sys.argv[2])\n"
                                                "print(json.dumps({'same': h == b, 'strings': strings, 'imports': imports,\n"
                                                "                  'benign_imports': benign_imports}))\n"),
                                 hostileScript, benignScript});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY2(o.value("same").toBool(), "the hostile names changed the script's structure");
    const QStringList imports = o.value("imports").toVariant().toStringList();
    QCOMPARE(imports, (QStringList{"Path", "csv", "json", "math", "numpy", "sys", "torch", "torch.nn"}));
    const QStringList strings = o.value("strings").toVariant().toStringList();
    // The file beside the script is named relative to it.
    for (const QString& name : hostile + QStringList{kInjection, QFileInfo(hostilePath).fileName()})
        QVERIFY2(strings.contains(name), qPrintable(name));
    QVERIFY(readText(hostileScript).contains(pythonStringLiteral(kInjection).toLatin1()));
}

// A project folder moved with its CSV and its script keeps working: the script finds a CSV in its
// own folder or below it from where the script is, and any other from where the script is first
// (../data/x.csv: a copied lab folder) and then by its absolute path. (The scripts' runs are
// checked against GradLab in scriptReproducesGradLab, where Python is installed.)
void TestExports::scriptFindsACsvBesideItAfterAMove()
{
    QTemporaryDir dir;
    const QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("project/sub")) && root.mkpath(QStringLiteral("elsewhere")));
    const QString below = root.filePath(QStringLiteral("project/sub/data.csv"));
    const QString beside = root.filePath(QStringLiteral("project/data.csv"));
    const QString outside = root.filePath(QStringLiteral("elsewhere/data.csv"));
    for (const QString& path : {below, beside, outside})
        writeCsvDataset(path, {QStringLiteral("x")}, QStringLiteral("y"), 20, 3);
    const QString script = root.filePath(QStringLiteral("project/experiment.py"));
    const auto csvPathLine = [&](const QString& csv) {
        QString error;
        if (!exportPytorchScript(csvProject(csv, {QStringLiteral("x")}, QStringLiteral("y")), script, &error))
            return error;
        const QString text = QString::fromUtf8(readText(script));
        const qsizetype at = text.indexOf(QLatin1String("\nCSV_PATH = "));
        return at < 0 ? text : text.mid(at + 1, text.indexOf(QLatin1Char('\n'), at + 1) - at - 1);
    };
    QCOMPARE(csvPathLine(below), QStringLiteral("CSV_PATH = Path(__file__).resolve().parent / \"sub/data.csv\""));
    QCOMPARE(csvPathLine(beside), QStringLiteral("CSV_PATH = Path(__file__).resolve().parent / \"data.csv\""));
    QVERIFY(readText(script).contains("\nfrom pathlib import Path\n"));
    QVERIFY(!readText(script).contains(dir.path().toUtf8()));
    // Outside the script's folder (a sibling folder): from the script's folder, else absolute.
    QCOMPARE(csvPathLine(outside), QStringLiteral("CSV_PATH = Path(__file__).resolve().parent / \"../elsewhere/data.csv\""));
    QVERIFY(readText(script).contains(QStringLiteral("\nif not CSV_PATH.exists():\n    CSV_PATH = Path(%1)\n")
                                          .arg(pythonStringLiteral(QFileInfo(outside).absoluteFilePath()))
                                          .toUtf8()));
    // Without a script's place (pytorchScript alone), a CSV file is named by its absolute path.
    QString error;
    QVERIFY(pytorchScript(csvProject(beside, {QStringLiteral("x")}, QStringLiteral("y")), &error)
                .contains(QStringLiteral("CSV_PATH = %1\n").arg(pythonStringLiteral(QFileInfo(beside).absoluteFilePath()))));
}

void TestExports::scriptReadsColumnsByPositionAndTheDecimalSeparator()
{
    QTemporaryDir dir;
    const Project p = reproductionCase(QStringLiteral("csv with repeated names and decimal commas, float64"), dir.path());
    QString error;
    const QString script = pytorchScript(p, &error);
    QVERIFY2(!script.isEmpty(), qPrintable(error));
    // x.1 is the file's third column (2, from 0), x the first, y the fourth.
    QVERIFY2(script.contains(QLatin1String("\nCOLUMNS = [2, 0, 3]\n")), qPrintable(script));
    QVERIFY2(script.contains(QLatin1String("\nDECIMAL = \",\"\n")), qPrintable(script));
    Project point = p;
    point.config.dataset.csv.decimal = CsvConfig::Decimal::Point;
    QVERIFY2(pytorchScript(point, &error).contains(QLatin1String("\nDECIMAL = \".\"\n")), qPrintable(error));
}

void TestExports::unrunnableExperimentHasNoScript()
{
    QString error;
    Project p;
    p.config.optimizer.lr = 0;
    QVERIFY(pytorchScript(p, &error).isEmpty());
    QCOMPARE(error, QStringLiteral("The learning rate must be greater than 0"));

    Project missing = csvProject(QStringLiteral("/nonexistent/data.csv"), {QStringLiteral("x")}, QStringLiteral("y"));
    QVERIFY(pytorchScript(missing, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("data.csv")), qPrintable(error));

    Project twoFeatures;
    twoFeatures.config.dataset.generator.features = 2;
    twoFeatures.config.dataset.generator.weights = {1, 2};
    QVERIFY(pytorchScript(twoFeatures, &error).isEmpty()); // a + b·x has one feature
    QVERIFY2(error.contains(QLatin1String("linear")), qPrintable(error));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.py"));
    QVERIFY(writeText(path, "old"));
    QVERIFY(!exportPytorchScript(p, path, &error));
    QCOMPARE(readText(path), QByteArray("old"));
}

void TestExports::scriptUsesCudaOnlyWhereTheConfigSaysAndTorchCan()
{
    Project p;
    QString error;
    const QString cpu = pytorchScript(p, &error);
    QVERIFY2(cpu.contains(QLatin1String("DEVICE = torch.device(\"cpu\")\n")), qPrintable(cpu));
    p.config.training.device = QStringLiteral("cuda:1");
    p.config.training.dtype = QStringLiteral("float64");
    const QString cuda = pytorchScript(p, &error);
    QVERIFY2(cuda.contains(QLatin1String("DEVICE = torch.device(\"cuda:1\" if torch.cuda.is_available() else \"cpu\")\n")), qPrintable(cuda));
    QVERIFY(cuda.contains(QLatin1String("DTYPE = torch.float64\n")));
    p.config.training.device = QStringLiteral("cuda\"); import os #");
    QVERIFY(pytorchScript(p, &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("unknown device")), qPrintable(error));
}

void TestExports::scriptReproducesGradLab_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : {"tutorial", "tutorial without zero_grad, 50 epochs", "csv hostile headers, Adam mini-batches", "embedded csv, semicolons, no header, SGD Nesterov, float64",
                             "csv with a text field longer than Python's default limit",
                             "csv with repeated names and decimal commas, float64", "polynomial, x in [-1, 1), split seed of its own", "mlp, tanh, Adam mini-batches", "two features, AdamW, L1, unshuffled split",
                             "frozen a, Huber sum, RMSprop centered, custom init", "Adagrad, SmoothL1, batches without reshuffling",
                             "cuda, mlp, Adam mini-batches"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestExports::scriptReproducesGradLab()
{
    QFETCH(QString, name);
    static const bool torch = pythonHas(QStringLiteral("numpy, torch"));
    if (!torch)
        QSKIP("/usr/bin/python3 cannot import numpy and torch (Debian: python3-torch)");
    if (name.startsWith(QLatin1String("cuda"))) {
        const auto devices = availableDevices();
        if (std::none_of(devices.begin(), devices.end(), [](const DeviceInfo& d) { return d.device.isCuda() && d.usable(); }))
            QSKIP("GradLab has no usable CUDA device here");
    }
    QTemporaryDir dir;
    Project p = reproductionCase(name, dir.path());
    QString error;
    const QString script = pytorchScript(p, &error);
    QVERIFY2(!script.isEmpty(), qPrintable(error));
    const RunRecord run = train(p);
    const QString path = dir.filePath(QStringLiteral("experiment.py"));
    QVERIFY2(exportPytorchScript(p, path, &error), qPrintable(error));
    const Process r = runPython({path});
    QVERIFY2(r.started, "python3 did not start");
    QVERIFY2(r.exitCode == 0, (r.err + "\n--- script ---\n" + script.toUtf8()).constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QJsonParseError pe{};
    const QJsonObject o = QJsonDocument::fromJson(lines.last(), &pe).object();
    QVERIFY2(pe.error == QJsonParseError::NoError, r.out.constData());

    std::vector<double> torchParams;
    const QJsonObject params = o.value("params").toObject();
    QCOMPARE(params.size(), static_cast<qsizetype>(run.layout.size()));
    for (const ParamSlot& slot : run.layout) {
        const QJsonValue v = params.value(slot.name);
        if (slot.size == 1) {
            QVERIFY2(v.isDouble(), qPrintable(slot.name));
            torchParams.push_back(v.toDouble());
        } else {
            QCOMPARE(v.toArray().size(), slot.size);
            for (const QJsonValue e : v.toArray())
                torchParams.push_back(e.toDouble());
        }
    }
    const QString message = QStringLiteral("GradLab [%1] loss %2/%3\nPyTorch [%4] loss %5/%6")
                                .arg(describe(run.finalParams))
                                .arg(run.trainLoss, 0, 'g', 17)
                                .arg(run.valLoss, 0, 'g', 17)
                                .arg(describe(torchParams))
                                .arg(o.value("train_loss").toDouble(), 0, 'g', 17)
                                .arg(o.value("val_loss").toDouble(), 0, 'g', 17);
    for (std::size_t i = 0; i < run.finalParams.size(); ++i)
        QVERIFY2(agrees(torchParams[i], run.finalParams[i]), qPrintable(message));
    QVERIFY2(agrees(o.value("train_loss").toDouble(), run.trainLoss), qPrintable(message));
    QVERIFY2(agrees(o.value("val_loss").toDouble(), run.valLoss), qPrintable(message));
    double worst = 0;
    for (std::size_t i = 0; i < run.finalParams.size(); ++i)
        worst = std::max(worst, std::abs(torchParams[i] - run.finalParams[i]));
    qInfo("worst parameter difference %g", worst);
    // The run must have moved: an experiment that does nothing would match trivially.
    QVERIFY2(run.history.front().params != run.finalParams, qPrintable(message));
}

void TestExports::scriptCommentsFollowTheLanguage_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("run");
    for (const char* name : kCommentCases) {
        const bool run = qstrcmp(name, "tutorial") == 0 || qstrcmp(name, "csv hostile headers, Adam mini-batches") == 0;
        QTest::newRow(name) << QString::fromLatin1(name) << run;
    }
}

// With a translator installed, every comment and docstring is translated, however the translation
// breaks its lines or whatever it holds, and not one byte of code changes: the script reads and
// runs the same, and prints the same line.
void TestExports::scriptCommentsFollowTheLanguage()
{
    QFETCH(QString, name);
    QFETCH(bool, run);
    QTemporaryDir dir;
    const Project p = reproductionCase(name, dir.path());
    const QString englishPath = dir.filePath(QStringLiteral("english.py"));
    const QString translatedPath = dir.filePath(QStringLiteral("translated.py"));
    QString error;
    QVERIFY2(exportPytorchScript(p, englishPath, &error), qPrintable(error));
    {
        Rewording rewording;
        QVERIFY(QCoreApplication::installTranslator(&rewording));
        const bool written = exportPytorchScript(p, translatedPath, &error);
        QCoreApplication::removeTranslator(&rewording);
        QVERIFY2(written, qPrintable(error));
    }
    const QByteArray englishBytes = readText(englishPath), translatedBytes = readText(translatedPath);
    QVERIFY(translatedBytes.startsWith("#!/usr/bin/env python3\n")); // no BOM before the shebang
    const QString translatedText = QString::fromUtf8(translatedBytes);
    QCOMPARE(translatedText.toUtf8(), translatedBytes); // UTF-8, as Python reads source
    const ScriptParts english = splitScript(QString::fromUtf8(englishBytes));
    const ScriptParts translated = splitScript(translatedText);
    QCOMPARE(translated.code, english.code);
    QVERIFY(english.prose.size() >= 8);
    QCOMPARE(translated.prose.first(), QStringLiteral("!/usr/bin/env python3"));
    for (qsizetype i = 1; i < translated.prose.size(); ++i)
        QVERIFY2(translated.prose[i].contains(QStringLiteral("译文")), qPrintable(translated.prose[i]));
    const QString allTranslated = translated.prose.join(QLatin1Char('\n'));
    for (qsizetype i = 1; i < english.prose.size(); ++i)
        QVERIFY2(!allTranslated.contains(english.prose[i].trimmed()), qPrintable(english.prose[i]));

    if (!QFileInfo::exists(kPython))
        QSKIP("/usr/bin/python3 is not installed");
    // Python reads the docstrings back as they were translated, the awkward characters included.
    const Process doc = runPython({QStringLiteral("-c"),
                                   QStringLiteral("import ast, json, sys\n"
                                                  "tree = ast.parse(open(sys.argv[1], encoding='utf-8').read())\n"
                                                  "nodes = [tree] + [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]\n"
                                                  "print(json.dumps([d for d in (ast.get_docstring(n, clean=False) for n in nodes) if d]))\n"),
                                   translatedPath});
    QVERIFY2(doc.exitCode == 0, doc.err.constData());
    const QJsonArray docstrings = QJsonDocument::fromJson(doc.out).array();
    QVERIFY(docstrings.size() >= 2);
    const QString module = docstrings[0].toString();
    QVERIFY2(module.startsWith(QStringLiteral("译文：A GRADLAB EXPERIMENT AS A PLAIN PYTORCH SCRIPT.\n译文续 ") + kHostileProse + QStringLiteral("\n\n译文：IT TRAINS")),
             qPrintable(module));
    for (const QJsonValue d : docstrings)
        QVERIFY2(d.toString().contains(QStringLiteral("译文续 ") + kHostileProse), qPrintable(d.toString()));

    if (!run)
        return;
    static const bool torch = pythonHas(QStringLiteral("numpy, torch"));
    if (!torch)
        QSKIP("/usr/bin/python3 cannot import numpy and torch (Debian: python3-torch)");
    const Process englishRun = runPython({englishPath});
    const Process translatedRun = runPython({translatedPath});
    QVERIFY2(englishRun.exitCode == 0, englishRun.err.constData());
    QVERIFY2(translatedRun.exitCode == 0, translatedRun.err.constData());
    QVERIFY2(englishRun.out.startsWith("{\"params\": {"), englishRun.out.constData());
    QCOMPARE(translatedRun.out, englishRun.out);
}

// The Chinese the application ships (translations/gradlab_zh_CN.ts): every comment and docstring
// of the script in Chinese, and its code the English script's, byte for byte.
void TestExports::scriptCommentsAreShippedInChinese()
{
    QTranslator chinese;
    QVERIFY2(chinese.load(QStringLiteral(GRADLAB_QM_FILE)), GRADLAB_QM_FILE);
    if (chinese.translate("Exports", "The initial values GradLab trained from.").isEmpty())
        QSKIP("translations/gradlab_zh_CN.ts has no Chinese for the script's comments yet");
    for (const char* name : kCommentCases) {
        QTemporaryDir dir;
        const Project p = reproductionCase(QString::fromLatin1(name), dir.path());
        const QString path = dir.filePath(QStringLiteral("experiment.py"));
        QString error;
        const QString englishScript = pytorchScript(p, &error, path);
        QVERIFY2(!englishScript.isEmpty(), qPrintable(error));
        QVERIFY(QCoreApplication::installTranslator(&chinese));
        const QString chineseScript = pytorchScript(p, &error, path);
        QCoreApplication::removeTranslator(&chinese);
        QVERIFY2(!chineseScript.isEmpty(), qPrintable(error));
        const ScriptParts english = splitScript(englishScript);
        const ScriptParts translated = splitScript(chineseScript);
        QCOMPARE(translated.code, english.code);
        QVERIFY(translated.prose.size() > 1);
        for (qsizetype i = 1; i < translated.prose.size(); ++i)
            QVERIFY2(hasHan(translated.prose[i]), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(name), translated.prose[i])));
    }
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"

#include "exports.h"

#include "messages.h"
#include "model_factory.h"

#include "data/csv_reader.h"
#include "data/csv_writer.h"
#include "fit/least_squares.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace gradlab::experiment {
namespace {

class Exports {
    Q_DECLARE_TR_FUNCTIONS(Exports)
};

qint64 totalSize(const std::vector<ParamSlot>& layout)
{
    qint64 total = 0;
    for (const ParamSlot& slot : layout)
        total += slot.size;
    return total;
}

// A run read from a hand-edited project file may disagree with itself; say so rather than write
// values under the wrong names.
bool checkRun(const RunRecord& run, bool withHistory, QString* error)
{
    const qint64 total = totalSize(run.layout);
    const auto mismatch = [&](const QString& what, std::size_t count) {
        *error = Exports::tr("The run's %1 has %2 values but its parameters have %3").arg(what).arg(count).arg(total);
        return false;
    };
    if (static_cast<qint64>(run.finalParams.size()) != total)
        return mismatch(Exports::tr("final parameters"), run.finalParams.size());
    if (run.closedForm && static_cast<qint64>(run.closedForm->params.size()) != total)
        return mismatch(Exports::tr("closed form"), run.closedForm->params.size());
    if (withHistory)
        for (const EpochRecord& e : run.history)
            if (static_cast<qint64>(e.params.size()) != total)
                return mismatch(Exports::tr("history at epoch %1").arg(e.epoch), e.params.size());
    return true;
}

std::string utf8(const QString& s)
{
    const QByteArray b = s.toUtf8();
    return {b.constData(), static_cast<std::size_t>(b.size())};
}

// Shortest text that reads back as the same double.
std::string shortest(double v)
{
    if (std::isnan(v))
        return "nan";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return {buffer, result.ptr};
}

// A text field quoted by the data layer's own rules (a header of one column and no rows is just
// that name, quoted where RFC 4180 needs it), so GradLab's reader and any other read it back as is.
std::string csvField(const QString& text)
{
    std::ostringstream out;
    const data::CsvColumnData column{utf8(text), {}};
    if (!data::writeCsv(out, std::span<const data::CsvColumnData>(&column, 1)))
        return {};
    std::string field = std::move(out).str();
    field.pop_back(); // the line end
    return field;
}

QJsonValue jsonNumber(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }

QJsonValue jsonSlice(const std::vector<double>& values, std::size_t at, qint64 size)
{
    if (size == 1)
        return jsonNumber(values[at]);
    QJsonArray a;
    for (qint64 i = 0; i < size; ++i)
        a.append(jsonNumber(values[at + static_cast<std::size_t>(i)]));
    return a;
}

std::vector<double> differences(const RunRecord& run)
{
    std::vector<double> d;
    if (run.closedForm)
        for (std::size_t i = 0; i < run.finalParams.size(); ++i)
            d.push_back(run.finalParams[i] - run.closedForm->params[i]);
    return d;
}

QByteArray bytes(const std::string& s) { return QByteArray(s.data(), static_cast<qsizetype>(s.size())); }

bool writeOptional(const std::optional<QByteArray>& content, const QString& path, QString* error)
{
    return content && writeFileAtomically(path, *content, error);
}

// ---- The PyTorch script ------------------------------------------------------------------------

// A Python float literal that reads back as `v` (an integral value gets ".0", so that it is a
// float wherever Python would otherwise make it an int).
QString pyFloat(double v)
{
    if (std::isnan(v))
        return QStringLiteral("float(\"nan\")");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("float(\"inf\")") : QStringLiteral("-float(\"inf\")");
    QString s = QString::fromStdString(shortest(v));
    if (!s.contains(QLatin1Char('.')) && !s.contains(QLatin1Char('e')))
        s += QStringLiteral(".0");
    return s;
}

QString pyBool(bool b) { return b ? QStringLiteral("True") : QStringLiteral("False"); }

// A list literal, wrapped so that long parameter vectors stay readable.
QString pyList(const QStringList& items, int indent)
{
    QString out = QStringLiteral("[");
    int column = indent + 1;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString item = items[i] + (i + 1 < items.size() ? QStringLiteral(", ") : QString());
        if (column + item.size() > 100 && i > 0) {
            out = out.trimmed() + QLatin1Char('\n') + QString(indent + 4, QLatin1Char(' '));
            column = indent + 4;
        }
        out += item;
        column += static_cast<int>(item.size());
    }
    return out + QLatin1Char(']');
}

QString pyFloats(const std::vector<double>& values, int indent)
{
    QStringList items;
    for (double v : values)
        items << pyFloat(v);
    return pyList(items, indent);
}

QString pyStrings(const QStringList& values)
{
    QStringList items;
    for (const QString& v : values)
        items << pythonStringLiteral(v);
    return pyList(items, 0);
}

// CSV text as adjacent literals, one per line of the file, so that the data stays readable.
QString pyText(const QString& text)
{
    QStringList parts;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        end = end < 0 ? text.size() : end + 1;
        parts << QStringLiteral("    ") + pythonStringLiteral(text.mid(start, end - start));
        start = end;
    }
    if (parts.isEmpty())
        return QStringLiteral("\"\"");
    return QStringLiteral("(\n") + parts.join(QLatin1Char('\n')) + QStringLiteral("\n)");
}

// The lines of a translated text; a translation may break its lines where its language needs.
QStringList textLines(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text.split(QLatin1Char('\n'));
}

// The script's comments and docstrings are in the application's language (English source text,
// translated in the context Exports); its code is the same in every language.
QStringList pyComment(const QString& text, const QString& indent = {})
{
    QStringList lines;
    for (const QString& line : textLines(text))
        lines << indent + (line.isEmpty() ? QStringLiteral("#") : QStringLiteral("# ") + line);
    return lines;
}

// A comment after code: a translation's line breaks become spaces, so it stays on that line.
QString pyInlineComment(const QString& text) { return QStringLiteral("  # ") + textLines(text).join(QLatin1Char(' ')); }

// A docstring, its first line after the opening quotes and its others at `indent`. Backslashes
// and quotes are escaped, so that no translation can end it early or make an escape of it.
QStringList pyDocstring(const QString& text, const QString& indent)
{
    QStringList lines;
    for (QString line : textLines(text)) {
        line.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
        lines << (lines.isEmpty() ? indent + QStringLiteral("\"\"\"") + line : line.isEmpty() ? line : indent + line);
    }
    lines.last() += QStringLiteral("\"\"\"");
    return lines;
}

struct CsvLayout {
    char delimiter = ',';
    bool header = true;
    char decimal = '.';
    std::vector<std::size_t> columns; // the features', then the target's, in the file
};

// How GradLab reads the project's CSV: its delimiter, whether it has a header, its decimal
// separator, as configured or as detected, and where the chosen columns are (by position, as
// repeated header names are renamed).
std::optional<CsvLayout> csvLayout(const Project& project, QString* error)
{
    const CsvConfig& c = project.config.dataset.csv;
    data::CsvReadOptions options;
    if (!c.delimiter.isEmpty())
        options.delimiter = c.delimiter.at(0).toLatin1();
    options.hasHeader = c.header;
    options.decimal = decimalSeparator(c.decimal);
    auto preview = data::CsvResult<data::CsvPreview>(data::CsvError{});
    if (project.usesEmbeddedCsv()) {
        const QByteArray text = c.embedded.toUtf8();
        preview = data::previewCsvText(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), 1, options);
    } else {
        const QString file = project.csvAbsolutePath();
        if (file.isEmpty() || !QFileInfo::exists(file)) {
            *error = Exports::tr("The project's CSV file %1 does not exist").arg(QDir::toNativeSeparators(file.isEmpty() ? c.path : file));
            return std::nullopt;
        }
        preview = data::previewCsvFile(file.toStdString(), 1, options);
    }
    if (!preview) {
        *error = translated(preview.error().text);
        return std::nullopt;
    }
    const data::CsvFormat& format = preview.value().format;
    CsvLayout layout{format.delimiter, format.hasHeader, format.decimal, {}};
    for (const QString& name : c.features + QStringList{c.target}) {
        const auto at = std::find(format.columnNames.begin(), format.columnNames.end(), name.toStdString());
        if (at == format.columnNames.end()) {
            *error = Exports::tr("The project's CSV data has no column named “%1”").arg(name);
            return std::nullopt;
        }
        layout.columns.push_back(static_cast<std::size_t>(at - format.columnNames.begin()));
    }
    return layout;
}

void addGeneratedData(QStringList& s, const ExperimentConfig& config)
{
    const GeneratorConfig& g = config.dataset.generator;
    const SplitConfig& split = config.dataset.split;
    const int k = g.features;
    const QString n = QString::number(g.n);
    const QString draw = QStringLiteral("np.random.rand(N, %1)").arg(k);
    s << pyComment(Exports::tr("The tutorial's synthetic data, drawn from NumPy's legacy random stream."))
      << QStringLiteral("N = %1").arg(n)
      << QStringLiteral("np.random.seed(%1)").arg(g.seed);
    if (g.xMin == 0.0 && g.xMax == 1.0) {
        s << QStringLiteral("x = %1").arg(draw);
    } else {
        s << QStringLiteral("X_MIN, X_MAX = %1, %2").arg(pyFloat(g.xMin), pyFloat(g.xMax))
          << QStringLiteral("x = X_MIN + (X_MAX - X_MIN) * %1").arg(draw);
    }
    const QString noise = QStringLiteral("%1 * np.random.randn(N, 1)").arg(pyFloat(g.noise));
    if (k == 1 && g.weights.size() <= 1) {
        const double b = g.weights.empty() ? g.b : g.weights.front();
        s << QStringLiteral("y = %1 + %2 * x + %3").arg(pyFloat(g.a), pyFloat(b), noise);
    } else {
        s << QStringLiteral("W = %1").arg(pyFloats(g.weights, 4))
          << pyComment(Exports::tr("x @ W summed left to right, as GradLab sums it (BLAS may round differently)."))
          << QStringLiteral("xw = x[:, 0:1] * W[0]")
          << QStringLiteral("for j in range(1, %1):").arg(k)
          << QStringLiteral("    xw = xw + x[:, j:j + 1] * W[j]")
          << QStringLiteral("y = %1 + xw + %2").arg(pyFloat(g.a), noise);
    }
    s << QString() << pyComment(Exports::tr("Train/validation split.")) << QStringLiteral("idx = np.arange(N)");
    if (split.shuffle && split.seed == g.seed)
        s << QStringLiteral("np.random.shuffle(idx)") + pyInlineComment(Exports::tr("continues the stream that drew the data, as the tutorial does"));
    else if (split.shuffle)
        s << QStringLiteral("np.random.RandomState(%1).shuffle(idx)").arg(split.seed);
}

// The lines that set CSV_PATH: the CSV file as the script at `scriptPath` finds it. A file in the
// script's folder or below it is found from the script's folder only, so that the two can be moved
// together. One elsewhere (a lab's data/ beside its scripts/) is looked for from the script's
// folder first, so that a copied folder of both works, then where it was when exported.
QStringList scriptCsvPathLines(const Project& project, const QString& scriptPath)
{
    const QFileInfo csv(project.csvAbsolutePath());
    const QString absolute = pythonStringLiteral(csv.absoluteFilePath());
    if (!scriptPath.isEmpty()) {
        // Canonical folders on both sides, as the script's Path(__file__).resolve() sees its own.
        const QString scriptDir = QFileInfo(scriptPath).absoluteDir().canonicalPath();
        const QString csvDir = csv.absoluteDir().canonicalPath();
        if (!scriptDir.isEmpty() && !csvDir.isEmpty()) {
            const QString relative = QDir(scriptDir).relativeFilePath(csvDir + QLatin1Char('/') + csv.fileName());
            if (QFileInfo(relative).isRelative()) {
                const QString fromScript = QStringLiteral("CSV_PATH = Path(__file__).resolve().parent / %1").arg(pythonStringLiteral(relative));
                if (!relative.startsWith(QLatin1String("../")))
                    return {fromScript};
                return {fromScript, QStringLiteral("if not CSV_PATH.exists():"), QStringLiteral("    CSV_PATH = Path(%1)").arg(absolute)};
            }
        }
    }
    return {QStringLiteral("CSV_PATH = %1").arg(absolute)};
}

QString columnList(const std::vector<std::size_t>& columns)
{
    QStringList items;
    for (const std::size_t c : columns)
        items << QString::number(c);
    return items.join(QStringLiteral(", "));
}

bool addCsvData(QStringList& s, const Project& project, const QString& scriptPath, QString* error)
{
    const CsvConfig& c = project.config.dataset.csv;
    const auto layout = csvLayout(project, error);
    if (!layout)
        return false;
    // GradLab trims spaces (and tabs, unless they delimit) around unquoted fields.
    const QString spaces = layout->delimiter == '\t' ? QStringLiteral("\" \"") : QStringLiteral("\" \\t\"");
    s << pyComment(Exports::tr("The CSV data, read as GradLab reads it."));
    if (project.usesEmbeddedCsv()) {
        QString text = c.embedded;
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        s << QStringLiteral("CSV_TEXT = %1").arg(pyText(text));
    } else {
        s << scriptCsvPathLines(project, scriptPath);
    }
    s << QStringLiteral("DELIMITER = %1").arg(pythonStringLiteral(QString(QLatin1Char(layout->delimiter))))
      << QStringLiteral("HAS_HEADER = %1").arg(pyBool(layout->header))
      << QStringLiteral("FEATURES = %1").arg(pyStrings(c.features))
      << QStringLiteral("TARGET = %1").arg(pythonStringLiteral(c.target))
      << QStringLiteral("DROP_MISSING = %1").arg(pyBool(c.missing == CsvConfig::Missing::Drop))
      << pyComment(Exports::tr("FEATURES, then TARGET, by position in the file (from 0): GradLab renames repeated header names\n"
                               "as pandas does (x, x.1, ...)."))
      << QStringLiteral("COLUMNS = [%1]").arg(columnList(layout->columns))
      << QStringLiteral("DECIMAL = %1").arg(pythonStringLiteral(QString(QLatin1Char(layout->decimal))))
      << QStringLiteral("SPACES = %1").arg(spaces)
      << QStringLiteral("MISSING = {\"\", \"NA\", \"N/A\", \"n/a\", \"#N/A\", \"#N/A N/A\", \"#NA\", \"NULL\", \"null\", \"None\", \"<NA>\",")
      << QStringLiteral("           \"-1.#IND\", \"1.#IND\", \"-1.#QNAN\", \"1.#QNAN\"}")
      << QString()
      << pyComment(Exports::tr("GradLab reads records of up to 64 MiB; the csv module stops at 128 KiB unless told otherwise\n"
                               "(2**31 - 1: the most a C long holds on every platform)."))
      << QStringLiteral("csv.field_size_limit(min(sys.maxsize, 2**31 - 1))")
      << QString()
      << QString()
      << QStringLiteral("def read_csv(lines):")
      << QStringLiteral("    records = [r for r in csv.reader(lines, delimiter=DELIMITER, skipinitialspace=True)")
      << QStringLiteral("               if r and not (len(r) == 1 and not r[0].strip(SPACES))]")
      << QStringLiteral("    if HAS_HEADER:")
      << QStringLiteral("        records.pop(0)")
      << QStringLiteral("    table = []")
      << QStringLiteral("    for number, record in enumerate(records, start=1):")
      << QStringLiteral("        texts = [record[c].strip(SPACES) for c in COLUMNS]")
      << QStringLiteral("        row = [math.nan if t in MISSING else float(t.replace(DECIMAL, \".\")) for t in texts]")
      << QStringLiteral("        if all(math.isfinite(v) for v in row):")
      << QStringLiteral("            table.append(row)")
      << QStringLiteral("        elif not DROP_MISSING:")
      << QStringLiteral("            sys.exit(\"data row %d has a missing or non-finite value\" % number)")
      << QStringLiteral("    data = np.array(table, dtype=np.float64)")
      << QStringLiteral("    return data[:, :-1], data[:, -1:]")
      << QString()
      << QString();
    if (project.usesEmbeddedCsv())
        s << QStringLiteral("x, y = read_csv(io.StringIO(CSV_TEXT, newline=\"\"))");
    else
        s << QStringLiteral("with open(CSV_PATH, newline=\"\", encoding=\"utf-8-sig\") as f:")
          << QStringLiteral("    x, y = read_csv(f)");
    const SplitConfig& split = project.config.dataset.split;
    s << QStringLiteral("N = len(x)") << QString() << pyComment(Exports::tr("Train/validation split.")) << QStringLiteral("idx = np.arange(N)");
    if (split.shuffle)
        s << QStringLiteral("np.random.RandomState(%1).shuffle(idx)").arg(split.seed);
    return true;
}

QString activationModule(const QString& name)
{
    if (name == QLatin1String("relu"))
        return QStringLiteral("nn.ReLU()");
    if (name == QLatin1String("sigmoid"))
        return QStringLiteral("nn.Sigmoid()");
    return QStringLiteral("nn.Tanh()");
}

void addModel(QStringList& s, const ModelConfig& m, std::int64_t inputs)
{
    s << QStringLiteral("torch.manual_seed(%1)").arg(m.init.seed);
    switch (m.type) {
    case ModelConfig::Type::ScalarLinear:
        s << QStringLiteral("model = ManualLinearRegression()");
        break;
    case ModelConfig::Type::Linear:
    case ModelConfig::Type::Polynomial:
        s << QStringLiteral("model = nn.Linear(%1, 1, dtype=DTYPE)").arg(inputs);
        break;
    case ModelConfig::Type::Mlp: {
        QStringList layers;
        std::int64_t width = inputs;
        for (int h : m.hidden) {
            layers << QStringLiteral("    nn.Linear(%1, %2, dtype=DTYPE),").arg(width).arg(h) << QStringLiteral("    %1,").arg(activationModule(m.activation));
            width = h;
        }
        layers << QStringLiteral("    nn.Linear(%1, 1, dtype=DTYPE),").arg(width);
        s << QStringLiteral("model = nn.Sequential(") << layers << QStringLiteral(")");
        break;
    }
    }
}

QString lossModule(const LossConfig& l)
{
    const QString reduction = QStringLiteral("reduction=\"%1\"").arg(l.reduction == LossConfig::Reduction::Mean ? QStringLiteral("mean") : QStringLiteral("sum"));
    switch (l.type) {
    case LossConfig::Type::Mse: return QStringLiteral("nn.MSELoss(%1)").arg(reduction);
    case LossConfig::Type::L1: return QStringLiteral("nn.L1Loss(%1)").arg(reduction);
    case LossConfig::Type::Huber: return QStringLiteral("nn.HuberLoss(%1, delta=%2)").arg(reduction, pyFloat(l.delta));
    case LossConfig::Type::SmoothL1: return QStringLiteral("nn.SmoothL1Loss(%1, beta=%2)").arg(reduction, pyFloat(l.beta));
    }
    return {};
}

QString optimizerCall(const OptimizerConfig& o)
{
    const QString lr = QStringLiteral("lr=%1").arg(pyFloat(o.lr));
    const QString common = QStringLiteral("weight_decay=%1, maximize=%2").arg(pyFloat(o.weightDecay), pyBool(o.maximize));
    switch (o.type) {
    case OptimizerConfig::Type::Sgd:
        return QStringLiteral("torch.optim.SGD(trainable, %1, momentum=%2, dampening=%3, nesterov=%4, %5)")
            .arg(lr, pyFloat(o.momentum), pyFloat(o.dampening), pyBool(o.nesterov), common);
    case OptimizerConfig::Type::Adam:
    case OptimizerConfig::Type::AdamW:
        return QStringLiteral("torch.optim.%1(trainable, %2, betas=(%3, %4), eps=%5, amsgrad=%6, %7)")
            .arg(o.type == OptimizerConfig::Type::Adam ? QStringLiteral("Adam") : QStringLiteral("AdamW"), lr, pyFloat(o.beta1),
                 pyFloat(o.beta2), pyFloat(o.eps), pyBool(o.amsgrad), common);
    case OptimizerConfig::Type::RmsProp:
        return QStringLiteral("torch.optim.RMSprop(trainable, %1, alpha=%2, eps=%3, momentum=%4, centered=%5, %6)")
            .arg(lr, pyFloat(o.alpha), pyFloat(o.eps), pyFloat(o.momentum), pyBool(o.centered), common);
    case OptimizerConfig::Type::Adagrad:
        return QStringLiteral("torch.optim.Adagrad(trainable, %1, lr_decay=%2, initial_accumulator_value=%3, eps=%4, %5)")
            .arg(lr, pyFloat(o.lrDecay), pyFloat(o.initialAccumulatorValue), pyFloat(o.eps), common);
    }
    return {};
}

// The number of raw feature columns the experiment's data has.
std::int64_t featureCount(const ExperimentConfig& c)
{
    return c.dataset.source == DatasetConfig::Source::Generated ? c.dataset.generator.features
                                                                : static_cast<std::int64_t>(c.dataset.csv.features.size());
}

} // namespace

QStringList flatParameterNames(const std::vector<ParamSlot>& layout)
{
    QStringList names;
    for (const ParamSlot& slot : layout) {
        if (slot.size == 1)
            names << slot.name;
        else
            for (qint64 i = 0; i < slot.size; ++i)
                names << QStringLiteral("%1[%2]").arg(slot.name).arg(i);
    }
    return names;
}

std::optional<QByteArray> parametersJson(const RunRecord& run, QString* error)
{
    if (!checkRun(run, false, error))
        return std::nullopt;
    const std::vector<double> diff = differences(run);
    QJsonObject root;
    std::size_t at = 0;
    for (const ParamSlot& slot : run.layout) {
        QJsonObject entry{{QStringLiteral("value"), jsonSlice(run.finalParams, at, slot.size)}};
        entry.insert(QStringLiteral("closed_form"), run.closedForm ? jsonSlice(run.closedForm->params, at, slot.size) : QJsonValue(QJsonValue::Null));
        entry.insert(QStringLiteral("difference"), run.closedForm ? jsonSlice(diff, at, slot.size) : QJsonValue(QJsonValue::Null));
        root.insert(slot.name, entry);
        at += static_cast<std::size_t>(slot.size);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<QByteArray> parametersCsv(const RunRecord& run, QString* error)
{
    if (!checkRun(run, false, error))
        return std::nullopt;
    const std::vector<double> diff = differences(run);
    std::string out = "parameter,index,value,closed_form,difference\n";
    const QStringList names = flatParameterNames(run.layout);
    std::size_t at = 0;
    for (const ParamSlot& slot : run.layout) {
        for (qint64 i = 0; i < slot.size; ++i, ++at) {
            out += csvField(names[static_cast<qsizetype>(at)]);
            out += ',' + std::to_string(i) + ',' + shortest(run.finalParams[at]) + ',';
            if (run.closedForm)
                out += shortest(run.closedForm->params[at]) + ',' + shortest(diff[at]);
            else
                out += ',';
            out += '\n';
        }
    }
    return bytes(out);
}

std::optional<QByteArray> historyCsv(const RunRecord& run, QString* error)
{
    if (!checkRun(run, true, error))
        return std::nullopt;
    std::vector<std::vector<double>> values(3 + run.finalParams.size());
    for (const EpochRecord& e : run.history) {
        values[0].push_back(static_cast<double>(e.epoch));
        values[1].push_back(e.trainLoss);
        values[2].push_back(e.valLoss);
        for (std::size_t i = 0; i < e.params.size(); ++i)
            values[3 + i].push_back(e.params[i]);
    }
    std::vector<std::string> names{"epoch", "train_loss", "val_loss"};
    for (const QString& name : flatParameterNames(run.layout))
        names.push_back(utf8(name));
    std::vector<data::CsvColumnData> columns;
    for (std::size_t c = 0; c < names.size(); ++c)
        columns.push_back({names[c], values[c]});
    std::ostringstream out;
    const auto written = data::writeCsv(out, columns);
    if (!written) {
        *error = translated(written.error().text);
        return std::nullopt;
    }
    return bytes(std::move(out).str());
}

QJsonObject leastSquaresReport(const fit::FitResult& f, const QStringList& parameters)
{
    QJsonArray coefficients;
    for (std::size_t i = 0; i < f.coefficients.size(); ++i) {
        const fit::Coefficient& c = f.coefficients[i];
        QJsonObject row{{"term", QString::fromStdString(c.name)},
                        {"estimate", jsonNumber(c.estimate)},
                        {"std_error", jsonNumber(c.standardError)},
                        {"t", jsonNumber(c.tValue)},
                        {"p_value", jsonNumber(c.pValue)},
                        {"ci_lower", jsonNumber(c.lower)},
                        {"ci_upper", jsonNumber(c.upper)},
                        {"identified", c.identified}};
        if (i < static_cast<std::size_t>(parameters.size()))
            row.insert(QStringLiteral("parameter"), parameters[static_cast<qsizetype>(i)]);
        coefficients.append(row);
    }
    QJsonArray warnings;
    for (const data::Message& w : f.warnings)
        warnings.append(QString::fromStdString(w.english()));
    // Why a diagnostic is null, by its key.
    const fit::Diagnostics& d = f.diagnostics;
    QJsonObject unavailable;
    const auto why = [&](const std::optional<data::Message>& reason, std::initializer_list<const char*> keys) {
        if (reason)
            for (const char* key : keys)
                unavailable.insert(QLatin1String(key), QString::fromStdString(reason->english()));
    };
    why(d.residualsUndefined, {"durbin_watson", "omnibus", "omnibus_p_value", "jarque_bera", "jarque_bera_p_value", "skew", "kurtosis"});
    why(d.omnibusUndefined, {"omnibus", "omnibus_p_value"});
    why(d.durbinWatsonUndefined, {"durbin_watson"});
    why(d.conditionUndefined, {"condition_number"});
    const bool robust = f.covarianceType != fit::CovarianceType::Classical;
    return QJsonObject{{"observations", static_cast<double>(f.observations)},
                       {"covariance_type", QString::fromLatin1(fit::covarianceTypeName(f.covarianceType))},
                       // Of the p-values and intervals: Student's t with df_residual, or (robust) the normal.
                       {"distribution", robust ? QStringLiteral("normal") : QStringLiteral("t")},
                       {"covariance_not_available", f.covarianceUndefined ? QJsonValue(QString::fromStdString(f.covarianceUndefined->english()))
                                                                          : QJsonValue(QJsonValue::Null)},
                       {"f_df_numerator", jsonNumber(f.fDfNumerator)},
                       {"rank", static_cast<double>(f.rank)},
                       {"df_model", jsonNumber(f.dfModel)},
                       {"df_residual", jsonNumber(f.dfResidual)},
                       {"confidence_level", jsonNumber(f.confidenceLevel)},
                       {"coefficients", coefficients},
                       {"r_squared", jsonNumber(f.rSquared)},
                       {"adjusted_r_squared", jsonNumber(f.adjustedRSquared)},
                       {"residual_standard_error", jsonNumber(f.residualStandardError)},
                       {"f_statistic", jsonNumber(f.fStatistic)},
                       {"f_p_value", jsonNumber(f.fPValue)},
                       {"log_likelihood", jsonNumber(f.logLikelihood)},
                       {"aic", jsonNumber(f.aic)},
                       {"bic", jsonNumber(f.bic)},
                       {"rss", jsonNumber(f.rss)},
                       {"exact_fit", f.exact},
                       {"durbin_watson", jsonNumber(d.durbinWatson)},
                       {"omnibus", jsonNumber(d.omnibus)},
                       {"omnibus_p_value", jsonNumber(d.omnibusPValue)},
                       {"jarque_bera", jsonNumber(d.jarqueBera)},
                       {"jarque_bera_p_value", jsonNumber(d.jarqueBeraPValue)},
                       {"skew", jsonNumber(d.skew)},
                       {"kurtosis", jsonNumber(d.kurtosis)},
                       {"condition_number", jsonNumber(d.conditionNumber)},
                       {"diagnostics_not_available", unavailable},
                       {"warnings", warnings}};
}

namespace {

// The fit behind `closedForm`, or null (and why) when it has none or its names do not match.
const fit::FitResult* reportedFit(const ClosedFormComparison& closedForm, const QStringList& flatNames, QString* error)
{
    const fit::FitResult* f = closedForm.fit.get();
    if (!f) {
        *error = Exports::tr("There is no least-squares fit to export.");
        return nullptr;
    }
    const bool matches = closedForm.paramIndex.size() == f->coefficients.size()
                         && std::all_of(closedForm.paramIndex.begin(), closedForm.paramIndex.end(),
                                        [&](std::size_t i) { return i < static_cast<std::size_t>(flatNames.size()); });
    if (!matches) {
        *error = Exports::tr("The least-squares fit has %1 coefficients but the model has %2 parameters")
                     .arg(f->coefficients.size())
                     .arg(flatNames.size());
        return nullptr;
    }
    return f;
}

// A number for a CSV cell: empty where it is not finite.
std::string csvNumber(double v) { return std::isfinite(v) ? shortest(v) : std::string(); }

} // namespace

std::optional<QByteArray> leastSquaresCsv(const ClosedFormComparison& closedForm, const QStringList& flatNames, QString* error)
{
    const fit::FitResult* f = reportedFit(closedForm, flatNames, error);
    if (!f)
        return std::nullopt;
    // The intervals' level on every row, so that each row says what its interval is.
    std::string out = "term,parameter,estimate,std_error,t,p_value,ci_lower,ci_upper,identified,confidence_level,covariance_type\n";
    const std::string level = shortest(f->confidenceLevel);
    const std::string covariance = fit::covarianceTypeName(f->covarianceType);
    for (std::size_t i = 0; i < f->coefficients.size(); ++i) {
        const fit::Coefficient& c = f->coefficients[i];
        out += csvField(QString::fromStdString(c.name)) + ',' + csvField(flatNames[static_cast<qsizetype>(closedForm.paramIndex[i])]);
        for (double v : {c.estimate, c.standardError, c.tValue, c.pValue, c.lower, c.upper})
            out += ',' + csvNumber(v);
        out += c.identified ? ",true," : ",false,";
        out += level + ',' + covariance + '\n';
    }
    return bytes(out);
}

std::optional<QByteArray> leastSquaresJson(const ClosedFormComparison& closedForm, const QStringList& flatNames, QString* error,
                                           const ExperimentConfig* config, bool allRows)
{
    const fit::FitResult* f = reportedFit(closedForm, flatNames, error);
    if (!f)
        return std::nullopt;
    QStringList parameters;
    for (std::size_t i : closedForm.paramIndex)
        parameters << flatNames[static_cast<qsizetype>(i)];
    QJsonObject root = leastSquaresReport(*f, parameters);
    if (config) {
        // What was fitted, as the project file writes it: the data and its split, which rows (the
        // training rows or all), and the model; not the project's copy of a CSV file's text.
        const QJsonObject project = toJson(*config);
        QJsonObject dataset = project.value(QStringLiteral("dataset")).toObject();
        if (dataset.contains(QStringLiteral("csv"))) {
            QJsonObject csv = dataset.value(QStringLiteral("csv")).toObject();
            csv.remove(QStringLiteral("embedded"));
            dataset.insert(QStringLiteral("csv"), csv);
        }
        root.insert(QStringLiteral("dataset"), dataset);
        root.insert(QStringLiteral("rows"), allRows ? QStringLiteral("all") : QStringLiteral("training"));
        root.insert(QStringLiteral("model"), project.value(QStringLiteral("model")));
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool exportLeastSquares(const ClosedFormComparison& closedForm, const QStringList& flatNames, const QString& path, QString* error,
                        const ExperimentConfig* config, bool allRows)
{
    const bool csv = QFileInfo(path).suffix().toLower() == QLatin1String("csv");
    return writeOptional(csv ? leastSquaresCsv(closedForm, flatNames, error) : leastSquaresJson(closedForm, flatNames, error, config, allRows),
                         path, error);
}

bool exportParametersJson(const RunRecord& run, const QString& path, QString* error)
{
    return writeOptional(parametersJson(run, error), path, error);
}

bool exportParametersCsv(const RunRecord& run, const QString& path, QString* error)
{
    return writeOptional(parametersCsv(run, error), path, error);
}

bool exportHistoryCsv(const RunRecord& run, const QString& path, QString* error)
{
    return writeOptional(historyCsv(run, error), path, error);
}

bool exportGraphDot(const Graph& graph, const QString& path, QString* error)
{
    return writeFileAtomically(path, bytes(toDot(graph)), error);
}

QString pythonStringLiteral(const QString& text)
{
    QString out = QStringLiteral("\"");
    for (const char32_t c : text.toUcs4()) {
        switch (c) {
        case U'\\': out += QStringLiteral("\\\\"); continue;
        case U'"': out += QStringLiteral("\\\""); continue;
        case U'\n': out += QStringLiteral("\\n"); continue;
        case U'\r': out += QStringLiteral("\\r"); continue;
        case U'\t': out += QStringLiteral("\\t"); continue;
        default: break;
        }
        // Everything else outside printable ASCII by number: the literals are pure ASCII, so no
        // encoding, line separator or bidirectional control can change how they read.
        if (c >= 0x20 && c < 0x7F)
            out += QChar(static_cast<char16_t>(c));
        else if (c < 0x100)
            out += QStringLiteral("\\x%1").arg(static_cast<uint>(c), 2, 16, QLatin1Char('0'));
        else if (c < 0x10000)
            out += QStringLiteral("\\u%1").arg(static_cast<uint>(c), 4, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\U%1").arg(static_cast<uint>(c), 8, 16, QLatin1Char('0'));
    }
    return out + QLatin1Char('"');
}

QString pytorchScript(const Project& project, QString* error, const QString& scriptPath)
{
    const ExperimentConfig& config = project.config;
    const QStringList problems = validate(config);
    if (!problems.isEmpty()) {
        *error = problems.front();
        return {};
    }
    const bool csv = config.dataset.source == DatasetConfig::Source::Csv;
    const ModelConfig& m = config.model;
    const TrainingConfig& t = config.training;

    std::shared_ptr<Module> model;
    std::int64_t inputs = 0;
    DType dtype = DType::Float32;
    Device device;
    try {
        dtype = parseDType(t.dtype.toStdString());
        device = Device::parse(t.device.toStdString());
        if (m.type == ModelConfig::Type::Polynomial && featureCount(config) != 1)
            throw std::invalid_argument("a polynomial model fits one feature; this dataset has " + std::to_string(featureCount(config)));
        inputs = modelInputs(m, featureCount(config));
        model = buildModel(m, inputs, dtype);
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return {};
    }

    QStringList s;
    // Python 3 reads the script as UTF-8, as it is written, whatever the language of its comments.
    s << QStringLiteral("#!/usr/bin/env python3")
      << pyDocstring(Exports::tr("A GradLab experiment as a plain PyTorch script.") + QStringLiteral("\n\n")
                         + Exports::tr("It trains the same model on the same data, from the same initial parameters, with the same\n"
                                       "loss, optimizer, epochs and mini-batches as GradLab, in the style of the tutorial's\n"
                                       "make_train_step, and prints one JSON line: the final parameters and the final training and\n"
                                       "validation losses (evaluation mode, no grad). Needs Python 3, NumPy and PyTorch 1.12 or newer.")
                         + QLatin1Char('\n'),
                     {});
    if (csv)
        s << QStringLiteral("import csv");
    if (csv && project.usesEmbeddedCsv())
        s << QStringLiteral("import io");
    s << QStringLiteral("import json");
    if (csv)
        s << QStringLiteral("import math") << QStringLiteral("import sys");
    if (csv && !project.usesEmbeddedCsv())
        s << QStringLiteral("from pathlib import Path");
    s << QString() << QStringLiteral("import numpy as np") << QStringLiteral("import torch") << QStringLiteral("import torch.nn as nn") << QString();
    s << QStringLiteral("DTYPE = torch.%1").arg(QString::fromStdString(dtypeName(dtype)));
    if (device.isCuda())
        s << QStringLiteral("DEVICE = torch.device(\"%1\" if torch.cuda.is_available() else \"cpu\")").arg(QString::fromStdString(device.str()));
    else
        s << QStringLiteral("DEVICE = torch.device(\"cpu\")");
    s << QString();

    if (csv) {
        if (!addCsvData(s, project, scriptPath, error))
            return {};
    } else {
        addGeneratedData(s, config);
    }
    s << QStringLiteral("n_train = int(N * %1)").arg(pyFloat(config.dataset.split.trainFraction))
      << QStringLiteral("train_idx, val_idx = idx[:n_train], idx[n_train:]")
      << QStringLiteral("x_train, y_train = x[train_idx], y[train_idx]")
      << QStringLiteral("x_val, y_val = x[val_idx], y[val_idx]")
      << QString();
    if (m.type == ModelConfig::Type::Polynomial) {
        s << QString()
          << QStringLiteral("def polynomial_features(x):")
          << pyDocstring(Exports::tr("x, x^2, ..., x^d as running products, exactly as GradLab expands them."), QStringLiteral("    "))
          << QStringLiteral("    columns, power = [], np.ones_like(x)")
          << QStringLiteral("    for _ in range(%1):").arg(m.degree)
          << QStringLiteral("        power = power * x")
          << QStringLiteral("        columns.append(power)")
          << QStringLiteral("    return np.hstack(columns)")
          << QString()
          << QString()
          << QStringLiteral("x_train, x_val = polynomial_features(x_train), polynomial_features(x_val)")
          << QString();
    }
    s << QStringLiteral("x_train_tensor = torch.from_numpy(x_train).to(device=DEVICE, dtype=DTYPE)")
      << QStringLiteral("y_train_tensor = torch.from_numpy(y_train).to(device=DEVICE, dtype=DTYPE)")
      << QStringLiteral("x_val_tensor = torch.from_numpy(x_val).to(device=DEVICE, dtype=DTYPE)")
      << QStringLiteral("y_val_tensor = torch.from_numpy(y_val).to(device=DEVICE, dtype=DTYPE)")
      << QString();

    if (m.type == ModelConfig::Type::ScalarLinear) {
        s << QString()
          << QStringLiteral("class ManualLinearRegression(nn.Module):")
          << QStringLiteral("    def __init__(self):")
          << QStringLiteral("        super().__init__()")
          << pyComment(Exports::tr("To make \"a\" and \"b\" real parameters of the model, we need to wrap them with nn.Parameter"),
                       QStringLiteral("        "))
          << QStringLiteral("        self.a = nn.Parameter(torch.randn(1, requires_grad=True, dtype=DTYPE))")
          << QStringLiteral("        self.b = nn.Parameter(torch.randn(1, requires_grad=True, dtype=DTYPE))")
          << QString()
          << QStringLiteral("    def forward(self, x):")
          << pyComment(Exports::tr("Computes the outputs / predictions"), QStringLiteral("        "))
          << QStringLiteral("        return self.a + self.b * x")
          << QString()
          << QString();
    }
    addModel(s, m, inputs);
    s << pyComment(Exports::tr("The initial values GradLab trained from.")) << QStringLiteral("INITIAL = {");
    for (const auto& [name, p] : model->namedParameters())
        s << QStringLiteral("    %1: %2,").arg(pythonStringLiteral(QString::fromStdString(name)), pyFloats(p.toVector(), 4));
    s << QStringLiteral("}")
      << QStringLiteral("state = model.state_dict()")
      << QStringLiteral("model.load_state_dict({name: torch.tensor(values, dtype=DTYPE).reshape(state[name].shape)")
      << QStringLiteral("                       for name, values in INITIAL.items()})")
      << QStringLiteral("model.to(DEVICE)");
    if (!m.frozen.isEmpty())
        s << QStringLiteral("for name in %1:").arg(pyStrings(m.frozen))
          << QStringLiteral("    dict(model.named_parameters())[name].requires_grad_(False)");
    s << QString()
      << QStringLiteral("loss_fn = %1").arg(lossModule(config.loss))
      << QStringLiteral("trainable = [p for p in model.parameters() if p.requires_grad]")
      << QStringLiteral("optimizer = %1").arg(optimizerCall(config.optimizer))
      << QString()
      << QString()
      << QStringLiteral("def make_train_step(model, loss_fn, optimizer):")
      << QStringLiteral("    def train_step(x, y):")
      << QStringLiteral("        model.train()")
      << QStringLiteral("        yhat = model(x)")
      << QStringLiteral("        loss = loss_fn(y, yhat)")
      << QStringLiteral("        loss.backward()")
      << QStringLiteral("        optimizer.step()")
      << (t.zeroGrad ? QStringList{QStringLiteral("        optimizer.zero_grad()")}
                     : pyComment(Exports::tr("no optimizer.zero_grad(): the gradients add up from step to step"), QStringLiteral("        ")))
      << QStringLiteral("        return loss.item()")
      << QStringLiteral("    return train_step")
      << QString()
      << QString()
      << QStringLiteral("EPOCHS = %1").arg(t.epochs)
      << QStringLiteral("BATCH_SIZE = %1").arg(t.batchSize) + pyInlineComment(Exports::tr("0: the whole training set at once"))
      << QStringLiteral("SHUFFLE = %1").arg(pyBool(t.shuffle))
      << QStringLiteral("BATCH_SEED = %1").arg(t.seed)
      << QString()
      << QString()
      << QStringLiteral("def epoch_batches(n, epoch):")
      << pyDocstring(Exports::tr("GradLab's mini-batches: the rows in order, or permuted by RandomState([seed, epoch])."), QStringLiteral("    "))
      << QStringLiteral("    order = np.arange(n)")
      << QStringLiteral("    if SHUFFLE:")
      << QStringLiteral("        np.random.RandomState([BATCH_SEED, epoch]).shuffle(order)")
      << QStringLiteral("    return [torch.from_numpy(order[i:i + BATCH_SIZE]).to(DEVICE) for i in range(0, n, BATCH_SIZE)]")
      << QString()
      << QString()
      << QStringLiteral("train_step = make_train_step(model, loss_fn, optimizer)")
      << QStringLiteral("full_batch = BATCH_SIZE <= 0 or BATCH_SIZE >= n_train")
      << QStringLiteral("losses = []")
      << QStringLiteral("for epoch in range(EPOCHS):")
      << QStringLiteral("    if full_batch:")
      << QStringLiteral("        losses.append(train_step(x_train_tensor, y_train_tensor))")
      << QStringLiteral("    else:")
      << QStringLiteral("        batch_losses = [train_step(x_train_tensor[b], y_train_tensor[b]) for b in epoch_batches(n_train, epoch)]")
      << QStringLiteral("        losses.append(sum(batch_losses) / len(batch_losses))")
      << QString()
      << QStringLiteral("model.eval()")
      << QStringLiteral("with torch.no_grad():")
      << QStringLiteral("    train_loss = loss_fn(y_train_tensor, model(x_train_tensor)).item()")
      << QStringLiteral("    val_loss = loss_fn(y_val_tensor, model(x_val_tensor)).item()")
      << QStringLiteral("params = {}")
      << QStringLiteral("for name, p in model.named_parameters():")
      << QStringLiteral("    values = p.detach().cpu().double().reshape(-1).tolist()")
      << QStringLiteral("    params[name] = values[0] if len(values) == 1 else values")
      << QStringLiteral("print(json.dumps({\"params\": params, \"train_loss\": train_loss, \"val_loss\": val_loss}))");
    return s.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

bool exportPytorchScript(const Project& project, const QString& path, QString* error)
{
    const QString script = pytorchScript(project, error, path);
    return !script.isEmpty() && writeFileAtomically(path, script.toUtf8(), error);
}

} // namespace gradlab::experiment

#include "project.h"

#include "data/csv_reader.h"
#include "fit/least_squares.h"
#include "fit/loss.h"
#include "messages.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

#include <cmath>

namespace gradlab::experiment {
namespace {

// The translation context of this file's messages.
struct ProjectText {
    Q_DECLARE_TR_FUNCTIONS(ProjectText)
};

QJsonArray numbers(const std::vector<double>& v)
{
    QJsonArray a;
    for (double d : v)
        a.append(std::isfinite(d) ? QJsonValue(d) : QJsonValue(QJsonValue::Null));
    return a;
}

// Named parameter values: a number for a one-value parameter, an array otherwise.
QJsonObject namedValues(const std::vector<ParamSlot>& layout, const std::vector<double>& values)
{
    QJsonObject o;
    std::size_t at = 0;
    for (const ParamSlot& slot : layout) {
        if (slot.size == 1 && at < values.size())
            o.insert(slot.name, values[at]);
        else
            o.insert(slot.name, numbers(std::vector<double>(values.begin() + static_cast<std::ptrdiff_t>(std::min(at, values.size())),
                                                            values.begin() + static_cast<std::ptrdiff_t>(std::min(at + static_cast<std::size_t>(slot.size), values.size())))));
        at += static_cast<std::size_t>(slot.size);
    }
    return o;
}

QJsonObject configBody(const ExperimentConfig& c)
{
    QJsonObject o = toJson(c);
    o.remove(QStringLiteral("format"));
    o.remove(QStringLiteral("version"));
    return o;
}

QJsonObject runJson(const RunRecord& r)
{
    QJsonArray layout;
    for (const ParamSlot& s : r.layout)
        layout.append(QJsonObject{{"name", s.name}, {"size", static_cast<double>(s.size)}});
    QJsonArray epochs, train, val, seconds, params;
    for (const EpochRecord& e : r.history) {
        epochs.append(static_cast<double>(e.epoch));
        train.append(std::isfinite(e.trainLoss) ? QJsonValue(e.trainLoss) : QJsonValue(QJsonValue::Null));
        val.append(std::isfinite(e.valLoss) ? QJsonValue(e.valLoss) : QJsonValue(QJsonValue::Null));
        seconds.append(e.seconds);
        params.append(numbers(e.params));
    }
    QJsonObject o{{"config", configBody(r.config)},
                  {"started", r.started.toUTC().toString(Qt::ISODateWithMs)},
                  {"layout", layout},
                  {"history", QJsonObject{{"epoch", epochs}, {"train_loss", train}, {"val_loss", val}, {"seconds", seconds}, {"params", params}}},
                  {"params", namedValues(r.layout, r.finalParams)},
                  {"epochs", static_cast<double>(r.epochs)},
                  {"seconds", r.seconds},
                  {"diverged", r.diverged},
                  {"message", r.message},
                  {"train_loss", r.trainLoss},
                  {"r2", r.trainR2},
                  {"val_loss", r.valLoss},
                  {"events", QJsonArray::fromStringList(r.events)}};
    if (r.closedForm) {
        QJsonObject cf{{"params", namedValues(r.layout, r.closedForm->params)},
                       {"train_loss", r.closedForm->trainLoss},
                       {"val_loss", r.closedForm->valLoss},
                       {"r2", r.closedForm->r2}};
        if (!r.closedForm->unique()) { // written only when it matters, so other projects keep their bytes
            cf.insert(QStringLiteral("rank"), static_cast<double>(r.closedForm->rank));
            cf.insert(QStringLiteral("columns"), static_cast<double>(r.closedForm->columns));
        }
        o.insert(QStringLiteral("closed_form"), cf);
    } else
        o.insert(QStringLiteral("closed_form"), QJsonValue(QJsonValue::Null));
    return o;
}

// Reads values named by `layout` back into one flat vector.
bool readNamed(const QJsonObject& o, const std::vector<ParamSlot>& layout, std::vector<double>& out, QString* error, const QString& where)
{
    out.clear();
    for (const ParamSlot& slot : layout) {
        const QJsonValue v = o.value(slot.name);
        if (slot.size == 1 && (v.isDouble() || v.isNull())) {
            out.push_back(v.isDouble() ? v.toDouble() : std::nan("")); // null is how NaN is written
            continue;
        }
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != slot.size) {
            *error = where + QLatin1Char('.') + slot.name + ProjectText::tr(": expected %1 number(s)").arg(slot.size);
            return false;
        }
        for (const QJsonValue e : a)
            out.push_back(e.isDouble() ? e.toDouble() : std::nan(""));
    }
    return true;
}

// Largest whole number a double holds exactly (2^53); counts beyond it come only from hand edits.
constexpr double kMaxWhole = 9007199254740992.0;

// A count (epoch, size) as a whole number from `min` to kMaxWhole; a message naming `where` otherwise.
std::optional<qint64> readWhole(const QJsonValue& v, double min, const QString& where, QString* error)
{
    const double d = v.toDouble(std::nan(""));
    if (!(d == std::floor(d) && d >= min && d <= kMaxWhole)) {
        const QString range = ProjectText::tr("%1: expected a whole number from %2 to %3").arg(where).arg(min, 0, 'f', 0).arg(kMaxWhole, 0, 'f', 0);
        *error = v.isDouble() ? ProjectText::tr("%1, got %2").arg(range, QString::number(d, 'g', QLocale::FloatingPointShortest)) : range;
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

// A run's number that may be NaN or infinite, which JSON writes as null: null (or nothing) reads as NaN.
std::optional<double> readNumber(const QJsonValue& v, const QString& where, QString* error)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isNull() || v.isUndefined())
        return std::nan("");
    *error = ProjectText::tr("%1: expected a number or null").arg(where);
    return std::nullopt;
}

std::optional<RunRecord> readRun(const QJsonObject& o, const QString& where, QString* error)
{
    RunRecord r;
    QJsonObject cfg = o.value(QStringLiteral("config")).toObject();
    cfg.insert(QStringLiteral("format"), QString::fromLatin1(kProjectFormat));
    cfg.insert(QStringLiteral("version"), kProjectVersion);
    QString e;
    auto config = experiment::fromJson(cfg, &e);
    if (!config) {
        *error = where + QStringLiteral(".config.") + e;
        return std::nullopt;
    }
    r.config = *config;
    r.started = QDateTime::fromString(o.value(QStringLiteral("started")).toString(), Qt::ISODateWithMs);
    const QJsonArray layout = o.value(QStringLiteral("layout")).toArray();
    qint64 total = 0;
    for (qsizetype i = 0; i < layout.size(); ++i) {
        const QJsonObject s = layout[i].toObject();
        if (!s.value(QStringLiteral("name")).isString() || !s.contains(QStringLiteral("size"))) {
            *error = where + ProjectText::tr(".layout: each entry needs a name and a size");
            return std::nullopt;
        }
        const auto size = readWhole(s.value(QStringLiteral("size")), 1, where + QStringLiteral(".layout[%1].size").arg(i), error);
        if (!size)
            return std::nullopt;
        total += *size;
        if (total > kMaxWhole) {
            *error = where + ProjectText::tr(".layout: the sizes add up to more than %1").arg(kMaxWhole, 0, 'f', 0);
            return std::nullopt;
        }
        r.layout.push_back({s.value(QStringLiteral("name")).toString(), *size});
    }
    // A history of the wrong type is refused, as every other field: read as empty, the next save
    // would drop the run's curves.
    const QJsonValue history = o.value(QStringLiteral("history"));
    if (!history.isUndefined() && !history.isObject()) {
        *error = where + ProjectText::tr(".history: expected an object");
        return std::nullopt;
    }
    const QJsonObject h = history.toObject();
    for (const char* column : {"epoch", "train_loss", "val_loss", "seconds", "params"})
        if (const QJsonValue v = h.value(QLatin1String(column)); !v.isUndefined() && !v.isArray()) {
            *error = where + QStringLiteral(".history.%1").arg(QLatin1String(column)) + ProjectText::tr(": expected an array");
            return std::nullopt;
        }
    const QJsonArray epochs = h.value(QStringLiteral("epoch")).toArray();
    const QJsonArray train = h.value(QStringLiteral("train_loss")).toArray();
    const QJsonArray val = h.value(QStringLiteral("val_loss")).toArray();
    const QJsonArray secs = h.value(QStringLiteral("seconds")).toArray();
    const QJsonArray params = h.value(QStringLiteral("params")).toArray();
    if (train.size() != epochs.size() || val.size() != epochs.size() || secs.size() != epochs.size() || params.size() != epochs.size()) {
        *error = where + ProjectText::tr(".history: its columns have different lengths");
        return std::nullopt;
    }
    for (qsizetype i = 0; i < epochs.size(); ++i) {
        EpochRecord rec;
        const auto epoch = readWhole(epochs[i], 0, where + QStringLiteral(".history.epoch[%1]").arg(i), error);
        if (!epoch)
            return std::nullopt;
        rec.epoch = *epoch;
        rec.trainLoss = train[i].isDouble() ? train[i].toDouble() : std::nan("");
        rec.valLoss = val[i].isDouble() ? val[i].toDouble() : std::nan("");
        rec.seconds = secs[i].isDouble() ? secs[i].toDouble() : std::nan("");
        for (const QJsonValue p : params[i].toArray())
            rec.params.push_back(p.isDouble() ? p.toDouble() : std::nan(""));
        if (static_cast<qint64>(rec.params.size()) != total) {
            *error = where + ProjectText::tr(".history.params[%1]: expected %2 values").arg(i).arg(total);
            return std::nullopt;
        }
        r.history.push_back(std::move(rec));
    }
    if (!readNamed(o.value(QStringLiteral("params")).toObject(), r.layout, r.finalParams, error, where + QStringLiteral(".params")))
        return std::nullopt;
    const auto runEpochs = readWhole(o.value(QStringLiteral("epochs")), 0, where + QStringLiteral(".epochs"), error);
    const auto seconds = runEpochs ? readNumber(o.value(QStringLiteral("seconds")), where + QStringLiteral(".seconds"), error) : std::nullopt;
    const auto trainLoss = seconds ? readNumber(o.value(QStringLiteral("train_loss")), where + QStringLiteral(".train_loss"), error) : std::nullopt;
    const auto valLoss = trainLoss ? readNumber(o.value(QStringLiteral("val_loss")), where + QStringLiteral(".val_loss"), error) : std::nullopt;
    // Absent from projects saved before it was recorded: NaN, as for null.
    const auto trainR2 = valLoss ? readNumber(o.value(QStringLiteral("r2")), where + QStringLiteral(".r2"), error) : std::nullopt;
    if (!trainR2)
        return std::nullopt;
    r.trainR2 = *trainR2;
    r.epochs = *runEpochs;
    r.seconds = *seconds;
    r.trainLoss = *trainLoss;
    r.valLoss = *valLoss;
    r.diverged = o.value(QStringLiteral("diverged")).toBool();
    r.message = o.value(QStringLiteral("message")).toString();
    for (const QJsonValue v : o.value(QStringLiteral("events")).toArray())
        r.events << v.toString();
    const QJsonValue cf = o.value(QStringLiteral("closed_form"));
    if (cf.isObject()) {
        ClosedFormComparison c;
        const QJsonObject co = cf.toObject();
        if (!readNamed(co.value(QStringLiteral("params")).toObject(), r.layout, c.params, error, where + QStringLiteral(".closed_form.params")))
            return std::nullopt;
        const QString at = where + QStringLiteral(".closed_form.");
        const auto cfTrain = readNumber(co.value(QStringLiteral("train_loss")), at + QStringLiteral("train_loss"), error);
        const auto cfVal = cfTrain ? readNumber(co.value(QStringLiteral("val_loss")), at + QStringLiteral("val_loss"), error) : std::nullopt;
        const auto r2 = cfVal ? readNumber(co.value(QStringLiteral("r2")), at + QStringLiteral("r2"), error) : std::nullopt;
        if (!r2)
            return std::nullopt;
        c.trainLoss = *cfTrain;
        c.valLoss = *cfVal;
        c.r2 = *r2;
        if (co.contains(QStringLiteral("rank")) || co.contains(QStringLiteral("columns"))) {
            const auto rank = readWhole(co.value(QStringLiteral("rank")), 0, at + QStringLiteral("rank"), error);
            const auto columns = rank ? readWhole(co.value(QStringLiteral("columns")), 1, at + QStringLiteral("columns"), error)
                                      : std::nullopt;
            if (!columns)
                return std::nullopt;
            c.rank = *rank;
            c.columns = *columns;
        }
        r.closedForm = c;
    }
    return r;
}

data::CsvReadOptions csvOptions(const CsvConfig& c)
{
    data::CsvReadOptions o;
    if (!c.delimiter.isEmpty())
        o.delimiter = c.delimiter.at(0).toLatin1();
    o.hasHeader = c.header;
    o.decimal = decimalSeparator(c.decimal);
    for (const QString& f : c.features)
        o.features.push_back(data::CsvColumn::named(f.toStdString()));
    if (!c.target.isEmpty())
        o.target = data::CsvColumn::named(c.target.toStdString());
    o.missing = c.missing == CsvConfig::Missing::Drop ? data::MissingValues::DropRow : data::MissingValues::Reject;
    return o;
}

// Writes every byte of `bytes` to `file`, opened Unbuffered: a disk that fills up part way takes
// a short write without an error, and only the next write says why ("No space left on device").
bool writeAll(QFileDevice& file, const QByteArray& bytes)
{
    for (qint64 done = 0; done < bytes.size();) {
        const qint64 n = file.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace

bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    // QSaveFile renames a new file over the target, which would replace a FIFO or a device
    // (/dev/null, /dev/stdout) with a regular file: those are written in place. QFileInfo follows
    // symbolic links, and QSaveFile writes a link's target, keeping the link.
    const QFileInfo target(path);
    if (target.exists() && !target.isFile() && !target.isDir()) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || !writeAll(file, bytes) || !file.flush()) {
            *error = ProjectText::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || !writeAll(file, bytes) || !file.flush() || !file.commit()) {
        *error = ProjectText::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool sameFile(const QString& a, const QString& b)
{
    const QFileInfo first(a), second(b);
    if (first.exists() && second.exists())
        return first.canonicalFilePath() == second.canonicalFilePath();
    return QDir::cleanPath(first.absoluteFilePath()) == QDir::cleanPath(second.absoluteFilePath());
}

QString fileSha256(const QString& path, QString* error)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!f.open(QIODevice::ReadOnly) || !hash.addData(&f)) {
        *error = ProjectText::tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

QByteArray Project::toJson() const
{
    QJsonObject root = experiment::toJson(config);
    QJsonArray r;
    for (const RunRecord& run : runs)
        r.append(runJson(run));
    root.insert(QStringLiteral("runs"), r);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString Project::csvAbsolutePath() const
{
    return absoluteCsvPath(config.dataset.csv.path);
}

QString Project::absoluteCsvPath(const QString& p) const
{
    if (p.isEmpty() || QFileInfo(p).isAbsolute())
        return p;
    // A new project's relative path is relative to the working folder, a saved one's to the file.
    if (path_.isEmpty())
        return QFileInfo(p).absoluteFilePath();
    return QDir::cleanPath(QFileInfo(path_).absoluteDir().filePath(p));
}

QString Project::dataFileAt(const QString& path) const
{
    const QFileInfo target(path);
    if (!target.exists())
        return {};
    const QString canonical = target.canonicalFilePath();
    std::vector<QString> csvs;
    if (config.dataset.source == DatasetConfig::Source::Csv)
        csvs.push_back(config.dataset.csv.path);
    for (const RunRecord& run : runs)
        if (run.config.dataset.source == DatasetConfig::Source::Csv)
            csvs.push_back(run.config.dataset.csv.path);
    for (const QString& csv : csvs) {
        const QString file = absoluteCsvPath(csv);
        if (!file.isEmpty() && QFileInfo(file).canonicalFilePath() == canonical)
            return file;
    }
    return {};
}

bool Project::save(const QString& path, QString* error)
{
    if (const QString data = dataFileAt(path); !data.isEmpty()) {
        *error = ProjectText::tr("%1 is the data file this project reads: saving the project there would overwrite the data. "
                                 "Choose another name, such as %2.")
                     .arg(QDir::toNativeSeparators(data),
                          QDir::toNativeSeparators(QFileInfo(data).path() + QLatin1Char('/') + QFileInfo(data).completeBaseName()
                                                   + QStringLiteral(".gradlab")));
        return false;
    }
    // Every CSV path, the project's and each run's, is rewritten relative to the new file.
    Project copy = *this;
    // A small CSV travels in the project too (the file still comes first when it is there); a
    // copy of a file that has grown too large is dropped rather than kept stale.
    CsvConfig& csv = copy.config.dataset.csv;
    if (copy.config.dataset.source == DatasetConfig::Source::Csv && !csv.path.isEmpty() && QFileInfo(csvAbsolutePath()).isFile()) {
        QString ignored; // a file that cannot be read now is reported when its data is loaded
        // Otherwise the copy already there stays only if it is the data the project's hash describes.
        if ((csv.rows < 1 || csv.rows > kMaxEmbeddedRows || !copy.embedCsv(&ignored))
            && QString::fromLatin1(QCryptographicHash::hash(csv.embedded.toUtf8(), QCryptographicHash::Sha256).toHex()) != csv.sha256)
            csv.embedded.clear();
    }
    const QDir folder = QFileInfo(path).absoluteDir();
    const auto rebase = [&](QString& csvPath) {
        const QString csv = absoluteCsvPath(csvPath);
        if (!csv.isEmpty())
            csvPath = folder.relativeFilePath(csv);
    };
    rebase(copy.config.dataset.csv.path);
    for (RunRecord& run : copy.runs)
        rebase(run.config.dataset.csv.path);
    const QByteArray bytes = copy.toJson();
    if (!writeFileAtomically(path, bytes, error))
        return false;
    diskSha256_ = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    config.dataset.csv.path = copy.config.dataset.csv.path;
    config.dataset.csv.embedded = copy.config.dataset.csv.embedded;
    for (std::size_t i = 0; i < runs.size(); ++i)
        runs[i].config.dataset.csv.path = copy.runs[i].config.dataset.csv.path;
    path_ = QFileInfo(path).absoluteFilePath();
    return true;
}

std::optional<Project> Project::fromJson(const QByteArray& bytes, const QString& path, QString* error)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = ProjectText::tr("%1 is not a GradLab project: not valid JSON at byte %2 (%3)")
                     .arg(QDir::toNativeSeparators(path))
                     .arg(pe.offset)
                     .arg(pe.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = ProjectText::tr("%1 is not a GradLab project: the JSON is not an object").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    QString e;
    auto config = experiment::fromJson(root, &e);
    if (!config) {
        *error = e;
        return std::nullopt;
    }
    Project p;
    p.config = *config;
    p.path_ = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    const QJsonValue runs = root.value(QStringLiteral("runs"));
    if (!runs.isUndefined() && !runs.isArray()) {
        *error = ProjectText::tr("runs: expected an array");
        return std::nullopt;
    }
    const QJsonArray list = runs.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list[i].isObject()) {
            *error = ProjectText::tr("runs[%1]: expected an object").arg(i);
            return std::nullopt;
        }
        auto run = readRun(list[i].toObject(), QStringLiteral("runs[%1]").arg(i), error);
        if (!run)
            return std::nullopt;
        p.runs.push_back(std::move(*run));
    }
    return p;
}

std::optional<Project> Project::load(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = ProjectText::tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = f.readAll();
    auto project = fromJson(bytes, path, error);
    if (project)
        project->diskSha256_ = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    return project;
}

bool Project::changedOnDisk() const
{
    if (path_.isEmpty() || diskSha256_.isEmpty() || !QFileInfo(path_).isFile())
        return false;
    QFile f(path_);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return hash.result() != diskSha256_;
}

bool Project::usesEmbeddedCsv() const
{
    const CsvConfig& csv = config.dataset.csv;
    if (csv.embedded.isEmpty())
        return false;
    const QString file = csvAbsolutePath();
    return file.isEmpty() || !QFileInfo(file).isFile();
}

bool droppable(data::CsvErrorCode code)
{
    return code == data::CsvErrorCode::MissingValue || code == data::CsvErrorCode::NotFinite;
}

std::optional<ExperimentData> Project::loadData(QString* error, const data::CsvProgress& progress, bool* droppableError)
{
    if (droppableError)
        *droppableError = false;
    if (config.dataset.source == DatasetConfig::Source::Generated)
        return loadExperimentData(config, error, progress);
    CsvConfig& csv = config.dataset.csv;
    // Without a feature the reader would take every other column, text ones too, and blame one of
    // them: say what is really missing.
    if (csv.features.isEmpty() && (!csv.path.isEmpty() || !csv.embedded.isEmpty())) {
        *error = ProjectText::tr("No feature column is chosen");
        return std::nullopt;
    }
    QStringList fileWarnings, warnings;
    data::CsvResult<data::CsvData> read = data::CsvError{};
    if (usesEmbeddedCsv()) {
        if (!csv.path.isEmpty())
            fileWarnings << ProjectText::tr("%1 was not found: the copy of its data saved in the project is used")
                            .arg(QDir::toNativeSeparators(csvAbsolutePath()));
        const QByteArray text = csv.embedded.toUtf8();
        read = data::readCsvText(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), csvOptions(csv));
    } else {
        const QString file = csvAbsolutePath();
        if (file.isEmpty()) {
            *error = ProjectText::tr("No CSV file is chosen");
            return std::nullopt;
        }
        if (!QFileInfo::exists(file)) {
            *error = ProjectText::tr("The project's CSV file %1 does not exist").arg(QDir::toNativeSeparators(file));
            return std::nullopt;
        }
        data::CsvReadOptions options = csvOptions(csv);
        options.progress = progress;
        read = data::readCsvFile(file.toStdString(), options);
        // Hashed once read: the reader refuses what is not a file it can read (a pipe, /dev/zero)
        // before anything reads it to its end.
        if (read) {
            QString hashError;
            const QString sha = fileSha256(file, &hashError);
            if (sha.isEmpty()) {
                *error = hashError;
                return std::nullopt;
            }
            if (!csv.sha256.isEmpty() && sha != csv.sha256)
                fileWarnings << ProjectText::tr("%1 has changed since the project was saved; the new data is used").arg(QDir::toNativeSeparators(file));
            csv.sha256 = sha;
        }
    }
    if (!read) {
        *error = translated(read.error().text);
        if (droppableError)
            *droppableError = droppable(read.error().code);
        return std::nullopt;
    }
    for (const data::Message& w : read.value().warnings)
        warnings << translated(w);
    csv.rows = read.value().dataset.rows();
    auto d = splitData(std::move(read.value().dataset), config.dataset.split, error);
    if (d) {
        d->warnings = fileWarnings + warnings;
        d->fileWarnings = fileWarnings;
    }
    return d;
}

bool Project::embedCsv(QString* error)
{
    const QString file = csvAbsolutePath();
    // Far more bytes than kMaxEmbeddedRows rows of numbers take: a file that has grown is not read
    // (in full, on the caller's thread) only to be refused.
    constexpr qint64 kMaxEmbeddedBytes = 64 * 1024 * 1024;
    if (QFileInfo(file).size() > kMaxEmbeddedBytes) {
        *error = ProjectText::tr("%1 is too large to be embedded in a project").arg(QDir::toNativeSeparators(file));
        return false;
    }
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = ProjectText::tr("Could not open %1: %2").arg(QDir::toNativeSeparators(file), f.errorString());
        return false;
    }
    const QByteArray text = f.readAll();
    // The copy must be the data the project's hash (and its runs) describe, not a file rewritten
    // since it was loaded.
    const QString& loaded = config.dataset.csv.sha256;
    if (!loaded.isEmpty() && QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex()) != loaded) {
        *error = ProjectText::tr("%1 has changed since its data was loaded; load it again to embed it").arg(QDir::toNativeSeparators(file));
        return false;
    }
    auto read = data::readCsvText(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), csvOptions(config.dataset.csv));
    if (!read) {
        *error = translated(read.error().text);
        return false;
    }
    if (read.value().dataset.rows() > kMaxEmbeddedRows) {
        *error = ProjectText::tr("%1 has %2 rows; only files of at most %3 rows can be embedded in a project")
                     .arg(QDir::toNativeSeparators(file))
                     .arg(read.value().dataset.rows())
                     .arg(kMaxEmbeddedRows);
        return false;
    }
    config.dataset.csv.embedded = QString::fromUtf8(text);
    return true;
}

void addLeastSquaresReport(ClosedFormComparison& closedForm, const data::Dataset& fitted, std::int64_t maxQQPoints)
{
    if (!closedForm.fit)
        return;
    const fit::DataView rows = fit::view(fitted);
    if (!closedForm.fit->sandwich) {
        try {
            auto withSandwich = std::make_shared<fit::FitResult>(*closedForm.fit);
            fit::computeSandwich(*withSandwich, rows);
            closedForm.fit = std::move(withSandwich);
        } catch (const std::exception& e) {
            closedForm.sandwichWhyNot = translated(e);
        }
    }
    try {
        closedForm.qq = std::make_shared<const fit::NormalQQ>(fit::normalQQ(*closedForm.fit, rows, maxQQPoints));
    } catch (const std::exception& e) {
        closedForm.qqWhyNot = translated(e);
    }
}

std::optional<ClosedFormComparison> leastSquaresOn(const ExperimentConfig& config, const data::Dataset& rows, QString* whyNot, bool shuffled)
{
    const ModelConfig& m = config.model;
    if (m.type == ModelConfig::Type::Mlp) {
        if (whyNot)
            *whyNot = ProjectText::tr("An MLP has no closed-form solution: the least-squares fit is for the linear and polynomial models.");
        return std::nullopt;
    }
    if (m.type == ModelConfig::Type::ScalarLinear && rows.features() != 1) {
        if (whyNot)
            *whyNot = ProjectText::tr("The a + b·x model takes one feature; this dataset has %1.").arg(rows.features());
        return std::nullopt;
    }
    try {
        fit::FitOptions options;
        options.degree = m.type == ModelConfig::Type::Polynomial ? m.degree : 1;
        options.keepResiduals = false;
        auto f = std::make_shared<fit::FitResult>(fit::fitLeastSquares(fit::view(rows), options));
        if (shuffled && !f->diagnostics.residualsUndefined) {
            f->diagnostics.durbinWatson = fit::Diagnostics::kNaN;
            f->diagnostics.durbinWatsonUndefined = fit::fitMessage(
                QT_TRANSLATE_NOOP("gradlab::fit", "the training rows are in the split's shuffled order, where it says nothing of serial "
                                                  "correlation; choose All rows for the file's order"));
        }
        ClosedFormComparison c;
        // The fit's order is intercept, then the slopes; a scalar model's is (a, b), a linear or
        // polynomial layer's is (weight…, bias).
        const std::size_t slopes = f->coefficients.size() - 1;
        c.paramIndex.resize(f->coefficients.size());
        for (std::size_t i = 0; i < f->coefficients.size(); ++i)
            c.paramIndex[i] = m.type == ModelConfig::Type::ScalarLinear ? i : (i == 0 ? slopes : i - 1);
        c.params.assign(f->coefficients.size(), 0.0);
        for (std::size_t i = 0; i < f->coefficients.size(); ++i)
            c.params[c.paramIndex[i]] = f->coefficients[i].estimate;
        c.rank = f->rank;
        c.columns = static_cast<std::int64_t>(f->coefficients.size());
        c.warnings = translated(f->warnings);
        c.r2 = f->rSquared;
        c.fit = std::move(f);
        return c;
    } catch (const std::exception& e) {
        // No closed form for this data (for example fewer rows than coefficients): none shown.
        if (whyNot)
            *whyNot = translated(e);
        return std::nullopt;
    }
}

std::optional<ClosedFormComparison> closedFormFor(const ExperimentConfig& config, const ExperimentData& data, QString* whyNot)
{
    std::optional<ClosedFormComparison> c = leastSquaresOn(config, data.train, whyNot, config.dataset.split.shuffle);
    if (!c)
        return c;
    try {
        const fit::FitResult& f = *c->fit;
        const LossConfig& l = config.loss;
        fit::LossSpec spec;
        spec.kind = l.type == LossConfig::Type::Mse ? fit::LossKind::MSE
                    : l.type == LossConfig::Type::L1 ? fit::LossKind::L1
                    : l.type == LossConfig::Type::Huber ? fit::LossKind::Huber
                                                          : fit::LossKind::SmoothL1;
        spec.reduction = l.reduction == LossConfig::Reduction::Mean ? fit::Reduction::Mean : fit::Reduction::Sum;
        spec.parameter = l.type == LossConfig::Type::Huber ? l.delta : l.beta;
        c->trainLoss = fit::loss(f, fit::view(data.train), spec);
        c->valLoss = fit::loss(f, fit::view(data.val), spec);
        return c;
    } catch (const std::exception& e) {
        if (whyNot)
            *whyNot = translated(e);
        return std::nullopt;
    }
}

RunRecord recordRun(Trainer& trainer, const std::vector<EpochRecord>& history, const ExperimentData& data,
                    const QDateTime& started, double seconds)
{
    RunRecord r;
    r.config = trainer.config();
    r.started = started;
    for (const auto& [name, p] : trainer.model().namedParameters())
        r.layout.push_back({QString::fromStdString(name), p.numel()});
    r.history = history;
    r.finalParams = trainer.parameterValues();
    r.epochs = trainer.epoch();
    r.seconds = seconds;
    r.diverged = trainer.diverged();
    r.message = trainer.message();
    r.trainLoss = trainer.evaluate(false);
    r.trainR2 = trainer.rSquared();
    r.valLoss = trainer.evaluate(true);

    r.closedForm = closedFormFor(r.config, data);
    return r;
}

} // namespace gradlab::experiment

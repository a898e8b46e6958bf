#include "cli.h"

#include "data/csv_reader.h"
#include "data/csv_writer.h"
#include "data/synthetic.h"
#include "engine/backend.h"
#include "engine/graph.h"
#include "experiment/exports.h"
#include "experiment/graph_inspection.h"
#include "experiment/history.h"
#include "experiment/messages.h"
#include "experiment/model_factory.h"
#include "experiment/project.h"
#include "fit/least_squares.h"
#include "widgets/display_names.h"
#include "widgets/graph_view.h"
#include "widgets/plot_export.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <new>
#include <unistd.h>

namespace gradlab::cli {
namespace {

// The translation context of this file's messages.
struct CliText {
    Q_DECLARE_TR_FUNCTIONS(CliText)
};

// A usage or input problem: exit status 2 with one line on stderr.
struct Failure {
    QString message;
    int status = BadInput;
};

// Options of one command: --name value, --name=value, flags, and positionals.
class Args {
public:
    // Every command also takes --help and -h.
    Args(const QStringList& args, const QStringList& valued, QStringList flags)
    {
        flags << QStringLiteral("--help") << QStringLiteral("-h");
        for (qsizetype i = 0; i < args.size(); ++i) {
            QString a = args[i];
            if (!a.startsWith(QLatin1String("-")) || a == QLatin1String("-")) {
                positionals_ << a;
                continue;
            }
            QString value;
            const qsizetype eq = a.indexOf(QLatin1Char('='));
            const bool inlineValue = a.startsWith(QLatin1String("--")) && eq > 0;
            if (inlineValue) {
                value = a.mid(eq + 1);
                a = a.left(eq);
            }
            if (flags.contains(a)) {
                if (inlineValue)
                    throw Failure{CliText::tr("%1 takes no value").arg(a)};
                values_[a] << QString();
            } else if (valued.contains(a)) {
                if (!inlineValue) {
                    if (i + 1 >= args.size())
                        throw Failure{CliText::tr("%1 needs a value").arg(a)};
                    value = args[++i];
                }
                values_[a] << value;
            } else {
                throw Failure{CliText::tr("unknown option %1").arg(a)};
            }
        }
    }
    bool has(const QString& o) const { return values_.count(o) != 0; }
    bool helpAsked() const { return has(QStringLiteral("--help")) || has(QStringLiteral("-h")); }
    QString value(const QString& o, const QString& fallback = {}) const
    {
        const auto it = values_.find(o);
        return it == values_.end() ? fallback : it->second.last();
    }
    QStringList values(const QString& o) const
    {
        const auto it = values_.find(o);
        return it == values_.end() ? QStringList{} : it->second;
    }
    const QStringList& positionals() const { return positionals_; }
    double number(const QString& o, double fallback) const
    {
        if (!has(o))
            return fallback;
        bool ok = false;
        const double v = value(o).toDouble(&ok);
        if (!ok || !std::isfinite(v))
            throw Failure{CliText::tr("%1: expected a number, got \"%2\"").arg(o, value(o))};
        return v;
    }
    // Checked against [lowest, highest] as a 64-bit value, so that a caller may narrow it safely.
    qint64 integer(const QString& o, qint64 fallback, qint64 lowest = std::numeric_limits<qint64>::min(),
                   qint64 highest = std::numeric_limits<qint64>::max()) const
    {
        if (!has(o))
            return fallback;
        bool ok = false;
        const qint64 v = value(o).toLongLong(&ok);
        if (!ok)
            throw Failure{CliText::tr("%1: expected a whole number, got \"%2\"").arg(o, value(o))};
        if (v < lowest || v > highest)
            throw Failure{CliText::tr("%1: expected %2 to %3, got %4").arg(o).arg(lowest).arg(highest).arg(value(o))};
        return v;
    }

private:
    std::map<QString, QStringList> values_;
    QStringList positionals_;
};

// What an exception says, in words where the library's own text is a type name.
QString messageOf(const std::exception& e)
{
    if (dynamic_cast<const std::bad_alloc*>(&e))
        return CliText::tr("out of memory: there is not enough memory on the CPU for this command");
    return experiment::translated(e);
}

QJsonValue jsonNumber(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }

QJsonObject namedParams(const std::vector<experiment::ParamSlot>& layout, const std::vector<double>& values)
{
    QJsonObject o;
    std::size_t at = 0;
    for (const auto& slot : layout) {
        if (slot.size == 1) {
            o.insert(slot.name, jsonNumber(values[at]));
        } else {
            QJsonArray a;
            for (qint64 i = 0; i < slot.size; ++i)
                a.append(jsonNumber(values[at + static_cast<std::size_t>(i)]));
            o.insert(slot.name, a);
        }
        at += static_cast<std::size_t>(slot.size);
    }
    return o;
}

// The project named on the command line, or the tutorial's experiment.
experiment::Project loadProject(const Args& a, bool allowNone)
{
    const bool example = a.has(QStringLiteral("--example"));
    if (example && a.value(QStringLiteral("--example")) != QLatin1String("tutorial"))
        throw Failure{CliText::tr("unknown example \"%1\" (there is: tutorial)").arg(a.value(QStringLiteral("--example")))};
    if (a.positionals().size() > 1)
        throw Failure{CliText::tr("one project at a time, got: %1").arg(a.positionals().join(QLatin1Char(' ')))};
    if (!a.positionals().isEmpty() && example)
        throw Failure{CliText::tr("give either a project or --example tutorial, not both")};
    if (a.positionals().isEmpty()) {
        if (!example && !allowNone)
            throw Failure{CliText::tr("no project given (name a .gradlab file, or use --example tutorial)")};
        return {};
    }
    QString error;
    auto p = experiment::Project::load(a.positionals().first(), &error);
    if (!p)
        throw Failure{error};
    return *p;
}

void applySettings(experiment::Project& p, const Args& a)
{
    for (const QString& s : a.values(QStringLiteral("--set"))) {
        const qsizetype eq = s.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw Failure{CliText::tr("--set expects KEY=VALUE, got \"%1\"").arg(s)};
        QString error;
        if (!experiment::applySetting(p.config, s.left(eq), s.mid(eq + 1), &error))
            throw Failure{CliText::tr("--set %1: %2").arg(s, error)};
        // A file named on the command line is where the shell is, not beside the project.
        QString& csv = p.config.dataset.csv.path;
        if (s.left(eq).trimmed() == QLatin1String("dataset.csv.path") && !csv.isEmpty() && QFileInfo(csv).isRelative())
            csv = QFileInfo(csv).absoluteFilePath();
    }
    if (a.has(QStringLiteral("--epochs"))) {
        // Read here, to say what was typed and the range that can run (a project may hold 0).
        const qint64 epochs = a.integer(QStringLiteral("--epochs"), 0, 1, 1'000'000'000'000);
        QString error;
        if (!experiment::applySetting(p.config, QStringLiteral("training.epochs"), QString::number(epochs), &error))
            throw Failure{CliText::tr("--epochs: %1").arg(error)};
    }
    if (a.has(QStringLiteral("--device"))) {
        QString error;
        const QString d = a.value(QStringLiteral("--device"));
        if (!experiment::applySetting(p.config, QStringLiteral("training.device"), QStringLiteral("\"%1\"").arg(d), &error))
            throw Failure{CliText::tr("--device: %1").arg(error)};
    }
    QStringList problems;
    for (const experiment::ConfigProblem& problem : experiment::configProblems(p.config))
        problems << CliText::tr("%1: %2").arg(problem.key, problem.message);
    if (!problems.isEmpty())
        throw Failure{problems.join(QStringLiteral("; "))};
}

// Why `train` could not write `path` (its folder, a folder in its place, the data it reads), or
// empty: said before the training, not after it. A device or FIFO is written in place.
QString outputProblem(const QString& path, const experiment::Project& p)
{
    const QFileInfo target(path);
    if (target.isDir())
        return CliText::tr("%1 is a folder: name a file in it").arg(path);
    if (!p.dataFileAt(path).isEmpty())
        return CliText::tr("%1 is the data file this experiment reads: writing there would overwrite the data; choose another name")
            .arg(path);
    if (target.exists() && !target.isFile())
        return {};
    const QString folder = target.absolutePath();
    if (!QFileInfo(folder).isDir())
        return CliText::tr("the folder %1 does not exist").arg(folder);
    if (target.exists() && !target.isWritable())
        return CliText::tr("%1 is not writable").arg(path);
    // The save writes a new file beside the target first: try that, as the user it runs as.
    QTemporaryFile probe(folder + QStringLiteral("/.gradlab-cli-XXXXXX"));
    if (!probe.open())
        return CliText::tr("cannot create a file in the folder %1: %2").arg(folder, probe.errorString());
    return {};
}

void progressBar(qint64 epoch, qint64 total, double loss)
{
    const int width = 30;
    const int filled = static_cast<int>(width * epoch / std::max<qint64>(total, 1));
    std::fprintf(stderr, "\r[%s%s] %lld/%lld  loss %.6g", QByteArray(filled, '#').constData(),
                 QByteArray(width - filled, '.').constData(), static_cast<long long>(epoch), static_cast<long long>(total), loss);
    std::fflush(stderr);
}

// Ctrl+C during `train`: the run stops after its epoch and is printed, saved and exported as a
// stopped run. The handler puts the default back, so that a second Ctrl+C ends the program.
std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int)
{
    interrupted = true;
    std::signal(SIGINT, SIG_DFL);
}

// Catches SIGINT while it lives, from before the data is read to the end of training.
struct InterruptGuard {
    InterruptGuard()
    {
        interrupted = false;
        std::signal(SIGINT, onInterrupt);
    }
    ~InterruptGuard() { std::signal(SIGINT, SIG_DFL); }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
};

int train(const Args& a, QTextStream& out, QTextStream& err)
{
    if (a.has(QStringLiteral("--linear-loss")) && !a.has(QStringLiteral("--export-loss-plot")))
        throw Failure{CliText::tr("--linear-loss goes with --export-loss-plot F")};
    // A plot name that cannot be written is said before the training, not after it.
    for (const QString& option : {QStringLiteral("--export-plot"), QStringLiteral("--export-loss-plot")}) {
        QString why;
        if (a.has(option) && !widgets::plotPathIsWritable(a.value(option), &why))
            throw Failure{CliText::tr("%1: %2").arg(option, why)};
    }
    experiment::Project p = loadProject(a, false);
    applySettings(p, a);
    // Each output its own file, and an export never over the project being trained (only --save
    // writes a project).
    std::vector<std::pair<QString, QString>> outputs;
    for (const QString& option : {QStringLiteral("--save"), QStringLiteral("--export-params"), QStringLiteral("--export-history"),
                                  QStringLiteral("--export-plot"), QStringLiteral("--export-loss-plot")}) {
        if (!a.has(option))
            continue;
        const QString path = a.value(option);
        if (const QString why = outputProblem(path, p); !why.isEmpty())
            throw Failure{CliText::tr("%1: %2").arg(option, why)};
        if (option != QLatin1String("--save") && !p.filePath().isEmpty() && experiment::sameFile(path, p.filePath()))
            throw Failure{CliText::tr("%1: %2 is the project being trained: writing there would replace it; choose another name")
                              .arg(option, path)};
        for (const auto& [other, file] : outputs)
            if (experiment::sameFile(file, path))
                throw Failure{CliText::tr("%1 and %2 name the same file, %3: give each its own").arg(other, option, path)};
        outputs.emplace_back(option, path);
    }
    // --save over another project would drop its saved runs without a word (QA v14): only when told.
    if (a.has(QStringLiteral("--replace")) && !a.has(QStringLiteral("--save")))
        throw Failure{CliText::tr("--replace goes with --save PROJECT")};
    if (a.has(QStringLiteral("--save")) && !a.has(QStringLiteral("--replace"))) {
        const QString path = a.value(QStringLiteral("--save"));
        if (QFileInfo(path).isFile() && (p.filePath().isEmpty() || !experiment::sameFile(path, p.filePath()))) {
            QString notAProject;
            if (const auto other = experiment::Project::load(path, &notAProject))
                throw Failure{CliText::tr("--save: %1 is another project; saving would replace it and its saved runs (%2). Train that "
                                          "project to add a run to it, choose another name, or add --replace")
                                  .arg(path)
                                  .arg(other->runs.size())};
            // Notes, results, a damaged project: nothing a run's save should take the place of unasked.
            throw Failure{CliText::tr("--save: %1 exists and is not a project GradLab can read (%2); saving would replace it. Choose "
                                      "another name, or add --replace")
                              .arg(path, notAProject)};
        }
    }
    QString error;
    bool droppable = false;
    auto guard = std::make_unique<InterruptGuard>();
    auto data = p.loadData(&error, [](std::uint64_t, std::uint64_t) { return !interrupted; }, &droppable);
    if (!data && interrupted) {
        err << CliText::tr("interrupted while reading the data: nothing was trained") << Qt::endl;
        return Interrupted;
    }
    if (!data)
        throw Failure{droppable ? CliText::tr("%1 (--set dataset.csv.missing=drop)").arg(error) : error};
    for (const QString& w : data->warnings)
        err << CliText::tr("warning: %1").arg(w) << Qt::endl;

    std::unique_ptr<experiment::Trainer> trainer;
    try {
        trainer = std::make_unique<experiment::Trainer>(p.config, data->train, data->val);
    } catch (const std::exception& e) {
        throw Failure{messageOf(e)};
    }
    const bool bar = isatty(STDERR_FILENO) != 0;
    const qint64 total = p.config.training.epochs;
    experiment::History history;
    QElapsedTimer timer, redraw;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    timer.start();
    redraw.start();
    try {
        const auto query = [] { return interrupted ? experiment::Trainer::Control::Stop : experiment::Trainer::Control::Continue; };
        trainer->run(query, [&](const experiment::EpochRecord& r) {
            history.add(r);
            if (bar && (redraw.elapsed() > 100 || r.epoch == total)) {
                progressBar(r.epoch, total, r.trainLoss);
                redraw.restart();
            }
        });
    } catch (const std::exception& e) {
        throw Failure{CliText::tr("training failed: %1").arg(messageOf(e))};
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    guard.reset();
    if (bar)
        std::fprintf(stderr, "\n");
    if (interrupted)
        err << CliText::tr("interrupted: training stopped after epoch %1 of %2; the run so far is printed, saved and exported")
                   .arg(trainer->epoch())
                   .arg(total)
            << Qt::endl;
    p.runs.push_back(experiment::recordRun(*trainer, history.records(), *data, started, seconds));
    const experiment::RunRecord& run = p.runs.back();

    if (a.has(QStringLiteral("--json"))) {
        QJsonObject o{{"params", namedParams(run.layout, run.finalParams)},
                      {"train_loss", jsonNumber(run.trainLoss)},
                      {"val_loss", jsonNumber(run.valLoss)},
                      {"epochs", static_cast<double>(run.epochs)},
                      {"seconds", seconds},
                      {"diverged", run.diverged}};
        if (run.closedForm)
            o.insert(QStringLiteral("closed_form"), QJsonObject{{"params", namedParams(run.layout, run.closedForm->params)},
                                                                {"train_loss", run.closedForm->trainLoss},
                                                                {"val_loss", run.closedForm->valLoss},
                                                                {"r2", run.closedForm->r2},
                                                                {"rank", static_cast<double>(run.closedForm->rank)},
                                                                {"unique", run.closedForm->unique()}});
        else
            o.insert(QStringLiteral("closed_form"), QJsonValue(QJsonValue::Null));
        out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        out << CliText::tr("Trained %1 epochs in %2 s").arg(run.epochs).arg(seconds, 0, 'f', 3) << Qt::endl;
        std::size_t at = 0;
        for (const auto& slot : run.layout) {
            for (qint64 i = 0; i < slot.size; ++i, ++at) {
                const QString name = slot.size == 1 ? slot.name : QStringLiteral("%1[%2]").arg(slot.name).arg(i);
                out << QStringLiteral("  %1 = %2").arg(name, -12).arg(run.finalParams[at], 0, 'g', 10);
                if (run.closedForm)
                    out << CliText::tr("   closed form %1").arg(run.closedForm->params[at], 0, 'g', 10);
                out << Qt::endl;
            }
        }
        out << CliText::tr("  train loss %1, validation loss %2").arg(run.trainLoss, 0, 'g', 8).arg(run.valLoss, 0, 'g', 8) << Qt::endl;
        if (run.closedForm)
            out << CliText::tr("  closed form: train loss %1, validation loss %2, R² %3")
                       .arg(run.closedForm->trainLoss, 0, 'g', 8)
                       .arg(run.closedForm->valLoss, 0, 'g', 8)
                       .arg(run.closedForm->r2, 0, 'g', 8)
                << Qt::endl;
    }
    // As `fit` says: a closed form that is not unique, or poorly determined, is no target to reach.
    if (run.closedForm)
        for (const QString& w : run.closedForm->warnings)
            err << CliText::tr("warning: the closed form: %1").arg(w) << Qt::endl;
    // The project first: an export that fails must not cost the run.
    if (a.has(QStringLiteral("--save"))) {
        if (!p.save(a.value(QStringLiteral("--save")), &error))
            throw Failure{error};
    }
    // Exports by extension; the parameters as JSON or CSV.
    if (a.has(QStringLiteral("--export-params"))) {
        const QString f = a.value(QStringLiteral("--export-params"));
        const bool ok = f.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? experiment::exportParametersCsv(run, f, &error)
                                                                               : experiment::exportParametersJson(run, f, &error);
        if (!ok)
            throw Failure{error};
    }
    if (a.has(QStringLiteral("--export-history")) && !experiment::exportHistoryCsv(run, a.value(QStringLiteral("--export-history")), &error))
        throw Failure{error};
    if (a.has(QStringLiteral("--export-plot"))) {
        const QString f = a.value(QStringLiteral("--export-plot"));
        // The data with the fitted and closed-form lines where the model reads one feature,
        // the predictions against the observed targets otherwise.
        if (!widgets::exportFitPlot(*data, run, f, &error))
            throw Failure{error};
    }
    // A log scale by default, as the window's loss plot: on a linear one the slow tail of a
    // long run lies flat on zero.
    if (a.has(QStringLiteral("--export-loss-plot"))
        && !widgets::exportLossPlot({run}, a.value(QStringLiteral("--export-loss-plot")), !a.has(QStringLiteral("--linear-loss")), &error))
        throw Failure{error};
    if (run.diverged) {
        err << run.message << Qt::endl;
        return Diverged;
    }
    return interrupted ? Interrupted : Ok;
}

// How many columns `text` takes on a terminal: East Asian wide and fullwidth characters (CJK,
// Hangul, fullwidth forms, emoji) take two, combining marks none. Qt has no such query, and
// wcwidth() needs a UTF-8 locale that a plain "C" environment lacks.
int displayWidth(const QString& text)
{
    static constexpr std::pair<char32_t, char32_t> kWide[]{
        {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x2E80, 0x303E},
        {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},
        {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
        {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };
    int width = 0;
    for (const char32_t c : text.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing || c == 0x200B)
            continue;
        const bool wide = std::any_of(std::begin(kWide), std::end(kWide), [c](const auto& r) { return c >= r.first && c <= r.second; });
        width += wide ? 2 : 1;
    }
    return width;
}

// `text` padded with spaces to `width` terminal columns, on the left for a positive width and on
// the right for a negative one, as QString::arg() pads characters.
// A statistic as the text output shows it: "—" where it is undefined (NaN, or infinite), as in the
// window and the README; --json keeps the values (null for NaN).
QString orDash(double v, int digits)
{
    return std::isfinite(v) ? QString::number(v, 'g', digits) : QStringLiteral("—");
}

QString padded(const QString& text, int width)
{
    const int pad = std::max(0, std::abs(width) - displayWidth(text));
    return width < 0 ? text + QString(pad, QLatin1Char(' ')) : QString(pad, QLatin1Char(' ')) + text;
}

// The column `typed` names: the one of that name, or else the one the table shows so (a name with
// a newline in it as "x\ny"), which is what a user copies from it.
data::CsvColumn columnNamed(const QString& typed, const std::vector<std::string>& names)
{
    const std::string exact = typed.toStdString();
    if (std::find(names.begin(), names.end(), exact) == names.end())
        for (const std::string& name : names)
            if (widgets::oneLineName(name) == typed)
                return data::CsvColumn::named(name);
    return data::CsvColumn::named(exact);
}

int fitCommand(const Args& a, QTextStream& out, QTextStream& err)
{
    if (a.positionals().size() != 1)
        throw Failure{CliText::tr("fit needs one CSV file")};
    data::CsvReadOptions options;
    const QString missing = a.value(QStringLiteral("--missing"), QStringLiteral("error"));
    if (missing == QLatin1String("drop"))
        options.missing = data::MissingValues::DropRow;
    else if (missing != QLatin1String("error"))
        throw Failure{CliText::tr("--missing: expected error or drop, got \"%1\"").arg(missing)};
    // As the project's dataset.csv.delimiter: one character, "\t" as JSON writes a tab, or empty to
    // detect; "tab" too, which a shell passes more easily.
    const QString delimiter = a.value(QStringLiteral("--delimiter"));
    if (delimiter == QLatin1String("tab") || delimiter == QLatin1String("\\t"))
        options.delimiter = '\t';
    else if (delimiter.size() == 1 && delimiter.at(0).unicode() < 0x80)
        options.delimiter = delimiter.at(0).toLatin1();
    else if (a.has(QStringLiteral("--delimiter")))
        throw Failure{CliText::tr("--delimiter: expected one character or tab, got \"%1\"").arg(delimiter)};
    const QString decimal = a.value(QStringLiteral("--decimal"), QStringLiteral("auto"));
    if (decimal == QLatin1String(".") || decimal == QLatin1String(","))
        options.decimal = decimal.at(0).toLatin1();
    else if (decimal != QLatin1String("auto"))
        throw Failure{CliText::tr("--decimal: expected auto, \".\" or \",\", got \"%1\"").arg(decimal)};
    // The columns by the names typed; the file's names from its first lines (a file the preview
    // cannot read, the reader refuses with the same words below).
    const std::string file = a.positionals().first().toStdString();
    std::vector<std::string> names;
    if (a.has(QStringLiteral("--features")) || a.has(QStringLiteral("--target")))
        if (const auto preview = data::previewCsvFile(file, 0, options))
            names = preview.value().format.columnNames;
    for (const QString& f : a.value(QStringLiteral("--features")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!f.trimmed().isEmpty())
            options.features.push_back(columnNamed(f.trimmed(), names));
    // Given but naming no column (--features ''), it is not the same as left out (all columns).
    if (a.has(QStringLiteral("--features")) && options.features.empty())
        throw Failure{CliText::tr("--features: expected column names separated by commas, got \"%1\"").arg(a.value(QStringLiteral("--features")))};
    if (a.has(QStringLiteral("--target")))
        options.target = columnNamed(a.value(QStringLiteral("--target")), names);
    const auto read = data::readCsvFile(file, options);
    if (!read) {
        // The reader says to drop such rows; here that is an option.
        if (experiment::droppable(read.error().code))
            throw Failure{CliText::tr("%1 (--missing drop)").arg(experiment::translated(read.error().text))};
        throw Failure{experiment::translated(read.error().text)};
    }
    for (const data::Message& w : read.value().warnings)
        err << CliText::tr("warning: %1").arg(experiment::translated(w)) << Qt::endl;
    fit::FitOptions fo;
    fo.degree = static_cast<int>(a.integer(QStringLiteral("--degree"), 1, 1, 20));
    fo.confidenceLevel = a.number(QStringLiteral("--level"), fo.confidenceLevel);
    if (!fit::validConfidenceLevel(fo.confidenceLevel))
        throw Failure{CliText::tr("--level: expected a confidence level between 0 and 1 (0.9 for 90%), got \"%1\"")
                          .arg(a.value(QStringLiteral("--level")))};
    const QString se = a.value(QStringLiteral("--se"), QStringLiteral("classical"));
    const std::optional<fit::CovarianceType> covariance = fit::covarianceTypeFrom(se.toStdString());
    if (!covariance || se.compare(QLatin1String("nonrobust"), Qt::CaseInsensitive) == 0) // statsmodels' name, not offered
        throw Failure{CliText::tr("--se: expected classical, hc0, hc1, hc2 or hc3, got \"%1\"").arg(se)};
    const bool robust = *covariance != fit::CovarianceType::Classical;
    fit::FitResult f;
    try {
        f = fit::fitLeastSquares(fit::view(read.value().dataset), fo);
        if (robust) {
            fit::computeSandwich(f, fit::view(read.value().dataset));
            fit::setCovarianceType(f, *covariance);
        }
    } catch (const std::exception& e) {
        throw Failure{messageOf(e)};
    }
    if (f.covarianceUndefined && f.dfResidual > 0) // without residual dof the fit's own warning says so
        err << CliText::tr("warning: %1").arg(experiment::translated(*f.covarianceUndefined)) << Qt::endl;
    // Warnings (a rank-deficient design, a magnitude that costs precision) go to stderr, with or
    // without --json, so that the output stays the table or the JSON alone.
    for (const data::Message& w : f.warnings)
        err << CliText::tr("warning: %1").arg(experiment::translated(w)) << Qt::endl;
    if (a.has(QStringLiteral("--json"))) {
        // The report File > Export > Least-squares fit writes, and the keys fit --json has always had.
        QJsonObject report = experiment::leastSquaresReport(f);
        QJsonObject params, errors;
        for (const auto& c : f.coefficients) {
            params.insert(QString::fromStdString(c.name), jsonNumber(c.estimate));
            errors.insert(QString::fromStdString(c.name), jsonNumber(c.standardError));
        }
        report.insert(QStringLiteral("params"), params);
        report.insert(QStringLiteral("std_errors"), errors);
        report.insert(QStringLiteral("r2"), jsonNumber(f.rSquared));
        report.insert(QStringLiteral("residual_std"), jsonNumber(f.residualStandardError));
        out << QJsonDocument(report).toJson(QJsonDocument::Compact) << Qt::endl;
        return Ok;
    }
    out << CliText::tr("observations %1, rank %2").arg(f.observations).arg(f.rank) << Qt::endl;
    const QString seName = QString::fromLatin1(fit::covarianceTypeName(f.covarianceType)).toUpper();
    if (robust)
        out << CliText::tr("standard errors %1 (heteroskedasticity-robust): z, p and the intervals from the normal distribution, "
                           "as statsmodels' default for robust covariances")
                   .arg(seName)
            << Qt::endl;
    const QString level = QString::number(f.confidenceLevel * 100.0, 'g', 10); // 99.9999999, never a rounded 100
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
               .arg(padded(CliText::tr("coefficient"), -16), padded(CliText::tr("estimate"), 14), padded(CliText::tr("std. error"), 12),
                    padded(robust ? CliText::tr("z") : CliText::tr("t"), 10), padded(CliText::tr("p"), 10), padded(CliText::tr("lower %1%").arg(level), 12),
                    padded(CliText::tr("upper %1%").arg(level), 12))
        << Qt::endl;
    // As the window's Least squares tab: "—" for the inference of a coefficient the data leaves
    // undetermined and for an exact fit's (the warnings on stderr say why; --json keeps the numbers).
    for (const auto& c : f.coefficients) {
        // The intercept, always first, in the user's language as in the window (a feature may be
        // called "intercept" too); --json keeps the fit's names.
        const QString term = &c == &f.coefficients.front() ? CliText::tr("intercept") : widgets::oneLineName(c.name);
        const bool shown = c.identified && !f.exact && std::isfinite(c.standardError);
        const auto cell = [&](double v, int width, int digits) {
            return shown ? QStringLiteral("%1").arg(v, width, 'g', digits) : padded(QStringLiteral("—"), width);
        };
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7")
                   .arg(padded(term, -16))
                   .arg(c.estimate, 14, 'g', 8)
                   .arg(cell(c.standardError, 12, 6), cell(c.tValue, 10, 5), cell(c.pValue, 10, 4), cell(c.lower, 12, 7), cell(c.upper, 12, 7))
            << Qt::endl;
    }
    // Undefined for a single row, without residual dof, or (the likelihood) for an exact fit.
    out << CliText::tr("R² %1, adjusted R² %2, residual standard error %3")
               .arg(orDash(f.rSquared, 8), orDash(f.adjustedRSquared, 8), orDash(f.residualStandardError, 8))
        << Qt::endl;
    // An exact fit's F would only measure rounding.
    // Under robust standard errors, statsmodels' robust Wald F.
    const auto shownNumber = [&](double v, int digits) { return f.exact ? QStringLiteral("—") : orDash(v, digits); };
    out << (robust ? CliText::tr("robust Wald F %1 on %2 and %3 degrees of freedom, p %4") : CliText::tr("F %1 on %2 and %3 degrees of freedom, p %4"))
               .arg(shownNumber(f.fStatistic, 8), orDash(f.fDfNumerator, 12), QString::number(f.dfResidual, 'g', 12),
                    shownNumber(f.fPValue, 4))
        << Qt::endl;
    out << CliText::tr("log-likelihood %1, AIC %2, BIC %3, residual sum of squares %4")
               .arg(orDash(f.logLikelihood, 8), orDash(f.aic, 8), orDash(f.bic, 8), orDash(f.rss, 8))
        << Qt::endl;
    // The residual diagnostics of statsmodels' summary; "—" where undefined, as in the window.
    const fit::Diagnostics& d = f.diagnostics;
    out << CliText::tr("Durbin–Watson %1, omnibus %2 (p %3), Jarque–Bera %4 (p %5)")
               .arg(orDash(d.durbinWatson, 6), orDash(d.omnibus, 6), orDash(d.omnibusPValue, 4), orDash(d.jarqueBera, 6),
                    orDash(d.jarqueBeraPValue, 4))
        << Qt::endl;
    out << CliText::tr("skew %1, kurtosis %2, condition number %3")
               .arg(orDash(d.skew, 6), orDash(d.kurtosis, 6), orDash(d.conditionNumber, 4))
        << Qt::endl;
    return Ok;
}

int generate(const Args& a, QTextStream& out)
{
    if (!a.positionals().isEmpty())
        throw Failure{CliText::tr("generate takes no file but -o FILE.csv, got: %1").arg(a.positionals().join(QLatin1Char(' ')))};
    if (!a.has(QStringLiteral("-o")))
        throw Failure{CliText::tr("generate needs -o FILE.csv")};
    data::SyntheticConfig c;
    c.n = a.integer(QStringLiteral("--n"), c.n);
    c.a = a.number(QStringLiteral("--a"), c.a);
    c.b = a.number(QStringLiteral("--b"), c.b);
    c.noise = a.number(QStringLiteral("--noise"), c.noise);
    c.seed = a.integer(QStringLiteral("--seed"), c.seed);
    // Bounded before it sizes the weights: the generator draws at most 10^9 values.
    c.features = a.integer(QStringLiteral("--features"), c.features, 1, 1'000'000'000);
    if (c.n >= 1 && c.features > 1'000'000'000 / c.n)
        throw Failure{CliText::tr("--n × --features must be at most %1 values (got %2 × %3)").arg(1'000'000'000).arg(c.n).arg(c.features)};
    if (c.features > 1)
        c.weights.assign(static_cast<std::size_t>(c.features), c.b);
    data::Dataset d;
    try {
        d = data::generateSynthetic(c).dataset;
    } catch (const std::bad_alloc&) {
        // validate() has bounded n × features, so the count is exact.
        const qint64 values = c.n * (c.features + 1);
        throw Failure{CliText::tr("out of memory: could not allocate %1 bytes on the CPU for the %2 values of %3 rows")
                          .arg(values * static_cast<qint64>(sizeof(double)))
                          .arg(values)
                          .arg(c.n)};
    } catch (const std::exception& e) {
        throw Failure{messageOf(e)};
    }
    const auto written = data::writeCsvFile(a.value(QStringLiteral("-o")).toStdString(), d);
    if (!written)
        throw Failure{experiment::translated(written.error().text)};
    out << CliText::tr("Wrote %1 rows to %2").arg(d.rows()).arg(a.value(QStringLiteral("-o"))) << Qt::endl;
    return Ok;
}

// Whether `path` names Graphviz source (.dot, .gv) rather than a picture.
bool isDotFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("dot") || suffix == QLatin1String("gv");
}

// Whether `path` names a picture of the graph, drawn as the graph view draws it.
bool isGraphPicture(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("svg") || suffix == QLatin1String("png");
}

int graph(const Args& a, QTextStream& out)
{
    if (!a.has(QStringLiteral("-o")))
        throw Failure{CliText::tr("graph needs -o GRAPH.dot, GRAPH.gv, GRAPH.svg or GRAPH.png")};
    const QString path = a.value(QStringLiteral("-o"));
    // By the extension, as the window's graph export: a picture under a .dot name, or DOT text
    // under a picture's, would open nowhere.
    if (!isDotFile(path) && !isGraphPicture(path))
        throw Failure{CliText::tr("cannot write the graph as \"%1\": name the file .dot or .gv (Graphviz DOT), .svg or .png")
                          .arg(QFileInfo(path).fileName())};
    experiment::Project p = loadProject(a, false);
    const QString of = a.value(QStringLiteral("--of"), QStringLiteral("yhat"));
    // loss: the configured loss function's graph (nn.MSELoss by default); loss-manual: the
    // tutorial's section 2.4 loss written out, (error ** 2).mean().
    const std::map<QString, experiment::GraphRoot> roots{{QStringLiteral("yhat"), experiment::GraphRoot::Yhat},
                                                        {QStringLiteral("error"), experiment::GraphRoot::Error},
                                                        {QStringLiteral("loss"), experiment::GraphRoot::Loss},
                                                        {QStringLiteral("loss-manual"), experiment::GraphRoot::LossWrittenOut}};
    const auto rootOf = roots.find(of);
    if (rootOf == roots.end())
        throw Failure{CliText::tr("--of: expected yhat, error, loss or loss-manual, got \"%1\"").arg(of)};
    if (const QString why = experiment::graphRootUnavailable(rootOf->second, p.config); !why.isEmpty())
        throw Failure{why};
    QString error;
    auto data = p.loadData(&error);
    if (!data)
        throw Failure{error};
    if (isGraphPicture(path)) {
        // The graph view's own drawing (Graphviz's SVG, the view's PNG): the same picture as
        // File > Export > Computation graph. It is a widget: main() starts a QApplication for it.
        if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
            throw Failure{CliText::tr("the graph can only be drawn as SVG or PNG while a QApplication runs")};
        widgets::GraphView view;
        view.setRoot(rootOf->second);
        view.setExperiment(p.config, *data, {}, 0);
        if (!view.message().isEmpty())
            throw Failure{view.message()};
        if (!view.exportTo(path, &error))
            throw Failure{error};
        out << CliText::tr("Wrote the graph of %1 to %2").arg(of, path) << Qt::endl;
        return Ok;
    }
    try {
        experiment::Trainer t(p.config, data->train, data->val);
        const Tensor yhat = t.model()(t.trainInputs());
        const Tensor target = t.trainTargets();
        const Tensor root = experiment::graphRootTensor(rootOf->second, t.loss(), target, yhat);
        std::map<const TensorImpl*, std::string> names;
        for (const auto& [name, param] : t.model().namedParameters())
            names[param.impl()] = name;
        QString writeError;
        if (!experiment::writeFileAtomically(path, QByteArray::fromStdString(toDot(buildGraph(root, names))), &writeError))
            throw Failure{writeError};
    } catch (const std::exception& e) {
        throw Failure{messageOf(e)};
    }
    out << CliText::tr("Wrote the graph of %1 to %2").arg(of, path) << Qt::endl;
    return Ok;
}

int exportScript(const Args& a, QTextStream& out)
{
    if (!a.has(QStringLiteral("-o")))
        throw Failure{CliText::tr("export-script needs -o SCRIPT.py")};
    experiment::Project p = loadProject(a, false);
    QString error;
    // The data as train reads it: a script for data GradLab refuses would only fail in Python.
    if (!p.loadData(&error))
        throw Failure{error};
    if (!experiment::exportPytorchScript(p, a.value(QStringLiteral("-o")), &error))
        throw Failure{error};
    out << CliText::tr("Wrote the PyTorch script to %1").arg(a.value(QStringLiteral("-o"))) << Qt::endl;
    return Ok;
}

int devices(const Args& a, QTextStream& out)
{
    if (!a.positionals().isEmpty())
        throw Failure{CliText::tr("devices takes no arguments, got: %1").arg(a.positionals().join(QLatin1Char(' ')))};
    for (const DeviceInfo& d : availableDevices()) {
        out << QString::fromStdString(d.device.str()) << QLatin1Char('\t') << QString::fromStdString(d.name);
        if (d.totalMemory)
            out << QLatin1Char('\t') << CliText::tr("%1 GiB").arg(static_cast<double>(d.totalMemory) / (1024.0 * 1024 * 1024), 0, 'f', 1);
        out << QLatin1Char('\t') << (d.usable() ? CliText::tr("usable") : CliText::tr("not usable: %1").arg(widgets::deviceProblem(d))) << Qt::endl;
    }
    return Ok;
}

// The project named as the one argument of `command` (runs, plot): its saved runs are what it shows.
experiment::Project savedProject(const Args& a, const QString& command)
{
    if (a.positionals().size() != 1)
        throw Failure{a.positionals().isEmpty() ? CliText::tr("%1 needs a project (a .gradlab file)").arg(command)
                                                : CliText::tr("one project at a time, got: %1").arg(a.positionals().join(QLatin1Char(' ')))};
    QString error;
    auto p = experiment::Project::load(a.positionals().first(), &error);
    if (!p)
        throw Failure{error};
    return *p;
}

// The runs' final parameters as "a = 1.02, b = 1.97" (a vector's elements as weight[0] ...), the
// first kShown of them.
QString parameterList(const experiment::RunRecord& run)
{
    constexpr std::size_t kShown = 8;
    QStringList items;
    std::size_t at = 0;
    for (const auto& slot : run.layout) {
        for (qint64 i = 0; i < slot.size && at < run.finalParams.size(); ++i, ++at)
            if (at < kShown)
                items << QStringLiteral("%1 = %2")
                             .arg(slot.size == 1 ? slot.name : QStringLiteral("%1[%2]").arg(slot.name).arg(i))
                             .arg(run.finalParams[at], 0, 'g', 10);
    }
    if (run.finalParams.size() > kShown)
        items << CliText::tr("and %1 more").arg(run.finalParams.size() - kShown);
    return items.join(CliText::tr(", ", "between a run's parameters"));
}

// The project's saved runs, one line each, numbered as the window's run list numbers them.
int runsCommand(const Args& a, QTextStream& out)
{
    const experiment::Project p = savedProject(a, QStringLiteral("runs"));
    if (a.has(QStringLiteral("--json"))) {
        QJsonArray list;
        for (std::size_t i = 0; i < p.runs.size(); ++i) {
            const experiment::RunRecord& r = p.runs[i];
            list.append(QJsonObject{{"number", static_cast<double>(i + 1)},
                                    {"started", r.started.toUTC().toString(Qt::ISODateWithMs)},
                                    {"model", experiment::jsonName(r.config.model.type)},
                                    {"optimizer", experiment::jsonName(r.config.optimizer.type)},
                                    {"lr", r.config.optimizer.lr},
                                    {"epochs", static_cast<double>(r.epochs)},
                                    {"planned_epochs", static_cast<double>(r.config.training.epochs)},
                                    {"diverged", r.diverged},
                                    {"train_loss", jsonNumber(r.trainLoss)},
                                    {"val_loss", jsonNumber(r.valLoss)},
                                    {"params", namedParams(r.layout, r.finalParams)}});
        }
        out << QJsonDocument(list).toJson(QJsonDocument::Compact) << Qt::endl;
        return Ok;
    }
    if (p.runs.empty()) {
        out << CliText::tr("%1 has no saved runs").arg(a.positionals().first()) << Qt::endl;
        return Ok;
    }
    for (std::size_t i = 0; i < p.runs.size(); ++i) {
        const experiment::RunRecord& r = p.runs[i];
        QStringList fields{QString::number(i + 1), r.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                           widgets::modelName(r.config.model), widgets::optimizerSummary(r.config)};
        fields << (r.epochs < r.config.training.epochs ? CliText::tr("epochs %1 of %2").arg(r.epochs).arg(r.config.training.epochs)
                                                       : CliText::tr("epochs %1").arg(r.epochs));
        if (r.diverged)
            fields << CliText::tr("diverged");
        // A project file keeps an infinite or NaN loss as null, read back as NaN.
        fields << CliText::tr("train loss %1").arg(orDash(r.trainLoss, 8)) << CliText::tr("validation loss %1").arg(orDash(r.valLoss, 8));
        fields << parameterList(r);
        out << fields.join(QStringLiteral("  ")) << Qt::endl;
    }
    return Ok;
}

// The saved runs that --runs names ("1,3" as the run list numbers them, or "all"), as indices.
std::vector<std::size_t> chosenRuns(const Args& a, const experiment::Project& p)
{
    const QString runs = a.value(QStringLiteral("--runs"), QStringLiteral("all"));
    std::vector<std::size_t> chosen;
    if (runs == QLatin1String("all")) {
        for (std::size_t i = 0; i < p.runs.size(); ++i)
            chosen.push_back(i);
        return chosen;
    }
    const QStringList numbers = runs.split(QLatin1Char(','));
    for (const QString& text : numbers) {
        bool ok = false;
        const qint64 n = text.trimmed().toLongLong(&ok);
        if (!ok)
            throw Failure{CliText::tr("--runs: expected run numbers separated by commas (1,3) or all, got \"%1\"").arg(runs)};
        if (n < 1 || n > static_cast<qint64>(p.runs.size()))
            throw Failure{p.runs.size() == 1 ? CliText::tr("--runs: there is no run %1: the project has 1 run").arg(text.trimmed())
                                             : CliText::tr("--runs: there is no run %1: the project has %2 runs (1 to %2)")
                                                   .arg(text.trimmed())
                                                   .arg(p.runs.size())};
        const auto index = static_cast<std::size_t>(n - 1);
        if (std::find(chosen.begin(), chosen.end(), index) == chosen.end())
            chosen.push_back(index);
    }
    return chosen;
}

// Draws saved runs together, as File > Export draws the runs selected in the window.
int plotCommand(const Args& a, QTextStream& out, QTextStream& err)
{
    if (!a.has(QStringLiteral("-o")))
        throw Failure{CliText::tr("plot needs -o FILE.png, FILE.svg or FILE.pdf")};
    const QString path = a.value(QStringLiteral("-o"));
    const QString what = a.value(QStringLiteral("--what"), QStringLiteral("loss"));
    // The data and fit are drawn one run at a time (each run may have read other data).
    if (what == QLatin1String("fit"))
        throw Failure{CliText::tr("--what: the data and the fit are drawn one run at a time, by train --export-plot; plot draws "
                                  "loss or parameters")};
    if (what != QLatin1String("loss") && what != QLatin1String("parameters"))
        throw Failure{CliText::tr("--what: expected loss or parameters, got \"%1\"").arg(what)};
    if (a.has(QStringLiteral("--linear-loss")) && what != QLatin1String("loss"))
        throw Failure{CliText::tr("--linear-loss goes with --what loss")};
    QString why;
    if (!widgets::plotPathIsWritable(path, &why))
        throw Failure{CliText::tr("-o: %1").arg(why)};
    const experiment::Project p = savedProject(a, QStringLiteral("plot"));
    if (experiment::sameFile(path, p.filePath()))
        throw Failure{CliText::tr("-o: %1 is the project being plotted: writing there would replace it; choose another name").arg(path)};
    if (const QString problem = outputProblem(path, p); !problem.isEmpty())
        throw Failure{CliText::tr("-o: %1").arg(problem)};
    if (p.runs.empty())
        throw Failure{CliText::tr("%1 has no saved runs to plot").arg(a.positionals().first())};
    const std::vector<std::size_t> chosen = chosenRuns(a, p);
    std::vector<experiment::RunRecord> runs;
    std::vector<int> numbers;
    QStringList shown;
    for (const std::size_t i : chosen) {
        runs.push_back(p.runs[i]);
        numbers.push_back(static_cast<int>(i + 1));
        shown << QString::number(i + 1);
    }
    QString error;
    std::vector<int> leftOut;
    // Said on stderr: a run the legend would list with nothing drawn (QA v14).
    const auto sayLeftOut = [&] {
        for (const int n : leftOut)
            err << CliText::tr("warning: run %1 has nothing to draw (no finished epoch with a value the plot can show): it is left out")
                       .arg(n)
                << Qt::endl;
    };
    if (what == QLatin1String("parameters")) {
        if (!widgets::exportParametersPlot(runs, path, &error, widgets::kDefaultPlotSize, numbers, &leftOut))
            throw Failure{error};
        sayLeftOut();
        out << (runs.size() == 1 ? CliText::tr("Wrote the parameter trajectories of run %1 to %2").arg(shown.first(), path)
                                 : CliText::tr("Wrote the parameter trajectories of runs %1 to %2").arg(shown.join(CliText::tr(", ", "between run numbers")), path))
            << Qt::endl;
        return Ok;
    }
    if (!widgets::exportLossPlot(runs, path, !a.has(QStringLiteral("--linear-loss")), &error, widgets::kDefaultPlotSize, numbers, &leftOut))
        throw Failure{error};
    sayLeftOut();
    out << (runs.size() == 1 ? CliText::tr("Wrote the loss curves of run %1 to %2").arg(shown.first(), path)
                             : CliText::tr("Wrote the loss curves of runs %1 to %2").arg(shown.join(CliText::tr(", ", "between run numbers")), path))
        << Qt::endl;
    return Ok;
}

// Each command's usage, in the order of the full usage.
const std::vector<std::pair<QString, QString>>& commandUsages()
{
    static const std::vector<std::pair<QString, QString>> usages{
        {QStringLiteral("train"),
         CliText::tr("  gradlab-cli train [PROJECT | --example tutorial] [--set KEY=VALUE]... [--epochs N] [--device cpu|cuda[:N]]\n"
                     "                    [--json] [--export-params F] [--export-history F] [--export-plot F] [--export-loss-plot F]\n"
                     "                    [--linear-loss] [--save PROJECT [--replace]]")},
        {QStringLiteral("fit"), CliText::tr("  gradlab-cli fit CSV [--features x1,x2] [--target y] [--degree D] [--delimiter C|tab] [--missing error|drop]\n"
                                            "                  [--decimal auto|.|,] [--level 0.95] [--se classical|hc0|hc1|hc2|hc3] [--json]")},
        {QStringLiteral("generate"), CliText::tr("  gradlab-cli generate [--n N] [--a A] [--b B] [--noise S] [--seed K] [--features K] -o CSV")},
        {QStringLiteral("export-script"), CliText::tr("  gradlab-cli export-script (PROJECT | --example tutorial) -o SCRIPT.py")},
        {QStringLiteral("graph"), CliText::tr("  gradlab-cli graph (PROJECT | --example tutorial) [--of yhat|error|loss|loss-manual]\n"
                                         "                    -o GRAPH.dot|GRAPH.gv|GRAPH.svg|GRAPH.png")},
        {QStringLiteral("runs"), CliText::tr("  gradlab-cli runs PROJECT [--json]")},
        {QStringLiteral("plot"), CliText::tr("  gradlab-cli plot PROJECT [--runs 1,3|all] [--what loss|parameters] [--linear-loss] -o FILE.png|FILE.svg|FILE.pdf")},
        {QStringLiteral("devices"), CliText::tr("  gradlab-cli devices")},
    };
    return usages;
}

// The usage of one command, or of all of them for an empty name.
QString usage(const QString& command = {})
{
    QStringList lines{CliText::tr("usage:")};
    for (const auto& [name, text] : commandUsages())
        if (command.isEmpty() || name == command)
            lines << text;
    if (command.isEmpty())
        lines << CliText::tr("  gradlab-cli COMMAND --help");
    return lines.join(QLatin1Char('\n'));
}

} // namespace

bool needsWidgets(const QStringList& args)
{
    // plot draws with QCustomPlot, a widget.
    if (!args.isEmpty() && args.first() == QLatin1String("plot"))
        return true;
    // graph draws an SVG or PNG with the graph view, a widget; DOT is text.
    if (!args.isEmpty() && args.first() == QLatin1String("graph")) {
        const qsizetype o = args.lastIndexOf(QStringLiteral("-o"));
        return o >= 0 && o + 1 < args.size() && isGraphPicture(args[o + 1]);
    }
    return std::any_of(args.begin(), args.end(), [](const QString& a) {
        for (const QLatin1String option : {QLatin1String("--export-plot"), QLatin1String("--export-loss-plot")})
            if (a == option || a.startsWith(option + QLatin1Char('=')))
                return true;
        return false;
    });
}

int run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        // gradlab-cli --help COMMAND ..., as COMMAND ... --help (which refuses what it does not know).
        if (args.size() > 1 && !args[1].startsWith(QLatin1Char('-')))
            return run(args.mid(1) << args.first(), out, err);
        if (args.size() > 1) {
            err << CliText::tr("gradlab-cli: unknown command '%1' (see gradlab-cli --help)").arg(args[1]) << Qt::endl;
            return BadInput;
        }
        (args.isEmpty() ? err : out) << usage() << Qt::endl;
        return args.isEmpty() ? BadInput : Ok;
    }
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    // Each command's options that take a value, and its flags.
    static const std::map<QString, std::pair<QStringList, QStringList>> options{
        {QStringLiteral("train"),
         {{"--example", "--set", "--epochs", "--device", "--export-params", "--export-history", "--export-plot", "--export-loss-plot", "--save"}, {"--json", "--linear-loss", "--replace"}}},
        {QStringLiteral("fit"), {{"--features", "--target", "--degree", "--delimiter", "--missing", "--decimal", "--level", "--se"}, {"--json"}}},
        {QStringLiteral("generate"), {{"--n", "--a", "--b", "--noise", "--seed", "--features", "-o"}, {}}},
        {QStringLiteral("export-script"), {{"--example", "-o"}, {}}},
        {QStringLiteral("graph"), {{"--example", "--of", "-o"}, {}}},
        {QStringLiteral("runs"), {{}, {"--json"}}},
        {QStringLiteral("plot"), {{"--runs", "--what", "-o"}, {"--linear-loss"}}},
        {QStringLiteral("devices"), {{}, {}}},
    };
    try {
        const auto known = options.find(command);
        if (known == options.end())
            throw Failure{CliText::tr("unknown command '%1' (see gradlab-cli --help)").arg(command)};
        const Args a(rest, known->second.first, known->second.second);
        if (a.helpAsked()) {
            out << usage(command) << Qt::endl;
            return Ok;
        }
        if (command == QLatin1String("train"))
            return train(a, out, err);
        if (command == QLatin1String("fit"))
            return fitCommand(a, out, err);
        if (command == QLatin1String("generate"))
            return generate(a, out);
        if (command == QLatin1String("export-script"))
            return exportScript(a, out);
        if (command == QLatin1String("graph"))
            return graph(a, out);
        if (command == QLatin1String("runs"))
            return runsCommand(a, out);
        if (command == QLatin1String("plot"))
            return plotCommand(a, out, err);
        return devices(a, out);
    } catch (const Failure& f) {
        err << CliText::tr("gradlab-cli: %1").arg(f.message) << Qt::endl;
        return f.status;
    } catch (const std::exception& e) {
        // Anything a command did not turn into a message of its own (std::bad_alloc).
        err << CliText::tr("gradlab-cli: %1").arg(messageOf(e)) << Qt::endl;
        return BadInput;
    }
}

} // namespace gradlab::cli

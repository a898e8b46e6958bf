// A project: one experiment's configuration and the runs made with it, saved as one JSON file
// (format "gradlab-project", version 1). Saving is atomic; loading validates everything and
// names the bad field; nothing on disk changes when a load or a save fails.
#pragma once

#include "experiment_config.h"
#include "experiment_data.h"
#include "trainer.h"

#include "data/csv_reader.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace gradlab::fit {
struct FitResult;
struct NormalQQ;
}

namespace gradlab::experiment {

// A parameter of the model: its name and how many values it has.
struct ParamSlot {
    QString name;
    qint64 size = 1;
};

// Trained parameters beside the closed-form (least-squares) fit, where the model has one.
struct ClosedFormComparison {
    std::vector<double> params;   // in the run's parameter layout
    double trainLoss = 0.0, valLoss = 0.0; // the closed form's, with the run's loss function
    double r2 = 0.0;              // of the closed-form fit on the training rows
    // The design matrix's rank and columns: below full rank the closed form is not unique, and
    // params are the minimum-norm solution (one of many with the same loss). 0 when not known
    // (a run saved before they were recorded).
    std::int64_t rank = 0, columns = 0;
    QStringList warnings;         // the fit's (rank deficiency, collinearity), translated; not saved
    // The whole fit behind it, for the least-squares report: each coefficient's standard error,
    // t, p and interval, R², F, AIC, ... Present only where it was just computed (closedFormFor, leastSquaresOn),
    // not in a run read from a project file.
    std::shared_ptr<const fit::FitResult> fit;
    // For each of the fit's coefficients (intercept first), its index in params.
    std::vector<std::size_t> paramIndex;
    // What the Least squares tab shows beyond the fit, where addLeastSquaresReport added it: the
    // normal Q–Q points of its residuals, or why there are none; and why the fit has no sandwich
    // for the robust standard errors, if it failed (translated).
    std::shared_ptr<const fit::NormalQQ> qq;
    QString qqWhyNot, sandwichWhyNot;
    bool unique() const { return rank >= columns; }
};

struct RunRecord {
    ExperimentConfig config;      // as the run started
    QDateTime started;
    std::vector<ParamSlot> layout;
    std::vector<EpochRecord> history; // thinned beyond History::kDefaultLimit epochs
    std::vector<double> finalParams;
    qint64 epochs = 0;
    double seconds = 0.0;         // training time
    bool diverged = false;
    QString message;              // why it stopped early, if it did
    double trainLoss = 0.0, valLoss = 0.0; // of the final parameters
    double trainR2 = std::numeric_limits<double>::quiet_NaN(); // of the final parameters on the training rows
    std::optional<ClosedFormComparison> closedForm;
    QStringList events;           // changes made while paused ("epoch 120: optimizer.lr = 0.05")
};

// Writes `bytes` to `path` through QSaveFile: the old file stays intact unless every byte of
// the new one was written. A FIFO or device (/dev/null) is written in place, never replaced; a
// symbolic link's target is written. On failure returns false and says why.
bool writeFileAtomically(const QString& path, const QByteArray& bytes, QString* error);
// Whether two paths name the same file: by their targets where both exist (links followed),
// else by their absolute paths. (QFileInfo's == takes any two missing files for the same.)
bool sameFile(const QString& a, const QString& b);

// The file's SHA-256 as lowercase hex; empty (and an error) when it cannot be read.
QString fileSha256(const QString& path, QString* error);

// Whether a CSV error is a missing or non-finite value in a selected column: what dropping rows
// with missing values (CsvConfig::Missing::Drop, data::MissingValues::DropRow) leaves out.
bool droppable(data::CsvErrorCode code);

class Project {
public:
    ExperimentConfig config;
    std::vector<RunRecord> runs;

    // Where the project lives (empty for a new, unsaved one); CSV paths are relative to it.
    const QString& filePath() const { return path_; }

    QByteArray toJson() const;
    // Writes the project to `path` (its and its runs' CSV paths rewritten relative to it) and
    // makes it the project's path. Refuses a `path` that is a data file the project or one of its
    // runs reads: the data would be lost.
    bool save(const QString& path, QString* error);
    // Whether the project's file holds other bytes than this project last read from it or wrote
    // to it (another window or program saved it since); false for a new project or a file that
    // is gone.
    bool changedOnDisk() const;
    // The CSV file, of the project's or of one of its runs', that `path` is (the same file by
    // another name too); empty when it is none of them.
    QString dataFileAt(const QString& path) const;
    static std::optional<Project> load(const QString& path, QString* error);
    // From bytes, as if read from `path` (which only resolves relative CSV paths).
    static std::optional<Project> fromJson(const QByteArray& bytes, const QString& path, QString* error);

    // The CSV file the configuration names, resolved against the project's folder.
    QString csvAbsolutePath() const;
    // Whether the CSV data comes from the copy saved in the project: there is one, and the file it
    // was taken from is not there (moved, or the project was sent alone).
    bool usesEmbeddedCsv() const;
    // The experiment's data: generated from its parameters, or read from the CSV file (from the
    // copy saved in the project when the file is not there, with a warning). A CSV whose SHA-256
    // differs from the one recorded gives a warning and is used; the recorded hash and row count
    // are updated.
    // `progress` follows the reading of a CSV file and may cancel it. `droppableError`, when given,
    // is set to whether the CSV was refused for a value that dropping rows would leave out
    // (droppable()), so that the caller can say where that choice is made.
    std::optional<ExperimentData> loadData(QString* error, const data::CsvProgress& progress = {}, bool* droppableError = nullptr);
    // Puts the CSV's text into the project (at most kMaxEmbeddedRows rows) so it travels alone.
    // save() does this by itself for a file of at most that many rows.
    bool embedCsv(QString* error);
    static constexpr qint64 kMaxEmbeddedRows = 10'000;

private:
    // `p` (a CSV path of the project or of one of its runs) resolved like csvAbsolutePath().
    QString absoluteCsvPath(const QString& p) const;

    QString path_;
    QByteArray diskSha256_; // of the bytes last read from path_ or written to it
};

// The closed-form (least-squares) fit of `config`'s model on the training rows, with its losses
// under the configured loss; none for an MLP or data that has no fit (fewer rows than
// coefficients, ...), and then `whyNot` (if given) says why, translated.
std::optional<ClosedFormComparison> closedFormFor(const ExperimentConfig& config, const ExperimentData& data,
                                                  QString* whyNot = nullptr);
// The same fit of `config`'s model on any rows (all of them, say), without the losses.
// `shuffled`: the rows are in a random order (the split's shuffle), where Durbin–Watson, which reads
// the residuals in order, says nothing: it is left out, with the reason.
std::optional<ClosedFormComparison> leastSquaresOn(const ExperimentConfig& config, const data::Dataset& rows, QString* whyNot = nullptr,
                                                   bool shuffled = false);
// Adds to `closedForm` (which holds its fit) what the Least squares tab shows beyond the fit, so
// that the thread that fitted pays for it and the GUI thread only shows it: the sandwich of the
// robust covariances (the fit's, replaced by a copy with it) and the normal Q–Q points, at most
// `maxQQPoints`. Each is one pass over `fitted`, the rows the fit was made on. Nothing without a fit.
void addLeastSquaresReport(ClosedFormComparison& closedForm, const data::Dataset& fitted, std::int64_t maxQQPoints);

// A finished (or stopped) run, recorded from its trainer and history, with the closed-form
// comparison where the model has one (scalar_linear, linear, polynomial).
RunRecord recordRun(Trainer& trainer, const std::vector<EpochRecord>& history, const ExperimentData& data,
                    const QDateTime& started, double seconds);

} // namespace gradlab::experiment

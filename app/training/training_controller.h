// Runs an experiment's training in a worker thread and reports it to the GUI thread through
// queued signals carrying plain snapshots, at most about 30 a second. Pause, resume, step and
// stop are flags the worker reads between epochs (and batches, when stepping by batch); destroying the controller stops a run cleanly.
#pragma once

#include "experiment/project.h"

#include <QObject>
#include <QThread>

#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace gradlab::app {

// What the window shows of a run in progress.
struct TrainingSnapshot {
    qint64 epoch = 0;
    qint64 epochs = 0;
    double trainLoss = 0.0, valLoss = 0.0;
    std::vector<double> params;
    double seconds = 0.0;          // training time so far
    double epochsPerSecond = 0.0;
    std::vector<experiment::EpochRecord> newEpochs; // every epoch since the last snapshot (thinned beyond 2000)
    std::optional<experiment::StepDetail> lastStep;  // on paused snapshots: the last optimizer step
    QStringList events;                              // changes made while paused, so far
    qint64 batch = 0;   // batches of epoch + 1 already trained (Step Batch); 0 between epochs
    qint64 batches = 1; // batches an epoch has
};

class TrainingWorker;

class TrainingController final : public QObject {
    Q_OBJECT

public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    enum class StartMode {
        Run,    // train until done
        Paused, // stop before the first epoch
        Step,   // one epoch, then paused
        StepBatch, // one batch (one optimizer step), then paused
    };
    // Starts a run of `config` on `data`; false (and failed() is not emitted) when one is running.
    bool start(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data, StartMode mode = StartMode::Run);
    // The same without a copy of the data: the worker reads `data` while the run lasts.
    bool start(const experiment::ExperimentConfig& config, std::shared_ptr<const experiment::ExperimentData> data,
               StartMode mode = StartMode::Run);
    bool isRunning() const;
    bool isPaused() const;

    // While paused: new options for the running optimizer (same type), or a new value for one
    // parameter value (flat index in namedParameters() order). The run goes on from there when
    // resumed, and its record lists the change. False with a message when not paused or invalid.
    bool setOptimizerOptions(const experiment::OptimizerConfig& options, QString* error);
    bool setParameterValue(int flatIndex, double value, QString* error);

    // At most this many epochs a second, for watching a run learn; 0 (the default): as fast as
    // it trains. Applies to the run in progress and to those started later.
    void setPace(int epochsPerSecond);
    int pace() const { return pace_; }

public slots:
    void pause();
    void resume();
    // While paused: one epoch (the rest of the one in progress), then paused again.
    void step();
    // While paused: one batch of the epoch in progress (one optimizer step), then paused again.
    void stepBatch();
    void stop();

signals:
    void progress(const gradlab::app::TrainingSnapshot& snapshot);
    void paused(const gradlab::app::TrainingSnapshot& snapshot);
    // The run ended (finished, stopped or diverged) and is recorded.
    void finished(const gradlab::experiment::RunRecord& run);
    // The run could not start or broke (bad configuration, device error, ...).
    void failed(const QString& message);

private:
    // Forgets `worker` when it is the current one; it is deleted once it is done.
    void retire(TrainingWorker* worker);

    QThread thread_;
    TrainingWorker* worker_ = nullptr; // lives in thread_
    // Every worker not yet deleted, the current one included. Only this thread deletes them (when
    // one says it is done, or here at the end, after thread_ has finished), so none is ever used
    // after another thread has deleted it.
    std::vector<TrainingWorker*> workers_;
    int pace_ = 0;
};

} // namespace gradlab::app

Q_DECLARE_METATYPE(gradlab::app::TrainingSnapshot)
Q_DECLARE_METATYPE(gradlab::experiment::RunRecord)

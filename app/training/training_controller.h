// Runs an experiment's training in a worker thread and reports it to the GUI thread through
// queued signals carrying plain snapshots, at most about 30 a second. Pause, resume, step and
// stop are flags the worker reads between epochs; destroying the controller stops a run cleanly.
#pragma once

#include "experiment/project.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

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
};

class TrainingWorker;

class TrainingController final : public QObject {
    Q_OBJECT

public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    // Starts a run of `config` on `data`; false (and failed() is not emitted) when one is running.
    bool start(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data);
    bool isRunning() const;
    bool isPaused() const;

public slots:
    void pause();
    void resume();
    // While paused: one epoch, then paused again.
    void step();
    void stop();

signals:
    void progress(const gradlab::app::TrainingSnapshot& snapshot);
    void paused(const gradlab::app::TrainingSnapshot& snapshot);
    // The run ended (finished, stopped or diverged) and is recorded.
    void finished(const gradlab::experiment::RunRecord& run);
    // The run could not start or broke (bad configuration, device error, ...).
    void failed(const QString& message);

private:
    void onWorkerDone();

    QThread thread_;
    TrainingWorker* worker_ = nullptr; // lives in thread_
};

} // namespace gradlab::app

Q_DECLARE_METATYPE(gradlab::app::TrainingSnapshot)
Q_DECLARE_METATYPE(gradlab::experiment::RunRecord)

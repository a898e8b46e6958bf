// The worker side of TrainingController: owns the Trainer, lives in the training thread.
#pragma once

#include "training_controller.h"

#include <condition_variable>
#include <mutex>

namespace gradlab::app {

class TrainingWorker final : public QObject {
    Q_OBJECT

public:
    TrainingWorker(experiment::ExperimentConfig config, experiment::ExperimentData data);

    // Thread-safe requests, read between epochs.
    void requestPause();
    void requestResume();
    void requestStep();
    void requestStop();
    bool isPaused() const { return paused_.load(); }

public slots:
    void run();

signals:
    void progress(const gradlab::app::TrainingSnapshot& snapshot);
    void paused(const gradlab::app::TrainingSnapshot& snapshot);
    void finished(const gradlab::experiment::RunRecord& run);
    void failed(const QString& message);
    void done();

private:
    TrainingSnapshot snapshot(const experiment::Trainer& trainer, double seconds);
    // Blocks while paused; false when a stop was requested.
    bool waitWhilePaused(experiment::Trainer& trainer, double seconds);

    experiment::ExperimentConfig config_;
    experiment::ExperimentData data_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::atomic<bool> pauseRequested_{false}, stopRequested_{false}, paused_{false};
    int stepsRequested_ = 0; // guarded by mutex_
    std::vector<experiment::EpochRecord> pending_;
};

} // namespace gradlab::app

// The worker side of TrainingController: owns the Trainer, lives in the training thread.
#pragma once

#include "training_controller.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace gradlab::app {

class TrainingWorker final : public QObject {
    Q_OBJECT

public:
    TrainingWorker(experiment::ExperimentConfig config, std::shared_ptr<const experiment::ExperimentData> data);

    // Thread-safe requests, read between epochs.
    void requestPause();
    void requestResume();
    // One epoch (the rest of the one in progress), or one batch, then paused.
    void requestStep(bool batch);
    void requestStop();
    // Before run(): one epoch (or batch), then paused.
    void requestFirstStep(bool batch);
    // Epochs a second at most, so that a run can be watched; 0: as fast as it trains.
    void setPace(int epochsPerSecond);
    // While paused (called from another thread): see TrainingController.
    bool setOptimizerOptions(const experiment::OptimizerConfig& options, QString* error);
    bool setParameterValue(int flatIndex, double value, QString* error);
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
    // Sends a paused snapshot again after an edit (from the editing thread, under mutex_).
    void republishPaused();
    // Blocks while paused: what to do next.
    enum class Next { Stop, Go, Batch };
    Next waitWhilePaused(experiment::Trainer& trainer, double seconds);
    // "epoch 12" between epochs, "epoch 13, after batch 2 of 5" within one, for the events' lines.
    QString eventPosition() const;
    // Waits out the rest of a paced epoch that began at `began`; returns at once on a stop, pause,
    // step or change of pace.
    void waitForPace(std::chrono::steady_clock::time_point began);
    bool paced() const { return pace_.load(std::memory_order_relaxed) > 0; }

    // The trainer, touched by another thread only while paused_ and under mutex_.
    std::unique_ptr<experiment::Trainer> trainer_;
    experiment::OptimizerConfig optimizer_; // the options in force
    QStringList events_;                    // guarded by mutex_
    double seconds_ = 0.0;
    experiment::ExperimentConfig config_;
    std::shared_ptr<const experiment::ExperimentData> data_; // shared with the window, never changed
    std::mutex mutex_;
    std::condition_variable wake_;
    std::atomic<bool> pauseRequested_{false}, stopRequested_{false}, paused_{false};
    std::deque<bool> steps_; // Steps asked for and not yet taken, true for a batch; guarded by mutex_
    std::atomic<int> pace_{0}; // written under mutex_, read without it on the epoch's path
    int paceChanges_ = 0;    // guarded by mutex_
    std::vector<experiment::EpochRecord> pending_;
};

} // namespace gradlab::app

#include "training_worker.h"

#include "experiment/history.h"

#include <QElapsedTimer>

namespace gradlab::app {
namespace {

// Snapshots reach the GUI at most this often.
constexpr qint64 kSnapshotMs = 33;
// Epochs carried by one snapshot at most; beyond, every other one is dropped (the run's own
// history keeps them all).
constexpr std::size_t kMaxCarried = 2000;

} // namespace

TrainingWorker::TrainingWorker(experiment::ExperimentConfig config, experiment::ExperimentData data)
    : config_(std::move(config)), data_(std::move(data))
{
}

void TrainingWorker::requestPause()
{
    pauseRequested_ = true;
}

void TrainingWorker::requestResume()
{
    {
        std::lock_guard lock(mutex_);
        pauseRequested_ = false;
    }
    wake_.notify_all();
}

void TrainingWorker::requestStep()
{
    {
        std::lock_guard lock(mutex_);
        if (paused_)
            ++stepsRequested_;
        pauseRequested_ = true;
    }
    wake_.notify_all();
}

void TrainingWorker::requestStop()
{
    {
        std::lock_guard lock(mutex_);
        stopRequested_ = true;
    }
    wake_.notify_all();
}

TrainingSnapshot TrainingWorker::snapshot(const experiment::Trainer& trainer, double seconds)
{
    TrainingSnapshot s;
    s.epoch = trainer.epoch();
    s.epochs = config_.training.epochs;
    if (!pending_.empty()) {
        s.trainLoss = pending_.back().trainLoss;
        s.valLoss = pending_.back().valLoss;
    }
    s.params = trainer.parameterValues();
    s.seconds = seconds;
    s.epochsPerSecond = seconds > 0 ? static_cast<double>(s.epoch) / seconds : 0.0;
    s.newEpochs = std::move(pending_);
    pending_.clear();
    return s;
}

bool TrainingWorker::waitWhilePaused(experiment::Trainer& trainer, double seconds)
{
    {
        std::lock_guard lock(mutex_);
        paused_ = true;
    }
    emit paused(snapshot(trainer, seconds));
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [&] { return stopRequested_ || !pauseRequested_ || stepsRequested_ > 0; });
    if (stepsRequested_ > 0)
        --stepsRequested_;
    paused_ = false;
    return !stopRequested_;
}

void TrainingWorker::run()
{
    std::unique_ptr<experiment::Trainer> trainer;
    try {
        trainer = std::make_unique<experiment::Trainer>(config_, data_.train, data_.val);
    } catch (const std::exception& e) {
        emit failed(QString::fromUtf8(e.what()));
        emit done();
        return;
    }
    experiment::History history;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    double seconds = 0.0;
    QElapsedTimer throttle;
    throttle.start();
    try {
        while (!trainer->finished() && !stopRequested_) {
            if (pauseRequested_ && !waitWhilePaused(*trainer, seconds))
                break;
            const experiment::EpochRecord r = trainer->step();
            seconds += r.seconds;
            history.add(r);
            if (pending_.size() >= kMaxCarried) {
                std::vector<experiment::EpochRecord> thinned;
                for (std::size_t i = 0; i < pending_.size(); i += 2)
                    thinned.push_back(pending_[i]);
                pending_ = std::move(thinned);
            }
            pending_.push_back(r);
            if (throttle.elapsed() >= kSnapshotMs) {
                emit progress(snapshot(*trainer, seconds));
                throttle.restart();
            }
        }
        if (!pending_.empty())
            emit progress(snapshot(*trainer, seconds));
        emit finished(experiment::recordRun(*trainer, history.records(), data_, started, seconds));
    } catch (const std::exception& e) {
        emit failed(QString::fromUtf8(e.what()));
    }
    emit done();
}

} // namespace gradlab::app

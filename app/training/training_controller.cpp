#include "training_controller.h"
#include "training_worker.h"

#include <algorithm>

namespace gradlab::app {

TrainingController::TrainingController(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<TrainingSnapshot>();
    qRegisterMetaType<experiment::RunRecord>();
    thread_.setObjectName(QStringLiteral("training"));
    thread_.start();
}

TrainingController::~TrainingController()
{
    // The workers not yet deleted are alive (only this thread deletes them): the current one is
    // asked to stop, and all are deleted once their thread has finished.
    if (worker_)
        worker_->requestStop();
    thread_.quit();
    thread_.wait();
    for (TrainingWorker* w : workers_)
        delete w;
}

bool TrainingController::start(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data, StartMode mode)
{
    if (worker_)
        return false;
    return start(config, std::make_shared<const experiment::ExperimentData>(data), mode);
}

bool TrainingController::start(const experiment::ExperimentConfig& config, std::shared_ptr<const experiment::ExperimentData> data,
                               StartMode mode)
{
    if (worker_)
        return false;
    worker_ = new TrainingWorker(config, std::move(data));
    workers_.push_back(worker_);
    worker_->setPace(pace_);
    if (mode == StartMode::Paused)
        worker_->requestPause();
    else if (mode == StartMode::Step || mode == StartMode::StepBatch)
        worker_->requestFirstStep(mode == StartMode::StepBatch);
    worker_->moveToThread(&thread_);
    connect(worker_, &TrainingWorker::progress, this, &TrainingController::progress);
    connect(worker_, &TrainingWorker::paused, this, &TrainingController::paused);
    // The run is over for the window as soon as it is recorded (or has failed): a new one can
    // start at once, while the old worker finishes its last steps and deletes itself.
    TrainingWorker* w = worker_;
    connect(worker_, &TrainingWorker::finished, this, [this, w](const experiment::RunRecord& run) {
        retire(w);
        emit finished(run);
    });
    connect(worker_, &TrainingWorker::failed, this, [this, w](const QString& message) {
        retire(w);
        emit failed(message);
    });
    // Done: its run() has returned. Deleted in its own thread, from here.
    connect(worker_, &TrainingWorker::done, this, [this, w] {
        retire(w);
        workers_.erase(std::remove(workers_.begin(), workers_.end(), w), workers_.end());
        w->deleteLater();
    });
    QMetaObject::invokeMethod(worker_, &TrainingWorker::run, Qt::QueuedConnection);
    return true;
}

bool TrainingController::isRunning() const { return worker_ != nullptr; }
bool TrainingController::isPaused() const { return worker_ && worker_->isPaused(); }

bool TrainingController::setOptimizerOptions(const experiment::OptimizerConfig& options, QString* error)
{
    if (!worker_) {
        *error = tr("No run is in progress");
        return false;
    }
    return worker_->setOptimizerOptions(options, error);
}

bool TrainingController::setParameterValue(int flatIndex, double value, QString* error)
{
    if (!worker_) {
        *error = tr("No run is in progress");
        return false;
    }
    return worker_->setParameterValue(flatIndex, value, error);
}

void TrainingController::setPace(int epochsPerSecond)
{
    pace_ = std::max(0, epochsPerSecond);
    if (worker_)
        worker_->setPace(pace_);
}

void TrainingController::pause()
{
    if (worker_)
        worker_->requestPause();
}

void TrainingController::resume()
{
    if (worker_)
        worker_->requestResume();
}

void TrainingController::step()
{
    if (worker_)
        worker_->requestStep(false);
}

void TrainingController::stepBatch()
{
    if (worker_)
        worker_->requestStep(true);
}

void TrainingController::stop()
{
    if (worker_)
        worker_->requestStop();
}

void TrainingController::retire(TrainingWorker* worker)
{
    if (worker_ == worker)
        worker_ = nullptr;
}

} // namespace gradlab::app

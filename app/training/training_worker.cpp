#include "training_worker.h"

#include "experiment/history.h"

#include "engine/autograd.h"

#include <QJsonObject>

#include <QLocale>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include <QElapsedTimer>

namespace gradlab::app {
namespace {

// Snapshots reach the GUI at most this often.
constexpr qint64 kSnapshotMs = 33;
// Epochs carried by one snapshot at most; beyond, every other one is dropped (the run's own
// history keeps them all).
constexpr std::size_t kMaxCarried = 2000;

// The shortest text that reads back as the value in the parameter's dtype: 0.05, not
// 0.050000000000000003; a float32 value with a float's digits.
QString shortest(double value, DType dtype)
{
    if (dtype != DType::Float32)
        return QString::number(value, 'g', QLocale::FloatingPointShortest);
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, static_cast<float>(value)).ptr;
    return QString::fromLatin1(text, end - text);
}

} // namespace

TrainingWorker::TrainingWorker(experiment::ExperimentConfig config, std::shared_ptr<const experiment::ExperimentData> data)
    : config_(std::move(config)), data_(std::move(data))
{
}

void TrainingWorker::requestPause()
{
    {
        std::lock_guard lock(mutex_);
        pauseRequested_ = true;
    }
    wake_.notify_all(); // a paced run may be waiting between epochs
}

void TrainingWorker::setPace(int epochsPerSecond)
{
    {
        std::lock_guard lock(mutex_);
        pace_ = std::max(0, epochsPerSecond);
        ++paceChanges_;
    }
    wake_.notify_all();
}

void TrainingWorker::waitForPace(std::chrono::steady_clock::time_point began)
{
    std::unique_lock lock(mutex_);
    // A new pace recomputes the end of the wait: a slower one lengthens it, full speed ends it.
    for (;;) {
        const int pace = pace_.load();
        if (pace <= 0 || stopRequested_ || pauseRequested_)
            return;
        const auto until = began + std::chrono::microseconds(1'000'000 / pace);
        if (std::chrono::steady_clock::now() >= until)
            return;
        const int changes = paceChanges_;
        wake_.wait_until(lock, until, [&] { return stopRequested_ || pauseRequested_ || paceChanges_ != changes; });
    }
}

void TrainingWorker::requestResume()
{
    {
        std::lock_guard lock(mutex_);
        pauseRequested_ = false;
        steps_.clear(); // Steps not yet taken are overtaken by the run; a later Pause stops at an epoch's end
    }
    wake_.notify_all();
}

void TrainingWorker::requestStep(bool batch)
{
    {
        std::lock_guard lock(mutex_);
        // Paused, or about to be (a Step or Pause not yet reached, the worker busy or not yet
        // started): one more step once it is, so that quick Steps are each taken. Running: pause.
        if (paused_ || pauseRequested_)
            steps_.push_back(batch);
        pauseRequested_ = true;
    }
    wake_.notify_all();
}

void TrainingWorker::requestFirstStep(bool batch)
{
    std::lock_guard lock(mutex_);
    pauseRequested_ = true;
    steps_.assign(1, batch);
}

QString TrainingWorker::eventPosition() const
{
    if (trainer_->batchesDone() == 0)
        return tr("epoch %1").arg(trainer_->epoch());
    return tr("epoch %1, after batch %2 of %3").arg(trainer_->epoch() + 1).arg(trainer_->batchesDone()).arg(trainer_->batchesPerEpoch());
}

bool TrainingWorker::setOptimizerOptions(const experiment::OptimizerConfig& options, QString* error)
{
    std::lock_guard lock(mutex_);
    if (!paused_ || !trainer_) {
        *error = tr("The optimizer's options can only be changed while the run is paused");
        return false;
    }
    if (options.type != optimizer_.type) {
        *error = tr("A paused run keeps its optimizer; to train with %1, stop this run and start a new one")
                     .arg(experiment::jsonName(options.type));
        return false;
    }
    experiment::ExperimentConfig check = config_;
    check.optimizer = options;
    if (const QStringList problems = experiment::validate(check); !problems.isEmpty()) {
        *error = problems.join(QLatin1Char('\n'));
        return false;
    }
    try {
        Optimizer& live = trainer_->optimizer();
        const auto& c = options;
        if (auto* sgd = dynamic_cast<SGD*>(&live))
            sgd->setOptions(SGDOptions{c.lr, c.momentum, c.dampening, c.weightDecay, c.nesterov, c.maximize});
        else if (auto* adam = dynamic_cast<Adam*>(&live))
            adam->setOptions(AdamOptions{c.lr, c.beta1, c.beta2, c.eps, c.weightDecay, c.amsgrad, c.maximize});
        else if (auto* rms = dynamic_cast<RMSprop*>(&live))
            rms->setOptions(RMSpropOptions{c.lr, c.alpha, c.eps, c.weightDecay, c.momentum, c.centered, c.maximize});
        else if (auto* ada = dynamic_cast<Adagrad*>(&live))
            ada->setOptions(AdagradOptions{c.lr, c.lrDecay, c.weightDecay, c.initialAccumulatorValue, c.eps, c.maximize});
    } catch (const std::exception& e) {
        *error = QString::fromUtf8(e.what());
        return false;
    }
    // One event per option that changed, named as in the project file.
    experiment::ExperimentConfig before = config_, after = config_;
    before.optimizer = optimizer_;
    after.optimizer = options;
    const QJsonObject was = experiment::toJson(before).value(QStringLiteral("optimizer")).toObject();
    const QJsonObject now = experiment::toJson(after).value(QStringLiteral("optimizer")).toObject();
    for (auto it = now.begin(); it != now.end(); ++it)
        if (was.value(it.key()) != it.value())
            events_ << tr("%1: optimizer.%2 = %3")
                           .arg(eventPosition(), it.key(), it.value().isBool() ? (it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                              : QString::number(it.value().toDouble(), 'g', QLocale::FloatingPointShortest));
    optimizer_ = options;
    republishPaused();
    return true;
}

bool TrainingWorker::setParameterValue(int flatIndex, double value, QString* error)
{
    std::lock_guard lock(mutex_);
    if (!paused_ || !trainer_) {
        *error = tr("A parameter can only be edited while the run is paused");
        return false;
    }
    if (!std::isfinite(value)) {
        *error = tr("A parameter's value must be a finite number");
        return false;
    }
    int at = 0;
    for (const auto& [name, p] : trainer_->model().namedParameters()) {
        const int size = static_cast<int>(p.numel());
        if (flatIndex >= at && flatIndex < at + size) {
            // Beyond a float32 parameter's range the value would become inf, and the next epoch NaN.
            if (p.dtype() == DType::Float32 && std::abs(value) > std::numeric_limits<float>::max()) {
                *error = tr("%1 does not fit in float32 (whose largest magnitude is about %2)")
                             .arg(value, 0, 'g', 6)
                             .arg(static_cast<double>(std::numeric_limits<float>::max()), 0, 'g', 2);
                return false;
            }
            double old = 0.0;
            try {
                old = trainer_->setParameterValue(flatIndex, value);
            } catch (const std::exception& e) {
                *error = QString::fromUtf8(e.what());
                return false;
            }
            const QString label = size == 1 ? QString::fromStdString(name) : QStringLiteral("%1[%2]").arg(QString::fromStdString(name)).arg(flatIndex - at);
            events_ << tr("%1: %2 = %3 (was %4)").arg(eventPosition(), label, shortest(value, p.dtype()), shortest(old, p.dtype()));
            republishPaused();
            return true;
        }
        at += size;
    }
    *error = tr("There is no parameter value number %1").arg(flatIndex);
    return false;
}

void TrainingWorker::republishPaused()
{
    TrainingSnapshot s;
    s.epoch = trainer_->epoch();
    s.epochs = config_.training.epochs;
    s.batch = trainer_->batchesDone();
    s.batches = trainer_->batchesPerEpoch();
    s.params = trainer_->parameterValues();
    s.seconds = seconds_;
    s.epochsPerSecond = seconds_ > 0 ? static_cast<double>(s.epoch) / seconds_ : 0.0;
    s.events = events_;
    if (s.epoch > 0 || s.batch > 0)
        s.lastStep = trainer_->lastStep();
    emit paused(s);
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
    s.batch = trainer.batchesDone();
    s.batches = trainer.batchesPerEpoch();
    if (!pending_.empty()) {
        s.trainLoss = pending_.back().trainLoss;
        s.valLoss = pending_.back().valLoss;
    }
    s.params = trainer.parameterValues();
    s.seconds = seconds;
    s.epochsPerSecond = seconds > 0 ? static_cast<double>(s.epoch) / seconds : 0.0;
    s.newEpochs = std::move(pending_);
    pending_.clear();
    std::lock_guard lock(mutex_);
    s.events = events_;
    return s;
}

TrainingWorker::Next TrainingWorker::waitWhilePaused(experiment::Trainer& trainer, double seconds)
{
    TrainingSnapshot s = snapshot(trainer, seconds);
    if (trainer.epoch() > 0 || trainer.batchesDone() > 0)
        s.lastStep = trainer.lastStep();
    {
        std::lock_guard lock(mutex_);
        paused_ = true;
    }
    emit paused(s);
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [&] { return stopRequested_ || !pauseRequested_ || !steps_.empty(); });
    bool batch = false;
    if (!steps_.empty()) {
        batch = steps_.front();
        steps_.pop_front();
    }
    paused_ = false;
    return stopRequested_ ? Next::Stop : batch ? Next::Batch : Next::Go;
}

void TrainingWorker::run()
{
    optimizer_ = config_.optimizer;
    std::unique_ptr<experiment::Trainer> created;
    try {
        created = std::make_unique<experiment::Trainer>(config_, data_->train, data_->val);
    } catch (const std::exception& e) {
        emit failed(QString::fromUtf8(e.what()));
        emit done();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        trainer_ = std::move(created);
    }
    experiment::Trainer* trainer = trainer_.get();
    experiment::History history;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    double seconds = 0.0;
    QElapsedTimer throttle;
    throttle.start();
    try {
        while (!trainer->finished() && !stopRequested_) {
            Next next = Next::Go;
            if (pauseRequested_ && (next = waitWhilePaused(*trainer, seconds)) == Next::Stop)
                break;
            const auto began = std::chrono::steady_clock::now();
            std::optional<experiment::EpochRecord> done = next == Next::Batch ? trainer->stepBatch() : trainer->step();
            if (!done)
                continue; // within the epoch: paused again, to show the step
            const experiment::EpochRecord& r = *done;
            seconds += r.seconds;
            seconds_ = seconds;
            history.add(r);
            if (pending_.size() >= kMaxCarried) {
                std::vector<experiment::EpochRecord> thinned;
                for (std::size_t i = 0; i < pending_.size(); i += 2)
                    thinned.push_back(pending_[i]);
                pending_ = std::move(thinned);
            }
            pending_.push_back(r);
            // A paced run is slow enough to show every epoch.
            if (throttle.elapsed() >= kSnapshotMs || paced()) {
                emit progress(snapshot(*trainer, seconds));
                throttle.restart();
            }
            if (!trainer->finished())
                waitForPace(began);
        }
        if (!pending_.empty())
            emit progress(snapshot(*trainer, seconds));
        experiment::RunRecord record = experiment::recordRun(*trainer, history.records(), *data_, started, seconds);
        {
            std::lock_guard lock(mutex_);
            record.events = events_;
        }
        // Stopped within an epoch: its steps so far moved the final parameters, not the history. Said
        // as why the run ended early, not listed among the changes made while paused.
        if (trainer->batchesDone() > 0)
            record.message = tr("Stopped in epoch %1 after batch %2 of %3; the final parameters include the epoch's steps so far.")
                                 .arg(trainer->epoch() + 1)
                                 .arg(trainer->batchesDone())
                                 .arg(trainer->batchesPerEpoch());
        emit finished(record);
    } catch (const std::exception& e) {
        emit failed(QString::fromUtf8(e.what()));
    }
    emit done();
}

} // namespace gradlab::app

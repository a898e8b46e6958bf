#include "trainer.h"
#include "model_factory.h"

#include "data/split.h"
#include "engine/autograd.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace gradlab::experiment {
namespace {

// The translation context of this file's messages.
struct TrainerText {
    Q_DECLARE_TR_FUNCTIONS(TrainerText)
};

Tensor matrix(const std::vector<double>& values, std::int64_t rows, std::int64_t cols, DType dtype, Device device)
{
    return fromData(values, Shape{rows, cols}, TensorOptions{}.withDType(dtype)).to(device);
}

} // namespace

Loss buildLoss(const LossConfig& c)
{
    const Reduction r = c.reduction == LossConfig::Reduction::Mean ? Reduction::Mean : Reduction::Sum;
    switch (c.type) {
    case LossConfig::Type::Mse: return MSELoss(r);
    case LossConfig::Type::L1: return L1Loss(r);
    case LossConfig::Type::Huber: return HuberLoss(r, c.delta);
    case LossConfig::Type::SmoothL1: return SmoothL1Loss(r, c.beta);
    }
    return MSELoss(r);
}

std::unique_ptr<Optimizer> buildOptimizer(const OptimizerConfig& c, std::vector<Tensor> params)
{
    switch (c.type) {
    case OptimizerConfig::Type::Sgd:
        return std::make_unique<SGD>(std::move(params), SGDOptions{c.lr, c.momentum, c.dampening, c.weightDecay, c.nesterov, c.maximize});
    case OptimizerConfig::Type::Adam:
        return std::make_unique<Adam>(std::move(params), AdamOptions{c.lr, c.beta1, c.beta2, c.eps, c.weightDecay, c.amsgrad, c.maximize});
    case OptimizerConfig::Type::AdamW:
        return std::make_unique<AdamW>(std::move(params), AdamOptions{c.lr, c.beta1, c.beta2, c.eps, c.weightDecay, c.amsgrad, c.maximize});
    case OptimizerConfig::Type::RmsProp:
        return std::make_unique<RMSprop>(std::move(params), RMSpropOptions{c.lr, c.alpha, c.eps, c.weightDecay, c.momentum, c.centered, c.maximize});
    case OptimizerConfig::Type::Adagrad:
        return std::make_unique<Adagrad>(std::move(params), AdagradOptions{c.lr, c.lrDecay, c.weightDecay, c.initialAccumulatorValue, c.eps, c.maximize});
    }
    throw std::invalid_argument("unknown optimizer type");
}

Trainer::Trainer(const ExperimentConfig& config, const data::Dataset& train, const data::Dataset& val)
    : config_(config), loss_(buildLoss(config.loss))
{
    if (train.rows() == 0 || val.rows() == 0)
        throw std::invalid_argument("both the training and the validation set need at least one row");
    const DType dtype = parseDType(config.training.dtype.toStdString());
    const Device device = Device::parse(config.training.device.toStdString());
    const std::int64_t k = train.features();
    const std::int64_t inputs = modelInputs(config.model, k);
    model_ = buildModel(config.model, inputs, dtype);
    model_->to(device);
    xTrain_ = matrix(expandFeatures(config.model, train.x, k), train.rows(), inputs, dtype, device);
    yTrain_ = matrix(train.y, train.rows(), 1, dtype, device);
    xVal_ = matrix(expandFeatures(config.model, val.x, k), val.rows(), inputs, dtype, device);
    yVal_ = matrix(val.y, val.rows(), 1, dtype, device);
    std::vector<Tensor> trainable;
    for (const Tensor& p : model_->parameters())
        if (p.requiresGrad())
            trainable.push_back(p);
    if (trainable.empty())
        throw std::invalid_argument("every parameter is frozen: nothing to train");
    optimizer_ = buildOptimizer(config.optimizer, std::move(trainable));
}

std::vector<std::vector<std::int64_t>> Trainer::batches()
{
    const std::int64_t n = xTrain_.size(0);
    const std::int64_t size = config_.training.batchSize;
    if (size <= 0 || size >= n)
        return {}; // full batch: the tensors as they are
    return data::epochBatches(n, size, config_.training.shuffle, config_.training.seed, epoch_, false);
}

qint64 Trainer::batchesPerEpoch() const
{
    data::BatchOptions options;
    options.batchSize = std::max<std::int64_t>(0, config_.training.batchSize); // 0: full batch, as batches() reads it
    return data::batchCount(xTrain_.size(0), options);
}

EpochRecord Trainer::step()
{
    for (;;)
        if (auto record = trainBatch(false))
            return *record;
}

std::optional<EpochRecord> Trainer::stepBatch()
{
    return trainBatch(true);
}

double Trainer::setParameterValue(int flatIndex, double value)
{
    int at = 0;
    for (const auto& [name, p] : model_->namedParameters()) {
        const int size = static_cast<int>(p.numel());
        if (flatIndex >= at && flatIndex < at + size) {
            std::vector<double> values = p.toVector();
            const double old = std::exchange(values[static_cast<std::size_t>(flatIndex - at)], value);
            {
                NoGradGuard noGrad;
                Tensor(p).copy_(fromData(values, p.shape(), TensorOptions{}.withDType(p.dtype())).to(p.device()));
            }
            parametersSetByHand();
            return old;
        }
        at += size;
    }
    throw std::out_of_range("no parameter value number " + std::to_string(flatIndex));
}

void Trainer::parametersSetByHand()
{
    setByHand_ = true;
    if (batchesDone_ == 0)
        return; // the next epoch takes them as its start anyway
    epochStart_.clear();
    for (const auto& [name, t] : model_->stateDict())
        epochStart_.push_back(t.clone());
}

std::optional<EpochRecord> Trainer::trainBatch(bool inspect)
{
    if (finished())
        throw std::logic_error("the run is over");
    QElapsedTimer timer;
    timer.start();
    if (batchesDone_ == 0) {
        plan_ = batches();
        epochLossSum_ = 0.0;
        epochSeconds_ = 0.0;
        epochStart_.clear();
        for (const auto& [name, t] : model_->stateDict())
            epochStart_.push_back(t.clone());
    }
    const qint64 count = plan_.empty() ? 1 : static_cast<qint64>(plan_.size());
    const bool last = batchesDone_ + 1 == count;
    inspect = inspect || last;

    // The tutorial's train_step: train mode, predict, loss (target first, as loss_fn(y, yhat)),
    // backward, step, zero_grad (unless the configuration leaves the gradients to add up).
    auto trainStep = [&](const Tensor& x, const Tensor& y) {
        model_->train();
        const Tensor yhat = (*model_)(x);
        const Tensor loss = loss_(y, yhat);
        loss.backward();
        const double value = loss.item();
        if (inspect) {
            lastStep_.loss = value;
            lastStep_.before = parameterValues();
            lastStep_.gradients.clear();
            for (const auto& [name, p] : model_->namedParameters()) {
                const Tensor g = p.grad();
                if (g.defined()) {
                    const auto v = g.toVector();
                    lastStep_.gradients.insert(lastStep_.gradients.end(), v.begin(), v.end());
                } else {
                    lastStep_.gradients.insert(lastStep_.gradients.end(), static_cast<std::size_t>(p.numel()),
                                               std::numeric_limits<double>::quiet_NaN());
                }
            }
        }
        optimizer_->step();
        if (config_.training.zeroGrad)
            optimizer_->zeroGrad();
        if (inspect)
            lastStep_.after = parameterValues();
        return value;
    };
    if (plan_.empty()) {
        if (inspect)
            lastStep_.batch.clear();
        epochLossSum_ += trainStep(xTrain_, yTrain_);
    } else {
        const auto& rows = plan_[static_cast<std::size_t>(batchesDone_)];
        if (inspect)
            lastStep_.batch = rows;
        epochLossSum_ += trainStep(indexSelect(xTrain_, rows), indexSelect(yTrain_, rows));
    }
    ++batchesDone_;
    if (inspect) {
        lastStep_.epoch = epoch_ + 1;
        lastStep_.batchNumber = batchesDone_;
        lastStep_.batches = count;
    }
    if (!last) {
        epochSeconds_ += static_cast<double>(timer.nsecsElapsed()) * 1e-9;
        return std::nullopt;
    }

    batchesDone_ = 0;
    plan_.clear();
    ++epoch_;
    EpochRecord r;
    r.epoch = epoch_;
    r.trainLoss = epochLossSum_ / static_cast<double>(count);
    r.valLoss = evaluate(true);
    if (!std::isfinite(r.trainLoss) || !std::isfinite(r.valLoss)) {
        NoGradGuard noGrad;
        const NamedTensors live = model_->stateDict();
        for (std::size_t i = 0; i < epochStart_.size() && i < live.size(); ++i)
            Tensor(live[i].second).copy_(epochStart_[i]);
        diverged_ = true;
        const bool nan = std::isnan(r.trainLoss) || std::isnan(r.valLoss);
        if (setByHand_) // the edit, not the learning rate, is the likely cause
            message_ = (nan ? TrainerText::tr("The loss became NaN at epoch %1, after a parameter was set by hand, so training "
                                              "stopped and the parameters went back to the values set by hand.")
                            : TrainerText::tr("The loss became infinite at epoch %1, after a parameter was set by hand, so "
                                              "training stopped and the parameters went back to the values set by hand."))
                           .arg(epoch_);
        else
            message_ = (nan ? TrainerText::tr("The loss became NaN at epoch %1, so training stopped and the last finite parameters "
                                              "were kept. Try a smaller learning rate than %2.")
                            : TrainerText::tr("The loss became infinite at epoch %1, so training stopped and the last finite "
                                              "parameters were kept. Try a smaller learning rate than %2."))
                           .arg(epoch_)
                           .arg(optimizer_->lr()); // the rate in force, perhaps changed while paused
    }
    setByHand_ = false; // an epoch ended with them: the next one starts from its own values
    epochStart_.clear();
    r.params = parameterValues();
    r.seconds = epochSeconds_ + static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    return r;
}

Trainer::Outcome Trainer::run(const std::function<Control()>& query, const std::function<void(const EpochRecord&)>& progress)
{
    while (!finished()) {
        const Control c = query ? query() : Control::Continue;
        if (c == Control::Pause)
            return Outcome::Paused;
        if (c == Control::Stop)
            return Outcome::Stopped;
        const EpochRecord r = step();
        if (progress)
            progress(r);
    }
    return diverged_ ? Outcome::Diverged : Outcome::Finished;
}

double Trainer::evaluate(bool validation)
{
    model_->eval();
    NoGradGuard noGrad;
    const Tensor& x = validation ? xVal_ : xTrain_;
    const Tensor& y = validation ? yVal_ : yTrain_;
    return loss_(y, (*model_)(x)).item();
}

double Trainer::rSquared()
{
    model_->eval();
    NoGradGuard noGrad;
    const std::vector<double> y = yTrain_.toVector();
    const std::vector<double> yhat = (*model_)(xTrain_).toVector();
    if (y.empty() || yhat.size() != y.size())
        return std::numeric_limits<double>::quiet_NaN();
    double mean = 0.0;
    for (double v : y)
        mean += v;
    mean /= static_cast<double>(y.size());
    double sse = 0.0, sst = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) {
        sse += (y[i] - yhat[i]) * (y[i] - yhat[i]);
        sst += (y[i] - mean) * (y[i] - mean);
    }
    return sst > 0.0 ? 1.0 - sse / sst : std::numeric_limits<double>::quiet_NaN();
}

QStringList Trainer::parameterNames() const
{
    QStringList names;
    for (const auto& [name, p] : model_->namedParameters())
        names << QString::fromStdString(name);
    return names;
}

std::vector<double> Trainer::parameterValues() const
{
    std::vector<double> out;
    for (const auto& [name, p] : model_->namedParameters()) {
        const auto v = p.toVector();
        out.insert(out.end(), v.begin(), v.end());
    }
    return out;
}

} // namespace gradlab::experiment

// The tutorial's make_train_step loop over epochs and batches, for one ExperimentConfig. The
// trainer knows nothing of threads or widgets: it is stepped an epoch at a time, or run with a
// stop query and a progress sink.
#pragma once

#include "experiment_config.h"

#include "data/dataset.h"
#include "engine/nn.h"
#include "engine/optim.h"

#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace gradlab::experiment {

struct EpochRecord {
    qint64 epoch = 0;        // 1-based: the number of epochs done
    double trainLoss = 0.0;  // mean over the epoch's batches
    double valLoss = 0.0;    // eval mode, no grad
    std::vector<double> params; // every parameter value, in namedParameters() order
    double seconds = 0.0;    // wall time of this epoch
};

// The last optimizer step of an epoch, for the step inspector: what autograd computed and what
// the optimizer did with it. Values are flat, in namedParameters() order.
struct StepDetail {
    qint64 epoch = 0;                 // the epoch the step ended (1-based)
    std::vector<std::int64_t> batch;  // rows of the training set in the step's batch; empty: all of them
    double loss = 0.0;                // the batch's loss before the step
    std::vector<double> before;       // parameter values before the step
    std::vector<double> gradients;    // autograd's .grad before the step; NaN for a frozen parameter
    std::vector<double> after;        // parameter values after the step
};

class Trainer {
public:
    // Builds the model, loss and optimizer; moves them and the data to the configured device.
    // Throws std::invalid_argument (bad configuration) or gradlab::EngineError (device, shapes).
    Trainer(const ExperimentConfig& config, const data::Dataset& train, const data::Dataset& val);

    // One epoch. After a loss that is NaN or infinite the parameters are put back to their last
    // finite values, diverged() is true and message() says what happened.
    EpochRecord step();

    // What the owner of the run wants before each epoch: a paused run goes on from the same
    // point with the next run() or step(); a stopped one is over for its owner.
    enum class Control { Continue, Pause, Stop };
    enum class Outcome { Finished, Paused, Stopped, Diverged };
    // Steps until the configured epochs are done, the loss diverges, or query() says to pause or
    // stop; progress gets every epoch.
    Outcome run(const std::function<Control()>& query, const std::function<void(const EpochRecord&)>& progress);

    // The last optimizer step of the latest epoch (empty before the first epoch).
    const StepDetail& lastStep() const { return lastStep_; }

    qint64 epoch() const { return epoch_; }
    bool finished() const { return diverged_ || epoch_ >= config_.training.epochs; }
    bool diverged() const { return diverged_; }
    const QString& message() const { return message_; }
    const ExperimentConfig& config() const { return config_; }

    Module& model() { return *model_; }
    Optimizer& optimizer() { return *optimizer_; }
    const Loss& loss() const { return loss_; }
    QStringList parameterNames() const;
    std::vector<double> parameterValues() const;
    // The loss of the current model on the training or validation data (eval mode, no grad).
    double evaluate(bool validation);
    // R² of the current model on the training rows, 1 − Σ(y − ŷ)² / Σ(y − ȳ)², whatever the loss
    // and the model; NaN when y is constant.
    double rSquared();

    // The tensors the trainer feeds the model (after feature expansion), for graphs and plots.
    const Tensor& trainInputs() const { return xTrain_; }
    const Tensor& trainTargets() const { return yTrain_; }

private:
    std::vector<std::vector<std::int64_t>> batches();

    ExperimentConfig config_;
    std::shared_ptr<Module> model_;
    std::unique_ptr<Optimizer> optimizer_;
    Loss loss_;
    Tensor xTrain_, yTrain_, xVal_, yVal_;
    StepDetail lastStep_;
    qint64 epoch_ = 0;
    bool diverged_ = false;
    QString message_;
};

// The optimizer of `config` over `params`.
std::unique_ptr<Optimizer> buildOptimizer(const OptimizerConfig& config, std::vector<Tensor> params);
Loss buildLoss(const LossConfig& config);

} // namespace gradlab::experiment

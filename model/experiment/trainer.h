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
#include <optional>
#include <vector>

namespace gradlab::experiment {

struct EpochRecord {
    qint64 epoch = 0;        // 1-based: the number of epochs done
    double trainLoss = 0.0;  // mean over the epoch's batches
    double valLoss = 0.0;    // eval mode, no grad
    std::vector<double> params; // every parameter value, in namedParameters() order
    double seconds = 0.0;    // wall time of this epoch
};

// An optimizer step, for the step inspector: what autograd computed and what the optimizer did
// with it. Values are flat, in namedParameters() order.
struct StepDetail {
    qint64 epoch = 0;                 // the epoch the step belongs to (1-based)
    qint64 batchNumber = 1;           // the step's batch in that epoch (1-based)
    qint64 batches = 1;               // batches in that epoch
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

    // One epoch, or what is left of one after stepBatch(). After a loss that is NaN or infinite the
    // parameters are put back to their values where the epoch began, diverged() is true and
    // message() says what happened.
    EpochRecord step();
    // One batch of the epoch in progress (one optimizer step; the whole epoch with full-batch
    // training), kept as lastStep(); the epoch's record once this was its last batch.
    std::optional<EpochRecord> stepBatch();
    // Batches of the epoch in progress already trained (0 between epochs), and batches an epoch has.
    qint64 batchesDone() const { return batchesDone_; }
    qint64 batchesPerEpoch() const;
    // Sets the parameter value at `flatIndex` (in parameterValues() order) by hand, while paused,
    // and gives the value it replaces. A divergence later in that epoch goes back to the values set,
    // the last finite ones the user saw, not to where the epoch began (which would undo the edit),
    // and says that it followed an edit. Throws std::out_of_range for an index beyond the parameters.
    double setParameterValue(int flatIndex, double value);

    // What the owner of the run wants before each epoch: a paused run goes on from the same
    // point with the next run() or step(); a stopped one is over for its owner.
    enum class Control { Continue, Pause, Stop };
    enum class Outcome { Finished, Paused, Stopped, Diverged };
    // Steps until the configured epochs are done, the loss diverges, or query() says to pause or
    // stop; progress gets every epoch.
    Outcome run(const std::function<Control()>& query, const std::function<void(const EpochRecord&)>& progress);

    // The last optimizer step of the latest epoch, or the latest stepBatch() (empty before both).
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
    // The next batch of the epoch in progress (starting one when none is); `inspect`: keep it as
    // lastStep_ even when it is not the epoch's last.
    std::optional<EpochRecord> trainBatch(bool inspect);
    // The parameters were just set by hand: the point a divergence in this epoch goes back to.
    void parametersSetByHand();

    ExperimentConfig config_;
    std::shared_ptr<Module> model_;
    std::unique_ptr<Optimizer> optimizer_;
    Loss loss_;
    Tensor xTrain_, yTrain_, xVal_, yVal_;
    StepDetail lastStep_;
    // The epoch in progress: its batches (empty: full batch), how many are done, the sum of their
    // losses, its time so far, and the parameters to go back to if it diverges (where it began, or
    // where they were last set by hand).
    std::vector<std::vector<std::int64_t>> plan_;
    qint64 batchesDone_ = 0;
    double epochLossSum_ = 0.0;
    double epochSeconds_ = 0.0;
    std::vector<Tensor> epochStart_;
    bool setByHand_ = false; // parametersSetByHand() since the last epoch ended
    qint64 epoch_ = 0;
    bool diverged_ = false;
    QString message_;
};

// The optimizer of `config` over `params`.
std::unique_ptr<Optimizer> buildOptimizer(const OptimizerConfig& config, std::vector<Tensor> params);
Loss buildLoss(const LossConfig& config);

} // namespace gradlab::experiment

// torch.optim for GradLab: the same options, defaults and update rules as the torch.optim
// documentation (single-tensor form), so that a run here and in PyTorch agree.
#pragma once

#include "backend.h"
#include "tensor.h"

#include <memory>
#include <string>
#include <vector>

namespace gradlab {

struct SGDOptions {
    double lr = 0.01; // torch requires lr for SGD; GradLab's forms start from 0.01
    double momentum = 0.0;
    double dampening = 0.0;
    double weightDecay = 0.0;
    bool nesterov = false;
    bool maximize = false;
};

struct AdamOptions {
    double lr = 1e-3;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weightDecay = 0.0; // AdamW's default is 1e-2: see AdamW::defaults()
    bool amsgrad = false;
    bool maximize = false;
};

struct RMSpropOptions {
    double lr = 1e-2;
    double alpha = 0.99;
    double eps = 1e-8;
    double weightDecay = 0.0;
    double momentum = 0.0;
    bool centered = false;
    bool maximize = false;
};

struct AdagradOptions {
    double lr = 1e-2;
    double lrDecay = 0.0;
    double weightDecay = 0.0;
    double initialAccumulatorValue = 0.0;
    double eps = 1e-10;
    bool maximize = false;
};

class Optimizer {
public:
    explicit Optimizer(std::vector<Tensor> params);
    virtual ~Optimizer() = default;
    Optimizer(const Optimizer&) = delete;
    Optimizer& operator=(const Optimizer&) = delete;

    // One update of every parameter that has a gradient.
    void step();
    // Zeroes every gradient in place (PyTorch 1.13's default), or drops them with setToNone.
    void zeroGrad(bool setToNone = false);

    virtual std::string name() const = 0;
    virtual double lr() const = 0;
    virtual void setLr(double lr) = 0;
    const std::vector<Tensor>& params() const { return params_; }
    // Steps taken so far.
    std::int64_t steps() const { return steps_; }
    // The state buffers of parameter i ("momentum_buffer", "exp_avg", ...), for inspection.
    std::vector<std::pair<std::string, Tensor>> state(std::size_t i) const;

protected:
    // The update description for the next step; validated options.
    virtual OptimizerStep describe() const = 0;
    virtual std::vector<std::string> stateNames() const = 0;
    virtual double initialStateValue(std::size_t /*buffer*/) const { return 0.0; }

private:
    struct ParamState {
        std::vector<Tensor> buffers; // in stateNames() order, created on the first step
        std::int64_t step = 0;
    };
    std::vector<Tensor> params_;
    std::vector<ParamState> state_;
    std::int64_t steps_ = 0;
};

class SGD final : public Optimizer {
public:
    SGD(std::vector<Tensor> params, const SGDOptions& options);
    std::string name() const override { return "SGD"; }
    double lr() const override { return options_.lr; }
    void setLr(double lr) override;
    const SGDOptions& options() const { return options_; }
    void setOptions(const SGDOptions& options);

protected:
    OptimizerStep describe() const override;
    std::vector<std::string> stateNames() const override;

private:
    SGDOptions options_;
};

class Adam : public Optimizer {
public:
    Adam(std::vector<Tensor> params, const AdamOptions& options);
    std::string name() const override { return "Adam"; }
    double lr() const override { return options_.lr; }
    void setLr(double lr) override;
    const AdamOptions& options() const { return options_; }
    void setOptions(const AdamOptions& options);

protected:
    OptimizerStep describe() const override;
    std::vector<std::string> stateNames() const override;
    AdamOptions options_;
};

// Adam with decoupled weight decay; weight_decay defaults to 1e-2.
class AdamW final : public Adam {
public:
    static AdamOptions defaults();
    AdamW(std::vector<Tensor> params, const AdamOptions& options);
    std::string name() const override { return "AdamW"; }

protected:
    OptimizerStep describe() const override;
};

class RMSprop final : public Optimizer {
public:
    RMSprop(std::vector<Tensor> params, const RMSpropOptions& options);
    std::string name() const override { return "RMSprop"; }
    double lr() const override { return options_.lr; }
    void setLr(double lr) override;
    const RMSpropOptions& options() const { return options_; }
    void setOptions(const RMSpropOptions& options);

protected:
    OptimizerStep describe() const override;
    std::vector<std::string> stateNames() const override;

private:
    RMSpropOptions options_;
};

class Adagrad final : public Optimizer {
public:
    Adagrad(std::vector<Tensor> params, const AdagradOptions& options);
    std::string name() const override { return "Adagrad"; }
    double lr() const override { return options_.lr; }
    void setLr(double lr) override;
    const AdagradOptions& options() const { return options_; }
    void setOptions(const AdagradOptions& options);

protected:
    OptimizerStep describe() const override;
    std::vector<std::string> stateNames() const override;
    double initialStateValue(std::size_t) const override { return options_.initialAccumulatorValue; }

private:
    AdagradOptions options_;
};

} // namespace gradlab

#include "optim.h"
#include "autograd.h"

#include <cmath>

namespace gradlab {
namespace {

std::string num(double v)
{
    std::string s = std::to_string(v);
    while (s.size() > 1 && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

void require(bool ok, const std::string& message)
{
    if (!ok)
        throw EngineError(message);
}

void checkLr(double lr) { require(std::isfinite(lr) && lr >= 0.0, "Invalid learning rate: " + num(lr)); }
void checkWeightDecay(double wd) { require(std::isfinite(wd) && wd >= 0.0, "Invalid weight_decay value: " + num(wd)); }
void checkEps(double eps) { require(std::isfinite(eps) && eps >= 0.0, "Invalid epsilon value: " + num(eps)); }

void validate(const SGDOptions& o)
{
    checkLr(o.lr);
    require(o.momentum >= 0.0, "Invalid momentum value: " + num(o.momentum));
    checkWeightDecay(o.weightDecay);
    require(!o.nesterov || (o.momentum > 0.0 && o.dampening == 0.0),
            "Nesterov momentum requires a momentum and zero dampening");
}

void validate(const AdamOptions& o)
{
    checkLr(o.lr);
    checkEps(o.eps);
    require(o.beta1 >= 0.0 && o.beta1 < 1.0, "Invalid beta parameter at index 0: " + num(o.beta1));
    require(o.beta2 >= 0.0 && o.beta2 < 1.0, "Invalid beta parameter at index 1: " + num(o.beta2));
    checkWeightDecay(o.weightDecay);
}

void validate(const RMSpropOptions& o)
{
    checkLr(o.lr);
    checkEps(o.eps);
    require(o.momentum >= 0.0, "Invalid momentum value: " + num(o.momentum));
    checkWeightDecay(o.weightDecay);
    require(o.alpha >= 0.0, "Invalid alpha value: " + num(o.alpha));
}

void validate(const AdagradOptions& o)
{
    checkLr(o.lr);
    require(o.lrDecay >= 0.0, "Invalid lr_decay value: " + num(o.lrDecay));
    checkWeightDecay(o.weightDecay);
    require(o.initialAccumulatorValue >= 0.0,
            "Invalid initial_accumulator_value value: " + num(o.initialAccumulatorValue));
    checkEps(o.eps);
}

} // namespace

Optimizer::Optimizer(std::vector<Tensor> params) : params_(std::move(params)), state_(params_.size())
{
    require(!params_.empty(), "optimizer got an empty parameter list");
    for (const Tensor& p : params_) {
        require(p.defined(), "optimizer got an undefined parameter");
        require(p.isLeaf(), "can't optimize a non-leaf Tensor");
    }
}

void Optimizer::step()
{
    NoGradGuard noGrad;
    const std::vector<std::string> names = stateNames();
    OptimizerStep s = describe();
    for (std::size_t i = 0; i < params_.size(); ++i) {
        Tensor& p = params_[i];
        const Tensor g = p.grad();
        if (!g.defined())
            continue;
        if (g.device() != p.device())
            throw EngineError("the gradient of a parameter is on " + g.device().str() + " but the parameter is on "
                              + p.device().str());
        ParamState& st = state_[i];
        // Buffers appear on a parameter's first step, or when an option that needs one (SGD's
        // momentum) is switched on between steps.
        const bool fresh = st.buffers.size() < names.size();
        while (st.buffers.size() < names.size())
            st.buffers.push_back(full(p.shape(), initialStateValue(st.buffers.size()),
                                      TensorOptions{}.withDType(p.dtype()).withDevice(p.device())));
        s.step = ++st.step;
        s.firstStep = fresh;
        auto buf = [&](std::size_t b) { return b < st.buffers.size() ? st.buffers[b].impl() : nullptr; };
        prepareWrite(*p.impl()->storage);
        for (Tensor& b : st.buffers)
            prepareWrite(*b.impl()->storage);
        backendFor(p.device()).optimizerStep(s, *p.impl(), *g.impl(), buf(0), buf(1), buf(2));
        ++p.impl()->storage->version;
    }
    ++steps_;
}

void Optimizer::zeroGrad(bool setToNone)
{
    NoGradGuard noGrad;
    for (Tensor& p : params_) {
        if (!p.grad().defined())
            continue;
        if (setToNone)
            p.setGrad(Tensor());
        else
            p.grad().zero_();
    }
}

std::vector<std::pair<std::string, Tensor>> Optimizer::state(std::size_t i) const
{
    std::vector<std::pair<std::string, Tensor>> out;
    if (i >= state_.size())
        return out;
    const std::vector<std::string> names = stateNames();
    for (std::size_t b = 0; b < state_[i].buffers.size() && b < names.size(); ++b)
        out.emplace_back(names[b], state_[i].buffers[b]);
    return out;
}

SGD::SGD(std::vector<Tensor> params, const SGDOptions& options) : Optimizer(std::move(params)) { setOptions(options); }
void SGD::setOptions(const SGDOptions& o) { validate(o); options_ = o; }
void SGD::setLr(double lr) { SGDOptions o = options_; o.lr = lr; setOptions(o); }

std::vector<std::string> SGD::stateNames() const
{
    return options_.momentum != 0.0 ? std::vector<std::string>{"momentum_buffer"} : std::vector<std::string>{};
}

OptimizerStep SGD::describe() const
{
    OptimizerStep s;
    s.kind = OptimizerKind::SGD;
    s.lr = options_.lr;
    s.momentum = options_.momentum;
    s.dampening = options_.dampening;
    s.nesterov = options_.nesterov;
    s.weightDecay = options_.weightDecay;
    s.maximize = options_.maximize;
    return s;
}

Adam::Adam(std::vector<Tensor> params, const AdamOptions& options) : Optimizer(std::move(params)) { setOptions(options); }
void Adam::setOptions(const AdamOptions& o) { validate(o); options_ = o; }
void Adam::setLr(double lr) { AdamOptions o = options_; o.lr = lr; setOptions(o); }

std::vector<std::string> Adam::stateNames() const
{
    // The AMSGrad buffer always exists, so that amsgrad can be switched on between steps.
    return {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"};
}

OptimizerStep Adam::describe() const
{
    OptimizerStep s;
    s.kind = OptimizerKind::Adam;
    s.lr = options_.lr;
    s.beta1 = options_.beta1;
    s.beta2 = options_.beta2;
    s.eps = options_.eps;
    s.weightDecay = options_.weightDecay;
    s.amsgrad = options_.amsgrad;
    s.maximize = options_.maximize;
    return s;
}

AdamOptions AdamW::defaults()
{
    AdamOptions o;
    o.weightDecay = 1e-2;
    return o;
}

AdamW::AdamW(std::vector<Tensor> params, const AdamOptions& options) : Adam(std::move(params), options) {}

OptimizerStep AdamW::describe() const
{
    OptimizerStep s = Adam::describe();
    s.kind = OptimizerKind::AdamW;
    return s;
}

RMSprop::RMSprop(std::vector<Tensor> params, const RMSpropOptions& options) : Optimizer(std::move(params)) { setOptions(options); }
void RMSprop::setOptions(const RMSpropOptions& o) { validate(o); options_ = o; }
void RMSprop::setLr(double lr) { RMSpropOptions o = options_; o.lr = lr; setOptions(o); }

std::vector<std::string> RMSprop::stateNames() const { return {"square_avg", "momentum_buffer", "grad_avg"}; }

OptimizerStep RMSprop::describe() const
{
    OptimizerStep s;
    s.kind = OptimizerKind::RMSprop;
    s.lr = options_.lr;
    s.alpha = options_.alpha;
    s.eps = options_.eps;
    s.weightDecay = options_.weightDecay;
    s.momentum = options_.momentum;
    s.centered = options_.centered;
    s.maximize = options_.maximize;
    return s;
}

Adagrad::Adagrad(std::vector<Tensor> params, const AdagradOptions& options) : Optimizer(std::move(params)) { setOptions(options); }
void Adagrad::setOptions(const AdagradOptions& o) { validate(o); options_ = o; }
void Adagrad::setLr(double lr) { AdagradOptions o = options_; o.lr = lr; setOptions(o); }

std::vector<std::string> Adagrad::stateNames() const { return {"sum"}; }

OptimizerStep Adagrad::describe() const
{
    OptimizerStep s;
    s.kind = OptimizerKind::Adagrad;
    s.lr = options_.lr;
    s.lrDecay = options_.lrDecay;
    s.weightDecay = options_.weightDecay;
    s.eps = options_.eps;
    s.maximize = options_.maximize;
    return s;
}

} // namespace gradlab

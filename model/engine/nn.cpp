#include "nn.h"
#include "autograd.h"
#include "generator.h"

#include <cmath>
#include <mutex>
#include <set>

namespace gradlab {

Tensor makeParameter(const Tensor& data)
{
    Tensor p = data.detach();
    p.requiresGrad_(true);
    return p;
}

Tensor& Module::registerParameter(const std::string& name, const Tensor& value)
{
    Tensor p = value.requiresGrad() && value.isLeaf() ? value : makeParameter(value);
    p.setName(name);
    params_.emplace_back(name, p);
    return params_.back().second;
}

void Module::registerModule(const std::string& name, std::shared_ptr<Module> module)
{
    children_.emplace_back(name, std::move(module));
}

void Module::collect(const std::string& prefix, NamedTensors& out) const
{
    for (const auto& [name, p] : params_)
        out.emplace_back(prefix + name, p);
    for (const auto& [name, child] : children_)
        child->collect(prefix + name + ".", out);
}

NamedTensors Module::namedParameters() const
{
    NamedTensors out;
    collect("", out);
    return out;
}

std::vector<Tensor> Module::parameters() const
{
    std::vector<Tensor> out;
    for (auto& [name, p] : namedParameters())
        out.push_back(p);
    return out;
}

NamedTensors Module::stateDict() const
{
    NamedTensors out;
    for (auto& [name, p] : namedParameters())
        out.emplace_back(name, p.detach());
    return out;
}

void Module::loadStateDict(const NamedTensors& state, bool strict)
{
    NamedTensors own = namedParameters();
    std::string missing, unexpected;
    auto listKey = [](std::string& list, const std::string& key) {
        list.append(list.empty() ? "\"" : ", \"").append(key).append("\"");
    };
    std::set<std::string> given;
    for (const auto& [name, value] : state)
        given.insert(name);
    for (const auto& [name, p] : own)
        if (!given.count(name))
            listKey(missing, name);
    for (const auto& [name, value] : state) {
        bool known = false;
        for (const auto& [pname, p] : own)
            known = known || pname == name;
        if (!known)
            listKey(unexpected, name);
    }
    if (strict && (!missing.empty() || !unexpected.empty())) {
        std::string msg = "Error(s) in loading state_dict for " + typeName() + ":";
        if (!missing.empty())
            msg += " Missing key(s) in state_dict: " + missing + ".";
        if (!unexpected.empty())
            msg += " Unexpected key(s) in state_dict: " + unexpected + ".";
        throw EngineError(msg);
    }
    // Check every shape before changing anything.
    for (const auto& [name, value] : state)
        for (auto& [pname, p] : own)
            if (pname == name && value.shape() != p.shape())
                throw EngineError("Error(s) in loading state_dict for " + typeName() + ": size mismatch for " + name
                                  + ": copying a param with shape " + value.shape().bracketStr()
                                  + ", the shape in current model is " + p.shape().bracketStr() + ".");
    NoGradGuard noGrad;
    for (const auto& [name, value] : state)
        for (auto& [pname, p] : own)
            if (pname == name)
                p.copy_(value);
}

void Module::train(bool on)
{
    training_ = on;
    for (auto& [name, child] : children_)
        child->train(on);
}

Module& Module::to(Device device, DType dtype)
{
    for (auto& [name, p] : namedParameters()) {
        if (p.device() == device && p.dtype() == dtype)
            continue;
        Tensor moved = p.detach().to(device, dtype);
        TensorImpl* impl = p.impl();
        impl->storage = moved.impl()->storage;
        impl->offset = moved.impl()->offset;
        impl->dtype = dtype;
        if (impl->grad)
            impl->grad = Tensor(impl->grad).to(device, dtype).implPtr();
    }
    return *this;
}

Module& Module::to(Device device)
{
    auto params = parameters();
    return to(device, params.empty() ? DType::Float32 : params.front().dtype());
}

Module& Module::to(DType dtype)
{
    auto params = parameters();
    return to(params.empty() ? Device::cpu() : params.front().device(), dtype);
}

ManualLinearRegression::ManualLinearRegression(DType dtype, Generator* generator)
{
    const TensorOptions opts = TensorOptions{}.withDType(dtype);
    // Drawn in one lock each, in the tutorial's order: a first, then b.
    Tensor a = randn(Shape{1}, opts, generator);
    Tensor b = randn(Shape{1}, opts, generator);
    a_ = registerParameter("a", a);
    b_ = registerParameter("b", b);
}

Tensor ManualLinearRegression::forward(const Tensor& x) { return a_ + b_ * x; }

Linear::Linear(std::int64_t inFeatures, std::int64_t outFeatures, bool bias, DType dtype, Generator* generator)
    : in_(inFeatures), out_(outFeatures)
{
    if (inFeatures <= 0 || outFeatures <= 0)
        throw EngineError("Linear needs positive sizes, got in_features=" + std::to_string(inFeatures)
                          + ", out_features=" + std::to_string(outFeatures));
    Generator& g = generator ? *generator : defaultGenerator();
    const TensorOptions opts = TensorOptions{}.withDType(dtype);
    // kaiming_uniform_(weight, a=sqrt(5)), computed in the same order as torch.nn.init.
    const double a = std::sqrt(5.0);
    const double gain = std::sqrt(2.0 / (1.0 + a * a));
    const double stdv = gain / std::sqrt(static_cast<double>(inFeatures));
    const double wBound = std::sqrt(3.0) * stdv;
    Tensor w = empty(Shape{outFeatures, inFeatures}, opts);
    Tensor b = bias ? empty(Shape{outFeatures}, opts) : Tensor();
    const double bBound = 1.0 / std::sqrt(static_cast<double>(inFeatures));
    {
        std::lock_guard lock(g.mutex());
        if (dtype == DType::Float32)
            g.fillUniform(w.data<float>(), w.numel(), -wBound, wBound);
        else
            g.fillUniform(w.data<double>(), w.numel(), -wBound, wBound);
        if (bias) {
            if (dtype == DType::Float32)
                g.fillUniform(b.data<float>(), b.numel(), -bBound, bBound);
            else
                g.fillUniform(b.data<double>(), b.numel(), -bBound, bBound);
        }
    }
    weight_ = registerParameter("weight", w);
    if (bias)
        bias_ = registerParameter("bias", b);
}

Tensor Linear::forward(const Tensor& x) { return linear(x, weight_, bias_); }

Sequential::Sequential(std::vector<std::shared_ptr<Module>> modules)
{
    for (auto& m : modules)
        append(std::move(m));
}

void Sequential::append(std::shared_ptr<Module> module)
{
    registerModule(std::to_string(children().size()), std::move(module));
}

Tensor Sequential::forward(const Tensor& x)
{
    Tensor h = x;
    for (const auto& [name, m] : children())
        h = m->forward(h);
    return h;
}

Loss::Loss(Type type, Reduction reduction, double parameter) : type_(type), reduction_(reduction), parameter_(parameter)
{
    if (type == Type::Huber && !(parameter > 0.0))
        throw EngineError("huber_loss does not support non-positive values for delta.");
    if (type == Type::SmoothL1 && !(parameter >= 0.0))
        throw EngineError("smooth_l1_loss does not support negative values for beta.");
}

Tensor Loss::operator()(const Tensor& input, const Tensor& target) const
{
    switch (type_) {
    case Type::MSE: return mseLoss(input, target, reduction_);
    case Type::L1: return l1Loss(input, target, reduction_);
    case Type::Huber: return huberLoss(input, target, reduction_, parameter_);
    case Type::SmoothL1: return smoothL1Loss(input, target, reduction_, parameter_);
    }
    return {};
}

} // namespace gradlab

// torch.nn for GradLab: modules with named parameters, the layers and activations the product
// offers, and the losses as modules.
#pragma once

#include "ops.h"
#include "tensor.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gradlab {

class Generator;

// A leaf tensor that requires grad (torch.nn.Parameter): `data` detached and marked.
Tensor makeParameter(const Tensor& data);

using NamedTensors = std::vector<std::pair<std::string, Tensor>>;

class Module {
public:
    virtual ~Module() = default;
    Module() = default;
    Module(const Module&) = delete;
    Module& operator=(const Module&) = delete;

    virtual Tensor forward(const Tensor& x) = 0;
    Tensor operator()(const Tensor& x) { return forward(x); }
    // The class name PyTorch would print ("Linear", "Sequential", ...).
    virtual std::string typeName() const = 0;

    std::vector<Tensor> parameters() const;
    // Dotted names as in a PyTorch state_dict ("a", "weight", "0.bias").
    NamedTensors namedParameters() const;
    // Detached tensors sharing the parameters' data.
    NamedTensors stateDict() const;
    // Copies values in; with `strict`, missing and unexpected keys are errors (all named).
    void loadStateDict(const NamedTensors& state, bool strict = true);

    void train(bool on = true);
    void eval() { train(false); }
    bool isTraining() const { return training_; }

    // Moves and converts every parameter in place; parameters stay the same leaves.
    Module& to(Device device, DType dtype);
    Module& to(Device device);
    Module& to(DType dtype);

    const std::vector<std::pair<std::string, std::shared_ptr<Module>>>& children() const { return children_; }

protected:
    Tensor& registerParameter(const std::string& name, const Tensor& value);
    void registerModule(const std::string& name, std::shared_ptr<Module> module);

private:
    void collect(const std::string& prefix, NamedTensors& out) const;
    NamedTensors params_;
    std::vector<std::pair<std::string, std::shared_ptr<Module>>> children_;
    bool training_ = true;
};

// The tutorial's model: yhat = a + b·x with scalars a and b drawn by randn(1) each, in that order.
class ManualLinearRegression final : public Module {
public:
    explicit ManualLinearRegression(DType dtype = DType::Float32, Generator* generator = nullptr);
    Tensor forward(const Tensor& x) override;
    std::string typeName() const override { return "ManualLinearRegression"; }
    Tensor& a() { return a_; }
    Tensor& b() { return b_; }

private:
    Tensor a_, b_;
};

// y = x·Wᵀ + b with PyTorch's default initialisation: kaiming-uniform weight (a = √5) and a
// uniform bias in ±1/√in_features.
class Linear final : public Module {
public:
    Linear(std::int64_t inFeatures, std::int64_t outFeatures, bool bias = true, DType dtype = DType::Float32,
           Generator* generator = nullptr);
    Tensor forward(const Tensor& x) override;
    std::string typeName() const override { return "Linear"; }
    Tensor& weight() { return weight_; }
    Tensor& bias() { return bias_; }
    std::int64_t inFeatures() const { return in_; }
    std::int64_t outFeatures() const { return out_; }

private:
    std::int64_t in_, out_;
    Tensor weight_, bias_;
};

class Sequential final : public Module {
public:
    Sequential() = default;
    explicit Sequential(std::vector<std::shared_ptr<Module>> modules);
    void append(std::shared_ptr<Module> module);
    Tensor forward(const Tensor& x) override;
    std::string typeName() const override { return "Sequential"; }
    std::size_t size() const { return children().size(); }
};

class ReLU final : public Module {
public:
    Tensor forward(const Tensor& x) override { return relu(x); }
    std::string typeName() const override { return "ReLU"; }
};

class Tanh final : public Module {
public:
    Tensor forward(const Tensor& x) override { return tanh(x); }
    std::string typeName() const override { return "Tanh"; }
};

class Sigmoid final : public Module {
public:
    Tensor forward(const Tensor& x) override { return sigmoid(x); }
    std::string typeName() const override { return "Sigmoid"; }
};

// Loss modules (torch.nn.MSELoss and friends). Called as loss(input, target).
class Loss {
public:
    enum class Type { MSE, L1, Huber, SmoothL1 };
    Loss(Type type, Reduction reduction = Reduction::Mean, double parameter = 1.0);
    Tensor operator()(const Tensor& input, const Tensor& target) const;
    Type type() const { return type_; }
    Reduction reduction() const { return reduction_; }
    // Huber's delta or SmoothL1's beta.
    double parameter() const { return parameter_; }

private:
    Type type_;
    Reduction reduction_;
    double parameter_;
};

inline Loss MSELoss(Reduction r = Reduction::Mean) { return Loss(Loss::Type::MSE, r); }
inline Loss L1Loss(Reduction r = Reduction::Mean) { return Loss(Loss::Type::L1, r); }
inline Loss HuberLoss(Reduction r = Reduction::Mean, double delta = 1.0) { return Loss(Loss::Type::Huber, r, delta); }
inline Loss SmoothL1Loss(Reduction r = Reduction::Mean, double beta = 1.0) { return Loss(Loss::Type::SmoothL1, r, beta); }

} // namespace gradlab

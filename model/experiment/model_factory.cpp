#include "model_factory.h"

#include "engine/autograd.h"
#include "engine/generator.h"

#include <QCoreApplication>

#include <stdexcept>

namespace gradlab::experiment {
namespace {

std::shared_ptr<Module> activation(const QString& name)
{
    if (name == QLatin1String("relu"))
        return std::make_shared<ReLU>();
    if (name == QLatin1String("sigmoid"))
        return std::make_shared<Sigmoid>();
    return std::make_shared<Tanh>();
}

std::shared_ptr<Module> construct(const ModelConfig& config, std::int64_t inputs, DType dtype, Generator* gen)
{
    switch (config.type) {
    case ModelConfig::Type::ScalarLinear:
        if (inputs != 1)
            // Shown in the settings form and gradlab-cli's messages: in the user's language.
            throw std::invalid_argument(QCoreApplication::translate("gradlab::experiment::ModelFactory",
                                                                    "the a + b·x model takes one feature; this dataset has %1 "
                                                                    "(use the linear model)")
                                            .arg(inputs)
                                            .toStdString());
        return std::make_shared<ManualLinearRegression>(dtype, gen);
    case ModelConfig::Type::Linear:
    case ModelConfig::Type::Polynomial: return std::make_shared<Linear>(inputs, 1, true, dtype, gen);
    case ModelConfig::Type::Mlp: {
        auto seq = std::make_shared<Sequential>();
        std::int64_t width = inputs;
        for (int h : config.hidden) {
            seq->append(std::make_shared<Linear>(width, h, true, dtype, gen));
            seq->append(activation(config.activation));
            width = h;
        }
        seq->append(std::make_shared<Linear>(width, 1, true, dtype, gen));
        return seq;
    }
    }
    throw std::invalid_argument("unknown model type");
}

} // namespace

std::int64_t modelInputs(const ModelConfig& config, std::int64_t features)
{
    return config.type == ModelConfig::Type::Polynomial ? config.degree : features;
}

std::vector<double> expandFeatures(const ModelConfig& config, const std::vector<double>& x, std::int64_t features)
{
    if (config.type != ModelConfig::Type::Polynomial)
        return x;
    if (features != 1)
        throw std::invalid_argument("a polynomial model fits one feature; this dataset has " + std::to_string(features));
    std::vector<double> out;
    out.reserve(x.size() * static_cast<std::size_t>(config.degree));
    for (double v : x) {
        double p = 1.0;
        for (int d = 1; d <= config.degree; ++d)
            out.push_back(p *= v);
    }
    return out;
}

QStringList parameterNames(const ModelConfig& config, std::int64_t inputs)
{
    // Built in float64 from zeros only to read the names: cheap, and it keeps one source of truth.
    ModelConfig zeros = config;
    zeros.init.scheme = InitConfig::Scheme::Zeros;
    zeros.frozen.clear();
    QStringList names;
    for (const auto& [name, p] : buildModel(zeros, inputs, DType::Float64)->namedParameters())
        names << QString::fromStdString(name);
    return names;
}

std::shared_ptr<Module> buildModel(const ModelConfig& config, std::int64_t inputs, DType dtype)
{
    if (inputs < 1)
        throw std::invalid_argument("the model needs at least one input column");
    // torch.manual_seed(seed) before building the module, as the tutorial does; a generator of
    // its own draws the same values without touching the global one other threads may use.
    Generator generator(config.init.seed);
    std::shared_ptr<Module> model = construct(config, inputs, dtype, &generator);
    NoGradGuard noGrad;
    const NamedTensors params = model->namedParameters();
    if (config.init.scheme == InitConfig::Scheme::Zeros) {
        for (const auto& [name, p] : params)
            Tensor(p).zero_();
    } else if (config.init.scheme == InitConfig::Scheme::Custom) {
        for (const auto& [name, p] : params) {
            const auto it = config.init.values.find(QString::fromStdString(name));
            if (it == config.init.values.end())
                throw std::invalid_argument("model.init.values: no value for parameter \"" + name + "\"");
            if (static_cast<std::int64_t>(it->second.size()) != p.numel())
                throw std::invalid_argument("model.init.values." + name + ": " + std::to_string(p.numel())
                                            + " values are needed, got " + std::to_string(it->second.size()));
            Tensor(p).copy_(fromData(it->second, p.shape(), TensorOptions{}.withDType(dtype)));
        }
        for (const auto& [name, v] : config.init.values) {
            bool known = false;
            for (const auto& [pname, p] : params)
                known = known || QString::fromStdString(pname) == name;
            if (!known)
                throw std::invalid_argument("model.init.values: the model has no parameter \"" + name.toStdString() + "\"");
        }
    }
    for (const QString& frozen : config.frozen) {
        bool found = false;
        for (const auto& [name, p] : params) {
            if (QString::fromStdString(name) == frozen) {
                Tensor(p).requiresGrad_(false);
                found = true;
            }
        }
        if (!found)
            throw std::invalid_argument("model.frozen: the model has no parameter \"" + frozen.toStdString() + "\"");
    }
    return model;
}

} // namespace gradlab::experiment

#include "experiment_data.h"

#include "data/split.h"
#include "messages.h"
#include "data/synthetic.h"

#include <QCoreApplication>

#include <stdexcept>

namespace gradlab::experiment {
namespace {

ExperimentData assemble(data::Dataset all, const data::Split& split)
{
    ExperimentData d;
    d.train = all.subset(split.train);
    d.val = all.subset(split.val);
    d.trainIndices = split.train;
    d.valIndices = split.val;
    d.all = std::move(all);
    return d;
}

} // namespace

std::optional<ExperimentData> splitData(data::Dataset all, const SplitConfig& split, QString* error)
{
    try {
        const data::Split s = data::splitIndices(all.rows(), split.trainFraction, split.shuffle, split.seed);
        return assemble(std::move(all), s);
    } catch (const std::exception& e) {
        *error = translated(e);
        return std::nullopt;
    }
}

std::optional<ExperimentData> loadExperimentData(const ExperimentConfig& config, QString* error,
                                                 const data::SyntheticProgress& progress)
{
    const DatasetConfig& d = config.dataset;
    if (d.source == DatasetConfig::Source::Csv) {
        *error = QCoreApplication::translate("ExperimentData", "CSV datasets are read by the project (see Project::load)");
        return std::nullopt;
    }
    data::SyntheticConfig g;
    g.n = d.generator.n;
    g.a = d.generator.a;
    g.b = d.generator.b;
    g.noise = d.generator.noise;
    g.xMin = d.generator.xMin;
    g.xMax = d.generator.xMax;
    g.features = d.generator.features;
    g.weights = d.generator.weights;
    g.seed = d.generator.seed;
    try {
        std::optional<data::SyntheticData> drawn = data::generateSynthetic(g, progress);
        if (!drawn) {
            *error = QCoreApplication::translate("ExperimentData", "Generating the data was cancelled");
            return std::nullopt;
        }
        data::SyntheticData& generated = *drawn;
        const std::int64_t n = generated.dataset.rows();
        if (d.split.shuffle && d.split.seed == d.generator.seed) {
            const data::Split s = data::splitIndices(n, d.split.trainFraction, generated.stream);
            return assemble(std::move(generated.dataset), s);
        }
        return splitData(std::move(generated.dataset), d.split, error);
    } catch (const std::exception& e) {
        *error = translated(e);
        return std::nullopt;
    }
}

} // namespace gradlab::experiment

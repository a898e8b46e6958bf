#include "experiment_data.h"

#include "data/split.h"
#include "messages.h"
#include "data/synthetic.h"

#include <QCoreApplication>

#include <cstdint>
#include <new>
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

// In words, where std::bad_alloc would say only its type; as the engine says it for tensors.
QString outOfMemory(std::int64_t rows, std::int64_t columns)
{
    const std::int64_t values = rows * columns;
    return QCoreApplication::translate("ExperimentData", "dataset: out of memory: could not allocate %1 bytes on the CPU for the %2 values of %3 rows × %4 columns")
        .arg(values * static_cast<std::int64_t>(sizeof(double)))
        .arg(values)
        .arg(rows)
        .arg(columns);
}

data::SyntheticConfig syntheticConfig(const GeneratorConfig& generator)
{
    data::SyntheticConfig g;
    g.n = generator.n;
    g.a = generator.a;
    g.b = generator.b;
    g.noise = generator.noise;
    g.xMin = generator.xMin;
    g.xMax = generator.xMax;
    g.features = generator.features;
    g.weights = generator.weights;
    g.seed = generator.seed;
    return g;
}

} // namespace

std::optional<ExperimentData> splitData(data::Dataset all, const SplitConfig& split, QString* error)
{
    const std::int64_t rows = all.rows(), columns = all.features() + 1; // before `all` is moved
    try {
        const data::Split s = data::splitIndices(all.rows(), split.trainFraction, split.shuffle, split.seed);
        return assemble(std::move(all), s);
    } catch (const std::bad_alloc&) {
        *error = outOfMemory(rows, columns);
        return std::nullopt;
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
    const data::SyntheticConfig g = syntheticConfig(d.generator);
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
    } catch (const std::bad_alloc&) {
        // After validation, so n × (features + 1) is bounded.
        *error = outOfMemory(g.n, g.features + 1);
        return std::nullopt;
    } catch (const std::exception& e) {
        *error = translated(e);
        return std::nullopt;
    }
}

std::optional<TrueLine> trueLine(const ExperimentConfig& config)
{
    const DatasetConfig& d = config.dataset;
    if (d.source != DatasetConfig::Source::Generated || d.generator.features != 1)
        return std::nullopt;
    // The generator's own rule for the slope, so that the line is the one the data was drawn about.
    const std::vector<double> w = data::effectiveWeights(syntheticConfig(d.generator));
    if (w.size() != 1)
        return std::nullopt;
    return TrueLine {d.generator.a, w.front()};
}

} // namespace gradlab::experiment

#include "synthetic.h"

#include "message.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>

namespace gradlab::data {

namespace {

// Far beyond any teaching dataset, and well inside what a std::vector index can address.
constexpr std::int64_t kMaxValues = 1'000'000'000;

// The shortest text that reads back as `value` (1e+308, not 309 digits).
std::string shortest(double value)
{
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

void requireFinite(double value, const std::string& field)
{
    if (!std::isfinite(value))
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 must be a finite number (got %2)"),
                                           {Message::arg(field), Message::arg(value)}));
}

} // namespace

void validate(const SyntheticConfig& config)
{
    if (config.n < 1)
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "n must be at least 1 (got %1)"), {Message::arg(config.n)}));
    if (config.features < 1)
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "features must be at least 1 (got %1)"),
                                           {Message::arg(config.features)}));
    if (config.n > kMaxValues / config.features)
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "n × features must be at most %1 values (got %2 × %3)"),
                                           {Message::arg(kMaxValues), Message::arg(config.n), Message::arg(config.features)}));
    requireFinite(config.a, "a");
    requireFinite(config.b, "b");
    requireFinite(config.noise, "noise");
    if (config.noise < 0.0)
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "noise (σ) must not be negative (got %1)"),
                                           {Message::arg(config.noise)}));
    requireFinite(config.xMin, "xMin");
    requireFinite(config.xMax, "xMax");
    if (!(config.xMin < config.xMax))
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "xMin must be less than xMax (got %1 and %2)"),
                                           {Message::arg(config.xMin), Message::arg(config.xMax)}));
    if (!std::isfinite(config.xMax - config.xMin))
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "xMax - xMin must be a finite number")));
    if (config.weights.empty()) {
        if (config.features != 1)
            throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "weights: %1 features need %1 weights, got none"),
                                               {Message::arg(config.features)}));
    } else if (static_cast<std::int64_t>(config.weights.size()) != config.features) {
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "weights: %1 features need %1 weights, got %2"),
                                           {Message::arg(config.features), Message::arg(config.weights.size())}));
    }
    for (std::size_t i = 0; i < config.weights.size(); ++i)
        requireFinite(config.weights[i], "weights[" + std::to_string(i) + "]");
    RandomState::checkedSeed(config.seed, "seed");
}

std::vector<double> effectiveWeights(const SyntheticConfig& config)
{
    return config.weights.empty() ? std::vector<double> {config.b} : config.weights;
}

SyntheticData generateSynthetic(const SyntheticConfig& config)
{
    return *generateSynthetic(config, SyntheticProgress {});
}

std::optional<SyntheticData> generateSynthetic(const SyntheticConfig& config, const SyntheticProgress& progress)
{
    validate(config);
    const std::vector<double> w = effectiveWeights(config);
    const auto n = static_cast<std::size_t>(config.n);
    const auto k = static_cast<std::size_t>(config.features);

    SyntheticData out {Dataset {}, RandomState(RandomState::checkedSeed(config.seed))};
    Dataset& d = out.dataset;
    // Appending rather than "x" + to_string(j): GCC 12 warns falsely (-Wrestrict) on the latter.
    d.featureNames.assign(k, std::string(1, 'x'));
    if (k > 1)
        for (std::size_t j = 0; j < k; ++j)
            d.featureNames[j].append(std::to_string(j + 1));
    d.targetName = std::string(1, 'y');

    // The draws in blocks, so that a caller hears of progress and can stop; the values are drawn
    // one by one either way, so the blocks change nothing in the stream.
    const std::uint64_t total = n * k + n;
    std::uint64_t done = 0;
    const auto draw = [&](std::vector<double>& into, std::size_t count, auto&& next) {
        constexpr std::size_t kBlock = std::size_t {1} << 20;
        while (into.size() < count) {
            const std::size_t end = std::min(count, into.size() + kBlock);
            done += end - into.size();
            while (into.size() < end)
                into.push_back(next(into.size()));
            if (progress && !progress(done, total))
                return false;
        }
        return true;
    };

    // All of x first, then all of the noise: the order of the two NumPy calls.
    const double range = config.xMax - config.xMin;
    d.x.reserve(n * k);
    if (!draw(d.x, n * k, [&](std::size_t) { return config.xMin + range * out.stream.randomSample(); }))
        return std::nullopt;

    // Drawn even for noise 0, so that the stream a split continues does not depend on σ.
    d.y.reserve(n);
    const auto row = [&](std::size_t i) {
        const double* xi = d.x.data() + i * k;
        double dot = xi[0] * w[0];
        for (std::size_t j = 1; j < k; ++j)
            dot += xi[j] * w[j];
        const double y = (config.a + dot) + config.noise * out.stream.standardNormal();
        // Finite settings can still overflow (a = b = 1e308): such data could be neither trained
        // on nor read back from a CSV.
        if (!std::isfinite(y)) {
            std::string weights;
            for (std::size_t j = 0; j < k; ++j)
                weights.append(j ? ", " : "").append(shortest(w[j]));
            throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the generated values overflow: row %1 has y = %2 "
                                                                                 "(a = %3, weights = [%4], noise = %5, x in "
                                                                                 "[%6, %7)); choose smaller values"),
                                              {Message::arg(static_cast<std::int64_t>(i + 1)), Message::arg(shortest(y)),
                                               Message::arg(shortest(config.a)), Message::arg(weights),
                                               Message::arg(shortest(config.noise)), Message::arg(shortest(config.xMin)),
                                               Message::arg(shortest(config.xMax))}));
        }
        return y;
    };
    if (!draw(d.y, n, row))
        return std::nullopt;
    return out;
}

} // namespace gradlab::data

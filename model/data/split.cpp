#include "split.h"

#include "message.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace gradlab::data {

namespace {

std::vector<std::int64_t> arange(std::int64_t n)
{
    std::vector<std::int64_t> out(static_cast<std::size_t>(n));
    std::iota(out.begin(), out.end(), std::int64_t {0});
    return out;
}

Split cut(const std::vector<std::int64_t>& order, std::int64_t train)
{
    const auto mid = order.begin() + train;
    return Split {{order.begin(), mid}, {mid, order.end()}};
}

} // namespace

std::int64_t trainCount(std::int64_t n, double trainFraction)
{
    if (n < 2)
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "a split needs at least 2 rows (got %1)"), {Message::arg(n)}));
    if (!(trainFraction > 0.0 && trainFraction < 1.0))
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP(
            "gradlab::data", "trainFraction must be between 0 and 1, both excluded (got %1)"),
                                           {Message::arg(trainFraction)}));
    // Python's int(n * fraction): the product in double, truncated.
    const auto train = static_cast<std::int64_t>(static_cast<double>(n) * trainFraction);
    if (train < 1)
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP(
            "gradlab::data", "trainFraction %1 of %2 rows leaves the training set empty"),
                                           {Message::arg(trainFraction), Message::arg(n)}));
    if (train >= n)
        throw InvalidArgument(dataMessage(QT_TRANSLATE_NOOP(
            "gradlab::data", "trainFraction %1 of %2 rows leaves the validation set empty"),
                                           {Message::arg(trainFraction), Message::arg(n)}));
    return train;
}

Split splitIndices(std::int64_t n, double trainFraction, bool shuffle, std::uint32_t seed)
{
    const std::int64_t train = trainCount(n, trainFraction);
    std::vector<std::int64_t> order = arange(n);
    if (shuffle)
        RandomState(seed).shuffle(order);
    return cut(order, train);
}

Split splitIndices(std::int64_t n, double trainFraction, RandomState& stream)
{
    const std::int64_t train = trainCount(n, trainFraction);
    std::vector<std::int64_t> order = arange(n);
    stream.shuffle(order);
    return cut(order, train);
}

std::int64_t batchCount(std::int64_t n, const BatchOptions& options)
{
    if (n < 1)
        throw std::invalid_argument("mini-batches need at least 1 row (got " + std::to_string(n) + ")");
    if (options.batchSize < 0)
        throw std::invalid_argument("batchSize must not be negative (got " + std::to_string(options.batchSize) + ")");
    const std::int64_t size = options.batchSize == 0 ? n : options.batchSize;
    if (options.dropLast && size > n)
        throw std::invalid_argument("batchSize " + std::to_string(size) + " with dropLast leaves no batch of "
                                    + std::to_string(n) + " rows");
    return options.dropLast ? n / size : (n + size - 1) / size;
}

std::vector<std::vector<std::int64_t>> epochBatches(std::span<const std::int64_t> indices,
                                                    const BatchOptions& options, std::int64_t epoch)
{
    const auto n = static_cast<std::int64_t>(indices.size());
    const std::int64_t count = batchCount(n, options);
    const std::int64_t size = options.batchSize == 0 ? n : options.batchSize;

    std::vector<std::int64_t> order(indices.begin(), indices.end());
    if (options.shuffle) {
        const std::uint32_t epochKey = RandomState::checkedSeed(epoch, "epoch");
        const std::uint32_t key[] = {options.seed, epochKey};
        RandomState(std::span<const std::uint32_t>(key)).shuffle(order);
    }

    std::vector<std::vector<std::int64_t>> batches;
    batches.reserve(static_cast<std::size_t>(count));
    for (std::int64_t b = 0; b < count; ++b) {
        const auto first = order.begin() + b * size;
        const auto last = order.begin() + std::min(n, (b + 1) * size);
        batches.emplace_back(first, last);
    }
    return batches;
}

std::vector<std::vector<std::int64_t>> epochBatches(std::int64_t n, std::int64_t batchSize, bool shuffle,
                                                    std::uint32_t seed, std::int64_t epoch, bool dropLast)
{
    if (n < 1)
        throw std::invalid_argument("mini-batches need at least 1 row (got " + std::to_string(n) + ")");
    const std::vector<std::int64_t> positions = arange(n);
    return epochBatches(positions, BatchOptions {batchSize, shuffle, dropLast, seed}, epoch);
}

} // namespace gradlab::data

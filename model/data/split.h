// Train/validation splits and mini-batches, as index lists into a Dataset (see Dataset::subset).
//
// The split is the tutorial's:
//     idx = np.arange(n); np.random.shuffle(idx)        # shuffle on
//     train, val = idx[:int(n * fraction)], idx[int(n * fraction):]
// either continuing a RandomState (the tutorial continues the stream that generated the data) or
// from a fresh np.random.RandomState(seed).
//
// Each epoch's batches, when reshuffled, are those of
//     rs = np.random.RandomState([seed, epoch]); order = indices.copy(); rs.shuffle(order)
//     batches = [order[i:i + size] for i in range(0, len(order), size)]   # last one dropped if asked
// so they are fixed by (seed, epoch) alone, whatever happened before, and differ between epochs.
#pragma once

#include "numpy_random.h"

#include <cstdint>
#include <span>
#include <vector>

namespace gradlab::data {

struct Split {
    std::vector<std::int64_t> train;
    std::vector<std::int64_t> val;
};

// int(n * trainFraction), as the tutorial counts it (80 of 100 for 0.8). Throws
// std::invalid_argument unless trainFraction is in (0, 1) and both parts get at least one row.
std::int64_t trainCount(std::int64_t n, double trainFraction);

// Rows 0 … n-1 split in order, or shuffled by a fresh RandomState(seed).
Split splitIndices(std::int64_t n, double trainFraction, bool shuffle, std::uint32_t seed);
// Rows 0 … n-1 shuffled by `stream`, continuing it (the tutorial's np.random.shuffle after randn).
Split splitIndices(std::int64_t n, double trainFraction, RandomState& stream);

struct BatchOptions {
    std::int64_t batchSize = 0; // 0: one batch of everything
    bool shuffle = false;       // reshuffle every epoch, from (seed, epoch)
    bool dropLast = false;      // drop a last batch smaller than batchSize
    std::uint32_t seed = 0;
};

// How many batches an epoch over n rows has. Throws std::invalid_argument for n < 1, a negative
// batch size, or dropLast with a batch size larger than n (an epoch without a single step).
std::int64_t batchCount(std::int64_t n, const BatchOptions& options);

// One epoch's batches over `indices` (for example Split::train): every index exactly once, except
// those of a dropped last batch. `epoch` is the caller's epoch number, 0 … 2**32 - 1.
std::vector<std::vector<std::int64_t>> epochBatches(std::span<const std::int64_t> indices,
                                                    const BatchOptions& options, std::int64_t epoch);
// The same over the positions 0 … n-1 (rows of an already split Dataset).
std::vector<std::vector<std::int64_t>> epochBatches(std::int64_t n, std::int64_t batchSize, bool shuffle,
                                                    std::uint32_t seed, std::int64_t epoch, bool dropLast);

} // namespace gradlab::data

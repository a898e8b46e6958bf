// Index arithmetic of the CUDA kernels, where one thread computes one element: from an output's
// linear index to its operands' offsets. Plain structs passed to kernels by value; usable on the
// host too, where tst_index_maps checks them against the CPU's loops.
#pragma once

#include "kernel_math.h"
#include "types.h"

#include <cstdint>
#include <utility>

namespace gradlab {

// Maps a linear index of an output to the offsets of two contiguous operands broadcast to it.
struct Indexer {
    static constexpr int kMaxDims = Shape::kMaxDims;
    int ndim = 0;
    std::int64_t sizes[kMaxDims] = {};
    std::int64_t sa[kMaxDims] = {};
    std::int64_t sb[kMaxDims] = {};

    GRADLAB_HD void offsets(std::int64_t i, std::int64_t& oa, std::int64_t& ob) const
    {
        oa = 0;
        ob = 0;
        for (int d = ndim - 1; d >= 0; --d) {
            const std::int64_t c = i % sizes[d];
            i /= sizes[d];
            oa += c * sa[d];
            ob += c * sb[d];
        }
    }
};

// A reduction: output o and position r among the inputs it sums give the input's offset.
struct ReduceMap {
    static constexpr int kMaxDims = Shape::kMaxDims;
    bool identity = true; // one output over the whole contiguous input: the offset is r
    std::int64_t perOutput = 0;
    int keptDims = 0, reducedDims = 0;
    std::int64_t keptSizes[kMaxDims] = {}, keptStrides[kMaxDims] = {};
    std::int64_t reducedSizes[kMaxDims] = {}, reducedStrides[kMaxDims] = {};

    GRADLAB_HD std::int64_t offset(std::int64_t o, std::int64_t r) const
    {
        if (identity)
            return r;
        std::int64_t off = 0;
        for (int d = keptDims - 1; d >= 0; --d) {
            off += (o % keptSizes[d]) * keptStrides[d];
            o /= keptSizes[d];
        }
        for (int d = reducedDims - 1; d >= 0; --d) {
            off += (r % reducedSizes[d]) * reducedStrides[d];
            r /= reducedSizes[d];
        }
        return off;
    }
};

// A transpose of two dimensions: the input offset of each output element.
struct Permuter {
    static constexpr int kMaxDims = Shape::kMaxDims;
    int ndim = 0;
    std::int64_t outSizes[kMaxDims] = {};
    std::int64_t inStrides[kMaxDims] = {};

    GRADLAB_HD std::int64_t offset(std::int64_t i) const
    {
        std::int64_t off = 0;
        for (int d = ndim - 1; d >= 0; --d) {
            off += (i % outSizes[d]) * inStrides[d];
            i /= outSizes[d];
        }
        return off;
    }
};

// Strides of `in` (right-aligned, contiguous) in the index space of `out`, 0 where broadcast.
inline void broadcastStrides(const Shape& in, const Shape& out, std::int64_t* strides)
{
    const int n = out.ndim();
    const int off = n - in.ndim();
    std::int64_t s = 1;
    for (int i = n - 1; i >= 0; --i) {
        const int j = i - off;
        strides[i] = (j < 0 || in[j] == 1) ? 0 : s;
        if (j >= 0)
            s *= in[j];
    }
}

inline Indexer makeIndexer(const Shape& a, const Shape& b, const Shape& out)
{
    Indexer ix;
    ix.ndim = out.ndim();
    for (int d = 0; d < out.ndim(); ++d)
        ix.sizes[d] = out[d];
    broadcastStrides(a, out, ix.sa);
    broadcastStrides(b, out, ix.sb);
    return ix;
}

// Summing `in` into `out`: out has in's rank with 1 in each reduced dimension, or fewer leading
// dimensions (as Backend::sumTo says).
inline ReduceMap reduceMap(const Shape& in, const Shape& out)
{
    ReduceMap map;
    const std::int64_t outputs = out.numel();
    map.perOutput = outputs == 0 ? 0 : in.numel() / outputs;
    if (outputs == 1)
        return map;
    map.identity = false;
    const int n = in.ndim();
    const int off = n - out.ndim();
    std::int64_t strides[Shape::kMaxDims];
    std::int64_t stride = 1;
    for (int d = n - 1; d >= 0; --d) {
        strides[d] = stride;
        stride *= in[d];
    }
    for (int d = 0; d < n; ++d) {
        const std::int64_t o = d - off >= 0 ? out[d - off] : 1;
        if (o == in[d]) {
            map.keptSizes[map.keptDims] = in[d];
            map.keptStrides[map.keptDims++] = strides[d];
        } else {
            map.reducedSizes[map.reducedDims] = in[d];
            map.reducedStrides[map.reducedDims++] = strides[d];
        }
    }
    return map;
}

inline Permuter makePermuter(const Shape& in, int dim0, int dim1, const Shape& out)
{
    Permuter pm;
    pm.ndim = in.ndim();
    std::int64_t stride = 1;
    for (int d = pm.ndim - 1; d >= 0; --d) {
        pm.inStrides[d] = stride;
        stride *= in[d];
    }
    std::swap(pm.inStrides[dim0], pm.inStrides[dim1]);
    for (int d = 0; d < pm.ndim; ++d)
        pm.outSizes[d] = out[d];
    return pm;
}

} // namespace gradlab

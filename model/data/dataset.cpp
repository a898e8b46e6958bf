#include "dataset.h"

#include <stdexcept>

namespace gradlab::data {

Dataset Dataset::subset(const std::vector<std::int64_t>& indices) const
{
    Dataset out;
    out.featureNames = featureNames;
    out.targetName = targetName;
    const std::int64_t k = features();
    out.x.reserve(indices.size() * static_cast<std::size_t>(k));
    out.y.reserve(indices.size());
    for (std::int64_t i : indices) {
        if (i < 0 || i >= rows())
            throw std::out_of_range("row index " + std::to_string(i) + " is outside the dataset's "
                                    + std::to_string(rows()) + " rows");
        out.x.insert(out.x.end(), x.begin() + i * k, x.begin() + (i + 1) * k);
        out.y.push_back(y[static_cast<std::size_t>(i)]);
    }
    return out;
}

} // namespace gradlab::data

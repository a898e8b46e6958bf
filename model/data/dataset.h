// A dataset: n rows of k feature values and one target value, stored contiguously.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gradlab::data {

struct Dataset {
    std::vector<std::string> featureNames; // k names
    std::string targetName;
    std::vector<double> x; // n × k, row-major
    std::vector<double> y; // n

    std::int64_t rows() const { return static_cast<std::int64_t>(y.size()); }
    std::int64_t features() const { return static_cast<std::int64_t>(featureNames.size()); }
    double feature(std::int64_t row, std::int64_t col) const { return x[static_cast<std::size_t>(row * features() + col)]; }
    // The rows picked by `indices`, in that order (a split or a batch).
    Dataset subset(const std::vector<std::int64_t>& indices) const;
};

} // namespace gradlab::data

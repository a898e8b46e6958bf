// Resolves CsvReadOptions' features and target against the file's column names. Internal to
// gradlab_data.
#pragma once

#include "csv_reader.h"

#include <string>
#include <vector>

namespace gradlab::data::csv_detail {

struct Selection {
    // One entry per column of the file: -1 skipped, 0..features-1 a feature, `features` the target.
    std::vector<int> slots;
    std::vector<std::string> featureNames;
    std::string targetName;
};

// The default is every column but the last as features, the last as the target.
CsvResult<Selection> selectColumns(const std::vector<std::string>& names, const CsvReadOptions& options);

} // namespace gradlab::data::csv_detail

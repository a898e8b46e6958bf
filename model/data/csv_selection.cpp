#include "csv_selection.h"

#include "csv_tokenizer.h"

#include <algorithm>

namespace gradlab::data::csv_detail {

namespace {

CsvResult<std::size_t> findColumn(const CsvColumn& c, const std::vector<std::string>& names)
{
    if (!c.byName()) {
        if (c.index() < names.size())
            return c.index();
        return CsvError{CsvErrorCode::ColumnNotFound,
                        "there is no column " + std::to_string(c.index()) + " (counting from 0): the file has "
                            + std::to_string(names.size()) + (names.size() == 1 ? " column" : " columns"),
                        0, 0};
    }
    const auto hits = std::count(names.begin(), names.end(), c.name());
    if (hits == 1)
        return static_cast<std::size_t>(std::find(names.begin(), names.end(), c.name()) - names.begin());
    if (hits > 1)
        return CsvError{CsvErrorCode::AmbiguousColumn,
                        "more than one column is named " + quoteForMessage(c.name()) + "; choose it by position", 0, 0};
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < 20; ++i)
        list += (i ? ", " : "") + quoteForMessage(names[i]);
    if (names.size() > 20)
        list += ", ...";
    return CsvError{CsvErrorCode::ColumnNotFound, "there is no column named " + quoteForMessage(c.name()) + "; the columns are " + list,
                    0, 0};
}

} // namespace

CsvResult<Selection> selectColumns(const std::vector<std::string>& names, const CsvReadOptions& options)
{
    std::size_t target = names.size() - 1;
    if (options.target) {
        auto t = findColumn(*options.target, names);
        if (!t)
            return t.error();
        target = t.value();
    }
    std::vector<std::size_t> features;
    if (options.features.empty()) {
        for (std::size_t c = 0; c < names.size(); ++c)
            if (c != target)
                features.push_back(c);
    } else {
        for (const auto& f : options.features) {
            auto c = findColumn(f, names);
            if (!c)
                return c.error();
            features.push_back(c.value());
        }
    }
    if (features.empty())
        return CsvError{CsvErrorCode::BadSelection,
                        "the file has only one column; a dataset needs at least one feature column and a target column", 0, 0};
    Selection s;
    s.slots.assign(names.size(), -1);
    s.slots[target] = static_cast<int>(features.size());
    s.targetName = names[target];
    for (std::size_t i = 0; i < features.size(); ++i) {
        int& slot = s.slots[features[i]];
        if (slot != -1)
            return CsvError{CsvErrorCode::BadSelection,
                            columnLabel(features[i], names)
                                + (features[i] == target ? " is chosen both as a feature and as the target" : " is chosen twice"),
                            0, static_cast<std::int64_t>(features[i] + 1)};
        slot = static_cast<int>(i);
        s.featureNames.push_back(names[features[i]]);
    }
    return s;
}

} // namespace gradlab::data::csv_detail

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
        return csvError(CsvErrorCode::ColumnNotFound,
                        names.size() == 1
                            ? dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "there is no column %1 (counting from 0): the "
                                                                             "file has 1 column"),
                                          {Message::arg(c.index())})
                            : dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "there is no column %1 (counting from 0): the "
                                                                             "file has %2 columns"),
                                          {Message::arg(c.index()), Message::arg(names.size())}));
    }
    // Names are unique: the reader renames repeated ones.
    if (const auto it = std::find(names.begin(), names.end(), c.name()); it != names.end())
        return static_cast<std::size_t>(it - names.begin());
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < 20; ++i)
        list += (i ? ", " : "") + quoteForMessage(names[i]);
    if (names.size() > 20)
        list += ", ...";
    return csvError(CsvErrorCode::ColumnNotFound,
                    dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "there is no column named %1; the columns are %2"),
                                {Message::arg(quoteForMessage(c.name())), Message::arg(list)}));
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
        return csvError(CsvErrorCode::BadSelection,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the file has only one column; a dataset needs at "
                                                                       "least one feature column and a target column")));
    Selection s;
    s.slots.assign(names.size(), -1);
    s.slots[target] = static_cast<int>(features.size());
    s.targetName = names[target];
    for (std::size_t i = 0; i < features.size(); ++i) {
        int& slot = s.slots[features[i]];
        if (slot != -1)
            return csvError(CsvErrorCode::BadSelection,
                            features[i] == target
                                ? dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 is chosen both as a feature and as "
                                                                                 "the target"),
                                              {columnLabel(features[i], names)})
                                : dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 is chosen twice"),
                                              {columnLabel(features[i], names)}),
                            0, static_cast<std::int64_t>(features[i] + 1));
        slot = static_cast<int>(i);
        s.featureNames.push_back(names[features[i]]);
    }
    return s;
}

} // namespace gradlab::data::csv_detail

// The hot loop: parses the data records of one buffer straight into the rows of the Dataset.
// Internal to gradlab_data.
#pragma once

#include "csv_reader.h"
#include "csv_result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gradlab::data::csv_detail {

struct RowLayout {
    char delimiter = ',';
    char decimal = '.';
    // One entry per column of the file: -1 skipped, 0..features-1 a feature, `features` the target.
    std::vector<int> slots;
    std::size_t features = 0;
    MissingValues missing = MissingValues::Reject;
    std::size_t maxRecordBytes = 0;
    const std::vector<std::string>* names = nullptr; // for messages
    // The lines end with a delimiter (CsvFormat::trailingDelimiter): a record may have one field
    // more than `slots`, which must be empty.
    bool trailingDelimiter = false;
};

struct ChunkResult {
    std::size_t rows = 0;          // rows written
    std::int64_t dropped = 0;      // rows left out for missing values
    std::int64_t firstDroppedLine = 0;
    std::size_t consumed = 0;      // bytes of complete records
    std::int64_t endLine = 0;      // the physical line at `consumed`
    bool needMore = false;         // stopped before an incomplete record
    std::optional<CsvError> error; // the first error; parsing stopped there
};

CsvError tooLongError(std::int64_t line, std::size_t limit);

// Parses the records in [begin, end), whose first byte is on `firstLine`, into rows of `x`
// (row-major, `features` wide) and `y`, at most `capacity` rows. Without `atEof`, a record that
// runs past `end` is left unparsed (needMore).
void parseRows(const char* begin, const char* end, bool atEof, std::int64_t firstLine, const RowLayout& layout,
               double* x, double* y, std::size_t capacity, ChunkResult& out);

} // namespace gradlab::data::csv_detail

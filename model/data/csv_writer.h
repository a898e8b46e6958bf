// Writes CSV that the reader reads back bit for bit: a header line, names quoted per RFC 4180
// when they hold a delimiter, a quote, a newline or edge spaces, and every double in the shortest
// form that round-trips (std::to_chars). NaN and infinities are written as nan, inf and -inf.
#pragma once

#include "csv_result.h"
#include "dataset.h"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

namespace gradlab::data {

struct CsvWriteOptions {
    char delimiter = ',';  // a tab or ASCII punctuation but '"' '.' '+' '-', as the reader accepts
    bool header = true;
    bool crlf = false;     // CRLF line endings, as RFC 4180 writes them; LF otherwise
};

// One named column of values; all columns of a table have the same length.
struct CsvColumnData {
    std::string name;
    std::span<const double> values;
};

// Each returns the number of bytes written.
// The dataset's features, then its target.
CsvResult<std::uint64_t> writeCsv(std::ostream& out, const Dataset& dataset, const CsvWriteOptions& options = {});
CsvResult<std::uint64_t> writeCsv(std::ostream& out, std::span<const CsvColumnData> columns, const CsvWriteOptions& options = {});
// To a file, atomically: a temporary file beside it, renamed over it once complete, so a failed
// write leaves any earlier file untouched.
CsvResult<std::uint64_t> writeCsvFile(const std::filesystem::path& path, const Dataset& dataset, const CsvWriteOptions& options = {});
CsvResult<std::uint64_t> writeCsvFile(const std::filesystem::path& path, std::span<const CsvColumnData> columns,
                                      const CsvWriteOptions& options = {});
// The CSV text in memory.
CsvResult<std::string> csvText(const Dataset& dataset, const CsvWriteOptions& options = {});

} // namespace gradlab::data

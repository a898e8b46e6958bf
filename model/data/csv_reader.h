// Reads CSV files into a Dataset: RFC 4180 quoting, delimiter and header detection, UTF-8 with or
// without BOM, LF or CRLF, numbers with a decimal point or (detected or chosen) a decimal comma,
// otherwise as in the C locale. Large files are read in chunks on worker
// threads with progress and cancellation, never loaded whole. Errors are values (CsvResult) that
// name the line, the column and the offending text.
#pragma once

#include "csv_result.h"
#include "csv_source.h"
#include "dataset.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gradlab::data {

// A column chosen by its header name or by its 0-based position.
class CsvColumn {
public:
    static CsvColumn named(std::string name) { return CsvColumn(std::move(name), 0, true); }
    static CsvColumn at(std::size_t index) { return CsvColumn({}, index, false); }
    bool byName() const { return m_byName; }
    const std::string& name() const { return m_name; }
    std::size_t index() const { return m_index; }

private:
    CsvColumn(std::string name, std::size_t index, bool byName) : m_name(std::move(name)), m_index(index), m_byName(byName) {}
    std::string m_name;
    std::size_t m_index;
    bool m_byName;
};

enum class MissingValues {
    Reject,  // an empty field, NA, nan or inf in a selected column is an error
    DropRow, // such rows are left out and counted in CsvData::droppedRows and the warnings
};

// Called with the bytes done so far and the total, on the thread that called the reader; return
// false to cancel (the reader then returns CsvErrorCode::Cancelled).
using CsvProgress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

struct CsvReadOptions {
    // Unset: detected among ',' ';' TAB '|'. Set: any ASCII punctuation but '"' '.' '+' '-', or TAB.
    std::optional<char> delimiter;
    // Unset: detected (a first line without a single number is a header).
    std::optional<bool> hasHeader;
    // The decimal separator, '.' or ','. Unset: ',' when the delimiter is not a comma and the
    // numbers of the first records use a comma as their only separator ("5,48"), else '.'.
    std::optional<char> decimal;
    std::vector<CsvColumn> features;  // empty: every column but the target
    std::optional<CsvColumn> target;  // unset: the last column
    MissingValues missing = MissingValues::Reject;
    CsvProgress progress;
    unsigned threads = 0;                    // 0: one per hardware thread
    std::size_t chunkBytes = 4u << 20;       // the unit of work (and of memory) per thread
    std::size_t maxRecordBytes = 64u << 20;  // a longer record is an error, not an allocation
};

// What the reader found out about the file's layout.
struct CsvFormat {
    char delimiter = ',';
    bool hasHeader = false;
    bool hasBom = false;
    char decimal = '.';
    // Every column of the file: the header's names, or "column 1", "column 2", ... without one
    // (also for a header field that is empty). Names are unique: a repeated name gets a suffix as
    // pandas' read_csv gives it (x, x.1, x.2, ...), with a warning.
    std::vector<std::string> columnNames;
    // The lines end with a delimiter ("x,y," and "1,2,", as Excel and database exports may write
    // them): the empty, unnamed last column this makes is not in columnNames, nor read.
    bool trailingDelimiter = false;
};

struct CsvData {
    Dataset dataset;  // the selected columns: features in the order asked, then the target
    CsvFormat format;
    std::int64_t droppedRows = 0;
    std::vector<Message> warnings; // english() for the text
};

struct CsvPreview {
    CsvFormat format;
    // The first data rows, field by field as text (unquoted; invalid UTF-8 shown as U+FFFD).
    // Rows may be ragged: the preview shows the file as it is.
    std::vector<std::vector<std::string>> rows;
    bool wholeFile = false;  // the rows are all the file holds
    std::vector<Message> warnings; // english() for the text
};

// Loads the selected columns of a CSV file.
CsvResult<CsvData> readCsvFile(const std::filesystem::path& path, const CsvReadOptions& options = {});
// The same for CSV text in memory.
CsvResult<CsvData> readCsvText(std::string_view text, const CsvReadOptions& options = {});
// The same for any source of bytes.
CsvResult<CsvData> readCsv(const CsvSource& source, const CsvReadOptions& options = {});

// The layout and the first `maxRows` data rows, reading only as much of the file as they need.
// Uses the delimiter, header and maxRecordBytes settings of `options`.
CsvResult<CsvPreview> previewCsvFile(const std::filesystem::path& path, std::size_t maxRows, const CsvReadOptions& options = {});
CsvResult<CsvPreview> previewCsvText(std::string_view text, std::size_t maxRows, const CsvReadOptions& options = {});
CsvResult<CsvPreview> previewCsv(const CsvSource& source, std::size_t maxRows, const CsvReadOptions& options = {});

// Whether the reader takes a field (as the preview shows it) as a number, finite or not, with
// `decimal` as the decimal separator.
bool isCsvNumber(std::string_view field, char decimal = '.');

} // namespace gradlab::data

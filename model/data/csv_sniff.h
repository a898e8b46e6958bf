// The start of a CSV file: encoding checks, delimiter and header detection, column names, and the
// preview. Reads only the first bytes of the source, as many as these need. Internal to gradlab_data.
#pragma once

#include "csv_reader.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gradlab::data::csv_detail {

// The first bytes of a source, read on demand.
class Prefix {
public:
    explicit Prefix(const CsvSource& source) : m_source(source), m_total(source.size()) {}
    // At least `n` bytes, or all there are; an error when reading fails or the file shrank.
    std::optional<CsvError> ensure(std::size_t n);
    std::string_view bytes() const { return m_bytes; }
    bool atEof() const { return m_bytes.size() == m_total; }
    std::uint64_t total() const { return m_total; }

private:
    const CsvSource& m_source;
    std::uint64_t m_total;
    std::string m_bytes;
};

struct Head {
    CsvFormat format;
    std::size_t dataStart = 0; // offset of the first byte after the header (or after the BOM)
    std::int64_t dataLine = 1; // the physical line there
    std::vector<Message> warnings;
};

std::optional<CsvError> checkOptions(const CsvReadOptions& options);
// A last column with no name whose fields in the first records are all empty is left out
// (CsvFormat::trailingDelimiter): the lines end with a delimiter.
CsvResult<Head> readHead(Prefix& prefix, const CsvReadOptions& options);
CsvResult<CsvPreview> readPreview(Prefix& prefix, const Head& head, std::size_t maxRows, const CsvReadOptions& options);

// The message for a file that shrank while it was read.
CsvError fileChangedError();

} // namespace gradlab::data::csv_detail

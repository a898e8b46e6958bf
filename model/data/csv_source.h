// Where the CSV reader gets its bytes: a file (read in chunks, never all at once) or memory.
// A source is read at random offsets from several threads at once; tests implement their own to
// simulate I/O errors.
#pragma once

#include "csv_result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace gradlab::data {

class CsvSource {
public:
    virtual ~CsvSource() = default;

    // The size in bytes when reading began; the reader reads [0, size()).
    virtual std::uint64_t size() const = 0;
    // Fills `buffer` from `offset`; returns how many bytes it read, fewer than asked only at the
    // end of the data. Must be safe to call from several threads at once.
    virtual CsvResult<std::size_t> read(std::uint64_t offset, std::span<char> buffer) const = 0;
};

// Opens a file for reading; the error names the file and the reason.
CsvResult<std::unique_ptr<CsvSource>> openCsvFile(const std::filesystem::path& path);

// A source over bytes that the caller keeps alive while it is read.
std::unique_ptr<CsvSource> csvSourceFromMemory(std::string_view bytes);

} // namespace gradlab::data

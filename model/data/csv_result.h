// Errors as values for the CSV reader and writer: a CsvResult<T> holds either a T or a CsvError
// that says what went wrong and where (line and column), in words a user can act on.
#pragma once

#include "message.h"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace gradlab::data {

enum class CsvErrorCode {
    Io,                  // the operating system refused to open, read or write
    FileChanged,         // the file shrank or vanished while it was read
    Cancelled,           // the progress callback returned false
    OutOfMemory,
    InvalidOption,       // a bad delimiter or decimal separator, chunk size, or an inconsistent Dataset to write
    Empty,               // no bytes, or nothing but blank lines
    NotText,             // a NUL byte: a binary file
    Utf16,               // a UTF-16 byte order mark
    InvalidUtf8,         // a column name that is not UTF-8
    UnsupportedLineEnding, // classic Mac OS CR-only line endings
    NoData,              // a header but no data rows (or every row dropped)
    RaggedRow,           // a record with more or fewer fields than the header
    UnterminatedQuote,   // a quoted field still open at the end of the file
    TextAfterQuote,      // `"abc"def`: a quote inside a quoted field that is not doubled
    RecordTooLong,       // one record longer than CsvReadOptions::maxRecordBytes
    NotANumber,          // a selected column holds text
    MissingValue,        // a selected column holds an empty field or NA, NULL, ...
    NotFinite,           // a selected column holds nan or inf
    OutOfRange,          // a number beyond the range of a double (1e400)
    ColumnNotFound,
    BadSelection,        // no feature, or one column chosen twice
};

struct CsvError {
    CsvErrorCode code = CsvErrorCode::Io;
    std::string message;    // complete and self-contained, including the line and column
    std::int64_t line = 0;  // 1-based physical line of the file (as an editor counts); 0 when none applies
    std::int64_t column = 0; // 1-based field number; 0 when none applies
    Message text;            // `message` as a template with its values, for translation

    CsvError() = default;
    // message is text's English.
    CsvError(CsvErrorCode code, Message text, std::int64_t line = 0, std::int64_t column = 0)
        : code(code), message(text.english()), line(line), column(column), text(std::move(text))
    {
    }
    // English only, never translated (a simulated failure in a test).
    CsvError(CsvErrorCode code, std::string message, std::int64_t line = 0, std::int64_t column = 0)
        : code(code), message(message), line(line), column(column), text(Message::arg(std::move(message)))
    {
    }
};

inline CsvError csvError(CsvErrorCode code, Message text, std::int64_t line = 0, std::int64_t column = 0)
{
    return CsvError(code, std::move(text), line, column);
}

template <typename T>
class CsvResult {
public:
    CsvResult(T value) : m_state(std::move(value)) {}
    CsvResult(CsvError error) : m_state(std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Only when ok().
    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }

    // Only when !ok().
    const CsvError& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, CsvError> m_state;
};

} // namespace gradlab::data

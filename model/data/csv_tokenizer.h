// The CSV grammar, shared by every part of the reader (detection, preview, the fast row parser) so
// that they cannot disagree about where a field or a record ends. Internal to gradlab_data.
//
// A record ends at LF (an optional CR before it is dropped). A field is quoted when its first
// character other than spaces is '"'; inside, "" stands for one quote and delimiters and newlines
// are plain text; after the closing quote only spaces may come before the delimiter or the end of
// the record. An unquoted field is everything up to the delimiter, less surrounding spaces (and
// tabs, unless tab is the delimiter); a quote inside it is a plain character. A record whose only
// field is unquoted and empty is a blank line and is skipped.
#pragma once

#include "csv_result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fast_float/fast_float.h>

namespace gradlab::data::csv_detail {

enum class FieldEnd : std::uint8_t {
    Delimiter,         // more fields follow
    Record,            // the newline that ends the record was consumed
    Eof,               // the data ended (only when the caller said it is the end)
    NeedMore,          // the field runs past the buffer, which is not the end of the data
    UnterminatedQuote, // the end of the data inside a quoted field
    TextAfterQuote,    // something other than a delimiter or newline after a closing quote
};

struct Field {
    std::string_view text;      // unquoted: trimmed; quoted: between the quotes, "" not yet undone
    const char* next = nullptr; // just after the delimiter or newline
    std::int64_t newlines = 0;  // newlines inside the quotes
    FieldEnd end = FieldEnd::Eof;
    bool quoted = false;
    bool escaped = false;       // text holds "" pairs
};

Field scanField(const char* p, const char* end, char delimiter, bool atEof);
std::string fieldString(const Field& field); // the field's value, "" undone

inline bool isBlankField(const Field& f)
{
    return !f.quoted && f.text.empty() && (f.end == FieldEnd::Record || f.end == FieldEnd::Eof);
}

enum class ValueKind : std::uint8_t { Number, Missing, NotFinite, OutOfRange, NotANumber };

// Classifies a field's text as a number with `decimal` as its decimal separator, otherwise in the
// C locale (fast_float, correctly rounded, an optional leading '+'; beyond the double range an
// error, below it zero), a missing value (empty, NA, N/A, NULL, None, ... as pandas reads them),
// nan/inf, or text.
ValueKind classifyValue(std::string_view text, bool escaped, double& value, char decimal);

// Whether the text is an integer whose commas may separate thousands ("1,234", "-12,345,678"):
// such a comma may as well be a decimal one, so it says nothing about the decimal separator.
bool commaMayGroupThousands(std::string_view text);

// fast_float's from_chars with `decimal` as the decimal separator.
inline fast_float::from_chars_result parseNumber(const char* first, const char* last, double& value, char decimal)
{
    return fast_float::from_chars_advanced(first, last, value, fast_float::parse_options(fast_float::chars_format::general, decimal));
}

enum class RecordStatus : std::uint8_t { Record, End, NeedMore, Error };

// Reads the next record that is not a blank line from [p, end), advancing `p` and `line` (the
// physical line number at p) past it. `recordLine` is where the record starts.
RecordStatus nextRecord(const char*& p, const char* end, bool atEof, char delimiter, std::int64_t& line,
                        std::vector<std::string>& fields, std::int64_t& recordLine, CsvError& error);

// Messages.
std::string quoteForMessage(std::string_view text);     // "text", escaped, shortened, UTF-8 safe
Message columnLabel(std::size_t column, const std::vector<std::string>& names); // column 2 ("y")
CsvError fieldError(CsvErrorCode code, std::int64_t line, std::size_t column, const std::vector<std::string>& names,
                    Message what);
CsvError structureError(FieldEnd end, std::int64_t line, std::size_t column); // for the two quote errors

bool isValidUtf8(std::string_view text);
std::string withInvalidUtf8Replaced(std::string_view text); // each bad byte becomes U+FFFD

} // namespace gradlab::data::csv_detail

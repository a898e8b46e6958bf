#include "csv_chunk_parser.h"

#include "csv_tokenizer.h"

#include <cmath>


namespace gradlab::data::csv_detail {

namespace {

bool readsAsNumber(std::string_view text, char decimal)
{
    double v = 0;
    return classifyValue(text, false, v, decimal) == ValueKind::Number;
}

// "5,488.14" with '.' as the decimal separator, or "5.488,14" with ','.
bool hasThousandsSeparators(std::string_view text, char decimal)
{
    const char other = decimal == '.' ? ',' : '.';
    if (text.find(decimal) == std::string_view::npos || text.find(other) == std::string_view::npos)
        return false;
    std::string without(text);
    std::erase(without, other);
    return readsAsNumber(without, decimal);
}

CsvError valueError(ValueKind kind, const Field& f, std::int64_t line, std::size_t column, const RowLayout& layout)
{
    const Message text = Message::arg(quoteForMessage(fieldString(f)));
    const auto& names = *layout.names;
    switch (kind) {
    case ValueKind::Missing:
        if (f.text.empty())
            return fieldError(CsvErrorCode::MissingValue, line, column, names,
                              dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "missing value (empty field). To skip such "
                                                                             "rows, choose to drop rows with missing values")));
        return fieldError(CsvErrorCode::MissingValue, line, column, names,
                          dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "missing value %1. To skip such rows, choose to "
                                                                         "drop rows with missing values"),
                                      {text}));
    case ValueKind::NotFinite:
        return fieldError(CsvErrorCode::NotFinite, line, column, names,
                          dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 is not a finite number. To skip such rows, "
                                                                         "choose to drop rows with missing values"),
                                      {text}));
    case ValueKind::OutOfRange:
        return fieldError(CsvErrorCode::OutOfRange, line, column, names,
                          dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 is beyond the range of double-precision numbers"),
                                      {text}));
    default:
        if (!f.escaped && layout.decimal == '.' && layout.delimiter != ',' && commaMayGroupThousands(f.text))
            return fieldError(CsvErrorCode::NotANumber, line, column, names,
                              dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 is not a number with '.' as the decimal "
                                                                             "separator; numbers with thousands separators "
                                                                             "cannot be read, so save the file without them, "
                                                                             "or, if the file writes numbers with a decimal "
                                                                             "comma, choose the comma as the decimal separator"),
                                          {text}));
        if (!f.escaped && layout.decimal == '.' && layout.delimiter != ',' && readsAsNumber(f.text, ','))
            return fieldError(CsvErrorCode::NotANumber, line, column, names,
                              dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 is not a number with '.' as the decimal "
                                                                             "separator; if the file writes numbers with a "
                                                                             "decimal comma, choose the comma as the decimal "
                                                                             "separator"),
                                          {text}));
        if (!f.escaped && hasThousandsSeparators(f.text, layout.decimal))
            return fieldError(CsvErrorCode::NotANumber, line, column, names,
                              dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 is not a number: numbers with thousands "
                                                                             "separators cannot be read; save the file "
                                                                             "without them"),
                                          {text}));
        if (!f.escaped && layout.decimal == ',' && readsAsNumber(f.text, '.'))
            return fieldError(CsvErrorCode::NotANumber, line, column, names,
                              dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 is not a number with a decimal comma; if "
                                                                             "the file writes numbers with a decimal point, "
                                                                             "choose the point as the decimal separator"),
                                          {text}));
        return fieldError(CsvErrorCode::NotANumber, line, column, names,
                          dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 is not a number"), {text}));
    }
}

CsvError raggedError(std::int64_t line, std::size_t fields, std::size_t expected)
{
    const auto column = static_cast<std::int64_t>(std::min(fields, expected) + 1);
    if (fields == 1)
        return csvError(CsvErrorCode::RaggedRow,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "line %1 has 1 field where %2 were expected (one "
                                                                       "per column)"),
                                    {Message::arg(line), Message::arg(expected)}),
                        line, column);
    return csvError(CsvErrorCode::RaggedRow,
                    dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "line %1 has %2 fields where %3 were expected (one per "
                                                                   "column)"),
                                {Message::arg(line), Message::arg(fields), Message::arg(expected)}),
                    line, column);
}

} // namespace

CsvError tooLongError(std::int64_t line, std::size_t limit)
{
    return csvError(CsvErrorCode::RecordTooLong,
                    dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "line %1: the record is longer than %2 bytes; is this "
                                                                   "really a CSV file?"),
                                {Message::arg(line), Message::arg(limit)}),
                    line, 0);
}

void parseRows(const char* begin, const char* end, bool atEof, std::int64_t firstLine, const RowLayout& layout,
               double* x, double* y, std::size_t capacity, ChunkResult& out)
{
    out = ChunkResult{};
    const char d = layout.delimiter;
    const std::size_t ncol = layout.slots.size();
    const int* slots = layout.slots.data();
    const std::size_t k = layout.features;
    const bool drop = layout.missing == MissingValues::DropRow;
    std::vector<double> scratch(k + 1); // where a row goes that would not fit (and then fails)
    const char* p = begin;
    std::int64_t line = firstLine;
    std::size_t rows = 0;

    const auto stop = [&](const char* at, std::int64_t atLine) {
        out.rows = rows;
        out.consumed = static_cast<std::size_t>(at - begin);
        out.endLine = atLine;
    };

    while (p < end) {
        const char* recordStart = p;
        const std::int64_t recordLine = line;
        const bool full = rows == capacity;
        double* rowX = full ? scratch.data() : x + rows * k;
        double* rowY = full ? scratch.data() + k : y + rows;
        bool missing = false;
        bool blank = false;
        std::size_t col = 0;
        for (;;) {
            // -2: a field too many; -3: the one after a final delimiter.
            const int slot = col < ncol ? slots[col] : (col == ncol && layout.trailingDelimiter ? -3 : -2);
            if (slot >= 0) {
                // Fast path: a plain number straight from the buffer, no field scan first.
                double v;
                const auto [ptr, ec] = parseNumber(p, end, v, layout.decimal);
                if (ec == std::errc() && ptr != p && ptr < end) {
                    const char c = *ptr;
                    const bool atDelimiter = c == d;
                    if ((atDelimiter || c == '\n' || (c == '\r' && ptr + 1 < end && ptr[1] == '\n')) && std::isfinite(v)) {
                        (static_cast<std::size_t>(slot) < k ? rowX[slot] : *rowY) = v;
                        ++col;
                        if (atDelimiter) {
                            p = ptr + 1;
                            continue;
                        }
                        p = ptr + (c == '\r' ? 2 : 1);
                        ++line;
                        break;
                    }
                }
            }
            const Field f = scanField(p, end, d, atEof);
            if (f.end == FieldEnd::NeedMore) {
                out.needMore = true;
                return stop(recordStart, recordLine);
            }
            if (f.end == FieldEnd::UnterminatedQuote || f.end == FieldEnd::TextAfterQuote) {
                out.error = structureError(f.end, line, col + 1);
                return stop(recordStart, recordLine);
            }
            if (col == 0 && isBlankField(f)) {
                blank = true;
                p = f.next;
                if (f.end == FieldEnd::Record)
                    ++line;
                break;
            }
            if (slot == -3 && f.end != FieldEnd::Delimiter) {
                if (!f.text.empty()) {
                    // The preview, the column pickers and the names a user gives were all made
                    // without this column: reading it now would disagree with them, and leaving the
                    // value out would lose it. Say where it is and how to keep it.
                    out.error = csvError(CsvErrorCode::RaggedRow,
                                         dataMessage(QT_TRANSLATE_NOOP("gradlab::data",
                                                                       "line %1 has a value in column %2, which has no name "
                                                                       "and is empty on the first lines, as if the lines only "
                                                                       "ended with a delimiter: give that column a name in "
                                                                       "the header to read it"),
                                                     {Message::arg(recordLine), Message::arg(static_cast<std::int64_t>(ncol + 1))}),
                                         recordLine, static_cast<std::int64_t>(ncol + 1));
                    return stop(recordStart, recordLine);
                }
                line += f.newlines;
                p = f.next;
                if (f.end == FieldEnd::Record)
                    ++line;
                break; // col stays ncol: the empty field is no column
            }
            if (slot == -2 || slot == -3) { // a field too many (after the final delimiter's, with more to come)
                const std::size_t expected = ncol + (layout.trailingDelimiter ? 1 : 0);
                // Count the whole record's fields for the message; it may still be incomplete.
                std::size_t fields = col + 1;
                for (Field g = f; g.end == FieldEnd::Delimiter; ++fields) {
                    g = scanField(g.next, end, d, atEof);
                    if (g.end == FieldEnd::NeedMore) {
                        out.needMore = true;
                        return stop(recordStart, recordLine);
                    }
                    if (g.end == FieldEnd::UnterminatedQuote || g.end == FieldEnd::TextAfterQuote)
                        break;
                }
                out.error = raggedError(recordLine, fields, expected);
                return stop(recordStart, recordLine);
            }
            if (static_cast<std::size_t>(f.next - recordStart) > layout.maxRecordBytes) {
                out.error = tooLongError(recordLine, layout.maxRecordBytes);
                return stop(recordStart, recordLine);
            }
            if (slot >= 0) {
                double v = 0;
                const ValueKind kind = classifyValue(f.text, f.escaped, v, layout.decimal);
                if (kind == ValueKind::Number)
                    (static_cast<std::size_t>(slot) < k ? rowX[slot] : *rowY) = v;
                else if (drop && (kind == ValueKind::Missing || kind == ValueKind::NotFinite))
                    missing = true;
                else {
                    out.error = valueError(kind, f, line, col, layout);
                    return stop(recordStart, recordLine);
                }
            }
            line += f.newlines;
            p = f.next;
            ++col;
            if (f.end != FieldEnd::Delimiter) {
                if (f.end == FieldEnd::Record)
                    ++line;
                break;
            }
        }
        if (blank)
            continue;
        if (col != ncol) {
            out.error = raggedError(recordLine, col, ncol);
            return stop(recordStart, recordLine);
        }
        if (static_cast<std::size_t>(p - recordStart) > layout.maxRecordBytes) {
            out.error = tooLongError(recordLine, layout.maxRecordBytes);
            return stop(recordStart, recordLine);
        }
        if (missing) {
            if (out.dropped++ == 0)
                out.firstDroppedLine = recordLine;
        } else if (full) {
            // The rows were counted before they were parsed: a file edited while it is read.
            out.error = csvError(CsvErrorCode::FileChanged,
                                 dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "line %1: the file changed while it was read"),
                                             {Message::arg(recordLine)}),
                                 recordLine, 0);
            return stop(recordStart, recordLine);
        } else {
            ++rows;
        }
    }
    stop(p, line);
}

} // namespace gradlab::data::csv_detail

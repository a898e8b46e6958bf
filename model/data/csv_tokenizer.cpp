#include "csv_tokenizer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <regex>


namespace gradlab::data::csv_detail {

namespace {

bool isSpace(char c, char delimiter) { return c == ' ' || (c == '\t' && delimiter != '\t'); }

// pandas' default na_values, less the spellings of NaN, which from_chars reads and which are
// reported as not finite instead.
constexpr std::array<std::string_view, 14> kMissingTokens = {
    "NA", "N/A", "n/a", "#N/A", "#N/A N/A", "#NA", "NULL", "null", "None", "<NA>",
    "-1.#IND", "1.#IND", "-1.#QNAN", "1.#QNAN",
};

// The length of the UTF-8 sequence at s[i], or 0 when it is not valid UTF-8.
std::size_t utf8Length(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned c = byte(i);
    if (c < 0x80)
        return 1;
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0; // no overlong forms
        if (c == 0xED)
            hi = 0x9F; // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F; // nothing above U+10FFFF
    } else
        return 0;
    if (i + len > s.size())
        return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < len; ++k)
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
    return len;
}

} // namespace

Field scanField(const char* p, const char* end, char delimiter, bool atEof)
{
    Field f;
    const char* s = p;
    while (s < end && isSpace(*s, delimiter))
        ++s;
    if (s < end && *s == '"') {
        f.quoted = true;
        const char* c = s + 1;
        for (;;) {
            const auto* q = static_cast<const char*>(std::memchr(c, '"', static_cast<std::size_t>(end - c)));
            if (!q) {
                f.end = atEof ? FieldEnd::UnterminatedQuote : FieldEnd::NeedMore;
                return f;
            }
            if (q + 1 == end && !atEof) { // a closing quote, or the first of a doubled one?
                f.end = FieldEnd::NeedMore;
                return f;
            }
            if (q + 1 < end && q[1] == '"') {
                f.escaped = true;
                c = q + 2;
                continue;
            }
            f.text = std::string_view(s + 1, static_cast<std::size_t>(q - s - 1));
            f.newlines = std::count(f.text.begin(), f.text.end(), '\n');
            const char* a = q + 1;
            while (a < end && isSpace(*a, delimiter))
                ++a;
            if (a == end) {
                f.end = atEof ? FieldEnd::Eof : FieldEnd::NeedMore;
                f.next = end;
            } else if (*a == delimiter) {
                f.end = FieldEnd::Delimiter;
                f.next = a + 1;
            } else if (*a == '\n') {
                f.end = FieldEnd::Record;
                f.next = a + 1;
            } else if (*a == '\r' && a + 1 < end && a[1] == '\n') {
                f.end = FieldEnd::Record;
                f.next = a + 2;
            } else if (*a == '\r' && a + 1 == end) {
                f.end = atEof ? FieldEnd::Eof : FieldEnd::NeedMore;
                f.next = end;
            } else {
                f.end = FieldEnd::TextAfterQuote;
            }
            return f;
        }
    }
    const char* e = p;
    while (e < end && *e != delimiter && *e != '\n')
        ++e;
    if (e == end) {
        if (!atEof) {
            f.end = FieldEnd::NeedMore;
            return f;
        }
        f.end = FieldEnd::Eof;
        f.next = end;
    } else {
        f.end = *e == delimiter ? FieldEnd::Delimiter : FieldEnd::Record;
        f.next = e + 1;
    }
    const char* t = e;
    while (t > s && (isSpace(t[-1], delimiter) || t[-1] == '\r'))
        --t;
    f.text = std::string_view(s, static_cast<std::size_t>(t - s));
    return f;
}

std::string fieldString(const Field& field)
{
    if (!field.escaped)
        return std::string(field.text);
    std::string out;
    out.reserve(field.text.size());
    for (std::size_t i = 0; i < field.text.size(); ++i) {
        out.push_back(field.text[i]);
        if (field.text[i] == '"')
            ++i; // the second of a doubled pair
    }
    return out;
}

ValueKind classifyValue(std::string_view text, bool escaped, double& value, char decimal)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (escaped)
        return ValueKind::NotANumber;
    if (text.empty() || std::find(kMissingTokens.begin(), kMissingTokens.end(), text) != kMissingTokens.end())
        return ValueKind::Missing;
    const char* b = text.data();
    const char* e = b + text.size();
    // A leading '+' as Python's float() takes it, "+inf" and "+nan" included; fast_float takes
    // only '-'. A second sign after it stays an error.
    if (*b == '+' && e - b > 1 && b[1] != '+' && b[1] != '-')
        ++b;
    const auto [ptr, ec] = parseNumber(b, e, value, decimal);
    if (ec != std::errc() || ptr != e)
        return ValueKind::NotANumber;
    if (std::isfinite(value))
        return ValueKind::Number;
    // fast_float rounds 1e400 to infinity (and 1e-400 to zero, as strtod does).
    const char first = *b == '-' ? b[1] : *b;
    return std::isinf(value) && ((first >= '0' && first <= '9') || first == decimal) ? ValueKind::OutOfRange : ValueKind::NotFinite;
}

bool commaMayGroupThousands(std::string_view text)
{
    // One to three digits, not starting with a zero, then groups of three.
    static const std::regex grouped("[ \\t]*[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+[ \\t]*");
    return std::regex_match(text.begin(), text.end(), grouped);
}

RecordStatus nextRecord(const char*& p, const char* end, bool atEof, char delimiter, std::int64_t& line,
                        std::vector<std::string>& fields, std::int64_t& recordLine, CsvError& error)
{
    for (;;) {
        if (p == end)
            return atEof ? RecordStatus::End : RecordStatus::NeedMore;
        fields.clear();
        const char* q = p;
        std::int64_t l = line;
        recordLine = line;
        FieldEnd last = FieldEnd::Eof;
        for (;;) {
            const Field f = scanField(q, end, delimiter, atEof);
            if (f.end == FieldEnd::NeedMore)
                return RecordStatus::NeedMore;
            if (f.end == FieldEnd::UnterminatedQuote || f.end == FieldEnd::TextAfterQuote) {
                error = structureError(f.end, l, fields.size() + 1);
                return RecordStatus::Error;
            }
            l += f.newlines;
            q = f.next;
            last = f.end;
            if (fields.empty() && isBlankField(f)) {
                fields.clear();
                break;
            }
            fields.push_back(fieldString(f));
            if (f.end != FieldEnd::Delimiter)
                break;
        }
        if (last == FieldEnd::Record)
            ++l;
        p = q;
        line = l;
        if (!fields.empty())
            return RecordStatus::Record;
    }
}

std::string quoteForMessage(std::string_view text)
{
    constexpr std::size_t kMax = 40;
    std::string out = "\"";
    std::size_t shown = 0;
    for (std::size_t i = 0; i < text.size(); ++shown) {
        if (shown == kMax) {
            out += "...";
            break;
        }
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const std::size_t len = utf8Length(text, i);
        if (len == 0 || c < 0x20 || c == 0x7F) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            if (c == '\n')
                out += "\\n";
            else if (c == '\r')
                out += "\\r";
            else if (c == '\t')
                out += "\\t";
            else
                out += std::string("\\x") + kHex[c >> 4] + kHex[c & 15];
            ++i;
        } else {
            if (c == '"' || c == '\\')
                out += '\\';
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out + "\"";
}

Message columnLabel(std::size_t column, const std::vector<std::string>& names)
{
    // A header cell left empty is named "column N" already.
    std::string plain = "column ";
    plain.append(std::to_string(column + 1));
    if (column < names.size() && names[column] != plain)
        return dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "column %1 (%2)"),
                           {Message::arg(column + 1), Message::arg(quoteForMessage(names[column]))});
    return dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "column %1"), {Message::arg(column + 1)});
}

CsvError fieldError(CsvErrorCode code, std::int64_t line, std::size_t column, const std::vector<std::string>& names,
                    Message what)
{
    return csvError(code,
                    dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "line %1, %2: %3"),
                                {Message::arg(line), columnLabel(column, names), std::move(what)}),
                    line, static_cast<std::int64_t>(column + 1));
}

CsvError structureError(FieldEnd end, std::int64_t line, std::size_t column)
{
    if (end == FieldEnd::UnterminatedQuote)
        return csvError(CsvErrorCode::UnterminatedQuote,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "line %1, column %2: a quoted field starts here and "
                                                                       "is never closed (the file ends inside the quotes)"),
                                    {Message::arg(line), Message::arg(column)}),
                        line, static_cast<std::int64_t>(column));
    return csvError(CsvErrorCode::TextAfterQuote,
                    dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "line %1, column %2: text follows the closing quote of a "
                                                                   "quoted field; a quote inside a quoted field must be "
                                                                   "written twice (\"\")"),
                                {Message::arg(line), Message::arg(column)}),
                    line, static_cast<std::int64_t>(column));
}

bool isValidUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8Length(text, i);
        if (len == 0)
            return false;
        i += len;
    }
    return true;
}

std::string withInvalidUtf8Replaced(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8Length(text, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

} // namespace gradlab::data::csv_detail

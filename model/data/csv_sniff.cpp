#include "csv_sniff.h"

#include "csv_chunk_parser.h"
#include "csv_tokenizer.h"

#include <algorithm>
#include <array>
#include <map>

namespace gradlab::data::csv_detail {

namespace {

constexpr std::size_t kSniffBytes = 64u << 10;
constexpr std::size_t kSniffRecords = 50;
constexpr std::array<char, 4> kDelimiters = {',', '\t', ';', '|'}; // ties go to the earlier

unsigned char byteAt(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }

bool looksLikeUtf16(std::string_view b)
{
    const std::size_t n = std::min<std::size_t>(b.size(), 64) & ~std::size_t{1};
    bool le = n >= 2, be = n >= 2;
    for (std::size_t i = 0; i < n; i += 2) {
        le = le && b[i] != '\0' && b[i + 1] == '\0';
        be = be && b[i] == '\0' && b[i + 1] != '\0';
    }
    return le || be;
}

std::int64_t lineOf(std::string_view bytes, std::size_t offset)
{
    return 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
}

// Reads the next record at `offset`, growing the prefix until the record is complete.
RecordStatus recordAt(Prefix& prefix, std::size_t& offset, std::int64_t& line, char delimiter, std::size_t limit,
                      std::vector<std::string>& fields, std::int64_t& recordLine, CsvError& error)
{
    for (;;) {
        const std::string_view b = prefix.bytes();
        const char* p = b.data() + offset;
        std::int64_t l = line;
        const RecordStatus status = nextRecord(p, b.data() + b.size(), prefix.atEof(), delimiter, l, fields, recordLine, error);
        if (status != RecordStatus::NeedMore) {
            offset = static_cast<std::size_t>(p - b.data());
            line = l;
            return status;
        }
        if (b.size() - offset > limit) {
            error = tooLongError(line, limit);
            return RecordStatus::Error;
        }
        if (auto e = prefix.ensure(std::max(b.size() * 2, kSniffBytes))) {
            error = *e;
            return RecordStatus::Error;
        }
    }
}

// Whether every field of the record reads as a number: with a point, or for a delimiter other than
// the comma also with a decimal comma. An empty last field is the line ending with the delimiter
// ("1,5;2,0;"), not a field that is no number.
bool allNumbers(const std::vector<std::string>& fields, char delimiter)
{
    const auto end = fields.size() > 2 && fields.back().empty() ? fields.end() - 1 : fields.end();
    return std::all_of(fields.begin(), end, [delimiter](const std::string& f) {
        return isCsvNumber(f, '.') || (delimiter != ',' && isCsvNumber(f, ','));
    });
}

// The delimiter that splits the first records into the same number (two or more) of fields most
// often. Among delimiters that do so (nearly) equally often, the one under which most records read
// as numbers: "1,5;2,0" splits evenly on both ',' and ';', but only ';' gives numbers.
char detectDelimiter(std::string_view b, std::size_t start, bool atEof)
{
    constexpr double kNearTie = 0.05;
    struct Candidate {
        char delimiter;
        double score;    // the share of records with the most common number of fields
        double numeric;  // the share of records that are all numbers
    };
    std::vector<Candidate> candidates;
    std::vector<std::string> fields;
    for (char d : kDelimiters) {
        const char* p = b.data() + start;
        std::int64_t line = 1, recordLine = 0;
        CsvError ignored;
        std::map<std::size_t, std::size_t> histogram;
        std::size_t records = 0, numeric = 0;
        for (; records < kSniffRecords; ++records) {
            if (nextRecord(p, b.data() + b.size(), atEof, d, line, fields, recordLine, ignored) != RecordStatus::Record)
                break;
            // A line that ends with the delimiter counts as one without it ("1,5;2,0;" as "1,5;2,0"),
            // so that a file where only some lines do still splits evenly.
            ++histogram[fields.size() - (fields.size() > 2 && fields.back().empty() ? 1 : 0)];
            numeric += allNumbers(fields, d) ? 1 : 0;
        }
        if (records == 0)
            continue;
        const auto mode = std::max_element(histogram.begin(), histogram.end(),
                                           [](const auto& a, const auto& c) { return a.second < c.second; });
        if (mode->first < 2)
            continue;
        const auto n = static_cast<double>(records);
        candidates.push_back({d, static_cast<double>(mode->second) / n, static_cast<double>(numeric) / n});
    }
    if (candidates.empty())
        return ',';
    // Ties go to the higher score, then to the earlier delimiter.
    const double top = std::max_element(candidates.begin(), candidates.end(),
                                        [](const Candidate& a, const Candidate& c) { return a.score < c.score; })->score;
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates)
        if (c.score >= top - kNearTie
            && (!best || c.numeric > best->numeric || (c.numeric == best->numeric && c.score > best->score)))
            best = &c;
    return best->delimiter;
}

// ',' when some numbers of the first records hold a comma as their only separator ("5,48") and
// none a point ("5.48"); '.' otherwise, and always with a comma delimiter. A comma that may
// separate thousands ("1,234") is no evidence: read as a decimal, it would make the number 1000
// times smaller, so such a file is refused with '.' unless a comma is chosen.
char detectDecimal(std::string_view b, std::size_t start, bool atEof, char delimiter)
{
    if (delimiter == ',')
        return '.';
    std::size_t comma = 0, point = 0;
    std::vector<std::string> fields;
    const char* p = b.data() + start;
    std::int64_t line = 1, recordLine = 0;
    CsvError ignored;
    for (std::size_t records = 0; records < kSniffRecords; ++records) {
        if (nextRecord(p, b.data() + b.size(), atEof, delimiter, line, fields, recordLine, ignored) != RecordStatus::Record)
            break;
        for (const std::string& f : fields) {
            const bool hasComma = f.find(',') != std::string::npos, hasPoint = f.find('.') != std::string::npos;
            double v = 0;
            if (hasComma && !hasPoint && classifyValue(f, false, v, ',') == ValueKind::Number) {
                if (!commaMayGroupThousands(f))
                    ++comma;
            } else if (hasPoint && !hasComma && classifyValue(f, false, v, '.') == ValueKind::Number)
                ++point;
        }
    }
    return comma > 0 && point == 0 ? ',' : '.';
}

// Whether the first records from `offset` leave the last of `columns` columns empty: each has that
// many fields with the last one empty, or one fewer (a line without the final delimiter).
bool lastColumnEmpty(Prefix& prefix, std::size_t offset, std::int64_t line, char delimiter, std::size_t limit, std::size_t columns)
{
    std::vector<std::string> fields;
    std::int64_t recordLine = 0;
    CsvError ignored; // the reader reports it where it reads the record
    for (std::size_t records = 0; records < kSniffRecords; ++records) {
        if (recordAt(prefix, offset, line, delimiter, limit, fields, recordLine, ignored) != RecordStatus::Record)
            break;
        if (!(fields.size() == columns - 1 || (fields.size() == columns && fields.back().empty())))
            return false;
    }
    return true;
}

std::string generatedName(std::size_t column) { return "column " + std::to_string(column + 1); }

// Makes repeated names unique as pandas' read_csv does (pandas 1.5, parsers.pyx _get_header):
// the second "x" becomes "x.1", the third "x.2", skipping suffixes that are names of the header
// already; the generated names of empty header fields are renamed last. Returns the renamed
// columns.
std::vector<std::size_t> makeNamesUnique(std::vector<std::string>& names, const std::vector<bool>& generated)
{
    std::map<std::string, std::size_t> present; // the header as it is now: name -> columns
    for (const auto& n : names)
        ++present[n];
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!generated[i])
            order.push_back(i);
    for (std::size_t i = 0; i < names.size(); ++i)
        if (generated[i])
            order.push_back(i);
    std::map<std::string, std::size_t> counts;
    std::vector<std::size_t> renamed;
    for (const std::size_t i : order) {
        const std::string old = names[i];
        std::string name = old;
        std::size_t count = counts[name];
        if (count > 0) {
            while (count > 0) {
                counts[old] = count + 1;
                name = old + "." + std::to_string(count);
                if (present[name] > 0)
                    ++count;
                else
                    count = counts[name];
            }
            --present[old];
            ++present[name];
            names[i] = name;
            renamed.push_back(i);
        }
        counts[name] = count + 1;
    }
    std::sort(renamed.begin(), renamed.end());
    return renamed;
}

// Names the renamed columns: "column 2 ("x") as "x.1", column 3 ("x") as "x.2"", at most 10.
Message renamedList(const std::vector<std::size_t>& renamed, const std::vector<std::string>& before,
                    const std::vector<std::string>& after)
{
    constexpr std::size_t kShown = 10;
    Message list;
    for (std::size_t k = 0; k < renamed.size() && k < kShown; ++k) {
        const std::size_t c = renamed[k];
        Message item = dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 as %2"),
                                   {columnLabel(c, before), Message::arg(quoteForMessage(after[c]))});
        list = k == 0 ? std::move(item)
                      : dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1, %2"), {std::move(list), std::move(item)});
    }
    if (renamed.size() > kShown)
        list = dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 and %2 more"),
                           {std::move(list), Message::arg(renamed.size() - kShown)});
    return list;
}

} // namespace

CsvError fileChangedError()
{
    return csvError(CsvErrorCode::FileChanged,
                    dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the file became shorter while it was read; was it "
                                                                   "changed or deleted by another program?")));
}

std::optional<CsvError> Prefix::ensure(std::size_t n)
{
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(n, m_total));
    if (m_bytes.size() >= want)
        return std::nullopt;
    const std::size_t have = m_bytes.size();
    m_bytes.resize(want);
    auto got = m_source.read(have, std::span<char>(m_bytes.data() + have, want - have));
    if (!got) {
        m_bytes.resize(have);
        return got.error();
    }
    if (got.value() < want - have) {
        m_bytes.resize(have + got.value());
        return fileChangedError();
    }
    return std::nullopt;
}

std::optional<CsvError> checkOptions(const CsvReadOptions& options)
{
    if (options.delimiter) {
        const char d = *options.delimiter;
        const bool punct = d > 0x20 && d < 0x7F && !(d >= '0' && d <= '9') && !(d >= 'A' && d <= 'Z') && !(d >= 'a' && d <= 'z');
        if (!(d == '\t' || (punct && d != '"' && d != '.' && d != '+' && d != '-')))
            return csvError(CsvErrorCode::InvalidOption,
                            dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the delimiter must be a tab or an ASCII "
                                                                           "punctuation character other than '\"', '.', "
                                                                           "'+' and '-'")));
    }
    if (options.decimal && *options.decimal != '.' && *options.decimal != ',')
        return csvError(CsvErrorCode::InvalidOption,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the decimal separator must be '.' or ','")));
    if (options.decimal == ',' && options.delimiter == ',')
        return csvError(CsvErrorCode::InvalidOption,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the comma cannot be both the delimiter and the "
                                                                       "decimal separator; choose another delimiter")));
    if (options.chunkBytes == 0 || options.maxRecordBytes == 0)
        return csvError(CsvErrorCode::InvalidOption,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the chunk size and the record size limit must be positive")));
    return std::nullopt;
}

CsvResult<Head> readHead(Prefix& prefix, const CsvReadOptions& options)
{
    if (auto e = prefix.ensure(kSniffBytes))
        return *e;
    std::string_view b = prefix.bytes();
    Head head;
    std::size_t start = 0;
    if (b.size() >= 2 && ((byteAt(b, 0) == 0xFF && byteAt(b, 1) == 0xFE) || (byteAt(b, 0) == 0xFE && byteAt(b, 1) == 0xFF)))
        return csvError(CsvErrorCode::Utf16,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the file is UTF-16 text; save it as UTF-8 (for "
                                                                       "example, \"CSV UTF-8\" in Excel)")),
                        1, 0);
    // Without a BOM, UTF-16 shows as ASCII interleaved with NULs.
    if (looksLikeUtf16(b))
        return csvError(CsvErrorCode::Utf16,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the file looks like UTF-16 text; save it as UTF-8 "
                                                                       "(for example, \"CSV UTF-8\" in Excel)")),
                        1, 0);
    if (b.size() >= 3 && byteAt(b, 0) == 0xEF && byteAt(b, 1) == 0xBB && byteAt(b, 2) == 0xBF) {
        head.format.hasBom = true;
        start = 3;
    }
    if (prefix.total() <= start)
        return csvError(CsvErrorCode::Empty, dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the file is empty")));
    if (const auto nul = b.find('\0'); nul != std::string_view::npos)
        return csvError(CsvErrorCode::NotText,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "line %1 holds a NUL byte: this is a binary file, "
                                                                       "not CSV text"),
                                    {Message::arg(lineOf(b, nul))}),
                        lineOf(b, nul), 0);
    if (const auto cr = b.find('\r', start); b.find('\n') == std::string_view::npos && cr != std::string_view::npos && cr + 1 < b.size())
        return csvError(CsvErrorCode::UnsupportedLineEnding,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the lines of the file end in CR alone (classic Mac "
                                                                       "OS); save it with LF or CRLF line endings")),
                        1, 0);

    std::vector<std::string> first;
    std::int64_t recordLine = 0;
    CsvError error;
    const auto readFirst = [&](char d) {
        std::size_t offset = start;
        std::int64_t line = 1;
        const RecordStatus status = recordAt(prefix, offset, line, d, options.maxRecordBytes, first, recordLine, error);
        head.dataStart = offset;
        head.dataLine = line;
        return status;
    };
    RecordStatus status = readFirst(options.delimiter.value_or(','));
    if (status == RecordStatus::Record && !options.delimiter) {
        b = prefix.bytes();
        head.format.delimiter = detectDelimiter(b, start, prefix.atEof());
        status = readFirst(head.format.delimiter);
    } else {
        head.format.delimiter = options.delimiter.value_or(',');
    }
    if (status == RecordStatus::Error)
        return error;
    if (status == RecordStatus::End)
        return csvError(CsvErrorCode::Empty,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the file holds nothing but blank lines")));

    if (options.decimal == ',' && head.format.delimiter == ',')
        return csvError(CsvErrorCode::InvalidOption,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the comma was detected as the delimiter, so it "
                                                                       "cannot be the decimal separator too; choose "
                                                                       "another delimiter")));
    head.format.decimal = options.decimal.value_or(detectDecimal(prefix.bytes(), start, prefix.atEof(), head.format.delimiter));
    const char decimal = head.format.decimal, delimiter = head.format.delimiter;
    // "1,234" is a number whichever its comma is, so a headerless file of such numbers stays headerless.
    head.format.hasHeader = options.hasHeader.value_or(
        std::none_of(first.begin(), first.end(),
                     [decimal, delimiter](const std::string& f) {
                         return isCsvNumber(f, decimal) || (delimiter != ',' && commaMayGroupThousands(f));
                     })
        && std::any_of(first.begin(), first.end(), [](const std::string& f) { return !f.empty(); }));
    // Lines that end with a delimiter ("x,y," and "1,2,", as Excel and database exports write
    // them) make an empty last column with no name: that is no column. The first records decide;
    // a later line with a value there is refused by the reader, naming the line.
    if (first.size() >= 2 && first.back().empty()
        && lastColumnEmpty(prefix, head.format.hasHeader ? head.dataStart : start, head.format.hasHeader ? head.dataLine : 1,
                           delimiter, options.maxRecordBytes, first.size())) {
        first.pop_back();
        head.format.trailingDelimiter = true;
        head.warnings.push_back(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the lines end with a delimiter; the empty "
                                                                               "last column is ignored")));
    }
    auto& names = head.format.columnNames;
    if (head.format.hasHeader) {
        std::vector<bool> generated;
        for (std::size_t c = 0; c < first.size(); ++c) {
            if (!isValidUtf8(first[c]))
                return csvError(CsvErrorCode::InvalidUtf8,
                                dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "line %1, column %2: the column name %3 is "
                                                                               "not UTF-8 text; save the file as UTF-8"),
                                            {Message::arg(recordLine), Message::arg(c + 1),
                                             Message::arg(quoteForMessage(first[c]))}),
                                recordLine, static_cast<std::int64_t>(c + 1));
            if (first[c].find('\0') != std::string::npos)
                return csvError(CsvErrorCode::NotText,
                                dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "line %1, column %2: the column name holds a "
                                                                               "NUL byte: this is a binary file, not CSV text"),
                                            {Message::arg(recordLine), Message::arg(c + 1)}),
                                recordLine, static_cast<std::int64_t>(c + 1));
            names.push_back(first[c].empty() ? generatedName(c) : first[c]);
            generated.push_back(first[c].empty());
        }
        const std::vector<std::string> before = names;
        if (const auto renamed = makeNamesUnique(names, generated); !renamed.empty())
            head.warnings.push_back(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "columns with the same name are renamed "
                                                                                   "as pandas renames them, so that each "
                                                                                   "can be chosen: %1"),
                                                {renamedList(renamed, before, names)}));
    } else {
        for (std::size_t c = 0; c < first.size(); ++c)
            names.push_back(generatedName(c));
        head.dataStart = start;
        head.dataLine = 1;
    }
    return head;
}

CsvResult<CsvPreview> readPreview(Prefix& prefix, const Head& head, std::size_t maxRows, const CsvReadOptions& options)
{
    CsvPreview preview;
    preview.format = head.format;
    preview.warnings = head.warnings;
    std::size_t offset = head.dataStart;
    std::int64_t line = head.dataLine, recordLine = 0;
    std::vector<std::string> fields;
    CsvError error;
    bool replaced = false;
    while (preview.rows.size() < maxRows) {
        const RecordStatus status =
            recordAt(prefix, offset, line, head.format.delimiter, options.maxRecordBytes, fields, recordLine, error);
        if (status == RecordStatus::Error)
            return error;
        if (status == RecordStatus::End)
            break;
        // As the reader reads it: without the empty field after the final delimiter.
        if (head.format.trailingDelimiter && fields.size() == head.format.columnNames.size() + 1 && fields.back().empty())
            fields.pop_back();
        for (auto& f : fields) {
            if (!isValidUtf8(f)) {
                f = withInvalidUtf8Replaced(f);
                replaced = true;
            }
        }
        preview.rows.push_back(std::move(fields));
        fields = {};
    }
    if (preview.rows.size() < maxRows) {
        preview.wholeFile = true;
    } else {
        // Whole only if nothing but blank lines follows.
        std::size_t probe = offset;
        std::int64_t probeLine = line;
        preview.wholeFile = recordAt(prefix, probe, probeLine, head.format.delimiter, options.maxRecordBytes, fields,
                                     recordLine, error)
                            == RecordStatus::End;
    }
    if (replaced)
        preview.warnings.push_back(dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "some text is not valid UTF-8 and is "
                                                                                   "shown as %1"),
                                               {Message::arg("\xEF\xBF\xBD")}));
    return preview;
}

} // namespace gradlab::data::csv_detail

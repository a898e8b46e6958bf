#include "csv_writer.h"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <ostream>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

namespace gradlab::data {

namespace {

constexpr std::size_t kFlushBytes = 1u << 20;

std::optional<CsvError> checkDelimiter(char d)
{
    const bool punct = d > 0x20 && d < 0x7F && !(d >= '0' && d <= '9') && !(d >= 'A' && d <= 'Z') && !(d >= 'a' && d <= 'z');
    if (d == '\t' || (punct && d != '"' && d != '.' && d != '+' && d != '-'))
        return std::nullopt;
    return csvError(CsvErrorCode::InvalidOption,
                    dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the delimiter must be a tab or an ASCII punctuation "
                                                                   "character other than '\"', '.', '+' and '-'")));
}

// The reader trims unquoted fields and skips an empty record, so such names are quoted too.
bool needsQuotes(std::string_view name, char delimiter)
{
    if (name.empty() || name.front() == ' ' || name.front() == '\t' || name.back() == ' ' || name.back() == '\t')
        return true;
    return name.find_first_of(std::string{delimiter, '"', '\n', '\r'}) != std::string_view::npos;
}

void appendName(std::string& out, std::string_view name, char delimiter)
{
    if (!needsQuotes(name, delimiter)) {
        out += name;
        return;
    }
    out += '"';
    for (char c : name) {
        out += c;
        if (c == '"')
            out += '"';
    }
    out += '"';
}

// Writes a rows × names.size() table whose values come from value(row, column).
CsvResult<std::uint64_t> writeTable(std::ostream& out, const std::vector<std::string_view>& names, std::size_t rows,
                                    const std::function<double(std::size_t, std::size_t)>& value, const CsvWriteOptions& options)
{
    if (auto e = checkDelimiter(options.delimiter))
        return *e;
    if (names.empty())
        return csvError(CsvErrorCode::InvalidOption,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "there are no columns to write")));
    const std::string_view eol = options.crlf ? "\r\n" : "\n";
    std::string buffer;
    buffer.reserve(kFlushBytes + 4096);
    std::uint64_t written = 0;
    const auto flush = [&]() -> bool {
        out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        written += buffer.size();
        buffer.clear();
        return static_cast<bool>(out);
    };
    const auto failed = [] {
        return csvError(CsvErrorCode::Io, dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "writing the CSV text failed")));
    };
    if (options.header) {
        for (std::size_t c = 0; c < names.size(); ++c) {
            if (c)
                buffer += options.delimiter;
            appendName(buffer, names[c], options.delimiter);
        }
        buffer += eol;
    }
    char number[32];
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < names.size(); ++c) {
            if (c)
                buffer += options.delimiter;
            const auto result = std::to_chars(number, number + sizeof number, value(r, c));
            buffer.append(number, result.ptr);
        }
        buffer += eol;
        if (buffer.size() >= kFlushBytes && !flush())
            return failed();
    }
    if (!flush() || !out.flush())
        return failed();
    return written;
}

std::optional<CsvError> checkDataset(const Dataset& d)
{
    const auto n = static_cast<std::size_t>(d.rows()), k = static_cast<std::size_t>(d.features());
    if (d.x.size() != n * k)
        return csvError(CsvErrorCode::InvalidOption,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "the dataset is inconsistent: %1 feature values "
                                                                       "for %2 rows of %3 features"),
                                    {Message::arg(d.x.size()), Message::arg(n), Message::arg(k)}));
    return std::nullopt;
}

CsvResult<std::uint64_t> writeDataset(std::ostream& out, const Dataset& d, const CsvWriteOptions& options)
{
    if (auto e = checkDataset(d))
        return *e;
    std::vector<std::string_view> names(d.featureNames.begin(), d.featureNames.end());
    names.push_back(d.targetName);
    const auto k = static_cast<std::size_t>(d.features());
    return writeTable(out, names, d.y.size(),
                      [&](std::size_t r, std::size_t c) { return c < k ? d.x[r * k + c] : d.y[r]; }, options);
}

CsvResult<std::uint64_t> writeColumns(std::ostream& out, std::span<const CsvColumnData> columns, const CsvWriteOptions& options)
{
    std::vector<std::string_view> names;
    for (const auto& c : columns) {
        if (c.values.size() != columns.front().values.size())
            return csvError(CsvErrorCode::InvalidOption,
                            dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "column %1 has %2 values where %3 has %4"),
                                        {Message::arg(c.name), Message::arg(c.values.size()),
                                         Message::arg(columns.front().name), Message::arg(columns.front().values.size())}));
        names.push_back(c.name);
    }
    const std::size_t rows = columns.empty() ? 0 : columns.front().values.size();
    return writeTable(out, names, rows, [&](std::size_t r, std::size_t c) { return columns[c].values[r]; }, options);
}

CsvResult<std::uint64_t> writeAtomically(const std::filesystem::path& path,
                                         const std::function<CsvResult<std::uint64_t>(std::ostream&)>& write)
{
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count()
                       ^ static_cast<long long>(std::hash<std::thread::id>{}(std::this_thread::get_id()));
    std::filesystem::path temp = path;
    temp += ".tmp-" + std::to_string(static_cast<unsigned long long>(stamp) % 1000000007ull);
    // `what` is a QT_TRANSLATE_NOOP template: %1 the path, %2 the system's reason.
    const auto ioError = [&](const char* what, std::error_code ec) {
        return csvError(CsvErrorCode::Io, dataMessage(what, {Message::arg(path.string()), Message::arg(ec.message())}));
    };
    // A device or FIFO (/dev/null, /dev/stdout) is written in place: a file renamed over it would
    // replace it (as root, even /dev/full).
    std::error_code statusError;
    const auto status = std::filesystem::status(path, statusError);
    if (!statusError && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)
        && !std::filesystem::is_directory(status)) {
        std::ofstream device(path, std::ios::binary);
        if (!device)
            return ioError(QT_TRANSLATE_NOOP("gradlab::data", "cannot write %1: %2"), std::error_code(errno, std::generic_category()));
        errno = 0;
        auto result = write(device);
        const int err = errno;
        device.close();
        if (result && !device.fail())
            return result;
        if (!result && result.error().code != CsvErrorCode::Io)
            return result;
        return ioError(QT_TRANSLATE_NOOP("gradlab::data", "cannot write %1: %2"), std::error_code(err ? err : EIO, std::generic_category()));
    }
    // A symbolic link to a file is written through: the file it names is replaced (from a new file
    // beside it), and the link stays. (/dev/stdout into a file is one; into a pipe it was written
    // in place above.)
    std::filesystem::path target = path;
    std::error_code linkError;
    if (std::filesystem::is_symlink(std::filesystem::symlink_status(path, linkError))) {
        if (const std::filesystem::path resolved = std::filesystem::canonical(path, linkError); !linkError) {
            target = resolved;
            temp = resolved;
            temp += ".tmp-" + std::to_string(static_cast<unsigned long long>(stamp) % 1000000007ull);
        }
    }
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    if (!file) {
        const std::error_code why(errno, std::generic_category());
        // The new file beside the target could not be made: where the folder is there, that is
        // the reason (a read-only place such as /proc), not the target.
        std::error_code ignored;
        const std::filesystem::path folder = std::filesystem::absolute(path, ignored).parent_path();
        if (std::filesystem::is_directory(folder, ignored))
            return csvError(CsvErrorCode::Io, dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "cannot write %1: no new file can be made in the folder %2 (%3)"),
                                                          {Message::arg(path.string()), Message::arg(folder.string()), Message::arg(why.message())}));
        return ioError(QT_TRANSLATE_NOOP("gradlab::data", "cannot write %1: %2"), why);
    }
    auto result = write(file);
    file.close();
    std::error_code ec;
    if (!result || file.fail()) {
        const int err = errno;
        std::filesystem::remove(temp, ec);
        if (!result && result.error().code != CsvErrorCode::Io)
            return result;
        return ioError(QT_TRANSLATE_NOOP("gradlab::data", "cannot write %1: %2"), std::error_code(err, std::generic_category()));
    }
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        return ioError(QT_TRANSLATE_NOOP("gradlab::data", "cannot replace %1: %2"), ec);
    }
    return result;
}

} // namespace

CsvResult<std::uint64_t> writeCsv(std::ostream& out, const Dataset& dataset, const CsvWriteOptions& options)
{
    return writeDataset(out, dataset, options);
}

CsvResult<std::uint64_t> writeCsv(std::ostream& out, std::span<const CsvColumnData> columns, const CsvWriteOptions& options)
{
    return writeColumns(out, columns, options);
}

CsvResult<std::uint64_t> writeCsvFile(const std::filesystem::path& path, const Dataset& dataset, const CsvWriteOptions& options)
{
    if (auto e = checkDataset(dataset))
        return *e;
    return writeAtomically(path, [&](std::ostream& out) { return writeDataset(out, dataset, options); });
}

CsvResult<std::uint64_t> writeCsvFile(const std::filesystem::path& path, std::span<const CsvColumnData> columns,
                                      const CsvWriteOptions& options)
{
    return writeAtomically(path, [&](std::ostream& out) { return writeColumns(out, columns, options); });
}

CsvResult<std::string> csvText(const Dataset& dataset, const CsvWriteOptions& options)
{
    std::ostringstream out;
    auto result = writeDataset(out, dataset, options);
    if (!result)
        return result.error();
    return std::move(out).str();
}

} // namespace gradlab::data

#include "csv_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#define GRADLAB_CSV_POSIX 1
#else
#include <cstdio>
#include <mutex>
#endif

namespace gradlab::data {

namespace {

std::string osMessage(int err) { return std::error_code(err, std::generic_category()).message(); }

// `what` is a QT_TRANSLATE_NOOP template: %1 the path, %2 the system's reason.
CsvError ioError(const std::filesystem::path& path, const char* what, int err)
{
    return csvError(CsvErrorCode::Io, dataMessage(what, {Message::arg(path.string()), Message::arg(osMessage(err))}));
}

class MemorySource final : public CsvSource {
public:
    explicit MemorySource(std::string_view bytes) : m_bytes(bytes) {}
    std::uint64_t size() const override { return m_bytes.size(); }
    CsvResult<std::size_t> read(std::uint64_t offset, std::span<char> buffer) const override
    {
        if (offset >= m_bytes.size())
            return std::size_t{0};
        const std::size_t n = std::min<std::size_t>(buffer.size(), m_bytes.size() - static_cast<std::size_t>(offset));
        std::memcpy(buffer.data(), m_bytes.data() + offset, n);
        return n;
    }

private:
    std::string_view m_bytes;
};

#ifdef GRADLAB_CSV_POSIX
// pread() keeps no file position, so any number of threads can read one descriptor at once.
class FileSource final : public CsvSource {
public:
    FileSource(std::filesystem::path path, int fd, std::uint64_t size) : m_path(std::move(path)), m_fd(fd), m_size(size) {}
    ~FileSource() override { ::close(m_fd); }
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;

    std::uint64_t size() const override { return m_size; }
    CsvResult<std::size_t> read(std::uint64_t offset, std::span<char> buffer) const override
    {
        std::size_t done = 0;
        while (done < buffer.size()) {
            const ssize_t n = ::pread(m_fd, buffer.data() + done, buffer.size() - done, static_cast<off_t>(offset + done));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return ioError(m_path, QT_TRANSLATE_NOOP("gradlab::data", "cannot read %1: %2"), errno);
            }
            if (n == 0)
                break;
            done += static_cast<std::size_t>(n);
        }
        return done;
    }

private:
    std::filesystem::path m_path;
    int m_fd;
    std::uint64_t m_size;
};
#else
class FileSource final : public CsvSource {
public:
    FileSource(std::filesystem::path path, std::FILE* file, std::uint64_t size) : m_path(std::move(path)), m_file(file), m_size(size) {}
    ~FileSource() override { std::fclose(m_file); }
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;

    std::uint64_t size() const override { return m_size; }
    CsvResult<std::size_t> read(std::uint64_t offset, std::span<char> buffer) const override
    {
        std::lock_guard lock(m_mutex);
        if (std::fseek(m_file, static_cast<long>(offset), SEEK_SET) != 0)
            return ioError(m_path, QT_TRANSLATE_NOOP("gradlab::data", "cannot read %1: %2"), errno);
        const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), m_file);
        if (n < buffer.size() && std::ferror(m_file))
            return ioError(m_path, QT_TRANSLATE_NOOP("gradlab::data", "cannot read %1: %2"), errno);
        return n;
    }

private:
    std::filesystem::path m_path;
    std::FILE* m_file;
    std::uint64_t m_size;
    mutable std::mutex m_mutex;
};
#endif

} // namespace

CsvResult<std::unique_ptr<CsvSource>> openCsvFile(const std::filesystem::path& path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(status))
        return csvError(CsvErrorCode::Io,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "cannot read %1: it is a folder, not a file"),
                                    {Message::arg(path.string())}));
    // A pipe or a device has no size to read up to, may never end (/dev/zero), and opening a pipe
    // with no writer blocks: refused before it is opened.
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
        return csvError(CsvErrorCode::Io,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data",
                                                      "cannot read %1: it is a pipe or a device, not a regular file; save the data to a file first"),
                                    {Message::arg(path.string())}));
#ifdef GRADLAB_CSV_POSIX
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(path, QT_TRANSLATE_NOOP("gradlab::data", "cannot open %1: %2"), errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return ioError(path, QT_TRANSLATE_NOOP("gradlab::data", "cannot read %1: %2"), err);
    }
    return std::unique_ptr<CsvSource>(std::make_unique<FileSource>(path, fd, static_cast<std::uint64_t>(st.st_size)));
#else
    std::FILE* file = std::fopen(path.string().c_str(), "rb");
    if (!file)
        return ioError(path, QT_TRANSLATE_NOOP("gradlab::data", "cannot open %1: %2"), errno);
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        std::fclose(file);
        return ioError(path, QT_TRANSLATE_NOOP("gradlab::data", "cannot read %1: %2"), ec.value());
    }
    return std::unique_ptr<CsvSource>(std::make_unique<FileSource>(path, file, size));
#endif
}

std::unique_ptr<CsvSource> csvSourceFromMemory(std::string_view bytes) { return std::make_unique<MemorySource>(bytes); }

} // namespace gradlab::data

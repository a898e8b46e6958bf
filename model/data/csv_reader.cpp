#include "csv_reader.h"

#include "csv_chunk_parser.h"
#include "csv_parallel.h"
#include "csv_selection.h"
#include "csv_sniff.h"
#include "csv_tokenizer.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>
#include <thread>

namespace gradlab::data {

using namespace csv_detail;

namespace {

CsvError cancelledError()
{
    return csvError(CsvErrorCode::Cancelled, dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "reading the file was cancelled")));
}

// A run of whole records of the data region, and where its rows go.
struct Chunk {
    std::uint64_t begin = 0, end = 0; // offsets in the source
    std::int64_t firstLine = 1;
    std::uint64_t newlines = 0;
    std::size_t rowOffset = 0, capacity = 0;
};

class Reader {
public:
    Reader(const CsvSource& source, const CsvReadOptions& options)
        : m_source(source), m_options(options), m_progress(options.progress, source.size()),
          m_threads(options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency()))
    {
    }

    CsvResult<CsvData> run()
    {
        if (auto e = checkOptions(m_options))
            return *e;
        if (!m_progress.report())
            return cancelledError();
        Prefix prefix(m_source);
        auto selection = read(prefix);
        if (!selection)
            return selection.error();

        const std::size_t rows = m_y.size();
        if (rows == 0)
            return csvError(CsvErrorCode::NoData,
                            dataMessage(m_dropped > 0 ? QT_TRANSLATE_NOOP("gradlab::data", "every data row has a missing "
                                                                                           "value: no rows are left")
                                        : m_head.format.hasHeader
                                            ? QT_TRANSLATE_NOOP("gradlab::data", "the file has a header but no data rows")
                                            : QT_TRANSLATE_NOOP("gradlab::data", "the file has no data rows")));
        CsvData data;
        data.dataset.featureNames = std::move(selection.value().featureNames);
        data.dataset.targetName = std::move(selection.value().targetName);
        data.dataset.x = std::move(m_x);
        data.dataset.y = std::move(m_y);
        data.format = m_head.format;
        data.droppedRows = m_dropped;
        data.warnings = m_head.warnings;
        if (m_dropped > 0)
            data.warnings.push_back(
                m_dropped == 1 ? dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "1 row with missing or non-finite values "
                                                                                "left out (line %1)"),
                                             {Message::arg(m_firstDroppedLine)})
                               : dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "%1 rows with missing or non-finite values "
                                                                                "left out (the first on line %2)"),
                                             {Message::arg(m_dropped), Message::arg(m_firstDroppedLine)}));
        if (!m_progress.finish())
            return cancelledError();
        return data;
    }

private:
    // Reads the layout and the rows; the selection, or the error.
    CsvResult<Selection> read(Prefix& prefix)
    {
        auto head = readHead(prefix, m_options);
        if (!head)
            return head.error();
        m_head = std::move(head).value();
        auto selection = selectColumns(m_head.format.columnNames, m_options);
        if (!selection)
            return selection.error();
        m_layout = RowLayout{m_head.format.delimiter, m_head.format.decimal, selection.value().slots, selection.value().featureNames.size(),
                             m_options.missing, m_options.maxRecordBytes, &m_head.format.columnNames,
                             m_head.format.trailingDelimiter};

        const std::uint64_t begin = m_head.dataStart, end = m_source.size();
        std::optional<CsvError> error = (end - begin <= m_options.chunkBytes) ? readWhole(prefix) : readChunked(begin, end);
        if (error)
            return *error;
        return selection;
    }

    // At most one row per record, and each row holds its columns' delimiters: lines that are
    // short for their column count (blank lines, say) cannot claim much memory.
    std::size_t rowBound(std::uint64_t records, std::uint64_t bytes) const
    {
        const std::uint64_t perRow = std::max<std::size_t>(1, m_layout.slots.size() - 1);
        return static_cast<std::size_t>(std::min(records, bytes / perRow + 1));
    }

    void allocate(std::size_t rows)
    {
        m_x.resize(rows * m_layout.features);
        m_y.resize(rows);
    }

    void noteDropped(const ChunkResult& r)
    {
        if (r.dropped > 0 && m_dropped == 0)
            m_firstDroppedLine = r.firstDroppedLine;
        m_dropped += r.dropped;
    }

    // Moves each part's rows down to close the gaps the upper bounds left, then trims.
    void compact(const std::vector<std::pair<std::size_t, std::size_t>>& parts)
    {
        const std::size_t k = m_layout.features;
        std::size_t rows = 0;
        for (const auto& [offset, count] : parts) {
            if (offset != rows && count > 0) {
                std::memmove(m_x.data() + rows * k, m_x.data() + offset * k, count * k * sizeof(double));
                std::memmove(m_y.data() + rows, m_y.data() + offset, count * sizeof(double));
            }
            rows += count;
        }
        m_x.resize(rows * k);
        m_y.resize(rows);
        if (m_y.capacity() - rows > rows / 4 + 64) { // many blank or dropped rows: give the memory back
            m_x.shrink_to_fit();
            m_y.shrink_to_fit();
        }
    }

    std::optional<CsvError> readWhole(Prefix& prefix)
    {
        const std::uint64_t begin = m_head.dataStart, length = m_source.size() - begin;
        std::string_view bytes;
        std::unique_ptr<char[]> own;
        if (prefix.atEof()) {
            bytes = prefix.bytes().substr(begin);
        } else {
            own = std::make_unique_for_overwrite<char[]>(length);
            auto got = m_source.read(begin, std::span<char>(own.get(), length));
            if (!got)
                return got.error();
            if (got.value() < length)
                return fileChangedError();
            bytes = std::string_view(own.get(), length);
        }
        const std::size_t capacity = rowBound(static_cast<std::uint64_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1, bytes.size());
        allocate(capacity);
        ChunkResult r;
        parseRows(bytes.data(), bytes.data() + bytes.size(), true, m_head.dataLine, m_layout, m_x.data(), m_y.data(), capacity, r);
        if (r.error)
            return r.error;
        noteDropped(r);
        compact({{0, r.rows}});
        return std::nullopt;
    }

    std::optional<CsvError> readChunked(std::uint64_t begin, std::uint64_t end);
    std::optional<CsvError> planChunks(std::uint64_t begin, std::uint64_t end, std::vector<Chunk>& chunks);
    // Parses [from, to) of the source in cache-sized pieces into the rows from `rowOffset`; thread-safe.
    // Unless `last`, a range that ends inside a record comes back with needMore.
    void parseRange(std::uint64_t from, std::uint64_t to, bool last, std::int64_t firstLine, std::size_t rowOffset,
                    std::size_t capacity, std::vector<char>& buffer, bool onCallingThread, ChunkResult& out) const;
    std::optional<CsvError> readExactly(std::uint64_t offset, char* buffer, std::size_t n) const
    {
        auto got = m_source.read(offset, std::span<char>(buffer, n));
        if (!got)
            return got.error();
        if (got.value() < n)
            return fileChangedError();
        return std::nullopt;
    }

    static constexpr std::size_t kPieceBytes = 256u << 10; // stays in the CPU's cache between read and parse

    const CsvSource& m_source;
    const CsvReadOptions& m_options;
    mutable Progress m_progress;
    unsigned m_threads;
    Head m_head;
    RowLayout m_layout;
    mutable std::vector<double> m_x, m_y; // parseRange writes disjoint rows from several threads
    std::int64_t m_dropped = 0;
    std::int64_t m_firstDroppedLine = 0;
};

// Phase 1: scan blocks in parallel and place the chunk boundaries.
std::optional<CsvError> Reader::planChunks(std::uint64_t begin, std::uint64_t end, std::vector<Chunk>& chunks)
{
    // Tiny chunks are for tests; on a large file they would make bookkeeping outweigh the data.
    const auto block = static_cast<std::size_t>(std::max<std::uint64_t>(m_options.chunkBytes, (end - begin) / 65536 + 1));
    const std::size_t blocks = static_cast<std::size_t>((end - begin + block - 1) / block);
    std::vector<BlockScan> scans(blocks);
    std::vector<std::optional<CsvError>> errors(blocks);
    std::vector<std::unique_ptr<char[]>> buffers(m_threads);
    // Read in pieces that stay in the CPU's cache between the copy and the scan.
    const std::size_t piece = std::min(block, kPieceBytes);
    const bool finished = runTasks(
        blocks, m_threads,
        [&](std::size_t i, unsigned worker) {
            const std::uint64_t at = begin + i * block;
            const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(block, end - at));
            if (!buffers[worker])
                buffers[worker] = std::make_unique_for_overwrite<char[]>(piece);
            for (std::size_t done = 0; done < n; done += piece) {
                const std::size_t m = std::min(piece, n - done);
                errors[i] = readExactly(at + done, buffers[worker].get(), m);
                if (errors[i])
                    return false;
                const BlockScan scan = scanBlock(buffers[worker].get(), m);
                scans[i] = done == 0 ? scan : joinScans(scans[i], scan, done);
            }
            m_progress.add(n);
            return true;
        },
        m_progress);
    if (!finished)
        return cancelledError();
    for (auto& e : errors)
        if (e)
            return e;

    unsigned parity = 0;
    std::uint64_t newlines = 0; // before the current block
    chunks.push_back(Chunk{begin, end, m_head.dataLine, 0, 0});
    std::vector<std::uint64_t> newlinesAt{0}; // before each chunk's begin
    for (std::size_t i = 0; i < blocks; ++i) {
        const BlockScan& s = scans[i];
        if (i > 0 && s.firstBreak[parity] >= 0) {
            const std::uint64_t boundary = begin + i * block + static_cast<std::uint64_t>(s.firstBreak[parity]) + 1;
            if (boundary < end) {
                chunks.back().end = boundary;
                newlinesAt.push_back(newlines + s.newlinesBefore[parity] + 1);
                chunks.push_back(Chunk{boundary, end, m_head.dataLine + static_cast<std::int64_t>(newlinesAt.back()), 0, 0});
            }
        }
        parity ^= s.oddQuotes ? 1u : 0u;
        newlines += s.newlines;
    }
    newlinesAt.push_back(newlines);
    std::size_t rows = 0;
    for (std::size_t c = 0; c < chunks.size(); ++c) {
        Chunk& chunk = chunks[c];
        // Every record but the file's last ends in a newline of its own chunk.
        chunk.newlines = newlinesAt[c + 1] - newlinesAt[c];
        chunk.capacity = rowBound(chunk.newlines + (c + 1 == chunks.size() ? 1 : 0), chunk.end - chunk.begin);
        chunk.rowOffset = rows;
        rows += chunk.capacity;
    }
    return std::nullopt;
}

std::optional<CsvError> Reader::readChunked(std::uint64_t begin, std::uint64_t end)
{
    m_progress.setWork(2 * (end - begin)); // scan, then parse
    std::vector<Chunk> chunks;
    if (auto e = planChunks(begin, end, chunks))
        return e;
    allocate(chunks.back().rowOffset + chunks.back().capacity);

    // Phase 2: parse the chunks in parallel, each into its own rows.
    std::vector<ChunkResult> results(chunks.size());
    std::vector<std::vector<char>> buffers(m_threads);
    const bool finished = runTasks(
        chunks.size(), m_threads,
        [&](std::size_t c, unsigned worker) {
            const Chunk& chunk = chunks[c];
            ChunkResult& r = results[c];
            parseRange(chunk.begin, chunk.end, c + 1 == chunks.size(), chunk.firstLine, chunk.rowOffset, chunk.capacity,
                       buffers[worker], false, r);
            return !r.error && !r.needMore;
        },
        m_progress);
    buffers.clear();
    if (!finished)
        return cancelledError();

    std::vector<std::pair<std::size_t, std::size_t>> parts;
    for (std::size_t c = 0; c < chunks.size(); ++c) {
        ChunkResult& r = results[c];
        if (r.needMore && !r.error) {
            // A quote the scan counted that the parser reads as a plain character (a"b) moved a
            // boundary: this chunk started right, so read on from it to the end in one stream.
            // Records no longer keep to chunks, so the chunks' row bounds need not hold either.
            std::uint64_t newlines = 0;
            for (std::size_t d = c; d < chunks.size(); ++d)
                newlines += chunks[d].newlines;
            const std::size_t capacity = rowBound(newlines + 1, end - chunks[c].begin);
            if (chunks[c].rowOffset + capacity > m_y.size())
                allocate(chunks[c].rowOffset + capacity);
            std::vector<char> buffer;
            parseRange(chunks[c].begin, end, true, chunks[c].firstLine, chunks[c].rowOffset, capacity, buffer, true, r);
        }
        if (r.error)
            return r.error;
        noteDropped(r);
        parts.emplace_back(chunks[c].rowOffset, r.rows);
        if (r.consumed == end - chunks[c].begin)
            break;
    }
    compact(parts);
    return std::nullopt;
}

void Reader::parseRange(std::uint64_t from, std::uint64_t to, bool last, std::int64_t firstLine, std::size_t rowOffset,
                        std::size_t capacity, std::vector<char>& buffer, bool onCallingThread, ChunkResult& out) const
{
    out = ChunkResult{};
    const std::size_t k = m_layout.features;
    std::uint64_t at = from; // the source offset of buffer[0]
    std::int64_t line = firstLine;
    std::size_t size = std::max<std::size_t>(1, std::min<std::uint64_t>(kPieceBytes, to - from)), have = 0;
    if (buffer.size() < size)
        buffer.resize(size);
    size = buffer.size();
    for (;;) {
        const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(size - have, to - at - have));
        if (auto e = readExactly(at + have, buffer.data() + have, want)) {
            out.error = e;
            return;
        }
        have += want;
        const bool atEnd = at + have == to;
        ChunkResult r;
        parseRows(buffer.data(), buffer.data() + have, last && atEnd, line, m_layout, m_x.data() + (rowOffset + out.rows) * k,
                  m_y.data() + rowOffset + out.rows, capacity - out.rows, r);
        if (r.dropped > 0 && out.dropped == 0)
            out.firstDroppedLine = r.firstDroppedLine;
        out.dropped += r.dropped;
        out.rows += r.rows;
        m_progress.add(r.consumed);
        if (r.error) {
            out.error = r.error;
            return;
        }
        at += r.consumed;
        have -= r.consumed;
        line = r.endLine;
        out.consumed = static_cast<std::size_t>(at - from);
        if (atEnd) {
            out.needMore = have > 0; // the range ends inside a record
            return;
        }
        std::memmove(buffer.data(), buffer.data() + r.consumed, have);
        if (have == size) { // one record fills the buffer
            if (size > m_options.maxRecordBytes) {
                out.error = tooLongError(line, m_options.maxRecordBytes);
                return;
            }
            size *= 2;
            buffer.resize(size);
        }
        if (onCallingThread && !m_progress.report()) {
            out.error = cancelledError();
            return;
        }
    }
}

template <typename T, typename F>
CsvResult<T> guarded(F&& f)
{
    try {
        return f();
    } catch (const std::bad_alloc&) {
        return csvError(CsvErrorCode::OutOfMemory,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "there is not enough memory to read the file")));
    } catch (const std::length_error&) {
        return csvError(CsvErrorCode::OutOfMemory,
                        dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "there is not enough memory to read the file")));
    }
}

} // namespace

CsvResult<CsvData> readCsv(const CsvSource& source, const CsvReadOptions& options)
{
    return guarded<CsvData>([&] { return Reader(source, options).run(); });
}

CsvResult<CsvData> readCsvFile(const std::filesystem::path& path, const CsvReadOptions& options)
{
    auto source = openCsvFile(path);
    if (!source)
        return source.error();
    return readCsv(*source.value(), options);
}

CsvResult<CsvData> readCsvText(std::string_view text, const CsvReadOptions& options)
{
    return readCsv(*csvSourceFromMemory(text), options);
}

CsvResult<CsvPreview> previewCsv(const CsvSource& source, std::size_t maxRows, const CsvReadOptions& options)
{
    return guarded<CsvPreview>([&]() -> CsvResult<CsvPreview> {
        if (auto e = checkOptions(options))
            return *e;
        Prefix prefix(source);
        auto head = readHead(prefix, options);
        if (!head)
            return head.error();
        return readPreview(prefix, head.value(), maxRows, options);
    });
}

bool isCsvNumber(std::string_view field, char decimal)
{
    double v = 0;
    const ValueKind kind = classifyValue(field, false, v, decimal);
    return kind == ValueKind::Number || kind == ValueKind::NotFinite || kind == ValueKind::OutOfRange;
}

CsvResult<CsvPreview> previewCsvFile(const std::filesystem::path& path, std::size_t maxRows, const CsvReadOptions& options)
{
    auto source = openCsvFile(path);
    if (!source)
        return source.error();
    return previewCsv(*source.value(), maxRows, options);
}

CsvResult<CsvPreview> previewCsvText(std::string_view text, std::size_t maxRows, const CsvReadOptions& options)
{
    return previewCsv(*csvSourceFromMemory(text), maxRows, options);
}

} // namespace gradlab::data

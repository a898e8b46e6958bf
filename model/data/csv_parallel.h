// Chunked reading on worker threads: the quote-aware block scan that finds record boundaries
// without parsing, and a small task runner whose calling thread reports progress and cancels.
// Internal to gradlab_data.
#pragma once

#include "csv_reader.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace gradlab::data::csv_detail {

// What a block of the data region tells about record boundaries, without knowing whether it
// starts inside a quoted field: in valid CSV the quotes before a byte are odd exactly when the
// byte is inside quotes, so one pass per block and a prefix sum over blocks place every boundary.
struct BlockScan {
    std::uint64_t newlines = 0;
    bool oddQuotes = false;
    // For a block that starts outside [0] or inside [1] quotes: the offset of the first newline
    // outside quotes (-1 if none), and how many newlines come before it in the block.
    std::int64_t firstBreak[2] = {-1, -1};
    std::uint64_t newlinesBefore[2] = {0, 0};
};

BlockScan scanBlock(const char* p, std::size_t n);
// The scan of a block made of `first` and, `offset` bytes after its start, `next`.
BlockScan joinScans(const BlockScan& first, const BlockScan& next, std::uint64_t offset);

// Progress in bytes of the source; the work of each phase is mapped onto [0, total].
class Progress {
public:
    Progress(const CsvProgress& callback, std::uint64_t total) : m_callback(callback), m_total(total) {}
    void setWork(std::uint64_t units) { m_units = units ? units : 1; }
    void add(std::uint64_t units) { m_done.fetch_add(units, std::memory_order_relaxed); }
    // The work starts again (the file is read again); what was reported stays, never going back.
    void restart() { m_done = 0; }
    // Calls the callback (on the calling thread only); false when it asks to cancel.
    bool report();
    bool finish(); // reports total of total

private:
    const CsvProgress& m_callback;
    std::uint64_t m_total;
    std::uint64_t m_units = 1;
    std::uint64_t m_last = 0;
    std::atomic<std::uint64_t> m_done{0};
};

// Runs task(index, worker) for every index in [0, count), in index order, on up to `threads`
// threads while the calling thread reports progress. A task that returns false makes the tasks
// after it unnecessary: they are skipped. Returns false when cancelled. An exception in a task
// (std::bad_alloc) is rethrown here once all threads are joined.
bool runTasks(std::size_t count, unsigned threads, const std::function<bool(std::size_t, unsigned)>& task, Progress& progress);

} // namespace gradlab::data::csv_detail

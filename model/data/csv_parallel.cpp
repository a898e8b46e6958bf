#include "csv_parallel.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace gradlab::data::csv_detail {

BlockScan scanBlock(const char* p, std::size_t n)
{
    BlockScan s;
    // Counting in byte-wide sums over runs of 255 lets the compiler vectorise the loop (15 times
    // faster than 64-bit sums at -O3); the quote-tracking walk below is only needed up to the
    // first newline of each parity.
    std::uint64_t quotes = 0;
    for (std::size_t i = 0; i < n;) {
        const std::size_t run = std::min<std::size_t>(n - i, 255);
        unsigned char nl = 0, q = 0;
        for (std::size_t j = i; j < i + run; ++j) {
            nl += p[j] == '\n';
            q += p[j] == '"';
        }
        s.newlines += nl;
        quotes += q;
        i += run;
    }
    s.oddQuotes = quotes & 1;
    if (quotes == 0) {
        if (const auto* nl = static_cast<const char*>(std::memchr(p, '\n', n)))
            s.firstBreak[0] = nl - p;
        return s;
    }
    unsigned parity = 0;
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] == '"') {
            parity ^= 1u;
        } else if (p[i] == '\n') {
            if (s.firstBreak[parity] < 0) {
                s.firstBreak[parity] = static_cast<std::int64_t>(i);
                s.newlinesBefore[parity] = seen;
                if (s.firstBreak[parity ^ 1u] >= 0)
                    break;
            }
            ++seen;
        }
    }
    return s;
}

BlockScan joinScans(const BlockScan& first, const BlockScan& next, std::uint64_t offset)
{
    BlockScan s = first;
    s.newlines += next.newlines;
    s.oddQuotes = first.oddQuotes != next.oddQuotes;
    for (unsigned start = 0; start < 2; ++start) {
        const unsigned there = start ^ (first.oddQuotes ? 1u : 0u); // the state where `next` begins
        if (first.firstBreak[start] < 0 && next.firstBreak[there] >= 0) {
            s.firstBreak[start] = static_cast<std::int64_t>(offset) + next.firstBreak[there];
            s.newlinesBefore[start] = first.newlines + next.newlinesBefore[there];
        }
    }
    return s;
}

bool Progress::report()
{
    const std::uint64_t done = std::min(m_done.load(std::memory_order_relaxed), m_units);
    const auto value = static_cast<std::uint64_t>(static_cast<long double>(m_total) * done / m_units);
    m_last = std::max(m_last, std::min(value, m_total));
    return !m_callback || m_callback(m_last, m_total);
}

bool Progress::finish()
{
    m_last = m_total;
    return !m_callback || m_callback(m_total, m_total);
}

bool runTasks(std::size_t count, unsigned threads, const std::function<bool(std::size_t, unsigned)>& task, Progress& progress)
{
    if (threads <= 1 || count <= 1) {
        for (std::size_t i = 0; i < count; ++i) {
            if (!progress.report())
                return false;
            if (!task(i, 0))
                break;
        }
        return progress.report();
    }

    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> limit{count}; // tasks at or above it are skipped
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable changed;
    unsigned running = 0;
    std::exception_ptr failure;

    const auto work = [&](unsigned worker) {
        try {
            for (;;) {
                const std::size_t i = next.fetch_add(1);
                if (i >= limit.load() || stop.load())
                    break;
                if (!task(i, worker)) {
                    std::size_t cur = limit.load();
                    while (i + 1 < cur && !limit.compare_exchange_weak(cur, i + 1)) {
                    }
                }
                changed.notify_one();
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            failure = std::current_exception();
            stop = true;
        }
        std::lock_guard lock(mutex);
        --running;
        changed.notify_one();
    };

    std::vector<std::thread> pool;
    const unsigned wanted = static_cast<unsigned>(std::min<std::size_t>(threads, count));
    for (unsigned w = 0; w < wanted; ++w) {
        try {
            std::lock_guard lock(mutex);
            pool.emplace_back(work, w);
            ++running;
        } catch (const std::system_error&) {
            break; // no more threads to be had: go on with those there are
        }
    }
    if (pool.empty()) {
        const bool ok = runTasks(count, 1, task, progress);
        return ok;
    }
    bool cancelled = false;
    {
        std::unique_lock lock(mutex);
        while (running > 0) {
            changed.wait_for(lock, std::chrono::milliseconds(50));
            lock.unlock();
            try {
                if (!cancelled && !stop && !progress.report()) {
                    cancelled = true;
                    stop = true;
                }
            } catch (...) { // from the callback: the workers must be joined before it goes on
                std::lock_guard guard(mutex);
                failure = std::current_exception();
                stop = true;
            }
            lock.lock();
        }
    }
    for (auto& t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    return !cancelled && progress.report();
}

} // namespace gradlab::data::csv_detail

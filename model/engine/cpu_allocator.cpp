#include "cpu_allocator.h"
#include "types.h"

#include <cstdlib>
#include <map>
#include <mutex>
#include <new>

namespace gradlab {
namespace {

// Blocks from this size up are cached; smaller ones come straight from malloc, which is fast
// for them.
constexpr std::size_t kCacheFrom = std::size_t(1) << 20;
constexpr std::size_t kCacheLimit = std::size_t(4) << 30;
constexpr std::size_t kAlign = 64;

struct Cache {
    std::mutex mutex;
    std::multimap<std::size_t, void*> free; // rounded size -> block
    std::size_t cachedBytes = 0;

    ~Cache()
    {
        for (auto& [size, p] : free)
            std::free(p);
    }
};

Cache& cache()
{
    static Cache c;
    return c;
}

std::size_t roundUp(std::size_t n) { return (n + kAlign - 1) / kAlign * kAlign; }

} // namespace

void* cpuAllocate(std::size_t nbytes)
{
    const std::size_t size = roundUp(nbytes == 0 ? 1 : nbytes);
    if (size >= kCacheFrom) {
        Cache& c = cache();
        std::lock_guard lock(c.mutex);
        auto it = c.free.find(size);
        if (it != c.free.end()) {
            void* p = it->second;
            c.cachedBytes -= size;
            c.free.erase(it);
            return p;
        }
    }
    void* p = std::aligned_alloc(kAlign, size);
    if (!p)
        throw EngineError("out of memory: could not allocate " + std::to_string(nbytes) + " bytes on the CPU");
    return p;
}

void cpuDeallocate(void* p, std::size_t nbytes)
{
    if (!p)
        return;
    const std::size_t size = roundUp(nbytes == 0 ? 1 : nbytes);
    if (size >= kCacheFrom) {
        Cache& c = cache();
        std::lock_guard lock(c.mutex);
        if (c.cachedBytes + size <= kCacheLimit) {
            c.free.emplace(size, p);
            c.cachedBytes += size;
            return;
        }
    }
    std::free(p);
}

void cpuReleaseCache()
{
    Cache& c = cache();
    std::lock_guard lock(c.mutex);
    for (auto& [size, p] : c.free)
        std::free(p);
    c.free.clear();
    c.cachedBytes = 0;
}

} // namespace gradlab

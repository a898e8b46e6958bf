// libFuzzer target for the CSV reader (built with -DGRADLAB_FUZZ=ON and clang; see
// tests/model/data/CMakeLists.txt). Besides "no crash, no hang, no sanitizer report", it checks
// that reading in tiny chunks on two threads gives exactly the answer of reading whole, and that
// whatever it reads, the writer writes back to the same bits.
#include "data/csv_reader.h"
#include "data/csv_writer.h"

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

using namespace gradlab::data;

namespace {

bool sameBits(const std::vector<double>& a, const std::vector<double>& b)
{
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

bool sameData(const Dataset& p, const Dataset& q)
{
    return sameBits(p.x, q.x) && sameBits(p.y, q.y) && p.featureNames == q.featureNames && p.targetName == q.targetName;
}

bool same(const CsvResult<CsvData>& a, const CsvResult<CsvData>& b)
{
    if (a.ok() != b.ok())
        return false;
    if (!a)
        return a.error().code == b.error().code && a.error().line == b.error().line && a.error().column == b.error().column
               && a.error().message == b.error().message;
    return sameData(a.value().dataset, b.value().dataset) && a.value().droppedRows == b.value().droppedRows;
}

[[noreturn]] void fail(const char* what, const CsvResult<CsvData>& a, const CsvResult<CsvData>& b)
{
    std::fprintf(stderr, "%s\n  first:  %s\n  second: %s\n", what, a ? "ok" : a.error().message.c_str(),
                 b ? "ok" : b.error().message.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (MissingValues missing : {MissingValues::Reject, MissingValues::DropRow}) {
        CsvReadOptions options;
        options.missing = missing;
        options.threads = 1;
        const auto whole = readCsvText(text, options);
        options.chunkBytes = size < 2048 ? 1 + size % 13 : 256 + size % 4093; // many chunks, not too many
        options.threads = 2;
        const auto chunked = readCsvText(text, options);
        if (!same(whole, chunked))
            fail("chunked reading differs from reading whole", whole, chunked);

        if (whole) {
            auto written = csvText(whole.value().dataset);
            if (!written)
                std::abort();
            CsvReadOptions back;
            back.hasHeader = true;
            const auto reread = readCsvText(written.value(), back);
            if (!reread || !sameData(whole.value().dataset, reread.value().dataset))
                fail("the written dataset reads back differently", whole, reread);
        }
    }
    (void)previewCsvText(text, 8);
    return 0;
}

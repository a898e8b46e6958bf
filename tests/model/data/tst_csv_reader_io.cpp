// The CSV reader's chunked, threaded reading: the same answer for every chunk size and thread
// count, progress and cancellation, files that shrink or vanish, I/O errors, enormous lines,
// random garbage, and the edge-case files of the fuzzing corpus.
#include "csv_test_util.h"

#include "data/csv_parallel.h"
#include "data/csv_reader.h"
#include "data/csv_writer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <random>

using namespace gradlab::data;
using namespace gradlab::test;

Q_DECLARE_METATYPE(CsvErrorCode)

namespace {

// Reads like a file, but fails (or comes up short) for any byte at or past `failAt`.
class FailingSource final : public CsvSource {
public:
    FailingSource(std::string bytes, std::uint64_t failAt, bool shortRead)
        : m_bytes(std::move(bytes)), m_failAt(failAt), m_shortRead(shortRead)
    {
    }
    std::uint64_t size() const override { return m_bytes.size(); }
    CsvResult<std::size_t> read(std::uint64_t offset, std::span<char> buffer) const override
    {
        const std::uint64_t end = std::min<std::uint64_t>(offset + buffer.size(), m_bytes.size());
        if (end > m_failAt && !m_shortRead)
            return CsvError{CsvErrorCode::Io, "simulated read error at byte " + std::to_string(m_failAt), 0, 0};
        const std::uint64_t stop = std::min(end, std::max(offset, m_failAt));
        std::memcpy(buffer.data(), m_bytes.data() + offset, stop - offset);
        return static_cast<std::size_t>(stop - offset);
    }

private:
    std::string m_bytes;
    std::uint64_t m_failAt;
    bool m_shortRead;
};

std::string numbers(int rows, int seed = 1)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-1e3, 1e3);
    std::string text = "x,y\n";
    char buf[64];
    for (int i = 0; i < rows; ++i) {
        text.append(buf, std::to_chars(buf, buf + 64, u(rng)).ptr);
        text += ',';
        text.append(buf, std::to_chars(buf, buf + 64, u(rng)).ptr);
        text += '\n';
    }
    return text;
}

// Same success and same data, or the same error.
QByteArray difference(const CsvResult<CsvData>& a, const CsvResult<CsvData>& b)
{
    if (a.ok() != b.ok())
        return "one failed: " + describe(a) + " / " + describe(b);
    if (!a)
        return describe(a) == describe(b) ? QByteArray() : describe(a) + " / " + describe(b);
    const Dataset& p = a.value().dataset;
    const Dataset& q = b.value().dataset;
    if (!sameBits(p.x, q.x) || !sameBits(p.y, q.y) || p.featureNames != q.featureNames || p.targetName != q.targetName)
        return "different data: " + QByteArray::number(p.rows()) + " vs " + QByteArray::number(q.rows()) + " rows";
    if (a.value().droppedRows != b.value().droppedRows || a.value().warnings != b.value().warnings)
        return "different drops";
    return {};
}

} // namespace

class TestCsvReaderIo : public QObject {
    Q_OBJECT

private slots:
    void chunkedReadingMatchesReadingWhole_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("drop");
        QTest::addColumn<bool>("named"); // choose x and y by name (other columns hold text)
        QTest::newRow("plain numbers") << QByteArray::fromStdString(numbers(60)) << false << false;
        QTest::newRow("CRLF") << QByteArray::fromStdString(numbers(40)).replace("\n", "\r\n") << false << false;
        QTest::newRow("CRLF and blank lines") << QByteArray("\r\n\r\nx,y\r\n1,2\r\n\r\n  \r\n3,4\r\n\r\n") << false << false;
        QByteArray quoted = "id,x,note,y\n";
        for (int i = 0; i < 40; ++i)
            quoted += "\"r" + QByteArray::number(i) + ",\n\"\"q\"\"\"," + QByteArray::number(i) + ",\"a\nb\nc\"," + QByteArray::number(i * 2) + "\n";
        QTest::newRow("quoted newlines and delimiters") << quoted << false << true;
        QByteArray inches = "id,x,note,y\n";
        for (int i = 0; i < 40; ++i)
            inches += "a" + QByteArray::number(i) + "," + QByteArray::number(i) + ","
                      + (i % 5 == 4 ? QByteArray("\"multi\nline\"") : "5\" screen " + QByteArray(i % 3, '"')) + "," + QByteArray::number(i) + "\n";
        // The scan counts those quotes too and misplaces boundaries (inside "multi\nline"): the
        // reader notices and reads on from there in one stream.
        QTest::newRow("plain quotes in unquoted fields") << inches << false << true;
        QByteArray late = QByteArray::fromStdString(numbers(50));
        late += "1,oops\n" + QByteArray::fromStdString(numbers(20)).mid(4);
        QTest::newRow("an error late") << late << false << false;
        QTest::newRow("an error early") << QByteArray("x,y\n1,\n") + QByteArray::fromStdString(numbers(50)).mid(4) << false << false;
        QByteArray gaps = "x,y\n";
        for (int i = 0; i < 60; ++i)
            gaps += (i % 7 == 0 ? QByteArray("NA") : QByteArray::number(i)) + "," + (i % 5 == 0 ? QByteArray() : QByteArray::number(i)) + "\n";
        QTest::newRow("dropped rows") << gaps << true << false;
        QTest::newRow("unterminated quote at the end") << QByteArray::fromStdString(numbers(30)) + "1,\"2\n3,4\n" << false << false;
        QTest::newRow("text after a quote") << QByteArray::fromStdString(numbers(30)) + "1,\"2\"x\n" << false << false;
        QTest::newRow("ragged row") << QByteArray::fromStdString(numbers(30)) + "1,2,3\n4,5\n" << false << false;
        QTest::newRow("no final newline") << QByteArray::fromStdString(numbers(30)).chopped(1) << false << false;
        QTest::newRow("header only") << QByteArray("x,y\n\n\n\n") << false << false;
    }

    void chunkedReadingMatchesReadingWhole()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, drop);
        QFETCH(bool, named);
        CsvReadOptions options;
        options.missing = drop ? MissingValues::DropRow : MissingValues::Reject;
        if (named) {
            options.features = {CsvColumn::named("x")};
            options.target = CsvColumn::named("y");
        }
        options.threads = 1;
        const auto whole = readCsvText(view(text), options);
        for (std::size_t chunk : {1, 2, 3, 5, 8, 13, 64, 1000}) {
            for (unsigned threads : {1u, 2u, 3u}) {
                options.chunkBytes = chunk;
                options.threads = threads;
                const auto chunked = readCsvText(view(text), options);
                const QByteArray diff = difference(whole, chunked);
                QVERIFY2(diff.isEmpty(), "chunk " + QByteArray::number(chunk) + ", threads " + QByteArray::number(threads) + ": " + diff);
            }
        }
    }

    void largeFileReadsInChunksOnThreads()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("large.csv").toStdString();
        std::vector<double> x(200'000), y(x.size());
        std::mt19937_64 rng(7);
        std::normal_distribution<double> n(0, 1e10);
        for (std::size_t i = 0; i < x.size(); ++i) {
            x[i] = n(rng);
            y[i] = 1 / n(rng);
        }
        const CsvColumnData columns[] = {{"x", x}, {"y", y}};
        QVERIFY(writeCsvFile(path, columns));
        CsvReadOptions options;
        options.chunkBytes = 64 << 10;
        options.threads = 4;
        auto result = readCsvFile(path, options);
        QVERIFY2(result, describe(result));
        QVERIFY(sameBits(result.value().dataset.x, x));
        QVERIFY(sameBits(result.value().dataset.y, y));
    }

    // A block is scanned in pieces; the pieces' scans must join into the scan of the whole.
    void blockScansJoinAtAnyPoint()
    {
        using gradlab::data::csv_detail::BlockScan;
        std::mt19937 rng(11);
        const auto same = [](const BlockScan& a, const BlockScan& b) {
            return a.newlines == b.newlines && a.oddQuotes == b.oddQuotes && a.firstBreak[0] == b.firstBreak[0]
                   && a.firstBreak[1] == b.firstBreak[1] && (a.firstBreak[0] < 0 || a.newlinesBefore[0] == b.newlinesBefore[0])
                   && (a.firstBreak[1] < 0 || a.newlinesBefore[1] == b.newlinesBefore[1]);
        };
        for (int round = 0; round < 300; ++round) {
            std::string text(rng() % 40, ' ');
            for (char& c : text)
                c = "ab\n\"\n,"[rng() % 6];
            const BlockScan whole = gradlab::data::csv_detail::scanBlock(text.data(), text.size());
            for (std::size_t cut = 0; cut <= text.size(); ++cut) {
                const BlockScan joined = gradlab::data::csv_detail::joinScans(
                    gradlab::data::csv_detail::scanBlock(text.data(), cut), gradlab::data::csv_detail::scanBlock(text.data() + cut, text.size() - cut), cut);
                QVERIFY2(same(whole, joined), QByteArray::fromStdString(text).toPercentEncoding() + " cut at " + QByteArray::number(quint64(cut)));
            }
        }
    }

    // Chunks of a megabyte are scanned and parsed in smaller pieces; long quoted fields cross
    // both, and plain quotes in unquoted fields (5" screen) mislead the scan.
    void longQuotedFieldsCrossPiecesAndChunks_data()
    {
        QTest::addColumn<bool>("plainQuotes");
        QTest::newRow("quoted fields") << false;
        QTest::newRow("quoted fields and plain quotes") << true;
    }

    void longQuotedFieldsCrossPiecesAndChunks()
    {
        QFETCH(bool, plainQuotes);
        std::mt19937 rng(5);
        std::string text = "id,x,y\n";
        for (int i = 0; text.size() < (6u << 20); ++i) {
            if (plainQuotes && i % 7 == 3) {
                text += "5\" screen";
            } else {
                text += '"';
                const std::size_t length = rng() % 3 == 0 ? rng() % 400'000 : rng() % 40;
                for (std::size_t j = 0; j < length; ++j) {
                    const char c = "ab\n,\"c"[rng() % 6];
                    text += c == '"' ? "\"\"" : std::string(1, c);
                }
                text += '"';
            }
            text += "," + std::to_string(i) + "," + std::to_string(-i) + "\n";
        }
        CsvReadOptions options;
        options.features = {CsvColumn::named("x")};
        options.target = CsvColumn::named("y");
        options.threads = 1;
        options.chunkBytes = 64 << 20;
        const auto whole = readCsvText(text, options);
        QVERIFY2(whole, describe(whole));
        options.threads = 2;
        options.chunkBytes = 1 << 20;
        const auto chunked = readCsvText(text, options);
        const QByteArray diff = difference(whole, chunked);
        QVERIFY2(diff.isEmpty(), diff);
    }

    void progressCountsBytesUpToTheTotal_data()
    {
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("1 thread") << 1u;
        QTest::newRow("3 threads") << 3u;
    }

    void progressCountsBytesUpToTheTotal()
    {
        QFETCH(unsigned, threads);
        const std::string text = numbers(20000);
        std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
        CsvReadOptions options;
        options.chunkBytes = 16 << 10;
        options.threads = threads;
        options.progress = [&](std::uint64_t done, std::uint64_t total) {
            calls.emplace_back(done, total);
            return true;
        };
        QVERIFY(readCsvText(text, options));
        QVERIFY(calls.size() >= 3);
        for (std::size_t i = 0; i < calls.size(); ++i) {
            QCOMPARE(calls[i].second, text.size());
            QVERIFY(calls[i].first <= calls[i].second);
            if (i)
                QVERIFY(calls[i].first >= calls[i - 1].first);
        }
        QCOMPARE(calls.back().first, text.size());
        QVERIFY(std::any_of(calls.begin(), calls.end(), [&](auto c) { return c.first > 0 && c.first < text.size(); }));
    }

    void cancellingStopsWithCancelled_data()
    {
        QTest::addColumn<unsigned>("threads");
        QTest::addColumn<double>("at"); // the fraction of the total after which to cancel
        QTest::newRow("at once") << 1u << 0.0;
        QTest::newRow("midway, 1 thread") << 1u << 0.3;
        QTest::newRow("midway, 2 threads") << 2u << 0.3;
        QTest::newRow("late, 2 threads") << 2u << 0.8;
    }

    void cancellingStopsWithCancelled()
    {
        QFETCH(unsigned, threads);
        QFETCH(double, at);
        const std::string text = numbers(20000);
        CsvReadOptions options;
        options.chunkBytes = 8 << 10;
        options.threads = threads;
        options.progress = [&](std::uint64_t done, std::uint64_t total) { return done < at * total || (at > 0 && done == 0); };
        auto result = readCsvText(text, options);
        QVERIFY(!result);
        QCOMPARE(result.error().code, CsvErrorCode::Cancelled);
        QCOMPARE(result.error().message, std::string("reading the file was cancelled"));
    }

    void fileTruncatedWhileReadIsReported()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("shrinking.csv").toStdString();
        const std::string text = numbers(50000);
        {
            std::FILE* f = std::fopen(path.c_str(), "wb");
            std::fwrite(text.data(), 1, text.size(), f);
            std::fclose(f);
        }
        CsvReadOptions options;
        options.chunkBytes = 64 << 10;
        options.threads = 1;
        options.progress = [&](std::uint64_t done, std::uint64_t) {
            if (done > 0)
                std::filesystem::resize_file(path, 1000);
            return true;
        };
        auto result = readCsvFile(path, options);
        QVERIFY(!result);
        QVERIFY2(result.error().code == CsvErrorCode::FileChanged, describe(result));
        QVERIFY2(result.error().message.find("shorter while it was read") != std::string::npos, describe(result));
    }

#ifdef Q_OS_UNIX
    // POSIX keeps a deleted file's data for those who have it open: the read completes.
    void fileDeletedWhileReadStillReads()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("vanishing.csv").toStdString();
        const std::string text = numbers(50000);
        {
            std::FILE* f = std::fopen(path.c_str(), "wb");
            std::fwrite(text.data(), 1, text.size(), f);
            std::fclose(f);
        }
        CsvReadOptions options;
        options.chunkBytes = 64 << 10;
        options.threads = 2;
        options.progress = [&](std::uint64_t done, std::uint64_t) {
            if (done > 0)
                std::filesystem::remove(path);
            return true;
        };
        auto result = readCsvFile(path, options);
        QVERIFY2(result, describe(result));
        QCOMPARE(result.value().dataset.rows(), 50000);
        QVERIFY(!std::filesystem::exists(path));
    }
#endif

    void readErrorsAreReported_data()
    {
        QTest::addColumn<double>("failAt"); // a fraction of the size
        QTest::addColumn<bool>("shortRead");
        QTest::addColumn<unsigned>("threads");
        QTest::addColumn<CsvErrorCode>("code");
        QTest::newRow("error in the first bytes") << 0.0001 << false << 1u << CsvErrorCode::Io;
        QTest::newRow("error midway") << 0.5 << false << 1u << CsvErrorCode::Io;
        QTest::newRow("error midway, threads") << 0.5 << false << 3u << CsvErrorCode::Io;
        QTest::newRow("error in the last byte") << 0.99999 << false << 2u << CsvErrorCode::Io;
        QTest::newRow("short read at the start") << 0.0001 << true << 1u << CsvErrorCode::FileChanged;
        QTest::newRow("short read midway, threads") << 0.5 << true << 3u << CsvErrorCode::FileChanged;
    }

    void readErrorsAreReported()
    {
        QFETCH(double, failAt);
        QFETCH(bool, shortRead);
        QFETCH(unsigned, threads);
        QFETCH(CsvErrorCode, code);
        const std::string text = numbers(20000);
        FailingSource source(text, static_cast<std::uint64_t>(failAt * static_cast<double>(text.size())), shortRead);
        CsvReadOptions options;
        options.chunkBytes = 16 << 10;
        options.threads = threads;
        auto result = readCsv(source, options);
        QVERIFY(!result);
        QVERIFY2(result.error().code == code, describe(result));
        if (code == CsvErrorCode::Io)
            QVERIFY2(result.error().message.find("simulated read error") != std::string::npos, describe(result));
    }

    void enormousLinesEndInClearErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("maxRecordBytes");
        QTest::addColumn<CsvErrorCode>("code");
        const QByteArray digits = "x,y\n" + QByteArray(5'000'000, '1') + ",2\n";
        QTest::newRow("5 MB number") << digits << (64 << 20) << CsvErrorCode::OutOfRange;
        QTest::newRow("5 MB number, 1 MB limit") << digits << (1 << 20) << CsvErrorCode::RecordTooLong;
        const QByteArray word = QByteArray(20'000'000, 'a');
        QTest::newRow("20 MB without newline") << word << (64 << 20) << CsvErrorCode::BadSelection;
        QTest::newRow("20 MB without newline, 1 MB limit") << word << (1 << 20) << CsvErrorCode::RecordTooLong;
        QTest::newRow("20 MB quoted field") << "x,y\n1,\"" + word + "\n" << (64 << 20) << CsvErrorCode::UnterminatedQuote;
    }

    void enormousLinesEndInClearErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, maxRecordBytes);
        QFETCH(CsvErrorCode, code);
        for (std::size_t chunk : {std::size_t{4} << 20, std::size_t{256} << 10}) {
            CsvReadOptions options;
            options.maxRecordBytes = static_cast<std::size_t>(maxRecordBytes);
            options.chunkBytes = chunk;
            options.threads = 2;
            auto result = readCsvText(view(text), options);
            QVERIFY(!result);
            QVERIFY2(result.error().code == code, describe(result));
        }
    }

    void aHundredThousandColumns()
    {
        QByteArray header, row;
        for (int c = 0; c < 100'000; ++c) {
            header += (c ? "," : "") + QByteArray("c") + QByteArray::number(c);
            row += (c ? "," : "") + QByteArray::number(c);
        }
        const QByteArray text = header + "\n" + row + "\n" + row + "\n";
        auto result = readCsvText(view(text));
        QVERIFY2(result, describe(result));
        QCOMPARE(result.value().dataset.features(), 99'999);
        QCOMPARE(result.value().dataset.rows(), 2);
        QCOMPARE(result.value().dataset.y[1], 99'999.0);
        QCOMPARE(result.value().dataset.feature(1, 12345), 12345.0);
    }

    // Rows are counted before they are parsed; a count of newlines alone would ask 16 GB here.
    void blankLinesDoNotClaimMemory()
    {
        QByteArray header, row;
        for (int c = 0; c < 1000; ++c) {
            header += (c ? "," : "") + QByteArray("c") + QByteArray::number(c);
            row += (c ? "," : "") + QByteArray::number(c);
        }
        const QByteArray text = header + "\n" + QByteArray(2'000'000, '\n') + row + "\n";
        for (std::size_t chunk : {std::size_t{4} << 20, std::size_t{64} << 10}) {
            CsvReadOptions options;
            options.chunkBytes = chunk;
            auto result = readCsvText(view(text), options);
            QVERIFY2(result, describe(result));
            QCOMPARE(result.value().dataset.rows(), 1);
            QCOMPARE(result.value().dataset.x.capacity(), std::size_t(999));
        }
    }

    // A small fuzzer in the test suite: random CSV-like bytes never crash, never hang, and every
    // chunking gives the answer of reading whole.
    void randomBytesAreReadConsistently()
    {
        std::mt19937 rng(2024);
        const std::string alphabet = ",,,;\t|\"\"\n\n\r 0123456789.-e+naxyNA\xC3\xA9\xFF";
        for (int i = 0; i < 3000; ++i) {
            std::string text(rng() % 120, ' ');
            for (char& c : text)
                c = alphabet[rng() % alphabet.size()];
            if (i % 10 == 0 && !text.empty())
                text[rng() % text.size()] = '\0';
            CsvReadOptions options;
            options.threads = 1;
            options.missing = i % 2 ? MissingValues::DropRow : MissingValues::Reject;
            const auto whole = readCsvText(text, options);
            options.chunkBytes = 1 + rng() % 16;
            options.threads = 2;
            const auto chunked = readCsvText(text, options);
            const QByteArray diff = difference(whole, chunked);
            QVERIFY2(diff.isEmpty(), QByteArray::fromStdString(text).toPercentEncoding() + ": " + diff);
            (void)previewCsvText(text, 5);
        }
    }

    void corpusFilesGiveTheirOutcome_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<CsvErrorCode>("code"); // when not ok
        QTest::addColumn<int>("rows");          // when ok
        using C = CsvErrorCode;
        const auto good = [](const char* f, int rows) { QTest::newRow(f) << QString(f) << true << C::Io << rows; };
        const auto bad = [](const char* f, CsvErrorCode code) { QTest::newRow(f) << QString(f) << false << code << 0; };
        good("comma_lf.csv", 5);
        good("crlf_bom.csv", 3);
        good("semicolon.csv", 3);
        good("tab.tsv", 3);
        good("pipe.csv", 2);
        good("quoted_fields.csv", 3);
        good("no_header.csv", 4);
        good("blank_lines.csv", 3);
        good("exponents.csv", 6);
        good("wide_header.csv", 2);
        good("decimal_comma.csv", 2); // detected: semicolons, and commas as the only separator
        bad("empty.csv", C::Empty);
        bad("only_blank_lines.csv", C::Empty);
        bad("header_only.csv", C::NoData);
        bad("ragged_short.csv", C::RaggedRow);
        bad("ragged_long.csv", C::RaggedRow);
        bad("unterminated_quote.csv", C::UnterminatedQuote);
        bad("text_after_quote.csv", C::TextAfterQuote);
        bad("missing_values.csv", C::MissingValue);
        bad("nan_inf.csv", C::NotFinite);
        bad("out_of_range.csv", C::OutOfRange);
        bad("text_value.csv", C::NotANumber);
        bad("binary.bin", C::NotText);
        bad("utf16le_bom.csv", C::Utf16);
        bad("invalid_utf8_header.csv", C::InvalidUtf8);
        bad("cr_only.csv", C::UnsupportedLineEnding);
        bad("single_column.csv", C::BadSelection);
        bad("stray_quotes.csv", C::NotANumber);
        bad("invalid_utf8_data.csv", C::NotANumber);
    }

    void corpusFilesGiveTheirOutcome()
    {
        QFETCH(QString, file);
        QFETCH(bool, ok);
        QFETCH(CsvErrorCode, code);
        QFETCH(int, rows);
        auto result = readCsvFile(QDir(GRADLAB_CSV_CORPUS_DIR).filePath(file).toStdString());
        QCOMPARE(result.ok(), ok);
        if (ok)
            QCOMPARE(result.value().dataset.rows(), rows);
        else
            QVERIFY2(result.error().code == code, describe(result));
    }
};

QTEST_APPLESS_MAIN(TestCsvReaderIo)
#include "tst_csv_reader_io.moc"

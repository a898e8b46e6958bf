// The preview for the GUI: layout and first rows as text, from the start of the file only.
#include "csv_test_util.h"

#include "data/csv_reader.h"

#include <QTest>

#include <atomic>
#include <cstring>

using namespace gradlab::data;
using namespace gradlab::test;

namespace {

// Counts the bytes asked for, to show that a preview reads only the start.
class CountingSource final : public CsvSource {
public:
    explicit CountingSource(std::string bytes) : m_bytes(std::move(bytes)) {}
    std::uint64_t size() const override { return m_bytes.size(); }
    CsvResult<std::size_t> read(std::uint64_t offset, std::span<char> buffer) const override
    {
        const std::size_t n = std::min<std::size_t>(buffer.size(), m_bytes.size() - offset);
        std::memcpy(buffer.data(), m_bytes.data() + offset, n);
        m_read += n;
        return n;
    }
    std::uint64_t bytesRead() const { return m_read; }

private:
    std::string m_bytes;
    mutable std::atomic<std::uint64_t> m_read{0};
};

using Rows = std::vector<std::vector<std::string>>;

} // namespace

class TestCsvPreview : public QObject {
    Q_OBJECT

private slots:
    void showsTheFirstRowsAsText()
    {
        const QByteArray text = "\xEF\xBB\xBFname;value;\"note\"\r\n"
                                "a;1.5;\"x;\ny\"\r\n"
                                "\r\n"
                                "b;NA;\"say \"\"hi\"\"\"\r\n"
                                "c;3;\r\n"
                                "d;4;z\r\n";
        auto preview = previewCsvText(view(text), 3);
        QVERIFY2(preview, describe(preview));
        const CsvPreview& p = preview.value();
        QCOMPARE(p.format.delimiter, ';');
        QVERIFY(p.format.hasHeader);
        QVERIFY(p.format.hasBom);
        QCOMPARE(p.format.columnNames, (std::vector<std::string>{"name", "value", "note"}));
        QCOMPARE(p.rows, (Rows{{"a", "1.5", "x;\ny"}, {"b", "NA", "say \"hi\""}, {"c", "3", ""}}));
        QVERIFY(!p.wholeFile);
    }

    void saysWhenItHoldsTheWholeFile_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("maxRows");
        QTest::addColumn<bool>("whole");
        QTest::newRow("fewer rows than asked") << QByteArray("x,y\n1,2\n") << 5 << true;
        QTest::newRow("exactly as many") << QByteArray("x,y\n1,2\n3,4\n") << 2 << true;
        QTest::newRow("as many, then blank lines") << QByteArray("x,y\n1,2\n3,4\n\n\n") << 2 << true;
        QTest::newRow("more rows") << QByteArray("x,y\n1,2\n3,4\n5,6\n") << 2 << false;
        QTest::newRow("no rows asked") << QByteArray("x,y\n1,2\n") << 0 << false;
        QTest::newRow("header only") << QByteArray("x,y\n") << 3 << true;
    }

    void saysWhenItHoldsTheWholeFile()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, maxRows);
        QFETCH(bool, whole);
        auto preview = previewCsvText(view(text), static_cast<std::size_t>(maxRows));
        QVERIFY2(preview, describe(preview));
        QCOMPARE(preview.value().wholeFile, whole);
        QVERIFY(preview.value().rows.size() <= static_cast<std::size_t>(maxRows));
    }

    void showsRaggedRowsAsTheyAre()
    {
        auto preview = previewCsvText("a,b,c\n1,2\n3,4,5,6\n", 10);
        QVERIFY2(preview, describe(preview));
        QCOMPARE(preview.value().rows, (Rows{{"1", "2"}, {"3", "4", "5", "6"}}));
    }

    void replacesInvalidUtf8AndWarns()
    {
        auto preview = previewCsvText("name,x\ncaf\xE9,1\n", 10);
        QVERIFY2(preview, describe(preview));
        QCOMPARE(preview.value().rows, (Rows{{"caf\xEF\xBF\xBD", "1"}}));
        QCOMPARE(preview.value().warnings.size(), std::size_t(1));
    }

    void readsOnlyTheStartOfALargeFile()
    {
        std::string text = "x,y\n";
        while (text.size() < (8u << 20))
            text += "0.123456789,9.87654321\n";
        CountingSource source(text);
        auto preview = previewCsv(source, 20);
        QVERIFY2(preview, describe(preview));
        QCOMPARE(preview.value().rows.size(), std::size_t(20));
        QCOMPARE(preview.value().format.columnNames, (std::vector<std::string>{"x", "y"}));
        QVERIFY2(source.bytesRead() <= (128u << 10), QByteArray::number(quint64(source.bytesRead())));
    }

    void readsAsFarAsALongFirstRecordNeeds()
    {
        QByteArray header;
        for (int c = 0; c < 30000; ++c)
            header += (c ? "," : "") + QByteArray("column_") + QByteArray::number(c);
        auto preview = previewCsvText(view(header + "\n" + QByteArray(29999, ',') + "\n"), 1);
        QVERIFY2(preview, describe(preview));
        QCOMPARE(preview.value().format.columnNames.size(), std::size_t(30000));
        QCOMPARE(preview.value().format.columnNames.back(), std::string("column_29999"));
    }

    void appliesOverrides()
    {
        CsvReadOptions options;
        options.delimiter = '|';
        options.hasHeader = false;
        auto preview = previewCsvText("a,b|c\n1,2|3\n", 10, options);
        QVERIFY2(preview, describe(preview));
        QCOMPARE(preview.value().format.columnNames, (std::vector<std::string>{"column 1", "column 2"}));
        QCOMPARE(preview.value().rows, (Rows{{"a,b", "c"}, {"1,2", "3"}}));
    }

    void reportsWhatItCannotShow_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("code");
        QTest::newRow("empty") << QByteArray() << int(CsvErrorCode::Empty);
        QTest::newRow("binary") << QByteArray("ab\0cd", 5) << int(CsvErrorCode::NotText);
        QTest::newRow("UTF-16") << QByteArray("\xFE\xFF\0x", 4) << int(CsvErrorCode::Utf16);
        QTest::newRow("unterminated quote") << QByteArray("x,y\n1,\"2\n") << int(CsvErrorCode::UnterminatedQuote);
    }

    void reportsWhatItCannotShow()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, code);
        auto preview = previewCsvText(view(text), 10);
        QVERIFY(!preview);
        QCOMPARE(int(preview.error().code), code);
    }
};

QTEST_APPLESS_MAIN(TestCsvPreview)
#include "tst_csv_preview.moc"

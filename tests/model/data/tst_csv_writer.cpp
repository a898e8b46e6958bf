// The CSV writer: exact text for small tables, RFC 4180 quoting of names, and a bit-exact round
// trip through the reader for every kind of double.
#include "csv_test_util.h"

#include "data/csv_reader.h"
#include "data/csv_writer.h"

#include <QDir>
#include <QTemporaryDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <cstring>
#include <limits>
#include <random>
#include <sstream>

using namespace gradlab::data;
using namespace gradlab::test;

namespace {

Dataset dataset(std::vector<std::string> features, std::string target, std::vector<double> x, std::vector<double> y)
{
    Dataset d;
    d.featureNames = std::move(features);
    d.targetName = std::move(target);
    d.x = std::move(x);
    d.y = std::move(y);
    return d;
}

CsvResult<CsvData> readBack(const std::string& text, char delimiter = ',')
{
    CsvReadOptions options;
    options.delimiter = delimiter;
    options.hasHeader = true;
    return readCsvText(text, options);
}

} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT

private slots:
    void writesFeaturesThenTargetWithAHeader()
    {
        auto text = csvText(dataset({"a", "b"}, "y", {1, 2, 3.5, -4}, {0.1, 1e300}));
        QVERIFY2(text, describe(text));
        QCOMPARE(text.value(), std::string("a,b,y\n1,2,0.1\n3.5,-4,1e+300\n"));
    }

    void writesColumns()
    {
        const std::vector<double> x{1, 2}, y{3, 4};
        const CsvColumnData columns[] = {{"x", x}, {"y", y}};
        std::ostringstream out;
        auto bytes = writeCsv(out, columns, CsvWriteOptions{';', true, true});
        QVERIFY2(bytes, describe(bytes));
        QCOMPARE(out.str(), std::string("x;y\r\n1;3\r\n2;4\r\n"));
        QCOMPARE(bytes.value(), out.str().size());
    }

    void canLeaveOutTheHeader()
    {
        auto text = csvText(dataset({"x"}, "y", {1}, {2}), CsvWriteOptions{',', false, false});
        QVERIFY(text);
        QCOMPARE(text.value(), std::string("1,2\n"));
    }

    void quotesNamesThatNeedIt_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("plain") << QString("x") << QByteArray("x");
        QTest::newRow("comma") << QString("a,b") << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QString("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QString("two\nlines") << QByteArray("\"two\nlines\"");
        QTest::newRow("carriage return") << QString("cr\rhere") << QByteArray("\"cr\rhere\"");
        QTest::newRow("edge spaces") << QString(" padded ") << QByteArray("\" padded \"");
        QTest::newRow("inner space") << QString("two words") << QByteArray("two words");
        QTest::newRow("unicode") << QString::fromUtf8("größe µm") << QByteArray("gr\xC3\xB6\xC3\x9F" "e \xC2\xB5m");
        QTest::newRow("empty") << QString() << QByteArray("\"\"");
    }

    void quotesNamesThatNeedIt()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, written);
        const std::string n = name.toStdString();
        auto text = csvText(dataset({n}, "t", {1}, {2}));
        QVERIFY2(text, describe(text));
        QCOMPARE(QByteArray::fromStdString(text.value()), written + ",t\n1,2\n");
        auto back = readBack(text.value());
        QVERIFY2(back, describe(back));
        // The reader names an empty header field after its position.
        QCOMPARE(back.value().dataset.featureNames[0], n.empty() ? std::string("column 1") : n);
    }

    void roundTripIsBitExact_data()
    {
        QTest::addColumn<double>("value");
        using L = std::numeric_limits<double>;
        QTest::newRow("0.1") << 0.1;
        QTest::newRow("0.1 + 0.2") << 0.1 + 0.2;
        QTest::newRow("1/3") << 1.0 / 3.0;
        QTest::newRow("1e300") << 1e300;
        QTest::newRow("-1e-300") << -1e-300;
        QTest::newRow("zero") << 0.0;
        QTest::newRow("negative zero") << -0.0;
        QTest::newRow("max") << L::max();
        QTest::newRow("lowest") << L::lowest();
        QTest::newRow("smallest normal") << L::min();
        QTest::newRow("largest subnormal") << L::min() - L::denorm_min();
        QTest::newRow("smallest subnormal") << L::denorm_min();
        QTest::newRow("negative subnormal") << -3 * L::denorm_min();
        QTest::newRow("epsilon") << L::epsilon();
        QTest::newRow("1 + epsilon") << 1 + L::epsilon();
        QTest::newRow("2^53 + 2") << 9007199254740994.0;
        QTest::newRow("1e23") << 1e23;
        QTest::newRow("5e-324 * 7") << 7 * L::denorm_min();
        QTest::newRow("pi") << 3.141592653589793;
    }

    void roundTripIsBitExact()
    {
        QFETCH(double, value);
        const Dataset d = dataset({"x"}, "y", {value}, {-value});
        auto text = csvText(d);
        QVERIFY2(text, describe(text));
        auto back = readBack(text.value());
        QVERIFY2(back, describe(back));
        QVERIFY2(sameBits(back.value().dataset.x, d.x), text.value().c_str());
        QVERIFY2(sameBits(back.value().dataset.y, d.y), text.value().c_str());
    }

    void randomBitPatternsRoundTrip_data()
    {
        QTest::addColumn<char>("delimiter");
        QTest::newRow("comma") << ',';
        QTest::newRow("semicolon") << ';';
        QTest::newRow("tab") << '\t';
    }

    void randomBitPatternsRoundTrip()
    {
        QFETCH(char, delimiter);
        std::mt19937_64 rng(99);
        Dataset d = dataset({"a", "b, c", "\"d\""}, "target\nvalue", {}, {});
        while (d.y.size() < 20000) {
            double v[4];
            for (double& e : v) {
                do
                    e = std::bit_cast<double>(rng());
                while (!std::isfinite(e));
            }
            d.x.insert(d.x.end(), v, v + 3);
            d.y.push_back(v[3]);
        }
        QTemporaryDir dir;
        const std::string path = dir.filePath("round.csv").toStdString();
        auto written = writeCsvFile(path, d, CsvWriteOptions{delimiter, true, false});
        QVERIFY2(written, describe(written));
        CsvReadOptions options;
        options.chunkBytes = 32 << 10;
        options.threads = 3;
        auto back = readCsvFile(path, options);
        QVERIFY2(back, describe(back));
        QCOMPARE(back.value().format.delimiter, delimiter);
        QCOMPARE(back.value().dataset.featureNames, d.featureNames);
        QCOMPARE(back.value().dataset.targetName, d.targetName);
        QVERIFY(sameBits(back.value().dataset.x, d.x));
        QVERIFY(sameBits(back.value().dataset.y, d.y));
    }

    void nonFiniteValuesAreWrittenAsNanAndInf()
    {
        auto text = csvText(dataset({"x"}, "y", {std::numeric_limits<double>::quiet_NaN()}, {-std::numeric_limits<double>::infinity()}));
        QVERIFY(text);
        QCOMPARE(text.value(), std::string("x,y\nnan,-inf\n"));
        auto back = readBack(text.value()); // and the reader refuses them unless asked to drop them
        QVERIFY(!back);
        QCOMPARE(back.error().code, CsvErrorCode::NotFinite);
    }

    void fileIsReplacedWholeAndNoTemporaryIsLeft()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("out.csv").toStdString();
        QVERIFY(writeCsvFile(path, dataset({"x"}, "y", {1, 2, 3}, {4, 5, 6})));
        QVERIFY(writeCsvFile(path, dataset({"x"}, "y", {7}, {8})));
        auto back = readCsvFile(path);
        QVERIFY2(back, describe(back));
        QCOMPARE(back.value().dataset.y, std::vector<double>{8});
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"out.csv"});
    }

    // Review 13: a symbolic link was replaced by a file, its target left as it was. It is written
    // through: the target gets the rows, the link stays a link, no temporary is left.
    void aSymbolicLinkIsWrittenThrough()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
        const QString target = dir.filePath(QStringLiteral("data/real.csv"));
        const QString link = dir.filePath(QStringLiteral("link.csv"));
        QVERIFY(writeCsvFile(target.toStdString(), dataset({"x"}, "y", {1}, {2})));
        QVERIFY(QFile::link(QStringLiteral("data/real.csv"), link)); // relative, as ln -s makes them
        QVERIFY(writeCsvFile(link.toStdString(), dataset({"x"}, "y", {7, 8}, {9, 10})));
        QVERIFY(QFileInfo(link).isSymLink());
        auto back = readCsvFile(target.toStdString());
        QVERIFY2(back, describe(back));
        QCOMPARE(back.value().dataset.y, (std::vector<double>{9, 10}));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("data"))).entryList(QDir::Files), QStringList{"real.csv"});
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::System), QStringList{"link.csv"});
    }

    void refusesWhatItCannotWrite_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("missing folder") << 0 << int(CsvErrorCode::Io) << QByteArray("/no/such/folder/out.csv");
        QTest::newRow("inconsistent dataset") << 1 << int(CsvErrorCode::InvalidOption) << QByteArray("3 feature values for 2 rows");
        QTest::newRow("columns of different lengths") << 2 << int(CsvErrorCode::InvalidOption) << QByteArray("has 1 values where");
        QTest::newRow("quote as delimiter") << 3 << int(CsvErrorCode::InvalidOption) << QByteArray("delimiter");
        QTest::newRow("no columns") << 4 << int(CsvErrorCode::InvalidOption) << QByteArray("no columns");
    }

    void refusesWhatItCannotWrite()
    {
        QFETCH(int, kind);
        QFETCH(int, code);
        QFETCH(QByteArray, mentions);
        const Dataset good = dataset({"x"}, "y", {1, 2}, {3, 4});
        const std::vector<double> one{1}, two{1, 2};
        const CsvColumnData ragged[] = {{"a", two}, {"b", one}};
        std::ostringstream out;
        CsvResult<std::uint64_t> result = std::uint64_t{0};
        switch (kind) {
        case 0: result = writeCsvFile("/no/such/folder/out.csv", good); break;
        case 1: result = writeCsv(out, dataset({"x"}, "y", {1, 2, 3}, {3, 4})); break;
        case 2: result = writeCsv(out, ragged); break;
        case 3: result = writeCsv(out, good, CsvWriteOptions{'"', true, false}); break;
        default: result = writeCsv(out, std::span<const CsvColumnData>()); break;
        }
        QVERIFY(!result);
        QCOMPARE(int(result.error().code), code);
        QVERIFY2(QByteArray::fromStdString(result.error().message).contains(mentions), describe(result));
    }
};

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "tst_csv_writer.moc"

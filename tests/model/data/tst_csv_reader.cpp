// The CSV reader on small inputs: the formats it accepts, the clear errors for those it cannot
// read, column selection, missing values, overrides, and the tutorial's data file.
#include "csv_test_util.h"

#include "data/csv_reader.h"
#include "deadline.h"

#include <QFile>
#include <QTemporaryDir>
#include <QFileInfo>
#include <sys/stat.h>
#include <QTest>

#include <charconv>
#include <cmath>
#include <limits>

using namespace gradlab::data;
using namespace gradlab::test;

Q_DECLARE_METATYPE(CsvErrorCode)

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void tutorialDatasetParsesToExactDoubles()
    {
        const QString path = QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv");
        auto result = readCsvFile(path.toStdString());
        QVERIFY2(result, describe(result));
        const Dataset& d = result.value().dataset;
        QCOMPARE(d.rows(), 100);
        QCOMPARE(d.featureNames, std::vector<std::string>{"x"});
        QCOMPARE(d.targetName, std::string("y"));
        QCOMPARE(result.value().format.delimiter, ',');
        QVERIFY(result.value().format.hasHeader);
        QCOMPARE(d.x.front(), 0.3745401188473625);
        QCOMPARE(d.y.front(), 1.757784944518542);
        // Every value against an independent correctly rounded conversion of its text.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 101);
        std::vector<double> x, y;
        for (int i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> fields = lines[i].trimmed().split(',');
            x.push_back(fields[0].toDouble());
            y.push_back(fields[1].toDouble());
        }
        QVERIFY(sameBits(d.x, x));
        QVERIFY(sameBits(d.y, y));
    }

    void readsWellFormedText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<bool>("header");
        QTest::addColumn<QStringList>("names"); // features, then the target
        QTest::addColumn<QList<double>>("x");   // row-major
        QTest::addColumn<QList<double>>("y");

        const QStringList xy{"x", "y"};
        QTest::newRow("comma, LF") << QByteArray("x,y\n1,2\n3,4\n") << ',' << true << xy << QList<double>{1, 3} << QList<double>{2, 4};
        QTest::newRow("CRLF") << QByteArray("x,y\r\n1,2\r\n3,4\r\n") << ',' << true << xy << QList<double>{1, 3} << QList<double>{2, 4};
        QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBFx,y\n1,2\n") << ',' << true << xy << QList<double>{1} << QList<double>{2};
        QTest::newRow("no final newline") << QByteArray("x,y\n1,2\n3,4") << ',' << true << xy << QList<double>{1, 3} << QList<double>{2, 4};
        QTest::newRow("no final newline, CR") << QByteArray("x,y\r\n1,2\r\n3,4\r") << ',' << true << xy << QList<double>{1, 3}
                                              << QList<double>{2, 4};
        QTest::newRow("semicolon") << QByteArray("x;y\n1.5;2\n3;4e1\n") << ';' << true << xy << QList<double>{1.5, 3}
                                   << QList<double>{2, 40};
        QTest::newRow("tab") << QByteArray("a\tb\ty\n1\t2\t3\n") << '\t' << true << QStringList{"a", "b", "y"} << QList<double>{1, 2}
                             << QList<double>{3};
        QTest::newRow("pipe") << QByteArray("x|y\n1|2\n") << '|' << true << xy << QList<double>{1} << QList<double>{2};
        QTest::newRow("no header") << QByteArray("1,2\n3,4\n") << ',' << false << QStringList{"column 1", "column 2"}
                                   << QList<double>{1, 3} << QList<double>{2, 4};
        QTest::newRow("blank lines anywhere") << QByteArray("\n\nx,y\n\n1,2\n   \n\r\n3,4\n\n\n") << ',' << true << xy
                                              << QList<double>{1, 3} << QList<double>{2, 4};
        QTest::newRow("quoted names with delimiters, quotes, newlines")
            << QByteArray("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,2,3\n") << ',' << true
            << QStringList{"a,b", "say \"hi\"", "two\nlines"} << QList<double>{1, 2} << QList<double>{3};
        QTest::newRow("quoted numbers") << QByteArray("x,y\n\"1.5\",\" 2 \"\n") << ',' << true << xy << QList<double>{1.5}
                                        << QList<double>{2};
        QTest::newRow("spaces around fields") << QByteArray(" x , y \n 1 ,\t2\t\n") << ',' << true << xy << QList<double>{1}
                                              << QList<double>{2};
        QTest::newRow("number forms") << QByteArray("x,y\n1e3,-2.5E-3\n.5,5.\n+7,-0\n0e0,1\n") << ',' << true << xy
                                      << QList<double>{1e3, .5, 7, 0} << QList<double>{-2.5e-3, 5, -0.0, 1};
        QTest::newRow("underflow is zero") << QByteArray("x,y\n1e-400,-1e-400\n") << ',' << true << xy << QList<double>{0.0}
                                           << QList<double>{-0.0};
        QTest::newRow("empty header name is generated") << QByteArray(",y\n1,2\n") << ',' << true << QStringList{"column 1", "y"}
                                                        << QList<double>{1} << QList<double>{2};
        QTest::newRow("a comma inside quotes does not fool detection")
            << QByteArray("n;y\n\"1,5\";2\n\"2,5\";3\n") << ';' << true << QStringList{"n", "y"} << QList<double>() << QList<double>();
    }

    void readsWellFormedText()
    {
        QFETCH(QByteArray, text);
        QFETCH(char, delimiter);
        QFETCH(bool, header);
        QFETCH(QStringList, names);
        QFETCH(QList<double>, x);
        QFETCH(QList<double>, y);
        if (x.isEmpty()) { // only the layout is checked
            auto preview = previewCsvText(view(text), 10);
            QVERIFY2(preview, describe(preview));
            QCOMPARE(preview.value().format.delimiter, delimiter);
            QCOMPARE(qstrings(preview.value().format.columnNames), names);
            return;
        }
        auto result = readCsvText(view(text));
        QVERIFY2(result, describe(result));
        const CsvData& data = result.value();
        QCOMPARE(data.format.delimiter, delimiter);
        QCOMPARE(data.format.hasHeader, header);
        QStringList got = qstrings(data.dataset.featureNames);
        got << QString::fromStdString(data.dataset.targetName);
        QCOMPARE(got, names);
        QVERIFY(sameBits(data.dataset.x, doubles(x)));
        QVERIFY(sameBits(data.dataset.y, doubles(y)));
        QCOMPARE(data.format.hasBom, text.startsWith("\xEF\xBB\xBF"));
    }

    void unselectedColumnsMayHoldAnything()
    {
        const QByteArray text = "id,note,x,y\n"
                                "a,\"multi\nline, \"\"quoted\"\"\",1,2\n"
                                "b,5\" screen,3,4\n"
                                "c,,5,6\n"
                                "d,NA,7,8\n"
                                "e,caf\xC3\xA9 \xFF\xFE,9,10\n";
        CsvReadOptions options;
        options.features = {CsvColumn::named("x")};
        auto result = readCsvText(view(text), options);
        QVERIFY2(result, describe(result));
        QVERIFY(sameBits(result.value().dataset.x, {1, 3, 5, 7, 9}));
        QVERIFY(sameBits(result.value().dataset.y, {2, 4, 6, 8, 10}));
    }

    void rejectsWhatItCannotRead_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<CsvErrorCode>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QByteArray>("mentions"); // a part of the message

        using C = CsvErrorCode;
        QTest::newRow("empty file") << QByteArray() << C::Empty << 0 << 0 << QByteArray("empty");
        QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << C::Empty << 0 << 0 << QByteArray("empty");
        QTest::newRow("only blank lines") << QByteArray("\n\r\n  \n") << C::Empty << 0 << 0 << QByteArray("blank lines");
        QTest::newRow("header only") << QByteArray("x,y\n") << C::NoData << 0 << 0 << QByteArray("no data rows");
        QTest::newRow("header and blank lines") << QByteArray("x,y\n\n\n") << C::NoData << 0 << 0 << QByteArray("no data rows");
        QTest::newRow("short row") << QByteArray("x,y\n1,2\n3\n") << C::RaggedRow << 3 << 2 << QByteArray("line 3 has 1 field where 2");
        QTest::newRow("long row") << QByteArray("x,y\n1,2,3,4\n") << C::RaggedRow << 2 << 3 << QByteArray("line 2 has 4 fields where 2");
        QTest::newRow("trailing delimiter") << QByteArray("x,y\n1,2,\n") << C::RaggedRow << 2 << 3 << QByteArray("3 fields");
        QTest::newRow("unterminated quote at EOF") << QByteArray("x,y\n1,\"2\n3,4\n") << C::UnterminatedQuote << 2 << 2
                                                   << QByteArray("never closed");
        QTest::newRow("unterminated quote in header") << QByteArray("\"x,y\n1,2\n") << C::UnterminatedQuote << 1 << 1
                                                      << QByteArray("never closed");
        QTest::newRow("text after closing quote") << QByteArray("x,y\n1,\"2\"3\n") << C::TextAfterQuote << 2 << 2
                                                  << QByteArray("written twice");
        QTest::newRow("NUL byte: binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << C::NotText << 3 << 0
                                          << QByteArray("binary");
        QTest::newRow("UTF-16 with BOM") << QByteArray("\xFF\xFEx\0,\0y\0", 8) << C::Utf16 << 1 << 0 << QByteArray("UTF-8");
        QTest::newRow("UTF-16 without BOM") << QByteArray("x\0,\0y\0\n\0001\0,\0002\0", 14) << C::Utf16 << 1 << 0
                                            << QByteArray("UTF-16");
        QTest::newRow("invalid UTF-8 name") << QByteArray("x,gr\xF6\xDF" "e\n1,2\n") << C::InvalidUtf8 << 1 << 2
                                            << QByteArray("\\xF6");
        QTest::newRow("CR-only line endings") << QByteArray("x,y\r1,2\r3,4\r") << C::UnsupportedLineEnding << 1 << 0
                                              << QByteArray("CR alone");
        QTest::newRow("empty field") << QByteArray("x,y\n1,2\n3,\n") << C::MissingValue << 3 << 2
                                     << QByteArray("line 3, column 2 (\"y\"): missing value (empty field)");
        QTest::newRow("NA") << QByteArray("x,y\nNA,2\n") << C::MissingValue << 2 << 1 << QByteArray("missing value \"NA\"");
        QTest::newRow("NULL quoted") << QByteArray("x,y\n1,\"NULL\"\n") << C::MissingValue << 2 << 2 << QByteArray("\"NULL\"");
        QTest::newRow("nan") << QByteArray("x,y\n1,nan\n") << C::NotFinite << 2 << 2 << QByteArray("\"nan\" is not a finite number");
        QTest::newRow("NaN") << QByteArray("x,y\n1,NaN\n") << C::NotFinite << 2 << 2 << QByteArray("\"NaN\"");
        QTest::newRow("inf") << QByteArray("x,y\ninf,2\n") << C::NotFinite << 2 << 1 << QByteArray("\"inf\"");
        QTest::newRow("-Infinity") << QByteArray("x,y\n1,-Infinity\n") << C::NotFinite << 2 << 2 << QByteArray("\"-Infinity\"");
        // Python's float() takes a leading '+' on inf and nan too.
        QTest::newRow("+inf") << QByteArray("x,y\n+inf,2\n") << C::NotFinite << 2 << 1 << QByteArray("\"+inf\" is not a finite number");
        QTest::newRow("+NaN") << QByteArray("x,y\n1,+NaN\n") << C::NotFinite << 2 << 2 << QByteArray("\"+NaN\" is not a finite number");
        QTest::newRow("two signs") << QByteArray("x,y\n+-1,2\n") << C::NotANumber << 2 << 1 << QByteArray("\"+-1\" is not a number");
        QTest::newRow("overflow") << QByteArray("x,y\n1,1e400\n") << C::OutOfRange << 2 << 2 << QByteArray("\"1e400\" is beyond");
        QTest::newRow("overflow, negative") << QByteArray("x,y\n-1e400,1\n") << C::OutOfRange << 2 << 1 << QByteArray("\"-1e400\"");
        QTest::newRow("text in a selected column") << QByteArray("x,y\n1,2\n3,abc\n") << C::NotANumber << 3 << 2
                                                   << QByteArray("line 3, column 2 (\"y\"): \"abc\" is not a number");
        QTest::newRow("number with trailing text") << QByteArray("x,y\n1.5kg,2\n") << C::NotANumber << 2 << 1
                                                   << QByteArray("\"1.5kg\"");
        // The first records read with a point, so the later decimal comma is not detected.
        QTest::newRow("decimal comma after points") << QByteArray("x;y\n1.5;2\n1,5;3\n") << C::NotANumber << 3 << 1
                                                    << QByteArray("choose the comma as the decimal separator");
        QTest::newRow("thousands separators") << QByteArray("x;y\n1;5,488.14\n") << C::NotANumber << 2 << 2
                                              << QByteArray("\"5,488.14\" is not a number: numbers with thousands separators");
        QTest::newRow("quoted thousands, comma delimiter") << QByteArray("x,y\n1,\"5,488.14\"\n") << C::NotANumber << 2 << 2
                                                           << QByteArray("thousands separators");
        QTest::newRow("doubled quote in a number") << QByteArray("x,y\n\"1\"\"\",2\n") << C::NotANumber << 2 << 1
                                                   << QByteArray("\"1\\\"\"");
        QTest::newRow("line count after a quoted newline")
            << QByteArray("\"x\nname\",y\n1,2\n3,oops\n") << C::NotANumber << 4 << 2 << QByteArray("line 4");
        QTest::newRow("line count after blank lines") << QByteArray("x,y\n\n\n1,2\n\r\n3,?\n") << C::NotANumber << 6 << 2
                                                      << QByteArray("line 6");
        QTest::newRow("single column") << QByteArray("x\n1\n2\n") << C::BadSelection << 0 << 0 << QByteArray("only one column");
        QTest::newRow("control characters are escaped") << QByteArray("x,y\n1,a\x01\x7F\n") << C::NotANumber << 2 << 2
                                                        << QByteArray("\"a\\x01\\x7F\"");
        QTest::newRow("long text is shortened") << (QByteArray("x,y\n1,") + QByteArray(500, 'z') + "\n") << C::NotANumber << 2 << 2
                                                << QByteArray("zzz...\"");
    }

    void rejectsWhatItCannotRead()
    {
        QFETCH(QByteArray, text);
        QFETCH(CsvErrorCode, code);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QByteArray, mentions);
        auto result = readCsvText(view(text));
        QVERIFY2(!result, "the text was read");
        const CsvError& e = result.error();
        QVERIFY2(e.code == code, describe(e));
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
        QVERIFY2(QByteArray::fromStdString(e.message).contains(mentions), describe(e));
    }

    void droppedRowsAreCountedInTheWarnings()
    {
        const QByteArray text = "x,y\n1,2\n,3\n4,nan\n5,NA\n6,inf\n7,8\n";
        CsvReadOptions options;
        options.missing = MissingValues::DropRow;
        auto result = readCsvText(view(text), options);
        QVERIFY2(result, describe(result));
        QCOMPARE(result.value().droppedRows, 4);
        QVERIFY(sameBits(result.value().dataset.x, {1, 7}));
        QVERIFY(sameBits(result.value().dataset.y, {2, 8}));
        QCOMPARE(result.value().warnings.size(), std::size_t(1));
        QCOMPARE(result.value().warnings[0].english(), std::string("4 rows with missing or non-finite values left out (the first on line 3)"));
    }

    void signedInfinityIsDroppedLikeInfinity()
    {
        CsvReadOptions options;
        options.missing = MissingValues::DropRow;
        auto result = readCsvText("x,y\n1,2\n+inf,3\n4,+Infinity\n+5,+nan\n+6,-7\n", options);
        QVERIFY2(result, describe(result));
        QCOMPARE(result.value().droppedRows, 3);
        QVERIFY(sameBits(result.value().dataset.x, {1, 6}));
        QVERIFY(sameBits(result.value().dataset.y, {2, -7}));
    }

    void droppingStillRejectsText()
    {
        CsvReadOptions options;
        options.missing = MissingValues::DropRow;
        auto result = readCsvText("x,y\n,2\n1,abc\n", options);
        QVERIFY(!result);
        QCOMPARE(result.error().code, CsvErrorCode::NotANumber);
        QCOMPARE(result.error().line, 3);
    }

    void droppingEveryRowLeavesNoData()
    {
        CsvReadOptions options;
        options.missing = MissingValues::DropRow;
        auto result = readCsvText("x,y\n,2\n1,\n", options);
        QVERIFY(!result);
        QCOMPARE(result.error().code, CsvErrorCode::NoData);
    }

    void missingValuesInUnselectedColumnsAreIgnored()
    {
        CsvReadOptions options;
        options.features = {CsvColumn::at(0)};
        options.target = CsvColumn::at(2);
        auto result = readCsvText("a,b,c\n1,,3\n4,NA,6\n", options);
        QVERIFY2(result, describe(result));
        QCOMPARE(result.value().droppedRows, 0);
        QVERIFY(sameBits(result.value().dataset.y, {3, 6}));
    }

    void selectsColumns_data()
    {
        QTest::addColumn<QStringList>("features"); // names, or #index
        QTest::addColumn<QString>("target");       // empty: the default
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<double>>("x");
        QTest::addColumn<QList<double>>("y");
        QTest::newRow("defaults: all but the last, then the last")
            << QStringList() << QString() << QStringList{"a", "b", "c", "t"} << QList<double>{1, 2, 3, 5, 6, 7} << QList<double>{4, 8};
        QTest::newRow("one feature by name") << QStringList{"b"} << QString() << QStringList{"b", "t"} << QList<double>{2, 6}
                                             << QList<double>{4, 8};
        QTest::newRow("features in the order asked") << QStringList{"c", "a"} << QString("t") << QStringList{"c", "a", "t"}
                                                     << QList<double>{3, 1, 7, 5} << QList<double>{4, 8};
        QTest::newRow("by index") << QStringList{"#1"} << QString("#0") << QStringList{"b", "a"} << QList<double>{2, 6}
                                  << QList<double>{1, 5};
        QTest::newRow("target only: the rest are features") << QStringList() << QString("a") << QStringList{"b", "c", "t", "a"}
                                                            << QList<double>{2, 3, 4, 6, 7, 8} << QList<double>{1, 5};
    }

    void selectsColumns()
    {
        QFETCH(QStringList, features);
        QFETCH(QString, target);
        QFETCH(QStringList, names);
        QFETCH(QList<double>, x);
        QFETCH(QList<double>, y);
        const auto column = [](const QString& s) {
            return s.startsWith('#') ? CsvColumn::at(s.mid(1).toULong()) : CsvColumn::named(s.toStdString());
        };
        CsvReadOptions options;
        for (const auto& f : features)
            options.features.push_back(column(f));
        if (!target.isEmpty())
            options.target = column(target);
        auto result = readCsvText("a,b,c,t\n1,2,3,4\n5,6,7,8\n", options);
        QVERIFY2(result, describe(result));
        QStringList got = qstrings(result.value().dataset.featureNames);
        got << QString::fromStdString(result.value().dataset.targetName);
        QCOMPARE(got, names);
        QVERIFY(sameBits(result.value().dataset.x, doubles(x)));
        QVERIFY(sameBits(result.value().dataset.y, doubles(y)));
        QCOMPARE(qstrings(result.value().format.columnNames), (QStringList{"a", "b", "c", "t"}));
    }

    void rejectsBadSelections_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QString>("target");
        QTest::addColumn<CsvErrorCode>("code");
        QTest::addColumn<QByteArray>("mentions");
        const QByteArray abc = "a,b,c\n1,2,3\n";
        QTest::newRow("no such name") << abc << QStringList{"z"} << QString() << CsvErrorCode::ColumnNotFound
                                      << QByteArray("no column named \"z\"; the columns are \"a\", \"b\", \"c\"");
        QTest::newRow("index out of range") << abc << QStringList() << QString("#3") << CsvErrorCode::ColumnNotFound
                                            << QByteArray("the file has 3 columns");
        QTest::newRow("target is a feature") << abc << QStringList{"a", "c"} << QString() << CsvErrorCode::BadSelection
                                             << QByteArray("both as a feature and as the target");
        QTest::newRow("a feature twice") << abc << QStringList{"a", "#0"} << QString() << CsvErrorCode::BadSelection
                                         << QByteArray("column 1 (\"a\") is chosen twice");
        QTest::newRow("a non-numeric selected column") << QByteArray("a,b\nx,1\n") << QStringList() << QString()
                                                       << CsvErrorCode::NotANumber << QByteArray("\"x\" is not a number");
    }

    void rejectsBadSelections()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, features);
        QFETCH(QString, target);
        QFETCH(CsvErrorCode, code);
        QFETCH(QByteArray, mentions);
        const auto column = [](const QString& s) {
            return s.startsWith('#') ? CsvColumn::at(s.mid(1).toULong()) : CsvColumn::named(s.toStdString());
        };
        CsvReadOptions options;
        for (const auto& f : features)
            options.features.push_back(column(f));
        if (!target.isEmpty())
            options.target = column(target);
        options.hasHeader = true;
        auto result = readCsvText(view(text), options);
        QVERIFY(!result);
        QVERIFY2(result.error().code == code, describe(result));
        QVERIFY2(QByteArray::fromStdString(result.error().message).contains(mentions), describe(result));
    }

    void overridesWinOverDetection()
    {
        CsvReadOptions options;
        options.delimiter = ';';
        options.decimal = '.';
        auto semicolon = readCsvText("a,b;c\n1,2;3\n", options); // "a,b" and "c"
        QVERIFY(!semicolon);
        QCOMPARE(semicolon.error().code, CsvErrorCode::NotANumber);
        QVERIFY2(semicolon.error().message.find("\"1,2\"") != std::string::npos, describe(semicolon));

        CsvReadOptions numericHeader;
        numericHeader.hasHeader = true;
        auto years = readCsvText("2020,2021\n1,2\n", numericHeader);
        QVERIFY2(years, describe(years));
        QCOMPARE(years.value().dataset.targetName, std::string("2021"));
        QCOMPARE(years.value().dataset.rows(), 1);

        CsvReadOptions noHeader;
        noHeader.hasHeader = false;
        auto text = readCsvText("x,y\n1,2\n", noHeader);
        QVERIFY(!text);
        QCOMPARE(text.error().line, 1);
        QCOMPARE(text.error().code, CsvErrorCode::NotANumber);
    }

    // The names pandas 1.5.3's read_csv gives these headers (/usr/bin/python3:
    // pd.read_csv(io.StringIO(header + "\n" + "1,..."), sep=",").columns).
    void renamesRepeatedNamesAsPandasDoes_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("pandas");
        QTest::newRow("x,x,y") << QByteArray("x,x,y") << QStringList{"x", "x.1", "y"};
        QTest::newRow("x,x,x.1,y") << QByteArray("x,x,x.1,y") << QStringList{"x", "x.2", "x.1", "y"};
        QTest::newRow("x,x.1,x,y") << QByteArray("x,x.1,x,y") << QStringList{"x", "x.1", "x.2", "y"};
        QTest::newRow("x,x,x,x.1,x.2,y") << QByteArray("x,x,x,x.1,x.2,y") << QStringList{"x", "x.3", "x.4", "x.1", "x.2", "y"};
        QTest::newRow("a,a.1,a,a,y") << QByteArray("a,a.1,a,a,y") << QStringList{"a", "a.1", "a.2", "a.3", "y"};
        QTest::newRow("x,x.1,x.1,x,y") << QByteArray("x,x.1,x.1,x,y") << QStringList{"x", "x.1", "x.1.1", "x.2", "y"};
        QTest::newRow("x.1,x,x,y") << QByteArray("x.1,x,x,y") << QStringList{"x.1", "x", "x.2", "y"};
    }

    void renamesRepeatedNamesAsPandasDoes()
    {
        QFETCH(QByteArray, header);
        QFETCH(QStringList, pandas);
        QByteArray row;
        for (qsizetype c = 0; c < pandas.size(); ++c)
            row += (c ? "," : "") + QByteArray::number(c + 1);
        auto result = readCsvText(view(header + "\n" + row + "\n"));
        QVERIFY2(result, describe(result));
        QCOMPARE(qstrings(result.value().format.columnNames), pandas);
        // Every column is a feature, in the file's order, under its new name.
        QCOMPARE(qstrings(result.value().dataset.featureNames), pandas.mid(0, pandas.size() - 1));
        std::vector<double> x;
        for (qsizetype c = 1; c < pandas.size(); ++c)
            x.push_back(static_cast<double>(c));
        QVERIFY(sameBits(result.value().dataset.x, x));
        QCOMPARE(result.value().warnings.size(), std::size_t(1));
        QVERIFY2(result.value().warnings.front().english().find("renamed as pandas renames them") != std::string::npos,
                 result.value().warnings.front().english().c_str());
    }

    void repeatedNamesCanEachBeChosen()
    {
        CsvReadOptions options;
        options.features = {CsvColumn::named("x.1"), CsvColumn::named("x")};
        options.target = CsvColumn::named("y");
        auto result = readCsvText("x,x,y\n1,2,3\n4,5,6\n", options);
        QVERIFY2(result, describe(result));
        QVERIFY(sameBits(result.value().dataset.x, {2, 1, 5, 4}));
        QVERIFY(sameBits(result.value().dataset.y, {3, 6}));
        QCOMPARE(result.value().warnings.size(), std::size_t(1));
        QCOMPARE(result.value().warnings.front().english(),
                 std::string("columns with the same name are renamed as pandas renames them, so that each can be chosen: "
                             "column 2 (\"x\") as \"x.1\""));
        // An empty header field's generated name is renamed after the others, as pandas renames its "Unnamed: 1".
        auto generated = readCsvText("column 2,,y\n1,2,3\n");
        QVERIFY2(generated, describe(generated));
        QCOMPARE(qstrings(generated.value().format.columnNames), (QStringList{"column 2", "column 2.1", "y"}));
        auto unique = readCsvText("x,z,y\n1,2,3\n");
        QVERIFY2(unique, describe(unique));
        QVERIFY(unique.value().warnings.empty());
    }

    void readsDecimalCommas_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("decimal"); // empty: detect
        QTest::addColumn<QList<double>>("x");
        QTest::addColumn<QList<double>>("y");
        QTest::newRow("semicolons, detected") << QByteArray("\xEF\xBB\xBFh;w\n5,488135;-0,5\n7,15;12\n") << QString()
                                              << QList<double>{5.488135, 7.15} << QList<double>{-0.5, 12};
        QTest::newRow("tabs, detected, no header") << QByteArray("5,488135\t1e-3\n,5\t2,5E2\n") << QString()
                                                   << QList<double>{5.488135, 0.5} << QList<double>{1e-3, 250};
        QTest::newRow("integers first, chosen") << QByteArray("h;w\n1;2\n3,25;4\n") << QString(",")
                                                << QList<double>{1, 3.25} << QList<double>{2, 4};
        QTest::newRow("point chosen over detection") << QByteArray("h;w\n1;2,5\n") << QString(".") << QList<double>() << QList<double>();
        // "1,234" may be thousands; "2,5" and "0,250" can only be decimal commas.
        QTest::newRow("thousands-like beside a decimal comma") << QByteArray("a;b\n1,234;2,5\n5,000;1\n") << QString()
                                                               << QList<double>{1.234, 5} << QList<double>{2.5, 1};
        QTest::newRow("zero before the comma") << QByteArray("a\tb\n0,250\t1\n1,100\t2\n") << QString()
                                               << QList<double>{0.25, 1.1} << QList<double>{1, 2};
        QTest::newRow("four digits before the comma") << QByteArray("a;b\n1234,567;1\n") << QString()
                                                      << QList<double>{1234.567} << QList<double>{1};
        // Splits evenly on ',' and ';' (3 and 2 fields a line): only ';' gives numbers.
        QTest::newRow("semicolons, no header, tie with commas") << QByteArray("1,5;2,0\n2,5;4,1\n3,5;6,2\n") << QString()
                                                                 << QList<double>{1.5, 2.5, 3.5} << QList<double>{2.0, 4.1, 6.2};
        QTest::newRow("tabs, no header, tie with commas") << QByteArray("1,5\t2,0\n-2,5\t4,1\n") << QString()
                                                           << QList<double>{1.5, -2.5} << QList<double>{2.0, 4.1};
    }

    void readsDecimalCommas()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, decimal);
        QFETCH(QList<double>, x);
        QFETCH(QList<double>, y);
        CsvReadOptions options;
        if (!decimal.isEmpty())
            options.decimal = decimal.at(0).toLatin1();
        for (const std::size_t chunk : {std::size_t(4) << 20, std::size_t(3)}) { // whole, and in many chunks
            options.chunkBytes = chunk;
            auto result = readCsvText(view(text), options);
            if (x.isEmpty()) {
                QVERIFY(!result);
                QVERIFY2(result.error().message.find("\"2,5\" is not a number with '.'") != std::string::npos, describe(result));
                continue;
            }
            QVERIFY2(result, describe(result));
            QCOMPARE(result.value().format.decimal, ',');
            QVERIFY(sameBits(result.value().dataset.x, doubles(x)));
            QVERIFY(sameBits(result.value().dataset.y, doubles(y)));
        }
    }

    void decimalDetectionNeedsCommasAlone()
    {
        // A point anywhere among the numbers, a comma delimiter, or no comma at all: the point.
        for (const char* text : {"a;b\n1,5;2.5\n", "a,b\n\"1,5\",2\n", "a;b\n1;2\n", "a;b\n5,488.1;2\n"}) {
            auto preview = previewCsvText(text, 10);
            QVERIFY2(preview, describe(preview));
            QVERIFY2(preview.value().format.decimal == '.', text);
        }
        auto comma = previewCsvText("a|b|c\nx;y|1,5|2\n", 10);
        QVERIFY2(comma, describe(comma));
        QCOMPARE(comma.value().format.decimal, ',');
        QVERIFY(isCsvNumber("-1,5e3", ','));
        QVERIFY(!isCsvNumber("-1,5e3", '.'));
        QVERIFY(isCsvNumber("1.5", '.'));
        QVERIFY(!isCsvNumber("1.5", ','));
        // A point-decimal number read with the comma says how to read it.
        CsvReadOptions options;
        options.decimal = ',';
        auto point = readCsvText("a;b\n1,5;2.5\n", options);
        QVERIFY(!point);
        QVERIFY2(point.error().message.find("choose the point as the decimal separator") != std::string::npos, describe(point));
    }

    // Integers with thousands separators (QA's k.tsv) are refused, with a message that says why,
    // rather than read 1000 times too small as decimal commas.
    void thousandsSeparatorsAreNoDecimalComma_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("tabs") << QByteArray("sales\tcost\n1,234\t1,100\n2,468\t2,050\n5,000\t4,400\n") << QByteArray("\"1,234\"");
        QTest::newRow("semicolons, signs") << QByteArray("a;b\n-12,345;1\n+1,000;2\n") << QByteArray("\"-12,345\"");
        QTest::newRow("groups") << QByteArray("a;b\n1;12,345,678\n") << QByteArray("\"12,345,678\"");
        QTest::newRow("no header") << QByteArray("1,234;5,000\n2,468;3,100\n") << QByteArray("\"1,234\"");
    }

    void thousandsSeparatorsAreNoDecimalComma()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, field);
        auto preview = previewCsvText(view(text), 10);
        QVERIFY2(preview, describe(preview));
        QCOMPARE(preview.value().format.delimiter, text.contains('\t') ? '\t' : ';');
        QCOMPARE(preview.value().format.decimal, '.');
        auto result = readCsvText(view(text));
        QVERIFY(!result);
        QCOMPARE(result.error().code, CsvErrorCode::NotANumber);
        const std::string& message = result.error().message;
        QVERIFY2(message.find(field.toStdString() + " is not a number") != std::string::npos
                     && message.find("thousands separators cannot be read") != std::string::npos
                     && message.find("choose the comma as the decimal separator") != std::string::npos,
                 describe(result));
        // Chosen, the comma is the decimal separator, as asked.
        if (field.count(',') > 1)
            return;
        CsvReadOptions comma;
        comma.decimal = ',';
        auto chosen = readCsvText(view(text), comma);
        QVERIFY2(chosen, describe(chosen));
    }

    // Ordinary comma files keep the comma, also when another candidate splits them evenly.
    void commaDelimiterStaysForPointDecimals()
    {
        for (const char* text : {"1,2\n3,4\n", "1.5,2\n3,4.5\n", "name,v\na;b,1.5\nc;d,2\n", "x,y\n1.5,2\n\"3;4\",5\n"}) {
            auto preview = previewCsvText(text, 10);
            QVERIFY2(preview, describe(preview));
            QVERIFY2(preview.value().format.delimiter == ',', text);
            QVERIFY2(preview.value().format.decimal == '.', text);
        }
    }

    void rejectsInvalidOptions_data()
    {
        QTest::addColumn<char>("delimiter");
        QTest::addColumn<int>("chunkBytes");
        QTest::newRow("quote as delimiter") << '"' << 1024;
        QTest::newRow("point as delimiter") << '.' << 1024;
        QTest::newRow("minus as delimiter") << '-' << 1024;
        QTest::newRow("digit as delimiter") << '1' << 1024;
        QTest::newRow("newline as delimiter") << '\n' << 1024;
        QTest::newRow("zero chunk size") << ',' << 0;
        QTest::newRow("comma as delimiter and decimal separator") << ',' << -1;
        QTest::newRow("colon as decimal separator") << ';' << -2;
    }

    void rejectsInvalidOptions()
    {
        QFETCH(char, delimiter);
        QFETCH(int, chunkBytes);
        CsvReadOptions options;
        options.delimiter = delimiter;
        if (chunkBytes < 0)
            options.decimal = chunkBytes == -1 ? ',' : ':';
        else
            options.chunkBytes = static_cast<std::size_t>(chunkBytes);
        auto result = readCsvText("x,y\n1,2\n", options);
        QVERIFY(!result);
        QCOMPARE(result.error().code, CsvErrorCode::InvalidOption);
        // A detected comma delimiter does not take a comma decimal separator either.
        CsvReadOptions comma;
        comma.decimal = ',';
        auto detected = readCsvText("x,y\n1,2\n", comma);
        QVERIFY(!detected);
        QCOMPARE(detected.error().code, CsvErrorCode::InvalidOption);
    }

    // Excel and database exports may end every line with a delimiter: the empty, unnamed column
    // after it is no column (pandas would make it "Unnamed: 2", all NaN, and take it as the target).
    // Read whole and in small chunks on several threads alike.
    void trailingDelimiterMakesNoColumn_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("names"); // features, then the target
        QTest::addColumn<QList<double>>("x");
        QTest::addColumn<QList<double>>("y");
        const QStringList xy{"x", "y"};
        QTest::newRow("comma") << QByteArray("x,y,\n1,2,\n3,4,\n") << xy << QList<double>{1, 3} << QList<double>{2, 4};
        QTest::newRow("CRLF, no final newline") << QByteArray("x,y,\r\n1,2,\r\n3,4,") << xy << QList<double>{1, 3} << QList<double>{2, 4};
        QTest::newRow("spaces after it") << QByteArray("x,y, \n1,2, \n3,4,\t\n") << xy << QList<double>{1, 3} << QList<double>{2, 4};
        QTest::newRow("semicolon, decimal comma") << QByteArray("x;y;\n1,5;2;\n3;4,25;\n") << xy << QList<double>{1.5, 3}
                                                  << QList<double>{2, 4.25};
        QTest::newRow("quoted names") << QByteArray("\"x\",\"y\",\n1,2,\n3,4,\n") << xy << QList<double>{1, 3} << QList<double>{2, 4};
        QTest::newRow("no header") << QByteArray("1,2,\n3,4,\n") << QStringList{"column 1", "column 2"} << QList<double>{1, 3}
                                   << QList<double>{2, 4};
        QTest::newRow("some lines without it") << QByteArray("x,y,\n1,2\n3,4,\n") << xy << QList<double>{1, 3} << QList<double>{2, 4};
        // QA v14 F2: split on the comma before, as "0,5;1,75;" has no number until its empty last field is set aside.
        QTest::newRow("no header, semicolon, decimal comma") << QByteArray("0,5;1,75;\n2,25;3,5;\n4,75;5,5;\n") << QStringList{"column 1", "column 2"}
                                                            << QList<double>{0.5, 2.25, 4.75} << QList<double>{1.75, 3.5, 5.5};
        // QA r14 F5: one line without the final delimiter made ';' split unevenly, and the comma won.
        QTest::newRow("no header, semicolon, one line without it") << QByteArray("0,5;1,75;\n2,25;3,5\n4,75;5,5;\n")
                                                                   << QStringList{"column 1", "column 2"} << QList<double>{0.5, 2.25, 4.75}
                                                                   << QList<double>{1.75, 3.5, 5.5};
        QTest::newRow("no header, tab, decimal comma") << QByteArray("0,5\t1,75\t\n2,25\t3,5\t\n") << QStringList{"column 1", "column 2"}
                                                      << QList<double>{0.5, 2.25} << QList<double>{1.75, 3.5};
        QTest::newRow("three columns") << QByteArray("a,b,y,\n1,2,3,\n4,5,6,\n") << QStringList{"a", "b", "y"} << QList<double>{1, 2, 4, 5}
                                       << QList<double>{3, 6};
    }

    void trailingDelimiterMakesNoColumn()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, names);
        QFETCH(QList<double>, x);
        QFETCH(QList<double>, y);
        for (const std::size_t chunk : {std::size_t(1) << 20, std::size_t(5)}) {
            CsvReadOptions options;
            options.chunkBytes = chunk;
            options.threads = 4;
            auto result = readCsvText(view(text), options);
            QVERIFY2(result, describe(result));
            const CsvData& data = result.value();
            QStringList got = qstrings(data.dataset.featureNames);
            got << QString::fromStdString(data.dataset.targetName);
            QCOMPARE(got, names);
            QCOMPARE(qstrings(data.format.columnNames), names);
            QVERIFY(data.format.trailingDelimiter);
            QVERIFY(sameBits(data.dataset.x, doubles(x)));
            QVERIFY(sameBits(data.dataset.y, doubles(y)));
            QCOMPARE(data.warnings.size(), std::size_t(1));
            QCOMPARE(data.warnings[0].english(), std::string("the lines end with a delimiter; the empty last column is ignored"));
        }
        // The preview, which the Data form's column pickers follow, shows the same columns.
        auto preview = previewCsvText(view(text), 10);
        QVERIFY2(preview, describe(preview));
        QCOMPARE(qstrings(preview.value().format.columnNames), names);
        for (const auto& row : preview.value().rows)
            QCOMPARE(row.size(), static_cast<std::size_t>(names.size()));
        QCOMPARE(preview.value().warnings.size(), std::size_t(1));
    }

    // A last column with no name that holds a value is data: it stays, named as any column with an
    // empty name, even when the value comes long after the first lines, and in any chunk.
    // A value in the nameless last column after the first lines, which left it empty, is refused at
    // its line with the way to keep it (QA v14: it was read, but the preview, the pickers and the
    // names a user gives had been made without it, and the note called it empty). In the serial
    // and the chunked reader alike, whatever is done with missing values.
    void emptyLastColumnWithALateValueIsRefusedAtItsLine()
    {
        QByteArray text = "x,y,\n";
        for (int i = 1; i < 300; ++i)
            text += QByteArray::number(i) + ',' + QByteArray::number(2 * i) + ",\n";
        text += "300,600,7\n";
        for (const std::size_t chunk : {std::size_t(1) << 20, std::size_t(64)}) {
            for (const MissingValues missing : {MissingValues::Reject, MissingValues::DropRow}) {
                CsvReadOptions options;
                options.chunkBytes = chunk;
                options.threads = 4;
                options.missing = missing;
                auto result = readCsvText(view(text), options);
                QVERIFY(!result);
                QCOMPARE(result.error().code, CsvErrorCode::RaggedRow);
                QCOMPARE(result.error().line, 301);
                QCOMPARE(result.error().column, 3);
                QVERIFY2(result.error().message.find("line 301 has a value in column 3") != std::string::npos
                             && result.error().message.find("give that column a name in the header") != std::string::npos,
                         describe(result));
            }
        }
        // Named, the column is read, its empty fields being missing values.
        QByteArray named = text;
        named.replace(0, 5, "x,y,z\n");
        CsvReadOptions drop;
        drop.missing = MissingValues::DropRow;
        auto read = readCsvText(view(named), drop);
        QVERIFY2(read, describe(read));
        QCOMPARE(qstrings(read.value().format.columnNames), (QStringList{"x", "y", "z"}));
        QVERIFY(sameBits(read.value().dataset.y, {7}));
        // A line with a field more than the others is a ragged line, counted with the final delimiter's.
        QByteArray extraText = text;
        extraText.replace("300,600,7\n", "300,600,,\n");
        auto extra = readCsvText(view(extraText));
        QVERIFY(!extra);
        QCOMPARE(extra.error().code, CsvErrorCode::RaggedRow);
        QVERIFY2(extra.error().message.find("line 301 has 4 fields where 3 were expected") != std::string::npos, describe(extra));
        auto named2 = readCsvText("x,y,z\n1,2,\n3,4,\n");
        QVERIFY(!named2);
        QCOMPARE(named2.error().code, CsvErrorCode::MissingValue);
        auto unnamed = readCsvText("x,y\n1,2,\n3,4,\n");
        QVERIFY(!unnamed);
        QCOMPARE(unnamed.error().code, CsvErrorCode::RaggedRow);
    }

    void missingFileIsAnIoErrorNamingIt()
    {
        auto result = readCsvFile("/nonexistent/gradlab/data.csv");
        QVERIFY(!result);
        QCOMPARE(result.error().code, CsvErrorCode::Io);
        QVERIFY2(result.error().message.find("/nonexistent/gradlab/data.csv") != std::string::npos, describe(result));
        auto folder = readCsvFile(GRADLAB_TEST_DATA_DIR);
        QVERIFY(!folder);
        QCOMPARE(folder.error().code, CsvErrorCode::Io);
        QVERIFY2(folder.error().message.find("folder") != std::string::npos, describe(folder));
    }

    // /dev/zero never ends and a pipe with no writer blocks whoever opens it: both are refused at
    // once, said to be what they are (not "empty").
    void pipesAndDevicesAreRefusedAtOnce()
    {
        if (QFileInfo::exists(QStringLiteral("/dev/zero"))) {
            auto zero = gradlab::testing::returnsWithin(std::chrono::seconds(20), "reading /dev/zero", [] { return readCsvFile("/dev/zero"); });
            QVERIFY(!zero);
            QCOMPARE(zero.error().code, CsvErrorCode::Io);
            QVERIFY2(zero.error().message.find("pipe or a device") != std::string::npos, describe(zero));
        }
        QTemporaryDir dir;
        const QByteArray fifo = QFile::encodeName(dir.filePath(QStringLiteral("data.csv")));
        if (::mkfifo(fifo.constData(), 0600) != 0)
            QSKIP("this file system cannot make a named pipe");
        auto pipe = gradlab::testing::returnsWithin(std::chrono::seconds(20), "reading a named pipe", [&] { return readCsvFile(fifo.toStdString()); });
        QVERIFY(!pipe);
        QVERIFY2(pipe.error().message.find("pipe or a device") != std::string::npos, describe(pipe));
    }
};

QTEST_APPLESS_MAIN(TestCsvReader)
#include "tst_csv_reader.moc"

// Messages made below the Qt layers (the CSV reader, the data generator, the closed-form fit)
// reach the user in the user's language, with their line, column and values put in place.
#include "data/dataset.h"
#include "experiment/experiment_config.h"
#include "experiment/experiment_data.h"
#include "experiment/messages.h"
#include "experiment/project.h"
#include "fit/least_squares.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace gradlab;
using namespace gradlab::experiment;

class TestMessages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void badCsvValue_data();
    void badCsvValue();
    void xMinAboveXMax_data();
    void xMinAboveXMax();
    void rankDeficientFit_data();
    void rankDeficientFit();
    void argumentsAreNotReadAsPlaceholders();
    void qtsOwnChineseIsInstalled();

private:
    void useChinese(bool chinese);
    QTranslator chinese_;
    bool installed_ = false;
};

void TestMessages::initTestCase()
{
    // The Chinese the application ships, compiled from translations/gradlab_zh_CN.ts.
    QVERIFY2(chinese_.load(QStringLiteral(GRADLAB_QM_FILE)), GRADLAB_QM_FILE);
}

void TestMessages::useChinese(bool chinese)
{
    if (chinese && !installed_)
        QVERIFY(QCoreApplication::installTranslator(&chinese_));
    else if (!chinese && installed_)
        QVERIFY(QCoreApplication::removeTranslator(&chinese_));
    installed_ = chinese;
}

void TestMessages::badCsvValue_data()
{
    QTest::addColumn<bool>("chinese");
    QTest::addColumn<QString>("expected");
    QTest::newRow("English") << false << QStringLiteral("line 3, column 1 (\"x\"): \"abc\" is not a number");
    QTest::newRow("Chinese") << true << QStringLiteral("第 3 行，第 1 列（\"x\"）：\"abc\" 不是数值");
}

void TestMessages::badCsvValue()
{
    QFETCH(bool, chinese);
    QFETCH(QString, expected);
    useChinese(chinese);
    Project p;
    p.config.dataset.source = DatasetConfig::Source::Csv;
    p.config.dataset.csv.embedded = QStringLiteral("x,y\n1,2\nabc,3\n4,5\n");
    p.config.dataset.csv.features = {QStringLiteral("x")};
    p.config.dataset.csv.target = QStringLiteral("y");
    QString error;
    QVERIFY(!p.loadData(&error));
    QCOMPARE(error, expected);
}

void TestMessages::xMinAboveXMax_data()
{
    QTest::addColumn<bool>("chinese");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("generator");
    QTest::newRow("English") << false << QStringLiteral("x min must be less than x max")
                             << QStringLiteral("xMin must be less than xMax (got 5 and 1.5)");
    QTest::newRow("Chinese") << true << QStringLiteral("x 最小值必须小于 x 最大值")
                             << QStringLiteral("x 最小值必须小于 x 最大值（实际为 5 和 1.5）");
}

void TestMessages::xMinAboveXMax()
{
    QFETCH(bool, chinese);
    QFETCH(QString, problem);
    QFETCH(QString, generator);
    useChinese(chinese);
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.dataset.generator.xMin = 5.0;
    c.dataset.generator.xMax = 1.5;
    // The form's problem list, in the words of its labels ...
    QCOMPARE(validate(c), QStringList{problem});
    // ... and the generator's own refusal, with the values as the user typed them.
    QString error;
    QVERIFY(!loadExperimentData(c, &error));
    QCOMPARE(error, generator);
}

void TestMessages::rankDeficientFit_data()
{
    QTest::addColumn<bool>("chinese");
    QTest::addColumn<QString>("expected");
    QTest::newRow("English") << false
                             << QStringLiteral("the design matrix is rank-deficient (rank 2 of 3 columns): 'x1 copy' is a "
                                               "linear combination of 'x1'. The coefficients given are the minimum-norm "
                                               "solution, one of many that fit equally well");
    QTest::newRow("Chinese") << true
                             << QStringLiteral("设计矩阵秩亏（秩为 2，共 3 列）：'x1 copy' 是 'x1' 的线性组合。给出的系数"
                                               "是最小范数解，是同样拟合得好的众多解之一");
}

void TestMessages::rankDeficientFit()
{
    QFETCH(bool, chinese);
    QFETCH(QString, expected);
    useChinese(chinese);
    data::Dataset d;
    d.featureNames = {"x1", "x1 copy"};
    d.targetName = std::string(1, 'y'); // not = "y": GCC 12's false -Wrestrict
    for (double x : {1.0, 2.0, 3.0, 4.0, 5.0}) {
        d.x.insert(d.x.end(), {x, x});
        d.y.push_back(1.0 + 2.0 * x + (x == 3.0 ? 0.1 : -0.05));
    }
    const fit::FitResult f = fit::fitLeastSquares(fit::view(d));
    QVERIFY(f.rankDeficient());
    QCOMPARE(f.warnings.size(), std::size_t(1));
    QCOMPARE(translated(f.warnings.front()), expected);
}

// A value that holds "%1" is shown as it is, not filled in with the next argument.
void TestMessages::argumentsAreNotReadAsPlaceholders()
{
    useChinese(false);
    const data::Message m = data::dataMessage(QT_TRANSLATE_NOOP("gradlab::data", "column %1 has %2 values where %3 has %4"),
                                              {data::Message::arg("%2"), data::Message::arg(3), data::Message::arg("b"),
                                               data::Message::arg(4)});
    QCOMPARE(translated(m), QStringLiteral("column %2 has 3 values where b has 4"));
    QCOMPARE(m.english(), std::string("column %2 has 3 values where b has 4"));
}

// The dialog buttons (Save, Discard, Cancel, OK) and the file dialog come from Qt's own
// translations, loaded as app/main.cpp does; .ci/install-deps installs them
// (qt6-translations-l10n).
void TestMessages::qtsOwnChineseIsInstalled()
{
    QTranslator qt;
    QVERIFY2(qt.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
             qPrintable(QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    QCOMPARE(qt.translate("QPlatformTheme", "Save"), QStringLiteral("保存"));
    QCOMPARE(qt.translate("QPlatformTheme", "Discard"), QStringLiteral("丢弃"));
    QCOMPARE(qt.translate("QFileDialog", "Look in:"), QStringLiteral("查找范围："));
}

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"

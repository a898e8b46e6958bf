// The Data form: each user change is one edited() carrying the whole configuration; a CSV file is
// previewed with its columns picked; unreadable files are reported beside the form and change
// nothing; setConfig is silent; dropped files open.
#include "widgets/data_form.h"

#include "tab_leaves.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QStackedWidget>
#include <QTest>
#include <QUrl>
#include <QDir>
#include <QPushButton>
#include <QWheelEvent>

Q_DECLARE_METATYPE(gradlab::experiment::ExperimentConfig)

using namespace gradlab::experiment;
using gradlab::widgets::DataForm;

namespace {

const QString kTutorialCsv = QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv");

QByteArray json(const ExperimentConfig& c) { return QJsonDocument(toJson(c)).toJson(QJsonDocument::Compact); }

// The file's data lines split at commas, read independently of the CSV reader.
QList<QStringList> fileRows(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot open %s", qPrintable(path));
    QList<QStringList> rows;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.isEmpty())
            rows << line.split(QLatin1Char(','));
    }
    return rows;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Types a value into a spin box and presses Enter, as a user does.
template <typename Spin>
void typeInto(Spin* spin, const QString& text)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

void selectData(QComboBox* combo, const QVariant& data)
{
    const int i = combo->findData(data);
    QVERIFY(i >= 0);
    combo->setCurrentIndex(i);
}

ExperimentConfig editedConfig(const QSignalSpy& spy, int i = 0) { return spy.at(i).at(0).value<ExperimentConfig>(); }

} // namespace

class TestDataForm : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<ExperimentConfig>(); }

    void typingSlopeEmitsOneEdit()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.show();
        QSignalSpy spy(&form, &DataForm::edited);
        auto* b = form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.generator.b"));
        QVERIFY(b);
        typeInto(b, QStringLiteral("3.5"));
        QCOMPARE(spy.count(), 1); // keyboard tracking off: the keystrokes are not edits of their own
        const ExperimentConfig after = editedConfig(spy);
        QCOMPARE(after.dataset.generator.b, 3.5);
        QCOMPARE(after.dataset.generator.a, 1.0);
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("dataset.generator.b"));
        QVERIFY(!spy.at(0).at(2).toString().isEmpty());
        QCOMPARE(json(form.config()), json(after));

        QTest::keyClick(b, Qt::Key_Up); // one step, one edit
        QCOMPARE(spy.count(), 2);
        QCOMPARE(editedConfig(spy, 1).dataset.generator.b, 3.6);
    }

    void otherGeneratorAndSplitFields()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.show();
        QSignalSpy spy(&form, &DataForm::edited);
        typeInto(form.findChild<QSpinBox*>(QStringLiteral("dataset.generator.n")), QStringLiteral("250"));
        typeInto(form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.generator.noise")), QStringLiteral("0.5"));
        typeInto(form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.generator.seed")), QStringLiteral("4000000000"));
        typeInto(form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.split.train_fraction")), QStringLiteral("0.7"));
        form.findChild<QCheckBox*>(QStringLiteral("dataset.split.shuffle"))->click();
        QCOMPARE(spy.count(), 5);
        const ExperimentConfig c = form.config();
        QCOMPARE(c.dataset.generator.n, qint64(250));
        QCOMPARE(c.dataset.generator.noise, 0.5);
        QCOMPARE(c.dataset.generator.seed, 4000000000u); // beyond INT_MAX: a seed is a quint32
        QCOMPARE(c.dataset.split.trainFraction, 0.7);
        QCOMPARE(c.dataset.split.shuffle, false);
        QCOMPARE(spy.at(3).at(1).toString(), QStringLiteral("dataset.split.train_fraction"));
        QCOMPARE(spy.at(4).at(1).toString(), QStringLiteral("dataset.split.shuffle"));
    }

    // The tutorial seeds once (np.random.seed before drawing and shuffling): a data seed changed
    // alone must not leave the split on the old stream while the two seeds were the same.
    void splitSeedFollowsDataSeedWhileEqual()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.show();
        QSignalSpy spy(&form, &DataForm::edited);
        auto* dataSeed = form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.generator.seed"));
        auto* splitSeed = form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.split.seed"));
        typeInto(dataSeed, QStringLiteral("7"));
        QCOMPARE(spy.count(), 1); // one edit, one undo step
        QCOMPARE(editedConfig(spy).dataset.generator.seed, 7u);
        QCOMPARE(editedConfig(spy).dataset.split.seed, 7u);
        QCOMPARE(splitSeed->value(), 7.0);

        typeInto(splitSeed, QStringLiteral("9")); // chosen apart: stays apart
        typeInto(dataSeed, QStringLiteral("8"));
        QCOMPARE(spy.count(), 3);
        QCOMPARE(form.config().dataset.generator.seed, 8u);
        QCOMPARE(form.config().dataset.split.seed, 9u);
        QCOMPARE(splitSeed->value(), 9.0);
    }

    void severalFeaturesTakeWeights()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.show();
        QSignalSpy spy(&form, &DataForm::edited);
        auto* weights = form.findChild<QLineEdit*>(QStringLiteral("dataset.generator.weights"));
        QVERIFY(!weights->isVisible());
        typeInto(form.findChild<QSpinBox*>(QStringLiteral("dataset.generator.features")), QStringLiteral("3"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(form.config().dataset.generator.features, 3);
        QCOMPARE(form.config().dataset.generator.weights.size(), std::size_t(3)); // validate() asks for one per feature
        QVERIFY(validate(form.config()).isEmpty());
        QVERIFY(weights->isVisible());

        weights->setFocus();
        weights->selectAll();
        QTest::keyClicks(weights, QStringLiteral("1, 2, x"));
        QTest::keyClick(weights, Qt::Key_Return);
        QCOMPARE(spy.count(), 1); // not a number: a message, no edit
        auto* error = form.findChild<QLabel*>(QStringLiteral("weightsError"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QLatin1String("x")));

        weights->selectAll();
        QTest::keyClicks(weights, QStringLiteral("1, 2"));
        QTest::keyClick(weights, Qt::Key_Return);
        QCOMPARE(spy.count(), 1); // two weights for three features
        QVERIFY(error->isVisible());

        weights->selectAll();
        QTest::keyClicks(weights, QStringLiteral("1, -2.5, 3e-1"));
        QTest::keyClick(weights, Qt::Key_Return);
        QCOMPARE(spy.count(), 2);
        QVERIFY(!error->isVisible());
        QCOMPARE(form.config().dataset.generator.weights, (std::vector<double>{1.0, -2.5, 0.3}));
        QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("dataset.generator.weights"));
    }

    void openingTutorialCsvPreviewsAndPicksColumns()
    {
        DataForm form;
        ExperimentConfig start = ExperimentConfig::tutorial();
        start.dataset.split.trainFraction = 0.6;
        form.setConfig(start, {});
        QSignalSpy spy(&form, &DataForm::edited);
        form.openCsv(kTutorialCsv);
        QCOMPARE(spy.count(), 1);
        const ExperimentConfig c = editedConfig(spy);
        QCOMPARE(c.dataset.source, DatasetConfig::Source::Csv);
        QCOMPARE(c.dataset.csv.path, kTutorialCsv);
        QCOMPARE(c.dataset.csv.features, QStringList{QStringLiteral("x")});
        QCOMPARE(c.dataset.csv.target, QStringLiteral("y"));
        QCOMPARE(c.dataset.split.trainFraction, 0.6); // the rest of the configuration is kept
        QVERIFY(validate(c).isEmpty());
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("dataset.csv.path"));

        QCOMPARE(form.findChild<QComboBox*>(QStringLiteral("dataset.source"))->currentIndex(), 1);
        QCOMPARE(form.findChild<QStackedWidget*>(QStringLiteral("pages"))->currentIndex(), 1);
        auto* table = form.findChild<QTableWidget*>(QStringLiteral("preview"));
        const QList<QStringList> rows = fileRows(kTutorialCsv);
        QCOMPARE(table->rowCount(), 20);
        QCOMPARE(table->columnCount(), 2);
        QCOMPARE(table->horizontalHeaderItem(0)->text(), rows[0][0]);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), rows[0][1]);
        QCOMPARE(table->item(0, 0)->text(), rows[1][0]);
        QCOMPARE(table->item(19, 1)->text(), rows[20][1]);
        QCOMPARE(form.findChild<QLineEdit*>(QStringLiteral("dataset.csv.path"))->text(), kTutorialCsv);
        QVERIFY(!form.findChild<QLabel*>(QStringLiteral("readerError"))->isVisible());

        auto* rowsLabel = form.findChild<QLabel*>(QStringLiteral("rows"));
        QCOMPARE(rowsLabel->text(), QStringLiteral("counted when loaded")); // 100 rows, more than the preview
        form.setLoadedRows(100, {});
        QVERIFY(rowsLabel->text().contains(QLatin1String("100")));
        QCOMPARE(spy.count(), 1);
    }

    void newFileClearsRecordedHash()
    {
        DataForm form;
        ExperimentConfig start = ExperimentConfig::tutorial();
        start.dataset.source = DatasetConfig::Source::Csv;
        start.dataset.csv.path = QStringLiteral("old.csv");
        start.dataset.csv.sha256 = QStringLiteral("abc");
        start.dataset.csv.rows = 7;
        start.dataset.csv.embedded = QStringLiteral("a,b\n1,2\n");
        start.dataset.csv.delimiter = QStringLiteral(";");
        form.setConfig(start, {});
        QSignalSpy spy(&form, &DataForm::edited);
        form.openCsv(kTutorialCsv);
        QCOMPARE(spy.count(), 1);
        const CsvConfig csv = form.config().dataset.csv;
        QVERIFY(csv.sha256.isEmpty());
        QCOMPARE(csv.rows, 0);
        QVERIFY(csv.embedded.isEmpty());
        QVERIFY(csv.delimiter.isEmpty()); // detected for the new file
    }

    void unreadableFileIsReportedAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("name");
        QTest::newRow("ragged") << QByteArray("x,y\n1,2\n3\n4,5\n") << QStringLiteral("ragged.csv");
        QTest::newRow("binary") << QByteArray("x,y\n1,2\n\0\x01\x02\x03", 12) << QStringLiteral("binary.csv");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty.csv");
        QTest::newRow("one column") << QByteArray("x\n1\n2\n") << QStringLiteral("single.csv");
        QTest::newRow("missing file") << QByteArray() << QString();
    }

    void unreadableFileIsReportedAndChangesNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = name.isEmpty() ? dir.filePath(QStringLiteral("no such file.csv")) : writeFile(dir, name, bytes);

        DataForm form;
        form.show();
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.openCsv(kTutorialCsv);
        form.setLoadedRows(100, {});
        QCOMPARE(form.runBlockers(), QStringList());
        const QByteArray before = json(form.config());
        QSignalSpy spy(&form, &DataForm::edited);
        form.openCsv(path);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(json(form.config()), before);
        auto* error = form.findChild<QLabel*>(QStringLiteral("readerError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QFileInfo(path).fileName()), qPrintable(error->text()));
        // Nothing on screen describes the previous file any more: no preview, columns or row count.
        auto* table = form.findChild<QTableWidget*>(QStringLiteral("preview"));
        QCOMPARE(table->rowCount(), 0);
        QCOMPARE(table->columnCount(), 0);
        QCOMPARE(form.findChild<QListWidget*>(QStringLiteral("dataset.csv.features"))->count(), 0);
        auto* rows = form.findChild<QLabel*>(QStringLiteral("rows"));
        QVERIFY2(!rows->text().contains(QLatin1String("100")) && rows->text().contains(QLatin1String("cannot be read")),
                 qPrintable(rows->text()));
        QCOMPARE(form.findChild<QLineEdit*>(QStringLiteral("dataset.csv.path"))->text(), path);
        // The run must not start on the previous file: the form says why.
        QStringList blockers = form.runBlockers();
        QCOMPARE(blockers.size(), 1);
        QVERIFY2(blockers[0].contains(QDir::toNativeSeparators(path)) && blockers[0].contains(error->text()),
                 qPrintable(blockers[0]));
        QCOMPARE(blockers[0].count(QDir::toNativeSeparators(path)), 1); // QA zh 14: it was named twice
        // An edit elsewhere hands the same configuration back: the choice and its message stay.
        form.setConfig(form.config(), {});
        QCOMPARE(form.runBlockers(), blockers);
        QVERIFY(error->isVisible());
        QCOMPARE(table->rowCount(), 0);
        QCOMPARE(form.findChild<QLineEdit*>(QStringLiteral("dataset.csv.path"))->text(), path);

        form.openCsv(kTutorialCsv); // a good file clears the message
        QVERIFY(!error->isVisible());
        QCOMPARE(form.runBlockers(), QStringList());
        QCOMPARE(table->rowCount(), 20);
    }

    void typedUnreadablePathBlocksRun()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("nope/missing.csv"));
        DataForm form;
        form.show();
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.openCsv(kTutorialCsv);
        QSignalSpy spy(&form, &DataForm::edited);
        auto* path = form.findChild<QLineEdit*>(QStringLiteral("dataset.csv.path"));
        path->setFocus();
        path->selectAll();
        QTest::keyClicks(path, missing);
        QTest::keyClick(path, Qt::Key_Return);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(form.config().dataset.csv.path, kTutorialCsv);
        QCOMPARE(form.findChild<QTableWidget*>(QStringLiteral("preview"))->rowCount(), 0);
        QCOMPARE(form.runBlockers().size(), 1);
        QVERIFY(form.runBlockers()[0].contains(QDir::toNativeSeparators(missing)));

        // Another project (or an undo to other data) replaces the choice.
        form.setConfig(ExperimentConfig::tutorial(), {});
        QCOMPARE(form.runBlockers(), QStringList());
    }

    void unreadableFileWhileGeneratingShowsTheCsvPage()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.show();
        QSignalSpy spy(&form, &DataForm::edited);
        form.openCsv(QStringLiteral("/nonexistent/dropped.csv"));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(form.config().dataset.source, DatasetConfig::Source::Generated);
        // The form shows what the user chose, with why it cannot be used, and a run is blocked.
        QCOMPARE(form.findChild<QComboBox*>(QStringLiteral("dataset.source"))->currentIndex(), 1);
        QVERIFY(form.findChild<QLabel*>(QStringLiteral("readerError"))->isVisible());
        QCOMPARE(form.runBlockers().size(), 1);
        QVERIFY(form.runBlockers()[0].contains(QStringLiteral("dropped.csv")));
        // Back to Generate: the generated data is what runs, and nothing changed to undo.
        form.findChild<QComboBox*>(QStringLiteral("dataset.source"))->setCurrentIndex(0);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(form.runBlockers(), QStringList());
        QCOMPARE(form.findChild<QStackedWidget*>(QStringLiteral("pages"))->currentIndex(), 0);
    }

    void refusedWeightsBlockRun()
    {
        DataForm form;
        ExperimentConfig c = ExperimentConfig::tutorial();
        c.model.type = ModelConfig::Type::Linear;
        c.dataset.generator.features = 2;
        c.dataset.generator.weights = {1.0, 2.0};
        form.setConfig(c, {});
        form.show();
        auto* weights = form.findChild<QLineEdit*>(QStringLiteral("dataset.generator.weights"));
        weights->setFocus();
        weights->selectAll();
        QTest::keyClicks(weights, QStringLiteral("1, two"));
        QTest::keyClick(weights, Qt::Key_Return);
        QCOMPARE(form.config().dataset.generator.weights, (std::vector<double>{1.0, 2.0}));
        QCOMPARE(form.runBlockers().size(), 1);
        QVERIFY2(form.runBlockers()[0].contains(QStringLiteral("“1, two”")), qPrintable(form.runBlockers()[0]));
        weights->selectAll();
        QTest::keyClicks(weights, QStringLiteral("1, 3"));
        QTest::keyClick(weights, Qt::Key_Return);
        QCOMPARE(form.runBlockers(), QStringList());
    }

    void freshFileTicksNumericColumnsTheModelCanRead()
    {
        QTemporaryDir dir;
        // As text.csv in the QA report: "label" holds text, "foo" makes x text too in the second file.
        const QString text = writeFile(dir, QStringLiteral("text.csv"), "x,y,label\n0.1,1.2,a\n0.2,1.4,b\n0.3,,c\n");
        const QString allText = writeFile(dir, QStringLiteral("all.csv"), "x,y,label\n0.1,1.2,a\nfoo,1.4,b\n");
        QByteArray wideBytes;
        for (int r = 0; r < 3; ++r) {
            QStringList fields;
            for (int i = 0; i < 10; ++i)
                fields << (r == 0 ? QStringLiteral("c%1").arg(i) : QString::number(r * 10 + i));
            wideBytes += fields.join(QLatin1Char(',')).toUtf8() + '\n';
        }
        const QString wide = writeFile(dir, QStringLiteral("wide.csv"), wideBytes);

        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {}); // the a + b·x model: one feature
        auto* list = form.findChild<QListWidget*>(QStringLiteral("dataset.csv.features"));
        form.openCsv(text);
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("y"));
        QCOMPARE(form.config().dataset.csv.features, QStringList{QStringLiteral("x")});
        QCOMPARE(list->item(2)->checkState(), Qt::Unchecked);
        QVERIFY(list->item(2)->text().contains(QStringLiteral("label")));
        // The target is readable (enabled), named as such, and has no box to tick.
        QVERIFY(list->item(1)->flags() & Qt::ItemIsEnabled);
        QVERIFY(!(list->item(1)->flags() & Qt::ItemIsUserCheckable));
        QCOMPARE(list->item(1)->text(), QStringLiteral("y (target)"));

        form.openCsv(allText);
        QVERIFY(form.config().dataset.csv.features.isEmpty()); // no numeric column to tick

        form.openCsv(wide);
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("c9"));
        QCOMPARE(form.config().dataset.csv.features, QStringList{QStringLiteral("c0")});
        QVERIFY(validate(form.config()).isEmpty());

        // A model that reads any number of features gets every numeric column.
        ExperimentConfig linear = ExperimentConfig::tutorial();
        linear.model.type = ModelConfig::Type::Linear;
        form.setConfig(linear, {});
        form.openCsv(wide);
        QCOMPARE(form.config().dataset.csv.features.size(), 9);
        QVERIFY(!form.config().dataset.csv.features.contains(QStringLiteral("c9")));
    }

    void selectAllAndNoneAreOneEditEach()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("cols.csv"), "u,label,v,w,t\n1,a,2,3,4\n5,b,6,7,8\n");
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.openCsv(path);
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("t"));
        QSignalSpy spy(&form, &DataForm::edited);
        form.findChild<QPushButton*>(QStringLiteral("selectAllFeatures"))->click();
        QCOMPARE(spy.count(), 1);
        // Every numeric column but the target; the text column stays out.
        QCOMPARE(form.config().dataset.csv.features, (QStringList{QStringLiteral("u"), QStringLiteral("v"), QStringLiteral("w")}));
        auto* list = form.findChild<QListWidget*>(QStringLiteral("dataset.csv.features"));
        QCOMPARE(list->item(3)->checkState(), Qt::Checked);
        QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
        form.findChild<QPushButton*>(QStringLiteral("selectNoFeatures"))->click();
        QCOMPARE(spy.count(), 2);
        QVERIFY(form.config().dataset.csv.features.isEmpty());
        QCOMPARE(list->item(0)->checkState(), Qt::Unchecked);
        form.findChild<QPushButton*>(QStringLiteral("selectNoFeatures"))->click(); // nothing to change
        QCOMPARE(spy.count(), 2);
    }

    // No keyboard trap: Tab goes on from the CSV preview and the feature list to the fields after them.
    void tabLeavesThePreviewAndTheFeatureList()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("cols.csv"), "u,v,w,t\n1,2,3,4\n5,6,7,8\n9,10,11,12\n");
        for (const char* name : {"preview", "dataset.csv.features"}) {
            QWidget window;
            auto* form = new DataForm;
            form->setConfig(ExperimentConfig::tutorial(), {});
            form->openCsv(path);
            gradlab::testing::verifyTabLeaves(window, form, form->findChild<QAbstractItemView*>(QLatin1String(name)));
            if (QTest::currentTestFailed())
                return;
        }
    }

    // A project's one-feature weight replaces b in the generator; typing a slope takes its place.
    void typedSlopeReplacesAOneFeatureWeight()
    {
        DataForm form;
        ExperimentConfig c = ExperimentConfig::tutorial();
        c.dataset.generator.weights = {5.0};
        form.setConfig(c, {});
        form.show();
        auto* b = form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.generator.b"));
        QVERIFY(b);
        typeInto(b, QStringLiteral("3"));
        QCOMPARE(form.config().dataset.generator.b, 3.0);
        QVERIFY(form.config().dataset.generator.weights.empty());
    }

    void outOfRangeTypedValuesSayWhy()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.show();
        QSignalSpy spy(&form, &DataForm::edited);
        auto* fraction = form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.split.train_fraction"));
        QVERIFY(fraction->toolTip().contains(QStringLiteral("0.99")));
        typeInto(fraction, QStringLiteral("1"));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(form.config().dataset.split.trainFraction, 0.8);
        auto* splitError = form.findChild<QLabel*>(QStringLiteral("splitError"));
        QVERIFY(splitError->isVisible());
        QVERIFY2(splitError->text().contains(QStringLiteral("0.01")) && splitError->text().contains(QStringLiteral("0.99")),
                 qPrintable(splitError->text()));
        typeInto(fraction, QStringLiteral("0.7"));
        QCOMPARE(spy.count(), 1);
        QVERIFY(!splitError->isVisible());

        // n: a split needs two rows, so 1 is refused with the reason.
        auto* n = form.findChild<QSpinBox*>(QStringLiteral("dataset.generator.n"));
        QCOMPARE(n->minimum(), 2);
        typeInto(n, QStringLiteral("1"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(form.config().dataset.generator.n, qint64(100));
        auto* nError = form.findChild<QLabel*>(QStringLiteral("nError"));
        QVERIFY(nError->isVisible());
        QVERIFY(nError->text().contains(QStringLiteral("at least 2")));
        // Every other field stays in view while the message shows.
        auto* features = form.findChild<QSpinBox*>(QStringLiteral("dataset.generator.features"));
        QVERIFY(features->isVisible());
        QTest::qWait(20);
        auto* seed = form.findChild<QWidget*>(QStringLiteral("dataset.generator.seed"));
        QVERIFY2(features->height() == features->sizeHint().height() && seed->geometry().top() >= features->geometry().bottom(),
                 qPrintable(QStringLiteral("features %1 px high, its bottom at %2, the seed's top at %3")
                                .arg(features->height())
                                .arg(features->geometry().bottom())
                                .arg(seed->geometry().top())));
        typeInto(n, QStringLiteral("2"));
        QCOMPARE(form.config().dataset.generator.n, qint64(2));
        QVERIFY(!nError->isVisible());
    }

    void wheelOverUnfocusedFieldsScrollsInstead()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.show();
        form.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&form));
        QSignalSpy spy(&form, &DataForm::edited);
        const QByteArray before = json(form.config());
        const auto wheelDown = [](QWidget* target) {
            QWheelEvent wheel(QPointF(5, 5), target->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(target, &wheel);
            return wheel.isAccepted();
        };
        auto* source = form.findChild<QComboBox*>(QStringLiteral("dataset.source"));
        auto* n = form.findChild<QSpinBox*>(QStringLiteral("dataset.generator.n"));
        auto* fraction = form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.split.train_fraction"));
        form.findChild<QCheckBox*>(QStringLiteral("dataset.split.shuffle"))->setFocus(); // the user is elsewhere
        for (QWidget* w : std::initializer_list<QWidget*>{source, n, fraction}) {
            QCOMPARE(w->focusPolicy(), Qt::StrongFocus);
            QVERIFY(!w->hasFocus());
            QVERIFY(!wheelDown(w)); // ignored: the scroll area around the form scrolls
        }
        QCOMPARE(spy.count(), 0);
        QCOMPARE(json(form.config()), before);

        n->setFocus();
        QVERIFY(n->hasFocus());
        wheelDown(n);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(form.config().dataset.generator.n, qint64(99));
    }

    void fileFieldShowsItsWholePlaceholder()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.findChild<QComboBox*>(QStringLiteral("dataset.source"))->setCurrentIndex(1);
        form.resize(form.minimumSizeHint());
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        auto* path = form.findChild<QLineEdit*>(QStringLiteral("dataset.csv.path"));
        QVERIFY(path->width() > path->fontMetrics().horizontalAdvance(path->placeholderText()));
        // The reader's message appears under the field: the field does not move.
        const QPoint before = path->mapTo(&form, QPoint(0, 0));
        form.openCsv(QStringLiteral("/nonexistent/missing.csv"));
        QApplication::processEvents();
        QVERIFY(form.findChild<QLabel*>(QStringLiteral("readerError"))->isVisible());
        QCOMPARE(path->mapTo(&form, QPoint(0, 0)), before);
    }

    void delimiterOverrideRereadsPreview()
    {
        QTemporaryDir dir;
        // Two fields per line whether split at ',' or at ';'.
        const QString path = writeFile(dir, QStringLiteral("two.csv"), "a,b;c\n1,2;3\n4,5;6\n");
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.openCsv(path);
        auto* delimiter = form.findChild<QComboBox*>(QStringLiteral("dataset.csv.delimiter"));
        auto* table = form.findChild<QTableWidget*>(QStringLiteral("preview"));
        QSignalSpy spy(&form, &DataForm::edited);

        selectData(delimiter, QStringLiteral(";"));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(form.config().dataset.csv.delimiter, QStringLiteral(";"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("dataset.csv.delimiter"));
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("a,b"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("4,5"));
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("c"));
        // "a,b" holds "1,2" and "4,5": split at ';', they read as decimal commas, so it is ticked.
        QCOMPARE(form.config().dataset.csv.features, QStringList{QStringLiteral("a,b")});

        selectData(delimiter, QStringLiteral(","));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(form.config().dataset.csv.delimiter, QStringLiteral(","));
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("b;c"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("4"));
        // Picks the new layout lacks give way to defaults: "b;c" holds text, so "a" is the target
        // and no column is left to tick.
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("a"));
        QVERIFY(form.config().dataset.csv.features.isEmpty());
    }

    void decimalSeparatorOverrideRereadsPreview()
    {
        QTemporaryDir dir;
        // A European export: semicolons and decimal commas, detected.
        const QString path = writeFile(dir, QStringLiteral("euro.csv"), "h;w;t\n5,488135;1;7,15\n6,5;2;8\n");
        DataForm form;
        ExperimentConfig linear = ExperimentConfig::tutorial();
        linear.model.type = ModelConfig::Type::Linear;
        form.setConfig(linear, {});
        form.openCsv(path);
        auto* decimal = form.findChild<QComboBox*>(QStringLiteral("dataset.csv.decimal"));
        QVERIFY(decimal);
        auto* features = form.findChild<QListWidget*>(QStringLiteral("dataset.csv.features"));
        QCOMPARE(form.config().dataset.csv.decimal, CsvConfig::Decimal::Auto);
        QCOMPARE(decimal->currentText(), QStringLiteral("Automatic: comma"));
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("t"));
        QCOMPARE(form.config().dataset.csv.features, (QStringList{QStringLiteral("h"), QStringLiteral("w")}));
        QCOMPARE(features->item(0)->text(), QStringLiteral("h"));

        QSignalSpy spy(&form, &DataForm::edited);
        selectData(decimal, static_cast<int>(CsvConfig::Decimal::Point));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("dataset.csv.decimal"));
        QCOMPARE(form.config().dataset.csv.decimal, CsvConfig::Decimal::Point);
        QCOMPARE(features->item(0)->text(), QStringLiteral("h (text)")); // "5,488135" is text with a point

        selectData(decimal, static_cast<int>(CsvConfig::Decimal::Comma));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(form.config().dataset.csv.decimal, CsvConfig::Decimal::Comma);
        QCOMPARE(features->item(0)->text(), QStringLiteral("h"));

        // A comma that delimits cannot also be the decimal separator: refused, nothing changes.
        const QByteArray before = json(form.config());
        selectData(form.findChild<QComboBox*>(QStringLiteral("dataset.csv.delimiter")), QStringLiteral(","));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(json(form.config()), before);
        QVERIFY(form.findChild<QLabel*>(QStringLiteral("readerError"))->text().contains(QLatin1String("decimal separator")));

        // A new file starts from detection again.
        form.openCsv(kTutorialCsv);
        QCOMPARE(form.config().dataset.csv.decimal, CsvConfig::Decimal::Auto);
        QCOMPARE(decimal->currentText(), QStringLiteral("Automatic: point"));
    }

    void repeatedColumnNamesArePickedOneByOne()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("dup.csv"), "x,x,y\n1,2,3\n2,3,5\n3,5,6\n");
        DataForm form;
        ExperimentConfig linear = ExperimentConfig::tutorial();
        linear.model.type = ModelConfig::Type::Linear;
        form.setConfig(linear, {});
        form.openCsv(path);
        QVERIFY(!form.findChild<QLabel*>(QStringLiteral("readerError"))->isVisible());
        QCOMPARE(form.config().dataset.csv.features, (QStringList{QStringLiteral("x"), QStringLiteral("x.1")}));
        auto* features = form.findChild<QListWidget*>(QStringLiteral("dataset.csv.features"));
        QCOMPARE(features->item(1)->text(), QStringLiteral("x.1"));
        QSignalSpy spy(&form, &DataForm::edited);
        features->item(0)->setCheckState(Qt::Unchecked);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(form.config().dataset.csv.features, QStringList{QStringLiteral("x.1")});
        QCOMPARE(features->item(0)->checkState(), Qt::Unchecked);
        QCOMPARE(features->item(1)->checkState(), Qt::Checked);
        // The form says which column was renamed.
        const QString renamed = QStringLiteral("column 2 (\"x\") as \"x.1\"");
        const QLabel* told = nullptr;
        for (const QLabel* label : form.findChildren<QLabel*>())
            if (label->text().contains(renamed))
                told = label;
        QVERIFY(told);
        // Loading the data reports it again: the form says it once.
        const QString warning = told->text();
        form.setLoadedRows(4, {warning});
        QCOMPARE(told->text().count(renamed), 1);
    }

    // An Excel export whose lines end with a comma: the empty column after it is neither offered
    // nor picked as the target, and the form says why it is not there.
    void trailingDelimitersMakeNoColumn()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("excel.csv"), "x,y,\r\n1,2,\r\n2,4.1,\r\n3,5.9,\r\n");
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.openCsv(path);
        QVERIFY(!form.findChild<QLabel*>(QStringLiteral("readerError"))->isVisible());
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("y"));
        QCOMPARE(form.config().dataset.csv.features, QStringList{QStringLiteral("x")});
        QCOMPARE(form.findChild<QListWidget*>(QStringLiteral("dataset.csv.features"))->count(), 2);
        QCOMPARE(form.findChild<QComboBox*>(QStringLiteral("dataset.csv.target"))->count(), 2);
        const QString note = QStringLiteral("the lines end with a delimiter; the empty last column is ignored");
        const QLabel* told = nullptr;
        for (const QLabel* label : form.findChildren<QLabel*>())
            if (label->text().contains(note))
                told = label;
        QVERIFY(told);
        QVERIFY(validate(form.config()).isEmpty());
    }

    // A quoted header with a newline names its column on one line in the pickers and the preview;
    // picking it keeps the name as read.
    void namesWithLineBreaksAreShownOnOneLine()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("q.csv"), "\"x\ny\",\"t\tz\"\n1,2\n2,4.1\n3,5.9\n");
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.openCsv(path);
        QCOMPARE(form.config().dataset.csv.features, QStringList{QStringLiteral("x\ny")});
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("t\tz"));
        auto* features = form.findChild<QListWidget*>(QStringLiteral("dataset.csv.features"));
        QCOMPARE(features->item(0)->text(), QStringLiteral("x\\ny"));
        QCOMPARE(features->item(1)->text(), QStringLiteral("t\\tz (target)"));
        auto* target = form.findChild<QComboBox*>(QStringLiteral("dataset.csv.target"));
        QCOMPARE(target->currentText(), QStringLiteral("t\\tz"));
        QCOMPARE(target->itemText(0), QStringLiteral("x\\ny"));
        auto* preview = form.findChild<QTableWidget*>(QStringLiteral("preview"));
        QCOMPARE(preview->horizontalHeaderItem(0)->text(), QStringLiteral("x\\ny"));
        QCOMPARE(preview->horizontalHeaderItem(1)->text(), QStringLiteral("t\\tz"));
        QSignalSpy spy(&form, &DataForm::edited);
        target->setCurrentIndex(0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("x\ny"));
        QCOMPARE(target->currentText(), QStringLiteral("x\\ny"));
    }

    void overrideThatBreaksTheFileIsRefused()
    {
        DataForm form;
        form.show();
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.openCsv(kTutorialCsv);
        const QByteArray before = json(form.config());
        QSignalSpy spy(&form, &DataForm::edited);
        auto* delimiter = form.findChild<QComboBox*>(QStringLiteral("dataset.csv.delimiter"));
        selectData(delimiter, QStringLiteral(";")); // one column: no data set
        QCOMPARE(spy.count(), 0);
        QCOMPARE(json(form.config()), before);
        QCOMPARE(delimiter->currentData().toString(), QString()); // back to Detect, as configured
        QVERIFY(form.findChild<QLabel*>(QStringLiteral("readerError"))->isVisible());
    }

    void headerOverrideNamesColumns()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.openCsv(kTutorialCsv);
        QSignalSpy spy(&form, &DataForm::edited);
        selectData(form.findChild<QComboBox*>(QStringLiteral("dataset.csv.header")), QStringLiteral("no"));
        QCOMPARE(spy.count(), 1);
        const CsvConfig csv = form.config().dataset.csv;
        QCOMPARE(csv.header, std::optional<bool>(false));
        auto* table = form.findChild<QTableWidget*>(QStringLiteral("preview"));
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("x")); // the header line is now data
        QCOMPARE(csv.target, QStringLiteral("column 2"));
        // "x" and "y" are now data: text the reader refuses, so no column is ticked.
        QVERIFY(csv.features.isEmpty());
    }

    void pickingColumns()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("three.csv"), "name,u,v,w\nr1,1,2,3\nr2,4,5,6\n");
        DataForm form;
        ExperimentConfig linear = ExperimentConfig::tutorial();
        linear.model.type = ModelConfig::Type::Linear; // reads several features
        form.setConfig(linear, {});
        form.openCsv(path);
        // The text column is neither target nor feature; the last numeric column is the target.
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("w"));
        QCOMPARE(form.config().dataset.csv.features, (QStringList{QStringLiteral("u"), QStringLiteral("v")}));

        QSignalSpy spy(&form, &DataForm::edited);
        auto* features = form.findChild<QListWidget*>(QStringLiteral("dataset.csv.features"));
        features->item(1)->setCheckState(Qt::Unchecked); // u
        QCOMPARE(spy.count(), 1);
        QCOMPARE(form.config().dataset.csv.features, QStringList{QStringLiteral("v")});
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("dataset.csv.features"));

        auto* target = form.findChild<QComboBox*>(QStringLiteral("dataset.csv.target"));
        target->setCurrentIndex(target->findText(QStringLiteral("v")));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(form.config().dataset.csv.target, QStringLiteral("v"));
        QVERIFY(form.config().dataset.csv.features.isEmpty()); // v cannot predict itself
        QVERIFY(!(features->item(2)->flags() & Qt::ItemIsUserCheckable)); // the target: nothing to tick

        selectData(form.findChild<QComboBox*>(QStringLiteral("dataset.csv.missing")), static_cast<int>(CsvConfig::Missing::Drop));
        QCOMPARE(spy.count(), 3);
        QCOMPARE(form.config().dataset.csv.missing, CsvConfig::Missing::Drop);
    }

    void setConfigEmitsNothing()
    {
        ExperimentConfig c = ExperimentConfig::tutorial();
        c.dataset.generator.b = 2.5;
        c.dataset.split.seed = 7;
        c.dataset.source = DatasetConfig::Source::Csv;
        c.dataset.csv.path = QStringLiteral("tutorial_dataset.csv"); // relative to the project's folder
        c.dataset.csv.features = QStringList{QStringLiteral("x")};
        c.dataset.csv.target = QStringLiteral("y");
        c.dataset.csv.rows = 100;
        DataForm form;
        QSignalSpy spy(&form, &DataForm::edited);
        form.setConfig(c, QStringLiteral(GRADLAB_TEST_DATA_DIR));
        QCOMPARE(spy.count(), 0);
        QCOMPARE(json(form.config()), json(c));
        QCOMPARE(form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.generator.b"))->value(), 2.5);
        QCOMPARE(form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.split.seed"))->value(), 7.0);
        QCOMPARE(form.findChild<QComboBox*>(QStringLiteral("dataset.csv.target"))->currentText(), QStringLiteral("y"));
        auto* table = form.findChild<QTableWidget*>(QStringLiteral("preview"));
        QCOMPARE(table->rowCount(), 20);
        QCOMPARE(table->item(0, 1)->text(), fileRows(kTutorialCsv)[1][1]);
        QVERIFY(form.findChild<QLabel*>(QStringLiteral("rows"))->text().contains(QLatin1String("100")));

        // Back to the generator: still silent.
        form.setConfig(ExperimentConfig::tutorial(), {});
        QCOMPARE(spy.count(), 0);
        QCOMPARE(form.findChild<QStackedWidget*>(QStringLiteral("pages"))->currentIndex(), 0);
    }

    void setConfigWithMissingFileShowsWhy()
    {
        ExperimentConfig c = ExperimentConfig::tutorial();
        c.dataset.source = DatasetConfig::Source::Csv;
        c.dataset.csv.path = QStringLiteral("moved away.csv");
        c.dataset.csv.features = QStringList{QStringLiteral("u")};
        c.dataset.csv.target = QStringLiteral("v");
        DataForm form;
        form.show();
        QSignalSpy spy(&form, &DataForm::edited);
        QTemporaryDir dir;
        form.setConfig(c, dir.path());
        QCOMPARE(spy.count(), 0);
        QCOMPARE(json(form.config()), json(c));
        auto* error = form.findChild<QLabel*>(QStringLiteral("readerError"));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("moved away.csv")), qPrintable(error->text()));
        // The configured columns are still shown, so the user sees what the project expects.
        QCOMPARE(form.findChild<QComboBox*>(QStringLiteral("dataset.csv.target"))->currentText(), QStringLiteral("v"));
        QCOMPARE(form.findChild<QListWidget*>(QStringLiteral("dataset.csv.features"))->item(0)->checkState(), Qt::Checked);
    }

    void switchingSourceIsOneEdit()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        QSignalSpy spy(&form, &DataForm::edited);
        auto* source = form.findChild<QComboBox*>(QStringLiteral("dataset.source"));
        source->setCurrentIndex(1);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("dataset.source"));
        QCOMPARE(form.config().dataset.source, DatasetConfig::Source::Csv);
        QVERIFY(!validate(form.config()).isEmpty()); // no file yet
    }

    void droppedCsvFileOpens()
    {
        DataForm form;
        form.setConfig(ExperimentConfig::tutorial(), {});
        form.show();
        QSignalSpy spy(&form, &DataForm::edited);

        QMimeData image;
        image.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/picture.png"))});
        QDragEnterEvent refused(QPoint(5, 5), Qt::CopyAction, &image, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&form, &refused);
        QVERIFY(!refused.isAccepted());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(kTutorialCsv)});
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&form, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&form, &drop);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(form.config().dataset.source, DatasetConfig::Source::Csv);
        QCOMPARE(form.config().dataset.csv.path, kTutorialCsv);

        form.setEditable(false); // no drops while a run is in progress
        QDragEnterEvent locked(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&form, &locked);
        QVERIFY(!locked.isAccepted());
        QVERIFY(!form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.split.train_fraction"))->isEnabled());
        form.setEditable(true);
        QVERIFY(form.findChild<QDoubleSpinBox*>(QStringLiteral("dataset.split.train_fraction"))->isEnabled());
    }
};

QTEST_MAIN(TestDataForm)
#include "tst_data_form.moc"

// Project files: exact round trips with runs (NaN included), CSV paths relative to the project,
// the CSV's SHA-256, embedded data, every malformed file refused with its field named while
// nothing on disk changes, and writes that never replace a FIFO, a device or a symbolic link.
#include "deadline.h"
#include "experiment/history.h"
#include "experiment/exports.h"
#include "experiment/project.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

#ifdef Q_OS_UNIX
#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#endif

using namespace gradlab;
using namespace gradlab::experiment;

namespace {

bool writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

QByteArray readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Project trainedTutorial(qint64 epochs)
{
    Project p;
    p.config.training.epochs = epochs;
    QString error;
    const auto data = p.loadData(&error);
    if (!data)
        qFatal("%s", qPrintable(error));
    Trainer t(p.config, data->train, data->val);
    History h;
    t.run({}, [&](const EpochRecord& r) { h.add(r); });
    p.runs.push_back(recordRun(t, h.records(), *data, QDateTime::fromString(QStringLiteral("2026-11-27T10:00:00.000Z"), Qt::ISODateWithMs), 0.25));
    return p;
}

// `good` with its first run changed by `edit`.
QByteArray withRun(const QByteArray& good, const std::function<void(QJsonObject&)>& edit)
{
    QJsonObject root = QJsonDocument::fromJson(good).object();
    QJsonArray runs = root.value(QStringLiteral("runs")).toArray();
    QJsonObject run = runs[0].toObject();
    edit(run);
    runs[0] = run;
    root.insert(QStringLiteral("runs"), runs);
    return QJsonDocument(root).toJson();
}

// `good` with runs[0].<object>.<key>[index] (index < 0: the key itself) set to `value`.
QByteArray withRunValue(const QByteArray& good, const QString& object, const QString& key, int index, const QJsonValue& value)
{
    return withRun(good, [&](QJsonObject& run) {
        if (object == QLatin1String("layout")) {
            QJsonArray layout = run.value(object).toArray();
            QJsonObject slot = layout[index].toObject();
            slot.insert(key, value);
            layout[index] = slot;
            run.insert(object, layout);
            return;
        }
        QJsonObject o = object.isEmpty() ? run : run.value(object).toObject();
        if (index < 0) {
            o.insert(key, value);
        } else {
            QJsonArray a = o.value(key).toArray();
            a[index] = value;
            o.insert(key, a);
        }
        if (object.isEmpty())
            run = o;
        else
            run.insert(object, o);
    });
}

} // namespace

// A project reading `csv`, column x as the feature and y as the target.
Project csvProject(const QString& csv)
{
    Project p;
    p.config.dataset.source = DatasetConfig::Source::Csv;
    p.config.dataset.csv.path = csv;
    p.config.dataset.csv.features = {"x"};
    p.config.dataset.csv.target = QStringLiteral("y");
    return p;
}

class TestProject : public QObject {
    Q_OBJECT

private slots:
    void saveLoadSaveGivesIdenticalBytes();
    void runRecordsTheClosedFormComparison();
    void aClosedFormThatIsNotUniqueStaysMarked();
    void csvPathIsRelativeToTheProjectFile();
    void changedCsvGivesAWarningAndTheNewData();
    void newProjectsRelativeCsvPathIsTheWorkingFolders();
    void embeddedCsvTravelsWithTheProject();
    void malformedProjectsAreRefusedWithTheFieldNamed_data();
    void malformedProjectsAreRefusedWithTheFieldNamed();
    void failedSaveLeavesTheOldFile();
    void saveRefusesToOverwriteItsDataFile();
    void aDeviceAsTheCsvIsRefusedNotReadForever();
    void changedOnDiskSeesAnotherWriter();
    void nanValuesOfARunStayNaNThroughSaveAndLoad();
    void runsCsvPathsFollowTheProjectToAnotherFolder();
    void fifoAndDeviceTargetsAreWrittenNotReplaced();
    void symbolicLinkStaysALinkAndItsTargetIsWritten();
    void aWriteCutShortSaysWhy();
};

void TestProject::saveLoadSaveGivesIdenticalBytes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tutorial.gradlab"));
    Project p = trainedTutorial(30);
    QString error;
    QVERIFY2(p.save(path, &error), qPrintable(error));
    const QByteArray first = readText(path);
    auto loaded = Project::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->runs.size(), std::size_t(1));
    QCOMPARE(loaded->runs[0].finalParams, p.runs[0].finalParams);
    QCOMPARE(loaded->runs[0].history.size(), std::size_t(30));
    const QString again = dir.filePath(QStringLiteral("again.gradlab"));
    QVERIFY2(loaded->save(again, &error), qPrintable(error));
    QCOMPARE(readText(again), first);
}

void TestProject::runRecordsTheClosedFormComparison()
{
    Project p = trainedTutorial(1000);
    const RunRecord& r = p.runs[0];
    QVERIFY(r.closedForm);
    // scikit-learn on the tutorial's training split (tests/reference/tutorial_expected.json).
    QVERIFY(std::abs(r.closedForm->params[0] - 1.0235407546635176) < 1e-12);
    QVERIFY(std::abs(r.closedForm->params[1] - 1.9689644704814482) < 1e-12);
    QVERIFY(std::abs(r.finalParams[0] - r.closedForm->params[0]) < 1e-4);
    // Least squares is the MSE optimum (the trained loss is evaluated in float32).
    QVERIFY(r.closedForm->trainLoss <= r.trainLoss * (1 + 1e-6));
    QVERIFY(r.closedForm->r2 > 0.9 && r.closedForm->r2 < 1.0);
}

// A run's closed form of a rank-deficient design keeps its rank through save and load; a unique
// one writes nothing more than before.
void TestProject::aClosedFormThatIsNotUniqueStaysMarked()
{
    Project p = trainedTutorial(3);
    QVERIFY(p.runs[0].closedForm && p.runs[0].closedForm->unique());
    QCOMPARE(p.runs[0].closedForm->rank, std::int64_t(2));
    QVERIFY(!p.toJson().contains("\"rank\""));
    p.runs[0].closedForm->rank = 1;
    p.runs[0].closedForm->columns = 2;
    QString error;
    auto loaded = Project::fromJson(p.toJson(), QStringLiteral("p.gradlab"), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->runs[0].closedForm->rank, std::int64_t(1));
    QCOMPARE(loaded->runs[0].closedForm->columns, std::int64_t(2));
    QVERIFY(!loaded->runs[0].closedForm->unique());
    QCOMPARE(loaded->toJson(), p.toJson());
}

void TestProject::csvPathIsRelativeToTheProjectFile()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("projects")));
    const QString csv = dir.filePath(QStringLiteral("data/points.csv"));
    QVERIFY(writeText(csv, "x,y\n1,3\n2,5\n3,7.1\n4,9\n5,10.9\n6,13\n7,15.2\n8,17\n9,19\n10,21\n"));
    Project p = csvProject(csv);
    QString error;
    QVERIFY2(p.loadData(&error), qPrintable(error));
    const QString projectPath = dir.filePath(QStringLiteral("projects/p.gradlab"));
    QVERIFY2(p.save(projectPath, &error), qPrintable(error));
    QVERIFY2(readText(projectPath).contains("\"path\": \"../data/points.csv\""), readText(projectPath).constData());
    // The whole folder moves: the project still finds its data.
    const QString moved = dir.filePath(QStringLiteral("moved"));
    QVERIFY(QDir().rename(dir.path() + QStringLiteral("/data"), moved + QStringLiteral("-data")) || true);
    QVERIFY(QDir(dir.path()).rename(QStringLiteral("moved-data"), QStringLiteral("data")) || true);
    auto loaded = Project::load(projectPath, &error);
    QVERIFY2(loaded, qPrintable(error));
    auto data = loaded->loadData(&error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(data->all.rows(), 10);
    QCOMPARE(data->train.rows() + data->val.rows(), 10);
    // A missing CSV: the copy saved in the project is used, with a warning naming the file.
    QVERIFY(QFile::remove(csv));
    data = loaded->loadData(&error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(data->all.rows(), 10);
    QVERIFY2(data->warnings.join(' ').contains(QLatin1String("points.csv")), qPrintable(data->warnings.join(' ')));
    // Without a copy, a missing CSV is an error naming it.
    loaded->config.dataset.csv.embedded.clear();
    QVERIFY(!loaded->loadData(&error));
    QVERIFY2(error.contains(QLatin1String("points.csv")), qPrintable(error));
}

void TestProject::changedCsvGivesAWarningAndTheNewData()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("d.csv"));
    QVERIFY(writeText(csv, "x,y\n1,1\n2,2\n3,3\n4,4\n5,5\n"));
    Project p = csvProject(csv);
    QString error;
    auto first = p.loadData(&error);
    QVERIFY2(first, qPrintable(error));
    QVERIFY(first->warnings.isEmpty());
    QVERIFY(first->fileWarnings.isEmpty());
    const QString sha = p.config.dataset.csv.sha256;
    QCOMPARE(sha.size(), 64);
    QVERIFY(writeText(csv, "x,y\n1,1\n2,2\n3,3\n4,4\n5,5\n6,6\n"));
    auto second = p.loadData(&error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY(second->warnings.join(' ').contains(QLatin1String("changed")));
    // The warning about the file itself, apart for the window to show on opening a project.
    QCOMPARE(second->fileWarnings.size(), 1);
    QVERIFY(second->fileWarnings.first().contains(QLatin1String("changed")));
    QCOMPARE(second->all.rows(), 6);
    QVERIFY(p.config.dataset.csv.sha256 != sha);
    // No feature chosen: that is what is said, not a complaint about some other column.
    QVERIFY(writeText(csv, "x,y,label\n1,1,a\n2,2,b\n3,3,c\n"));
    p.config.dataset.csv.features.clear();
    QVERIFY(!p.loadData(&error));
    QCOMPARE(error, QStringLiteral("No feature column is chosen"));
}

void TestProject::newProjectsRelativeCsvPathIsTheWorkingFolders()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("work")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("projects")));
    QVERIFY(writeText(dir.filePath(QStringLiteral("work/d.csv")), "x,y\n1,1\n2,2\n3,3\n4,4\n5,5\n"));
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.filePath(QStringLiteral("work"))));
    Project p;
    p.config.dataset.source = DatasetConfig::Source::Csv;
    p.config.dataset.csv.path = QStringLiteral("d.csv"); // as typed on a command line in work/
    p.config.dataset.csv.features = {"x"};
    p.config.dataset.csv.target = QStringLiteral("y");
    QString error;
    const bool saved = p.save(dir.filePath(QStringLiteral("projects/p.gradlab")), &error);
    QDir::setCurrent(before);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(p.config.dataset.csv.path, QStringLiteral("../work/d.csv"));
    auto loaded = Project::load(dir.filePath(QStringLiteral("projects/p.gradlab")), &error);
    QVERIFY2(loaded && loaded->loadData(&error), qPrintable(error));
}

// Saving keeps a copy of a small CSV in the project, so that a project sent alone still has its
// data; the file comes first whenever it is there, and a file too large to copy drops the copy.
void TestProject::embeddedCsvTravelsWithTheProject()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("d.csv"));
    QVERIFY(writeText(csv, "x,y\n1,2\n2,4\n3,6.5\n4,8\n"));
    Project p = csvProject(csv);
    QString error;
    QVERIFY2(p.loadData(&error), qPrintable(error));
    const QString path = dir.filePath(QStringLiteral("p.gradlab"));
    QVERIFY(p.save(path, &error));
    QVERIFY(readText(path).contains("\"embedded\": \"x,y\\n1,2\\n"));

    // The file is there, with other data: the file is used (and said to have changed).
    QVERIFY(writeText(csv, "x,y\n1,3\n2,5\n3,7\n4,9\n5,11\n"));
    auto loaded = Project::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(!loaded->usesEmbeddedCsv());
    auto data = loaded->loadData(&error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(data->all.y, (std::vector<double>{3, 5, 7, 9, 11}));
    QVERIFY(data->warnings.join(' ').contains(QLatin1String("changed")));

    // The project travels alone: its copy is used, with a warning.
    QVERIFY(QFile::remove(csv));
    loaded = Project::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(loaded->usesEmbeddedCsv());
    data = loaded->loadData(&error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(data->all.y, (std::vector<double>{2, 4, 6.5, 8}));
    QVERIFY2(data->warnings.join(' ').contains(QLatin1String("d.csv")), qPrintable(data->warnings.join(' ')));
    QCOMPARE(data->fileWarnings.size(), 1);
    QVERIFY(data->fileWarnings.first().contains(QLatin1String("saved in the project is used")));
    // Its exported script carries the same data.
    const QString script = pytorchScript(*loaded, &error);
    QVERIFY2(script.contains(QLatin1String("CSV_TEXT")), qPrintable(error));

    // A file of more rows than a project holds is referred to only.
    QByteArray big = "x,y\n";
    for (qint64 i = 0; i <= Project::kMaxEmbeddedRows; ++i)
        big += QByteArray::number(i) + ',' + QByteArray::number(2 * i + 1) + '\n';
    QVERIFY(writeText(csv, big));
    QVERIFY2(loaded->loadData(&error), qPrintable(error));
    QVERIFY(loaded->save(path, &error));
    QVERIFY(!readText(path).contains("\"embedded\""));
    QVERIFY(loaded->config.dataset.csv.embedded.isEmpty());

    // QA 13: the file rewritten after its data was loaded and before the save. The copy saved is
    // the data loaded (the one the project's hash and its runs describe), never the new file's.
    QVERIFY(writeText(csv, "x,y\n1,2\n2,4\n3,6.5\n4,8\n"));
    Project fresh = p;
    QVERIFY2(fresh.loadData(&error), qPrintable(error));
    QVERIFY(writeText(csv, "x,y\n1,100\n2,200\n3,300\n4,400\n"));
    QVERIFY(fresh.save(path, &error));
    QVERIFY2(readText(path).contains("\"embedded\": \"x,y\\n1,2\\n"), readText(path).constData());
    QVERIFY(!readText(path).contains("1,100"));
    // Without an earlier copy to keep, none is saved rather than the new file's.
    fresh.config.dataset.csv.embedded.clear();
    QVERIFY(fresh.save(path, &error));
    QVERIFY(!readText(path).contains("\"embedded\""));
}

void TestProject::malformedProjectsAreRefusedWithTheFieldNamed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    Project p = trainedTutorial(3);
    const QByteArray good = p.toJson();
    QTest::newRow("truncated") << good.left(good.size() / 2) << "not valid JSON";
    QTest::newRow("empty") << QByteArray() << "not valid JSON";
    QTest::newRow("not json") << QByteArray("\x89PNG\r\n\x1a\n....") << "not valid JSON";
    QTest::newRow("json array") << QByteArray("[1,2]") << "not an object";
    QTest::newRow("newer version") << QByteArray(good).replace("\"version\": 1", "\"version\": 3") << "version 3";
    QTest::newRow("wrong type") << QByteArray(good).replace("\"epochs\": 3,\n        \"seed\"", "\"epochs\": \"3\",\n        \"seed\"")
                                << "training.epochs: expected a number";
    QTest::newRow("unknown enum") << QByteArray(good).replace("\"type\": \"sgd\"", "\"type\": \"sgdx\"") << "optimizer.type: unknown value";
    QTest::newRow("missing field") << QByteArray(good).replace("\"format\": \"gradlab-project\",", "") << "format: missing required field";
    QJsonObject runsNotArray = QJsonDocument::fromJson(good).object();
    runsNotArray.insert(QStringLiteral("runs"), 5);
    QTest::newRow("runs not array") << QJsonDocument(runsNotArray).toJson() << "runs: expected an array";
    QTest::newRow("history short") << QByteArray(good).replace("\"train_loss\": [", "\"train_loss\": [0.5, ") << "runs[0].history";
    // Counts must be whole numbers a double holds exactly, not cast from whatever was typed.
    const QString sizeRange = QStringLiteral("runs[0].layout[1].size: expected a whole number from 1 to 9007199254740992");
    QTest::newRow("layout size huge") << withRunValue(good, "layout", "size", 1, 1e300) << sizeRange + ", got 1e+300";
    QTest::newRow("layout size fraction") << withRunValue(good, "layout", "size", 1, 2.5) << sizeRange + ", got 2.5";
    QTest::newRow("layout size negative") << withRunValue(good, "layout", "size", 1, -1) << sizeRange + ", got -1";
    QTest::newRow("layout size zero") << withRunValue(good, "layout", "size", 1, 0) << sizeRange + ", got 0";
    QTest::newRow("layout size string") << withRunValue(good, "layout", "size", 1, "1") << sizeRange;
    QTest::newRow("layout sizes add up too far") << withRun(good, [](QJsonObject& run) {
        run.insert(QStringLiteral("layout"), QJsonArray{QJsonObject{{"name", "a"}, {"size", 9007199254740992.0}},
                                                        QJsonObject{{"name", "b"}, {"size", 9007199254740992.0}}});
    }) << "runs[0].layout: the sizes add up to more than 9007199254740992";
    QTest::newRow("history epoch huge") << withRunValue(good, "history", "epoch", 1, 1e300)
                                        << "runs[0].history.epoch[1]: expected a whole number from 0 to 9007199254740992, got 1e+300";
    QTest::newRow("epochs fraction") << withRunValue(good, "", "epochs", -1, 2.5)
                                     << "runs[0].epochs: expected a whole number from 0 to 9007199254740992, got 2.5";
    QTest::newRow("history not an object") << withRun(good, [](QJsonObject& run) { run.insert(QStringLiteral("history"), QStringLiteral("oops")); })
                                           << "runs[0].history: expected an object";
    QTest::newRow("history column not an array") << withRun(good, [](QJsonObject& run) {
        QJsonObject h = run.value(QStringLiteral("history")).toObject();
        h.insert(QStringLiteral("params"), 3);
        run.insert(QStringLiteral("history"), h);
    }) << "runs[0].history.params: expected an array";
    QTest::newRow("r2 not a number") << withRunValue(good, "closed_form", "r2", -1, "high") << "runs[0].closed_form.r2: expected a number or null";
    QTest::newRow("loss not a number") << withRunValue(good, "", "val_loss", -1, true) << "runs[0].val_loss: expected a number or null";
}

void TestProject::malformedProjectsAreRefusedWithTheFieldNamed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.gradlab"));
    QVERIFY(writeText(path, bytes));
    QString error;
    QVERIFY(!Project::load(path, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QCOMPARE(readText(path), bytes); // loading never writes
}

void TestProject::failedSaveLeavesTheOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gradlab"));
    Project p = trainedTutorial(2);
    QString error;
    QVERIFY(p.save(path, &error));
    const QByteArray before = readText(path);
    // A folder where the file should go cannot be written; the path's old contents are kept.
    QVERIFY(!p.save(dir.path(), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!p.save(dir.filePath(QStringLiteral("no/such/folder/p.gradlab")), &error));
    QCOMPARE(readText(path), before);
    QCOMPARE(p.filePath(), QFileInfo(path).absoluteFilePath());
}

// Saving a project onto the CSV it reads (Save As over the data file, gradlab-cli --save data.csv)
// would destroy the data: refused, by any name of that file, and for the CSV of a saved run too.
void TestProject::saveRefusesToOverwriteItsDataFile()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("points.csv"));
    const QByteArray text = "x,y\n1,3\n2,5\n3,7.1\n4,9\n5,10.9\n6,13\n7,15.2\n8,17\n9,19\n10,21\n";
    QVERIFY(writeText(csv, text));
    QVERIFY(QFile::link(csv, dir.filePath(QStringLiteral("link.csv"))));
    Project p = csvProject(csv);
    QString error;
    for (const QString& name : {QStringLiteral("points.csv"), QStringLiteral("link.csv"), QStringLiteral("./../%1/points.csv").arg(QFileInfo(dir.path()).fileName())}) {
        QVERIFY(!p.save(dir.filePath(name), &error));
        QVERIFY2(error.contains(QLatin1String("is the data file this project reads")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("points.gradlab")), qPrintable(error));
        QCOMPARE(readText(csv), text);
        QVERIFY(p.filePath().isEmpty());
    }
    // A run trained on this file, the project now reading another: the run's data is kept too.
    RunRecord run;
    run.config = p.config;
    p.runs.push_back(run);
    const QString other = dir.filePath(QStringLiteral("other.csv"));
    QVERIFY(writeText(other, text));
    p.config.dataset.csv.path = other;
    QVERIFY(!p.save(csv, &error));
    QCOMPARE(readText(csv), text);
    QVERIFY2(p.save(dir.filePath(QStringLiteral("points.gradlab")), &error), qPrintable(error));
}

// A project naming /dev/zero as its CSV: refused by the reader at once (the file's hash used to be
// taken first, reading /dev/zero for ever).
void TestProject::aDeviceAsTheCsvIsRefusedNotReadForever()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/zero")))
        QSKIP("no /dev/zero here");
    Project p = csvProject(QStringLiteral("/dev/zero"));
    QString error;
    QVERIFY(!testing::returnsWithin(std::chrono::seconds(20), "loading /dev/zero", [&] { return p.loadData(&error); }));
    QVERIFY2(error.contains(QLatin1String("pipe or a device")), qPrintable(error));
}

void TestProject::changedOnDiskSeesAnotherWriter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gradlab"));
    Project p = trainedTutorial(2);
    QVERIFY(!p.changedOnDisk()); // never saved
    QString error;
    QVERIFY(p.save(path, &error));
    QVERIFY(!p.changedOnDisk());
    auto other = Project::load(path, &error);
    QVERIFY2(other, qPrintable(error));
    QVERIFY(!other->changedOnDisk());
    other->runs.clear();
    QVERIFY(other->save(path, &error));
    QVERIFY(p.changedOnDisk());
    QVERIFY(!other->changedOnDisk());
    QVERIFY(p.save(path, &error));
    QVERIFY(!p.changedOnDisk());
    QVERIFY(QFile::remove(path));
    QVERIFY(!p.changedOnDisk()); // gone: saving puts it back, nothing is lost
}

void TestProject::nanValuesOfARunStayNaNThroughSaveAndLoad()
{
    // JSON has no NaN: GradLab writes null (R² of one training row, a diverged run), which must
    // read back as NaN, not as 0.
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    Project p = trainedTutorial(3);
    RunRecord& r = p.runs[0];
    QVERIFY(r.closedForm);
    r.closedForm->r2 = nan;
    r.closedForm->valLoss = nan;
    r.trainLoss = nan;
    r.valLoss = std::numeric_limits<double>::infinity();
    r.finalParams[0] = nan;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nan.gradlab"));
    QString error;
    QVERIFY2(p.save(path, &error), qPrintable(error));
    const QByteArray first = readText(path);
    const QJsonObject run = QJsonDocument::fromJson(first).object()[QStringLiteral("runs")][0].toObject();
    QVERIFY(run[QStringLiteral("closed_form")][QStringLiteral("r2")].isNull());
    QVERIFY(run[QStringLiteral("train_loss")].isNull());
    QVERIFY(run[QStringLiteral("params")][QStringLiteral("a")].isNull());

    auto loaded = Project::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    const RunRecord& back = loaded->runs[0];
    QVERIFY(back.closedForm);
    QVERIFY(std::isnan(back.closedForm->r2));
    QVERIFY(std::isnan(back.closedForm->valLoss));
    QCOMPARE(back.closedForm->trainLoss, r.closedForm->trainLoss);
    QVERIFY(std::isnan(back.trainLoss));
    QVERIFY(std::isnan(back.valLoss)); // infinity is written as null too
    QVERIFY(std::isnan(back.finalParams[0]));
    QCOMPARE(back.finalParams[1], r.finalParams[1]);
    const QString again = dir.filePath(QStringLiteral("again.gradlab"));
    QVERIFY2(loaded->save(again, &error), qPrintable(error));
    QCOMPARE(readText(again), first);
}

void TestProject::runsCsvPathsFollowTheProjectToAnotherFolder()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("b/deeper")));
    const QString csv = dir.filePath(QStringLiteral("a/data.csv"));
    QVERIFY(writeText(csv, "x,y\n1,3\n2,5\n3,7.1\n4,9\n5,10.9\n"));
    Project p = csvProject(csv);
    RunRecord run;
    run.config = p.config;
    run.layout = {{QStringLiteral("a"), 1}, {QStringLiteral("b"), 1}};
    run.finalParams = {1.0, 2.0};
    p.runs.push_back(run);
    QString error;
    QVERIFY2(p.save(dir.filePath(QStringLiteral("a/p.gradlab")), &error), qPrintable(error));
    auto inA = Project::load(dir.filePath(QStringLiteral("a/p.gradlab")), &error);
    QVERIFY2(inA, qPrintable(error));
    QCOMPARE(inA->runs[0].config.dataset.csv.path, QStringLiteral("data.csv"));

    const QString inBPath = dir.filePath(QStringLiteral("b/deeper/p.gradlab"));
    QVERIFY2(inA->save(inBPath, &error), qPrintable(error));
    QCOMPARE(inA->runs[0].config.dataset.csv.path, QStringLiteral("../../a/data.csv"));
    auto inB = Project::load(inBPath, &error);
    QVERIFY2(inB, qPrintable(error));
    const QDir folderB = QFileInfo(inBPath).absoluteDir();
    const QString expected = QFileInfo(csv).canonicalFilePath();
    QCOMPARE(QFileInfo(folderB.filePath(inB->config.dataset.csv.path)).canonicalFilePath(), expected);
    QCOMPARE(QFileInfo(folderB.filePath(inB->runs[0].config.dataset.csv.path)).canonicalFilePath(), expected);
    // Loading the run's configuration as the project's trains on the same file.
    inB->config = inB->runs[0].config;
    QVERIFY2(inB->loadData(&error), qPrintable(error));
}

void TestProject::fifoAndDeviceTargetsAreWrittenNotReplaced()
{
#ifdef Q_OS_UNIX
    // Exports to a FIFO (a pipe to another program), /dev/null or /dev/stdout are written in
    // place: renaming a new file over them would remove them (as root, even /dev/null).
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("export.csv"));
    const QByteArray fifoName = QFile::encodeName(fifo);
    QCOMPARE(::mkfifo(fifoName.constData(), 0600), 0);
    // The reader is there before the write, as `cat export.csv &` would be; it does not block,
    // so a write that never opens the FIFO fails the test instead of hanging it.
    const int reader = ::open(fifoName.constData(), O_RDONLY | O_NONBLOCK);
    QVERIFY(reader >= 0);
    const QByteArray payload("epoch,train_loss,val_loss\n1,0.5,0.625\n2,0.25,0.3125\n");
    QString error;
    const bool written = writeFileAtomically(fifo, payload, &error);
    QByteArray got;
    char buffer[4096];
    for (ssize_t n = 0; (n = ::read(reader, buffer, sizeof buffer)) > 0;)
        got.append(buffer, n);
    ::close(reader);
    QVERIFY2(written, qPrintable(error));
    QCOMPARE(got, payload);
    struct stat st {};
    QCOMPARE(::lstat(fifoName.constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));

    // A character device: a private copy of /dev/null where mknod is allowed (root), so that a
    // regression replaces only the copy; otherwise /dev/null itself, which a user cannot replace.
    QString device = dir.filePath(QStringLiteral("null"));
    if (::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        device = QStringLiteral("/dev/null");
    Project p = trainedTutorial(2);
    QVERIFY2(p.save(device, &error), qPrintable(error));
    QCOMPARE(::lstat(QFile::encodeName(device).constData(), &st), 0);
    QVERIFY(S_ISCHR(st.st_mode));
    QVERIFY(!QFileInfo(device).isFile());
    // A device that refuses the bytes is an error, not a silent success.
    // (only on a private copy of /dev/full, where mknod is allowed).
    const QString full = dir.filePath(QStringLiteral("full"));
    if (::mknod(QFile::encodeName(full).constData(), S_IFCHR | 0666, makedev(1, 7)) == 0) {
        QVERIFY(!writeFileAtomically(full, payload, &error));
        QVERIFY2(error.contains(QLatin1String("Could not write")), qPrintable(error));
        QVERIFY(!QFileInfo(full).isFile());
    }
#else
    QSKIP("FIFOs and device nodes are Unix's");
#endif
}

void TestProject::symbolicLinkStaysALinkAndItsTargetIsWritten()
{
    // QSaveFile writes through a link to its target (it renames over the target, not the link).
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("real.gradlab"));
    const QString link = dir.filePath(QStringLiteral("link.gradlab"));
    QVERIFY(writeText(target, "old"));
    QVERIFY(QFile::link(target, link));
    Project p = trainedTutorial(2);
    QString error;
    QVERIFY2(p.save(link, &error), qPrintable(error));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(QFileInfo(link).symLinkTarget(), target);
    QCOMPARE(readText(target), p.toJson());
}

// A disk that fills up part way (here: a file size limit, which needs no root, where a full disk
// needs a mount) takes a short write without an error: the failure says the system's reason, not
// "Unknown error", and the old file stays.
void TestProject::aWriteCutShortSaysWhy()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.gradlab"));
    QVERIFY(writeText(path, "old"));
    rlimit old{};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
    if (old.rlim_cur != RLIM_INFINITY && old.rlim_cur < 65536)
        QSKIP("the file size is already limited below what the test needs");
    rlimit tight = old;
    tight.rlim_cur = 65536;
    // Past the limit a write fails with EFBIG; the signal that would end the process is ignored.
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &tight), 0);
    QString error;
    const bool written = writeFileAtomically(path, QByteArray(200'000, 'x'), &error);
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
    QVERIFY(!written);
    QVERIFY2(error.contains(QString::fromLocal8Bit(std::strerror(EFBIG))), qPrintable(error));
    QCOMPARE(readText(path), QByteArray("old"));
#else
    QSKIP("limits the file size with setrlimit, as Unix has it");
#endif
}

QTEST_APPLESS_MAIN(TestProject)
#include "tst_project.moc"

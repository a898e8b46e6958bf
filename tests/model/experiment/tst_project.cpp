// Project files: exact round trips with runs, CSV paths relative to the project, the CSV's
// SHA-256, embedded data, and every malformed file refused with its field named while nothing
// on disk changes.
#include "experiment/history.h"
#include "experiment/project.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

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

} // namespace

class TestProject : public QObject {
    Q_OBJECT

private slots:
    void saveLoadSaveGivesIdenticalBytes();
    void runRecordsTheClosedFormComparison();
    void csvPathIsRelativeToTheProjectFile();
    void changedCsvGivesAWarningAndTheNewData();
    void newProjectsRelativeCsvPathIsTheWorkingFolders();
    void embeddedCsvTravelsWithTheProject();
    void malformedProjectsAreRefusedWithTheFieldNamed_data();
    void malformedProjectsAreRefusedWithTheFieldNamed();
    void failedSaveLeavesTheOldFile();
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

void TestProject::csvPathIsRelativeToTheProjectFile()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("projects")));
    const QString csv = dir.filePath(QStringLiteral("data/points.csv"));
    QVERIFY(writeText(csv, "x,y\n1,3\n2,5\n3,7.1\n4,9\n5,10.9\n6,13\n7,15.2\n8,17\n9,19\n10,21\n"));
    Project p;
    p.config.dataset.source = DatasetConfig::Source::Csv;
    p.config.dataset.csv.path = csv;
    p.config.dataset.csv.features = {"x"};
    p.config.dataset.csv.target = QStringLiteral("y");
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
    // A missing CSV is an error naming it.
    QVERIFY(QFile::remove(csv));
    QVERIFY(!loaded->loadData(&error));
    QVERIFY2(error.contains(QLatin1String("points.csv")), qPrintable(error));
}

void TestProject::changedCsvGivesAWarningAndTheNewData()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("d.csv"));
    QVERIFY(writeText(csv, "x,y\n1,1\n2,2\n3,3\n4,4\n5,5\n"));
    Project p;
    p.config.dataset.source = DatasetConfig::Source::Csv;
    p.config.dataset.csv.path = csv;
    p.config.dataset.csv.features = {"x"};
    p.config.dataset.csv.target = QStringLiteral("y");
    QString error;
    auto first = p.loadData(&error);
    QVERIFY2(first, qPrintable(error));
    QVERIFY(first->warnings.isEmpty());
    const QString sha = p.config.dataset.csv.sha256;
    QCOMPARE(sha.size(), 64);
    QVERIFY(writeText(csv, "x,y\n1,1\n2,2\n3,3\n4,4\n5,5\n6,6\n"));
    auto second = p.loadData(&error);
    QVERIFY2(second, qPrintable(error));
    QVERIFY(second->warnings.join(' ').contains(QLatin1String("changed")));
    QCOMPARE(second->all.rows(), 6);
    QVERIFY(p.config.dataset.csv.sha256 != sha);
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

void TestProject::embeddedCsvTravelsWithTheProject()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("d.csv"));
    QVERIFY(writeText(csv, "x,y\n1,2\n2,4\n3,6.5\n4,8\n"));
    Project p;
    p.config.dataset.source = DatasetConfig::Source::Csv;
    p.config.dataset.csv.path = csv;
    p.config.dataset.csv.features = {"x"};
    p.config.dataset.csv.target = QStringLiteral("y");
    QString error;
    QVERIFY2(p.embedCsv(&error), qPrintable(error));
    const QString path = dir.filePath(QStringLiteral("p.gradlab"));
    QVERIFY(p.save(path, &error));
    QVERIFY(QFile::remove(csv));
    auto loaded = Project::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    auto data = loaded->loadData(&error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(data->all.y, (std::vector<double>{2, 4, 6.5, 8}));
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

QTEST_APPLESS_MAIN(TestProject)
#include "tst_project.moc"

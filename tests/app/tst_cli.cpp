// gradlab-cli, run in-process: the tutorial through the CLI, exit statuses, one clear line per
// problem, and the files it writes.
#include "cli/cli.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result {
    int status = 0;
    QString out, err;
};

Result cli(const QStringList& args)
{
    Result r;
    QTextStream out(&r.out), err(&r.err);
    r.status = gradlab::cli::run(args, out, err);
    out.flush();
    err.flush();
    return r;
}

QJsonObject expected()
{
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_expected.json"));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void tutorialReproducesPyTorch_data();
    void tutorialReproducesPyTorch();
    void divergedRunExitsWithOne();
    void badUsageExitsWithTwoAndOneLine_data();
    void badUsageExitsWithTwoAndOneLine();
    void generateWritesTheTutorialsCsvByteForByte();
    void fitReportsTheClosedForm();
    void savedProjectTrainsAgain();
    void graphOfTheLossIsTheTutorials();
    void trainWritesTheRequestedExports();
    void exportScriptWritesARunnableScript();
};

void TestCli::tutorialReproducesPyTorch_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("key");
    QTest::newRow("sgd") << QStringList{} << "torch_sgd_lr0.1_1000_epochs_mse_mean";
    QTest::newRow("adam") << QStringList{"--set", "optimizer.type=adam", "--set", "optimizer.lr=0.1"} << "torch_adam_lr0.1_1000_epochs_mse_mean";
}

void TestCli::tutorialReproducesPyTorch()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, key);
    const Result r = cli(QStringList{"train", "--example", "tutorial", "--json"} + extra);
    QCOMPARE(r.status, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject ref = expected()[key].toObject();
    QVERIFY2(std::abs(o["params"]["a"].toDouble() - ref["a"].toDouble()) < 1e-5, qPrintable(r.out));
    QVERIFY2(std::abs(o["params"]["b"].toDouble() - ref["b"].toDouble()) < 1e-5, qPrintable(r.out));
    QCOMPARE(o["epochs"].toInt(), 1000);
    QCOMPARE(o["diverged"].toBool(), false);
    QVERIFY(o["seconds"].toDouble() > 0);
    const QJsonObject cf = o["closed_form"].toObject();
    QVERIFY(std::abs(cf["params"]["a"].toDouble() - 1.0235407546635176) < 1e-12);
    QVERIFY(std::abs(cf["params"]["b"].toDouble() - 1.9689644704814482) < 1e-12);
    QVERIFY(cf["r2"].toDouble() > 0.9);
}

void TestCli::divergedRunExitsWithOne()
{
    const Result r = cli({"train", "--example", "tutorial", "--set", "optimizer.lr=1000", "--json"});
    QCOMPARE(r.status, 1);
    QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).object()["diverged"].toBool());
    QVERIFY2(r.err.contains(QLatin1String("smaller learning rate")), qPrintable(r.err));
}

void TestCli::badUsageExitsWithTwoAndOneLine_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.foo=1"} << "optimizer.foo: unknown field";
    QTest::newRow("bad value") << QStringList{"train", "--example", "tutorial", "--set", "training.epochs=lots"} << "training.epochs: expected a number";
    QTest::newRow("impossible lr") << QStringList{"train", "--example", "tutorial", "--set", "optimizer.lr=0"} << "optimizer.lr: The learning rate must be greater than 0";
    QTest::newRow("bad epochs") << QStringList{"train", "--example", "tutorial", "--epochs", "x"} << "--epochs";
    QTest::newRow("bad device") << QStringList{"train", "--example", "tutorial", "--device", "tpu"} << "unknown device";
    QTest::newRow("no project") << QStringList{"train"} << "no project given";
    QTest::newRow("missing project") << QStringList{"train", "/nonexistent/p.gradlab"} << "Could not open";
    QTest::newRow("unknown option") << QStringList{"train", "--example", "tutorial", "--fast"} << "unknown option --fast";
    QTest::newRow("unknown command") << QStringList{"fly"} << "unknown command";
    QTest::newRow("fit missing file") << QStringList{"fit", "/nonexistent.csv"} << "nonexistent.csv";
    QTest::newRow("generate without -o") << QStringList{"generate"} << "-o";
    QTest::newRow("graph of what") << QStringList{"graph", "--example", "tutorial", "--of", "x", "-o", "/tmp/x.dot"} << "--of";
}

void TestCli::badUsageExitsWithTwoAndOneLine()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const Result r = cli(args);
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QVERIFY2(r.err.trimmed().count(QLatin1Char('\n')) == 0 || args.first() == QLatin1String("fly"), qPrintable(r.err));
}

void TestCli::generateWritesTheTutorialsCsvByteForByte()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.csv"));
    const Result r = cli({"generate", "--n", "100", "--a", "1", "--b", "2", "--noise", "0.1", "--seed", "42", "-o", path});
    QCOMPARE(r.status, 0);
    QCOMPARE(readAll(path), readAll(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv")));
}

void TestCli::fitReportsTheClosedForm()
{
    const Result r = cli({"fit", QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"), "--target", "y", "--json"});
    QCOMPARE(r.status, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o["rank"].toInt(), 2);
    QVERIFY(o["params"]["intercept"].isDouble());
    QVERIFY(o["params"]["x"].isDouble());
    QVERIFY(o["std_errors"]["x"].toDouble() > 0);
    QVERIFY(o["r2"].toDouble() > 0.9 && o["r2"].toDouble() < 1);
    QVERIFY(o["residual_std"].toDouble() > 0.05 && o["residual_std"].toDouble() < 0.2);
}

void TestCli::savedProjectTrainsAgain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gradlab"));
    Result r = cli({"train", "--example", "tutorial", "--epochs", "10", "--set", "optimizer.type=rmsprop", "--save", path, "--json"});
    QCOMPARE(r.status, 0);
    const QJsonObject first = QJsonDocument::fromJson(r.out.toUtf8()).object();
    r = cli({"train", path, "--json"});
    QCOMPARE(r.status, 0);
    const QJsonObject second = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(second["epochs"].toInt(), 10);
    QCOMPARE(second["params"].toObject(), first["params"].toObject()); // deterministic
}

void TestCli::graphOfTheLossIsTheTutorials()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.dot"));
    QCOMPARE(cli({"graph", "--example", "tutorial", "--of", "loss", "-o", path}).status, 0);
    const QByteArray dot = readAll(path);
    QVERIFY(dot.contains("MseLossBackward0\" fillcolor=darkolivegreen1"));
    QVERIFY(dot.contains("AddBackward0\" fillcolor=lightgrey"));
    QVERIFY(dot.contains("MulBackward0\" fillcolor=lightgrey"));
    QVERIFY(dot.contains("a\\n(1)\" fillcolor=lightblue"));
    QVERIFY(dot.contains("b\\n(1)\" fillcolor=lightblue"));
    QCOMPARE(dot.count("->"), 4);
}

void TestCli::trainWritesTheRequestedExports()
{
    QTemporaryDir dir;
    auto path = [&](const char* name) { return dir.filePath(QString::fromLatin1(name)); };
    const Result r = cli({"train", "--example", "tutorial", "--epochs", "20", "--export-params", path("p.json"), "--export-history", path("h.csv"),
                          "--export-plot", path("fit.png"), "--export-loss-plot", path("loss.svg")});
    QCOMPARE(r.status, 0);
    const QJsonObject params = QJsonDocument::fromJson(readAll(path("p.json"))).object();
    QVERIFY(params["a"]["value"].isDouble());
    QVERIFY(std::abs(params["a"]["closed_form"].toDouble() - 1.0235407546635176) < 1e-12);
    const QList<QByteArray> history = readAll(path("h.csv")).trimmed().split('\n');
    QCOMPARE(history.first(), QByteArray("epoch,train_loss,val_loss,a,b"));
    QCOMPARE(history.size(), 21);
    QVERIFY(readAll(path("fit.png")).startsWith("\x89PNG"));
    QVERIFY(readAll(path("loss.svg")).contains("<svg"));
    // A plot format GradLab cannot write is bad input, and writes nothing.
    const Result bad = cli({"train", "--example", "tutorial", "--epochs", "2", "--export-plot", path("fit.bmpx")});
    QCOMPARE(bad.status, 2);
    QVERIFY(!QFile::exists(path("fit.bmpx")));
}

void TestCli::exportScriptWritesARunnableScript()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.py"));
    QCOMPARE(cli({"export-script", "--example", "tutorial", "-o", path}).status, 0);
    const QByteArray script = readAll(path);
    QVERIFY(script.contains("import torch"));
    QVERIFY(script.contains("np.random.seed(42)"));
    QCOMPARE(cli({"export-script", "--example", "tutorial"}).status, 2);
}

QTEST_MAIN(TestCli)
#include "tst_cli.moc"

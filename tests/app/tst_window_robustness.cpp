// The real window (offscreen) through what a user can do wrong or in an odd order: every model,
// optimizer and dtype; bad CSV files; missing values; a diverging run; Step/Reset/Stop in quick
// succession; Run and edits while the data loads; undo across data sources; removing runs;
// unwritable project paths; a project whose CSV is gone; impossible settings; the graph while
// paused; closing or destroying the window mid-way. Each must end in a clear message or a working
// result, keep the project as it was when refused, and leave the window able to train.
#include "window/main_window.h"

#include "widgets/data_form.h"
#include "widgets/graph_view.h"
#include "widgets/plots.h"
#include "widgets/results_view.h"
#include "widgets/run_list.h"
#include "widgets/settings_form.h"
#include "widgets/step_inspector.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <functional>
#include <memory>

using namespace gradlab;
using namespace gradlab::app;
using namespace gradlab::experiment;

namespace {

struct Window {
    MainWindow w;
    Window()
    {
        w.unsavedChangesPrompt = [](QWidget*) { return QMessageBox::Discard; };
        w.show();
    }
};

bool waitForData(MainWindow& w, int ms = 20000)
{
    return QTest::qWaitFor([&] { return w.dataReady(); }, ms);
}

QMessageBox* visibleError(MainWindow& w)
{
    for (QMessageBox* box : w.findChildren<QMessageBox*>(QStringLiteral("errorMessage")))
        if (box->isVisible())
            return box;
    return nullptr;
}

// Closes every message box (as the user's OK would); returns how many were open.
int closeErrors(MainWindow& w)
{
    int n = 0;
    for (QMessageBox* box : w.findChildren<QMessageBox*>(QStringLiteral("errorMessage")))
        if (box->isVisible()) {
            box->close();
            ++n;
        }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return n;
}

// Run to the end (or until it is refused or fails); true when a run was recorded.
bool runToEnd(MainWindow& w, int ms = 60000)
{
    QSignalSpy finished(&w, &MainWindow::runFinished);
    QSignalSpy failed(&w, &MainWindow::runFailed);
    w.action(QStringLiteral("run"))->trigger();
    (void)QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty() || (!w.isTraining() && visibleError(w)); }, ms);
    return !finished.isEmpty();
}

void change(MainWindow& w, const std::function<void(ExperimentConfig&)>& edit, const QString& key = QString())
{
    ExperimentConfig c = w.config();
    edit(c);
    w.changeConfig(c, key, QStringLiteral("test edit"));
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write(bytes) == bytes.size();
}

QByteArray threeFeatureCsv()
{
    QByteArray csv = "x1,x2,x3,y\n";
    for (int i = 0; i < 60; ++i) {
        const double x1 = i / 60.0, x2 = std::sin(i), x3 = (i % 7) / 7.0;
        csv += QByteArray::number(x1) + ',' + QByteArray::number(x2) + ',' + QByteArray::number(x3) + ','
               + QByteArray::number(1 + 2 * x1 - x2 + 0.5 * x3) + '\n';
    }
    return csv;
}

QLabel* readerError(MainWindow& w)
{
    return w.dataForm()->findChild<QLabel*>(QStringLiteral("readerError"));
}

bool finite(const std::vector<double>& v)
{
    for (double x : v)
        if (!std::isfinite(x))
            return false;
    return !v.empty();
}

} // namespace

class TestWindowRobustness : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyModelOptimizerAndDtypeRuns();
    void mlpOnThreeFeatures();
    void missingValuesUnderBothPolicies();
    void unreadableCsvFilesLoseNothing();
    void hugeLearningRateDiverges();
    void stepStepResetRun();
    void stopRightAfterRun();
    void runWhileTheDataLoads();
    void dataEditsDuringLoadingReload();
    void undoRedoAcrossDataSources();
    void removingRuns();
    void saveToAnUnwritablePath();
    void projectWithAMissingCsv();
    void everyParameterFrozen();
    void batchLargerThanTheData();
    void noValidationRows();
    void graphRootsWhilePaused();
    void closeWhileTheDataLoads();
    void destroyWhilePaused();
    void resetPressedTwiceDuringARun();
    void impossibleGeneratorSettings();
    void projectWithAnAbsurdDataSize();
    void cancelAndChangeALargeCsvLoad();
    void rapidControlSequences();
    void stepInspectorForEveryLoss();
    void aDeviceThatIsNotThere();
    void aProjectReadingADeviceSaysSoAtOnce();
    void moreParametersThanRows();
    void anotherModelAfterARun();
    void fitPlotFollowsAModelChange();
    void csvSourceBeforeAFileIsChosen();
};

void TestWindowRobustness::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GradLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_window_robustness"));
}

void TestWindowRobustness::everyModelOptimizerAndDtypeRuns()
{
    Window t;
    QVERIFY(waitForData(t.w));
    const ModelConfig::Type models[] = {ModelConfig::Type::ScalarLinear, ModelConfig::Type::Linear, ModelConfig::Type::Polynomial,
                                        ModelConfig::Type::Mlp};
    const OptimizerConfig::Type optimizers[] = {OptimizerConfig::Type::Sgd, OptimizerConfig::Type::Adam, OptimizerConfig::Type::AdamW,
                                                OptimizerConfig::Type::RmsProp, OptimizerConfig::Type::Adagrad};
    std::size_t runs = 0;
    for (ModelConfig::Type model : models)
        for (OptimizerConfig::Type optimizer : optimizers)
            for (const char* dtype : {"float32", "float64"}) {
                change(t.w, [&](ExperimentConfig& c) {
                    c.model.type = model;
                    c.model.degree = 3;
                    c.model.hidden = {8, 8};
                    c.model.activation = QStringLiteral("relu");
                    c.optimizer = OptimizerConfig::defaults(optimizer);
                    c.optimizer.lr = 0.01;
                    c.training.epochs = 15;
                    c.training.dtype = QString::fromLatin1(dtype);
                });
                // Alternate the view in front, so that the graph is built for every model too.
                t.w.views()->setCurrentIndex(static_cast<int>(runs % 5));
                const QString what = QStringLiteral("%1 %2 %3").arg(jsonName(model), jsonName(optimizer), QString::fromLatin1(dtype));
                QVERIFY2(runToEnd(t.w), qPrintable(what + QStringLiteral(": ") + t.w.lastMessage()));
                ++runs;
                QCOMPARE(t.w.project().runs.size(), runs);
                const RunRecord& r = t.w.project().runs.back();
                QVERIFY2(!r.diverged && finite(r.finalParams), qPrintable(what));
                QCOMPARE(r.epochs, 15);
                QVERIFY2(!visibleError(t.w), qPrintable(what));
                if (t.w.views()->currentWidget() == t.w.graphView())
                    QVERIFY2(t.w.graphView()->nodeCount() > 0, qPrintable(what + t.w.graphView()->message()));
            }
    // Runs of different models side by side, and all of them in the loss plot.
    for (int i = 1; i < static_cast<int>(runs); i += 3) {
        t.w.runList()->selectRuns({0, i});
        QCOMPARE(t.w.runList()->selectedRuns().size(), 2);
    }
    QList<int> all;
    for (int i = 0; i < static_cast<int>(runs); ++i)
        all << i;
    t.w.runList()->selectRuns(all);
    t.w.views()->setCurrentWidget(t.w.lossPlot());
    QCoreApplication::processEvents();
    QVERIFY(!visibleError(t.w));
}

void TestWindowRobustness::mlpOnThreeFeatures()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("three.csv"));
    QVERIFY(writeFile(path, threeFeatureCsv()));
    Window t;
    QVERIFY(waitForData(t.w));
    t.w.dataForm()->openCsv(path);
    QCOMPARE(t.w.config().dataset.source, DatasetConfig::Source::Csv);
    // A fresh file gets one feature for the a + b·x model; Select all ticks the three.
    QCOMPARE(t.w.config().dataset.csv.features.size(), 1);
    t.w.dataForm()->findChild<QPushButton*>(QStringLiteral("selectAllFeatures"))->click();
    QCOMPARE(t.w.config().dataset.csv.features.size(), 3);
    change(t.w, [](ExperimentConfig& c) {
        c.model.type = ModelConfig::Type::Mlp;
        c.model.hidden = {8, 8};
        c.model.activation = QStringLiteral("relu");
        c.training.epochs = 20;
    });
    QVERIFY(waitForData(t.w));
    auto* fit = t.w.findChild<widgets::DataFitPlot*>();
    auto* landscape = t.w.findChild<widgets::LandscapePlot*>();
    QVERIFY(fit && landscape);
    // Several features: the MLP's predictions against the observed targets.
    QVERIFY(fit->showsPredictions());
    QVERIFY2(fit->message().isEmpty(), qPrintable(fit->message()));
    QVERIFY(fit->trainGraph()->dataCount() > 0);
    QVERIFY(!landscape->available());
    QVERIFY(!landscape->unavailableReason().isEmpty());
    t.w.views()->setCurrentWidget(t.w.graphView());
    QVERIFY(t.w.graphView()->nodeCount() > 0);
    QVERIFY(t.w.graphView()->message().isEmpty());
    QVERIFY(runToEnd(t.w));
    QVERIFY(finite(t.w.project().runs.back().finalParams));
    QCOMPARE(fit->trainGraph()->name(), QStringLiteral("Trained model, training rows"));
    QVERIFY(fit->trainGraph()->dataCount() > 0);
    QVERIFY(!visibleError(t.w));
}

void TestWindowRobustness::missingValuesUnderBothPolicies()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.csv"));
    QByteArray csv = "x,y\n";
    for (int i = 0; i < 40; ++i)
        csv += QByteArray::number(i / 40.0) + ',' + (i == 17 ? QByteArray() : QByteArray::number(1 + 2 * i / 40.0)) + '\n';
    QVERIFY(writeFile(path, csv));
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [&](ExperimentConfig& c) {
        c.dataset.source = DatasetConfig::Source::Csv;
        c.dataset.csv.path = path;
        c.dataset.csv.features = {QStringLiteral("x")};
        c.dataset.csv.target = QStringLiteral("y");
        c.dataset.csv.missing = CsvConfig::Missing::Error;
        c.training.epochs = 20;
    });
    // Error: the load fails with a message naming the problem, and a run is refused.
    QVERIFY(QTest::qWaitFor([&] { return visibleError(t.w) != nullptr; }, 20000));
    QVERIFY(!t.w.dataReady());
    QVERIFY(!visibleError(t.w)->text().isEmpty());
    closeErrors(t.w);
    QVERIFY(!runToEnd(t.w, 20000));
    QVERIFY(t.w.project().runs.empty());
    QVERIFY(!t.w.isTraining());
    closeErrors(t.w);
    // Drop: the row goes, the rest trains.
    change(t.w, [](ExperimentConfig& c) { c.dataset.csv.missing = CsvConfig::Missing::Drop; });
    QVERIFY(waitForData(t.w));
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.size(), std::size_t(1));
    QVERIFY(finite(t.w.project().runs.back().finalParams));
}

void TestWindowRobustness::unreadableCsvFilesLoseNothing()
{
    QTemporaryDir dir;
    const QString ragged = dir.filePath(QStringLiteral("ragged.csv"));
    const QString binary = dir.filePath(QStringLiteral("binary.csv"));
    const QString empty = dir.filePath(QStringLiteral("empty.csv"));
    const QString headerOnly = dir.filePath(QStringLiteral("header.csv"));
    QVERIFY(writeFile(ragged, "x,y\n1,2\n3\n4,5,6\n"));
    QByteArray bytes;
    for (int i = 0; i < 4096; ++i)
        bytes += static_cast<char>((i * 131 + 7) % 256);
    QVERIFY(writeFile(binary, bytes));
    QVERIFY(writeFile(empty, ""));
    QVERIFY(writeFile(headerOnly, "x,y\n"));
    Window t;
    QVERIFY(waitForData(t.w));
    const QByteArray before = t.w.project().toJson();
    const int undoCount = t.w.undoStack()->count();
    for (const QString& file : {ragged, binary, empty, headerOnly, dir.filePath(QStringLiteral("nowhere.csv")), dir.path()}) {
        t.w.dataForm()->openCsv(file);
        QCoreApplication::processEvents();
        const bool inlineError = !readerError(t.w)->isHidden() && !readerError(t.w)->text().isEmpty();
        QVERIFY2(inlineError || visibleError(t.w), qPrintable(file));
        closeErrors(t.w);
        QVERIFY2(waitForData(t.w), qPrintable(file + QStringLiteral(": ") + t.w.lastMessage()));
        QCOMPARE(t.w.project().toJson(), before);
        QCOMPARE(t.w.undoStack()->count(), undoCount);
    }
    // Run does not train on other data than the form shows: it names the file it cannot read.
    QVERIFY(!runToEnd(t.w, 3000));
    QVERIFY(visibleError(t.w));
    QVERIFY2(visibleError(t.w)->text().startsWith(QLatin1String("Cannot read ") + dir.path()), qPrintable(visibleError(t.w)->text()));
    closeErrors(t.w);
    QVERIFY(t.w.project().runs.empty());
    // Back to the generated data: it trains.
    auto* source = t.w.dataForm()->findChild<QComboBox*>(QStringLiteral("dataset.source"));
    QVERIFY(source);
    source->setCurrentIndex(source->findData(static_cast<int>(DatasetConfig::Source::Generated)));
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.size(), std::size_t(1));
}

void TestWindowRobustness::hugeLearningRateDiverges()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) {
        c.optimizer.lr = 1e6;
        c.training.epochs = 200;
    });
    QSignalSpy finished(&t.w, &MainWindow::runFinished);
    t.w.action(QStringLiteral("run"))->trigger();
    QVERIFY(finished.wait(30000));
    QVERIFY(t.w.project().runs.back().diverged);
    // The graph's values are the last finite parameters, from before the epoch that diverged.
    const qint64 diverged = t.w.project().runs.back().epochs;
    t.w.views()->setCurrentWidget(t.w.graphView());
    QVERIFY2(t.w.graphView()->caption().contains(QStringLiteral("after epoch %1's update").arg(diverged - 1)),
             qPrintable(QStringLiteral("%1 epochs: %2").arg(diverged).arg(t.w.graphView()->caption())));
    QMessageBox* box = visibleError(t.w);
    QVERIFY(box);
    QVERIFY(!box->text().isEmpty());
    closeErrors(t.w);
    QVERIFY(t.w.action(QStringLiteral("run"))->isEnabled());
    change(t.w, [](ExperimentConfig& c) { c.optimizer.lr = 0.1; });
    QVERIFY(runToEnd(t.w));
    QVERIFY(!t.w.project().runs.back().diverged);
    QCOMPARE(t.w.project().runs.back().epochs, 200);
    QVERIFY(!visibleError(t.w));
}

void TestWindowRobustness::stepStepResetRun()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 50; });
    QSignalSpy paused(t.w.controller(), &TrainingController::paused);
    auto pausedAt = [&](qint64 epoch) {
        return QTest::qWaitFor([&] { return !paused.isEmpty() && paused.last().first().value<TrainingSnapshot>().epoch == epoch; }, 20000);
    };
    t.w.action(QStringLiteral("step"))->trigger();
    QVERIFY(pausedAt(1));
    t.w.action(QStringLiteral("step"))->trigger();
    QVERIFY(pausedAt(2));
    t.w.action(QStringLiteral("reset"))->trigger();
    QVERIFY(QTest::qWaitFor([&] { return !t.w.isTraining(); }, 20000));
    QVERIFY(QTest::qWaitFor([&] { return t.w.lastMessage().contains(QLatin1String("initial")); }, 5000));
    QCOMPARE(t.w.project().runs.size(), std::size_t(1)); // the stopped run is kept
    QCOMPARE(t.w.project().runs.back().epochs, 2);
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.size(), std::size_t(2));
    QCOMPARE(t.w.project().runs.back().epochs, 50);
    // The finished run stays on screen: the earlier Reset does not fire again.
    QTest::qWait(50);
    QVERIFY(!t.w.lastMessage().contains(QLatin1String("initial")));
    QVERIFY(!visibleError(t.w));
}

void TestWindowRobustness::stopRightAfterRun()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 100000; });
    for (int i = 0; i < 3; ++i) {
        QSignalSpy finished(&t.w, &MainWindow::runFinished);
        t.w.action(QStringLiteral("run"))->trigger();
        t.w.action(QStringLiteral("stop"))->trigger();
        QVERIFY(finished.wait(20000));
        QVERIFY(!t.w.isTraining());
        QVERIFY(t.w.project().runs.back().epochs < 100000);
    }
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 30; });
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.back().epochs, 30);
    QCOMPARE(t.w.project().runs.size(), std::size_t(4));
}

void TestWindowRobustness::runWhileTheDataLoads()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) {
        c.dataset.generator.n = 2'000'000;
        c.training.epochs = 2;
    });
    QVERIFY(!t.w.dataReady());
    QVERIFY(runToEnd(t.w, 60000)); // starts once the data is there
    QCOMPARE(t.w.project().runs.size(), std::size_t(1));
    QCOMPARE(t.w.project().runs.back().epochs, 2);
    QCOMPARE(t.w.project().runs.back().config.dataset.generator.n, 2'000'000);
}

void TestWindowRobustness::dataEditsDuringLoadingReload()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.dataset.generator.n = 2'000'000; });
    QVERIFY(!t.w.dataReady());
    QElapsedTimer timer;
    timer.start();
    change(t.w, [](ExperimentConfig& c) { c.dataset.generator.n = 300; });
    QVERIFY(waitForData(t.w));
    QVERIFY(t.w.lastMessage().startsWith(QLatin1String("300 rows")));
    // Undo while the large set loads again, then once more to the tutorial's data.
    t.w.action(QStringLiteral("undo"))->trigger();
    QCOMPARE(t.w.config().dataset.generator.n, 2'000'000);
    t.w.action(QStringLiteral("undo"))->trigger();
    QCOMPARE(t.w.config().dataset.generator.n, 100);
    QVERIFY(waitForData(t.w));
    QVERIFY(timer.elapsed() < 20000);
    QVERIFY(t.w.lastMessage().startsWith(QLatin1String("100 rows")));
    QVERIFY(!visibleError(t.w));
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.back().config.dataset.generator.n, 100);
}

void TestWindowRobustness::undoRedoAcrossDataSources()
{
    QTemporaryDir dir;
    const QString three = dir.filePath(QStringLiteral("three.csv"));
    QVERIFY(writeFile(three, threeFeatureCsv()));
    Window t;
    QVERIFY(waitForData(t.w));
    const ExperimentConfig tutorial = t.w.config();
    t.w.dataForm()->openCsv(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"));
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.model.type = ModelConfig::Type::Linear; });
    t.w.dataForm()->openCsv(three);
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.dataset.source = DatasetConfig::Source::Generated; });
    QVERIFY(waitForData(t.w));
    const int steps = t.w.undoStack()->count();
    QCOMPARE(steps, 4);
    std::vector<QByteArray> states;
    for (int i = 0; i < steps; ++i) {
        states.push_back(QJsonDocument(toJson(t.w.config())).toJson());
        t.w.action(QStringLiteral("undo"))->trigger(); // without waiting for each load
    }
    QVERIFY(waitForData(t.w));
    QCOMPARE(t.w.config().dataset.source, tutorial.dataset.source);
    QCOMPARE(toJson(t.w.config()), toJson(tutorial));
    for (int i = steps - 1; i >= 0; --i) {
        t.w.action(QStringLiteral("redo"))->trigger();
        QVERIFY(waitForData(t.w));
        QCOMPARE(QJsonDocument(toJson(t.w.config())).toJson(), states[static_cast<std::size_t>(i)]);
    }
    // Back to the three-feature CSV with a linear model; it trains.
    t.w.action(QStringLiteral("undo"))->trigger();
    QVERIFY(waitForData(t.w));
    QCOMPARE(t.w.config().dataset.csv.features.size(), 3);
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 20; });
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.back().finalParams.size(), std::size_t(4));
    QVERIFY(!visibleError(t.w));
}

void TestWindowRobustness::removingRuns()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 20; });
    QVERIFY(runToEnd(t.w));
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 30; });
    QVERIFY(runToEnd(t.w));
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.size(), std::size_t(3));
    t.w.runList()->selectRuns({1, 2});
    emit t.w.runList()->removeRequested(1);
    QCOMPARE(t.w.project().runs.size(), std::size_t(2));
    QCOMPARE(t.w.project().runs[0].epochs, 20);
    emit t.w.runList()->removeRequested(7); // no such run: nothing happens
    emit t.w.runList()->removeRequested(-1);
    QCOMPARE(t.w.project().runs.size(), std::size_t(2));
    // Not while a run is in progress.
    QSignalSpy paused(t.w.controller(), &TrainingController::paused);
    t.w.action(QStringLiteral("step"))->trigger();
    QVERIFY(paused.wait(20000));
    emit t.w.runList()->removeRequested(0);
    QCOMPARE(t.w.project().runs.size(), std::size_t(2));
    t.w.action(QStringLiteral("stop"))->trigger();
    QVERIFY(QTest::qWaitFor([&] { return !t.w.isTraining(); }, 20000));
    QCOMPARE(t.w.project().runs.size(), std::size_t(3));
    emit t.w.runList()->removeRequested(0);
    emit t.w.runList()->removeRequested(0);
    emit t.w.runList()->removeRequested(0);
    QVERIFY(t.w.project().runs.empty());
    QVERIFY(t.w.isWindowModified());
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.size(), std::size_t(1));
}

void TestWindowRobustness::saveToAnUnwritablePath()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.optimizer.lr = 0.05; });
    QVERIFY(t.w.isWindowModified());
    const QByteArray before = t.w.project().toJson();
    for (const QString& path : {QStringLiteral("/proc/x.gradlab"), QStringLiteral("/nonexistent-dir/sub/x.gradlab")}) {
        QVERIFY(!t.w.saveProject(path));
        QVERIFY(visibleError(t.w));
        closeErrors(t.w);
        QVERIFY(t.w.isWindowModified());
        QVERIFY(t.w.project().filePath().isEmpty());
        QCOMPARE(t.w.project().toJson(), before);
        QVERIFY(!t.w.windowTitle().contains(QLatin1String("x.gradlab")));
    }
    QVERIFY(runToEnd(t.w));
}

void TestWindowRobustness::projectWithAMissingCsv()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("data.csv"));
    const QString project = dir.filePath(QStringLiteral("p.gradlab"));
    QVERIFY(QFile::copy(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"), csv));
    {
        Window t;
        QVERIFY(waitForData(t.w));
        t.w.dataForm()->openCsv(csv);
        QVERIFY(waitForData(t.w));
        change(t.w, [](ExperimentConfig& c) { c.training.epochs = 20; });
        QVERIFY(runToEnd(t.w));
        QVERIFY(t.w.saveProject(project));
    }
    QVERIFY(QFile::remove(csv));
    // The project keeps a copy of a small file: it opens with that copy, and says so; its run was
    // trained on that same data, so the run is drawn.
    {
        Window t;
        QVERIFY(waitForData(t.w));
        QVERIFY(t.w.openProject(project));
        QVERIFY(waitForData(t.w));
        QVERIFY2(t.w.lastMessage().contains(QLatin1String("data.csv")), qPrintable(t.w.lastMessage()));
        QVERIFY(!visibleError(t.w));
        const RunRecord& run = t.w.project().runs.at(0);
        auto* fit = t.w.findChild<widgets::DataFitPlot*>();
        QVERIFY(fit && !fit->fitGraph()->data()->isEmpty());
        for (const QCPGraphData& point : *fit->fitGraph()->data())
            QVERIFY(std::abs(point.value - (run.finalParams[0] + run.finalParams[1] * point.key)) < 1e-6);
        QVERIFY(runToEnd(t.w));
    }
    // Without the copy (a project saved by hand, or one of a large file), the missing file is an error.
    QJsonObject root = QJsonDocument::fromJson(readFile(project)).object();
    QJsonObject dataset = root.value(QStringLiteral("dataset")).toObject();
    QJsonObject csvObject = dataset.value(QStringLiteral("csv")).toObject();
    QVERIFY(csvObject.contains(QStringLiteral("embedded")));
    csvObject.remove(QStringLiteral("embedded"));
    dataset.insert(QStringLiteral("csv"), csvObject);
    root.insert(QStringLiteral("dataset"), dataset);
    QVERIFY(writeFile(project, QJsonDocument(root).toJson()));
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(t.w.openProject(project)); // the project itself is fine
    QVERIFY(QTest::qWaitFor([&] { return visibleError(t.w) != nullptr; }, 20000));
    QVERIFY(t.w.lastMessage().contains(QLatin1String("data.csv")));
    QVERIFY(!t.w.dataReady());
    QCOMPARE(t.w.config().dataset.source, DatasetConfig::Source::Csv);
    closeErrors(t.w);
    QVERIFY(!runToEnd(t.w, 20000)); // refused with a message
    QVERIFY(visibleError(t.w));
    QCOMPARE(t.w.project().runs.size(), std::size_t(1)); // the saved run only
    closeErrors(t.w);
    // The file comes back: Run loads it and trains.
    QVERIFY(QFile::copy(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"), csv));
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.size(), std::size_t(2));
}

void TestWindowRobustness::everyParameterFrozen()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.model.frozen = {QStringLiteral("a"), QStringLiteral("b")}; });
    QVERIFY(!runToEnd(t.w, 20000));
    QVERIFY(!t.w.isTraining());
    QMessageBox* box = visibleError(t.w);
    QVERIFY(box);
    QVERIFY(box->text().contains(QLatin1String("frozen")));
    QVERIFY(t.w.project().runs.empty());
    closeErrors(t.w);
    // Step is refused the same way, and the graph explains itself.
    t.w.action(QStringLiteral("step"))->trigger();
    QVERIFY(QTest::qWaitFor([&] { return !t.w.isTraining() && visibleError(t.w); }, 20000));
    closeErrors(t.w);
    t.w.views()->setCurrentWidget(t.w.graphView());
    QVERIFY(!t.w.graphView()->message().isEmpty());
    change(t.w, [](ExperimentConfig& c) { c.model.frozen = {QStringLiteral("a")}; });
    QVERIFY(runToEnd(t.w));
    const RunRecord& r = t.w.project().runs.back();
    QCOMPARE(r.finalParams[0], r.history.front().params[0]); // a stayed where it was
}

void TestWindowRobustness::batchLargerThanTheData()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) {
        c.training.batchSize = 100000;
        c.training.shuffle = true;
        c.training.epochs = 50;
    });
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.back().epochs, 50);
    QVERIFY(finite(t.w.project().runs.back().finalParams));
    QVERIFY(!visibleError(t.w));
}

void TestWindowRobustness::noValidationRows()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) {
        c.dataset.split.trainFraction = 0.999;
        c.training.epochs = 30;
    });
    QVERIFY(waitForData(t.w));
    // Either it trains without a validation loss, or it says why it cannot.
    const bool ran = runToEnd(t.w);
    if (ran) {
        QVERIFY(finite(t.w.project().runs.back().finalParams));
        QVERIFY(!visibleError(t.w));
    } else {
        QVERIFY(visibleError(t.w));
    }
    closeErrors(t.w);
    t.w.views()->setCurrentWidget(t.w.graphView());
    QVERIFY(t.w.graphView()->nodeCount() > 0);
    change(t.w, [](ExperimentConfig& c) { c.dataset.split.trainFraction = 0.8; });
    QVERIFY(runToEnd(t.w));
}

void TestWindowRobustness::graphRootsWhilePaused()
{
    Window t;
    QVERIFY(waitForData(t.w));
    for (ModelConfig::Type model : {ModelConfig::Type::ScalarLinear, ModelConfig::Type::Polynomial, ModelConfig::Type::Mlp}) {
        change(t.w, [&](ExperimentConfig& c) {
            c.model.type = model;
            c.model.degree = 3;
            c.model.hidden = {8, 8};
            c.training.epochs = 10;
        });
        QVERIFY(waitForData(t.w));
        t.w.views()->setCurrentWidget(t.w.graphView());
        QVERIFY2(t.w.graphView()->caption().contains(QStringLiteral("initial parameters")), qPrintable(t.w.graphView()->caption()));
        QSignalSpy paused(t.w.controller(), &TrainingController::paused);
        t.w.action(QStringLiteral("step"))->trigger();
        QVERIFY(paused.wait(20000));
        QTest::qWait(20);
        // The graph is a fresh pass at the parameters epoch 1 left, and says so.
        QVERIFY2(t.w.graphView()->caption().contains(QStringLiteral("after epoch 1's update")), qPrintable(t.w.graphView()->caption()));
        for (GraphRoot root : {GraphRoot::Loss, GraphRoot::Error, GraphRoot::Yhat, GraphRoot::LossWrittenOut, GraphRoot::Loss}) {
            for (bool values : {true, false, true}) {
                t.w.graphView()->setRoot(root);
                t.w.graphView()->setShowValues(values);
                QVERIFY(t.w.graphView()->nodeCount() > 0);
                QVERIFY(t.w.graphView()->message().isEmpty());
            }
        }
        t.w.action(QStringLiteral("step"))->trigger();
        QVERIFY(paused.wait(20000));
        QVERIFY(t.w.graphView()->nodeCount() > 0);
        QVERIFY2(t.w.graphView()->caption().contains(QStringLiteral("after epoch 2's update")), qPrintable(t.w.graphView()->caption()));
        t.w.views()->setCurrentIndex(0);
        t.w.action(QStringLiteral("stop"))->trigger();
        QVERIFY(QTest::qWaitFor([&] { return !t.w.isTraining(); }, 20000));
        t.w.views()->setCurrentWidget(t.w.graphView());
        QVERIFY(t.w.graphView()->nodeCount() > 0);
    }
    QVERIFY(!visibleError(t.w));
}

void TestWindowRobustness::closeWhileTheDataLoads()
{
    auto* w = new MainWindow;
    w->unsavedChangesPrompt = [](QWidget*) { return QMessageBox::Discard; };
    w->show();
    QVERIFY(waitForData(*w));
    ExperimentConfig c = w->config();
    c.dataset.generator.n = 2'000'000;
    w->changeConfig(c, QStringLiteral("n"), QStringLiteral("n"));
    w->run(); // pending until loaded
    QVERIFY(!w->dataReady());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(w->close());
    delete w;
    QVERIFY(timer.elapsed() < 10000); // the load is cancelled, not waited out
}

void TestWindowRobustness::destroyWhilePaused()
{
    auto* w = new MainWindow;
    w->unsavedChangesPrompt = [](QWidget*) { return QMessageBox::Discard; };
    w->show();
    QVERIFY(waitForData(*w));
    QSignalSpy paused(w->controller(), &TrainingController::paused);
    w->step();
    QVERIFY(paused.wait(20000));
    w->views()->setCurrentWidget(w->graphView());
    delete w; // no close event: the destructor alone stops the worker
    // And a window destroyed mid-run.
    w = new MainWindow;
    w->show();
    QVERIFY(waitForData(*w));
    QSignalSpy progress(w->controller(), &TrainingController::progress);
    ExperimentConfig c = w->config();
    c.training.epochs = 1'000'000'000;
    w->changeConfig(c, QString(), QStringLiteral("epochs"));
    w->run();
    QVERIFY(progress.wait(20000));
    delete w;
}

void TestWindowRobustness::resetPressedTwiceDuringARun()
{
    // Reset pressed twice while a run stops, then a fresh run: the results of that run stay.
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 1'000'000; });
    QSignalSpy progress(t.w.controller(), &TrainingController::progress);
    t.w.action(QStringLiteral("run"))->trigger();
    QVERIFY(progress.wait(20000));
    t.w.action(QStringLiteral("reset"))->trigger();
    t.w.action(QStringLiteral("reset"))->trigger();
    QVERIFY(QTest::qWaitFor([&] { return !t.w.isTraining(); }, 20000));
    QTest::qWait(20);
    QVERIFY(t.w.lastMessage().contains(QLatin1String("initial")));
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 20; });
    QVERIFY(runToEnd(t.w));
    QTest::qWait(20);
    QVERIFY2(t.w.lastMessage().contains(QLatin1String("finished")), qPrintable(t.w.lastMessage()));
    QCOMPARE(t.w.project().runs.size(), std::size_t(2));
}

void TestWindowRobustness::impossibleGeneratorSettings()
{
    Window t;
    QVERIFY(waitForData(t.w));
    const std::function<void(ExperimentConfig&)> edits[] = {
        [](ExperimentConfig& c) { c.dataset.generator.n = 1; },
        [](ExperimentConfig& c) { c.dataset.generator.xMin = 2.0; },
        [](ExperimentConfig& c) { c.dataset.generator.noise = -1.0; },
        [](ExperimentConfig& c) { c.dataset.generator.features = 3; },
        [](ExperimentConfig& c) { c.dataset.generator.n = 1'000'000'000'000; },
    };
    for (const auto& edit : edits) {
        change(t.w, edit);
        // Settings the forms mark are said in the status bar; others in a dialog.
        QVERIFY2(QTest::qWaitFor([&] { return t.w.dataReady() || visibleError(t.w) || t.w.lastMessage().contains(QLatin1String("could not be loaded")); },
                                 20000),
                 qPrintable(t.w.lastMessage()));
        closeErrors(t.w);
        QVERIFY(!runToEnd(t.w, 20000));
        QVERIFY(visibleError(t.w)); // why the run cannot start
        closeErrors(t.w);
        QVERIFY(t.w.project().runs.empty());
        t.w.action(QStringLiteral("undo"))->trigger();
        QVERIFY(waitForData(t.w));
    }
    QVERIFY(runToEnd(t.w));
}

void TestWindowRobustness::projectWithAnAbsurdDataSize()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.gradlab"));
    QVERIFY(writeFile(path, R"({"format": "gradlab-project", "version": 1, "experiment": {"dataset": {"generator": {"n": 1e12, "features": 1000}},
        "model": {"type": "linear"}}})"));
    Window t;
    QVERIFY(waitForData(t.w));
    if (t.w.openProject(path)) {
        QVERIFY(QTest::qWaitFor([&] { return t.w.dataReady() || visibleError(t.w); }, 20000));
        QVERIFY(visibleError(t.w));
        closeErrors(t.w);
        QVERIFY(!runToEnd(t.w, 20000));
        QVERIFY(visibleError(t.w));
    } else {
        QVERIFY(visibleError(t.w));
    }
    closeErrors(t.w);
    QVERIFY(t.w.newProject());
    QVERIFY(runToEnd(t.w));
}

void TestWindowRobustness::cancelAndChangeALargeCsvLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.csv"));
    {
        QByteArray csv = "x,y\n";
        csv.reserve(40'000'000);
        for (int i = 0; i < 1'500'000; ++i) {
            const double x = (i % 1000) / 1000.0;
            csv += QByteArray::number(x, 'f', 3) + ',' + QByteArray::number(1 + 2 * x + ((i * 37) % 11 - 5) * 0.01, 'f', 4) + '\n';
        }
        QVERIFY(writeFile(path, csv));
    }
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 3; });
    t.w.dataForm()->openCsv(path);
    QVERIFY(!t.w.dataReady());
    // Run waits for the data; the Cancel button in the status bar drops both.
    t.w.run();
    QToolButton* cancel = nullptr;
    for (QToolButton* b : t.w.findChildren<QToolButton*>())
        if (b->text() == QLatin1String("Cancel"))
            cancel = b;
    QVERIFY(cancel);
    cancel->click();
    QVERIFY(QTest::qWaitFor([&] { return t.w.lastMessage().contains(QLatin1String("cancelled")); }, 20000));
    QVERIFY(!t.w.dataReady());
    QTest::qWait(50);
    QVERIFY(!t.w.isTraining());
    QVERIFY(t.w.project().runs.empty());
    QCOMPARE(t.w.config().dataset.csv.path, path); // the settings stay; only the load stopped
    // A change of the data settings while it loads again: the old load gives way to the new one.
    t.w.run();
    QVERIFY(!t.w.dataReady());
    change(t.w, [](ExperimentConfig& c) { c.dataset.split.trainFraction = 0.5; });
    QVERIFY(waitForData(t.w, 60000));
    QVERIFY(QTest::qWaitFor([&] { return !t.w.project().runs.empty() && !t.w.isTraining(); }, 60000));
    QCOMPARE(t.w.project().runs.back().config.dataset.split.trainFraction, 0.5);
    QCOMPARE(t.w.project().runs.back().epochs, 3);
    QVERIFY(!visibleError(t.w));
}

void TestWindowRobustness::rapidControlSequences()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 5; });
    auto idle = [&] { return QTest::qWaitFor([&] { return !t.w.isTraining() && t.w.action(QStringLiteral("pause"))->isEnabled() == false
                                                        && !t.w.action(QStringLiteral("stop"))->isEnabled(); }, 20000); };
    // More steps than epochs: the run ends at its last epoch.
    for (int i = 0; i < 8; ++i)
        t.w.action(QStringLiteral("step"))->trigger();
    QVERIFY(QTest::qWaitFor([&] { return t.w.project().runs.size() == 1; }, 20000));
    QVERIFY(idle());
    QCOMPARE(t.w.project().runs.back().epochs, 5);
    // Run, Pause, Step, Step, Resume.
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 200000; });
    QSignalSpy paused(t.w.controller(), &TrainingController::paused);
    t.w.action(QStringLiteral("run"))->trigger();
    t.w.action(QStringLiteral("pause"))->trigger();
    QVERIFY(paused.wait(20000));
    t.w.action(QStringLiteral("step"))->trigger();
    t.w.action(QStringLiteral("step"))->trigger();
    t.w.action(QStringLiteral("run"))->trigger();
    QVERIFY(QTest::qWaitFor([&] { return t.w.action(QStringLiteral("pause"))->isEnabled(); }, 20000));
    // Pause, Stop and Run again at once, then Stop: every press ends in a recorded run and an idle window.
    t.w.action(QStringLiteral("pause"))->trigger();
    t.w.action(QStringLiteral("stop"))->trigger();
    t.w.action(QStringLiteral("run"))->trigger();
    t.w.action(QStringLiteral("stop"))->trigger();
    QVERIFY(idle());
    QTest::qWait(50);
    QVERIFY(idle());
    const std::size_t runs = t.w.project().runs.size();
    QVERIFY(runs >= 2);
    for (const RunRecord& r : t.w.project().runs)
        QVERIFY(r.epochs <= r.config.training.epochs);
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 30; });
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.size(), runs + 1);
    QCOMPARE(t.w.project().runs.back().epochs, 30);
    QVERIFY(!visibleError(t.w));
}

void TestWindowRobustness::stepInspectorForEveryLoss()
{
    Window t;
    QVERIFY(waitForData(t.w));
    int combos = 0;
    for (ModelConfig::Type model : {ModelConfig::Type::ScalarLinear, ModelConfig::Type::Polynomial, ModelConfig::Type::Mlp})
        for (LossConfig::Type loss : {LossConfig::Type::Mse, LossConfig::Type::L1, LossConfig::Type::Huber, LossConfig::Type::SmoothL1})
            for (LossConfig::Reduction reduction : {LossConfig::Reduction::Mean, LossConfig::Reduction::Sum}) {
                change(t.w, [&](ExperimentConfig& c) {
                    c.model.type = model;
                    c.model.degree = 3;
                    c.model.hidden = {4};
                    c.loss.type = loss;
                    c.loss.reduction = reduction;
                    c.training.batchSize = (combos % 2) ? 7 : 0;
                    c.training.shuffle = true;
                    c.training.dtype = (combos % 3) ? QStringLiteral("float32") : QStringLiteral("float64");
                    c.optimizer = OptimizerConfig::defaults(combos % 2 ? OptimizerConfig::Type::Adam : OptimizerConfig::Type::Sgd);
                    c.optimizer.lr = 0.01;
                });
                ++combos;
                const QString what = QStringLiteral("%1 %2 %3").arg(jsonName(model), jsonName(loss), jsonName(reduction));
                QSignalSpy paused(t.w.controller(), &TrainingController::paused);
                t.w.action(QStringLiteral("step"))->trigger();
                QVERIFY2(paused.wait(20000), qPrintable(what));
                QVERIFY2(!t.w.stepInspector()->cellText(0, 0).isEmpty(), qPrintable(what));
                t.w.action(QStringLiteral("step"))->trigger();
                QVERIFY2(QTest::qWaitFor([&] { return paused.size() >= 2; }, 20000), qPrintable(what));
                t.w.action(QStringLiteral("stop"))->trigger();
                QVERIFY2(QTest::qWaitFor([&] { return !t.w.isTraining(); }, 20000), qPrintable(what));
                QVERIFY2(!visibleError(t.w), qPrintable(what + t.w.lastMessage()));
            }
    QCOMPARE(t.w.project().runs.size(), std::size_t(combos));
}

// QA 13: a project whose CSV is /dev/zero hung the loading (its hash read for ever); the reader's
// refusal comes at once, as a sentence in the box (QA batch 13: it began in lower case).
void TestWindowRobustness::aProjectReadingADeviceSaysSoAtOnce()
{
    if (!QFileInfo::exists(QStringLiteral("/dev/zero")))
        QSKIP("no /dev/zero here");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("zero.gradlab"));
    Project p;
    p.config.dataset.source = DatasetConfig::Source::Csv;
    p.config.dataset.csv.path = QStringLiteral("/dev/zero");
    p.config.dataset.csv.features = {"x"};
    p.config.dataset.csv.target = QStringLiteral("y");
    QString error;
    QVERIFY2(p.save(path, &error), qPrintable(error));
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(t.w.openProject(path));
    QVERIFY(QTest::qWaitFor([&] { return visibleError(t.w) != nullptr; }, 20000));
    const QString text = visibleError(t.w)->text();
    QVERIFY2(text.startsWith(QLatin1String("Cannot read /dev/zero: it is a pipe or a device")), qPrintable(text));
    closeErrors(t.w);
}

void TestWindowRobustness::aDeviceThatIsNotThere()
{
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.training.device = QStringLiteral("cuda:7"); });
    QVERIFY(!runToEnd(t.w, 20000));
    QVERIFY(!t.w.isTraining());
    QVERIFY(visibleError(t.w));
    QVERIFY(t.w.lastMessage().contains(QLatin1String("cuda")));
    closeErrors(t.w);
    t.w.views()->setCurrentWidget(t.w.graphView()); // the graph is drawn on the CPU whatever the device
    QVERIFY(t.w.graphView()->nodeCount() > 0);
    change(t.w, [](ExperimentConfig& c) { c.training.device = QStringLiteral("cpu"); });
    QVERIFY(runToEnd(t.w));
}

void TestWindowRobustness::moreParametersThanRows()
{
    Window t;
    QVERIFY(waitForData(t.w));
    for (ModelConfig::Type model : {ModelConfig::Type::Linear, ModelConfig::Type::Polynomial, ModelConfig::Type::Mlp}) {
        change(t.w, [&](ExperimentConfig& c) {
            c.dataset.generator.n = 12;
            c.dataset.generator.features = 40;
            c.dataset.generator.weights.assign(40, 0.5);
            c.model.type = model;
            c.model.degree = 3;
            c.training.epochs = 20;
            c.optimizer.lr = 0.001;
        });
        QVERIFY(waitForData(t.w));
        t.w.views()->setCurrentWidget(t.w.graphView());
        // A polynomial fits one feature: the graph says so instead.
        if (model == ModelConfig::Type::Polynomial)
            QVERIFY(t.w.graphView()->message().contains(QLatin1String("one feature")));
        else
            QVERIFY2(t.w.graphView()->nodeCount() > 0, qPrintable(t.w.graphView()->message()));
        const bool ran = runToEnd(t.w);
        QVERIFY2(ran || visibleError(t.w), qPrintable(jsonName(model)));
        closeErrors(t.w);
        t.w.views()->setCurrentIndex(3);
        t.w.runList()->selectRuns({0});
    }
}

void TestWindowRobustness::anotherModelAfterARun()
{
    // The views after a run show the new model's initial state, not the old run's parameters
    // under the new model.
    Window t;
    QVERIFY(waitForData(t.w));
    change(t.w, [](ExperimentConfig& c) { c.training.epochs = 20; });
    QVERIFY(runToEnd(t.w));
    auto* fit = t.w.findChild<widgets::DataFitPlot*>();
    for (ModelConfig::Type model : {ModelConfig::Type::Polynomial, ModelConfig::Type::Mlp, ModelConfig::Type::ScalarLinear}) {
        change(t.w, [&](ExperimentConfig& c) {
            c.model.type = model;
            c.model.degree = 3;
            c.model.hidden = {5};
        });
        QVERIFY(waitForData(t.w));
        t.w.views()->setCurrentWidget(t.w.graphView());
        QVERIFY2(t.w.graphView()->nodeCount() > 0, qPrintable(jsonName(model) + QStringLiteral(": ") + t.w.graphView()->message()));
        t.w.views()->setCurrentIndex(0);
        QVERIFY2(QTest::qWaitFor([&] { return fit->fitGraph()->dataCount() > 0; }, 5000), qPrintable(jsonName(model)));
        QVERIFY(runToEnd(t.w));
    }
    QVERIFY(!visibleError(t.w));
}

void TestWindowRobustness::fitPlotFollowsAModelChange()
{
    // The widget alone: points of the tutorial's data, then a cubic instead of the line.
    ExperimentConfig config;
    QString error;
    const auto data = loadExperimentData(config, &error);
    QVERIFY2(data, qPrintable(error));
    widgets::DataFitPlot plot;
    plot.setData(config, *data);
    plot.setFit({1.0, 2.0});
    QVERIFY(plot.fitGraph()->dataCount() > 0);
    config.model.type = ModelConfig::Type::Polynomial;
    config.model.degree = 3;
    plot.setModel(config.model);
    QCOMPARE(plot.fitGraph()->dataCount(), 0); // the line's parameters do not fit a cubic
    plot.setFit({1.0, 2.0, 0.5, -0.5});
    plot.setClosedForm({1.0, 2.0, 0.0, 0.0});
    QVERIFY(plot.fitGraph()->dataCount() > 0);
    QVERIFY(plot.closedFormGraph()->dataCount() > 0);
    QCOMPARE(plot.trainGraph()->dataCount(), data->train.rows()); // the points stay
}

void TestWindowRobustness::csvSourceBeforeAFileIsChosen()
{
    // Choosing "CSV" as the source comes before choosing the file: no error yet.
    Window t;
    QVERIFY(waitForData(t.w));
    auto* source = t.w.dataForm()->findChild<QComboBox*>(QStringLiteral("dataset.source"));
    QVERIFY(source);
    source->setCurrentIndex(source->findData(static_cast<int>(DatasetConfig::Source::Csv)));
    QCOMPARE(t.w.config().dataset.source, DatasetConfig::Source::Csv);
    QTest::qWait(50);
    QVERIFY2(!visibleError(t.w), qPrintable(t.w.lastMessage()));
    QVERIFY(!t.w.dataReady());
    // Run says what is missing.
    QVERIFY(!runToEnd(t.w, 20000));
    QVERIFY(visibleError(t.w));
    QVERIFY2(t.w.lastMessage().contains(QLatin1String("No CSV file is chosen")), qPrintable(t.w.lastMessage()));
    closeErrors(t.w);
    t.w.dataForm()->openCsv(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"));
    QVERIFY(waitForData(t.w));
    QVERIFY(runToEnd(t.w));
    // And back to generated data.
    source->setCurrentIndex(source->findData(static_cast<int>(DatasetConfig::Source::Generated)));
    QVERIFY(waitForData(t.w));
    QVERIFY(!visibleError(t.w));
}

QTEST_MAIN(TestWindowRobustness)
#include "tst_window_robustness.moc"

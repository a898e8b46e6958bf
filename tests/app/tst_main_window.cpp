// The real window, driven as a user drives it (offscreen): the tutorial runs to the end and the
// results table shows PyTorch's a and b; another optimizer runs again; a project is saved,
// reopened and compared; a corrupt project gives a message and leaves the window working;
// closing during a run stops the worker; undo follows the settings; a paused run takes edits;
// Step fills the step inspector with autograd's gradients beside the NumPy formulas; a failed
// CUDA run offers the CPU.
#include "window/main_window.h"

#include "fit/least_squares.h"
#include "widgets/data_form.h"
#include "widgets/graph_view.h"
#include "widgets/least_squares_view.h"
#include "widgets/plot_data_fit.h"
#include "widgets/plot_loss.h"
#include "widgets/plot_landscape.h"
#include "widgets/plot_parameters.h"
#include "widgets/results_view.h"
#include "widgets/run_list.h"
#include "widgets/settings_form.h"
#include "widgets/step_inspector.h"

#include "engine/backend.h"

#include <QIcon>
#include <QImage>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDockWidget>
#include <QDropEvent>
#include <QMimeData>
#include <QTabWidget>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QScopeGuard>
#include <QSettings>
#include <QTreeWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QScreen>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>

#include <array>

using namespace gradlab;
using namespace gradlab::app;
using namespace gradlab::experiment;

namespace {

QJsonObject reference()
{
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_expected.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("tutorial_expected.json is missing");
    return QJsonDocument::fromJson(f.readAll()).object();
}

// A window that never asks (tests answer the unsaved-changes prompt themselves).
struct Window {
    MainWindow w;
    QMessageBox::StandardButton answer = QMessageBox::Discard;
    int prompts = 0;
    Window()
    {
        w.unsavedChangesPrompt = [this](QWidget*) {
            ++prompts;
            return answer;
        };
        w.show();
    }
};

bool waitForData(MainWindow& w)
{
    return QTest::qWaitFor([&] { return w.dataReady(); }, 20000);
}

bool runToEnd(MainWindow& w)
{
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.action(QStringLiteral("run"))->trigger();
    return finished.wait(60000);
}

// Sets the epochs, as the form does, and trains that many to the end.
bool runEpochs(MainWindow& w, qint64 epochs)
{
    ExperimentConfig c = w.config();
    c.training.epochs = epochs;
    w.changeConfig(c, QStringLiteral("training.epochs"), QStringLiteral("epochs"));
    return runToEnd(w);
}

// Rows a and b of the step inspector: autograd's gradient (column 2) is not zero and equals the
// NumPy formula's (column 3).
bool autogradMatchesTheFormula(const widgets::StepInspector* inspector)
{
    for (int row = 0; row < 2; ++row) {
        const double autograd = inspector->cellText(row, 2).toDouble();
        const double formula = inspector->cellText(row, 3).toDouble();
        if (autograd == 0.0 || std::abs(autograd - formula) > 1e-9 * std::abs(formula)) {
            qWarning("row %d: autograd %s, formula %s", row, qPrintable(inspector->cellText(row, 2)), qPrintable(inspector->cellText(row, 3)));
            return false;
        }
    }
    return true;
}

// Whether the data plot's fitted line is `run`'s a + b·x (and is drawn at all).
bool drawsRunsLine(MainWindow& w, const RunRecord& run)
{
    const auto* fit = w.findChild<widgets::DataFitPlot*>();
    if (!fit || fit->fitGraph()->data()->isEmpty())
        return false;
    const double a = run.finalParams[0], b = run.finalParams[1];
    for (const QCPGraphData& point : *fit->fitGraph()->data())
        if (std::abs(point.value - (a + b * point.key)) > 1e-6)
            return false;
    return true;
}

// 2,000,000 rows of x,y on y = 1 + 2x (48 MB: it loads in the background), with a little noise
// when `noisy`; false when the file cannot be written.
bool writeLargeCsv(const QString& path, bool noisy)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray text = "x,y\n";
    for (int i = 0; i < 2'000'000; ++i) {
        const double x = (i % 1000) / 1000.0;
        const double noise = noisy ? static_cast<double>((qint64(i) * 7919) % 1001 - 500) / 1e4 : 0.0;
        text += QByteArray::number(x, 'f', 6) + ',' + QByteArray::number(1.0 + 2.0 * x + noise, 'f', 6) + '\n';
    }
    return f.write(text) == text.size();
}

QMessageBox* visibleError(MainWindow& w)
{
    for (QMessageBox* box : w.findChildren<QMessageBox*>(QStringLiteral("errorMessage")))
        if (box->isVisible())
            return box;
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tutorialRunsToTheEnd();
    void anotherOptimizerRunsAgain();
    void saveReopenCompare();
    void savingOverAProjectChangedOnDiskAsks();
    void saveAsAsksBeforeReplacingAFile();
    void corruptProjectLeavesTheWindowWorking();
    void closingDuringARunStopsTheWorker();
    void closingDuringARunCanSaveTheRun();
    void selectingARunDrawsIt();
    void severalSelectedRunsSayWhichIsDrawn();
    void resetShowsTheInitialParameters();
    void resetLayoutGivesThePanelsRoom();
    void invalidDataSettingsNeedNoDialog();
    void aMissingValueNamesTheControlThatDropsItsRow();
    void aClosedFormThatIsNotUniqueIsSaidSo();
    void leastSquaresTabFollowsTheModel();
    void leastSquaresLevelIsRemembered();
    void leastSquaresStandardErrorsAndPlotAreRemembered();
    void aNewLanguageOffersARestart();
    void aProjectWhoseDataIsMissingShowsNothingOld();
    void undoFollowsTheSettings();
    void undoNamesTheChangeWhereTheLanguagePutsIt();
    void pausedRunTakesEdits();
    void stepFillsTheInspector();
    void stepBatchShowsOneMiniBatch();
    void invalidSettingsCannotStartARun();
    void largeCsvLoadsInTheBackgroundAndCancels();
    void largeGeneratedDatasetCancels();
    void cudaFailureOffersTheCpu();
    void aDroppedBadCsvShowsWhyInView();
    void aPacedRunCanBeWatched();
    void openingACsvLoadsItAsData();
    void defaultGeometryFitsSmallScreens();
    void firstStartFitsTheScreen();
    void toolbarButtonsShowNoMnemonic();
    void toolbarIconsFollowTheDesktopTheme();
    void plotsTakeTheFocusWithTab();
    void pausedRunSaysResumeAndNoRate();
    void viewsExportToTheProjectFolder();
    void openingAProjectWhoseCsvChangedSaysSo();
    void aLargeProjectSaysWhenItsDataIsReady();
    void theWindowFitsA1024PixelScreen();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings and recent files stay out of the user's
    QCoreApplication::setOrganizationName(QStringLiteral("GradLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
}

void TestMainWindow::tutorialRunsToTheEnd()
{
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(t.w.action(QStringLiteral("run"))->isEnabled());
    QVERIFY(runToEnd(t.w));
    const QJsonObject torch = reference().value(QStringLiteral("torch_sgd_lr0.1_1000_epochs_mse_mean")).toObject();
    const QJsonObject sklearn = reference().value(QStringLiteral("closed_form_train")).toObject();
    auto* results = t.w.resultsView();
    QVERIFY(std::abs(results->value(QStringLiteral("a")) - torch.value(QStringLiteral("a")).toDouble()) < 1e-5);
    QVERIFY(std::abs(results->value(QStringLiteral("b")) - torch.value(QStringLiteral("b")).toDouble()) < 1e-5);
    // The closed-form column is scikit-learn's fit.
    QVERIFY(std::abs(results->cellText(QStringLiteral("a"), 1).toDouble() - sklearn.value(QStringLiteral("a")).toDouble()) < 1e-6);
    QVERIFY(std::abs(results->cellText(QStringLiteral("b"), 1).toDouble() - sklearn.value(QStringLiteral("b")).toDouble()) < 1e-6);
    QCOMPARE(t.w.project().runs.size(), std::size_t(1));
    QCOMPARE(t.w.runList()->selectedRuns(), QList<int>{0});
    QVERIFY(t.w.isWindowModified()); // a new run is an unsaved change
    QVERIFY(!t.w.isTraining());
}

void TestMainWindow::anotherOptimizerRunsAgain()
{
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(runToEnd(t.w));
    ExperimentConfig c = t.w.config();
    c.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::Adam);
    c.optimizer.lr = 0.1;
    t.w.changeConfig(c, QStringLiteral("optimizer.type"), QStringLiteral("Adam"));
    QCOMPARE(t.w.settingsForm()->config().optimizer.type, OptimizerConfig::Type::Adam); // the form shows it
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.size(), std::size_t(2));
    QCOMPARE(t.w.project().runs[1].config.optimizer.type, OptimizerConfig::Type::Adam);
    const QJsonObject torch = reference().value(QStringLiteral("torch_adam_lr0.1_1000_epochs_mse_mean")).toObject();
    QVERIFY(std::abs(t.w.resultsView()->value(QStringLiteral("a")) - torch.value(QStringLiteral("a")).toDouble()) < 1e-5);
    QVERIFY(std::abs(t.w.resultsView()->value(QStringLiteral("b")) - torch.value(QStringLiteral("b")).toDouble()) < 1e-5);
    // Two runs selected: compared side by side.
    t.w.runList()->selectRuns({0, 1});
    QCOMPARE(t.w.runList()->selectedRuns().size(), 2);
}

// QA 13: the same project open in two windows; the second window's Save silently dropped the
// runs the first had saved. Now a Save over a file that changed since asks first.
void TestMainWindow::savingOverAProjectChangedOnDiskAsks()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.gradlab"));
    Window a;
    QVERIFY(waitForData(a.w));
    QVERIFY(runEpochs(a.w, 5));
    QVERIFY(a.w.saveProject(path));
    int asked = 0;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    a.w.changedOnDiskPrompt = [&](QWidget*, const QString& file) {
        ++asked;
        [&] { QCOMPARE(QFileInfo(file), QFileInfo(path)); }();
        return answer;
    };
    QVERIFY(runEpochs(a.w, 5));
    QVERIFY(a.w.saveProject(path)); // nobody else wrote it: no question
    QCOMPARE(asked, 0);
    {
        Window b;
        QVERIFY(b.w.openProject(path));
        QVERIFY(waitForData(b.w));
        QVERIFY(runEpochs(b.w, 5));
        QVERIFY(b.w.saveProject(path));
    }
    const auto runsInFile = [&] {
        QString error;
        const auto p = Project::load(path, &error);
        return p ? p->runs.size() : std::size_t(0);
    };
    QCOMPARE(runsInFile(), std::size_t(3));
    QVERIFY(runEpochs(a.w, 5));
    QVERIFY(!a.w.saveProject(path)); // Cancel: the other window's runs stay
    QCOMPARE(asked, 1);
    const auto fileBytes = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QVERIFY(fileBytes() != a.w.project().toJson());
    answer = QMessageBox::Yes; // Overwrite
    QVERIFY(a.w.saveProject(path));
    QCOMPARE(asked, 2);
    QCOMPARE(fileBytes(), a.w.project().toJson()); // a's three runs
    QVERIFY(a.w.saveProject(path)); // written by this window: no question
    QCOMPARE(asked, 2);
}

// Save As: the file dialog checked the name before ".gradlab" was added, so "lab" replaced an
// existing lab.gradlab unasked; and over the open CSV it asked "replace?" before the refusal.
void TestMainWindow::saveAsAsksBeforeReplacingAFile()
{
    QTemporaryDir dir;
    const QString lab = dir.filePath(QStringLiteral("lab.gradlab"));
    QFile other(lab);
    QVERIFY(other.open(QIODevice::WriteOnly) && other.write("someone else's") > 0);
    other.close();
    Window t;
    QVERIFY(waitForData(t.w));
    QStringList asked;
    bool answer = false;
    t.w.replacePrompt = [&](QWidget*, const QString& path) {
        asked << path;
        return answer;
    };
    QVERIFY(!t.w.saveAsPath(dir.filePath(QStringLiteral("lab"))));
    QCOMPARE(asked, QStringList{lab});
    QFile kept(lab);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("someone else's"));
    kept.close();
    answer = true;
    QVERIFY(t.w.saveAsPath(dir.filePath(QStringLiteral("lab"))));
    QCOMPARE(asked.size(), 2);
    QString error;
    QVERIFY2(Project::load(lab, &error), qPrintable(error));
    QVERIFY(t.w.saveAsPath(lab)); // its own file: a Save, no question
    QCOMPARE(asked.size(), 2);
    // The CSV the project reads: refused with the reason, no "replace?" first.
    const QString csv = dir.filePath(QStringLiteral("data.csv"));
    QVERIFY(QFile::copy(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_dataset.csv"), csv));
    t.w.dataForm()->openCsv(csv);
    QVERIFY(waitForData(t.w));
    QVERIFY(!t.w.saveAsPath(csv));
    QCOMPARE(asked.size(), 2);
    QVERIFY2(t.w.lastMessage().contains(QLatin1String("is the data file this project reads")), qPrintable(t.w.lastMessage()));
    if (QMessageBox* box = visibleError(t.w))
        box->close();
}

void TestMainWindow::saveReopenCompare()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tutorial.gradlab"));
    QByteArray saved;
    {
        Window t;
        QVERIFY(waitForData(t.w));
        QVERIFY(runEpochs(t.w, 300));
        QVERIFY(t.w.isWindowModified());
        QVERIFY(t.w.saveProject(path));
        QVERIFY(!t.w.isWindowModified());
        QVERIFY(t.w.windowTitle().contains(QLatin1String("tutorial.gradlab")));
        saved = t.w.project().toJson();
    }
    Window t;
    QVERIFY(t.w.openProject(path));
    QCOMPARE(t.w.project().toJson(), saved);
    QCOMPARE(t.w.config().training.epochs, 300);
    QCOMPARE(t.w.project().runs.size(), std::size_t(1));
    QVERIFY(!t.w.isWindowModified());
    QCOMPARE(t.prompts, 0);
    // The reopened run is shown: its a is the saved one.
    QCOMPARE(t.w.resultsView()->value(QStringLiteral("a")), t.w.project().runs[0].finalParams[0]);
    // And drawn: the fitted line is the run's a + b·x, its trajectories and path are there.
    QVERIFY(waitForData(t.w));
    QVERIFY(drawsRunsLine(t.w, t.w.project().runs[0]));
    auto* params = t.w.findChild<widgets::ParameterPlot*>();
    QVERIFY(params && params->shownParameters() == 2);
    QCOMPARE(params->parameterGraph(0)->data()->size(), 1 + 300); // the initial values at epoch 0, then each epoch
    QVERIFY(t.w.findChild<widgets::LandscapePlot*>()->pathPoints() > 100);
}

void TestMainWindow::corruptProjectLeavesTheWindowWorking()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.gradlab"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "gradlab-project", "version": 1, "experiment": {"optimizer": {"lr": "fast")");
    f.close();
    Window t;
    QVERIFY(waitForData(t.w));
    const QByteArray before = t.w.project().toJson();
    QVERIFY(!t.w.openProject(path));
    QMessageBox* box = visibleError(t.w);
    QVERIFY(box);
    QVERIFY(!box->text().isEmpty());
    QCOMPARE(box->text(), t.w.lastMessage());
    box->close();
    QCOMPARE(t.w.project().toJson(), before); // nothing changed
    QVERIFY(runToEnd(t.w));                   // and the window still trains
    QCOMPARE(t.w.project().runs.size(), std::size_t(1));
}

void TestMainWindow::closingDuringARunStopsTheWorker()
{
    auto* w = new MainWindow;
    w->unsavedChangesPrompt = [](QWidget*) { return QMessageBox::Discard; };
    w->show();
    QVERIFY(waitForData(*w));
    ExperimentConfig c = w->config();
    c.training.epochs = 1'000'000'000;
    w->changeConfig(c, QStringLiteral("training.epochs"), QStringLiteral("epochs"));
    QSignalSpy progress(w->controller(), &TrainingController::progress);
    w->action(QStringLiteral("run"))->trigger();
    QVERIFY(progress.wait(10000));
    QVERIFY(w->isTraining());
    QVERIFY(w->close());
    QVERIFY(!w->isTraining()); // the worker stopped before the window closed
    delete w;                  // and the thread is gone without a crash or a hang
}

// Closing while a run is in progress asks, even in a saved project, and Save keeps the run (stopped
// where it was) in the file.
void TestMainWindow::closingDuringARunCanSaveTheRun()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("running.gradlab"));
    auto* w = new MainWindow;
    int prompts = 0;
    w->unsavedChangesPrompt = [&](QWidget*) {
        ++prompts;
        return QMessageBox::Save;
    };
    w->show();
    QVERIFY(waitForData(*w));
    ExperimentConfig c = w->config();
    c.training.epochs = 1'000'000'000;
    w->changeConfig(c, QStringLiteral("training.epochs"), QStringLiteral("epochs"));
    QVERIFY(w->saveProject(path));
    QVERIFY(!w->isWindowModified());
    QSignalSpy progress(w->controller(), &TrainingController::progress);
    w->action(QStringLiteral("run"))->trigger();
    QVERIFY(progress.wait(10000));
    QVERIFY(w->close());
    QCOMPARE(prompts, 1);
    QVERIFY(!w->isTraining());
    delete w;
    QString error;
    const auto saved = Project::load(path, &error);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(saved->runs.size(), std::size_t(1));
    QVERIFY(saved->runs[0].epochs > 0);
    QVERIFY(saved->runs[0].epochs < 1'000'000'000);
    QCOMPARE(static_cast<qint64>(saved->runs[0].history.size()), saved->runs[0].epochs);
}

// Picking an earlier run draws that run; a run of other data says the plots show the current settings.
void TestMainWindow::selectingARunDrawsIt()
{
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(runEpochs(t.w, 5));
    QVERIFY(runEpochs(t.w, 50));
    auto* params = t.w.findChild<widgets::ParameterPlot*>();
    const auto fitMatches = [&](const RunRecord& run) { return drawsRunsLine(t.w, run); };
    QVERIFY(fitMatches(t.w.project().runs[1]));
    t.w.runList()->selectRuns({0});
    QVERIFY(fitMatches(t.w.project().runs[0]));
    // The initial values at epoch 0, then every epoch.
    QCOMPARE(params->parameterGraph(0)->data()->size(), 1 + 5);
    t.w.runList()->selectRuns({1});
    QCOMPARE(params->parameterGraph(0)->data()->size(), 1 + 50);
    // Other data: the first run no longer belongs to what the plots show.
    ExperimentConfig c = t.w.config();
    c.dataset.generator.b = 3.0;
    t.w.changeConfig(c, QStringLiteral("dataset.generator.b"), QStringLiteral("b"));
    QVERIFY(waitForData(t.w));
    t.w.runList()->selectRuns({0});
    QVERIFY2(t.w.lastMessage().contains(QLatin1String("other data")), qPrintable(t.w.lastMessage()));
    QVERIFY(!fitMatches(t.w.project().runs[0]));
}

// QA N4: with several runs selected the loss plot overlays them, but the plots of one run drew one
// without saying which. They draw the first selected and say so above the plot, in the export too.
void TestMainWindow::severalSelectedRunsSayWhichIsDrawn()
{
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(runEpochs(t.w, 5));
    QVERIFY(runEpochs(t.w, 50));
    QVERIFY(runEpochs(t.w, 20));
    auto* params = t.w.findChild<widgets::ParameterPlot*>();
    const std::array<widgets::PlotView*, 3> oneRun{t.w.findChild<widgets::DataFitPlot*>(), params,
                                                   t.w.findChild<widgets::LandscapePlot*>()};
    for (widgets::PlotView* plot : oneRun)
        QCOMPARE(plot->caption(), QString()); // the run just trained, alone selected

    t.w.runList()->selectRuns({2, 1, 0});
    QCOMPARE(params->parameterGraph(0)->data()->size(), 1 + 5);
    QVERIFY(drawsRunsLine(t.w, t.w.project().runs[0]));
    for (widgets::PlotView* plot : oneRun)
        QCOMPARE(plot->caption(), QStringLiteral("Run 1, the first of the 3 selected runs"));
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("parameters.svg"));
    QString error;
    QVERIFY2(params->exportTo(svg, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("Run 1, the first of the 3 selected runs"));

    t.w.runList()->selectRuns({2, 1});
    QCOMPARE(params->parameterGraph(0)->data()->size(), 1 + 50);
    QCOMPARE(params->caption(), QStringLiteral("Run 2, the first of the 2 selected runs"));
    t.w.runList()->selectRuns({2});
    QCOMPARE(params->parameterGraph(0)->data()->size(), 1 + 20);
    for (widgets::PlotView* plot : oneRun)
        QCOMPARE(plot->caption(), QString());

    // A new run: the plots follow it, with no caption about the selection.
    t.w.runList()->selectRuns({0, 1, 2});
    QVERIFY(!params->caption().isEmpty());
    QVERIFY(runEpochs(t.w, 10));
    for (widgets::PlotView* plot : oneRun)
        QCOMPARE(plot->caption(), QString());
}

// After a run, Reset shows the initial parameters everywhere and no run as selected: the
// landscape marks them, the trajectories start there, the data plot holds their line, and
// clicking the run shows it again.
void TestMainWindow::resetShowsTheInitialParameters()
{
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(runEpochs(t.w, 3));
    QCOMPARE(t.w.runList()->selectedRuns(), QList<int>{0});
    t.w.action(QStringLiteral("reset"))->trigger();
    QVERIFY(t.w.runList()->selectedRuns().isEmpty());

    const QJsonObject init = reference().value(QStringLiteral("torch_init_seed42")).toObject();
    const double a = init.value(QStringLiteral("a")).toDouble(), b = init.value(QStringLiteral("b")).toDouble();
    auto* landscape = t.w.findChild<widgets::LandscapePlot*>();
    QVERIFY(landscape && landscape->available());
    QCOMPARE(landscape->currentGraph()->dataCount(), 1);
    QVERIFY(std::abs(landscape->currentGraph()->data()->at(0)->key - a) < 1e-7);
    QVERIFY(std::abs(landscape->currentGraph()->data()->at(0)->value - b) < 1e-7);
    auto* params = t.w.findChild<widgets::ParameterPlot*>();
    QCOMPARE(params->parameterGraph(0)->dataCount(), 1);
    QCOMPARE(params->parameterGraph(0)->data()->at(0)->key, 0.0);
    QVERIFY(std::abs(params->parameterGraph(0)->data()->at(0)->value - a) < 1e-7);
    auto* fit = t.w.findChild<widgets::DataFitPlot*>();
    QCOMPARE(fit->fitGraph()->name(), QStringLiteral("Initial parameters"));
    QTRY_VERIFY(fit->yAxis->range().contains(a + b * fit->xAxis->range().lower));
    QVERIFY(fit->yAxis->range().contains(a + b * fit->xAxis->range().upper));

    // Clicking the run shows it again.
    auto* tree = t.w.runList()->findChild<QTreeWidget*>(QStringLiteral("runs"));
    QVERIFY(tree);
    QVERIFY(QTest::qWaitForWindowExposed(&t.w));
    // On the row's first column: the row is wider than the narrow dock.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, QPoint(8, tree->visualItemRect(tree->topLevelItem(0)).center().y()));
    QCOMPARE(t.w.runList()->selectedRuns(), QList<int>{0});
    QVERIFY(drawsRunsLine(t.w, t.w.project().runs[0]));
    QCOMPARE(params->parameterGraph(0)->dataCount(), 1 + 3);
}

// View > Reset Layout puts the panels back, and a narrow window never squeezes the forms away.
void TestMainWindow::resetLayoutGivesThePanelsRoom()
{
    Window t;
    QVERIFY(waitForData(t.w));
    auto* experiment = t.w.findChild<QDockWidget*>(QStringLiteral("experimentDock"));
    auto* results = t.w.findChild<QDockWidget*>(QStringLiteral("resultsDock"));
    QVERIFY(experiment && results);
    t.w.resize(800, 600);
    QTest::qWait(50);
    QVERIFY2(experiment->width() >= 250, qPrintable(QString::number(experiment->width())));
    QVERIFY2(results->width() >= 230, qPrintable(QString::number(results->width())));
    experiment->setFloating(true);
    results->hide();
    t.w.resize(1400, 860);
    t.w.action(QStringLiteral("resetLayout"))->trigger();
    QTest::qWait(50);
    QVERIFY(!experiment->isFloating());
    QVERIFY(results->isVisible());
    QVERIFY2(experiment->width() >= 300, qPrintable(QString::number(experiment->width())));
}

// Settings the form marks as invalid (x min above x max) are said there and on the plot, without a
// dialog on top.
void TestMainWindow::invalidDataSettingsNeedNoDialog()
{
    Window t;
    QVERIFY(waitForData(t.w));
    ExperimentConfig c = t.w.config();
    c.dataset.generator.xMin = 5.0;
    t.w.changeConfig(c, QStringLiteral("dataset.generator.x_min"), QStringLiteral("x min"));
    QVERIFY(QTest::qWaitFor([&] { return t.w.lastMessage().contains(QLatin1String("could not be loaded")); }, 20000));
    QVERIFY(!visibleError(t.w));
    auto* fit = t.w.findChild<widgets::DataFitPlot*>();
    QVERIFY2(fit->message().contains(QLatin1String("could not be loaded")), qPrintable(fit->message()));
    // Run says why it cannot start.
    t.w.action(QStringLiteral("run"))->trigger();
    QVERIFY(visibleError(t.w));
    QVERIFY(!t.w.isTraining());
    visibleError(t.w)->close();
    // Nor is a PyTorch script of data that cannot be loaded written (it would fail in Python).
    QAction* script = nullptr;
    for (QAction* a : t.w.findChildren<QAction*>())
        if (a->text().startsWith(QLatin1String("PyTorch &script")))
            script = a;
    QVERIFY(script);
    script->trigger();
    QVERIFY(visibleError(t.w));
    QVERIFY2(visibleError(t.w)->text().contains(QLatin1String("cannot be loaded")), qPrintable(visibleError(t.w)->text()));
}

// The reader's "choose to drop rows with missing values" names where that choice is made here.
void TestMainWindow::aMissingValueNamesTheControlThatDropsItsRow()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("missing.csv"));
    const QByteArray text = "x,y\n0,1\n1,3\n2,\n3,7\n4,9\n5,11\n6,13\n";
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
    f.close();
    Window t;
    QVERIFY(waitForData(t.w));
    ExperimentConfig c = t.w.config();
    c.dataset.source = DatasetConfig::Source::Csv;
    c.dataset.csv.path = csv;
    c.dataset.csv.features = {QStringLiteral("x")};
    c.dataset.csv.target = QStringLiteral("y");
    t.w.changeConfig(c, QStringLiteral("dataset"), QStringLiteral("data"));
    QVERIFY(QTest::qWaitFor([&] { return visibleError(t.w) != nullptr; }, 20000));
    const QString shown = visibleError(t.w)->text() + QLatin1Char('\n') + visibleError(t.w)->informativeText();
    QVERIFY2(shown.contains(QLatin1String("missing value")) && shown.contains(QLatin1String("(on the Data tab, Missing values: Drop the row)")),
             qPrintable(shown));
    visibleError(t.w)->close();
    c.dataset.csv.missing = CsvConfig::Missing::Drop;
    t.w.changeConfig(c, QStringLiteral("dataset.csv.missing"), QStringLiteral("missing values"));
    QVERIFY(waitForData(t.w));
    QVERIFY(!visibleError(t.w));
}

// Columns that depend on each other leave the closed form one of many: the window says so.
void TestMainWindow::aClosedFormThatIsNotUniqueIsSaidSo()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("collinear.csv"));
    QByteArray text = "x1,x2,y\n";
    for (int i = 0; i < 30; ++i)
        text += QByteArray::number(i) + ',' + QByteArray::number(2 * i) + ',' + QByteArray::number(1 + 3 * i + (i % 3)) + '\n';
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(text) == text.size());
    f.close();
    Window t;
    QVERIFY(waitForData(t.w));
    ExperimentConfig c = t.w.config();
    c.dataset.source = DatasetConfig::Source::Csv;
    c.dataset.csv.path = csv;
    c.dataset.csv.features = {QStringLiteral("x1"), QStringLiteral("x2")};
    c.dataset.csv.target = QStringLiteral("y");
    c.model.type = ModelConfig::Type::Linear;
    t.w.changeConfig(c, QStringLiteral("dataset"), QStringLiteral("data"));
    QVERIFY(waitForData(t.w));
    QVERIFY2(t.w.lastMessage().contains(QLatin1String("rank-deficient")) && t.w.lastMessage().contains(QLatin1String("'x2'")),
             qPrintable(t.w.lastMessage()));
}

// The Least squares tab reports the closed form of the configured model on the training rows:
// scikit-learn's coefficients for the tutorial, a row per power for a polynomial, and for an MLP
// why there is none (its export says so too).
void TestMainWindow::leastSquaresTabFollowsTheModel()
{
    Window t;
    QVERIFY(waitForData(t.w));
    widgets::LeastSquaresView* view = t.w.leastSquaresView();
    QCOMPARE(t.w.views()->tabText(t.w.views()->indexOf(view)), QStringLiteral("Least squares"));
    QVERIFY(view->hasFit());
    const QJsonObject sklearn = reference().value(QStringLiteral("closed_form_train")).toObject();
    QCOMPARE(view->coefficientText(QStringLiteral("intercept"), widgets::LeastSquaresView::Parameter), QStringLiteral("a"));
    QCOMPARE(view->coefficientText(QStringLiteral("x"), widgets::LeastSquaresView::Parameter), QStringLiteral("b"));
    QVERIFY(std::abs(view->coefficientText(QStringLiteral("intercept"), widgets::LeastSquaresView::Estimate).toDouble()
                     - sklearn.value(QStringLiteral("a")).toDouble()) < 1e-8);
    QVERIFY(std::abs(view->coefficientText(QStringLiteral("x"), widgets::LeastSquaresView::Estimate).toDouble()
                     - sklearn.value(QStringLiteral("b")).toDouble()) < 1e-8);
    QCOMPARE(view->statisticText(widgets::LeastSquaresView::Observations), QStringLiteral("80"));

    // All rows: statsmodels' OLS of the tutorial's 100 rows (prediction_reference.json); the
    // export then writes that fit. Back to the training rows, the closed form again.
    QFile fixture(QStringLiteral(GRADLAB_FIT_FIXTURES_DIR "/prediction_reference.json"));
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    const QJsonObject all = QJsonDocument::fromJson(fixture.readAll()).object().value(QStringLiteral("tutorial_all_rows")).toObject();
    auto* rows = view->findChild<QComboBox*>(QStringLiteral("fitRows"));
    QVERIFY(rows);
    rows->setCurrentIndex(1);
    emit rows->activated(1);
    QCOMPARE(view->statisticText(widgets::LeastSquaresView::Observations), QStringLiteral("100"));
    QVERIFY2(view->title().contains(QLatin1String("all rows")), qPrintable(view->title()));
    QVERIFY(std::abs(view->coefficientText(QStringLiteral("x"), widgets::LeastSquaresView::Estimate).toDouble()
                     - all.value(QStringLiteral("coefficients")).toArray()[1].toDouble()) < 1e-8);
    QVERIFY(std::abs(view->coefficientText(QStringLiteral("x"), widgets::LeastSquaresView::StdError).toDouble()
                     - all.value(QStringLiteral("standard_errors")).toArray()[1].toDouble()) < 1e-7);
    rows->setCurrentIndex(0);
    emit rows->activated(0);
    QCOMPARE(view->statisticText(widgets::LeastSquaresView::Observations), QStringLiteral("80"));

    ExperimentConfig c = t.w.config();
    c.model.type = ModelConfig::Type::Mlp;
    t.w.changeConfig(c, QStringLiteral("model.type"), QStringLiteral("MLP"));
    QVERIFY(!view->hasFit());
    QVERIFY2(view->notes().contains(QLatin1String("MLP")), qPrintable(view->notes()));
    QCOMPARE(view->coefficientTable()->rowCount(), 0);
    QAction* exportFit = t.w.findChild<QAction*>(QStringLiteral("exportLeastSquares"));
    QVERIFY(exportFit);
    exportFit->trigger(); // no file dialog: there is nothing to export, and the message says why
    QMessageBox* box = visibleError(t.w);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QLatin1String("MLP")), qPrintable(box->text()));
    box->close();

    c.model.type = ModelConfig::Type::Polynomial;
    c.model.degree = 3;
    t.w.changeConfig(c, QStringLiteral("model.degree"), QStringLiteral("degree"));
    QVERIFY(view->hasFit());
    QCOMPARE(view->coefficientTable()->rowCount(), 4);
    QVERIFY(!view->coefficientText(QStringLiteral("x^3"), widgets::LeastSquaresView::StdError).isEmpty());
    // Four parameters: no landscape to draw, so none to export, and the message says why.
    t.w.findChild<QAction*>(QStringLiteral("exportLandscapePlot"))->trigger();
    box = visibleError(t.w);
    QVERIFY(box);
    QCOMPARE(box->text(), t.w.findChild<widgets::LandscapePlot*>()->unavailableReason());
    QVERIFY(!box->text().isEmpty());
    box->close();
    t.w.undoStack()->undo();
    t.w.undoStack()->undo();
    QCOMPARE(view->coefficientTable()->rowCount(), 2);
}

// The Least squares tab's confidence level is kept for the next start, as its other choices; a
// damaged setting gives 95%.
void TestMainWindow::leastSquaresLevelIsRemembered()
{
    const auto restore = qScopeGuard([] { QSettings().remove(QStringLiteral("leastSquares/confidenceLevel")); });
    {
        Window t;
        QVERIFY(waitForData(t.w));
        QCOMPARE(t.w.leastSquaresView()->confidenceLevel(), 0.95);
        t.w.leastSquaresView()->confidenceLevelBox()->setValue(99.0);
        QCOMPARE(t.w.leastSquaresView()->coefficientTable()->horizontalHeaderItem(widgets::LeastSquaresView::Lower)->text(), QStringLiteral("Lower 99%"));
        QVERIFY(t.w.close());
    }
    QCOMPARE(QSettings().value(QStringLiteral("leastSquares/confidenceLevel")).toDouble(), 0.99);
    {
        Window t;
        QVERIFY(waitForData(t.w));
        QCOMPARE(t.w.leastSquaresView()->confidenceLevel(), 0.99);
        QCOMPARE(t.w.leastSquaresView()->coefficientTable()->horizontalHeaderItem(widgets::LeastSquaresView::Upper)->text(), QStringLiteral("Upper 99%"));
    }
    QSettings().setValue(QStringLiteral("leastSquares/confidenceLevel"), QStringLiteral("high"));
    Window t;
    QCOMPARE(t.w.leastSquaresView()->confidenceLevel(), 0.95);
}

// The Least squares tab's standard errors and residual plot are kept for the next start too; a
// damaged setting gives classical errors and the residuals against the fitted values.
void TestMainWindow::leastSquaresStandardErrorsAndPlotAreRemembered()
{
    const auto restore = qScopeGuard([] {
        QSettings().remove(QStringLiteral("leastSquares/standardErrors"));
        QSettings().remove(QStringLiteral("leastSquares/residualPlot"));
    });
    {
        Window t;
        QVERIFY(waitForData(t.w));
        widgets::LeastSquaresView* view = t.w.leastSquaresView();
        QCOMPARE(view->standardErrors(), fit::CovarianceType::Classical);
        QCOMPARE(view->residualPlotKind(), widgets::ResidualPlot::ResidualsVsFitted);
        view->setStandardErrors(fit::CovarianceType::HC1);
        view->setResidualPlotKind(widgets::ResidualPlot::NormalQQ);
        QVERIFY(t.w.close());
    }
    QCOMPARE(QSettings().value(QStringLiteral("leastSquares/standardErrors")).toString(), QStringLiteral("hc1"));
    QCOMPARE(QSettings().value(QStringLiteral("leastSquares/residualPlot")).toString(), QStringLiteral("qq"));
    {
        Window t;
        QVERIFY(waitForData(t.w));
        widgets::LeastSquaresView* view = t.w.leastSquaresView();
        QCOMPARE(view->standardErrors(), fit::CovarianceType::HC1);
        QCOMPARE(view->coefficientTable()->horizontalHeaderItem(widgets::LeastSquaresView::StdError)->text(), QStringLiteral("Std. error (HC1)"));
        QCOMPARE(view->residualPlotKind(), widgets::ResidualPlot::NormalQQ);
        QCOMPARE(view->residualPlot()->xAxis->label(), QStringLiteral("Standard normal quantile"));
    }
    QSettings().setValue(QStringLiteral("leastSquares/standardErrors"), QStringLiteral("hc9"));
    QSettings().setValue(QStringLiteral("leastSquares/residualPlot"), QStringLiteral("sideways"));
    Window t;
    QCOMPARE(t.w.leastSquaresView()->standardErrors(), fit::CovarianceType::Classical);
    QCOMPARE(t.w.leastSquaresView()->residualPlotKind(), widgets::ResidualPlot::ResidualsVsFitted);
}

// Choosing another language offers to restart: Later keeps the window; Restart Now closes it as
// closing does (Cancel at the unsaved-changes prompt keeps it) and starts GradLab again with the
// saved project.
void TestMainWindow::aNewLanguageOffersARestart()
{
    QSettings().setValue(QStringLiteral("language"), QString());
    // The next tests start in English however this one ends.
    const auto restore = qScopeGuard([] { QSettings().setValue(QStringLiteral("language"), QString()); });
    Window t;
    QVERIFY(waitForData(t.w));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.gradlab"));
    QVERIFY(t.w.saveProject(path));
    int asked = 0;
    bool restart = false;
    QStringList started;
    t.w.restartPrompt = [&](QWidget*) {
        ++asked;
        return restart;
    };
    t.w.startProgram = [&](const QString& program, const QStringList& arguments) {
        started = QStringList{program} + arguments;
        return true;
    };
    auto* menu = t.w.findChild<QMenu*>(QStringLiteral("languageMenu"));
    QVERIFY(menu);
    QAction* chinese = nullptr;
    for (QAction* a : menu->actions())
        if (a->data().toString() == QLatin1String("zh_CN"))
            chinese = a;
    QVERIFY(chinese);
    QAction* system = menu->actions().value(0);
    QVERIFY(system && system->data().toString().isEmpty() && system->isChecked());

    chinese->trigger(); // Later
    QCOMPARE(asked, 1);
    QVERIFY(started.isEmpty());
    QVERIFY(t.w.isVisible());
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("zh_CN")); // for the next start
    // QA N6: the tick stays on the language on screen; the chosen one says when it comes.
    QVERIFY(system->isChecked());
    QVERIFY(!chinese->isChecked());
    QCOMPARE(chinese->text(), QStringLiteral("简体中文 (after restart)"));
    QCOMPARE(system->text(), QStringLiteral("System language"));
    // Back to the language on screen: nothing to wait for, nothing asked.
    system->trigger();
    QCOMPARE(asked, 1);
    QVERIFY(system->isChecked());
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
    chinese->trigger(); // Later again
    QCOMPARE(asked, 2);
    QCOMPARE(chinese->text(), QStringLiteral("简体中文 (after restart)"));

    restart = true;
    ExperimentConfig c = t.w.config();
    c.training.epochs = 7;
    t.w.changeConfig(c, QStringLiteral("training.epochs"), QStringLiteral("epochs")); // unsaved
    t.answer = QMessageBox::Cancel;
    chinese->trigger(); // Restart Now, then Cancel at the prompt: nothing happens
    QCOMPARE(t.prompts, 1);
    QVERIFY(started.isEmpty());
    QVERIFY(t.w.isVisible());

    t.answer = QMessageBox::Save;
    chinese->trigger();
    QVERIFY(!t.w.isVisible());
    QCOMPARE(started, (QStringList{QCoreApplication::applicationFilePath(), path}));
    QCOMPARE(Project::load(path, nullptr)->config.training.epochs, 7); // saved before the restart
}

// QA: a project opened without its CSV (too big to be kept in the project, not sent along) left
// the previous project's trajectories and landscape path on screen. Every view of the model now
// says why it is empty.
void TestMainWindow::aProjectWhoseDataIsMissingShowsNothingOld()
{
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(runToEnd(t.w));
    auto* params = t.w.findChild<widgets::ParameterPlot*>();
    auto* landscape = t.w.findChild<widgets::LandscapePlot*>();
    QVERIFY(params->shownParameters() == 2 && params->parameterGraph(0)->dataCount() > 100);
    QVERIFY(landscape->available() && landscape->pathPoints() > 100);

    QTemporaryDir dir;
    Project lab;
    lab.config.dataset.source = DatasetConfig::Source::Csv;
    lab.config.dataset.csv.path = dir.filePath(QStringLiteral("gone.csv"));
    lab.config.dataset.csv.features = {QStringLiteral("x")};
    lab.config.dataset.csv.target = QStringLiteral("y");
    const QString path = dir.filePath(QStringLiteral("lab.gradlab"));
    QString error;
    QVERIFY2(lab.save(path, &error), qPrintable(error));
    t.answer = QMessageBox::Discard;
    t.w.openFile(path);
    QVERIFY(QTest::qWaitFor([&] { return visibleError(t.w) != nullptr; }, 20000));
    visibleError(t.w)->close();
    QCOMPARE(params->shownParameters(), 0);
    QVERIFY2(params->message().contains(QLatin1String("gone.csv")), qPrintable(params->message()));
    QVERIFY(!landscape->available());
    QCOMPARE(landscape->pathPoints(), 0);
    QVERIFY2(landscape->message().contains(QLatin1String("gone.csv")), qPrintable(landscape->message()));
    QVERIFY(!t.w.leastSquaresView()->hasFit());
}

// The Edit menu's Undo is one translatable template, so that Chinese can read 撤销“…”(&U) rather
// than QUndoStack's fixed prefix with the mnemonic mid-text, 撤销(U) … (QA zh 14).
void TestMainWindow::undoNamesTheChangeWhereTheLanguagePutsIt()
{
    struct Template final : QTranslator {
        bool isEmpty() const override { return false; }
        QString translate(const char* context, const char* source, const char*, int) const override
        {
            if (qstrcmp(context, "gradlab::app::MainWindow") != 0)
                return {};
            if (qstrcmp(source, "&Undo %1") == 0)
                return QStringLiteral("撤销“%1”(&U)");
            if (qstrcmp(source, "&Redo %1") == 0)
                return QStringLiteral("重做“%1”(&R)");
            return {};
        }
    } chinese;
    QVERIFY(QCoreApplication::installTranslator(&chinese));
    Window t;
    QVERIFY(waitForData(t.w));
    ExperimentConfig c = t.w.config();
    c.optimizer.lr = 0.05;
    t.w.changeConfig(c, QStringLiteral("optimizer.lr"), QStringLiteral("lr"));
    QCOMPARE(t.w.action(QStringLiteral("undo"))->text(), QStringLiteral("撤销“lr”(&U)"));
    t.w.action(QStringLiteral("undo"))->trigger();
    QCOMPARE(t.w.action(QStringLiteral("redo"))->text(), QStringLiteral("重做“lr”(&R)"));
    QCoreApplication::removeTranslator(&chinese);
}

void TestMainWindow::undoFollowsTheSettings()
{
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(!t.w.isWindowModified());
    ExperimentConfig c = t.w.config();
    c.optimizer.lr = 0.05;
    t.w.changeConfig(c, QStringLiteral("optimizer.lr"), QStringLiteral("lr"));
    c.optimizer.lr = 0.01;
    t.w.changeConfig(c, QStringLiteral("optimizer.lr"), QStringLiteral("lr")); // merges with the last
    QVERIFY(t.w.isWindowModified());
    QCOMPARE(t.w.undoStack()->count(), 1);
    QCOMPARE(t.w.settingsForm()->config().optimizer.lr, 0.01);
    // The Edit menu names the change (one template, so a language can put it where it reads well).
    QCOMPARE(t.w.action(QStringLiteral("undo"))->text(), QStringLiteral("&Undo lr"));
    QVERIFY(t.w.action(QStringLiteral("undo"))->isEnabled());
    QVERIFY(!t.w.action(QStringLiteral("redo"))->isEnabled());
    t.w.action(QStringLiteral("undo"))->trigger();
    QCOMPARE(t.w.config().optimizer.lr, 0.1);
    QCOMPARE(t.w.settingsForm()->config().optimizer.lr, 0.1);
    QVERIFY(!t.w.isWindowModified());
    QCOMPARE(t.w.action(QStringLiteral("undo"))->text(), QStringLiteral("&Undo"));
    QVERIFY(!t.w.action(QStringLiteral("undo"))->isEnabled());
    QCOMPARE(t.w.action(QStringLiteral("redo"))->text(), QStringLiteral("&Redo lr"));
    QVERIFY(t.w.action(QStringLiteral("redo"))->isEnabled());
    t.w.action(QStringLiteral("redo"))->trigger();
    QCOMPARE(t.w.config().optimizer.lr, 0.01);
    QVERIFY(t.w.isWindowModified());
    // New asks first, then starts over.
    t.answer = QMessageBox::Cancel;
    QVERIFY(!t.w.newProject());
    QCOMPARE(t.w.config().optimizer.lr, 0.01);
    t.answer = QMessageBox::Discard;
    QVERIFY(t.w.newProject());
    QCOMPARE(t.w.config().optimizer.lr, 0.1);
    QCOMPARE(t.prompts, 2);
}

void TestMainWindow::pausedRunTakesEdits()
{
    Window t;
    QVERIFY(waitForData(t.w));
    ExperimentConfig c = t.w.config();
    c.training.epochs = 40;
    t.w.changeConfig(c, QStringLiteral("training.epochs"), QStringLiteral("epochs"));
    QSignalSpy paused(t.w.controller(), &TrainingController::paused);
    t.w.action(QStringLiteral("step"))->trigger();
    QVERIFY(QTest::qWaitFor([&] { return !paused.isEmpty() && paused.last().first().value<TrainingSnapshot>().epoch == 1; }, 20000));
    QVERIFY(t.w.action(QStringLiteral("run"))->isEnabled());  // Resume
    QVERIFY(!t.w.action(QStringLiteral("undo"))->isEnabled()); // settings are the run's now
    // Edit b by hand and halve the learning rate, as a user would in the results table and the form.
    QVERIFY(QMetaObject::invokeMethod(t.w.resultsView(), "parameterEdited", Q_ARG(int, 1), Q_ARG(double, 3.0)));
    QVERIFY(QTest::qWaitFor([&] { return paused.last().first().value<TrainingSnapshot>().params[1] == 3.0; }, 5000));
    c = t.w.config();
    c.optimizer.lr = 0.05;
    QVERIFY(QMetaObject::invokeMethod(t.w.settingsForm(), "edited", Q_ARG(gradlab::experiment::ExperimentConfig, c),
                                      Q_ARG(QString, QStringLiteral("optimizer.lr")), Q_ARG(QString, QStringLiteral("lr"))));
    QCOMPARE(t.w.config().optimizer.lr, 0.05);
    QVERIFY(runToEnd(t.w));
    const RunRecord& run = t.w.project().runs.back();
    QCOMPARE(run.epochs, 40);
    QCOMPARE(run.events.size(), 2);
    QVERIFY(run.events[0].contains(QLatin1String("b = 3")));
    QVERIFY(run.events[1].contains(QLatin1String("optimizer.lr = 0.05")));
}

void TestMainWindow::stepFillsTheInspector()
{
    Window t;
    QVERIFY(waitForData(t.w));
    ExperimentConfig c = t.w.config();
    c.training.dtype = QStringLiteral("float64");
    t.w.changeConfig(c, QStringLiteral("training.dtype"), QStringLiteral("dtype"));
    QSignalSpy paused(t.w.controller(), &TrainingController::paused);
    t.w.step();
    QVERIFY(QTest::qWaitFor([&] { return !paused.isEmpty() && paused.last().first().value<TrainingSnapshot>().epoch == 1; }, 20000));
    QTest::qWait(50);
    QVERIFY(autogradMatchesTheFormula(t.w.stepInspector()));
    // Full-batch training: one step an epoch, on every training row (QA batch 13: "last step" read oddly).
    bool header = false;
    for (QLabel* label : t.w.stepInspector()->findChildren<QLabel*>())
        header = header || label->text().startsWith(QLatin1String("Epoch 1: the step on all 80 training rows, loss"));
    QVERIFY(header);
    t.w.step();
    QVERIFY(QTest::qWaitFor([&] { return paused.last().first().value<TrainingSnapshot>().epoch == 2; }, 20000));
    t.w.stop();
    QVERIFY(QTest::qWaitFor([&] { return !t.w.isTraining(); }, 20000));
    QCOMPARE(t.w.project().runs.back().epochs, 2);
}

// Step Batch with batches of 16: one optimizer step, shown in the inspector (its gradients those
// of the batch's rows), the results, the status bar and the epoch label; Step finishes the epoch.
void TestMainWindow::stepBatchShowsOneMiniBatch()
{
    Window t;
    QVERIFY(waitForData(t.w));
    ExperimentConfig c = t.w.config();
    c.training.dtype = QStringLiteral("float64");
    c.training.batchSize = 16;
    c.training.shuffle = true;
    t.w.changeConfig(c, QStringLiteral("training"), QStringLiteral("batch"));
    QSignalSpy paused(t.w.controller(), &TrainingController::paused);
    t.w.action(QStringLiteral("stepBatch"))->trigger();
    QVERIFY(QTest::qWaitFor([&] { return !paused.isEmpty() && paused.last().first().value<TrainingSnapshot>().batch == 1; }, 20000));
    QTest::qWait(50);
    auto* inspector = t.w.stepInspector();
    QVERIFY(autogradMatchesTheFormula(inspector));
    auto labelWith = [](QWidget* parent, const QString& text) {
        for (QLabel* label : parent->findChildren<QLabel*>())
            if (label->text().contains(text))
                return true;
        return false;
    };
    QVERIFY(labelWith(inspector, QStringLiteral("Epoch 1, batch 1 of 5: the step on its 16 rows")));
    QVERIFY(labelWith(t.w.resultsView(), QStringLiteral("Paused in epoch 1 after batch 1 of 5")));
    // No epoch is done yet: no epoch loss to show (not "NaN").
    QStringList summary;
    for (QTableWidget* table : t.w.resultsView()->findChildren<QTableWidget*>())
        for (int row = 0; row < table->rowCount(); ++row)
            if (QTableWidgetItem* item = table->item(row, 0))
                summary << item->text();
    QVERIFY2(summary.contains(QStringLiteral("—")) && !summary.contains(QStringLiteral("NaN")), qPrintable(summary.join(u',')));
    // Its first row counts whole epochs: "Epochs done 0" beside "Paused in epoch 1" (QA batch 13).
    bool epochsDone = false;
    for (QTableWidget* table : t.w.resultsView()->findChildren<QTableWidget*>())
        for (int row = 0; row < table->rowCount(); ++row)
            if (QTableWidgetItem* header = table->verticalHeaderItem(row); header && header->text() == QLatin1String("Epochs done"))
                epochsDone = table->item(row, 0) && table->item(row, 0)->text() == QLatin1String("0");
    QVERIFY(epochsDone);
    QVERIFY2(t.w.lastMessage().contains(QLatin1String("Paused in epoch 1 after batch 1 of 5")), qPrintable(t.w.lastMessage()));
    QCOMPARE(t.w.findChild<QLabel*>(QStringLiteral("epochLabel"))->text(), QStringLiteral("Epoch 1 of 1,000, batch 1 of 5"));
    // The landscape draws the epoch's steps from the initial values, and the marker follows them.
    auto* landscape = t.w.findChild<widgets::LandscapePlot*>();
    QCOMPARE(landscape->stepPoints(), 2);
    t.w.stepBatch();
    QVERIFY(QTest::qWaitFor([&] { return paused.last().first().value<TrainingSnapshot>().batch == 2; }, 20000));
    QTest::qWait(50);
    QCOMPARE(landscape->stepPoints(), 3);
    const auto params = paused.last().first().value<TrainingSnapshot>().params;
    QCOMPARE(landscape->currentGraph()->data()->at(0)->key, params[0]);
    QCOMPARE(landscape->currentGraph()->data()->at(0)->value, params[1]);
    // b edited by hand between batches: not a step; the steps' line breaks and goes on from there.
    QVERIFY(QMetaObject::invokeMethod(t.w.resultsView(), "parameterEdited", Q_ARG(int, 1), Q_ARG(double, 3.0)));
    QVERIFY(QTest::qWaitFor([&] { return paused.last().first().value<TrainingSnapshot>().params[1] == 3.0; }, 20000));
    QTest::qWait(50);
    QCOMPARE(landscape->stepPoints(), 5);
    QCOMPARE(landscape->currentGraph()->data()->at(0)->value, 3.0);
    t.w.step();
    QVERIFY(QTest::qWaitFor([&] { return paused.last().first().value<TrainingSnapshot>().epoch == 1; }, 20000));
    QTest::qWait(50);
    QCOMPARE(landscape->stepPoints(), 0); // the epoch's point is on the path now
    QVERIFY(labelWith(inspector, QStringLiteral("Epoch 1, batch 5 of 5")));
    QVERIFY(labelWith(t.w.resultsView(), QStringLiteral("Paused at epoch 1")));
    // Stopped within epoch 2: the run's final parameters include that batch, and every view says
    // so (QA batch 13: the landscape and the graph's caption stayed at the epoch's end).
    t.w.stepBatch();
    QVERIFY(QTest::qWaitFor([&] { return paused.last().first().value<TrainingSnapshot>().batch == 1; }, 20000));
    t.w.stop();
    QVERIFY(QTest::qWaitFor([&] { return !t.w.isTraining(); }, 20000));
    QTest::qWait(50);
    const RunRecord& run = t.w.project().runs.back();
    QCOMPARE(run.epochs, 1);
    QVERIFY(run.finalParams != run.history.back().params);
    QVERIFY2(t.w.lastMessage().contains(QLatin1String("stopped in epoch 2 after batch 1 of 5")), qPrintable(t.w.lastMessage()));
    // Why it ended early, not a change made while paused (QA zh 14).
    QCOMPARE(run.message, QStringLiteral("Stopped in epoch 2 after batch 1 of 5; the final parameters include the epoch's steps so far."));
    QVERIFY(!run.events.join(QLatin1Char(' ')).contains(QLatin1String("stopped")));
    QCOMPARE(landscape->stepPoints(), 2); // from epoch 1's point to the final parameters
    QCOMPARE(landscape->currentGraph()->data()->at(0)->key, run.finalParams[0]);
    QCOMPARE(landscape->currentGraph()->data()->at(0)->value, run.finalParams[1]);
    t.w.views()->setCurrentWidget(t.w.graphView());
    QVERIFY2(t.w.graphView()->caption().contains(QLatin1String("the run's final parameters, from within epoch 2")), qPrintable(t.w.graphView()->caption()));
}

void TestMainWindow::invalidSettingsCannotStartARun()
{
    Window t;
    QVERIFY(waitForData(t.w));
    ExperimentConfig c = t.w.config();
    c.optimizer.lr = 0.0;
    t.w.changeConfig(c, QStringLiteral("optimizer.lr"), QStringLiteral("lr"));
    QVERIFY(!t.w.settingsForm()->validationMessages().isEmpty());
    t.w.run();
    QVERIFY(!t.w.isTraining());
    QMessageBox* box = visibleError(t.w);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QLatin1String("The learning rate must be greater than 0")), qPrintable(box->text()));
    QVERIFY(t.w.project().runs.empty());
}

// A large CSV file loads in the background with a progress bar and a Cancel button; cancelling
// leaves the window working, and Run loads it again and trains on it.
void TestMainWindow::largeCsvLoadsInTheBackgroundAndCancels()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.csv"));
    QVERIFY(writeLargeCsv(path, false));
    Window t;
    QVERIFY(waitForData(t.w));
    auto* cancel = t.w.findChild<QToolButton*>(QStringLiteral("cancelLoad"));
    QVERIFY(cancel);
    t.w.dataForm()->openCsv(path);
    QCOMPARE(t.w.config().dataset.source, DatasetConfig::Source::Csv);
    QVERIFY(!t.w.dataReady());
    cancel->click();
    QVERIFY(QTest::qWaitFor([&] { return t.w.lastMessage().contains(QLatin1String("cancelled")); }, 20000));
    QVERIFY(!t.w.dataReady());
    QVERIFY(!t.w.findChild<QProgressBar*>(QStringLiteral("loadProgress"))->isVisible());
    // Run loads it again, then trains on it.
    QVERIFY(runEpochs(t.w, 3));
    QCOMPARE(t.w.project().runs.back().epochs, 3);
    QCOMPARE(t.w.project().config.dataset.csv.rows, 2'000'000);
}

// Generating a large dataset shows its progress and can be cancelled: the window is left without
// data, and working.
void TestMainWindow::largeGeneratedDatasetCancels()
{
    Window t;
    QVERIFY(waitForData(t.w));
    auto* cancel = t.w.findChild<QToolButton*>(QStringLiteral("cancelLoad"));
    auto* bar = t.w.findChild<QProgressBar*>(QStringLiteral("loadProgress"));
    QVERIFY(cancel && bar);
    ExperimentConfig c = t.w.config();
    c.dataset.generator.n = 100'000'000;
    t.w.changeConfig(c, QStringLiteral("dataset.generator.n"), QStringLiteral("n"));
    QVERIFY(!t.w.dataReady());
    QVERIFY(QTest::qWaitFor([&] { return bar->isVisible() && bar->value() > 0; }, 20000));
    QVERIFY(!t.w.dataReady());
    cancel->click();
    QVERIFY(QTest::qWaitFor([&] { return t.w.lastMessage().contains(QLatin1String("cancelled")); }, 60000));
    QVERIFY(!t.w.dataReady());
    QVERIFY(!bar->isVisible());
    // A smaller dataset loads and trains.
    c.dataset.generator.n = 1000;
    c.training.epochs = 2;
    t.w.changeConfig(c, QStringLiteral("dataset.generator.n"), QStringLiteral("n"));
    QVERIFY(runToEnd(t.w));
    QCOMPARE(t.w.project().runs.back().epochs, 2);
    QCOMPARE(t.w.project().runs.back().config.dataset.generator.n, 1000);
}

// A run on a CUDA device this machine cannot use fails; the error offers the CPU. Close leaves
// the settings as they are; "Run on the CPU" switches the device (undoably) and trains the
// tutorial from the beginning to PyTorch's result.
void TestMainWindow::cudaFailureOffersTheCpu()
{
    for (const DeviceInfo& info : availableDevices())
        if (info.device == Device::cuda(0) && info.usable())
            QSKIP("cuda:0 is usable here: a run on it does not fail");
    Window t;
    QVERIFY(waitForData(t.w));
    ExperimentConfig c = t.w.config();
    c.training.device = QStringLiteral("cuda:0");
    t.w.changeConfig(c, QStringLiteral("training.device"), QStringLiteral("Change device"));
    // The settings form shows the device chosen and says it cannot be used.
    auto* device = t.w.settingsForm()->findChild<QComboBox*>(QStringLiteral("training.device"));
    QVERIFY(device);
    QCOMPARE(device->currentData().toString(), QStringLiteral("cuda:0"));
    QVERIFY(!device->itemData(device->currentIndex(), Qt::ToolTipRole).toString().isEmpty()); // why not
    auto* problems = t.w.settingsForm()->findChild<QLabel*>(QStringLiteral("validation"));
    QVERIFY(problems);
    QVERIFY2(problems->text().contains(QLatin1String("cuda:0 cannot be used")), qPrintable(problems->text()));

    // Run does not start a run that cannot work: it says why and offers the CPU.
    QSignalSpy failed(&t.w, &MainWindow::runFailed);
    QSignalSpy finished(&t.w, &MainWindow::runFinished);
    const auto offer = [&]() -> QMessageBox* {
        t.w.action(QStringLiteral("run"))->trigger();
        if (!QTest::qWaitFor([&] { return visibleError(t.w) != nullptr; }, 20000))
            return nullptr;
        return visibleError(t.w);
    };
    QMessageBox* box = offer();
    QVERIFY(box);
    QVERIFY2(box->text().contains(QLatin1String("cuda:0 cannot be used")), qPrintable(box->text()));
    QVERIFY(failed.isEmpty());
    auto* cpu = box->findChild<QPushButton*>(QStringLiteral("runOnCpu"));
    QVERIFY(cpu);
    QCOMPARE(cpu->text(), QStringLiteral("Run on the CPU"));
    QAbstractButton* close = nullptr;
    for (QAbstractButton* b : box->buttons())
        if (b->text() == QLatin1String("Close"))
            close = b;
    QVERIFY(close);
    QVERIFY(!t.w.isTraining());

    // Close: nothing changes, nothing runs, and nothing says it is still training.
    close->click();
    QVERIFY(QTest::qWaitFor([&] { return !visibleError(t.w); }, 5000));
    for (QLabel* label : t.w.resultsView()->findChildren<QLabel*>())
        QVERIFY(!label->isVisible() || !label->text().contains(QLatin1String("Training")));
    QVERIFY(!t.w.findChild<QProgressBar*>(QStringLiteral("runProgress")) || !t.w.findChild<QProgressBar*>(QStringLiteral("runProgress"))->isVisible());
    QCOMPARE(t.w.config().training.device, QStringLiteral("cuda:0"));
    QVERIFY(!t.w.isTraining());
    QVERIFY(t.w.project().runs.empty());

    // Run on the CPU: the device changes and the run starts over, to the tutorial's result.
    box = offer();
    QVERIFY(box);
    cpu = box->findChild<QPushButton*>(QStringLiteral("runOnCpu"));
    QVERIFY(cpu);
    cpu->click();
    QCOMPARE(t.w.config().training.device, QStringLiteral("cpu"));
    QVERIFY(t.w.isTraining());
    QVERIFY(finished.wait(60000));
    QVERIFY(failed.isEmpty()); // no run was started on the device that cannot be used
    QCOMPARE(t.w.project().runs.size(), std::size_t(1));
    const RunRecord& run = t.w.project().runs.front();
    QCOMPARE(run.config.training.device, QStringLiteral("cpu"));
    QCOMPARE(run.epochs, 1000);
    const QJsonObject torch = reference().value(QStringLiteral("torch_sgd_lr0.1_1000_epochs_mse_mean")).toObject();
    QVERIFY(std::abs(t.w.resultsView()->value(QStringLiteral("a")) - torch.value(QStringLiteral("a")).toDouble()) < 1e-5);
    QVERIFY(std::abs(t.w.resultsView()->value(QStringLiteral("b")) - torch.value(QStringLiteral("b")).toDouble()) < 1e-5);
    QCOMPARE(device->currentData().toString(), QStringLiteral("cpu"));

    // Undo brings the CUDA device back (a change of its own, not merged with the earlier one).
    QVERIFY(t.w.action(QStringLiteral("undo"))->isEnabled());
    t.w.action(QStringLiteral("undo"))->trigger();
    QCOMPARE(t.w.config().training.device, QStringLiteral("cuda:0"));
    QCOMPARE(device->currentData().toString(), QStringLiteral("cuda:0"));
    t.w.action(QStringLiteral("undo"))->trigger();
    QCOMPARE(t.w.config().training.device, QStringLiteral("cpu"));
}

void TestMainWindow::aDroppedBadCsvShowsWhyInView()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("empty.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly)); // an empty file: nothing to read
    f.close();
    Window t;
    QVERIFY(waitForData(t.w));
    const QByteArray before = t.w.project().toJson();
    // The user looks at the model's settings, with the experiment dock closed.
    auto* tabs = t.w.findChild<QTabWidget*>(QStringLiteral("settingsTabs"));
    auto* dock = t.w.findChild<QDockWidget*>(QStringLiteral("experimentDock"));
    QVERIFY(tabs && dock);
    tabs->setCurrentIndex(1);
    dock->close();

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    // As a drag from a file manager arrives: entering (the window accepts a .csv), then the drop.
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&t.w, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&t.w, &drop);

    QVERIFY(dock->isVisible());
    auto* error = t.w.findChild<QLabel*>(QStringLiteral("readerError"));
    QVERIFY(error);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(tabs->currentWidget()->findChild<QLabel*>(QStringLiteral("readerError")), error);
    QCOMPARE(t.w.project().toJson(), before); // the experiment is unchanged
    // The plot does not show other data than the form: it says the file cannot be read.
    auto* fit = t.w.findChild<widgets::DataFitPlot*>();
    QVERIFY2(fit->message().startsWith(QLatin1String("Cannot read")) && fit->message().contains(QLatin1String("empty.csv")), qPrintable(fit->message()));
    QVERIFY(fit->trainGraph()->data()->isEmpty());
    // Back to the generated data: it is drawn again.
    auto* source = t.w.dataForm()->findChild<QComboBox*>(QStringLiteral("dataset.source"));
    source->setCurrentIndex(source->findData(static_cast<int>(DatasetConfig::Source::Generated)));
    QVERIFY(fit->message().isEmpty());
    QCOMPARE(fit->trainGraph()->data()->size(), 80);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"

// Run > Speed slows a run down enough to watch it (kept between sessions); full speed finishes it.
void TestMainWindow::aPacedRunCanBeWatched()
{
    {
        Window t;
        QVERIFY(waitForData(t.w));
        QAction* slow = t.w.action(QStringLiteral("pace5"));
        QVERIFY(slow);
        slow->trigger();
        auto* button = t.w.findChild<QToolButton*>(QStringLiteral("speedButton"));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("5 epochs a second"));
        QSignalSpy finished(&t.w, &MainWindow::runFinished);
        t.w.action(QStringLiteral("run"))->trigger();
        QTest::qWait(600); // 1000 epochs at 5 a second: still going
        QVERIFY(t.w.isTraining());
        QVERIFY(finished.isEmpty());
        t.w.action(QStringLiteral("pace0"))->trigger(); // the same run, now at full speed
        QVERIFY(finished.wait(20000));
        QCOMPARE(t.w.project().runs.back().epochs, 1000);
        t.w.action(QStringLiteral("pace1"))->trigger();
    }
    Window again; // the choice is kept
    QVERIFY(again.w.action(QStringLiteral("pace1"))->isChecked());
    again.w.action(QStringLiteral("pace0"))->trigger();
    QCOMPARE(QSettings().value(QStringLiteral("pace")).toInt(), 0);
}

// File > Open takes a CSV as data (it said "not a GradLab project"), and a new project does not
// keep showing the last project's run in the status bar.
void TestMainWindow::openingACsvLoadsItAsData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("points.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("x,y\n0,1\n1,3.1\n2,4.9\n3,7.2\n4,9\n5,11.1\n");
    f.close();
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(runToEnd(t.w));
    auto* epochs = t.w.findChild<QLabel*>(QStringLiteral("epochLabel"));
    auto* progress = t.w.findChild<QProgressBar*>(QStringLiteral("runProgress"));
    QVERIFY(epochs && progress);
    QVERIFY(!epochs->text().isEmpty());
    QVERIFY(progress->isVisible());
    QVERIFY(t.w.newProject());
    QVERIFY(epochs->text().isEmpty());
    QVERIFY(!progress->isVisible());

    QVERIFY(t.w.openFile(path));
    QCOMPARE(t.w.config().dataset.source, DatasetConfig::Source::Csv);
    QCOMPARE(QFileInfo(t.w.config().dataset.csv.path).fileName(), QStringLiteral("points.csv"));
    QVERIFY(QTest::qWaitFor([&] { return t.w.dataReady(); }, 20000));
    QVERIFY(!visibleError(t.w));
}

// No saved geometry: the default size where the screen has room, at most 90 % of a smaller one,
// centred on it (a second screen's offset included).
void TestMainWindow::defaultGeometryFitsSmallScreens()
{
    QCOMPARE(MainWindow::defaultGeometry(QRect(0, 0, 1920, 1040)), QRect(260, 90, 1400, 860));
    QCOMPARE(MainWindow::defaultGeometry(QRect(0, 0, 1366, 728)), QRect(68, 36, 1229, 655));
    QCOMPARE(MainWindow::defaultGeometry(QRect(0, 0, 1280, 720)), QRect(64, 36, 1152, 648));
    // 2560x1600 at scale 2, less a 30-pixel panel at the top.
    QCOMPARE(MainWindow::defaultGeometry(QRect(0, 30, 1280, 770)), QRect(64, 68, 1152, 693));
    QCOMPARE(MainWindow::defaultGeometry(QRect(1920, 0, 1366, 768)), QRect(1988, 38, 1229, 691));
    QCOMPARE(MainWindow::defaultGeometry(QRect(0, 0, 1600, 1000)), QRect(100, 70, 1400, 860));
}

void TestMainWindow::firstStartFitsTheScreen()
{
    QSettings().remove(QStringLiteral("window/geometry"));
    MainWindow w;
    QVERIFY(w.screen());
    const QRect available = w.screen()->availableGeometry();
    if (w.windowState() & Qt::WindowMaximized) {
        // Only where even the window's least size does not fit in 90 % of the screen.
        const QSize least = w.minimumSizeHint();
        const QRect fitted = MainWindow::defaultGeometry(available);
        QVERIFY(least.width() > fitted.width() || least.height() > fitted.height());
    } else {
        QCOMPARE(w.geometry(), MainWindow::defaultGeometry(available));
    }
}

// Buttons show the action's words, not its mnemonic, in any language (a translation that appends
// "(&R)" included); the View menu names the toolbar apart from the Run menu.
void TestMainWindow::toolbarButtonsShowNoMnemonic()
{
    // A translation in the way Chinese marks mnemonics.
    struct Bracketing final : QTranslator {
        bool isEmpty() const override { return false; }
        QString translate(const char* context, const char* source, const char*, int) const override
        {
            const QString text = QString::fromUtf8(source);
            if (qstrcmp(context, "gradlab::app::MainWindow") != 0 || !text.contains(QLatin1Char('&')) || text.contains(QLatin1String("&&")))
                return {};
            const qsizetype at = text.indexOf(QLatin1Char('&'));
            return QString(text).remove(at, 1).toUpper() + QStringLiteral("(&") + text.at(at + 1).toUpper() + QLatin1Char(')');
        }
    };
    for (const bool translated : {false, true}) {
        Bracketing bracketing;
        if (translated)
            QVERIFY(QCoreApplication::installTranslator(&bracketing));
        Window t;
        auto* bar = t.w.findChild<QToolBar*>(QStringLiteral("runToolBar"));
        QVERIFY(bar);
        QStringList buttons;
        for (QAction* a : bar->actions())
            if (auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(a)); button && button->defaultAction() == a)
                buttons << button->text();
        if (translated) {
            QCOMPARE(buttons, (QStringList{"RUN", "PAUSE", "STEP", "STEP BATCH", "STOP", "RESET"}));
            QCOMPARE(t.w.action(QStringLiteral("run"))->text(), QStringLiteral("RUN(&R)")); // the menu keeps it
            QCoreApplication::removeTranslator(&bracketing);
        } else {
            QCOMPARE(buttons, (QStringList{"Run", "Pause", "Step", "Step Batch", "Stop", "Reset"}));
            QCOMPARE(bar->windowTitle(), QStringLiteral("Run toolbar"));
            QMenu* view = nullptr;
            for (QAction* a : t.w.menuBar()->actions())
                if (a->text() == QLatin1String("&View"))
                    view = a->menu();
            QVERIFY(view);
            QVERIFY(view->actions().contains(bar->toggleViewAction()));
            QCOMPARE(bar->toggleViewAction()->text(), QStringLiteral("Run toolbar"));
        }
    }
    QCOMPARE(MainWindow::toolButtonText(QStringLiteral("运行(&R)")), QStringLiteral("运行"));
    QCOMPARE(MainWindow::toolButtonText(QStringLiteral("单步（&T）")), QStringLiteral("单步"));
    QCOMPARE(MainWindow::toolButtonText(QStringLiteral("S&tep")), QStringLiteral("Step"));
    QCOMPARE(MainWindow::toolButtonText(QStringLiteral("Fit && &go")), QStringLiteral("Fit & go"));
}

// A dark desktop has a light icon theme: the toolbar's icons come from the desktop's theme (the
// style looks there first) where it has them, and are the style's own where it has none.
void TestMainWindow::toolbarIconsFollowTheDesktopTheme()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("dark/actions")));
    QFile index(dir.filePath(QStringLiteral("dark/index.theme")));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("[Icon Theme]\nName=Dark\nDirectories=actions\n\n[actions]\nSize=16\nType=Fixed\n");
    index.close();
    QImage light(16, 16, QImage::Format_ARGB32);
    light.fill(Qt::white);
    QVERIFY(light.save(dir.filePath(QStringLiteral("dark/actions/media-playback-start.png"))));
    const QStringList paths = QIcon::themeSearchPaths();
    const QString theme = QIcon::themeName();
    QIcon::setThemeSearchPaths({dir.path()});
    QIcon::setThemeName(QStringLiteral("dark"));
    {
        Window t;
        QCOMPARE(t.w.action(QStringLiteral("run"))->icon().name(), QStringLiteral("media-playback-start"));
        QCOMPARE(t.w.action(QStringLiteral("run"))->icon().pixmap(16).toImage().pixelColor(8, 8), QColor(Qt::white));
        const QIcon stop = t.w.action(QStringLiteral("stop"))->icon(); // not in the theme
        QVERIFY(!stop.isNull());
        QVERIFY(stop.name().isEmpty());
    }
    QIcon::setThemeSearchPaths(paths);
    QIcon::setThemeName(theme);
}

// The plots can be reached with Tab, so that their keys and menu serve a keyboard user.
void TestMainWindow::plotsTakeTheFocusWithTab()
{
    Window t;
    QVERIFY(waitForData(t.w));
    for (widgets::PlotView* plot : t.w.findChildren<widgets::PlotView*>())
        QVERIFY2(plot->focusPolicy() & Qt::TabFocus, plot->metaObject()->className());
    auto* plot = t.w.findChild<widgets::DataFitPlot*>();
    QVERIFY(QTest::qWaitForWindowActive(&t.w));
    QVERIFY(plot->isVisible());
    // Tab from the plots' tab bar (past its scroll buttons, when the tabs do not fit) goes into the
    // plot shown.
    QTabBar* bar = t.w.views()->tabBar();
    bar->setFocus(Qt::TabFocusReason);
    QWidget* at = bar;
    for (int i = 0; i < 3 && (at == bar || bar->isAncestorOf(at)); ++i) {
        QTest::keyClick(at, Qt::Key_Tab);
        at = QApplication::focusWidget();
    }
    QCOMPARE(at, static_cast<QWidget*>(plot));
}

// QA: while paused, the toolbar's button still read "Run" (the Run menu said Resume), and after
// single steps the status bar showed a rate of thousands of epochs a second at a pace of 5.
void TestMainWindow::pausedRunSaysResumeAndNoRate()
{
    Window t;
    QVERIFY(waitForData(t.w));
    t.w.action(QStringLiteral("pace5"))->trigger();
    auto* bar = t.w.findChild<QToolBar*>(QStringLiteral("runToolBar"));
    auto* runButton = qobject_cast<QToolButton*>(bar->widgetForAction(t.w.action(QStringLiteral("run"))));
    auto* speed = t.w.findChild<QLabel*>(QStringLiteral("speedLabel"));
    QVERIFY(runButton && speed);
    QCOMPARE(runButton->text(), QStringLiteral("Run"));
    QSignalSpy paused(t.w.controller(), &TrainingController::paused);
    for (qint64 epoch = 1; epoch <= 3; ++epoch) {
        t.w.step();
        QVERIFY(QTest::qWaitFor([&] { return !paused.isEmpty() && paused.last().first().value<TrainingSnapshot>().epoch == epoch; }, 20000));
        QTest::qWait(20);
        QCOMPARE(runButton->text(), QStringLiteral("Resume"));
        QVERIFY2(speed->text().isEmpty(), qPrintable(speed->text()));
        QVERIFY(t.w.findChild<QLabel*>(QStringLiteral("epochLabel"))->text().contains(QStringLiteral("Epoch %1 of").arg(epoch)));
    }
    QVERIFY(t.w.lastMessage().startsWith(QLatin1String("Paused at epoch 3")));
    t.w.run(); // resumes at 5 epochs a second
    QCOMPARE(runButton->text(), QStringLiteral("Run"));
    // QA 13: the status bar kept saying "Paused … can be edited" while the run went on.
    QCOMPARE(t.w.lastMessage(), QStringLiteral("Training on the CPU"));
    QVERIFY(QTest::qWaitFor([&] { return !speed->text().isEmpty(); }, 20000));
    QCOMPARE(speed->text(), QStringLiteral("5.0 epochs/s"));
    t.w.action(QStringLiteral("pace0"))->trigger();
    t.w.stop();
    QVERIFY(QTest::qWaitFor([&] { return !t.w.isTraining(); }, 20000));
}

// QA: the plots' context-menu export and the graph's Export button opened in the folder GradLab
// was started from, with no name; they propose the project's folder and File > Export's names.
void TestMainWindow::viewsExportToTheProjectFolder()
{
    QTemporaryDir first, second;
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(t.w.saveProject(first.filePath(QStringLiteral("lab.gradlab"))));
    const QDir a(first.path());
    QCOMPARE(t.w.findChild<widgets::DataFitPlot*>()->defaultExportPath(), a.filePath(QStringLiteral("fit.png")));
    QCOMPARE(t.w.lossPlot()->defaultExportPath(), a.filePath(QStringLiteral("loss.png")));
    QCOMPARE(t.w.findChild<widgets::ParameterPlot*>()->defaultExportPath(), a.filePath(QStringLiteral("parameters.png")));
    QCOMPARE(t.w.findChild<widgets::LandscapePlot*>()->defaultExportPath(), a.filePath(QStringLiteral("landscape.png")));
    QCOMPARE(t.w.leastSquaresView()->residualPlot()->defaultExportPath(), a.filePath(QStringLiteral("residuals.png")));
    QCOMPARE(t.w.graphView()->defaultExportPath(), a.filePath(QStringLiteral("graph.svg")));
    // Every plot of the window proposes a file in the project's folder.
    for (widgets::PlotView* plot : t.w.findChildren<widgets::PlotView*>())
        QCOMPARE(QFileInfo(plot->defaultExportPath()).absolutePath(), first.path());

    // Another project, opened from another folder: its folder.
    Project other;
    const QString otherPath = second.filePath(QStringLiteral("other.gradlab"));
    QString error;
    QVERIFY2(other.save(otherPath, &error), qPrintable(error));
    QVERIFY(t.w.openProject(otherPath));
    QCOMPARE(t.w.lossPlot()->defaultExportPath(), QDir(second.path()).filePath(QStringLiteral("loss.png")));
    QCOMPARE(t.w.graphView()->defaultExportPath(), QDir(second.path()).filePath(QStringLiteral("graph.svg")));
}

namespace {

QMessageBox* visibleNotice(MainWindow& w)
{
    for (QMessageBox* box : w.findChildren<QMessageBox*>(QStringLiteral("noticeMessage")))
        if (box->isVisible())
            return box;
    return nullptr;
}

// The results panel's title: the label that names the run shown.
QString resultsTitle(MainWindow& w)
{
    for (QLabel* label : w.resultsView()->findChildren<QLabel*>())
        if (label->text().startsWith(QLatin1String("Run ")))
            return label->text();
    return {};
}

} // namespace

// QA: a project opened after its CSV had changed said so only in the status bar, and its runs'
// stored closed form differed from the new data's without a word. Opening it now shows a box, and
// the results name the run trained on the older file; a missing file whose copy is used is said
// in a box too; a reload of the same project's data shows no box.
void TestMainWindow::openingAProjectWhoseCsvChangedSaysSo()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("points.csv"));
    const auto write = [&](const QByteArray& text) {
        QFile f(csv);
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    };
    QVERIFY(write("x,y\n0,1\n1,3.1\n2,4.9\n3,7.2\n4,9\n5,11.1\n6,13\n7,15.2\n8,16.9\n9,19.1\n"));
    const QString path = dir.filePath(QStringLiteral("lab.gradlab"));
    {
        Window t;
        QVERIFY(waitForData(t.w));
        QVERIFY(t.w.openFile(csv));
        QVERIFY(waitForData(t.w));
        QVERIFY(runEpochs(t.w, 5));
        QVERIFY(t.w.saveProject(path));
        QCOMPARE(resultsTitle(t.w), QStringLiteral("Run 1"));
    }
    Window t;
    QVERIFY(waitForData(t.w));
    // Unchanged: no box, no mark.
    QVERIFY(t.w.openProject(path));
    QVERIFY(waitForData(t.w));
    QTest::qWait(50);
    QVERIFY(!visibleNotice(t.w));
    QCOMPARE(resultsTitle(t.w), QStringLiteral("Run 1"));

    // A student edits a row.
    QVERIFY(write("x,y\n0,1\n1,3.1\n2,4.9\n3,7.2\n4,9\n5,11.1\n6,13\n7,15.2\n8,16.9\n9,25\n"));
    QVERIFY(t.w.openProject(path));
    QVERIFY(QTest::qWaitFor([&] { return visibleNotice(t.w) != nullptr; }, 20000));
    QMessageBox* box = visibleNotice(t.w);
    QVERIFY2(box->text().contains(QLatin1String("has changed since the project was saved")), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(QLatin1String("trained on other data")), qPrintable(box->informativeText()));
    QVERIFY(!visibleError(t.w));
    box->close();
    QCOMPARE(resultsTitle(t.w), QStringLiteral("Run 1: trained on other data (the CSV has changed since)"));
    // A reload of the data (another split) is no opening: no box.
    ExperimentConfig c = t.w.config();
    c.dataset.split.seed += 1;
    t.w.changeConfig(c, QStringLiteral("dataset.split.seed"), QStringLiteral("seed"));
    QVERIFY(waitForData(t.w));
    QTest::qWait(50);
    QVERIFY(!visibleNotice(t.w));

    // The file is gone: the project's copy is used, and said so in a box; the copy is the data
    // the run was trained on, so no mark.
    QVERIFY(QFile::remove(csv));
    t.answer = QMessageBox::Discard;
    QVERIFY(t.w.openProject(path));
    QVERIFY(QTest::qWaitFor([&] { return visibleNotice(t.w) != nullptr; }, 20000));
    box = visibleNotice(t.w);
    QVERIFY2(box->text().contains(QLatin1String("copy of its data saved in the project is used")), qPrintable(box->text()));
    QVERIFY(box->informativeText().isEmpty());
    box->close();
    QCOMPARE(resultsTitle(t.w), QStringLiteral("Run 1"));
}

// QA: after a large CSV project opened, the status bar kept saying "Preparing the data…" once
// everything was done. It says what was loaded instead.
void TestMainWindow::aLargeProjectSaysWhenItsDataIsReady()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("large.csv"));
    // Not on a line: an exact fit would have its own word in the status bar.
    QVERIFY(writeLargeCsv(csv, true));
    Project lab;
    lab.config.dataset.source = DatasetConfig::Source::Csv;
    lab.config.dataset.csv.path = csv;
    lab.config.dataset.csv.features = {QStringLiteral("x")};
    lab.config.dataset.csv.target = QStringLiteral("y");
    const QString path = dir.filePath(QStringLiteral("large.gradlab"));
    QString error;
    QVERIFY2(lab.save(path, &error), qPrintable(error));

    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(t.w.openProject(path));
    QVERIFY(QTest::qWaitFor([&] { return t.w.dataReady(); }, 60000));
    QVERIFY2(!t.w.lastMessage().contains(QLatin1String("Preparing")), qPrintable(t.w.lastMessage()));
    QVERIFY(!t.w.findChild<QProgressBar*>(QStringLiteral("loadProgress"))->isVisible());
}

// QA: the window could not be made narrower than 1225 pixels (the graph tab's row of controls
// set the least width), so on a 1024x768 screen the Results panel was off it. At most 1000 now,
// with a graph and a run on show, and at 1000 pixels every panel is inside the window.
void TestMainWindow::theWindowFitsA1024PixelScreen()
{
    Window t;
    QVERIFY(waitForData(t.w));
    QVERIFY(runEpochs(t.w, 20));
    t.w.views()->setCurrentWidget(t.w.graphView());
    QVERIFY(t.w.graphView()->nodeCount() > 0);
    QVERIFY2(t.w.minimumSizeHint().width() <= 1000, qPrintable(QString::number(t.w.minimumSizeHint().width())));
    for (int i = 0; i < t.w.views()->count(); ++i)
        QVERIFY2(t.w.views()->widget(i)->minimumSizeHint().width() <= 480, qPrintable(t.w.views()->tabText(i)));
    // The graph's buttons go on a toolbar of its own, which the View menu does not list.
    QMenu* view = nullptr;
    for (QAction* a : t.w.menuBar()->actions())
        if (a->text() == QLatin1String("&View"))
            view = a->menu();
    QVERIFY(view);
    const QList<QToolBar*> graphBars = t.w.graphView()->findChildren<QToolBar*>();
    QVERIFY(!graphBars.isEmpty());
    for (QToolBar* bar : graphBars)
        QVERIFY(!view->actions().contains(bar->toggleViewAction()));
    t.w.resize(1000, 700);
    QTRY_COMPARE(t.w.width(), 1000);
    for (QDockWidget* dock : t.w.findChildren<QDockWidget*>()) {
        const QRect r = dock->geometry();
        QVERIFY2(r.left() >= 0 && r.right() < t.w.width() && r.width() > 0, qPrintable(dock->objectName()));
    }
}

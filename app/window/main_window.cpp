#include "main_window.h"

#include "experiment/curves.h"
#include "experiment/exports.h"
#include "fit/least_squares.h"

#include "widgets/data_form.h"
#include "widgets/display_names.h"
#include "widgets/graph_view.h"
#include "widgets/least_squares_view.h"
#include "widgets/plots.h"
#include "widgets/results_view.h"
#include "widgets/run_list.h"
#include "widgets/settings_form.h"
#include "widgets/step_inspector.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoCommand>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace gradlab::app {

// One change of settings. Successive changes of the same field (typing in a spin box) merge.
class ConfigCommand final : public QUndoCommand {
public:
    ConfigCommand(MainWindow* window, experiment::ExperimentConfig before, experiment::ExperimentConfig after, QString key,
                  const QString& text)
        : QUndoCommand(text), window_(window), before_(std::move(before)), after_(std::move(after)), key_(std::move(key))
    {
    }
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* o = static_cast<const ConfigCommand*>(other);
        if (key_.isEmpty() || o->key_ != key_)
            return false;
        after_ = o->after_;
        return true;
    }
    void undo() override { window_->applyConfig(before_); }
    void redo() override { window_->applyConfig(after_); }

private:
    MainWindow* window_;
    experiment::ExperimentConfig before_, after_;
    QString key_;
};

namespace {

constexpr int kMaxRecentFiles = 8;
// Epochs of a run in progress the window keeps for its plots; beyond, every other one goes.
constexpr std::size_t kMaxLiveEpochs = 200'000;
// The property of a Language menu action holding the language's own name, without a note.
constexpr char kLanguageName[] = "gradlab.languageName";
const char kFileFilter[] = QT_TRANSLATE_NOOP("gradlab::app::MainWindow", "GradLab projects (*.gradlab);;All files (*)");
const char kOpenFilter[] = QT_TRANSLATE_NOOP("gradlab::app::MainWindow",
                                             "GradLab projects (*.gradlab);;Data files (*.csv *.tsv *.txt);;All files (*)");

// The epochs behind a run's final parameters: a diverged run keeps those from before the epoch
// that diverged, which it counts.
qint64 epochsBehind(const experiment::RunRecord& run)
{
    return run.diverged ? std::max<qint64>(0, run.epochs - 1) : run.epochs;
}

// Whether the run was stopped within an epoch (Step Batch, then Stop): its final parameters are
// past its last epoch's.
bool stoppedWithinEpoch(const experiment::RunRecord& run)
{
    return !run.diverged && !run.finalParams.empty() && !run.history.empty() && run.finalParams != run.history.back().params;
}

// Files opened as data (in the Data form) rather than as projects: all but .gradlab, as on the
// command line and when dropped.
bool isDataFile(const QString& path)
{
    return QFileInfo(path).suffix().toLower() != QLatin1String("gradlab");
}

// The dataset settings that decide the data (not what loading it records: hash and row count).
QJsonObject datasetKey(const experiment::ExperimentConfig& config)
{
    QJsonObject d = experiment::toJson(config).value(QStringLiteral("dataset")).toObject();
    QJsonObject csv = d.value(QStringLiteral("csv")).toObject();
    csv.remove(QStringLiteral("sha256"));
    csv.remove(QStringLiteral("rows"));
    csv.remove(QStringLiteral("embedded")); // the project's copy of the file: the same data
    if (!csv.isEmpty())
        d.insert(QStringLiteral("csv"), csv);
    return d;
}

// Whether a run of `a` can be drawn over the data and model of `b`: its path, fit and trajectories.
bool sameModelAndData(const experiment::ExperimentConfig& a, const experiment::ExperimentConfig& b)
{
    const auto modelOf = [](const experiment::ExperimentConfig& c) { return experiment::toJson(c).value(QStringLiteral("model")); };
    return modelOf(a) == modelOf(b) && datasetKey(a) == datasetKey(b);
}

// Whether a run of `run` was trained on another version of the CSV file that `now` loads: the same
// file and settings, but its SHA-256 then differs from the file's now.
bool trainedOnOtherCsv(const experiment::ExperimentConfig& run, const experiment::ExperimentConfig& now)
{
    const QString& then = run.dataset.csv.sha256;
    const QString& loaded = now.dataset.csv.sha256;
    return now.dataset.source == experiment::DatasetConfig::Source::Csv && !then.isEmpty() && !loaded.isEmpty() && then != loaded
        && datasetKey(run) == datasetKey(now);
}

// At most kMaxLiveEpochs of `history`, evenly spaced, the last one always among them.
std::vector<experiment::EpochRecord> thinned(const std::vector<experiment::EpochRecord>& history)
{
    if (history.size() <= kMaxLiveEpochs)
        return history;
    const std::size_t stride = (history.size() + kMaxLiveEpochs - 1) / kMaxLiveEpochs;
    std::vector<experiment::EpochRecord> kept;
    kept.reserve(history.size() / stride + 2);
    for (std::size_t i = 0; i < history.size(); i += stride)
        kept.push_back(history[i]);
    if ((history.size() - 1) % stride != 0)
        kept.push_back(history.back());
    return kept;
}

// The file names File > Export proposes for the plots, in the order of the views; the plots' own
// export dialogs propose the same.
constexpr std::array<const char*, MainWindow::kPlotCount> kPlotFileNames{"fit.png", "loss.png", "parameters.png", "landscape.png", "residuals.png"};

QString formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("—");
    if (seconds < 1.0)
        return QCoreApplication::translate("gradlab::app::MainWindow", "%1 ms").arg(std::max<qint64>(1, std::llround(seconds * 1e3)));
    if (seconds < 10.0)
        return QCoreApplication::translate("gradlab::app::MainWindow", "%1 s").arg(QLocale().toString(seconds, 'f', 1));
    const qint64 s = std::llround(seconds);
    if (s < 60)
        return QCoreApplication::translate("gradlab::app::MainWindow", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("gradlab::app::MainWindow", "%1 min %2 s").arg(s / 60).arg(s % 60);
    return QCoreApplication::translate("gradlab::app::MainWindow", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace

// What refreshModelViews computes from the data (0.2 s at 10M rows): computed by the loader's
// background task along with the data, so the GUI thread only shows it.
struct ModelViews {
    QJsonObject config; // the configuration they belong to (experiment::toJson)
    std::optional<experiment::ClosedFormComparison> closedForm;
    QString noClosedForm; // why there is none
    widgets::LandscapeProblem landscape;
};

namespace {

std::shared_ptr<const ModelViews> computeModelViews(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data)
{
    auto views = std::make_shared<ModelViews>();
    views->config = experiment::toJson(config);
    views->closedForm = experiment::closedFormFor(config, data, &views->noClosedForm);
    if (views->closedForm)
        experiment::addLeastSquaresReport(*views->closedForm, data.train, widgets::LeastSquaresView::kMaxResidualPoints);
    std::vector<double> center = views->closedForm ? views->closedForm->params : std::vector<double>{};
    if (center.empty()) {
        try {
            center = experiment::initialParameters(config.model, data.all.features());
        } catch (const std::exception&) {
            center.clear(); // an invalid model: the landscape says why
        }
    }
    views->landscape = widgets::LandscapePlot::computeProblem(config, data, center);
    return views;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    unsavedChangesPrompt = [](QWidget* p) {
        const auto* w = qobject_cast<const MainWindow*>(p);
        const QString text = w && w->isTraining() ? MainWindow::tr("A run is in progress. Stop it and save the project with the run first?")
                                                  : MainWindow::tr("The project has changes that are not saved. Save them first?");
        return QMessageBox::question(p, MainWindow::tr("Unsaved changes"), text,
                                     QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    };
    replacePrompt = [](QWidget* p, const QString& path) {
        return QMessageBox::question(p, MainWindow::tr("Save the project"),
                                     MainWindow::tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               == QMessageBox::Yes;
    };
    changedOnDiskPrompt = [](QWidget* p, const QString& path) {
        QMessageBox box(QMessageBox::Warning, MainWindow::tr("Project changed on disk"),
                        MainWindow::tr("%1 has been changed since GradLab opened or saved it, perhaps by GradLab in another window. "
                                       "Saving over it loses those changes, such as runs saved there.")
                            .arg(QDir::toNativeSeparators(path)),
                        QMessageBox::Yes | QMessageBox::Save | QMessageBox::Cancel, p);
        box.button(QMessageBox::Yes)->setText(MainWindow::tr("Overwrite"));
        box.button(QMessageBox::Save)->setText(MainWindow::tr("Save As…"));
        box.setDefaultButton(QMessageBox::Save);
        return static_cast<QMessageBox::StandardButton>(box.exec());
    };
    const QVariant inUse = qApp->property("gradlab.language");
    languageInUse_ = inUse.isValid() ? inUse.toString() : QSettings().value(QStringLiteral("language")).toString();
    restartPrompt = [](QWidget* p) {
        QMessageBox box(QMessageBox::Question, MainWindow::tr("Language"),
                        MainWindow::tr("GradLab shows the new language when it starts again. Restart it now?"), QMessageBox::NoButton, p);
        QPushButton* now = box.addButton(MainWindow::tr("Restart Now"), QMessageBox::AcceptRole);
        box.addButton(MainWindow::tr("Later"), QMessageBox::RejectRole);
        box.setDefaultButton(now);
        box.exec();
        return box.clickedButton() == now;
    };
    startProgram = [](const QString& program, const QStringList& arguments) { return QProcess::startDetached(program, arguments); };
    createViews();
    createActions();
    createMenus();
    createStatusBar();

    connect(&controller_, &TrainingController::progress, this, &MainWindow::onProgress);
    connect(&controller_, &TrainingController::paused, this, &MainWindow::onPaused);
    connect(&controller_, &TrainingController::finished, this, &MainWindow::onFinished);
    connect(&controller_, &TrainingController::failed, this, &MainWindow::onFailed);
    connect(&undo_, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(&undo_, &QUndoStack::indexChanged, this, &MainWindow::updateTitle);

    readSettings();
    setProject(experiment::Project{});
}

MainWindow::~MainWindow()
{
    // The training thread stops with the controller; a data load in progress is cancelled.
    if (cancelLoad_)
        *cancelLoad_ = true;
    loader_.waitForFinished();
}

// ---------------------------------------------------------------------------------------------
// Building the window

void MainWindow::createViews()
{
    views_ = new QTabWidget;
    views_->setObjectName(QStringLiteral("views"));
    views_->setDocumentMode(true);
    fitPlot_ = new widgets::DataFitPlot;
    lossPlot_ = new widgets::LossPlot;
    paramPlot_ = new widgets::ParameterPlot;
    landscape_ = new widgets::LandscapePlot;
    graph_ = new widgets::GraphView;
    views_->addTab(fitPlot_, tr("Data and fit"));
    views_->addTab(lossPlot_, tr("Loss"));
    views_->addTab(paramPlot_, tr("Parameters"));
    views_->addTab(landscape_, tr("Loss landscape"));
    views_->addTab(graph_, tr("Computation graph"));
    leastSquares_ = new widgets::LeastSquaresView;
    views_->addTab(leastSquares_, tr("Least squares"));
    connect(leastSquares_, &widgets::LeastSquaresView::rowsChosen, this, [this] {
        if (data_ && !loading_)
            showLeastSquares();
    });
    connect(views_, &QTabWidget::currentChanged, this, [this] {
        if (views_->currentWidget() == graph_)
            updateGraph();
    });
    setCentralWidget(views_);

    // Settings on the left: the data, then the model and its training.
    dataForm_ = new widgets::DataForm;
    settingsForm_ = new widgets::SettingsForm;
    auto* settingsTabs = new QTabWidget;
    settingsTabs->setObjectName(QStringLiteral("settingsTabs"));
    auto scrolled = [](QWidget* w) {
        auto* area = new QScrollArea;
        area->setWidget(w);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        return area;
    };
    settingsTabs->addTab(scrolled(dataForm_), tr("Data"));
    settingsTabs->addTab(scrolled(settingsForm_), tr("Model and training"));
    auto* settingsDock = new QDockWidget(tr("Experiment"), this);
    settingsDock->setObjectName(QStringLiteral("experimentDock"));
    settingsDock->setWidget(settingsTabs);
    // The forms and the results need room to be read; the plots in the middle give way first.
    settingsTabs->setMinimumWidth(260);
    addDockWidget(Qt::LeftDockWidgetArea, settingsDock);
    connect(dataForm_, &widgets::DataForm::edited, this, &MainWindow::onSettingsEdited);
    connect(dataForm_, &widgets::DataForm::readerErrorChanged, this, &MainWindow::onReaderErrorChanged);
    connect(settingsForm_, &widgets::SettingsForm::edited, this, &MainWindow::onSettingsEdited);

    // Results on the right: the runs, and the selected run (or the live one) against the closed form.
    runList_ = new widgets::RunList;
    results_ = new widgets::ResultsView;
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(results_);
    split->addWidget(runList_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* resultsDock = new QDockWidget(tr("Results"), this);
    resultsDock->setObjectName(QStringLiteral("resultsDock"));
    resultsDock->setWidget(split);
    split->setMinimumWidth(240);
    addDockWidget(Qt::RightDockWidgetArea, resultsDock);
    connect(runList_, &widgets::RunList::selectionChanged, this, &MainWindow::showSelectedRuns);
    connect(runList_, &widgets::RunList::removeRequested, this, &MainWindow::removeRun);
    connect(results_, &widgets::ResultsView::parameterEdited, this, &MainWindow::onParameterEdited);

    inspector_ = new widgets::StepInspector;
    auto* inspectorDock = new QDockWidget(tr("Step inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(inspector_);
    addDockWidget(Qt::BottomDockWidgetArea, inspectorDock);
    inspector_->clear(stepHint());
}

void MainWindow::createActions()
{
    auto make = [this](const QString& name, const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setStatusTip(tip);
        a->setToolTip(key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    newAct_ = make(QStringLiteral("new"), tr("&New"), QKeySequence::New, tr("Start a new project from the tutorial's experiment"),
                   [this] { newProject(); });
    openAct_ = make(QStringLiteral("open"), tr("&Open…"), QKeySequence::Open, tr("Open a project"), [this] { openWithDialog(); });
    saveAct_ = make(QStringLiteral("save"), tr("&Save"), QKeySequence::Save, tr("Save the project"), [this] {
        if (project_.filePath().isEmpty())
            saveAs();
        else
            saveProject(project_.filePath());
    });
    // Not every platform's key bindings have Save As (X11's have none): Ctrl+Shift+S, as most programs.
    saveAsAct_ = make(QStringLiteral("saveAs"), tr("Save &As…"), QKeySequence(QKeySequence::SaveAs).isEmpty() ? QKeySequence(tr("Ctrl+Shift+S")) : QKeySequence(QKeySequence::SaveAs), tr("Save the project under a new name"),
                      [this] { saveAs(); });

    runAct_ = make(QStringLiteral("run"), tr("&Run"), QKeySequence(Qt::Key_F5), tr("Train the model (or resume a paused run)"),
                   [this] { run(); });
    pauseAct_ = make(QStringLiteral("pause"), tr("&Pause"), QKeySequence(Qt::Key_F6), tr("Pause the run after the current epoch"),
                     [this] { pauseOrResume(); });
    stepAct_ = make(QStringLiteral("step"), tr("S&tep"), QKeySequence(Qt::Key_F10), tr("Train one epoch, then pause"),
                    [this] { step(); });
    // F11 as a debugger's "step into": into the epoch, one mini-batch at a time.
    stepBatchAct_ = make(QStringLiteral("stepBatch"), tr("Step &Batch"), QKeySequence(Qt::Key_F11),
                         tr("Train one mini-batch (one optimizer step), then pause; with full-batch training, one epoch"),
                         [this] { stepBatch(); });
    stopAct_ = make(QStringLiteral("stop"), tr("St&op"), QKeySequence(Qt::SHIFT | Qt::Key_F5), tr("Stop the run and keep it"),
                    [this] { stop(); });
    resetAct_ = make(QStringLiteral("reset"), tr("R&eset"), QKeySequence(Qt::CTRL | Qt::Key_R),
                     tr("Stop any run and show the initial parameters again"), [this] { reset(); });
    runAct_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    pauseAct_->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    stepAct_->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    stepBatchAct_->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    stopAct_->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    resetAct_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));

    // QUndoStack's own actions put the command after a fixed prefix ("&Undo Change batch size");
    // a whole template lets a language place the command and the mnemonic where it reads well.
    undoAct_ = new QAction(tr("&Undo"), this);
    undoAct_->setObjectName(QStringLiteral("undo"));
    undoAct_->setShortcut(QKeySequence::Undo);
    connect(undoAct_, &QAction::triggered, &undo_, &QUndoStack::undo);
    connect(&undo_, &QUndoStack::undoTextChanged, undoAct_, [this](const QString& command) {
        undoAct_->setText(command.isEmpty() ? tr("&Undo") : tr("&Undo %1", "%1: the change, e.g. Change batch size").arg(command));
    });
    redoAct_ = new QAction(tr("&Redo"), this);
    redoAct_->setObjectName(QStringLiteral("redo"));
    redoAct_->setShortcut(QKeySequence::Redo);
    connect(redoAct_, &QAction::triggered, &undo_, &QUndoStack::redo);
    connect(&undo_, &QUndoStack::redoTextChanged, redoAct_, [this](const QString& command) {
        redoAct_->setText(command.isEmpty() ? tr("&Redo") : tr("&Redo %1", "%1: the change, e.g. Change batch size").arg(command));
    });
    // Undoing a setting during a run would leave the run and the forms disagreeing (updateActions).
    undoAct_->setEnabled(false);
    redoAct_->setEnabled(false);
    connect(&undo_, &QUndoStack::canUndoChanged, undoAct_, [this](bool can) { undoAct_->setEnabled(can && mode_ == Mode::Idle); });
    connect(&undo_, &QUndoStack::canRedoChanged, redoAct_, [this](bool can) { redoAct_->setEnabled(can && mode_ == Mode::Idle); });

    // Named apart from the Run menu in the View menu, which lists it.
    auto* bar = addToolBar(tr("Run toolbar"));
    bar->setObjectName(QStringLiteral("runToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction* a : {runAct_, pauseAct_, stepAct_, stepBatchAct_, stopAct_, resetAct_}) {
        a->setIconText(toolButtonText(a->text()));
        bar->addAction(a);
    }
}

// A pace of a few epochs a second lets a class watch the line, the loss and the path move; the
// choice is the user's, kept between sessions, and not part of the experiment.
void MainWindow::createSpeedMenu(QMenu* runMenu)
{
    QMenu* speed = runMenu->addMenu(tr("&Speed"));
    speed->setObjectName(QStringLiteral("speedMenu"));
    auto* group = new QActionGroup(this);
    auto* button = new QToolButton(this);
    button->setObjectName(QStringLiteral("speedButton"));
    button->setMenu(speed);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolTip(tr("How fast a run goes: as fast as it trains, or slowly enough to watch it learn"));
    const std::array paces{0, 100, 20, 5, 1};
    int saved = QSettings().value(QStringLiteral("pace"), 0).toInt();
    if (std::find(paces.begin(), paces.end(), saved) == paces.end())
        saved = 0; // not offered (any more): full speed
    for (const int pace : paces) {
        QAction* a = speed->addAction(pace == 0   ? tr("Full speed")
                                      : pace == 1 ? tr("1 epoch a second")
                                                  : tr("%1 epochs a second").arg(pace));
        a->setCheckable(true);
        a->setData(pace);
        a->setObjectName(QStringLiteral("pace%1").arg(pace));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, a, button] {
            const int chosen = a->data().toInt();
            controller_.setPace(chosen);
            QSettings().setValue(QStringLiteral("pace"), chosen);
            button->setText(a->text());
        });
        if (pace == saved) {
            a->setChecked(true);
            controller_.setPace(pace);
            button->setText(a->text());
        }
    }
    if (auto* bar = findChild<QToolBar*>(QStringLiteral("runToolBar"))) {
        bar->addSeparator();
        bar->addWidget(button);
    }
}

QAction* MainWindow::action(const QString& name) const
{
    return findChild<QAction*>(name);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(newAct_);
    file->addAction(openAct_);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addAction(saveAct_);
    file->addAction(saveAsAct_);
    file->addSeparator();
    QMenu* exp = file->addMenu(tr("&Export"));
    exp->addAction(tr("&Parameters (JSON or CSV)…"), this, &MainWindow::exportParameters);
    exp->addAction(tr("Loss &history (CSV)…"), this, &MainWindow::exportHistory);
    QAction* exportFit = exp->addAction(tr("Least-s&quares fit (JSON or CSV)…"), this, &MainWindow::exportLeastSquares);
    exportFit->setObjectName(QStringLiteral("exportLeastSquares"));
    exportFit->setStatusTip(tr("Save the closed-form fit's coefficients with their standard errors, p-values and intervals, and its statistics"));
    exp->addSeparator();
    exp->addAction(tr("&Data and fit plot…"), this, [this] { exportPlot(0); });
    exp->addAction(tr("&Loss plot…"), this, [this] { exportPlot(1); });
    exp->addAction(tr("P&arameter plot…"), this, [this] { exportPlot(2); });
    exp->addAction(tr("Loss la&ndscape plot…"), this, [this] { exportPlot(3); })->setObjectName(QStringLiteral("exportLandscapePlot"));
    exp->addAction(tr("Computation &graph (DOT, SVG or PNG)…"), this, &MainWindow::exportGraph);
    exp->addAction(tr("&Residual plot…"), this, [this] { exportPlot(4); })->setObjectName(QStringLiteral("exportResidualPlot"));
    exp->addSeparator();
    exp->addAction(tr("PyTorch &script…"), this, &MainWindow::exportScript);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(undoAct_);
    edit->addAction(redoAct_);

    QMenu* runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->addAction(runAct_);
    runMenu->addAction(pauseAct_);
    runMenu->addAction(stepAct_);
    runMenu->addAction(stepBatchAct_);
    runMenu->addAction(stopAct_);
    runMenu->addAction(resetAct_);
    runMenu->addSeparator();
    createSpeedMenu(runMenu);

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        viewMenu_->addAction(dock->toggleViewAction());
    for (QToolBar* bar : findChildren<QToolBar*>(QString(), Qt::FindDirectChildrenOnly)) // not the graph view's own
        viewMenu_->addAction(bar->toggleViewAction());
    viewMenu_->addSeparator();
    QAction* resetLayout = viewMenu_->addAction(tr("Reset &Layout"), this, &MainWindow::resetLayout);
    resetLayout->setObjectName(QStringLiteral("resetLayout"));
    resetLayout->setStatusTip(tr("Put the panels back where they were at the first start"));

    // A new language takes a new start (setLanguage offers it), when every text is created in it.
    // The menu ticks the language on screen, which a one-start --language may have chosen.
    QMenu* language = menuBar()->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    languageGroup_ = new QActionGroup(this);
    const std::pair<QString, QString> choices[] = {{QString(), tr("System language")},
                                                   {QStringLiteral("en"), QStringLiteral("English")},
                                                   {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto& [code, name] : choices) {
        QAction* a = language->addAction(name);
        a->setCheckable(true);
        a->setData(code);
        a->setProperty(kLanguageName, name);
        languageGroup_->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            setLanguage(code);
            updateLanguageMenu(); // the group ticked the chosen one, which may not be on screen yet
        });
    }
    updateLanguageMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About GradLab"), this, [this] {
        QMessageBox::about(this, tr("About GradLab"),
                           tr("<p><b>GradLab %1</b></p><p>Train a model through GradLab's own autograd engine, watch it learn, "
                              "and compare it with the closed-form least-squares fit.</p>"
                              "<p>Built on Qt, QCustomPlot, Eigen and Graphviz.</p>")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::createStatusBar()
{
    statusText_ = new QLabel;
    epochLabel_ = new QLabel;
    epochLabel_->setObjectName(QStringLiteral("epochLabel"));
    speedLabel_ = new QLabel;
    speedLabel_->setObjectName(QStringLiteral("speedLabel"));
    etaLabel_ = new QLabel;
    runProgress_ = new QProgressBar;
    runProgress_->setObjectName(QStringLiteral("runProgress"));
    runProgress_->setMaximumWidth(200);
    runProgress_->setTextVisible(true);
    loadBar_ = new QProgressBar;
    loadBar_->setRange(0, 1000);
    loadBar_->setFormat(tr("Loading data %p%"));
    // Wide enough for its text on one line, in any language.
    loadBar_->setMinimumWidth(loadBar_->fontMetrics().horizontalAdvance(loadBar_->format().replace(QLatin1String("%p"), QLatin1String("100"))) + 40);
    loadBar_->setMaximumWidth(std::max(220, loadBar_->minimumWidth()));
    loadBar_->setObjectName(QStringLiteral("loadProgress"));
    cancelLoadButton_ = new QToolButton;
    cancelLoadButton_->setObjectName(QStringLiteral("cancelLoad"));
    cancelLoadButton_->setText(tr("Cancel"));
    cancelLoadButton_->setToolTip(tr("Stop loading the data"));
    connect(cancelLoadButton_, &QToolButton::clicked, this, &MainWindow::cancelDataLoad);
    statusBar()->addWidget(statusText_, 1);
    statusBar()->addPermanentWidget(loadBar_);
    statusBar()->addPermanentWidget(cancelLoadButton_);
    statusBar()->addPermanentWidget(epochLabel_);
    statusBar()->addPermanentWidget(speedLabel_);
    statusBar()->addPermanentWidget(etaLabel_);
    statusBar()->addPermanentWidget(runProgress_);
    loadBar_->hide();
    cancelLoadButton_->hide();
    runProgress_->hide(); // until the first run
    loadTimer_ = new QTimer(this);
    loadTimer_->setInterval(100);
    connect(loadTimer_, &QTimer::timeout, this, [this] {
        if (!loadProgress_)
            return;
        const double done = loadProgress_->load();
        if (done < 1.0 || loadBar_->maximum() == 0) {
            loadBar_->setValue(static_cast<int>(done * 1000));
        } else if (!cancelLoad_ || !*cancelLoad_) {
            // Read or drawn: the split, the closed form and the landscape follow, of unknown length.
            loadBar_->setRange(0, 0);
            showStatus(preparingMessage());
        }
    });
}

QString MainWindow::preparingMessage()
{
    return tr("Preparing the data: the split, the closed form and the loss landscape…");
}

QString MainWindow::toolButtonText(const QString& text)
{
    // "运行(&R)": the letter some languages add in brackets for a mnemonic goes with its brackets.
    static const QRegularExpression bracketed(QStringLiteral("\\s*[(\uFF08]&[^&\\s][)\uFF09]"));
    QString rest = text;
    rest.remove(bracketed);
    QString out;
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest[i] == QLatin1Char('&')) {
            if (i + 1 < rest.size() && rest[i + 1] == QLatin1Char('&'))
                out += rest[++i]; // "&&" is a literal '&'
            continue;
        }
        out += rest[i];
    }
    return out;
}

QRect MainWindow::defaultGeometry(const QRect& available)
{
    // At most 90 % of the screen, so the frame, title bar and status bar stay on it; centred.
    const QSize size(std::min(kDefaultSize.width(), available.width() * 9 / 10),
                     std::min(kDefaultSize.height(), available.height() * 9 / 10));
    QRect r(QPoint(), size);
    r.moveCenter(available.center());
    return r;
}

void MainWindow::readSettings()
{
    QSettings s;
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray())) {
        const QScreen* screen = this->screen();
        const QRect available = screen ? screen->availableGeometry() : QRect(QPoint(), kDefaultSize);
        setGeometry(defaultGeometry(available));
        // A screen too small for the window's least size: it starts maximised, which fits.
        const QSize least = minimumSizeHint();
        if (least.width() > width() || least.height() > height())
            setWindowState(windowState() | Qt::WindowMaximized);
    }
    defaultState_ = saveState();
    if (!restoreState(s.value(QStringLiteral("window/state")).toByteArray()))
        resizeDocksToDefault();
    lossPlot_->setLogScale(s.value(QStringLiteral("plots/lossLogScale"), true).toBool());
    leastSquares_->setAllRows(s.value(QStringLiteral("leastSquares/allRows"), false).toBool());
    leastSquares_->setConfidenceLevel(s.value(QStringLiteral("leastSquares/confidenceLevel"), widgets::LeastSquaresView::kDefaultLevel).toDouble());
    // "classical", "hc0" … "hc3"; anything else (a damaged setting) is classical.
    leastSquares_->setStandardErrors(
        fit::covarianceTypeFrom(s.value(QStringLiteral("leastSquares/standardErrors")).toString().toStdString()).value_or(fit::CovarianceType::Classical));
    leastSquares_->setResidualPlotKind(s.value(QStringLiteral("leastSquares/residualPlot")).toString() == QLatin1String("qq")
                                           ? widgets::ResidualPlot::NormalQQ
                                           : widgets::ResidualPlot::ResidualsVsFitted);
    fitPlot_->setShowBand(s.value(QStringLiteral("plots/closedFormBand"), false).toBool());
    updateRecentMenu();
}

// The first start's layout: the plots get most of the room.
void MainWindow::resizeDocksToDefault()
{
    // The forms as wide as they ask to be (in any language), within reason.
    const int forms = std::clamp(std::max(dataForm_->sizeHint().width(), settingsForm_->sizeHint().width()) + 40, 340, 520);
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("experimentDock")), findChild<QDockWidget*>(QStringLiteral("resultsDock"))},
                {forms, 380}, Qt::Horizontal);
    resizeDocks({findChild<QDockWidget*>(QStringLiteral("inspectorDock"))}, {170}, Qt::Vertical);
}

void MainWindow::resetLayout()
{
    restoreState(defaultState_);
    for (QDockWidget* dock : findChildren<QDockWidget*>()) {
        dock->setFloating(false);
        dock->show();
    }
    for (QToolBar* bar : findChildren<QToolBar*>(QString(), Qt::FindDirectChildrenOnly))
        bar->show();
    resizeDocksToDefault();
}

void MainWindow::writeSettings()
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("plots/lossLogScale"), lossPlot_->logScale());
    s.setValue(QStringLiteral("leastSquares/allRows"), leastSquares_->allRows());
    s.setValue(QStringLiteral("leastSquares/confidenceLevel"), leastSquares_->confidenceLevel());
    s.setValue(QStringLiteral("leastSquares/standardErrors"), QString::fromLatin1(fit::covarianceTypeName(leastSquares_->standardErrors())));
    s.setValue(QStringLiteral("leastSquares/residualPlot"),
               leastSquares_->residualPlotKind() == widgets::ResidualPlot::NormalQQ ? QStringLiteral("qq") : QStringLiteral("fitted"));
    s.setValue(QStringLiteral("plots/closedFormBand"), fitPlot_->showsBand());
}

// ---------------------------------------------------------------------------------------------
// The configuration and its data

void MainWindow::setProject(experiment::Project project)
{
    project_ = std::move(project);
    updateExportPaths();
    undo_.clear();
    runsChanged_ = false;
    live_.clear();
    runEvents_.clear();
    data_.reset();
    dataKey_ = {};
    closedForm_.reset();
    leastSquaresShown_.reset();
    runList_->setRuns(project_.runs);
    lossPlot_->clearLive();
    lossPlot_->setRuns(project_.runs, {});
    setRunCaption({});
    // The status bar's run progress was the other project's.
    epochLabel_->clear();
    speedLabel_->clear();
    etaLabel_->clear();
    runProgress_->reset();
    runProgress_->hide();
    inspector_->clear(stepHint());
    applyConfig(project_.config);
    if (!project_.runs.empty())
        runList_->selectRuns({static_cast<int>(project_.runs.size()) - 1});
    undo_.setClean();
    updateTitle();
}

void MainWindow::changeConfig(const experiment::ExperimentConfig& after, const QString& key, const QString& description)
{
    undo_.push(new ConfigCommand(this, project_.config, after, key, description));
}

void MainWindow::onSettingsEdited(const experiment::ExperimentConfig& after, const QString& key, const QString& description)
{
    if (mode_ == Mode::Running) {
        applyConfig(project_.config); // the forms are read-only during a run; show the settings in force
        return;
    }
    if (mode_ == Mode::Paused) {
        // Only the optimizer's options can change now, and they change the run in progress too.
        QString error;
        if (!controller_.setOptimizerOptions(after.optimizer, &error)) {
            applyConfig(project_.config);
            showError(tr("The run's optimizer was not changed"), error);
            return;
        }
        experiment::ExperimentConfig c = project_.config;
        c.optimizer = after.optimizer;
        changeConfig(c, key, description);
        return;
    }
    changeConfig(after, key, description);
}

void MainWindow::applyConfig(const experiment::ExperimentConfig& config)
{
    project_.config = config;
    const int features = data_ ? static_cast<int>(data_->all.features()) : std::max(1, static_cast<int>(config.dataset.csv.features.size()));
    dataForm_->setConfig(config, projectDir());
    settingsForm_->setConfig(config, config.dataset.source == experiment::DatasetConfig::Source::Generated ? config.dataset.generator.features
                                                                                                         : features);
    updateValidation();
    if (datasetKey(config) != dataKey_ || !data_)
        loadData();
    else
        refreshModelViews();
    updateActions();
}

void MainWindow::updateValidation()
{
    const QStringList problems = experiment::validate(project_.config);
    runAct_->setToolTip(problems.isEmpty() ? tr("Train the model (or resume a paused run) (%1)").arg(runAct_->shortcut().toString(QKeySequence::NativeText))
                                           : tr("The run cannot start:\n%1").arg(problems.join(QLatin1Char('\n'))));
}

QString MainWindow::projectDir() const
{
    return project_.filePath().isEmpty() ? QDir::currentPath() : QFileInfo(project_.filePath()).absolutePath();
}

void MainWindow::loadData()
{
    cancelDataLoad();
    loader_.waitForFinished();
    const bool opening = std::exchange(openingProject_, false);
    const QJsonObject key = datasetKey(project_.config);
    const experiment::CsvConfig& csv = project_.config.dataset.csv;
    if (project_.config.dataset.source == experiment::DatasetConfig::Source::Csv && csv.path.isEmpty() && csv.embedded.isEmpty()) {
        // The CSV source is chosen but no file yet: nothing to load, and nothing wrong (the Data
        // form asks for the file; Run says what is missing).
        cancelLoad_.reset(); // a load still reporting is stale
        loadProgress_.reset();
        data_.reset();
        dataKey_ = key;
        dataProblem_ = tr("Choose a CSV file on the Data tab, or drop one onto the window");
        showStatus(dataProblem_);
        onDataLoaded();
        return;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto progress = std::make_shared<std::atomic<double>>(0.0);
    cancelLoad_ = cancel;
    loadProgress_ = progress;
    loading_ = true;
    data_.reset();
    dataKey_ = key;
    // The report (and its export) of the data before would be taken for the new data's.
    leastSquaresShown_.reset();
    leastSquares_->clear(tr("Loading the data…"));
    auto copy = std::make_shared<experiment::Project>(project_);
    auto result = std::make_shared<std::optional<experiment::ExperimentData>>();
    auto error = std::make_shared<QString>();
    auto droppable = std::make_shared<bool>(false);
    loadBar_->setRange(0, 1000);
    loadBar_->setValue(0);
    cancelLoadButton_->setEnabled(true);
    QTimer::singleShot(400, this, [this, cancel] {
        // Only a load that takes a while shows its progress.
        if (loading_ && cancelLoad_ == cancel) {
            loadBar_->show();
            cancelLoadButton_->show();
            loadTimer_->start();
            fitPlot_->setNoData(project_.config, tr("Loading the data…"));
        }
    });
    showStatus(tr("Loading the data…"));
    fitPlot_->setFit({});
    auto views = std::make_shared<std::shared_ptr<const ModelViews>>();
    QFuture<void> f = QtConcurrent::run([copy, result, error, droppable, cancel, progress, views] {
        *result = copy->loadData(error.get(), [cancel, progress](std::uint64_t done, std::uint64_t total) {
            if (total > 0)
                *progress = static_cast<double>(done) / static_cast<double>(total);
            return !cancel->load();
        }, droppable.get());
        if (*result && !cancel->load())
            *views = computeModelViews(copy->config, **result);
    });
    // The results travel with the watcher's finished signal through these shared copies.
    connect(&loader_, &QFutureWatcher<void>::finished, this, [this, copy, result, error, droppable, cancel, key, views, opening] {
        if (cancelLoad_ != cancel)
            return; // a newer load replaced this one
        dataProblem_.clear();
        if (cancel->load()) {
            dataProblem_ = tr("Loading the data was cancelled");
            showStatus(dataProblem_);
        } else if (!*result) {
            // The reader says to drop such rows: name the control that does it.
            if (*droppable)
                *error = tr("%1 (on the Data tab, Missing values: Drop the row)").arg(*error);
            dataProblem_ = tr("The data could not be loaded: %1").arg(*error);
            // Settings the forms already mark as invalid need no dialog on top of their message.
            if (experiment::validate(project_.config).isEmpty())
                showError(tr("The data could not be loaded"), *error);
            else
                showStatus(dataProblem_);
        } else {
            data_ = std::make_shared<const experiment::ExperimentData>(std::move(**result));
            // What loading records about a CSV file (hash, rows), without an undo step.
            project_.config.dataset.csv.sha256 = copy->config.dataset.csv.sha256;
            project_.config.dataset.csv.rows = copy->config.dataset.csv.rows;
            for (const QString& w : data_->warnings)
                showStatus(w);
        }
        onDataLoaded(data_ ? *views : nullptr);
        // A project just opened whose file has changed or is missing says so in a box, not only
        // in the status bar: its runs' closed forms may not be those of the data now.
        if (opening && data_ && !data_->fileWarnings.isEmpty())
            announceFileWarnings(data_->fileWarnings);
    }, Qt::SingleShotConnection);
    loader_.setFuture(f);
}

void MainWindow::cancelDataLoad()
{
    if (!cancelLoad_ || *cancelLoad_)
        return;
    *cancelLoad_ = true;
    if (loading_) {
        // Reading stops within a block; a split or fit under way ends first.
        cancelLoadButton_->setEnabled(false);
        showStatus(tr("Cancelling…"));
    }
}

// A file chosen in the Data form that cannot be read is not the project's data, but the form shows
// it: the plot says so too instead of showing the data in force, until the choice is over.
void MainWindow::onReaderErrorChanged()
{
    const QStringList blockers = dataForm_->runBlockers();
    const bool blocked = !blockers.isEmpty();
    if (blocked) {
        fitPlot_->setNoData(project_.config, blockers.first());
        showStatus(blockers.first());
    } else if (std::exchange(formBlocked_, false) && dataReady()) {
        fitPlot_->setData(project_.config, *data_);
        refreshModelViews();
    }
    formBlocked_ = blocked;
}

void MainWindow::onDataLoaded(const std::shared_ptr<const ModelViews>& computed)
{
    loading_ = false;
    loadTimer_->stop();
    loadBar_->hide();
    cancelLoadButton_->hide();
    if (!data_) {
        pending_ = Pending::None;
        fitPlot_->setNoData(project_.config, dataProblem_);
        graph_->clear(tr("No data: load or generate a dataset first."));
        // The views of the model show nothing of the project before, and say why.
        const QString why = dataProblem_.isEmpty() ? tr("No data: load or generate a dataset first.") : dataProblem_;
        leastSquares_->clear(why);
        leastSquaresShown_.reset();
        paramPlot_->clear(why);
        landscape_->showProblem(widgets::LandscapeProblem{std::nullopt, why, {}, {}});
        fitPlot_->setClosedFormFit(nullptr);
        updateActions();
        return;
    }
    // The status bar's word on the load in progress (a large file's "Preparing…" included) gives
    // way to what was loaded; any other message stays.
    if (lastMessage_ == tr("Loading the data…") || lastMessage_ == preparingMessage())
        showStatus(tr("%1 rows: %2 for training, %3 for validation").arg(data_->all.rows()).arg(data_->train.rows()).arg(data_->val.rows()));
    dataForm_->setLoadedRows(data_->all.rows(), data_->warnings);
    settingsForm_->setConfig(project_.config, static_cast<int>(data_->all.features()));
    updateValidation();
    fitPlot_->setData(project_.config, *data_);
    refreshModelViews(computed);
    if (formBlocked_) // the Data form still shows a file it could not read: so does the plot
        onReaderErrorChanged();
    // The run on show may have been trained on the file before it changed: now that its hash is
    // known, the results' title says so.
    if (const QList<int> rows = runList_->selectedRuns(); mode_ == Mode::Idle && rows.size() == 1 && rows[0] >= 0
        && rows[0] < static_cast<int>(project_.runs.size()))
        results_->showRun(project_.runs[static_cast<std::size_t>(rows[0])], runTitle(rows[0]));
    updateActions();
    emit dataLoaded();
    const Pending p = std::exchange(pending_, Pending::None);
    if (p == Pending::Run)
        startRun(TrainingController::StartMode::Run);
    else if (p == Pending::Step)
        startRun(TrainingController::StartMode::Step);
    else if (p == Pending::StepBatch)
        startRun(TrainingController::StartMode::StepBatch);
}

std::vector<double> MainWindow::initialParameters() const
{
    if (!data_)
        return {};
    try {
        return experiment::initialParameters(project_.config.model, data_->all.features());
    } catch (const std::exception&) {
        return {}; // an invalid model: the forms say why
    }
}

QStringList MainWindow::flatNames() const
{
    if (!data_)
        return {};
    try {
        return experiment::flatParameterNames(experiment::parameterLayout(project_.config.model, data_->all.features()));
    } catch (const std::exception&) {
        return {};
    }
}

// The views that depend on the model: closed form, initial fit, parameters, landscape, graph.
void MainWindow::refreshModelViews(const std::shared_ptr<const ModelViews>& computed)
{
    if (!data_ || mode_ != Mode::Idle)
        return;
    // The last run's path and parameters belong to its model and data: after a change of either,
    // the views start from the new configuration's initial values.
    if (!live_.empty() && !sameModelAndData(runConfig_, project_.config)) {
        live_.clear();
        setRunCaption({});
    }
    fitPlot_->setModel(project_.config.model);
    // What the loader computed holds unless the settings have changed since.
    const bool fresh = computed && computed->config == experiment::toJson(project_.config);
    QString noClosedForm = fresh ? computed->noClosedForm : QString();
    closedForm_ = fresh ? computed->closedForm : experiment::closedFormFor(project_.config, *data_, &noClosedForm);
    if (!fresh && closedForm_)
        experiment::addLeastSquaresReport(*closedForm_, data_->train, widgets::LeastSquaresView::kMaxResidualPoints);
    closedFormWhyNot_ = noClosedForm;
    showLeastSquares();
    const std::vector<double> cf = closedForm_ ? closedForm_->params : std::vector<double>{};
    fitPlot_->setClosedForm(cf);
    fitPlot_->setClosedFormFit(closedForm_ ? closedForm_->fit : nullptr);
    // A closed form that is not unique (or poorly determined) is no target for training to reach.
    // Said once for each new warning, not again at every change of settings.
    const QString warning = closedForm_ ? closedForm_->warnings.join(QLatin1Char(' ')) : QString();
    if (!warning.isEmpty() && warning != std::exchange(closedFormWarning_, warning))
        showStatus(tr("The closed form: %1").arg(warning));
    closedFormWarning_ = warning;
    paramPlot_->setParameters(flatNames(), cf);
    const std::vector<double> init = initialParameters();
    paramPlot_->setInitial(init);
    paramPlot_->setHistory(live_);
    if (fresh)
        landscape_->showProblem(computed->landscape);
    else
        landscape_->setProblem(project_.config, *data_, cf.empty() ? init : cf);
    landscape_->setPath(live_);
    widgets::GraphPoint at(live_.empty() ? 0 : live_.back().epoch);
    at.final = !live_.empty() && mode_ == Mode::Idle;
    showParameters(live_.empty() ? init : live_.back().params, at);
}

void MainWindow::showParameters(const std::vector<double>& params, const widgets::GraphPoint& at)
{
    if (!data_)
        return;
    fitPlot_->setFit(params, at.final);
    showGraph(project_.config, params, at);
}

void MainWindow::showRunParameters(const experiment::RunRecord& run)
{
    widgets::GraphPoint at(epochsBehind(run));
    at.final = true;
    at.withinEpoch = stoppedWithinEpoch(run);
    showParameters(run.finalParams.empty() && !live_.empty() ? live_.back().params : run.finalParams, at);
}

// The graph runs a forward and backward pass over the training rows: it is drawn when it is in
// view, and otherwise when it comes into view.
void MainWindow::showGraph(const experiment::ExperimentConfig& config, const std::vector<double>& params, const widgets::GraphPoint& at)
{
    graphConfig_ = config;
    graphParams_ = params;
    graphAt_ = at;
    graphStale_ = true;
    if (views_->currentWidget() == graph_)
        updateGraph();
}

void MainWindow::updateGraph()
{
    if (!graphStale_ || !data_)
        return;
    graphStale_ = false;
    graph_->setExperiment(graphConfig_, *data_, graphParams_, graphAt_);
}

// ---------------------------------------------------------------------------------------------
// Running

void MainWindow::run()
{
    if (stopping_)
        return; // the run is being stopped: Run starts a new one once it has ended
    if (mode_ == Mode::Paused) {
        controller_.resume();
        setMode(Mode::Running);
        showStatus(trainingStatus()); // no longer "Paused … can be edited"
        return;
    }
    if (mode_ == Mode::Idle)
        startRun(TrainingController::StartMode::Run);
}

void MainWindow::pauseOrResume()
{
    if (mode_ == Mode::Running)
        controller_.pause();
    else if (mode_ == Mode::Paused)
        run();
}

// The CPU as the Device list names it; a CUDA device by its id ("cuda:0").
QString MainWindow::trainingStatus() const
{
    const QString& device = runConfig_.training.device;
    return device.compare(QLatin1String("cpu"), Qt::CaseInsensitive) == 0 ? tr("Training on the CPU") : tr("Training on %1").arg(device);
}

QString MainWindow::stepHint()
{
    return tr("Press Step to train one epoch, or Step Batch for one mini-batch, and see what autograd computed and what "
              "the optimizer did with it.");
}

void MainWindow::step()
{
    stepBy(TrainingController::StartMode::Step);
}

void MainWindow::stepBatch()
{
    stepBy(TrainingController::StartMode::StepBatch);
}

void MainWindow::stepBy(TrainingController::StartMode unit)
{
    if (stopping_)
        return;
    if (mode_ == Mode::Idle)
        startRun(unit);
    else if (unit == TrainingController::StartMode::StepBatch)
        controller_.stepBatch();
    else
        controller_.step();
}

void MainWindow::stop()
{
    if (mode_ != Mode::Idle) {
        stopping_ = true;
        controller_.stop();
        updateActions();
    }
    pending_ = Pending::None;
}

void MainWindow::reset()
{
    pending_ = Pending::None;
    if (mode_ != Mode::Idle) {
        // The stopped run is recorded when the worker reports it (onFinished or onFailed); the
        // views reset after that.
        resetPending_ = true;
        stop();
        return;
    }
    resetPending_ = false;
    live_.clear();
    runEvents_.clear();
    // The views show no run now: none stays selected, so that clicking one shows it again.
    runList_->selectRuns({});
    lossPlot_->clearLive();
    inspector_->clear(stepHint());
    results_->clear(tr("Press Run to train the model."));
    epochLabel_->clear();
    speedLabel_->clear();
    etaLabel_->clear();
    runProgress_->reset();
    refreshModelViews();
    showStatus(tr("Back to the initial parameters"));
}

bool MainWindow::startRun(TrainingController::StartMode mode)
{
    // The configuration's problems, and what the forms refused (typed text not taken, a file that
    // cannot be read, a device that cannot be used), which the configuration does not show.
    const QStringList problems = experiment::validate(project_.config) + dataForm_->runBlockers() + settingsForm_->runBlockers();
    if (!problems.isEmpty()) {
        if (problems.size() == 1 && !deviceUsable(project_.config.training.device))
            offerCpuRun(problems.first(), false, project_.config.training.device); // the one problem is the device
        else
            showError(tr("The run cannot start"), problems.join(QLatin1Char('\n')));
        return false;
    }
    if (!dataReady()) {
        pending_ = mode == TrainingController::StartMode::Step        ? Pending::Step
                   : mode == TrainingController::StartMode::StepBatch ? Pending::StepBatch
                                                                      : Pending::Run;
        if (!loading_)
            loadData();
        showStatus(tr("The run starts when the data is loaded"));
        return false;
    }
    runConfig_ = project_.config;
    if (!controller_.start(runConfig_, data_, mode))
        return false;
    live_.clear();
    drawnStep_ = {};
    liveStride_ = 1;
    liveCount_ = 0;
    liveNextDoubling_ = kMaxLiveEpochs;
    runEvents_.clear();
    liveNames_ = flatNames();
    resultsClock_.invalidate();
    lossPlot_->beginLive(tr("This run"));
    setRunCaption({}); // the plots follow this run
    paramPlot_->setInitial(initialParameters());
    paramPlot_->setHistory({});
    landscape_->setPath({});
    fitPlot_->setFit(initialParameters(), true); // the model being trained, from its first epoch
    runProgress_->setRange(0, 1000);
    runProgress_->setValue(0);
    runProgress_->show();
    results_->clear(tr("Training…"));
    results_->setDType(gradlab::parseDType(runConfig_.training.dtype.toStdString()));
    setMode(mode == TrainingController::StartMode::Run ? Mode::Running : Mode::Paused);
    showStatus(trainingStatus());
    return true;
}

void MainWindow::setMode(Mode mode)
{
    mode_ = mode;
    using SM = widgets::SettingsForm::Mode;
    settingsForm_->setMode(mode == Mode::Idle ? SM::Idle : mode == Mode::Running ? SM::Running : SM::Paused);
    dataForm_->setEditable(mode == Mode::Idle);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool idle = mode_ == Mode::Idle;
    runAct_->setEnabled(mode_ != Mode::Running && !stopping_);
    runAct_->setText(mode_ == Mode::Paused ? tr("&Resume") : tr("&Run"));
    runAct_->setIconText(toolButtonText(runAct_->text())); // the toolbar button says Resume too
    pauseAct_->setEnabled(mode_ == Mode::Running);
    stepAct_->setEnabled(mode_ != Mode::Running && !stopping_);
    stepBatchAct_->setEnabled(mode_ != Mode::Running && !stopping_);
    stopAct_->setEnabled(!idle && !stopping_);
    resetAct_->setEnabled(true);
    // Undoing a setting during a run would leave the run and the forms disagreeing.
    undoAct_->setEnabled(idle && undo_.canUndo());
    redoAct_->setEnabled(idle && undo_.canRedo());
    newAct_->setEnabled(idle);
    openAct_->setEnabled(idle);
    recentMenu_->setEnabled(idle);
}

void MainWindow::updateRunStatus(const TrainingSnapshot& s)
{
    const double fraction = s.epochs > 0 ? static_cast<double>(s.epoch) / static_cast<double>(s.epochs) : 0.0;
    runProgress_->setValue(static_cast<int>(fraction * 1000));
    runProgress_->setFormat(QStringLiteral("%1%").arg(fraction * 100, 0, 'f', 1));
    epochLabel_->setText(s.batch > 0 ? tr("Epoch %1 of %2, batch %3 of %4")
                                           .arg(QLocale().toString(s.epoch + 1), QLocale().toString(s.epochs),
                                                QLocale().toString(s.batch), QLocale().toString(s.batches))
                                     : tr("Epoch %1 of %2").arg(QLocale().toString(s.epoch), QLocale().toString(s.epochs)));
    // A paused run, or one going a Step at a time, has no speed: the rate of its last epochs
    // (one step's) says nothing.
    if (mode_ == Mode::Paused) {
        speedLabel_->clear();
        etaLabel_->clear();
        return;
    }
    // A run in progress goes no faster than its pace (Run > Speed), whatever its training speed.
    double rate = s.epochsPerSecond;
    if (mode_ == Mode::Running && controller_.pace() > 0 && (rate <= 0 || rate > controller_.pace()))
        rate = controller_.pace();
    speedLabel_->setText(tr("%1 epochs/s").arg(QLocale().toString(rate, 'f', rate < 100 ? 1 : 0)));
    const double left = rate > 0 ? static_cast<double>(s.epochs - s.epoch) / rate : qQNaN();
    etaLabel_->setText(tr("%1 left").arg(formatDuration(left)));
}

void MainWindow::appendLive(const TrainingSnapshot& s)
{
    liveBatch_ = s.batch;
    liveBatches_ = s.batches;
    if (!s.newEpochs.empty()) {
        // A long run keeps every stride-th epoch on screen (its record keeps them all), the
        // stride doubling each time the plots have taken another half of the limit: the
        // window's memory and the plots' cost grow with the logarithm of the epochs.
        std::vector<experiment::EpochRecord> kept;
        kept.reserve(s.newEpochs.size() / liveStride_ + 1);
        for (const experiment::EpochRecord& r : s.newEpochs)
            if (liveCount_++ % liveStride_ == 0)
                kept.push_back(r);
        if (live_.size() + kept.size() >= liveNextDoubling_) {
            liveStride_ *= 2;
            liveNextDoubling_ = live_.size() + kept.size() + kMaxLiveEpochs / 2;
        }
        live_.insert(live_.end(), kept.begin(), kept.end());
        lossPlot_->appendEpochs(kept);
        paramPlot_->appendEpochs(kept);
        landscape_->appendPath(kept);
    }
    runEvents_ = s.events;
    if (!s.params.empty())
        fitPlot_->setFit(s.params);
    updateRunStatus(s);
}

void MainWindow::onProgress(const TrainingSnapshot& s)
{
    appendLive(s);
    // A table of numbers changing 30 times a second cannot be read: a few updates a second.
    if (mode_ == Mode::Running && (!resultsClock_.isValid() || resultsClock_.elapsed() >= 200)) {
        resultsClock_.start();
        if (liveNames_.isEmpty())
            liveNames_ = flatNames();
        results_->showLive(liveNames_, s.params, s.epoch, s.trainLoss, s.valLoss, false);
    }
}

void MainWindow::onPaused(const TrainingSnapshot& s)
{
    if (!controller_.isRunning())
        return;
    appendLive(s);
    if (mode_ != Mode::Paused)
        setMode(Mode::Paused);
    // Within an epoch, a new step extends the landscape's steps; the same step reported again
    // after a parameter edit moves the parameters by hand, not by a step: the line breaks there.
    if (s.batch > 0 && s.lastStep) {
        const std::pair<qint64, qint64> step{s.lastStep->epoch, s.lastStep->batchNumber};
        if (step != std::exchange(drawnStep_, step))
            landscape_->appendStep(s.params);
        else
            landscape_->jumpTo(s.params);
    }
    // No time passes while paused: no rate, no time left.
    speedLabel_->clear();
    etaLabel_->clear();
    const double trainLoss = live_.empty() ? qQNaN() : live_.back().trainLoss;
    const double valLoss = live_.empty() ? qQNaN() : live_.back().valLoss;
    results_->showLive(liveNames_.isEmpty() ? flatNames() : liveNames_, s.params, s.epoch, trainLoss, valLoss, true, s.batch,
                       s.batches);
    if (data_) {
        widgets::GraphPoint at(s.epoch);
        at.batch = s.batch;
        at.batches = s.batches;
        showGraph(runConfig_, s.params, at);
        if (s.lastStep) {
            try {
                const auto layout = experiment::parameterLayout(runConfig_.model, data_->all.features());
                inspector_->setInspection(experiment::inspectStep(*s.lastStep, runConfig_, data_->train, layout));
            } catch (const std::exception& e) {
                inspector_->clear(QString::fromUtf8(e.what()));
            }
        }
    }
    if (s.batch > 0)
        showStatus(tr("Paused in epoch %1 after batch %2 of %3: the optimizer's options and the parameter values can be edited")
                       .arg(s.epoch + 1)
                       .arg(s.batch)
                       .arg(s.batches));
    else
        showStatus(tr("Paused at epoch %1: the optimizer's options and the parameter values can be edited").arg(s.epoch));
}

void MainWindow::onFinished(const experiment::RunRecord& run)
{
    stopping_ = false;
    project_.runs.push_back(run);
    runsChanged_ = true;
    setMode(Mode::Idle);
    runList_->setRuns(project_.runs);
    const int row = static_cast<int>(project_.runs.size()) - 1;
    runList_->selectRuns({row});
    showSelectedRuns({row});
    lossPlot_->clearLive();
    // The plots have followed the run; the closed form is the same as before it.
    if (!run.finalParams.empty())
        showRunParameters(run);
    const TrainingSnapshot last{run.epochs, run.config.training.epochs, run.trainLoss, run.valLoss, run.finalParams, run.seconds,
                                run.seconds > 0 ? static_cast<double>(run.epochs) / run.seconds : 0.0, {}, std::nullopt, run.events};
    updateRunStatus(last);
    etaLabel_->clear();
    if (run.diverged)
        showError(tr("The run diverged"), run.message);
    else if (const qint64 batch = std::exchange(liveBatch_, 0); run.epochs < run.config.training.epochs && batch > 0)
        showStatus(tr("Run %1 stopped in epoch %2 after batch %3 of %4").arg(row + 1).arg(run.epochs + 1).arg(batch).arg(liveBatches_));
    else
        showStatus(run.epochs < run.config.training.epochs ? tr("Run %1 stopped at epoch %2").arg(row + 1).arg(run.epochs)
                                                           : tr("Run %1 finished: %2 epochs in %3").arg(row + 1).arg(run.epochs).arg(formatDuration(run.seconds)));
    updateTitle();
    emit runFinished();
    if (std::exchange(resetPending_, false))
        reset();
}

void MainWindow::onFailed(const QString& message)
{
    const QString device = runConfig_.training.device; // the failed run's, before the views show another run
    stopping_ = false;
    setMode(Mode::Idle);
    lossPlot_->clearLive();
    // Nothing of the failed run is kept: the panels go back to what they showed before it.
    runProgress_->reset();
    runProgress_->hide();
    epochLabel_->clear();
    speedLabel_->clear();
    etaLabel_->clear();
    live_.clear();
    refreshModelViews();
    showSelectedRuns(runList_->selectedRuns());
    if (device.startsWith(QLatin1String("cuda")))
        offerCpuRun(message, true, device);
    else
        showError(tr("The run failed"), message);
    emit runFailed(message);
    if (std::exchange(resetPending_, false))
        reset();
}

bool MainWindow::deviceUsable(const QString& name)
{
    try {
        const Device device = Device::parse(name.toStdString());
        for (const DeviceInfo& info : availableDevices())
            if (info.device == device)
                return info.usable();
    } catch (const std::exception&) {
        // not a device name: validate() says so
    }
    return false;
}

// `failed`: a run on the GPU failed; otherwise the GPU cannot be used and no run was started.
void MainWindow::offerCpuRun(const QString& message, bool failed, const QString& device)
{
    lastMessage_ = message;
    statusText_->setText(message.section(QLatin1Char('\n'), 0, 0));
    // Found by tests as the error box it is; not blocking, like every error box of the window.
    auto* box = new QMessageBox(QMessageBox::Warning, failed ? tr("The run failed") : tr("The run cannot start"), message,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setInformativeText(failed ? tr("The run on %1 failed. Run it again from the beginning on the CPU?").arg(device)
                                   : tr("Run it on the CPU instead?"));
    QPushButton* cpu = box->addButton(tr("Run on the CPU"), QMessageBox::AcceptRole);
    cpu->setObjectName(QStringLiteral("runOnCpu"));
    box->addButton(tr("Close"), QMessageBox::RejectRole);
    box->setDefaultButton(cpu);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, cpu](QAbstractButton* clicked) {
        if (clicked == cpu)
            runOnCpu();
    });
    box->open();
}

void MainWindow::runOnCpu()
{
    if (mode_ != Mode::Idle || stopping_)
        return;
    if (project_.config.training.device != QLatin1String("cpu")) {
        experiment::ExperimentConfig c = project_.config;
        c.training.device = QStringLiteral("cpu");
        // An undoable change like the settings form's; no key, so that it never merges with an
        // earlier change of the device and Undo brings that device back.
        changeConfig(c, QString(), tr("Change device"));
    }
    startRun(TrainingController::StartMode::Run);
}

void MainWindow::onParameterEdited(int flatIndex, double value)
{
    QString error;
    if (!controller_.setParameterValue(flatIndex, value, &error))
        showError(tr("The parameter was not changed"), error);
}

void MainWindow::showSelectedRuns(const QList<int>& rows)
{
    const int n = static_cast<int>(project_.runs.size());
    QList<int> valid;
    for (int r : rows)
        if (r >= 0 && r < n)
            valid << r;
    lossPlot_->setRuns(project_.runs, valid);
    if (mode_ != Mode::Idle)
        return;
    // The plots of one run draw the first selected, and with several selected say so.
    QString caption;
    if (!valid.isEmpty()) {
        const bool drawn = showRunPath(project_.runs[static_cast<std::size_t>(valid[0])], valid[0]);
        if (valid.size() > 1)
            caption = drawn ? tr("Run %1, the first of the %2 selected runs").arg(valid[0] + 1).arg(valid.size())
                            : tr("The current settings: run %1, the first of the %2 selected runs, was trained with other data or "
                                 "another model")
                                  .arg(valid[0] + 1)
                                  .arg(valid.size());
    }
    setRunCaption(caption);
    if (valid.size() == 2)
        results_->compareRuns(project_.runs[static_cast<std::size_t>(valid[0])], project_.runs[static_cast<std::size_t>(valid[1])],
                              tr("Run %1").arg(valid[0] + 1), tr("Run %1").arg(valid[1] + 1));
    else if (valid.size() == 1)
        results_->showRun(project_.runs[static_cast<std::size_t>(valid[0])], runTitle(valid[0]));
    else if (valid.size() > 2)
        results_->clear(tr("%1 runs selected: the Loss tab overlays their losses. Select one run to see its results, or two to compare "
                           "them.")
                            .arg(valid.size()));
    else
        results_->clear(project_.runs.empty() ? tr("Press Run to train the model.") : tr("Select a run to see its results, or two to compare them."));
}

QString MainWindow::runTitle(int row) const
{
    const experiment::RunRecord& run = project_.runs[static_cast<std::size_t>(row)];
    // Its closed form (and losses) are those of the data it was trained on, which the file no
    // longer holds: said where they are shown.
    if (dataReady() && trainedOnOtherCsv(run.config, project_.config))
        return tr("Run %1: trained on other data (the CSV has changed since)").arg(row + 1);
    return tr("Run %1").arg(row + 1);
}

void MainWindow::setRunCaption(const QString& text)
{
    for (widgets::PlotView* plot : std::array<widgets::PlotView*, 3>{fitPlot_, paramPlot_, landscape_})
        plot->setCaption(text);
}

// The selected run's fit, parameter trajectories and landscape path, when it was trained on the
// current data and model; otherwise the views show the current settings' initial parameters.
bool MainWindow::showRunPath(const experiment::RunRecord& run, int row)
{
    if (!sameModelAndData(run.config, project_.config)) {
        if (!live_.empty()) {
            live_.clear();
            refreshModelViews();
        }
        showStatus(tr("Run %1 was trained with other data or another model: the plots show the current settings").arg(row + 1));
        return false;
    }
    runConfig_ = run.config;
    live_ = thinned(run.history);
    if (!data_ || loading_)
        return true; // drawn when the data is there (refreshModelViews)
    try {
        paramPlot_->setInitial(experiment::initialParameters(run.config.model, data_->all.features()));
    } catch (const std::exception&) {
        paramPlot_->setInitial({}); // a model that cannot be built has no initial values to show
    }
    paramPlot_->setHistory(live_);
    landscape_->setPath(live_);
    // A run stopped within an epoch: its steps there moved the final parameters past the last
    // epoch's point, where the path goes on, dashed.
    if (stoppedWithinEpoch(run))
        landscape_->appendStep(run.finalParams);
    showRunParameters(run);
    return true;
}

void MainWindow::removeRun(int row)
{
    if (mode_ != Mode::Idle || row < 0 || row >= static_cast<int>(project_.runs.size()))
        return;
    project_.runs.erase(project_.runs.begin() + row);
    runsChanged_ = true;
    runList_->setRuns(project_.runs);
    showSelectedRuns({});
    updateTitle();
}

// ---------------------------------------------------------------------------------------------
// Files

void MainWindow::updateTitle()
{
    const QString name = project_.filePath().isEmpty() ? tr("Untitled") : QFileInfo(project_.filePath()).fileName();
    setWindowTitle(tr("%1[*] — GradLab").arg(name));
    setWindowModified(!undo_.isClean() || runsChanged_);
    updateActions();
}

bool MainWindow::maybeSave()
{
    // A run in progress is work that is not saved yet, even in a saved project.
    if (!isWindowModified() && !isTraining())
        return true;
    switch (unsavedChangesPrompt(this)) {
    case QMessageBox::Save:
        // The run is stopped first, so that the project keeps it as a stopped run.
        if (!stopAndWait())
            return false;
        return project_.filePath().isEmpty() ? saveAs() : saveProject(project_.filePath());
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool MainWindow::newProject()
{
    if (mode_ != Mode::Idle || !maybeSave())
        return false;
    setProject(experiment::Project{});
    showStatus(tr("A new project with the tutorial's experiment"));
    return true;
}

void MainWindow::openWithDialog()
{
    if (mode_ != Mode::Idle)
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a project or a data file"), projectDir(), tr(kOpenFilter));
    if (path.isEmpty())
        return;
    // Data goes into this project (an undoable change); only a project replaces it.
    if (isDataFile(path) || maybeSave())
        openFile(path);
}

bool MainWindow::openFile(const QString& path)
{
    return isDataFile(path) ? openData(path) : openProject(path);
}

bool MainWindow::openData(const QString& path)
{
    if (mode_ != Mode::Idle) {
        showStatus(tr("%1 was not opened: stop the run first").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    // The data form shows the file's preview, or why it cannot be read: bring it into view.
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("experimentDock"))) {
        dock->show();
        dock->raise();
    }
    if (auto* tabs = findChild<QTabWidget*>(QStringLiteral("settingsTabs")))
        tabs->setCurrentIndex(tabs->indexOf(dataForm_->parentWidget()->parentWidget()));
    dataForm_->openCsv(path);
    return true;
}

bool MainWindow::openProject(const QString& path)
{
    if (mode_ != Mode::Idle)
        return false;
    QString error;
    auto p = experiment::Project::load(path, &error);
    if (!p) {
        showError(tr("The project could not be opened"), error);
        return false;
    }
    openingProject_ = true; // its data's load tells of a changed or missing file
    setProject(std::move(*p));
    openingProject_ = false;
    addRecentFile(project_.filePath());
    showStatus(tr("Opened %1").arg(QDir::toNativeSeparators(project_.filePath())));
    return true;
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save the project"),
                                                project_.filePath().isEmpty() ? QDir(projectDir()).filePath(tr("experiment.gradlab")) : project_.filePath(),
                                                tr(kFileFilter), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return false;
    return saveAsPath(path);
}

bool MainWindow::saveAsPath(QString path)
{
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".gradlab");
    // The data file is refused by saveProject with its reason, without asking to replace it first;
    // saving over the project's own file is a Save.
    if (QFileInfo(path).exists() && project_.dataFileAt(path).isEmpty() && !experiment::sameFile(path, project_.filePath())
        && !replacePrompt(this, path))
        return false;
    return saveProject(path);
}

bool MainWindow::saveProject(const QString& path)
{
    if (experiment::sameFile(path, project_.filePath()) && project_.changedOnDisk()) {
        switch (changedOnDiskPrompt(this, project_.filePath())) {
        case QMessageBox::Yes:
            break;
        case QMessageBox::Save:
            return saveAs();
        default:
            return false;
        }
    }
    QString error;
    // The run on show names the same CSV as the settings: it follows them to the new folder.
    const bool sameCsv = runConfig_.dataset.csv.path == project_.config.dataset.csv.path;
    if (!project_.save(path, &error)) {
        showError(tr("The project could not be saved"), error);
        return false;
    }
    if (sameCsv)
        runConfig_.dataset.csv.path = project_.config.dataset.csv.path;
    undo_.setClean();
    runsChanged_ = false;
    // Relative CSV paths are now relative to the new folder.
    dataForm_->setConfig(project_.config, projectDir());
    updateExportPaths();
    addRecentFile(project_.filePath());
    updateTitle();
    showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(project_.filePath())));
    return true;
}

void MainWindow::addRecentFile(const QString& path)
{
    QSettings s;
    QStringList files = s.value(QStringLiteral("recentFiles")).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    s.setValue(QStringLiteral("recentFiles"), files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList files = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& f : files) {
        QAction* a = recentMenu_->addAction(QDir::toNativeSeparators(f));
        connect(a, &QAction::triggered, this, [this, f] {
            if (mode_ == Mode::Idle && maybeSave())
                openProject(f);
        });
    }
    if (files.isEmpty())
        recentMenu_->addAction(tr("No recent projects"))->setEnabled(false);
    else {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear the list"), this, [this] {
            QSettings().remove(QStringLiteral("recentFiles"));
            updateRecentMenu();
        });
    }
}

bool MainWindow::stopAndWait()
{
    if (!controller_.isRunning() && mode_ == Mode::Idle)
        return true;
    stop();
    // The worker ends within an epoch; its report (onFinished or onFailed) records the run. Input
    // is not taken meanwhile (a second close, a click on Run), only the worker's reports.
    const QScopedValueRollback waiting(waitingForStop_, true);
    QElapsedTimer t;
    t.start();
    while ((controller_.isRunning() || mode_ != Mode::Idle) && t.elapsed() < 30'000)
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 50);
    if (mode_ != Mode::Idle) {
        showError(tr("The run did not stop"), tr("The run did not stop within 30 seconds; the project was not saved with it."));
        return false;
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (waitingForStop_ || !maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    // Stop the run and wait for the worker before the window goes.
    stopAndWait();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (mode_ != Mode::Idle || !event->mimeData()->hasUrls())
        return;
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
        if (url.isLocalFile() && (suffix == QLatin1String("gradlab") || suffix == QLatin1String("csv") || suffix == QLatin1String("tsv") ||
                                  suffix == QLatin1String("txt"))) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    if (mode_ != Mode::Idle)
        return;
    for (const QUrl& url : event->mimeData()->urls()) {
        const QString path = url.toLocalFile();
        if (path.isEmpty())
            continue;
        event->acceptProposedAction();
        if (QFileInfo(path).suffix().toLower() == QLatin1String("gradlab")) {
            if (maybeSave())
                openProject(path);
        } else {
            openData(path);
        }
        return;
    }
}

// ---------------------------------------------------------------------------------------------
// Messages and exports

void MainWindow::showError(const QString& title, const QString& text)
{
    // The lower layers' messages are clauses ("cannot read …: it is a pipe"); a box shows a sentence.
    QString message = text;
    if (!message.isEmpty())
        message[0] = message[0].toUpper();
    lastMessage_ = message;
    statusText_->setText(message.section(QLatin1Char('\n'), 0, 0));
    // Window-modal and not blocking: the window (and a test driving it) goes on.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::announceFileWarnings(const QStringList& warnings)
{
    const bool changed = std::any_of(project_.runs.begin(), project_.runs.end(),
                                     [this](const experiment::RunRecord& run) { return trainedOnOtherCsv(run.config, project_.config); });
    showNotice(tr("The project's data"), warnings.join(QLatin1Char('\n')),
               changed ? tr("Runs marked \"trained on other data\" in the Results panel were trained on the CSV as it was before: "
                            "their closed form and losses are those of that data, not of the data now.")
                       : QString());
}

void MainWindow::showNotice(const QString& title, const QString& message, const QString& details)
{
    lastMessage_ = message;
    statusText_->setText(message.section(QLatin1Char('\n'), 0, 0));
    // Like the error boxes: window-modal and not blocking.
    auto* box = new QMessageBox(QMessageBox::Information, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("noticeMessage"));
    box->setInformativeText(details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showStatus(const QString& message)
{
    lastMessage_ = message;
    statusText_->setText(message);
}

const experiment::RunRecord* MainWindow::exportRun()
{
    const QList<int> rows = runList_->selectedRuns();
    const int n = static_cast<int>(project_.runs.size());
    if (n == 0) {
        showError(tr("Nothing to export"), tr("Train the model first: exports are made from a run."));
        return nullptr;
    }
    const int row = rows.isEmpty() || rows.first() >= n ? n - 1 : rows.first();
    return &project_.runs[static_cast<std::size_t>(row)];
}

void MainWindow::exportParameters()
{
    const experiment::RunRecord* run = exportRun();
    if (!run)
        return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the parameters"), QDir(projectDir()).filePath(QStringLiteral("parameters.json")),
                                                      tr("JSON (*.json);;CSV (*.csv)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool csv = QFileInfo(path).suffix().toLower() == QLatin1String("csv");
    if (!(csv ? experiment::exportParametersCsv(*run, path, &error) : experiment::exportParametersJson(*run, path, &error)))
        showError(tr("The parameters were not exported"), error);
    else
        showStatus(tr("Exported the parameters to %1").arg(QDir::toNativeSeparators(path)));
}

// The Least squares tab: the closed form on the training rows, or the same fit on all rows when
// that is chosen there.
void MainWindow::showLeastSquares()
{
    leastSquares_->setLossNote(widgets::closedFormLossNote(project_.config.loss));
    leastSquaresShown_.reset();
    if (!data_) {
        leastSquares_->clear(tr("No data: load or generate a dataset first."));
        return;
    }
    QString whyNot = closedFormWhyNot_;
    if (leastSquares_->allRows())
        leastSquaresShown_ = experiment::leastSquaresOn(project_.config, data_->all, &whyNot);
    if (leastSquaresShown_ && leastSquares_->allRows())
        experiment::addLeastSquaresReport(*leastSquaresShown_, data_->all, widgets::LeastSquaresView::kMaxResidualPoints);
    else
        leastSquaresShown_ = closedForm_;
    if (leastSquaresShown_)
        leastSquares_->setFit(*leastSquaresShown_, flatNames(), leastSquares_->allRows() ? data_->all : data_->train);
    else
        leastSquares_->clear(whyNot);
}

void MainWindow::exportLeastSquares()
{
    const std::optional<experiment::ClosedFormComparison>& shown = leastSquaresShown_;
    if (!shown || !shown->fit) {
        showError(tr("The least-squares fit was not exported"), dataReady() ? leastSquares_->notes() : tr("No data: load or generate a dataset first."));
        return;
    }
    const QString json = tr("JSON (*.json)"), csv = tr("CSV (*.csv)");
    QString filter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export the least-squares fit"), QDir(projectDir()).filePath(QStringLiteral("least_squares.json")),
                                                json + QStringLiteral(";;") + csv, &filter);
    if (path.isEmpty())
        return;
    // A name without an extension takes the chosen type's, which also decides the format.
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == csv ? QStringLiteral(".csv") : QStringLiteral(".json");
    QString error;
    experiment::ExperimentConfig fitted = project_.config;
    if (fitted.dataset.source == experiment::DatasetConfig::Source::Csv && !fitted.dataset.csv.path.isEmpty())
        fitted.dataset.csv.path = project_.csvAbsolutePath();
    // The report as the tab shows it: its intervals at the tab's confidence level.
    experiment::ClosedFormComparison report = *shown;
    if (const auto atLevel = leastSquares_->shownFit(); atLevel && leastSquares_->hasFit())
        report.fit = atLevel;
    if (!experiment::exportLeastSquares(report, flatNames(), path, &error, &fitted, leastSquares_->allRows()))
        showError(tr("The least-squares fit was not exported"), error);
    else
        showStatus(tr("Exported the least-squares fit to %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::exportHistory()
{
    const experiment::RunRecord* run = exportRun();
    if (!run)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the loss history"), QDir(projectDir()).filePath(QStringLiteral("history.csv")),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!experiment::exportHistoryCsv(*run, path, &error))
        showError(tr("The history was not exported"), error);
    else
        showStatus(tr("Exported the history to %1").arg(QDir::toNativeSeparators(path)));
}

std::array<widgets::PlotView*, MainWindow::kPlotCount> MainWindow::plotViews() const
{
    // In the order of kPlotFileNames and of File > Export's items.
    return {fitPlot_, lossPlot_, paramPlot_, landscape_, leastSquares_->residualPlot()};
}

void MainWindow::exportPlot(int view)
{
    const auto plots = plotViews();
    if (plots[view] == leastSquares_->residualPlot() && !leastSquares_->hasFit()) {
        showError(tr("The plot was not exported"), leastSquares_->notes());
        return;
    }
    // A landscape that is not drawn (a model with more than two parameters, ...) is no picture:
    // say why instead of writing a file with the note alone.
    if (plots[view] == landscape_ && !landscape_->available()) {
        showError(tr("The plot was not exported"), landscape_->unavailableReason());
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the plot"), QDir(projectDir()).filePath(QLatin1String(kPlotFileNames[static_cast<std::size_t>(view)])),
                                                      tr("PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!plots[view]->exportTo(path, &error))
        showError(tr("The plot was not exported"), error);
    else
        showStatus(tr("Exported the plot to %1").arg(QDir::toNativeSeparators(path)));
}

// The views' own export dialogs (their context menus, the graph's Export button) propose what
// File > Export does: the project's folder and the same names.
void MainWindow::updateExportPaths()
{
    const QDir dir(projectDir());
    const auto plots = plotViews();
    for (std::size_t i = 0; i < kPlotFileNames.size(); ++i)
        plots[i]->setDefaultExportPath(dir.filePath(QLatin1String(kPlotFileNames[i])));
    graph_->setDefaultExportPath(dir.filePath(QStringLiteral("graph.svg")));
}

void MainWindow::exportGraph()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the computation graph"), QDir(projectDir()).filePath(QStringLiteral("graph.svg")),
                                                      tr("SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)"));
    if (path.isEmpty())
        return;
    updateGraph();
    QString error;
    if (!graph_->exportTo(path, &error))
        showError(tr("The graph was not exported"), error);
    else
        showStatus(tr("Exported the graph to %1").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::exportScript()
{
    // The script reads the same data: data GradLab cannot load would only fail in Python.
    if (!dataReady()) {
        showError(tr("The script was not exported"),
                  loading_ ? tr("The data is still loading: export the script once it is loaded.")
                           : tr("The data cannot be loaded, so a script would fail too. %1").arg(dataProblem_));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export a PyTorch script"), QDir(projectDir()).filePath(QStringLiteral("experiment.py")),
                                                      tr("Python script (*.py)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!experiment::exportPytorchScript(project_, path, &error))
        showError(tr("The script was not exported"), error);
    else
        showStatus(tr("Exported the PyTorch script to %1").arg(QDir::toNativeSeparators(path)));
}

// The tick stays on the language on screen; a choice that waits for the next start says so.
void MainWindow::updateLanguageMenu()
{
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    for (QAction* a : languageGroup_->actions()) {
        const QString code = a->data().toString();
        const QString name = a->property(kLanguageName).toString();
        const bool afterRestart = code == chosen && chosen != languageInUse_;
        a->setChecked(code == languageInUse_);
        a->setText(afterRestart ? tr("%1 (after restart)").arg(name) : name);
        a->setStatusTip(afterRestart ? tr("GradLab will show this language when it starts again") : QString());
    }
}

void MainWindow::setLanguage(const QString& locale)
{
    QSettings().setValue(QStringLiteral("language"), locale);
    if (locale == languageInUse())
        return; // back to the language on screen: nothing to restart for
    // Every text is created in the language of the start: a new language needs a new start. The
    // window closes as it would (asking about unsaved changes, stopping a run), then GradLab
    // starts again with the saved project, if there is one.
    if (!restartPrompt(this))
        return;
    if (!close())
        return; // the user kept the window (Cancel at the unsaved-changes prompt)
    // Where the project is now: saving at the prompt may have given an untitled one a file.
    const QString reopen = project_.filePath();
    QStringList arguments;
    if (!reopen.isEmpty() && QFileInfo::exists(reopen))
        arguments << reopen;
    if (!startProgram(QCoreApplication::applicationFilePath(), arguments))
        QMessageBox::warning(nullptr, tr("Language"), tr("GradLab could not start again. Start it yourself to use the new language."));
}


} // namespace gradlab::app

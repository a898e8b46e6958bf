// The GradLab window: the forms that edit the project's ExperimentConfig, the run controls, the
// live plots, the computation graph, the results and the step inspector. It shows and edits; the
// experiment layer computes, and the TrainingController trains in its own thread.
#pragma once

#include "training/training_controller.h"

#include "experiment/project.h"
#include "experiment/step_inspection.h"
#include "widgets/graph_view.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QUndoStack>

#include <atomic>
#include <array>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace gradlab::widgets {
class DataFitPlot;
class DataForm;
class GraphView;
class LandscapePlot;
class LeastSquaresView;
class LossPlot;
class ParameterPlot;
class PlotView;
class ResultsView;
class RunList;
class SettingsForm;
class StepInspector;
} // namespace gradlab::widgets

namespace gradlab::app {

struct ModelViews;

class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // File operations without dialogs (the menu's actions ask for the path, then call these).
    // Failures are shown in a message box; the window keeps its project.
    bool openProject(const QString& path);
    // A .gradlab file as a project, any other into the Data form.
    bool openFile(const QString& path);
    // `path` into the Data form, which shows its preview or why it cannot be read.
    bool openData(const QString& path);
    bool saveProject(const QString& path);
    // Save As's second half, for the name the file dialog gave: ".gradlab" added to a name without
    // a suffix, a data file the project reads refused, an existing file replaced only after
    // replacePrompt says yes (the dialog itself does not ask: it sees the name before the suffix).
    bool saveAsPath(QString path);
    // Starts over with the tutorial's experiment (asks first when there are unsaved changes).
    bool newProject();

    const experiment::Project& project() const { return project_; }
    const experiment::ExperimentConfig& config() const { return project_.config; }
    // A change of settings, as the forms make it: undoable, marks the window modified.
    void changeConfig(const experiment::ExperimentConfig& after, const QString& key, const QString& description);
    QUndoStack* undoStack() { return &undo_; }
    TrainingController* controller() { return &controller_; }

    // The data of the current configuration has been loaded (or generated).
    bool dataReady() const { return data_ && !loading_; }
    bool isTraining() const { return controller_.isRunning(); }
    // The last message shown to the user in a dialog or the status bar, for tests.
    QString lastMessage() const { return lastMessage_; }

    // What the window asks before discarding unsaved changes; replaceable for tests.
    std::function<QMessageBox::StandardButton(QWidget* parent)> unsavedChangesPrompt;
    // Before saving over a project file that changed on disk since it was opened or saved (another
    // window saved it): Yes overwrites it, Save saves under another name, Cancel saves nothing;
    // replaceable for tests.
    std::function<QMessageBox::StandardButton(QWidget* parent, const QString& path)> changedOnDiskPrompt;
    // Whether to replace the existing file `path` with the project; replaceable for tests.
    std::function<bool(QWidget* parent, const QString& path)> replacePrompt;
    // After a change of language: whether to restart now, and how a program is started (detached);
    // replaceable for tests.
    std::function<bool(QWidget* parent)> restartPrompt;
    std::function<bool(const QString& program, const QStringList& arguments)> startProgram;
    // The language on screen: the one main() chose for this start (the application's
    // "gradlab.language" property, "" for the system's), else the choice saved when the window
    // was made.
    const QString& languageInUse() const { return languageInUse_; }

    widgets::ResultsView* resultsView() const { return results_; }
    widgets::RunList* runList() const { return runList_; }
    widgets::StepInspector* stepInspector() const { return inspector_; }
    widgets::SettingsForm* settingsForm() const { return settingsForm_; }
    widgets::DataForm* dataForm() const { return dataForm_; }
    widgets::GraphView* graphView() const { return graph_; }
    widgets::LeastSquaresView* leastSquaresView() const { return leastSquares_; }
    widgets::LossPlot* lossPlot() const { return lossPlot_; }
    QTabWidget* views() const { return views_; }
    QAction* action(const QString& name) const;

    // The plots File > Export offers (plotViews(), in its order).
    static constexpr std::size_t kPlotCount = 5;

    // The window's size when none is saved.
    static constexpr QSize kDefaultSize{1400, 860};
    // Where a window with no saved geometry opens on a screen of `available` geometry: the default
    // size, no more than 90 % of the screen, centred.
    static QRect defaultGeometry(const QRect& available);
    // What a toolbar button shows of an action's text: without its mnemonic, "&Run" → "Run", and
    // without a bracketed one, "运行(&R)" → "运行".
    static QString toolButtonText(const QString& text);

public slots:
    void run();           // start, or resume a paused run
    void pauseOrResume();
    // One epoch (the rest of the one in progress), or one mini-batch: one optimizer step. Either
    // starts a run when none is in progress.
    void step();
    void stepBatch();
    void stop();
    void reset();         // ends a run in progress and shows the initial parameters again

signals:
    void dataLoaded();
    void runFinished();
    void runFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    enum class Mode { Idle, Running, Paused };
    enum class Pending { None, Run, Step, StepBatch };
    // What the step inspector says before a step.
    static QString stepHint();
    // step() or stepBatch(): `unit` is StartMode::Step or StartMode::StepBatch.
    void stepBy(TrainingController::StartMode unit);

    void createViews();
    void createActions();
    void createMenus();
    void createSpeedMenu(QMenu* runMenu);
    void createStatusBar();
    void readSettings();
    void writeSettings();
    void resizeDocksToDefault();
    // Stops a run in progress and waits until it is recorded (or has failed); false when it did not stop.
    bool stopAndWait();
    // Whether the run was drawn (false: it belongs to other data or another model).
    bool showRunPath(const experiment::RunRecord& run, int row);
    void resetLayout();

    // Shows `config` everywhere (forms, validation, views); reloads the data when its dataset
    // settings changed. Used by the undo commands.
    friend class ConfigCommand;
    void applyConfig(const experiment::ExperimentConfig& config);
    void loadData();
    // `computed`: the closed form and landscape computed with the data in the background.
    void onReaderErrorChanged();
    void onDataLoaded(const std::shared_ptr<const ModelViews>& computed = {});
    void cancelDataLoad();
    void refreshModelViews(const std::shared_ptr<const ModelViews>& computed = {});
    // The fit plot's line and the graph at `params`; `at.final`: a run's (the plot's legend says so).
    void showParameters(const std::vector<double>& params, const widgets::GraphPoint& at);
    // A run's final parameters there.
    void showRunParameters(const experiment::RunRecord& run);
    void showGraph(const experiment::ExperimentConfig& config, const std::vector<double>& params, const widgets::GraphPoint& at);
    void updateGraph();
    std::vector<double> initialParameters() const;
    QStringList flatNames() const;
    void updateValidation();
    bool startRun(TrainingController::StartMode mode);
    void setMode(Mode mode);
    void updateActions();
    QString trainingStatus() const;
    void updateTitle();

    void onProgress(const TrainingSnapshot& snapshot);
    void onPaused(const TrainingSnapshot& snapshot);
    void onFinished(const experiment::RunRecord& run);
    void onFailed(const QString& message);
    // A run on a CUDA device failed: the error, with the offer to run again on the CPU.
    void offerCpuRun(const QString& message, bool failed, const QString& device);
    static bool deviceUsable(const QString& name);
    void runOnCpu();
    void appendLive(const TrainingSnapshot& snapshot);
    void updateRunStatus(const TrainingSnapshot& snapshot);
    void showSelectedRuns(const QList<int>& rows);
    // Says above the plots that draw one run (data and fit, parameters, landscape) which one they
    // draw when several are selected; empty: no caption.
    void setRunCaption(const QString& text);
    void removeRun(int row);
    void onSettingsEdited(const experiment::ExperimentConfig& after, const QString& key, const QString& description);
    void onParameterEdited(int flatIndex, double value);

    bool maybeSave();
    bool saveAs();
    void openWithDialog();
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void setProject(experiment::Project project);
    QString projectDir() const;
    void showError(const QString& title, const QString& message);
    // An informational box, not blocking, like showError's; `details` below the message.
    void showNotice(const QString& title, const QString& message, const QString& details = {});
    // The warnings about a just opened project's CSV file (changed since it was saved, or missing
    // and the project's copy used).
    void announceFileWarnings(const QStringList& warnings);
    // The results' title of the run in `row`: it says when the run was trained on another version
    // of the CSV file loaded now.
    QString runTitle(int row) const;
    void showStatus(const QString& message);
    // What the status bar says once a large file is read, while the rest of the load goes on.
    static QString preparingMessage();

    // Exports (File > Export).
    const experiment::RunRecord* exportRun();
    void exportParameters();
    void exportHistory();
    void exportLeastSquares();
    void showLeastSquares();
    std::array<widgets::PlotView*, kPlotCount> plotViews() const;
    void exportPlot(int view);
    void exportGraph();
    void updateExportPaths();
    void exportScript();
    void setLanguage(const QString& locale);
    void updateLanguageMenu();

    experiment::Project project_;
    QString languageInUse_;
    QActionGroup* languageGroup_ = nullptr;
    QUndoStack undo_;
    bool runsChanged_ = false;
    TrainingController controller_;
    Mode mode_ = Mode::Idle;
    Pending pending_ = Pending::None;
    bool stopping_ = false; // Stop was pressed; the run has not ended yet
    bool resetPending_ = false; // Reset pressed during a run: the views reset once it has ended

    // The data of the configuration, loaded in the background.
    std::shared_ptr<const experiment::ExperimentData> data_; // shared with a run in progress
    QJsonObject dataKey_; // the dataset settings data_ belongs to
    bool loading_ = false;
    QFutureWatcher<void> loader_;
    std::shared_ptr<std::atomic<bool>> cancelLoad_;
    std::shared_ptr<std::atomic<double>> loadProgress_;
    std::optional<experiment::ClosedFormComparison> closedForm_;
    QString closedFormWhyNot_; // why there is no closed form
    std::optional<experiment::ClosedFormComparison> leastSquaresShown_; // what the Least squares tab shows
    // What the graph view is to show when it is next in view.
    experiment::ExperimentConfig graphConfig_;
    std::vector<double> graphParams_;
    widgets::GraphPoint graphAt_; // the training that led to graphParams_
    bool graphStale_ = false;

    // The run in progress (or the last one) as the views show it.
    std::vector<experiment::EpochRecord> live_;
    experiment::ExperimentConfig runConfig_;
    QStringList runEvents_;
    qint64 liveBatch_ = 0, liveBatches_ = 1; // the run's last snapshot: batches of the next epoch done (Step Batch)
    std::pair<qint64, qint64> drawnStep_;    // the (epoch, batch) of the last step the landscape drew
    QStringList liveNames_;      // the run's flat parameter names
    std::size_t liveStride_ = 1, liveCount_ = 0, liveNextDoubling_ = 0; // thinning of live_
    QElapsedTimer resultsClock_; // paces the live results table

    widgets::DataForm* dataForm_ = nullptr;
    widgets::SettingsForm* settingsForm_ = nullptr;
    QLabel* validation_ = nullptr;
    QTabWidget* views_ = nullptr;
    widgets::DataFitPlot* fitPlot_ = nullptr;
    widgets::LossPlot* lossPlot_ = nullptr;
    widgets::ParameterPlot* paramPlot_ = nullptr;
    widgets::LandscapePlot* landscape_ = nullptr;
    widgets::GraphView* graph_ = nullptr;
    widgets::LeastSquaresView* leastSquares_ = nullptr;
    widgets::ResultsView* results_ = nullptr;
    widgets::RunList* runList_ = nullptr;
    widgets::StepInspector* inspector_ = nullptr;

    QAction* newAct_ = nullptr;
    QAction* openAct_ = nullptr;
    QAction* saveAct_ = nullptr;
    QAction* saveAsAct_ = nullptr;
    QAction* runAct_ = nullptr;
    QAction* pauseAct_ = nullptr;
    QAction* stepAct_ = nullptr;
    QAction* stepBatchAct_ = nullptr;
    QAction* stopAct_ = nullptr;
    QAction* resetAct_ = nullptr;
    QAction* undoAct_ = nullptr;
    QAction* redoAct_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;

    QLabel* statusText_ = nullptr;
    QLabel* epochLabel_ = nullptr;
    QLabel* speedLabel_ = nullptr;
    QLabel* etaLabel_ = nullptr;
    QProgressBar* runProgress_ = nullptr;
    QProgressBar* loadBar_ = nullptr;
    QToolButton* cancelLoadButton_ = nullptr;
    QTimer* loadTimer_ = nullptr;
    QString lastMessage_;
    QByteArray defaultState_; // the docks as built, before the saved layout was restored
    QString dataProblem_;     // why there is no data, for the data plot
    bool formBlocked_ = false; // the Data form shows a file it could not read
    bool waitingForStop_ = false; // stopAndWait() is waiting for the worker
    bool openingProject_ = false; // the next data load is that of a project being opened
    QString closedFormWarning_;   // the closed form's warnings, as last said
};

} // namespace gradlab::app

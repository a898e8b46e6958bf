// The Model, Initialisation, Trainable parameters, Loss, Optimizer and Training parts of the
// experiment's settings. The form edits an ExperimentConfig and nothing else: every user change is
// reported as the whole new configuration through edited(), which the owner turns into an undo step
// and hands back with setConfig().
#pragma once

#include "engine/backend.h"
#include "experiment/experiment_config.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;
class QTableWidgetItem;

namespace gradlab::widgets {

class NumberEdit;

class SettingsForm : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Idle, Running, Paused };
    explicit SettingsForm(QWidget* parent = nullptr);
    // Shows `config`; emits nothing. `featureCount` is the number of input columns of the data (for
    // the parameter names: experiment::parameterNames / modelInputs in model/experiment/model_factory.h).
    void setConfig(const experiment::ExperimentConfig& config, int featureCount);
    experiment::ExperimentConfig config() const;
    // Idle: everything editable. Running: nothing editable. Paused: only the optimizer's options
    // (not its type) are editable.
    void setMode(Mode mode);
    // The devices to offer (default: gradlab::availableDevices() from model/engine/backend.h, read once).
    void setDevices(const std::vector<gradlab::DeviceInfo>& devices);
    // The problems experiment::validate() finds in the current config, as shown in the form.
    QStringList validationMessages() const;
    // Sentences for the problems the form shows that config() alone does not reveal but that must stop
    // a run: typed text the form refused (config() still holds the previous value), a device this
    // computer cannot use (with the reason), missing or miscounted custom initial values, a model that
    // does not fit the data. Empty when nothing blocks.
    QStringList runBlockers() const;

signals:
    // One user change: the whole new configuration, a stable key for merging undo steps of the same
    // field ("optimizer.lr"), and a short description for the Undo menu ("Change learning rate").
    void edited(const gradlab::experiment::ExperimentConfig& after, const QString& key, const QString& description);

private:
    struct Parameter {
        QString name;
        qint64 count = -1; // values it holds; -1 when too large to build just to count
    };

    void buildModelGroup(QGroupBox* box);
    void buildInitGroup(QGroupBox* box);
    void buildLossGroup(QGroupBox* box);
    void buildOptimizerGroup(QGroupBox* box);
    void buildTrainingGroup(QGroupBox* box);
    // A number field whose accepted value is written by `apply` into the configuration.
    NumberEdit* addNumber(QFormLayout* form, const QString& label, const QString& key, const QString& description,
                          std::function<void(experiment::ExperimentConfig&, double)> apply);

    // Writes config_ into the widgets (`all`: also fields holding rejected input).
    void showConfig(bool all);
    void showParameters();
    void showDevices();
    void updateVisibility();
    // The fields' tooltips: what each option does, with torch's default.
    void addHelp();
    void updateOptimizerHelp();
    void updateEnabled();
    void updateProblems();
    // The parameters `model` has with featureCount_ input columns; empty with `error` when it cannot be built.
    std::vector<Parameter> parameters(const experiment::ModelConfig& model, QString* error) const;
    // Drops frozen names and custom values of parameters `config`'s model does not have, and gives
    // custom values (zeros) to those that have none.
    void pruneToParameters(experiment::ExperimentConfig& config) const;

    // Takes a user change: emits edited() unless nothing changed.
    void commit(const experiment::ExperimentConfig& after, const QString& key, const QString& description);
    void setInputProblem(QWidget* field, const QString& key, const QString& message);

    void onModelTypeChanged();
    void onHiddenEdited();
    void onSchemeChanged();
    void onValueItemChanged(QTableWidgetItem* item);
    void onOptimizerTypeChanged();
    void onFullBatchToggled(bool full);

    experiment::ExperimentConfig config_;
    int featureCount_ = 1;
    Mode mode_ = Mode::Idle;
    bool loading_ = false; // widgets are being filled from config_: their signals are not edits
    std::vector<gradlab::DeviceInfo> devices_;
    std::vector<Parameter> parameters_; // of config_'s model, as shown
    QString parametersError_;           // why config_'s model cannot be built, if it cannot
    QMap<QString, QString> inputProblems_; // field key -> why its text was not taken

    QLabel* problemsLabel_ = nullptr;
    QGroupBox* modelBox_ = nullptr;
    QGroupBox* initBox_ = nullptr;
    QGroupBox* trainableBox_ = nullptr;
    QGroupBox* lossBox_ = nullptr;
    QGroupBox* optimizerBox_ = nullptr;
    QGroupBox* trainingBox_ = nullptr;

    QFormLayout* modelForm_ = nullptr;
    QComboBox* modelType_ = nullptr;
    QSpinBox* degree_ = nullptr;
    QLineEdit* hidden_ = nullptr;
    QComboBox* activation_ = nullptr;

    QFormLayout* initForm_ = nullptr;
    QComboBox* scheme_ = nullptr;
    NumberEdit* initSeed_ = nullptr;
    QTableWidget* values_ = nullptr;

    QFormLayout* trainableForm_ = nullptr;
    QLabel* trainableNote_ = nullptr;
    std::vector<QCheckBox*> requiresGrad_;

    QFormLayout* lossForm_ = nullptr;
    QComboBox* lossType_ = nullptr;
    QComboBox* reduction_ = nullptr;
    NumberEdit* delta_ = nullptr;
    NumberEdit* beta_ = nullptr;

    QFormLayout* optimizerForm_ = nullptr;
    QComboBox* optimizerType_ = nullptr;
    NumberEdit* lr_ = nullptr;
    NumberEdit* momentum_ = nullptr;
    NumberEdit* dampening_ = nullptr;
    QCheckBox* nesterov_ = nullptr;
    QWidget* betas_ = nullptr;
    NumberEdit* beta1_ = nullptr;
    NumberEdit* beta2_ = nullptr;
    NumberEdit* eps_ = nullptr;
    NumberEdit* weightDecay_ = nullptr;
    QCheckBox* amsgrad_ = nullptr;
    NumberEdit* alpha_ = nullptr;
    QCheckBox* centered_ = nullptr;
    NumberEdit* lrDecay_ = nullptr;
    NumberEdit* initialAccumulator_ = nullptr;
    QCheckBox* maximize_ = nullptr;

    QSpinBox* epochs_ = nullptr;
    QCheckBox* fullBatch_ = nullptr;
    QSpinBox* batchSize_ = nullptr;
    QCheckBox* shuffle_ = nullptr;
    QCheckBox* zeroGrad_ = nullptr;
    NumberEdit* trainingSeed_ = nullptr;
    QComboBox* dtype_ = nullptr;
    QComboBox* device_ = nullptr;
};

} // namespace gradlab::widgets

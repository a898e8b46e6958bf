#include "settings_form.h"

#include "display_names.h"
#include "experiment/model_factory.h"
#include "wheel_guard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

namespace gradlab::widgets {

using experiment::ExperimentConfig;
using experiment::InitConfig;
using experiment::LossConfig;
using experiment::ModelConfig;
using experiment::OptimizerConfig;

// A number typed as text, so that any double shows and round-trips exactly (0.1 stays 0.1, eps
// shows as 1e-08), which QDoubleSpinBox's fixed decimals cannot do. Integers (seeds) use it too,
// as they exceed QSpinBox's int range.
class NumberEdit final : public QLineEdit {
public:
    enum class Kind { Real, Integer };
    NumberEdit(Kind kind, double min, double max, QWidget* parent = nullptr)
        : QLineEdit(parent), kind_(kind), min_(min), max_(max)
    {
    }

    void setValue(double v)
    {
        setText(kind_ == Kind::Integer ? QString::number(static_cast<qulonglong>(v))
                                       : QString::number(v, 'g', QLocale::FloatingPointShortest));
    }

    // The typed value; nullopt with the reason when the text is not an acceptable number.
    std::optional<double> value(QString* why) const
    {
        const QString t = text().trimmed();
        bool ok = false;
        double v = 0;
        if (kind_ == Kind::Integer) {
            // Compared as integers: above 2^53 a double would round a too-large seed into range.
            const qulonglong u = t.toULongLong(&ok);
            v = static_cast<double>(u);
            if (!ok || u < static_cast<qulonglong>(min_) || u > static_cast<qulonglong>(max_)) {
                *why = SettingsForm::tr("expected a whole number from %1 to %2, got “%3”")
                           .arg(QString::number(static_cast<qulonglong>(min_)), QString::number(static_cast<qulonglong>(max_)), t);
                return std::nullopt;
            }
            return v;
        }
        // The C locale first (what the field shows), then the user's (a decimal comma).
        v = QLocale::c().toDouble(t, &ok);
        if (!ok)
            v = QLocale().toDouble(t, &ok);
        if (!ok || !std::isfinite(v)) {
            *why = SettingsForm::tr("“%1” is not a number").arg(t);
            return std::nullopt;
        }
        return v;
    }

private:
    Kind kind_;
    double min_, max_;
};

namespace {

constexpr double kMaxInitSeed = 9007199254740992.0; // 2^53, the largest the project file stores exactly
constexpr double kMaxSeed = 4294967295.0;
constexpr int kMaxEpochs = 1000000000;
// Models with more parameters are not built just to count each parameter's values.
constexpr double kMaxCountedParameters = 1e6;

QString formatNumber(double v) { return QString::number(v, 'g', QLocale::FloatingPointShortest); }

QString joinValues(const std::vector<double>& values)
{
    QStringList parts;
    for (double v : values)
        parts << formatNumber(v);
    return parts.join(QStringLiteral(", "));
}

void setComboData(QComboBox* combo, const QVariant& data)
{
    const int i = combo->findData(data);
    if (i >= 0)
        combo->setCurrentIndex(i);
}

// "cuda" and "cuda:0" name the same device.
bool sameDevice(const gradlab::Device& device, const QString& name)
{
    try {
        return gradlab::Device::parse(name.toStdString()) == device;
    } catch (const std::exception&) {
        return false;
    }
}

bool isDeviceName(const QString& name)
{
    try {
        gradlab::Device::parse(name.toStdString());
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

// A field's one-line help (what the option does, in torch's terms) is its tooltip and its label's;
// a problem with the typed text is shown above it while there is one.
constexpr char kHelp[] = "gradlabHelp";
constexpr char kProblem[] = "gradlabProblem";

void showToolTip(QWidget* field)
{
    const QString help = field->property(kHelp).toString();
    const QString problem = field->property(kProblem).toString();
    field->setToolTip(problem.isEmpty() ? help : help.isEmpty() ? problem : problem + QLatin1Char('\n') + help);
}

void setHelp(QWidget* field, const QString& help)
{
    field->setProperty(kHelp, help);
    showToolTip(field);
    if (auto* form = field->parentWidget() ? qobject_cast<QFormLayout*>(field->parentWidget()->layout()) : nullptr)
        if (QWidget* label = form->labelForField(field))
            label->setToolTip(help);
}

void markInvalid(QWidget* field, const QString& message)
{
    field->setProperty(kProblem, message);
    showToolTip(field);
    if (auto* edit = qobject_cast<QLineEdit*>(field))
        edit->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("QLineEdit { background: #ffe0e0; color: black; }"));
}

} // namespace

SettingsForm::SettingsForm(QWidget* parent) : QWidget(parent)
{
    static const std::vector<gradlab::DeviceInfo> detected = gradlab::availableDevices();
    devices_ = detected;

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    problemsLabel_ = new QLabel(this);
    problemsLabel_->setObjectName(QStringLiteral("validation"));
    problemsLabel_->setWordWrap(true);
    problemsLabel_->setTextFormat(Qt::PlainText);
    problemsLabel_->setStyleSheet(QStringLiteral("QLabel { color: #c00000; }"));
    problemsLabel_->setVisible(false);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    auto* column = new QVBoxLayout(content);
    modelBox_ = new QGroupBox(tr("Model"), content);
    initBox_ = new QGroupBox(tr("Initialisation"), content);
    trainableBox_ = new QGroupBox(tr("Trainable parameters"), content);
    lossBox_ = new QGroupBox(tr("Loss"), content);
    optimizerBox_ = new QGroupBox(tr("Optimizer"), content);
    trainingBox_ = new QGroupBox(tr("Training"), content);
    buildModelGroup(modelBox_);
    buildInitGroup(initBox_);
    trainableForm_ = new QFormLayout(trainableBox_);
    buildLossGroup(lossBox_);
    buildOptimizerGroup(optimizerBox_);
    buildTrainingGroup(trainingBox_);
    for (QGroupBox* box : {modelBox_, initBox_, trainableBox_, lossBox_, optimizerBox_, trainingBox_})
        column->addWidget(box);
    column->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    // Below the fields, not above them: a problem appearing while the user types moves no field.
    outer->addWidget(problemsLabel_);

    guardWheel(this);
    addHelp();
    showConfig(true);
}

void SettingsForm::buildModelGroup(QGroupBox* box)
{
    modelForm_ = new QFormLayout(box);
    modelType_ = new QComboBox(box);
    modelType_->setObjectName(QStringLiteral("model.type"));
    modelType_->addItem(tr("%1 (the tutorial's)").arg(modelTypeName(ModelConfig::Type::ScalarLinear)),
                        static_cast<int>(ModelConfig::Type::ScalarLinear));
    for (const auto t : {ModelConfig::Type::Linear, ModelConfig::Type::Polynomial, ModelConfig::Type::Mlp})
        modelType_->addItem(modelTypeName(t), static_cast<int>(t));
    modelForm_->addRow(tr("Type:"), modelType_);
    connect(modelType_, &QComboBox::currentIndexChanged, this, [this] { onModelTypeChanged(); });

    degree_ = new QSpinBox(box);
    degree_->setObjectName(QStringLiteral("model.degree"));
    degree_->setRange(1, 20);
    degree_->setKeyboardTracking(false);
    modelForm_->addRow(tr("Degree:"), degree_);
    connect(degree_, &QSpinBox::valueChanged, this, [this](int v) {
        ExperimentConfig after = config_;
        after.model.degree = v;
        commit(after, QStringLiteral("model.degree"), tr("Change polynomial degree"));
    });

    hidden_ = new QLineEdit(box);
    hidden_->setObjectName(QStringLiteral("model.hidden"));
    hidden_->setPlaceholderText(tr("8, 8"));
    modelForm_->addRow(tr("Hidden sizes:"), hidden_);
    connect(hidden_, &QLineEdit::editingFinished, this, [this] { onHiddenEdited(); });

    activation_ = new QComboBox(box);
    activation_->setObjectName(QStringLiteral("model.activation"));
    activation_->addItem(tr("ReLU"), QStringLiteral("relu"));
    activation_->addItem(tr("tanh"), QStringLiteral("tanh"));
    activation_->addItem(tr("sigmoid"), QStringLiteral("sigmoid"));
    modelForm_->addRow(tr("Activation:"), activation_);
    connect(activation_, &QComboBox::currentIndexChanged, this, [this] {
        ExperimentConfig after = config_;
        after.model.activation = activation_->currentData().toString();
        commit(after, QStringLiteral("model.activation"), tr("Change activation"));
    });
}

void SettingsForm::buildInitGroup(QGroupBox* box)
{
    initForm_ = new QFormLayout(box);
    scheme_ = new QComboBox(box);
    scheme_->setObjectName(QStringLiteral("model.init.scheme"));
    scheme_->addItem(tr("PyTorch default, seeded"), static_cast<int>(InitConfig::Scheme::Torch));
    scheme_->addItem(tr("Zeros"), static_cast<int>(InitConfig::Scheme::Zeros));
    scheme_->addItem(tr("Custom values"), static_cast<int>(InitConfig::Scheme::Custom));
    initForm_->addRow(tr("Scheme:"), scheme_);
    connect(scheme_, &QComboBox::currentIndexChanged, this, [this] { onSchemeChanged(); });

    // A whole number beyond QSpinBox's int range.
    initSeed_ = new NumberEdit(NumberEdit::Kind::Integer, 0, kMaxInitSeed, box);
    initSeed_->setObjectName(QStringLiteral("model.init.seed"));
    initForm_->addRow(tr("Seed:"), initSeed_);
    connect(initSeed_, &QLineEdit::editingFinished, this, [this] {
        if (loading_)
            return;
        QString why;
        const auto v = initSeed_->value(&why);
        if (!v) {
            setInputProblem(initSeed_, QStringLiteral("model.init.seed"), tr("Initialisation seed: %1").arg(why));
            return;
        }
        setInputProblem(initSeed_, QStringLiteral("model.init.seed"), {});
        ExperimentConfig after = config_;
        after.model.init.seed = static_cast<quint64>(*v);
        commit(after, QStringLiteral("model.init.seed"), tr("Change initialisation seed"));
    });

    values_ = new QTableWidget(0, 3, box);
    values_->setObjectName(QStringLiteral("model.init.values"));
    values_->setHorizontalHeaderLabels({tr("Parameter"), tr("Size"), tr("Values (comma separated)")});
    values_->verticalHeader()->setVisible(false);
    values_->horizontalHeader()->setStretchLastSection(true);
    values_->setMinimumHeight(90);
    values_->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    initForm_->addRow(tr("Values:"), values_);
    connect(values_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) { onValueItemChanged(item); });
}

void SettingsForm::buildLossGroup(QGroupBox* box)
{
    lossForm_ = new QFormLayout(box);
    lossType_ = new QComboBox(box);
    lossType_->setObjectName(QStringLiteral("loss.type"));
    lossType_->addItem(tr("MSE"), static_cast<int>(LossConfig::Type::Mse));
    lossType_->addItem(tr("L1"), static_cast<int>(LossConfig::Type::L1));
    lossType_->addItem(tr("Huber"), static_cast<int>(LossConfig::Type::Huber));
    lossType_->addItem(tr("Smooth L1"), static_cast<int>(LossConfig::Type::SmoothL1));
    lossForm_->addRow(tr("Type:"), lossType_);
    connect(lossType_, &QComboBox::currentIndexChanged, this, [this] {
        ExperimentConfig after = config_;
        after.loss.type = static_cast<LossConfig::Type>(lossType_->currentData().toInt());
        commit(after, QStringLiteral("loss.type"), tr("Change loss"));
    });

    reduction_ = new QComboBox(box);
    reduction_->setObjectName(QStringLiteral("loss.reduction"));
    reduction_->addItem(tr("mean"), static_cast<int>(LossConfig::Reduction::Mean));
    reduction_->addItem(tr("sum"), static_cast<int>(LossConfig::Reduction::Sum));
    lossForm_->addRow(tr("Reduction:"), reduction_);
    connect(reduction_, &QComboBox::currentIndexChanged, this, [this] {
        ExperimentConfig after = config_;
        after.loss.reduction = static_cast<LossConfig::Reduction>(reduction_->currentData().toInt());
        commit(after, QStringLiteral("loss.reduction"), tr("Change loss reduction"));
    });

    delta_ = addNumber(lossForm_, tr("Delta:"), QStringLiteral("loss.delta"), tr("Change Huber delta"),
                       [](ExperimentConfig& c, double v) { c.loss.delta = v; });
    beta_ = addNumber(lossForm_, tr("Beta:"), QStringLiteral("loss.beta"), tr("Change Smooth L1 beta"),
                      [](ExperimentConfig& c, double v) { c.loss.beta = v; });
}

void SettingsForm::buildOptimizerGroup(QGroupBox* box)
{
    optimizerForm_ = new QFormLayout(box);
    optimizerType_ = new QComboBox(box);
    optimizerType_->setObjectName(QStringLiteral("optimizer.type"));
    using O = OptimizerConfig::Type;
    for (const auto t : {O::Sgd, O::Adam, O::AdamW, O::RmsProp, O::Adagrad})
        optimizerType_->addItem(optimizerTypeName(t), static_cast<int>(t));
    optimizerForm_->addRow(tr("Type:"), optimizerType_);
    connect(optimizerType_, &QComboBox::currentIndexChanged, this, [this] { onOptimizerTypeChanged(); });

    auto check = [this, box](const QString& label, const QString& key, const QString& description,
                             std::function<void(ExperimentConfig&, bool)> apply) {
        auto* c = new QCheckBox(box);
        c->setObjectName(key);
        optimizerForm_->addRow(label, c);
        connect(c, &QCheckBox::toggled, this, [this, key, description, apply](bool on) {
            ExperimentConfig after = config_;
            apply(after, on);
            commit(after, key, description);
        });
        return c;
    };

    lr_ = addNumber(optimizerForm_, tr("Learning rate:"), QStringLiteral("optimizer.lr"), tr("Change learning rate"),
                    [](ExperimentConfig& c, double v) { c.optimizer.lr = v; });
    momentum_ = addNumber(optimizerForm_, tr("Momentum:"), QStringLiteral("optimizer.momentum"), tr("Change momentum"),
                          [](ExperimentConfig& c, double v) { c.optimizer.momentum = v; });
    dampening_ = addNumber(optimizerForm_, tr("Dampening:"), QStringLiteral("optimizer.dampening"), tr("Change dampening"),
                           [](ExperimentConfig& c, double v) { c.optimizer.dampening = v; });
    nesterov_ = check(tr("Nesterov:"), QStringLiteral("optimizer.nesterov"), tr("Change Nesterov momentum"),
                      [](ExperimentConfig& c, bool on) { c.optimizer.nesterov = on; });

    betas_ = new QWidget(box);
    auto* betasRow = new QHBoxLayout(betas_);
    betasRow->setContentsMargins(0, 0, 0, 0);
    optimizerForm_->addRow(tr("Betas:"), betas_);
    const auto betaEdit = [this](int which) {
        auto* e = new NumberEdit(NumberEdit::Kind::Real, 0, 0, betas_);
        e->setObjectName(QStringLiteral("optimizer.betas.%1").arg(which));
        connect(e, &QLineEdit::editingFinished, this, [this, e, which] {
            if (loading_)
                return;
            const QString key = QStringLiteral("optimizer.betas.%1").arg(which);
            QString why;
            const auto v = e->value(&why);
            if (!v) {
                setInputProblem(e, key, tr("Beta %1: %2").arg(which + 1).arg(why));
                return;
            }
            setInputProblem(e, key, {});
            ExperimentConfig after = config_;
            (which == 0 ? after.optimizer.beta1 : after.optimizer.beta2) = *v;
            commit(after, QStringLiteral("optimizer.betas"), tr("Change betas"));
        });
        return e;
    };
    beta1_ = betaEdit(0);
    beta2_ = betaEdit(1);
    betasRow->addWidget(beta1_);
    betasRow->addWidget(beta2_);

    alpha_ = addNumber(optimizerForm_, tr("Alpha:"), QStringLiteral("optimizer.alpha"), tr("Change alpha"),
                       [](ExperimentConfig& c, double v) { c.optimizer.alpha = v; });
    eps_ = addNumber(optimizerForm_, tr("Eps:"), QStringLiteral("optimizer.eps"), tr("Change eps"),
                     [](ExperimentConfig& c, double v) { c.optimizer.eps = v; });
    lrDecay_ = addNumber(optimizerForm_, tr("Learning rate decay:"), QStringLiteral("optimizer.lr_decay"),
                         tr("Change learning rate decay"), [](ExperimentConfig& c, double v) { c.optimizer.lrDecay = v; });
    initialAccumulator_ = addNumber(optimizerForm_, tr("Initial accumulator:"), QStringLiteral("optimizer.initial_accumulator_value"),
                                    tr("Change initial accumulator value"),
                                    [](ExperimentConfig& c, double v) { c.optimizer.initialAccumulatorValue = v; });
    weightDecay_ = addNumber(optimizerForm_, tr("Weight decay:"), QStringLiteral("optimizer.weight_decay"), tr("Change weight decay"),
                             [](ExperimentConfig& c, double v) { c.optimizer.weightDecay = v; });
    centered_ = check(tr("Centered:"), QStringLiteral("optimizer.centered"), tr("Change centered"),
                      [](ExperimentConfig& c, bool on) { c.optimizer.centered = on; });
    amsgrad_ = check(tr("AMSGrad:"), QStringLiteral("optimizer.amsgrad"), tr("Change AMSGrad"),
                     [](ExperimentConfig& c, bool on) { c.optimizer.amsgrad = on; });
    maximize_ = check(tr("Maximize:"), QStringLiteral("optimizer.maximize"), tr("Change maximize"),
                      [](ExperimentConfig& c, bool on) { c.optimizer.maximize = on; });
}

void SettingsForm::buildTrainingGroup(QGroupBox* box)
{
    auto* form = new QFormLayout(box);
    epochs_ = new QSpinBox(box);
    epochs_->setObjectName(QStringLiteral("training.epochs"));
    // 0 is shown as it is (and the validation says why it cannot run) rather than silently raised.
    epochs_->setRange(0, kMaxEpochs);
    epochs_->setKeyboardTracking(false);
    form->addRow(tr("Epochs:"), epochs_);
    connect(epochs_, &QSpinBox::valueChanged, this, [this](int v) {
        ExperimentConfig after = config_;
        after.training.epochs = v;
        commit(after, QStringLiteral("training.epochs"), tr("Change epochs"));
    });

    auto* batch = new QWidget(box);
    auto* batchRow = new QHBoxLayout(batch);
    batchRow->setContentsMargins(0, 0, 0, 0);
    fullBatch_ = new QCheckBox(tr("Full batch"), batch);
    fullBatch_->setObjectName(QStringLiteral("training.full_batch"));
    batchSize_ = new QSpinBox(batch);
    batchSize_->setObjectName(QStringLiteral("training.batch_size"));
    batchSize_->setRange(1, std::numeric_limits<int>::max());
    batchSize_->setValue(32);
    batchSize_->setKeyboardTracking(false);
    batchRow->addWidget(fullBatch_);
    batchRow->addWidget(batchSize_, 1);
    form->addRow(tr("Batch:"), batch);
    connect(fullBatch_, &QCheckBox::toggled, this, [this](bool full) { onFullBatchToggled(full); });
    connect(batchSize_, &QSpinBox::valueChanged, this, [this](int v) {
        ExperimentConfig after = config_;
        after.training.batchSize = v;
        commit(after, QStringLiteral("training.batch_size"), tr("Change batch size"));
    });

    shuffle_ = new QCheckBox(tr("Shuffle the batches every epoch"), box);
    shuffle_->setObjectName(QStringLiteral("training.shuffle"));
    form->addRow(tr("Shuffle:"), shuffle_);
    connect(shuffle_, &QCheckBox::toggled, this, [this](bool on) {
        ExperimentConfig after = config_;
        after.training.shuffle = on;
        commit(after, QStringLiteral("training.shuffle"), tr("Change shuffling"));
    });

    trainingSeed_ = new NumberEdit(NumberEdit::Kind::Integer, 0, kMaxSeed, box);
    trainingSeed_->setObjectName(QStringLiteral("training.seed"));
    form->addRow(tr("Seed:"), trainingSeed_);
    connect(trainingSeed_, &QLineEdit::editingFinished, this, [this] {
        if (loading_)
            return;
        QString why;
        const auto v = trainingSeed_->value(&why);
        if (!v) {
            setInputProblem(trainingSeed_, QStringLiteral("training.seed"), tr("Training seed: %1").arg(why));
            return;
        }
        setInputProblem(trainingSeed_, QStringLiteral("training.seed"), {});
        ExperimentConfig after = config_;
        after.training.seed = static_cast<quint32>(*v);
        commit(after, QStringLiteral("training.seed"), tr("Change training seed"));
    });

    dtype_ = new QComboBox(box);
    dtype_->setObjectName(QStringLiteral("training.dtype"));
    dtype_->addItem(tr("float32"), QStringLiteral("float32"));
    dtype_->addItem(tr("float64"), QStringLiteral("float64"));
    form->addRow(tr("Precision:"), dtype_);
    connect(dtype_, &QComboBox::currentIndexChanged, this, [this] {
        ExperimentConfig after = config_;
        after.training.dtype = dtype_->currentData().toString();
        commit(after, QStringLiteral("training.dtype"), tr("Change precision"));
    });

    device_ = new QComboBox(box);
    device_->setObjectName(QStringLiteral("training.device"));
    form->addRow(tr("Device:"), device_);
    connect(device_, &QComboBox::currentIndexChanged, this, [this] {
        if (device_->currentIndex() < 0)
            return;
        ExperimentConfig after = config_;
        after.training.device = device_->currentData().toString();
        commit(after, QStringLiteral("training.device"), tr("Change device"));
    });

    zeroGrad_ = new QCheckBox(tr("Zero them after each step"), box);
    zeroGrad_->setObjectName(QStringLiteral("training.zero_grad"));
    zeroGrad_->setToolTip(tr("optimizer.zero_grad() after every step, as the tutorial's train_step does. Untick it to see "
                             "why: without it the gradients add up from step to step (the tutorial's section 2.3)."));
    form->addRow(tr("Gradients:"), zeroGrad_);
    connect(zeroGrad_, &QCheckBox::toggled, this, [this](bool on) {
        ExperimentConfig after = config_;
        after.training.zeroGrad = on;
        commit(after, QStringLiteral("training.zero_grad"),
               on ? tr("Zero the gradients after each step") : tr("Let the gradients add up"));
    });
}

NumberEdit* SettingsForm::addNumber(QFormLayout* form, const QString& label, const QString& key, const QString& description,
                                    std::function<void(ExperimentConfig&, double)> apply)
{
    auto* edit = new NumberEdit(NumberEdit::Kind::Real, 0, 0, form->parentWidget());
    edit->setObjectName(key);
    form->addRow(label, edit);
    QString name = label;
    if (name.endsWith(QLatin1Char(':')) || name.endsWith(QChar(0xFF1A))) // the Chinese labels end in a full-width colon
        name.chop(1);
    connect(edit, &QLineEdit::editingFinished, this, [this, edit, name, key, description, apply] {
        if (loading_)
            return;
        QString why;
        const auto v = edit->value(&why);
        if (!v) {
            setInputProblem(edit, key, tr("%1: %2").arg(name, why));
            return;
        }
        setInputProblem(edit, key, {});
        ExperimentConfig after = config_;
        apply(after, *v);
        commit(after, key, description);
    });
    return edit;
}

void SettingsForm::setConfig(const ExperimentConfig& config, int featureCount)
{
    config_ = config;
    featureCount_ = featureCount;
    showConfig(true);
}

ExperimentConfig SettingsForm::config() const { return config_; }

void SettingsForm::setMode(Mode mode)
{
    mode_ = mode;
    updateEnabled();
}

void SettingsForm::setDevices(const std::vector<gradlab::DeviceInfo>& devices)
{
    devices_ = devices;
    const bool wasLoading = loading_;
    loading_ = true;
    showDevices();
    loading_ = wasLoading;
    updateProblems();
}

QStringList SettingsForm::validationMessages() const { return experiment::validate(config_); }

void SettingsForm::showConfig(bool all)
{
    const bool wasLoading = loading_;
    loading_ = true;
    if (all) {
        for (auto it = inputProblems_.cbegin(); it != inputProblems_.cend(); ++it)
            if (auto* field = findChild<QWidget*>(it.key()))
                markInvalid(field, {});
        inputProblems_.clear();
    }
    // A field whose text was refused keeps that text (and its mark) until it is fixed or the whole
    // configuration is replaced.
    const auto keep = [this, all](const QString& key) { return !all && inputProblems_.contains(key); };
    const auto number = [&](NumberEdit* edit, double v) {
        if (!keep(edit->objectName()))
            edit->setValue(v);
    };

    const ExperimentConfig& c = config_;
    setComboData(modelType_, static_cast<int>(c.model.type));
    degree_->setValue(c.model.degree);
    if (!keep(hidden_->objectName())) {
        QStringList sizes;
        for (int h : c.model.hidden)
            sizes << QString::number(h);
        hidden_->setText(sizes.join(QStringLiteral(", ")));
    }
    setComboData(activation_, c.model.activation);
    setComboData(scheme_, static_cast<int>(c.model.init.scheme));
    number(initSeed_, static_cast<double>(c.model.init.seed));

    setComboData(lossType_, static_cast<int>(c.loss.type));
    setComboData(reduction_, static_cast<int>(c.loss.reduction));
    number(delta_, c.loss.delta);
    number(beta_, c.loss.beta);

    const OptimizerConfig& o = c.optimizer;
    setComboData(optimizerType_, static_cast<int>(o.type));
    number(lr_, o.lr);
    number(momentum_, o.momentum);
    number(dampening_, o.dampening);
    nesterov_->setChecked(o.nesterov);
    number(beta1_, o.beta1);
    number(beta2_, o.beta2);
    number(alpha_, o.alpha);
    number(eps_, o.eps);
    number(lrDecay_, o.lrDecay);
    number(initialAccumulator_, o.initialAccumulatorValue);
    number(weightDecay_, o.weightDecay);
    centered_->setChecked(o.centered);
    amsgrad_->setChecked(o.amsgrad);
    maximize_->setChecked(o.maximize);

    const auto& t = c.training;
    epochs_->setValue(static_cast<int>(std::min<qint64>(t.epochs, kMaxEpochs)));
    fullBatch_->setChecked(t.batchSize == 0);
    if (t.batchSize > 0)
        batchSize_->setValue(static_cast<int>(std::min<qint64>(t.batchSize, std::numeric_limits<int>::max())));
    shuffle_->setChecked(t.shuffle);
    zeroGrad_->setChecked(t.zeroGrad);
    number(trainingSeed_, static_cast<double>(t.seed));
    setComboData(dtype_, t.dtype);

    showParameters();
    showDevices();
    loading_ = wasLoading;
    updateVisibility();
    updateEnabled();
    updateProblems();
}

std::vector<SettingsForm::Parameter> SettingsForm::parameters(const ModelConfig& model, QString* error) const
{
    const qint64 inputs = experiment::modelInputs(model, featureCount_);
    double total = 0;
    switch (model.type) {
    case ModelConfig::Type::ScalarLinear: total = 2; break;
    case ModelConfig::Type::Linear:
    case ModelConfig::Type::Polynomial: total = static_cast<double>(inputs) + 1; break;
    case ModelConfig::Type::Mlp: {
        double width = static_cast<double>(inputs);
        for (int h : model.hidden) {
            total += (width + 1) * h;
            width = h;
        }
        total += width + 1;
        break;
    }
    }
    // The names depend only on the number of layers, so a large network is listed from a small one.
    ModelConfig probe = model;
    const bool counted = total <= kMaxCountedParameters;
    if (!counted)
        for (int& h : probe.hidden)
            h = 1;
    probe.init.scheme = InitConfig::Scheme::Zeros;
    probe.init.values.clear();
    probe.frozen.clear();
    std::vector<Parameter> out;
    try {
        for (const auto& [name, p] : experiment::buildModel(probe, inputs, DType::Float64)->namedParameters())
            out.push_back({QString::fromStdString(name), counted ? static_cast<qint64>(p.numel()) : -1});
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return {};
    }
    return out;
}

void SettingsForm::showParameters()
{
    QString error;
    std::vector<Parameter> params = parameters(config_.model, &error);
    parametersError_ = error;
    const auto sameList = [&] {
        if (params.size() != parameters_.size())
            return false;
        for (std::size_t i = 0; i < params.size(); ++i)
            if (params[i].name != parameters_[i].name || params[i].count != parameters_[i].count)
                return false;
        return trainableNote_ == nullptr && error.isEmpty();
    };
    if (!sameList() || params.empty()) {
        parameters_ = params;
        // Refused cell texts belong to rows that are about to go.
        for (const QString& key : inputProblems_.keys())
            if (key.startsWith(QLatin1String("model.init.values.")))
                inputProblems_.remove(key);
        while (trainableForm_->rowCount() > 0)
            trainableForm_->removeRow(0);
        requiresGrad_.clear();
        trainableNote_ = nullptr;
        if (!error.isEmpty()) {
            trainableNote_ = new QLabel(tr("The parameters cannot be listed: %1").arg(error), trainableBox_);
            trainableNote_->setWordWrap(true);
            trainableForm_->addRow(trainableNote_);
        }
        for (const Parameter& p : parameters_) {
            auto* box = new QCheckBox(tr("requires grad"), trainableBox_);
            box->setObjectName(QStringLiteral("requires_grad.") + p.name);
            trainableForm_->addRow(p.name, box);
            setHelp(box, tr("Ticked, the optimizer trains %1 (requires_grad=True); unticked, %1 is frozen at its initial "
                            "value").arg(p.name));
            // Created after the groups below: put them in the Tab order where they are shown.
            QWidget::setTabOrder(requiresGrad_.empty() ? static_cast<QWidget*>(values_) : requiresGrad_.back(), box);
            requiresGrad_.push_back(box);
            const QString name = p.name;
            connect(box, &QCheckBox::toggled, this, [this, name](bool on) {
                ExperimentConfig after = config_;
                after.model.frozen.clear();
                for (QCheckBox* b : requiresGrad_)
                    if (!b->isChecked())
                        after.model.frozen << b->objectName().mid(QStringLiteral("requires_grad.").size());
                commit(after, QStringLiteral("model.frozen"), on ? tr("Train %1").arg(name) : tr("Freeze %1").arg(name));
            });
        }
        values_->setRowCount(static_cast<int>(parameters_.size()));
        for (int row = 0; row < static_cast<int>(parameters_.size()); ++row) {
            const Parameter& p = parameters_[static_cast<std::size_t>(row)];
            auto* name = new QTableWidgetItem(p.name);
            name->setFlags(name->flags() & ~Qt::ItemIsEditable);
            auto* size = new QTableWidgetItem(p.count < 0 ? tr("large") : QString::number(p.count));
            size->setFlags(size->flags() & ~Qt::ItemIsEditable);
            values_->setItem(row, 0, name);
            values_->setItem(row, 1, size);
            values_->setItem(row, 2, new QTableWidgetItem);
        }
    }
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
        const Parameter& p = parameters_[i];
        requiresGrad_[i]->setChecked(!config_.model.frozen.contains(p.name));
        QTableWidgetItem* item = values_->item(static_cast<int>(i), 2);
        const QString key = QStringLiteral("model.init.values.") + p.name;
        if (inputProblems_.contains(key))
            continue;
        const auto it = config_.model.init.values.find(p.name);
        item->setText(it == config_.model.init.values.end() ? QString() : joinValues(it->second));
        item->setToolTip(QString());
        item->setBackground(QBrush());
        item->setForeground(QBrush());
    }
}

void SettingsForm::showDevices()
{
    device_->clear();
    auto* model = qobject_cast<QStandardItemModel*>(device_->model());
    int current = -1;
    for (const gradlab::DeviceInfo& info : devices_) {
        const QString id = QString::fromStdString(info.device.str());
        QString text;
        QString tip;
        if (info.device.isCpu()) {
            text = tr("CPU");
        } else if (info.usable()) {
            text = tr("%1 — %2").arg(id, QString::fromStdString(info.name));
            tip = tr("%1, %2 GiB").arg(QString::fromStdString(info.name)).arg(static_cast<double>(info.totalMemory) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 1);
        }
        if (!info.usable()) {
            using S = gradlab::DeviceInfo::Status;
            QString why;
            switch (info.status) {
            case S::BuiltWithoutCuda: why = tr("built without CUDA"); break;
            case S::NoDriver: why = tr("no driver"); break;
            case S::NoDevice: why = tr("no device"); break;
            case S::Error:
            case S::Usable: why = tr("unavailable"); break;
            }
            tip = deviceProblem(info);
            text = tr("%1 — %2").arg(id, why);
        }
        device_->addItem(text, id);
        const int row = device_->count() - 1;
        if (!tip.isEmpty())
            device_->setItemData(row, tip, Qt::ToolTipRole);
        if (!info.usable() && model)
            model->item(row)->setFlags(model->item(row)->flags() & ~Qt::ItemIsEnabled);
        if (current < 0 && sameDevice(info.device, config_.training.device))
            current = row;
    }
    if (current < 0) {
        // A device named by the project that this machine does not have: shown, not silently replaced.
        device_->addItem(tr("%1 — not available here").arg(config_.training.device), config_.training.device);
        current = device_->count() - 1;
        device_->setItemData(current, tr("This computer has no such device."), Qt::ToolTipRole);
        if (model)
            model->item(current)->setFlags(model->item(current)->flags() & ~Qt::ItemIsEnabled);
    }
    device_->setCurrentIndex(current);
}

void SettingsForm::updateVisibility()
{
    const auto& m = config_.model;
    modelForm_->setRowVisible(degree_, m.type == ModelConfig::Type::Polynomial);
    modelForm_->setRowVisible(hidden_, m.type == ModelConfig::Type::Mlp);
    modelForm_->setRowVisible(activation_, m.type == ModelConfig::Type::Mlp);
    initForm_->setRowVisible(initSeed_, m.init.scheme == InitConfig::Scheme::Torch);
    initForm_->setRowVisible(values_, m.init.scheme == InitConfig::Scheme::Custom);

    lossForm_->setRowVisible(delta_, config_.loss.type == LossConfig::Type::Huber);
    lossForm_->setRowVisible(beta_, config_.loss.type == LossConfig::Type::SmoothL1);

    using T = OptimizerConfig::Type;
    const T t = config_.optimizer.type;
    const bool sgd = t == T::Sgd, adam = t == T::Adam || t == T::AdamW, rms = t == T::RmsProp, adagrad = t == T::Adagrad;
    optimizerForm_->setRowVisible(momentum_, sgd || rms);
    optimizerForm_->setRowVisible(dampening_, sgd);
    optimizerForm_->setRowVisible(nesterov_, sgd);
    optimizerForm_->setRowVisible(betas_, adam);
    optimizerForm_->setRowVisible(alpha_, rms);
    optimizerForm_->setRowVisible(eps_, adam || rms || adagrad);
    optimizerForm_->setRowVisible(lrDecay_, adagrad);
    optimizerForm_->setRowVisible(initialAccumulator_, adagrad);
    optimizerForm_->setRowVisible(centered_, rms);
    optimizerForm_->setRowVisible(amsgrad_, adam);
    updateOptimizerHelp();
}

void SettingsForm::addHelp()
{
    setHelp(modelType_, tr("The model to train: the tutorial's a + b·x, a linear layer (nn.Linear) over the features, a "
                           "polynomial of one feature, or an MLP (nn.Linear layers with an activation between them)"));
    setHelp(degree_, tr("The polynomial's degree: the highest power of x it uses"));
    setHelp(hidden_, tr("The sizes of the hidden layers, separated by commas"));
    setHelp(activation_, tr("The nonlinearity after each hidden layer: nn.ReLU, nn.Tanh or nn.Sigmoid"));
    setHelp(scheme_, tr("How the parameters start: as PyTorch initialises the model after torch.manual_seed(seed), all "
                        "zeros, or values you enter"));
    setHelp(initSeed_, tr("The seed given to torch.manual_seed before the model is built: the same seed gives the same "
                          "initial parameters"));
    setHelp(values_, tr("Each parameter's initial values, separated by commas, in the order of its elements"));
    setHelp(lossType_, tr("The loss function: nn.MSELoss, nn.L1Loss, nn.HuberLoss or nn.SmoothL1Loss"));
    setHelp(reduction_, tr("reduction: how the per-example losses are combined, their mean (default) or their sum"));
    setHelp(delta_, tr("Huber's delta: the error size at which the loss changes from quadratic to linear (default 1.0)"));
    setHelp(beta_, tr("Smooth L1's beta: the error size below which the loss is quadratic and above which it is linear "
                      "(default 1.0)"));
    setHelp(optimizerType_, tr("The torch.optim optimizer; choosing another resets its options to their defaults"));
    setHelp(dampening_, tr("dampening τ: the new gradient enters the momentum buffer scaled by 1 − τ (default 0)"));
    setHelp(nesterov_, tr("nesterov: Nesterov momentum, stepping along g + μ·b instead of b; needs momentum > 0 and "
                          "dampening 0 (default off)"));
    const QString betas = tr("betas (β1, β2): decay rates of the running averages of the gradient and of its square "
                             "(default 0.9, 0.999)");
    for (QWidget* field : {static_cast<QWidget*>(betas_), static_cast<QWidget*>(beta1_), static_cast<QWidget*>(beta2_)})
        setHelp(field, betas);
    setHelp(alpha_, tr("alpha: smoothing constant, the decay rate of the running average of the squared gradient "
                       "(default 0.99)"));
    setHelp(lrDecay_, tr("lr_decay: the step size at step t is lr / (1 + (t − 1)·lr_decay) (default 0)"));
    setHelp(initialAccumulator_, tr("initial_accumulator_value: the starting value of the running sum of squared "
                                    "gradients (default 0)"));
    setHelp(centered_, tr("centered: divide by an estimate of the gradient's variance (the average of g² minus the square "
                          "of the average of g) instead of the average of g² (default off)"));
    setHelp(amsgrad_, tr("amsgrad: divide by the largest running average of the squared gradient so far, the AMSGrad "
                         "variant (default off)"));
    setHelp(maximize_, tr("maximize: step up the gradient, maximizing the loss instead of minimizing it (default off)"));
    setHelp(epochs_, tr("The number of passes over the training rows; each pass takes one optimizer step per batch"));
    setHelp(batchSize_->parentWidget(), tr("The rows each optimizer step uses: all of them (full batch) or mini-batches "
                                           "of the size given"));
    setHelp(fullBatch_, tr("Every step uses all the training rows: one step per epoch, the tutorial's batch gradient "
                           "descent"));
    setHelp(batchSize_, tr("Rows per mini-batch, one optimizer step each (DataLoader's batch_size); an epoch's last batch "
                           "may be smaller"));
    setHelp(shuffle_, tr("Deal the training rows into batches in a new random order every epoch (DataLoader's "
                         "shuffle=True)"));
    setHelp(trainingSeed_, tr("The seed of the random order of the rows in the batches, when they are shuffled"));
    setHelp(dtype_, tr("The floating-point type of the data and the parameters: float32 (torch's default) or float64 "
                       "(NumPy's)"));
    setHelp(device_, tr("Where the tensors are kept and computed (torch.device): the CPU or a CUDA GPU"));
}

// The options whose meaning or torch.optim default depends on the optimizer.
void SettingsForm::updateOptimizerHelp()
{
    using T = OptimizerConfig::Type;
    const T t = config_.optimizer.type;
    // torch.optim 1.13's defaults: lr 1e-3 for Adam and AdamW, 1e-2 for RMSprop and Adagrad; SGD
    // has none (its lr is required), and GradLab starts it at the tutorial's 0.1.
    if (t == T::Sgd)
        setHelp(lr_, tr("lr: the step size; each step moves the parameters by lr times the gradient (torch.optim.SGD "
                        "requires one; the tutorial uses 0.1)"));
    else
        setHelp(lr_, tr("lr: the step size; each step moves the parameters by lr times the update (torch's default for %1: "
                        "%2)")
                         .arg(optimizerTypeName(t), t == T::RmsProp || t == T::Adagrad ? QStringLiteral("0.01") : QStringLiteral("0.001")));
    setHelp(momentum_, t == T::RmsProp ? tr("momentum μ: the parameters move along a buffer b ← μ·b + g / (√v + eps) "
                                            "(default 0)")
                                       : tr("momentum μ: the parameters move along a buffer b ← μ·b + (1 − dampening)·g "
                                            "instead of the gradient g (default 0)"));
    setHelp(eps_, tr("eps: added to the denominator, outside the square root, for numerical stability (default %1)")
                      .arg(t == T::Adagrad ? QStringLiteral("1e-10") : QStringLiteral("1e-8")));
    setHelp(weightDecay_, t == T::AdamW ? tr("weight_decay λ: decoupled weight decay, each step first multiplies the "
                                             "parameters by 1 − lr·λ (default 0.01)")
                                        : tr("weight_decay λ: an L2 penalty, λ times the parameters added to the gradient "
                                             "(default 0)"));
}

void SettingsForm::updateEnabled()
{
    const bool idle = mode_ == Mode::Idle;
    for (QGroupBox* box : {modelBox_, initBox_, trainableBox_, lossBox_, trainingBox_})
        box->setEnabled(idle);
    // While paused the optimizer's options may change (the run goes on with them); its type may not,
    // as the optimizer's state belongs to the type.
    optimizerBox_->setEnabled(mode_ != Mode::Running);
    optimizerType_->setEnabled(idle);
    batchSize_->setEnabled(config_.training.batchSize > 0);
}

QStringList SettingsForm::runBlockers() const
{
    QStringList out;
    const ModelConfig& m = config_.model;
    if ((m.type == ModelConfig::Type::ScalarLinear || m.type == ModelConfig::Type::Polynomial) && featureCount_ > 1) {
        out << tr("The %1 model takes one feature, but the data has %2: choose the linear model or an MLP, or use one "
                  "feature.")
                   .arg(modelType_->itemText(modelType_->findData(static_cast<int>(m.type))))
                   .arg(featureCount_);
    } else if (!parametersError_.isEmpty()) {
        out << tr("The model cannot be built: %1.").arg(parametersError_);
    }
    if (m.init.scheme == InitConfig::Scheme::Custom) {
        for (const Parameter& p : parameters_) {
            const auto it = m.init.values.find(p.name);
            if (it == m.init.values.end())
                out << tr("The initial values of %1 are not given: enter them under Initialisation, or choose another "
                          "scheme.")
                           .arg(p.name);
            else if (p.count >= 0 && static_cast<qint64>(it->second.size()) != p.count)
                out << tr("The initial values of %1: %2 values are needed, got %3.").arg(p.name).arg(p.count).arg(it->second.size());
        }
    }
    bool known = false;
    for (const gradlab::DeviceInfo& info : devices_) {
        if (!sameDevice(info.device, config_.training.device))
            continue;
        known = true;
        if (info.usable())
            break;
        using S = gradlab::DeviceInfo::Status;
        QString why;
        switch (info.status) {
        case S::BuiltWithoutCuda: why = tr("this GradLab was built without CUDA support"); break;
        case S::NoDriver: why = tr("no usable NVIDIA driver (missing, or older than the CUDA runtime)"); break;
        case S::NoDevice: why = tr("no CUDA device was found"); break;
        case S::Error:
        case S::Usable: why = QString::fromStdString(info.reason); break;
        }
        out << tr("%1 cannot be used: %2. Choose another device under Training.").arg(config_.training.device, why);
        break;
    }
    if (!known && isDeviceName(config_.training.device)) // a name that is not a device: validate() says so
        out << tr("%1 cannot be used: this computer has no such device. Choose another device under Training.")
                   .arg(config_.training.device);
    // The fields holding text the form refused: the configuration still has their previous values.
    for (const QString& problem : inputProblems_)
        out << tr("%1 (the value was not taken).").arg(problem);
    return out;
}

void SettingsForm::updateProblems()
{
    // validate()'s problems, then those that only the form knows; all of them stop a run.
    const QStringList lines = experiment::validate(config_) + runBlockers();
    QStringList bullets;
    for (const QString& l : lines)
        bullets << tr("• %1").arg(l);
    problemsLabel_->setText(bullets.join(QLatin1Char('\n')));
    problemsLabel_->setVisible(!lines.isEmpty());
}

void SettingsForm::commit(const ExperimentConfig& after, const QString& key, const QString& description)
{
    if (loading_ || mode_ == Mode::Running)
        return;
    if (mode_ == Mode::Paused && (!key.startsWith(QLatin1String("optimizer.")) || key == QLatin1String("optimizer.type")))
        return;
    if (experiment::toJson(after) == experiment::toJson(config_)) {
        updateProblems();
        return;
    }
    config_ = after;
    showConfig(false);
    emit edited(config_, key, description);
}

void SettingsForm::setInputProblem(QWidget* field, const QString& key, const QString& message)
{
    markInvalid(field, message);
    if (message.isEmpty())
        inputProblems_.remove(key);
    else
        inputProblems_.insert(key, message);
    updateProblems();
}

void SettingsForm::pruneToParameters(ExperimentConfig& config) const
{
    QString error;
    const std::vector<Parameter> params = parameters(config.model, &error);
    if (!error.isEmpty())
        return;
    QStringList names;
    for (const Parameter& p : params)
        names << p.name;
    QStringList frozen;
    for (const QString& f : config.model.frozen)
        if (names.contains(f))
            frozen << f;
    config.model.frozen = frozen;
    for (auto it = config.model.init.values.begin(); it != config.model.init.values.end();)
        it = names.contains(it->first) ? std::next(it) : config.model.init.values.erase(it);
    // Custom values start at zero for a parameter that has none yet, so that the model can be built.
    if (config.model.init.scheme == InitConfig::Scheme::Custom)
        for (const Parameter& p : params)
            if (p.count >= 0 && !config.model.init.values.count(p.name))
                config.model.init.values[p.name] = std::vector<double>(static_cast<std::size_t>(p.count), 0.0);
}

void SettingsForm::onModelTypeChanged()
{
    if (loading_)
        return;
    ExperimentConfig after = config_;
    after.model.type = static_cast<ModelConfig::Type>(modelType_->currentData().toInt());
    // Another model has other parameters: what was frozen or given belonged to the old one.
    after.model.frozen.clear();
    after.model.init.values.clear();
    pruneToParameters(after);
    commit(after, QStringLiteral("model.type"), tr("Change model type"));
}

void SettingsForm::onHiddenEdited()
{
    if (loading_)
        return;
    const QString key = QStringLiteral("model.hidden");
    std::vector<int> sizes;
    QString problem;
    for (const QString& part : hidden_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int h = part.trimmed().toInt(&ok);
        if (!ok || h < 1 || h > 100000) {
            problem = tr("Hidden sizes: “%1” is not a layer size from 1 to 100000").arg(part.trimmed());
            break;
        }
        sizes.push_back(h);
    }
    if (problem.isEmpty() && sizes.empty())
        problem = tr("Hidden sizes: at least one hidden layer is needed (without one, choose the linear model)");
    if (!problem.isEmpty()) {
        setInputProblem(hidden_, key, problem);
        return;
    }
    setInputProblem(hidden_, key, {});
    ExperimentConfig after = config_;
    after.model.hidden = sizes;
    pruneToParameters(after);
    commit(after, key, tr("Change hidden layer sizes"));
}

void SettingsForm::onSchemeChanged()
{
    if (loading_)
        return;
    ExperimentConfig after = config_;
    after.model.init.scheme = static_cast<InitConfig::Scheme>(scheme_->currentData().toInt());
    pruneToParameters(after);
    commit(after, QStringLiteral("model.init.scheme"), tr("Change initialisation"));
}

void SettingsForm::onValueItemChanged(QTableWidgetItem* item)
{
    if (loading_ || item->column() != 2)
        return;
    const std::size_t row = static_cast<std::size_t>(item->row());
    if (row >= parameters_.size())
        return;
    const Parameter& p = parameters_[row];
    const QString key = QStringLiteral("model.init.values.") + p.name;
    std::vector<double> values;
    QString problem;
    for (const QString& part : item->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const double v = QLocale::c().toDouble(part.trimmed(), &ok);
        if (!ok || !std::isfinite(v)) {
            problem = tr("Initial values of %1: “%2” is not a number").arg(p.name, part.trimmed());
            break;
        }
        values.push_back(v);
    }
    if (problem.isEmpty() && p.count >= 0 && static_cast<qint64>(values.size()) != p.count)
        problem = tr("Initial values of %1: %2 values are needed, got %3").arg(p.name).arg(p.count).arg(values.size());
    const bool wasLoading = loading_;
    loading_ = true; // the colour and tooltip below change the item again
    item->setToolTip(problem);
    item->setBackground(problem.isEmpty() ? QBrush() : QBrush(QColor(0xff, 0xe0, 0xe0)));
    item->setForeground(problem.isEmpty() ? QBrush() : QBrush(Qt::black));
    loading_ = wasLoading;
    if (problem.isEmpty())
        inputProblems_.remove(key);
    else
        inputProblems_.insert(key, problem);
    if (!problem.isEmpty()) {
        updateProblems();
        return;
    }
    ExperimentConfig after = config_;
    after.model.init.values[p.name] = values;
    commit(after, key, tr("Change initial values of %1").arg(p.name));
}

void SettingsForm::onOptimizerTypeChanged()
{
    if (loading_)
        return;
    ExperimentConfig after = config_;
    // Each optimizer starts from torch.optim's defaults: options of one type mean nothing to another.
    after.optimizer = OptimizerConfig::defaults(static_cast<OptimizerConfig::Type>(optimizerType_->currentData().toInt()));
    commit(after, QStringLiteral("optimizer.type"), tr("Change optimizer"));
}

void SettingsForm::onFullBatchToggled(bool full)
{
    if (loading_)
        return;
    ExperimentConfig after = config_;
    after.training.batchSize = full ? 0 : batchSize_->value();
    commit(after, QStringLiteral("training.batch_size"), tr("Change batch size"));
}

} // namespace gradlab::widgets

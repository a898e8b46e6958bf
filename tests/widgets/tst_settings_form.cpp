// The Model, Loss, Optimizer and Training settings form, driven through its real widgets: what a
// user changes arrives as one exact edit of the configuration, each optimizer shows only its own
// options with torch.optim's defaults, the run's mode decides what is editable, and impossible
// values are listed before a run can start.
#include "widgets/settings_form.h"

#include "experiment/model_factory.h"

#include "tab_leaves.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTest>
#include <QWheelEvent>
#include <QScrollArea>
#include <QApplication>

using namespace gradlab;
using namespace gradlab::experiment;
using gradlab::widgets::SettingsForm;

namespace {

struct Edit {
    ExperimentConfig after;
    QString key;
    QString description;
};

// Records every edited() signal of a form.
struct Recorder {
    explicit Recorder(SettingsForm& form)
    {
        QObject::connect(&form, &SettingsForm::edited, &form,
                         [this](const ExperimentConfig& after, const QString& key, const QString& description) {
                             edits.push_back({after, key, description});
                         });
    }
    std::vector<Edit> edits;
};

// Replaces a line edit's text the way a user does: select all, type, press Return.
void typeInto(QLineEdit* edit, const QString& text)
{
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void choose(QComboBox* combo, int data)
{
    QVERIFY(combo);
    const int i = combo->findData(data);
    QVERIFY(i >= 0);
    combo->setCurrentIndex(i);
}

QJsonObject section(const ExperimentConfig& c, const char* name) { return toJson(c).value(QLatin1String(name)).toObject(); }

} // namespace

class TestSettingsForm : public QObject {
    Q_OBJECT
private slots:
    void typedLearningRateIsExact_data();
    void typedLearningRateIsExact();
    void textThatIsNotANumberIsRefusedWithAReason();
    void switchingToAdamShowsItsOptionsWithTorchDefaults();
    void eachOptimizerShowsOnlyItsOptions_data();
    void eachOptimizerShowsOnlyItsOptions();
    void pausedAllowsOnlyTheOptimizersOptions();
    void runningAllowsNothing();
    void untickingRequiresGradFreezesTheParameter();
    void modelOptionsFollowTheType();
    void customInitialValuesAreEditedPerParameter();
    void impossibleValuesAreListed();
    void unusableDeviceIsDisabledWithItsReason();
    void usableCudaDeviceCanBeChosen();
    void setConfigEmitsNothingAndShowsTheConfig();
    void batchSizeAndEpochs();
    void modelThatDoesNotFitTheDataSaysWhy();
    void runBlockersListWhatTheFormRefused();
    void negativeOptionIsNamedWithItsValue();
    void problemsAppearBelowTheFields();
    void wheelOverAnUnfocusedComboScrollsInstead();
    void zeroGradIsOneEdit();
    void everyVisibleFieldHasATooltip_data();
    void everyVisibleFieldHasATooltip();
    void tooltipsGiveEachOptimizersDefaults();
    void refusedTextShowsItsProblemAndKeepsTheHelp();
    void requiresGradFollowsTheInitialisationInTabOrder();
    void tabLeavesTheInitialValuesTable();
};

void TestSettingsForm::typedLearningRateIsExact_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<double>("expected");
    QTest::newRow("0.05") << "0.05" << 0.05;
    QTest::newRow("1e-6") << "1e-6" << 1e-6;
    QTest::newRow("0.3") << "0.3" << 0.3;
    QTest::newRow("spaces") << " 2.5 " << 2.5;
}

void TestSettingsForm::typedLearningRateIsExact()
{
    QFETCH(QString, typed);
    QFETCH(double, expected);
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    auto* lr = form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr"));
    QVERIFY(lr);
    QCOMPARE(lr->text(), QStringLiteral("0.1")); // the tutorial's lr shows as typed, not 0.10000000000000001
    typeInto(lr, typed);
    QCOMPARE(rec.edits.size(), std::size_t{1});
    const Edit& e = rec.edits.front();
    QVERIFY2(e.after.optimizer.lr == expected, qPrintable(QString::number(e.after.optimizer.lr, 'g', 17)));
    QCOMPARE(e.key, QStringLiteral("optimizer.lr"));
    QCOMPARE(e.description, QStringLiteral("Change learning rate"));
    QVERIFY(form.config().optimizer.lr == expected);
    // Nothing else changed.
    ExperimentConfig back = e.after;
    back.optimizer.lr = 0.1;
    QCOMPARE(toJson(back), toJson(ExperimentConfig::tutorial()));
    // Typing the same value again is no edit.
    typeInto(lr, lr->text());
    QCOMPARE(rec.edits.size(), std::size_t{1});
}

void TestSettingsForm::textThatIsNotANumberIsRefusedWithAReason()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    auto* lr = form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr"));
    typeInto(lr, QStringLiteral("fast"));
    QVERIFY(rec.edits.empty());
    QVERIFY(form.config().optimizer.lr == 0.1);
    auto* label = form.findChild<QLabel*>(QStringLiteral("validation"));
    QVERIFY(label);
    QVERIFY(label->isVisibleTo(&form));
    QVERIFY2(label->text().contains(QStringLiteral("“fast” is not a number")), qPrintable(label->text()));
    QVERIFY(label->text().contains(QStringLiteral("Learning rate")));
    // Fixing it takes the value and clears the message.
    typeInto(lr, QStringLiteral("0.2"));
    QCOMPARE(rec.edits.size(), std::size_t{1});
    QVERIFY(rec.edits.back().after.optimizer.lr == 0.2);
    QVERIFY(!label->isVisibleTo(&form));
    // Seeds are whole numbers within the project file's range.
    auto* seed = form.findChild<QLineEdit*>(QStringLiteral("training.seed"));
    typeInto(seed, QStringLiteral("-3"));
    QCOMPARE(rec.edits.size(), std::size_t{1});
    QVERIFY(label->text().contains(QStringLiteral("Training seed")));
    typeInto(seed, QStringLiteral("4294967295"));
    QCOMPARE(rec.edits.size(), std::size_t{2});
    QCOMPARE(rec.edits.back().after.training.seed, 4294967295u);
    QCOMPARE(rec.edits.back().key, QStringLiteral("training.seed"));
}

void TestSettingsForm::switchingToAdamShowsItsOptionsWithTorchDefaults()
{
    ExperimentConfig start = ExperimentConfig::tutorial();
    start.optimizer.momentum = 0.9;
    start.optimizer.lr = 0.5;
    SettingsForm form;
    form.setConfig(start, 1);
    Recorder rec(form);
    auto* momentum = form.findChild<QLineEdit*>(QStringLiteral("optimizer.momentum"));
    auto* beta1 = form.findChild<QLineEdit*>(QStringLiteral("optimizer.betas.0"));
    auto* beta2 = form.findChild<QLineEdit*>(QStringLiteral("optimizer.betas.1"));
    auto* eps = form.findChild<QLineEdit*>(QStringLiteral("optimizer.eps"));
    auto* amsgrad = form.findChild<QCheckBox*>(QStringLiteral("optimizer.amsgrad"));
    QVERIFY(momentum && beta1 && beta2 && eps && amsgrad);
    QVERIFY(momentum->isVisibleTo(&form));
    QVERIFY(!beta1->isVisibleTo(&form));

    choose(form.findChild<QComboBox*>(QStringLiteral("optimizer.type")), static_cast<int>(OptimizerConfig::Type::Adam));
    QCOMPARE(rec.edits.size(), std::size_t{1});
    const Edit& e = rec.edits.front();
    QCOMPARE(e.key, QStringLiteral("optimizer.type"));
    ExperimentConfig expected = start;
    expected.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::Adam);
    QCOMPARE(section(e.after, "optimizer"), section(expected, "optimizer"));
    // torch.optim.Adam's documented defaults, and nothing left of SGD's momentum.
    QVERIFY(e.after.optimizer.lr == 1e-3);
    QVERIFY(e.after.optimizer.beta1 == 0.9 && e.after.optimizer.beta2 == 0.999);
    QVERIFY(e.after.optimizer.eps == 1e-8);
    QVERIFY(e.after.optimizer.weightDecay == 0.0);
    QVERIFY(e.after.optimizer.momentum == 0.0);
    QCOMPARE(toJson(e.after), toJson(expected));

    QVERIFY(!momentum->isVisibleTo(&form));
    QVERIFY(beta1->isVisibleTo(&form) && beta2->isVisibleTo(&form));
    QVERIFY(eps->isVisibleTo(&form) && amsgrad->isVisibleTo(&form));
    QCOMPARE(form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr"))->text(), QStringLiteral("0.001"));
    QCOMPARE(beta2->text(), QStringLiteral("0.999"));
    QCOMPARE(eps->text(), QStringLiteral("1e-08"));

    // A beta typed into the form changes that beta alone.
    typeInto(beta2, QStringLiteral("0.95"));
    QCOMPARE(rec.edits.size(), std::size_t{2});
    QCOMPARE(rec.edits.back().key, QStringLiteral("optimizer.betas"));
    QVERIFY(rec.edits.back().after.optimizer.beta1 == 0.9 && rec.edits.back().after.optimizer.beta2 == 0.95);
}

void TestSettingsForm::eachOptimizerShowsOnlyItsOptions_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QStringList>("shown");
    using T = OptimizerConfig::Type;
    // torch.optim's option names for each optimizer.
    QTest::newRow("SGD") << static_cast<int>(T::Sgd)
                         << QStringList{"lr", "momentum", "dampening", "nesterov", "weight_decay", "maximize"};
    QTest::newRow("Adam") << static_cast<int>(T::Adam)
                          << QStringList{"lr", "betas.0", "betas.1", "eps", "weight_decay", "amsgrad", "maximize"};
    QTest::newRow("AdamW") << static_cast<int>(T::AdamW)
                           << QStringList{"lr", "betas.0", "betas.1", "eps", "weight_decay", "amsgrad", "maximize"};
    QTest::newRow("RMSprop") << static_cast<int>(T::RmsProp)
                             << QStringList{"lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"};
    QTest::newRow("Adagrad") << static_cast<int>(T::Adagrad)
                             << QStringList{"lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"};
}

void TestSettingsForm::eachOptimizerShowsOnlyItsOptions()
{
    QFETCH(int, type);
    QFETCH(QStringList, shown);
    const QStringList all{"lr",       "momentum", "dampening", "nesterov", "weight_decay", "maximize",
                          "betas.0",  "betas.1",  "eps",       "amsgrad",  "alpha",        "centered",
                          "lr_decay", "initial_accumulator_value"};
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    choose(form.findChild<QComboBox*>(QStringLiteral("optimizer.type")), type);
    const auto t = static_cast<OptimizerConfig::Type>(type);
    if (t != OptimizerConfig::Type::Sgd) {
        QCOMPARE(rec.edits.size(), std::size_t{1});
        ExperimentConfig expected = ExperimentConfig::tutorial();
        expected.optimizer = OptimizerConfig::defaults(t);
        QCOMPARE(toJson(rec.edits.front().after), toJson(expected));
    }
    for (const QString& name : all) {
        auto* field = form.findChild<QWidget*>(QStringLiteral("optimizer.") + name);
        QVERIFY2(field, qPrintable(name));
        QVERIFY2(field->isVisibleTo(&form) == shown.contains(name), qPrintable(name));
    }
}

void TestSettingsForm::pausedAllowsOnlyTheOptimizersOptions()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    form.setMode(SettingsForm::Mode::Paused);
    auto* lr = form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr"));
    QVERIFY(lr->isEnabled());
    QVERIFY(form.findChild<QLineEdit*>(QStringLiteral("optimizer.momentum"))->isEnabled());
    QVERIFY(!form.findChild<QComboBox*>(QStringLiteral("optimizer.type"))->isEnabled());
    QVERIFY(!form.findChild<QSpinBox*>(QStringLiteral("training.epochs"))->isEnabled());
    QVERIFY(!form.findChild<QComboBox*>(QStringLiteral("model.type"))->isEnabled());
    QVERIFY(!form.findChild<QComboBox*>(QStringLiteral("loss.type"))->isEnabled());
    QVERIFY(!form.findChild<QCheckBox*>(QStringLiteral("requires_grad.b"))->isEnabled());
    // The paused run continues with the new learning rate.
    typeInto(lr, QStringLiteral("0.01"));
    QCOMPARE(rec.edits.size(), std::size_t{1});
    QVERIFY(rec.edits.front().after.optimizer.lr == 0.01);

    form.setMode(SettingsForm::Mode::Idle);
    QVERIFY(form.findChild<QComboBox*>(QStringLiteral("optimizer.type"))->isEnabled());
    QVERIFY(form.findChild<QSpinBox*>(QStringLiteral("training.epochs"))->isEnabled());
}

void TestSettingsForm::runningAllowsNothing()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.init.scheme = InitConfig::Scheme::Custom;
    c.model.init.values = {{"a", {0.5}}, {"b", {1.5}}};
    SettingsForm form;
    form.setConfig(c, 1);
    Recorder rec(form);
    form.setMode(SettingsForm::Mode::Running);
    int inputs = 0;
    for (QWidget* w : form.findChildren<QWidget*>()) {
        if (qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w)
            || qobject_cast<QCheckBox*>(w) || qobject_cast<QTableWidget*>(w)) {
            // The spin boxes' and combos' own inner line edits count too: none may take input.
            QVERIFY2(!w->isEnabled(), qPrintable(w->objectName()));
            ++inputs;
        }
    }
    QVERIFY(inputs > 20);
    typeInto(form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr")), QStringLiteral("0.5"));
    QVERIFY(rec.edits.empty());
    QVERIFY(form.config().optimizer.lr == 0.1);
}

void TestSettingsForm::untickingRequiresGradFreezesTheParameter()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    auto* a = form.findChild<QCheckBox*>(QStringLiteral("requires_grad.a"));
    auto* b = form.findChild<QCheckBox*>(QStringLiteral("requires_grad.b"));
    QVERIFY(a && b);
    QVERIFY(a->isChecked() && b->isChecked());
    b->click();
    QCOMPARE(rec.edits.size(), std::size_t{1});
    QCOMPARE(rec.edits.back().after.model.frozen, QStringList{"b"});
    QCOMPARE(rec.edits.back().key, QStringLiteral("model.frozen"));
    QCOMPARE(form.config().model.frozen, QStringList{"b"});
    b->click();
    QCOMPARE(rec.edits.size(), std::size_t{2});
    QVERIFY(rec.edits.back().after.model.frozen.isEmpty());

    // A frozen parameter in the loaded configuration shows unticked; another model lists its own.
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.type = ModelConfig::Type::Mlp;
    c.model.hidden = {4, 3};
    c.model.frozen = {"2.bias"};
    form.setConfig(c, 2);
    const QStringList names = parameterNames(c.model, 2);
    QCOMPARE(names.size(), 6); // three Linear layers, a weight and a bias each
    for (const QString& name : names) {
        auto* box = form.findChild<QCheckBox*>(QStringLiteral("requires_grad.") + name);
        QVERIFY2(box, qPrintable(name));
        QCOMPARE(box->isChecked(), name != QLatin1String("2.bias"));
    }
    QVERIFY(!form.findChild<QCheckBox*>(QStringLiteral("requires_grad.a")));
}

void TestSettingsForm::modelOptionsFollowTheType()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    auto* degree = form.findChild<QSpinBox*>(QStringLiteral("model.degree"));
    auto* hidden = form.findChild<QLineEdit*>(QStringLiteral("model.hidden"));
    auto* activation = form.findChild<QComboBox*>(QStringLiteral("model.activation"));
    QVERIFY(!degree->isVisibleTo(&form) && !hidden->isVisibleTo(&form) && !activation->isVisibleTo(&form));

    // A frozen b of the a + b·x model means nothing to the next model.
    form.findChild<QCheckBox*>(QStringLiteral("requires_grad.b"))->click();
    choose(form.findChild<QComboBox*>(QStringLiteral("model.type")), static_cast<int>(ModelConfig::Type::Polynomial));
    QCOMPARE(rec.edits.back().key, QStringLiteral("model.type"));
    QVERIFY(rec.edits.back().after.model.type == ModelConfig::Type::Polynomial);
    QVERIFY(rec.edits.back().after.model.frozen.isEmpty());
    QVERIFY(degree->isVisibleTo(&form) && !hidden->isVisibleTo(&form));
    degree->setValue(3);
    QCOMPARE(rec.edits.back().key, QStringLiteral("model.degree"));
    QCOMPARE(rec.edits.back().after.model.degree, 3);

    choose(form.findChild<QComboBox*>(QStringLiteral("model.type")), static_cast<int>(ModelConfig::Type::Mlp));
    QVERIFY(!degree->isVisibleTo(&form) && hidden->isVisibleTo(&form) && activation->isVisibleTo(&form));
    QCOMPARE(hidden->text(), QStringLiteral("8"));
    const std::size_t before = rec.edits.size();
    typeInto(hidden, QStringLiteral("16, 4"));
    QCOMPARE(rec.edits.size(), before + 1);
    QCOMPARE(rec.edits.back().key, QStringLiteral("model.hidden"));
    QCOMPARE(rec.edits.back().after.model.hidden, (std::vector<int>{16, 4}));
    QVERIFY(form.findChild<QCheckBox*>(QStringLiteral("requires_grad.4.weight"))); // the third Linear

    typeInto(hidden, QStringLiteral("16, x"));
    QCOMPARE(rec.edits.size(), before + 1);
    QVERIFY(form.findChild<QLabel*>(QStringLiteral("validation"))->text().contains(QStringLiteral("“x”")));
    typeInto(hidden, QStringLiteral(""));
    QCOMPARE(rec.edits.size(), before + 1);
    QCOMPARE(form.config().model.hidden, (std::vector<int>{16, 4}));

    activation->setCurrentIndex(activation->findData(QStringLiteral("relu")));
    QCOMPARE(rec.edits.back().key, QStringLiteral("model.activation"));
    QCOMPARE(rec.edits.back().after.model.activation, QStringLiteral("relu"));
}

void TestSettingsForm::customInitialValuesAreEditedPerParameter()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    auto* table = form.findChild<QTableWidget*>(QStringLiteral("model.init.values"));
    auto* seed = form.findChild<QLineEdit*>(QStringLiteral("model.init.seed"));
    QVERIFY(table && seed);
    QVERIFY(!table->isVisibleTo(&form) && seed->isVisibleTo(&form));
    QCOMPARE(seed->text(), QStringLiteral("42"));

    choose(form.findChild<QComboBox*>(QStringLiteral("model.init.scheme")), static_cast<int>(InitConfig::Scheme::Custom));
    QCOMPARE(rec.edits.back().key, QStringLiteral("model.init.scheme"));
    QVERIFY(table->isVisibleTo(&form) && !seed->isVisibleTo(&form));
    // Every parameter starts with a value, so the model can be built at once.
    const auto& values = rec.edits.back().after.model.init.values;
    QCOMPARE(values.size(), std::size_t{2});
    QCOMPARE(values.at("a"), std::vector<double>{0.0});
    QCOMPARE(values.at("b"), std::vector<double>{0.0});
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("b"));

    table->item(1, 2)->setText(QStringLiteral("2.5"));
    QCOMPARE(rec.edits.back().key, QStringLiteral("model.init.values.b"));
    QCOMPARE(rec.edits.back().after.model.init.values.at("b"), std::vector<double>{2.5});
    QCOMPARE(rec.edits.back().after.model.init.values.at("a"), std::vector<double>{0.0});

    // b is one number: two are refused with the reason, and the configuration keeps 2.5.
    const std::size_t before = rec.edits.size();
    table->item(1, 2)->setText(QStringLiteral("1, 2"));
    QCOMPARE(rec.edits.size(), before);
    QCOMPARE(form.config().model.init.values.at("b"), std::vector<double>{2.5});
    QVERIFY(form.findChild<QLabel*>(QStringLiteral("validation"))->text().contains(QStringLiteral("1 values are needed, got 2")));
    QVERIFY(!table->item(1, 2)->toolTip().isEmpty());
}

void TestSettingsForm::impossibleValuesAreListed()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    auto* label = form.findChild<QLabel*>(QStringLiteral("validation"));
    QVERIFY(form.validationMessages().isEmpty());
    QVERIFY(!label->isVisibleTo(&form));

    ExperimentConfig c = ExperimentConfig::tutorial();
    c.optimizer.lr = 0;
    c.training.epochs = 0;
    c.dataset.split.trainFraction = 1.0;
    form.setConfig(c, 1);
    const QStringList messages = form.validationMessages();
    QCOMPARE(messages, validate(c));
    QCOMPARE(messages.size(), 3);
    QVERIFY(messages.contains(QStringLiteral("The learning rate must be greater than 0")));
    QVERIFY(messages.contains(QStringLiteral("At least one epoch is needed")));
    QVERIFY(label->isVisibleTo(&form));
    for (const QString& m : messages)
        QVERIFY2(label->text().contains(m), qPrintable(m));
    // The impossible values are shown as they are, not quietly replaced.
    QCOMPARE(form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr"))->text(), QStringLiteral("0"));
    QCOMPARE(form.findChild<QSpinBox*>(QStringLiteral("training.epochs"))->value(), 0);
    QVERIFY(form.config().training.epochs == 0);

    // A CSV dataset without a target column.
    ExperimentConfig csv = ExperimentConfig::tutorial();
    csv.dataset.source = DatasetConfig::Source::Csv;
    csv.dataset.csv.path = QStringLiteral("data.csv");
    csv.dataset.csv.features = {QStringLiteral("x")};
    form.setConfig(csv, 1);
    QCOMPARE(form.validationMessages(), validate(csv));
    QCOMPARE(form.validationMessages().size(), 1);

    // Typed by the user: the edit is taken and the message appears at once.
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    typeInto(form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr")), QStringLiteral("-1"));
    QCOMPARE(rec.edits.size(), std::size_t{1});
    QCOMPARE(form.validationMessages(), validate(rec.edits.back().after));
    QCOMPARE(form.validationMessages().size(), 1);
    QVERIFY(label->isVisibleTo(&form));
    QVERIFY(label->text().contains(form.validationMessages().front()));
}

void TestSettingsForm::unusableDeviceIsDisabledWithItsReason()
{
    SettingsForm form;
    form.setDevices({{Device::cpu(), "CPU", 0, DeviceInfo::Status::Usable, {}},
                     {Device::cuda(0), "CUDA", 0, DeviceInfo::Status::NoDriver, "no usable NVIDIA driver"},
                     {Device::cuda(1), "CUDA", 0, DeviceInfo::Status::BuiltWithoutCuda, "GradLab was built without CUDA"}});
    form.setConfig(ExperimentConfig::tutorial(), 1);
    auto* combo = form.findChild<QComboBox*>(QStringLiteral("training.device"));
    QVERIFY(combo);
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    QVERIFY(model);
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("cpu"));
    QVERIFY(model->item(0)->flags() & Qt::ItemIsEnabled);
    QCOMPARE(combo->itemText(1), QStringLiteral("cuda:0 — no driver"));
    QVERIFY(!(model->item(1)->flags() & Qt::ItemIsEnabled));
    QVERIFY(combo->itemData(1, Qt::ToolTipRole).toString().contains(QStringLiteral("driver")));
    QCOMPARE(combo->itemText(2), QStringLiteral("cuda:1 — built without CUDA"));
    QVERIFY(!(model->item(2)->flags() & Qt::ItemIsEnabled));
    QVERIFY(!combo->itemData(2, Qt::ToolTipRole).toString().isEmpty());

    // A project that names the unusable device shows it chosen, and says it cannot be used.
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.device = QStringLiteral("cuda");
    form.setConfig(c, 1);
    QCOMPARE(combo->currentIndex(), 1);
    QVERIFY(form.findChild<QLabel*>(QStringLiteral("validation"))->text().contains(QStringLiteral("cannot be used")));
    // A device this machine does not have at all is shown as such.
    c.training.device = QStringLiteral("cuda:7");
    form.setConfig(c, 1);
    QCOMPARE(combo->count(), 4);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("cuda:7"));
    QVERIFY(!(model->item(3)->flags() & Qt::ItemIsEnabled));
    QCOMPARE(form.config().training.device, QStringLiteral("cuda:7"));
}

void TestSettingsForm::usableCudaDeviceCanBeChosen()
{
    SettingsForm form;
    form.setDevices({{Device::cpu(), "CPU", 0, DeviceInfo::Status::Usable, {}},
                     {Device::cuda(0), "NVIDIA H100", 80ull << 30, DeviceInfo::Status::Usable, {}}});
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    auto* combo = form.findChild<QComboBox*>(QStringLiteral("training.device"));
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    QVERIFY(model->item(1)->flags() & Qt::ItemIsEnabled);
    QCOMPARE(combo->itemText(1), QStringLiteral("cuda:0 — NVIDIA H100"));
    combo->setCurrentIndex(1);
    QCOMPARE(rec.edits.size(), std::size_t{1});
    QCOMPARE(rec.edits.back().key, QStringLiteral("training.device"));
    QCOMPARE(rec.edits.back().after.training.device, QStringLiteral("cuda:0"));
}

void TestSettingsForm::setConfigEmitsNothingAndShowsTheConfig()
{
    SettingsForm form;
    Recorder rec(form);
    std::vector<ExperimentConfig> configs;
    configs.push_back(ExperimentConfig::tutorial());
    ExperimentConfig adam = ExperimentConfig::tutorial();
    adam.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::AdamW);
    adam.optimizer.amsgrad = true;
    adam.loss.type = LossConfig::Type::Huber;
    adam.loss.delta = 0.25;
    adam.training.batchSize = 16;
    adam.training.shuffle = true;
    adam.training.dtype = QStringLiteral("float64");
    configs.push_back(adam);
    ExperimentConfig mlp = ExperimentConfig::tutorial();
    mlp.model.type = ModelConfig::Type::Mlp;
    mlp.model.hidden = {16, 4};
    mlp.model.activation = QStringLiteral("sigmoid");
    mlp.model.init.seed = 9007199254740992ull;
    mlp.model.frozen = {"0.weight"};
    configs.push_back(mlp);
    ExperimentConfig custom = ExperimentConfig::tutorial();
    custom.model.init.scheme = InitConfig::Scheme::Custom;
    custom.model.init.values = {{"a", {0.1}}, {"b", {-0.3}}};
    configs.push_back(custom);
    for (const ExperimentConfig& c : configs) {
        form.setConfig(c, 1);
        QCOMPARE(toJson(form.config()), toJson(c));
    }
    for (const ExperimentConfig& c : configs) {
        form.setMode(SettingsForm::Mode::Paused);
        form.setConfig(c, 1);
        form.setMode(SettingsForm::Mode::Idle);
    }
    QVERIFY(rec.edits.empty());

    form.setConfig(adam, 1);
    QCOMPARE(form.findChild<QComboBox*>(QStringLiteral("optimizer.type"))->currentData().toInt(),
             static_cast<int>(OptimizerConfig::Type::AdamW));
    QCOMPARE(form.findChild<QLineEdit*>(QStringLiteral("optimizer.weight_decay"))->text(), QStringLiteral("0.01"));
    QVERIFY(form.findChild<QCheckBox*>(QStringLiteral("optimizer.amsgrad"))->isChecked());
    QCOMPARE(form.findChild<QLineEdit*>(QStringLiteral("loss.delta"))->text(), QStringLiteral("0.25"));
    QVERIFY(form.findChild<QLineEdit*>(QStringLiteral("loss.delta"))->isVisibleTo(&form));
    QVERIFY(!form.findChild<QLineEdit*>(QStringLiteral("loss.beta"))->isVisibleTo(&form));
    QVERIFY(!form.findChild<QCheckBox*>(QStringLiteral("training.full_batch"))->isChecked());
    QCOMPARE(form.findChild<QSpinBox*>(QStringLiteral("training.batch_size"))->value(), 16);
    QCOMPARE(form.findChild<QComboBox*>(QStringLiteral("training.dtype"))->currentData().toString(), QStringLiteral("float64"));

    form.setConfig(mlp, 1);
    QCOMPARE(form.findChild<QLineEdit*>(QStringLiteral("model.hidden"))->text(), QStringLiteral("16, 4"));
    QCOMPARE(form.findChild<QLineEdit*>(QStringLiteral("model.init.seed"))->text(), QStringLiteral("9007199254740992"));
    QVERIFY(!form.findChild<QCheckBox*>(QStringLiteral("requires_grad.0.weight"))->isChecked());

    form.setConfig(custom, 1);
    auto* table = form.findChild<QTableWidget*>(QStringLiteral("model.init.values"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("0.1"));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("-0.3"));
    QVERIFY(rec.edits.empty());
}

void TestSettingsForm::batchSizeAndEpochs()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    auto* full = form.findChild<QCheckBox*>(QStringLiteral("training.full_batch"));
    auto* size = form.findChild<QSpinBox*>(QStringLiteral("training.batch_size"));
    QVERIFY(full->isChecked());
    QVERIFY(!size->isEnabled());
    full->click();
    QCOMPARE(rec.edits.back().key, QStringLiteral("training.batch_size"));
    QCOMPARE(rec.edits.back().after.training.batchSize, qint64{size->value()});
    QVERIFY(size->isEnabled());
    size->setValue(10);
    QCOMPARE(rec.edits.back().after.training.batchSize, qint64{10});
    full->click();
    QCOMPARE(rec.edits.back().after.training.batchSize, qint64{0});

    auto* epochs = form.findChild<QSpinBox*>(QStringLiteral("training.epochs"));
    QCOMPARE(epochs->value(), 1000);
    epochs->setValue(250);
    QCOMPARE(rec.edits.back().key, QStringLiteral("training.epochs"));
    QCOMPARE(rec.edits.back().after.training.epochs, qint64{250});
    QCOMPARE(rec.edits.back().description, QStringLiteral("Change epochs"));
}

void TestSettingsForm::modelThatDoesNotFitTheDataSaysWhy()
{
    // The a + b·x model reads one feature; with two there are no parameters to list.
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 2);
    QVERIFY(!form.findChild<QCheckBox*>(QStringLiteral("requires_grad.a")));
    auto* label = form.findChild<QLabel*>(QStringLiteral("validation"));
    QVERIFY(label->isVisibleTo(&form));
    QVERIFY2(label->text().contains(QStringLiteral("linear model")), qPrintable(label->text()));
    // validate() knows nothing of the data's width: its list stays empty.
    QVERIFY(form.validationMessages().isEmpty());
    // Choosing the linear model fixes it: a weight of two values and a bias.
    Recorder rec(form);
    choose(form.findChild<QComboBox*>(QStringLiteral("model.type")), static_cast<int>(ModelConfig::Type::Linear));
    QVERIFY(form.findChild<QCheckBox*>(QStringLiteral("requires_grad.weight")));
    QVERIFY(form.findChild<QCheckBox*>(QStringLiteral("requires_grad.bias")));
    QVERIFY(!label->isVisibleTo(&form));
    choose(form.findChild<QComboBox*>(QStringLiteral("model.init.scheme")), static_cast<int>(InitConfig::Scheme::Custom));
    QCOMPARE(rec.edits.back().after.model.init.values.at("weight"), (std::vector<double>{0.0, 0.0}));
    QCOMPARE(rec.edits.back().after.model.init.values.at("bias"), std::vector<double>{0.0});

    // The initialisation seed stops at 2^53, the largest the project file keeps exactly.
    choose(form.findChild<QComboBox*>(QStringLiteral("model.init.scheme")), static_cast<int>(InitConfig::Scheme::Torch));
    const std::size_t before = rec.edits.size();
    typeInto(form.findChild<QLineEdit*>(QStringLiteral("model.init.seed")), QStringLiteral("9007199254740993"));
    QCOMPARE(rec.edits.size(), before);
    QVERIFY(label->text().contains(QStringLiteral("Initialisation seed")));
}

// A project (or --set) with a negative optimizer option: the form names that option and its value,
// not every option that could be negative.
void TestSettingsForm::negativeOptionIsNamedWithItsValue()
{
    SettingsForm form;
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.optimizer.momentum = -1;
    form.setConfig(c, 1);
    QCOMPARE(form.findChild<QLabel*>(QStringLiteral("validation"))->text(), QStringLiteral("• Momentum is -1; it cannot be negative"));
    c.optimizer.momentum = 0.9;
    c.optimizer.weightDecay = -0.001;
    form.setConfig(c, 1);
    QCOMPARE(form.findChild<QLabel*>(QStringLiteral("validation"))->text(), QStringLiteral("• Weight decay is -0.001; it cannot be negative"));
}

void TestSettingsForm::runBlockersListWhatTheFormRefused()
{
    SettingsForm form;
    form.setDevices({{Device::cpu(), "CPU", 0, DeviceInfo::Status::Usable, {}},
                     {Device::cuda(0), "CUDA", 0, DeviceInfo::Status::NoDriver, "no usable NVIDIA driver"}});
    form.setConfig(ExperimentConfig::tutorial(), 1);
    QCOMPARE(form.runBlockers(), QStringList());

    // Refused text: the configuration keeps 0.1, so only the form knows the run must not start.
    typeInto(form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr")), QStringLiteral("abc"));
    QVERIFY(form.config().optimizer.lr == 0.1);
    QVERIFY(validate(form.config()).isEmpty());
    QStringList blockers = form.runBlockers();
    QCOMPARE(blockers.size(), 1);
    QVERIFY2(blockers[0].contains(QStringLiteral("Learning rate")) && blockers[0].contains(QStringLiteral("“abc”")),
             qPrintable(blockers[0]));
    typeInto(form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr")), QStringLiteral("0.05"));
    QCOMPARE(form.runBlockers(), QStringList());

    // An unusable device, with the reason the device list knows.
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.device = QStringLiteral("cuda:0");
    form.setConfig(c, 1);
    blockers = form.runBlockers();
    QCOMPARE(blockers.size(), 1);
    QVERIFY2(blockers[0].startsWith(QStringLiteral("cuda:0 cannot be used: no usable NVIDIA driver")), qPrintable(blockers[0]));
    QVERIFY(form.findChild<QLabel*>(QStringLiteral("validation"))->text().contains(blockers[0]));
    c.training.device = QStringLiteral("cuda:3"); // not on this computer at all
    form.setConfig(c, 1);
    QCOMPARE(form.runBlockers().size(), 1);
    QVERIFY(form.runBlockers()[0].startsWith(QStringLiteral("cuda:3 cannot be used")));

    // Custom initialisation without values for b.
    c = ExperimentConfig::tutorial();
    c.model.init.scheme = InitConfig::Scheme::Custom;
    c.model.init.values["a"] = {0.5};
    form.setConfig(c, 1);
    blockers = form.runBlockers();
    QCOMPARE(blockers.size(), 1);
    QVERIFY2(blockers[0].contains(QStringLiteral("initial values of b")), qPrintable(blockers[0]));
}

void TestSettingsForm::problemsAppearBelowTheFields()
{
    // A message appearing while the user types must not move the fields under the pointer.
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    form.resize(400, 600);
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    auto* lr = form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr"));
    const QPoint before = lr->mapTo(&form, QPoint(0, 0));
    typeInto(lr, QStringLiteral("abc"));
    QApplication::processEvents();
    auto* label = form.findChild<QLabel*>(QStringLiteral("validation"));
    QVERIFY(label->isVisible());
    QCOMPARE(lr->mapTo(&form, QPoint(0, 0)), before);
    QVERIFY(label->geometry().top() >= form.findChild<QScrollArea*>()->geometry().bottom());
}

void TestSettingsForm::wheelOverAnUnfocusedComboScrollsInstead()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    form.show();
    form.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    Recorder rec(form);
    auto* optimizer = form.findChild<QComboBox*>(QStringLiteral("optimizer.type"));
    QVERIFY(optimizer);
    QCOMPARE(optimizer->focusPolicy(), Qt::StrongFocus); // the wheel does not give it the focus
    const auto wheelDown = [](QWidget* target) {
        QWheelEvent wheel(QPointF(5, 5), target->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(target, &wheel);
        return wheel.isAccepted();
    };

    form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr"))->setFocus();
    QVERIFY(!optimizer->hasFocus());
    QVERIFY(!wheelDown(optimizer)); // ignored: it goes on to the scroll area
    QVERIFY(rec.edits.empty());
    QCOMPARE(form.config().optimizer.type, OptimizerConfig::Type::Sgd);
    QCOMPARE(form.config().optimizer.lr, 0.1);
    auto* epochs = form.findChild<QSpinBox*>(QStringLiteral("training.epochs"));
    QVERIFY(!wheelDown(epochs));
    QVERIFY(rec.edits.empty());

    // Once the user has clicked or tabbed into it, the wheel changes it as usual.
    optimizer->setFocus();
    QVERIFY(optimizer->hasFocus());
    wheelDown(optimizer);
    QCOMPARE(rec.edits.size(), std::size_t{1});
    QCOMPARE(rec.edits.back().after.optimizer.type, OptimizerConfig::Type::Adam);
}

void TestSettingsForm::everyVisibleFieldHasATooltip_data()
{
    QTest::addColumn<int>("optimizer");
    QTest::addColumn<int>("model");
    QTest::addColumn<int>("loss");
    QTest::addColumn<int>("scheme");
    using O = OptimizerConfig::Type;
    using M = ModelConfig::Type;
    using L = LossConfig::Type;
    using S = InitConfig::Scheme;
    QTest::newRow("SGD, a + b·x, MSE") << int(O::Sgd) << int(M::ScalarLinear) << int(L::Mse) << int(S::Torch);
    QTest::newRow("Adam, polynomial, Huber") << int(O::Adam) << int(M::Polynomial) << int(L::Huber) << int(S::Custom);
    QTest::newRow("AdamW, MLP, Smooth L1") << int(O::AdamW) << int(M::Mlp) << int(L::SmoothL1) << int(S::Torch);
    QTest::newRow("RMSprop, linear, L1") << int(O::RmsProp) << int(M::Linear) << int(L::L1) << int(S::Zeros);
    QTest::newRow("Adagrad, MLP, MSE, custom") << int(O::Adagrad) << int(M::Mlp) << int(L::Mse) << int(S::Custom);
}

// Each option says what it does: every field shown (and its label) has a tooltip.
void TestSettingsForm::everyVisibleFieldHasATooltip()
{
    QFETCH(int, optimizer);
    QFETCH(int, model);
    QFETCH(int, loss);
    QFETCH(int, scheme);
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.optimizer = OptimizerConfig::defaults(static_cast<OptimizerConfig::Type>(optimizer));
    c.model.type = static_cast<ModelConfig::Type>(model);
    c.model.hidden = {4};
    c.loss.type = static_cast<LossConfig::Type>(loss);
    c.model.init.scheme = static_cast<InitConfig::Scheme>(scheme);
    SettingsForm form;
    form.setConfig(c, 1);
    int checked = 0;
    for (QWidget* w : form.findChildren<QWidget*>()) {
        const bool field = qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w)
                           || qobject_cast<QCheckBox*>(w) || qobject_cast<QTableWidget*>(w);
        // A spin box's own line edit is part of the spin box.
        if (!field || !w->isVisibleTo(&form) || qobject_cast<QAbstractSpinBox*>(w->parentWidget()))
            continue;
        ++checked;
        QVERIFY2(!w->toolTip().trimmed().isEmpty(), qPrintable(w->objectName()));
    }
    QVERIFY(checked >= 15);
    // The labels say it too.
    for (const char* name : {"optimizer.lr", "optimizer.eps", "training.epochs", "training.dtype", "model.type"}) {
        auto* field = form.findChild<QWidget*>(QLatin1String(name));
        if (!field->isVisibleTo(&form))
            continue;
        const QList<QLabel*> labels = form.findChildren<QLabel*>();
        const bool labelled = std::any_of(labels.begin(), labels.end(), [field](QLabel* l) {
            return l->buddy() == field && l->toolTip() == field->toolTip();
        });
        QVERIFY2(labelled, name);
    }
}

// What differs between the optimizers is said for the one shown (torch.optim's defaults).
void TestSettingsForm::tooltipsGiveEachOptimizersDefaults()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    auto* type = form.findChild<QComboBox*>(QStringLiteral("optimizer.type"));
    auto tip = [&form](const char* name) { return form.findChild<QWidget*>(QLatin1String(name))->toolTip(); };
    using T = OptimizerConfig::Type;
    // torch 1.13's SGD has no default lr: the help says so rather than name one.
    QVERIFY(tip("optimizer.lr").contains(QLatin1String("requires")));
    QVERIFY(!tip("optimizer.lr").contains(QLatin1String("0.001")));
    choose(type, int(T::Adam));
    QVERIFY(tip("optimizer.eps").contains(QLatin1String("1e-8")));
    QVERIFY(tip("optimizer.lr").contains(QLatin1String("0.001")));
    QVERIFY(tip("optimizer.betas.0").contains(QLatin1String("0.9, 0.999")));
    QVERIFY(tip("optimizer.weight_decay").contains(QLatin1String("L2")));
    choose(type, int(T::AdamW));
    QVERIFY(tip("optimizer.weight_decay").contains(QLatin1String("decoupled")));
    QVERIFY(tip("optimizer.weight_decay").contains(QLatin1String("0.01")));
    choose(type, int(T::Adagrad));
    QVERIFY(tip("optimizer.eps").contains(QLatin1String("1e-10")));
    QVERIFY(tip("optimizer.lr").contains(QLatin1String("0.01")));
    choose(type, int(T::RmsProp));
    QVERIFY(tip("optimizer.alpha").contains(QLatin1String("0.99")));
    QVERIFY(tip("optimizer.momentum").contains(QLatin1String("eps")));
}

// A refused text says why in the tooltip; once fixed, the field's help is back.
void TestSettingsForm::refusedTextShowsItsProblemAndKeepsTheHelp()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    auto* lr = form.findChild<QLineEdit*>(QStringLiteral("optimizer.lr"));
    const QString help = lr->toolTip();
    QVERIFY(!help.isEmpty());
    typeInto(lr, QStringLiteral("abc"));
    QVERIFY2(lr->toolTip().contains(QStringLiteral("“abc”")), qPrintable(lr->toolTip()));
    QVERIFY(lr->toolTip().contains(help));
    typeInto(lr, QStringLiteral("0.05"));
    QCOMPARE(lr->toolTip(), help);
}

// The "requires grad" boxes, made when the model changes, come in the Tab order where they are
// shown: after the initialisation, before the loss.
void TestSettingsForm::requiresGradFollowsTheInitialisationInTabOrder()
{
    SettingsForm form;
    form.resize(500, 2000);
    form.setConfig(ExperimentConfig::tutorial(), 1);
    form.show();
    QVERIFY(QTest::qWaitForWindowActive(&form));
    auto tabFrom = [](QWidget* from) {
        from->setFocus(Qt::TabFocusReason);
        QTest::keyClick(from, Qt::Key_Tab);
        return QApplication::focusWidget();
    };
    auto* seed = form.findChild<QWidget*>(QStringLiteral("model.init.seed"));
    QCOMPARE(tabFrom(seed), form.findChild<QWidget*>(QStringLiteral("requires_grad.a")));
    QCOMPARE(tabFrom(form.findChild<QWidget*>(QStringLiteral("requires_grad.a"))),
             form.findChild<QWidget*>(QStringLiteral("requires_grad.b")));
    QCOMPARE(tabFrom(form.findChild<QWidget*>(QStringLiteral("requires_grad.b"))),
             form.findChild<QWidget*>(QStringLiteral("loss.type")));

    // A new model's boxes too, after the values table that custom values show.
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.type = ModelConfig::Type::Mlp;
    c.model.hidden = {3};
    c.model.init.scheme = InitConfig::Scheme::Custom;
    form.setConfig(c, 1);
    QCoreApplication::processEvents(); // widgets added to a shown form appear with a queued call
    const QStringList names = parameterNames(c.model, 1);
    QWidget* at = form.findChild<QWidget*>(QStringLiteral("model.init.values"));
    for (const QString& name : names) {
        at = tabFrom(at);
        QCOMPARE(at, form.findChild<QWidget*>(QStringLiteral("requires_grad.") + name));
    }
    QCOMPARE(tabFrom(at), form.findChild<QWidget*>(QStringLiteral("loss.type")));
}

void TestSettingsForm::tabLeavesTheInitialValuesTable()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.model.init.scheme = InitConfig::Scheme::Custom;
    QWidget window;
    auto* form = new SettingsForm;
    form->setConfig(c, 1);
    gradlab::testing::verifyTabLeaves(window, form, form->findChild<QAbstractItemView*>(QStringLiteral("model.init.values")));
}

QTEST_MAIN(TestSettingsForm)
#include "tst_settings_form.moc"

// The tutorial's section 2.3 lesson: unticking "zero the gradients" is one undoable edit, and a
// configuration without it shows the box unticked.
void TestSettingsForm::zeroGradIsOneEdit()
{
    SettingsForm form;
    form.setConfig(ExperimentConfig::tutorial(), 1);
    Recorder rec(form);
    auto* box = form.findChild<QCheckBox*>(QStringLiteral("training.zero_grad"));
    QVERIFY(box);
    QVERIFY(box->isChecked());
    QVERIFY(!box->toolTip().isEmpty());
    box->click();
    QCOMPARE(rec.edits.size(), std::size_t{1});
    QCOMPARE(rec.edits.back().key, QStringLiteral("training.zero_grad"));
    QVERIFY(!rec.edits.back().after.training.zeroGrad);
    ExperimentConfig clingy = ExperimentConfig::tutorial();
    clingy.training.zeroGrad = false;
    form.setConfig(clingy, 1);
    QVERIFY(!box->isChecked());
    QCOMPARE(rec.edits.size(), std::size_t{1}); // showing a configuration is no edit
}

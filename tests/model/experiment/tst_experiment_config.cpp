// ExperimentConfig's JSON form is the contract of the project file and of gradlab-cli --set: it
// must round-trip exactly, name the field of every problem, and refuse what cannot run.
#include "experiment/experiment_config.h"
#include "experiment/experiment_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace gradlab::experiment;

namespace {

QByteArray bytes(const ExperimentConfig& c) { return QJsonDocument(toJson(c)).toJson(QJsonDocument::Indented); }

QJsonObject withField(QJsonObject root, const QStringList& path, const QJsonValue& value)
{
    if (path.size() == 1) {
        if (value.isUndefined())
            root.remove(path.first());
        else
            root.insert(path.first(), value);
        return root;
    }
    root.insert(path.first(), withField(root.value(path.first()).toObject(), path.mid(1), value));
    return root;
}

} // namespace

class TestExperimentConfig : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreTheTutorial();
    void jsonRoundTripIsExact_data();
    void jsonRoundTripIsExact();
    void oneFeaturesWeightSurvivesSaveAndLoad();
    void trueLineIsTheOneTheDataWasDrawnAbout();
    void csvDecimalSeparatorIsAutoUnlessSet();
    void malformedFieldsAreNamed_data();
    void malformedFieldsAreNamed();
    void newerVersionIsRefusedWithItsNumber();
    void settingsChangeOneField_data();
    void settingsChangeOneField();
    void badSettingsNameTheKeyAndChangeNothing_data();
    void badSettingsNameTheKeyAndChangeNothing();
    void optionsLeftOutTakeTorchDefaults();
    void impossibleValuesCannotStartARun_data();
    void impossibleValuesCannotStartARun();
    void customInitialValuesMustFitTheDtype();
};

void TestExperimentConfig::defaultsAreTheTutorial()
{
    const ExperimentConfig c = ExperimentConfig::tutorial();
    QCOMPARE(c.dataset.source, DatasetConfig::Source::Generated);
    QCOMPARE(c.dataset.generator.seed, 42u);
    QCOMPARE(c.dataset.generator.n, 100);
    QCOMPARE(c.dataset.generator.a, 1.0);
    QCOMPARE(c.dataset.generator.b, 2.0);
    QCOMPARE(c.dataset.generator.noise, 0.1);
    QCOMPARE(c.dataset.split.trainFraction, 0.8);
    QCOMPARE(c.model.type, ModelConfig::Type::ScalarLinear);
    QCOMPARE(c.model.init.scheme, InitConfig::Scheme::Torch);
    QCOMPARE(c.model.init.seed, 42u);
    QCOMPARE(c.loss.type, LossConfig::Type::Mse);
    QCOMPARE(c.loss.reduction, LossConfig::Reduction::Mean);
    QCOMPARE(c.optimizer.type, OptimizerConfig::Type::Sgd);
    QCOMPARE(c.optimizer.lr, 0.1);
    QCOMPARE(c.training.epochs, 1000);
    QCOMPARE(c.training.batchSize, 0);
    QCOMPARE(c.training.device, QStringLiteral("cpu"));
    QCOMPARE(c.training.dtype, QStringLiteral("float32"));
    QVERIFY(c.training.zeroGrad);
    QVERIFY(validate(c).isEmpty());
    // Written only when off: a project that keeps the tutorial's zero_grad opens in older versions.
    QVERIFY(!toJson(c)["training"].toObject().contains(QLatin1String("zero_grad")));
    ExperimentConfig clingy = c;
    QString error;
    QVERIFY(applySetting(clingy, QStringLiteral("training.zero_grad"), QStringLiteral("false"), &error));
    QCOMPARE(toJson(clingy)["training"].toObject()["zero_grad"], QJsonValue(false));
    QVERIFY(!fromJson(toJson(clingy), &error)->training.zeroGrad);
}

void TestExperimentConfig::jsonRoundTripIsExact_data()
{
    QTest::addColumn<QStringList>("settings");
    QTest::newRow("tutorial") << QStringList{};
    QTest::newRow("adam") << QStringList{"optimizer.type=adam", "optimizer.betas=[0.8,0.99]", "optimizer.lr=0.012345678901234567"};
    QTest::newRow("rmsprop centered") << QStringList{"optimizer.type=rmsprop", "optimizer.centered=true", "optimizer.momentum=0.5"};
    QTest::newRow("mlp") << QStringList{"model.type=mlp", "model.hidden=[16,8]", "model.activation=relu", "loss.type=huber", "loss.delta=0.25"};
    QTest::newRow("csv") << QStringList{"dataset.source=csv", "dataset.csv.path=\"data/my data.csv\"", "dataset.csv.features=[\"x 1\",\"x,2\"]",
                                        "dataset.csv.target=\"y \\\"quoted\\\"\"", "dataset.csv.header=true", "dataset.csv.delimiter=\";\"",
                                        "dataset.csv.decimal=\",\""};
    QTest::newRow("custom init and frozen") << QStringList{"model.init.scheme=custom", "model.init.values={\"a\":0.5,\"b\":[1e-300]}",
                                                           "model.frozen=[\"a\"]", "training.dtype=float64", "training.batch_size=16"};
    QTest::newRow("gradients add up") << QStringList{"training.zero_grad=false"};
}

void TestExperimentConfig::jsonRoundTripIsExact()
{
    QFETCH(QStringList, settings);
    ExperimentConfig c;
    for (const QString& s : settings) {
        QString error;
        const qsizetype eq = s.indexOf(QLatin1Char('='));
        QVERIFY2(applySetting(c, s.left(eq), s.mid(eq + 1), &error), qPrintable(s + ": " + error));
    }
    const QByteArray first = bytes(c);
    QString error;
    const auto back = fromJson(QJsonDocument::fromJson(first).object(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(bytes(*back), first); // save, load, save: identical bytes
}

void TestExperimentConfig::oneFeaturesWeightSurvivesSaveAndLoad()
{
    // With one feature a weight replaces b in the generator, so it must be saved like any weight.
    ExperimentConfig c;
    c.dataset.generator.weights = {5.0};
    QString error;
    const auto back = fromJson(QJsonDocument::fromJson(bytes(c)).object(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->dataset.generator.weights, std::vector<double>{5.0});
    QCOMPARE(bytes(*back), bytes(c));
    const auto saved = loadExperimentData(c, &error);
    QVERIFY2(saved, qPrintable(error));
    const auto loaded = loadExperimentData(*back, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->all.x, saved->all.x);
    QCOMPARE(loaded->all.y, saved->all.y);
    // The same draws as the tutorial (b = 2) with slope 5: y - 5x is the tutorial's y - 2x.
    const auto tutorial = loadExperimentData(ExperimentConfig::tutorial(), &error);
    QVERIFY2(tutorial, qPrintable(error));
    QCOMPARE(loaded->all.x, tutorial->all.x);
    for (std::size_t i = 0; i < loaded->all.y.size(); ++i)
        QVERIFY(std::abs((loaded->all.y[i] - 5 * loaded->all.x[i]) - (tutorial->all.y[i] - 2 * tutorial->all.x[i])) < 1e-12);
    // Without weights (the tutorial) the field stays out, so older files keep their bytes.
    QVERIFY(!bytes(ExperimentConfig::tutorial()).contains("\"weights\""));
}

void TestExperimentConfig::trueLineIsTheOneTheDataWasDrawnAbout()
{
    // The tutorial's y = 1 + 2x.
    const auto tutorial = trueLine(ExperimentConfig::tutorial());
    QVERIFY(tutorial);
    QCOMPARE(tutorial->intercept, 1.0);
    QCOMPARE(tutorial->slope, 2.0);

    // One feature with weights [3]: the generator draws slope 3, not b = 2. Without noise every
    // generated point lies on the line.
    ExperimentConfig c;
    c.dataset.generator.a = -0.5;
    c.dataset.generator.weights = {3.0};
    c.dataset.generator.noise = 0.0;
    const auto line = trueLine(c);
    QVERIFY(line);
    QCOMPARE(line->intercept, -0.5);
    QCOMPARE(line->slope, 3.0);
    QString error;
    const auto data = loadExperimentData(c, &error);
    QVERIFY2(data, qPrintable(error));
    for (std::size_t i = 0; i < data->all.y.size(); ++i)
        QCOMPARE(data->all.y[i], line->intercept + line->slope * data->all.x[i]);

    // No line: several features, weights the generator refuses, a CSV.
    ExperimentConfig several;
    several.dataset.generator.features = 2;
    several.dataset.generator.weights = {1.0, 2.0};
    QVERIFY(!trueLine(several));
    ExperimentConfig refused;
    refused.dataset.generator.weights = {1.0, 2.0};
    QVERIFY(!trueLine(refused));
    ExperimentConfig csv;
    csv.dataset.source = DatasetConfig::Source::Csv;
    QVERIFY(!trueLine(csv));
}

void TestExperimentConfig::csvDecimalSeparatorIsAutoUnlessSet()
{
    ExperimentConfig c;
    QString error;
    QVERIFY2(applySetting(c, QStringLiteral("dataset.source"), QStringLiteral("csv"), &error), qPrintable(error));
    QVERIFY2(applySetting(c, QStringLiteral("dataset.csv.path"), QStringLiteral("\"d.csv\""), &error), qPrintable(error));
    QCOMPARE(c.dataset.csv.decimal, CsvConfig::Decimal::Auto);
    QJsonObject json = toJson(c);
    // Automatic is not written, so that such a project still opens in versions without the key.
    QVERIFY(!json.value("dataset").toObject().value("csv").toObject().contains("decimal"));
    for (const auto& [text, decimal] : {std::pair{",", CsvConfig::Decimal::Comma}, std::pair{".", CsvConfig::Decimal::Point}}) {
        ExperimentConfig set = c;
        QVERIFY2(applySetting(set, QStringLiteral("dataset.csv.decimal"), QStringLiteral("\"%1\"").arg(QLatin1String(text)), &error),
                 qPrintable(error));
        QCOMPARE(set.dataset.csv.decimal, decimal);
        const auto back = fromJson(toJson(set), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->dataset.csv.decimal, decimal);
        QCOMPARE(toJson(set).value("dataset").toObject().value("csv").toObject().value("decimal").toString(), QLatin1String(text));
        QCOMPARE(decimalSeparator(decimal), std::optional<char>(text[0]));
    }
    QCOMPARE(decimalSeparator(CsvConfig::Decimal::Auto), std::optional<char>());
    // A project written before the key existed detects the separator.
    const QJsonObject old = json;
    const auto oldBack = fromJson(old, &error);
    QVERIFY2(oldBack, qPrintable(error));
    QCOMPARE(oldBack->dataset.csv.decimal, CsvConfig::Decimal::Auto);
    ExperimentConfig bad = c;
    QVERIFY(!applySetting(bad, QStringLiteral("dataset.csv.decimal"), QStringLiteral("\";\""), &error));
    QVERIFY2(error.contains(QLatin1String("expected \"auto\", \".\" or \",\"")), qPrintable(error));
    QCOMPARE(bad.dataset.csv.decimal, CsvConfig::Decimal::Auto);
}

void TestExperimentConfig::malformedFieldsAreNamed_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    auto row = [](const char* name, QStringList path, QJsonValue v, const char* expected) {
        QTest::newRow(name) << path << v << QString::fromLatin1(expected);
    };
    row("wrong type", {"optimizer", "lr"}, QJsonValue("fast"), "optimizer.lr: expected a number, got \"fast\"");
    row("unknown enum", {"loss", "type"}, QJsonValue("hinge"), "loss.type: unknown value \"hinge\"");
    row("missing required section", {"model"}, QJsonValue(QJsonValue::Undefined), "model: missing required field");
    row("missing type", {"optimizer", "type"}, QJsonValue(QJsonValue::Undefined), "optimizer.type: missing required field");
    row("unknown field", {"training", "epoch"}, QJsonValue(5), "training.epoch: unknown field");
    row("option of another optimizer", {"optimizer", "betas"}, QJsonValue(QJsonArray{0.9, 0.99}), "optimizer.betas: unknown field");
    row("fractional epochs", {"training", "epochs"}, QJsonValue(10.5), "training.epochs: expected a whole number");
    row("negative seed", {"dataset", "split", "seed"}, QJsonValue(-1), "dataset.split.seed: expected a whole number");
    row("bad device", {"training", "device"}, QJsonValue("tpu"), "training.device: unknown device \"tpu\"");
    row("bad dtype", {"training", "dtype"}, QJsonValue("float16"), "training.dtype: unknown value \"float16\"");
    row("not json format", {"format"}, QJsonValue("something-else"), "format: this is not a GradLab project");
    row("array of strings", {"model", "frozen"}, QJsonValue(QJsonArray{1}), "model.frozen: expected an array of strings");
    row("nested wrong type", {"dataset", "generator"}, QJsonValue(3), "dataset.generator: expected an object, got a number");
}

void TestExperimentConfig::malformedFieldsAreNamed()
{
    QFETCH(QStringList, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const QJsonObject json = withField(toJson(ExperimentConfig::tutorial()), path, value);
    QString error;
    QVERIFY(!fromJson(json, &error));
    QVERIFY2(error.startsWith(expected), qPrintable(error));
}

void TestExperimentConfig::newerVersionIsRefusedWithItsNumber()
{
    QJsonObject json = toJson(ExperimentConfig::tutorial());
    json.insert(QStringLiteral("version"), 7);
    QString error;
    QVERIFY(!fromJson(json, &error));
    QVERIFY2(error.contains(QLatin1String("newer GradLab")) && error.contains(QLatin1String("version 7")), qPrintable(error));
}

void TestExperimentConfig::settingsChangeOneField_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("number") << "optimizer.lr" << "0.05";
    QTest::newRow("bare word") << "optimizer.type" << "adam";
    QTest::newRow("array") << "model.frozen" << "[\"a\"]";
    QTest::newRow("bool") << "dataset.split.shuffle" << "false";
}

void TestExperimentConfig::settingsChangeOneField()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    ExperimentConfig c;
    QString error;
    QVERIFY2(applySetting(c, key, value, &error), qPrintable(error));
    if (key == QLatin1String("optimizer.lr"))
        QCOMPARE(c.optimizer.lr, 0.05);
    if (key == QLatin1String("optimizer.type")) {
        QCOMPARE(c.optimizer.type, OptimizerConfig::Type::Adam);
        QCOMPARE(c.optimizer.lr, 1e-3); // Adam's own default, not SGD's lr
    }
    if (key == QLatin1String("model.frozen"))
        QCOMPARE(c.model.frozen, QStringList{"a"});
    if (key == QLatin1String("dataset.split.shuffle"))
        QCOMPARE(c.dataset.split.shuffle, false);
    // Nothing else moved.
    ExperimentConfig expected;
    QVERIFY(applySetting(expected, key, value, &error));
    QCOMPARE(bytes(c), bytes(expected));
}

void TestExperimentConfig::badSettingsNameTheKeyAndChangeNothing_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown key") << "optimizer.learning_rate" << "0.1" << "optimizer.learning_rate: unknown field";
    QTest::newRow("unknown section") << "trainer.epochs" << "5" << "trainer: unknown field";
    QTest::newRow("bad value") << "training.epochs" << "many" << "training.epochs: expected a number, got \"many\"";
    QTest::newRow("not a number") << "optimizer.lr" << "NaN" << "optimizer.lr: expected a finite number, got NaN";
    QTest::newRow("infinite") << "optimizer.lr" << "-inf" << "optimizer.lr: expected a finite number, got -inf";
    QTest::newRow("bad enum") << "optimizer.type" << "lbfgs" << "optimizer.type: unknown value \"lbfgs\"";
    QTest::newRow("betas of sgd") << "optimizer.betas" << "[0.8,0.9]" << "optimizer.betas: unknown field";
    QTest::newRow("three betas") << "optimizer.type" << "adam" << "";
    QTest::newRow("version") << "version" << "2" << "version: not a setting";
    QTest::newRow("into a number") << "optimizer.lr.x" << "1" << "optimizer.lr: not an object";
}

void TestExperimentConfig::badSettingsNameTheKeyAndChangeNothing()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    ExperimentConfig c;
    const QByteArray before = bytes(c);
    QString error;
    const bool ok = applySetting(c, key, value, &error);
    if (expected.isEmpty()) { // a valid setting in this table: the next one must then fail
        QVERIFY(ok);
        QVERIFY(!applySetting(c, QStringLiteral("optimizer.betas"), QStringLiteral("[0.1,0.2,0.3]"), &error));
        QVERIFY2(error.startsWith(QLatin1String("optimizer.betas: expected two numbers")), qPrintable(error));
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(error.startsWith(expected), qPrintable(error));
    QCOMPARE(bytes(c), before);
}

void TestExperimentConfig::optionsLeftOutTakeTorchDefaults()
{
    QJsonObject json = toJson(ExperimentConfig::tutorial());
    json.insert(QStringLiteral("optimizer"), QJsonObject{{"type", "adagrad"}});
    QString error;
    auto c = fromJson(json, &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->optimizer.lr, 1e-2);
    QCOMPARE(c->optimizer.eps, 1e-10);
    QCOMPARE(c->optimizer.lrDecay, 0.0);
    json.insert(QStringLiteral("optimizer"), QJsonObject{{"type", "adamw"}});
    c = fromJson(json, &error);
    QVERIFY(c);
    QCOMPARE(c->optimizer.weightDecay, 1e-2);
    QCOMPARE(c->optimizer.beta2, 0.999);
}

void TestExperimentConfig::impossibleValuesCannotStartARun_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("message");
    const QString lr = QStringLiteral("The learning rate must be greater than 0");
    const QString fraction = QStringLiteral("The train fraction must be between 0 and 1 (exclusive)");
    QTest::newRow("lr 0") << "optimizer.lr" << "0" << "optimizer.lr" << lr;
    QTest::newRow("lr negative") << "optimizer.lr" << "-0.1" << "optimizer.lr" << lr;
    QTest::newRow("epochs 0") << "training.epochs" << "0" << "training.epochs" << "At least one epoch is needed";
    QTest::newRow("fraction 1") << "dataset.split.train_fraction" << "1" << "dataset.split.train_fraction" << fraction;
    QTest::newRow("fraction 0") << "dataset.split.train_fraction" << "0" << "dataset.split.train_fraction" << fraction;
    QTest::newRow("csv without target") << "dataset.source" << "csv" << "dataset.csv.target" << "No target column is chosen";
    // The option that is negative, by its name, not every option that could be.
    QTest::newRow("negative momentum") << "optimizer.momentum" << "-0.5" << "optimizer.momentum" << "Momentum is -0.5; it cannot be negative";
    QTest::newRow("negative lr decay") << "optimizer" << R"({"type": "adagrad", "lr": 0.1, "lr_decay": -1})" << "optimizer.lr_decay"
                                       << "Learning rate decay is -1; it cannot be negative";
    QTest::newRow("negative dampening") << "optimizer.dampening" << "-0.125" << "optimizer.dampening"
                                        << "Dampening is -0.125; it cannot be negative";
    QTest::newRow("negative weight decay") << "optimizer.weight_decay" << "-1e-05" << "optimizer.weight_decay"
                                           << "Weight decay is -1e-05; it cannot be negative";
    QTest::newRow("negative eps") << "optimizer" << R"({"type": "adam", "lr": 0.1, "eps": -1e-8})" << "optimizer.eps"
                                  << "Eps is -1e-08; it cannot be negative";
    QTest::newRow("negative initial accumulator")
        << "optimizer" << R"({"type": "adagrad", "lr": 0.1, "initial_accumulator_value": -0.3})" << "optimizer.initial_accumulator_value"
        << "The initial accumulator value is -0.3; it cannot be negative";
    // QA v14: RMSprop's alpha passed the form and failed the run with the engine's English message.
    QTest::newRow("negative alpha") << "optimizer" << R"({"type": "rmsprop", "lr": 0.01, "alpha": -0.99})" << "optimizer.alpha"
                                    << "Alpha is -0.99; it cannot be negative";
    QTest::newRow("beta out of range") << "optimizer" << R"({"type": "adam", "lr": 0.1, "betas": [0.9, -0.5]})" << "optimizer.betas"
                                       << "The betas are 0.9 and -0.5; both must be in [0, 1)";
    QTest::newRow("initial value beyond float32")
        << "model.init" << R"({"scheme": "custom", "values": {"a": 1e39, "b": 0}})" << "model.init.values.a"
        << "The initial value of a, 1e+39, does not fit in float32 (whose largest magnitude is about 3.4e+38)";
    QTest::newRow("x min > x max") << "dataset.generator.x_min" << "5" << "dataset.generator.x_min"
                                   << "x min must be less than x max";
}

void TestExperimentConfig::impossibleValuesCannotStartARun()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    ExperimentConfig c;
    QString error;
    QVERIFY2(applySetting(c, key, value, &error), qPrintable(error));
    QFETCH(QString, message);
    // The message speaks as the form does; the key names the field for the command line.
    const QList<ConfigProblem> problems = configProblems(c);
    const bool found = std::any_of(problems.begin(), problems.end(),
                                   [&](const ConfigProblem& p) { return p.key == expected && p.message == message; });
    QVERIFY2(found, qPrintable(validate(c).join('\n')));
    QCOMPARE(validate(c).size(), problems.size());
    QVERIFY(validate(c).contains(message));
}

// A custom start beyond float32 would begin as inf; float64 holds it. A value that is not a number
// at all (from code; JSON has none) is refused too.
void TestExperimentConfig::customInitialValuesMustFitTheDtype()
{
    ExperimentConfig c;
    c.model.init.scheme = InitConfig::Scheme::Custom;
    c.model.init.values = {{QStringLiteral("a"), {-3.5e38}}, {QStringLiteral("b"), {3.4e38}}};
    QList<ConfigProblem> problems = configProblems(c);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().key, QStringLiteral("model.init.values.a"));
    QVERIFY2(problems.first().message.contains(QLatin1String("-3.5e+38, does not fit in float32")), qPrintable(problems.first().message));
    c.training.dtype = QStringLiteral("float64");
    QVERIFY(configProblems(c).isEmpty());
    c.model.init.values[QStringLiteral("b")] = {std::numeric_limits<double>::infinity()};
    problems = configProblems(c);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().key, QStringLiteral("model.init.values.b"));
    QCOMPARE(problems.first().message, QStringLiteral("The initial value of b must be a finite number, not inf"));
    // The torch scheme does not use the values.
    c.model.init.scheme = InitConfig::Scheme::Torch;
    QVERIFY(configProblems(c).isEmpty());
}

QTEST_APPLESS_MAIN(TestExperimentConfig)
#include "tst_experiment_config.moc"

// Every optimizer and loss of the PyTorch fixtures (tests/model/engine/fixtures), configured
// through ExperimentConfig's JSON form and run by the Trainer on the tutorial's generated data:
// the experiment layer must add nothing and lose nothing on the way to the engine.
#include "experiment/experiment_data.h"
#include "experiment/trainer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gradlab::experiment;

namespace {

QJsonArray records()
{
    QFile f(QStringLiteral(GRADLAB_TEST_FIXTURES_DIR "/torch_reference.json"));
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()["training"].toArray() : QJsonArray();
}

bool near(double a, double b, double rel, double abs = 0.0) { return std::abs(a - b) <= abs + rel * std::abs(b); }

// The record's configuration, set through the same JSON keys as a project file or --set.
ExperimentConfig configFor(const QJsonObject& rec, const QString& dtype)
{
    ExperimentConfig c;
    QString error;
    QJsonObject loss;
    const QJsonObject recLoss = rec["loss"].toObject();
    for (auto it = recLoss.begin(); it != recLoss.end(); ++it)
        if (!it.value().isNull())
            loss.insert(it.key(), it.value());
    const auto set = [&](const QString& key, const QJsonValue& v) {
        const QByteArray text = v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        if (!applySetting(c, key, QString::fromUtf8(text), &error))
            qFatal("%s: %s", qPrintable(key), qPrintable(error));
    };
    set(QStringLiteral("optimizer"), rec["optimizer"]);
    set(QStringLiteral("loss"), loss);
    set(QStringLiteral("training.epochs"), rec["epochs"]);
    set(QStringLiteral("training.dtype"), dtype);
    set(QStringLiteral("model.init.seed"), rec["init_seed"]);
    return c;
}

} // namespace

class TestTrainerFixtures : public QObject {
    Q_OBJECT

private slots:
    void everyOptimizerAndLossMatchesPyTorch_data();
    void everyOptimizerAndLossMatchesPyTorch();
};

void TestTrainerFixtures::everyOptimizerAndLossMatchesPyTorch_data()
{
    QTest::addColumn<QJsonObject>("record");
    const QJsonArray all = records();
    QVERIFY(all.size() >= 20);
    for (const QJsonValue v : all)
        QTest::newRow(qPrintable(v["name"].toString())) << v.toObject();
}

void TestTrainerFixtures::everyOptimizerAndLossMatchesPyTorch()
{
    QFETCH(QJsonObject, record);
    const QString dtype = record["dtype"].toString();
    const ExperimentConfig c = configFor(record, dtype);
    QString error;
    const auto data = loadExperimentData(c, &error);
    QVERIFY2(data, qPrintable(error));

    // After one step: PyTorch's values (a chaotic run agrees this far too).
    Trainer first(c, data->train, data->val);
    first.step();
    const double tol1 = dtype == QLatin1String("float64") ? 1e-12 : 1e-6;
    QVERIFY2(near(first.parameterValues()[0], record["a_after_1"].toDouble(), tol1, 1e-7), qPrintable(record["name"].toString()));
    QVERIFY2(near(first.parameterValues()[1], record["b_after_1"].toDouble(), tol1, 1e-7), qPrintable(record["name"].toString()));

    // The whole run, where PyTorch itself is not sensitive to rounding (see the fixture script).
    if (!record["sensitive"].toBool()) {
        Trainer t(c, data->train, data->val);
        t.run({}, {});
        const double tol = dtype == QLatin1String("float64") ? 1e-9 : 1e-5;
        QVERIFY2(near(t.parameterValues()[0], record["a"].toDouble(), tol, tol), qPrintable(QString::number(t.parameterValues()[0], 'g', 17)));
        QVERIFY2(near(t.parameterValues()[1], record["b"].toDouble(), tol, tol), qPrintable(QString::number(t.parameterValues()[1], 'g', 17)));
        QVERIFY(near(t.evaluate(true), record["val_loss"].toDouble(), tol));
    }
    // The float64 twin of a float32 record.
    const QJsonObject twin = record["float64"].toObject();
    if (dtype == QLatin1String("float32") && !twin.isEmpty() && !twin["sensitive"].toBool()) {
        Trainer t(configFor(record, QStringLiteral("float64")), data->train, data->val);
        t.run({}, {});
        QVERIFY(near(t.parameterValues()[0], twin["a"].toDouble(), 1e-9, 1e-12));
        QVERIFY(near(t.parameterValues()[1], twin["b"].toDouble(), 1e-9, 1e-12));
    }
}

QTEST_APPLESS_MAIN(TestTrainerFixtures)
#include "tst_trainer_fixtures.moc"

// The trainer runs the tutorial's make_train_step loop for a configuration: the tutorial's
// numbers from its default configuration, deterministic runs, mini-batches, divergence, stopping.
#include "experiment/experiment_data.h"
#include "experiment/history.h"
#include "experiment/trainer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gradlab;
using namespace gradlab::experiment;

namespace {

QJsonObject expected()
{
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/tutorial_expected.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

std::vector<std::int64_t> indices(const QJsonArray& a)
{
    std::vector<std::int64_t> out;
    for (const QJsonValue v : a)
        out.push_back(v.toInteger());
    return out;
}

ExperimentData tutorialData(const ExperimentConfig& c)
{
    QString error;
    auto d = loadExperimentData(c, &error);
    if (!d)
        qFatal("%s", qPrintable(error));
    return *d;
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private slots:
    void tutorialDataAndSplitAreTheTutorials();
    void defaultConfigurationReproducesPyTorch_data();
    void defaultConfigurationReproducesPyTorch();
    void runsAreDeterministic();
    void miniBatchesVisitEveryRowOncePerEpoch();
    void divergenceStopsAndKeepsLastFiniteParameters();
    void pauseAndStopQueries();
    void frozenParameterDoesNotMove();
    void historyKeepsExtremesBeyondItsLimit();
    void rSquaredOfTheTrainedModel();
    void gradientsAddUpWithoutZeroGrad_data();
    void gradientsAddUpWithoutZeroGrad();
    void batchStepsFollowPyTorch_data();
    void batchStepsFollowPyTorch();
    void epochAfterBatchStepsIsTheSameEpoch();
};

void TestTrainer::tutorialDataAndSplitAreTheTutorials()
{
    const QJsonObject e = expected();
    QVERIFY(!e.isEmpty());
    const ExperimentData d = tutorialData(ExperimentConfig::tutorial());
    QCOMPARE(d.trainIndices, indices(e["dataset"]["train_indices"].toArray()));
    QCOMPARE(d.valIndices, indices(e["dataset"]["val_indices"].toArray()));
    QCOMPARE(d.all.x[0], 0.3745401188473625);
    QCOMPARE(d.all.y[0], 1.757784944518542);
}

void TestTrainer::defaultConfigurationReproducesPyTorch_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<QString>("key");
    QTest::newRow("sgd") << "sgd" << "torch_sgd_lr0.1_1000_epochs_mse_mean";
    QTest::newRow("adam") << "adam" << "torch_adam_lr0.1_1000_epochs_mse_mean";
}

void TestTrainer::defaultConfigurationReproducesPyTorch()
{
    QFETCH(QString, optimizer);
    QFETCH(QString, key);
    ExperimentConfig c = ExperimentConfig::tutorial();
    QString error;
    QVERIFY(applySetting(c, QStringLiteral("optimizer.type"), optimizer, &error));
    QVERIFY(applySetting(c, QStringLiteral("optimizer.lr"), QStringLiteral("0.1"), &error));
    const ExperimentData d = tutorialData(c);
    Trainer t(c, d.train, d.val);
    QCOMPARE(t.parameterNames(), (QStringList{"a", "b"}));
    EpochRecord last;
    const auto outcome = t.run({}, [&](const EpochRecord& r) { last = r; });
    QCOMPARE(outcome, Trainer::Outcome::Finished);
    QCOMPARE(last.epoch, 1000);
    const QJsonObject ref = expected()[key].toObject();
    QVERIFY(std::abs(last.params[0] - ref["a"].toDouble()) < 1e-5);
    QVERIFY(std::abs(last.params[1] - ref["b"].toDouble()) < 1e-5);
    QVERIFY(std::abs(last.valLoss - ref["val_loss"].toDouble()) < 1e-6);
    QVERIFY(std::abs(last.trainLoss - ref["final_train_loss"].toDouble()) < 1e-6);
}

void TestTrainer::runsAreDeterministic()
{
    ExperimentConfig c;
    c.training.epochs = 50;
    c.training.batchSize = 16;
    c.training.shuffle = true;
    const ExperimentData d = tutorialData(c);
    Trainer t1(c, d.train, d.val), t2(c, d.train, d.val);
    t1.run({}, {});
    t2.run({}, {});
    QCOMPARE(t1.parameterValues(), t2.parameterValues());
    c.training.seed = 7;
    Trainer t3(c, d.train, d.val);
    t3.run({}, {});
    QVERIFY(t3.parameterValues() != t1.parameterValues());
}

void TestTrainer::miniBatchesVisitEveryRowOncePerEpoch()
{
    // With lr 0 nothing moves, so the epoch's train loss is the mean of the batch losses; with
    // batches of 16 over 80 rows (5 equal batches) that equals the full-batch loss.
    ExperimentConfig c;
    c.optimizer.lr = 1e-300;
    c.training.epochs = 1;
    c.training.dtype = QStringLiteral("float64");
    const ExperimentData d = tutorialData(c);
    Trainer full(c, d.train, d.val);
    const double fullLoss = full.step().trainLoss;
    c.training.batchSize = 16;
    c.training.shuffle = true;
    Trainer mini(c, d.train, d.val);
    QVERIFY(std::abs(mini.step().trainLoss - fullLoss) < 1e-12);
}

void TestTrainer::divergenceStopsAndKeepsLastFiniteParameters()
{
    ExperimentConfig c;
    c.optimizer.lr = 1e6;
    c.training.epochs = 1000;
    const ExperimentData d = tutorialData(c);
    Trainer t(c, d.train, d.val);
    std::vector<double> lastFinite;
    const auto outcome = t.run({}, [&](const EpochRecord& r) {
        if (std::isfinite(r.trainLoss))
            lastFinite = r.params;
    });
    QCOMPARE(outcome, Trainer::Outcome::Diverged);
    QVERIFY(t.diverged());
    QVERIFY(t.epoch() < 1000);
    QVERIFY2(t.message().contains(QStringLiteral("epoch %1").arg(t.epoch())), qPrintable(t.message()));
    QVERIFY2(t.message().contains(QLatin1String("smaller learning rate")), qPrintable(t.message()));
    for (double v : t.parameterValues())
        QVERIFY(std::isfinite(v));
    QCOMPARE(t.parameterValues(), lastFinite);

    // The rate the message blames is the one in force (changed while paused), not the one the run
    // started with (review 13).
    Trainer edited(c, d.train, d.val);
    edited.optimizer().setLr(2e6);
    QCOMPARE(edited.run({}, {}), Trainer::Outcome::Diverged);
    QVERIFY2(edited.message().contains(QLatin1String("smaller learning rate than 2e+06")), qPrintable(edited.message()));

    // A parameter set by hand between batches is where a divergence later in that epoch goes back
    // to, not the epoch's start, which would undo the edit (review 13, L2). a = 1e30 makes the
    // float32 loss overflow on the next batch.
    ExperimentConfig batched;
    batched.training.batchSize = 16;
    Trainer byHand(batched, d.train, d.val);
    const std::vector<double> start = byHand.parameterValues();
    QVERIFY(!byHand.stepBatch());
    QCOMPARE(byHand.setParameterValue(0, 1e30), byHand.lastStep().after[0]); // gives the value it replaces
    const std::vector<double> set = byHand.parameterValues();
    QCOMPARE(set[0], static_cast<double>(1e30f));
    QVERIFY(set[1] != start[1]);
    byHand.step();
    QVERIFY(byHand.diverged());
    QCOMPARE(byHand.parameterValues(), set);
    // The message blames the edit, not the learning rate, which converges (QA v14 F6).
    QVERIFY2(byHand.message().contains(QLatin1String("after a parameter was set by hand"))
                 && !byHand.message().contains(QLatin1String("learning rate")),
             qPrintable(byHand.message()));
}

void TestTrainer::pauseAndStopQueries()
{
    ExperimentConfig c;
    const ExperimentData d = tutorialData(c);
    Trainer t(c, d.train, d.val);
    int calls = 0;
    QCOMPARE(t.run([&] { return ++calls > 10 ? Trainer::Control::Pause : Trainer::Control::Continue; }, {}), Trainer::Outcome::Paused);
    QCOMPARE(t.epoch(), 10);
    // It goes on from there, one epoch at a time or running again, until stopped.
    QCOMPARE(t.step().epoch, 11);
    calls = 0;
    QCOMPARE(t.run([&] { return ++calls > 5 ? Trainer::Control::Stop : Trainer::Control::Continue; }, {}), Trainer::Outcome::Stopped);
    QCOMPARE(t.epoch(), 16);
}

void TestTrainer::frozenParameterDoesNotMove()
{
    ExperimentConfig c;
    c.model.frozen = {"a"};
    c.training.epochs = 20;
    const ExperimentData d = tutorialData(c);
    Trainer t(c, d.train, d.val);
    const double a0 = t.parameterValues()[0];
    const double b0 = t.parameterValues()[1];
    t.run({}, {});
    QCOMPARE(t.parameterValues()[0], a0);
    QVERIFY(t.parameterValues()[1] != b0);
}

// R² of the trained model on the training rows, by its definition over the data and PyTorch's final
// a and b, for the tutorial; any model has one, an MLP too.
void TestTrainer::rSquaredOfTheTrainedModel()
{
    ExperimentConfig c = ExperimentConfig::tutorial();
    c.training.dtype = QStringLiteral("float64");
    const ExperimentData d = tutorialData(c);
    Trainer t(c, d.train, d.val);
    t.run({}, {});
    const QJsonObject torch = expected()[QStringLiteral("torch_sgd_lr0.1_1000_epochs_mse_mean")].toObject();
    const double a = torch["a"].toDouble(), b = torch["b"].toDouble();
    double mean = 0.0;
    for (double v : d.train.y)
        mean += v;
    mean /= static_cast<double>(d.train.y.size());
    double sse = 0.0, sst = 0.0;
    for (std::size_t i = 0; i < d.train.y.size(); ++i) {
        const double e = d.train.y[i] - (a + b * d.train.x[i]);
        sse += e * e;
        sst += (d.train.y[i] - mean) * (d.train.y[i] - mean);
    }
    QVERIFY2(std::abs(t.rSquared() - (1.0 - sse / sst)) < 1e-9, qPrintable(QString::number(t.rSquared(), 'g', 17)));

    c.model.type = ModelConfig::Type::Mlp;
    c.model.hidden = {8};
    c.training.epochs = 200;
    Trainer mlp(c, d.train, d.val);
    mlp.run({}, {});
    QVERIFY(mlp.rSquared() > 0.5 && mlp.rSquared() <= 1.0);
}

void TestTrainer::historyKeepsExtremesBeyondItsLimit()
{
    History h(16);
    for (int e = 1; e <= 1000; ++e) {
        EpochRecord r;
        r.epoch = e;
        r.trainLoss = e == 500 ? 1e9 : (e == 777 ? -1.0 : 1.0 / e);
        h.add(r);
    }
    const auto kept = h.records();
    QVERIFY(kept.size() <= 40);
    bool spike = false, dip = false;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        spike = spike || kept[i].epoch == 500;
        dip = dip || kept[i].epoch == 777;
        if (i)
            QVERIFY(kept[i].epoch > kept[i - 1].epoch);
    }
    QVERIFY(spike);
    QVERIFY(dip);
    QCOMPARE(kept.front().epoch, 1);
}

QTEST_APPLESS_MAIN(TestTrainer)
// Mini-batch training one step at a time (Step Batch) against PyTorch's steps over the same
// batches (fixtures/make_minibatch_fixtures.py): every step's batch, loss and a, b, and every
// epoch's mean batch loss.
void TestTrainer::batchStepsFollowPyTorch_data()
{
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/../model/experiment/fixtures/minibatch_reference.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray runs = QJsonDocument::fromJson(f.readAll()).object()["runs"].toArray();
    QVERIFY(runs.size() >= 4);
    QTest::addColumn<QJsonObject>("run");
    for (const QJsonValue v : runs) {
        const QJsonObject r = v.toObject();
        QTest::newRow(qPrintable(QStringLiteral("%1 %2 batch %3").arg(r["optimizer"].toString(), r["dtype"].toString()).arg(r["batch_size"].toInt())))
            << r;
    }
}

void TestTrainer::batchStepsFollowPyTorch()
{
    QFETCH(QJsonObject, run);
    ExperimentConfig c;
    c.optimizer.type = run["optimizer"].toString() == QLatin1String("adam") ? OptimizerConfig::Type::Adam : OptimizerConfig::Type::Sgd;
    c.optimizer.lr = run["lr"].toDouble();
    c.training.dtype = run["dtype"].toString();
    c.training.batchSize = run["batch_size"].toInteger();
    c.training.shuffle = true;
    c.training.seed = static_cast<quint32>(run["seed"].toInteger());
    c.training.epochs = run["epochs"].toInteger();
    const ExperimentData data = tutorialData(c);
    Trainer t(c, data.train, data.val);
    const double tol = c.training.dtype == QLatin1String("float64") ? 1e-12 : 2e-6;
    auto close = [tol](double got, double want) { return std::abs(got - want) <= tol * std::max(1.0, std::abs(want)); };
    const QJsonArray steps = run["steps"].toArray();
    const QJsonArray epochLosses = run["epoch_train_loss"].toArray();
    const qint64 perEpoch = (data.train.rows() + c.training.batchSize - 1) / c.training.batchSize;
    QCOMPARE(t.batchesPerEpoch(), perEpoch);
    qsizetype epochsSeen = 0;
    for (const QJsonValue v : steps) {
        const QJsonObject want = v.toObject();
        const auto record = t.stepBatch();
        const StepDetail& got = t.lastStep();
        QCOMPARE(got.epoch, want["epoch"].toInteger());
        QCOMPARE(got.batchNumber, want["batch"].toInteger());
        QCOMPARE(got.batches, perEpoch);
        QCOMPARE(static_cast<qint64>(got.batch.size()), want["rows"].toInteger());
        QVERIFY2(close(got.loss, want["loss"].toDouble()), qPrintable(QString::number(got.loss, 'g', 17)));
        for (int k = 0; k < 2; ++k)
            QVERIFY2(close(got.after[static_cast<std::size_t>(k)], want["params"].toArray()[k].toDouble()),
                     qPrintable(QStringLiteral("step %1.%2 param %3: %4").arg(got.epoch).arg(got.batchNumber).arg(k).arg(got.after[static_cast<std::size_t>(k)], 0, 'g', 17)));
        QCOMPARE(got.after, t.parameterValues());
        // The epoch's record comes with its last batch, and only then.
        QCOMPARE(record.has_value(), got.batchNumber == perEpoch);
        QCOMPARE(t.batchesDone(), record ? 0 : got.batchNumber);
        if (record) {
            QCOMPARE(record->epoch, got.epoch);
            QVERIFY(close(record->trainLoss, epochLosses[epochsSeen].toDouble()));
            ++epochsSeen;
        }
    }
    QCOMPARE(epochsSeen, epochLosses.size());
    QVERIFY(t.finished());
}

// Step Batch twice, then Step: the rest of the same epoch, as if it had been trained at once.
void TestTrainer::epochAfterBatchStepsIsTheSameEpoch()
{
    ExperimentConfig c;
    c.training.batchSize = 16;
    c.training.shuffle = true;
    c.training.epochs = 3;
    const ExperimentData d = tutorialData(c);
    Trainer whole(c, d.train, d.val), split(c, d.train, d.val);
    const EpochRecord first = whole.step();
    QVERIFY(!split.stepBatch());
    QVERIFY(!split.stepBatch());
    QCOMPARE(split.epoch(), 0);
    QCOMPARE(split.batchesDone(), 2);
    const EpochRecord rest = split.step();
    QCOMPARE(rest.epoch, 1);
    QCOMPARE(rest.params, first.params);
    QCOMPARE(rest.trainLoss, first.trainLoss);
    QCOMPARE(rest.valLoss, first.valLoss);
    QCOMPARE(split.batchesDone(), 0);
    // The inspector gets the epoch's last step, as after a Step.
    QCOMPARE(split.lastStep().batchNumber, 5);
    QCOMPARE(split.lastStep().before, whole.lastStep().before);
    QCOMPARE(split.lastStep().gradients, whole.lastStep().gradients);
    // Full-batch training: a batch is the whole epoch.
    ExperimentConfig full;
    Trainer one(full, d.train, d.val);
    QCOMPARE(one.batchesPerEpoch(), 1);
    const auto record = one.stepBatch();
    QVERIFY(record);
    QCOMPARE(record->epoch, 1);
    QCOMPARE(one.lastStep().batchNumber, 1);
    QCOMPARE(one.lastStep().batches, 1);
    QVERIFY(one.lastStep().batch.empty());
}

#include "tst_trainer.moc"

// The tutorial's section 2.3: without optimizer.zero_grad() the gradients add up across steps.
// Every epoch's a and b against PyTorch's (fixtures/make_clingy_fixtures.py), with and without it.
void TestTrainer::gradientsAddUpWithoutZeroGrad_data()
{
    QFile f(QStringLiteral(GRADLAB_TEST_DATA_DIR "/../model/experiment/fixtures/clingy_reference.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray runs = QJsonDocument::fromJson(f.readAll()).object()["runs"].toArray();
    QVERIFY(runs.size() >= 6);
    QTest::addColumn<QJsonObject>("run");
    for (const QJsonValue v : runs) {
        const QJsonObject r = v.toObject();
        const QString name = QStringLiteral("%1 %2 %3").arg(r["optimizer"].toString(), r["dtype"].toString(),
                                                              r["zero_grad"].toBool() ? QStringLiteral("zero_grad") : QStringLiteral("no zero_grad"));
        QTest::newRow(qPrintable(name)) << r;
    }
}

void TestTrainer::gradientsAddUpWithoutZeroGrad()
{
    QFETCH(QJsonObject, run);
    ExperimentConfig c;
    QString error;
    QVERIFY(applySetting(c, QStringLiteral("optimizer.type"), QJsonDocument(QJsonArray{run["optimizer"]}).toJson(QJsonDocument::Compact).mid(1).chopped(1), &error));
    c.optimizer.lr = run["options"].toObject()["lr"].toDouble();
    c.training.dtype = run["dtype"].toString();
    c.training.zeroGrad = run["zero_grad"].toBool();
    c.training.epochs = run["epochs"].toInteger();
    const ExperimentData data = tutorialData(c);
    Trainer t(c, data.train, data.val);
    const QJsonArray path = run["path"].toArray();
    const double tol = c.training.dtype == QLatin1String("float64") ? 1e-12 : 2e-6;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const EpochRecord r = t.step();
        for (int k = 0; k < 2; ++k) {
            const double want = path[i].toArray()[k].toDouble();
            // Relative to the parameters' scale (about 1): a passes close to 0 on the way.
            QVERIFY2(std::abs(r.params[static_cast<std::size_t>(k)] - want) <= tol * std::max(1.0, std::abs(want)),
                     qPrintable(QStringLiteral("epoch %1, %2: %3 vs PyTorch %4").arg(i + 1).arg(k ? "b" : "a")
                                    .arg(r.params[static_cast<std::size_t>(k)], 0, 'g', 17).arg(want, 0, 'g', 17)));
        }
    }
}

// Training in the worker thread: the tutorial's result arrives by signal, pause/step/resume/stop
// act between epochs, snapshots are throttled, errors arrive as messages, and destroying the
// controller in the middle of a run stops it cleanly.
#include "training/training_controller.h"

#include "engine/autograd.h"

#include "tutorial_fixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <charconv>

using namespace gradlab;
using namespace gradlab::app;
using namespace gradlab::experiment;
using namespace gradlab::testing;

class TestTrainingController : public QObject {
    Q_OBJECT

private slots:
    void tutorialRunArrivesBySignal();
    void pauseStepResumeAndStop();
    void snapshotsAreThrottled();
    void errorsArriveAsMessages();
    void destroyingDuringARunStopsIt();
    void stepFromIdleAndEditWhilePaused();
    void quickStepsAreEachTaken();
    void stepBatchGoesOneOptimizerStepAtATime();
    void pacedRunCanBeWatched();
};

void TestTrainingController::tutorialRunArrivesBySignal()
{
    TrainingController c;
    QSignalSpy finished(&c, &TrainingController::finished);
    QSignalSpy progress(&c, &TrainingController::progress);
    const ExperimentConfig config;
    QVERIFY(c.start(config, dataFor(config)));
    QVERIFY(!c.start(config, dataFor(config))); // one run at a time
    QVERIFY(finished.wait(20000));
    const auto run = finished.first().first().value<RunRecord>();
    QCOMPARE(run.epochs, 1000);
    QVERIFY(std::abs(run.finalParams[0] - 1.023543119430542) < 1e-5);
    QVERIFY(std::abs(run.finalParams[1] - 1.9689600467681885) < 1e-5);
    QVERIFY(run.closedForm);
    QVERIFY(progress.count() >= 1);
    // Every epoch reached the GUI in the snapshots (none thinned at this size).
    qint64 epochs = 0;
    for (const auto& args : progress)
        epochs += static_cast<qint64>(args.first().value<TrainingSnapshot>().newEpochs.size());
    QCOMPARE(epochs, 1000);
    QTRY_VERIFY(!c.isRunning());
}

void TestTrainingController::pauseStepResumeAndStop()
{
    TrainingController c;
    QSignalSpy paused(&c, &TrainingController::paused);
    QSignalSpy finished(&c, &TrainingController::finished);
    QSignalSpy progress(&c, &TrainingController::progress);
    ExperimentConfig config;
    config.training.epochs = 100'000'000;
    QVERIFY(c.start(config, dataFor(config)));
    QVERIFY(progress.wait(10000));
    c.pause();
    QVERIFY(paused.wait(10000));
    const qint64 at = paused.last().first().value<TrainingSnapshot>().epoch;
    QTRY_VERIFY(c.isPaused());
    QTest::qWait(100);
    QCOMPARE(paused.count(), 1); // nothing happens while paused
    c.step();
    QVERIFY(paused.wait(10000));
    QCOMPARE(paused.last().first().value<TrainingSnapshot>().epoch, at + 1);
    c.resume();
    QVERIFY(progress.wait(10000));
    c.stop();
    QVERIFY(finished.wait(10000));
    const auto run = finished.first().first().value<RunRecord>();
    QVERIFY(run.epochs > at + 1);
    QVERIFY(run.epochs < config.training.epochs);
}

void TestTrainingController::snapshotsAreThrottled()
{
    TrainingController c;
    QSignalSpy progress(&c, &TrainingController::progress);
    QSignalSpy finished(&c, &TrainingController::finished);
    ExperimentConfig config;
    config.training.epochs = 100'000;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(c.start(config, dataFor(config)));
    QVERIFY(finished.wait(60000));
    const qint64 ms = timer.elapsed();
    // About 30 a second, plus the last one.
    QVERIFY2(progress.count() <= ms / 33 + 2, qPrintable(QStringLiteral("%1 snapshots in %2 ms").arg(progress.count()).arg(ms)));
    QCOMPARE(progress.last().first().value<TrainingSnapshot>().epoch, 100'000);
}

void TestTrainingController::errorsArriveAsMessages()
{
    TrainingController c;
    QSignalSpy failed(&c, &TrainingController::failed);
    ExperimentConfig config;
    config.training.device = QStringLiteral("cuda:7");
    QVERIFY(c.start(config, dataFor(config)));
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().first().toString().contains(QLatin1String("cuda:7")), qPrintable(failed.first().first().toString()));
    QTRY_VERIFY(!c.isRunning());
    // The controller takes the next run.
    config.training.device = QStringLiteral("cpu");
    config.training.epochs = 5;
    QSignalSpy finished(&c, &TrainingController::finished);
    QVERIFY(c.start(config, dataFor(config)));
    QVERIFY(finished.wait(10000));
}

void TestTrainingController::destroyingDuringARunStopsIt()
{
    QElapsedTimer timer;
    timer.start();
    {
        TrainingController c;
        QSignalSpy progress(&c, &TrainingController::progress);
        ExperimentConfig config;
        config.training.epochs = 1'000'000'000;
        QVERIFY(c.start(config, dataFor(config)));
        QVERIFY(progress.wait(10000));
    }
    QVERIFY(timer.elapsed() < 15000);
}

// Step pressed four more times right after the first, before the worker has even paused: each
// press is one epoch (they used to be lost while the worker was not yet paused).
void TestTrainingController::quickStepsAreEachTaken()
{
    TrainingController c;
    QSignalSpy paused(&c, &TrainingController::paused);
    ExperimentConfig config;
    config.training.epochs = 50;
    QVERIFY(c.start(config, dataFor(config), TrainingController::StartMode::Step));
    for (int i = 0; i < 4; ++i)
        c.step();
    QTRY_VERIFY_WITH_TIMEOUT(!paused.isEmpty() && paused.last().first().value<TrainingSnapshot>().epoch == 5, 10000);
    QTest::qWait(100);
    QCOMPARE(paused.last().first().value<TrainingSnapshot>().epoch, 5); // and no further
    c.stop();
}

// Step from a fresh start does one epoch and pauses with the step's gradients; edits made while
// paused take effect when resumed and are listed in the run's record. The same run done by hand
// with a Trainer (the same edits between the same epochs) gives the same parameters.
void TestTrainingController::stepFromIdleAndEditWhilePaused()
{
    TrainingController c;
    QSignalSpy paused(&c, &TrainingController::paused);
    QSignalSpy finished(&c, &TrainingController::finished);
    ExperimentConfig config;
    config.training.epochs = 50;
    const ExperimentData data = dataFor(config);
    QString error;
    QVERIFY(!c.setOptimizerOptions(config.optimizer, &error)); // nothing runs yet
    QVERIFY(!error.isEmpty());
    QVERIFY(c.start(config, data, TrainingController::StartMode::Step));
    QTRY_VERIFY_WITH_TIMEOUT(!paused.isEmpty() && paused.last().first().value<TrainingSnapshot>().epoch == 1, 10000);
    const auto first = paused.last().first().value<TrainingSnapshot>();
    QVERIFY(first.lastStep);
    QCOMPARE(first.lastStep->epoch, 1);
    QCOMPARE(first.lastStep->gradients.size(), std::size_t(2));
    QCOMPARE(first.lastStep->after, first.params);

    OptimizerConfig slower = config.optimizer;
    slower.lr = 0.05;
    QVERIFY2(c.setOptimizerOptions(slower, &error), qPrintable(error));
    QVERIFY(!c.setOptimizerOptions(OptimizerConfig::defaults(OptimizerConfig::Type::Adam), &error)); // the type stays
    QVERIFY(error.contains(QLatin1String("adam")));
    OptimizerConfig bad = slower;
    bad.lr = 0.0;
    QVERIFY(!c.setOptimizerOptions(bad, &error));
    QVERIFY(!c.setParameterValue(7, 1.0, &error));
    QVERIFY(!c.setParameterValue(0, qQNaN(), &error));
    // Beyond float32's range it would become inf: refused, with the reason.
    QVERIFY(!c.setParameterValue(0, 1e39, &error));
    QVERIFY2(error.contains(QLatin1String("does not fit in float32")), qPrintable(error));
    QVERIFY2(c.setParameterValue(0, 0.75, &error), qPrintable(error));
    // The edit shows at once in a fresh paused snapshot.
    QTRY_COMPARE(paused.last().first().value<TrainingSnapshot>().params[0], 0.75);
    c.resume();
    QVERIFY(finished.wait(20000));
    const auto run = finished.first().first().value<RunRecord>();
    QCOMPARE(run.epochs, 50);
    QCOMPARE(run.events.size(), 2);
    // The values as typed, and a float32 parameter's old value with a float's digits (QA batch 13:
    // "0.050000000000000003", "was 1.4384537935256958").
    QCOMPARE(run.events[0], QStringLiteral("epoch 1: optimizer.lr = 0.05"));
    char was[32];
    const auto end = std::to_chars(was, was + sizeof was, static_cast<float>(first.params[0])).ptr;
    QCOMPARE(run.events[1], QStringLiteral("epoch 1: a = 0.75 (was %1)").arg(QString::fromLatin1(was, end - was)));
    QVERIFY(end - was <= 10);
    QCOMPARE(run.config.optimizer.lr, 0.1); // the record keeps the configuration the run started with

    Trainer byHand(config, data.train, data.val);
    byHand.step();
    static_cast<SGD&>(byHand.optimizer()).setLr(0.05);
    {
        NoGradGuard noGrad;
        Tensor a = byHand.model().namedParameters().front().second;
        a.copy_(fromData({0.75}, a.shape(), TensorOptions{}.withDType(a.dtype())));
    }
    while (!byHand.finished())
        byHand.step();
    QCOMPARE(run.finalParams, byHand.parameterValues());
    QTRY_VERIFY(!c.isRunning());
}

// Step Batch pauses after each mini-batch with that batch's step; Step then finishes the epoch in
// progress; an edit within an epoch is listed with its batch; a run stopped within an epoch says
// so. The same steps done by hand with a Trainer give the same parameters.
void TestTrainingController::stepBatchGoesOneOptimizerStepAtATime()
{
    TrainingController c;
    QSignalSpy paused(&c, &TrainingController::paused);
    QSignalSpy finished(&c, &TrainingController::finished);
    ExperimentConfig config;
    config.training.epochs = 50;
    config.training.batchSize = 16;
    config.training.shuffle = true;
    const ExperimentData data = dataFor(config);
    QVERIFY(c.start(config, data, TrainingController::StartMode::StepBatch));
    QTRY_VERIFY_WITH_TIMEOUT(!paused.isEmpty(), 10000);
    const auto first = paused.last().first().value<TrainingSnapshot>();
    QCOMPARE(first.epoch, 0);
    QCOMPARE(first.batch, 1);
    QCOMPARE(first.batches, 5);
    QVERIFY(first.lastStep);
    QCOMPARE(first.lastStep->epoch, 1);
    QCOMPARE(first.lastStep->batchNumber, 1);
    QCOMPARE(first.lastStep->batch.size(), std::size_t(16));
    QCOMPARE(first.lastStep->after, first.params);
    QVERIFY(first.newEpochs.empty()); // no epoch is done: the loss curve gets nothing yet

    OptimizerConfig slower = config.optimizer;
    slower.lr = 0.05;
    QString error;
    QVERIFY2(c.setOptimizerOptions(slower, &error), qPrintable(error));
    for (int i = 0; i < 3; ++i)
        c.stepBatch();
    QTRY_VERIFY_WITH_TIMEOUT(paused.last().first().value<TrainingSnapshot>().batch == 4, 10000);
    QCOMPARE(paused.last().first().value<TrainingSnapshot>().lastStep->batchNumber, 4);
    c.step();
    QTRY_VERIFY_WITH_TIMEOUT(paused.last().first().value<TrainingSnapshot>().epoch == 1, 10000);
    const auto epochDone = paused.last().first().value<TrainingSnapshot>();
    QCOMPARE(epochDone.batch, 0);
    QCOMPARE(epochDone.lastStep->batchNumber, 5);
    c.stepBatch();
    QTRY_VERIFY_WITH_TIMEOUT(paused.last().first().value<TrainingSnapshot>().batch == 1, 10000);
    c.stop();
    QVERIFY(finished.wait(20000));
    const auto run = finished.first().first().value<RunRecord>();
    QCOMPARE(run.epochs, 1);
    QCOMPARE(run.events.size(), 1);
    QVERIFY2(run.events[0].contains(QLatin1String("epoch 1, after batch 1 of 5: optimizer.lr = 0.05")), qPrintable(run.events[0]));
    QVERIFY2(run.message.startsWith(QLatin1String("Stopped in epoch 2 after batch 1 of 5")), qPrintable(run.message));

    Trainer byHand(config, data.train, data.val);
    QVERIFY(!byHand.stepBatch());
    static_cast<SGD&>(byHand.optimizer()).setLr(0.05);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!byHand.stepBatch());
    byHand.step();
    QVERIFY(!byHand.stepBatch());
    QCOMPARE(run.finalParams, byHand.parameterValues());
    QTRY_VERIFY(!c.isRunning());
}

QTEST_GUILESS_MAIN(TestTrainingController)
#include "tst_training_controller.moc"

// A paced run shows each epoch (a class watches the line move) and still obeys Pause, Stop and a
// change of pace at once. Only upper bounds on the epochs done are asserted: a slow machine can
// make a run slower than its pace, never faster.
void TestTrainingController::pacedRunCanBeWatched()
{
    TrainingController c;
    c.setPace(5);
    QCOMPARE(c.pace(), 5);
    QSignalSpy progress(&c, &TrainingController::progress);
    QSignalSpy paused(&c, &TrainingController::paused);
    QSignalSpy finished(&c, &TrainingController::finished);
    ExperimentConfig config; // 1000 epochs: over three minutes at 5 a second
    QElapsedTimer timer;
    timer.start();
    QVERIFY(c.start(config, dataFor(config)));
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 2, 10000);
    const qint64 epochs = progress.last().first().value<TrainingSnapshot>().epoch;
    QVERIFY2(epochs <= timer.elapsed() / 200 + 1, qPrintable(QStringLiteral("%1 epochs in %2 ms").arg(epochs).arg(timer.elapsed())));
    for (const auto& args : progress) // one epoch a snapshot: each is shown
        QCOMPARE(args.first().value<TrainingSnapshot>().newEpochs.size(), std::size_t(1));

    c.pause(); // taken between epochs, without waiting out the pace
    QTRY_VERIFY_WITH_TIMEOUT(c.isPaused(), 10000);
    c.resume();
    c.setPace(0); // full speed: the rest of the run at once
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<RunRecord>().epochs, 1000);
    QVERIFY(std::abs(finished.first().first().value<RunRecord>().finalParams[0] - 1.023543119430542) < 1e-5);

    c.setPace(1); // the next run keeps the pace, and stops during it
    QSignalSpy finished2(&c, &TrainingController::finished);
    QSignalSpy progress2(&c, &TrainingController::progress);
    QVERIFY(c.start(config, dataFor(config)));
    QTRY_VERIFY_WITH_TIMEOUT(!progress2.isEmpty() && progress2.last().first().value<TrainingSnapshot>().epoch >= 1, 10000);
    c.stop();
    QVERIFY(finished2.wait(10000));
    const qint64 stoppedAt = finished2.first().first().value<RunRecord>().epochs;
    QVERIFY2(stoppedAt >= 1 && stoppedAt < 10, qPrintable(QString::number(stoppedAt)));
}

// Large tensors take the engine's deferred path: elementwise chains and the reductions of a
// backward pass are fused and computed when read. These tests check that path against plain
// loops, and that nothing a user can do (in-place writes, views, other threads) sees stale or
// uncomputed values.
#include "engine/autograd.h"
#include "engine/generator.h"
#include "engine/nn.h"
#include "engine/ops.h"
#include "engine/optim.h"

#include <QTest>

#include <cmath>
#include <thread>
#include <vector>

using namespace gradlab;

namespace {

// Well above the size from which the CPU backend defers work.
constexpr std::int64_t kN = 300'001;

std::vector<double> ramp(std::int64_t n, double scale, double shift)
{
    std::vector<double> v(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        v[static_cast<std::size_t>(i)] = std::sin(static_cast<double>(i) * 0.001) * scale + shift;
    return v;
}

bool close(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

} // namespace

class TestDeferred : public QObject {
    Q_OBJECT

private slots:
    void tutorialStepMatchesPlainLoops_data();
    void tutorialStepMatchesPlainLoops();
    void everyLossMatchesPlainLoops_data();
    void everyLossMatchesPlainLoops();
    void inPlaceWriteToAnOperandKeepsEarlierResults();
    void inPlaceWriteToADeferredResultSeesItsValues();
    void viewsAndDetachedAliasesSeeTheValues();
    void longChainsAreComputedCorrectly();
    void reductionsReadInAnyOrderOrOnAnotherThread();
    void largeTrainingRunMatchesItsSmallTwinPerSample();
};

void TestDeferred::tutorialStepMatchesPlainLoops_data()
{
    QTest::addColumn<DType>("dtype");
    QTest::newRow("float64") << DType::Float64;
    QTest::newRow("float32") << DType::Float32;
}

void TestDeferred::tutorialStepMatchesPlainLoops()
{
    QFETCH(DType, dtype);
    const double tol = dtype == DType::Float64 ? 1e-10 : 1e-4;
    const auto xv = ramp(kN, 1.0, 0.5);
    const auto yv = ramp(kN, 2.0, 1.1);
    const auto opts = TensorOptions{}.withDType(dtype);
    const Tensor x = fromData(xv, Shape{kN, 1}, opts);
    const Tensor y = fromData(yv, Shape{kN, 1}, opts);
    Tensor a = fromData({0.3}, Shape{1}, TensorOptions{}.withDType(dtype).withRequiresGrad());
    Tensor b = fromData({-0.7}, Shape{1}, TensorOptions{}.withDType(dtype).withRequiresGrad());

    const Tensor yhat = a + b * x;
    const Tensor loss = mseLoss(y, yhat);
    loss.backward();

    double l = 0, ga = 0, gb = 0;
    for (std::size_t i = 0; i < xv.size(); ++i) {
        const double e = yv[i] - (0.3 - 0.7 * xv[i]);
        l += e * e;
        ga += -2.0 * e;
        gb += -2.0 * e * xv[i];
    }
    const double n = static_cast<double>(kN);
    QVERIFY2(close(loss.item(), l / n, tol), qPrintable(QString::number(loss.item(), 'g', 17)));
    QVERIFY2(close(a.grad().item(), ga / n, tol), qPrintable(QString::number(a.grad().item(), 'g', 17)));
    QVERIFY2(close(b.grad().item(), gb / n, tol), qPrintable(QString::number(b.grad().item(), 'g', 17)));
    // The prediction itself, read back element by element.
    const std::vector<double> yh = yhat.toVector();
    for (std::size_t i = 0; i < yh.size(); i += 9973)
        QVERIFY(close(yh[i], 0.3 - 0.7 * xv[i], dtype == DType::Float64 ? 1e-15 : 1e-6));
}

void TestDeferred::everyLossMatchesPlainLoops_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("param");
    QTest::addColumn<bool>("mean");
    QTest::newRow("mse mean") << 0 << 0.0 << true;
    QTest::newRow("l1 sum") << 1 << 0.0 << false;
    QTest::newRow("huber delta 0.5") << 2 << 0.5 << true;
    QTest::newRow("smooth_l1 beta 0.3") << 3 << 0.3 << true;
}

void TestDeferred::everyLossMatchesPlainLoops()
{
    QFETCH(int, kind);
    QFETCH(double, param);
    QFETCH(bool, mean);
    const auto xv = ramp(kN, 1.0, 0.0);
    const auto tv = ramp(kN, -0.8, 0.1);
    const auto opts = TensorOptions{}.withDType(DType::Float64);
    const Tensor x = fromData(xv, Shape{kN}, opts);
    const Tensor t = fromData(tv, Shape{kN}, opts);
    Tensor w = fromData({1.5}, Shape{1}, TensorOptions{}.withDType(DType::Float64).withRequiresGrad());
    const Tensor input = w * x; // deferred
    const Reduction red = mean ? Reduction::Mean : Reduction::Sum;
    Tensor loss;
    switch (kind) {
    case 0: loss = mseLoss(input, t, red); break;
    case 1: loss = l1Loss(input, t, red); break;
    case 2: loss = huberLoss(input, t, red, param); break;
    default: loss = smoothL1Loss(input, t, red, param); break;
    }
    loss.backward();
    double l = 0, g = 0;
    for (std::size_t i = 0; i < xv.size(); ++i) {
        const double d = 1.5 * xv[i] - tv[i];
        const double ad = std::abs(d);
        double f = 0, df = 0;
        switch (kind) {
        case 0: f = d * d; df = 2 * d; break;
        case 1: f = ad; df = (d > 0) - (d < 0); break;
        case 2: f = ad < param ? 0.5 * d * d : param * (ad - 0.5 * param); df = ad < param ? d : param * ((d > 0) - (d < 0)); break;
        default: f = ad < param ? 0.5 * d * d / param : ad - 0.5 * param; df = ad < param ? d / param : (d > 0) - (d < 0); break;
        }
        l += f;
        g += df * xv[i];
    }
    const double scale = mean ? 1.0 / static_cast<double>(kN) : 1.0;
    QVERIFY2(close(loss.item(), l * scale, 1e-10), qPrintable(QString::number(loss.item(), 'g', 17)));
    QVERIFY2(close(w.grad().item(), g * scale, 1e-10), qPrintable(QString::number(w.grad().item(), 'g', 17)));
}

void TestDeferred::inPlaceWriteToAnOperandKeepsEarlierResults()
{
    Tensor x = fromData(ramp(kN, 1.0, 0.0), Shape{kN});
    const Tensor doubled = x * 2.0; // deferred: reads x
    {
        NoGradGuard noGrad;
        x.mul_(10.0);
        x.add_(1.0);
    }
    const std::vector<double> xs = x.toVector();
    const std::vector<double> ds = doubled.toVector();
    const auto orig = ramp(kN, 1.0, 0.0);
    for (std::size_t i = 0; i < ds.size(); i += 7919) {
        QVERIFY(close(ds[i], 2.0 * static_cast<float>(orig[i]), 1e-6));
        QVERIFY(close(xs[i], static_cast<float>(orig[i]) * 10.0f + 1.0f, 1e-6));
    }
    // Writes through data<T>() count as in-place writes too.
    Tensor z = fromData(ramp(kN, 1.0, 0.0), Shape{kN}, TensorOptions{}.withDType(DType::Float64));
    const Tensor plusOne = z + 1.0;
    z.data<double>()[5] = 1000.0;
    QCOMPARE(plusOne.toVector()[5], orig[5] + 1.0);
}

void TestDeferred::inPlaceWriteToADeferredResultSeesItsValues()
{
    const auto opts = TensorOptions{}.withDType(DType::Float64);
    const Tensor x = fromData(ramp(kN, 1.0, 0.0), Shape{kN}, opts);
    Tensor y = x * 3.0; // deferred
    y.add_(1.0);        // must start from the computed values
    const auto xs = x.toVector();
    const auto ys = y.toVector();
    for (std::size_t i = 0; i < ys.size(); i += 5003)
        QCOMPARE(ys[i], xs[i] * 3.0 + 1.0);
    Tensor z = x * 2.0;
    z.zero_();
    QCOMPARE(z.sum().item(), 0.0);
}

void TestDeferred::viewsAndDetachedAliasesSeeTheValues()
{
    const auto opts = TensorOptions{}.withDType(DType::Float64);
    const Tensor x = fromData(ramp(kN - 1, 1.0, 0.0), Shape{(kN - 1) / 2, 2}, opts);
    const Tensor y = x * 2.0 + 1.0; // deferred
    const Tensor v = y.reshape(Shape{kN - 1});
    const Tensor d = y.detach();
    const auto xs = x.toVector();
    const auto vs = v.toVector();
    const auto ds = d.toVector();
    for (std::size_t i = 0; i < vs.size(); i += 3331) {
        QCOMPARE(vs[i], xs[i] * 2.0 + 1.0);
        QCOMPARE(ds[i], xs[i] * 2.0 + 1.0);
    }
    // Reductions along a dimension and transposes read deferred values too.
    const Tensor s = y.sum(0);
    double s0 = 0;
    for (std::size_t i = 0; i < xs.size(); i += 2)
        s0 += xs[i] * 2.0 + 1.0;
    QVERIFY(close(s.toVector()[0], s0, 1e-12));
    const Tensor tr = y.t();
    QCOMPARE(tr.toVector()[1], xs[2] * 2.0 + 1.0);
}

void TestDeferred::longChainsAreComputedCorrectly()
{
    const auto opts = TensorOptions{}.withDType(DType::Float64);
    const Tensor x = fromData(ramp(kN, 1.0, 0.0), Shape{kN}, opts);
    Tensor h = x;
    for (int i = 0; i < 40; ++i)
        h = h * 0.5 + x;
    // h converges towards 2x: h_k = x (2 - 2^-k) + x 2^-k... computed exactly by the recurrence.
    const auto xs = x.toVector();
    const auto hs = h.toVector();
    for (std::size_t i = 0; i < hs.size(); i += 10007) {
        double e = xs[i];
        for (int k = 0; k < 40; ++k)
            e = e * 0.5 + xs[i];
        QCOMPARE(hs[i], e);
    }
}

void TestDeferred::reductionsReadInAnyOrderOrOnAnotherThread()
{
    const auto opts = TensorOptions{}.withDType(DType::Float64);
    const auto xv = ramp(kN, 1.0, 0.2);
    const Tensor x = fromData(xv, Shape{kN, 1}, opts);
    const Tensor y = fromData(ramp(kN, 1.5, 0.0), Shape{kN, 1}, opts);
    double expectA = 0, expectB = 0;
    for (int round = 0; round < 3; ++round) {
        Tensor a = fromData({0.1}, Shape{1}, TensorOptions{}.withDType(DType::Float64).withRequiresGrad());
        Tensor b = fromData({0.2}, Shape{1}, TensorOptions{}.withDType(DType::Float64).withRequiresGrad());
        mseLoss(y, a + b * x).backward();
        double ga = 0, gb = 0;
        if (round == 0) {
            ga = a.grad().item();
            gb = b.grad().item();
            expectA = ga;
            expectB = gb;
        } else if (round == 1) {
            gb = b.grad().item();
            ga = a.grad().item();
        } else {
            std::thread reader([&] {
                ga = a.grad().item();
                gb = b.grad().item();
            });
            reader.join();
        }
        QCOMPARE(ga, expectA);
        QCOMPARE(gb, expectB);
    }
    const auto yv = y.toVector();
    double ga = 0;
    for (std::size_t i = 0; i < xv.size(); ++i)
        ga += -2.0 * (yv[i] - (0.1 + 0.2 * xv[i]));
    QVERIFY(close(expectA, ga / static_cast<double>(kN), 1e-12));
}

void TestDeferred::largeTrainingRunMatchesItsSmallTwinPerSample()
{
    // The same data repeated: a full-batch mean over many copies equals the mean over one copy,
    // so 20 steps on the large (deferred) batch and on the small (eager) batch must agree.
    const std::int64_t small = 7, copies = 30'000;
    const std::vector<double> xs{0.1, 0.5, 0.9, 0.3, 0.7, 0.2, 0.8};
    const std::vector<double> ys{1.2, 2.1, 2.7, 1.5, 2.5, 1.3, 2.6};
    std::vector<double> xb, yb;
    for (std::int64_t c = 0; c < copies; ++c) {
        xb.insert(xb.end(), xs.begin(), xs.end());
        yb.insert(yb.end(), ys.begin(), ys.end());
    }
    auto train = [](const std::vector<double>& xv, const std::vector<double>& yv, std::int64_t n) {
        const auto opts = TensorOptions{}.withDType(DType::Float64);
        const Tensor x = fromData(xv, Shape{n, 1}, opts);
        const Tensor y = fromData(yv, Shape{n, 1}, opts);
        manualSeed(42);
        ManualLinearRegression model(DType::Float64);
        Adam optimizer(model.parameters(), AdamOptions{.lr = 0.05});
        const Loss lossFn = MSELoss();
        for (int i = 0; i < 20; ++i) {
            lossFn(y, model(x)).backward();
            optimizer.step();
            optimizer.zeroGrad();
        }
        return std::pair{model.a().item(), model.b().item()};
    };
    const auto [a1, b1] = train(xs, ys, small);
    const auto [a2, b2] = train(xb, yb, small * copies);
    QVERIFY2(close(a1, a2, 1e-9), qPrintable(QString("%1 vs %2").arg(a1, 0, 'g', 17).arg(a2, 0, 'g', 17)));
    QVERIFY2(close(b1, b2, 1e-9), qPrintable(QString("%1 vs %2").arg(b1, 0, 'g', 17).arg(b2, 0, 'g', 17)));
}

QTEST_APPLESS_MAIN(TestDeferred)
#include "tst_deferred.moc"

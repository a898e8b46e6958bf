// The fused CUDA kernels' sources (cuda_fusion.cu), generated and compiled with NVRTC for the
// architectures GradLab targets, and their statements run on the host against the CPU engine.
// Neither needs a GPU, so this runs wherever GradLab is built with CUDA, and a change that breaks
// the generated code fails here rather than on a user's card.
#include "engine/cuda_backend.h"
#include "engine/fusion_params.h"
#include "engine/generator.h"
#include "engine/lazy.h"
#include "engine/ops.h"

#include <QTest>

#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <sstream>

using namespace gradlab;

namespace {

constexpr std::int64_t kN = 100000;

// A tensor whose values are `e` (deferred), as the backend makes them.
Tensor pending(std::shared_ptr<LazyExpr> e, DType dtype)
{
    return deferredTensor(std::move(e), Shape{kN, 1}, dtype, Device::cpu());
}

std::shared_ptr<LazyExpr> binary(BinaryOp op, LazyOperand a, LazyOperand b, double scalar = 1.0)
{
    auto e = std::make_shared<LazyExpr>();
    e->kind = LazyExpr::Kind::Binary;
    e->op = op;
    e->scalar = scalar;
    e->a = std::move(a);
    e->b = std::move(b);
    return e;
}

LazyOperand of(const Tensor& t) { return {t.implPtr(), 0.0}; }
LazyOperand value(double v) { return {nullptr, v}; }

// The tutorial's step as the CUDA table defers it: yhat = a + b·x with the parameters a and b
// read on the device; the loss of yhat against y, and the gradients Σ g and Σ g·x of
// g = d loss / d yhat (for the incoming gradient `seed`), as three reductions over the same values.
// Values for a step: a, b, the incoming gradient, then x and y (empty: left unset).
struct StepValues {
    double a = 0.0, b = 0.0, seed = 1.0;
    std::vector<double> x, y;
};

struct TutorialStep {
    Tensor a, b, seed, x, y, yhat, g;
    std::shared_ptr<LazyExpr> loss, sumG, sumGx;

    TutorialStep(DType dtype, double param, LossKind kind = LossKind::MSE, const StepValues& values = {})
    {
        auto tensor = [&](const Shape& shape, const std::vector<double>& v) {
            return v.empty() ? makeTensor(shape, dtype, Device::cpu())
                             : fromData(v, shape, TensorOptions{}.withDType(dtype));
        };
        a = tensor(Shape{1}, {values.a});
        b = tensor(Shape{1}, {values.b});
        seed = tensor(Shape{}, {values.seed});
        x = tensor(Shape{kN, 1}, values.x);
        y = tensor(Shape{kN, 1}, values.y);
        yhat = pending(binary(BinaryOp::Add, of(a), of(pending(binary(BinaryOp::Mul, of(b), of(x)), dtype))), dtype);
        auto grad = std::make_shared<LazyExpr>();
        grad->kind = LazyExpr::Kind::LossGrad;
        grad->loss = kind;
        grad->scalar = param;
        grad->norm = 1.0 / kN;
        grad->a = of(yhat);
        grad->b = of(y);
        grad->c = of(seed);
        g = pending(grad, dtype);
        loss = std::make_shared<LazyExpr>();
        loss->kind = LazyExpr::Kind::LossSum;
        loss->loss = kind;
        loss->scalar = param;
        loss->norm = kN;
        loss->count = kN;
        loss->a = of(yhat);
        loss->b = of(y);
        loss->dtype = dtype;
        sumG = sumExpr(g, nullptr, 1.0);
        sumGx = sumExpr(g, &x, 1.0);
        sumG->dtype = sumGx->dtype = dtype;
    }
    std::string source(FusedParams* params = nullptr) const
    {
        return cuda::fusedSource({loss.get(), sumG.get(), sumGx.get()}, true, params);
    }
};

int count(const std::string& text, const std::string& what)
{
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

// Runs the body of a generated kernel on the host, element by element, with kernel_math.h's
// functions, as each GPU thread would: the generated program's meaning, checked against the CPU
// engine without a GPU. It reads exactly the statements the generator writes, and fails on any
// other.
template <typename T> class HostRun {
public:
    HostRun(const std::string& source, const FusedParams& p) : p_(p)
    {
        const std::string body = source.substr(source.find("double* acc)\n{"), source.find("extern \"C\"") - source.find("double* acc)\n{"));
        std::istringstream lines(body);
        for (std::string line; std::getline(lines, line);)
            if (line.rfind("    ", 0) == 0 && line.find("(void)acc") == std::string::npos)
                parse(line);
    }
    bool ok() const { return ok_; }
    // The reductions' results (scale and divisor applied, rounded to T), or the elementwise values.
    // Sums are added per element into a fresh accumulator and then compensated (Neumaier), so that
    // the host's own order of summation adds no error of its own.
    std::vector<double> run(std::int64_t n, int reductions)
    {
        const std::size_t r = static_cast<std::size_t>(std::max(reductions, 1));
        std::vector<double> total(r, 0.0), carry(r, 0.0), out;
        std::vector<T> v(slots_.size());
        for (std::int64_t i = 0; i < n; ++i) {
            std::vector<double> acc(r, 0.0);
            for (const Step& s : steps_)
                exec(s, i, v, acc, out);
            for (std::size_t k = 0; k < r; ++k) {
                const double t = total[k] + acc[k];
                carry[k] += std::abs(total[k]) >= std::abs(acc[k]) ? (total[k] - t) + acc[k] : (acc[k] - t) + total[k];
                total[k] = t;
            }
        }
        if (reductions == 0)
            return out;
        std::vector<double> result;
        for (int k = 0; k < reductions; ++k) {
            double t = (total[static_cast<std::size_t>(k)] + carry[static_cast<std::size_t>(k)]) * p_.scale[k];
            if (p_.divisor[k] != 1.0)
                t = t / p_.divisor[k];
            result.push_back(static_cast<double>(static_cast<T>(t)));
        }
        return result;
    }

private:
    struct Arg {
        int slot = -1, constant = -1;
    };
    struct Step {
        enum Kind { Load, LoadScalar, Binary, LossGrad, AccValue, AccProduct, AccLoss, Store } kind;
        int dst = -1, input = -1, acc = -1, c1 = -1, c2 = -1;
        std::string name;
        Arg a, b, g;
    };

    int slot(const std::string& name)
    {
        auto [it, added] = slots_.try_emplace(name, static_cast<int>(slots_.size()));
        return it->second;
    }
    Arg arg(const std::string& text)
    {
        Arg r;
        std::smatch m;
        if (std::regex_match(text, m, std::regex(R"(\(\(T\)p\.c\[(\d+)\]\))")))
            r.constant = std::stoi(m[1]);
        else if (slots_.count(text))
            r.slot = slots_.at(text);
        else
            ok_ = false;
        return r;
    }
    void parse(const std::string& line)
    {
        static const std::string op = R"((x\d+|v\d+|\(\(T\)p\.c\[\d+\]\)))";
        static const std::regex load(R"(    const T (x\d+) = \(\(const T\*\)p\.in\[(\d+)\]\)\[(i|0)\];)");
        static const std::regex binary("    const T (v\\d+) = km::binaryFn<BinaryOp::(\\w+)>\\(" + op + ", " + op + R"(, \(T\)p\.c\[(\d+)\]\);)");
        static const std::regex lossGrad("    const T (v\\d+) = km::lossDerivative<LossKind::(\\w+)>\\(\\(T\\)\\(" + op + " - " + op
                                         + R"(\), \(double\))" + op + R"( \* p\.c\[(\d+)\], p\.c\[(\d+)\]\);)");
        static const std::regex accValue(R"(    acc\[(\d+)\] \+= \(double\))" + op + ";");
        static const std::regex accProduct(R"(    acc\[(\d+)\] \+= \(double\)\()" + op + " \\* " + op + "\\);");
        static const std::regex accLoss(R"(    acc\[(\d+)\] \+= \(double\)km::lossValue<LossKind::(\w+)>\(\(T\)\()" + op + " - " + op
                                        + R"(\), \(T\)p\.c\[(\d+)\]\);)");
        static const std::regex store("    \\(\\(T\\*\\)p\\.out\\[0\\]\\)\\[i\\] = " + op + ";");
        std::smatch m;
        Step s{};
        if (std::regex_match(line, m, load)) {
            s.kind = m[3] == "i" ? Step::Load : Step::LoadScalar;
            s.input = std::stoi(m[2]);
            s.dst = slot(m[1]);
        } else if (std::regex_match(line, m, binary)) {
            s.kind = Step::Binary;
            s.name = m[2];
            s.a = arg(m[3]);
            s.b = arg(m[4]);
            s.c1 = std::stoi(m[5]);
            s.dst = slot(m[1]);
        } else if (std::regex_match(line, m, lossGrad)) {
            s.kind = Step::LossGrad;
            s.name = m[2];
            s.a = arg(m[3]);
            s.b = arg(m[4]);
            s.g = arg(m[5]);
            s.c1 = std::stoi(m[6]);
            s.c2 = std::stoi(m[7]);
            s.dst = slot(m[1]);
        } else if (std::regex_match(line, m, accLoss)) {
            s.kind = Step::AccLoss;
            s.acc = std::stoi(m[1]);
            s.name = m[2];
            s.a = arg(m[3]);
            s.b = arg(m[4]);
            s.c1 = std::stoi(m[5]);
        } else if (std::regex_match(line, m, accProduct)) {
            s.kind = Step::AccProduct;
            s.acc = std::stoi(m[1]);
            s.a = arg(m[2]);
            s.b = arg(m[3]);
        } else if (std::regex_match(line, m, accValue)) {
            s.kind = Step::AccValue;
            s.acc = std::stoi(m[1]);
            s.a = arg(m[2]);
        } else if (std::regex_match(line, m, store)) {
            s.kind = Step::Store;
            s.a = arg(m[1]);
        } else {
            qWarning("unexpected generated statement: %s", line.c_str());
            ok_ = false;
            return;
        }
        steps_.push_back(s);
    }
    T value(const Arg& a, const std::vector<T>& v) const
    {
        return a.slot >= 0 ? v[static_cast<std::size_t>(a.slot)] : static_cast<T>(p_.c[a.constant]);
    }
    template <typename F> static void byLoss(const std::string& name, F&& f)
    {
        if (name == "MSE") f(std::integral_constant<LossKind, LossKind::MSE>{});
        else if (name == "L1") f(std::integral_constant<LossKind, LossKind::L1>{});
        else if (name == "Huber") f(std::integral_constant<LossKind, LossKind::Huber>{});
        else f(std::integral_constant<LossKind, LossKind::SmoothL1>{});
    }
    T binaryOp(const std::string& name, T a, T b, T s) const
    {
        static const std::map<std::string, T (*)(T, T, T)> ops{
            {"Add", km::binaryFn<BinaryOp::Add, T>},           {"Sub", km::binaryFn<BinaryOp::Sub, T>},
            {"Mul", km::binaryFn<BinaryOp::Mul, T>},           {"Div", km::binaryFn<BinaryOp::Div, T>},
            {"ReluGrad", km::binaryFn<BinaryOp::ReluGrad, T>}, {"TanhGrad", km::binaryFn<BinaryOp::TanhGrad, T>},
            {"SigmoidGrad", km::binaryFn<BinaryOp::SigmoidGrad, T>}, {"SqrtGrad", km::binaryFn<BinaryOp::SqrtGrad, T>},
            {"AbsGrad", km::binaryFn<BinaryOp::AbsGrad, T>},   {"PowGrad", km::binaryFn<BinaryOp::PowGrad, T>}};
        return ops.at(name)(a, b, s);
    }
    void exec(const Step& s, std::int64_t i, std::vector<T>& v, std::vector<double>& acc, std::vector<double>& out) const
    {
        switch (s.kind) {
        case Step::Load: v[static_cast<std::size_t>(s.dst)] = static_cast<const T*>(p_.in[s.input])[i]; break;
        case Step::LoadScalar: v[static_cast<std::size_t>(s.dst)] = static_cast<const T*>(p_.in[s.input])[0]; break;
        case Step::Binary:
            v[static_cast<std::size_t>(s.dst)] = binaryOp(s.name, value(s.a, v), value(s.b, v), static_cast<T>(p_.c[s.c1]));
            break;
        case Step::LossGrad:
            byLoss(s.name, [&](auto k) {
                v[static_cast<std::size_t>(s.dst)] = km::lossDerivative<decltype(k)::value>(
                    static_cast<T>(value(s.a, v) - value(s.b, v)), static_cast<double>(value(s.g, v)) * p_.c[s.c1], p_.c[s.c2]);
            });
            break;
        case Step::AccValue: acc[static_cast<std::size_t>(s.acc)] += static_cast<double>(value(s.a, v)); break;
        case Step::AccProduct:
            acc[static_cast<std::size_t>(s.acc)] += static_cast<double>(value(s.a, v) * value(s.b, v));
            break;
        case Step::AccLoss:
            byLoss(s.name, [&](auto k) {
                acc[static_cast<std::size_t>(s.acc)] += static_cast<double>(km::lossValue<decltype(k)::value>(
                    static_cast<T>(value(s.a, v) - value(s.b, v)), static_cast<T>(p_.c[s.c1])));
            });
            break;
        case Step::Store: out.push_back(static_cast<double>(value(s.a, v))); break;
        }
    }

    const FusedParams& p_;
    std::map<std::string, int> slots_;
    std::vector<Step> steps_;
    bool ok_ = true;
};

void compilesEverywhere(const std::string& source)
{
    QVERIFY(!source.empty());
    for (const auto& [major, minor] : {std::pair{7, 5}, std::pair{8, 0}, std::pair{8, 6}, std::pair{9, 0}}) {
        std::string error;
        const std::vector<char> cubin = cuda::compileCubin(source, major, minor, error);
        QVERIFY2(!cubin.empty(), qPrintable(QStringLiteral("sm_%1%2: %3\n%4").arg(major).arg(minor)
                                                .arg(QString::fromStdString(error), QString::fromStdString(source))));
    }
}

} // namespace

class TestCudaCodegen : public QObject {
    Q_OBJECT

private slots:
    void tutorialStepIsOnePassOverXAndY_data();
    void tutorialStepIsOnePassOverXAndY();
    void sourceDependsOnlyOnTheExpressionsShape();
    void everyBinaryOpAndLossCompiles();
    void aSharedSubexpressionIsComputedOnce();
    void theGeneratedStepComputesTheCpusValues_data();
    void theGeneratedStepComputesTheCpusValues();
    void theGeneratedChainComputesTheCpusValues();
};

void TestCudaCodegen::tutorialStepIsOnePassOverXAndY_data()
{
    QTest::addColumn<int>("dtype");
    QTest::newRow("float32") << static_cast<int>(DType::Float32);
    QTest::newRow("float64") << static_cast<int>(DType::Float64);
}

void TestCudaCodegen::tutorialStepIsOnePassOverXAndY()
{
    QFETCH(int, dtype);
    const TutorialStep step(static_cast<DType>(dtype), 1.0);
    const std::string source = step.source();
    // x and y are each loaded once per element, a, b and the incoming gradient are one value each;
    // yhat and g are computed in registers.
    QCOMPARE(count(source, "p.in["), 5);
    QCOMPARE(count(source, "])[i]"), 2);
    QCOMPARE(count(source, "])[0]"), 3);
    QCOMPARE(count(source, "acc[0] +="), 1);
    QCOMPARE(count(source, "acc[1] +="), 1);
    QCOMPARE(count(source, "acc[2] +="), 1);
    QCOMPARE(count(source, "binaryFn<BinaryOp::Add>"), 1);
    QCOMPARE(count(source, "lossDerivative<LossKind::MSE>"), 1);
    compilesEverywhere(source);
}

void TestCudaCodegen::sourceDependsOnlyOnTheExpressionsShape()
{
    // Compiled kernels are cached by source: values (here the loss's parameter and the
    // tensors' addresses) must not change it, only the expression's shape.
    const TutorialStep first(DType::Float32, 1.0, LossKind::Huber);
    const TutorialStep later(DType::Float32, 0.25, LossKind::Huber);
    QCOMPARE(first.source(), later.source());
    const TutorialStep mse(DType::Float32, 1.0);
    QVERIFY(first.source() != mse.source());
}

void TestCudaCodegen::everyBinaryOpAndLossCompiles()
{
    for (DType dtype : {DType::Float32, DType::Float64}) {
        const Tensor x = makeTensor(Shape{kN, 1}, dtype, Device::cpu());
        const Tensor y = makeTensor(Shape{kN, 1}, dtype, Device::cpu());
        // One expression using every op, as a chain.
        Tensor chain = x;
        for (BinaryOp op : {BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::Div, BinaryOp::ReluGrad, BinaryOp::TanhGrad,
                            BinaryOp::SigmoidGrad, BinaryOp::SqrtGrad, BinaryOp::AbsGrad, BinaryOp::PowGrad})
            chain = pending(binary(op, of(chain), of(y), 2.5), dtype);
        const std::string elementwise = cuda::fusedSource({chain.impl()->storage->pending.get()}, false);
        QCOMPARE(count(elementwise, "binaryFn<"), 10);
        compilesEverywhere(elementwise);
        for (LossKind kind : {LossKind::MSE, LossKind::L1, LossKind::Huber, LossKind::SmoothL1})
            compilesEverywhere(TutorialStep(dtype, 0.5, kind).source());
    }
}

void TestCudaCodegen::aSharedSubexpressionIsComputedOnce()
{
    const Tensor x = makeTensor(Shape{kN, 1}, DType::Float32, Device::cpu());
    const Tensor d = pending(binary(BinaryOp::Sub, of(x), value(1.0)), DType::Float32);
    const Tensor square = pending(binary(BinaryOp::Mul, of(d), of(d)), DType::Float32);
    const std::string source = cuda::fusedSource({square.impl()->storage->pending.get()}, false);
    QCOMPARE(count(source, "binaryFn<BinaryOp::Sub>"), 1);
    QCOMPARE(count(source, "p.in["), 1);
    compilesEverywhere(source);
}

namespace {

StepValues tutorialValues()
{
    StepValues v;
    v.a = 0.33669036626815796;
    v.b = 0.12880940735340118;
    v.seed = 0.75; // an incoming gradient other than 1, as for loss * 0.75
    // y = 1 + 2x + 0.1·noise, drawn with the engine's generator.
    Generator g(42);
    v.x.resize(static_cast<std::size_t>(kN));
    v.y.resize(static_cast<std::size_t>(kN));
    g.fillUniform(v.x.data(), kN, 0.0, 1.0);
    g.fillNormal(v.y.data(), kN, 0.0, 0.1);
    for (std::size_t i = 0; i < v.x.size(); ++i)
        v.y[i] += 1.0 + 2.0 * v.x[i];
    return v;
}

template <typename T>
void compareStep(LossKind kind, double param, const std::function<Tensor(const Tensor&, const Tensor&)>& loss)
{
    constexpr DType dtype = sizeof(T) == 4 ? DType::Float32 : DType::Float64;
    const StepValues values = tutorialValues();
    const TutorialStep step(dtype, param, kind, values);
    FusedParams params{};
    const std::string source = step.source(&params);
    HostRun<T> host(source, params);
    QVERIFY2(host.ok(), source.c_str());
    const std::vector<double> got = host.run(kN, 3);

    // The same step through the CPU engine: loss(a + b·x, y) · seed, backward.
    const TensorOptions o = TensorOptions{}.withDType(dtype);
    Tensor a = fromData({values.a}, Shape{1}, TensorOptions(o).withRequiresGrad());
    Tensor b = fromData({values.b}, Shape{1}, TensorOptions(o).withRequiresGrad());
    const Tensor x = fromData(values.x, Shape{kN, 1}, o), y = fromData(values.y, Shape{kN, 1}, o);
    const Tensor l = loss(a + b * x, y);
    l.backward(scalarTensor(values.seed, o));
    const double want[] = {l.item(), a.grad().item(), b.grad().item()};
    const char* names[] = {"loss", "d loss / d a", "d loss / d b"};
    const double rtol = dtype == DType::Float32 ? 1e-5 : 1e-12;
    for (int k = 0; k < 3; ++k)
        QVERIFY2(std::abs(got[static_cast<std::size_t>(k)] - want[k]) <= rtol * std::max(1.0, std::abs(want[k])),
                 qPrintable(QStringLiteral("%1: generated %2, CPU %3").arg(QLatin1String(names[k])).arg(got[static_cast<std::size_t>(k)], 0, 'g', 17).arg(want[k], 0, 'g', 17)));
}

} // namespace

void TestCudaCodegen::theGeneratedStepComputesTheCpusValues_data()
{
    QTest::addColumn<int>("dtype");
    QTest::addColumn<int>("kind");
    for (int dt : {0, 1})
        for (int k : {0, 1, 2, 3})
            QTest::addRow("%s %s", dt ? "float64" : "float32", k == 0 ? "mse" : k == 1 ? "l1" : k == 2 ? "huber" : "smooth_l1") << dt << k;
}

void TestCudaCodegen::theGeneratedStepComputesTheCpusValues()
{
    // The kernel generated for the tutorial's step (loss, and both gradients for an incoming
    // gradient of 0.75), run on the host, gives what the CPU engine computes.
    QFETCH(int, dtype);
    QFETCH(int, kind);
    const LossKind k = static_cast<LossKind>(kind);
    const double param = k == LossKind::Huber ? 0.05 : k == LossKind::SmoothL1 ? 0.07 : 1.0;
    auto loss = [k, param](const Tensor& in, const Tensor& t) {
        switch (k) {
        case LossKind::MSE: return mseLoss(in, t);
        case LossKind::L1: return l1Loss(in, t);
        case LossKind::Huber: return huberLoss(in, t, Reduction::Mean, param);
        case LossKind::SmoothL1: return smoothL1Loss(in, t, Reduction::Mean, param);
        }
        return mseLoss(in, t);
    };
    if (dtype == 0)
        compareStep<float>(k, param, loss);
    else
        compareStep<double>(k, param, loss);
}

void TestCudaCodegen::theGeneratedChainComputesTheCpusValues()
{
    // ((x + 2.5·y) − 0.5·y) · y / (x + 1), elementwise, read as a whole.
    const StepValues values = tutorialValues();
    const TensorOptions o = TensorOptions{}.withDType(DType::Float64);
    const Tensor x = fromData(values.x, Shape{kN, 1}, o), y = fromData(values.y, Shape{kN, 1}, o);
    const Tensor one = fromData({1.0}, Shape{1}, o);
    const Tensor s1 = pending(binary(BinaryOp::Add, of(x), of(y), 2.5), DType::Float64);
    const Tensor s2 = pending(binary(BinaryOp::Sub, of(s1), of(y), 0.5), DType::Float64);
    const Tensor s3 = pending(binary(BinaryOp::Mul, of(s2), of(y)), DType::Float64);
    const Tensor s4 = pending(binary(BinaryOp::Add, of(x), of(one)), DType::Float64);
    const Tensor s5 = pending(binary(BinaryOp::Div, of(s3), of(s4)), DType::Float64);
    FusedParams params{};
    const std::string source = cuda::fusedSource({s5.impl()->storage->pending.get()}, false, &params);
    HostRun<double> host(source, params);
    QVERIFY2(host.ok(), source.c_str());
    const std::vector<double> got = host.run(kN, 0);
    const std::vector<double> want = div(mul(sub(add(x, y, 2.5), y, 0.5), y), add(x, one)).toVector();
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        QVERIFY2(got[i] == want[i], qPrintable(QStringLiteral("element %1: %2 vs %3").arg(i).arg(got[i]).arg(want[i])));
}

QTEST_APPLESS_MAIN(TestCudaCodegen)
#include "tst_cuda_codegen.moc"

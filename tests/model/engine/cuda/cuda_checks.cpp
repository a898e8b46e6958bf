#include "cuda_checks.h"
#include "../gradcheck.h"

#include "engine/autograd.h"
#include "engine/backend.h"
#include "engine/generator.h"
#include "engine/nn.h"
#include "engine/ops.h"
#include "engine/optim.h"
#include "engine/tensor.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#ifndef GRADLAB_TEST_DATA_DIR
#error "GRADLAB_TEST_DATA_DIR must name tests/reference"
#endif

namespace gradlab::cudacheck {
namespace {

const Device kCpu = Device::cpu();
constexpr DType kF32 = DType::Float32;
constexpr DType kF64 = DType::Float64;

std::string num(double v)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

[[noreturn]] void fail(const std::string& message) { throw std::runtime_error(message); }

void require(bool condition, const std::string& message)
{
    if (!condition)
        fail(message);
}

TensorOptions opts(DType dtype, Device device, bool requiresGrad = false)
{
    return TensorOptions{}.withDType(dtype).withDevice(device).withRequiresGrad(requiresGrad);
}

// Tolerances. A target value a matches the CPU's reference value r when
//     |a − r| <= rtol · S,   S = max over the whole reference tensor of |r_i|
// with rtol = 1e-12 for float64 and 1e-5 for float32. Scaling by the tensor's largest magnitude
// (not by each element's own) keeps elements near zero from demanding impossible relative
// accuracy: a different but valid summation order on the device moves every element by rounding
// errors of the size of the largest terms. When the reference is all zeros, S = 1 (the tolerance
// is absolute). NaN matches only NaN; equal infinities match.
double relativeTolerance(DType dtype) { return dtype == kF64 ? 1e-12 : 1e-5; }

std::string indexText(std::int64_t flat, const Shape& shape)
{
    std::vector<std::int64_t> idx(static_cast<std::size_t>(shape.ndim()));
    for (int d = shape.ndim() - 1; d >= 0; --d) {
        idx[static_cast<std::size_t>(d)] = flat % shape[d];
        flat /= shape[d];
    }
    std::string out = "[";
    for (std::size_t i = 0; i < idx.size(); ++i)
        out.append(i ? ", " : "").append(std::to_string(idx[i]));
    return out + "]";
}

void sameLayout(const std::string& what, const Tensor& actual, const Tensor& reference)
{
    require(actual.defined(), what + ": undefined on the target device");
    require(reference.defined(), what + ": undefined on the CPU (the reference)");
    require(actual.shape() == reference.shape(), what + ": shape " + actual.shape().bracketStr() + " on "
                                                     + actual.device().str() + ", " + reference.shape().bracketStr()
                                                     + " on the CPU");
    require(actual.dtype() == reference.dtype(), what + ": dtype " + dtypeName(actual.dtype()) + " on "
                                                     + actual.device().str() + ", " + dtypeName(reference.dtype())
                                                     + " on the CPU");
}

// `rtol` 0 means the dtype's tolerance (see above).
void expectClose(const std::string& what, const Tensor& actual, const Tensor& reference, double rtol = 0.0)
{
    sameLayout(what, actual, reference);
    const std::vector<double> av = actual.toVector();
    const std::vector<double> rv = reference.toVector();
    require(av.size() == rv.size(), what + ": " + std::to_string(av.size()) + " values on the target, "
                                        + std::to_string(rv.size()) + " on the CPU");
    const double r = rtol > 0.0 ? rtol : relativeTolerance(reference.dtype());
    double scale = 0.0;
    for (double v : rv)
        if (std::isfinite(v))
            scale = std::max(scale, std::fabs(v));
    const bool allZero = scale == 0.0;
    if (allZero)
        scale = 1.0;
    const double tol = r * scale;
    for (std::size_t i = 0; i < av.size(); ++i) {
        const double a = av[i], b = rv[i];
        if (a == b || (std::isnan(a) && std::isnan(b)))
            continue;
        const double diff = std::fabs(a - b);
        if (diff <= tol)
            continue;
        fail(what + ": element " + indexText(static_cast<std::int64_t>(i), reference.shape()) + " differs: "
             + actual.device().str() + " gives " + num(a) + ", cpu gives " + num(b) + "; |difference| " + num(diff)
             + " > tolerance " + num(tol)
             + (allZero ? " (absolute: the reference is all zeros)"
                        : " (" + num(r) + " x max|reference| " + num(scale) + ")"));
    }
}

// Bit-for-bit equal values (copies, conversions, fills).
void expectExact(const std::string& what, const Tensor& actual, const Tensor& reference)
{
    sameLayout(what, actual, reference);
    const std::vector<double> av = actual.toVector();
    const std::vector<double> rv = reference.toVector();
    for (std::size_t i = 0; i < av.size() && i < rv.size(); ++i)
        if (!(av[i] == rv[i] || (std::isnan(av[i]) && std::isnan(rv[i]))))
            fail(what + ": element " + indexText(static_cast<std::int64_t>(i), reference.shape())
                 + " must be exactly equal: " + actual.device().str() + " gives " + num(av[i]) + ", cpu gives "
                 + num(rv[i]));
}

void expectDevice(const std::string& what, const Tensor& t, Device device)
{
    require(t.defined(), what + ": undefined");
    require(t.device() == device, what + ": on " + t.device().str() + ", expected on " + device.str());
}

void expectScalarClose(const std::string& what, double actual, double reference, DType dtype, Device device)
{
    const double r = relativeTolerance(dtype);
    const double scale = reference == 0.0 ? 1.0 : std::fabs(reference);
    const double diff = std::fabs(actual - reference);
    require(diff <= r * scale, what + ": " + device.str() + " gives " + num(actual) + ", cpu gives " + num(reference)
                                   + "; |difference| " + num(diff) + " > tolerance " + num(r * scale));
}

// Deterministic values in [lo, hi) from the engine's generator, pushed away from zero by at least
// minAbs.
std::vector<double> values(std::int64_t n, std::uint64_t seed, double lo, double hi, double minAbs = 0.0)
{
    std::vector<double> v(static_cast<std::size_t>(n));
    Generator g(seed);
    g.fillUniform(v.data(), n, lo, hi);
    for (auto& x : v)
        if (std::fabs(x) < minAbs)
            x += x < 0.0 ? -minAbs : minAbs;
    return v;
}

// ---------------------------------------------------------------------------------------------
// Ops: the same function on CPU inputs and on target inputs, forward and backward.

struct In {
    Shape shape;
    double lo = -2.0, hi = 2.0, minAbs = 0.0;
    bool grad = true;
};
using Fn = std::function<Tensor(const std::vector<Tensor>&)>;

std::vector<Tensor> makeInputs(const std::vector<In>& specs, DType dtype, Device device, std::uint64_t seed)
{
    std::vector<Tensor> out;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const In& s = specs[i];
        out.push_back(fromData(values(s.shape.numel(), seed * 131 + i, s.lo, s.hi, s.minAbs), s.shape,
                               opts(dtype, device, s.grad)));
    }
    return out;
}

void compareOp(const std::string& what, Device device, DType dtype, const std::vector<In>& specs, const Fn& f,
               std::uint64_t seed = 1)
{
    std::vector<Tensor> ci = makeInputs(specs, dtype, kCpu, seed);
    std::vector<Tensor> di = makeInputs(specs, dtype, device, seed);
    for (std::size_t i = 0; i < di.size(); ++i)
        expectDevice(what + ": input " + std::to_string(i), di[i], device);
    const Tensor rc = f(ci);
    const Tensor rd = f(di);
    expectDevice(what + ": result", rd, device);
    expectClose(what + ": forward", rd, rc);

    bool anyGrad = false;
    for (const In& s : specs)
        anyGrad = anyGrad || s.grad;
    if (!anyGrad)
        return;
    require(rd.requiresGrad(), what + ": the result on " + device.str() + " does not require grad");
    const std::vector<double> v = gradcheck::projection(rc.numel(), seed); // never near zero
    rc.backward(fromData(v, rc.shape(), opts(dtype, kCpu)));
    rd.backward(fromData(v, rd.shape(), opts(dtype, device)));
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (!specs[i].grad)
            continue;
        const std::string g = what + ": gradient of input " + std::to_string(i);
        require(ci[i].grad().defined(), g + " is undefined on the CPU");
        require(di[i].grad().defined(), g + " is undefined on " + device.str());
        expectDevice(g, di[i].grad(), device);
        expectClose(g, di[i].grad(), ci[i].grad());
    }
}

std::string dtypeTag(DType dtype) { return dtypeName(dtype); }

void addForDTypes(std::vector<Check>& out, const std::string& name, std::function<void(Device, DType)> body)
{
    for (DType dt : {kF32, kF64})
        out.push_back({name + "/" + dtypeTag(dt), [body, dt](Device d) { body(d, dt); }});
}

void addOpCase(std::vector<Check>& out, const std::string& name, std::vector<In> specs, Fn f, std::uint64_t seed)
{
    addForDTypes(out, "op/" + name, [name, specs = std::move(specs), f = std::move(f), seed](Device d, DType dt) {
        compareOp(name, d, dt, specs, f, seed);
    });
}

void addOpChecks(std::vector<Check>& out)
{
    std::uint64_t seed = 1;

    // Binary elementwise ops with broadcasting; divisors kept away from zero.
    struct Broadcast {
        const char* name;
        Shape a, b;
    };
    const std::vector<Broadcast> shapes{
        {"same shape", {4, 5}, {4, 5}},     {"scalar", {4, 5}, {}},          {"scalar first", {}, {4, 5}},
        {"row (1,n)", {4, 5}, {1, 5}},      {"column (m,1)", {4, 5}, {4, 1}}, {"3-D with (3,1)", {2, 3, 4}, {3, 1}},
        {"3-D both ways", {2, 1, 4}, {3, 1}}, {"3-D same", {2, 3, 4}, {2, 3, 4}},
    };
    struct Binary {
        const char* name;
        Fn fn;
        bool positiveB;
    };
    const std::vector<Binary> binaries{
        {"add", [](const std::vector<Tensor>& t) { return add(t[0], t[1]); }, false},
        {"add alpha 2.5", [](const std::vector<Tensor>& t) { return add(t[0], t[1], 2.5); }, false},
        {"sub", [](const std::vector<Tensor>& t) { return sub(t[0], t[1]); }, false},
        {"sub alpha 0.5", [](const std::vector<Tensor>& t) { return sub(t[0], t[1], 0.5); }, false},
        {"mul", [](const std::vector<Tensor>& t) { return mul(t[0], t[1]); }, false},
        {"div", [](const std::vector<Tensor>& t) { return div(t[0], t[1]); }, true},
    };
    for (const Binary& op : binaries)
        for (const Broadcast& s : shapes) {
            In b{s.b};
            if (op.positiveB)
                b.minAbs = 0.5;
            addOpCase(out, std::string(op.name) + " " + s.name, {In{s.a}, b}, op.fn, ++seed);
        }
    addOpCase(out, "tensor-double operators", {In{{3, 4}, 0.5, 2.0}},
              [](const std::vector<Tensor>& t) {
                  return ((t[0] + 1.5) * 3.0 - 2.0 / t[0] + (0.5 - t[0]) / 4.0) * (-t[0]);
              },
              ++seed);

    // Unary ops; log, sqrt and the fractional and negative powers on positive inputs, abs and relu
    // away from their kink.
    struct Unary {
        const char* name;
        Fn fn;
        double lo, hi, minAbs;
    };
    const std::vector<Unary> unaries{
        {"neg", [](const std::vector<Tensor>& t) { return neg(t[0]); }, -2, 2, 0},
        {"pow 2", [](const std::vector<Tensor>& t) { return pow(t[0], 2.0); }, -2, 2, 0},
        {"pow 3", [](const std::vector<Tensor>& t) { return pow(t[0], 3.0); }, -2, 2, 0},
        {"pow 0.5", [](const std::vector<Tensor>& t) { return pow(t[0], 0.5); }, 0.2, 3, 0},
        {"pow -1", [](const std::vector<Tensor>& t) { return pow(t[0], -1.0); }, 0.2, 3, 0},
        {"exp", [](const std::vector<Tensor>& t) { return exp(t[0]); }, -3, 3, 0},
        {"log", [](const std::vector<Tensor>& t) { return log(t[0]); }, 0.1, 5, 0},
        {"sqrt", [](const std::vector<Tensor>& t) { return sqrt(t[0]); }, 0.1, 5, 0},
        {"abs", [](const std::vector<Tensor>& t) { return abs(t[0]); }, -2, 2, 0.05},
        {"relu", [](const std::vector<Tensor>& t) { return relu(t[0]); }, -2, 2, 0.05},
        {"tanh", [](const std::vector<Tensor>& t) { return tanh(t[0]); }, -3, 3, 0},
        {"sigmoid", [](const std::vector<Tensor>& t) { return sigmoid(t[0]); }, -4, 4, 0},
        {"method chain", [](const std::vector<Tensor>& t) { return t[0].abs().sqrt().exp().tanh().sigmoid().relu(); },
         -2, 2, 0.05},
    };
    for (const Unary& u : unaries)
        addOpCase(out, u.name, {In{{3, 4, 5}, u.lo, u.hi, u.minAbs}}, u.fn, ++seed);

    // Reductions.
    addOpCase(out, "sum", {In{{4, 5}}}, [](const std::vector<Tensor>& t) { return sum(t[0]); }, ++seed);
    addOpCase(out, "sum 3-D", {In{{2, 3, 4}}}, [](const std::vector<Tensor>& t) { return t[0].sum(); }, ++seed);
    addOpCase(out, "mean", {In{{4, 5}}}, [](const std::vector<Tensor>& t) { return mean(t[0]); }, ++seed);
    addOpCase(out, "mean 3-D", {In{{2, 3, 4}}}, [](const std::vector<Tensor>& t) { return t[0].mean(); }, ++seed);
    for (bool keep : {false, true}) {
        const std::string k = keep ? " keepdim" : "";
        for (int dim : {0, 1, -1}) {
            addOpCase(out, "sum(" + std::to_string(dim) + ")" + k + " of (4,5)", {In{{4, 5}}},
                      [dim, keep](const std::vector<Tensor>& t) { return sum(t[0], dim, keep); }, ++seed);
            addOpCase(out, "mean(" + std::to_string(dim) + ")" + k + " of (4,5)", {In{{4, 5}}},
                      [dim, keep](const std::vector<Tensor>& t) { return mean(t[0], dim, keep); }, ++seed);
        }
        for (int dim : {0, 1, 2, -2}) {
            addOpCase(out, "sum(" + std::to_string(dim) + ")" + k + " of (2,3,4)", {In{{2, 3, 4}}},
                      [dim, keep](const std::vector<Tensor>& t) { return t[0].sum(dim, keep); }, ++seed);
            addOpCase(out, "mean(" + std::to_string(dim) + ")" + k + " of (2,3,4)", {In{{2, 3, 4}}},
                      [dim, keep](const std::vector<Tensor>& t) { return t[0].mean(dim, keep); }, ++seed);
        }
    }

    // Linear algebra.
    const Fn mm = [](const std::vector<Tensor>& t) { return matmul(t[0], t[1]); };
    addOpCase(out, "matmul (7,5)x(5,3)", {In{{7, 5}}, In{{5, 3}}}, mm, ++seed);
    addOpCase(out, "matmul (300,200)x(200,100)", {In{{300, 200}}, In{{200, 100}}}, mm, ++seed);
    addOpCase(out, "matmul (5)x(5) dot", {In{{5}}, In{{5}}}, mm, ++seed);
    addOpCase(out, "matmul (7,5)x(5) matrix-vector", {In{{7, 5}}, In{{5}}}, mm, ++seed);
    addOpCase(out, "matmul (5)x(5,3) vector-matrix", {In{{5}}, In{{5, 3}}}, mm, ++seed);
    addOpCase(out, "matmul of transposes (5,7)^T x (3,5)^T", {In{{5, 7}}, In{{3, 5}}},
              [](const std::vector<Tensor>& t) { return t[0].t().matmul(t[1].t()); }, ++seed);
    addOpCase(out, "linear with bias", {In{{6, 4}}, In{{3, 4}}, In{{3}}},
              [](const std::vector<Tensor>& t) { return linear(t[0], t[1], t[2]); }, ++seed);
    addOpCase(out, "linear without bias", {In{{6, 4}}, In{{3, 4}}},
              [](const std::vector<Tensor>& t) { return linear(t[0], t[1], Tensor()); }, ++seed);
    addOpCase(out, "linear with bias, 1-D input", {In{{4}}, In{{3, 4}}, In{{3}}},
              [](const std::vector<Tensor>& t) { return linear(t[0], t[1], t[2]); }, ++seed);

    // Shape ops (followed by a product so that the gradient is not all ones).
    addOpCase(out, "transpose (2,3,4) dims 0,2", {In{{2, 3, 4}}},
              [](const std::vector<Tensor>& t) { return transpose(t[0], 0, 2); }, ++seed);
    addOpCase(out, "transpose (2,3,4) dims 1,2 method", {In{{2, 3, 4}}},
              [](const std::vector<Tensor>& t) { return t[0].transpose(1, 2); }, ++seed);
    addOpCase(out, "t (4,5)", {In{{4, 5}}}, [](const std::vector<Tensor>& t) { return gradlab::t(t[0]); }, ++seed);
    addOpCase(out, "t then matmul", {In{{4, 5}}, In{{4, 3}}},
              [](const std::vector<Tensor>& t) { return matmul(t[0].t(), t[1]); }, ++seed);
    addOpCase(out, "reshape (2,3,4) to (6,4)", {In{{2, 3, 4}}},
              [](const std::vector<Tensor>& t) { return reshape(t[0], Shape{6, 4}); }, ++seed);
    addOpCase(out, "reshape then view then mul", {In{{2, 3, 4}}, In{{4, 6}}},
              [](const std::vector<Tensor>& t) { return t[0].reshape(Shape{4, 6}) * t[1].view(Shape{4, 6}); },
              ++seed);
    addOpCase(out, "indexSelect rows with repeats", {In{{6, 3}}},
              [](const std::vector<Tensor>& t) { return indexSelect(t[0], {4, 0, 4, 2, 5, 4}); }, ++seed);
    addOpCase(out, "indexSelect 1-D", {In{{8}}},
              [](const std::vector<Tensor>& t) { return indexSelect(t[0], {7, 1, 1, 3}); }, ++seed);
    addOpCase(out, "indexSelect of a (10,1) column (mini-batch)", {In{{10, 1}}},
              [](const std::vector<Tensor>& t) { return indexSelect(t[0], {9, 2, 5, 2, 0}); }, ++seed);

    // Losses, input and target both requiring grad.
    struct LossCase {
        const char* name;
        std::function<Tensor(const Tensor&, const Tensor&, Reduction)> fn;
    };
    const std::vector<LossCase> losses{
        {"mseLoss", [](const Tensor& i, const Tensor& t, Reduction r) { return mseLoss(i, t, r); }},
        {"l1Loss", [](const Tensor& i, const Tensor& t, Reduction r) { return l1Loss(i, t, r); }},
        {"huberLoss delta 0.5", [](const Tensor& i, const Tensor& t, Reduction r) { return huberLoss(i, t, r, 0.5); }},
        {"smoothL1Loss beta 0.7",
         [](const Tensor& i, const Tensor& t, Reduction r) { return smoothL1Loss(i, t, r, 0.7); }},
    };
    for (const LossCase& l : losses)
        for (Reduction r : {Reduction::Mean, Reduction::Sum}) {
            const auto fn = l.fn;
            addOpCase(out, std::string(l.name) + (r == Reduction::Mean ? " mean" : " sum"), {In{{5, 3}}, In{{5, 3}}},
                      [fn, r](const std::vector<Tensor>& t) { return fn(t[0], t[1], r); }, ++seed);
        }
}

// ---------------------------------------------------------------------------------------------
// Tensor methods.

void checkToRoundTrip(Device d, DType dt)
{
    const Tensor c = fromData(values(37, 11, -3.0, 3.0), Shape{37}, opts(dt, kCpu));
    const Tensor dev = c.to(d);
    expectDevice("to(device)", dev, d);
    expectExact("to(device) values", dev, c);
    const Tensor back = dev.to(kCpu);
    expectDevice("to(cpu)", back, kCpu);
    expectExact("cpu -> device -> cpu round trip", back, c);
    expectExact("cpu()", dev.cpu(), c);
    // A value that float32 cannot hold exactly: conversions must round as the CPU does.
    const DType other = dt == kF32 ? kF64 : kF32;
    expectExact("to(device, other dtype) from the cpu", c.to(d, other).to(kCpu), c.to(other));
    expectExact("to(other dtype) on the device", dev.to(other).to(kCpu), c.to(other));
    expectExact("dtype round trip on the device", dev.to(other).to(dt).to(kCpu), c.to(other).to(dt));
    expectExact("to(cpu, other dtype) from the device", dev.to(kCpu, other), c.to(other));
}

void checkClone(Device d, DType dt)
{
    const std::vector<double> v = values(12, 21, -2.0, 2.0);
    Tensor xc = fromData(v, Shape{3, 4}, opts(dt, kCpu, true));
    Tensor xd = fromData(v, Shape{3, 4}, opts(dt, d, true));
    const Tensor yc = xc.clone(), yd = xd.clone();
    expectDevice("clone", yd, d);
    expectExact("clone values", yd, yc);
    require(yd.gradFn() && yc.gradFn() && std::string(yd.gradFn()->name()) == yc.gradFn()->name(),
            "clone of a tensor that requires grad: grad_fn differs from the cpu's");
    (yc * yc * 3.0).sum().backward();
    (yd * yd * 3.0).sum().backward();
    expectClose("gradient through clone", xd.grad(), xc.grad());
    {
        NoGradGuard noGrad;
        Tensor copy = xd.clone();
        copy.fill_(7.0);
        expectExact("the original after filling its clone", xd, xc);
    }
}

void checkDetach(Device d, DType dt)
{
    const std::vector<double> v = values(6, 31, -2.0, 2.0);
    Tensor x = fromData(v, Shape{2, 3}, opts(dt, d, true));
    Tensor det = x.detach();
    expectDevice("detach", det, d);
    require(!det.requiresGrad() && det.isLeaf(), "detach: the result must be a leaf that does not require grad");
    expectExact("detach values", det, fromData(v, Shape{2, 3}, opts(dt, kCpu)));
    det.fill_(3.0); // shares data with x
    expectExact("the original after filling its detached alias", x, full(Shape{2, 3}, 3.0, opts(dt, kCpu)));
    const Tensor y = (x * det).sum(); // det is a constant: d/dx = det
    y.backward();
    expectExact("gradient with a detached factor", x.grad(), full(Shape{2, 3}, 3.0, opts(dt, kCpu)));
}

void checkInPlace(Device d, DType dt)
{
    const Shape s{4, 5};
    const std::vector<double> v0 = values(20, 41, -2.0, 2.0);
    const std::vector<double> vu = values(20, 42, 0.5, 2.0);
    Tensor tc = fromData(v0, s, opts(dt, kCpu, true));
    Tensor td = fromData(v0, s, opts(dt, d, true));
    const Tensor uc = fromData(vu, s, opts(dt, kCpu));
    const Tensor ud = fromData(vu, s, opts(dt, d));
    const Tensor rowC = fromData(values(5, 43, -1.0, 1.0), Shape{1, 5}, opts(dt, kCpu));
    const Tensor rowD = rowC.to(d);
    NoGradGuard noGrad;
    const std::uint32_t v = td.version();
    td.fill_(1.5);
    tc.fill_(1.5);
    expectExact("fill_", td, tc);
    require(td.version() > v, "fill_ did not bump the version counter on " + d.str());
    tc.add_(uc, 0.5);
    td.add_(ud, 0.5);
    expectClose("add_(other, alpha 0.5)", td, tc);
    tc.mul_(uc);
    td.mul_(ud);
    expectClose("mul_(other)", td, tc);
    tc.sub_(uc, 2.0);
    td.sub_(ud, 2.0);
    expectClose("sub_(other, alpha 2)", td, tc);
    tc.add_(0.25);
    td.add_(0.25);
    expectClose("add_(0.25)", td, tc);
    tc.sub_(1.0);
    td.sub_(1.0);
    expectClose("sub_(1)", td, tc);
    tc.mul_(-3.0);
    td.mul_(-3.0);
    expectClose("mul_(-3)", td, tc);
    tc.add_(rowC);
    td.add_(rowD);
    expectClose("add_ of a broadcast row", td, tc);
    tc.copy_(uc);
    td.copy_(ud);
    expectExact("copy_ on the device", td, tc);
    td.zero_();
    tc.zero_();
    expectExact("zero_", td, tc);
    td.copy_(uc); // from the CPU into the device tensor
    expectExact("copy_ from a cpu tensor", td, uc);
    const DType other = dt == kF32 ? kF64 : kF32;
    const Tensor wide = fromData(values(20, 44, -2.0, 2.0), s, opts(other, kCpu));
    td.copy_(wide.to(d));
    tc.copy_(wide);
    expectExact("copy_ converting the dtype", td, tc);
    expectDevice("the tensor after the in-place ops", td, d);
}

void checkCreation(Device d, DType dt)
{
    const Shape s{3, 4};
    expectDevice("zeros", zeros(s, opts(dt, d)), d);
    expectExact("zeros", zeros(s, opts(dt, d)), zeros(s, opts(dt, kCpu)));
    expectExact("ones", ones(s, opts(dt, d)), ones(s, opts(dt, kCpu)));
    expectExact("full 0.1", full(s, 0.1, opts(dt, d)), full(s, 0.1, opts(dt, kCpu)));
    const std::vector<double> v = values(12, 51, -1e3, 1e3);
    expectExact("fromData", fromData(v, s, opts(dt, d)), fromData(v, s, opts(dt, kCpu)));
    const Tensor sc = scalarTensor(0.3, opts(dt, d));
    expectDevice("scalarTensor", sc, d);
    expectExact("scalarTensor", sc, scalarTensor(0.3, opts(dt, kCpu)));
    const Tensor p = zeros(s, opts(dt, d, true));
    require(p.requiresGrad() && p.isLeaf(), "zeros(requires_grad) on " + d.str() + " must be a leaf requiring grad");
    const Tensor e = empty(Shape{1000}, opts(dt, d));
    expectDevice("empty", e, d);
    require(e.numel() == 1000 && e.dtype() == dt, "empty: wrong size or dtype");
}

void checkItemAndToVector(Device d, DType dt)
{
    const std::vector<double> v = values(50, 61, -2.0, 2.0);
    const Tensor xc = fromData(v, Shape{5, 10}, opts(dt, kCpu));
    const Tensor xd = fromData(v, Shape{5, 10}, opts(dt, d));
    const std::vector<double> got = xd.toVector(), want = xc.toVector();
    require(got == want, "toVector on " + d.str() + " differs from the cpu's");
    expectScalarClose("item of (x*x).sum()", (xd * xd).sum().item(), (xc * xc).sum().item(), dt, d);
    const Tensor total = xd.sum(1).sum(0, true);
    require(total.item() == total.toVector().at(0), "item and toVector disagree on " + d.str());
    bool threw = false;
    try {
        (void)xd.item();
    } catch (const EngineError&) {
        threw = true;
    }
    require(threw, "item() of a 50-element tensor on " + d.str() + " must throw EngineError");
}

void checkStr(Device d, DType dt)
{
    const std::vector<double> v{0.3367, -1.25, 2.0};
    const Tensor leafC = fromData(v, Shape{3}, opts(dt, kCpu, true));
    const Tensor leafD = fromData(v, Shape{3}, opts(dt, d, true));
    const Tensor nlC = leafC * 2.0, nlD = leafD * 2.0;
    for (const auto& [dev, cpu] : {std::pair{leafD, leafC}, std::pair{nlD, nlC}}) {
        std::string s = dev.str();
        if (d.isCuda()) {
            const std::string piece = ", device='" + d.str() + "'";
            const auto at = s.find(piece);
            require(at != std::string::npos, "str() of a tensor on " + d.str() + " lacks \"device='" + d.str()
                                                 + "'\": " + s);
            s.erase(at, piece.size());
        }
        require(s == cpu.str(), "str() on " + d.str() + " is \"" + dev.str() + "\", on the cpu \"" + cpu.str() + "\"");
    }
}

void addTensorChecks(std::vector<Check>& out)
{
    addForDTypes(out, "tensor/to between cpu, device and dtypes", checkToRoundTrip);
    addForDTypes(out, "tensor/clone", checkClone);
    addForDTypes(out, "tensor/detach", checkDetach);
    addForDTypes(out, "tensor/in-place ops under no_grad", checkInPlace);
    addForDTypes(out, "tensor/creation on the device", checkCreation);
    addForDTypes(out, "tensor/item and toVector", checkItemAndToVector);
    addForDTypes(out, "tensor/str", checkStr);
}

// ---------------------------------------------------------------------------------------------
// Optimizers: 5 steps of a small least-squares problem on both devices.

using MakeOptimizer = std::function<std::unique_ptr<Optimizer>(std::vector<Tensor>)>;

void compareOptimizer(const std::string& what, Device d, DType dt, const MakeOptimizer& make)
{
    struct Problem {
        Tensor w, bias, x, y;
        std::unique_ptr<Optimizer> opt;
    };
    auto build = [&](Device dev) {
        Problem p;
        p.w = fromData(values(3, 71, -1.0, 1.0), Shape{3}, opts(dt, dev, true));
        p.bias = fromData({0.25}, Shape{1}, opts(dt, dev, true));
        p.x = fromData(values(24, 72, -2.0, 2.0), Shape{8, 3}, opts(dt, dev));
        p.y = fromData(values(8, 73, -3.0, 3.0), Shape{8}, opts(dt, dev));
        p.opt = make({p.w, p.bias});
        return p;
    };
    Problem c = build(kCpu), g = build(d);
    for (int step = 1; step <= 5; ++step) {
        const std::string at = what + ", step " + std::to_string(step);
        const Tensor lc = mseLoss(matmul(c.x, c.w) + c.bias, c.y);
        const Tensor lg = mseLoss(matmul(g.x, g.w) + g.bias, g.y);
        expectClose(at + ": loss", lg, lc);
        lc.backward();
        lg.backward();
        c.opt->step();
        g.opt->step();
        expectDevice(at + ": w", g.w, d);
        expectClose(at + ": w", g.w, c.w);
        expectClose(at + ": bias", g.bias, c.bias);
        c.opt->zeroGrad();
        g.opt->zeroGrad();
    }
    for (std::size_t i = 0; i < 2; ++i) {
        const auto sc = c.opt->state(i), sg = g.opt->state(i);
        require(sc.size() == sg.size(), what + ": state of parameter " + std::to_string(i) + " has "
                                            + std::to_string(sg.size()) + " buffers on " + d.str() + ", "
                                            + std::to_string(sc.size()) + " on the cpu");
        for (std::size_t k = 0; k < sc.size(); ++k) {
            if (!sc[k].second.defined() && !sg[k].second.defined())
                continue;
            expectDevice(what + ": state " + sc[k].first, sg[k].second, d);
            expectClose(what + ": state " + sc[k].first + " of parameter " + std::to_string(i), sg[k].second,
                        sc[k].second);
        }
    }
}

void addOptimizerChecks(std::vector<Check>& out)
{
    struct Case {
        const char* name;
        MakeOptimizer make;
    };
    const std::vector<Case> cases{
        {"SGD", [](std::vector<Tensor> p) { return std::make_unique<SGD>(std::move(p), SGDOptions{0.1}); }},
        {"SGD momentum nesterov",
         [](std::vector<Tensor> p) {
             SGDOptions o{0.05};
             o.momentum = 0.9;
             o.nesterov = true;
             return std::make_unique<SGD>(std::move(p), o);
         }},
        {"SGD weight decay momentum dampening",
         [](std::vector<Tensor> p) {
             SGDOptions o{0.05};
             o.momentum = 0.8;
             o.dampening = 0.1;
             o.weightDecay = 0.1;
             return std::make_unique<SGD>(std::move(p), o);
         }},
        {"SGD maximize",
         [](std::vector<Tensor> p) {
             SGDOptions o{0.01};
             o.maximize = true;
             return std::make_unique<SGD>(std::move(p), o);
         }},
        {"Adam",
         [](std::vector<Tensor> p) {
             AdamOptions o;
             o.lr = 0.1;
             return std::make_unique<Adam>(std::move(p), o);
         }},
        {"Adam amsgrad weight decay",
         [](std::vector<Tensor> p) {
             AdamOptions o;
             o.lr = 0.05;
             o.amsgrad = true;
             o.weightDecay = 0.01;
             return std::make_unique<Adam>(std::move(p), o);
         }},
        {"AdamW",
         [](std::vector<Tensor> p) {
             AdamOptions o = AdamW::defaults();
             o.lr = 0.1;
             return std::make_unique<AdamW>(std::move(p), o);
         }},
        {"RMSprop centered momentum",
         [](std::vector<Tensor> p) {
             RMSpropOptions o;
             o.lr = 0.01;
             o.centered = true;
             o.momentum = 0.9;
             o.weightDecay = 0.01;
             return std::make_unique<RMSprop>(std::move(p), o);
         }},
        {"RMSprop",
         [](std::vector<Tensor> p) {
             RMSpropOptions o;
             o.lr = 0.01;
             return std::make_unique<RMSprop>(std::move(p), o);
         }},
        {"Adagrad lr_decay",
         [](std::vector<Tensor> p) {
             AdagradOptions o;
             o.lr = 0.1;
             o.lrDecay = 0.01;
             o.weightDecay = 0.01;
             o.initialAccumulatorValue = 0.1;
             return std::make_unique<Adagrad>(std::move(p), o);
         }},
    };
    for (const Case& c : cases) {
        const std::string name = c.name;
        const MakeOptimizer make = c.make;
        addForDTypes(out, "optim/" + name, [name, make](Device d, DType dt) { compareOptimizer(name, d, dt, make); });
    }
}

// ---------------------------------------------------------------------------------------------
// Large tensors: the backend fuses long elementwise chains and reductions above some size.

constexpr std::int64_t kLarge = 300'007; // odd, so that no vector width divides it

struct LargeData {
    Tensor x, y; // float64 on the CPU, shape (N, 1): x uniform [0, 1), y = 1 + 2x + 0.1·noise
};

LargeData largeData(std::int64_t n)
{
    Generator g(42);
    NoGradGuard noGrad;
    LargeData d;
    d.x = rand(Shape{n, 1}, opts(kF64, kCpu), &g);
    d.y = 1.0 + 2.0 * d.x + 0.1 * randn(Shape{n, 1}, opts(kF64, kCpu), &g);
    return d;
}

using LossFn = std::function<Tensor(const Tensor&, const Tensor&)>;

// yhat = a + b·x with a, b of shape {1}; far from the optimum so that every residual has one sign
// and the gradient sums do not cancel (a cancelling float32 sum has no meaningful relative error).
void largeLinearModel(const std::string& what, Device d, DType dt, const LossFn& loss, bool targetGrad,
                      std::int64_t n = kLarge)
{
    const LargeData data = largeData(n);
    struct Side {
        Tensor a, b, x, y, loss;
    };
    auto run = [&](Device dev) {
        Side s;
        s.a = fromData({0.33669036626815796}, Shape{1}, opts(dt, dev, true));
        s.b = fromData({0.12880940735340118}, Shape{1}, opts(dt, dev, true));
        s.x = data.x.to(dev, dt);
        s.y = data.y.to(dev, dt).detach().requiresGrad_(targetGrad);
        const Tensor yhat = s.a + s.b * s.x;
        s.loss = loss(yhat, s.y);
        s.loss.backward();
        return s;
    };
    const Side c = run(kCpu), g = run(d);
    expectDevice(what + ": loss", g.loss, d);
    expectClose(what + ": loss", g.loss, c.loss);
    expectClose(what + ": grad of a", g.a.grad(), c.a.grad());
    expectClose(what + ": grad of b", g.b.grad(), c.b.grad());
    if (targetGrad)
        expectClose(what + ": grad of the target", g.y.grad(), c.y.grad());
}

void largeChain(const std::string& what, Device d, DType dt, const std::function<Tensor(const Tensor&, const Tensor&)>& f,
                bool gradX, bool gradY)
{
    const LargeData data = largeData(kLarge);
    auto run = [&](Device dev) {
        Tensor x = data.x.to(dev, dt).detach().requiresGrad_(gradX);
        Tensor y = data.y.to(dev, dt).detach().requiresGrad_(gradY);
        Tensor r = f(x, y);
        if (gradX || gradY)
            r.backward();
        return std::vector<Tensor>{r, x, y};
    };
    const auto c = run(kCpu), g = run(d);
    expectDevice(what + ": result", g[0], d);
    expectClose(what + ": result", g[0], c[0]);
    if (gradX)
        expectClose(what + ": grad of x", g[1].grad(), c[1].grad());
    if (gradY)
        expectClose(what + ": grad of y", g[2].grad(), c[2].grad());
}

// Several epochs of the tutorial's loop on many samples, as the trainer runs it: the prediction
// and the loss are still alive when the optimizer writes the parameters they were computed from,
// so deferred values that read a parameter must keep its value from before the step.
void largeTraining(const std::string& what, Device d, DType dt, bool adam)
{
    const LargeData data = largeData(kLarge);
    struct Trace {
        std::vector<Tensor> losses, as, bs;
    };
    auto run = [&](Device dev) {
        Trace t;
        Tensor a = fromData({0.33669036626815796}, Shape{1}, opts(dt, dev, true));
        Tensor b = fromData({0.12880940735340118}, Shape{1}, opts(dt, dev, true));
        const Tensor x = data.x.to(dev, dt), y = data.y.to(dev, dt);
        std::unique_ptr<Optimizer> optimizer;
        if (adam)
            optimizer = std::make_unique<Adam>(std::vector<Tensor>{a, b}, AdamOptions{0.05});
        else
            optimizer = std::make_unique<SGD>(std::vector<Tensor>{a, b}, SGDOptions{0.1});
        const Loss lossFn = MSELoss();
        for (int epoch = 0; epoch < 5; ++epoch) {
            const Tensor yhat = a + b * x;
            const Tensor loss = lossFn(y, yhat);
            loss.backward();
            optimizer->step();
            optimizer->zeroGrad();
            // Read after the step, while yhat still holds the old parameters' prediction.
            t.losses.push_back(loss.detach());
            t.as.push_back(a.detach().clone());
            t.bs.push_back(b.detach().clone());
            const Tensor again = (yhat - y).abs().mean(); // yhat from before the step
            t.losses.push_back(again);
        }
        return t;
    };
    const Trace c = run(kCpu), g = run(d);
    for (std::size_t i = 0; i < c.as.size(); ++i) {
        const std::string epoch = what + ", epoch " + std::to_string(i + 1);
        expectClose(epoch + ": a", g.as[i], c.as[i]);
        expectClose(epoch + ": b", g.bs[i], c.bs[i]);
    }
    for (std::size_t i = 0; i < c.losses.size(); ++i)
        expectClose(what + ": loss " + std::to_string(i), g.losses[i], c.losses[i]);
}

// The loss's gradient for an incoming gradient other than 1: a scaled loss, and backward(g).
void largeScaledBackward(Device d, DType dt)
{
    const LargeData data = largeData(kLarge);
    for (bool explicitGradient : {false, true}) {
        for (Reduction r : {Reduction::Mean, Reduction::Sum}) {
            auto run = [&](Device dev) {
                Tensor a = fromData({0.33669036626815796}, Shape{1}, opts(dt, dev, true));
                Tensor b = fromData({0.12880940735340118}, Shape{1}, opts(dt, dev, true));
                const Tensor yhat = a + b * data.x.to(dev, dt);
                const Tensor loss = huberLoss(yhat, data.y.to(dev, dt), r, 0.5);
                if (explicitGradient)
                    loss.backward(scalarTensor(2.5, opts(dt, dev)));
                else
                    (loss * 0.37).backward();
                return std::pair{a.grad(), b.grad()};
            };
            const auto c = run(kCpu), g = run(d);
            const std::string what = std::string(explicitGradient ? "backward(2.5)" : "(loss * 0.37).backward()")
                                     + (r == Reduction::Mean ? ", mean" : ", sum");
            expectClose(what + ": grad of a", g.first, c.first);
            expectClose(what + ": grad of b", g.second, c.second);
        }
    }
}

// Parameters written in place (not by an optimizer) while a prediction computed from them is
// still deferred: the prediction keeps the values it was computed with.
void largeWritesUnderAPendingPrediction(Device d, DType dt)
{
    const LargeData data = largeData(kLarge);
    auto run = [&](Device dev) {
        Tensor a = fromData({0.5}, Shape{1}, opts(dt, dev, true));
        Tensor b = fromData({-1.5}, Shape{1}, opts(dt, dev, true));
        const Tensor x = data.x.to(dev, dt);
        const Tensor before = a + b * x;
        {
            NoGradGuard noGrad;
            a.fill_(2.0);
            b.add_(0.25);
        }
        const Tensor middle = a * x - b;
        {
            NoGradGuard noGrad;
            a.copy_(fromData({-3.0}, Shape{1}, opts(dt, dev)));
            b.mul_(2.0);
            b.zero_();
        }
        const Tensor after = a + b * x;
        return std::vector<Tensor>{before, middle, after, (before * middle).sum(), after.mean()};
    };
    const auto c = run(kCpu), g = run(d);
    const char* names[] = {"prediction before the writes", "prediction between them", "prediction after them",
                           "sum of two of them", "mean of the last"};
    for (std::size_t i = 0; i < c.size(); ++i)
        expectClose(names[i], g[i], c[i]);
}

// Two statistics of one deferred chain, one reading the other: read in both orders.
void largeMeanAndVariance(Device d, DType dt)
{
    const LargeData data = largeData(kLarge);
    for (bool meanFirst : {true, false}) {
        auto run = [&](Device dev) {
            const Tensor x = data.x.to(dev, dt) * 3.0 - data.y.to(dev, dt);
            const Tensor m = x.mean();
            const Tensor v = (x - m).pow(2.0).mean();
            std::vector<double> r(2);
            if (meanFirst) {
                r[0] = m.item();
                r[1] = v.item();
            } else {
                r[1] = v.item();
                r[0] = m.item();
            }
            return r;
        };
        const auto c = run(kCpu), g = run(d);
        const std::string order = meanFirst ? "mean read first" : "variance read first";
        expectScalarClose(order + ": mean", g[0], c[0], dt, d);
        expectScalarClose(order + ": variance", g[1], c[1], dt, d);
    }
}

// More operands and constants than one fused kernel takes (32 of each): the backend must split
// or fall back, and still compute the same values.
void largeManyOperands(Device d, DType dt)
{
    const LargeData data = largeData(kLarge);
    auto run = [&](Device dev) {
        const Tensor x = data.x.to(dev, dt), y = data.y.to(dev, dt);
        std::vector<Tensor> inputs;
        for (int k = 0; k < 40; ++k)
            inputs.push_back(x * (1.0 + 0.01 * k) + y * (0.5 - 0.01 * k)); // distinct tensors
        Tensor acc = inputs[0];
        for (int k = 1; k < 40; ++k)
            acc = acc + inputs[static_cast<std::size_t>(k)] * (0.1 * k);
        Tensor literals = x;
        for (int k = 0; k < 45; ++k)
            literals = literals * 0.999 + 0.001 * k;
        return std::vector<Tensor>{acc.sum(), literals.mean(), (acc * literals).mean()};
    };
    const auto c = run(kCpu), g = run(d);
    expectClose("sum of 40 large tensors", g[0], c[0]);
    expectClose("chain of 90 literals", g[1], c[1]);
    expectClose("product of both", g[2], c[2]);
}

// What the trainer does with a network: an MLP (Linear, Tanh, Linear) on two features, trained
// in shuffled mini-batches gathered with indexSelect, with SGD and momentum (linear in the
// gradients, so that summation-order differences do not grow), for three epochs; then evaluated
// on all rows without grad. Parameters and losses against the same run on the CPU.
void largeMlpMiniBatches(Device d, DType dt)
{
    constexpr std::int64_t n = 20'011, batch = 4'096;
    Generator g(7);
    Tensor features, target;
    {
        NoGradGuard noGrad;
        features = rand(Shape{n, 2}, opts(kF64, kCpu), &g);
        target = (features.matmul(fromData({1.5, -0.5}, Shape{2, 1}, opts(kF64, kCpu))).tanh() * 2.0 + 0.3);
    }
    // One shuffled order per epoch, the same on both sides.
    std::vector<std::vector<std::int64_t>> orders;
    std::mt19937_64 shuffler(2024);
    for (int epoch = 0; epoch < 3; ++epoch) {
        std::vector<std::int64_t> order(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), std::int64_t{0});
        std::shuffle(order.begin(), order.end(), shuffler);
        orders.push_back(std::move(order));
    }
    auto run = [&](Device dev) {
        Generator init(11);
        auto model = std::make_shared<Sequential>();
        model->append(std::make_shared<Linear>(2, 32, true, dt, &init));
        model->append(std::make_shared<Tanh>());
        model->append(std::make_shared<Linear>(32, 1, true, dt, &init));
        model->to(dev);
        const Tensor x = features.to(dev, dt), y = target.to(dev, dt);
        SGDOptions options{0.05};
        options.momentum = 0.9;
        SGD optimizer(model->parameters(), options);
        const Loss lossFn = MSELoss();
        std::vector<Tensor> losses;
        for (const auto& order : orders) {
            for (std::int64_t start = 0; start < n; start += batch) {
                const std::vector<std::int64_t> rows(order.begin() + start, order.begin() + std::min(n, start + batch));
                const Tensor loss = lossFn(indexSelect(y, rows), (*model)(indexSelect(x, rows)));
                loss.backward();
                optimizer.step();
                optimizer.zeroGrad();
                losses.push_back(loss.detach());
            }
        }
        NoGradGuard noGrad;
        model->eval();
        losses.push_back(lossFn(y, (*model)(x)));
        std::vector<Tensor> params;
        for (const Tensor& p : model->parameters())
            params.push_back(p.detach());
        return std::pair{losses, params};
    };
    const auto c = run(kCpu), gpu = run(d);
    for (std::size_t i = 0; i < c.second.size(); ++i)
        expectClose("MLP parameter " + std::to_string(i) + " after 3 epochs", gpu.second[i], c.second[i]);
    for (std::size_t i = 0; i < c.first.size(); ++i)
        expectClose("MLP loss " + std::to_string(i), gpu.first[i], c.first[i]);
}

void addLargeChecks(std::vector<Check>& out)
{
    addForDTypes(out, "large/MLP in shuffled mini-batches with SGD momentum, 3 epochs", largeMlpMiniBatches);
    addForDTypes(out, "large/loss gradient for an incoming gradient other than 1", largeScaledBackward);
    addForDTypes(out, "large/parameters written in place while a prediction is pending", largeWritesUnderAPendingPrediction);
    addForDTypes(out, "large/mean and variance of one chain, read in both orders", largeMeanAndVariance);
    addForDTypes(out, "large/more operands and constants than one fused kernel takes", largeManyOperands);
    addForDTypes(out, "large/5 epochs of SGD, the prediction read again after each step",
                 [](Device d, DType dt) { largeTraining("SGD", d, dt, false); });
    addForDTypes(out, "large/5 epochs of Adam, the prediction read again after each step",
                 [](Device d, DType dt) { largeTraining("Adam", d, dt, true); });
    struct LossCase {
        const char* name;
        LossFn mean, sum;
    };
    const std::vector<LossCase> losses{
        {"mseLoss", [](const Tensor& i, const Tensor& t) { return mseLoss(i, t); },
         [](const Tensor& i, const Tensor& t) { return mseLoss(i, t, Reduction::Sum); }},
        {"l1Loss", [](const Tensor& i, const Tensor& t) { return l1Loss(i, t); },
         [](const Tensor& i, const Tensor& t) { return l1Loss(i, t, Reduction::Sum); }},
        {"huberLoss delta 0.5", [](const Tensor& i, const Tensor& t) { return huberLoss(i, t, Reduction::Mean, 0.5); },
         [](const Tensor& i, const Tensor& t) { return huberLoss(i, t, Reduction::Sum, 0.5); }},
        {"smoothL1Loss beta 0.7",
         [](const Tensor& i, const Tensor& t) { return smoothL1Loss(i, t, Reduction::Mean, 0.7); },
         [](const Tensor& i, const Tensor& t) { return smoothL1Loss(i, t, Reduction::Sum, 0.7); }},
    };
    for (const LossCase& l : losses) {
        const std::string name = l.name;
        const LossFn mean = l.mean, sum = l.sum;
        addForDTypes(out, "large/a + b*x, " + name + " mean", [name, mean](Device d, DType dt) {
            largeLinearModel(name + " mean", d, dt, mean, false);
        });
        addForDTypes(out, "large/a + b*x, " + name + " sum", [name, sum](Device d, DType dt) {
            largeLinearModel(name + " sum", d, dt, sum, false);
        });
        addForDTypes(out, "large/a + b*x, " + name + " mean, target requires grad", [name, mean](Device d, DType dt) {
            largeLinearModel(name + " mean, target requires grad", d, dt, mean, true);
        });
    }
    addForDTypes(out, "large/a + b*x, mseLoss mean, 2,000,003 elements", [](Device d, DType dt) {
        largeLinearModel("mseLoss mean, 2,000,003 elements", d, dt,
                         [](const Tensor& i, const Tensor& t) { return mseLoss(i, t); }, false, 2'000'003);
    });
    addForDTypes(out, "large/MSELoss module on (y, yhat) as the tutorial calls it", [](Device d, DType dt) {
        const Loss lossFn = MSELoss();
        largeLinearModel("MSELoss()(y, yhat)", d, dt, [lossFn](const Tensor& i, const Tensor& t) { return lossFn(t, i); },
                         false);
    });
    addForDTypes(out, "large/((x*2+1)-y).pow(2).mean()", [](Device d, DType dt) {
        largeChain("((x*2+1)-y).pow(2).mean()", d, dt,
                   [](const Tensor& x, const Tensor& y) { return ((x * 2.0 + 1.0) - y).pow(2.0).mean(); }, true, true);
    });
    addForDTypes(out, "large/sum of products (x*y).sum()", [](Device d, DType dt) {
        largeChain("(x*y).sum()", d, dt, [](const Tensor& x, const Tensor& y) { return (x * y).sum(); }, true, true);
    });
    addForDTypes(out, "large/sum of products (x*y + x*x).mean() without grad", [](Device d, DType dt) {
        largeChain("(x*y + x*x).mean()", d, dt, [](const Tensor& x, const Tensor& y) { return (x * y + x * x).mean(); },
                   false, false);
    });
    addForDTypes(out, "large/long elementwise chain", [](Device d, DType dt) {
        largeChain("long elementwise chain", d, dt,
                   [](const Tensor& x, const Tensor& y) {
                       const Tensor e = x.exp() * y.tanh() + x.sigmoid() - (y - 1.5).relu()
                                        + (x + 1.0).log() / (y.abs() + 1.0).sqrt() - (x - 0.5).abs() * 0.25;
                       return (e * e).mean() + e.sum() * 1e-6;
                   },
                   true, true);
    });
    addForDTypes(out, "large/elementwise chain read without a reduction", [](Device d, DType dt) {
        largeChain("elementwise chain, full result", d, dt,
                   [](const Tensor& x, const Tensor& y) { return sub(y, x * 2.0, 0.5).pow(3.0) / (x + 1.0); }, false,
                   false);
    });
    addForDTypes(out, "large/sum and mean along dims of (1000, 301)", [](Device d, DType dt) {
        for (int dim : {0, 1}) {
            compareOp("sum(" + std::to_string(dim) + ") of (1000,301)", d, dt, {In{{1000, 301}, 0.0, 1.0}},
                      [dim](const std::vector<Tensor>& t) { return t[0].sum(dim) + t[0].mean(dim, true).sum(); }, 82);
        }
    });
}

// ---------------------------------------------------------------------------------------------
// The tutorial experiment.

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail("cannot open " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

template <typename T> T parseNumber(const char*& p, const char* end, const std::string& where)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
    T value{};
    const auto [next, ec] = std::from_chars(p, end, value);
    if (ec != std::errc())
        fail("cannot read a number in " + where);
    p = next;
    return value;
}

// The text right after `"key":` in a JSON document, searched after `from`.
const char* afterKey(const std::string& json, const std::string& key, std::size_t from, const std::string& path)
{
    const std::size_t at = json.find("\"" + key + "\"", from);
    if (at == std::string::npos)
        fail(path + " has no \"" + key + "\"");
    const std::size_t colon = json.find(':', at);
    if (colon == std::string::npos)
        fail(path + ": no value for \"" + key + "\"");
    return json.data() + colon + 1;
}

struct Tutorial {
    std::vector<double> xTrain, yTrain;
    double torchA = 0.0, torchB = 0.0; // torch_sgd_lr0.1_1000_epochs_mse_mean
};

Tutorial loadTutorial()
{
    const std::string dir = GRADLAB_TEST_DATA_DIR;
    const std::string csvPath = dir + "/tutorial_dataset.csv";
    std::istringstream csv(readFile(csvPath));
    std::string line;
    if (!std::getline(csv, line) || line.rfind("x,y", 0) != 0)
        fail("unexpected header in " + csvPath);
    std::vector<double> xs, ys;
    while (std::getline(csv, line)) {
        if (line.empty() || line == "\r")
            continue;
        const char* p = line.data();
        const char* end = p + line.size();
        const double x = parseNumber<double>(p, end, csvPath);
        if (p >= end || *p != ',')
            fail("bad row in " + csvPath + ": " + line);
        ++p;
        xs.push_back(x);
        ys.push_back(parseNumber<double>(p, end, csvPath));
    }
    const std::string jsonPath = dir + "/tutorial_expected.json";
    const std::string json = readFile(jsonPath);
    // dataset.train_indices: the tutorial's shuffled split, first 80 of the shuffled indices.
    const char* p = afterKey(json, "train_indices", 0, jsonPath);
    const char* end = json.data() + json.size();
    while (p < end && *p != '[')
        ++p;
    ++p;
    Tutorial t;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == ',' || *p == '\t'))
            ++p;
        if (p >= end)
            fail(jsonPath + ": unterminated train_indices");
        if (*p == ']')
            break;
        const auto i = parseNumber<std::int64_t>(p, end, jsonPath);
        if (i < 0 || i >= static_cast<std::int64_t>(xs.size()))
            fail(jsonPath + ": train index " + std::to_string(i) + " outside the " + std::to_string(xs.size()) + " rows");
        t.xTrain.push_back(xs[static_cast<std::size_t>(i)]);
        t.yTrain.push_back(ys[static_cast<std::size_t>(i)]);
    }
    if (t.xTrain.size() != 80)
        fail(jsonPath + ": expected 80 training indices, found " + std::to_string(t.xTrain.size()));
    const std::size_t run = json.find("\"torch_sgd_lr0.1_1000_epochs_mse_mean\"");
    if (run == std::string::npos)
        fail(jsonPath + " has no torch_sgd_lr0.1_1000_epochs_mse_mean");
    const char* pa = afterKey(json, "a", run, jsonPath);
    t.torchA = parseNumber<double>(pa, end, jsonPath);
    const char* pb = afterKey(json, "b", run, jsonPath);
    t.torchB = parseNumber<double>(pb, end, jsonPath);
    return t;
}

void checkTutorial(Device d)
{
    const Tutorial data = loadTutorial();
    const Shape s{static_cast<std::int64_t>(data.xTrain.size()), 1};
    auto train = [&](Device dev) {
        Generator g(42); // torch.manual_seed(42) before the model is made
        auto model = std::make_unique<ManualLinearRegression>(kF32, &g);
        model->to(dev);
        const Tensor x = fromData(data.xTrain, s, opts(kF32, kCpu)).to(dev);
        const Tensor y = fromData(data.yTrain, s, opts(kF32, kCpu)).to(dev);
        SGD optimizer(model->parameters(), SGDOptions{0.1});
        const Loss lossFn = MSELoss();
        double last = 0.0;
        for (int epoch = 0; epoch < 1000; ++epoch) {
            model->train();
            const Tensor yhat = (*model)(x);
            const Tensor loss = lossFn(y, yhat);
            loss.backward();
            optimizer.step();
            optimizer.zeroGrad();
            last = loss.item();
        }
        expectDevice("tutorial: parameter a", model->a(), dev);
        return std::vector<double>{model->a().item(), model->b().item(), last};
    };
    const auto c = train(kCpu), g = train(d);
    const char* names[] = {"a", "b", "final loss"};
    for (std::size_t i = 0; i < 3; ++i) {
        const double diff = std::fabs(g[i] - c[i]);
        const double tol = i < 2 ? 1e-5 : 1e-5 * std::fabs(c[i]);
        require(diff <= tol, std::string("tutorial after 1000 epochs: ") + names[i] + " is " + num(g[i]) + " on "
                                 + d.str() + ", " + num(c[i]) + " on the cpu; |difference| " + num(diff)
                                 + " > tolerance " + num(tol));
    }
    // And against PyTorch's own run (tests/reference/tutorial_expected.json).
    require(std::fabs(g[0] - data.torchA) <= 1e-5 && std::fabs(g[1] - data.torchB) <= 1e-5,
            "tutorial after 1000 epochs on " + d.str() + ": a = " + num(g[0]) + ", b = " + num(g[1])
                + "; PyTorch gives a = " + num(data.torchA) + ", b = " + num(data.torchB) + " (tolerance 1e-5)");
}

// ---------------------------------------------------------------------------------------------
// Device rules: need a CUDA target beside the CPU.

void needTwoDevices(Device d)
{
    if (d.isCpu())
        throw Skipped("needs a device other than the cpu (a CUDA target)");
}

template <typename F> void expectEngineError(const std::string& what, F&& f, const std::vector<std::string>& fragments)
{
    try {
        f();
    } catch (const EngineError& e) {
        const std::string msg = e.what();
        for (const std::string& frag : fragments)
            require(msg.find(frag) != std::string::npos,
                    what + ": the message \"" + msg + "\" does not name \"" + frag + "\"");
        return;
    } catch (const std::exception& e) {
        fail(what + ": expected gradlab::EngineError, got another exception: " + e.what());
    }
    fail(what + ": expected gradlab::EngineError, nothing was thrown");
}

void checkToCopyBackward(Device d)
{
    needTwoDevices(d);
    const Tensor leaf = fromData({1.0, -2.0, 3.5}, Shape{3}, opts(kF32, kCpu, true));
    const Tensor moved = leaf.to(d);
    expectDevice("x.to(device)", moved, d);
    require(!moved.isLeaf(), "x.to(" + d.str() + ") of a cpu leaf requiring grad must not be a leaf");
    require(moved.requiresGrad(), "x.to(" + d.str() + ") must require grad");
    require(moved.gradFn() && std::string(moved.gradFn()->name()) == "ToCopyBackward0",
            "x.to(" + d.str() + "): grad_fn is " + (moved.gradFn() ? moved.gradFn()->name() : std::string("None"))
                + ", expected ToCopyBackward0");
    (moved * moved * 0.5 + moved * 3.0).sum().backward(); // d/dx = x + 3
    require(!moved.grad().defined(), "the non-leaf copy must not get a .grad");
    require(leaf.grad().defined(), "backward through to(" + d.str() + ") did not reach the cpu leaf");
    expectDevice("the cpu leaf's grad", leaf.grad(), kCpu);
    expectExact("the cpu leaf's grad", leaf.grad(), fromData({4.0, 1.0, 6.5}, Shape{3}, opts(kF32, kCpu)));
    // The same with a dtype change on the way.
    const Tensor leaf64 = fromData({0.1, 0.2}, Shape{2}, opts(kF64, kCpu, true));
    (leaf64.to(d, kF32) * 2.0).sum().backward();
    expectDevice("grad after to(device, float32)", leaf64.grad(), kCpu);
    require(leaf64.grad().dtype() == kF64, "the float64 leaf's grad must stay float64");
    expectExact("grad after to(device, float32)", leaf64.grad(), fromData({2.0, 2.0}, Shape{2}, opts(kF64, kCpu)));
}

void checkMixedDevices(Device d)
{
    needTwoDevices(d);
    const Tensor c = fromData({1.0, 2.0, 3.0}, Shape{3}, opts(kF32, kCpu));
    const Tensor g = fromData({1.0, 2.0, 3.0}, Shape{3}, opts(kF32, d, true));
    const Tensor m = fromData(values(6, 91, -1.0, 1.0), Shape{3, 2}, opts(kF32, kCpu));
    const std::vector<std::string> both{"cpu", d.str()};
    expectEngineError("cpu + device", [&] { (void)(c + g); }, both);
    expectEngineError("device * cpu", [&] { (void)(g * c); }, both);
    expectEngineError("sub(device, cpu)", [&] { (void)sub(g, c, 2.0); }, both);
    expectEngineError("div(cpu, device)", [&] { (void)div(c, g); }, both);
    expectEngineError("matmul(device, cpu)", [&] { (void)matmul(g, m); }, both);
    expectEngineError("mseLoss(device, cpu)", [&] { (void)mseLoss(g, c); }, both);
    expectEngineError("l1Loss(cpu, device)", [&] { (void)l1Loss(c, g); }, both);
    // The device tensor is still usable afterwards.
    expectClose("after the refused mixes", (g * 2.0).to(kCpu), c * 2.0);
}

void checkLinearOnWrongDevice(Device d)
{
    needTwoDevices(d);
    Generator g1(5), g2(5);
    Linear onDevice(4, 3, true, kF32, &g1);
    Linear onCpu(4, 3, true, kF32, &g2);
    onDevice.to(d);
    expectDevice("Linear.to(device) weight", onDevice.weight(), d);
    require(onDevice.weight().isLeaf() && onDevice.weight().requiresGrad(),
            "Linear.to(device): the weight must stay a leaf that requires grad");
    const Tensor x = fromData(values(20, 92, -1.0, 1.0), Shape{5, 4}, opts(kF32, kCpu));
    expectEngineError("Linear on " + d.str() + " called on cpu data", [&] { (void)onDevice(x); }, {"cpu", d.str()});
    const Tensor yd = onDevice(x.to(d)), yc = onCpu(x);
    expectClose("Linear on device data", yd, yc);
    yd.sum().backward();
    yc.sum().backward();
    expectClose("Linear weight grad", onDevice.weight().grad(), onCpu.weight().grad());
    expectClose("Linear bias grad", onDevice.bias().grad(), onCpu.bias().grad());
}

void checkOutOfMemory(Device d)
{
    needTwoDevices(d);
    std::string name = d.str();
    for (const DeviceInfo& info : availableDevices())
        if (info.device == d)
            name = info.name;
    try {
        const Tensor huge = empty(Shape{1LL << 38, 8}, opts(kF64, d)); // 16 TiB
        (void)huge;
        fail("allocating 16 TiB on " + d.str() + " did not throw");
    } catch (const EngineError& e) {
        const std::string msg = e.what();
        require(msg.find("out of memory") != std::string::npos,
                "allocating 16 TiB on " + d.str() + ": the message \"" + msg + "\" does not say \"out of memory\"");
        require(msg.find(d.str()) != std::string::npos || msg.find(name) != std::string::npos,
                "allocating 16 TiB on " + d.str() + ": the message \"" + msg + "\" names neither \"" + d.str()
                    + "\" nor \"" + name + "\"");
    }
    const double s = (ones(Shape{1000}, opts(kF32, d)) * 2.0).sum().item();
    require(s == 2000.0, "a small op on " + d.str() + " after the failed allocation gives " + num(s) + ", expected 2000");
}

void checkBackwardGradientOnAnotherDevice(Device d)
{
    needTwoDevices(d);
    const Tensor w = ones(Shape{3}, opts(kF32, d, true));
    const Tensor y = w * 2.0;
    expectEngineError("backward() with a cpu gradient of a " + d.str() + " tensor",
                      [&] { y.backward(ones(Shape{3}, opts(kF32, kCpu))); }, {"cpu", d.str()});
}

void checkModuleMovedWhilePredictionPending(Device d)
{
    needTwoDevices(d);
    const LargeData data = largeData(kLarge);
    manualSeed(42);
    ManualLinearRegression model;
    model.to(d);
    const Tensor x = data.x.to(d, kF32);
    const Tensor yhat = model(x); // deferred on the device
    const double a = model.a().item(), b = model.b().item();
    model.to(kCpu); // the parameters get other storage; the prediction still reads the old values
    const std::vector<double> got = yhat.toVector();
    const std::vector<double> xs = x.toVector();
    for (std::size_t i = 0; i < got.size(); i += 9973) {
        const double expected = static_cast<double>(static_cast<float>(a) + static_cast<float>(b) * static_cast<float>(xs[i]));
        require(std::abs(got[i] - expected) <= 1e-5 * std::max(1.0, std::abs(expected)),
                "prediction after the model moved to the cpu: element " + std::to_string(i) + " is " + num(got[i])
                    + ", expected " + num(expected));
    }
}

void checkEmptyProducts(Device d)
{
    for (DType dt : {kF32, kF64}) {
        const Tensor w = zeros(Shape{4, 0}, opts(dt, d));
        const Tensor x = zeros(Shape{3, 0}, opts(dt, d));
        const Tensor bias = fromData({1.0, 2.0, 3.0, 4.0}, Shape{4}, opts(dt, d));
        const std::vector<double> got = linear(x, w, bias).toVector();
        require(got.size() == 12, "linear of (3,0) by (4,0): expected 12 values, got " + std::to_string(got.size()));
        for (std::size_t i = 0; i < got.size(); ++i)
            require(got[i] == static_cast<double>(i % 4 + 1),
                    "linear with an empty inner dimension: element " + std::to_string(i) + " is " + num(got[i]));
        require(matmul(zeros(Shape{0, 5}, opts(dt, d)), zeros(Shape{5, 2}, opts(dt, d))).numel() == 0,
                "matmul of (0,5) by (5,2) must be empty");
    }
}

void addDeviceRuleChecks(std::vector<Check>& out)
{
    out.push_back({"device/backward() with a gradient on another device throws EngineError",
                   checkBackwardGradientOnAnotherDevice});
    out.push_back({"device/a prediction deferred on the device survives moving the model to the cpu",
                   checkModuleMovedWhilePredictionPending});
    out.push_back({"device/matrix products with an empty dimension", checkEmptyProducts});
    out.push_back({"device/to(device) of a cpu leaf is ToCopyBackward0 and its grad reaches the leaf",
                   checkToCopyBackward});
    out.push_back({"device/an op mixing cpu and device tensors throws EngineError", checkMixedDevices});
    out.push_back({"device/a Linear moved to the device refuses cpu data", checkLinearOnWrongDevice});
    out.push_back({"device/out of memory is an EngineError and the device stays usable", checkOutOfMemory});
}

} // namespace

std::vector<Check> checks()
{
    std::vector<Check> out;
    addOpChecks(out);
    addTensorChecks(out);
    addOptimizerChecks(out);
    addLargeChecks(out);
    out.push_back({"tutorial/ManualLinearRegression SGD lr 0.1, 1000 epochs, float32", checkTutorial});
    addDeviceRuleChecks(out);
    return out;
}

std::string skipReason()
{
    std::string reason;
    for (const DeviceInfo& info : availableDevices()) {
        if (!info.device.isCuda())
            continue;
        if (info.usable())
            return {};
        if (reason.empty())
            reason = info.reason.empty() ? info.device.str() + " is not usable" : info.reason;
    }
    return reason.empty() ? std::string("no CUDA device found") : reason;
}

} // namespace gradlab::cudacheck

// GradLab's engine benchmark: the same work as tests/model/engine/fixtures/bench_torch.py, so that
// tests/model/engine/run_engine_bench.sh can print both and their ratio from one run.
//   engine_tutorial_ms     median of 7 whole tutorial runs (80 samples, 1000 full-batch epochs,
//                          SGD lr 0.1, MSE mean, float32, CPU, loss.item() every step)
//   engine_large_epoch_ms  one full-batch epoch of the same step on 10,000,000 samples
//                          (2 warm-up epochs, then the median of 7)
#include "train_step.h"

#include "engine/autograd.h"
#include "engine/generator.h"
#include "engine/nn.h"
#include "engine/optim.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace gradlab;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

// The tutorial's training set: tests/reference/tutorial_dataset.csv rows picked by the reference split.
bool loadTutorial(const std::string& dir, std::vector<double>& x, std::vector<double>& y)
{
    std::ifstream csv(dir + "/tutorial_dataset.csv");
    std::ifstream js(dir + "/tutorial_expected.json");
    if (!csv || !js)
        return false;
    std::vector<double> xs, ys;
    std::string line;
    std::getline(csv, line);
    while (std::getline(csv, line)) {
        const auto comma = line.find(',');
        if (comma == std::string::npos)
            continue;
        xs.push_back(std::stod(line.substr(0, comma)));
        ys.push_back(std::stod(line.substr(comma + 1)));
    }
    std::stringstream ss;
    ss << js.rdbuf();
    const std::string text = ss.str();
    auto pos = text.find("\"train_indices\"");
    pos = text.find('[', pos);
    const auto end = text.find(']', pos);
    std::stringstream list(text.substr(pos + 1, end - pos - 1));
    std::string item;
    while (std::getline(list, item, ',')) {
        const auto i = static_cast<std::size_t>(std::stoul(item));
        x.push_back(xs.at(i));
        y.push_back(ys.at(i));
    }
    return !x.empty();
}

struct Run {
    double a, b;
};

Run tutorialRun(const Tensor& x, const Tensor& y, int epochs)
{
    manualSeed(42);
    ManualLinearRegression model;
    const Loss lossFn = MSELoss();
    SGD optimizer(model.parameters(), SGDOptions{.lr = 0.1});
    const auto trainStep = makeTrainStep(model, lossFn, optimizer);
    double sink = 0.0;
    for (int e = 0; e < epochs; ++e)
        sink += trainStep(x, y);
    (void)sink;
    return {model.a().item(), model.b().item()};
}

} // namespace

int main(int argc, char** argv)
{
    const std::string dataDir = argc > 1 ? argv[1] : GRADLAB_TEST_DATA_DIR;
    std::vector<double> xv, yv;
    if (!loadTutorial(dataDir, xv, yv)) {
        std::fprintf(stderr, "cannot read the tutorial data in %s\n", dataDir.c_str());
        return 1;
    }
    const auto n = static_cast<std::int64_t>(xv.size());
    const Tensor x = fromData(xv, Shape{n, 1});
    const Tensor y = fromData(yv, Shape{n, 1});

    std::vector<double> times;
    Run r{};
    for (int rep = 0; rep < 7; ++rep) {
        const auto t0 = Clock::now();
        r = tutorialRun(x, y, 1000);
        times.push_back(ms(t0, Clock::now()));
    }
    std::printf("engine_tutorial_ms %.4f\n", median(times));
    std::printf("engine_tutorial_result a=%.9f b=%.9f\n", r.a, r.b);

    const std::int64_t big = argc > 2 ? std::stoll(argv[2]) : 10'000'000;
    Generator gen(0);
    const Tensor X = rand(Shape{big, 1}, {}, &gen);
    Tensor Y;
    {
        NoGradGuard noGrad;
        Y = 1.0 + 2.0 * X + 0.1 * randn(Shape{big, 1}, {}, &gen);
    }
    manualSeed(42);
    ManualLinearRegression model;
    const Loss lossFn = MSELoss();
    SGD optimizer(model.parameters(), SGDOptions{.lr = 0.1});
    times.clear();
    for (int e = 0; e < 9; ++e) {
        const auto t0 = Clock::now();
        model.train();
        const Tensor yhat = model(X);
        const Tensor loss = lossFn(Y, yhat);
        loss.backward();
        optimizer.step();
        optimizer.zeroGrad();
        (void)loss.item();
        if (e >= 2)
            times.push_back(ms(t0, Clock::now()));
    }
    std::printf("engine_large_epoch_ms %.4f\n", median(times));

    // The floor: one hand-written fused loop that reads x and y once (the loss alone).
    const float* px = X.data<float>();
    const float* py = Y.data<float>();
    const float a = static_cast<float>(model.a().item()), b = static_cast<float>(model.b().item());
    times.clear();
    double sink = 0.0;
    for (int rep = 0; rep < 7; ++rep) {
        const auto t0 = Clock::now();
        double acc = 0.0;
#pragma omp parallel for reduction(+ : acc)
        for (std::int64_t i = 0; i < big; ++i) {
            const float d = py[i] - (a + b * px[i]);
            acc += static_cast<double>(d * d);
        }
        sink += acc;
        times.push_back(ms(t0, Clock::now()));
    }
    std::printf("floor_fused_pass_ms %.4f\n", median(times));
    std::printf("# %s\n", sink > 0 ? "ok" : "");
    std::printf("engine_large_samples %lld\n", static_cast<long long>(big));
    return 0;
}

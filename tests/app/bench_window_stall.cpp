// How responsive the window stays while it trains at full speed: a 5 ms timer in the GUI thread
// measures how late each of its ticks comes. The longest stall during a run (goal: under 50 ms)
// is printed beside the same measure with the window idle, taken in the same process.
//   bench_window_stall [--quick] [--only N]
#include "window/main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace gradlab;
using namespace gradlab::experiment;

namespace {

struct Stalls {
    double longestMs = 0.0;
    double p99Ms = 0.0;
    std::size_t ticks = 0;
};

// Ticks a 5 ms timer until `done` says so, and returns how late the ticks came.
template <typename Done>
Stalls measure(Done done, int timeoutMs)
{
    std::vector<double> late;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(5);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        late.push_back(std::max(0.0, static_cast<double>(now - last) * 1e-6 - 5.0));
        last = now;
    });
    timer.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    timer.stop();
    Stalls s;
    s.ticks = late.size();
    if (late.empty())
        return s;
    std::sort(late.begin(), late.end());
    s.longestMs = late.back();
    s.p99Ms = late[static_cast<std::size_t>(0.99 * static_cast<double>(late.size() - 1))];
    return s;
}

} // namespace

struct Scenario {
    const char* name;
    ExperimentConfig config;
};

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    QTextStream out(stdout);
    app::MainWindow w;
    w.unsavedChangesPrompt = [](QWidget*) { return QMessageBox::Discard; };
    w.resize(1400, 860);
    w.show();

    std::vector<Scenario> scenarios;
    {
        ExperimentConfig c; // the tutorial, many epochs: a flood of tiny epochs
        c.training.epochs = quick ? 200'000 : 2'000'000;
        scenarios.push_back({"tutorial, small epochs", c});
    }
    {
        ExperimentConfig c; // a million samples: large epochs
        c.dataset.generator.n = 1'000'000;
        c.training.epochs = quick ? 100 : 1000;
        scenarios.push_back({"1M samples, full batch", c});
    }
    {
        ExperimentConfig c; // an MLP in mini-batches, on the graph-heavy side
        c.model.type = ModelConfig::Type::Mlp;
        c.model.hidden = {32, 32};
        c.training.batchSize = 16;
        c.training.shuffle = true;
        c.training.epochs = quick ? 300 : 3000;
        c.optimizer = OptimizerConfig::defaults(OptimizerConfig::Type::Adam);
        scenarios.push_back({"MLP 32x32, mini-batches of 16", c});
    }

    auto waitForData = [&] { return measure([&] { return w.dataReady(); }, 120'000); };
    waitForData();
    const Stalls idle = measure([] { return false; }, 2000);
    out << "Event-loop stalls in the GradLab window (5 ms timer; goal: longest under 50 ms)\n";
    out << QStringLiteral("%1 %2 %3 %4 %5\n").arg(QStringLiteral("scenario"), -34).arg(QStringLiteral("epochs"), 10).arg(QStringLiteral("run s"), 8).arg(QStringLiteral("longest ms"), 11).arg(QStringLiteral("p99 ms"), 8);
    out << QStringLiteral("%1 %2 %3 %4 %5\n").arg(QStringLiteral("idle window (reference)"), -34).arg(QStringLiteral("-"), 10).arg(2.0, 8, 'f', 1).arg(idle.longestMs, 11, 'f', 1).arg(idle.p99Ms, 8, 'f', 1);
    bool allUnder = true;
    // --only N runs the Nth scenario alone (1-based), for profiling one of them.
    const int only = app.arguments().indexOf(QStringLiteral("--only")) >= 0
                         ? app.arguments().value(app.arguments().indexOf(QStringLiteral("--only")) + 1).toInt()
                         : 0;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        if (only > 0 && static_cast<std::size_t>(only) != i + 1)
            continue;
        const Scenario& s = scenarios[i];
        w.changeConfig(s.config, QString(), QString::fromLatin1(s.name));
        waitForData();
        QSignalSpy finished(&w, &app::MainWindow::runFinished);
        QElapsedTimer t;
        t.start();
        w.run();
        const Stalls run = measure([&] { return !finished.isEmpty(); }, 600'000);
        const double seconds = static_cast<double>(t.elapsed()) * 1e-3;
        const qint64 epochs = w.project().runs.empty() ? 0 : w.project().runs.back().epochs;
        out << QStringLiteral("%1 %2 %3 %4 %5   (%6 of the goal)\n")
                   .arg(QString::fromLatin1(s.name), -34)
                   .arg(epochs, 10)
                   .arg(seconds, 8, 'f', 1)
                   .arg(run.longestMs, 11, 'f', 1)
                   .arg(run.p99Ms, 8, 'f', 1)
                   .arg(run.longestMs / 50.0, 0, 'f', 2);
        allUnder = allUnder && run.longestMs < 50.0;
        out.flush();
    }
    out << (allUnder ? "All runs stayed under the 50 ms goal.\n" : "Some run went over the 50 ms goal.\n");
    return 0;
}

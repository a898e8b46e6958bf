#include "plot_loss.h"

#include "display_names.h"
#include "plot_export.h"

#include <QMenu>

#include <algorithm>
#include <cmath>

namespace gradlab::widgets {

namespace {

// How many of `ticks` lie within `range`, allowing for rounding at its ends.
int ticksWithin(const QVector<double>& ticks, const QCPRange& range)
{
    const double lo = range.lower * (1 - 1e-9), hi = range.upper * (1 + 1e-9);
    return static_cast<int>(std::count_if(ticks.begin(), ticks.end(), [&](double t) { return t >= lo && t <= hi; }));
}

// Each power of ten times each of `multipliers`, from the decade below the range to the one above.
QVector<double> multiplesOfPowers(const std::vector<double>& multipliers, const QCPRange& range)
{
    QVector<double> ticks;
    const int first = static_cast<int>(std::floor(std::log10(range.lower))) - 1;
    const int last = static_cast<int>(std::ceil(std::log10(range.upper)));
    for (int k = first; k <= last; ++k)
        for (const double m : multipliers)
            ticks << m * std::pow(10.0, k);
    return ticks;
}

} // namespace

QVector<double> LogTickerOneNotation::createTickVector(double tickStep, const QCPRange& range)
{
    kind_ = Kind::Powers;
    if (!(range.lower > 0 && range.upper > range.lower) || !std::isfinite(range.upper / range.lower))
        return QCPAxisTickerLog::createTickVector(tickStep, range);
    // Three labels at least, so that the lower and the upper part of the range both have one near.
    constexpr int kEnough = 3;
    if (std::log10(range.upper / range.lower) >= 2.0) {
        const QVector<double> powers = QCPAxisTickerLog::createTickVector(tickStep, range);
        if (ticksWithin(powers, range) >= kEnough)
            return powers;
    }
    kind_ = Kind::Multiples;
    for (const std::vector<double>& multipliers : {std::vector<double>{1, 2, 5}, std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
        const QVector<double> ticks = multiplesOfPowers(multipliers, range);
        if (ticksWithin(ticks, range) >= kEnough)
            return ticks;
    }
    // Less than a factor of about 1.5: evenly spaced numbers (tickStep is the linear ticker's).
    kind_ = Kind::Linear;
    QVector<double> ticks = QCPAxisTicker::createTickVector(tickStep, range);
    ticks.removeIf([](double t) { return !(t > 0); });
    return ticks;
}

int LogTickerOneNotation::getSubTickCount(double tickStep)
{
    switch (kind_) {
    case Kind::Powers:
        return QCPAxisTickerLog::getSubTickCount(tickStep);
    case Kind::Linear:
        return QCPAxisTicker::getSubTickCount(tickStep);
    case Kind::Multiples:
        break;
    }
    return 0; // evenly divided gaps between 1, 2 and 5 would mark no round numbers
}

QVector<QString> LogTickerOneNotation::createLabelVector(const QVector<double>& ticks, const QLocale& locale,
                                                        QChar formatChar, int precision)
{
    Q_UNUSED(formatChar)
    Q_UNUSED(precision)
    // The ticks are powers of ten, computed: allow for rounding at the ends of the plain range.
    const bool plain = std::all_of(ticks.begin(), ticks.end(),
                                   [](double t) { return t >= 1e-3 * (1 - 1e-9) && t <= 1e5 * (1 + 1e-9); });
    QVector<QString> labels;
    labels.reserve(ticks.size());
    for (const double t : ticks) {
        if (plain) {
            labels << locale.toString(t, 'g', 6);
            continue;
        }
        // As few digits as the tick needs: "1e-05", "2e-05", "1.5e-05".
        int digits = 0;
        while (digits < 6 && std::abs(QString::number(t, 'e', digits).toDouble() - t) > 1e-9 * std::abs(t))
            ++digits;
        labels << locale.toString(t, 'e', digits);
    }
    return labels;
}

void LossPlot::Bounds::add(double y)
{
    if (!std::isfinite(y))
        return;
    yMin = any ? std::min(yMin, y) : y;
    yMax = any ? std::max(yMax, y) : y;
    any = true;
    if (y > 0) {
        positiveMin = anyPositive ? std::min(positiveMin, y) : y;
        positiveMax = anyPositive ? std::max(positiveMax, y) : y;
        anyPositive = true;
    }
}

LossPlot::LossPlot(QWidget* parent)
    : PlotView(parent)
{
    setExportTitle(tr("Loss curves"));
    legend->setVisible(true);
    legend->setBrush(QColor(255, 255, 255, 220));
    xAxis->setLabel(tr("Epoch"));
    yAxis->setLabel(tr("Loss"));
    // The two losses are measured at different moments of an epoch: say which.
    setToolTip(tr("Training loss: what each epoch's training step returned, computed before that step's update "
                  "(as the tutorial's make_train_step does; with mini-batches, the mean over the epoch's batches).\n"
                  "Validation loss: computed after the epoch's update.\n"
                  "The results' losses are computed at the final parameters, after the last update."));
    // The live run draws over the recorded ones: its graphs are on a layer above.
    addLayer(QStringLiteral("live"), layer(QStringLiteral("main")), limAbove);
    liveTrain_ = addGraph();
    liveVal_ = addGraph();
    liveTrain_->setPen(QPen(plotColor(0), 2));
    liveVal_->setPen(QPen(plotColor(1), 2));
    for (QCPGraph* g : {liveTrain_, liveVal_}) {
        g->setLayer(QStringLiteral("live"));
        g->removeFromLegend();
        g->setAdaptiveSampling(true);
    }
}

bool LossPlot::plottable(double v) const { return std::isfinite(v) && (!logScale_ || v > 0); }

void LossPlot::beginLive(const QString& name)
{
    clearLive();
    liveActive_ = true;
    const QString run = name.isEmpty() ? tr("Current run") : name;
    liveTrain_->setName(tr("%1 — training").arg(run));
    liveVal_->setName(tr("%1 — validation").arg(run));
    liveTrain_->addToLegend();
    liveVal_->addToLegend();
    resetView();
}

void LossPlot::clearLive()
{
    live_ = {};
    liveTrain_->data()->clear();
    liveVal_->data()->clear();
    if (liveActive_) {
        liveTrain_->removeFromLegend();
        liveVal_->removeFromLegend();
    }
    liveActive_ = false;
    rebuild();
}

void LossPlot::appendEpochs(const std::vector<experiment::EpochRecord>& records)
{
    if (records.empty())
        return;
    if (!liveActive_)
        beginLive(QString());
    const std::size_t from = live_.epochs.size();
    for (const experiment::EpochRecord& r : records) {
        live_.epochs.push_back(static_cast<double>(r.epoch));
        live_.train.push_back(r.trainLoss);
        live_.val.push_back(r.valLoss);
        bounds_.xMax = std::max(bounds_.xMax, static_cast<double>(r.epoch));
        bounds_.add(r.trainLoss);
        bounds_.add(r.valLoss);
    }
    appendTo(liveTrain_, live_.epochs, live_.train, from);
    appendTo(liveVal_, live_.epochs, live_.val, from);
    dataChanged();
}

void LossPlot::appendTo(QCPGraph* graph, const std::vector<double>& epochs, const std::vector<double>& values, std::size_t from)
{
    QVector<double> keys, vals;
    keys.reserve(static_cast<qsizetype>(epochs.size() - from));
    vals.reserve(static_cast<qsizetype>(epochs.size() - from));
    for (std::size_t i = from; i < epochs.size(); ++i) {
        if (plottable(values[i])) {
            keys << epochs[i];
            vals << values[i];
        }
    }
    graph->addData(keys, vals, true);
    markFewPoints(graph);
}

void LossPlot::fill(QCPGraph* train, QCPGraph* val, const Series& series)
{
    train->data()->clear();
    val->data()->clear();
    appendTo(train, series.epochs, series.train, 0);
    appendTo(val, series.epochs, series.val, 0);
}

void LossPlot::setRuns(const std::vector<experiment::RunRecord>& runs, const QList<int>& shown)
{
    for (const auto& [train, val] : runGraphs_) {
        removeGraph(train);
        removeGraph(val);
    }
    runGraphs_.clear();
    runs_.clear();
    for (const int index : shown) {
        if (index < 0 || static_cast<std::size_t>(index) >= runs.size())
            continue;
        // By place among the shown runs, not by run number: each of the overlaid runs its own colour.
        const QColor color = recordedRunColor(runGraphs_.size());
        const experiment::RunRecord& run = runs[static_cast<std::size_t>(index)];
        Series s;
        for (const experiment::EpochRecord& e : run.history) {
            s.epochs.push_back(static_cast<double>(e.epoch));
            s.train.push_back(e.trainLoss);
            s.val.push_back(e.valLoss);
        }
        QString name = tr("Run %1 — %2 lr %3")
                           .arg(index + 1)
                           .arg(optimizerTypeName(run.config.optimizer.type))
                           .arg(run.config.optimizer.lr, 0, 'g', 6);
        if (!run.config.training.zeroGrad)
            name = tr("%1, gradients not zeroed").arg(name);
        // Named like the live run's curves: nothing else tells the solid one from the dashed.
        QCPGraph* train = addGraph();
        train->setName(tr("%1 — training").arg(name));
        train->setPen(QPen(color, 1.5));
        QCPGraph* val = addGraph();
        val->setName(tr("%1 — validation").arg(name));
        val->setPen(QPen(color, 1.5, Qt::DashLine));
        runGraphs_.emplace_back(train, val);
        runs_.push_back(std::move(s));
    }
    rebuild();
}

void LossPlot::rebuild()
{
    bounds_ = {};
    const auto account = [this](const Series& s) {
        if (!s.epochs.empty())
            bounds_.xMax = std::max(bounds_.xMax, *std::max_element(s.epochs.begin(), s.epochs.end()));
        for (const double v : s.train)
            bounds_.add(v);
        for (const double v : s.val)
            bounds_.add(v);
    };
    for (std::size_t i = 0; i < runs_.size(); ++i) {
        fill(runGraphs_[i].first, runGraphs_[i].second, runs_[i]);
        account(runs_[i]);
    }
    fill(liveTrain_, liveVal_, live_);
    account(live_);
    dataChanged();
}

void LossPlot::setLogScale(bool on)
{
    if (on == logScale_)
        return;
    logScale_ = on;
    if (on) {
        linearNumberFormat_ = yAxis->numberFormat();
        linearNumberPrecision_ = yAxis->numberPrecision();
        yAxis->setScaleType(QCPAxis::stLogarithmic);
        yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new LogTickerOneNotation));
        // "b": the exponent labels are drawn as powers of ten.
        yAxis->setNumberFormat(QStringLiteral("eb"));
        yAxis->setNumberPrecision(0);
        yAxis->setLabel(tr("Loss (log scale)"));
    } else {
        yAxis->setScaleType(QCPAxis::stLinear);
        yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        yAxis->setNumberFormat(linearNumberFormat_);
        yAxis->setNumberPrecision(linearNumberPrecision_);
        yAxis->setLabel(tr("Loss"));
    }
    rebuild();
    // A new scale needs a new range whatever the user zoomed to.
    resetView();
    emit logScaleChanged(on);
}

void LossPlot::addContextActions(QMenu* menu)
{
    menu->addSeparator();
    QAction* log = menu->addAction(tr("Log scale"));
    log->setCheckable(true);
    log->setShortcut(QKeySequence(Qt::Key_L)); // taken by PlotView::keyPressEvent while the plot has the focus
    log->setChecked(logScale_);
    connect(log, &QAction::toggled, this, &LossPlot::setLogScale);
}

void LossPlot::fitView()
{
    const double xMax = std::max(bounds_.xMax, 1.0);
    xAxis->setRange(0.0, xMax * 1.02);
    if (logScale_) {
        if (bounds_.anyPositive)
            yAxis->setRange(bounds_.positiveMin / 1.5, bounds_.positiveMax * 1.5);
        else
            yAxis->setRange(1e-3, 1.0);
    } else if (bounds_.any) {
        // A linear loss axis starts at zero, where a loss is perfect, with headroom at the top.
        const double lower = std::min(0.0, bounds_.yMin);
        const double upper = bounds_.yMax > lower ? bounds_.yMax : lower + 1.0;
        yAxis->setRange(lower, upper + 0.05 * (upper - lower));
    } else {
        yAxis->setRange(0.0, 1.0);
    }
}

} // namespace gradlab::widgets

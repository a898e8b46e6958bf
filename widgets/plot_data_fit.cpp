#include "plot_data_fit.h"

#include <QLocale>

#include "display_names.h"
#include "plot_export.h"

#include "experiment/curves.h"
#include "fit/least_squares.h"

#include <QMenu>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace gradlab::widgets {
namespace {

constexpr int kCurveSamples = 200;
// Large sets are drawn thinned to an even stride, so that a replot stays cheap during a run.
constexpr std::int64_t kMaxPoints = 5'000;

QCPRange extent(const std::vector<double>& values, std::size_t offset, std::size_t stride)
{
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t i = offset; i < values.size(); i += stride) {
        if (std::isfinite(values[i])) {
            lo = std::min(lo, values[i]);
            hi = std::max(hi, values[i]);
        }
    }
    if (!(lo <= hi))
        return QCPRange(0.0, 1.0);
    if (!(lo < hi))
        return QCPRange(lo - 0.5, hi + 0.5);
    return QCPRange(lo, hi);
}

// Changes the legend only when the graph's presence changes, keeping the entries' order.
void showInLegend(QCPGraph* graph, bool shown)
{
    if (graph->parentPlot()->legend->hasItemWithPlottable(graph) == shown)
        return;
    if (shown)
        graph->addToLegend();
    else
        graph->removeFromLegend();
}

// A thinned set's legend entry says so.
QString thinnedName(const QString& name, std::int64_t stride, std::int64_t rows)
{
    return stride == 1 ? name : DataFitPlot::tr("%1 (every %2th of %3 points)").arg(name).arg(stride).arg(QLocale().toString(rows));
}

} // namespace

DataFitPlot::DataFitPlot(QWidget* parent)
    : PlotView(parent)
{
    setExportTitle(tr("Data and fitted model"));
    legend->setVisible(true);
    legend->setBrush(QColor(255, 255, 255, 220));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    const auto points = [this](const QColor& color, const QString& name) {
        QCPGraph* g = addGraph();
        g->setName(name);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 6));
        g->setPen(QPen(color));
        return g;
    };
    // The band first, so that the points and curves are drawn over it.
    bandLower_ = addGraph();
    bandUpper_ = addGraph();
    bandUpper_->setName(tr("95% confidence band of the closed form"));
    for (QCPGraph* g : {bandLower_, bandUpper_})
        g->setPen(QPen(QColor(0, 0, 0, 60), 1));
    bandUpper_->setBrush(QColor(0, 0, 0, 28));
    bandUpper_->setChannelFillGraph(bandLower_);
    bandLower_->removeFromLegend();
    train_ = points(plotColor(0), tr("Training data"));
    val_ = points(plotColor(1), tr("Validation data"));
    trueLine_ = addGraph();
    trueLine_->setName(tr("True line"));
    trueLine_->setPen(QPen(QColor(128, 128, 128), 1.5, Qt::DashLine));
    diagonal_ = addGraph();
    diagonal_->setName(tr("Observed = predicted"));
    diagonal_->setPen(QPen(QColor(128, 128, 128), 1.5, Qt::DashLine));
    closed_ = addGraph();
    closed_->setName(tr("Closed form (least squares)"));
    closed_->setPen(QPen(QColor(0, 0, 0), 2, Qt::DashLine));
    fit_ = addGraph();
    fit_->setName(tr("Trained model"));
    fit_->setPen(QPen(plotColor(2), 2));
    // The trained curve moves with every update of a run while the points stay: on a buffered
    // layer of its own it is redrawn without the points.
    addLayer(QStringLiteral("fit"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
    layer(QStringLiteral("fit"))->setMode(QCPLayer::lmBuffered);
    fit_->setLayer(QStringLiteral("fit"));
    fitTimer_.setSingleShot(true);
    fitTimer_.setInterval(33);
    connect(&fitTimer_, &QTimer::timeout, this, [this] {
        if (isVisible())
            fit_->layer()->replot();
        else
            scheduleReplot();
    });
    for (QCPGraph* g : {trueLine_, diagonal_, closed_, fit_, bandUpper_})
        g->removeFromLegend();

    xAxis->setLabel(tr("x"));
    yAxis->setLabel(tr("y"));
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &DataFitPlot::drawCurves);
}

void DataFitPlot::setData(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data)
{
    for (QCPGraph* g : {train_, val_, trueLine_, diagonal_, closed_, fit_, bandLower_, bandUpper_})
        g->data()->clear();
    closedFit_.reset();
    showInLegend(bandUpper_, false);
    showInLegend(closed_, false);
    showInLegend(fit_, false);
    fitParams_.clear();
    closedParams_.clear();
    shownX_.clear();
    shownY_.clear();
    shownTrain_ = 0;
    hasLineRange_ = false;
    model_ = config.model;
    layout_.clear();
    const std::int64_t features = data.all.features();
    features_ = std::max<std::int64_t>(features, 1);
    usable_ = features >= 1 && data.all.rows() > 0;
    scatter_ = usable_ && features > 1;
    legend->setVisible(usable_);
    // Several features: the rows' predictions move with every update of a run, as the curve does.
    const QString pointsLayer = scatter_ ? QStringLiteral("fit") : QStringLiteral("main");
    train_->setLayer(pointsLayer);
    val_->setLayer(pointsLayer);
    closed_->setLineStyle(scatter_ ? QCPGraph::lsNone : QCPGraph::lsLine);
    closed_->setScatterStyle(scatter_ ? QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0, 0, 0), 1.2), Qt::NoBrush, 10)
                                      : QCPScatterStyle());
    showInLegend(diagonal_, scatter_);
    if (!usable_) {
        setMessage(tr("There is no data to plot"));
        showInLegend(trueLine_, false);
        dataChanged();
        return;
    }
    setMessage(QString());
    try {
        layout_ = experiment::parameterLayout(config.model, features_);
    } catch (const std::exception&) {
        layout_.clear(); // a model that cannot take the data draws no curve
    }

    const auto fill = [](QCPGraph* g, const data::Dataset& d, const QString& name) {
        const std::int64_t stride = std::max<std::int64_t>(1, (d.rows() + kMaxPoints - 1) / kMaxPoints);
        QVector<double> xs, ys;
        xs.reserve(static_cast<qsizetype>(d.rows() / stride + 1));
        ys.reserve(static_cast<qsizetype>(d.rows() / stride + 1));
        for (std::int64_t i = 0; i < d.rows(); i += stride) {
            xs << d.feature(i, 0);
            ys << d.y[static_cast<std::size_t>(i)];
        }
        g->setData(xs, ys);
        // Antialiased discs cost too much to redraw by the thousand.
        g->setAntialiasedScatters(xs.size() <= 2000);
        g->setName(thinnedName(name, stride, d.rows()));
    };
    const QString target = data.all.targetName.empty() ? tr("y") : oneLineName(data.all.targetName);
    if (scatter_) {
        // The rows' features are kept to predict them: the predictions come with setFit and
        // setClosedForm.
        const auto keep = [this](const data::Dataset& d) {
            const std::int64_t stride = std::max<std::int64_t>(1, (d.rows() + kMaxPoints - 1) / kMaxPoints);
            for (std::int64_t i = 0; i < d.rows(); i += stride) {
                for (std::int64_t j = 0; j < d.features(); ++j)
                    shownX_.push_back(d.feature(i, j));
                shownY_.push_back(d.y[static_cast<std::size_t>(i)]);
            }
            return stride;
        };
        trainStride_ = keep(data.train);
        trainRows_ = data.train.rows();
        shownTrain_ = shownY_.size();
        valStride_ = keep(data.val);
        valRows_ = data.val.rows();
        xAxis->setLabel(tr("Observed %1").arg(target));
        yAxis->setLabel(tr("Predicted %1").arg(target));
        // Both axes show the target: the data's extent on each.
        xData_ = extent(data.all.y, 0, 1);
        yData_ = xData_;
        drawFitPredictions();
        drawClosedPredictions();
    } else {
        fill(train_, data.train, tr("Training data"));
        fill(val_, data.val, tr("Validation data"));
        showInLegend(train_, true);
        showInLegend(val_, true);
        xAxis->setLabel(data.all.featureNames.front().empty() ? tr("x") : oneLineName(data.all.featureNames.front()));
        yAxis->setLabel(target);
        xData_ = extent(data.all.x, 0, 1);
        yData_ = extent(data.all.y, 0, 1);
    }

    const std::optional<experiment::TrueLine> line = experiment::trueLine(config);
    hasTrueLine_ = !scatter_ && line;
    trueA_ = line ? line->intercept : 0.0;
    trueB_ = line ? line->slope : 0.0;
    showInLegend(trueLine_, hasTrueLine_);
    // New data, new view, fitted now rather than on the next replot: the curves are drawn over it.
    resetView();
    drawCurves();
}

void DataFitPlot::setNoData(const experiment::ExperimentConfig& config, const QString& why)
{
    setData(config, experiment::ExperimentData {});
    setMessage(why.isEmpty() ? tr("There is no data to plot") : why);
}

void DataFitPlot::setModel(const experiment::ModelConfig& model)
{
    model_ = model;
    layout_.clear();
    if (usable_) {
        try {
            layout_ = experiment::parameterLayout(model, features_);
        } catch (const std::exception&) {
            layout_.clear(); // a model that cannot take the data draws no curve
        }
    }
    fitParams_.clear();
    closedParams_.clear();
    closedFit_.reset();
    if (scatter_) {
        drawFitPredictions();
        drawClosedPredictions();
    }
    if (std::exchange(hasLineRange_, false))
        dataChanged();
    drawCurves();
}

void DataFitPlot::setFit(const std::vector<double>& params, bool trained)
{
    const QString name = trained ? tr("Trained model") : tr("Initial parameters");
    if (fit_->name() != name) {
        fit_->setName(name);
        fitParams_.clear(); // the legend changes: a full replot
    }
    hasLineRange_ = false;
    lineRangeReset_ = true;
    setFit(params);
}

void DataFitPlot::setFit(const std::vector<double>& params)
{
    const bool wasShown = !fitParams_.empty();
    fitParams_ = params;
    if (scatter_)
        drawFitPredictions();
    else
        drawCurve(fit_, fitParams_);
    const bool grew = includeLine(fitParams_);
    if (std::exchange(lineRangeReset_, false) || grew) {
        dataChanged(); // a new y range: the points move too
    } else if (wasShown && !fitParams_.empty()) {
        // Only the curve changed: its own layer is enough.
        if (!fitTimer_.isActive())
            fitTimer_.start();
    } else {
        scheduleReplot(); // the legend changes too
    }
}

void DataFitPlot::setClosedForm(const std::vector<double>& params)
{
    closedParams_ = params;
    if (scatter_)
        drawClosedPredictions();
    else
        drawCurve(closed_, closedParams_);
    scheduleReplot();
}

QCPRange DataFitPlot::fittedXRange() const
{
    // Room around the points, so that none sits on the frame.
    const double half = xData_.size() * 1.1 / 2;
    return QCPRange(xData_.center() - half, xData_.center() + half);
}

bool DataFitPlot::includeLine(const std::vector<double>& params)
{
    if (!usable_ || params.empty() || layout_.empty())
        return false;
    std::optional<std::vector<double>> ys;
    if (scatter_) {
        ys = predictShown(params);
    } else {
        const QCPRange range = fittedXRange();
        std::vector<double> grid(kCurveSamples);
        for (int i = 0; i < kCurveSamples; ++i)
            grid[static_cast<std::size_t>(i)] = range.lower + range.size() * i / (kCurveSamples - 1);
        QString error;
        ys = experiment::predict(model_, layout_, params, grid, &error);
    }
    if (!ys || ys->empty() || !std::all_of(ys->begin(), ys->end(), [](double y) { return std::isfinite(y); }))
        return false; // another model's values (a stale update), or a line not wholly drawn
    const auto [lo, hi] = std::minmax_element(ys->begin(), ys->end());
    // A line reaching far beyond the data (diverged, or absurd values) would squeeze the points
    // into a sliver: the view keeps to the data then. Within twice the data's height either way,
    // the points fill a fifth of the plot at least.
    const double room = 2.0 * std::max(yData_.size(), 1e-12 * std::max(std::abs(yData_.lower), std::abs(yData_.upper)));
    if (*lo < yData_.lower - room || *hi > yData_.upper + room)
        return false;
    if (hasLineRange_ && lineRange_.contains(*lo) && lineRange_.contains(*hi))
        return false;
    lineRange_ = hasLineRange_ ? QCPRange(std::min(lineRange_.lower, *lo), std::max(lineRange_.upper, *hi)) : QCPRange(*lo, *hi);
    hasLineRange_ = true;
    return true;
}

void DataFitPlot::fitView()
{
    xAxis->setRange(fittedXRange());
    QCPRange y = yData_;
    if (hasLineRange_)
        y.expand(lineRange_);
    yAxis->setRange(y);
    // Room around the points and the line, so that neither sits on the frame.
    yAxis->scaleRange(1.15, yAxis->range().center());
}

void DataFitPlot::drawCurve(QCPGraph* graph, const std::vector<double>& params)
{
    graph->data()->clear();
    if (!usable_ || params.empty() || layout_.empty()) {
        showInLegend(graph, false);
        return;
    }
    const QCPRange range = xAxis->range();
    std::vector<double> grid(kCurveSamples);
    for (int i = 0; i < kCurveSamples; ++i)
        grid[static_cast<std::size_t>(i)] = range.lower + range.size() * i / (kCurveSamples - 1);
    QString error;
    const auto ys = experiment::predict(model_, layout_, params, grid, &error);
    if (!ys) {
        showInLegend(graph, false);
        return; // parameters of another model (a stale update): nothing to draw
    }
    QVector<double> vx, vy;
    for (std::size_t i = 0; i < grid.size(); ++i) {
        if (std::isfinite((*ys)[i])) {
            vx << grid[i];
            vy << (*ys)[i];
        }
    }
    graph->setData(vx, vy, true);
    showInLegend(graph, true);
}

void DataFitPlot::setClosedFormFit(std::shared_ptr<const fit::FitResult> fit)
{
    closedFit_ = std::move(fit);
    drawBand();
    scheduleReplot();
}

void DataFitPlot::setShowBand(bool shown)
{
    if (std::exchange(showBand_, shown) == shown)
        return;
    drawBand();
    scheduleReplot();
    emit showBandChanged(shown);
}

bool DataFitPlot::bandAvailable() const
{
    return usable_ && !scatter_ && closedFit_ && closedFit_->features == 1 && closedFit_->dfResidual > 0 && !closedFit_->exact;
}

void DataFitPlot::drawBand()
{
    bandLower_->data()->clear();
    bandUpper_->data()->clear();
    if (!showBand_ || !bandAvailable()) {
        showInLegend(bandUpper_, false);
        return;
    }
    const QCPRange range = xAxis->range();
    std::vector<double> grid(kCurveSamples);
    for (int i = 0; i < kCurveSamples; ++i)
        grid[static_cast<std::size_t>(i)] = range.lower + range.size() * i / (kCurveSamples - 1);
    fit::DataView rows;
    rows.x = grid.data();
    rows.rows = static_cast<std::int64_t>(grid.size());
    rows.features = 1;
    std::vector<fit::Prediction> band;
    try {
        band = fit::predictWithIntervals(*closedFit_, rows);
    } catch (const std::exception&) {
        showInLegend(bandUpper_, false);
        return; // a fit of other data (a stale update): nothing to draw
    }
    QVector<double> xs, lower, upper;
    for (std::size_t i = 0; i < band.size(); ++i)
        if (band[i].estimable && std::isfinite(band[i].meanLower) && std::isfinite(band[i].meanUpper)) {
            xs << grid[i];
            lower << band[i].meanLower;
            upper << band[i].meanUpper;
        }
    bandLower_->setData(xs, lower, true);
    bandUpper_->setData(xs, upper, true);
    showInLegend(bandUpper_, !xs.isEmpty());
}

void DataFitPlot::addContextActions(QMenu* menu)
{
    menu->addSeparator();
    QAction* band = menu->addAction(tr("Confidence band of the closed form"));
    band->setObjectName(QStringLiteral("showBand"));
    band->setCheckable(true);
    band->setShortcut(QKeySequence(Qt::Key_B)); // taken by PlotView::keyPressEvent while the plot has the focus
    band->setChecked(showBand_);
    band->setEnabled(bandAvailable());
    band->setToolTip(bandAvailable() ? tr("The 95% confidence interval of the closed form's mean response at each x")
                                     : tr("For one feature and a closed form with residual degrees of freedom"));
    connect(band, &QAction::toggled, this, &DataFitPlot::setShowBand);
}

void DataFitPlot::drawCurves()
{
    trueLine_->data()->clear();
    diagonal_->data()->clear();
    if (scatter_) {
        // The predictions do not depend on the view: only the diagonal spans it.
        const QCPRange r = xAxis->range();
        diagonal_->setData(QVector<double>{r.lower, r.upper}, QVector<double>{r.lower, r.upper}, true);
        scheduleReplot();
        return;
    }
    if (usable_ && hasTrueLine_) {
        const QCPRange r = xAxis->range();
        trueLine_->setData(QVector<double>{r.lower, r.upper}, QVector<double>{trueA_ + trueB_ * r.lower, trueA_ + trueB_ * r.upper}, true);
    }
    drawCurve(closed_, closedParams_);
    drawCurve(fit_, fitParams_);
    drawBand();
    scheduleReplot();
}

std::optional<std::vector<double>> DataFitPlot::predictShown(const std::vector<double>& params) const
{
    if (!scatter_ || params.empty() || layout_.empty() || shownY_.empty())
        return std::nullopt;
    QString error;
    return experiment::predictRows(model_, layout_, params, shownX_, features_, &error);
}

void DataFitPlot::drawFitPredictions()
{
    const auto ys = predictShown(fitParams_);
    const auto fill = [&](QCPGraph* g, std::size_t from, std::size_t to) {
        QVector<double> xs, vs;
        for (std::size_t i = from; ys && i < to; ++i) {
            if (std::isfinite((*ys)[i])) {
                xs << shownY_[i];
                vs << (*ys)[i];
            }
        }
        g->setData(xs, vs);
        g->setAntialiasedScatters(xs.size() <= 2000);
        showInLegend(g, ys.has_value() && from < to);
    };
    fill(train_, 0, shownTrain_);
    fill(val_, shownTrain_, shownY_.size());
    // Named after the parameters they show: "Trained model" or "Initial parameters".
    train_->setName(thinnedName(tr("%1, training rows").arg(fit_->name()), trainStride_, trainRows_));
    val_->setName(thinnedName(tr("%1, validation rows").arg(fit_->name()), valStride_, valRows_));
}

void DataFitPlot::drawClosedPredictions()
{
    const auto ys = predictShown(closedParams_);
    QVector<double> xs, vs;
    for (std::size_t i = 0; ys && i < ys->size(); ++i) {
        if (std::isfinite((*ys)[i])) {
            xs << shownY_[i];
            vs << (*ys)[i];
        }
    }
    closed_->setData(xs, vs);
    closed_->setAntialiasedScatters(xs.size() <= 2000);
    showInLegend(closed_, ys.has_value());
}

} // namespace gradlab::widgets

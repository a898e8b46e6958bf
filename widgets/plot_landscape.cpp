#include "plot_landscape.h"

#include "plot_export.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gradlab::widgets {
namespace {

// Steps per axis: MSE is a closed form over the grid, the other losses read every row per point.
constexpr int kStepsExact = 121;
constexpr int kStepsDirect = 61;
constexpr int kContourLevels = 12;

// A perceptually uniform map from dark (low loss) to light (high), like matplotlib's viridis.
QCPColorGradient lossGradient()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(68, 1, 84));
    g.setColorStopAt(0.25, QColor(59, 82, 139));
    g.setColorStopAt(0.5, QColor(33, 145, 140));
    g.setColorStopAt(0.75, QColor(94, 201, 98));
    g.setColorStopAt(1.0, QColor(253, 231, 37));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    return g;
}

} // namespace

LandscapePlot::LandscapePlot(QWidget* parent)
    : PlotView(parent)
{
    setExportTitle(tr("Loss landscape"));
    legend->setVisible(false);
    legend->setBrush(QColor(255, 255, 255, 220));
    margins_ = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins_);

    map_ = new QCPColorMap(xAxis, yAxis);
    map_->setGradient(lossGradient());
    map_->setInterpolate(true);
    map_->setTightBoundary(true);
    map_->setName(tr("Loss"));
    map_->removeFromLegend();
    map_->setVisible(false);

    minimum_ = addGraph();
    minimum_->setName(tr("Lowest loss on the grid"));
    minimum_->setLineStyle(QCPGraph::lsNone);
    minimum_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, QPen(QColor(230, 159, 0), 2.5), QBrush(), 16));

    path_ = new QCPCurve(xAxis, yAxis);
    path_->setName(tr("Optimizer's path"));
    // Vermillion reads on the dark floor of the map and in the legend alike.
    path_->setPen(QPen(QColor(213, 94, 0), 2));
    path_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(213, 94, 0), 5));
    // Thinned to kMaxPathPoints already; every kept point gets its marker.
    path_->setScatterSkip(0);

    steps_ = new QCPCurve(xAxis, yAxis);
    steps_->setName(tr("Steps within the epoch"));
    // Sky blue, dashed: apart from the epochs' path, and readable on the map's dark and light ends.
    steps_->setPen(QPen(QColor(86, 180, 233), 2, Qt::DashLine));
    steps_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(86, 180, 233), 5));
    steps_->removeFromLegend();

    current_ = addGraph();
    current_->setName(tr("Current parameters"));
    current_->setLineStyle(QCPGraph::lsNone);
    current_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0, 0, 0), 2), QBrush(QColor(255, 255, 255)), 10));

    // Contours (on "main") stay below the markers and the path, whenever they are added.
    addLayer(QStringLiteral("markers"), layer(QStringLiteral("main")), limAbove);
    for (QCPAbstractPlottable* p : std::initializer_list<QCPAbstractPlottable*>{minimum_, path_, steps_, current_})
        p->setLayer(QStringLiteral("markers"));
    clearLandscape();
}

void LandscapePlot::clearLandscape()
{
    landscape_.reset();
    for (QCPCurve* c : contours_)
        removePlottable(c);
    contours_.clear();
    map_->data()->clear();
    map_->setVisible(false);
    map_->setColorScale(nullptr);
    if (scale_) {
        plotLayout()->remove(scale_);
        plotLayout()->simplify();
        scale_ = nullptr;
    }
    minimum_->data()->clear();
    legend->setVisible(false);
}

LandscapeProblem LandscapePlot::computeProblem(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data,
                                               const std::vector<double>& center)
{
    LandscapeProblem problem;
    std::vector<double> initial;
    try {
        initial = experiment::initialParameters(config.model, data.train.features());
    } catch (const std::exception&) {
        initial.clear(); // lossLandscape below says what is wrong with the model
    }
    // Wide enough for the way from the initial values to the optimum, and then some.
    if (initial.size() == 2 && std::isfinite(initial[0]) && std::isfinite(initial[1]))
        problem.initial = initial;
    double half[2] = {1.0, 1.0};
    for (std::size_t i = 0; i < 2 && i < initial.size() && i < center.size(); ++i)
        if (std::isfinite(initial[i]))
            half[i] = std::max(2.0 * std::abs(center[i] - initial[i]), 1.0);
    const int steps = config.loss.type == experiment::LossConfig::Type::Mse ? kStepsExact : kStepsDirect;
    problem.landscape = experiment::lossLandscape(config, data.train, center, half[0], half[1], steps, &problem.reason);
    if (problem.landscape)
        problem.lines = experiment::contours(*problem.landscape, experiment::contourLevels(*problem.landscape, kContourLevels));
    return problem;
}

void LandscapePlot::setProblem(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data,
                               const std::vector<double>& center)
{
    showProblem(computeProblem(config, data, center));
}

void LandscapePlot::showProblem(const LandscapeProblem& problem)
{
    clearLandscape();
    initial_ = problem.initial;
    setPath({});
    landscape_ = problem.landscape;
    if (!landscape_) {
        reason_ = problem.reason;
        path_->setVisible(false);
        current_->setVisible(false);
        setMessage(reason_);
        xAxis->setLabel(QString());
        yAxis->setLabel(QString());
        resetView();
        return;
    }
    reason_.clear();
    setMessage(QString());
    const experiment::Landscape& land = *landscape_;
    const int na = static_cast<int>(land.aAxis.size()), nb = static_cast<int>(land.bAxis.size());
    xAxis->setLabel(land.aName);
    yAxis->setLabel(land.bName);

    map_->data()->setSize(na, nb);
    map_->data()->setRange(QCPRange(land.aAxis.front(), land.aAxis.back()), QCPRange(land.bAxis.front(), land.bAxis.back()));
    for (int j = 0; j < nb; ++j)
        for (int i = 0; i < na; ++i)
            map_->data()->setCell(i, j, land.loss[static_cast<std::size_t>(j * na + i)]);
    scale_ = new QCPColorScale(this);
    // Beside the plot, in its row (below a caption, if there is one).
    int row = 0, column = 0;
    plotLayout()->indexToRowCol(static_cast<int>(plotLayout()->elements(false).indexOf(axisRect())), row, column);
    plotLayout()->addElement(row, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    scale_->setMarginGroup(QCP::msTop | QCP::msBottom, margins_);
    scale_->axis()->setLabel(land.exact ? tr("Loss") : tr("Loss (on %1 sampled rows)").arg(experiment::kLandscapeMaxRows));
    // Connecting a colour scale gives the map the scale's gradient: set it there.
    scale_->setGradient(lossGradient());
    map_->setColorScale(scale_);
    // A bowl's floor holds the interesting detail: a logarithmic colour scale spreads it out.
    const bool logColours = land.minLoss > 0;
    map_->setDataScaleType(logColours ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logColours)
        scale_->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    map_->rescaleDataRange(true);
    map_->setVisible(true);

    for (const experiment::Polyline& line : problem.lines) {
        auto* curve = new QCPCurve(xAxis, yAxis);
        curve->setPen(QPen(QColor(255, 255, 255, 150), 1));
        curve->setData(QVector<double>(line.a.begin(), line.a.end()), QVector<double>(line.b.begin(), line.b.end()));
        curve->removeFromLegend();
        curve->setSelectable(QCP::stNone);
        contours_.push_back(curve);
    }
    minimum_->setData(QVector<double>{land.minA}, QVector<double>{land.minB});
    legend->setVisible(true);
    path_->setVisible(true);
    current_->setVisible(true);
    clearSteps();
    resetView();
}

void LandscapePlot::setPath(const std::vector<experiment::EpochRecord>& records)
{
    pathA_.clear();
    pathB_.clear();
    stride_ = 1;
    sinceKept_ = 0;
    hasLast_ = false;
    clearSteps();
    appendPath(records);
    drawPath();
}

void LandscapePlot::appendPath(const std::vector<experiment::EpochRecord>& records)
{
    bool changed = false;
    for (const experiment::EpochRecord& r : records) {
        if (r.params.size() < 2 || !std::isfinite(r.params[0]) || !std::isfinite(r.params[1]))
            continue;
        lastA_ = r.params[0];
        lastB_ = r.params[1];
        hasLast_ = true;
        changed = true;
        if (++sinceKept_ < stride_ && !pathA_.isEmpty())
            continue;
        sinceKept_ = 0;
        pathA_ << lastA_;
        pathB_ << lastB_;
        if (static_cast<std::size_t>(pathA_.size()) > kMaxPathPoints) {
            // Keep every other point (the first among them) and take half as many from now on.
            qsizetype kept = 0;
            for (qsizetype k = 0; k < pathA_.size(); k += 2, ++kept) {
                pathA_[kept] = pathA_[k];
                pathB_[kept] = pathB_[k];
            }
            pathA_.resize(kept);
            pathB_.resize(kept);
            stride_ *= 2;
        }
    }
    if (changed) {
        clearSteps();
        drawPath();
    }
}

int LandscapePlot::pathPoints() const { return path_->dataCount(); }
int LandscapePlot::stepPoints() const { return steps_->dataCount(); }

void LandscapePlot::clearSteps()
{
    stepA_.clear();
    stepB_.clear();
    steps_->data()->clear();
    steps_->removeFromLegend();
}

void LandscapePlot::jumpTo(const std::vector<double>& params)
{
    if (params.size() < 2 || !std::isfinite(params[0]) || !std::isfinite(params[1]) || stepA_.isEmpty())
        return;
    if (stepA_.back() == params[0] && stepB_.back() == params[1])
        return;
    constexpr double gap = std::numeric_limits<double>::quiet_NaN(); // QCPCurve leaves a gap at a NaN point
    stepA_ << gap << params[0];
    stepB_ << gap << params[1];
    steps_->setData(stepA_, stepB_);
    current_->setData(QVector<double>{params[0]}, QVector<double>{params[1]});
    scheduleReplot();
}

void LandscapePlot::appendStep(const std::vector<double>& params)
{
    if (params.size() < 2 || !std::isfinite(params[0]) || !std::isfinite(params[1]))
        return;
    if (stepA_.isEmpty()) {
        // The epoch's steps start where the path ends (or where the model started).
        if (hasLast_) {
            stepA_ << lastA_;
            stepB_ << lastB_;
        } else if (!initial_.empty()) {
            stepA_ << initial_[0];
            stepB_ << initial_[1];
        }
        steps_->addToLegend();
    }
    // A paused run reports again after an edit: a point only where the parameters moved.
    if (!stepA_.isEmpty() && stepA_.back() == params[0] && stepB_.back() == params[1])
        return;
    stepA_ << params[0];
    stepB_ << params[1];
    steps_->setData(stepA_, stepB_);
    current_->setData(QVector<double>{params[0]}, QVector<double>{params[1]});
    scheduleReplot();
}

void LandscapePlot::drawPath()
{
    QVector<double> a, b;
    // The path starts where the model did, before its first epoch.
    if (hasLast_ && !initial_.empty()) {
        a << initial_[0];
        b << initial_[1];
    }
    a += pathA_;
    b += pathB_;
    // The latest point always ends the line, whether or not the thinning kept it.
    if (hasLast_ && (a.isEmpty() || a.back() != lastA_ || b.back() != lastB_)) {
        a << lastA_;
        b << lastB_;
    }
    path_->setData(a, b);
    current_->data()->clear();
    // Before the first epoch the model is at its initial values.
    if (hasLast_)
        current_->setData(QVector<double>{lastA_}, QVector<double>{lastB_});
    else if (!initial_.empty())
        current_->setData(QVector<double>{initial_[0]}, QVector<double>{initial_[1]});
    scheduleReplot();
}

void LandscapePlot::fitView()
{
    if (!landscape_) {
        xAxis->setRange(0.0, 1.0);
        yAxis->setRange(0.0, 1.0);
        return;
    }
    xAxis->setRange(landscape_->aAxis.front(), landscape_->aAxis.back());
    yAxis->setRange(landscape_->bAxis.front(), landscape_->bAxis.back());
}

} // namespace gradlab::widgets

#include "plot_parameters.h"

#include "plot_export.h"

#include <algorithm>
#include <cmath>

namespace gradlab::widgets {
namespace {

// The shared palette first, then evenly spaced hues for the parameters beyond it.
QColor parameterColor(std::size_t i)
{
    constexpr std::size_t kPalette = 7;
    if (i < kPalette)
        return plotColor(i);
    return QColor::fromHsv(static_cast<int>((i - kPalette) * 360 / (ParameterPlot::kMaxShown - kPalette + 1)), 200, 170);
}

} // namespace

ParameterPlot::ParameterPlot(QWidget* parent)
    : PlotView(parent)
{
    setExportTitle(tr("Parameter trajectories"));
    legend->setVisible(true);
    legend->setBrush(QColor(255, 255, 255, 220));
    xAxis->setLabel(tr("Epoch"));
    yAxis->setLabel(tr("Value"));
    closedKey_ = addGraph();
    closedKey_->setName(tr("Closed form (dashed)"));
    closedKey_->setPen(QPen(QColor(0, 0, 0), 1.5, Qt::DashLine));
    closedKey_->removeFromLegend();

    note_ = new QCPItemText(this);
    note_->position->setType(QCPItemPosition::ptAxisRectRatio);
    note_->position->setCoords(0.01, 0.99);
    note_->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    note_->setColor(QColor(80, 80, 80));
    note_->setVisible(false);
}

void ParameterPlot::setParameters(const QStringList& flatNames, const std::vector<double>& closedForm)
{
    for (QCPGraph* g : graphs_)
        removeGraph(g);
    graphs_.clear();
    for (QCPItemStraightLine* line : closedLines_)
        removeItem(line);
    closedLines_.clear();

    initial_.clear();
    const int shown = std::min<int>(static_cast<int>(flatNames.size()), kMaxShown);
    const bool withClosed = !closedForm.empty() && closedForm.size() == static_cast<std::size_t>(flatNames.size());
    closedValues_.clear();
    for (int i = 0; i < shown; ++i) {
        const QColor color = parameterColor(static_cast<std::size_t>(i));
        QCPGraph* g = addGraph();
        g->setName(flatNames[i]);
        g->setPen(QPen(color, 2));
        graphs_.push_back(g);
        if (withClosed && std::isfinite(closedForm[static_cast<std::size_t>(i)])) {
            const double v = closedForm[static_cast<std::size_t>(i)];
            auto* line = new QCPItemStraightLine(this);
            line->point1->setCoords(0.0, v);
            line->point2->setCoords(1.0, v);
            line->setPen(QPen(color, 1.5, Qt::DashLine));
            closedLines_.push_back(line);
            closedValues_.push_back(v);
        }
    }
    // The key sits last in the legend, after the parameters.
    closedKey_->removeFromLegend();
    if (!closedLines_.empty())
        closedKey_->addToLegend();
    note_->setText(tr("Showing the first %1 of %2 parameters").arg(shown).arg(flatNames.size()));
    note_->setVisible(flatNames.size() > kMaxShown);
    setMessage(flatNames.isEmpty() ? tr("The model has no parameters to show") : QString());
    clearTrajectories();
    resetView();
}

void ParameterPlot::include(double value)
{
    yMin_ = any_ ? std::min(yMin_, value) : value;
    yMax_ = any_ ? std::max(yMax_, value) : value;
    any_ = true;
}

void ParameterPlot::clear(const QString& why)
{
    setParameters({}, {});
    setMessage(why);
}

void ParameterPlot::clearTrajectories()
{
    for (QCPGraph* g : graphs_)
        g->data()->clear();
    xMax_ = 0.0;
    any_ = false;
    for (const double v : closedValues_)
        include(v);
    setInitial(initial_);
}

void ParameterPlot::setInitial(const std::vector<double>& initial)
{
    initial_ = initial;
    for (std::size_t p = 0; p < graphs_.size(); ++p) {
        graphs_[p]->data()->remove(0.0);
        if (p < initial_.size() && std::isfinite(initial_[p])) {
            graphs_[p]->addData(0.0, initial_[p]);
            include(initial_[p]);
        }
        markFewPoints(graphs_[p]);
    }
    dataChanged();
}

void ParameterPlot::setHistory(const std::vector<experiment::EpochRecord>& records)
{
    clearTrajectories();
    appendEpochs(records);
}

void ParameterPlot::appendEpochs(const std::vector<experiment::EpochRecord>& records)
{
    if (records.empty() || graphs_.empty())
        return;
    for (std::size_t p = 0; p < graphs_.size(); ++p) {
        QVector<double> keys, values;
        keys.reserve(static_cast<qsizetype>(records.size()));
        values.reserve(static_cast<qsizetype>(records.size()));
        for (const experiment::EpochRecord& r : records) {
            if (p >= r.params.size() || !std::isfinite(r.params[p]))
                continue;
            const double v = r.params[p];
            keys << static_cast<double>(r.epoch);
            values << v;
            include(v);
        }
        graphs_[p]->addData(keys, values, true);
        markFewPoints(graphs_[p]);
    }
    xMax_ = std::max(xMax_, static_cast<double>(records.back().epoch));
    dataChanged();
}

void ParameterPlot::fitView()
{
    xAxis->setRange(0.0, std::max(xMax_, 1.0) * 1.02);
    if (!any_) {
        yAxis->setRange(-1.0, 1.0);
        return;
    }
    const double pad = yMax_ > yMin_ ? 0.08 * (yMax_ - yMin_) : 0.5;
    yAxis->setRange(yMin_ - pad, yMax_ + pad);
}

} // namespace gradlab::widgets

// Loss landscape, for two-parameter models: the loss over the two parameters around the optimum
// as a colour map with contour lines, the lowest point marked, and the optimizer's path on it.
#pragma once

#include "plot_view.h"

#include "experiment/curves.h"
#include "experiment/experiment_data.h"

#include <optional>
#include <vector>

namespace gradlab::widgets {

// What the landscape plot draws for one problem, computed apart from the plot so that a
// background thread can compute it (see LandscapePlot::computeProblem).
struct LandscapeProblem {
    std::optional<experiment::Landscape> landscape;
    QString reason;                          // why there is no landscape
    std::vector<double> initial;             // the model's initial values, where the path begins
    std::vector<experiment::Polyline> lines; // the contour lines
};

class LandscapePlot : public PlotView {
    Q_OBJECT

public:
    // The path keeps at most this many points (evenly thinned), plus the initial and the latest.
    static constexpr std::size_t kMaxPathPoints = 5000;

    explicit LandscapePlot(QWidget* parent = nullptr);

    // The landscape of `config` on the training rows around `center` (the optimum, e.g. the
    // closed form), wide enough to hold the path from the model's initial values, and its contour
    // lines. Touches no widget: safe in any thread.
    static LandscapeProblem computeProblem(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data,
                                           const std::vector<double>& center);
    // Shows a computed problem and clears the path. Where there is no landscape (not two
    // parameters, ...) a note says why.
    void showProblem(const LandscapeProblem& problem);
    // computeProblem, then showProblem.
    void setProblem(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data, const std::vector<double>& center);
    void setPath(const std::vector<experiment::EpochRecord>& records);
    // Epochs done: their points join the path, and end the steps within an epoch.
    void appendPath(const std::vector<experiment::EpochRecord>& records);
    // Step Batch: the parameters after one mini-batch of the epoch in progress, joined to the
    // path's end by a dashed line of the epoch's steps so far, where the current marker goes.
    void appendStep(const std::vector<double>& params);
    // Parameters set by hand while paused within an epoch: the steps' line breaks, and goes on from
    // `params`, where the current marker goes.
    void jumpTo(const std::vector<double>& params);
    // The points the steps-within-the-epoch curve draws now (0: none; a break counts as one).
    int stepPoints() const;

    bool available() const { return landscape_.has_value(); }
    // Why there is no landscape (empty when there is one).
    const QString& unavailableReason() const { return reason_; }
    const std::optional<experiment::Landscape>& landscape() const { return landscape_; }
    // The points the path curve draws now.
    int pathPoints() const;
    QCPCurve* pathCurve() const { return path_; }
    QCPCurve* stepsCurve() const { return steps_; }
    // The marker of the current parameters: the path's end, or the initial values before it.
    QCPGraph* currentGraph() const { return current_; }

protected:
    void fitView() override;

private:
    void clearLandscape();
    void drawPath();
    void clearSteps();

    std::optional<experiment::Landscape> landscape_;
    QString reason_;
    QCPColorMap* map_ = nullptr;
    QCPColorScale* scale_ = nullptr;
    QCPMarginGroup* margins_ = nullptr;
    std::vector<QCPCurve*> contours_;
    QCPGraph* minimum_ = nullptr;
    QCPCurve* path_ = nullptr;
    QCPGraph* current_ = nullptr;
    QCPCurve* steps_ = nullptr;
    QVector<double> stepA_, stepB_; // the epoch in progress's steps, from the path's end

    // The path, thinned: every stride-th point since the start; `sinceKept` counts towards the next.
    std::vector<double> initial_; // the model's initial values, where the path begins
    QVector<double> pathA_, pathB_;
    std::size_t stride_ = 1, sinceKept_ = 0;
    double lastA_ = 0.0, lastB_ = 0.0;
    bool hasLast_ = false;
};

} // namespace gradlab::widgets

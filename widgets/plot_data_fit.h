// Data and fit: the training and validation points in two colours, the current fitted curve, the
// closed-form (least-squares) curve dashed and, for generated one-feature data, the true line.
#pragma once

#include <QTimer>

#include "plot_view.h"

#include "experiment/experiment_data.h"
#include "experiment/project.h"

#include <vector>

namespace gradlab::widgets {

class DataFitPlot : public PlotView {
    Q_OBJECT

public:
    explicit DataFitPlot(QWidget* parent = nullptr);

    // The points of `data`, and the true line y = a + b·x for generated one-feature data; clears
    // the curves. Data with several features shows a note instead.
    void setData(const experiment::ExperimentConfig& config, const experiment::ExperimentData& data);
    // No data to show, and why ("Loading the data…", the reason it could not be loaded).
    void setNoData(const experiment::ExperimentConfig& config, const QString& why);
    // Another model for the same data (setData sets the model too): the curves of the old one go,
    // and setFit and setClosedForm take the new model's parameters from now on.
    void setModel(const experiment::ModelConfig& model);
    // The model of the configuration carrying `params` (flat, in namedParameters() order). The
    // y range grows to hold its line, as it held the earlier ones since the two-argument setFit,
    // unless the line lies far beyond the data (a diverged run), so that the line moving over a
    // run stays in view.
    void setFit(const std::vector<double>& params);
    // The same, named in the legend: "Trained model" (trained: true), else "Initial parameters";
    // the y range holds the data and this line (within reason) and no earlier ones.
    void setFit(const std::vector<double>& params, bool trained);
    // The closed-form solution, dashed (same layout); empty removes it.
    void setClosedForm(const std::vector<double>& params);

    QCPGraph* trainGraph() const { return train_; }
    QCPGraph* validationGraph() const { return val_; }
    QCPGraph* fitGraph() const { return fit_; }
    QCPGraph* closedFormGraph() const { return closed_; }
    QCPGraph* trueLineGraph() const { return trueLine_; }

protected:
    void fitView() override;

private:
    // Curves are evaluated across the visible x range, so that they reach the edges at any zoom.
    void drawCurve(QCPGraph* graph, const std::vector<double>& params);
    void drawCurves();
    // The x range the view fits to: the data's, with room around it.
    QCPRange fittedXRange() const;
    // Takes the y extent of `params`' curve over fittedXRange() into lineRange_ unless it lies
    // far beyond the data's; whether lineRange_ grew.
    bool includeLine(const std::vector<double>& params);

    experiment::ModelConfig model_;
    std::vector<experiment::ParamSlot> layout_;
    std::vector<double> fitParams_, closedParams_;
    bool usable_ = false;
    bool hasTrueLine_ = false;
    double trueA_ = 0.0, trueB_ = 0.0;
    QCPRange xData_, yData_;
    QCPRange lineRange_; // the model lines' y extent the view holds besides the data
    bool hasLineRange_ = false;
    bool lineRangeReset_ = false; // the next setFit refits, shrinking the range if it may
    QCPGraph* train_ = nullptr;
    QCPGraph* val_ = nullptr;
    QCPGraph* trueLine_ = nullptr;
    QCPGraph* closed_ = nullptr;
    QCPGraph* fit_ = nullptr;
    QTimer fitTimer_; // paces the redraws of the trained curve's layer
};

} // namespace gradlab::widgets

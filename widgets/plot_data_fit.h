// Data and fit: the training and validation points in two colours, the current fitted curve, the
// closed-form (least-squares) curve dashed and, for generated one-feature data, the true line.
// Data with several features has no curve to draw: the plot shows each row's prediction against
// its observed target instead (the trained model's in the rows' colours, the closed form's as
// rings), with the diagonal y = x where a perfect prediction lies.
#pragma once

#include <QTimer>

#include "plot_view.h"

#include "experiment/experiment_data.h"
#include "experiment/project.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace gradlab::fit {
struct FitResult;
}

namespace gradlab::widgets {

class DataFitPlot : public PlotView {
    Q_OBJECT

public:
    explicit DataFitPlot(QWidget* parent = nullptr);

    // The points of `data`, and the true line y = a + b·x for generated one-feature data; clears
    // the curves. For data with several features: the diagonal, and the predictions once set.
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
    // The closed-form solution, dashed (rings at the predictions for several features; same
    // layout); empty removes it.
    void setClosedForm(const std::vector<double>& params);
    // The closed form's whole fit, for its confidence band: around the dashed curve, the 95%
    // confidence interval of the mean response (statsmodels' mean_ci), shaded, while
    // showsBand(). One feature only; null removes it.
    void setClosedFormFit(std::shared_ptr<const fit::FitResult> fit);
    void setShowBand(bool shown);
    bool showsBand() const { return showBand_; }
    // Whether there is a band to show (one feature, a fit with residual degrees of freedom).
    bool bandAvailable() const;
    QCPGraph* bandLowerGraph() const { return bandLower_; }
    QCPGraph* bandUpperGraph() const { return bandUpper_; }

    QCPGraph* trainGraph() const { return train_; }
    QCPGraph* validationGraph() const { return val_; }
    QCPGraph* fitGraph() const { return fit_; }
    QCPGraph* closedFormGraph() const { return closed_; }
    QCPGraph* trueLineGraph() const { return trueLine_; }
    QCPGraph* diagonalGraph() const { return diagonal_; }
    // Whether the plot shows predicted against observed (data with several features).
    bool showsPredictions() const { return scatter_; }

signals:
    void showBandChanged(bool shown);

protected:
    void fitView() override;
    void addContextActions(QMenu* menu) override;

private:
    void drawBand();
    // Curves are evaluated across the visible x range, so that they reach the edges at any zoom.
    void drawCurve(QCPGraph* graph, const std::vector<double>& params);
    void drawCurves();
    // The x range the view fits to: the data's, with room around it.
    QCPRange fittedXRange() const;
    // Takes the y extent of `params`' curve over fittedXRange() into lineRange_ unless it lies
    // far beyond the data's; whether lineRange_ grew.
    bool includeLine(const std::vector<double>& params);
    // Several features: the model's predictions at the shown rows (training rows, then validation
    // rows); nullopt where `params` do not fit the model.
    std::optional<std::vector<double>> predictShown(const std::vector<double>& params) const;
    // Several features: the trained model's predictions on the training and validation graphs,
    // the closed form's on its own.
    void drawFitPredictions();
    void drawClosedPredictions();

    experiment::ModelConfig model_;
    std::vector<experiment::ParamSlot> layout_;
    std::vector<double> fitParams_, closedParams_;
    bool usable_ = false;
    bool scatter_ = false; // several features: predicted against observed
    std::int64_t features_ = 1;
    // Several features: the shown (thinned) rows, training rows first: their features
    // (row-major), observed targets, and how many are training rows.
    std::vector<double> shownX_;
    std::vector<double> shownY_;
    std::size_t shownTrain_ = 0;
    std::int64_t trainStride_ = 1, trainRows_ = 0, valStride_ = 1, valRows_ = 0; // for the legend
    bool hasTrueLine_ = false;
    double trueA_ = 0.0, trueB_ = 0.0;
    QCPRange xData_, yData_;
    QCPRange lineRange_; // the model lines' y extent the view holds besides the data
    bool hasLineRange_ = false;
    bool lineRangeReset_ = false; // the next setFit refits, shrinking the range if it may
    QCPGraph* train_ = nullptr;
    QCPGraph* val_ = nullptr;
    QCPGraph* trueLine_ = nullptr;
    QCPGraph* diagonal_ = nullptr;
    QCPGraph* closed_ = nullptr;
    QCPGraph* fit_ = nullptr;
    QCPGraph* bandLower_ = nullptr;
    QCPGraph* bandUpper_ = nullptr; // filled down to bandLower_
    std::shared_ptr<const fit::FitResult> closedFit_;
    bool showBand_ = false;
    QTimer fitTimer_; // paces the redraws of the trained curve's layer
};

} // namespace gradlab::widgets

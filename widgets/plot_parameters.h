// Parameters: each parameter's value per epoch, with its closed-form value as a dashed line in
// the same colour. Models with many parameters (an MLP) show the first kMaxShown.
#pragma once

#include "plot_view.h"

#include "experiment/trainer.h"

#include <QStringList>

#include <vector>

namespace gradlab::widgets {

class ParameterPlot : public PlotView {
    Q_OBJECT

public:
    static constexpr int kMaxShown = 12;

    explicit ParameterPlot(QWidget* parent = nullptr);

    // The flat parameter names (namedParameters() order) and their closed-form values (empty:
    // none, or a size that does not match). Clears the trajectories.
    void setParameters(const QStringList& flatNames, const std::vector<double>& closedForm);
    // The values before the first epoch (flat, same order), drawn at epoch 0 where each
    // trajectory starts; empty: none. Kept until setParameters.
    void setInitial(const std::vector<double>& initial);
    // The trajectories of `records` (epochs 1, 2, …), after the initial values.
    void setHistory(const std::vector<experiment::EpochRecord>& records);
    void appendEpochs(const std::vector<experiment::EpochRecord>& records);
    // No parameters and no trajectories, and why (the data could not be loaded, ...).
    void clear(const QString& why);

    int shownParameters() const { return static_cast<int>(graphs_.size()); }
    QCPGraph* parameterGraph(int index) const { return graphs_.at(static_cast<std::size_t>(index)); }
    int closedFormLines() const { return static_cast<int>(closedLines_.size()); }

protected:
    void fitView() override;

private:
    void clearTrajectories();
    void include(double value);

    std::vector<QCPGraph*> graphs_;
    std::vector<QCPItemStraightLine*> closedLines_;
    QCPGraph* closedKey_ = nullptr; // the legend's entry for the dashed lines
    QCPItemText* note_ = nullptr;
    double xMax_ = 0.0, yMin_ = 0.0, yMax_ = 0.0;
    bool any_ = false;
    std::vector<double> closedValues_;
    std::vector<double> initial_;
};

} // namespace gradlab::widgets

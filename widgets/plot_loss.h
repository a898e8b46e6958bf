// Loss: training and validation loss per epoch of the running experiment, with the project's
// recorded runs overlaid for comparison; a linear or logarithmic loss axis.
#pragma once

#include "plot_view.h"

#include "experiment/project.h"

#include <QList>

#include <vector>

namespace gradlab::widgets {

// A log axis's ticker whose labels share one notation: plain numbers ("0.001" … "100000") when
// every labelled tick lies within 1e-3..1e5, else powers of ten for all of them (with the axis's
// number format "eb", drawn as 10^n). A range too short for three powers of ten is labelled at
// 1, 2 and 5 times them, or at every digit, or failing that at evenly spaced numbers, so that
// every part of the range has labels near it.
class LogTickerOneNotation : public QCPAxisTickerLog {
protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
    QVector<QString> createLabelVector(const QVector<double>& ticks, const QLocale& locale, QChar formatChar,
                                       int precision) override;

private:
    // What the last ticks made were: the sub ticks between them follow.
    enum class Kind { Powers, Multiples, Linear } kind_ = Kind::Powers;
};

class LossPlot : public PlotView {
    Q_OBJECT

public:
    explicit LossPlot(QWidget* parent = nullptr);

    // Starts the live curves afresh for the run called `name` (shown in the legend).
    void beginLive(const QString& name);
    void appendEpochs(const std::vector<experiment::EpochRecord>& records);
    // Removes the live curves.
    void clearLive();

    // The recorded runs whose indices (into `runs`) are in `shown`, each in a colour of its own:
    // training solid, validation dashed, named in the legend "Run N — optimizer lr … — training"
    // and "… — validation".
    void setRuns(const std::vector<experiment::RunRecord>& runs, const QList<int>& shown);

    // A logarithmic loss axis leaves out losses that are not positive.
    void setLogScale(bool on);
    bool logScale() const { return logScale_; }

    QCPGraph* liveTrainGraph() const { return liveTrain_; }
    QCPGraph* liveValidationGraph() const { return liveVal_; }

signals:
    void logScaleChanged(bool on);

protected:
    void addContextActions(QMenu* menu) override;
    void fitView() override;

private:
    struct Series {
        std::vector<double> epochs, train, val;
    };
    struct Bounds {
        double xMax = 0.0;
        double yMin = 0.0, yMax = 0.0, positiveMin = 0.0, positiveMax = 0.0;
        bool any = false, anyPositive = false;
        void add(double y);
    };

    // Adds the plottable points of `epochs` × `values` from `from` on.
    void appendTo(QCPGraph* graph, const std::vector<double>& epochs, const std::vector<double>& values, std::size_t from);
    void fill(QCPGraph* train, QCPGraph* val, const Series& series);
    void rebuild();
    bool plottable(double v) const;

    QString linearNumberFormat_;
    int linearNumberPrecision_ = 6;
    bool logScale_ = false;
    bool liveActive_ = false;
    Series live_;
    QCPGraph* liveTrain_ = nullptr;
    QCPGraph* liveVal_ = nullptr;
    std::vector<Series> runs_;
    std::vector<std::pair<QCPGraph*, QCPGraph*>> runGraphs_;
    Bounds bounds_;
};

} // namespace gradlab::widgets

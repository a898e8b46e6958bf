// The closed-form least-squares fit as a report, as gretl and statsmodels show a fitted model:
// each coefficient's estimate, standard error, t, p-value and confidence interval beside the
// model parameter it is; the fit's statistics (R², adjusted R², the F test, log-likelihood, AIC,
// BIC, ...); its warnings; and the residuals against the fitted values. The tables copy as
// tab-separated text (Ctrl+C, or their context menu).
#pragma once

#include "plot_view.h"

#include "experiment/project.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

class QLabel;
class QTableWidget;

namespace gradlab::widgets {

// Residuals (y − ŷ) against fitted values (ŷ), with the zero line.
class ResidualPlot : public PlotView {
    Q_OBJECT

public:
    explicit ResidualPlot(QWidget* parent = nullptr);
    // `shownEvery` > 1: the points are every shownEvery-th of `rows` rows (a note says so).
    void setResiduals(const std::vector<double>& fitted, const std::vector<double>& residuals, qint64 rows, qint64 shownEvery);
    void clear(const QString& reason);
    int points() const;

protected:
    void fitView() override;

private:
    QCPGraph* points_;
    QCPItemStraightLine* zero_;
    QCPItemText* note_;
};

class LeastSquaresView : public QWidget {
    Q_OBJECT

public:
    enum Column { Term, Parameter, Estimate, StdError, TValue, PValue, Lower, Upper, ColumnCount };
    // The rows of the statistics table.
    enum Statistic {
        Observations, Rank, DfResidual, RSquared, AdjustedRSquared, ResidualStdError, FStatistic, FPValue,
        LogLikelihood, Aic, Bic, Rss, StatisticCount
    };
    // Rows beyond which the residual plot shows every n-th row only.
    static constexpr qint64 kMaxResidualPoints = 20'000;

    explicit LeastSquaresView(QWidget* parent = nullptr);

    // The report of `closedForm` (which holds its fit) on the training rows of `train`, whose
    // target is regressed; `flatNames` are the model's parameter names. Without a fit, as clear().
    void setFit(const experiment::ClosedFormComparison& closedForm, const QStringList& flatNames,
                const data::Dataset& train);
    // No fit: empty tables and `reason`.
    void clear(const QString& reason);
    bool hasFit() const { return hasFit_; }

    // For tests: the text of a coefficient's cell (by the fit's name for its term: "intercept",
    // "x", "x^2", in any language) and of a statistic's value. Empty where there is none.
    QString coefficientText(const QString& term, Column column) const;
    QString statisticText(Statistic statistic) const;
    QString title() const;
    QString notes() const;
    QTableWidget* coefficientTable() const { return coefficients_; }
    QTableWidget* statisticsTable() const { return statistics_; }
    ResidualPlot* residualPlot() const { return residuals_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void setCell(QTableWidget* table, int row, int column, const QString& text, const QString& toolTip = {});
    void fitColumns();

    QLabel* title_;
    QTableWidget* coefficients_;
    QTableWidget* statistics_;
    QLabel* notes_;
    ResidualPlot* residuals_;
    QStringList terms_; // the fit's names of the coefficients, row by row
    bool hasFit_ = false;
};

} // namespace gradlab::widgets

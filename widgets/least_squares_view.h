// The closed-form least-squares fit as a report, as gretl and statsmodels show a fitted model:
// each coefficient's estimate, standard error, t, p-value and confidence interval beside the
// model parameter it is; the fit's statistics (R², adjusted R², the F test, log-likelihood, AIC,
// BIC, ...) and the diagnostics statsmodels' summary prints (Durbin–Watson, omnibus, Jarque–Bera,
// skew, kurtosis, condition number); its warnings; and the residuals against the fitted values.
// The intervals are at a confidence level the user picks (95% unless changed). The tables copy as
// tab-separated text (Ctrl+C, or their context menu).
#pragma once

#include "plot_view.h"

#include "experiment/project.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

namespace gradlab::fit {
struct FitResult;
struct NormalQQ;
enum class CovarianceType;
}

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace gradlab::widgets {

// Residuals (y − ŷ) against fitted values (ŷ), with the zero line; or the normal Q–Q plot of the
// internally studentized residuals with its reference line (the kind shown is chosen with setKind).
class ResidualPlot : public PlotView {
    Q_OBJECT

public:
    enum Kind { ResidualsVsFitted, NormalQQ };
    explicit ResidualPlot(QWidget* parent = nullptr);
    void setResiduals(const std::vector<double>& fitted, const std::vector<double>& residuals);
    // The Q–Q plot's points and line (fit::normalQQ), or why there is none.
    void setQQ(const fit::NormalQQ& qq);
    void setQQUnavailable(const QString& reason);
    void clear(const QString& reason);
    Kind kind() const { return kind_; }
    void setKind(Kind kind);
    int points() const; // of the kind shown

protected:
    void fitView() override;

private:
    void display(Kind kind);
    QCPGraph* points_;
    QCPItemStraightLine* zero_;
    Kind kind_ = ResidualsVsFitted;
    QVector<QCPGraphData> residuals_, qq_;
    double slope_ = 1.0, intercept_ = 0.0;
    bool cleared_ = true;
    QString qqUnavailable_;
};

class LeastSquaresView : public QWidget {
    Q_OBJECT

signals:
    void rowsChosen(bool all);

public:
    enum Column { Term, Parameter, Estimate, StdError, TValue, PValue, Lower, Upper, ColumnCount };
    // The rows of the statistics table.
    enum Statistic {
        Observations, Rank, DfResidual, RSquared, AdjustedRSquared, ResidualStdError, FStatistic, FPValue,
        LogLikelihood, Aic, Bic, Rss, DurbinWatson, Omnibus, OmnibusPValue, JarqueBera, JarqueBeraPValue, Skew, Kurtosis,
        ConditionNumber, StatisticCount
    };
    // The confidence levels the tab offers, as fractions.
    static constexpr double kMinLevel = 0.5, kMaxLevel = 0.9999, kDefaultLevel = 0.95;
    // Rows beyond which the residual plot shows every n-th row only.
    static constexpr qint64 kMaxResidualPoints = 20'000;

    explicit LeastSquaresView(QWidget* parent = nullptr);

    // The report of `closedForm` (which holds its fit) on `fitted` (the training rows, or with
    // allRows() all rows), whose target is regressed; `flatNames` are the model's parameter names.
    // Without a fit, as clear().
    void setFit(const experiment::ClosedFormComparison& closedForm, const QStringList& flatNames,
                const data::Dataset& fitted);
    // Which rows the report is to be on: the training rows (what the runs are compared with, the
    // default) or all of them (the "Rows" choice; rowsChosen follows a change by the user).
    bool allRows() const;
    void setAllRows(bool all);
    // The level of the coefficients' and the predictions' intervals (0.95: 95%), the user's choice
    // (the "Confidence level" box). A level outside kMinLevel…kMaxLevel (a damaged setting) gives
    // kDefaultLevel. Changing it redraws the intervals without fitting again.
    double confidenceLevel() const;
    void setConfidenceLevel(double level);
    QDoubleSpinBox* confidenceLevelBox() const { return level_; }
    // The coefficients' covariance (the "Standard errors" choice): classical (the default) or a
    // heteroskedasticity-robust HC0–HC3, as statsmodels' OLS fit(cov_type=...); it changes the
    // standard errors, t (then z), p, intervals, F and the predictions' intervals, without fitting
    // again.
    fit::CovarianceType standardErrors() const;
    void setStandardErrors(fit::CovarianceType type);
    QComboBox* standardErrorsBox() const { return se_; }
    // Which residual plot is shown (the choice above it).
    ResidualPlot::Kind residualPlotKind() const { return residuals_->kind(); }
    void setResidualPlotKind(ResidualPlot::Kind kind);
    QComboBox* residualPlotBox() const { return plotKind_; }
    // The fit as shown, its intervals at confidenceLevel() with standardErrors(); null without one.
    std::shared_ptr<const fit::FitResult> shownFit() const { return fit_; }
    // No fit: empty tables and `reason`.
    void clear(const QString& reason);
    bool hasFit() const { return hasFit_; }
    // A note on how the trained model relates to this fit (the loss it minimises is not the
    // squared error, ...); empty for none.
    void setLossNote(const QString& note);

    // For tests: the text of a coefficient's cell (by the fit's name for its term: "intercept",
    // "x", "x^2", in any language) and of a statistic's value. Empty where there is none.
    QString coefficientText(const QString& term, Column column) const;
    QString statisticText(Statistic statistic) const;
    QString title() const;
    QString notes() const;

    // Predictions of the fit at new rows, as statsmodels' get_prediction() gives them: ŷ, its
    // standard error, the mean's interval and a new observation's, at confidenceLevel(). `text` holds the rows: for
    // one feature, any number of x values; for k features, k values per row, rows separated by
    // ";". Values are separated by spaces (or commas where the decimal separator is a point), in
    // the user's locale or as C writes them. Appends a table row per input row and returns true;
    // on bad input says why (predictionError()), keeps the text and adds nothing. The rows stay
    // while the features do: a new fit (other settings, other data) predicts them again.
    bool predict(const QString& text);
    QString predictionError() const;
    QTableWidget* predictionTable() const { return predictions_; }
    QLineEdit* predictionInput() const { return predictAt_; }
    // The prediction table's columns after the row's feature values.
    enum PredictionColumn { Mean, MeanStdError, MeanLower, MeanUpper, ObservationLower, ObservationUpper, PredictionColumnCount };
    QTableWidget* coefficientTable() const { return coefficients_; }
    QTableWidget* statisticsTable() const { return statistics_; }
    ResidualPlot* residualPlot() const { return residuals_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    static QString exactFitNote();
    void setCell(QTableWidget* table, int row, int column, const QString& text, const QString& toolTip = {});
    void fitColumns();
    void updateNotes();
    // The headers and cells that depend on the confidence level: the coefficient table's rows and
    // the predictions; false (and why) where the fit refuses the rows predicted.
    bool showLevel(QString* error);

    QLabel* title_;
    QComboBox* rows_;
    QDoubleSpinBox* level_;
    QComboBox* se_;
    QComboBox* plotKind_;
    QTableWidget* coefficients_;
    QTableWidget* statistics_;
    QLabel* notes_;
    ResidualPlot* residuals_;
    QLineEdit* predictAt_;
    QPushButton* predictButton_;
    QPushButton* clearPredictions_;
    QLabel* predictError_;
    QTableWidget* predictions_;
    std::shared_ptr<const fit::FitResult> base_; // as fitted, at its own level
    std::shared_ptr<const fit::FitResult> fit_;  // base_ at confidenceLevel() with standardErrors()
    // fit_ from base_ with the choices, and everything that shows it.
    void showChoices();
    QString covarianceNote_; // what the chosen standard errors are, or why they are not there
    QString sandwichWhyNot_; // why the fit has no sandwich (ClosedFormComparison::sandwichWhyNot)
    // fit_ from base_ at the chosen level and standard errors, with covarianceNote_.
    void showCovariance();
    QString qqThinning_;
    QStringList shownTerms_; // the terms as shown (on one line), the intercept translated
    QStringList parameters_; // the model's parameter beside each coefficient ("—" for none)
    QStringList featureNames_; // as shown, on one line
    // The rows predicted at (row-major, one value per feature): a new fit of the same features
    // predicts them again.
    std::vector<double> predictedX_;
    // The prediction table from predictedX_ with fit_; false (and why) where the fit refuses them.
    bool fillPredictions(QString* error);
    QStringList terms_; // the fit's names of the coefficients, row by row
    QStringList warnings_; // the fit's, translated
    QString thinning_;     // how many rows the residual plot shows
    QString lossNote_;
    bool hasFit_ = false;
};

} // namespace gradlab::widgets

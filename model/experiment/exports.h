// Exports of an experiment for use outside GradLab: a run's parameters (JSON, CSV) beside the
// closed-form values, its loss history (CSV), the autograd graph (Graphviz DOT), and a runnable
// PyTorch script of the experiment. Every file is written atomically (writeFileAtomically); names
// that may come from files (CSV headers, a project's parameter names) are escaped wherever they
// are written, so that no name can break a CSV or turn into code in the script.
#pragma once

#include "project.h"

#include "engine/graph.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace gradlab::fit {
struct FitResult;
}

namespace gradlab::experiment {

// One name per parameter value in layout order: "a" for a one-value parameter, "weight[0]",
// "weight[1]", ... (row-major) for the others.
QStringList flatParameterNames(const std::vector<ParamSlot>& layout);

// {name: {"value", "closed_form", "difference"}}: numbers for one-value parameters, flat arrays
// otherwise; closed_form and difference (value − closed form) are null without a closed form,
// and any value that is not finite is null.
std::optional<QByteArray> parametersJson(const RunRecord& run, QString* error);
// parameter,index,value,closed_form,difference: one row per value (flat names, index within the
// parameter); the closed-form cells are empty without a closed form.
std::optional<QByteArray> parametersCsv(const RunRecord& run, QString* error);
// epoch,train_loss,val_loss, then one column per parameter value (flat names), one row per kept
// history record.
std::optional<QByteArray> historyCsv(const RunRecord& run, QString* error);

// The least-squares report of `closedForm`, which must hold its fit (closedFormFor); `flatNames`
// are the model's parameter names (flatParameterNames), each coefficient named beside the
// parameter it is; the intervals are at the fit's confidence level (fit::setConfidenceLevel). CSV:
// term,parameter,estimate,std_error,t,p_value,ci_lower,ci_upper,identified,confidence_level,
// covariance_type, one row per coefficient (intercept first; the standard errors of the fit's
// covariance type, fit::setCovarianceType, where t holds z under a robust one). JSON: those rows as
// "coefficients", with the covariance type, the distribution of p and the intervals ("t" or
// "normal"), why robust errors are null, the F test's numerator degrees of freedom, the
// observations, rank, degrees of freedom, confidence level, R², adjusted R², residual standard
// error, F test, log-likelihood, AIC, BIC, residual sum of squares, whether the fit is exact, the
// diagnostics (durbin_watson, omnibus and its p, jarque_bera and its p, skew, kurtosis,
// condition_number; "diagnostics_not_available" says why any is null), the fit's warnings and,
// given a configuration, what was fitted: its "dataset" and "model" as the project file writes
// them. Any statistic that is not finite (no residual degrees of freedom) is an empty CSV cell or
// a JSON null.
// The JSON object of that report for any fit: "coefficients" (term, estimate, std_error, t, p_value,
// ci_lower, ci_upper, identified, and "parameter" where `parameters` names one per coefficient)
// and the statistics. gradlab-cli fit --json writes it too.
QJsonObject leastSquaresReport(const fit::FitResult& fit, const QStringList& parameters = {});
std::optional<QByteArray> leastSquaresCsv(const ClosedFormComparison& closedForm, const QStringList& flatNames, QString* error);
// `allRows`: the fit is on every row rather than the training rows ("rows": "all" or "training",
// written with a configuration). The configuration's CSV path is written as it is: give it
// absolute (Project::csvAbsolutePath), since the report may be read far from the project.
std::optional<QByteArray> leastSquaresJson(const ClosedFormComparison& closedForm, const QStringList& flatNames, QString* error,
                                           const ExperimentConfig* config = nullptr, bool allRows = false);

bool exportParametersJson(const RunRecord& run, const QString& path, QString* error);
bool exportParametersCsv(const RunRecord& run, const QString& path, QString* error);
bool exportHistoryCsv(const RunRecord& run, const QString& path, QString* error);
// CSV when `path` ends in .csv, else JSON.
bool exportLeastSquares(const ClosedFormComparison& closedForm, const QStringList& flatNames, const QString& path, QString* error,
                        const ExperimentConfig* config = nullptr, bool allRows = false);
bool exportGraphDot(const Graph& graph, const QString& path, QString* error);

// A plain Python 3 + NumPy + PyTorch script of the project's experiment: the same data
// (regenerated from NumPy's seed, or read from the CSV file or the embedded CSV text), split and
// mini-batches, the initial parameter values GradLab trains from, the same model, loss,
// optimizer and epochs. It prints one JSON line, {"params": {...}, "train_loss": ...,
// "val_loss": ...}, that matches GradLab's run. Empty (and an error) when the configuration
// cannot run or its CSV cannot be read. A script to be written at `scriptPath` finds a CSV file that
// lies in its folder or below it relative to its own location (the two may be moved together);
// any other CSV file, or any without `scriptPath`, by its absolute path.
QString pytorchScript(const Project& project, QString* error, const QString& scriptPath = {});
bool exportPytorchScript(const Project& project, const QString& path, QString* error);

// `text` as a double-quoted, pure-ASCII Python string literal that evaluates to exactly `text`.
QString pythonStringLiteral(const QString& text);

} // namespace gradlab::experiment

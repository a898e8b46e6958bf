// Plots rendered off screen by QCustomPlot and written as PNG, SVG or PDF, chosen by the file's
// extension: the loss curves of runs, and the data with the fitted and closed-form curves (or the
// predictions against the observed targets).
// QCustomPlot is a widget, so these need a QApplication (QT_QPA_PLATFORM=offscreen is enough);
// without one they return an error. Files are written atomically.
#pragma once

#include "experiment/experiment_data.h"
#include "experiment/project.h"

#include <QColor>
#include <QSize>
#include <QString>

#include <vector>

class QCustomPlot;

namespace gradlab::widgets {

inline constexpr QSize kDefaultPlotSize{800, 600};
// A PNG has this many pixels per unit of the plot's size (800 × 600 gives 1600 × 1200), with the
// same layout: sharp on slides and HiDPI screens. SVG and PDF are vector drawings of the size.
inline constexpr double kPngScale = 2.0;

// The plots' colours, in order: Okabe–Ito's seven (distinguishable on white and for the common
// colour-vision deficiencies), then three of Paul Tol's muted scheme; the index wraps around.
inline constexpr std::size_t kPlotColorCount = 10;
QColor plotColor(std::size_t index);

// Whether `path` names a plot file GradLab can write (.png, .svg or .pdf, in a folder that
// exists), and if not why: for a caller to ask before long work whose result it would export.
bool plotPathIsWritable(const QString& path, QString* error);

// The colour of the recorded run drawn `position`-th (from 0) in the loss plot, beside the live run:
// never one of the live run's two colours (plotColor(0) and (1)), a different one for each of
// kPlotColorCount - 2 runs (as many as can be overlaid).
QColor recordedRunColor(std::size_t position);

// Renders `plot` at `size` as PNG (kPngScale pixels per unit), SVG or PDF (by the path's
// extension; `title` names the SVG and PDF document) and writes it atomically. Every export, and the live plots' own, goes
// through here.
bool savePlot(QCustomPlot& plot, const QString& path, const QString& title, QString* error, QSize size = kDefaultPlotSize);

// Training (solid) and validation (dashed) loss per epoch, one colour per run. With `logScale`
// the loss axis is logarithmic and losses that are not positive are left out. Several runs are
// named in the legend by their numbers in the project's run list (`numbers`, from 1, one per run;
// empty: 1, 2, ...) and their optimizers ("Run 3 (Adam, lr 0.1): training loss"), and so is one
// run given its number.
// A run with nothing to draw (no finished epoch with a loss the scale shows) is left out of the
// plot and its legend, and its number (or index + 1) added to `leftOut`, if given.
bool exportLossPlot(const std::vector<experiment::RunRecord>& runs, const QString& path, bool logScale, QString* error,
                    QSize size = kDefaultPlotSize, const std::vector<int>& numbers = {}, std::vector<int>* leftOut = nullptr);

// How many parameters of a run exportParametersPlot draws (an MLP has many), as the window's
// Parameters view.
inline constexpr std::size_t kMaxPlottedParameters = 12;

// Each parameter's value per epoch for several runs, from its initial value (epoch 0) on: one
// colour per run, one line style per parameter, named by the run's number in the project's run
// list (`numbers`, from 1, one per run; empty: 1, 2, ...) and optimizer and the parameter ("Run 3
// (Adam, lr 0.1): b"); the closed-form value of each parameter dashed in black where every run has
// the same closed form. The first kMaxPlottedParameters parameters of each run are drawn; past the
// four line styles, the parameters have markers too. A run with nothing to draw is left out as in
// exportLossPlot; a lone point (a run with no finished epoch) is drawn as a marker.
bool exportParametersPlot(const std::vector<experiment::RunRecord>& runs, const QString& path, QString* error,
                          QSize size = kDefaultPlotSize, const std::vector<int>& numbers = {}, std::vector<int>* leftOut = nullptr);

// The training and validation points in two colours, the true line for generated data (dashed
// grey), where the run has one the closed-form (least-squares) curve dashed, and above them the
// curve of the run's final parameters. For data with several
// features: each row's prediction against its observed target (the closed form's as rings) and
// the diagonal y = x.
bool exportFitPlot(const experiment::ExperimentData& data, const experiment::RunRecord& run, const QString& path, QString* error,
                   QSize size = kDefaultPlotSize);

} // namespace gradlab::widgets

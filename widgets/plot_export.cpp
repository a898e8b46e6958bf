#include "plot_export.h"

#include "display_names.h"
#include "plot_loss.h"

#include "experiment/curves.h"
#include "experiment/exports.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>

namespace gradlab::widgets {
namespace {

class PlotExport {
    Q_DECLARE_TR_FUNCTIONS(PlotExport)
};

enum class Format { Png, Svg, Pdf };

std::optional<Format> formatOf(const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    *error = suffix.isEmpty() ? PlotExport::tr("%1 has no extension: name the plot .png, .svg or .pdf").arg(QFileInfo(path).fileName())
                              : PlotExport::tr("Plots cannot be saved as .%1: use .png, .svg or .pdf").arg(suffix);
    return std::nullopt;
}

} // namespace

bool plotPathIsWritable(const QString& path, QString* error)
{
    if (!formatOf(path, error))
        return false;
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (!folder.isDir()) {
        *error = PlotExport::tr("The folder %1 does not exist").arg(QDir::toNativeSeparators(folder.filePath()));
        return false;
    }
    return true;
}

namespace {

// What every export checks before it builds a plot.
std::optional<Format> prepare(const QString& path, QSize size, QString* error)
{
    const auto format = formatOf(path, error);
    if (!format)
        return std::nullopt;
    if (!qobject_cast<QApplication*>(QCoreApplication::instance())) {
        *error = PlotExport::tr("Plots can only be drawn while a QApplication runs");
        return std::nullopt;
    }
    if (size.width() < 16 || size.height() < 16 || size.width() > 20'000 || size.height() > 20'000) {
        *error = PlotExport::tr("A plot of %1 × %2 pixels cannot be drawn: each side must be 16 to 20000 pixels")
                     .arg(size.width())
                     .arg(size.height());
        return std::nullopt;
    }
    return format;
}

// QCustomPlot draws a legend's line sample 5 pixels past its icon (so that a dashed pen's last
// dash shows) and clips it to the icon; QSvgGenerator does not clip, so in an SVG the sample, with
// its square cap, ran into the text. While an SVG is drawn, the text moves right by that overhang
// and keeps the gap it has on screen, in PNG and in PDF.
class SvgLegendGap {
public:
    explicit SvgLegendGap(QCustomPlot& plot)
        : legend_(plot.legend), padding_(legend_ ? legend_->iconTextPadding() : 0)
    {
        if (!legend_)
            return;
        double widest = 0.0;
        for (int i = 0; i < legend_->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(legend_->item(i)))
                widest = std::max(widest, item->plottable()->pen().widthF());
        constexpr int kOverhang = 5; // QCPGraph's and QCPCurve's drawLegendIcon
        legend_->setIconTextPadding(padding_ + kOverhang + static_cast<int>(std::ceil(widest / 2)));
    }
    ~SvgLegendGap()
    {
        if (legend_)
            legend_->setIconTextPadding(padding_);
    }
    SvgLegendGap(const SvgLegendGap&) = delete;
    SvgLegendGap& operator=(const SvgLegendGap&) = delete;

private:
    QCPLegend* legend_;
    int padding_;
};

QByteArray render(QCustomPlot& plot, Format format, QSize size, const QString& title)
{
    const int w = size.width(), h = size.height();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    switch (format) {
    case Format::Png: {
        // Twice the pixels of the plot's size, with the same layout: sharp on a slide or a HiDPI
        // screen, where a picture of the window's pixels would be blurred by scaling up.
        const QPixmap pixmap = plot.toPixmap(w, h, kPngScale);
        if (pixmap.isNull() || !pixmap.save(&buffer, "PNG"))
            return {};
        break;
    }
    case Format::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setResolution(96);
        svg.setTitle(title);
        const SvgLegendGap gap(plot);
        QCPPainter painter;
        if (!painter.begin(&svg))
            return {};
        painter.setMode(QCPPainter::pmVectorized);
        plot.toPainter(&painter, w, h);
        painter.end();
        break;
    }
    case Format::Pdf: {
        // The page is the plot's size at 96 dpi, as QCustomPlot's own savePdf makes it; the
        // window maps the plot's pixels onto it whatever the writer's resolution.
        QPdfWriter pdf(&buffer);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(w * 72.0 / 96.0, h * 72.0 / 96.0), QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("GradLab"));
        QCPPainter painter;
        if (!painter.begin(&pdf))
            return {};
        painter.setMode(QCPPainter::pmVectorized);
        painter.setWindow(0, 0, w, h);
        plot.toPainter(&painter, w, h);
        painter.end();
        break;
    }
    }
    return buffer.data();
}

bool save(QCustomPlot& plot, Format format, QSize size, const QString& title, const QString& path, QString* error)
{
    const QByteArray bytes = render(plot, format, size, title);
    if (bytes.isEmpty()) {
        *error = PlotExport::tr("The plot could not be drawn for %1").arg(QFileInfo(path).fileName());
        return false;
    }
    return experiment::writeFileAtomically(path, bytes, error);
}

void setUpLegend(QCustomPlot& plot)
{
    plot.legend->setVisible(true);
    plot.legend->setBrush(QColor(255, 255, 255, 220));
}

// What a plot of saved runs checks first: the file's format, and that there are runs.
std::optional<Format> prepareRuns(const std::vector<experiment::RunRecord>& runs, const QString& path, QSize size, QString* error)
{
    auto format = prepare(path, size, error);
    if (format && runs.empty()) {
        *error = PlotExport::tr("There is no run to plot");
        return std::nullopt;
    }
    return format;
}

// A plot over the epochs, with its legend.
void setUpEpochPlot(QCustomPlot& plot)
{
    setUpLegend(plot);
    plot.xAxis->setLabel(PlotExport::tr("Epoch"));
}

void addPoints(QCustomPlot& plot, const data::Dataset& d, const QColor& color, const QString& name)
{
    QCPGraph* g = plot.addGraph();
    g->setName(name);
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 6));
    g->setPen(QPen(color));
    QVector<double> xs, ys;
    for (std::int64_t i = 0; i < d.rows(); ++i) {
        xs << d.feature(i, 0);
        ys << d.y[static_cast<std::size_t>(i)];
    }
    g->setData(xs, ys);
}

void addCurve(QCustomPlot& plot, const std::vector<double>& xs, const std::vector<double>& ys, const QPen& pen, const QString& name)
{
    QCPGraph* g = plot.addGraph();
    g->setName(name);
    g->setPen(pen);
    QVector<double> vx, vy;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (std::isfinite(ys[i])) {
            vx << xs[i];
            vy << ys[i];
        }
    }
    g->setData(vx, vy, true);
}

// (Observed, predicted) for each row of `d` under `params`, as a scatter of `style`.
bool addPredictions(QCustomPlot& plot, const experiment::RunRecord& run, const std::vector<double>& params, const data::Dataset& d,
                    const QCPScatterStyle& style, const QString& name, QString* error)
{
    if (d.rows() == 0)
        return true; // no validation rows, say: nothing to add
    const auto predicted = experiment::predictRows(run.config.model, run.layout, params, d.x, d.features(), error);
    if (!predicted)
        return false;
    QCPGraph* g = plot.addGraph();
    g->setName(name);
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(style);
    g->setPen(style.pen());
    QVector<double> xs, ys;
    for (std::size_t i = 0; i < predicted->size(); ++i) {
        if (std::isfinite((*predicted)[i])) {
            xs << d.y[i];
            ys << (*predicted)[i];
        }
    }
    g->setData(xs, ys);
    return true;
}

// Several features: each row's prediction against its observed target, the closed form's as
// rings, and the diagonal where a perfect prediction lies (as the live Data and fit plot).
bool exportPredictionPlot(const experiment::ExperimentData& data, const experiment::RunRecord& run, Format format, QSize size,
                          const QString& path, QString* error)
{
    QCustomPlot plot;
    setUpLegend(plot);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    const QString target = data.all.targetName.empty() ? PlotExport::tr("y") : oneLineName(data.all.targetName);
    plot.xAxis->setLabel(PlotExport::tr("Observed %1").arg(target));
    plot.yAxis->setLabel(PlotExport::tr("Predicted %1").arg(target));
    const auto [lo, hi] = std::minmax_element(data.all.y.begin(), data.all.y.end());
    QCPGraph* diagonal = plot.addGraph();
    diagonal->setName(PlotExport::tr("Observed = predicted"));
    diagonal->setPen(QPen(QColor(128, 128, 128), 1.5, Qt::DashLine));
    diagonal->setData(QVector<double>{*lo, *hi}, QVector<double>{*lo, *hi}, true);
    if (run.closedForm
        && !addPredictions(plot, run, run.closedForm->params, data.all,
                           QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(0, 0, 0), 1.2), Qt::NoBrush, 10),
                           PlotExport::tr("Closed form (least squares)"), error))
        return false;
    const auto disc = [](const QColor& color) { return QCPScatterStyle(QCPScatterStyle::ssDisc, color, 6); };
    if (!addPredictions(plot, run, run.finalParams, data.train, disc(plotColor(0)), PlotExport::tr("Trained model, training rows"), error)
        || !addPredictions(plot, run, run.finalParams, data.val, disc(plotColor(1)), PlotExport::tr("Trained model, validation rows"), error))
        return false;
    plot.rescaleAxes();
    // Room around the points, so that none sits on the frame.
    plot.xAxis->scaleRange(1.05, plot.xAxis->range().center());
    plot.yAxis->scaleRange(1.1, plot.yAxis->range().center());
    return save(plot, format, size, PlotExport::tr("Data and fitted model"), path, error);
}

} // namespace

QColor plotColor(std::size_t index)
{
    // Distinguishable on white and for the common colour-vision deficiencies (Okabe–Ito, less its
    // yellow, too pale on white), then Tol's wine, olive and indigo, for as many runs as can be overlaid.
    static const QColor palette[] = {QColor(0, 114, 178), QColor(213, 94, 0),  QColor(0, 158, 115), QColor(204, 121, 167),
                                     QColor(230, 159, 0), QColor(86, 180, 233), QColor(0, 0, 0),     QColor(136, 34, 85),
                                     QColor(153, 153, 51), QColor(51, 34, 136)};
    static_assert(std::size(palette) == kPlotColorCount);
    return palette[index % std::size(palette)];
}

QColor recordedRunColor(std::size_t position)
{
    return plotColor(2 + position % (kPlotColorCount - 2));
}

bool savePlot(QCustomPlot& plot, const QString& path, const QString& title, QString* error, QSize size)
{
    const auto format = prepare(path, size, error);
    return format && save(plot, *format, size, title, path, error);
}

bool exportLossPlot(const std::vector<experiment::RunRecord>& runs, const QString& path, bool logScale, QString* error, QSize size,
                    const std::vector<int>& numbers, std::vector<int>* leftOut)
{
    const auto format = prepareRuns(runs, path, size, error);
    if (!format)
        return false;
    QCustomPlot plot;
    setUpEpochPlot(plot);
    plot.yAxis->setLabel(logScale ? PlotExport::tr("Loss (log scale)") : PlotExport::tr("Loss"));
    if (logScale) {
        plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
        // The same labels as the window's loss plot: one notation on the whole axis.
        plot.yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new LogTickerOneNotation));
        plot.yAxis->setNumberFormat(QStringLiteral("eb"));
        plot.yAxis->setNumberPrecision(0);
    }
    const auto plottable = [&](double v) { return std::isfinite(v) && (!logScale || v > 0); };
    bool any = false;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        QVector<double> epochs, train, valEpochs, val;
        for (const experiment::EpochRecord& e : runs[r].history) {
            if (plottable(e.trainLoss)) {
                epochs << static_cast<double>(e.epoch);
                train << e.trainLoss;
            }
            if (plottable(e.valLoss)) {
                valEpochs << static_cast<double>(e.epoch);
                val << e.valLoss;
            }
        }
        any = any || !train.isEmpty() || !val.isEmpty();
        if (train.isEmpty() && val.isEmpty()) { // a legend entry with no line would only puzzle
            if (leftOut)
                leftOut->push_back(r < numbers.size() ? numbers[r] : static_cast<int>(r + 1));
            continue;
        }
        // One run of train's own (no number): two colours read best, and the legend needs no name.
        const bool one = runs.size() == 1 && numbers.empty();
        const QString run = PlotExport::tr("Run %1 (%2)")
                                .arg(r < numbers.size() ? numbers[r] : static_cast<int>(r + 1))
                                .arg(optimizerSummary(runs[r].config));
        QCPGraph* t = plot.addGraph();
        t->setName(one ? PlotExport::tr("Training loss") : PlotExport::tr("%1: training loss").arg(run));
        t->setPen(QPen(plotColor(r), 2));
        t->setData(epochs, train, true);
        QCPGraph* v = plot.addGraph();
        v->setName(one ? PlotExport::tr("Validation loss") : PlotExport::tr("%1: validation loss").arg(run));
        // One run: two colours; several: a run keeps its colour. Validation is dashed
        // either way, as in the window, so that a print in grey still tells the curves apart.
        v->setPen(QPen(one ? plotColor(1) : plotColor(r), 2, Qt::DashLine));
        v->setData(valEpochs, val, true);
        // Past the palette's colours a run has a marker too (on some 20 of its points), as the dash
        // already tells training from validation.
        if (r >= kPlotColorCount) {
            static constexpr QCPScatterStyle::ScatterShape shapes[] = {
                QCPScatterStyle::ssCircle, QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle, QCPScatterStyle::ssDiamond,
                QCPScatterStyle::ssCross,  QCPScatterStyle::ssPlus,   QCPScatterStyle::ssStar,     QCPScatterStyle::ssTriangleInverted};
            const auto shape = shapes[(r / kPlotColorCount - 1) % std::size(shapes)];
            for (QCPGraph* g : {t, v}) {
                g->setScatterStyle(QCPScatterStyle(shape, g->pen().color(), 7));
                g->setScatterSkip(std::max(0, g->dataCount() / 20 - 1));
            }
        }
    }
    if (!any) {
        *error = logScale ? PlotExport::tr("There is nothing to plot: no run has a positive, finite loss")
                          : PlotExport::tr("There is nothing to plot: no run has a finite loss");
        return false;
    }
    plot.rescaleAxes();
    // Headroom above the highest loss; a linear axis starts at zero, where a loss is perfect.
    if (logScale) {
        plot.yAxis->scaleRange(1.1);
    } else {
        const QCPRange r = plot.yAxis->range();
        const double lower = std::min(0.0, r.lower);
        plot.yAxis->setRange(lower, r.upper + 0.05 * (r.upper - lower));
    }
    return save(plot, *format, size, PlotExport::tr("Loss curves"), path, error);
}

bool exportParametersPlot(const std::vector<experiment::RunRecord>& runs, const QString& path, QString* error, QSize size,
                          const std::vector<int>& numbers, std::vector<int>* leftOut)
{
    const auto format = prepareRuns(runs, path, size, error);
    if (!format)
        return false;
    QCustomPlot plot;
    setUpEpochPlot(plot);
    plot.yAxis->setLabel(PlotExport::tr("Value"));
    // Dashes are the closed form's: the parameters take the other styles.
    static constexpr Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine};
    double lastEpoch = 0.0;
    bool any = false;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const experiment::RunRecord& run = runs[r];
        const QStringList names = experiment::flatParameterNames(run.layout);
        const std::size_t count = std::min<std::size_t>(static_cast<std::size_t>(names.size()), kMaxPlottedParameters);
        // Where the run started (epoch 0), as the window's Parameters view shows it; the history
        // begins after the first epoch.
        std::vector<double> initial;
        try {
            const auto& d = run.config.dataset;
            const std::int64_t features = d.source == experiment::DatasetConfig::Source::Csv
                                              ? std::max<std::int64_t>(1, d.csv.features.size())
                                              : d.generator.features;
            initial = experiment::initialParameters(run.config.model, features);
        } catch (const std::exception&) {
            initial.clear(); // a configuration that no longer makes a model: from epoch 1
        }
        if (initial.size() != run.finalParams.size())
            initial.clear();
        const QString label = PlotExport::tr("Run %1 (%2)")
                                  .arg(r < numbers.size() ? numbers[r] : static_cast<int>(r + 1))
                                  .arg(optimizerSummary(run.config));
        bool drawn = false;
        for (std::size_t j = 0; j < count; ++j) {
            QVector<double> epochs, values;
            if (!initial.empty() && std::isfinite(initial[j])) {
                epochs << 0.0;
                values << initial[j];
            }
            for (const experiment::EpochRecord& e : run.history) {
                if (j < e.params.size() && std::isfinite(e.params[j])) {
                    epochs << static_cast<double>(e.epoch);
                    values << e.params[j];
                }
            }
            if (values.isEmpty())
                continue;
            any = drawn = true;
            lastEpoch = std::max(lastEpoch, epochs.back());
            QCPGraph* g = plot.addGraph();
            g->setName(PlotExport::tr("%1: %2").arg(label, names[static_cast<qsizetype>(j)]));
            g->setPen(QPen(plotColor(r), 2, styles[j % std::size(styles)]));
            g->setData(epochs, values, true);
            // Past the four line styles (an MLP's fifth parameter on), a marker tells the
            // parameters apart; a lone point has one, or it would not show.
            static constexpr QCPScatterStyle::ScatterShape shapes[] = {QCPScatterStyle::ssDisc, QCPScatterStyle::ssSquare,
                                                                       QCPScatterStyle::ssTriangle};
            if (j >= std::size(styles) || values.size() == 1) {
                const auto shape = shapes[(j / std::size(styles)) % std::size(shapes)];
                g->setScatterStyle(QCPScatterStyle(shape, g->pen().color(), 7));
                g->setScatterSkip(std::max(0, g->dataCount() / 20 - 1));
            }
        }
        if (!drawn && leftOut)
            leftOut->push_back(r < numbers.size() ? numbers[r] : static_cast<int>(r + 1));
    }
    if (!any) {
        *error = PlotExport::tr("There is nothing to plot: no run has a finite parameter value");
        return false;
    }
    // The closed form, where it is one for all the runs (trained on the same data and model).
    const auto& first = runs.front().closedForm;
    const bool shared = first && std::all_of(runs.begin(), runs.end(), [&](const experiment::RunRecord& run) {
                            return run.closedForm && run.closedForm->params == first->params;
                        });
    if (shared) {
        const std::size_t count = std::min(first->params.size(), kMaxPlottedParameters);
        for (std::size_t j = 0; j < count; ++j) {
            if (!std::isfinite(first->params[j]))
                continue;
            QCPGraph* g = plot.addGraph();
            g->setName(PlotExport::tr("Closed form (dashed)"));
            g->setPen(QPen(QColor(0, 0, 0), 1.5, Qt::DashLine));
            g->setData(QVector<double>{0.0, std::max(lastEpoch, 1.0)}, QVector<double>{first->params[j], first->params[j]}, true);
            if (j > 0)
                g->removeFromLegend();
        }
    }
    plot.rescaleAxes();
    plot.yAxis->scaleRange(1.1);
    return save(plot, *format, size, PlotExport::tr("Parameter trajectories"), path, error);
}

bool exportFitPlot(const experiment::ExperimentData& data, const experiment::RunRecord& run, const QString& path, QString* error, QSize size)
{
    const auto format = prepare(path, size, error);
    if (!format)
        return false;
    if (data.all.rows() == 0) {
        *error = PlotExport::tr("There is no data to plot");
        return false;
    }
    if (data.all.features() != 1)
        return exportPredictionPlot(data, run, *format, size, path, error);
    const auto [lo, hi] = std::minmax_element(data.all.x.begin(), data.all.x.end());
    double xMin = *lo, xMax = *hi;
    if (!(xMin < xMax)) {
        xMin -= 0.5;
        xMax += 0.5;
    }
    constexpr int kSamples = 200;
    std::vector<double> grid(kSamples);
    for (int i = 0; i < kSamples; ++i)
        grid[static_cast<std::size_t>(i)] = xMin + (xMax - xMin) * i / (kSamples - 1);
    const auto fitted = experiment::predict(run.config.model, run.layout, run.finalParams, grid, error);
    if (!fitted)
        return false;
    std::optional<std::vector<double>> closed;
    if (run.closedForm) {
        closed = experiment::predict(run.config.model, run.layout, run.closedForm->params, grid, error);
        if (!closed)
            return false;
    }

    QCustomPlot plot;
    setUpLegend(plot);
    const std::string& feature = data.all.featureNames.front();
    plot.xAxis->setLabel(feature.empty() ? PlotExport::tr("x") : oneLineName(feature));
    plot.yAxis->setLabel(data.all.targetName.empty() ? PlotExport::tr("y") : oneLineName(data.all.targetName));
    addPoints(plot, data.train, plotColor(0), PlotExport::tr("Training data"));
    addPoints(plot, data.val, plotColor(1), PlotExport::tr("Validation data"));
    // Generated data with one feature has a true line, shown as the Data and fit view shows it.
    if (const std::optional<experiment::TrueLine> line = experiment::trueLine(run.config)) {
        const double a = line->intercept, b = line->slope;
        addCurve(plot, {xMin, xMax}, {a + b * xMin, a + b * xMax}, QPen(QColor(128, 128, 128), 1.5, Qt::DashLine), PlotExport::tr("True line"));
    }
    // The trained curve last, above the closed form it usually coincides with, as in the window.
    if (closed)
        addCurve(plot, grid, *closed, QPen(QColor(0, 0, 0), 2, Qt::DashLine), PlotExport::tr("Closed form (least squares)"));
    addCurve(plot, grid, *fitted, QPen(plotColor(2), 2), PlotExport::tr("Trained model"));
    // The legend in the upper corner the trained curve leaves free.
    const bool rising = fitted->back() >= fitted->front();
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | (rising ? Qt::AlignLeft : Qt::AlignRight));
    plot.rescaleAxes();
    // Room around the points, so that none sits on the frame.
    plot.xAxis->scaleRange(1.05, plot.xAxis->range().center());
    plot.yAxis->scaleRange(1.1, plot.yAxis->range().center());
    return save(plot, *format, size, PlotExport::tr("Data and fitted model"), path, error);
}

} // namespace gradlab::widgets

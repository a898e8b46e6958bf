#include "plot_view.h"

#include "plot_export.h"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace gradlab::widgets {
namespace {

// About 30 replots a second at most: smooth to the eye, cheap for a fast run.
constexpr int kReplotIntervalMs = 33;

} // namespace

void markFewPoints(QCPGraph* graph)
{
    const bool marked = graph->dataCount() < kMarkedPointsMax;
    if (marked == (graph->scatterStyle().shape() != QCPScatterStyle::ssNone))
        return;
    graph->setScatterStyle(marked ? QCPScatterStyle(QCPScatterStyle::ssDisc, graph->pen().color(), 6) : QCPScatterStyle());
}

PlotView::PlotView(QWidget* parent)
    : QCustomPlot(parent)
{
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    // Wide antialiased lines are stroked point by point otherwise: too slow to redraw 30 times a second.
    setPlottingHint(QCP::phFastPolylines, true);
    setExportTitle(tr("Plot"));
    replotTimer_.setSingleShot(true);
    replotTimer_.setInterval(kReplotIntervalMs);
    connect(&replotTimer_, &QTimer::timeout, this, &PlotView::flush);
    // A range that changes while we are not fitting was changed by the user: stop following.
    for (QCPAxis* axis : {xAxis, yAxis})
        connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
            if (!fitting_)
                following_ = false;
        });

    message_ = new QCPItemText(this);
    message_->position->setType(QCPItemPosition::ptAxisRectRatio);
    message_->position->setCoords(0.5, 0.5);
    message_->setPositionAlignment(Qt::AlignCenter);
    message_->setTextAlignment(Qt::AlignCenter);
    message_->setClipToAxisRect(false);
    QFont font = message_->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    message_->setFont(font);
    message_->setColor(QColor(80, 80, 80));
    message_->setVisible(false);
}

QString PlotView::message() const { return message_->visible() ? message_->text() : QString(); }

void PlotView::setMessage(const QString& text)
{
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
    scheduleReplot();
}

bool PlotView::exportTo(const QString& path, QString* error, QSize size) const
{
    // Rendering needs the plot's layout and painter, which QCustomPlot does not offer as const;
    // what is drawn is not changed.
    auto* self = const_cast<PlotView*>(this);
    self->flush();
    if (size.isEmpty())
        size = width() >= 16 && height() >= 16 ? this->size() : kDefaultPlotSize;
    const bool ok = savePlot(*self, path, exportTitle_, error, size);
    self->replot(rpQueuedReplot); // the export laid the plot out at its own size
    return ok;
}

void PlotView::resetView()
{
    following_ = true;
    applyFit();
    scheduleReplot();
}

void PlotView::fitView() { rescaleAxes(); }

void PlotView::addContextActions(QMenu*) {}

void PlotView::applyFit()
{
    fitting_ = true;
    fitView();
    fitting_ = false;
    refitPending_ = false;
}

void PlotView::dataChanged()
{
    refitPending_ = true;
    scheduleReplot();
}

void PlotView::scheduleReplot()
{
    if (!replotTimer_.isActive())
        replotTimer_.start();
}

void PlotView::flush()
{
    replotTimer_.stop();
    if (refitPending_ && following_)
        applyFit();
    refitPending_ = false;
    // A plot on a hidden tab is drawn when it is shown: during a run only the one in view costs time.
    hiddenChanges_ = !isVisible();
    if (!hiddenChanges_)
        replot(rpQueuedReplot);
}

void PlotView::showEvent(QShowEvent* event)
{
    QCustomPlot::showEvent(event);
    if (hiddenChanges_)
        flush();
}

QMenu* PlotView::createContextMenu(QWidget* parent)
{
    auto* menu = new QMenu(parent);
    menu->addAction(tr("Reset view"), this, &PlotView::resetView);
    menu->addAction(tr("Export as PNG, SVG or PDF…"), this, &PlotView::exportFromMenu);
    addContextActions(menu);
    return menu;
}

void PlotView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu* menu = createContextMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void PlotView::mouseDoubleClickEvent(QMouseEvent* event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    resetView();
}

void PlotView::exportFromMenu()
{
    const QString png = tr("PNG image (*.png)"), svg = tr("SVG image (*.svg)"), pdf = tr("PDF document (*.pdf)");
    QString filter = png;
    QString path = QFileDialog::getSaveFileName(this, tr("Export plot"), QString(), QStringList{png, svg, pdf}.join(QLatin1String(";;")), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == svg ? QLatin1String(".svg") : filter == pdf ? QLatin1String(".pdf") : QLatin1String(".png");
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export plot"), tr("The plot could not be exported: %1").arg(error));
}

} // namespace gradlab::widgets

#include "plot_view.h"

#include "plot_export.h"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QStyleOptionFocusRect>
#include <QStylePainter>
#include <QTextLayout>

#include <cmath>
#include <memory>

namespace gradlab::widgets {
namespace {

// About 30 replots a second at most: smooth to the eye, cheap for a fast run.
constexpr int kReplotIntervalMs = 33;
// One + or - key press, and one arrow key's pan as a part of the visible range.
constexpr double kZoomStep = 0.8;
constexpr double kPanStep = 0.1;

// Whether `event` is one of `action`'s shortcuts. Shift and the keypad are not compared: "+" is
// Shift+= on many keyboards, and the keypad's + is the same key.
bool isShortcut(const QKeyEvent* event, const QAction* action)
{
    const Qt::KeyboardModifiers ignored = Qt::ShiftModifier | Qt::KeypadModifier;
    const Qt::KeyboardModifiers mods = event->modifiers() & ~ignored;
    for (const QKeySequence& seq : action->shortcuts())
        if (seq.count() == 1 && seq[0].key() == event->key() && (seq[0].keyboardModifiers() & ~ignored) == mods)
            return true;
    return false;
}

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
    // Reached with Tab, so that the keyboard can open the menu, zoom, pan and reset.
    setFocusPolicy(Qt::StrongFocus);
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

    // Laid out (a resize, new tick labels): the message follows the axes' width, drawn in this replot.
    connect(this, &QCustomPlot::afterLayout, this, [this] {
        if (!messageText_.isEmpty() && axisRect()->rect().width() - 20 != wrappedWidth_)
            wrapMessage();
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

QString PlotView::message() const { return message_->visible() ? messageText_ : QString(); }

void PlotView::setMessage(const QString& text)
{
    messageText_ = text;
    wrapMessage();
    message_->setVisible(!text.isEmpty());
    scheduleReplot();
}

void PlotView::wrapMessage()
{
    // A long message (a file's path and why it cannot be read) would run past both edges, over
    // the axes' labels.
    const int rect = axisRect()->rect().width();
    wrappedWidth_ = rect > 140 ? rect - 20 : std::max(120, this->width() - 40);
    const qreal width = wrappedWidth_;
    QTextLayout layout(messageText_, message_->font());
    QTextOption option(Qt::AlignCenter);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    QStringList lines;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        lines << messageText_.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    message_->setText(lines.join(QLatin1Char('\n')));
}



QString PlotView::caption() const { return caption_ ? caption_->text() : QString(); }

void PlotView::setCaption(const QString& text)
{
    if (text == caption())
        return;
    if (text.isEmpty()) {
        plotLayout()->remove(caption_);
        plotLayout()->simplify();
        caption_ = nullptr;
    } else if (caption_) {
        caption_->setText(text);
    } else {
        plotLayout()->insertRow(0);
        caption_ = new QCPTextElement(this, text);
        caption_->setTextColor(QColor(60, 60, 60));
        plotLayout()->addElement(0, 0, caption_);
    }
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

void PlotView::zoom(double factor)
{
    // The axes the mouse wheel zooms, about the middle of what is shown.
    for (const Qt::Orientation o : {Qt::Horizontal, Qt::Vertical})
        for (QCPAxis* axis : axisRect()->rangeZoomAxes(o))
            axis->scaleRange(factor, axis->range().center());
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
    // The shortcuts are shown in the menu and taken by keyPressEvent while the plot has the focus.
    QAction* reset = menu->addAction(tr("Reset view"), this, &PlotView::resetView);
    reset->setShortcuts({QKeySequence(Qt::Key_R), QKeySequence(Qt::Key_Home)});
    QAction* in = menu->addAction(tr("Zoom in"), this, [this] { zoom(kZoomStep); });
    in->setShortcuts({QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal)});
    QAction* out = menu->addAction(tr("Zoom out"), this, [this] { zoom(1.0 / kZoomStep); });
    out->setShortcuts({QKeySequence(Qt::Key_Minus), QKeySequence(Qt::Key_Underscore)});
    menu->addAction(tr("Export as PNG, SVG or PDF…"), this, &PlotView::exportFromMenu);
    addContextActions(menu);
    return menu;
}

void PlotView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu* menu = createContextMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    // From the Menu key: at the middle of the plot area rather than wherever the mouse is.
    const QPoint at = event->reason() == QContextMenuEvent::Mouse ? event->globalPos() : mapToGlobal(axisRect()->rect().center());
    menu->popup(at);
}

void PlotView::keyPressEvent(QKeyEvent* event)
{
    // The menu's items with a shortcut, the subclass's included.
    const std::unique_ptr<QMenu> menu(createContextMenu(this));
    for (QAction* action : menu->actions()) {
        if (action->isEnabled() && isShortcut(event, action)) {
            action->trigger();
            event->accept();
            return;
        }
    }
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        QCPAxis* axis = nullptr;
        double sign = 1;
        switch (event->key()) {
        case Qt::Key_Left: axis = xAxis; sign = -1; break;
        case Qt::Key_Right: axis = xAxis; break;
        case Qt::Key_Down: axis = yAxis; sign = -1; break;
        case Qt::Key_Up: axis = yAxis; break;
        default: break;
        }
        if (axis) {
            // By a part of what is shown, in the axis's own scale (a log axis pans by a factor).
            const QCPRange r = axis->range();
            if (axis->scaleType() == QCPAxis::stLogarithmic && r.lower > 0)
                axis->setRange(r.lower * std::pow(r.upper / r.lower, sign * kPanStep), r.upper * std::pow(r.upper / r.lower, sign * kPanStep));
            else
                axis->moveRange(sign * kPanStep * r.size());
            scheduleReplot();
            event->accept();
            return;
        }
    }
    QCustomPlot::keyPressEvent(event);
}

void PlotView::paintEvent(QPaintEvent* event)
{
    QCustomPlot::paintEvent(event);
    if (!hasFocus())
        return;
    // Where the keyboard's focus is, as other widgets show it.
    QStylePainter painter(this);
    QStyleOptionFocusRect option;
    option.initFrom(this);
    option.rect = rect().adjusted(1, 1, -1, -1);
    painter.drawPrimitive(QStyle::PE_FrameFocusRect, option);
}

void PlotView::focusInEvent(QFocusEvent* event)
{
    QCustomPlot::focusInEvent(event);
    update();
}

void PlotView::focusOutEvent(QFocusEvent* event)
{
    QCustomPlot::focusOutEvent(event);
    update();
}

void PlotView::mouseDoubleClickEvent(QMouseEvent* event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    resetView();
}

void PlotView::exportFromMenu()
{
    const QString png = tr("PNG image (*.png)"), svg = tr("SVG image (*.svg)"), pdf = tr("PDF document (*.pdf)");
    const QString suffix = QFileInfo(defaultExportPath_).suffix().toLower();
    QString filter = suffix == QLatin1String("svg") ? svg : suffix == QLatin1String("pdf") ? pdf : png;
    QString path = QFileDialog::getSaveFileName(this, tr("Export plot"), defaultExportPath_, QStringList{png, svg, pdf}.join(QLatin1String(";;")),
                                                &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == svg ? QLatin1String(".svg") : filter == pdf ? QLatin1String(".pdf") : QLatin1String(".png");
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export plot"), tr("The plot could not be exported: %1").arg(error));
}

} // namespace gradlab::widgets

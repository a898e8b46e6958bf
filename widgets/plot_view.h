// The base of GradLab's live plots: a QCustomPlot that zooms with the wheel, pans by dragging,
// resets on a double click, and offers "Reset view" and an export to PNG, SVG or PDF in its
// context menu. Data updates refit the view (until the user zooms or pans) and replot at most
// about 30 times a second, however often the data arrives. From the keyboard (it takes the focus
// with Tab): the Menu key opens the context menu, R or Home resets the view, + and - zoom, the
// arrows pan, and the shortcuts of the subclass's menu items work too.
#pragma once

#include <qcustomplot.h>

#include <QSize>
#include <QString>
#include <QTimer>

class QMenu;

namespace gradlab::widgets {

// A curve with fewer points than this marks each of them: the first epoch, a single point, is
// visible, and the few points of a short run are told apart from a straight line.
inline constexpr int kMarkedPointsMax = 30;
// Gives `graph` a disc on each point, in its pen's colour, while it has fewer than
// kMarkedPointsMax points; none from then on.
void markFewPoints(QCPGraph* graph);

class PlotView : public QCustomPlot {
    Q_OBJECT

public:
    explicit PlotView(QWidget* parent = nullptr);

    // Writes the plot as PNG, SVG or PDF, chosen by the extension, atomically; `size` empty:
    // the widget's size. On failure returns false, says why and leaves no file.
    bool exportTo(const QString& path, QString* error, QSize size = QSize()) const;

    // Shows all the data again, and follows it as it grows.
    virtual void resetView();
    // Zooms both axes about the centre of the view: `factor` < 1 zooms in.
    void zoom(double factor);
    // Whether the view refits to the data as it changes (false once the user zooms or pans).
    bool followsData() const { return following_; }

    // The context menu: "Reset view", the export, then the subclass's items. The caller owns it.
    QMenu* createContextMenu(QWidget* parent);

    // The text shown centred over a plot that has nothing to draw (empty when it draws).
    QString message() const;

    // A line above the plot saying what it shows (e.g. which of the selected runs), exported
    // with it; empty: none, and the plot takes its room.
    void setCaption(const QString& text);
    QString caption() const;

    // What the context menu's export dialog proposes: a folder and a file name ("…/fit.png"),
    // its extension choosing the format offered first. Empty: the dialog's own choice.
    void setDefaultExportPath(const QString& path) { defaultExportPath_ = path; }
    const QString& defaultExportPath() const { return defaultExportPath_; }

protected:
    // Items a subclass adds to the context menu, after "Reset view" and the export.
    virtual void addContextActions(QMenu* menu);
    // Sets the axes' ranges to show all the data.
    virtual void fitView();
    // The data changed: refit (if following) and replot soon, coalescing bursts.
    void dataChanged();
    // Only the drawing changed: replot soon.
    void scheduleReplot();
    void setMessage(const QString& text);
    void setExportTitle(const QString& title) { exportTitle_ = title; }

    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    // The message broken into lines that fit the axes' rectangle (or, before it is laid out, the
    // plot), again whenever its width changes.
    void wrapMessage();
    void applyFit();
    void flush();
    void exportFromMenu();

    QTimer replotTimer_;
    bool following_ = true;
    bool fitting_ = false;
    bool refitPending_ = false;
    bool hiddenChanges_ = false; // data changed while hidden: replot when shown
    QString exportTitle_;
    QString defaultExportPath_;
    QCPItemText* message_ = nullptr;
    QString messageText_; // the message as set, unbroken
    int wrappedWidth_ = 0; // the width it was broken for
    QCPTextElement* caption_ = nullptr; // in the layout's first row while there is a caption
};

} // namespace gradlab::widgets

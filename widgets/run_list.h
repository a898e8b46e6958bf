// The project's runs, one row each: number, start time, model, optimizer and learning rate,
// epochs, final losses and how the run ended. At most two can be selected: one to show, two to
// compare.
#pragma once

#include "experiment/project.h"

#include <QList>
#include <QWidget>

#include <vector>

class QTreeWidget;

namespace gradlab::widgets {

class RunList : public QWidget {
    Q_OBJECT

public:
    explicit RunList(QWidget* parent = nullptr);

    // Replaces the rows; the selected runs that still exist stay selected.
    void setRuns(const std::vector<experiment::RunRecord>& runs);
    // The selected runs' indices, ascending (at most two).
    QList<int> selectedRuns() const;
    // Selects these runs (the first two valid ones) and nothing else.
    void selectRuns(const QList<int>& rows);

signals:
    void selectionChanged(const QList<int>& runs);
    void removeRequested(int run); // context menu "Remove run", or the Delete key

private:
    void onSelectionChanged();
    void showContextMenu(const QPoint& pos);

    QTreeWidget* tree_;
    QList<int> order_; // selected rows, oldest first: a third selection drops the oldest
};

} // namespace gradlab::widgets

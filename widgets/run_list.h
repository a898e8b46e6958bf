// The project's runs, one row each: number, start time, model, optimizer and learning rate,
// epochs, final losses and how the run ended. One selected run is shown, two are compared, and up
// to kMaxSelected have their losses overlaid (an SGD-against-Adam-against-learning-rate lab).
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
    static constexpr int kMaxSelected = 8;

    explicit RunList(QWidget* parent = nullptr);

    // Replaces the rows; the selected runs that still exist stay selected.
    void setRuns(const std::vector<experiment::RunRecord>& runs);
    // The selected runs' indices, ascending (at most kMaxSelected).
    QList<int> selectedRuns() const;
    // Selects these runs (the first kMaxSelected valid ones) and nothing else.
    void selectRuns(const QList<int>& rows);

signals:
    void selectionChanged(const QList<int>& runs);
    void removeRequested(int run); // context menu "Remove run", or the Delete key

private:
    void onSelectionChanged();
    void showContextMenu(const QPoint& pos);

    QTreeWidget* tree_;
    QList<int> order_; // selected rows, oldest first: one beyond kMaxSelected drops the oldest
};

} // namespace gradlab::widgets

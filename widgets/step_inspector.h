// The step inspector: after Step, the epoch's last optimizer step, parameter by parameter: the
// value before, autograd's gradient beside the tutorial's NumPy formula, their difference, the
// update the optimizer applied and the value after.
#pragma once

#include "experiment/step_inspection.h"

#include <QString>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace gradlab::widgets {

class StepInspector : public QWidget {
    Q_OBJECT

public:
    explicit StepInspector(QWidget* parent = nullptr);

    void setInspection(const experiment::StepInspection& inspection);
    // No step to show, and `hint` why ("Press Step to run one epoch and see its gradients").
    void clear(const QString& hint);

    // For tests: the text of a cell (columns: parameter, value before, autograd gradient, NumPy
    // formula, difference, update applied, value after). Empty if there is no such cell.
    QString cellText(int row, int column) const;

private:
    QLabel* header_;
    QTableWidget* table_;
    QLabel* note_;
};

} // namespace gradlab::widgets

#include "step_inspector.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace gradlab::widgets {
namespace {

enum Column { Parameter, Before, Autograd, Formula, Difference, Update, After, ColumnCount };

const QString kNone = QStringLiteral("—");

QString number(double v)
{
    if (std::isnan(v))
        return kNone;
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return QString::number(v, 'g', 9);
}

} // namespace

StepInspector::StepInspector(QWidget* parent)
    : QWidget(parent), header_(new QLabel(this)), table_(new QTableWidget(this)), note_(new QLabel(this))
{
    table_->setObjectName(QStringLiteral("step"));
    table_->setColumnCount(ColumnCount);
    table_->setHorizontalHeaderLabels({tr("Parameter"), tr("Value before"), tr("Autograd gradient"),
                                       tr("NumPy formula"), tr("Difference"), tr("Update applied"), tr("Value after")});
    table_->horizontalHeaderItem(Autograd)->setToolTip(tr("The .grad autograd computed in the backward pass."));
    table_->horizontalHeaderItem(Formula)->setToolTip(
        tr("The gradient from the tutorial's NumPy code for the a + b·x model with the MSE loss, computed in double "
           "from the batch's rows at the values before the step."));
    table_->horizontalHeaderItem(Difference)->setToolTip(tr("Autograd gradient − NumPy formula"));
    table_->horizontalHeaderItem(Update)->setToolTip(tr("Value after − value before: what the optimizer did with the gradient."));
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    table_->setAlternatingRowColors(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(Parameter, QHeaderView::ResizeToContents);
    header_->setWordWrap(true);
    note_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(header_);
    layout->addWidget(table_, 1);
    layout->addWidget(note_);
    clear(tr("Press Step to run one epoch and see its gradients."));
}

void StepInspector::clear(const QString& hint)
{
    header_->setText(hint);
    table_->setRowCount(0);
    note_->clear();
}

void StepInspector::setInspection(const experiment::StepInspection& s)
{
    const auto count = static_cast<std::size_t>(s.names.size());
    if (s.before.size() != count || s.autograd.size() != count || s.after.size() != count || s.update.size() != count) {
        clear(s.why.isEmpty() ? tr("There is no step to show.") : s.why);
        return;
    }
    header_->setText(s.batches > 1 ? tr("Epoch %1, batch %2 of %3: the step on its %4 rows, loss %5")
                                         .arg(s.epoch)
                                         .arg(s.batchNumber)
                                         .arg(s.batches)
                                         .arg(s.batchRows)
                                         .arg(QString::number(s.loss, 'g', 9))
                                   : tr("Epoch %1: the step on all %2 training rows, loss %3")
                                         .arg(s.epoch)
                                         .arg(s.batchRows)
                                         .arg(QString::number(s.loss, 'g', 9)));
    const bool formula = s.formula.size() == count && static_cast<std::size_t>(s.formulaText.size()) == count;
    table_->clearContents();
    table_->setRowCount(static_cast<int>(count));
    for (std::size_t i = 0; i < count; ++i) {
        const int row = static_cast<int>(i);
        auto set = [&](int column, const QString& text, const QString& tip = QString()) {
            auto* item = new QTableWidgetItem(text);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            if (column != Parameter)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(tip);
            table_->setItem(row, column, item);
        };
        const bool frozen = std::isnan(s.autograd[i]);
        set(Parameter, s.names[row]);
        set(Before, number(s.before[i]));
        set(Autograd, number(s.autograd[i]), frozen ? tr("Frozen: autograd computes no gradient for it.") : QString());
        if (formula) {
            set(Formula, number(s.formula[i]), s.formulaText[row]);
            set(Difference, frozen ? kNone : QString::number(s.autograd[i] - s.formula[i], 'g', 3));
        } else {
            set(Formula, kNone, s.why);
            set(Difference, kNone);
        }
        set(Update, number(s.update[i]));
        set(After, number(s.after[i]));
    }
    QString note;
    if (formula) {
        QStringList lines;
        for (qsizetype i = 0; i < s.names.size(); ++i)
            lines << tr("%1: %2").arg(s.names[i], s.formulaText[i]);
        note = tr("NumPy formulas, with error = y − (a + b·x) over the batch's rows: %1").arg(lines.join(tr(", ", "between the parameters' formulas")));
    } else {
        note = s.why;
    }
    if (s.accumulating)
        note += QLatin1Char('\n')
              + tr("The gradients are not zeroed after each step: autograd's gradient is the sum over every step so far, "
                   "so after the first step it differs from this step's formula.");
    note_->setText(note);
}

QString StepInspector::cellText(int row, int column) const
{
    const QTableWidgetItem* item = table_->item(row, column);
    return item ? item->text() : QString();
}

} // namespace gradlab::widgets

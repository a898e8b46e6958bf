#include "run_list.h"

#include "display_names.h"
#include "plot_export.h"

#include <QAction>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gradlab::widgets {
namespace {

enum Column { Number, Started, Model, Optimizer, Epochs, TrainLoss, ValLoss, Status, ColumnCount };

QList<int> sorted(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    return rows;
}

// The overlaid runs each have a colour of their own in the loss plot (recordedRunColor).
static_assert(static_cast<std::size_t>(RunList::kMaxSelected) <= kPlotColorCount - 2);

} // namespace

RunList::RunList(QWidget* parent) : QWidget(parent), tree_(new QTreeWidget(this))
{
    tree_->setObjectName(QStringLiteral("runs"));
    tree_->setColumnCount(ColumnCount);
    tree_->setHeaderLabels({tr("#"), tr("Started"), tr("Model"), tr("Optimizer"), tr("Epochs"), tr("Train loss"),
                            tr("Validation loss"), tr("Status")});
    tree_->setRootIsDecorated(false);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    tree_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree_->setToolTip(tr("Select a run to see its results, two runs to compare them, or up to %1 to overlay their losses.").arg(kMaxSelected));
    tree_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree_->setContextMenuPolicy(Qt::CustomContextMenu);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tree_);

    auto* remove = new QAction(tr("Remove run"), tree_);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    tree_->addAction(remove);
    connect(remove, &QAction::triggered, this, [this] {
        if (QTreeWidgetItem* item = tree_->currentItem())
            emit removeRequested(tree_->indexOfTopLevelItem(item));
    });
    connect(tree_, &QTreeWidget::itemSelectionChanged, this, &RunList::onSelectionChanged);
    connect(tree_, &QWidget::customContextMenuRequested, this, &RunList::showContextMenu);
}

void RunList::setRuns(const std::vector<experiment::RunRecord>& runs)
{
    const QList<int> before = selectedRuns();
    {
        const QSignalBlocker block(tree_);
        tree_->clear();
        order_.clear();
        const QLocale locale;
        int number = 0;
        for (const experiment::RunRecord& r : runs) {
            auto* item = new QTreeWidgetItem(tree_);
            item->setText(Number, QString::number(++number));
            item->setText(Started, locale.toString(r.started.toLocalTime(), QLocale::ShortFormat));
            item->setText(Model, modelName(r.config.model));
            item->setText(Optimizer, optimizerSummary(r.config));
            item->setText(Epochs, QString::number(r.epochs));
            item->setText(TrainLoss, QString::number(r.trainLoss, 'g', 6));
            item->setText(ValLoss, QString::number(r.valLoss, 'g', 6));
            const QString status = r.diverged                          ? tr("diverged")
                                   : r.epochs < r.config.training.epochs ? tr("stopped")
                                                                         : tr("finished");
            item->setText(Status, status);
            if (!r.message.isEmpty())
                item->setToolTip(Status, r.message);
            for (int c : {Number, Epochs, TrainLoss, ValLoss})
                item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        }
        for (int row : before) {
            if (QTreeWidgetItem* item = tree_->topLevelItem(row)) {
                item->setSelected(true);
                order_ << row;
            }
        }
    }
    if (selectedRuns() != before)
        emit selectionChanged(selectedRuns());
}

QList<int> RunList::selectedRuns() const
{
    return sorted(order_);
}

void RunList::selectRuns(const QList<int>& rows)
{
    {
        const QSignalBlocker block(tree_);
        tree_->clearSelection();
        order_.clear();
        for (int row : rows) {
            QTreeWidgetItem* item = tree_->topLevelItem(row);
            if (!item || order_.contains(row) || order_.size() == kMaxSelected)
                continue;
            item->setSelected(true);
            order_ << row;
        }
        if (!order_.isEmpty())
            tree_->setCurrentItem(tree_->topLevelItem(order_.back()), 0, QItemSelectionModel::NoUpdate);
    }
    emit selectionChanged(selectedRuns());
}

void RunList::onSelectionChanged()
{
    QList<int> now;
    for (QTreeWidgetItem* item : tree_->selectedItems())
        now << tree_->indexOfTopLevelItem(item);
    order_.removeIf([&](int row) { return !now.contains(row); });
    // Newly selected rows: the current one last, so that it is the one kept.
    const int current = tree_->currentItem() ? tree_->indexOfTopLevelItem(tree_->currentItem()) : -1;
    for (int row : sorted(now))
        if (!order_.contains(row) && row != current)
            order_ << row;
    if (now.contains(current) && !order_.contains(current))
        order_ << current;
    if (order_.size() > kMaxSelected) {
        const QSignalBlocker block(tree_);
        while (order_.size() > kMaxSelected)
            tree_->topLevelItem(order_.takeFirst())->setSelected(false);
    }
    emit selectionChanged(selectedRuns());
}

void RunList::showContextMenu(const QPoint& pos)
{
    QTreeWidgetItem* item = tree_->itemAt(pos);
    if (!item)
        return;
    const int row = tree_->indexOfTopLevelItem(item);
    QMenu menu(this);
    const QAction* remove = menu.addAction(tr("Remove run"));
    if (menu.exec(tree_->viewport()->mapToGlobal(pos)) == remove)
        emit removeRequested(row);
}

} // namespace gradlab::widgets

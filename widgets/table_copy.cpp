#include "table_copy.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QStringList>
#include <QTableView>

#include <algorithm>
#include <climits>

namespace gradlab::widgets {
namespace {

class TableCopy {
    Q_DECLARE_TR_FUNCTIONS(TableCopy)
};

// A cell's text on one line: a tab or line break inside it would split the row.
QString cellText(const QAbstractItemModel* model, int row, int column)
{
    QString text = model->index(row, column).data(Qt::DisplayRole).toString();
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

QString headerText(const QAbstractItemModel* model, int section, Qt::Orientation orientation)
{
    QString text = model->headerData(section, orientation, Qt::DisplayRole).toString();
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

QString tableText(const QAbstractItemView* view, bool wholeTable)
{
    const QAbstractItemModel* model = view->model();
    if (!model)
        return {};
    const auto* table = qobject_cast<const QTableView*>(view);
    QStringList lines;
    if (wholeTable) {
        const bool rowHeaders = table && table->verticalHeader()->isVisible();
        QStringList header;
        if (rowHeaders)
            header << QString();
        for (int c = 0; c < model->columnCount(); ++c)
            header << headerText(model, c, Qt::Horizontal);
        lines << header.join(QLatin1Char('\t'));
        for (int r = 0; r < model->rowCount(); ++r) {
            QStringList cells;
            if (rowHeaders)
                cells << headerText(model, r, Qt::Vertical);
            for (int c = 0; c < model->columnCount(); ++c)
                cells << cellText(model, r, c);
            lines << cells.join(QLatin1Char('\t'));
        }
        return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    const QItemSelectionModel* selection = view->selectionModel();
    if (!selection || !selection->hasSelection())
        return {};
    const QModelIndexList chosen = selection->selectedIndexes();
    int top = INT_MAX, bottom = -1, left = INT_MAX, right = -1;
    for (const QModelIndex& i : chosen) {
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
    }
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        for (int c = left; c <= right; ++c)
            cells << (selection->isSelected(model->index(r, c)) ? cellText(model, r, c) : QString());
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void enableTableCopy(QAbstractItemView* view)
{
    auto* copy = new QAction(TableCopy::tr("&Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    copy->setObjectName(QStringLiteral("copyCells"));
    QObject::connect(copy, &QAction::triggered, view, [view] {
        const QString text = tableText(view, false);
        if (!text.isEmpty())
            QApplication::clipboard()->setText(text);
    });
    auto* copyAll = new QAction(TableCopy::tr("Copy &Table"), view);
    copyAll->setObjectName(QStringLiteral("copyTable"));
    copyAll->setToolTip(TableCopy::tr("Copy every cell with the headers, tab-separated, for a spreadsheet"));
    QObject::connect(copyAll, &QAction::triggered, view, [view] { QApplication::clipboard()->setText(tableText(view, true)); });
    view->addAction(copy);
    view->addAction(copyAll);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

} // namespace gradlab::widgets

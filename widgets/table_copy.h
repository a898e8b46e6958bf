// Copying a table's numbers out, as a spreadsheet does: Ctrl+C copies the selected cells as
// tab-separated text (one line per row), and the context menu offers that and the whole table
// with its headers. Numbers are copied as the table shows them.
#pragma once

#include <QString>

class QAbstractItemView;

namespace gradlab::widgets {

// The selected cells' text (the rectangle around the selection, an unselected cell in it left
// empty), or with `wholeTable` every cell under the column headers, each row after its row header
// when the rows have visible headers. Tab-separated, one line per row.
QString tableText(const QAbstractItemView* view, bool wholeTable);

// Gives `view` Ctrl+C (the selection) and a context menu with Copy and Copy Table.
void enableTableCopy(QAbstractItemView* view);

} // namespace gradlab::widgets

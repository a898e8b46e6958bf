// Keyboard traps: whether Tab and Shift+Tab take the focus out of an item view, as they must for a
// keyboard user to reach what comes after it (arrows move between its cells).
#pragma once

#include <QAbstractItemView>
#include <QApplication>
#include <QLineEdit>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

namespace gradlab::testing {

// Puts `content` (which holds `view`) in a window between two line edits, gives a cell of `view`
// the focus and checks that Tab reaches the edit after it and Shift+Tab the edit before it.
// `content` is given back to no one: it belongs to the window, which the caller owns.
inline void verifyTabLeaves(QWidget& window, QWidget* content, QAbstractItemView* view)
{
    QVERIFY(view);
    QVERIFY(view->model());
    QVERIFY2(view->model()->rowCount() > 1 && view->model()->columnCount() > 0,
             "the view needs cells to move between, or Tab would leave it in any case");
    auto* before = new QLineEdit(&window);
    auto* after = new QLineEdit(&window);
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(before);
    layout->addWidget(content);
    layout->addWidget(after);
    QWidget::setTabOrder(before, view);
    QWidget::setTabOrder(view, after);
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    const auto focusCell = [view] {
        view->setFocus(Qt::TabFocusReason);
        view->setCurrentIndex(view->model()->index(0, 0));
    };
    focusCell();
    QCOMPARE(QApplication::focusWidget(), view);
    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), after);
    focusCell();
    QTest::keyClick(view, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), before);
    // Arrows still move between the cells.
    focusCell();
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), view);
    QCOMPARE(view->currentIndex().row(), 1);
}

} // namespace gradlab::testing

// Keeps the mouse wheel for scrolling: a combo or spin box that the wheel passes over while the
// user scrolls a form takes the wheel only once it has the keyboard focus (clicked or tabbed to).
#pragma once

class QWidget;

namespace gradlab::widgets {

// Guards every combo box and spin box inside `root` (root included): they take the focus only by
// click or Tab (Qt::StrongFocus, not the wheel), and a wheel event reaching one without the focus is
// ignored, so that it goes on to the scroll area around the form.
void guardWheel(QWidget* root);

} // namespace gradlab::widgets

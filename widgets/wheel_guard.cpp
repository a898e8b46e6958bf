#include "wheel_guard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QObject>
#include <QWidget>

namespace gradlab::widgets {
namespace {

class WheelGuard final : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Wheel) {
            const auto* widget = qobject_cast<QWidget*>(watched);
            if (widget && !widget->hasFocus()) {
                // Not for this widget: an ignored wheel event propagates to the parents (the scroll area).
                event->ignore();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

void guard(QWidget* widget)
{
    // One guard per widget, owned by it; installing twice would be harmless but wasteful.
    if (widget->property("gradlabWheelGuard").toBool())
        return;
    widget->setProperty("gradlabWheelGuard", true);
    widget->setFocusPolicy(Qt::StrongFocus);
    widget->installEventFilter(new WheelGuard(widget));
}

} // namespace

void guardWheel(QWidget* root)
{
    if (qobject_cast<QComboBox*>(root) || qobject_cast<QAbstractSpinBox*>(root))
        guard(root);
    for (QComboBox* combo : root->findChildren<QComboBox*>())
        guard(combo);
    for (QAbstractSpinBox* spin : root->findChildren<QAbstractSpinBox*>())
        guard(spin);
}

} // namespace gradlab::widgets

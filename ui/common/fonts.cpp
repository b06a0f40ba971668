#include "ui/common/fonts.h"

#include <QEvent>
#include <QFontDatabase>
#include <QPointer>
#include <QWidget>

namespace ui {

QFont monospaceFont()
{
    // A default-constructed QFont resolves nothing; setting the family resolves only the family.
    QFont f;
    f.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    f.setStyleHint(QFont::TypeWriter);
    return f;
}

namespace {

// Re-applies the scaled font when the parent's font changes. A widget with its own point size gets
// no FontChange of its own when the application font changes, but its parent does.
class FontFollower : public QObject {
public:
    FontFollower(QWidget *widget, double factor, bool monospace)
        : QObject(widget), m_widget(widget), m_factor(factor), m_monospace(monospace)
    {
        widget->installEventFilter(this);
        watchParent();
        apply();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_widget && event->type() == QEvent::ParentChange) {
            watchParent();
            apply();
        } else if (watched != m_widget && event->type() == QEvent::FontChange) {
            apply();
        }
        return QObject::eventFilter(watched, event);
    }

    void apply()
    {
        QFont f = m_monospace ? monospaceFont() : QFont();
        f.setPointSizeF((m_parent ? m_parent->font() : QFont()).pointSizeF() * m_factor);
        m_widget->setFont(f);
    }

private:
    void watchParent()
    {
        if (m_parent) m_parent->removeEventFilter(this);
        m_parent = m_widget->parentWidget();
        if (m_parent) m_parent->installEventFilter(this);
    }

    QWidget *m_widget;
    QPointer<QWidget> m_parent;
    double m_factor;
    bool m_monospace;
};

} // namespace

void followParentFont(QWidget *widget, double factor, bool monospace)
{
    new FontFollower(widget, factor, monospace);
}

} // namespace ui

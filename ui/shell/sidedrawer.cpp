#include "ui/shell/sidedrawer.h"

#include <QApplication>
#include <QEasingCurve>
#include <QEvent>
#include <QLayout>
#include <QMouseEvent>
#include <QSplitter>
#include <QWidget>
#include <QWindow>
#include <algorithm>

namespace ui {

namespace {

// The mouse must come this far back into the picture before a drawer it opened closes, so a hand
// that overshoots the drawer's edge does not send it away.
constexpr int kCloseMargin = 48;

} // namespace

SideDrawer::SideDrawer(QWidget *host, QSplitter *splitter, QWidget *column)
    : QObject(host), m_host(host), m_splitter(splitter), m_column(column),
      m_index(splitter->indexOf(column)), m_sizes(splitter->sizes())
{
    // Out of the splitter, over the host's right edge; the picture takes the splitter's width.
    m_column->hide();
    m_column->setParent(m_host);
    m_column->setAutoFillBackground(true);
    m_column->raise();
    m_slide.setDuration(180);
    m_slide.setEasingCurve(QEasingCurve::OutCubic);
    connect(&m_slide, &QVariantAnimation::valueChanged, this,
            [this](const QVariant &v) { place(v.toDouble()); });
    // The application's filter sees the host's resizes and every mouse move: the main window's
    // (also over widgets that do not track the mouse) and, over a GL picture, the picture's own
    // window's (ui/common/glsurface.h). Those of this window and its children are kept.
    QWidget *top = m_host->window();
    if (!top->windowHandle()) top->winId(); // a window not shown yet gets its handle now
    m_window = top->windowHandle();
    qApp->installEventFilter(this);
}

SideDrawer::~SideDrawer()
{
    qApp->removeEventFilter(this);
    m_slide.stop();
    if (QLayout *layout = m_host->layout()) layout->setContentsMargins(0, 0, 0, 0);
    if (!m_column || !m_splitter) return;
    m_column->setAutoFillBackground(false);
    m_splitter->insertWidget(m_index, m_column);
    m_column->show();
    m_splitter->setSizes(m_sizes);
}

int SideDrawer::drawerWidth() const
{
    const int wanted = m_index >= 0 && m_index < m_sizes.size() ? m_sizes[m_index] : 420;
    const int least = std::max(280, m_column->minimumSizeHint().width());
    return std::clamp(wanted, std::min(least, m_host->width()),
                      std::max(std::min(least, m_host->width()), m_host->width() * 3 / 5));
}

void SideDrawer::open(bool byMouse)
{
    m_openedByMouse = byMouse && (!m_open || m_openedByMouse);
    if (m_open) return;
    m_open = true;
    slideTo(1.0);
}

void SideDrawer::close()
{
    if (!m_open) return;
    m_open = false;
    m_openedByMouse = false;
    // Keys go back to the picture: Space and the arrows step it, not a button in the drawer.
    if (QWidget *focus = QApplication::focusWidget(); focus && m_column->isAncestorOf(focus))
        m_host->setFocus();
    slideTo(0.0);
}

void SideDrawer::slideTo(double target)
{
    m_slide.stop();
    m_slide.setStartValue(m_shown);
    m_slide.setEndValue(target);
    m_slide.start();
}

void SideDrawer::place(double shown)
{
    m_shown = shown;
    if (!m_column) return;
    const int w = drawerWidth();
    const int x = m_host->width() - static_cast<int>(std::lround(w * shown));
    m_column->setGeometry(x, 0, w, m_host->height());
    m_column->setVisible(shown > 0.0);
    m_column->raise();
    if (QLayout *layout = m_host->layout())
        layout->setContentsMargins(0, 0, m_host->width() - x, 0);
}

void SideDrawer::mouseMovedTo(const QPoint &hostPos)
{
    if (hostPos.y() < 0 || hostPos.y() >= m_host->height()) return;
    if (!m_open && hostPos.x() >= m_host->width() - kEdge) {
        open(true);
        return;
    }
    // A list or menu opened from the drawer hangs over the picture: it does not count as leaving.
    if (m_open && m_openedByMouse && !QApplication::activePopupWidget() &&
        hostPos.x() < m_host->width() - drawerWidth() - kCloseMargin)
        close();
}

bool SideDrawer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_host && event->type() == QEvent::Resize) place(m_shown);
    if (event->type() == QEvent::MouseMove && watched->isWindowType() && m_window &&
        (watched == m_window ||
         m_window->isAncestorOf(static_cast<QWindow *>(watched), QWindow::ExcludeTransients))) {
        const auto *e = static_cast<QMouseEvent *>(event);
        if (e->buttons() == Qt::NoButton)
            mouseMovedTo(m_host->mapFromGlobal(e->globalPosition().toPoint()));
    }
    return false;
}

} // namespace ui

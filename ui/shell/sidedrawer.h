#pragma once
// Focus mode's side column. Taken out of the page's splitter, the controls and the code panel wait
// hidden at the right edge, so the picture has the whole screen; they slide in on demand (a key,
// or the mouse pushed against the right edge), pushing the picture aside rather than covering it
// (a GL picture is a window of its own, ui/common/glsurface.h, which no widget can lie over), and
// slide out again. Deleting the drawer puts the column back in the splitter at the width it had.

#include <QList>
#include <QObject>
#include <QPointer>
#include <QVariantAnimation>

class QSplitter;
class QWidget;
class QWindow;

namespace ui {

class SideDrawer : public QObject {
    Q_OBJECT
public:
    SideDrawer(QWidget *host, QSplitter *splitter, QWidget *column);
    ~SideDrawer() override;

    bool isOpen() const { return m_open; }
    // Opened by a key, the drawer stays until closed by a key; opened by the mouse at the edge,
    // it closes when the mouse goes back to the picture.
    void open(bool byMouse = false);
    void close();
    void toggle() { m_open ? close() : open(); }
    // How far in it is now: 0 hidden, 1 fully in (for tests and the slide).
    double shown() const { return m_shown; }

    // Pixels at the right edge that open the drawer when the mouse reaches them.
    static constexpr int kEdge = 4;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int drawerWidth() const;
    void slideTo(double target);
    void place(double shown);
    void mouseMovedTo(const QPoint &hostPos);

    QWidget *m_host;
    QPointer<QSplitter> m_splitter; // gone first when the page itself is being deleted
    QPointer<QWidget> m_column;
    int m_index = 0;
    QList<int> m_sizes;
    QPointer<QWindow> m_window;
    QVariantAnimation m_slide;
    double m_shown = 0;
    bool m_open = false;
    bool m_openedByMouse = false;
};

} // namespace ui

#include "tests/robust/monkey.h"

#include "ui/train/recipeeditor.h"
#include "ui/train/trainpage.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDrag>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextEdit>
#include <QWheelEvent>
#include <algorithm>

namespace monkey {

namespace {

// What people type, and what a cat on the keyboard does: the book's entries, numbers at and past
// every limit, the two inputs that crashed before (a million signs, a huge claim), and junk.
const QStringList &texts()
{
    static const QStringList list = [] {
        QStringList t = {QStringLiteral("0.5"),
                         QStringLiteral("-1"),
                         QStringLiteral("cos(pi/6)"),
                         QStringLiteral("sqrt(2)/2"),
                         QStringLiteral("2**3"),
                         QStringLiteral("1e308"),
                         QStringLiteral("1e-320"),
                         QStringLiteral("nan"),
                         QStringLiteral("inf"),
                         QStringLiteral("-0"),
                         QStringLiteral("0,5"),
                         QStringLiteral("1/0"),
                         QStringLiteral("999999999"),
                         QStringLiteral("2147483648"),
                         QStringLiteral("-2147483649"),
                         QStringLiteral("abc"),
                         QStringLiteral(""),
                         QStringLiteral(" "),
                         QString::fromUtf8("\xcf\x80"),
                         QString::fromUtf8("\xc3\xbc\xe2\x82\xac"),
                         QStringLiteral("%s%n%x"),
                         QStringLiteral("train_images[10:100, 7:-7, ::2]"),
                         QStringLiteral("train_images[4].shape"),
                         QStringLiteral("len(train_labels)"),
                         QStringLiteral("train_images[::-1, ::-3]"),
                         QStringLiteral("test_labels[-1]"),
                         QStringLiteral("train_images[-99999999999999999999]"),
                         QStringLiteral("train_images[..., None, None]"),
                         QStringLiteral("train_images["),
                         QStringLiteral("train_images[0:1:0]"),
                         QStringLiteral("128"),
                         QStringLiteral("0"),
                         QStringLiteral("-5"),
                         QStringLiteral("100000000"),
                         QStringLiteral("0.001"),
                         QStringLiteral("1e9"),
                         QStringLiteral("-1e-9"),
                         QStringLiteral("3"),
                         QStringLiteral("relu"),
                         QStringLiteral("softmax"),
                         QStringLiteral("../../x")};
        t << QString(100'000, QLatin1Char('-')) + QStringLiteral("1");
        t << QString(5000, QLatin1Char('(')) + QStringLiteral("1");
        t << QString(3000, QLatin1Char('9'));
        QString nones = QStringLiteral("train_images[");
        for (int i = 0; i < 70; ++i)
            nones += QStringLiteral("None, ");
        t << nones + QStringLiteral("0]");
        return t;
    }();
    return list;
}

bool isEditable(QWidget *w)
{
    if (auto *e = qobject_cast<QLineEdit *>(w)) return !e->isReadOnly();
    if (auto *e = qobject_cast<QPlainTextEdit *>(w)) return !e->isReadOnly();
    if (auto *e = qobject_cast<QTextEdit *>(w)) return !e->isReadOnly();
    if (auto *e = qobject_cast<QAbstractSpinBox *>(w)) return !e->isReadOnly();
    if (auto *e = qobject_cast<QComboBox *>(w)) return e->isEditable();
    return false;
}

bool usable(QWidget *w)
{
    return w->isVisible() && w->isEnabled() && w->width() > 0 && w->height() > 0;
}

} // namespace

Monkey::Monkey(QMainWindow *window, unsigned seed, int pageCount, std::function<void(int)> showPage,
               std::function<void(const QString &)> loadFolder, BrokenFiles files, QObject *parent)
    : QObject(parent), m_window(window), m_rng(seed), m_pageCount(pageCount),
      m_showPage(std::move(showPage)), m_loadFolder(std::move(loadFolder)),
      m_files(std::move(files))
{
    // A dialog an action opened (a file chooser, a message) runs its own event loop and would
    // wait for a person; this timer fires inside that loop and closes it.
    m_closer.setInterval(50);
    connect(&m_closer, &QTimer::timeout, this, &Monkey::closeDialogs);
    m_closer.start();
}

void Monkey::closeDialogs()
{
    if (QWidget *modal = QApplication::activeModalWidget()) {
        if (auto *dialog = qobject_cast<QDialog *>(modal))
            dialog->reject();
        else
            modal->close();
        count(QStringLiteral("dialogs closed"));
    }
    // A drag of selected text (a code panel, a cell) runs QDrag::exec(), whose loop waits for the
    // real mouse button to come up: the monkey's release is a synthetic event that never reaches
    // it, so the window would wait forever. A person lets go; the monkey cancels the drag.
    if (m_dragging && !m_window->findChildren<QDrag *>().isEmpty()) {
        QDrag::cancel();
        count(QStringLiteral("drags cancelled"));
    }
    // A context menu's exec() blocks the same way; one left open for two ticks is closed.
    QWidget *popup = QApplication::activePopupWidget();
    if (popup && popup == m_lastPopup) {
        popup->close();
        count(QStringLiteral("menus closed"));
        popup = nullptr;
    }
    m_lastPopup = popup;
}

void Monkey::step()
{
    act();
    // A click on the page list or Ctrl+2 may have left the page the run is about.
    if (m_onlyPage >= 0) m_showPage(m_onlyPage);
}

void Monkey::act()
{
    // An open menu gets a click or an Escape, as a person would do.
    if (QWidget *popup = QApplication::activePopupWidget()) {
        if (uniform(0, 2) == 0) {
            QTest::keyClick(popup, Qt::Key_Escape);
            count(QStringLiteral("keys"));
        } else {
            click(popup);
        }
        ++m_actions;
        return;
    }
    ++m_actions;
    const int roll = uniform(0, 99);
    if (roll < 3) {
        switchPage();
        return;
    }
    if (roll < 7) {
        train();
        return;
    }
    if (roll < 9) {
        loadBroken();
        return;
    }
    if (roll < 11) {
        shortcut();
        return;
    }
    if (roll < 31) {
        typeText();
        return;
    }
    if (QWidget *w = pickWidget()) {
        if (roll < 61)
            click(w);
        else if (roll < 74)
            drag(w);
        else if (roll < 84)
            wheel(w);
        else
            key(w);
    }
}

QWidget *Monkey::pickWidget()
{
    QList<QWidget *> all = m_window->findChildren<QWidget *>();
    all.erase(std::remove_if(all.begin(), all.end(), [](QWidget *w) { return !usable(w); }),
              all.end());
    if (all.isEmpty()) return nullptr;
    return all[uniform(0, static_cast<int>(all.size()) - 1)];
}

QPoint Monkey::pickPoint(QWidget *w)
{
    return QPoint(uniform(0, std::max(0, w->width() - 1)),
                  uniform(0, std::max(0, w->height() - 1)));
}

void Monkey::click(QWidget *w)
{
    const QPoint at = pickPoint(w);
    const int kind = uniform(0, 9);
    const Qt::KeyboardModifiers mods = uniform(0, 5) == 0 ? Qt::ShiftModifier : Qt::NoModifier;
    if (kind == 0) {
        QTest::mouseDClick(w, Qt::LeftButton, mods, at);
        count(QStringLiteral("double-clicks"));
    } else if (kind == 1) {
        QTest::mouseClick(w, Qt::RightButton, mods, at);
        count(QStringLiteral("right clicks"));
    } else {
        QTest::mouseClick(w, Qt::LeftButton, mods, at);
        count(QStringLiteral("clicks"));
    }
}

void Monkey::drag(QWidget *w)
{
    const Qt::MouseButton button = uniform(0, 4) == 0 ? Qt::RightButton : Qt::LeftButton;
    const Qt::KeyboardModifiers mods = uniform(0, 3) == 0 ? Qt::ShiftModifier : Qt::NoModifier;
    QPoint at = pickPoint(w);
    m_dragging = true; // only until the release: a QDrag left behind by an earlier drag is done
    QTest::mousePress(w, button, mods, at);
    const int moves = uniform(2, 8);
    for (int i = 0; i < moves; ++i) {
        // A drag may leave the widget, as a hurried hand does.
        at += QPoint(uniform(-60, 60), uniform(-60, 60));
        QMouseEvent move(QEvent::MouseMove, at, w->mapToGlobal(at), Qt::NoButton, button, mods);
        QApplication::sendEvent(w, &move);
    }
    QTest::mouseRelease(w, button, mods, at);
    m_dragging = false;
    count(QStringLiteral("drags"));
}

void Monkey::wheel(QWidget *w)
{
    const QPoint at = pickPoint(w);
    const int notches = uniform(-5, 5);
    const Qt::KeyboardModifiers mods = uniform(0, 4) == 0 ? Qt::ControlModifier : Qt::NoModifier;
    QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, mods,
                  Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
    count(QStringLiteral("wheel turns"));
}

void Monkey::key(QWidget *w)
{
    static const Qt::Key keys[] = {
        Qt::Key_Space,  Qt::Key_Left,   Qt::Key_Right,     Qt::Key_Up,       Qt::Key_Down,
        Qt::Key_Home,   Qt::Key_End,    Qt::Key_PageUp,    Qt::Key_PageDown, Qt::Key_Tab,
        Qt::Key_Return, Qt::Key_Escape, Qt::Key_Backspace, Qt::Key_Delete,   Qt::Key_Plus,
        Qt::Key_Minus,  Qt::Key_0,      Qt::Key_5,         Qt::Key_A,        Qt::Key_Z,
        Qt::Key_F5,     Qt::Key_F11};
    const Qt::Key k = keys[uniform(0, static_cast<int>(std::size(keys)) - 1)];
    Qt::KeyboardModifiers mods = Qt::NoModifier;
    const int m = uniform(0, 7);
    if (m == 0) mods = Qt::ControlModifier;
    if (m == 1) mods = Qt::ShiftModifier;
    if (m == 2) mods = Qt::ControlModifier | Qt::ShiftModifier;
    w->setFocus();
    QTest::keyClick(w, k, mods);
    count(QStringLiteral("keys"));
}

void Monkey::shortcut()
{
    // The window's own shortcuts, as the key presses that trigger them (Ctrl+1..., F5, F11,
    // Ctrl+E, Ctrl+Z...). Quit is left out: the run ends on its own (and a close is refused).
    QList<QKeySequence> sequences;
    for (QAction *a : m_window->findChildren<QAction *>())
        for (const QKeySequence &s : a->shortcuts())
            if (s != QKeySequence(QKeySequence::Quit) && !s.isEmpty()) sequences << s;
    if (sequences.isEmpty()) return;
    const QKeySequence s = sequences[uniform(0, static_cast<int>(sequences.size()) - 1)];
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : m_window;
    QTest::keySequence(target, s);
    count(QStringLiteral("shortcuts"));
}

QString Monkey::randomText()
{
    if (uniform(0, 3) == 0) {
        // Random keyboard mash.
        static const QString chars = QString::fromUtf8("0123456789.-+*/^()[]:,e pi_abcxyz\xcf\x80");
        QString s;
        const int n = uniform(1, 12);
        for (int i = 0; i < n; ++i)
            s += chars[uniform(0, static_cast<int>(chars.size()) - 1)];
        return s;
    }
    return texts()[uniform(0, static_cast<int>(texts().size()) - 1)];
}

void Monkey::typeText()
{
    QList<QWidget *> fields = m_window->findChildren<QWidget *>();
    fields.erase(std::remove_if(fields.begin(), fields.end(),
                                [](QWidget *w) { return !usable(w) || !isEditable(w); }),
                 fields.end());
    if (fields.isEmpty()) return;
    QWidget *field = fields[uniform(0, static_cast<int>(fields.size()) - 1)];
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(field))
        field = spin->findChild<QLineEdit *>() ? spin->findChild<QLineEdit *>() : field;
    if (auto *combo = qobject_cast<QComboBox *>(field))
        field = combo->lineEdit() ? combo->lineEdit() : field;
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier); // select all, then replace
    const QString text = randomText();
    const bool ascii =
        std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 128; });
    if (text.size() > 40 || !ascii) {
        // Long text is pasted, as a person would (typed key by key it would take minutes), and so
        // is text beyond ASCII, which QTest cannot type.
        QApplication::clipboard()->setText(text);
        QTest::keyClick(field, Qt::Key_V, Qt::ControlModifier);
    } else {
        QTest::keyClicks(field, text);
    }
    if (uniform(0, 1) == 0) QTest::keyClick(field, Qt::Key_Return);
    count(QStringLiteral("texts typed"));
}

void Monkey::switchPage()
{
    const int page = m_onlyPage >= 0 ? m_onlyPage : uniform(0, m_pageCount - 1);
    m_showPage(page);
    count(QStringLiteral("page switches"));
}

void Monkey::train()
{
    auto *page = m_window->findChild<ui::TrainPage *>();
    if (!page) return;
    const int what = uniform(0, 5);
    QPushButton *button = what < 2   ? page->trainButton()
                          : what < 4 ? page->pauseButton()
                          : what < 5 ? page->stopButton()
                                     : page->evaluateButton();
    if (button == page->trainButton() && !button->isEnabled() &&
        page->recipeEditor()->resetButton()->isEnabled()) {
        // The typing has left the recipe invalid (Train is disabled and says why); a person
        // would fix it: Reset to the book.
        page->recipeEditor()->resetButton()->click();
        count(QStringLiteral("recipes reset"));
    }
    if (!button->isEnabled()) return;
    const QString kind = button == page->trainButton()   ? QStringLiteral("training started")
                         : button == page->pauseButton() ? QStringLiteral("training paused/resumed")
                         : button == page->stopButton()  ? QStringLiteral("training stopped")
                                                         : QStringLiteral("evaluations");
    button->click();
    count(kind);
}

void Monkey::loadBroken()
{
    auto *page = m_window->findChild<ui::TrainPage *>();
    if (page && !m_files.modelFiles.isEmpty() && uniform(0, 1) == 0) {
        page->loadModelFrom(
            m_files.modelFiles[uniform(0, static_cast<int>(m_files.modelFiles.size()) - 1)]);
        count(QStringLiteral("model files loaded"));
        return;
    }
    if (m_files.dataFolders.isEmpty()) return;
    m_loadFolder(m_files.dataFolders[uniform(0, static_cast<int>(m_files.dataFolders.size()) - 1)]);
    count(QStringLiteral("data folders opened"));
}

} // namespace monkey

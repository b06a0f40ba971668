#include "ui/shell/mainwindow.h"

#include "ui/common/pngfile.h"
#include "ui/mnist/mnistpage.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/page.h"
#include "ui/shell/pageregistry.h"
#include "ui/shell/sidedrawer.h"
#include "ui/shell/statusline.h"
#include "ui/shell/windowsettings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <algorithm>

namespace ui {

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : QMainWindow(parent), m_context(context), m_list(new QListWidget), m_stack(new QStackedWidget),
      m_status(new StatusLine)
{
    setWindowTitle(tr("Uncrumple"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/uncrumple.svg")));
    m_baseFontSize = QApplication::font().pointSizeF();

    const auto &specs = pageSpecs();
    m_pages.assign(specs.size(), nullptr);
    for (const auto &spec : specs) {
        auto *item = new QListWidgetItem(spec.title, m_list);
        item->setToolTip(spec.summary);
        item->setSizeHint(QSize(0, 36));
        m_stack->addWidget(new QWidget); // replaced by the page when first shown
    }
    m_list->setObjectName(QStringLiteral("pageList"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    connect(m_list, &QListWidget::currentRowChanged, this, &MainWindow::showPageAt);

    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_list);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    fitPageList();

    m_status->setObjectName(QStringLiteral("dataStatus"));
    statusBar()->addWidget(m_status, 1);
    DataStore *store = m_context->data();
    connect(store, &DataStore::dataChanged, this, &MainWindow::updateStatus);
    connect(store, &DataStore::loadingChanged, this, &MainWindow::updateStatus);
    connect(store, &DataStore::loadFailed, this, [this] {
        updateStatus();
        if (isVisible()) m_status->showDetails();
    });
    updateStatus();
    buildMenus();
    connect(m_context, &AppContext::pageRequested, this, &MainWindow::showPage);
    connect(m_context, &AppContext::mnistBatchRequested, this, [this](int size, int index) {
        if (!showPage(QStringLiteral("mnist"))) return;
        if (auto *mnist = qobject_cast<MnistPage *>(currentPage())) mnist->showBatch(size, index);
    });
    resize(1280, 800);
}

QStringList MainWindow::pageIds()
{
    QStringList ids;
    for (const auto &spec : pageSpecs())
        ids << spec.id;
    return ids;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open data folder..."), QKeySequence::Open, this,
                    &MainWindow::openDataFolder)
        ->setToolTip(
            tr("A folder with the four IDX files, e.g. MNIST or Fashion-MNIST, raw or .gz"));
    file->addAction(tr("&Export page as PNG..."), QKeySequence(tr("Ctrl+E")), this,
                    &MainWindow::exportPng);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_fullScreen = view->addAction(tr("&Full screen"));
    m_fullScreen->setCheckable(true);
    m_fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_fullScreen, &QAction::toggled, this, [this](bool on) {
        if (on)
            showFullScreen();
        else
            showNormal();
    });
    m_presentation = view->addAction(tr("&Presentation mode (larger fonts)"));
    m_presentation->setCheckable(true);
    m_presentation->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_presentation, &QAction::toggled, m_context, &AppContext::setPresentationMode);
    connect(m_context, &AppContext::presentationModeChanged, this,
            &MainWindow::applyPresentationMode);

    m_focus = view->addAction(tr("F&ocus on the picture"));
    m_focus->setCheckable(true);
    m_focus->setShortcut(QKeySequence(Qt::Key_F));
    m_focus->setToolTip(tr("The picture alone, full screen; C or the mouse at the right edge "
                           "brings the controls, Escape leaves"));
    connect(m_focus, &QAction::toggled, this, &MainWindow::setFocusMode);
    m_drawer = view->addAction(tr("Show the &controls (in focus mode)"));
    m_drawer->setShortcut(QKeySequence(Qt::Key_C));
    m_drawer->setEnabled(false);
    connect(m_drawer, &QAction::triggered, this, [this] {
        if (Page *p = currentPage(); p && p->drawer()) p->drawer()->toggle();
    });
    m_leaveFocus = new QAction(tr("Leave focus mode"), this);
    m_leaveFocus->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leaveFocus->setEnabled(false);
    connect(m_leaveFocus, &QAction::triggered, this, [this] {
        // Escape closes an open drawer first, as it closes any panel.
        if (Page *p = currentPage(); p && p->drawer() && p->drawer()->isOpen())
            p->drawer()->close();
        else
            setFocusMode(false);
    });

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    const auto &specs = pageSpecs();
    for (int i = 0; i < static_cast<int>(specs.size()); ++i) {
        QAction *a = go->addAction(specs[i].title, this, [this, i] { m_list->setCurrentRow(i); });
        if (i < 9) a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Uncrumple"), this, [this] {
        QMessageBox::about(
            this, tr("About Uncrumple"),
            tr("<b>Uncrumple %1</b><p>See and touch the mathematical building blocks "
               "of deep learning, as taught in chapter 2 of F. Chollet's <i>Deep "
               "Learning with Python</i>.</p><p>Data folder: %2</p>")
                .arg(QApplication::applicationVersion(), m_context->data()->dataDir()));
    });
    // Focus mode hides the menu bar, and a hidden menu's shortcuts do not fire: the window holds
    // every action too, and Escape, which is in no menu.
    for (QMenu *menu : menuBar()->findChildren<QMenu *>())
        addActions(menu->actions());
    addAction(m_leaveFocus);
}

void MainWindow::showPageAt(int row)
{
    if (row < 0 || row >= static_cast<int>(m_pages.size())) return;
    if (!m_pages[row]) {
        Page *p = pageSpecs()[row].create(m_context);
        QWidget *placeholder = m_stack->widget(row);
        m_stack->insertWidget(row, p);
        m_stack->removeWidget(placeholder);
        placeholder->deleteLater();
        m_pages[row] = p;
    }
    if (m_focusMode)
        if (auto *old = qobject_cast<Page *>(m_stack->currentWidget()); old && old != m_pages[row])
            old->setFocusMode(false);
    m_stack->setCurrentIndex(row);
    if (m_list->currentRow() != row) m_list->setCurrentRow(row);
    m_pages[row]->setFocusMode(m_focusMode);
    if (m_focusMode) focusPicture();
    m_pages[row]->activated();
}

void MainWindow::focusPicture()
{
    // The keys step the picture at once (Space, the arrows), not a field that had them.
    if (Page *p = currentPage(); p && p->mainArea()) p->mainArea()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::setFocusMode(bool on)
{
    if (on == m_focusMode) return;
    m_focusMode = on;
    if (on) m_wasFullScreen = isFullScreen();
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    m_list->setVisible(!on);
    m_drawer->setEnabled(on);
    m_leaveFocus->setEnabled(on);
    if (m_focus->isChecked() != on) m_focus->setChecked(on);
    if (Page *p = currentPage()) p->setFocusMode(on);
    if (on) focusPicture();
    if (!m_wasFullScreen) m_fullScreen->setChecked(on);
    activateWindow();
}

bool MainWindow::showPage(const QString &id)
{
    const int row = pageIndex(id);
    if (row < 0) return false;
    m_list->setCurrentRow(row);
    showPageAt(row);
    return true;
}

Page *MainWindow::page(const QString &id)
{
    const int row = pageIndex(id);
    if (row < 0) return nullptr;
    if (!m_pages[row]) {
        const int current = m_list->currentRow();
        showPageAt(row);
        if (current >= 0 && current != row) showPageAt(current);
    }
    return m_pages[row];
}

QString MainWindow::currentPageId() const
{
    const int row = m_list->currentRow();
    return row >= 0 ? pageSpecs()[row].id : QString();
}

Page *MainWindow::currentPage()
{
    const int row = m_list->currentRow();
    return row >= 0 ? m_pages[row] : nullptr;
}

void MainWindow::openDataFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder with IDX files"),
                                                          m_context->data()->dataDir());
    if (!dir.isEmpty()) m_context->data()->loadDirectory(dir);
}

void MainWindow::exportPng()
{
    Page *p = currentPage();
    if (!p) return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export PNG"), currentPageId() + QStringLiteral(".png"), tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    if (const QString error = writePngAtomically(p->exportImage(), path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1: %2").arg(path, error));
}

void MainWindow::applyPresentationMode(bool on)
{
    QFont f = QApplication::font();
    f.setPointSizeF(m_baseFontSize * (on ? AppContext::kPresentationScale : 1.0));
    QApplication::setFont(f);
    // Qt leaves a widget with a style sheet at the font it had when the sheet was set (a red
    // message, a marked field): setting the sheet again resolves its font anew, so F5 gives what
    // starting in presentation mode gives.
    for (QWidget *w : QApplication::allWidgets())
        if (!w->styleSheet().isEmpty()) w->setStyleSheet(w->styleSheet());
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setSizeHint(QSize(0, on ? 52 : 36));
    m_list->setFont(f);
    fitPageList();
    if (m_presentation->isChecked() != on) m_presentation->setChecked(on);
}

void MainWindow::fitPageList()
{
    // As wide as the longest title, so the pages get every other pixel.
    int widest = 0;
    for (int i = 0; i < m_list->count(); ++i)
        widest = std::max(widest, m_list->fontMetrics().horizontalAdvance(m_list->item(i)->text()));
    // The item's padding and the selection's frame take about 22 pixels (no more: on a
    // 1024-pixel projector in presentation mode the pages need every one, and "Uncrumple" is the
    // longest title).
    m_list->setFixedWidth(std::max(widest + 22, 110));
}

void MainWindow::updateStatus()
{
    m_status->setStatus(m_context->data()->statusText(), m_context->data()->statusDetails());
}

void MainWindow::restoreSettings()
{
    const WindowSettings w = readWindowSettings(QSettings());
    // Qt checks the blob and ignores one it cannot read (the window keeps its default size); a
    // geometry off every screen is moved back onto one.
    restoreGeometry(w.geometry);
    m_context->setPresentationMode(w.presentation);
    if (!showPage(w.page)) showPageAt(0);
}

void MainWindow::saveSettings() const
{
    QSettings s;
    writeWindowSettings(s, {saveGeometry(), m_context->presentationMode(), currentPageId()});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace ui

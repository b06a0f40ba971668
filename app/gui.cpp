#include "app/gui.h"

#include "app/displaycheck.h"
#include "app/verbs/nnsupport.h"
#include "app/verbs/verbs.h"
#include "core/data/mnist.h"
#include "ui/common/glsurface.h"
#include "ui/common/pngfile.h"
#include "ui/hidden/hiddenspacepage.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/page.h"
#include "ui/shell/pageregistry.h"
#include "ui/train/trainpage.h"
#include "ui/uncrumple/uncrumplepage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QSurfaceFormat>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <memory>

namespace app {

namespace {

void setDefaultGlFormat()
{
    // Before QApplication: every QOpenGLWidget gets a 3.3 core context. No multisampling by
    // default: on Mesa's software renderer it triples the cost of compositing the window, and the
    // shaders anti-alias their own lines; a view that wants it asks for it.
    QSurfaceFormat format;
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    QSurfaceFormat::setDefaultFormat(format);
}

QString verbList()
{
    QString text = QStringLiteral("\nCommands (uncrumple COMMAND --help for their options):\n");
    for (const auto &v : verbs())
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(v.name), -9)
                    .arg(QString::fromLatin1(v.summary));
    return text;
}

// Saves a grab of the window once the data and the page are ready, then quits with 0 (1 on error).
void scheduleScreenshot(ui::MainWindow &window, ui::DataStore &store, const QString &path,
                        int delayMs)
{
    auto shoot = [&window, path] {
        const QString error = ui::writePngAtomically(ui::grabShown(&window), path);
        if (!error.isEmpty())
            std::fprintf(stderr, "uncrumple: cannot write %s: %s\n", qPrintable(path),
                         qPrintable(error));
        QCoreApplication::exit(error.isEmpty() ? 0 : 1);
    };
    auto armed = std::make_shared<bool>(false);
    auto arm = [armed, shoot, delayMs] {
        if (*armed) return;
        *armed = true;
        QTimer::singleShot(delayMs, shoot);
    };
    if (store.isLoading())
        QObject::connect(&store, &ui::DataStore::loadingChanged, &window, [arm](bool loading) {
            if (!loading) arm();
        });
    else
        arm();
}

// The GUI's command line; shared by the window and by --help/--version, which need no display.
struct GuiOptions {
    QCommandLineParser parser;
    QCommandLineOption page{QStringLiteral("page"),
                            QStringLiteral("open this page: %1")
                                .arg(ui::MainWindow::pageIds().join(QStringLiteral(", "))),
                            QStringLiteral("NAME")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QStringLiteral("render the page to a PNG file and exit"),
                                  QStringLiteral("FILE")};
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QStringLiteral("folder with the four MNIST IDX files (default %1)")
                                   .arg(QString::fromStdString(core::defaultMnistDir().string())),
                               QStringLiteral("DIR")};
    QCommandLineOption size{QStringLiteral("size"), QStringLiteral("window size, e.g. 1280x800"),
                            QStringLiteral("WxH")};
    QCommandLineOption presentation{QStringLiteral("presentation"),
                                    QStringLiteral("start in presentation mode (larger fonts)")};
    QCommandLineOption focus{QStringLiteral("focus"),
                             QStringLiteral("start in focus mode: the page's picture alone, full "
                                            "screen (C shows the controls, Escape leaves)")};
    QCommandLineOption delay{
        QStringLiteral("screenshot-delay"),
        QStringLiteral("milliseconds to wait before a screenshot (default 800)"),
        QStringLiteral("MS"), QStringLiteral("800")};
    QCommandLineOption trainEpochs{
        QStringLiteral("train-epochs"),
        QStringLiteral("open the Train page and train N epochs of its recipe at start (a "
                       "--screenshot waits for the training and the evaluation to end)"),
        QStringLiteral("N")};
    QCommandLineOption trainTab{
        QStringLiteral("train-tab"),
        QStringLiteral("the Train page's tab to show: weights, predictions, evaluate, draw or "
                       "charts (a tab in presentation mode)"),
        QStringLiteral("NAME")};
    QCommandLineOption uncrumpleEpochs{
        QStringLiteral("uncrumple-epochs"),
        QStringLiteral("open the Uncrumple page and train N epochs at start, then show the last "
                       "hidden layer (a --screenshot waits for the training to end)"),
        QStringLiteral("N")};
    QCommandLineOption tab{QStringLiteral("tab"),
                           QStringLiteral("the tab to show on a page with tabs (--page tensors: "
                                          "tensor, data or batches; --page operations: "
                                          "elementwise, broadcasting, product or reshape)"),
                           QStringLiteral("NAME")};
    QCommandLineOption trainDraw{
        QStringLiteral("train-draw"),
        QStringLiteral("put test digit INDEX on the Train page's drawing canvas"),
        QStringLiteral("INDEX")};

    GuiOptions()
    {
        parser.setApplicationDescription(
            QStringLiteral("See and touch the building blocks of deep learning (chapter 2 of Deep "
                           "Learning with Python).") +
            verbList());
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({page, screenshot, dataDir, size, presentation, focus, delay, trainEpochs,
                           trainTab, trainDraw, uncrumpleEpochs, tab});
    }
};

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("uncrumple"));
    QCoreApplication::setOrganizationName(QStringLiteral("uncrumple"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UNCRUMPLE_VERSION));
}

bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

// --train-epochs, --train-tab, --train-draw: sets the Train page up once the data is loaded, then
// calls ready (after training and evaluation when epochs were asked for). Returns an error
// message for a bad value.
QString prepareTrainPage(ui::MainWindow &window, ui::DataStore &store, const GuiOptions &o,
                         std::function<void()> ready)
{
    const QCommandLineParser &parser = o.parser;
    if (!parser.isSet(o.trainEpochs) && !parser.isSet(o.trainTab) && !parser.isSet(o.trainDraw)) {
        ready();
        return {};
    }
    bool ok = true;
    const int epochs = parser.isSet(o.trainEpochs) ? parser.value(o.trainEpochs).toInt(&ok) : 0;
    if (!ok || epochs < 0 || epochs > 1000)
        return QStringLiteral("--train-epochs expects a whole number from 0 to 1000, got '%1'")
            .arg(parser.value(o.trainEpochs));
    const int draw = parser.isSet(o.trainDraw) ? parser.value(o.trainDraw).toInt(&ok) : -1;
    if (!ok || (parser.isSet(o.trainDraw) && draw < 0))
        return QStringLiteral("--train-draw expects a test digit index, got '%1'")
            .arg(parser.value(o.trainDraw));
    const QStringList tabs = {QStringLiteral("weights"), QStringLiteral("predictions"),
                              QStringLiteral("evaluate"), QStringLiteral("draw"),
                              QStringLiteral("charts")}; // in TrainPage::Tab's order
    const int tab =
        parser.isSet(o.trainTab) ? static_cast<int>(tabs.indexOf(parser.value(o.trainTab))) : -1;
    if (parser.isSet(o.trainTab) && tab < 0)
        return QStringLiteral("--train-tab expects one of %1, got '%2'")
            .arg(tabs.join(QStringLiteral(", ")), parser.value(o.trainTab));

    window.showPage(QStringLiteral("train"));
    auto *page = qobject_cast<ui::TrainPage *>(window.page(QStringLiteral("train")));
    auto begin = [page, &store, epochs, draw, tab, ready] {
        // The test set's size is known once it is loaded: a digit past its end is refused, as
        // `predict --index` refuses it, rather than replaced by the last one.
        const ui::MnistSnapshot snapshot = store.data();
        const qint64 testDigits =
            snapshot && snapshot->testImages.ndim() > 0 ? snapshot->testImages.shape()[0] : 0;
        if (testDigits > 0 && draw >= testDigits) {
            std::fprintf(stderr, "uncrumple: %s\n",
                         qPrintable(outOfBounds(QStringLiteral("--train-draw"), draw, testDigits)));
            QCoreApplication::exit(2);
            return;
        }
        if (draw >= 0) page->drawTestDigit(draw);
        // The tab asked for; a digit to draw alone means the drawing tab.
        if (tab >= 0 || draw >= 0)
            page->showTab(tab >= 0 ? static_cast<ui::TrainPage::Tab>(tab) : ui::TrainPage::DrawTab);
        if (epochs > 0 && page->trainEpochs(epochs))
            QObject::connect(page, &ui::TrainPage::settled, page, ready, Qt::SingleShotConnection);
        else
            ready();
    };
    if (store.isLoading())
        QObject::connect(
            &store, &ui::DataStore::loadingChanged, page,
            [begin](bool loading) {
                if (!loading) begin();
            },
            Qt::SingleShotConnection);
    else
        QTimer::singleShot(0, page, begin);
    return {};
}

// --uncrumple-epochs: trains the Uncrumple page's network epochs epochs (none: nothing to do),
// shows its last hidden layer, then calls ready.
void prepareUncrumplePage(ui::MainWindow &window, int epochs, std::function<void()> ready)
{
    if (epochs < 0) return ready();
    window.showPage(QStringLiteral("uncrumple"));
    auto *page = qobject_cast<ui::UncrumplePage *>(window.page(QStringLiteral("uncrumple")));
    if (!page) return ready(); // the page is a "needs OpenGL" message here
    QTimer::singleShot(0, page, [page, epochs, ready] {
        const auto finish = [page, ready] {
            page->showStage(page->scene().layers() - 1);
            ready();
        };
        if (epochs == 0) return finish();
        QObject::connect(page, &ui::UncrumplePage::trainingIdle, page, finish,
                         Qt::SingleShotConnection);
        page->trainEpochs(epochs);
    });
}

// --page hidden: back on the Hidden page (after --train-epochs showed the Train page), once it has
// drawn the data and the network it has.
void prepareHiddenPage(ui::MainWindow &window, bool wanted, std::function<void()> ready)
{
    if (!wanted) return ready();
    window.showPage(QStringLiteral("hidden"));
    auto *page = qobject_cast<ui::HiddenSpacePage *>(window.page(QStringLiteral("hidden")));
    if (!page) return ready(); // the page is a "needs OpenGL" message here
    // Settled, or after a minute whatever it shows (a screenshot is never waited for forever).
    auto *poll = new QTimer(page);
    poll->setInterval(100);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QObject::connect(poll, &QTimer::timeout, page, [page, poll, clock, ready] {
        if (!page->isSettled() && clock->elapsed() < 60000) return;
        poll->stop();
        poll->deleteLater();
        ready();
    });
    poll->start();
}

} // namespace

int runGui(int argc, char *argv[])
{
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        setApplicationNames();
        GuiOptions options;
        options.parser.process(core); // prints and exits
        return 0;
    }
    if (const QString missing = missingDisplay(argc, argv); !missing.isEmpty()) {
        std::fprintf(stderr, "uncrumple: %s\n", qPrintable(missing));
        return 1;
    }
    setDefaultGlFormat();
    QApplication application(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Uncrumple"));
    GuiOptions options;
    QCommandLineParser &parser = options.parser;
    parser.process(application);
    const auto &page = options.page;
    const auto &screenshot = options.screenshot;
    const auto &dataDir = options.dataDir;
    const auto &size = options.size;
    const auto &presentation = options.presentation;
    const auto &delay = options.delay;

    bool delayOk = false;
    const int delayMs = parser.value(delay).toInt(&delayOk);
    if (!delayOk || delayMs < 0 || delayMs > 600000) {
        std::fprintf(stderr,
                     "uncrumple: --screenshot-delay expects milliseconds from 0 to 600000, got "
                     "'%s'\n",
                     qPrintable(parser.value(delay)));
        return 2;
    }
    // --train-epochs also goes with the Hidden page, which shows the network the Train page trains.
    const bool hiddenPage = parser.isSet(page) && ui::pageIndex(parser.value(page)) ==
                                                      ui::pageIndex(QStringLiteral("hidden"));
    if (parser.isSet(page) &&
        ui::pageIndex(parser.value(page)) != ui::pageIndex(QStringLiteral("train")) &&
        ((parser.isSet(options.trainEpochs) && !hiddenPage) || parser.isSet(options.trainTab) ||
         parser.isSet(options.trainDraw))) {
        std::fprintf(stderr,
                     "uncrumple: the --train-* options open the Train page; they do not "
                     "go with --page %s\n",
                     qPrintable(parser.value(page)));
        return 2;
    }

    int uncrumpleEpochs = -1;
    if (parser.isSet(options.uncrumpleEpochs)) {
        bool ok = false;
        uncrumpleEpochs = parser.value(options.uncrumpleEpochs).toInt(&ok);
        if (!ok || uncrumpleEpochs < 0 || uncrumpleEpochs > 10000) {
            std::fprintf(stderr,
                         "uncrumple: --uncrumple-epochs expects a whole number from 0 to 10000, "
                         "got '%s'\n",
                         qPrintable(parser.value(options.uncrumpleEpochs)));
            return 2;
        }
    }

    ui::DataStore store;
    ui::AppContext context(&store);
    ui::MainWindow window(&context);

    const bool shooting = parser.isSet(screenshot);
    if (!shooting) window.restoreSettings();
    if (parser.isSet(page) && !window.showPage(parser.value(page))) {
        std::fprintf(stderr, "uncrumple: unknown page '%s'; expected one of: %s\n",
                     qPrintable(parser.value(page)),
                     qPrintable(ui::MainWindow::pageIds().join(QStringLiteral(", "))));
        return 2;
    }
    if (window.currentPageId().isEmpty()) window.showPage(ui::MainWindow::pageIds().value(0));
    if (parser.isSet(options.tab)) {
        ui::Page *shown = window.currentPage();
        if (!shown->showTab(parser.value(options.tab))) {
            const QStringList tabs = shown->tabNames();
            std::fprintf(stderr, "uncrumple: %s\n",
                         qPrintable(tabs.isEmpty()
                                        ? QStringLiteral("--tab: the %1 page has no tabs")
                                              .arg(window.currentPageId())
                                        : QStringLiteral("--tab expects one of %1, got '%2'")
                                              .arg(tabs.join(QStringLiteral(", ")),
                                                   parser.value(options.tab))));
            return 2;
        }
    }
    if (parser.isSet(size)) {
        // The upper bound keeps a grab within what X's shared memory can hold (8K is 130 MB).
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int w = wh.value(0).toInt(), h = wh.value(1).toInt();
        if (wh.size() != 2 || w < 320 || h < 240 || w > 7680 || h > 4320) {
            std::fprintf(stderr,
                         "uncrumple: --size expects WxH from 320x240 to 7680x4320, got '%s'\n",
                         qPrintable(parser.value(size)));
            return 2;
        }
        window.resize(w, h);
    } else if (shooting) {
        window.resize(1280, 800);
    }
    if (parser.isSet(presentation)) context.setPresentationMode(true);

    const QString dir = parser.isSet(dataDir)
                            ? parser.value(dataDir)
                            : QString::fromStdString(core::defaultMnistDir().string());
    if (core::hasMnistFiles(dir.toStdString()) || parser.isSet(dataDir)) store.loadDirectory(dir);

    window.show();
    if (parser.isSet(options.focus)) window.setFocusMode(true);
    const QString error = prepareTrainPage(window, store, options, [&] {
        prepareUncrumplePage(window, uncrumpleEpochs, [&] {
            prepareHiddenPage(window, hiddenPage, [&] {
                if (shooting) scheduleScreenshot(window, store, parser.value(screenshot), delayMs);
            });
        });
    });
    if (!error.isEmpty()) {
        std::fprintf(stderr, "uncrumple: %s\n", qPrintable(error));
        return 2;
    }
    return QApplication::exec();
}

} // namespace app

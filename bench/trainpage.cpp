// Benchmark: what the live Train page costs training. Seconds per epoch of the book's recipe with
// the real main window open on the Train page (charts, progress line, first-layer weights updating
// live) against `uncrumple train` on the command line: same recipe, same seed, same threads
// (every core), run alternately in one process tree so that both see the same machine. The cost is
// the median over rounds of each round's page/command-line ratio (the host's speed drifts between
// rounds more than the page costs). Also the GUI thread's and the X server's CPU time per second
// of training, which is what competes with training on 2 cores.
//
// Usage (needs a display; bench/train-overhead starts Xvfb):
//   bench_trainpage --uncrumple PATH [--data DIR] [--epochs 3] [--rounds 3] [--tab weights|
//                   predictions|evaluate|draw] [--chunk-ms 50] [--snapshot-ms 500]
//                   [--hidden yes: train with the MNIST page shown instead]
//                   [--events yes: the GUI thread's time by receiver and event type]

#include "ui/train/trainpage.h"
#include "core/data/mnist.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"
#include "ui/train/recipeeditor.h"
#include "ui/train/trainsession.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QProcess>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <random>
#include <unistd.h>
#include <vector>

namespace {

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// With --events yes: the GUI thread's CPU time per receiver class and event type, exclusive of the
// events sent from within (a paint inside an update request is counted once, as the paint).
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    bool timing = false;
    std::map<QString, double> seconds;
    std::map<QString, int> counts;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!timing || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        // Before the event: a DeferredDelete deletes its receiver.
        const QString key = QStringLiteral("%1 %2").arg(
            QString::fromLatin1(receiver->metaObject()->className()),
            QString::fromLatin1(QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type())));
        m_stack.push_back(0.0);
        const double start = threadCpuSeconds();
        const bool r = QApplication::notify(receiver, event);
        const double total = threadCpuSeconds() - start, inner = m_stack.back();
        m_stack.pop_back();
        if (!m_stack.empty()) m_stack.back() += total;
        seconds[key] += total - inner;
        ++counts[key];
        return r;
    }

private:
    std::vector<double> m_stack;
};

double median(std::vector<double> v)
{
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Where the median of the rounds' ratios lies, 95 times in 100: the 2.5th and 97.5th percentiles
// of the medians of 2,000 resamples of the rounds (the bootstrap; a fixed seed, the same interval
// for the same rounds).
std::pair<double, double> medianInterval(const std::vector<double> &v)
{
    std::mt19937 random(1);
    std::uniform_int_distribution<std::size_t> pick(0, v.size() - 1);
    std::vector<double> medians, sample(v.size());
    for (int b = 0; b < 2000; ++b) {
        for (double &x : sample)
            x = v[pick(random)];
        medians.push_back(median(sample));
    }
    std::sort(medians.begin(), medians.end());
    return {medians[50], medians[1949]};
}

// The CPU seconds used so far by the X server showing our window (Xvfb under xvfb-run): drawing
// costs there too, on the same two cores. 0 when it cannot be found. Counted in clock ticks of
// 10 ms: a round's figure is coarse, the summary's adds up every round.
double xServerCpuSeconds()
{
    const QString display = qEnvironmentVariable("DISPLAY");
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmd.open(QIODevice::ReadOnly)) continue;
        const QList<QByteArray> argv = cmd.readAll().split('\0');
        if (argv.isEmpty() || !argv.first().endsWith("Xvfb") ||
            !argv.contains(display.toLocal8Bit()))
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly)) return 0.0;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> f = text.mid(text.lastIndexOf(')') + 2).split(' ');
        // Fields 14 and 15 of stat (utime, stime), counted from the state field (3).
        return (f.value(11).toDouble() + f.value(12).toDouble()) / sysconf(_SC_CLK_TCK);
    }
    return 0.0;
}

QString list(const std::vector<double> &v)
{
    QStringList s;
    for (double x : v)
        s << QString::number(x, 'f', 3);
    return s.join(QLatin1Char(' '));
}

struct Options {
    QString uncrumple;
    QString data;
    int epochs = 3;
    int rounds = 3;
    int tab = ui::TrainPage::WeightsTab;
    int chunkMs = 50; // the page's own intervals (ui/train/trainsession.h)
    int snapshotMs = 500;
    bool hidden = false; // another page shown while training (the Train page's work is skipped)
    bool events = false; // time the GUI thread's events by receiver class
};

// `uncrumple train --json`: the per-epoch seconds it reports.
std::vector<double> runCommandLine(const Options &o)
{
    QStringList args = {QStringLiteral("train"), QStringLiteral("--json"),
                        QStringLiteral("--validate"), QStringLiteral("--epochs"),
                        QString::number(o.epochs)};
    if (!o.data.isEmpty()) args << QStringLiteral("--data-dir") << o.data;
    QProcess p;
    p.start(o.uncrumple, args);
    p.waitForFinished(-1);
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qFatal("uncrumple train failed: %s", p.readAllStandardError().constData());
    std::vector<double> seconds;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QJsonObject j = QJsonDocument::fromJson(line).object();
        if (j.contains(QStringLiteral("epoch")))
            seconds.push_back(j.value(QStringLiteral("seconds")).toDouble());
    }
    return seconds;
}

struct GuiRun {
    std::vector<double> seconds;
    double trainSeconds = 0.0;
    double guiCpuSeconds = 0.0;
    double xCpuSeconds = 0.0;
};

// Clicks Train on the page and waits for the run (not the evaluation after it) to end.
GuiRun runPage(ui::TrainPage *page, const Options &o, TimedApplication &app)
{
    GuiRun run;
    ui::TrainSession *s = page->session();
    s->setIntervals(o.chunkMs, o.snapshotMs);
    page->recipeEditor()->epochsBox()->setValue(o.epochs);
    // The GUI's CPU is counted from the first batch shown to the last epoch's end: what competes
    // with training, not the set-up before it or the evaluation and code update after it.
    double cpu0 = -1.0, x0 = 0.0;
    QElapsedTimer wall;
    QEventLoop loop;
    auto first = QObject::connect(s, &ui::TrainSession::progressed, &loop, [&] {
        if (cpu0 >= 0) return;
        cpu0 = threadCpuSeconds();
        app.timing = o.events;
        x0 = xServerCpuSeconds();
        wall.start();
    });
    auto epochs = QObject::connect(s, &ui::TrainSession::epochEnded, &loop,
                                   [&](const core::nn::EpochSummary &e) {
                                       run.seconds.push_back(e.seconds);
                                       if (e.epoch < e.epochs || cpu0 < 0) return;
                                       run.guiCpuSeconds = threadCpuSeconds() - cpu0;
                                       run.xCpuSeconds = xServerCpuSeconds() - x0;
                                       run.trainSeconds = wall.nsecsElapsed() * 1e-9;
                                       app.timing = false;
                                   });
    auto done = QObject::connect(s, &ui::TrainSession::finished, &loop, [&] { loop.quit(); });
    if (!page->trainEpochs(o.epochs)) qFatal("the Train page did not start training");
    loop.exec();
    for (const auto &c : {first, epochs, done})
        QObject::disconnect(c);
    // Let the evaluation after training end before the next run. (processEvents with a time
    // limit ignores WaitForMoreEvents and spins: the form without one sleeps until an event.)
    while (s->isEvaluating())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    TimedApplication app(argc, argv);
    Options o;
    const QStringList args = QCoreApplication::arguments();
    const QStringList tabs = {QStringLiteral("weights"), QStringLiteral("predictions"),
                              QStringLiteral("evaluate"), QStringLiteral("draw")};
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        const QString &k = args[i], &v = args[i + 1];
        if (k == QLatin1String("--uncrumple"))
            o.uncrumple = v;
        else if (k == QLatin1String("--data"))
            o.data = v;
        else if (k == QLatin1String("--epochs"))
            o.epochs = v.toInt();
        else if (k == QLatin1String("--rounds"))
            o.rounds = v.toInt();
        else if (k == QLatin1String("--tab"))
            o.tab = static_cast<int>(tabs.indexOf(v));
        else if (k == QLatin1String("--chunk-ms"))
            o.chunkMs = v.toInt();
        else if (k == QLatin1String("--snapshot-ms"))
            o.snapshotMs = v.toInt();
        else if (k == QLatin1String("--hidden"))
            o.hidden = v == QLatin1String("yes");
        else if (k == QLatin1String("--events"))
            o.events = v == QLatin1String("yes");
        else
            qFatal("unknown option %s", qPrintable(k));
    }
    if (o.uncrumple.isEmpty() || o.epochs < 1 || o.rounds < 1 || o.tab < 0)
        qFatal("usage: bench_trainpage --uncrumple PATH [--data DIR] [--epochs N] [--rounds N] "
               "[--tab weights|predictions|evaluate|draw] [--chunk-ms MS] [--snapshot-ms MS] "
               "[--hidden yes]");

    ui::DataStore store;
    ui::AppContext context(&store);
    ui::MainWindow window(&context);
    window.resize(1280, 800);
    window.showPage(QStringLiteral("train"));
    window.show();
    const QString dir =
        o.data.isEmpty() ? QString::fromStdString(core::defaultMnistDir().string()) : o.data;
    if (!store.loadDirectory(dir)) qFatal("no MNIST in %s", qPrintable(dir));
    while (store.isLoading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (!store.data()->isFullSet) qFatal("the full MNIST did not load from %s", qPrintable(dir));
    auto *page = qobject_cast<ui::TrainPage *>(window.page(QStringLiteral("train")));
    page->tabs()->setCurrentIndex(o.tab);
    if (o.hidden) window.showPage(QStringLiteral("mnist"));

    std::vector<double> cli, gui, guiCpuShare, ratios;
    double trainSeconds = 0.0, xCpuSeconds = 0.0;
    std::printf("round  command line s/epoch     Train page s/epoch       page    GUI thread and "
                "X server CPU while training\n");
    for (int r = 0; r < o.rounds; ++r) {
        // The host's speed drifts over minutes: each round's two arms are compared with each
        // other, and every other round runs the page first, so neither arm always goes first.
        std::vector<double> c;
        GuiRun g;
        if (r % 2 == 0) {
            c = runCommandLine(o);
            g = runPage(page, o, app);
        } else {
            g = runPage(page, o, app);
            c = runCommandLine(o);
        }
        trainSeconds += g.trainSeconds;
        xCpuSeconds += g.xCpuSeconds;
        cli.insert(cli.end(), c.begin(), c.end());
        gui.insert(gui.end(), g.seconds.begin(), g.seconds.end());
        const double share = g.guiCpuSeconds / std::max(1e-9, g.trainSeconds);
        const double xShare = g.xCpuSeconds / std::max(1e-9, g.trainSeconds);
        guiCpuShare.push_back(share);
        ratios.push_back(median(g.seconds) / median(c));
        std::printf("%5d  %-24s %-24s %+6.1f%%  %.1f + %.1f ms per s\n", r + 1, qPrintable(list(c)),
                    qPrintable(list(g.seconds)), (ratios.back() - 1.0) * 100.0, share * 1000.0,
                    xShare * 1000.0);
        std::fflush(stdout);
    }
    if (o.events) {
        // From the first batch shown to the last epoch's end, as the GUI thread's CPU above.
        std::vector<std::pair<double, QString>> byTime;
        for (const auto &[key, sec] : app.seconds)
            byTime.push_back({sec, key});
        std::sort(byTime.rbegin(), byTime.rend());
        std::printf("GUI thread's CPU by event, per second of training (timing every event costs "
                    "the page's arm too: take its cost from a run without --events):\n"
                    "     ms  events\n");
        for (std::size_t i = 0; i < std::min<std::size_t>(25, byTime.size()); ++i)
            std::printf("%7.2f %7.1f  %s\n",
                        byTime[i].first * 1000.0 / std::max(1e-9, trainSeconds),
                        app.counts[byTime[i].second] / std::max(1e-9, trainSeconds),
                        qPrintable(byTime[i].second));
    }
    const double mc = median(cli), mg = median(gui), paired = median(ratios);
    const auto [low, high] = medianInterval(ratios);
    std::printf("the page costs %+.1f%% (median of %zu rounds; 95%% interval %+.1f%% to %+.1f%%; "
                "target at most +2%%)\n",
                (paired - 1.0) * 100.0, ratios.size(), (low - 1.0) * 100.0, (high - 1.0) * 100.0);
    std::printf("median seconds per epoch of all rounds: command line %.3f, Train page %.3f "
                "(%+.1f%%)\n",
                mc, mg, (mg / mc - 1.0) * 100.0);
    const double xMsPerS = xCpuSeconds / std::max(1e-9, trainSeconds) * 1000.0;
    std::printf("{\"bench\":\"train-overhead\",\"epochs\":%d,\"rounds\":%d,\"tab\":\"%s\","
                "\"paired_ratio\":%.4f,\"paired_low\":%.4f,\"paired_high\":%.4f,"
                "\"cli_median_s\":%.4f,\"page_median_s\":%.4f,\"ratio\":%.4f,"
                "\"gui_cpu_ms_per_s\":%.1f,\"x_cpu_ms_per_s\":%.1f}\n",
                o.epochs, o.rounds, qPrintable(tabs[o.tab]), paired, low, high, mc, mg, mg / mc,
                median(guiCpuShare) * 1000.0, xMsPerS);
    return 0;
}

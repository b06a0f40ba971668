// Soak benchmark: the book's recipe trained for many epochs with the real main window open on the
// Train page, its live charts, progress line and first-layer weights updating, and the resident
// memory (VmRSS) sampled at the end of every epoch. Memory must stay flat: growth after epoch 2
// under 5%. Prints one line per epoch and a JSON summary; exits 1 when the growth is over.
//
// Usage (needs a display; bench/soak starts Xvfb):
//   bench_soak [--data DIR] [--epochs 30] [--minutes M: train runs of --epochs each, again and
//              again, until M minutes have passed (the hour-long soak is --minutes 60)]
//              [--tab weights|predictions|evaluate|draw]

#include "core/data/mnist.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"
#include "ui/train/recipeeditor.h"
#include "ui/train/trainpage.h"
#include "ui/train/trainsession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSpinBox>
#include <QTabWidget>
#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

// Resident memory of this process in MiB, from /proc/self/status.
double residentMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return 0.0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0.0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QString data;
    int epochs = 30;
    double minutes = 0;
    int tab = ui::TrainPage::WeightsTab;
    const QStringList tabs = {QStringLiteral("weights"), QStringLiteral("predictions"),
                              QStringLiteral("evaluate"), QStringLiteral("draw")};
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        const QString &k = args[i], &v = args[i + 1];
        if (k == QLatin1String("--data"))
            data = v;
        else if (k == QLatin1String("--epochs"))
            epochs = v.toInt();
        else if (k == QLatin1String("--minutes"))
            minutes = v.toDouble();
        else if (k == QLatin1String("--tab"))
            tab = static_cast<int>(tabs.indexOf(v));
        else
            qFatal("unknown option %s", qPrintable(k));
    }
    if (epochs < 3 || epochs > 1000 || tab < 0 || minutes < 0)
        qFatal("usage: bench_soak [--data DIR] [--epochs N (3 to 1000)] [--minutes M] "
               "[--tab weights|predictions|evaluate|draw]");

    ui::DataStore store;
    ui::AppContext context(&store);
    ui::MainWindow window(&context);
    window.resize(1280, 800);
    window.showPage(QStringLiteral("train"));
    window.show();
    const QString dir =
        data.isEmpty() ? QString::fromStdString(core::defaultMnistDir().string()) : data;
    if (!store.loadDirectory(dir)) qFatal("no MNIST in %s", qPrintable(dir));
    while (store.isLoading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (!store.data()->isFullSet) qFatal("the full MNIST did not load from %s", qPrintable(dir));
    auto *page = qobject_cast<ui::TrainPage *>(window.page(QStringLiteral("train")));
    page->tabs()->setCurrentIndex(tab);
    ui::TrainSession *session = page->session();

    std::vector<double> rss; // MiB at the end of each epoch, over all runs
    QElapsedTimer clock;
    clock.start();
    std::printf("epoch   run   seconds   resident MiB\n");
    int run = 0;
    do {
        ++run;
        QEventLoop loop;
        auto ended = QObject::connect(
            session, &ui::TrainSession::epochEnded, &loop, [&](const core::nn::EpochSummary &e) {
                rss.push_back(residentMb());
                std::printf("%5zu %5d %9.2f %14.1f\n", rss.size(), run, e.seconds, rss.back());
                std::fflush(stdout);
            });
        auto done =
            QObject::connect(session, &ui::TrainSession::finished, &loop, [&] { loop.quit(); });
        page->recipeEditor()->epochsBox()->setValue(epochs);
        if (!page->trainEpochs(epochs)) qFatal("the Train page did not start training");
        loop.exec();
        QObject::disconnect(ended);
        QObject::disconnect(done);
        while (session->isEvaluating())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    } while (clock.elapsed() < minutes * 60'000.0);

    if (rss.size() < 3) qFatal("fewer than 3 epochs ran");
    const double base = rss[1]; // after epoch 2: the data, the model and the charts are all there
    const double peak = *std::max_element(rss.begin() + 2, rss.end());
    const double growth = (peak / base - 1.0) * 100.0;
    std::printf("resident memory after epoch 2: %.1f MiB; highest after it: %.1f MiB (%+.2f%%, "
                "target under +5%%); last: %.1f MiB\n",
                base, peak, growth, rss.back());
    std::printf("{\"bench\":\"soak\",\"epochs\":%zu,\"minutes\":%.1f,\"rss_epoch2_mb\":%.1f,"
                "\"rss_peak_after_mb\":%.1f,\"rss_last_mb\":%.1f,\"growth_percent\":%.2f}\n",
                rss.size(), clock.elapsed() / 60'000.0, base, peak, rss.back(), growth);
    return growth < 5.0 ? 0 : 1;
}

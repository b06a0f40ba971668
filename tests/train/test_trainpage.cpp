// The Train page as a user drives it: the book's recipe by default, bad input named in place,
// training started, paused, resumed and stopped through the buttons, live charts, predictions,
// evaluation with a clickable confusion matrix, first-layer weights, a drawn digit classified,
// model files saved and loaded (and broken ones refused), a diverging run, exports, and a window
// that stays responsive while training. Runs on the embedded sample, then on the full data set.

#include "common/clipping.h"
#include "common/paintcheck.h"
#include "core/data/drawndigit.h"
#include "core/data/mnist.h"
#include "core/nn/serialization.h"
#include "ui/common/codepanel.h"
#include "ui/common/gldriver.h"
#include "ui/common/palette.h"
#include "ui/shell/appcontext.h"
#include "ui/shell/datastore.h"
#include "ui/shell/mainwindow.h"
#include "ui/train/confusionview.h"
#include "ui/train/curvechart.h"
#include "ui/train/curvepanel.h"
#include "ui/train/decimate.h"
#include "ui/train/digitlist.h"
#include "ui/train/drawcanvas.h"
#include "ui/train/drawpanel.h"
#include "ui/train/evaluatepanel.h"
#include "ui/train/flatprogressbar.h"
#include "ui/train/niceaxis.h"
#include "ui/train/predictiongrid.h"
#include "ui/train/probabilitybars.h"
#include "ui/train/recipeeditor.h"
#include "ui/train/traincode.h"
#include "ui/train/trainhistory.h"
#include "ui/train/trainpage.h"
#include "ui/train/trainprogress.h"
#include "ui/train/trainrecipe.h"
#include "ui/train/trainsession.h"
#include "ui/train/weightgrid.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

using namespace ui;
using core::nn::TrainStatus;

namespace {

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

std::int64_t confusionSum(const core::nn::Evaluation &e)
{
    return std::accumulate(e.confusion.begin(), e.confusion.end(), std::int64_t{0});
}

} // namespace

class TestTrainPage : public QObject {
    Q_OBJECT
    std::unique_ptr<DataStore> m_store;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<TrainPage> m_page;
    QTemporaryDir m_dir;

    TrainSession *session() const { return m_page->session(); }
    RecipeEditor *editor() const { return m_page->recipeEditor(); }

    // Clicks Train and waits until training and the evaluation after it are over.
    bool trainToTheEnd(int timeoutMs = 60000)
    {
        QSignalSpy settled(m_page.get(), &TrainPage::settled);
        if (!m_page->trainButton()->isEnabled()) return false;
        QTest::mouseClick(m_page->trainButton(), Qt::LeftButton);
        if (!session()->isTraining()) return false;
        QElapsedTimer t;
        t.start();
        while ((session()->isTraining() || session()->isEvaluating()) && t.elapsed() < timeoutMs)
            settled.wait(200);
        return !session()->isTraining() && !session()->isEvaluating();
    }

    void resetRecipe(int epochs, int batchSize = 128)
    {
        QTest::mouseClick(editor()->resetButton(), Qt::LeftButton);
        editor()->epochsBox()->setValue(epochs);
        editor()->batchSizeBox()->setValue(batchSize);
    }

    // The tests below can each run alone (test_trainpage NAME): the views of a trained model
    // train one on the sample first, unless an earlier test has left one.
    bool haveAModelOfTheSample()
    {
        if (session()->evaluation() && session()->evaluation()->evaluation.samples == 200)
            return true;
        resetRecipe(2);
        return trainToTheEnd();
    }

    // A model file that loads, written by saveAndLoadRoundTrip or here.
    QString goodModelFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("custom.ucm"));
        if (!QFile::exists(path) && haveAModelOfTheSample()) m_page->saveModelTo(path);
        return path;
    }

    // The full set, loaded once; on the sample until a test asks for it.
    bool haveTheFullSet()
    {
        if (m_store->data()->isFullSet) return true;
        const QString dir = QString::fromStdString(core::defaultMnistDir().string());
        QSignalSpy loaded(m_store.get(), &DataStore::dataChanged);
        if (!m_store->loadDirectory(dir)) {
            qWarning("full MNIST not found in %s: run scripts/fetch-mnist", qPrintable(dir));
            return false;
        }
        return loaded.wait(20000) && m_store->data()->isFullSet;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<DataStore>();
        m_context = std::make_unique<AppContext>(m_store.get());
        m_page = std::make_unique<TrainPage>(m_context.get());
        m_page->resize(1280, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QCOMPARE(QString::fromStdString(m_store->data()->origin),
                 QStringLiteral("embedded sample"));
    }

    void cleanup()
    {
        // A test that fails halfway may leave a run going; stop it so the next test starts idle.
        if (!QTest::currentTestFailed() || !m_page ||
            (!session()->isTraining() && !session()->isEvaluating()))
            return;
        session()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!session()->isTraining() && !session()->isEvaluating(), 120000);
    }

    // ---- Logic pieces ---------------------------------------------------------------------

    void niceRanges_data()
    {
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("niceMin");
        QTest::addColumn<double>("niceMax");
        QTest::addColumn<double>("interval");
        QTest::newRow("loss 0..2.4") << 0.0 << 2.4 << 0.0 << 2.5 << 0.5;
        QTest::newRow("loss 0..0.27") << 0.0 << 0.27 << 0.0 << 0.3 << 0.1;
        QTest::newRow("accuracy .91..1") << 0.91 << 1.0 << 0.9 << 1.0 << 0.02;
        QTest::newRow("empty range") << 0.0 << 0.0 << 0.0 << 1.0 << 0.2;
    }
    void niceRanges()
    {
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(double, niceMin);
        QFETCH(double, niceMax);
        QFETCH(double, interval);
        const NiceRange r = niceRange(min, max, 5);
        QCOMPARE(r.min, niceMin);
        QCOMPARE(r.max, niceMax);
        QCOMPARE(r.interval, interval);
    }

    void decimationKeepsSpikesAndTheLastPoint()
    {
        std::vector<QPointF> points;
        for (int i = 0; i < 10000; ++i)
            points.emplace_back(i, i == 4321 ? 100.0 : std::sin(i * 0.01));
        const QList<QPointF> d = decimate(points, 0.0, 10000.0, 300);
        QVERIFY(d.size() <= 602);
        QVERIFY(d.contains(QPointF(4321, 100.0)));
        QCOMPARE(d.constLast(), points.back());
        for (qsizetype i = 1; i < d.size(); ++i)
            QVERIFY(d[i - 1].x() < d[i].x());
        QCOMPARE(decimate({points.begin(), points.begin() + 100}, 0.0, 10000.0, 300).size(), 100);
        const QList<QPointF> t = thin(points, 0.0, 10000.0, 300);
        QVERIFY(t.size() <= 301);
        QCOMPARE(t.constFirst(), points.front());
        QCOMPARE(t.constLast(), points.back());
    }

    void aGrowingCurveKeepsItsDecimatedColumns()
    {
        // The columns are fixed in x: as batches arrive, what was drawn for the columns already
        // full stays the same points, so the chart repaints only the newest strip.
        std::vector<QPointF> points;
        for (int i = 0; i < 3000; ++i)
            points.emplace_back(i / 1000.0, std::sin(i * 0.37) + 0.001 * i);
        const auto prefix = [](const QList<QPointF> &a, const QList<QPointF> &b) {
            qsizetype same = 0;
            while (same < std::min(a.size(), b.size()) && a[same] == b[same])
                ++same;
            return same;
        };
        for (const auto &reduce : {decimate, thin}) {
            const QList<QPointF> before =
                reduce({points.begin(), points.begin() + 2000}, 0, 3, 100);
            const QList<QPointF> after = reduce({points.begin(), points.begin() + 2050}, 0, 3, 100);
            // All but the last column's points (and the exact last point) are the same.
            QVERIFY2(prefix(before, after) >= before.size() - 3,
                     qPrintable(
                         QStringLiteral("%1 of %2").arg(prefix(before, after)).arg(before.size())));
        }
    }

    void historySmoothsAndExports()
    {
        TrainHistory h;
        h.reset(2, 3);
        QCOMPARE(TrainHistory::smoothingFor(3), 0.0);
        QVERIFY(std::fabs(TrainHistory::smoothingFor(469) - (1 - 20.0 / 469)) < 1e-12);
        for (int e = 1; e <= 2; ++e) {
            for (int s = 1; s <= 3; ++s)
                h.addBatch({e, s, 3, float(e + s), 0.5f});
            core::nn::EpochSummary sum;
            sum.epoch = e;
            sum.epochs = 2;
            sum.loss = 1.25;
            sum.accuracy = 0.5;
            sum.tested = e == 2;
            sum.testLoss = 0.75;
            sum.testAccuracy = 0.875;
            h.addEpoch(sum);
        }
        QCOMPARE(h.loss().size(), std::size_t{6});
        QCOMPARE(h.loss()[4].x(), 1.0 + 2.0 / 3.0); // batch 2 of epoch 2
        // No smoothing with 3 batches per epoch: the smoothed curve is the raw one.
        QCOMPARE(h.smoothLoss()[4].y(), h.loss()[4].y());
        const QStringList lines = h.toCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        QCOMPARE(lines[0], QStringLiteral("epoch,step,batch_loss,batch_accuracy,smoothed_loss,"
                                          "smoothed_accuracy,loss,accuracy,val_loss,val_accuracy"));
        QCOMPARE(lines[1], QStringLiteral("1,1,2,0.5,2,0.5,,,,"));
        QCOMPARE(lines[3], QStringLiteral("1,3,4,0.5,4,0.5,1.25,0.5,,"));
        QCOMPARE(lines[6], QStringLiteral("2,3,5,0.5,5,0.5,1.25,0.5,0.75,0.875"));
    }

    void recipeChecks_data()
    {
        QTest::addColumn<QString>("units");
        QTest::addColumn<QString>("rate");
        QTest::addColumn<QString>("error");
        QTest::newRow("the book") << "512"
                                  << "0.001"
                                  << "";
        QTest::newRow("zero units") << "0"
                                    << "0.001"
                                    << "Layer 1: units expects a whole number";
        QTest::newRow("text units") << "many"
                                    << "0.001"
                                    << "got 'many'";
        QTest::newRow("too many units") << "99999"
                                        << "0.001"
                                        << "from 1 to 4096";
        QTest::newRow("zero rate") << "512"
                                   << "0"
                                   << "Learning rate expects a number above 0";
        QTest::newRow("negative rate") << "512"
                                       << "-0.01"
                                       << "got '-0.01'";
        QTest::newRow("text rate") << "512"
                                   << "fast"
                                   << "got 'fast'";
        QTest::newRow("empty rate") << "512"
                                    << ""
                                    << "Learning rate";
        QTest::newRow("infinite rate") << "512"
                                       << "inf"
                                       << "Learning rate";
        QTest::newRow("huge but finite") << "512"
                                         << "1e12"
                                         << "";
    }
    void recipeChecks()
    {
        QFETCH(QString, units);
        QFETCH(QString, rate);
        QFETCH(QString, error);
        RecipeInput in = RecipeInput::book();
        in.hidden[0].units = units;
        in.learningRate = rate;
        const RecipeCheck c = checkRecipe(in);
        QCOMPARE(c.ok, error.isEmpty());
        QVERIFY2(c.error.contains(error), qPrintable(c.error));
        if (c.ok) {
            QCOMPARE(c.recipe.layers.size(), std::size_t{2});
            QCOMPARE(c.recipe.layers.back().units, 10);
            QCOMPARE(c.recipe.layers.back().activation, core::nn::Activation::Softmax);
        }
    }

    void codeFollowsTheRecipe()
    {
        RecipeInput in = RecipeInput::book();
        TrainCodeFacts f;
        QString code = trainCode(in, f);
        QVERIFY(code.contains(QStringLiteral("layers.Dense(512, activation=\"relu\"),\n"
                                             "    layers.Dense(10, activation=\"softmax\")")));
        QVERIFY(code.contains(QStringLiteral("model.compile(optimizer=\"rmsprop\",")));
        QVERIFY(code.contains(QStringLiteral("epochs=5, batch_size=128")));
        QVERIFY(code.contains(QStringLiteral("train_images.reshape((60000, 28 * 28))")));
        in.optimizer = core::nn::OptimizerKind::Adam;
        in.learningRate = QStringLiteral("0.01");
        f.testAccuracy = 0.97854;
        code = trainCode(in, f);
        QVERIFY(code.contains(QStringLiteral("keras.optimizers.Adam(learning_rate=0.01)")));
        QVERIFY(code.contains(QStringLiteral("# test_acc: 0.9785")));
    }

    // ---- The page -------------------------------------------------------------------------

    void startsWithTheBooksRecipe()
    {
        QCOMPARE(editor()->input(), RecipeInput::book());
        QVERIFY(m_page->trainButton()->isEnabled());
        QVERIFY(!m_page->pauseButton()->isEnabled());
        QVERIFY(!m_page->stopButton()->isEnabled());
        QVERIFY(!m_page->evaluateButton()->isEnabled()); // no model yet
        const QString code = m_page->codePanel()->code();
        QVERIFY(code.contains(QStringLiteral("layers.Dense(512, activation=\"relu\")")));
        QVERIFY(code.contains(QStringLiteral("(800, 28 * 28)"))); // the embedded sample's counts
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("recipeName"))
                    ->text()
                    .contains(QStringLiteral("the book's recipe")));
    }

    void validationDataIsOffAsInListing25()
    {
        // Listing 2.5 fits without validation data: so does the page by default, and the code
        // and the page say where the per-epoch test curves come from.
        auto *validate = editor()->findChild<QCheckBox *>();
        QVERIFY(validate);
        QVERIFY(!validate->isChecked());
        auto *name = m_page->findChild<QLabel *>(QStringLiteral("recipeName"));
        QCOMPARE(name->text(), QStringLiteral("This is the book's recipe."));
        QString code = m_page->codePanel()->code();
        QVERIFY2(code.contains(QStringLiteral(
                     "model.fit(train_images, train_labels, epochs=5, batch_size=128)\n")),
                 qPrintable(code));
        QVERIFY(!code.contains(QStringLiteral("validation_data")));
        QVERIFY(code.contains(QStringLiteral("apart from fit")));
        QVERIFY(editor()->testNote().contains(QStringLiteral("apart from fit")));
        // The engine evaluates after each epoch either way: the test curves are there.
        QVERIFY(checkRecipe(editor()->input()).recipe.options.testEachEpoch);

        validate->setChecked(true);
        QCOMPARE(name->text(), QStringLiteral("This is the book's recipe with validation_data."));
        code = m_page->codePanel()->code();
        QVERIFY(code.contains(QStringLiteral("validation_data=(test_images, test_labels)")));
        QVERIFY(!code.contains(QStringLiteral("apart from fit")));
        QVERIFY(editor()->testNote().contains(QStringLiteral("val_")));
        validate->setChecked(false);
        QCOMPARE(editor()->input(), RecipeInput::book());
    }

    void addingALayerMarksTheShownModelAsThePrevious()
    {
        // The code and Total params follow the recipe at once; the charts, weights, predictions
        // and evaluation are of the model trained before: the page says so until it is trained.
        QVERIFY(haveAModelOfTheSample());
        const RecipeInput trained = editor()->input();
        QVERIFY(!m_page->showsPreviousModel());
        QVERIFY(m_page->previousModelNote().isEmpty());
        QVERIFY(!editor()->paramsText().contains(QStringLiteral("untrained")) &&
                !editor()->paramsText().contains(QStringLiteral("not trained")));
        QVERIFY(m_page->codePanel()->code().contains(QStringLiteral("# test_acc: ")));

        QTest::mouseClick(editor()->addLayerButton(), Qt::LeftButton);
        QVERIFY(m_page->showsPreviousModel());
        QVERIFY2(m_page->previousModelNote().contains(QStringLiteral("previous model")) ||
                     m_page->previousModelNote().contains(QStringLiteral("before the recipe")),
                 qPrintable(m_page->previousModelNote()));
        auto *note = m_page->findChild<QWidget *>(QStringLiteral("previousModel"));
        QVERIFY(note && note->isVisible());
        QVERIFY2(editor()->paramsText().contains(QStringLiteral("untrained")) ||
                     editor()->paramsText().contains(QStringLiteral("not trained")),
                 qPrintable(editor()->paramsText()));
        // The code is the new recipe's, without the old model's measured numbers.
        const QString code = m_page->codePanel()->code();
        QVERIFY(code.contains(QStringLiteral("layers.Dense(64, activation=\"relu\")")));
        QVERIFY2(!code.contains(QStringLiteral("# test_acc: ")), qPrintable(code));
        QVERIFY(!code.contains(QStringLiteral("predictions[0].argmax()  # ")));
        QVERIFY(code.contains(QStringLiteral("Not run yet")));

        // Back to the trained recipe: the marks go.
        editor()->setInput(trained);
        QVERIFY(!m_page->showsPreviousModel());
        QVERIFY(!note->isVisible());
        QVERIFY(m_page->codePanel()->code().contains(QStringLiteral("# test_acc: ")));
    }

    void theBarTellsHowTheRunEnds()
    {
        // The bar and the Keras line name the same epoch; a narrow bar keeps the epoch; after
        // Stop the bar says where the run stopped, not a time left.
        TrainProgress progress;
        progress.resize(600, 200);
        progress.show();
        QVERIFY(QTest::qWaitForWindowExposed(&progress));
        TrainStart run;
        run.stepsPerEpoch = 469;
        run.epochs = 5;
        progress.start(run, false);
        QTest::qWait(30);
        core::nn::BatchProgress b;
        b.epochs = 5;
        b.stepsPerEpoch = 469;
        b.elapsedSeconds = b.epochSeconds = 3.0;
        b.epoch = 2;
        b.step = 469;
        // QProgressBar::setValue paints at once, in a flush of its own: while training, the bar
        // waits for the window's next update, with the charts and the Keras line.
        testing::PaintRects painted;
        progress.bar()->installEventFilter(&painted);
        progress.showBatch(b);
        QCOMPARE(progress.bar()->value(), 2 * 469);
        QVERIFY(painted.rects.empty());
        QTRY_VERIFY(!painted.rects.empty());
        progress.bar()->removeEventFilter(&painted);
        b.epoch = 3;
        b.step = 1;
        b.elapsedSeconds = 3.01;
        progress.showBatch(b); // at once: no time for the bar's twice-a-second throttle
        QVERIFY(progress.kerasText().startsWith(QStringLiteral("Epoch 3/5")));
        QVERIFY2(progress.bar()->text().startsWith(QStringLiteral("Epoch 3/5")),
                 qPrintable(progress.bar()->text()));
        b.step = 200;
        progress.showBatch(b);
        progress.bar()->setFixedWidth(160);
        QVERIFY2(progress.bar()->shownText().contains(QStringLiteral("3/5")),
                 qPrintable(progress.bar()->shownText()));

        progress.finish(TrainStatus::Cancelled);
        QVERIFY2(!progress.bar()->text().contains(QStringLiteral("left")),
                 qPrintable(progress.bar()->text()));
        QVERIFY2(progress.bar()->text().contains(QStringLiteral("Stopped at epoch 3/5")),
                 qPrintable(progress.bar()->text()));
        QVERIFY(!progress.bar()->shownText().contains(QStringLiteral("left")));
        QCOMPARE(progress.bar()->value(), 2 * 469 + 200);

        progress.start(run, false);
        progress.finish(TrainStatus::Finished);
        QCOMPARE(progress.bar()->text(), QStringLiteral("5 epochs done"));
    }

    void badInputIsNamedInPlaceAndLosesNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("rate as text") << "rate"
                                      << "abc"
                                      << "Learning rate expects a number above 0";
        QTest::newRow("rate zero") << "rate"
                                   << "0"
                                   << "got '0'";
        QTest::newRow("rate negative") << "rate"
                                       << "-1"
                                       << "got '-1'";
        QTest::newRow("rate empty") << "rate"
                                    << ""
                                    << "Learning rate";
        QTest::newRow("zero units") << "units"
                                    << "0"
                                    << "Layer 1: units expects a whole number";
        QTest::newRow("units as text") << "units"
                                       << "x"
                                       << "got 'x'";
    }
    void badInputIsNamedInPlaceAndLosesNothing()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, message);
        resetRecipe(7, 64);
        QLineEdit *edit =
            field == QLatin1String("rate") ? editor()->learningRateEdit() : editor()->unitsEdit(0);
        const QString before = edit->text();
        typeInto(edit, text);
        QVERIFY2(editor()->errorText().contains(message), qPrintable(editor()->errorText()));
        QVERIFY(!edit->styleSheet().isEmpty()); // marked
        QVERIFY(!m_page->trainButton()->isEnabled());
        QCOMPARE(m_page->trainButton()->toolTip(), editor()->errorText());
        QTest::mouseClick(m_page->trainButton(), Qt::LeftButton); // disabled: nothing starts
        QVERIFY(!session()->isTraining());
        // Nothing else was lost, and fixing the field restores a valid recipe.
        QCOMPARE(editor()->epochsBox()->value(), 7);
        QCOMPARE(editor()->batchSizeBox()->value(), 64);
        typeInto(edit, before);
        QVERIFY(editor()->errorText().isEmpty());
        QVERIFY(edit->styleSheet().isEmpty());
        QVERIFY(m_page->trainButton()->isEnabled());
        QCOMPARE(editor()->check().recipe.options.epochs, 7);
    }

    void trainsPausesResumesAndStopsThroughTheButtons()
    {
        resetRecipe(1000); // 7 batches an epoch on the sample: long enough to stop by hand
        QSignalSpy progressed(session(), &TrainSession::progressed);
        QSignalSpy finished(session(), &TrainSession::finished);
        QTest::mouseClick(m_page->trainButton(), Qt::LeftButton);
        QCOMPARE(session()->state(), TrainSession::State::Training);
        QVERIFY(!m_page->trainButton()->isEnabled());
        QVERIFY(!editor()->learningRateEdit()->isEnabled()); // the recipe is fixed while training
        QVERIFY(progressed.wait(10000));
        QCOMPARE(session()->run().trainSamples, qint64{800});
        QCOMPARE(session()->run().stepsPerEpoch, 7); // 800 / 128, the last of 32

        QTest::mouseClick(m_page->pauseButton(), Qt::LeftButton);
        QCOMPARE(session()->state(), TrainSession::State::Paused);
        QCOMPARE(m_page->pauseButton()->text(), QStringLiteral("Resume"));
        QTest::qWait(300); // a batch in flight may still arrive
        const std::size_t held = session()->history().batches().size();
        QTest::qWait(300);
        QCOMPARE(session()->history().batches().size(), held);

        QTest::mouseClick(m_page->pauseButton(), Qt::LeftButton);
        QCOMPARE(session()->state(), TrainSession::State::Training);
        QTRY_VERIFY_WITH_TIMEOUT(session()->history().batches().size() > held, 5000);

        QTest::mouseClick(m_page->stopButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        const auto outcome = qvariant_cast<TrainOutcome>(finished.first().first());
        QCOMPARE(outcome.status, TrainStatus::Cancelled);
        QVERIFY(outcome.steps > 0);
        QVERIFY2(m_page->progress()->message().contains(QStringLiteral("Stopped")),
                 qPrintable(m_page->progress()->message()));
        QCOMPARE(session()->state(), TrainSession::State::Idle);
        // The bar says where the run stopped, not a time left (also once the page is redrawn).
        m_page->hide();
        m_page->show();
        QVERIFY2(m_page->progress()->bar()->text().startsWith(QStringLiteral("Stopped at epoch")),
                 qPrintable(m_page->progress()->bar()->text()));
        // The weights so far are kept, and are evaluated at once (listing 2.7).
        QVERIFY(session()->model());
        QTRY_VERIFY_WITH_TIMEOUT(session()->evaluation() != nullptr, 10000);
        QCOMPARE(confusionSum(session()->evaluation()->evaluation), qint64{200});
        QVERIFY(m_page->trainButton()->isEnabled());
    }

    void aShortRunFeedsEveryView()
    {
        resetRecipe(12);
        QVERIFY(trainToTheEnd());
        QCOMPARE(session()->outcome()->status, TrainStatus::Finished);
        const TrainHistory &h = session()->history();
        QCOMPARE(h.batches().size(), std::size_t{12 * 7});
        QCOMPARE(h.epochSummaries().size(), std::size_t{12});

        // Each batch's own loss, weighted by its size, averages to the epoch's loss.
        for (const auto &s : h.epochSummaries()) {
            double sum = 0.0;
            for (const BatchPoint &b : h.batches())
                if (b.epoch == s.epoch) sum += b.loss * (b.step < 7 ? 128.0 : 32.0);
            QVERIFY2(
                std::fabs(sum / 800.0 - s.loss) < 1e-4,
                qPrintable(
                    QStringLiteral("epoch %1: %2 vs %3").arg(s.epoch).arg(sum / 800).arg(s.loss)));
        }

        // The charts: batch curves (decimated no further than the batches), epoch curves with one
        // point per epoch, an axis in epochs.
        CurvePanel *c = m_page->curves();
        QCOMPARE(c->batchLoss()->pointCount(CurvePanel::Raw), 84);
        // The smoothed curve is thinned (a point every few pixels), its newest point exact.
        QVERIFY(c->batchLoss()->pointCount(CurvePanel::Smoothed) >= 2);
        QCOMPARE(c->batchLoss()->points(CurvePanel::Smoothed).constLast(), h.smoothLoss().back());
        QCOMPARE(c->batchAccuracy()->pointCount(CurvePanel::Raw), 84);
        QCOMPARE(c->epochLoss()->pointCount(CurvePanel::Train), 12);
        QCOMPARE(c->epochLoss()->pointCount(CurvePanel::Test), 12);
        QCOMPARE(c->epochAccuracy()->pointCount(CurvePanel::Test), 12);
        QCOMPARE(c->batchLoss()->points(CurvePanel::Raw).at(83).x(), 12.0);
        QVERIFY(c->batchLoss()->yMax() >= h.smoothLoss().front().y());

        // Hover names exact values.
        const auto &last = h.epochSummaries().back();
        const QString hover = c->epochAccuracy()->describeAt(QPointF(12.0, last.testAccuracy));
        QVERIFY2(hover.contains(QStringLiteral("epoch 12")) &&
                     hover.contains(QString::number(last.testAccuracy, 'f', 4)),
                 qPrintable(hover));
        const QPointF b = h.loss()[40];
        const QString batchHover = c->batchLoss()->describeAt(b);
        QVERIFY2(batchHover.contains(QStringLiteral("epoch 6, batch 6/7")), qPrintable(batchHover));

        // Keras' line and the progress bar at the end.
        // Listing 2.5's fit has no validation_data: Keras' line has no val_ metrics (the test
        // curves above come from evaluating apart from fit), and the bar says the run is done.
        QVERIFY(m_page->progress()->kerasText().contains(QStringLiteral("Epoch 12/12")));
        QVERIFY2(!m_page->progress()->kerasText().contains(QStringLiteral("val_")),
                 qPrintable(m_page->progress()->kerasText()));
        QCOMPARE(m_page->progress()->bar()->value(), m_page->progress()->bar()->maximum());
        QCOMPARE(m_page->progress()->bar()->text(), QStringLiteral("12 epochs done"));

        // First-layer weights: 64 of 512 units, each a 28 x 28 picture of its kernel column.
        WeightGrid *w = m_page->weights();
        QCOMPARE(w->tileCount(), 64);
        QCOMPARE(w->unitCount(), 512);
        const QImage unit = w->unitImage(5);
        QCOMPARE(unit.size(), QSize(28, 28));
        const auto kernel = session()->model()->kernel(0);
        // The strongest weight of the unit is painted at full colour, its sign deciding the hue.
        int strongest = 0;
        for (int p = 1; p < 784; ++p)
            if (std::fabs(kernel(p, 5)) > std::fabs(kernel(strongest, 5))) strongest = p;
        const QColor full = unit.pixelColor(strongest % 28, strongest / 28);
        QCOMPARE(full.rgb(),
                 kernel(strongest, 5) > 0 ? palette::positive().rgb() : palette::negative().rgb());

        // Predictions (listing 2.6): ten test digits with their bars.
        PredictionGrid *p = m_page->predictions();
        QCOMPARE(p->count(), 10);
        for (int k = 0; k < 10; ++k) {
            const auto &probs = p->probabilities(k);
            QCOMPARE(probs.size(), std::size_t{10});
            QVERIFY(std::fabs(std::accumulate(probs.begin(), probs.end(), 0.0) - 1.0) < 1e-4);
        }
        const QString code = m_page->codePanel()->code();
        QVERIFY2(
            code.contains(QStringLiteral("predictions[0].argmax()  # %1").arg(p->predicted(0))),
            qPrintable(code));

        // Evaluation (listing 2.7) on the 200 sample test digits.
        const EvaluationSnapshot eval = session()->evaluation();
        QVERIFY(eval);
        const auto &e = eval->evaluation;
        QCOMPARE(e.samples, qint64{200});
        QCOMPARE(confusionSum(e), qint64{200});
        QVERIFY2(e.accuracy > 0.6, qPrintable(QString::number(e.accuracy)));
        std::int64_t diagonal = 0;
        for (int d = 0; d < 10; ++d) {
            diagonal += e.confusionAt(d, d);
            std::int64_t row = 0;
            for (int c2 = 0; c2 < 10; ++c2)
                row += e.confusionAt(d, c2);
            if (row > 0) QCOMPARE(e.classAccuracy[d], double(e.confusionAt(d, d)) / double(row));
        }
        QCOMPARE(double(diagonal) / 200.0, e.accuracy);
        QVERIFY(code.contains(QStringLiteral("# test_acc: %1").arg(e.accuracy, 0, 'f', 4)));
        QVERIFY(m_page->evaluationText().contains(
            QStringLiteral("test_acc: %1").arg(e.accuracy, 0, 'f', 4)));
    }

    void clickingAConfusionCellListsItsDigits()
    {
        QVERIFY(haveAModelOfTheSample());
        const EvaluationSnapshot eval = session()->evaluation();
        QVERIFY(eval);
        m_page->tabs()->setCurrentIndex(TrainPage::EvaluateTab);
        ConfusionView *view = m_page->confusion();
        QTRY_VERIFY(view->isVisible());
        std::int64_t listed = 0;
        const auto *labels = eval->data->testLabels.data<std::uint8_t>();
        for (int l = 0; l < 10; ++l)
            for (int p = 0; p < 10; ++p)
                listed += static_cast<std::int64_t>(digitsInCell(*eval, l, p).size());
        QCOMPARE(listed, qint64{200}); // every test digit is in exactly one cell

        // The largest mistake and the 7s predicted right, clicked with the mouse.
        int ml = 0, mp = 1;
        for (int l = 0; l < 10; ++l)
            for (int p = 0; p < 10; ++p)
                if (l != p &&
                    eval->evaluation.confusionAt(l, p) > eval->evaluation.confusionAt(ml, mp))
                    ml = l, mp = p;
        for (auto [l, p] : {std::pair{ml, mp}, std::pair{7, 7}}) {
            QTest::mouseClick(view, Qt::LeftButton, {}, view->cellCentre(l, p));
            QCOMPARE(view->selectedLabel(), l);
            QCOMPARE(view->selectedPredicted(), p);
            DigitList *list = m_page->digitList();
            QCOMPARE(list->count(), int(eval->evaluation.confusionAt(l, p)));
            for (int row = 0; row < list->count(); ++row) {
                const int i = list->digitIndex(row);
                QCOMPARE(int(labels[i]), l);
                QCOMPARE(int(eval->predicted[static_cast<std::size_t>(i)]), p);
            }
            QVERIFY(m_page->cellCaption().contains(QString::number(list->count())));
            QVERIFY(view->describeAt(view->cellCentre(l, p))
                        .startsWith(QString::number(eval->evaluation.confusionAt(l, p))));
        }
    }

    void confusionCountsFitTheirCells_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("pointSize");
        QTest::newRow("its minimum") << QSize() << 9.0;
        QTest::newRow("presentation, its minimum") << QSize() << 14.0;
        QTest::newRow("squeezed") << QSize(260, 200) << 9.0;
        QTest::newRow("presentation, squeezed") << QSize(300, 220) << 14.0;
    }
    void confusionCountsFitTheirCells()
    {
        QVERIFY(haveAModelOfTheSample());
        // Every count, the widest of MNIST's (1,135 ones) included, fits its cell: at its
        // minimum size in a font that reads, squeezed in a smaller one, never clipped.
        QFETCH(QSize, size);
        QFETCH(double, pointSize);
        ConfusionView view;
        QFont f = view.font();
        f.setPointSizeF(pointSize);
        view.setFont(f);
        view.setEvaluation(session()->evaluation());
        view.resize(size.isValid() ? size : view.minimumSizeHint());
        const double cell = view.cellCentre(0, 1).x() - view.cellCentre(0, 0).x();
        const QFontMetricsF fm(view.countFont());
        QVERIFY2(
            fm.horizontalAdvance(QStringLiteral("1135")) < cell - 2,
            qPrintable(QStringLiteral("%1 in %2").arg(fm.horizontalAdvance("1135")).arg(cell)));
        QVERIFY(fm.height() < cell);
        // At its minimum the counts still read: not below 7.5 pt (70% of a larger font), give or
        // take a hinting step.
        if (!size.isValid())
            QVERIFY2(view.countFont().pointSizeF() >= 0.9 * std::max(7.5, 0.7 * pointSize),
                     qPrintable(QString::number(view.countFont().pointSizeF())));
    }

    void predictionCaptionsHaveRoomAtAnyFontSize_data()
    {
        QTest::addColumn<double>("pointSize");
        QTest::newRow("9 pt") << 9.0;
        QTest::newRow("presentation") << 14.0;
        QTest::newRow("huge") << 24.0;
    }
    void predictionCaptionsHaveRoomAtAnyFontSize()
    {
        // A card is a digit beside three caption lines ("[index]", "label 7", "✓ says 7") over
        // the bars: at its minimum size each caption fits beside a digit, the three lines and
        // the bars' value and digit rows fit in a card's height.
        QFETCH(double, pointSize);
        PredictionGrid grid;
        QFont f = grid.font();
        f.setPointSizeF(pointSize);
        grid.setFont(f);
        QFont bold = f;
        bold.setBold(true);
        const QFontMetricsF fm(f), bfm(bold);
        // The narrowest grid has two columns; a wide one five, in two rows.
        const QSize min = grid.minimumSizeHint();
        QCOMPARE(grid.columnsFor(min.width()), 2);
        QVERIFY(std::abs(grid.heightForWidth(min.width()) - 2.5 * min.height()) <= 3); // 5 rows
        QCOMPARE(grid.columnsFor(min.width() * 3), 5);
        // A card is its cell less 2 pixels either side (4 above and below), its digit 4 pixels
        // from the captions.
        const double cardWidth = min.width() / 2.0 - 4, cardHeight = min.height() / 2.0 - 8;
        const double widest = std::max({fm.horizontalAdvance(QStringLiteral("[9999]")),
                                        fm.horizontalAdvance(QStringLiteral("label 7")),
                                        bfm.horizontalAdvance(QStringLiteral("✓ says 7"))});
        QVERIFY2(cardWidth - widest - 4 >= fm.height(),
                 qPrintable(QStringLiteral("%1 for %2").arg(cardWidth).arg(widest)));
        QVERIFY(cardHeight >= 5 * bfm.lineSpacing());
    }

    void predictionsPageThroughTheTestSet()
    {
        QVERIFY(haveAModelOfTheSample());
        // Listing 2.6's slice as written, the digits it shows, paging by ten, the short last page.
        m_page->tabs()->setCurrentIndex(TrainPage::PredictionsTab);
        auto *first = m_page->findChild<QSpinBox *>(QStringLiteral("predictionFirst"));
        PredictionGrid *grid = m_page->predictions();
        const auto *labels = m_store->data()->testLabels.data<std::uint8_t>();
        first->setValue(0);
        QCOMPARE(first->text(), QStringLiteral("test_images[0:10]"));
        QTest::keyClick(first, Qt::Key_Up); // one page on
        QCOMPARE(first->value(), 10);
        QCOMPARE(grid->first(), 10);
        QCOMPARE(first->text(), QStringLiteral("test_images[10:20]"));
        QCOMPARE(grid->count(), 10);
        for (int k = 0; k < 10; ++k)
            QCOMPARE(grid->label(k), int(labels[10 + k]));
        QVERIFY(grid->predicted(0) >= 0);
        QVERIFY(m_page->codePanel()->code().contains(QStringLiteral("test_images[10:20]")));
        first->setValue(195);
        QCOMPARE(grid->count(), 5); // 200 sample test digits
        QCOMPARE(first->text(), QStringLiteral("test_images[195:200]"));
        QCOMPARE(grid->label(4), int(labels[199]));
        first->setValue(0);
        QCOMPARE(grid->label(0), int(labels[0]));
    }

    void aTestDigitOnTheCanvasKeepsTheOpenTab()
    {
        QVERIFY(haveAModelOfTheSample());
        // --train-draw with --train-tab predictions: the digit goes on the canvas, the asked tab
        // stays open.
        m_page->tabs()->setCurrentIndex(TrainPage::PredictionsTab);
        m_page->drawPanel()->canvas()->clear();
        m_page->drawTestDigit(0);
        QCOMPARE(m_page->tabs()->currentIndex(), int(TrainPage::PredictionsTab));
        QVERIFY(!m_page->drawPanel()->canvas()->isEmpty());
        // The Draw tab's own button still walks through the test set.
        m_page->tabs()->setCurrentIndex(TrainPage::DrawTab);
        auto *next = m_page->drawPanel()->findChild<QPushButton *>(QStringLiteral("putTestDigit"));
        QVERIFY(next);
        const std::vector<float> zero = m_page->drawPanel()->canvas()->ink();
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(m_page->tabs()->currentIndex(), int(TrainPage::DrawTab));
        QVERIFY(m_page->drawPanel()->canvas()->ink() != zero); // test_images[1], a 2
    }

    void theVerdictAndTheBarsAgree()
    {
        QVERIFY(haveAModelOfTheSample());
        DrawPanel *draw = m_page->drawPanel();
        m_page->drawTestDigit(0);
        draw->classifyNow();
        const int d = draw->predicted();
        QVERIFY(d >= 0);
        const QString p = probabilityText(draw->bars()->probabilities()[std::size_t(d)]);
        QCOMPARE(p.size(), 5); // "0.998": three decimals, in the verdict as on the bar
        QVERIFY2(draw->verdict().contains(QStringLiteral("(probability %1)").arg(p)),
                 qPrintable(draw->verdict()));
    }

    void epochChartsCountEpochs()
    {
        for (CurveChart *c : {m_page->curves()->epochLoss(), m_page->curves()->epochAccuracy(),
                              m_page->curves()->batchLoss(), m_page->curves()->batchAccuracy()}) {
            QCOMPARE(c->xTitle(), QStringLiteral("epoch"));
            // Ticks at whole epochs only, whatever the range's ends.
            QVERIFY(!c->layout().xTicks.empty());
            for (const ChartTick &t : c->layout().xTicks)
                QCOMPARE(t.value, std::round(t.value));
        }
    }

    void resetToTheBookRestoresTheRecipe()
    {
        typeInto(editor()->unitsEdit(0), QStringLiteral("64"));
        QTest::mouseClick(editor()->addLayerButton(), Qt::LeftButton);
        editor()->optimizerBox()->setCurrentIndex(1); // Adam
        typeInto(editor()->learningRateEdit(), QStringLiteral("0.01"));
        editor()->epochsBox()->setValue(9);
        editor()->batchSizeBox()->setValue(32);
        QVERIFY(editor()->input() != RecipeInput::book());
        QVERIFY(m_page->codePanel()->code().contains(QStringLiteral("epochs=9")));
        QTest::mouseClick(editor()->resetButton(), Qt::LeftButton);
        QCOMPARE(editor()->input(), RecipeInput::book());
        QCOMPARE(editor()->hiddenLayerCount(), 1);
        QCOMPARE(editor()->unitsEdit(0)->text(), QStringLiteral("512"));
        QCOMPARE(editor()->optimizerBox()->currentData().toInt(),
                 int(core::nn::OptimizerKind::RMSprop));
        QCOMPARE(editor()->learningRateEdit()->text(), QStringLiteral("0.001"));
        QCOMPARE(editor()->epochsBox()->value(), 5);
        QCOMPARE(editor()->batchSizeBox()->value(), 128);
        QVERIFY(m_page->codePanel()->code().contains(QStringLiteral("epochs=5, batch_size=128")));
    }

    void fitsASmallWindow()
    {
        // 1024 x 640 less the menu and status bars (about 50 pixels) and the page list (110 and
        // a splitter handle): the page (its recipe and code column included) asks no more, so the
        // window does not grow (switchingPagesKeepsTrainingGoing checks the window itself).
        const QSize min = m_page->minimumSizeHint();
        QVERIFY2(min.height() <= 585 && min.width() <= 900,
                 qPrintable(QStringLiteral("%1 x %2").arg(min.width()).arg(min.height())));
        // At that size the recipe's controls keep their height (the code panel gives way).
        m_page->resize(900, 585);
        QWidget *side = editor()->parentWidget();
        QTRY_VERIFY(side->height() >= side->minimumSizeHint().height());
        QVERIFY(editor()->height() >= editor()->minimumSizeHint().height());
        QVERIFY(m_page->codePanel()->y() > side->geometry().bottom()); // the code below, not over
        m_page->resize(1280, 800);
    }

    void narrowProgressKeepsTheTimeLeftAndValAccuracy()
    {
        // A narrow bar shows the time left rather than cutting it; the Keras line wraps to as
        // many lines as its longest text needs.
        TrainProgress progress;
        progress.resize(420, 200);
        progress.show();
        QVERIFY(QTest::qWaitForWindowExposed(&progress));
        TrainStart run;
        run.stepsPerEpoch = 469;
        run.epochs = 1;
        progress.start(run, true); // fit with validation_data: Keras' longest lines
        core::nn::BatchProgress b;
        b.epoch = 1;
        b.epochs = 1;
        b.step = 400;
        b.stepsPerEpoch = 469;
        b.elapsedSeconds = 3.0;
        b.epochSeconds = 3.0;
        progress.showBatch(b);
        progress.bar()->setFixedWidth(120);
        QVERIFY2(progress.bar()->shownText().endsWith(QStringLiteral("s left")),
                 qPrintable(progress.bar()->shownText()));
        QVERIFY(
            QFontMetrics(progress.bar()->font()).horizontalAdvance(progress.bar()->shownText()) <=
            120 - 8);
        core::nn::EpochSummary s;
        s.epoch = s.epochs = 1;
        s.steps = 469;
        s.seconds = 3.0;
        s.loss = 0.2563;
        s.accuracy = 0.926;
        s.tested = true;
        s.testLoss = 0.1359;
        s.testAccuracy = 0.9609;
        progress.showEpoch(s);
        auto *keras = progress.findChild<QWidget *>(QStringLiteral("kerasLine"));
        QVERIFY(keras);
        const QFontMetrics fm(keras->font());
        const QRect need = fm.boundingRect(QRect(0, 0, keras->width() - 4, 10000),
                                           Qt::AlignLeft | Qt::TextWordWrap, progress.kerasText());
        QVERIFY2(need.height() <= keras->height() - 2,
                 qPrintable(QStringLiteral("%1 > %2").arg(need.height()).arg(keras->height())));
    }

    void yTitlesAreWholeOrLeftOut()
    {
        // A y title is shown only where the plot is tall enough for all of it.
        for (int h : {110, 140, 300}) {
            CurveChart chart(QStringLiteral("Accuracy per batch"), QStringLiteral("epoch"),
                             QStringLiteral("accuracy"));
            chart.resize(300, h);
            chart.show();
            QVERIFY(QTest::qWaitForWindowExposed(&chart));
            const ChartLayout &l = chart.layout();
            if (l.yTitleShown) {
                const double title =
                    QFontMetricsF(chart.font()).horizontalAdvance(QStringLiteral("accuracy"));
                QVERIFY2(
                    title <= l.plot.height(),
                    qPrintable(
                        QStringLiteral("%1 > %2 at %3").arg(title).arg(l.plot.height()).arg(h)));
            }
            if (h == 300) QVERIFY(l.yTitleShown);
        }
    }

    void switchingPagesKeepsTrainingGoing()
    {
        // In the main window at 1024 x 640: the window keeps its size, and a run goes on while
        // other pages are shown.
        MainWindow window(m_context.get());
        window.resize(1024, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(QStringLiteral("train")));
        auto *page = qobject_cast<TrainPage *>(window.page(QStringLiteral("train")));
        QVERIFY(page);
        QTest::qWait(100);
        QCOMPARE(window.size(), QSize(1024, 640));
        QTest::mouseClick(page->recipeEditor()->resetButton(), Qt::LeftButton);
        page->recipeEditor()->epochsBox()->setValue(1000);
        QSignalSpy progressed(page->session(), &TrainSession::progressed);
        QTest::mouseClick(page->trainButton(), Qt::LeftButton);
        QVERIFY(progressed.wait(10000));
        for (const QString &id : {QStringLiteral("mnist"), QStringLiteral("geometry")}) {
            QVERIFY(window.showPage(id));
            keepGlDriverLoaded(); // the Geometry page has loaded Mesa (see the header)
            const std::size_t before = page->session()->history().batches().size();
            QTRY_VERIFY_WITH_TIMEOUT(page->session()->history().batches().size() > before + 3,
                                     10000);
            QVERIFY(page->session()->isTraining());
        }
        QVERIFY(window.showPage(QStringLiteral("train")));
        QTRY_VERIFY(page->curves()->batchLoss()->pointCount(CurvePanel::Raw) > 0);
        QCOMPARE(window.size(), QSize(1024, 640));
        QTest::mouseClick(page->stopButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isTraining() && !page->session()->isEvaluating(),
                                 60000);

        // Presentation mode on a 1280 x 800 or a 1024 x 768 projector, after a run: larger
        // fonts, the same window (the recipe's long wordings give way to short ones, the charts
        // become a tab).
        for (const QSize projector : {QSize(1280, 800), QSize(1024, 768)}) {
            window.resize(projector);
            m_context->setPresentationMode(true);
            QTest::qWait(200);
            const QSize presented = window.size();
            m_context->setPresentationMode(false);
            QCOMPARE(presented, projector);
        }
    }

    // Every widget's font, and the fonts the charts draw their titles and axes in, by widget.
    static QHash<const QWidget *, QString> fontsOf(const QWidget *window)
    {
        QHash<const QWidget *, QString> fonts;
        for (const QWidget *w : window->findChildren<const QWidget *>()) {
            QString f = QStringLiteral("%1 pt, weight %2")
                            .arg(w->font().pointSizeF())
                            .arg(w->font().weight());
            if (auto *chart = qobject_cast<const CurveChart *>(w)) {
                f += QStringLiteral("; chart title %1 pt, line scale %2")
                         .arg(chart->titleFont().pointSizeF())
                         .arg(chart->lineScale());
            }
            fonts.insert(w, f);
        }
        return fonts;
    }

    void f5IsStartingInPresentationMode()
    {
        // F5 after a run gives what starting in presentation mode (the shell sets it before any
        // run) gives: the same font in every widget, the finished run's message included.
        MainWindow window(m_context.get());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPage(QStringLiteral("train")));
        auto *page = qobject_cast<TrainPage *>(window.page(QStringLiteral("train")));
        auto trainOnce = [page] {
            QSignalSpy settled(page, &TrainPage::settled);
            QTest::mouseClick(page->recipeEditor()->resetButton(), Qt::LeftButton);
            page->recipeEditor()->epochsBox()->setValue(1);
            QTest::mouseClick(page->trainButton(), Qt::LeftButton);
            return settled.wait(30000) &&
                   QTest::qWaitFor([page] { return !page->session()->isEvaluating(); }, 30000);
        };
        QVERIFY(trainOnce());
        QVERIFY(page->progress()->message().contains(QStringLiteral("test_acc")));
        // F5 is the View menu's action (a shortcut needs the active window, which a test under
        // Xvfb without a window manager may not get).
        QAction *f5 = nullptr;
        for (QAction *a : window.findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(Qt::Key_F5)) f5 = a;
        QVERIFY(f5);
        f5->trigger();
        QVERIFY(m_context->presentationMode());
        QTest::qWait(100); // the charts apply their fonts a turn of the event loop later
        const auto afterF5 = fontsOf(&window);

        f5->trigger();
        QVERIFY(!m_context->presentationMode());
        f5->trigger();
        QVERIFY(trainOnce()); // the run's message is set in presentation mode now
        QTest::qWait(100);
        const auto started = fontsOf(&window);
        m_context->setPresentationMode(false);
        QTest::qWait(50);

        int compared = 0;
        for (auto it = started.constBegin(); it != started.constEnd(); ++it) {
            if (!afterF5.contains(it.key())) continue;
            ++compared;
            QVERIFY2(afterF5.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("%1: %2 after F5, %3 from the start")
                                    .arg(testing::widgetPath(it.key()), afterF5.value(it.key()),
                                         it.value())));
        }
        QVERIFY(compared > 100);
    }

    void presentationFitsAProjector_data()
    {
        QTest::addColumn<QSize>("projector");
        QTest::addColumn<bool>("atStart"); // as --presentation: before the page is first shown
        QTest::newRow("1280 x 800") << QSize(1280, 800) << false;
        QTest::newRow("1024 x 768") << QSize(1024, 768) << false;
        // First shown in presentation mode, as --presentation does (test-cli.sh checks the app
        // started so, where the optimizer's list once pushed the window to 1026 pixels).
        QTest::newRow("1024 x 768, started so") << QSize(1024, 768) << true;
    }
    void presentationFitsAProjector()
    {
        // In presentation mode on a projector, after a run: the window keeps the screen's size,
        // nothing sticks out of it, the tab bar does not scroll, and each tab shows all of its
        // picture: charts whose plots take a third of their height with more than two ticks,
        // the whole confusion matrix with test_acc, both rows of predictions.
        QFETCH(QSize, projector);
        QFETCH(bool, atStart);
        MainWindow window(m_context.get());
        window.resize(projector);
        QVERIFY(window.showPage(QStringLiteral("train")));
        auto *page = qobject_cast<TrainPage *>(window.page(QStringLiteral("train")));
        const double baseFont = page->font().pointSizeF();
        if (atStart) m_context->setPresentationMode(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        m_context->setPresentationMode(true);
        auto restore = qScopeGuard([this] { m_context->setPresentationMode(false); });
        QSignalSpy settled(page, &TrainPage::settled);
        QTest::mouseClick(page->recipeEditor()->resetButton(), Qt::LeftButton);
        page->recipeEditor()->epochsBox()->setValue(3);
        QTest::mouseClick(page->trainButton(), Qt::LeftButton);
        QVERIFY(settled.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!page->session()->isEvaluating(), 30000);
        QVERIFY(page->chartsAreATab());

        const QList<TrainPage::Tab> tabs = {TrainPage::ChartsTab, TrainPage::WeightsTab,
                                            TrainPage::PredictionsTab, TrainPage::EvaluateTab,
                                            TrainPage::DrawTab};
        for (const TrainPage::Tab tab : tabs) {
            page->showTab(tab);
            QTest::qWait(150);
            const QString where = QStringLiteral("tab %1").arg(page->tabs()->tabText(tab));
            QCOMPARE(window.size(), projector);
            const QStringList clipped = testing::clippedWidgets(&window);
            QVERIFY2(clipped.isEmpty(),
                     qPrintable(where + QStringLiteral(": ") + clipped.join(QStringLiteral("\n"))));
            QTabBar *bar = page->tabs()->tabBar();
            QVERIFY2(bar->sizeHint().width() <= page->tabs()->width(),
                     qPrintable(QStringLiteral("the tab bar needs %1 of %2")
                                    .arg(bar->sizeHint().width())
                                    .arg(page->tabs()->width())));
            for (int i = 0; i < bar->count(); ++i)
                QVERIFY(bar->rect().contains(bar->tabRect(i)));
        }

        page->showTab(TrainPage::ChartsTab);
        QTest::qWait(100);
        CurvePanel *c = page->curves();
        for (CurveChart *chart :
             {c->batchLoss(), c->batchAccuracy(), c->epochLoss(), c->epochAccuracy()}) {
            const double plot = chart->layout().plot.height();
            QVERIFY2(plot >= chart->height() / 3.0, qPrintable(QStringLiteral("%1: plot %2 of %3")
                                                                   .arg(chart->objectName())
                                                                   .arg(plot)
                                                                   .arg(chart->height())));
            QVERIFY2(chart->layout().yTicks.size() > 2, qPrintable(chart->objectName()));
            QVERIFY(chart->lineScale() > 1.0);
        }

        page->showTab(TrainPage::EvaluateTab);
        QTest::qWait(150);
        ConfusionView *matrix = page->confusion();
        QVERIFY2(testing::wholeInView(matrix), "the confusion matrix is cut");
        auto *summary = page->findChild<QLabel *>(QStringLiteral("evaluation"));
        QVERIFY(summary->text().contains(QStringLiteral("test_acc")));
        QVERIFY2(testing::wholeInView(summary), "test_acc is out of view");
        // The counts are drawn at least as large as text is outside presentation mode.
        QVERIFY2(matrix->countFont().pointSizeF() >= baseFont,
                 qPrintable(QStringLiteral("%1 pt < %2 pt")
                                .arg(matrix->countFont().pointSizeF())
                                .arg(baseFont)));

        page->showTab(TrainPage::PredictionsTab);
        QTest::qWait(150);
        QVERIFY2(testing::wholeInView(page->predictions()), "a row of predictions is cut");
        QVERIFY(page->predictions()->height() >=
                page->predictions()->heightForWidth(page->predictions()->width()));

        page->showTab(TrainPage::DrawTab);
        QTest::qWait(100);
        for (auto *bars : page->drawPanel()->findChildren<ProbabilityBars *>())
            QVERIFY(bars->height() >= bars->minimumSizeHint().height());
    }

    void exportsHistoryAndCharts()
    {
        QVERIFY(haveAModelOfTheSample());
        const QString csv = m_dir.filePath(QStringLiteral("history.csv"));
        QVERIFY(m_page->exportHistoryCsv(csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + int(session()->history().batches().size())); // a line a batch
        QVERIFY(lines[7].startsWith(QStringLiteral("1,7,")));
        QCOMPARE(lines[7].split(QLatin1Char(',')).size(), 10);
        QVERIFY(!lines[7].split(QLatin1Char(',')).last().isEmpty()); // val_accuracy of epoch 1

        const QString png = m_dir.filePath(QStringLiteral("charts.png"));
        QVERIFY(m_page->exportChartsPng(png));
        const QImage img(png);
        QVERIFY(img.width() > 200 && img.height() > 200);

        QVERIFY(!m_page->exportHistoryCsv(QStringLiteral("/nonexistent-dir/history.csv")));
        QVERIFY(m_page->progress()->message().startsWith(QStringLiteral("Not exported")));
        QVERIFY(!m_page->exportChartsPng(QStringLiteral("/nonexistent-dir/charts.png")));
    }

    void saveAndLoadRoundTrip()
    {
        // A custom network, so loading has to rebuild the editor's layers.
        resetRecipe(3);
        typeInto(editor()->unitsEdit(0), QStringLiteral("48"));
        QTest::mouseClick(editor()->addLayerButton(), Qt::LeftButton);
        QCOMPARE(editor()->hiddenLayerCount(), 2);
        typeInto(editor()->unitsEdit(1), QStringLiteral("24"));
        editor()->optimizerBox()->setCurrentIndex(1); // Adam
        QVERIFY(editor()->check().ok);
        QVERIFY(trainToTheEnd());
        const ModelSnapshot trained = session()->model();
        const double accuracy = session()->evaluation()->evaluation.accuracy;
        const QString path = m_dir.filePath(QStringLiteral("custom.ucm"));
        QVERIFY(m_page->saveModelTo(path));
        QVERIFY(m_page->progress()->message().contains(QStringLiteral("Saved")));

        resetRecipe(5);
        QVERIFY(m_page->loadModelFrom(path));
        QTRY_VERIFY_WITH_TIMEOUT(!session()->isEvaluating() && session()->evaluation(), 10000);
        const ModelSnapshot loaded = session()->model();
        QVERIFY(loaded != trained);
        QVERIFY(loaded->sameArchitecture(*trained));
        QVERIFY(std::equal(loaded->parameters().begin(), loaded->parameters().end(),
                           trained->parameters().begin(), trained->parameters().end()));
        QCOMPARE(session()->evaluation()->evaluation.accuracy, accuracy);
        QCOMPARE(session()->optimizerName(), QStringLiteral("adam"));
        QCOMPARE(editor()->hiddenLayerCount(), 2);
        QCOMPARE(editor()->unitsEdit(0)->text(), QStringLiteral("48"));
        QCOMPARE(editor()->unitsEdit(1)->text(), QStringLiteral("24"));
        QCOMPARE(editor()->optimizerBox()->currentData().toInt(),
                 int(core::nn::OptimizerKind::Adam));
        QVERIFY(session()->history().isEmpty());
        QCOMPARE(m_page->weights()->unitCount(), 48);
        QCOMPARE(m_page->weights()->tileCount(), 48);
    }

    void brokenModelFilesAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << "missing"
                                 << "Not loaded";
        QTest::newRow("not a model") << "garbage"
                                     << "Not loaded";
        QTest::newRow("truncated") << "truncated"
                                   << "Not loaded";
        QTest::newRow("flipped byte") << "flipped"
                                      << "Not loaded";
        QTest::newRow("wrong inputs") << "inputs"
                                      << "not 784";
        QTest::newRow("no softmax") << "relu-out"
                                    << "does not end in Dense(10, softmax)";
    }
    void brokenModelFilesAreRefused()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        const QString good = goodModelFile();
        const QString path = m_dir.filePath(kind + QStringLiteral(".ucm"));
        QFile in(good);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        using core::nn::Activation;
        if (kind == QLatin1String("garbage")) bytes = "PK\x03\x04 this is a zip, not a model";
        if (kind == QLatin1String("truncated")) bytes.chop(100);
        if (kind == QLatin1String("flipped"))
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
        if (kind == QLatin1String("inputs") || kind == QLatin1String("relu-out")) {
            core::nn::Sequential m(
                kind == QLatin1String("inputs") ? 100 : 784,
                {{8, Activation::Relu},
                 {10, kind == QLatin1String("inputs") ? Activation::Softmax : Activation::Relu}});
            m.initialize(1);
            core::nn::saveModel(path.toStdString(), m, "sgd");
        } else if (kind != QLatin1String("missing")) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
        }
        const ModelSnapshot before = session()->model();
        const RecipeInput recipe = editor()->input();
        QVERIFY(!m_page->loadModelFrom(path));
        QVERIFY2(m_page->progress()->message().contains(message),
                 qPrintable(m_page->progress()->message()));
        QVERIFY(
            m_page->progress()->message().contains(QStringLiteral("the current model is kept")));
        QCOMPARE(session()->model(), before);
        QCOMPARE(editor()->input(), recipe);
    }

    void aDivergingRunStopsAndKeepsTheLastGoodWeights()
    {
        resetRecipe(3, 32);
        editor()->optimizerBox()->setCurrentIndex(2); // SGD
        QCOMPARE(editor()->optimizerBox()->currentData().toInt(),
                 int(core::nn::OptimizerKind::SGD));
        typeInto(editor()->learningRateEdit(), QStringLiteral("1e12"));
        QVERIFY(editor()->check().ok);
        QVERIFY(trainToTheEnd());
        QCOMPARE(session()->outcome()->status, TrainStatus::Diverged);
        QVERIFY2(m_page->progress()->message().contains(QStringLiteral("diverged")),
                 qPrintable(m_page->progress()->message()));
        for (float w : session()->model()->parameters())
            QVERIFY(std::isfinite(w));
        QVERIFY(session()->evaluation());
        QVERIFY(std::isfinite(session()->evaluation()->evaluation.loss));
        QVERIFY(m_page->trainButton()->isEnabled());
    }

    // ---- On the full data set --------------------------------------------------------------

    void aRunKeepsItsDataWhenTheFullSetArrives()
    {
        // The full set loads while a run on the sample goes on: the run keeps the sample, the
        // page shows the new set once the run (and its evaluation) is over.
        resetRecipe(1000);
        QSignalSpy progressed(session(), &TrainSession::progressed);
        QTest::mouseClick(m_page->trainButton(), Qt::LeftButton);
        QVERIFY(progressed.wait(10000));
        const QString dir = QString::fromStdString(core::defaultMnistDir().string());
        QSignalSpy loaded(m_store.get(), &DataStore::dataChanged);
        if (!m_store->loadDirectory(dir))
            QFAIL(qPrintable(
                QStringLiteral("full MNIST not found in %1: run scripts/fetch-mnist").arg(dir)));
        QVERIFY(loaded.wait(20000));
        QVERIFY(session()->isTraining());
        QCOMPARE(session()->run().trainSamples, qint64{800});
        QCOMPARE(m_page->predictions()->testCount(), 200);
        QTest::mouseClick(m_page->stopButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!session()->isTraining() && !session()->isEvaluating(), 120000);
        QCOMPARE(session()->evaluation()->evaluation.samples, qint64{200}); // of the run's data
        QCOMPARE(m_page->predictions()->testCount(), 10000);
        QVERIFY2(m_page->evaluationText().contains(QStringLiteral("evaluate again")),
                 qPrintable(m_page->evaluationText()));
        QVERIFY(m_page->codePanel()->code().contains(QStringLiteral("(60000, 28 * 28)")));
    }

    void aDrawnDigitIsClassified()
    {
        QVERIFY(haveTheFullSet());
        QCOMPARE(m_page->predictions()->testCount(), 10000);
        resetRecipe(1);
        // A few seconds normally; sanitizer builds on a busy machine take minutes.
        QVERIFY(trainToTheEnd(600000));
        QVERIFY2(session()->evaluation()->evaluation.accuracy > 0.93,
                 qPrintable(QString::number(session()->evaluation()->evaluation.accuracy)));
        QCOMPARE(confusionSum(session()->evaluation()->evaluation), qint64{10000});

        m_page->tabs()->setCurrentIndex(TrainPage::DrawTab);
        DrawPanel *draw = m_page->drawPanel();
        QTRY_VERIFY(draw->isVisible());

        // Real test digits put on the canvas go through the MNIST preprocessing unchanged and
        // are classified as the network classifies them from the test set.
        const auto *labels = m_store->data()->testLabels.data<std::uint8_t>();
        int right = 0;
        for (int i = 0; i < 20; ++i) {
            m_page->drawTestDigit(i);
            draw->classifyNow();
            right += draw->predicted() == labels[i];
        }
        QVERIFY2(right >= 18, qPrintable(QString::number(right)));

        // Strokes drawn with the mouse: a one and a zero, the two shapes no model mistakes.
        DrawCanvas *canvas = draw->canvas();
        QTest::mouseClick(draw->findChild<QPushButton *>(QStringLiteral("clearDrawing")),
                          Qt::LeftButton);
        QVERIFY(canvas->isEmpty());
        auto at = [canvas](double x, double y) {
            const double side = std::min(canvas->width(), canvas->height()) - 2;
            return QPoint(int((canvas->width() - side) / 2 + x * side),
                          int((canvas->height() - side) / 2 + y * side));
        };
        QTest::mousePress(canvas, Qt::LeftButton, {}, at(0.52, 0.15));
        for (int k = 1; k <= 20; ++k)
            QTest::mouseMove(canvas, at(0.52 - 0.04 * k / 20.0, 0.15 + 0.7 * k / 20.0));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, at(0.48, 0.85));
        QVERIFY(!canvas->isEmpty());
        QSignalSpy classified(draw, &DrawPanel::classified);
        QVERIFY(classified.wait(2000));
        QCOMPARE(draw->predicted(), 1);
        QVERIFY(draw->verdict().contains(QStringLiteral("says 1")));
        // The prepared input is MNIST-like: 20 pixels tall, centred.
        const core::CentreOfMass c = core::centreOfMass(draw->prepared(), 28, 28);
        QVERIFY(std::fabs(c.row - 14) <= 0.5 && std::fabs(c.col - 14) <= 0.5);

        // The right button erases: going over the stroke again leaves a blank canvas.
        QTest::mousePress(canvas, Qt::RightButton, {}, at(0.52, 0.15));
        for (int k = 1; k <= 20; ++k)
            QTest::mouseMove(canvas, at(0.52 - 0.04 * k / 20.0, 0.15 + 0.7 * k / 20.0));
        QTest::mouseRelease(canvas, Qt::RightButton, {}, at(0.48, 0.85));
        QVERIFY(canvas->isEmpty());
        draw->classifyNow();
        QCOMPARE(draw->predicted(), -1);

        canvas->clear();
        QList<QPointF> ring;
        for (int k = 0; k <= 40; ++k)
            ring.append(
                QPointF(140 + 70 * std::sin(k * M_PI / 20), 140 - 100 * std::cos(k * M_PI / 20)));
        canvas->stroke(ring);
        draw->classifyNow();
        QCOMPARE(draw->predicted(), 0);
    }

    void liveChartsUpdateAtLeastTenTimesASecond()
    {
        QVERIFY(haveTheFullSet());
        // The issue asks for live charts at 10 Hz or more: the worker sends batches every 50 ms
        // (20 Hz), the page redraws every 80 ms while they arrive, so even a slow batch leaves
        // room. Counted over two seconds of the full set; the run is long enough that only the
        // Stop button ends it, however fast the machine.
        resetRecipe(100);
        m_page->tabs()->setCurrentIndex(TrainPage::WeightsTab);
        QSignalSpy progressed(session(), &TrainSession::progressed);
        int redraws = 0;
        auto counting = connect(m_page->curves()->batchLoss(), &CurveChart::curveChanged, this,
                                [&redraws](int curve) { redraws += curve == CurvePanel::Raw; });
        QTest::mouseClick(m_page->trainButton(), Qt::LeftButton);
        QVERIFY(progressed.wait(10000));
        auto batchesDone = [this] {
            const auto &p = session()->latest();
            return (p.epoch - 1) * p.stepsPerEpoch + p.step;
        };
        QElapsedTimer clock;
        clock.start();
        progressed.clear();
        redraws = 0;
        const int batchesBefore = batchesDone();
        QTest::qWait(2000);
        const double seconds = double(clock.elapsed()) / 1000.0;
        const double rate = progressed.size() / seconds, charts = redraws / seconds;
        disconnect(counting);
        const double batches = (batchesDone() - batchesBefore) / seconds;
        qInfo("%.1f progress updates and %.1f chart redraws per second (%.0f batches per second)",
              rate, charts, batches);
        QVERIFY(session()->isTraining()); // the whole window was training
        QVERIFY2(batches >= 20.0, qPrintable(QString::number(batches))); // it did train
        // Nothing can be shown faster than batches end: a sanitizer build on a busy machine may
        // train fewer than 20 batches a second, and then at least every other one must be shown.
        const double expected = std::min(10.0, batches / 2.0);
        QVERIFY2(rate >= expected, qPrintable(QString::number(rate)));
        QVERIFY2(charts >= expected, qPrintable(QString::number(charts)));
        QTest::mouseClick(m_page->stopButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!session()->isTraining() && !session()->isEvaluating(), 120000);
    }

    void staysResponsiveWhileTraining()
    {
        QVERIFY(haveTheFullSet());
        // The event loop keeps turning while the full set trains on both cores: a 10 ms timer is
        // never held up for long, tabs switch and paint, the page can be hidden and shown.
        resetRecipe(100);
        m_page->tabs()->setCurrentIndex(TrainPage::WeightsTab);
        QSignalSpy progressed(session(), &TrainSession::progressed);
        QTest::mouseClick(m_page->trainButton(), Qt::LeftButton);
        QVERIFY(progressed.wait(10000));
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, worst = 0;
        int ticks = 0;
        QTimer timer;
        QObject::connect(&timer, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
            if (++ticks % 25 == 0)
                m_page->tabs()->setCurrentIndex((m_page->tabs()->currentIndex() + 1) % 4);
        });
        timer.start(10);
        QTest::qWait(1500);
        timer.stop();
        qInfo("event loop: %d ticks in 1.5 s, longest gap %lld ms", ticks, worst);
        QVERIFY2(worst < 300, qPrintable(QString::number(worst)));
        QVERIFY(session()->isTraining());
        QVERIFY(m_page->curves()->batchLoss()->pointCount(CurvePanel::Raw) > 0);

        m_page->hide();
        QTest::qWait(200);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QTest::mouseClick(m_page->stopButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!session()->isTraining() && !session()->isEvaluating(), 120000);
    }

    void otherImageSizesAreRefusedPolitely()
    {
        // An IDX data set of 12 x 12 images (the app opens any IDX folder): the page says why it
        // cannot train on it, and no view reads it as 28 x 28 digits.
        QTemporaryDir dir;
        auto idx = [&](const char *name, std::vector<quint32> dims, int ndim) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QByteArray head;
            head.append(char(0)).append(char(0)).append(char(8)).append(char(ndim));
            quint64 n = 1;
            for (quint32 d : dims) {
                for (int b = 3; b >= 0; --b)
                    head.append(char((d >> (8 * b)) & 0xFF));
                n *= d;
            }
            f.write(head);
            f.write(QByteArray(static_cast<qsizetype>(n), char(ndim == 1 ? 3 : 100)));
        };
        idx("train-images-idx3-ubyte", {50, 12, 12}, 3);
        idx("train-labels-idx1-ubyte", {50}, 1);
        idx("t10k-images-idx3-ubyte", {20, 12, 12}, 3);
        idx("t10k-labels-idx1-ubyte", {20}, 1);
        DataStore store;
        AppContext context(&store);
        TrainPage page(&context);
        page.resize(1000, 700);
        page.show();
        QSignalSpy loaded(&store, &DataStore::dataChanged);
        QVERIFY(store.loadDirectory(dir.path()));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(store.data()->testImages.shape(), (core::Shape{20, 12, 12}));
        QTest::mouseClick(page.trainButton(), Qt::LeftButton);
        QVERIFY(!page.session()->isTraining());
        QVERIFY2(page.progress()->message().contains(QStringLiteral("28 x 28")),
                 qPrintable(page.progress()->message()));
        QCOMPARE(page.predictions()->count(), 0);
        page.drawTestDigit(3); // nothing to put on the canvas
        QVERIFY(page.drawPanel()->canvas()->isEmpty());
    }

    void closingThePageWhileTrainingStopsCleanly()
    {
        resetRecipe(5);
        QSignalSpy progressed(session(), &TrainSession::progressed);
        QTest::mouseClick(m_page->trainButton(), Qt::LeftButton);
        QVERIFY(progressed.wait(10000));
        QTest::mouseClick(m_page->pauseButton(), Qt::LeftButton); // even paused
        QElapsedTimer t;
        t.start();
        m_page.reset();
        qInfo("page destroyed %lld ms after the request", t.elapsed());
        QVERIFY(t.elapsed() < 5000);
    }
};

QTEST_MAIN(TestTrainPage)
#include "test_trainpage.moc"

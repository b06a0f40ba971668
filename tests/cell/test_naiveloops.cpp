// The book's naive_relu and naive_add, element by element through the engine: the same numbers
// as np.maximum(z, 0.) and x + y, bit for bit, and the timing experiment's two measurements.

#include "core/cell/naiveloops.h"
#include "core/cell/session.h"
#include "core/errors.h"

#include <QTest>

using namespace core::cell;

class TestNaiveLoops : public QObject {
    Q_OBJECT

    static core::Tensor array(Session &s, const char *cell)
    {
        const CellResult r = s.run(std::string("import numpy as np\n") + cell);
        if (!r.ok() || !r.value || !r.value->isArray()) qFatal("cell failed: %s", cell);
        return r.value->asArray();
    }

private slots:
    void naiveLoopsGiveNumPysNumbers()
    {
        Session s;
        const core::Tensor x = array(s, "np.array([[1.5, -2.], [0.5, -0.25]])");
        const core::Tensor y = array(s, "np.array([[0.5, 1.], [-1., 0.25]])");
        const core::Tensor relu = naiveRelu(x);
        QCOMPARE(relu.shape(), x.shape());
        const double expectRelu[] = {1.5, 0.0, 0.5, 0.0};
        for (int i = 0; i < 4; ++i)
            QCOMPARE(relu.flatAt(i), expectRelu[i]);
        const core::Tensor sum = naiveAdd(x, y);
        const double expectSum[] = {2.0, -1.0, -0.5, 0.0};
        for (int i = 0; i < 4; ++i)
            QCOMPARE(sum.flatAt(i), expectSum[i]);
        // The input is copied first (x = x.copy()), as the book's functions do.
        QCOMPARE(x.flatAt(1), -2.0);
    }

    void theyRefuseWhatTheBooksAssertsRefuse()
    {
        Session s;
        const core::Tensor v = array(s, "np.array([1., 2.])");
        const core::Tensor m = array(s, "np.zeros((2, 3))");
        const core::Tensor n = array(s, "np.zeros((3, 2))");
        QVERIFY_THROWS_EXCEPTION(core::ValueError, naiveRelu(v));
        QVERIFY_THROWS_EXCEPTION(core::ValueError, naiveAdd(m, n));
    }

    void theTimingMeasuresBothWaysOnTheBooksArrays()
    {
        Session s;
        const core::Tensor x = array(s, "np.random.random((20, 100)) - 0.5");
        const core::Tensor y = array(s, "np.random.random((20, 100)) - 0.5");
        const ElementwiseTiming t = timeElementwise(x, y, 20);
        QCOMPARE(t.repetitions, 20);
        QVERIFY(t.sameResult);
        QVERIFY(t.vectorisedSeconds > 0);
        // Element by element does the dispatch 2,000 times per operation instead of once.
        QVERIFY2(t.naiveSeconds > 5 * t.vectorisedSeconds,
                 qPrintable(QStringLiteral("naive %1 s, vectorised %2 s")
                                .arg(t.naiveSeconds)
                                .arg(t.vectorisedSeconds)));
    }
};

QTEST_GUILESS_MAIN(TestNaiveLoops)
#include "test_naiveloops.moc"

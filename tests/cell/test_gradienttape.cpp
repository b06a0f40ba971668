// tf.GradientTape in the cell engine: the book's section 2.4.4 listings with the book's values,
// the Gradient page's cells, reverse-mode gradients against central finite differences for every
// differentiable operation, the errors (in TensorFlow's and Python 3.11's words: the indentation
// messages were checked with CPython 3.11's compile()), and RecordedTape::evaluate, vectorised
// and from another thread.

#include "core/cell/pyerror.h"
#include "core/cell/session.h"
#include "core/cell/tape.h"

#include <QTest>

#include <atomic>
#include <cmath>
#include <thread>

using namespace core::cell;

namespace {

QString errorOf(Session &s, const std::string &cell)
{
    const CellResult r = s.run(cell);
    return r.error ? QString::fromStdString(r.error->text()) : QString();
}

QString reprOf(Session &s, const std::string &cell)
{
    const CellResult r = s.run(cell);
    if (r.error) return QStringLiteral("error: ") + QString::fromStdString(r.error->text());
    return QString::fromStdString(r.valueRepr);
}

std::vector<double> valuesOf(const core::Tensor &t)
{
    std::vector<double> out;
    for (std::int64_t i = 0; i < t.size(); ++i)
        out.push_back(t.flatAt(i));
    return out;
}

std::vector<double> variableValues(Session &s, const char *name)
{
    const auto v = s.variable(name);
    if (!v || !v->isArray()) return {};
    return valuesOf(v->asArray());
}

double sumOf(const core::Tensor &t)
{
    double s = 0;
    for (double v : valuesOf(t))
        s += v;
    return s;
}

core::Tensor tensorOf(const std::vector<double> &values, const core::Shape &shape)
{
    core::Tensor t(core::DType::Float64, shape);
    std::copy(values.begin(), values.end(), t.mutableData<double>());
    return t;
}

} // namespace

class TestGradientTape : public QObject {
    Q_OBJECT
private slots:
    void bookScalar()
    {
        Session s;
        const CellResult r = s.run("import tensorflow as tf\nx = tf.Variable(0.)\n"
                                   "with tf.GradientTape() as tape:\n    y = 2 * x + 3\n"
                                   "grad_of_y_wrt_x = tape.gradient(y, x)\ngrad_of_y_wrt_x");
        QVERIFY2(r.ok(), r.error ? r.error->text().c_str() : "");
        QCOMPARE(QString::fromStdString(r.valueRepr), QStringLiteral("array(2., dtype=float32)"));
        QCOMPARE(reprOf(s, "y"), QStringLiteral("3.0"));
        QCOMPARE(reprOf(s, "tape"),
                 QStringLiteral("<tensorflow.python.eager.backprop.GradientTape object>"));
        const auto tape = s.tape("tape");
        QVERIFY(tape);
        QCOMPARE(QString::fromStdString(tape->lastTarget()), QStringLiteral("y"));
        QCOMPARE(tape->lastSources(), std::vector<std::string>{"x"});
        QCOMPARE(tape->assigned(), std::vector<std::string>{"y"});
        QVERIFY(!s.tape("x"));
        QVERIFY(!s.tape("nothing"));
    }

    void bookMatrix()
    {
        Session s;
        const CellResult r = s.run("import tensorflow as tf\n"
                                   "x = tf.Variable(tf.random.uniform((2, 2)))\n"
                                   "with tf.GradientTape() as tape:\n    y = 2 * x + 3\n"
                                   "grad_of_y_wrt_x = tape.gradient(y, x)\ngrad_of_y_wrt_x");
        QVERIFY2(r.ok(), r.error ? r.error->text().c_str() : "");
        QCOMPARE(QString::fromStdString(r.valueRepr),
                 QStringLiteral("array([[2., 2.],\n       [2., 2.]], dtype=float32)"));
        const auto x = variableValues(s, "x");
        QCOMPARE(x.size(), std::size_t{4});
        for (double v : x)
            QVERIFY(v >= 0 && v < 1);
    }

    void bookMatmul()
    {
        Session s;
        const CellResult r =
            s.run("import tensorflow as tf\nW = tf.Variable(tf.random.uniform((2, 2)))\n"
                  "b = tf.Variable(tf.zeros((2,)))\nx = tf.random.uniform((2, 2))\n"
                  "with tf.GradientTape() as tape:\n    y = tf.matmul(x, W) + b\n"
                  "grad_of_y_wrt_W_and_b = tape.gradient(y, [W, b])");
        QVERIFY2(r.ok(), r.error ? r.error->text().c_str() : "");
        const Value g = *s.variable("grad_of_y_wrt_W_and_b");
        QCOMPARE(g.kind(), ValueKind::List);
        QCOMPARE(g.items().size(), std::size_t{2});
        const auto x = variableValues(s, "x");
        // dW = x^T . ones((2, 2)): row i of dW is the sum of column i of x, twice.
        const auto dW = valuesOf(g.items()[0].asArray());
        QCOMPARE(g.items()[0].asArray().dtype(), core::DType::Float32);
        QCOMPARE(g.items()[0].asArray().shape(), (core::Shape{2, 2}));
        for (int i = 0; i < 2; ++i)
            for (int j = 0; j < 2; ++j)
                QCOMPARE(dW[static_cast<std::size_t>(2 * i + j)],
                         static_cast<double>(static_cast<float>(
                             x[static_cast<std::size_t>(i)] + x[static_cast<std::size_t>(2 + i)])));
        QCOMPARE(reprOf(s, "grad_of_y_wrt_W_and_b[1]"),
                 QStringLiteral("array([2., 2.], dtype=float32)"));
    }

    void pageCells()
    {
        Session s;
        QCOMPARE(errorOf(s, "import tensorflow as tf\nx = tf.Variable(1.5)\n"
                            "with tf.GradientTape() as tape:\n    y = x**4 - 3 * x**2 + x\n"
                            "slope = tape.gradient(y, x)\nlearning_rate = 0.05\n"
                            "x_next = x - learning_rate * slope"),
                 QString());
        QCOMPARE(reprOf(s, "slope"), QStringLiteral("array(5.5, dtype=float32)"));
        // A 0-d float32 tensor with a Python float is float64 by NumPy 1.24's promotion (all
        // operands scalars); TensorFlow would stay in float32.
        QCOMPARE(variableValues(s, "x_next")[0], 1.5 - 0.05 * 5.5);

        QCOMPARE(errorOf(s, "w = tf.Variable([-1.5, 1.2])\nwith tf.GradientTape() as tape:\n"
                            "    loss = w[0]**2 + 10 * w[1]**2\ngrad = tape.gradient(loss, w)"),
                 QString());
        QCOMPARE(reprOf(s, "grad"), QStringLiteral("array([-3., 24.], dtype=float32)"));
    }

    void backpropExample()
    {
        Session s;
        const CellResult r =
            s.run("import tensorflow as tf\nx = tf.Variable(2.)\nw = tf.Variable(3.)\n"
                  "b = tf.Variable(1.)\ny_true = 4.\nwith tf.GradientTape() as tape:\n"
                  "    x1 = x * w\n    x2 = x1 + b\n    loss_val = tf.abs(y_true - x2)\n"
                  "grad_w, grad_b = tape.gradient(loss_val, [w, b])");
        QVERIFY2(r.ok(), r.error ? r.error->text().c_str() : "");
        QCOMPARE(reprOf(s, "loss_val"), QStringLiteral("array(3.)")); // NumPy's promotion
        QCOMPARE(reprOf(s, "grad_w"), QStringLiteral("array(2., dtype=float32)"));
        QCOMPARE(reprOf(s, "grad_b"), QStringLiteral("array(1., dtype=float32)"));
        const auto tape = s.tape("tape");
        QCOMPARE(tape->lastSources(), (std::vector<std::string>{"w", "b"}));
        QCOMPARE(tape->assigned(), (std::vector<std::string>{"x1", "x2", "loss_val"}));
    }

    void unrelatedSourceIsNone()
    {
        Session s;
        QCOMPARE(reprOf(s, "import tensorflow as tf\nx = tf.Variable(2.)\nz = tf.Variable(5.)\n"
                           "with tf.GradientTape() as tape:\n    y = x * x\n"
                           "tape.gradient(y, [x, z])"),
                 QStringLiteral("[array(4., dtype=float32), None]"));
        QCOMPARE(reprOf(s, "print(tape.gradient(y, z))"), QString());
        QCOMPARE(QString::fromStdString(s.run("print(tape.gradient(y, z))").output),
                 QStringLiteral("None\n"));
        // An integer source has no gradient in TensorFlow either.
        QCOMPARE(reprOf(s, "n = tf.Variable(3)\nwith tf.GradientTape() as tape:\n    y = n * x\n"
                           "tape.gradient(y, (n, x))"),
                 QStringLiteral("(None, array(3., dtype=float32))"));
    }

    void gradientsMatchFiniteDifferences_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("expression");
        const char *vector = "(5,)";
        const char *matrix = "(2, 3)";
        for (const char *e : {"x + 2",
                              "3 - x",
                              "x * x",
                              "1 / x",
                              "x / 3",
                              "x / x[0]",
                              "x ** 3",
                              "2 ** x",
                              "x ** x",
                              "-x",
                              "+x * 2",
                              "np.sin(x)",
                              "np.cos(x)",
                              "np.exp(x)",
                              "np.log(x)",
                              "np.tanh(x)",
                              "np.sqrt(x)",
                              "np.abs(x - 1)",
                              "np.square(x)",
                              "np.maximum(x, 1.)",
                              "np.minimum(x, 1.)",
                              "np.sum(x * x)",
                              "np.mean(x ** 2)",
                              "tf.square(x)",
                              "tf.sqrt(x)",
                              "tf.exp(x)",
                              "tf.sin(x)",
                              "tf.cos(x)",
                              "tf.tanh(x)",
                              "tf.abs(x - 1)",
                              "tf.math.log(x)",
                              "tf.math.exp(x)",
                              "tf.sigmoid(x)",
                              "tf.nn.sigmoid(x)",
                              "tf.nn.relu(x - 1)",
                              "tf.maximum(x, 1.)",
                              "tf.reduce_sum(x ** 2)",
                              "tf.reduce_mean(x * 3)",
                              "x @ x",
                              "np.dot(x, x)",
                              "x.dot(x)",
                              "x[1:] * x[:-1]",
                              "x[0] * x[2]",
                              "x[-1] ** 2",
                              "x[::2]",
                              "np.exp(-x ** 2) * np.cos(3 * x)",
                              "x.sum() * x",
                              "x.mean()",
                              "np.add(x, x)",
                              "np.multiply(x, 2)"})
            QTest::newRow(e) << QString::fromLatin1(vector) << QString::fromLatin1(e);
        for (const char *e : {"x * x",
                              "np.sum(x, axis=0) ** 2",
                              "tf.reduce_sum(x, axis=1) * 2",
                              "tf.reduce_mean(x, axis=0)",
                              "x.T @ x",
                              "tf.matmul(x, x.T)",
                              "tf.matmul(x, tf.transpose(x))",
                              "np.dot(x.T, x)",
                              "x * np.array([1., 2., 3.])",
                              "x + np.ones((4, 2, 3))",
                              "x[:, 1] * x[0, :2]",
                              "x.sum(axis=1, keepdims=True) * x",
                              "x.mean()",
                              "x.reshape((3, 2)) @ x",
                              "x @ np.array([1., -2., 0.5])",
                              "np.array([1., -2.]) @ x",
                              "x[1] @ x.T",
                              "x / np.array([[2.], [3.]])",
                              "np.maximum(x, x[1] - 0.5)",
                              "np.mean(x ** 2, axis=1)"})
            QTest::newRow((std::string("2-D ") + e).c_str())
                << QString::fromLatin1(matrix) << QString::fromLatin1(e);
    }

    void gradientsMatchFiniteDifferences()
    {
        QFETCH(QString, shape);
        QFETCH(QString, expression);
        Session s;
        const std::string cell = "import numpy as np\nimport tensorflow as tf\n"
                                 "x = tf.Variable(np.linspace(0.3, 1.7, 6)[:SIZE].reshape(SHAPE))\n"
                                 "with tf.GradientTape() as tape:\n    y = " +
                                 expression.toStdString() + "\ng = tape.gradient(y, x)";
        const bool matrix = shape == QLatin1String("(2, 3)");
        std::string c = cell;
        c.replace(c.find("SIZE"), 4, matrix ? "6" : "5");
        c.replace(c.find("SHAPE"), 5, shape.toStdString());
        // No np.linspace in these cells: the same values by hand.
        c.replace(c.find("np.linspace(0.3, 1.7, 6)"), 24,
                  "np.array([0.3, 0.58, 0.86, 1.14, 1.42, 1.7])");
        const CellResult r = s.run(c);
        QVERIFY2(r.ok(), r.error ? r.error->text().c_str() : "");
        const auto g = variableValues(s, "g");
        const auto x = variableValues(s, "x");
        const core::Shape xs = s.variable("x")->asArray().shape();
        QCOMPARE(s.variable("g")->asArray().dtype(), core::DType::Float64);
        QCOMPARE(g.size(), x.size());
        const auto tape = s.tape("tape");
        const double h = 1e-6;
        for (std::size_t i = 0; i < x.size(); ++i) {
            auto plus = x, minus = x;
            plus[i] += h;
            minus[i] -= h;
            const double fp = sumOf(tape->evaluate({{"x", tensorOf(plus, xs)}}, "y", {"x"}).target);
            const double fm =
                sumOf(tape->evaluate({{"x", tensorOf(minus, xs)}}, "y", {"x"}).target);
            const double fd = (fp - fm) / (2 * h);
            QVERIFY2(std::fabs(fd - g[i]) <= 1e-5 * (1 + std::fabs(fd)),
                     qPrintable(QStringLiteral("element %1: autodiff %2, finite differences %3")
                                    .arg(i)
                                    .arg(g[i], 0, 'g', 12)
                                    .arg(fd, 0, 'g', 12)));
        }
    }

    void severalStatementsAndSources()
    {
        // Two sources, intermediate names, a constant from before the block, tuple unpacking.
        Session s;
        const CellResult r = s.run(
            "import numpy as np\nimport tensorflow as tf\n"
            "W = tf.Variable(np.array([[0.5, -1.0], [2.0, 0.25]]))\n"
            "b = tf.Variable(np.array([0.1, -0.2]))\nx = np.array([[1.0, 2.0], [3.0, -1.0]])\n"
            "with tf.GradientTape() as tape:\n"
            "    z = tf.matmul(x, W) + b\n"
            "    a, c = tf.tanh(z)\n"
            "    loss = tf.reduce_sum(a * c) + tf.reduce_mean(tf.square(z))\n"
            "gW, gb = tape.gradient(loss, (W, b))");
        QVERIFY2(r.ok(), r.error ? r.error->text().c_str() : "");
        const auto tape = s.tape("tape");
        const auto W = variableValues(s, "W"), b = variableValues(s, "b");
        const auto gW = variableValues(s, "gW"), gb = variableValues(s, "gb");
        const double h = 1e-6;
        auto loss = [&](std::vector<double> w, std::vector<double> bb) {
            return sumOf(tape->evaluate({{"W", tensorOf(w, {2, 2})}, {"b", tensorOf(bb, {2})}},
                                        "loss", {"W", "b"})
                             .target);
        };
        for (std::size_t i = 0; i < 4; ++i) {
            auto p = W, m = W;
            p[i] += h;
            m[i] -= h;
            QVERIFY(std::fabs((loss(p, b) - loss(m, b)) / (2 * h) - gW[i]) < 1e-6);
        }
        for (std::size_t i = 0; i < 2; ++i) {
            auto p = b, m = b;
            p[i] += h;
            m[i] -= h;
            QVERIFY(std::fabs((loss(W, p) - loss(W, m)) / (2 * h) - gb[i]) < 1e-6);
        }
    }

    void errors()
    {
        Session s;
        s.run("import numpy as np\nimport tensorflow as tf\nx = tf.Variable(2.)\n"
              "with tf.GradientTape() as tape:\n    y = x * x\n    k = float(x) * 2\n"
              "    m = np.max(x * 2)\n    q = 3");
        QCOMPARE(errorOf(s, "tape.gradient(y, x + 1)"),
                 QStringLiteral("TypeError: tape.gradient(): the sources must be variable names, "
                                "as in tape.gradient(y, x) or tape.gradient(y, [W, b])"));
        QCOMPARE(errorOf(s, "tape.gradient(y, [x, 2])"),
                 QStringLiteral("TypeError: tape.gradient(): the sources must be variable names, "
                                "as in tape.gradient(y, [W, b])"));
        QCOMPARE(errorOf(s, "tape.gradient(y * 2, x)"),
                 QStringLiteral("TypeError: tape.gradient(): the target must be the name of a "
                                "variable the with block assigns, as in tape.gradient(y, x)"));
        QCOMPARE(errorOf(s, "tape.gradient(x, x)"),
                 QStringLiteral("ValueError: tape.gradient(): the target 'x' is not assigned "
                                "inside the with block (the tape records only what its block "
                                "computes)"));
        QCOMPARE(errorOf(s, "tape.gradient(y, nothing)"),
                 QStringLiteral("NameError: name 'nothing' is not defined"));
        QCOMPARE(errorOf(s, "tape.gradient(k, x)"),
                 QStringLiteral("LookupError: gradient registry has no entry for: float"));
        QCOMPARE(errorOf(s, "tape.gradient(m, x)"),
                 QStringLiteral("LookupError: gradient registry has no entry for: np.max"));
        QCOMPARE(errorOf(s, "tape.gradient(y, q)"),
                 QStringLiteral("ValueError: tape.gradient(): the source 'q' is assigned inside "
                                "the with block; these cells differentiate with respect to "
                                "values made before the block"));
        QCOMPARE(reprOf(s, "tape.gradient(q, x)"), QString()); // a constant target: None
        // A list target: TensorFlow sums it; here it is refused rather than answered None.
        QCOMPARE(errorOf(s, "with tf.GradientTape() as t3:\n    z = [x * x, 2 * x]\n"
                            "t3.gradient(z, x)"),
                 QStringLiteral("NotImplementedError: a list of targets is not supported in these "
                                "cells: add them up in the block (TensorFlow differentiates their "
                                "sum), as in y = y1 + y2"));
        // An inner tape asked inside an outer block says so.
        QVERIFY(errorOf(s, "with tf.GradientTape() as outer:\n"
                           "    with tf.GradientTape() as inner:\n        z = x * x\n"
                           "    g = inner.gradient(z, x)\nouter.gradient(g, x)")
                    .startsWith(QStringLiteral("NotImplementedError: tape.gradient() inside")));
        QCOMPARE(errorOf(s, "with 3 as t:\n    y = 1"),
                 QStringLiteral("TypeError: 'int' object does not support the context manager "
                                "protocol"));
        const CellResult r = s.run("a = np.zeros(2)\nwith tf.GradientTape() as t:\n"
                                   "    y = x * 2\n    a[0] = y");
        QCOMPARE(QString::fromStdString(r.error->type), QStringLiteral("TypeError"));
        // The error's line is the statement inside the block, as Python's traceback gives.
        const CellResult inner = s.run("with tf.GradientTape() as t:\n    y = 1\n    z = nope");
        QCOMPARE(QString::fromStdString(inner.error->text()),
                 QStringLiteral("NameError: name 'nope' is not defined"));
        QCOMPARE(inner.error->line, 3);
        QCOMPARE(inner.error->column, 5);
    }

    void indentation_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        auto row = [](const char *name, const char *cell, const char *error, int line, int col) {
            QTest::newRow(name) << QString::fromUtf8(cell) << QString::fromUtf8(error) << line
                                << col;
        };
        const char *expected1 = "IndentationError: expected an indented block after 'with' "
                                "statement on line 1";
        row("no block", "with a:\nx = 1", expected1, 2, 1);
        row("no block at end", "with a:", expected1, 1, 8);
        row("no block at end, newline", "with a:\n", expected1, 1, 8);
        row("no block, comment", "with a:\n\n# c\n", expected1, 3, 4);
        row("no block, trailing spaces", "with a:   \n", expected1, 1, 11);
        row("no block, indented comment", "with a:\n  # c", expected1, 2, 6);
        row("nested no block", "with a as b:\n    with c:\n    x=1",
            "IndentationError: expected an indented block after 'with' statement on line 2", 3, 5);
        const char *unindent = "IndentationError: unindent does not match any outer indentation "
                               "level";
        row("unindent", "with a:\n    x=1\n  y=2", unindent, 3, 6);
        row("unindent newline", "with a:\n    x=1\n  y=2\n", unindent, 3, 6);
        row("unindent 3", "with a:\n    x=1\n   y=2\n    z=3", unindent, 3, 7);
        row("unindent after comment", "with a:\n    x=1\n  # c\n  y=2\n  z=1", unindent, 4, 6);
        const char *tab = "TabError: inconsistent use of tabs and spaces in indentation";
        row("tab then spaces", "with a:\n\tx=1\n        y=2", tab, 3, 1);
        row("spaces then tab", "with a:\n        x=1\n\ty=2", tab, 3, 1);
        row("spaces then tab 4", "with a:\n    x=1\n\ty=2", tab, 3, 1);
        row("unexpected", "x = 1\n  y = 2", "IndentationError: unexpected indent", 2, 2);
        row("unexpected first", "  x = 1", "IndentationError: unexpected indent", 1, 2);
        row("unexpected tab", "\tx = 1", "IndentationError: unexpected indent", 1, 1);
        row("unexpected in block", "with a:\n    x = 1\n        y = 2",
            "IndentationError: unexpected indent", 3, 8);
        row("unexpected after block line", "with a:\n  x=1\n    y=2\n",
            "IndentationError: unexpected indent", 3, 4);
        row("with after ;", "x=1; with a: y=2", "SyntaxError: invalid syntax", 1, 6);
        row("missing colon", "with a as b\n y=1", "SyntaxError: expected ':'", 1, 12);
        row("with alone", "with\n", "SyntaxError: invalid syntax", 1, 5);
        std::string deep;
        for (int i = 0; i < 21; ++i)
            deep += std::string(static_cast<std::size_t>(i), ' ') + "with a:\n";
        deep += std::string(21, ' ') + "x=1\n";
        QTest::newRow("21 nested blocks")
            << QString::fromStdString(deep)
            << QStringLiteral("SyntaxError: too many statically nested blocks") << 21 << 21;
        std::string deeper;
        for (int i = 0; i < 101; ++i)
            deeper += std::string(static_cast<std::size_t>(i), ' ') + "with a:\n";
        deeper += std::string(101, ' ') + "x=1\n";
        QTest::newRow("101 levels") << QString::fromStdString(deeper)
                                    << QStringLiteral("IndentationError: too many levels of "
                                                      "indentation")
                                    << 101 << 1;
    }

    void indentation()
    {
        QFETCH(QString, cell);
        QFETCH(QString, error);
        QFETCH(int, line);
        QFETCH(int, column);
        Session s;
        const CellResult r = s.run(cell.toStdString());
        QVERIFY(r.error);
        QCOMPARE(QString::fromStdString(r.error->text()), error);
        QCOMPARE(r.error->line, line);
        QCOMPARE(r.error->column, column);
    }

    void blocksParse()
    {
        // Blank and comment lines inside, any consistent indentation, nesting, a one-line block,
        // tabs, continuation lines, and the block ending back at the outer indentation. a is
        // computed before the inner block: a constant to the inner tape, as in TensorFlow.
        Session s;
        QCOMPARE(reprOf(s, "import tensorflow as tf\nx = tf.Variable(3.)\n"
                           "with tf.GradientTape() as outer:\n"
                           "  a = x * x\n\n  # comment\n      # deeper comment\n"
                           "  with tf.GradientTape() as inner:\n"
                           "  \tb = a * x + (1 +\n  2)\n"
                           "  \tc = b \\\n+ 1\n"
                           "  d = c * 2\n"
                           "e = 1\n"
                           "outer.gradient(d, x), inner.gradient(c, x), e"),
                 QStringLiteral("(array(54., dtype=float32), array(9., dtype=float32), 1)"));
        QCOMPARE(reprOf(s, "with tf.GradientTape() as t: y = x * 4; z = 2\nt.gradient(y, x)"),
                 QStringLiteral("array(4., dtype=float32)"));
        QCOMPARE(reprOf(s, "with tf.GradientTape():\n    y = x * 5\ny"), QStringLiteral("15.0"));
        QCOMPARE(reprOf(s, "with tf.GradientTape() as t:\n    t.watch(x)\n    y = x * 5\n"
                           "t.gradient(y, x)"),
                 QStringLiteral("array(5., dtype=float32)"));
    }

    void tapeValuesAreCopies()
    {
        // Later cells changing an array the block read do not change the tape's recording.
        Session s;
        s.run("import numpy as np\nimport tensorflow as tf\nw = tf.Variable(np.array([1., 2.]))\n"
              "c = np.array([3., 4.])\nwith tf.GradientTape() as tape:\n    y = w * c");
        s.run("c[0] = 100\nw[1] = 50");
        const auto r = s.tape("tape")->evaluate({}, "y", {"w"});
        QCOMPARE(valuesOf(r.target), (std::vector<double>{3, 8}));
        QCOMPARE(valuesOf(r.gradients[0]), (std::vector<double>{3, 4}));
        QCOMPARE(r.connected, std::vector<bool>{true});
    }

    void evaluateVectorised()
    {
        Session s;
        QCOMPARE(errorOf(s, "import tensorflow as tf\nx = tf.Variable(1.5)\n"
                            "with tf.GradientTape() as tape:\n    y = x**4 - 3 * x**2 + x\n"
                            "slope = tape.gradient(y, x)"),
                 QString());
        const auto tape = s.tape("tape");
        std::vector<double> xs;
        for (int i = 0; i < 400; ++i)
            xs.push_back(-2 + 4.0 * i / 399);
        const auto all = tape->evaluate({{"x", tensorOf(xs, {400})}}, "y", {"x"});
        QCOMPARE(all.target.shape(), (core::Shape{400}));
        QCOMPARE(all.gradients[0].shape(), (core::Shape{400}));
        for (std::size_t i = 0; i < xs.size(); i += 37) {
            const auto one = tape->evaluate({{"x", tensorOf({xs[i]}, {})}}, "y", {"x"});
            QCOMPARE(one.target.shape(), core::Shape{});
            QCOMPARE(all.target.flatAt(static_cast<std::int64_t>(i)), one.target.flatAt(0));
            QCOMPARE(all.gradients[0].flatAt(static_cast<std::int64_t>(i)),
                     one.gradients[0].flatAt(0));
            const double x = xs[i];
            QVERIFY(std::fabs(one.gradients[0].flatAt(0) - (4 * x * x * x - 6 * x + 1)) < 1e-9);
        }
        // The cell's own point, in the cell's float32.
        const auto cellPoint = tape->evaluate({}, "y", {"x"});
        QCOMPARE(cellPoint.gradients[0].dtype(), core::DType::Float32);
        QCOMPARE(cellPoint.gradients[0].flatAt(0), 5.5);

        QCOMPARE(errorOf(s, "w = tf.Variable([-1.5, 1.2])\nwith tf.GradientTape() as tape2:\n"
                            "    loss = w[0]**2 + 10 * w[1]**2\ngrad = tape2.gradient(loss, w)"),
                 QString());
        std::vector<double> grid;
        for (int i = 0; i < 2 * 50; ++i)
            grid.push_back(-1 + 0.02 * i);
        const auto surface =
            s.tape("tape2")->evaluate({{"w", tensorOf(grid, {2, 50})}}, "loss", {"w"});
        QCOMPARE(surface.target.shape(), (core::Shape{50}));
        QCOMPARE(surface.gradients[0].shape(), (core::Shape{2, 50}));
        for (std::int64_t j = 0; j < 50; ++j) {
            const double a = grid[static_cast<std::size_t>(j)],
                         b = grid[static_cast<std::size_t>(50 + j)];
            QVERIFY(std::fabs(surface.target.flatAt(j) - (a * a + 10 * b * b)) < 1e-12);
            QVERIFY(std::fabs(surface.gradients[0].flatAt(j) - 2 * a) < 1e-12);
            QVERIFY(std::fabs(surface.gradients[0].flatAt(50 + j) - 20 * b) < 1e-12);
        }
        bool threw = false;
        try {
            tape->evaluate({}, "nope", {"x"});
        } catch (const PyError &e) {
            threw = QString::fromStdString(e.type()) == QLatin1String("ValueError");
        }
        QVERIFY(threw);
    }

    void evaluateFromAnotherThread()
    {
        Session s;
        QCOMPARE(errorOf(s, "import numpy as np\nimport tensorflow as tf\n"
                            "x = tf.Variable(np.array([0.5, 1.0, 1.5]))\n"
                            "with tf.GradientTape() as tape:\n"
                            "    y = np.sin(x) * tf.exp(-x) + x @ x\n"),
                 QString());
        const auto tape = s.tape("tape");
        const auto expected = tape->evaluate({}, "y", {"x"});
        std::atomic<bool> stop{false};
        std::atomic<int> mismatches{0}, runs{0};
        std::thread page([&] {
            std::vector<double> xs(3000);
            for (std::size_t i = 0; i < xs.size(); ++i)
                xs[i] = 0.001 * static_cast<double>(i);
            while (!stop) {
                const auto r = tape->evaluate({}, "y", {"x"});
                if (valuesOf(r.gradients[0]) != valuesOf(expected.gradients[0])) ++mismatches;
                tape->evaluate({{"x", tensorOf(xs, {3000})}}, "y", {"x"});
                ++runs;
            }
        });
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(errorOf(s, "x = tf.Variable(np.ones(200000))\n"
                                "with tf.GradientTape() as tape:\n    y = np.sum(x * x)\n"
                                "g = tape.gradient(y, x)\nz = np.ones((300, 300)) @ np.ones((300, "
                                "300))"),
                     QString());
        }
        stop = true;
        page.join();
        QVERIFY(runs > 0);
        QCOMPARE(mismatches.load(), 0);
        QCOMPARE(variableValues(s, "g")[0], 2.0);
    }

    void interruptStopsTheRerun()
    {
        Session s;
        s.run("import numpy as np\nimport tensorflow as tf\nx = tf.Variable(np.ones(1000000))");
        std::string cell = "with tf.GradientTape() as tape:\n    y = x";
        for (int i = 0; i < 200; ++i)
            cell += "\n    y = np.sin(y) * x";
        cell += "\ng = tape.gradient(y, x)";
        CellResult result;
        std::thread worker([&] { result = s.run(cell); });
        QTest::qWait(100);
        s.interrupt();
        worker.join();
        QVERIFY(result.error);
        QCOMPARE(QString::fromStdString(result.error->type), QStringLiteral("KeyboardInterrupt"));
    }

    void tensorflowFunctions()
    {
        Session s;
        s.run("import numpy as np\nimport tensorflow as tf");
        QCOMPARE(reprOf(s, "tf.Variable(1)"), QStringLiteral("array(1, dtype=int32)"));
        QCOMPARE(reprOf(s, "tf.constant([1., 2.])"),
                 QStringLiteral("array([1., 2.], dtype=float32)"));
        QCOMPARE(reprOf(s, "tf.Variable(np.array([1., 2.]))"), QStringLiteral("array([1., 2.])"));
        QCOMPARE(reprOf(s, "tf.ones((2,))"), QStringLiteral("array([1., 1.], dtype=float32)"));
        QCOMPARE(reprOf(s, "tf.zeros((1, 2), dtype=tf.float64)"),
                 QStringLiteral("array([[0., 0.]])"));
        QCOMPARE(reprOf(s, "tf.square(tf.constant([1., 2.]))"),
                 QStringLiteral("array([1., 4.], dtype=float32)"));
        QCOMPARE(reprOf(s, "tf.nn.relu(tf.constant([-1., 2.]))"),
                 QStringLiteral("array([0., 2.], dtype=float32)"));
        QCOMPARE(reprOf(s, "tf.reduce_sum(tf.ones((2, 3)), axis=0)"),
                 QStringLiteral("array([2., 2., 2.], dtype=float32)"));
        QCOMPARE(reprOf(s, "tf.reduce_mean(tf.constant([1., 2.]))"),
                 QStringLiteral("array(1.5, dtype=float32)"));
        QCOMPARE(reprOf(s, "np.sqrt(np.array([4., 9.]))"), QStringLiteral("array([2., 3.])"));
        QCOMPARE(reprOf(s, "np.abs(np.array([-4, 9]))"), QStringLiteral("array([4, 9])"));
        QCOMPARE(reprOf(s, "np.exp(0.)"), QStringLiteral("1.0"));
        QCOMPARE(reprOf(s, "np.square(3)"), QStringLiteral("9"));
        QCOMPARE(reprOf(s, "tf.matmul(tf.ones((2, 3)), tf.ones((3, 1))).shape"),
                 QStringLiteral("(2, 1)"));
        s.run("np.random.seed(0)");
        const auto u =
            valuesOf(s.run("tf.random.uniform((1000,), minval=-1, maxval=3)").value->asArray());
        double mean = 0;
        for (double v : u) {
            QVERIFY(v >= -1 && v < 3);
            mean += v / 1000;
        }
        QVERIFY(std::fabs(mean - 1) < 0.15);
        const CellResult n = s.run("tf.random.normal((2000,), mean=1., stddev=2.)");
        QCOMPARE(n.value->asArray().dtype(), core::DType::Float32);
        double m = 0, v2 = 0;
        for (double v : valuesOf(n.value->asArray())) {
            m += v / 2000;
            v2 += (v - 1) * (v - 1) / 2000;
        }
        QVERIFY(std::fabs(m - 1) < 0.15);
        QVERIFY(std::fabs(std::sqrt(v2) - 2) < 0.15);
        // Importing the book's mnist still works, and other tensorflow modules still say why not.
        QCOMPARE(errorOf(s, "from tensorflow.keras.datasets import mnist"), QString());
        QCOMPARE(errorOf(s, "tf.keras").left(15), QStringLiteral("AttributeError:"));
    }
};

QTEST_APPLESS_MAIN(TestGradientTape)
#include "test_gradienttape.moc"

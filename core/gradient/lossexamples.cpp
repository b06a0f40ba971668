#include "core/gradient/lossexamples.h"

#include <array>

namespace core::gradient {

namespace {

// Each cell is the book's GradientTape pattern (section 2.4.4), then one step of gradient descent.
const std::array<CurveExample, 4> kCurves = {{
    {"A bowl: y = x² − 2x + 2",
     "import tensorflow as tf\n"
     "x = tf.Variable(3.0)\n"
     "with tf.GradientTape() as tape:\n"
     "    y = x**2 - 2 * x + 2\n"
     "slope = tape.gradient(y, x)\n"
     "learning_rate = 0.25\n"
     "x_next = x - learning_rate * slope",
     -1.5, 3.5},
    {"Two valleys: y = x⁴ − 3x² + x",
     "import tensorflow as tf\n"
     "x = tf.Variable(1.8)\n"
     "with tf.GradientTape() as tape:\n"
     "    y = x**4 - 3 * x**2 + x\n"
     "slope = tape.gradient(y, x)\n"
     "learning_rate = 0.02\n"
     "x_next = x - learning_rate * slope",
     -2.2, 2.2},
    {"A wave on a bowl: y = sin 3x + 0.3x²",
     "import tensorflow as tf\n"
     "x = tf.Variable(2.5)\n"
     "with tf.GradientTape() as tape:\n"
     "    y = tf.sin(3 * x) + 0.3 * x**2\n"
     "slope = tape.gradient(y, x)\n"
     "learning_rate = 0.05\n"
     "x_next = x - learning_rate * slope",
     -4.0, 4.0},
    {"Softplus: y = log(1 + eˣ)",
     "import tensorflow as tf\n"
     "x = tf.Variable(2.0)\n"
     "with tf.GradientTape() as tape:\n"
     "    y = tf.math.log(1 + tf.exp(x))\n"
     "slope = tape.gradient(y, x)\n"
     "learning_rate = 1.0\n"
     "x_next = x - learning_rate * slope",
     -5.0, 5.0},
}};

// SGD on a quadratic diverges once the learning rate passes 2 / (the largest curvature): the
// "too large" rates sit just past that limit, the "about right" ones well inside it.
const std::array<SurfaceExample, 4> kSurfaces = {{
    {"A bowl: w0² + 2·w1²",
     "import tensorflow as tf\n"
     "w = tf.Variable([-1.6, 1.2])\n"
     "with tf.GradientTape() as tape:\n"
     "    loss = w[0]**2 + 2 * w[1]**2\n"
     "grad = tape.gradient(loss, w)",
     -2.0,
     2.0,
     -2.0,
     2.0,
     {0.002, 0.1, 0.52},
     "Every optimizer reaches the bottom. Past a learning rate of 0.5, SGD overshoots more at "
     "each step and diverges."},
    {"A saddle: w0² − w1² + w1⁴/4",
     "import tensorflow as tf\n"
     "w = tf.Variable([-1.8, 0.05])\n"
     "with tf.GradientTape() as tape:\n"
     "    loss = w[0]**2 - w[1]**2 + w[1]**4 / 4\n"
     "grad = tape.gradient(loss, w)",
     -2.2,
     2.2,
     -2.2,
     2.2,
     {0.002, 0.1, 0.6},
     "Near the saddle point (0, 0) the gradient almost vanishes: SGD lingers there before it "
     "rolls off to a side. Adam and RMSprop scale their steps and leave sooner."},
    {"A long valley: (1 − w0)² + 10·(w1 − w0²)²",
     "import tensorflow as tf\n"
     "w = tf.Variable([-1.5, 2.0])\n"
     "with tf.GradientTape() as tape:\n"
     "    loss = (1 - w[0])**2 + 10 * (w[1] - w[0]**2)**2\n"
     "grad = tape.gradient(loss, w)",
     -2.0,
     2.0,
     -1.0,
     3.0,
     {0.0005, 0.01, 0.03},
     "The valley's walls are steep and its floor is flat: a learning rate small enough for the "
     "walls crawls along the floor. Momentum builds up speed along it."},
    {"Local minima: 0.2·(w0² + w1²) − cos 2w0 · cos 2w1",
     "import tensorflow as tf\n"
     "w = tf.Variable([2.4, 2.0])\n"
     "with tf.GradientTape() as tape:\n"
     "    loss = 0.2 * (w[0]**2 + w[1]**2) - tf.cos(2 * w[0]) * tf.cos(2 * w[1])\n"
     "grad = tape.gradient(loss, w)",
     -3.0,
     3.0,
     -3.0,
     3.0,
     {0.002, 0.05, 0.5},
     "SGD settles in the nearest dip. With momentum, the speed it gathered can carry it over "
     "the rim towards the lowest point at (0, 0)."},
}};

} // namespace

std::span<const CurveExample> curveExamples()
{
    return kCurves;
}
std::span<const SurfaceExample> surfaceExamples()
{
    return kSurfaces;
}

} // namespace core::gradient

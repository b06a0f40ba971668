#pragma once
// The `tensorflow` module of the cells, enough for the book's section 2.4.4 and the Gradient
// page: tf.Variable, tf.constant, tf.zeros/ones, tf.random.uniform/normal, tf.matmul, the math
// functions (tf.square, tf.exp, tf.math.log, tf.nn.relu, ...), tf.reduce_sum/mean and
// tf.GradientTape. Tensors and Variables are NumPy arrays here (shown with NumPy's repr), made
// with TensorFlow's types: Python floats become float32 and ints int32, NumPy arrays keep theirs.
// The forward computations are NumPy's (elementwise.h, mathfuncs.h, linalg.h, reduction.h).

#include "core/cell/callargs.h"
#include "core/cell/context.h"
#include "core/cell/value.h"

#include <optional>
#include <string>

namespace core::cell {

// tf.<name> (module "tensorflow", "tensorflow.random", "tensorflow.math", "tensorflow.nn"), or
// nullopt when the module has no such attribute.
std::optional<Value> tensorflowAttribute(const std::string &module, const std::string &name);
// Calls a function of the module by its full name ("tf.random.uniform").
Value callTensorflow(const std::string &name, CallArgs &args, Context &context);
// A value as tf.convert_to_tensor makes it (Python float to float32, int to int32).
Tensor toTensorflow(const Value &v);

} // namespace core::cell

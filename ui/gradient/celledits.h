#pragma once
// How the Gradient page's controls write into its live cells, and read numbers back: dragging x
// rewrites the cell's `x = tf.Variable(3.0)` line, as a user would type it, so that the code shown
// always computes the picture shown.

#include "ui/common/cellrunner.h"

#include <QString>
#include <optional>
#include <vector>

namespace ui {

// The cell with its one-line top-level assignment to `name` given the value `valueText`, keeping
// a tf.Variable(...) around it; nullopt when the cell (as the engine parses it) has no such line.
std::optional<QString> withAssignment(const QString &cell, const QString &name,
                                      const QString &valueText);

// "[-1.5, 1.2]", each as pythonNumber writes it (ui/common/numberformat.h).
QString pythonPair(double a, double b, int decimals = 3);

// The run's number or array `name` as one number (a 0-d or one-element array), or its elements.
std::optional<double> scalarOf(const CellRun &run, const QString &name);
std::optional<std::vector<double>> valuesOf(const CellRun &run, const QString &name);

} // namespace ui

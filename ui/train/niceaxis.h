#pragma once
// Axis ranges a reader takes in at a glance: ends and tick steps of 1, 2 or 5 times a power of ten.

namespace ui {

struct NiceRange {
    double min = 0.0;
    double max = 1.0;
    double interval = 0.2;
};

// [min, max] widened to whole ticks, about `ticks` of them.
NiceRange niceRange(double min, double max, int ticks = 5);
// A tick step of 1, 2 or 5 times a power of ten near span / ticks.
double niceStep(double span, int ticks);

} // namespace ui

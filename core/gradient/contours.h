#pragma once
// Contour lines of a loss surface (figure 2.19's level sets): marching squares on a regular grid,
// the segments joined into polylines, and level choices that read well for bowls and valleys.

#include <Eigen/Core>
#include <functional>
#include <span>
#include <vector>

namespace core::gradient {

// nx by ny samples over [xMin, xMax] × [yMin, yMax], corners included; values[j * nx + i] is the
// value at point(i, j). NaN or infinite values mark cells to skip.
struct Grid {
    double xMin = 0.0, xMax = 1.0, yMin = 0.0, yMax = 1.0;
    int nx = 0, ny = 0;
    std::vector<double> values;

    double x(int i) const { return xMin + (xMax - xMin) * i / (nx - 1); }
    double y(int j) const { return yMin + (yMax - yMin) * j / (ny - 1); }
    Eigen::Vector2d point(int i, int j) const { return {x(i), y(j)}; }
    double at(int i, int j) const { return values[static_cast<std::size_t>(j) * nx + i]; }
    // The smallest and largest finite values ({NaN, NaN} when there is none).
    std::pair<double, double> finiteRange() const;
};

// Samples f on an nx × ny grid (nx, ny >= 2; throws core::ValueError otherwise).
Grid sampleGrid(const std::function<double(const Eigen::Vector2d &)> &f, double xMin, double xMax,
                double yMin, double yMax, int nx, int ny);

// A closed polyline does not repeat its first point at the end.
struct Polyline {
    std::vector<Eigen::Vector2d> points;
    bool closed = false;
};

struct Contour {
    double level = 0.0;
    std::vector<Polyline> lines;
};

// The curve value == level. A corner counts as inside when value >= level; a saddle cell (inside
// corners diagonal) joins the inside corners when the mean of its four values is >= level, so
// neighbouring cells always agree. Crossings are interpolated linearly along the cell edges; an
// edge's crossing is the same point in both of its cells, so the polylines join exactly. Lines
// end open at the grid's border and at skipped (non-finite) cells.
std::vector<Polyline> contourLines(const Grid &grid, double level);
std::vector<Contour> contours(const Grid &grid, std::span<const double> levels);

enum class LevelSpacing {
    Sqrt, // sqrt(level - min) evenly spaced: a quadratic bowl's rings evenly spaced in distance
    Log,  // log(level - min) evenly spaced, from 1e-3 of the range: steep walls, flat floors
};

// count levels strictly between min and max, increasing, for values in [min, max]: the k-th
// (k = 1..count) at offset (max - min) · (k / (count + 1))² for Sqrt, and geometrically from
// (max - min) · 1e-3 to (max - min) · count / (count + 1) for Log. Empty when max <= min or
// either is not finite.
std::vector<double> chooseLevels(double min, double max, int count,
                                 LevelSpacing spacing = LevelSpacing::Sqrt);
// The same over a grid's finite values.
std::vector<double> chooseLevels(const Grid &grid, int count,
                                 LevelSpacing spacing = LevelSpacing::Sqrt);

} // namespace core::gradient

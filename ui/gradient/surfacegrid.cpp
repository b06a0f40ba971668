#include "ui/gradient/surfacegrid.h"

#include "core/geometry/ticks.h"

#include <QColor>
#include <algorithm>
#include <array>
#include <cmath>

namespace ui {

bool SurfaceGrid::isValid() const
{
    return nx >= 2 && ny >= 2 && domain.width() > 0 && domain.height() > 0 &&
           values.size() == static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny);
}

QPointF SurfaceGrid::wAt(double i, double j) const
{
    return {domain.left() + i * domain.width() / (nx - 1),
            domain.top() + j * domain.height() / (ny - 1)};
}

double SurfaceGrid::sample(QPointF w) const
{
    if (!isValid()) return std::nan("");
    const double fi = (w.x() - domain.left()) / domain.width() * (nx - 1);
    const double fj = (w.y() - domain.top()) / domain.height() * (ny - 1);
    // A little slack so that the domain's own edges, computed back from w, are inside.
    constexpr double slack = 1e-9;
    if (!(fi >= -slack && fi <= nx - 1 + slack && fj >= -slack && fj <= ny - 1 + slack))
        return std::nan("");
    const int i = std::clamp(static_cast<int>(std::floor(fi)), 0, nx - 2);
    const int j = std::clamp(static_cast<int>(std::floor(fj)), 0, ny - 2);
    const double u = std::clamp(fi - i, 0.0, 1.0), v = std::clamp(fj - j, 0.0, 1.0);
    const double a = at(i, j), b = at(i + 1, j), c = at(i, j + 1), d = at(i + 1, j + 1);
    if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(c) || !std::isfinite(d))
        return std::nan("");
    return (a * (1 - u) + b * u) * (1 - v) + (c * (1 - u) + d * u) * v;
}

LossScale LossScale::fit(const std::vector<double> &values)
{
    std::vector<double> finite;
    finite.reserve(values.size());
    for (const double v : values)
        if (std::isfinite(v)) finite.push_back(v);
    LossScale s;
    if (finite.empty()) return s;
    const auto quantile = [&](double q) {
        const auto k = static_cast<std::ptrdiff_t>(std::floor(q * (finite.size() - 1)));
        std::nth_element(finite.begin(), finite.begin() + k, finite.end());
        return finite[static_cast<std::size_t>(k)];
    };
    s.min = *std::min_element(finite.begin(), finite.end());
    s.cap = quantile(0.98);
    // Clamping flattens the corners into plateaus: only worth it for a heavy tail.
    const double max = *std::max_element(finite.begin(), finite.end());
    if (max - s.min <= 3 * (s.cap - s.min)) s.cap = max;
    if (!(s.cap > s.min)) {
        // Flat (or nearly): the largest value, else a unit range so the surface lies on the floor.
        s.cap = *std::max_element(finite.begin(), finite.end());
        if (!(s.cap > s.min)) s.cap = s.min + 1;
        return s;
    }
    const double median = (quantile(0.5) - s.min) / (s.cap - s.min);
    constexpr double kMedianHeight = 0.25;
    if (median > 0 && median < kMedianHeight)
        s.gamma = std::clamp(std::log(kMedianHeight) / std::log(median), 0.3, 1.0);
    return s;
}

double LossScale::height(double loss) const
{
    if (std::isnan(loss)) return loss;
    const double u = std::clamp((loss - min) / (cap - min), 0.0, 1.0);
    return gamma == 1 ? u : std::pow(u, gamma);
}

double LossScale::loss(double h) const
{
    return min + (cap - min) * std::pow(std::clamp(h, 0.0, 1.0), 1.0 / gamma);
}

QRgb surfaceColor(double h)
{
    // YlGnBu's first seven classes and a deep blue between its last two.
    static const std::array<QRgb, 8> stops = {0xFFFFD9, 0xEDF8B1, 0xC7E9B4, 0x7FCDBB,
                                              0x41B6C4, 0x1D91C0, 0x225EA8, 0x23418F};
    if (!std::isfinite(h)) h = h > 0 ? 1.0 : 0.0;
    const double x = std::clamp(h, 0.0, 1.0) * (stops.size() - 1);
    const auto k = std::min(static_cast<std::size_t>(x), stops.size() - 2);
    const double f = x - static_cast<double>(k);
    const auto mix = [f](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * f)); };
    const QRgb a = stops[k], b = stops[k + 1];
    return qRgb(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

QString tickText(double v, double step)
{
    v = core::geometry::roundToStep(v, step);
    const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    // A typographic minus: the hyphen-minus is short and reads as a dash beside an axis.
    return QString::number(v, 'f', std::clamp(decimals, 0, 6))
        .replace(QLatin1Char('-'), QChar(0x2212));
}

} // namespace ui

#include "core/gradient/tapefunctions.h"

#include <algorithm>
#include <cmath>

namespace core::gradient {

namespace {

Tensor doubles(const std::vector<double> &values, Shape shape)
{
    Tensor t(DType::Float64, std::move(shape));
    std::copy(values.begin(), values.end(), t.mutableData<double>());
    return t;
}

std::vector<double> elements(const Tensor &t)
{
    std::vector<double> out(static_cast<std::size_t>(t.size()));
    for (std::int64_t i = 0; i < t.size(); ++i)
        out[static_cast<std::size_t>(i)] = t.flatAt(i);
    return out;
}

double step(double x)
{
    return 1e-5 * std::max(1.0, std::abs(x));
}

// The same value from a batched and a one-point evaluation (both may be NaN).
bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

TapeCurve::TapeCurve(const core::cell::RecordedTape &tape, std::string target, std::string source)
    : m_tape(tape), m_target(std::move(target)), m_source(std::move(source))
{}

TapeCurve::Sample TapeCurve::sample(double lo, double hi, int n) const
{
    Sample s;
    n = std::max(n, 2);
    s.xs.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        s.xs[static_cast<std::size_t>(i)] = lo + (hi - lo) * i / (n - 1);
    if (!isElementwise(lo, hi)) {
        for (double x : s.xs) {
            const auto [y, slope] = at(x);
            s.ys.push_back(y);
            s.slopes.push_back(slope);
        }
        return s;
    }
    const auto r = m_tape.evaluate({{m_source, doubles(s.xs, {n})}}, m_target, {m_source});
    s.ys = elements(r.target);
    s.slopes = r.gradients.empty() ? std::vector<double>() : elements(r.gradients[0]);
    s.ys.resize(s.xs.size(), NAN);
    s.slopes.resize(s.xs.size(), NAN);
    return s;
}

bool TapeCurve::isElementwise(double a, double b) const
{
    const auto r = m_tape.evaluate({{m_source, doubles({a, b}, {2})}}, m_target, {});
    return r.target.size() == 2 && same(r.target.flatAt(0), at(a).first) &&
           same(r.target.flatAt(1), at(b).first);
}

std::pair<double, double> TapeCurve::at(double x) const
{
    const auto r = m_tape.evaluate({{m_source, doubles({x}, {})}}, m_target, {m_source});
    const double slope =
        r.gradients.empty() || r.gradients[0].size() == 0 ? NAN : r.gradients[0].flatAt(0);
    return {r.target.size() ? r.target.flatAt(0) : NAN, slope};
}

double TapeCurve::finiteDifference(double x) const
{
    const double h = step(x);
    return (at(x + h).first - at(x - h).first) / (2 * h);
}

TapeSurface::TapeSurface(const core::cell::RecordedTape &tape, std::string target,
                         std::string source)
    : m_tape(tape), m_target(std::move(target)), m_source(std::move(source))
{}

std::vector<double> TapeSurface::grid(double lo0, double hi0, double lo1, double hi1, int nx,
                                      int ny, bool pointwise) const
{
    nx = std::max(nx, 2);
    ny = std::max(ny, 2);
    const std::size_t n = static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny);
    std::vector<double> w(2 * n);
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const std::size_t k = static_cast<std::size_t>(j) * static_cast<std::size_t>(nx) +
                                  static_cast<std::size_t>(i);
            w[k] = lo0 + (hi0 - lo0) * i / (nx - 1);
            w[n + k] = lo1 + (hi1 - lo1) * j / (ny - 1);
        }
    if (!pointwise) {
        const auto r = m_tape.evaluate({{m_source, doubles(w, {2, static_cast<std::int64_t>(n)})}},
                                       m_target, {});
        std::vector<double> loss = elements(r.target);
        loss.resize(n, NAN);
        return loss;
    }
    std::vector<double> loss(n);
    for (std::size_t k = 0; k < n; ++k)
        loss[k] = at(w[k], w[n + k]).loss;
    return loss;
}

bool TapeSurface::isElementwise(double w0, double w1) const
{
    const double v0 = w0 + 0.37, v1 = w1 - 0.23;
    const auto r = m_tape.evaluate({{m_source, doubles({w0, v0, w1, v1}, {2, 2})}}, m_target, {});
    return r.target.size() == 2 && same(r.target.flatAt(0), at(w0, w1).loss) &&
           same(r.target.flatAt(1), at(v0, v1).loss);
}

TapeSurface::Point TapeSurface::at(double w0, double w1) const
{
    const auto r = m_tape.evaluate({{m_source, doubles({w0, w1}, {2})}}, m_target, {m_source});
    Point p{r.target.size() ? r.target.flatAt(0) : NAN, {NAN, NAN}};
    if (!r.gradients.empty() && r.gradients[0].size() == 2) {
        p.gradient[0] = r.gradients[0].flatAt(0);
        p.gradient[1] = r.gradients[0].flatAt(1);
    }
    return p;
}

std::pair<double, double> TapeSurface::finiteDifference(double w0, double w1) const
{
    const double h0 = step(w0), h1 = step(w1);
    return {(at(w0 + h0, w1).loss - at(w0 - h0, w1).loss) / (2 * h0),
            (at(w0, w1 + h1).loss - at(w0, w1 - h1).loss) / (2 * h1)};
}

} // namespace core::gradient

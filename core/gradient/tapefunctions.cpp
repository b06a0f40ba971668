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
    const auto r = m_tape.evaluate({{m_source, doubles(s.xs, {n})}}, m_target, {m_source});
    s.ys = elements(r.target);
    s.slopes = r.gradients.empty() ? std::vector<double>() : elements(r.gradients[0]);
    // A block that is not element-wise in x (a sum, a constant) gives one value: the same for all.
    if (s.ys.size() == 1) s.ys.assign(s.xs.size(), s.ys[0]);
    s.slopes.resize(s.xs.size(), NAN);
    return s;
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
    const auto r = m_tape.evaluate({{m_source, doubles({x - h, x + h}, {2})}}, m_target, {});
    if (r.target.size() != 2) return NAN;
    return (r.target.flatAt(1) - r.target.flatAt(0)) / (2 * h);
}

TapeSurface::TapeSurface(const core::cell::RecordedTape &tape, std::string target,
                         std::string source)
    : m_tape(tape), m_target(std::move(target)), m_source(std::move(source))
{}

std::vector<double> TapeSurface::grid(double lo0, double hi0, double lo1, double hi1, int nx,
                                      int ny) const
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
    const auto r =
        m_tape.evaluate({{m_source, doubles(w, {2, static_cast<std::int64_t>(n)})}}, m_target, {});
    std::vector<double> loss = elements(r.target);
    if (loss.size() == 1) loss.assign(n, loss[0]);
    loss.resize(n, NAN);
    return loss;
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
    // Four points at once: w has shape (2, 4).
    const auto r = m_tape.evaluate(
        {{m_source, doubles({w0 - h0, w0 + h0, w0, w0, w1, w1, w1 - h1, w1 + h1}, {2, 4})}},
        m_target, {});
    if (r.target.size() != 4) return {NAN, NAN};
    return {(r.target.flatAt(1) - r.target.flatAt(0)) / (2 * h0),
            (r.target.flatAt(3) - r.target.flatAt(2)) / (2 * h1)};
}

} // namespace core::gradient

#include "core/manifold/linearpath.h"

#include "core/errors.h"

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <cmath>
#include <numbers>

namespace core::manifold {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

bool isZero(double sigma, double largest)
{
    return sigma <= 1e-9 * std::max(1.0, largest);
}

} // namespace

LinearPath::LinearPath(const MatrixXd &kernel)
    : m_inputs(static_cast<int>(kernel.rows())), m_units(static_cast<int>(kernel.cols()))
{
    if (m_inputs < 1 || m_units < 1) throw ValueError("a linear path needs a non-empty kernel");
    const int n = std::max(m_inputs, m_units);
    // Column form: y = T x with T = Wᵀ padded.
    MatrixXd t = MatrixXd::Zero(n, n);
    t.topLeftCorner(m_units, m_inputs) = kernel.transpose();

    Eigen::JacobiSVD<MatrixXd> svd(t, Eigen::ComputeFullU | Eigen::ComputeFullV);
    if (m_inputs < m_units) {
        // Complete the columns no point uses with the left singular vectors outside T's range.
        const VectorXd &sv = svd.singularValues();
        int rank = 0;
        while (rank < n && !isZero(sv(rank), sv(0)))
            ++rank;
        for (int k = 0; k < n - m_inputs && rank + k < n; ++k)
            t.col(m_inputs + k) = svd.matrixU().col(rank + k);
        if (t.determinant() < 0) t.col(n - 1) = -t.col(n - 1);
        svd.compute(t, Eigen::ComputeFullU | Eigen::ComputeFullV);
    }
    MatrixXd u = svd.matrixU();
    const MatrixXd &v = svd.matrixV();
    m_sigma = svd.singularValues();
    if ((u * v.transpose()).determinant() < 0 && isZero(m_sigma(n - 1), m_sigma(0)))
        u.col(n - 1) = -u.col(n - 1); // T is unchanged: that direction is forgotten anyway
    MatrixXd r = u * v.transpose();
    m_stretch = v * m_sigma.asDiagonal() * v.transpose();

    m_reflects = r.determinant() < 0;
    if (m_reflects) {
        // For orthogonal R, (R + Rᵀ)/2 u = -u exactly when R u = -u; -1 is its smallest eigenvalue.
        Eigen::SelfAdjointEigenSolver<MatrixXd> sym(0.5 * (r + r.transpose()));
        m_mirror = sym.eigenvectors().col(0).normalized();
        r = r * (MatrixXd::Identity(n, n) - 2.0 * m_mirror * m_mirror.transpose());
    }

    // R (now a rotation) = Q · B · Qᵀ, B block diagonal: 2 x 2 rotations and ±1 (the -1s in pairs).
    Eigen::RealSchur<MatrixXd> schur(r);
    m_schurQ = schur.matrixU();
    const MatrixXd &b = schur.matrixT();
    std::vector<int> minusOne;
    for (int i = 0; i < n;) {
        if (i + 1 < n && std::abs(b(i + 1, i)) > 1e-12) {
            m_planes.push_back({i, i + 1, std::atan2(b(i + 1, i), b(i, i))});
            i += 2;
        } else {
            if (b(i, i) < 0) minusOne.push_back(i);
            ++i;
        }
    }
    for (std::size_t k = 0; k + 1 < minusOne.size(); k += 2)
        m_planes.push_back({minusOne[k], minusOne[k + 1], std::numbers::pi});

    m_dimension = n + (m_reflects ? 1 : 0);
    m_target = MatrixXd::Zero(m_dimension, m_dimension);
    m_target.topLeftCorner(n, n) = t.transpose();
    if (m_reflects) m_target(n, n) = -1.0; // the turn ends with the extra axis reversed
}

MatrixXd LinearPath::at(double s) const
{
    s = std::clamp(s, 0.0, 1.0);
    const int n = std::max(m_inputs, m_units);
    const int d = m_dimension;
    if (d == 0) return {};
    MatrixXd rotation = MatrixXd::Identity(n, n);
    for (const Plane &p : m_planes) {
        const double c = std::cos(s * p.angle), sn = std::sin(s * p.angle);
        rotation(p.i, p.i) = c;
        rotation(p.j, p.j) = c;
        rotation(p.j, p.i) = sn;
        rotation(p.i, p.j) = -sn;
    }
    MatrixXd t = MatrixXd::Identity(d, d);
    t.topLeftCorner(n, n) = m_schurQ * rotation * m_schurQ.transpose();
    MatrixXd stretch = MatrixXd::Identity(d, d);
    stretch.topLeftCorner(n, n) = (1.0 - s) * MatrixXd::Identity(n, n) + s * m_stretch;
    if (m_reflects) {
        // Turn the mirrored axis u through the extra axis e by π s.
        VectorXd uu = VectorXd::Zero(d), e = VectorXd::Zero(d);
        uu.head(n) = m_mirror;
        e(n) = 1.0;
        const double c = std::cos(std::numbers::pi * s), sn = std::sin(std::numbers::pi * s);
        const MatrixXd turn = MatrixXd::Identity(d, d) +
                              (c - 1.0) * (uu * uu.transpose() + e * e.transpose()) +
                              sn * (e * uu.transpose() - uu * e.transpose());
        t = t * turn * stretch;
    } else {
        t = t * stretch;
    }
    return t.transpose();
}

double LinearPath::determinantBound() const
{
    double bound = 1.0;
    for (int i = 0; i < m_sigma.size(); ++i)
        if (!isZero(m_sigma(i), m_sigma(0))) bound *= std::min(1.0, m_sigma(i));
    return bound;
}

} // namespace core::manifold

#pragma once
// The linear phase of a layer passage: a path of matrices M(s), s in [0, 1], from the identity to a
// layer's kernel W that never passes through a singular matrix.
//
// Convention: row vectors, as Keras computes a Dense layer: y = x · W, W inputs x units.
// The path works in n = max(inputs, units) dimensions (plus one, see below); points with fewer
// coordinates are padded with zeros.
//  - In column form T = Wᵀ (y = T x), the polar decomposition T = R · S (from the SVD U Σ Vᵀ:
//    R = U Vᵀ orthogonal, S = V Σ Vᵀ symmetric positive semi-definite) stretches first and turns
//    second. T(s) = R(s) · S(s) with S(s) = (1 - s) I + s S, whose eigenvalues (1 - s) + s σ_i are
//    >= min(1, σ_i), and R(s) = Q · B(s) · Qᵀ, each 2 x 2 rotation block of R's real Schur form
//    Q · B · Qᵀ turned by s θ_k. So |det T(s)| >= Π min(1, σ_i) > 0 for an invertible square W.
//    M(s) = T(s)ᵀ.
//  - Widening (inputs < units): T's columns for the padded input coordinates are free (every point
//    has 0 there); they are filled with an orthonormal basis of the complement of T's range, with
//    the sign that makes det T > 0: T is invertible and never needs a mirror.
//  - Narrowing (inputs > units): the layer forgets inputs - units directions; they are T's zero
//    singular values, which S(s) shrinks at the steady rate 1 - s, to zero only at s = 1. R's
//    freedom on them is used to make det R = +1.
//  - A square W with det W < 0 (a mirror image): no path from I to it in n dimensions avoids
//    det = 0, so the path takes one more dimension and turns R's mirrored axis u (R u = -u)
//    through it: a rotation by π s in the plane of u and the new axis e_n, which at s = 1 is the
//    reflection I - 2uuᵀ on the first n coordinates, with the extra coordinate back at 0. The map
//    stays orthogonal times positive definite all the way. A 2D layer shown in 3D visibly flips
//    over; in a 3D layer the fourth coordinate is not drawn.

#include <Eigen/Core>
#include <vector>

namespace core::manifold {

class LinearPath {
public:
    LinearPath() = default;
    // kernel: inputs x units (row-vector convention y = x · W).
    explicit LinearPath(const Eigen::MatrixXd &kernel);

    int inputs() const { return m_inputs; }
    int units() const { return m_units; }
    // n = max(inputs, units), plus 1 when reflects().
    int dimension() const { return m_dimension; }
    bool reflects() const { return m_reflects; }

    // M(s), dimension() x dimension(), for padded row vectors: x̃(s) = x̃ · M(s). s is clamped to
    // [0, 1]; M(0) = I, M(1) = the embedded W up to rounding (about 1e-15).
    Eigen::MatrixXd at(double s) const;
    // M(1) exactly as built: W in the top-left inputs x units block; when widening, the rows below
    // it hold the completion (which padded points, 0 there, never see); when reflects(), -1 on the
    // extra axis (the turn by π reverses it; no point has a coordinate there at the ends); zeros
    // elsewhere.
    const Eigen::MatrixXd &target() const { return m_target; }
    // The singular values of the stretch S (dimension() entries, descending).
    const Eigen::VectorXd &stretches() const { return m_sigma; }
    // min over s of |det M(s)| restricted to the directions the layer keeps: a lower bound
    // Π min(1, σ_i) over the nonzero σ_i.
    double determinantBound() const;

private:
    int m_inputs = 0;
    int m_units = 0;
    int m_dimension = 0;
    bool m_reflects = false;
    struct Plane {
        int i = 0, j = 0;   // columns of Q spanning the plane
        double angle = 0.0; // R turns column i towards column j by this angle
    };
    Eigen::MatrixXd m_target;  // M(1) (row form), dimension() x dimension()
    Eigen::MatrixXd m_stretch; // S (column form), n x n, symmetric positive semi-definite
    Eigen::MatrixXd m_schurQ;  // the rotation part of R is Q · B · Qᵀ (n x n)
    std::vector<Plane> m_planes;
    Eigen::VectorXd m_mirror; // u with R u = -u when reflects() (n entries)
    Eigen::VectorXd m_sigma;  // singular values of T, descending
};

} // namespace core::manifold

#pragma once
// One step of a chain of transforms (Figures 2.9-2.13): a translation, a rotation, a scaling, a
// general affine map W·x + b, or an affine map followed by ReLU. The kind is kept (not only the
// matrix) so that the page can edit θ of a rotation and animate it by its angle.

#include "core/geometry/affine2.h"

#include <string>

namespace core::geometry {

enum class TransformKind { Translation, Rotation, Scaling, Affine, AffineRelu };

struct Transform {
    TransformKind kind = TransformKind::Affine;
    double angle = 0.0;                              // Rotation: θ in radians
    Eigen::Vector2d scale = Eigen::Vector2d::Ones(); // Scaling: (sx, sy)
    Eigen::Matrix2d W = Eigen::Matrix2d::Identity(); // Affine, AffineRelu
    Eigen::Vector2d shift = Eigen::Vector2d::Zero(); // Translation: t; Affine*: b

    static Transform translate(const Eigen::Vector2d &t);
    static Transform rotate(double theta);
    static Transform scaleBy(double sx, double sy);
    static Transform affineMap(const Eigen::Matrix2d &W, const Eigen::Vector2d &b,
                               bool relu = false);

    // The map without its ReLU: x -> W·x + b.
    Affine2 affine() const;
    // Whether the step has a linear part, a shift and a ReLU to animate (by kind, not by value,
    // so that the timeline does not change shape while the user types).
    bool hasLinearPart() const;
    bool hasShift() const;
    bool hasRelu() const { return kind == TransformKind::AffineRelu; }

    bool operator==(const Transform &other) const;
};

// "translation", "rotation", "scaling", "affine", "affine + ReLU".
std::string kindName(TransformKind kind);

} // namespace core::geometry

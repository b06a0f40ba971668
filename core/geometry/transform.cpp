#include "core/geometry/transform.h"

namespace core::geometry {

Transform Transform::translate(const Eigen::Vector2d &t)
{
    Transform s;
    s.kind = TransformKind::Translation;
    s.shift = t;
    return s;
}

Transform Transform::rotate(double theta)
{
    Transform s;
    s.kind = TransformKind::Rotation;
    s.angle = theta;
    return s;
}

Transform Transform::scaleBy(double sx, double sy)
{
    Transform s;
    s.kind = TransformKind::Scaling;
    s.scale = {sx, sy};
    return s;
}

Transform Transform::affineMap(const Eigen::Matrix2d &W, const Eigen::Vector2d &b, bool relu)
{
    Transform s;
    s.kind = relu ? TransformKind::AffineRelu : TransformKind::Affine;
    s.W = W;
    s.shift = b;
    return s;
}

Affine2 Transform::affine() const
{
    switch (kind) {
    case TransformKind::Translation:
        return translation(shift);
    case TransformKind::Rotation:
        return rotation(angle);
    case TransformKind::Scaling:
        return scaling(scale.x(), scale.y());
    case TransformKind::Affine:
    case TransformKind::AffineRelu:
        return {W, shift};
    }
    return {};
}

bool Transform::hasLinearPart() const
{
    return kind != TransformKind::Translation;
}

bool Transform::hasShift() const
{
    return kind == TransformKind::Translation || kind == TransformKind::Affine ||
           kind == TransformKind::AffineRelu;
}

bool Transform::operator==(const Transform &other) const
{
    // Only the parameters the kind uses: a rotation's unused W does not make two steps differ.
    if (kind != other.kind) return false;
    switch (kind) {
    case TransformKind::Translation:
        return shift == other.shift;
    case TransformKind::Rotation:
        return angle == other.angle;
    case TransformKind::Scaling:
        return scale == other.scale;
    case TransformKind::Affine:
    case TransformKind::AffineRelu:
        return W == other.W && shift == other.shift;
    }
    return false;
}

std::string kindName(TransformKind kind)
{
    switch (kind) {
    case TransformKind::Translation:
        return "translation";
    case TransformKind::Rotation:
        return "rotation";
    case TransformKind::Scaling:
        return "scaling";
    case TransformKind::Affine:
        return "affine";
    case TransformKind::AffineRelu:
        return "affine + ReLU";
    }
    return "?";
}

} // namespace core::geometry

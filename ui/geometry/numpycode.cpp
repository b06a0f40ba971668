#include "ui/geometry/numpycode.h"

#include "ui/common/numberformat.h"

#include <numbers>

namespace ui {

namespace {

using core::geometry::TransformKind;

QString matrix(const Eigen::Matrix2d &m, int indent)
{
    const QString pad(indent, QLatin1Char(' '));
    return QStringLiteral("np.array([[%1, %2],\n%5[%3, %4]])")
        .arg(pythonNumber(m(0, 0)), pythonNumber(m(0, 1)), pythonNumber(m(1, 0)),
             pythonNumber(m(1, 1)), pad);
}

QString vector(const Eigen::Vector2d &v)
{
    return QStringLiteral("np.array([%1, %2])").arg(pythonNumber(v.x()), pythonNumber(v.y()));
}

} // namespace

QString numpyCode(const GeometryState &state, int activeStep)
{
    const auto &chain = state.chain;
    const bool many = chain.size() > 1;
    QString defs, body, dets;
    for (int i = 0; i < static_cast<int>(chain.size()); ++i) {
        const auto &step = chain[static_cast<std::size_t>(i)];
        const QString n = many ? QString::number(i + 1) : QString();
        const QString mark = i == activeStep ? QStringLiteral("  # ◀ now") : QString();
        switch (step.kind) {
        case TransformKind::Translation:
            defs +=
                QStringLiteral("t%1 = %2  # translation (Fig. 2.9)\n").arg(n, vector(step.shift));
            body += QStringLiteral("    x = x + t%1%2\n").arg(n, mark);
            break;
        case TransformKind::Rotation: {
            const QString W = QStringLiteral("R") + n;
            const QString th = QStringLiteral("theta") + n;
            defs += QStringLiteral("%1 = np.radians(%2)  # rotation (Fig. 2.10)\n")
                        .arg(th, pythonNumber(step.angle * 180.0 / std::numbers::pi));
            defs += QStringLiteral("%1 = np.array([[np.cos(%2), -np.sin(%2)],\n"
                                   "%3[np.sin(%2), np.cos(%2)]])\n")
                        .arg(W, th, QString(W.size() + 13, QLatin1Char(' ')));
            body += QStringLiteral("    x = %1 @ x%2\n").arg(W, mark);
            dets += QStringLiteral(" * np.linalg.det(%1)").arg(W);
            break;
        }
        case TransformKind::Scaling: {
            const QString W = QStringLiteral("S") + n;
            defs += QStringLiteral("%1 = %2  # scaling (Fig. 2.11)\n")
                        .arg(W, matrix(step.affine().W, W.size() + 13));
            body += QStringLiteral("    x = %1 @ x%2\n").arg(W, mark);
            dets += QStringLiteral(" * np.linalg.det(%1)").arg(W);
            break;
        }
        case TransformKind::Affine:
        case TransformKind::AffineRelu: {
            const QString W = QStringLiteral("W") + n, b = QStringLiteral("b") + n;
            defs += QStringLiteral("%1 = %2\n").arg(W, matrix(step.W, W.size() + 13));
            defs += QStringLiteral("%1 = %2\n").arg(b, vector(step.shift));
            if (step.hasRelu())
                body +=
                    QStringLiteral("    x = np.maximum(%1 @ x + %2, 0.0)  # relu (Fig. 2.13)%3\n")
                        .arg(W, b, mark);
            else
                body +=
                    QStringLiteral("    x = %1 @ x + %2  # affine (Fig. 2.12)%3\n").arg(W, b, mark);
            dets += QStringLiteral(" * np.linalg.det(%1)").arg(W);
            break;
        }
        }
    }

    QString code = QStringLiteral("import numpy as np\n\n");
    code += defs;
    if (!defs.isEmpty()) code += QLatin1Char('\n');
    code += QStringLiteral("def T(x):  # x: a point, shape (2,)\n");
    code += body.isEmpty() ? QStringLiteral("    return x  # no steps yet: the identity\n")
                           : body + QStringLiteral("    return x\n");
    code += QLatin1Char('\n');
    for (std::size_t i = 0; i < state.vectors.size(); ++i)
        code += QStringLiteral("v%1 = %2\n").arg(i + 1).arg(vector(state.vectors[i]));
    for (std::size_t i = 0; i < state.vectors.size(); ++i)
        code += QStringLiteral("T(v%1)\n").arg(i + 1);
    if (state.showSum && state.vectors.size() >= 2)
        code += QStringLiteral("T(v1 + v2)  # the parallelogram's far corner (Fig. 2.8)\n");
    if (!dets.isEmpty())
        code +=
            QStringLiteral("\n# how T scales areas (ReLU aside): the product of the determinants\n"
                           "%1\n")
                .arg(dets.mid(3));
    if (state.cloud != CloudKind::None)
        code += QStringLiteral("\n# cloud: shape (%1, 2), one point per row\n"
                               "cloud_T = np.array([T(p) for p in cloud])\n")
                    .arg(state.cloudCount);
    return code;
}

} // namespace ui

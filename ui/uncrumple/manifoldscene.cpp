#include "ui/uncrumple/manifoldscene.h"

#include "core/geometry/interpolation.h"
#include "core/manifold/decision.h"
#include "core/manifold/lattice.h"
#include "ui/common/twothreads.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ui {

namespace {

using core::manifold::Projection;
using core::nn::Matrix;

// The region mesh of 2D data: nodes per side (cells = (n - 1)² squares, two triangles each).
constexpr int kRegionNodes = 48;
// PCA is fitted on at most this many points (every k-th): the picture, not the statistics.
constexpr std::int64_t kPcaSamples = 4000;

bool isIdentity(const Projection &p)
{
    return p.dims() <= 3;
}

} // namespace

void ManifoldScene::setData(core::manifold::LabeledPoints data, int knots, int samplesPerLine)
{
    m_data = std::move(data);
    const core::manifold::BoundingBox box = core::manifold::boundingBox(m_data.points);
    const core::manifold::Lattice lattice = core::manifold::makeLattice(box, knots, samplesPerLine);
    const int dims = m_data.dims();
    m_latticeVertices = static_cast<int>(lattice.vertices.rows());
    m_edges.clear();
    for (int line = 0; line < lattice.lines(); ++line) {
        const auto first = static_cast<std::uint32_t>(lattice.firstVertex(line));
        for (int j = 0; j + 1 < lattice.samplesPerLine; ++j) {
            m_edges.push_back(first + j);
            m_edges.push_back(first + j + 1);
        }
    }
    m_cells.clear();
    const int regionNodes = dims == 2 ? kRegionNodes * kRegionNodes : 0;
    m_carriedInput = Matrix(m_latticeVertices + regionNodes, dims);
    std::copy(lattice.vertices.data(),
              lattice.vertices.data() + lattice.vertices.rows() * lattice.vertices.cols(),
              m_carriedInput.data());
    if (dims == 2) {
        // Over the lattice's own box (its first and last vertices are corners of it).
        double lo[2] = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max()};
        double hi[2] = {std::numeric_limits<double>::lowest(),
                        std::numeric_limits<double>::lowest()};
        for (std::int64_t r = 0; r < lattice.vertices.rows(); ++r)
            for (int c = 0; c < 2; ++c) {
                lo[c] = std::min(lo[c], static_cast<double>(lattice.vertices(r, c)));
                hi[c] = std::max(hi[c], static_cast<double>(lattice.vertices(r, c)));
            }
        float *out = m_carriedInput.data() + static_cast<std::size_t>(m_latticeVertices) * 2;
        for (int j = 0; j < kRegionNodes; ++j)
            for (int i = 0; i < kRegionNodes; ++i) {
                *out++ = static_cast<float>(lo[0] + (hi[0] - lo[0]) * i / (kRegionNodes - 1));
                *out++ = static_cast<float>(lo[1] + (hi[1] - lo[1]) * j / (kRegionNodes - 1));
            }
        const auto node = [this](int i, int j) {
            return static_cast<std::uint32_t>(m_latticeVertices + j * kRegionNodes + i);
        };
        for (int j = 0; j + 1 < kRegionNodes; ++j)
            for (int i = 0; i + 1 < kRegionNodes; ++i) {
                for (std::uint32_t v : {node(i, j), node(i + 1, j), node(i + 1, j + 1)})
                    m_cells.push_back(v);
                for (std::uint32_t v : {node(i, j), node(i + 1, j + 1), node(i, j + 1)})
                    m_cells.push_back(v);
            }
    }
    m_model = {};
    m_points = {};
    m_carried = {};
    m_passages.clear();
    m_stageProjections.assign(1, Projection::identity(dims));
    m_stageLo.assign(1, {});
    m_stageHi.assign(1, {});
    m_probability.assign(static_cast<std::size_t>(m_carriedInput.rows()), 0.5f);
    m_projectionPassage = -1;
    // The input stage alone, until a model comes.
    std::vector<float> xyz;
    toScreen(m_data.points, dims, nullptr, xyz);
    QVector3D lo(0, 0, 0), hi(0, 0, 0);
    for (std::size_t i = 0; i + 2 < xyz.size(); i += 3) {
        const QVector3D p(xyz[i], xyz[i + 1], xyz[i + 2]);
        lo = i == 0 ? p
                    : QVector3D(std::min(lo.x(), p.x()), std::min(lo.y(), p.y()),
                                std::min(lo.z(), p.z()));
        hi = i == 0 ? p
                    : QVector3D(std::max(hi.x(), p.x()), std::max(hi.y(), p.y()),
                                std::max(hi.z(), p.z()));
    }
    m_stageLo[0] = lo;
    m_stageHi[0] = hi;
}

void ManifoldScene::setModel(const core::nn::Sequential &model)
{
    m_model = model;
    m_points = core::manifold::LayerStack(m_model, m_data.points);
    m_carried = core::manifold::LayerStack(m_model, m_carriedInput);
    const int k = m_model.layerCount();
    m_passages.clear();
    for (int i = 1; i <= k; ++i)
        m_passages.emplace_back(m_model, i);

    std::vector<Projection> previous = std::move(m_stageProjections);
    m_stageProjections.clear();
    m_stageLo.assign(static_cast<std::size_t>(k) + 1, {});
    m_stageHi.assign(static_cast<std::size_t>(k) + 1, {});
    std::vector<float> xyz;
    for (int i = 0; i <= k; ++i) {
        const Matrix &stage = m_points.stage(i);
        Projection pr = core::manifold::fitPca(stage, 3, kPcaSamples);
        if (static_cast<std::size_t>(i) < previous.size())
            core::manifold::alignComponents(pr, previous[static_cast<std::size_t>(i)]);
        m_stageProjections.push_back(std::move(pr));
        toScreen(stage, static_cast<int>(stage.cols()), &m_stageProjections.back(), xyz);
        QVector3D lo(0, 0, 0), hi(0, 0, 0);
        for (std::size_t j = 0; j + 2 < xyz.size(); j += 3) {
            const QVector3D p(xyz[j], xyz[j + 1], xyz[j + 2]);
            lo = j == 0 ? p
                        : QVector3D(std::min(lo.x(), p.x()), std::min(lo.y(), p.y()),
                                    std::min(lo.z(), p.z()));
            hi = j == 0 ? p
                        : QVector3D(std::max(hi.x(), p.x()), std::max(hi.y(), p.y()),
                                    std::max(hi.z(), p.z()));
        }
        m_stageLo[static_cast<std::size_t>(i)] = lo;
        m_stageHi[static_cast<std::size_t>(i)] = hi;
    }
    const Matrix &out = m_carried.stage(k);
    m_probability.resize(static_cast<std::size_t>(out.rows()));
    for (std::int64_t r = 0; r < out.rows(); ++r)
        m_probability[static_cast<std::size_t>(r)] = out.cols() > 1 ? out(r, 1) : 0.5f;
    m_projectionPassage = -1;
}

void ManifoldScene::toScreen(const Matrix &m, int cols, const Projection *pr,
                             std::vector<float> &out) const
{
    const std::int64_t n = m.rows();
    out.resize(static_cast<std::size_t>(n) * 3);
    if (pr && !isIdentity(*pr) && pr->dims() == m.cols()) {
        const Matrix p = pr->apply(m);
        for (std::int64_t r = 0; r < n; ++r)
            for (int c = 0; c < 3; ++c)
                out[static_cast<std::size_t>(r * 3 + c)] = c < p.cols() ? p(r, c) : 0.0f;
        return;
    }
    const int used = std::min<int>({cols, 3, static_cast<int>(m.cols())});
    for (std::int64_t r = 0; r < n; ++r) {
        const float *row = m.row(r);
        float *o = out.data() + r * 3;
        o[0] = used > 0 ? row[0] : 0.0f;
        o[1] = used > 1 ? row[1] : 0.0f;
        o[2] = used > 2 ? row[2] : 0.0f;
    }
}

void ManifoldScene::evaluate(double t, SceneFrame &frame)
{
    const int k = layers();
    t = std::clamp(t, 0.0, duration());
    const double nearest = std::round(t / 3.0);
    if (k == 0 || std::abs(t - 3.0 * nearest) < 1e-9) {
        const int stage = k == 0 ? 0 : static_cast<int>(nearest);
        const Projection &pr = stageProjection(stage);
        const Matrix &points = k == 0 ? m_data.points : m_points.stage(stage);
        const Matrix &carried = k == 0 ? m_carriedInput : m_carried.stage(stage);
        toScreen(points, static_cast<int>(points.cols()), &pr, frame.points);
        toScreen(carried, static_cast<int>(carried.cols()), &pr, frame.nodes);
        frame.dimension = static_cast<int>(points.cols());
        frame.projected = !isIdentity(pr);
        frame.explained = pr.explained();
        frame.passage = 0;
        frame.stage = stage;
        frame.phase = 0;
        frame.s = 0;
        return;
    }
    const int passage = std::min(k, static_cast<int>(std::floor(t / 3.0)) + 1);
    const double local = t - 3.0 * (passage - 1);
    const int phase = std::min(2, static_cast<int>(std::floor(local)));
    const double s = core::geometry::easeInOut(local - phase);
    const core::manifold::Passage &p = m_passages[static_cast<std::size_t>(passage - 1)];
    const auto ph = static_cast<core::manifold::Phase>(phase);
    // The points and the lattice's nodes at once: 50,000 points with the 16³ lattice take 2 ms.
    runTogether([&] { p.frame(m_points, ph, s, m_pointFrame); },
                [&] { p.frame(m_carried, ph, s, m_carriedFrame); });
    frame.dimension = p.dimension();
    frame.passage = passage;
    frame.stage = passage - 1;
    frame.phase = phase;
    frame.s = s;
    if (std::max(p.inputWidth(), p.outputWidth()) <= 3) {
        // At most 3 real dimensions (a fourth only while a 3D mirror image turns: not drawn).
        toScreen(m_pointFrame, 3, nullptr, frame.points);
        toScreen(m_carriedFrame, 3, nullptr, frame.nodes);
        frame.projected = false;
        frame.explained = 1.0;
        return;
    }
    Projection pr = core::manifold::fitPca(m_pointFrame, 3, kPcaSamples);
    if (m_projectionPassage == passage) core::manifold::alignComponents(pr, m_passageProjection);
    m_passageProjection = std::move(pr);
    m_projectionPassage = passage;
    toScreen(m_pointFrame, frame.dimension, &m_passageProjection, frame.points);
    toScreen(m_carriedFrame, frame.dimension, &m_passageProjection, frame.nodes);
    frame.projected = true;
    frame.explained = m_passageProjection.explained();
}

const core::manifold::Projection &ManifoldScene::stageProjection(int stage) const
{
    const int i = std::clamp(stage, 0, static_cast<int>(m_stageProjections.size()) - 1);
    return m_stageProjections[static_cast<std::size_t>(i)];
}

void ManifoldScene::stageBox(int stage, QVector3D *lo, QVector3D *hi) const
{
    const int i = std::clamp(stage, 0, static_cast<int>(m_stageLo.size()) - 1);
    *lo = m_stageLo[static_cast<std::size_t>(i)];
    *hi = m_stageHi[static_cast<std::size_t>(i)];
}

void ManifoldScene::sceneBox(QVector3D *lo, QVector3D *hi) const
{
    *lo = m_stageLo.front();
    *hi = m_stageHi.front();
    for (std::size_t i = 1; i < m_stageLo.size(); ++i) {
        const QVector3D a = m_stageLo[i], b = m_stageHi[i];
        *lo =
            QVector3D(std::min(lo->x(), a.x()), std::min(lo->y(), a.y()), std::min(lo->z(), a.z()));
        *hi =
            QVector3D(std::max(hi->x(), b.x()), std::max(hi->y(), b.y()), std::max(hi->z(), b.z()));
    }
}

std::vector<float> ManifoldScene::coordinates(int stage, int point) const
{
    const Matrix &m = layers() == 0 ? m_data.points : m_points.stage(stage);
    if (point < 0 || point >= m.rows()) return {};
    return {m.row(point), m.row(point) + m.cols()};
}

std::optional<ManifoldScene::Plane> ManifoldScene::planeAt(int stage) const
{
    const int k = layers();
    if (k < 2 || dims() != 3) return std::nullopt;
    if (stage == k) return Plane{QVector3D(-1, 1, 0), 0.0f}; // p1 - p0 = 0
    if (stage != k - 1) return std::nullopt;
    const core::manifold::DecisionPlane plane = core::manifold::decisionPlane(m_model);
    if (plane.normal.size() > 3) return std::nullopt;
    QVector3D n;
    for (int i = 0; i < plane.normal.size(); ++i)
        n[i] = static_cast<float>(plane.normal[i]);
    return Plane{n, static_cast<float>(plane.offset)};
}

} // namespace ui

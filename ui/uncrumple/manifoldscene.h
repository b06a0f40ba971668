#pragma once
// What the Uncrumple page's 3D view shows, as plain data: the points, the lattice and (for 2D data)
// the decision-region mesh carried through the network, at any time of the layer-by-layer
// timeline. t runs from 0 (the input) to 3K (the output of the K-th layer): passage k (1-based)
// takes [3(k - 1), 3k], one unit per phase (linear W, shift b, activation), each eased in and out.
// At t = 3i exactly the view shows stage i (the input, or layer i's output).
//
// Coordinates for the screen: a passage or stage of at most 3 dimensions is drawn as it is (2D
// padded with z = 0); a wider one is projected to 3D by PCA (core/manifold/pca.h), fitted on the
// points and aligned to the previous projection so that training and playing do not make it jump.
// Widget-free and GL-free, so tests and benchmarks drive it directly.

#include "core/manifold/labeledpoints.h"
#include "core/manifold/layerstack.h"
#include "core/manifold/passage.h"
#include "core/manifold/pca.h"
#include "core/nn/model.h"

#include <QString>
#include <QStringList>
#include <QVector3D>
#include <cstdint>
#include <optional>
#include <vector>

namespace ui {

struct SceneFrame {
    std::vector<float> points; // xyz a point
    std::vector<float> nodes;  // xyz a lattice (then region-mesh) vertex
    int dimension = 3;         // of the space being drawn (before any projection)
    bool projected = false;    // by PCA
    double explained = 1.0;    // the variance the projection keeps
    int passage = 0;           // 1-based; 0 at a stage
    int stage = 0;             // the stage shown, or the passage's first stage
    int phase = 0;             // during a passage: 0 linear, 1 shift, 2 activation
    double s = 0;              // the phase's eased parameter
};

class ManifoldScene {
public:
    // A new data set: the lattice (knots per axis) and, for 2D data, a region mesh over its box.
    void setData(core::manifold::LabeledPoints data, int knots = 16, int samplesPerLine = 32);
    // A new model (the same data): every stage of the points and of the carried vertices.
    void setModel(const core::nn::Sequential &model);
    bool hasModel() const { return m_model.layerCount() > 0; }

    const core::manifold::LabeledPoints &data() const { return m_data; }
    int dims() const { return m_data.dims(); }
    const core::nn::Sequential &model() const { return m_model; }
    const core::manifold::LayerStack &stack() const { return m_points; }
    int layers() const { return m_model.layerCount(); }
    double duration() const { return 3.0 * layers(); }

    // The lattice: edges between consecutive samples of each line, then region cells (2D).
    int nodeCount() const { return static_cast<int>(m_carriedInput.rows()); }
    int latticeVertices() const { return m_latticeVertices; }
    const std::vector<std::uint32_t> &edges() const { return m_edges; }
    const std::vector<std::uint32_t> &cells() const { return m_cells; }
    // P(class 1) at each carried vertex's input position (the region mesh's shading; 0.5 for
    // lattice vertices), from the current model.
    const std::vector<float> &probability() const { return m_probability; }

    // Fills frame for time t (clamped to [0, duration()]); reuses frame's memory.
    void evaluate(double t, SceneFrame &frame);
    // A stage's coordinates as drawn (projected when wider than 3), and its box.
    const core::manifold::Projection &stageProjection(int stage) const;
    void stageBox(int stage, QVector3D *lo, QVector3D *hi) const;
    // The box around every stage as drawn: where the camera is framed.
    void sceneBox(QVector3D *lo, QVector3D *hi) const;
    // A point's coordinates in stage i's own space (its full width, not projected).
    std::vector<float> coordinates(int stage, int point) const;

    // The separating plane in the drawn coordinates of stage i, when there is one to draw: the
    // last hidden layer (normal · h + offset = 0, width at most 3) or the output (p1 = p0).
    struct Plane {
        QVector3D normal;
        float offset = 0;
    };
    std::optional<Plane> planeAt(int stage) const;

private:
    void toScreen(const core::nn::Matrix &m, int cols, const core::manifold::Projection *pr,
                  std::vector<float> &out) const;

    core::manifold::LabeledPoints m_data;
    core::nn::Matrix m_carriedInput; // lattice vertices, then the region mesh's (2D)
    int m_latticeVertices = 0;
    std::vector<std::uint32_t> m_edges, m_cells;

    core::nn::Sequential m_model;
    core::manifold::LayerStack m_points, m_carried;
    std::vector<core::manifold::Passage> m_passages;
    std::vector<core::manifold::Projection> m_stageProjections;
    std::vector<QVector3D> m_stageLo, m_stageHi;
    std::vector<float> m_probability;

    // Scratch for evaluate(), kept so frames do not allocate.
    core::nn::Matrix m_pointFrame, m_carriedFrame;
    core::manifold::Projection m_passageProjection;
    int m_projectionPassage = -1;
};

} // namespace ui

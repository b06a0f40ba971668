#pragma once
// The Geometry page (Figures 2.6-2.13): vectors you drag, a chain of translations, rotations,
// scalings and affine maps (with ReLU) animated from the identity, the warped grid, the unit
// square and a point cloud, with det and area readouts and the NumPy code beside them.
// This class wires the pieces: the model (state + undo), the playhead, the plane and the panels.

#include "ui/shell/page.h"

#include <QTimer>

#include <functional>
#include <memory>

class QPushButton;
class QScrollArea;

namespace core::geometry {
struct PointCloud;
}

namespace ui {

class ChainPanel;
class DisplayPanel;
class GeometryModel;
struct GeometryState;
class PlaneView;
class PlayBar;
class Playhead;
class TransformEditor;
class VectorPanel;
enum class CloudKind;

class GeometryPage : public Page {
    Q_OBJECT
public:
    explicit GeometryPage(AppContext *context, QWidget *parent = nullptr);
    ~GeometryPage() override;

    QImage exportImage() override;
    void activated() override;

    // For tests and the benchmark.
    GeometryModel *model() const { return m_model; }
    Playhead *playhead() const { return m_playhead; }
    PlaneView *plane() const { return m_plane; }
    VectorPanel *vectorPanel() const { return m_vectors; }
    int selectedStep() const { return m_selected; }
    void selectStep(int index);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildSide();
    void connectPlane();
    void connectPanels();
    // One undoable edit: f changes a copy of the state and returns false to cancel.
    bool change(const QString &what, const std::function<bool(GeometryState &)> &f,
                int mergeKey = 0);
    void fitSideWidth();
    void installShortcuts();
    void onStateChanged();
    void onChainChanged();
    void onTimeChanged();
    void updateSidePanels();
    void updateCloud();
    void updateVectorImages();
    QString caption() const;
    int activeStep() const;
    void addStep(int kind);
    void exportPng();

    GeometryModel *m_model;
    Playhead *m_playhead;
    PlaneView *m_plane;
    PlayBar *m_playBar;
    ChainPanel *m_chain;
    TransformEditor *m_editor;
    VectorPanel *m_vectors;
    DisplayPanel *m_display;
    QPushButton *m_undo, *m_redo;
    QScrollArea *m_side = nullptr;
    QTimer m_sideTimer; // coalesces side-panel updates while the animation runs
    int m_selected = 0;
    int m_cloudKind = -1;
    int m_cloudCount = 0;
};

} // namespace ui

#pragma once
// The Uncrumple page (figure 2.14 of the chapter made live): two-class manifolds in 2D and 3D, a
// small dense network trained live with the Train page's engine and session, and every layer's
// output shown in 3D, with the passage from each layer to the next played in three phases (the
// linear map W, the shift b, the activation) and a lattice carried through them.
// This class wires the pieces: the form, the scene (what to draw at each time), the 3D view, the
// playhead, the layer list with its linear probe, the curves and the training session.

#include "core/manifold/generate.h"
#include "core/manifold/network.h"
#include "ui/shell/page.h"
#include "ui/train/trainsnapshots.h"
#include "ui/uncrumple/manifoldscene.h"

#include <QList>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

namespace ui {

class CurveChart;
class LayerProbe;
class LayerProbeList;
class ManifoldView;
class PlayBar;
class Playhead;
class TrainSession;
class UncrumpleControls;

class UncrumplePage : public Page {
    Q_OBJECT
public:
    explicit UncrumplePage(AppContext *context, QWidget *parent = nullptr);
    ~UncrumplePage() override;

    ManifoldView *view() const { return m_view; }
    Playhead *playhead() const { return m_playhead; }
    LayerProbeList *layerList() const { return m_layers; }
    UncrumpleControls *controls() const { return m_controls; }
    TrainSession *session() const { return m_session; }
    const ManifoldScene &scene() const { return m_scene; }
    CurveChart *curves() const { return m_curves; }

    // Epochs trained on the current weights, and the last epoch's accuracy and loss.
    int epochsTrained() const { return static_cast<int>(m_accuracy.size()); }
    double accuracy() const { return m_accuracy.empty() ? 0.0 : m_accuracy.back(); }
    double loss() const { return m_loss.empty() ? 0.0 : m_loss.back(); }
    // Trains epochs epochs from the current weights (the --uncrumple-epochs option).
    void trainEpochs(int epochs);
    // Lattice lines per axis (8 by default; the benchmark draws the 16³ of the design).
    void setLatticeKnots(int knots);
    // Shows stage i (0 the input, layer i's output) still.
    void showStage(int stage);
    // The stage the picture is at (or the passage's first stage).
    int currentStage() const { return m_frame.stage; }

    void activated() override;

signals:
    // A training run ended (finished, paused at an epoch's end after Step, or stopped).
    void trainingIdle();

private:
    // Presentation mode: larger lines and points, and curve colours a projector keeps.
    void applyPresentationMode();
    QWidget *buildMain();
    QWidget *buildSide();
    void installShortcuts();
    void regenerate();
    void rebuildNetwork();
    void setModel(const ModelSnapshot &model);
    void applyTrainingUpdate();
    void onTime(double t);
    void refreshFrame();
    void refreshCurves();
    void refreshCode();
    void refreshStatus();
    void refreshWarning();
    void onTrain();
    void onStep();
    void onReset();
    void startRun(int epochs);
    QString describePoint(int index) const;
    QStringList stageNames() const;

    ManifoldView *m_view;
    Playhead *m_playhead;
    PlayBar *m_playBar;
    QWidget *m_playRow = nullptr;
    UncrumpleControls *m_controls;
    LayerProbeList *m_layers;
    CurveChart *m_curves;
    TrainSession *m_session;

    ManifoldScene m_scene;
    SceneFrame m_frame;
    core::manifold::NetworkSpec m_spec;
    ModelSnapshot m_model;
    std::vector<double> m_loss, m_accuracy; // per epoch on the current weights
    LayerProbe *m_probe;
    int m_knots = 8;
    bool m_ignoreRun = false; // a cancelled run's last snapshots are not the current weights
    int m_runEpochsBefore = 0;
    QTimer m_updateTimer;
    ModelSnapshot m_pendingModel;
    std::optional<core::manifold::DataKind> m_kind;
};

} // namespace ui

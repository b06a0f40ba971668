#pragma once
// MNIST's hidden space: the book's network seen from inside. The first 2,000 test digits are shown
// twice, in 3D by PCA and coloured by digit: as their 784 pixels, and as the 512 units of the
// network's hidden layer, where the ten digits pull apart as it learns. Beside each, how well a
// linear classifier separates the digits there (a ridge probe fitted on those 2,000 and measured on
// the next 2,000). The training is the Train page's (shared through AppContext): the page follows
// it live, or starts the book's recipe itself when there is no network yet.

#include "core/manifold/featurespace.h"
#include "ui/shell/page.h"
#include "ui/train/trainsnapshots.h"

#include <QString>
#include <atomic>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

class QLabel;
class QPushButton;

namespace ui {

class LayerProbeList;
class ManifoldView;
struct HiddenSpaceDigits;
class TrainSession;

class HiddenSpacePage : public Page {
    Q_OBJECT
public:
    enum Stage { Pixels, Hidden };

    explicit HiddenSpacePage(AppContext *context, QWidget *parent = nullptr);
    ~HiddenSpacePage() override;

    ManifoldView *view() const { return m_view; }
    LayerProbeList *stages() const { return m_stages; }
    QPushButton *trainButton() const { return m_train; }
    QString statusText() const;
    Stage shownStage() const { return m_stage; }
    void showStage(Stage stage);
    // The probe's accuracy in the pixels and in the hidden layer (nullopt: not computed yet).
    std::optional<double> pixelProbe() const;
    std::optional<double> hiddenProbe() const;
    // The digits shown (2,000 with the full MNIST) and held out for the probe.
    int shownDigits() const { return m_shown; }
    bool isComputing() const { return m_worker.joinable(); }
    // Nothing more to compute for now: the pictures are those of the data and network there are
    // (or there is nothing to show, or the last computation failed).
    bool isSettled() const;

    void activated() override;

signals:
    // A new picture of the pixels or of the hidden layer is shown.
    void viewsChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Result;
    QWidget *buildSide();
    void installShortcuts();
    void applyPresentationMode();
    void onData();
    void onModel();
    void onTrain();
    void compute();
    void onComputed(std::shared_ptr<Result> result);
    void refreshView(bool reframe);
    void refreshStatus();
    void refreshCode();
    QString describePoint(int index) const;

    TrainSession *m_session;
    ManifoldView *m_view;
    LayerProbeList *m_stages;
    QLabel *m_status;
    QPushButton *m_train;
    Stage m_stage = Hidden;

    // The test digits: m_shown shown, then those held out for the probe.
    std::shared_ptr<const HiddenSpaceDigits> m_digits;
    int m_shown = 0;
    std::optional<core::manifold::FeatureView> m_pixels, m_hidden;
    int m_hiddenUnits = 0;

    // One computation at a time, off the GUI thread; a model that arrives meanwhile waits.
    std::thread m_worker;
    std::shared_ptr<std::atomic<bool>> m_cancel; // tells the running worker to give up
    QString m_error;                             // why the last computation failed
    ModelSnapshot m_pendingModel;
    bool m_pending = false;
    bool m_framed = false;
    double m_spread = 1.0; // what the shown points are divided by
};

} // namespace ui

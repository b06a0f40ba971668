#pragma once
// The linear probe of every layer (core::manifold::probeStages), measured off the GUI thread: a
// probe of a wide network on many points is a few hundred Newton steps over thousands of rows, too
// long to hold the window for. Requests made while one is being measured are merged: only the
// newest is measured next, and a result for data that has changed since is dropped.

#include "core/manifold/labeledpoints.h"
#include "ui/train/trainsnapshots.h"

#include <QObject>
#include <QThread>
#include <memory>
#include <vector>

namespace ui {

using PointsSnapshot = std::shared_ptr<const core::manifold::LabeledPoints>;

struct ProbeRequest {
    ModelSnapshot model;
    PointsSnapshot data;
    quint64 generation = 0;
};

// Lives on LayerProbe's thread; everything it sends back is a copy.
class ProbeWorker : public QObject {
    Q_OBJECT
public slots:
    void probe(const ui::ProbeRequest &request);
signals:
    void probed(quint64 generation, const std::vector<double> &accuracy);
};

class LayerProbe : public QObject {
    Q_OBJECT
public:
    explicit LayerProbe(QObject *parent = nullptr);
    ~LayerProbe() override;

    // New data: results for the old data are dropped from now on.
    void setData(PointsSnapshot data);
    // Measures model's layers on the data (later, if a measurement is under way).
    void request(const ModelSnapshot &model);
    bool isBusy() const { return m_busy; }

signals:
    // One accuracy a stage: the input, then each layer's output.
    void measured(const std::vector<double> &accuracy);
    void toWorker(const ui::ProbeRequest &request);

private:
    void onProbed(quint64 generation, const std::vector<double> &accuracy);
    void send(const ModelSnapshot &model);

    QThread m_thread;
    PointsSnapshot m_data;
    quint64 m_generation = 0;
    bool m_busy = false;
    ModelSnapshot m_pending;
};

} // namespace ui

Q_DECLARE_METATYPE(ui::ProbeRequest)

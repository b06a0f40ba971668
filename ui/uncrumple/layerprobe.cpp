#include "ui/uncrumple/layerprobe.h"

#include "core/manifold/layerstack.h"
#include "core/manifold/linearprobe.h"

#include <exception>
#include <utility>

namespace ui {

void ProbeWorker::probe(const ui::ProbeRequest &request)
{
    std::vector<double> accuracy;
    try {
        if (request.model && request.data) {
            const core::manifold::LayerStack stack(*request.model, request.data->points);
            accuracy = core::manifold::probeStages(stack, request.data->labels);
        }
    } catch (const std::exception &) {
        accuracy.clear(); // a model that does not fit the data: nothing to show
    }
    emit probed(request.generation, accuracy);
}

LayerProbe::LayerProbe(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ui::ProbeRequest>();
    qRegisterMetaType<std::vector<double>>();
    auto *worker = new ProbeWorker;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(this, &LayerProbe::toWorker, worker, &ProbeWorker::probe);
    connect(worker, &ProbeWorker::probed, this, &LayerProbe::onProbed);
    m_thread.setObjectName(QStringLiteral("layer probe"));
    m_thread.start();
}

LayerProbe::~LayerProbe()
{
    // A measurement under way finishes (it is bounded: at most 5,000 points per probe), then the
    // thread stops.
    m_thread.quit();
    m_thread.wait();
}

void LayerProbe::setData(PointsSnapshot data)
{
    m_data = std::move(data);
    ++m_generation;
    m_pending.reset();
}

void LayerProbe::request(const ModelSnapshot &model)
{
    if (m_busy) {
        m_pending = model;
        return;
    }
    send(model);
}

void LayerProbe::send(const ModelSnapshot &model)
{
    m_busy = true;
    emit toWorker({model, m_data, m_generation});
}

void LayerProbe::onProbed(quint64 generation, const std::vector<double> &accuracy)
{
    m_busy = false;
    if (m_pending) send(std::exchange(m_pending, nullptr));
    if (generation == m_generation) emit measured(accuracy);
}

} // namespace ui

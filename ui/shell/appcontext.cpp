#include "ui/shell/appcontext.h"

#include "ui/train/trainsession.h"

namespace ui {

AppContext::AppContext(DataStore *data, QObject *parent) : QObject(parent), m_data(data) {}

TrainSession *AppContext::mnistTraining()
{
    if (!m_mnistTraining) m_mnistTraining = new TrainSession(this);
    return m_mnistTraining;
}

TrainSession *AppContext::claimMnistTraining()
{
    if (m_mnistTrainingClaimed) return nullptr;
    m_mnistTrainingClaimed = true;
    return mnistTraining();
}

void AppContext::setPresentationMode(bool on)
{
    if (on == m_presentation) return;
    m_presentation = on;
    emit presentationModeChanged(on);
}

} // namespace ui

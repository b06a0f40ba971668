#include "ui/shell/appcontext.h"

namespace ui {

AppContext::AppContext(DataStore *data, QObject *parent) : QObject(parent), m_data(data) {}

void AppContext::setPresentationMode(bool on)
{
    if (on == m_presentation) return;
    m_presentation = on;
    emit presentationModeChanged(on);
}

} // namespace ui

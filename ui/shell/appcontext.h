#pragma once
// What every page shares: the loaded data set and the presentation mode.

#include <QObject>

namespace ui {

class DataStore;

class AppContext : public QObject {
    Q_OBJECT
public:
    explicit AppContext(DataStore *data, QObject *parent = nullptr);

    DataStore *data() const { return m_data; }

    // Presentation mode scales fonts and line widths for a projector.
    bool presentationMode() const { return m_presentation; }
    void setPresentationMode(bool on);
    // 1.0 normally, larger in presentation mode; custom-drawn views multiply line widths by it.
    double scale() const { return m_presentation ? kPresentationScale : 1.0; }

    static constexpr double kPresentationScale = 1.5;

signals:
    void presentationModeChanged(bool on);

private:
    DataStore *m_data;
    bool m_presentation = false;
};

} // namespace ui

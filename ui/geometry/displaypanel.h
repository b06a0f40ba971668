#pragma once
// What rides along with the plane: a point cloud (a picture, an MNIST digit, a letter or a small
// data set, up to 100,000 points), the warped grid and the unit square.

#include "ui/geometry/geometrystate.h"

#include <QWidget>

class QCheckBox;
class QComboBox;

namespace ui {

class DisplayPanel : public QWidget {
    Q_OBJECT
public:
    explicit DisplayPanel(QWidget *parent = nullptr);

    void setState(const GeometryState &state);

    static const std::vector<int> &cloudCounts();

signals:
    void cloudChanged(ui::CloudKind kind, int count);
    void showGridToggled(bool on);
    void showSquareToggled(bool on);

private:
    void emitCloud();

    QComboBox *m_cloud;
    QComboBox *m_count;
    QCheckBox *m_grid;
    QCheckBox *m_square;
};

} // namespace ui

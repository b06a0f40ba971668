#pragma once
// One line chart of the Train and Uncrumple pages, drawn with QPainter: the frame (title with
// the curves' keys, axes, ticks, grid, labels) is painted once into a cached pixmap and redrawn
// only when the size, fonts, colours or ranges change; a repaint while training draws that
// pixmap and the curves' polylines. (Qt Charts, used before, repainted its whole scene and
// re-stroked every item at each update: half the GUI thread's time while training.) Hover names
// the exact value of the nearest point.

#include "ui/train/chartlayout.h"

#include <QList>
#include <QPixmap>
#include <QPointF>
#include <QPolygonF>
#include <QString>
#include <QWidget>
#include <functional>
#include <vector>

namespace ui {

class CurveChart : public QWidget {
    Q_OBJECT
public:
    CurveChart(const QString &title, const QString &xTitle, const QString &yTitle,
               QWidget *parent = nullptr);

    // A curve in the title's key; markers draws its points (for a few per-epoch values).
    // Returns its index.
    int addCurve(const QString &name, const QColor &color, qreal width, bool markers = false);
    // The curve's points, in x order (hover and repaints look points up by x).
    void setCurve(int curve, const QList<QPointF> &points);
    const QList<QPointF> &points(int curve) const;
    void setCurveColour(int curve, const QColor &color);
    QColor curveColour(int curve) const;
    int pointCount(int curve) const;

    // Ticks at whole multiples of interval (epochs 1, 2, 3 ... whatever the range's ends).
    void setXRange(double min, double max, double interval);
    // The values the y axis must show; it is widened to round ticks, as many as the chart's
    // height has room for (refitted when the chart is resized).
    void setYExtent(double min, double max);
    double yMin() const { return m_layout.yMin; }
    double yMax() const { return m_layout.yMax; }
    // Vertical grid lines at the x ticks (on by default).
    void setXGridVisible(bool visible);
    // Presentation mode: line widths grow by scale (fonts follow the widget's font).
    void setLineScale(double scale);
    double lineScale() const { return m_scale; }

    // Where everything goes at the current size (the plot's rectangle, the ticks...).
    const ChartLayout &layout() const { return m_layout; }
    QString xTitle() const { return m_xTitle; }
    // How many times the frame was painted: a curve's new points must not add one.
    int framesPainted() const { return m_framesPainted; }
    QFont titleFont() const;

    // The hover text for point index of curve (default: "name: x, y").
    using Describer = std::function<QString(int curve, int index, QPointF point)>;
    void setDescriber(Describer describer) { m_describe = std::move(describer); }
    // What hovering at the chart value position would show (empty far from every point).
    QString describeAt(QPointF position) const;

    QPointF toPixel(QPointF value) const;
    QPointF toValue(QPointF pixel) const;

signals:
    // A curve's points were replaced (the page redraws at most this often).
    void curveChanged(int curve);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Curve {
        QString name;
        QColor color;
        qreal width = 1.0;
        bool markers = false;
        QList<QPointF> points;
    };
    struct Hit {
        int curve = -1;
        int index = -1;
    };
    Hit nearest(QPointF pixel) const;
    QString describe(Hit hit) const;
    QString plainTitle() const;
    void relayout();
    void paintFrame();
    void paintTitle(QPainter &p) const;
    // The curve where it crosses the pixel columns left..right.
    void paintCurve(QPainter &p, const Curve &c, double left, double right);

    QString m_title, m_xTitle, m_yTitle;
    std::vector<Curve> m_curves;
    Describer m_describe;
    double m_xMin = 0.0, m_xMax = 1.0, m_xInterval = 1.0;
    double m_yLow = 0.0, m_yHigh = 1.0;
    bool m_xGrid = true;
    double m_scale = 1.0;
    ChartLayout m_layout;
    QPixmap m_frame;      // the cached frame; null when it must be painted again
    QPolygonF m_polyline; // reused by every repaint: no allocation while training
    Hit m_hover;
    int m_framesPainted = 0;
};

} // namespace ui

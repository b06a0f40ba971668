#pragma once
// One Qt Charts line chart of the Train page: named curves fed whole with QXYSeries::replace(),
// fixed axes that change only when their range does (a relabelled axis costs a layout), and hover
// that names the exact value of the nearest point.

#include <QChartView>
#include <QList>
#include <QPointF>
#include <QString>
#include <functional>
#include <vector>

class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace ui {

class CurveChart : public QChartView {
    Q_OBJECT
public:
    CurveChart(const QString &title, const QString &xTitle, const QString &yTitle,
               QWidget *parent = nullptr);

    // A curve in the legend; markers draws its points (for a few per-epoch values). Returns its
    // index.
    int addCurve(const QString &name, const QColor &color, qreal width, bool markers = false);
    void setCurve(int curve, const QList<QPointF> &points);
    void setCurveColour(int curve, const QColor &color);
    QColor curveColour(int curve) const;
    int pointCount(int curve) const;
    QLineSeries *series(int curve) const;

    // Ticks at whole multiples of interval (epochs 1, 2, 3 ... whatever the range's ends).
    void setXRange(double min, double max, double interval);
    // The values the y axis must show; it is widened to round ticks, as many as the chart's
    // height has room for (refitted when the chart is resized).
    void setYExtent(double min, double max);
    double yMin() const;
    double yMax() const;
    // Vertical grid lines at the x ticks (on by default).
    void setXGridVisible(bool visible);
    // Presentation mode: line widths and fonts grow by scale.
    void setLineScale(double scale);
    double lineScale() const { return m_scale; }

    // The hover text for point index of curve (default: "name: x, y").
    using Describer = std::function<QString(int curve, int index, QPointF point)>;
    void setDescriber(Describer describer) { m_describe = std::move(describer); }
    // What hovering at the chart value position would show (empty far from every point).
    QString describeAt(QPointF position) const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Curve {
        QLineSeries *series = nullptr;
        QString name;
        QColor color;
        qreal width = 1.0;
        QList<QPointF> points;
    };
    struct Hit {
        int curve = -1;
        int index = -1;
    };
    Hit nearest(QPointF pixel) const;
    void applyColours();
    void applyPens();
    void fitYAxis();
    void updateTitle();

    QValueAxis *m_x;
    QValueAxis *m_y;
    QScatterSeries *m_marker;
    std::vector<Curve> m_curves;
    Describer m_describe;
    QString m_title;
    int m_titleLines = 1;
    double m_scale = 1.0;
    double m_yLow = 0.0;
    double m_yHigh = 1.0;
};

} // namespace ui

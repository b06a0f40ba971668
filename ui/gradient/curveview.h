#pragma once
// The Derivative tab's picture: a loss curve y = f(x), the point at x with its tangent (slope
// f'(x)), and one step of gradient descent, x − η·f'(x), drawn as an arrow along the curve.
// Dragging anywhere moves x: xDragged while the button is down, xDropped on release.

#include <QWidget>
#include <optional>
#include <vector>

namespace ui {

class CurveView : public QWidget {
    Q_OBJECT
public:
    explicit CurveView(QWidget *parent = nullptr);

    // The curve sampled at xs (increasing); non-finite ys break the line.
    void setCurve(std::vector<double> xs, std::vector<double> ys);
    // The point the cell evaluated: x, f(x) and f'(x).
    void setPoint(double x, double y, double slope);
    // Where one step of gradient descent lands; nullopt hides the arrow.
    void setStep(std::optional<double> xNext, std::optional<double> yNext);

    std::optional<double> pointX() const { return m_x; }
    // Pixel <-> curve coordinates of the current picture (for tests and hover).
    QPointF toPixel(double x, double y) const;
    double toX(double pixelX) const;

    QSize sizeHint() const override { return {640, 420}; }
    QSize minimumSizeHint() const override { return {240, 180}; }

signals:
    void xDragged(double x);
    void xDropped(double x);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    QRectF plotRect() const;
    void updateRange();
    void drawAxes(QPainter &p) const;

    std::vector<double> m_xs, m_ys;
    std::optional<double> m_x, m_y, m_slope, m_xNext, m_yNext;
    double m_x0 = -1, m_x1 = 1, m_y0 = -1, m_y1 = 1; // the range drawn
    bool m_dragging = false;
};

} // namespace ui

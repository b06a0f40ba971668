#pragma once
// A computation graph drawn as the book draws backpropagation (Figures 2.22-2.26): inputs in boxes,
// operations in circles, each edge with its forward value above it and, once the backward pass
// reaches it, its gradient below it. A time t from a play head reveals the steps one by one and
// highlights the current one.

#include <QPointF>
#include <QString>
#include <QWidget>
#include <vector>

namespace ui {

struct GraphNode {
    QString label;  // "x", "w", "×", "loss_val"
    QPointF at;     // in [0, 1]²: where the node sits in the picture
    bool operation; // a circle (an operation) or a box (a value)
};

struct GraphEdge {
    int from, to;
    QString forward;  // "x1 = 6"
    QString backward; // "grad(loss_val, x1) = 1"
    int forwardStep;  // the step that computes the forward value
    int backwardStep; // the step that computes the gradient (-1: none)
};

class GraphView : public QWidget {
    Q_OBJECT
public:
    explicit GraphView(QWidget *parent = nullptr);

    void setGraph(std::vector<GraphNode> nodes, std::vector<GraphEdge> edges);
    // Step k appears as t passes k (over half a phase); the newest shown, ceil(t) − 1, is
    // highlighted.
    void setTime(double t);
    double time() const { return m_time; }

    QSize sizeHint() const override { return {720, 380}; }
    QSize minimumSizeHint() const override { return {320, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QPointF place(const QPointF &unit) const;

    std::vector<GraphNode> m_nodes;
    std::vector<GraphEdge> m_edges;
    double m_time = 0;
};

} // namespace ui

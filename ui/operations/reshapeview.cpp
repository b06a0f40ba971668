#include "ui/operations/reshapeview.h"

#include "core/cell/repr.h"
#include "ui/common/fonts.h"

#include <QPainter>
#include <algorithm>
#include <cmath>
#include <map>

namespace ui {

namespace {

double ease(double f)
{
    return f * f * (3 - 2 * f); // smoothstep: starts and lands gently
}

QRectF lerp(const QRectF &a, const QRectF &b, double f)
{
    return QRectF(a.x() + (b.x() - a.x()) * f, a.y() + (b.y() - a.y()) * f,
                  a.width() + (b.width() - a.width()) * f,
                  a.height() + (b.height() - a.height()) * f);
}

} // namespace

ReshapeView::ReshapeView(QWidget *parent) : TensorView(parent)
{
    // At a whole stage, each cell shows its place in memory, as the moving cells do.
    setCornerLabel([this](const std::vector<std::int64_t> &index) {
        const int stage = static_cast<int>(std::lround(m_time));
        return stage < stageCount() ? QString::number(keyOf(stage, index)) : QString();
    });
}

void ReshapeView::setStages(std::vector<core::Tensor> stages)
{
    m_stages = std::move(stages);
    m_time = 0;
    const bool drawable = std::all_of(m_stages.begin(), m_stages.end(),
                                      [](const core::Tensor &t) { return t.ndim() <= 5; });
    if (!drawable) m_stages.clear(); // the drawings go up to rank 5
    if (m_stages.empty())
        clear(drawable ? tr("No reshape to show.")
                       : tr("An array of rank 6 or more: the drawing goes up to rank 5."));
    else
        setTensor(m_stages.front());
}

void ReshapeView::setTime(double t)
{
    if (m_stages.empty()) return;
    m_time = std::clamp(t, 0.0, static_cast<double>(m_stages.size() - 1));
    setTensor(m_stages[static_cast<std::size_t>(std::lround(m_time))]);
    update();
}

std::int64_t ReshapeView::keyOf(int stage, const std::vector<std::int64_t> &index) const
{
    const core::Tensor &t = m_stages[static_cast<std::size_t>(stage)];
    const core::Tensor &first = m_stages.front();
    if (t.buffer() == first.buffer()) {
        std::int64_t key = t.offset() - first.offset();
        for (std::size_t a = 0; a < index.size(); ++a)
            key += index[a] * t.strides()[a];
        return key;
    }
    // A copy (a reshape of a transposed view) holds the elements in row-major order of the array
    // it copied: the element at row-major position p here is the first stage's at position p.
    std::int64_t position = 0;
    for (std::size_t a = 0; a < index.size(); ++a)
        position = position * t.shape()[a] + index[a];
    std::vector<std::int64_t> there(first.shape().size());
    for (std::size_t a = there.size(); a-- > 0;) {
        const std::int64_t n = std::max<std::int64_t>(first.shape()[a], 1);
        there[a] = position % n;
        position /= n;
    }
    return keyOf(0, there);
}

QRectF ReshapeView::elementRect(std::int64_t key, double t) const
{
    const int from = std::clamp(static_cast<int>(std::floor(t)), 0, stageCount() - 1);
    const int to = std::min(from + 1, stageCount() - 1);
    auto find = [&](int stage) {
        const TensorLayout l = layoutFor(m_stages[static_cast<std::size_t>(stage)].shape());
        for (const TensorCell &c : l.cells())
            if (keyOf(stage, c.index) == key) return c.rect;
        return QRectF();
    };
    return lerp(find(from), find(to), ease(t - from));
}

void ReshapeView::paintEvent(QPaintEvent *event)
{
    const bool moving = !m_stages.empty() && std::abs(m_time - std::round(m_time)) > 1e-6;
    if (!moving) {
        TensorView::paintEvent(event);
        return;
    }
    const int from = static_cast<int>(std::floor(m_time));
    const int to = from + 1;
    const double f = ease(m_time - from);
    const core::Tensor &a = m_stages[static_cast<std::size_t>(from)];
    const core::Tensor &b = m_stages[static_cast<std::size_t>(to)];
    const TensorLayout la = layoutFor(a.shape());
    const TensorLayout lb = layoutFor(b.shape());
    // Each element's cell at both ends (an element summarised away at one end fades).
    struct Ends {
        QRectF from, to;
        std::vector<std::int64_t> index; // in the first stage, for its value
    };
    std::map<std::int64_t, Ends> ends;
    for (const TensorCell &c : la.cells())
        ends[keyOf(from, c.index)] = {c.rect, QRectF(), c.index};
    for (const TensorCell &c : lb.cells())
        ends[keyOf(to, c.index)].to = c.rect;

    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    p.setRenderHint(QPainter::Antialiasing);
    const double s = la.cellSize() + (lb.cellSize() - la.cellSize()) * f;
    QFont value = monospaceFont();
    value.setPixelSize(std::max(6, static_cast<int>(s * 0.34)));
    QFont small = value;
    small.setPixelSize(std::max(6, static_cast<int>(s * 0.2)));
    const QColor border = palette().color(QPalette::Mid);
    const QColor text = palette().color(QPalette::Text);
    for (const auto &[key, e] : ends) {
        if (e.from.isNull() || e.to.isNull()) continue; // in view at one end only
        const QRectF r = lerp(e.from, e.to, f);
        p.setPen(QPen(border, 1));
        p.setBrush(palette().color(QPalette::Base));
        p.drawRect(r);
        if (s < 14) continue;
        p.setPen(text);
        p.setFont(value);
        p.drawText(r, Qt::AlignCenter, QString::fromStdString(core::cell::elementRepr(a, e.index)));
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.setFont(small);
        p.drawText(r.adjusted(2, 1, -2, -1), Qt::AlignLeft | Qt::AlignTop, QString::number(key));
    }
}

} // namespace ui

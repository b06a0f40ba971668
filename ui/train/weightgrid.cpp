#include "ui/train/weightgrid.h"

#include "ui/common/captions.h"
#include "ui/common/palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <array>
#include <cmath>

namespace ui {

namespace {

constexpr int kLutSize = 511; // odd: the middle entry is exactly white for w = 0

const std::array<QRgb, kLutSize> &divergingLut()
{
    static const std::array<QRgb, kLutSize> lut = [] {
        std::array<QRgb, kLutSize> t{};
        for (int i = 0; i < kLutSize; ++i)
            t[static_cast<std::size_t>(i)] =
                palette::diverging(2.0f * i / (kLutSize - 1) - 1.0f, 1.0f);
        return t;
    }();
    return lut;
}

QRgb colourOf(float w, float maxAbs)
{
    const float t = maxAbs > 0 && std::isfinite(w) ? std::clamp(w / maxAbs, -1.0f, 1.0f) : 0.0f;
    return divergingLut()[static_cast<std::size_t>(
        std::lround((t + 1.0f) * 0.5f * (kLutSize - 1)))];
}

int squareSide(int inputs)
{
    const int s = static_cast<int>(std::lround(std::sqrt(static_cast<double>(inputs))));
    return s * s == inputs ? s : 0;
}

constexpr int kCaptionLines = 3;

} // namespace

WeightGrid::WeightGrid(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(320, 200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize WeightGrid::sizeHint() const
{
    return {560, 300};
}

void WeightGrid::setModel(const ModelSnapshot &model)
{
    m_model = model;
    m_side = model && model->layerCount() > 0 ? squareSide(model->inputs()) : 0;
    if (m_selected >= unitCount()) m_selected = 0;
    m_dirty = true;
    update();
}

int WeightGrid::unitCount() const
{
    return m_side > 0 ? m_model->layer(0).units : 0;
}

int WeightGrid::tileCount() const
{
    return std::min(unitCount(), kMaxTiles);
}

void WeightGrid::selectUnit(int unit)
{
    if (unit < 0 || unit >= unitCount() || unit == m_selected) return;
    m_selected = unit;
    update();
    emit unitSelected(unit);
}

float WeightGrid::unitScale(int unit) const
{
    if (unit < 0 || unit >= unitCount()) return 0.0f;
    const auto k = m_model->kernel(0);
    float m = 0.0f;
    for (std::int64_t p = 0; p < k.rows; ++p)
        m = std::max(m, std::fabs(k(p, unit)));
    return m;
}

QImage WeightGrid::unitImage(int unit) const
{
    if (unit < 0 || unit >= unitCount()) return {};
    const auto k = m_model->kernel(0);
    const float scale = unitScale(unit);
    QImage img(m_side, m_side, QImage::Format_RGB32);
    for (int r = 0; r < m_side; ++r) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(r));
        for (int c = 0; c < m_side; ++c)
            line[c] = colourOf(k(r * m_side + c, unit), scale);
    }
    return img;
}

void WeightGrid::rebuildTiles() const
{
    m_dirty = false;
    const int n = tileCount();
    if (n == 0) {
        m_tiles = QImage();
        return;
    }
    const int rows = (n + kColumns - 1) / kColumns;
    const int cell = m_side + 1;
    m_tiles = QImage(kColumns * cell - 1, rows * cell - 1, QImage::Format_RGB32);
    m_tiles.fill(palette().color(QPalette::Window));
    QPainter p(&m_tiles);
    for (int u = 0; u < n; ++u)
        p.drawImage((u % kColumns) * cell, (u / kColumns) * cell, unitImage(u));
}

WeightGrid::Geometry WeightGrid::geometry() const
{
    Geometry g;
    const int n = tileCount();
    const int rows = std::max(1, (n + kColumns - 1) / kColumns);
    const double caption = fontMetrics().height() * kCaptionLines + 8;
    const double pad = 6;
    const double side =
        std::max(40.0, std::min((height() - caption - 2 * pad), (width() - 3 * pad) / 2.0));
    g.gap = std::max(1.0, side / 220.0);
    g.tile = (side - (kColumns - 1) * g.gap) / kColumns;
    g.grid = QRectF(pad, pad, side, rows * g.tile + (rows - 1) * g.gap);
    g.large = QRectF(2 * pad + side, pad, side, side);
    return g;
}

int WeightGrid::tileAt(QPointF p) const
{
    const Geometry g = geometry();
    if (!g.grid.contains(p)) return -1;
    const int col = static_cast<int>((p.x() - g.grid.left()) / (g.tile + g.gap));
    const int row = static_cast<int>((p.y() - g.grid.top()) / (g.tile + g.gap));
    const int u = row * kColumns + col;
    return col < kColumns && u < tileCount() ? u : -1;
}

QString WeightGrid::describeAt(QPoint position) const
{
    const int u = tileAt(position);
    if (u >= 0)
        return tr("unit %1: its 784 weights, scaled to ±%2\nclick to see it large")
            .arg(u)
            .arg(unitScale(u), 0, 'g', 3);
    const Geometry g = geometry();
    if (m_side > 0 && g.large.contains(position)) {
        const int c =
            std::clamp(static_cast<int>((position.x() - g.large.left()) / g.large.width() * m_side),
                       0, m_side - 1);
        const int r =
            std::clamp(static_cast<int>((position.y() - g.large.top()) / g.large.height() * m_side),
                       0, m_side - 1);
        const float w = m_model->kernel(0)(r * m_side + c, m_selected);
        return tr("unit %1, pixel (%2, %3): weight %4\nkernel[%5, %1]")
            .arg(m_selected)
            .arg(r)
            .arg(c)
            .arg(w, 0, 'f', 5)
            .arg(r * m_side + c);
    }
    return {};
}

void WeightGrid::setLineScale(double scale)
{
    m_scale = scale;
    update();
}

void WeightGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (tileCount() == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   m_model ? tr("The first layer's inputs are not a square image.")
                           : tr("Train or load a model to see its first layer's weights."));
        return;
    }
    if (m_dirty) rebuildTiles();
    const Geometry g = geometry();
    // Nearest-neighbour scaling: every weight stays a crisp square.
    const int cell = m_side + 1;
    for (int u = 0; u < tileCount(); ++u) {
        const QRectF target(g.grid.left() + (u % kColumns) * (g.tile + g.gap),
                            g.grid.top() + (u / kColumns) * (g.tile + g.gap), g.tile, g.tile);
        p.drawImage(target, m_tiles,
                    QRectF((u % kColumns) * cell, (u / kColumns) * cell, m_side, m_side));
    }
    const int sr = m_selected / kColumns, sc = m_selected % kColumns;
    if (m_selected < tileCount()) {
        p.setPen(QPen(palette::accent(), 2 * m_scale));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(g.grid.left() + sc * (g.tile + g.gap),
                          g.grid.top() + sr * (g.tile + g.gap), g.tile, g.tile)
                       .adjusted(-1, -1, 1, 1));
    }
    p.drawImage(g.large, unitImage(m_selected));
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawRect(g.large);

    // Captions under both: what the grid is, and the colour scale of the large unit.
    const double y = std::max(g.grid.bottom(), g.large.bottom()) + 6;
    const QFontMetrics fm = fontMetrics();
    const QFontMetricsF captionMetrics(fm);
    p.setPen(palette().color(QPalette::Text));
    // Narrow windows and presentation fonts get the shorter captions rather than cut ones.
    const QRectF gridCaption(g.grid.left(), g.grid.bottom() + 6, g.grid.width(), fm.height() * 2);
    p.drawText(gridCaption, Qt::AlignLeft | Qt::TextWordWrap,
               longestCaptionThatFits(
                   captionMetrics, gridCaption,
                   {tr("First %1 of %2 units of model.layers[0]").arg(tileCount()).arg(unitCount()),
                    tr("First %1 of %2 units").arg(tileCount()).arg(unitCount()),
                    tr("%1 of %2 units").arg(tileCount()).arg(unitCount())}));
    const float scale = unitScale(m_selected);
    const QRectF largeCaption(g.large.left(), y, g.large.width(), fm.height());
    p.drawText(largeCaption, Qt::AlignLeft,
               longestCaptionThatFits(
                   captionMetrics, largeCaption,
                   {tr("unit %1: kernel[:, %1].reshape((%2, %2))").arg(m_selected).arg(m_side),
                    tr("unit %1: kernel[:, %1]").arg(m_selected), tr("unit %1").arg(m_selected)}));
    const QRectF bar(g.large.left(), y + fm.height() + 4, g.large.width(), fm.height() * 0.7);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    gradient.setColorAt(0.0, palette::negative());
    gradient.setColorAt(0.5, Qt::white);
    gradient.setColorAt(1.0, palette::positive());
    p.fillRect(bar, gradient);
    p.drawRect(bar);
    const QRectF labels(bar.left(), bar.bottom() + 2, bar.width(), fm.height());
    p.drawText(labels, Qt::AlignLeft, QStringLiteral("−%1").arg(scale, 0, 'g', 2));
    p.drawText(labels, Qt::AlignHCenter, QStringLiteral("0"));
    p.drawText(labels, Qt::AlignRight, QStringLiteral("+%1").arg(scale, 0, 'g', 2));

    // What the colours mean, where there is room beside the large unit.
    const QRectF note(g.large.right() + 12, g.large.top(), width() - g.large.right() - 18,
                      height() - g.large.top() - 6);
    if (note.width() >= 8 * fm.averageCharWidth()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(note, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   tr("Each tile is one unit of the first Dense layer: its weight for every "
                      "pixel. Red: ink on that pixel raises the unit's output; blue: lowers "
                      "it.\n\nMNIST's border pixels are always blank, so their weights never "
                      "get a gradient: they keep their random start (Glorot uniform). The "
                      "strokes the unit looks for form in the middle."));
    }
}

void WeightGrid::mousePressEvent(QMouseEvent *event)
{
    const int u = tileAt(event->position());
    if (u >= 0) selectUnit(u);
}

void WeightGrid::mouseMoveEvent(QMouseEvent *event)
{
    const QString text = describeAt(event->position().toPoint());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

} // namespace ui

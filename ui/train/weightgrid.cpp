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

constexpr float kLutMiddle = (kLutSize - 1) / 2;

// The LUT's steps per unit of weight for a unit scaled to ±maxAbs (0 for an all-zero unit). In
// double: for a unit of tiny weights (below 1e-36) the steps overflow a float, and 0 * inf is NaN.
double lutSteps(float maxAbs)
{
    return maxAbs > 0 ? kLutMiddle / static_cast<double>(maxAbs) : 0.0;
}

// The colour of weight w: white for 0 and for what is not finite, full colour at ±maxAbs. Made
// 50,000 times for each model copy while training: one multiply, no division or rounding call.
QRgb colourOf(const std::array<QRgb, kLutSize> &lut, float w, double steps)
{
    if (!std::isfinite(w)) return lut[static_cast<std::size_t>(kLutMiddle)];
    const double t =
        std::clamp(w * steps, -double(kLutMiddle), double(kLutMiddle)) + kLutMiddle + 0.5;
    return lut[static_cast<std::size_t>(t)];
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
    // Every pixel is painted: Qt need not paint the tab behind the grid first.
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 200);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize WeightGrid::sizeHint() const
{
    return {560, 300};
}

void WeightGrid::setModel(const ModelSnapshot &model)
{
    const bool shown = tileCount() > 0;
    const int units = unitCount(), side = m_side;
    m_model = model;
    m_side = model && model->layerCount() > 0 ? squareSide(model->inputs()) : 0;
    if (m_selected >= unitCount()) m_selected = 0;
    m_dirty = true;
    // A new copy of the same network (twice a second while training) changes the pictures and
    // the scale's numbers, not the note beside them: the area from the tiles to the scale is
    // painted again (with the captions inside it; a region of three rectangles would leave them
    // out, but Qt then scales the large unit band by band, a row off from a full paint).
    if (shown && side == m_side && units == unitCount())
        update(weightsArea(geometry()));
    else
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
    const double steps = lutSteps(unitScale(unit));
    const auto &lut = divergingLut();
    QImage img(m_side, m_side, QImage::Format_RGB32);
    for (int r = 0; r < m_side; ++r) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(r));
        for (int c = 0; c < m_side; ++c)
            line[c] = colourOf(lut, k(r * m_side + c, unit), steps);
    }
    return img;
}

void WeightGrid::rebuildTiles() const
{
    m_dirty = false;
    m_large = QImage();
    const int n = tileCount();
    if (n == 0) {
        m_tiles = QImage();
        return;
    }
    // In the kernel's memory order, a row of units per pixel: a column per unit would read each
    // weight from another cache line (twice: for the scale, then for the colour).
    const auto k = m_model->kernel(0);
    const int pixels = m_side * m_side;
    std::array<float, kMaxTiles> scale{};
    for (int p = 0; p < pixels; ++p) {
        const float *row = k.data + p * k.stride;
        for (int u = 0; u < n; ++u)
            scale[static_cast<std::size_t>(u)] =
                std::max(scale[static_cast<std::size_t>(u)], std::fabs(row[u]));
    }
    std::array<double, kMaxTiles> steps{};
    for (std::size_t u = 0; u < steps.size(); ++u)
        steps[u] = lutSteps(scale[u]);
    const int rows = (n + kColumns - 1) / kColumns;
    const int cell = m_side + 1;
    m_tiles = QImage(kColumns * cell - 1, rows * cell - 1, QImage::Format_RGB32);
    m_tiles.fill(palette().color(QPalette::Window));
    auto *bits = reinterpret_cast<QRgb *>(m_tiles.bits());
    const auto perLine = static_cast<std::ptrdiff_t>(m_tiles.bytesPerLine() / sizeof(QRgb));
    const auto &lut = divergingLut();
    for (int p = 0; p < pixels; ++p) {
        const float *row = k.data + p * k.stride;
        const int r = p / m_side, c = p % m_side;
        for (int u = 0; u < n; ++u)
            bits[((u / kColumns) * cell + r) * perLine + (u % kColumns) * cell + c] =
                colourOf(lut, row[u], steps[static_cast<std::size_t>(u)]);
    }
}

QString WeightGrid::note() const
{
    const QRectF box = geometry().note;
    if (tileCount() == 0 || box.width() < 8 * fontMetrics().averageCharWidth()) return {};
    // A narrow column keeps what the colours mean rather than cutting the paragraph.
    const QString colours = tr("Each tile is one unit of the first Dense layer: its weight for "
                               "every pixel. Red: ink on that pixel raises the unit's output; "
                               "blue: lowers it.");
    return longestCaptionThatFits(
        QFontMetricsF(fontMetrics()), box,
        {colours + tr("\n\nMNIST's border pixels are always blank, so their weights never get a "
                      "gradient: they keep their random start (Glorot uniform). The strokes the "
                      "unit looks for form in the middle."),
         colours, tr("Red: ink there raises the unit's output; blue: lowers it."), QString()});
}

QImage WeightGrid::tiles() const
{
    if (m_dirty) rebuildTiles();
    return m_tiles;
}

WeightGrid::Geometry WeightGrid::geometry() const
{
    Geometry g;
    const int n = tileCount();
    const int rows = std::max(1, (n + kColumns - 1) / kColumns);
    const QFontMetrics fm = fontMetrics();
    const double caption = fm.height() * kCaptionLines + 8;
    const double pad = 6;
    const double side =
        std::max(40.0, std::min((height() - caption - 2 * pad), (width() - 3 * pad) / 2.0));
    g.gap = std::max(1.0, side / 220.0);
    g.tile = (side - (kColumns - 1) * g.gap) / kColumns;
    g.grid = QRectF(pad, pad, side, rows * g.tile + (rows - 1) * g.gap);
    g.large = QRectF(2 * pad + side, pad, side, side);
    const double y = std::max(g.grid.bottom(), g.large.bottom()) + 6;
    g.gridCaption = QRectF(g.grid.left(), g.grid.bottom() + 6, g.grid.width(), fm.height() * 2);
    g.largeCaption = QRectF(g.large.left(), y, g.large.width(), fm.height());
    g.bar = QRectF(g.large.left(), y + fm.height() + 4, g.large.width(), fm.height() * 0.7);
    g.labels = QRectF(g.bar.left(), g.bar.bottom() + 2, g.bar.width(), fm.height());
    g.note = QRectF(g.large.right() + 12, g.large.top(), width() - g.large.right() - 18,
                    height() - g.large.top() - 6);
    return g;
}

QRect WeightGrid::weightsArea(const Geometry &g) const
{
    // The selection's frame reaches 1 + its pen's half width beyond its tile.
    const double frame = 2.0 + 2.0 * m_scale;
    return (g.grid.adjusted(-frame, -frame, frame, frame) | g.large.adjusted(-1, -1, 1, 1) |
            g.labels)
        .toAlignedRect();
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

void WeightGrid::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const QRect dirty = event->rect();
    p.fillRect(dirty, palette().color(QPalette::Base));
    if (tileCount() == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   m_model ? tr("The first layer's inputs are not a square image.")
                           : tr("Train or load a model to see its first layer's weights."));
        return;
    }
    if (m_dirty) rebuildTiles();
    const Geometry g = geometry();
    // Parts outside the repainted area are skipped: laying out their text costs even when
    // nothing of it would show.
    const auto shows = [&dirty](const QRectF &part) {
        return dirty.intersects(part.toAlignedRect());
    };
    if (shows(g.grid.adjusted(-4 * m_scale, -4 * m_scale, 4 * m_scale, 4 * m_scale))) {
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
    }
    if (m_large.isNull() || m_largeUnit != m_selected) {
        m_large = unitImage(m_selected);
        m_largeUnit = m_selected;
    }
    p.drawImage(g.large, m_large);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawRect(g.large);

    // Captions under both: what the grid is, and the colour scale of the large unit.
    const QFontMetricsF captionMetrics(fontMetrics());
    p.setPen(palette().color(QPalette::Text));
    // Narrow windows and presentation fonts get the shorter captions rather than cut ones.
    if (shows(g.gridCaption))
        p.drawText(
            g.gridCaption, Qt::AlignLeft | Qt::TextWordWrap,
            longestCaptionThatFits(
                captionMetrics, g.gridCaption,
                {tr("First %1 of %2 units of model.layers[0]").arg(tileCount()).arg(unitCount()),
                 tr("First %1 of %2 units").arg(tileCount()).arg(unitCount()),
                 tr("%1 of %2 units").arg(tileCount()).arg(unitCount())}));
    if (shows(g.largeCaption))
        p.drawText(
            g.largeCaption, Qt::AlignLeft,
            longestCaptionThatFits(
                captionMetrics, g.largeCaption,
                {tr("unit %1: kernel[:, %1].reshape((%2, %2))").arg(m_selected).arg(m_side),
                 tr("unit %1: kernel[:, %1]").arg(m_selected), tr("unit %1").arg(m_selected)}));
    if (shows(g.bar.adjusted(-1, -1, 1, 1))) {
        QLinearGradient gradient(g.bar.topLeft(), g.bar.topRight());
        gradient.setColorAt(0.0, palette::negative());
        gradient.setColorAt(0.5, Qt::white);
        gradient.setColorAt(1.0, palette::positive());
        p.fillRect(g.bar, gradient);
        p.drawRect(g.bar);
    }
    if (shows(g.labels)) {
        const float scale = unitScale(m_selected);
        p.drawText(g.labels, Qt::AlignLeft, QStringLiteral("−%1").arg(scale, 0, 'g', 2));
        p.drawText(g.labels, Qt::AlignHCenter, QStringLiteral("0"));
        p.drawText(g.labels, Qt::AlignRight, QStringLiteral("+%1").arg(scale, 0, 'g', 2));
    }

    // What the colours mean, where there is room beside the large unit.
    if (shows(g.note)) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(g.note, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, note());
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

#include "ui/common/tensorlayout.h"

#include <algorithm>

namespace ui {

namespace {

constexpr double kPeek = 1.0;   // a back layer of a stack shows one whole cell above and beside
constexpr double kGap = 1.0;    // between the stacks of a rank-4 or rank-5 tensor, in cells
constexpr double kElided = 1.0; // the width of an elided outer entry, in cells
constexpr std::int64_t kMaxWhole = 4096; // drawn whole up to this many cells...
constexpr double kMinWhole = 11.0;       // ...when each is at least this many pixels

// The size of each slot of an outer axis, in cells: a stack, or a narrow elided slot.
double span(const std::vector<std::int64_t> &entries, double whole)
{
    double total = 0;
    for (std::size_t i = 0; i < entries.size(); ++i)
        total += (entries[i] < 0 ? kElided : whole) + (i + 1 < entries.size() ? kGap : 0);
    return total;
}

} // namespace

std::vector<std::int64_t> TensorLayout::shownEntries(std::int64_t n, int maxShown)
{
    std::vector<std::int64_t> entries;
    if (n <= maxShown) {
        for (std::int64_t i = 0; i < n; ++i)
            entries.push_back(i);
        return entries;
    }
    const int edge = std::clamp((maxShown - 1) / 2, 1, 3); // NumPy's edgeitems is 3
    for (int i = 0; i < edge; ++i)
        entries.push_back(i);
    entries.push_back(-1);
    for (int i = edge; i > 0; --i)
        entries.push_back(n - i);
    return entries;
}

int TensorLayout::maxShown(int rank, int axis)
{
    const int fromEnd = rank - 1 - axis;
    if (fromEnd == 0) return rank == 1 ? 12 : 10; // columns
    if (fromEnd == 1) return 8;                   // rows
    if (fromEnd == 2) return 5;                   // the stack's depth
    return 3;                                     // stacks of stacks
}

TensorLayout::TensorLayout(std::vector<std::int64_t> shape, const QRectF &area, double labelHeight,
                           double maxCell)
    : m_shape(std::move(shape))
{
    place(area, labelHeight, maxCell);
}

void TensorLayout::place(const QRectF &area, double labelHeight, double maxCell)
{
    const int r = rank();
    if (r > 5) return; // no drawing for it: nothing laid out
    // Every entry when all fit at a readable size (a 28 x 28 digit shows its ink), else NumPy's
    // summary of the long axes.
    std::vector<std::vector<std::int64_t>> entries(r);
    std::int64_t total = 1;
    for (int a = 0; a < r; ++a) {
        entries[a] = shownEntries(std::max<std::int64_t>(m_shape[a], 0), 4096);
        total *= static_cast<std::int64_t>(entries[a].size());
    }
    // An empty tensor is summarised at once: drawn whole, a (4000, 4000, 0) would loop over
    // millions of empty rows on every paint.
    if (total == 0 || total > kMaxWhole ||
        layOut(entries, area, labelHeight, maxCell) < kMinWhole) {
        for (int a = 0; a < r; ++a)
            entries[a] = shownEntries(std::max<std::int64_t>(m_shape[a], 0), maxShown(r, a));
    }
    layOut(entries, area, labelHeight, maxCell);
}

double TensorLayout::layOut(const std::vector<std::vector<std::int64_t>> &entries,
                            const QRectF &area, double labelHeight, double maxCell)
{
    const int r = rank();
    const std::vector<std::int64_t> one{0};
    const auto &cols = r >= 1 ? entries[r - 1] : one;
    const auto &rows = r >= 2 ? entries[r - 2] : one;
    const auto &depth = r >= 3 ? entries[r - 3] : one;
    const auto &outerCols = r == 4 ? entries[0] : r == 5 ? entries[1] : one;
    const auto &outerRows = r == 5 ? entries[0] : one;

    const double lh = labelHeight;
    const double left = 0.5 * lh + (r >= 2 ? 2.0 * lh : 0) + (r == 5 ? 2.0 * lh : 0);
    const double right = 0.5 * lh + (r >= 3 ? 5.0 * lh : 0);
    const double top = 0.5 * lh + (r >= 4 ? 2.0 * lh : 0);
    const double bottom = 0.5 * lh + (r >= 1 ? 2.0 * lh : 0);

    const double layers = static_cast<double>(depth.size());
    const double stackW = static_cast<double>(cols.size()) + (layers - 1) * kPeek;
    const double stackH = static_cast<double>(rows.size()) + (layers - 1) * kPeek;
    const double unitsW = std::max(span(outerCols, stackW), 1.0);
    const double unitsH = std::max(span(outerRows, stackH), 1.0);
    const double roomW = std::max(area.width() - left - right, 1.0);
    const double roomH = std::max(area.height() - top - bottom, 1.0);
    m_cell = std::max(1.0, std::min({maxCell, roomW / unitsW, roomH / unitsH}));
    const double s = m_cell;
    const QPointF origin(area.left() + left + (roomW - unitsW * s) / 2,
                         area.top() + top + (roomH - unitsH * s) / 2);
    m_bounds = QRectF(origin, QSizeF(unitsW * s, unitsH * s));

    m_cells.clear();
    m_ellipses.clear();
    m_marks.clear();
    std::vector<std::int64_t> index(r);
    QPointF lastStack = origin; // the rightmost stack of the first row, for the depth's bracket
    double y0 = origin.y();
    for (std::size_t orow = 0; orow < outerRows.size(); ++orow) {
        double x0 = origin.x();
        const bool rowElided = outerRows[orow] < 0;
        for (std::size_t ocol = 0; ocol < outerCols.size(); ++ocol) {
            const bool colElided = outerCols[ocol] < 0;
            const double w = colElided ? kElided : stackW;
            if (rowElided || colElided) {
                const double h = rowElided ? kElided : stackH;
                const QRectF slot(x0, y0, w * s, h * s);
                m_ellipses.push_back({QRectF(slot.center() - QPointF(s / 2, s / 2), QSizeF(s, s)),
                                      rowElided && !colElided});
                x0 += (w + kGap) * s;
                continue;
            }
            if (orow == 0) lastStack = QPointF(x0, y0);
            if (r == 4) index[0] = outerCols[ocol];
            if (r == 5) {
                index[0] = outerRows[orow];
                index[1] = outerCols[ocol];
            }
            // Back layers first, so the front (index 0) covers them.
            for (int d = static_cast<int>(depth.size()) - 1; d >= 0; --d) {
                const QPointF layer(x0 + d * kPeek * s, y0 + (layers - 1 - d) * kPeek * s);
                if (depth[d] < 0 && !cols.empty()) {
                    m_ellipses.push_back(
                        {QRectF(layer + QPointF((cols.size() - 1) * s, 0), QSizeF(s, s)), true});
                    continue;
                }
                if (r >= 3) index[r - 3] = depth[d];
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    for (std::size_t j = 0; j < cols.size(); ++j) {
                        const QRectF rect(layer.x() + j * s, layer.y() + i * s, s, s);
                        if (rows[i] < 0 || cols[j] < 0) {
                            m_ellipses.push_back({rect, rows[i] < 0});
                            continue;
                        }
                        if (r >= 2) index[r - 2] = rows[i];
                        if (r >= 1) index[r - 1] = cols[j];
                        m_cells.push_back({index, rect});
                    }
                }
            }
            x0 += (w + kGap) * s;
        }
        y0 += ((rowElided ? kElided : stackH) + kGap) * s;
    }

    // Brackets around the first stack: columns under its front layer, rows at its left; the
    // stacking axis along the lower right edge of the last stack of the first row, where there is
    // room for its label; then the outer axes around everything.
    const QPointF first = origin;
    const double frontTop = first.y() + (layers - 1) * kPeek * s;
    const double frontBottom = frontTop + rows.size() * s;
    const double frontRight = first.x() + cols.size() * s;
    if (r >= 1) {
        const double y = frontBottom + 0.3 * lh;
        m_marks.push_back({r - 1, QPointF(first.x(), y), QPointF(frontRight, y),
                           QPointF((first.x() + frontRight) / 2, y + 0.9 * lh), false, false});
    }
    if (r >= 2) {
        const double x = first.x() - 0.3 * lh;
        m_marks.push_back({r - 2, QPointF(x, frontTop), QPointF(x, frontBottom),
                           QPointF(x - 0.9 * lh, (frontTop + frontBottom) / 2), true, false});
    }
    if (r >= 3) {
        const QPointF from(lastStack.x() + cols.size() * s + 0.3 * lh,
                           lastStack.y() + (layers - 1) * kPeek * s + rows.size() * s);
        const QPointF to = from + QPointF((layers - 1) * kPeek * s, -(layers - 1) * kPeek * s);
        m_marks.push_back({r - 3, from, to, (from + to) / 2 + QPointF(2.6 * lh, 0), false, true});
    }
    if (r >= 4) {
        const double y = m_bounds.top() - 0.3 * lh;
        m_marks.push_back({r == 4 ? 0 : 1, QPointF(m_bounds.left(), y),
                           QPointF(m_bounds.right(), y),
                           QPointF(m_bounds.center().x(), y - 0.9 * lh), false, false});
    }
    if (r == 5) {
        const double x = m_bounds.left() - 2.3 * lh;
        m_marks.push_back({0, QPointF(x, m_bounds.top()), QPointF(x, m_bounds.bottom()),
                           QPointF(x - 0.9 * lh, m_bounds.center().y()), true, false});
    }
    return m_cell;
}

int TensorLayout::cellAt(const QPointF &point) const
{
    for (int i = static_cast<int>(m_cells.size()) - 1; i >= 0; --i)
        if (m_cells[i].rect.contains(point)) return i;
    return -1;
}

int TensorLayout::cellOf(const std::vector<std::int64_t> &index) const
{
    const auto it = std::find_if(m_cells.begin(), m_cells.end(),
                                 [&](const TensorCell &c) { return c.index == index; });
    return it == m_cells.end() ? -1 : static_cast<int>(it - m_cells.begin());
}

} // namespace ui

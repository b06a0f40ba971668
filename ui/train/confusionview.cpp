#include "ui/train/confusionview.h"

#include "ui/common/numbers.h"
#include "ui/common/palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace ui {

namespace {

// White to full colour; a share of the row (sqrt, so one mistake in a thousand still shows).
QColor shade(const QColor &full, double share)
{
    const double t = std::sqrt(std::clamp(share, 0.0, 1.0));
    auto mix = [t](int c) { return static_cast<int>(std::lround(255 + (c - 255) * t)); };
    return QColor(mix(full.red()), mix(full.green()), mix(full.blue()));
}

std::int64_t rowTotal(const core::nn::Evaluation &e, int label)
{
    std::int64_t n = 0;
    for (int c = 0; c < e.classes; ++c)
        n += e.confusionAt(label, c);
    return n;
}

} // namespace

ConfusionView::ConfusionView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize ConfusionView::sizeHint() const
{
    return {460, 330};
}

QString ConfusionView::widestCount() const
{
    // Before an evaluation, room for MNIST's largest cell (1,135 ones in the test set).
    std::int64_t most = 1135;
    if (m_eval)
        for (std::int64_t n : m_eval->evaluation.confusion)
            most = std::max(most, n);
    return QString(QString::number(most).size(), QLatin1Char('8'));
}

double ConfusionView::cellFor(const QFont &f) const
{
    const QFontMetricsF fm(f);
    // A pixel and a half either side of the widest count: ten of them must fit a 1024-pixel
    // projector's main area in presentation mode.
    return std::max(fm.horizontalAdvance(widestCount()) + 3, fm.height() + 3);
}

QFont ConfusionView::countFont(double cell) const
{
    // The page's font when the widest count fits the cell, else shrunk until it does: a smaller
    // digit, never a clipped one.
    QFont f = font();
    const double need = cellFor(f);
    if (need <= cell) return f;
    // A first guess in proportion, then smaller steps: small sizes are hinted, not linear.
    f.setPointSizeF(std::max(1.0, f.pointSizeF() * cell / need));
    while (cellFor(f) > cell && f.pointSizeF() > 1.0)
        f.setPointSizeF(std::max(1.0, f.pointSizeF() - 0.25));
    return f;
}

QSize ConfusionView::minimumSizeHint() const
{
    // Cells where the widest count still reads (7.5 pt, or 70% of a presentation font); below
    // this the page's scroll area takes over rather than the digits shrinking further.
    const QFontMetricsF fm(font());
    QFont floor = font();
    floor.setPointSizeF(std::min(font().pointSizeF(), std::max(7.5, 0.7 * font().pointSizeF())));
    const double side = 10 * cellFor(floor);
    return {static_cast<int>(std::ceil(leftHeader(fm) + side + accuracyRoom(QFontMetricsF(floor)))),
            static_cast<int>(std::ceil(topHeader(fm) + side + 4))};
}

void ConfusionView::setEvaluation(const EvaluationSnapshot &evaluation)
{
    m_eval = evaluation;
    m_label = m_predicted = -1;
    updateGeometry(); // the widest count decides the cells' size
    update();
}

namespace {
// The accuracy column: its widest percentage with 4 pixels either side, 6 pixels from the matrix
// and 4 from the edge. No more: on a 1024-pixel projector every pixel of width is a cell's.
constexpr double kAccuracyGap = 6, kRightMargin = 4;
double accuracyWidth(const QFontMetricsF &fm)
{
    return fm.horizontalAdvance(QStringLiteral("100.0%")) + 8;
}
} // namespace

double ConfusionView::accuracyRoom(const QFontMetricsF &fm)
{
    return kAccuracyGap + accuracyWidth(fm) + kRightMargin;
}

double ConfusionView::topHeader(const QFontMetricsF &fm)
{
    return fm.height() * 2.2; // the axis title and the digits
}

double ConfusionView::leftHeader(const QFontMetricsF &fm)
{
    return fm.height() + fm.horizontalAdvance(QStringLiteral("8")) + 8; // title (turned), digits
}

ConfusionView::Layout ConfusionView::layout() const
{
    Layout l;
    const QFontMetricsF fm(font());
    const double top = topHeader(fm), left = leftHeader(fm);
    // The percentages are drawn at most as large as the counts: where the counts shrink to fit
    // a narrow matrix, the column shrinks with them and gives the cells its width.
    l.columnFont = font();
    for (int pass = 0; pass < 3; ++pass) {
        const QFontMetricsF column(l.columnFont);
        const double side =
            std::max(100.0, std::min(height() - top - 4, width() - left - accuracyRoom(column)));
        l.cell = side / 10.0;
        l.matrix = QRectF(left, top, side, side);
        l.accuracy =
            QRectF(l.matrix.right() + kAccuracyGap, l.matrix.top(), accuracyWidth(column), side);
        const QFont counts = countFont(l.cell);
        if (counts.pointSizeF() >= l.columnFont.pointSizeF()) break;
        l.columnFont = counts;
    }
    return l;
}

QPoint ConfusionView::cellCentre(int label, int predicted) const
{
    const Layout l = layout();
    return QPointF(l.matrix.left() + (predicted + 0.5) * l.cell,
                   l.matrix.top() + (label + 0.5) * l.cell)
        .toPoint();
}

bool ConfusionView::cellAt(QPointF p, int *label, int *predicted) const
{
    if (!m_eval) return false;
    const Layout l = layout();
    if (!l.matrix.contains(p)) return false;
    *predicted = std::clamp(static_cast<int>((p.x() - l.matrix.left()) / l.cell), 0, 9);
    *label = std::clamp(static_cast<int>((p.y() - l.matrix.top()) / l.cell), 0, 9);
    return true;
}

void ConfusionView::selectCell(int label, int predicted)
{
    if (!m_eval || label < 0 || label >= m_eval->evaluation.classes || predicted < 0 ||
        predicted >= m_eval->evaluation.classes)
        return;
    m_label = label;
    m_predicted = predicted;
    update();
    emit cellSelected(label, predicted);
}

QString ConfusionView::describeAt(QPoint position) const
{
    int label = 0, predicted = 0;
    if (!cellAt(position, &label, &predicted)) return {};
    const auto &e = m_eval->evaluation;
    const std::int64_t n = e.confusionAt(label, predicted), total = rowTotal(e, label);
    const double share =
        total > 0 ? 100.0 * static_cast<double>(n) / static_cast<double>(total) : 0;
    return (label == predicted
                ? tr("%1 test digits labelled %2 were predicted right (%3% of the %2s)")
                      .arg(thousands(n))
                      .arg(label)
                      .arg(share, 0, 'f', 1)
                : tr("%1 test digits labelled %2 were predicted as %3 (%4% of the %2s)")
                      .arg(thousands(n))
                      .arg(label)
                      .arg(predicted)
                      .arg(share, 0, 'f', 1)) +
           tr("\nclick to list them");
}

void ConfusionView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (!m_eval) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Evaluate a model to see its confusion matrix."));
        return;
    }
    const auto &e = m_eval->evaluation;
    const Layout l = layout();
    const QFontMetricsF fm(font());
    const QFont small = countFont(l.cell);

    // Axis titles and digit headers in the digits' colours.
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(l.matrix.left(), 0, l.matrix.width(), fm.height()), Qt::AlignCenter,
               tr("predicted digit"));
    p.save();
    p.translate(0, l.matrix.center().y());
    p.rotate(-90);
    p.drawText(QRectF(-l.matrix.height() / 2, 0, l.matrix.height(), fm.height()), Qt::AlignCenter,
               tr("true digit"));
    p.restore();
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    for (int d = 0; d < 10; ++d) {
        p.setPen(palette::digit(d));
        p.drawText(
            QRectF(l.matrix.left() + d * l.cell, fm.height(), l.cell, l.matrix.top() - fm.height()),
            Qt::AlignCenter, QString::number(d));
        p.drawText(QRectF(fm.height(), l.matrix.top() + d * l.cell,
                          l.matrix.left() - fm.height() - 2, l.cell),
                   Qt::AlignCenter, QString::number(d));
    }

    p.setFont(small);
    for (int r = 0; r < 10; ++r) {
        const std::int64_t total = rowTotal(e, r);
        for (int c = 0; c < 10; ++c) {
            const std::int64_t n = e.confusionAt(r, c);
            const double share =
                total > 0 ? static_cast<double>(n) / static_cast<double>(total) : 0;
            const QColor fill =
                n == 0 ? palette().color(QPalette::Base)
                       : shade(r == c ? palette::e1() : palette::e2(), r == c ? share : share * 4);
            const QRectF cell(l.matrix.left() + c * l.cell, l.matrix.top() + r * l.cell, l.cell,
                              l.cell);
            p.fillRect(cell, fill);
            if (n > 0) {
                p.setPen(fill.lightness() < 140 ? Qt::white : QColor(30, 30, 30));
                p.drawText(cell, Qt::AlignCenter, QString::number(n));
            }
        }
    }
    QColor grid = palette().color(QPalette::Text);
    grid.setAlpha(40);
    p.setPen(QPen(grid, 1));
    for (int i = 0; i <= 10; ++i) {
        p.drawLine(QPointF(l.matrix.left() + i * l.cell, l.matrix.top()),
                   QPointF(l.matrix.left() + i * l.cell, l.matrix.bottom()));
        p.drawLine(QPointF(l.matrix.left(), l.matrix.top() + i * l.cell),
                   QPointF(l.matrix.right(), l.matrix.top() + i * l.cell));
    }
    if (m_label >= 0) {
        // As thick as the font is large (presentation mode thickens it with the text).
        p.setPen(QPen(palette::accent(), 3 * std::max(1.0, fm.height() / 14.0)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(l.matrix.left() + m_predicted * l.cell, l.matrix.top() + m_label * l.cell,
                          l.cell, l.cell));
    }

    // Per-class accuracy: a bar per true digit in its colour, with the percentage. The title in
    // the page's font where it fits the column, else in the percentages' (never cut).
    const QRectF titleBox(l.accuracy.left() - kAccuracyGap / 2, fm.height(),
                          l.accuracy.width() + kAccuracyGap / 2 + kRightMargin,
                          l.matrix.top() - fm.height());
    QFont title = font();
    while (QFontMetricsF(title).horizontalAdvance(tr("accuracy")) > titleBox.width() &&
           title.pointSizeF() > 1.0)
        title.setPointSizeF(std::max(1.0, title.pointSizeF() - 0.25));
    p.setFont(title);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(titleBox, Qt::AlignCenter, tr("accuracy"));
    p.setFont(std::min(small.pointSizeF(), l.columnFont.pointSizeF()) == small.pointSizeF()
                  ? small
                  : l.columnFont);
    for (int r = 0; r < 10; ++r) {
        const double a = r < static_cast<int>(e.classAccuracy.size()) ? e.classAccuracy[r] : NAN;
        const QRectF slot(l.accuracy.left(), l.matrix.top() + r * l.cell + 2, l.accuracy.width(),
                          l.cell - 4);
        if (std::isnan(a)) continue;
        QColor c = palette::digit(r);
        c.setAlpha(110);
        p.fillRect(QRectF(slot.left(), slot.top(), slot.width() * a, slot.height()), c);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(slot.adjusted(3, 0, -3, 0), Qt::AlignVCenter | Qt::AlignRight,
                   QStringLiteral("%1%").arg(100.0 * a, 0, 'f', 1));
    }
}

void ConfusionView::mousePressEvent(QMouseEvent *event)
{
    int label = 0, predicted = 0;
    if (cellAt(event->position(), &label, &predicted)) selectCell(label, predicted);
}

void ConfusionView::mouseMoveEvent(QMouseEvent *event)
{
    const QString text = describeAt(event->position().toPoint());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

} // namespace ui

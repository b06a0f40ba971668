#include "ui/uncrumple/layerprobelist.h"

#include "ui/common/palette.h"

#include <QFontMetrics>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace ui {

LayerProbeList::LayerProbeList(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum); // rows close up when short
    setToolTip(tr("Pick a layer to see the data in its space. The bars: the accuracy of a linear "
                  "classifier (logistic regression) fitted on each layer's output, the linear "
                  "probe; 50% is chance."));
}

void LayerProbeList::setStages(const QStringList &names, const QStringList &details)
{
    m_names = names;
    m_details = details;
    m_accuracy.clear();
    m_current = std::clamp(m_current, 0, std::max(0, count() - 1));
    updateGeometry();
    update();
}

void LayerProbeList::setChance(double chance, const QString &tooltip)
{
    m_chance = std::clamp(chance, 0.0, 1.0);
    setToolTip(tooltip);
    update();
}

void LayerProbeList::setAccuracies(const std::vector<double> &accuracy)
{
    m_accuracy = accuracy;
    update();
}

void LayerProbeList::setCurrent(int stage)
{
    stage = std::clamp(stage, 0, std::max(0, count() - 1));
    if (stage == m_current) return;
    m_current = stage;
    update();
}

void LayerProbeList::setPresentationScale(double scale)
{
    m_scale = scale;
    updateGeometry();
    update();
}

int LayerProbeList::header() const
{
    return fontMetrics().height() + 4;
}

int LayerProbeList::rowHeight() const
{
    // Roomy rows when there is room; on a projector's 768 lines with six hidden layers they close
    // up to the text's height rather than push the window past the screen.
    const int roomy = fontMetrics().height() + static_cast<int>(std::lround(10 * m_scale));
    const int tight = fontMetrics().height() + 2;
    if (count() == 0) return roomy;
    return std::clamp((height() - header()) / count(), tight, roomy);
}

QSize LayerProbeList::sizeHint() const
{
    const int roomy = fontMetrics().height() + static_cast<int>(std::lround(10 * m_scale));
    return {fontMetrics().horizontalAdvance(QStringLiteral("layer 6 · Dense(64, sigmoid)")) * 2,
            header() + roomy * std::max(1, count())};
}

QSize LayerProbeList::minimumSizeHint() const
{
    return {fontMetrics().horizontalAdvance(QStringLiteral("layer 6  100%")) * 2,
            header() + (fontMetrics().height() + 2) * std::max(1, count())};
}

int LayerProbeList::rowAt(const QPoint &p) const
{
    if (p.y() < header()) return -1;
    const int row = (p.y() - header()) / rowHeight();
    return row < count() ? row : -1;
}

void LayerProbeList::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int header = this->header();
    const int w = width();
    // Names take the left part, the bars the right.
    const int nameWidth =
        std::min(w / 2, fm.horizontalAdvance(QStringLiteral("layer 6 · Dense(64, sigmoid)")));
    const int barLeft = nameWidth + 8;
    const int barRight = w - fm.horizontalAdvance(QStringLiteral(" 100.0%")) - 4;
    const int barWidth = std::max(10, barRight - barLeft);

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    QColor muted = pal.color(QPalette::Text);
    muted.setAlphaF(0.65);
    painter.setPen(muted);
    painter.drawText(QRect(0, 0, nameWidth, header), Qt::AlignLeft | Qt::AlignVCenter, tr("layer"));
    painter.drawText(QRect(barLeft, 0, w - barLeft, header), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("linear probe accuracy"));

    for (int i = 0; i < count(); ++i) {
        const QRect row(0, header + i * rowHeight(), w, rowHeight());
        if (i == m_current) {
            painter.fillRect(row, pal.color(QPalette::Highlight));
            painter.setPen(pal.color(QPalette::HighlightedText));
        } else {
            painter.setPen(pal.color(QPalette::Text));
        }
        const QColor textColour = painter.pen().color();
        painter.setFont(font());
        QString name = m_names[i];
        if (i < m_details.size() && !m_details[i].isEmpty())
            name += QStringLiteral(" · ") + m_details[i];
        painter.drawText(row.adjusted(6, 0, -(w - nameWidth), 0), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(name, Qt::ElideRight, nameWidth - 8));

        const QRect track(barLeft, row.top() + row.height() / 4, barWidth, row.height() / 2);
        QColor trackColour = textColour;
        trackColour.setAlphaF(0.12);
        painter.fillRect(track, trackColour);
        // Chance marked (50% for two balanced classes), which the probe never does worse than.
        QColor chance = textColour;
        chance.setAlphaF(0.45);
        const int chanceX = track.left() + static_cast<int>(std::lround(track.width() * m_chance));
        if (i < static_cast<int>(m_accuracy.size()) && std::isfinite(m_accuracy[i])) {
            const double a = std::clamp(m_accuracy[i], 0.0, 1.0);
            QRect bar = track;
            bar.setWidth(static_cast<int>(std::lround(track.width() * a)));
            painter.fillRect(bar, a >= 0.97 ? palette::e1() : palette::accent());
            painter.setPen(textColour);
            painter.drawText(QRect(barRight + 4, row.top(), w - barRight - 4, row.height()),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             QString::number(100.0 * a, 'f', 1) + QLatin1Char('%'));
        }
        painter.setPen(QPen(chance, 1, Qt::DashLine));
        painter.drawLine(chanceX, track.top() - 2, chanceX, track.bottom() + 2);
    }
}

void LayerProbeList::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (row < 0) return;
    setCurrent(row);
    emit stageClicked(row);
}

void LayerProbeList::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down) {
        const int next = m_current + (event->key() == Qt::Key_Down ? 1 : -1);
        if (next >= 0 && next < count()) {
            setCurrent(next);
            emit stageClicked(next);
        }
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace ui

#include "ui/mnist/digitdelegate.h"

#include "ui/common/palette.h"
#include "ui/mnist/digitgridmodel.h"

#include <QApplication>
#include <QPainter>

namespace ui {

QSize DigitDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int text = option.fontMetrics.height();
    return {m_cell + 8, m_cell + text + 10};
}

void DigitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    painter->save();
    const QRect r = option.rect.adjusted(2, 2, -2, -2);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    if (selected)
        painter->fillRect(r, pal.color(QPalette::Highlight));
    else if (hovered)
        painter->fillRect(r, pal.color(QPalette::AlternateBase));

    const QImage image = index.data(DigitGridModel::ImageRole).value<QImage>();
    const int textHeight = option.fontMetrics.height();
    QRect box(r.left() + (r.width() - m_cell) / 2, r.top() + 2, m_cell, m_cell);
    if (!image.isNull()) {
        // Keep pixels square: fit the image's aspect ratio into the cell.
        QSize s = image.size().scaled(box.size(), Qt::KeepAspectRatio);
        QRect target(box.center().x() - s.width() / 2, box.center().y() - s.height() / 2, s.width(),
                     s.height());
        painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter->drawImage(target, image);
        painter->setPen(QPen(pal.color(QPalette::Mid), 1));
        painter->drawRect(target.adjusted(0, 0, -1, -1));
    }

    const QVariant source = index.data(DigitGridModel::SourceIndexRole);
    const QVariant label = index.data(DigitGridModel::LabelRole);
    const QString indexText =
        source.isValid() ? QString::number(source.toLongLong())
                         : QString::number(index.data(DigitGridModel::ResultIndexRole).toInt());
    QRect textRect(r.left() + 2, box.bottom() + 3, r.width() - 4, textHeight);
    painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, indexText);
    if (label.isValid()) {
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(selected ? pal.color(QPalette::HighlightedText)
                                 : palette::digit(label.toInt()));
        painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter,
                          QString::number(label.toInt()));
    }
    painter->restore();
}

} // namespace ui

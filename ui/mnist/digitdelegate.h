#pragma once
// Paints one grid cell: the digit in the book's binary colormap (pixels kept square and sharp), its
// index, and its label in the digit's colour.

#include <QStyledItemDelegate>

namespace ui {

class DigitDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setCellSize(int pixels) { m_cell = pixels; }
    int cellSize() const { return m_cell; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_cell = 64;
};

} // namespace ui

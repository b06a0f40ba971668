#include "ui/train/digitlist.h"

#include "core/data/mnist.h"
#include "ui/train/digitimages.h"

#include <QImage>
#include <QPixmap>

namespace ui {

std::vector<int> digitsInCell(const EvaluationResult &result, int label, int predicted)
{
    std::vector<int> out;
    if (!result.data) return out;
    const auto *labels = result.data->testLabels.data<std::uint8_t>();
    for (std::size_t i = 0; i < result.predicted.size(); ++i)
        if (labels[i] == label && result.predicted[i] == predicted)
            out.push_back(static_cast<int>(i));
    return out;
}

DigitList::DigitList(QWidget *parent) : QListWidget(parent)
{
    setViewMode(QListView::IconMode);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setWrapping(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setThumbnailSize(42);
}

void DigitList::setThumbnailSize(int side)
{
    setIconSize(QSize(side, side));
    setGridSize(QSize(side + 22, side + fontMetrics().height() + 10));
}

void DigitList::clearCell()
{
    clear();
}

void DigitList::showCell(const EvaluationSnapshot &result, int label, int predicted)
{
    clear();
    if (!result || !result->data) return;
    setUpdatesEnabled(false);
    for (int i : digitsInCell(*result, label, predicted)) {
        const QImage img = testDigitImage(*result->data, i);
        auto *item =
            new QListWidgetItem(QIcon(QPixmap::fromImage(img.scaled(iconSize(), Qt::KeepAspectRatio,
                                                                    Qt::FastTransformation))),
                                QString::number(i), this);
        item->setData(Qt::UserRole, i);
        item->setToolTip(tr("test_images[%1]: label %2, predicted %3 with probability %4")
                             .arg(i)
                             .arg(label)
                             .arg(predicted)
                             .arg(result->confidence[static_cast<std::size_t>(i)], 0, 'f', 4));
    }
    setUpdatesEnabled(true);
}

int DigitList::digitIndex(int row) const
{
    const QListWidgetItem *it = item(row);
    return it ? it->data(Qt::UserRole).toInt() : -1;
}

} // namespace ui

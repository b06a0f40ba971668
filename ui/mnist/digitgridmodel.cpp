#include "ui/mnist/digitgridmodel.h"

#include "ui/common/tensorimage.h"
#include "ui/mnist/slicestate.h"

#include <algorithm>

namespace ui {

DigitGridModel::DigitGridModel(SliceState *state, QObject *parent)
    : QAbstractListModel(parent), m_state(state), m_thumbnails(4000)
{
    connect(state, &SliceState::changed, this, &DigitGridModel::rebuild);
    rebuild();
}

void DigitGridModel::rebuild()
{
    beginResetModel();
    m_thumbnails.clear();
    m_rows.clear();
    if (m_filter >= 0 && m_state->isTraced()) {
        const int n = m_state->imageCount();
        for (int i = 0; i < n; ++i)
            if (m_state->label(i) == m_filter) m_rows.push_back(i);
    }
    endResetModel();
}

void DigitGridModel::setLabelFilter(int label)
{
    if (label == m_filter) return;
    m_filter = label;
    rebuild();
}

int DigitGridModel::unfilteredCount() const
{
    return m_state->imageCount();
}

int DigitGridModel::resultIndex(int row) const
{
    if (m_filter >= 0 && m_state->isTraced())
        return row >= 0 && row < static_cast<int>(m_rows.size()) ? m_rows[row] : -1;
    return row;
}

int DigitGridModel::rowOfResult(int resultIndex) const
{
    if (m_filter < 0 || !m_state->isTraced())
        return resultIndex < unfilteredCount() ? resultIndex : -1;
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), resultIndex);
    return it != m_rows.end() && *it == resultIndex ? static_cast<int>(it - m_rows.begin()) : -1;
}

int DigitGridModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid()) return 0;
    return m_filter >= 0 && m_state->isTraced() ? static_cast<int>(m_rows.size())
                                                : m_state->imageCount();
}

QVariant DigitGridModel::data(const QModelIndex &index, int role) const
{
    const int i = resultIndex(index.row());
    if (!index.isValid() || i < 0) return {};
    switch (role) {
    case ImageRole: {
        if (QImage *cached = m_thumbnails.object(i)) return *cached;
        auto *image = new QImage(imageOf2d(m_state->image(i)));
        const QImage copy = *image;
        m_thumbnails.insert(i, image);
        return copy;
    }
    case LabelRole: {
        const auto label = m_state->label(i);
        return label ? QVariant(*label) : QVariant();
    }
    case SourceIndexRole: {
        const auto source = m_state->sourceIndex(i);
        return source ? QVariant(static_cast<qlonglong>(*source)) : QVariant();
    }
    case ResultIndexRole:
        return i;
    case Qt::ToolTipRole: {
        const auto source = m_state->sourceIndex(i);
        const auto label = m_state->label(i);
        QString tip = tr("result[%1]").arg(i);
        if (source) tip = QStringLiteral("%1_images[%2]").arg(m_state->setName()).arg(*source);
        if (label) tip += tr(", label %1").arg(*label);
        return tip;
    }
    default:
        return {};
    }
}

} // namespace ui

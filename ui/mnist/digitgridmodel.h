#pragma once
// The images of the current slice as a list model, optionally filtered by label. Thumbnails are
// drawn on first request and kept in a bounded cache, so 60,000 rows cost nothing until seen.

#include <QAbstractListModel>
#include <QCache>
#include <QImage>
#include <vector>

namespace ui {

class SliceState;

class DigitGridModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { ImageRole = Qt::UserRole + 1, LabelRole, SourceIndexRole, ResultIndexRole };

    explicit DigitGridModel(SliceState *state, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    // -1 shows every label.
    void setLabelFilter(int label);
    int labelFilter() const { return m_filter; }
    // Rows before filtering (the slice's image count).
    int unfilteredCount() const;
    // The position in the slice's result of a model row.
    int resultIndex(int row) const;
    // The model row showing result image i, or -1 when filtered out.
    int rowOfResult(int resultIndex) const;

private:
    void rebuild();

    SliceState *m_state;
    int m_filter = -1;
    std::vector<int> m_rows; // result indices shown, when filtered
    mutable QCache<int, QImage> m_thumbnails;
};

} // namespace ui

#pragma once
// Batches as the book slices them: batch = train_images[128 * n:128 * (n + 1)], the last one short.

#include <QWidget>

class QLabel;
class QSpinBox;

namespace ui {

class BatchPanel : public QWidget {
    Q_OBJECT
public:
    explicit BatchPanel(QWidget *parent = nullptr);

    // The number of digits in the set being batched.
    void setSampleCount(qint64 count);
    int batchSize() const;
    int batchIndex() const;
    void setBatch(int size, int index);
    int batchCount() const;
    // "train_images[384:512]" for the set ("train" or "test").
    QString expression(const QString &set) const;
    // The book's spelling for the code panel: "train_images[128 * 3:128 * (3 + 1)]".
    QString bookExpression(const QString &set) const;

signals:
    void batchRequested();

private:
    void refresh();

    QSpinBox *m_size;
    QSpinBox *m_index;
    QLabel *m_summary;
    qint64 m_count = 0;
};

} // namespace ui

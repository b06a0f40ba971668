#pragma once
// The state behind the MNIST page: one expression over the four arrays, evaluated by the core, and
// what the views need from its result: the images to show, which source digit and label each came
// from, and the crop rectangle the slice cuts out of a 28x28 digit (editable, which rewrites the
// text). A text that does not parse or evaluate keeps the last good result and reports the error.

#include "core/tensor/expression.h"
#include "ui/shell/dataloader.h"

#include <QObject>
#include <QString>
#include <optional>

namespace ui {

// Rows [top, bottom) and columns [left, right) of a digit, with the slice steps.
struct CropRect {
    int top = 0, bottom = 28, left = 0, right = 28;
    int rowStep = 1, colStep = 1;
    bool operator==(const CropRect &) const = default;
    // Whether the slice keeps row r / column c: inside the rectangle and on its step (a step of
    // 2 keeps every other one, counted from where the slice starts: top, or bottom - 1 when the
    // step is negative).
    bool keepsRow(int r) const { return keeps(r, top, bottom, rowStep); }
    bool keepsCol(int c) const { return keeps(c, left, right, colStep); }

private:
    static bool keeps(int i, int lo, int hi, int step)
    {
        if (i < lo || i >= hi || step == 0) return false;
        return (step > 0 ? i - lo : hi - 1 - i) % (step < 0 ? -step : step) == 0;
    }
};

class SliceState : public QObject {
    Q_OBJECT
public:
    enum class Kind { Images, Values };

    explicit SliceState(QObject *parent = nullptr);

    void setData(MnistSnapshot data);
    const MnistSnapshot &data() const { return m_data; }

    QString text() const { return m_text; }
    void setText(const QString &text);
    // The text of the last good evaluation, which result() and the rest describe: text() while
    // it evaluates, the one before it while it does not.
    QString goodText() const { return m_goodText; }

    // The last error, empty when the text evaluated; errorColumn() is 1-based, 0 when unknown.
    QString error() const { return m_error; }
    int errorColumn() const { return m_errorColumn; }

    // The last good evaluation.
    const core::Evaluation &result() const { return m_result; }
    QString shapeText() const;
    QString dtypeText() const;
    Kind kind() const;
    // NumPy's repr of the result (for Values, and for hover on small results).
    QString reprText() const;

    // Images: rank 3 gives N images, rank 2 one image.
    int imageCount() const;
    core::Tensor image(int i) const;
    // When the expression is one subscript over train_images or test_images: the source digit of
    // image i, its label, and the rectangle the slice keeps of it.
    bool isTraced() const { return m_traced; }
    std::optional<std::int64_t> sourceIndex(int i) const;
    std::optional<int> label(int i) const;
    std::optional<CropRect> crop() const;
    // "train" or "test" when the expression is over that set's images or labels.
    QString setName() const;
    // The whole digit a traced image comes from (28x28), or the image itself when not traced.
    core::Tensor sourceDigit(int i) const;

    // The expression with rows and columns replaced by rect, keeping the digit selection and the
    // style of the bounds (a negative stop stays negative, as in 7:-7). Empty when not editable.
    QString withCrop(const CropRect &rect) const;

signals:
    void changed();

private:
    void evaluate();
    void trace();

    MnistSnapshot m_data;
    QString m_text;
    QString m_goodText;
    QString m_error;
    int m_errorColumn = 0;
    core::Expression m_expression;
    core::Evaluation m_result{core::Tensor(), core::Attribute::None, {}};

    bool m_traced = false;
    bool m_cropEditable = false;
    core::Tensor m_sourceImages; // (N, 28, 28) the expression indexes
    core::Tensor m_sourceLabels;
    bool m_hasSampleAxis = false;
    core::SliceRange m_samples;     // when m_hasSampleAxis
    std::int64_t m_fixedSample = 0; // when not
    core::SliceRange m_rows, m_cols;
    QString m_sampleItemText; // how the text selects digits, e.g. "10:100" or "4"
};

} // namespace ui

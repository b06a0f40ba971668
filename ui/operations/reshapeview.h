#pragma once
// Reshaping and transposing animated: each element travels from its cell in one shape to its cell
// in the next. Elements are matched by where they live in memory when the shapes are views of one
// buffer (a reshape of a contiguous array, a transpose), so a transpose's elements cross over while
// a reshape's keep their row-major order; each cell shows its value and, small, its place in
// memory. At a whole stage the view is a TensorView of that stage, axes and all.

#include "ui/common/tensorview.h"

#include <vector>

namespace ui {

class ReshapeView : public TensorView {
    Q_OBJECT
public:
    explicit ReshapeView(QWidget *parent = nullptr);

    // Every stage must have the same number of elements.
    void setStages(std::vector<core::Tensor> stages);
    int stageCount() const { return static_cast<int>(m_stages.size()); }
    const std::vector<core::Tensor> &stages() const { return m_stages; }
    // t from 0 (the first stage) to stageCount() - 1 (the last).
    void setTime(double t);
    double time() const { return m_time; }
    // Where an element is drawn at time t: the key is its place in memory (see above).
    QRectF elementRect(std::int64_t key, double t) const;
    // The key of the element at index in stage s.
    std::int64_t keyOf(int stage, const std::vector<std::int64_t> &index) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::vector<core::Tensor> m_stages;
    double m_time = 0;
};

} // namespace ui

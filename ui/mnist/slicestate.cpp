#include "ui/mnist/slicestate.h"

#include "core/data/mnist.h"
#include "core/errors.h"
#include "core/tensor/format.h"

namespace ui {

SliceState::SliceState(QObject *parent) : QObject(parent) {}

void SliceState::setData(MnistSnapshot data)
{
    m_data = std::move(data);
    evaluate();
}

void SliceState::setText(const QString &text)
{
    if (text == m_text && m_error.isEmpty()) return;
    m_text = text;
    evaluate();
}

void SliceState::evaluate()
{
    if (!m_data) return;
    try {
        core::Expression e = core::parseExpression(m_text.toStdString());
        core::Evaluation r = core::evaluate(e, core::mnistArrays(*m_data));
        m_expression = std::move(e);
        m_result = std::move(r);
        m_goodText = m_text;
        m_error.clear();
        m_errorColumn = 0;
        trace();
    } catch (const core::ParseError &e) {
        m_error = QString::fromStdString(e.detail());
        m_errorColumn = e.column();
    } catch (const std::exception &e) {
        m_error = QString::fromStdString(e.what());
        m_errorColumn = 0;
    }
    emit changed();
}

void SliceState::trace()
{
    m_traced = false;
    m_cropEditable = false;
    const auto &e = m_expression;
    const bool train = e.name == "train_images", test = e.name == "test_images";
    if ((!train && !test) || e.subscripts.size() > 1 || kind() != Kind::Images) return;
    m_sourceImages = train ? m_data->trainImages : m_data->testImages;
    m_sourceLabels = train ? m_data->trainLabels : m_data->testLabels;
    const std::vector<core::IndexItem> items =
        e.subscripts.empty() ? std::vector<core::IndexItem>{} : e.subscripts[0];
    const core::IndexPlan plan = core::planIndex(m_sourceImages.shape(), items);

    // Expected: [sample axis], rows from axis 1, cols from axis 2, in that order, nothing added.
    std::size_t k = 0;
    m_hasSampleAxis = !plan.axes.empty() && plan.axes[0].sourceAxis == 0;
    if (m_hasSampleAxis) m_samples = plan.axes[k++].range;
    if (plan.axes.size() != k + 2 || plan.axes[k].sourceAxis != 1 ||
        plan.axes[k + 1].sourceAxis != 2)
        return;
    m_rows = plan.axes[k].range;
    m_cols = plan.axes[k + 1].range;
    if (!m_hasSampleAxis) {
        if (plan.fixed.empty() || plan.fixed[0].first != 0) return;
        m_fixedSample = plan.fixed[0].second;
    }
    m_traced = true;

    // Editable when items map one to one onto axes 0, 1, 2 (no ellipsis, no new axis) with
    // positive steps: then the text can be rewritten item by item.
    bool simple = true;
    for (const auto &item : items)
        if (std::holds_alternative<core::Ellipsis>(item) ||
            std::holds_alternative<core::NewAxis>(item))
            simple = false;
    m_cropEditable = simple && m_rows.step > 0 && m_cols.step > 0;
    m_sampleItemText = items.empty() ? QStringLiteral(":")
                                     : QString::fromStdString(core::formatIndexItem(items[0]));
}

QString SliceState::shapeText() const
{
    return QString::fromStdString(core::formatShape(m_result.array.shape()));
}

QString SliceState::dtypeText() const
{
    return QString::fromLatin1(core::dtypeName(m_result.array.dtype()).data());
}

SliceState::Kind SliceState::kind() const
{
    const int n = m_result.array.ndim();
    return (n == 2 || n == 3) && m_result.array.size() > 0 ? Kind::Images : Kind::Values;
}

QString SliceState::reprText() const
{
    return QString::fromStdString(core::formatArray(m_result.array));
}

int SliceState::imageCount() const
{
    if (kind() != Kind::Images) return 0;
    return m_result.array.ndim() == 3 ? static_cast<int>(m_result.array.shape()[0]) : 1;
}

core::Tensor SliceState::image(int i) const
{
    if (m_result.array.ndim() == 2) return m_result.array;
    const core::IndexItem item[] = {std::int64_t{i}};
    return core::index(m_result.array, item);
}

std::optional<std::int64_t> SliceState::sourceIndex(int i) const
{
    if (!m_traced) return std::nullopt;
    return m_hasSampleAxis ? m_samples.start + i * m_samples.step : m_fixedSample;
}

std::optional<int> SliceState::label(int i) const
{
    const auto source = sourceIndex(i);
    if (!source) return std::nullopt;
    return m_sourceLabels.data<std::uint8_t>()[*source * m_sourceLabels.strides()[0]];
}

std::optional<CropRect> SliceState::crop() const
{
    if (!m_traced) return std::nullopt;
    auto span = [](const core::SliceRange &r, int &lo, int &hi) {
        if (r.length == 0) {
            lo = hi = static_cast<int>(r.start);
            return;
        }
        const std::int64_t last = r.start + (r.length - 1) * r.step;
        lo = static_cast<int>(std::min(r.start, last));
        hi = static_cast<int>(std::max(r.start, last)) + 1;
    };
    CropRect c;
    span(m_rows, c.top, c.bottom);
    span(m_cols, c.left, c.right);
    c.rowStep = static_cast<int>(m_rows.step);
    c.colStep = static_cast<int>(m_cols.step);
    return c;
}

QString SliceState::setName() const
{
    if (m_expression.name.rfind("train_", 0) == 0) return QStringLiteral("train");
    if (m_expression.name.rfind("test_", 0) == 0) return QStringLiteral("test");
    return {};
}

core::Tensor SliceState::sourceDigit(int i) const
{
    const auto source = sourceIndex(i);
    if (!source) return image(i);
    const core::IndexItem item[] = {*source};
    return core::index(m_sourceImages, item);
}

QString SliceState::withCrop(const CropRect &rect) const
{
    if (!m_cropEditable || !m_data) return {};
    const auto &original = m_expression.subscripts.empty() ? std::vector<core::IndexItem>{}
                                                           : m_expression.subscripts[0];
    auto negativeStop = [&](std::size_t axis) {
        if (axis >= original.size()) return false;
        const auto *s = std::get_if<core::Slice>(&original[axis]);
        return s && s->stop && *s->stop < 0;
    };
    auto bounds = [&](int lo, int hi, int step, std::int64_t size, bool negStop) {
        QString text = lo > 0 ? QString::number(lo) : QString();
        text += QLatin1Char(':');
        if (hi < size) text += QString::number(negStop ? hi - size : hi);
        if (step != 1) text += QStringLiteral(":%1").arg(step);
        return text;
    };
    const std::int64_t rows = m_sourceImages.shape()[1], cols = m_sourceImages.shape()[2];
    return QStringLiteral("%1[%2, %3, %4]")
        .arg(QString::fromStdString(m_expression.name), m_sampleItemText,
             bounds(rect.top, rect.bottom, rect.rowStep, rows, negativeStop(1)),
             bounds(rect.left, rect.right, rect.colStep, cols, negativeStop(2)));
}

} // namespace ui

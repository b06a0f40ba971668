#include "core/manifold/featurespace.h"

#include "core/errors.h"
#include "core/manifold/layerstack.h"
#include "core/manifold/ridgeprobe.h"

namespace core::manifold {

FeatureView featureView(nn::MatrixView features, std::span<const std::int32_t> labels,
                        std::int64_t shown, int classes, const Projection *previous)
{
    if (shown < 1 || shown >= features.rows)
        throw ValueError("a feature view needs shown samples and held-out ones: " +
                         std::to_string(shown) + " of " + std::to_string(features.rows));
    const nn::MatrixView fit = features.middleRows(0, shown);
    const nn::MatrixView held = features.middleRows(shown, features.rows - shown);
    FeatureView view;
    view.projection = fitPca(fit, 3);
    if (previous) alignComponents(view.projection, *previous);
    view.points = view.projection.apply(fit);
    view.probeAccuracy =
        ridgeProbeAccuracy(fit, labels.first(static_cast<std::size_t>(shown)), held,
                           labels.subspan(static_cast<std::size_t>(shown)), classes);
    return view;
}

nn::Matrix firstLayer(const nn::Sequential &model, nn::MatrixView inputs)
{
    if (model.layerCount() < 1) throw ValueError("the model has no layers");
    return forwardLayer(model, 0, inputs).activated;
}

} // namespace core::manifold

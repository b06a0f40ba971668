#include "ui/shell/pageregistry.h"

#include "ui/mnist/mnistpage.h"

namespace ui {

const std::vector<PageSpec> &pageSpecs()
{
    static const std::vector<PageSpec> specs = {
        {QStringLiteral("mnist"), QObject::tr("MNIST"),
         QObject::tr("Browse the 70,000 digits, slice them like NumPy, see batches (sections 2.1-2.2)"),
         [](AppContext *c) -> Page * { return new MnistPage(c); }},
    };
    return specs;
}

} // namespace ui

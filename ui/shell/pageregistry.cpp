#include "ui/shell/pageregistry.h"

#include "ui/common/glcheck.h"
#include "ui/common/noglpage.h"
#include "ui/geometry/geometrypage.h"
#include "ui/gradient/gradientpage.h"
#include "ui/hidden/hiddenspacepage.h"
#include "ui/mnist/mnistpage.h"
#include "ui/operations/operationspage.h"
#include "ui/tensors/tensorspage.h"
#include "ui/train/trainpage.h"
#include "ui/uncrumple/uncrumplepage.h"

namespace ui {

const std::vector<PageSpec> &pageSpecs()
{
    static const std::vector<PageSpec> specs = {
        {QStringLiteral("mnist"), QObject::tr("MNIST"),
         QObject::tr(
             "Browse the 70,000 digits, slice them like NumPy, see batches (sections 2.1-2.2)"),
         [](AppContext *c) -> Page * { return new MnistPage(c); }},
        {QStringLiteral("tensors"), QObject::tr("Tensors"),
         QObject::tr("Scalars to rank-5 tensors drawn from live NumPy cells; real-world data "
                     "shapes and their memory; batches (section 2.2)"),
         [](AppContext *c) -> Page * { return new TensorsPage(c); }},
        {QStringLiteral("operations"), QObject::tr("Operations"),
         QObject::tr("Element-wise operations and the book's timing, broadcasting, the tensor "
                     "product, reshaping, from live NumPy cells (section 2.3)"),
         [](AppContext *c) -> Page * { return new OperationsPage(c); }},
        {QStringLiteral("geometry"), QObject::tr("Geometry"),
         QObject::tr("Drag vectors; translate, rotate, scale, apply W·x + b and ReLU, animated "
                     "(section 2.3.6, Figures 2.6-2.13)"),
         [](AppContext *c) -> Page * {
             const QString problem = openGlProblem();
             if (!problem.isEmpty())
                 return new NoGlPage(c, QObject::tr("Geometry"), QObject::tr("The same in NumPy"),
                                     problem);
             return new GeometryPage(c);
         }},
        {QStringLiteral("gradient"), QObject::tr("Gradient"),
         QObject::tr("Derivatives, gradient descent on loss surfaces, mini-batch SGD, "
                     "backpropagation and the GradientTape, from live cells (section 2.4)"),
         [](AppContext *c) -> Page * { return new GradientPage(c); }},
        {QStringLiteral("train"), QObject::tr("Train"),
         QObject::tr("Train the book's network live: curves, predictions, confusion matrix, "
                     "first-layer weights, draw a digit (listings 2.1-2.7)"),
         [](AppContext *c) -> Page * { return new TrainPage(c); }},
        {QStringLiteral("uncrumple"), QObject::tr("Uncrumple"),
         QObject::tr("Watch a network flatten a crumpled manifold layer by layer, in 3D "
                     "(section 2.3.6, Figure 2.14)"),
         [](AppContext *c) -> Page * {
             const QString problem = openGlProblem();
             if (!problem.isEmpty())
                 return new NoGlPage(c, QObject::tr("Uncrumple"), QObject::tr("The same in Keras"),
                                     problem);
             return new UncrumplePage(c);
         }},
        {QStringLiteral("hidden"), QObject::tr("Hidden"),
         QObject::tr(
             "The book's network from inside: 2,000 test digits in its hidden layer, in 3D, "
             "pulling apart as it learns (sections 2.1 and 2.3.6)"),
         [](AppContext *c) -> Page * {
             const QString problem = openGlProblem();
             if (!problem.isEmpty())
                 return new NoGlPage(c, QObject::tr("Hidden"), QObject::tr("The same in NumPy"),
                                     problem);
             return new HiddenSpacePage(c);
         }},
    };
    return specs;
}

int pageIndex(const QString &name)
{
    const QString wanted = name.trimmed();
    const auto &specs = pageSpecs();
    for (int i = 0; i < static_cast<int>(specs.size()); ++i)
        if (wanted.compare(specs[i].id, Qt::CaseInsensitive) == 0 ||
            wanted.compare(specs[i].title, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

} // namespace ui

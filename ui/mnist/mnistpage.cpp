#include "ui/mnist/mnistpage.h"
#include <QLabel>
namespace ui {
MnistPage::MnistPage(AppContext *context, QWidget *parent) : Page(context, parent)
{
    setBody(new QLabel(QStringLiteral("MNIST")), nullptr);
}
} // namespace ui

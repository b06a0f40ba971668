#include "ui/common/noglpage.h"

#include "ui/common/codepanel.h"

#include <QLabel>

namespace ui {

NoGlPage::NoGlPage(AppContext *context, const QString &pageTitle, const QString &codeTitle,
                   const QString &problem, QWidget *parent)
    : Page(context, parent)
{
    auto *message = new QLabel(
        tr("<h2>The %1 page needs OpenGL 3.3</h2>"
           "<p>Its picture is drawn with OpenGL, and here %2.</p>"
           "<p>On Debian, Mesa's drivers (package <code>libgl1-mesa-dri</code>, installed by "
           "<code>scripts/setup</code>) provide OpenGL 3.3 on any machine, in software if need "
           "be. Over ssh or in a container, run the app on a local display or under "
           "<code>xvfb-run</code>.</p>"
           "<p>The MNIST and Train pages do not need OpenGL.</p>")
            .arg(pageTitle.toHtmlEscaped(), problem.toHtmlEscaped()));
    message->setObjectName(QStringLiteral("noGlMessage"));
    message->setWordWrap(true);
    message->setAlignment(Qt::AlignCenter);
    message->setMargin(24);
    codePanel()->setTitle(codeTitle);
    codePanel()->setCode(
        QStringLiteral("# The %1 page needs OpenGL 3.3: %2.\n").arg(pageTitle, problem));
    setBody(message, nullptr);
}

} // namespace ui

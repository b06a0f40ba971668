// Uncrumple: the GUI by default; `uncrumple VERB ...` runs a command-line verb instead.

#include "app/gui.h"
#include "app/verbs/verbs.h"

#include <QCoreApplication>
#include <QStringList>

int main(int argc, char *argv[])
{
    if (argc > 1 && argv[1][0] != '-') {
        const app::Verb *verb = app::findVerb(argv[1]);
        if (!verb) {
            QCoreApplication core(argc, argv);
            QStringList names;
            for (const auto &v : app::verbs())
                names << QString::fromLatin1(v.name);
            return app::fail(
                QString::fromLocal8Bit(argv[1]),
                QStringLiteral("unknown command; expected one of: %1, or no command for the GUI")
                    .arg(names.join(QStringLiteral(", "))),
                2);
        }
        QCoreApplication core(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("uncrumple"));
        QCoreApplication::setApplicationVersion(QStringLiteral(UNCRUMPLE_VERSION));
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeFirst(); // the program; arguments[0] is now the verb
        return verb->run(arguments);
    }
    return app::runGui(argc, argv);
}

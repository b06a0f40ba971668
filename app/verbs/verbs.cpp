#include "app/verbs/verbs.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <array>
#include <cstdio>
#include <cstring>

namespace app {

std::span<const Verb> verbs()
{
    static const std::array<Verb, 7> table = {{
        {"info", "ndim, shape and dtype of an IDX file (raw or .gz); label histogram", &runInfo},
        {"slice", "evaluate a NumPy slice of the MNIST arrays: shape, dtype, sum", &runSlice},
        {"train", "train the book's MNIST network with Keras-style progress; test_acc", &runTrain},
        {"evaluate", "test_loss and test_acc of a saved model on the MNIST test set", &runEvaluate},
        {"predict", "class probabilities of test digits as in listing 2.6", &runPredict},
        {"manifold", "train the Uncrumple page's network on a crumpled manifold; layer CSVs",
         &runManifold},
        {"eval", "run a notebook cell as NumPy 1.24 would; print what the notebook shows",
         &runEval},
    }};
    return table;
}

const Verb *findVerb(const char *name)
{
    for (const auto &v : verbs())
        if (std::strcmp(v.name, name) == 0) return &v;
    return nullptr;
}

int fail(const QString &verb, const QString &message, int code)
{
    std::fprintf(stderr, "uncrumple %s: %s\n", verb.toLocal8Bit().constData(),
                 message.toLocal8Bit().constData());
    return code;
}

QString verbHelpText(const QCommandLineParser &parser, const QString &verb)
{
    QString text = parser.helpText();
    // What Qt puts after "Usage: ": argv[0], or a placeholder without an application object.
    const QString program = QCoreApplication::instance() ? QCoreApplication::arguments().value(0)
                                                         : QStringLiteral("<executable_name>");
    const QString usage = QStringLiteral("Usage: ");
    if (text.startsWith(usage + program))
        text.replace(usage.size(), program.size(), QStringLiteral("uncrumple ") + verb);
    return text;
}

} // namespace app

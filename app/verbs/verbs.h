#pragma once
// Command-line verbs: `uncrumple VERB ...`. Each prints plain lines on stdout, a one-line error on
// stderr, and returns the process exit code. They call the same core functions as the pages.

#include <QStringList>
#include <span>

class QCommandLineParser;

namespace app {

struct Verb {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments); // arguments[0] is the verb itself
};

std::span<const Verb> verbs();
const Verb *findVerb(const char *name);

// Prints "uncrumple VERB: message" on stderr and returns 1 (or code).
int fail(const QString &verb, const QString &message, int code = 1);

// parser.helpText() with the usage line "Usage: uncrumple VERB [options]" (Qt's names the
// executable's path and no verb).
QString verbHelpText(const QCommandLineParser &parser, const QString &verb);

int runInfo(const QStringList &arguments);
int runSlice(const QStringList &arguments);
int runTrain(const QStringList &arguments);
int runEvaluate(const QStringList &arguments);
int runPredict(const QStringList &arguments);
int runManifold(const QStringList &arguments);
int runEval(const QStringList &arguments);

} // namespace app

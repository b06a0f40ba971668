#include "app/verbs/verbs.h"

#include "app/verbs/datasource.h"
#include "core/cell/session.h"
#include "core/data/mnist.h"

#include <QCommandLineParser>
#include <QFile>
#include <cstdio>
#include <exception>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>

namespace app {

namespace {

// Line `line` (1-based) of text.
std::string lineOf(const std::string &text, int line)
{
    std::size_t start = 0;
    for (int i = 1; i < line && start != std::string::npos; ++i) {
        start = text.find('\n', start);
        if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos || start > text.size()) return {};
    const std::size_t end = text.find('\n', start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

} // namespace

int runEval(const QStringList &arguments)
{
    const QString verb = QStringLiteral("eval");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a notebook cell of the chapter (NumPy 1.24 semantics, no Python needed) and prints "
        "what the notebook shows: what print() wrote, then the value of the last expression. "
        "The MNIST arrays are there by name (train_images, ...) and through the book's "
        "mnist.load_data(). A failing cell prints Python's traceback, ending with its last line "
        "(e.g. 'ValueError: ...'), on stderr and exits 1."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("CELL"),
                                 QStringLiteral("the cell's code (quote it), or - for stdin"));
    const QCommandLineOption file(QStringLiteral("file"), QStringLiteral("read the cell from FILE"),
                                  QStringLiteral("FILE"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("folder with the four MNIST IDX files"),
                                     QStringLiteral("DIR"));
    parser.addOption(file);
    parser.addOption(dataDir);
    if (!parser.parse(arguments)) return fail(verb, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(verbHelpText(parser, verb)), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    std::string cell;
    if (parser.isSet(file)) {
        if (!positional.isEmpty())
            return fail(verb, QStringLiteral("give the cell as CELL or with --file, not both"));
        QFile f(parser.value(file));
        if (!f.open(QIODevice::ReadOnly))
            return fail(verb,
                        QStringLiteral("cannot read %1: %2").arg(f.fileName(), f.errorString()));
        cell = f.readAll().toStdString();
    } else if (positional.size() == 1 && positional[0] == QLatin1String("-")) {
        cell.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else if (positional.size() == 1) {
        cell = positional[0].toStdString();
    } else {
        return fail(verb, QStringLiteral("expected one CELL such as 'np.zeros((2, 3))', got %1 "
                                         "arguments")
                              .arg(positional.size()));
    }

    // MNIST is loaded only when the cell names one of its arrays.
    const QString dir = parser.value(dataDir);
    std::shared_ptr<const core::MnistData> data;
    std::string loadError;
    auto resolver = [&](std::string_view name) -> std::optional<core::Tensor> {
        bool mnistName = false;
        for (const char *n : {"train_images", "train_labels", "test_images", "test_labels"})
            if (name == n) mnistName = true;
        if (!mnistName) return std::nullopt;
        if (!data && loadError.empty()) {
            try {
                data = loadData(dir, true);
            } catch (const std::exception &e) {
                loadError = e.what();
            }
        }
        if (!data) return std::nullopt;
        return core::mnistArrays(*data)(name);
    };
    core::cell::Session session(resolver);
    const core::cell::CellResult r = session.run(cell);
    std::fputs(r.output.c_str(), stdout);
    if (!r.valueRepr.empty()) std::printf("%s\n", r.valueRepr.c_str());
    std::fflush(stdout);
    if (r.ok()) return 0;
    const core::cell::CellError &e = *r.error;
    const bool syntax = e.type == "SyntaxError" || e.type == "IndentationError";
    if (!syntax) std::fputs("Traceback (most recent call last):\n", stderr);
    if (e.line > 0) {
        std::fprintf(stderr, "  File \"<cell>\", line %d%s\n", e.line,
                     syntax ? "" : ", in <module>");
        std::string text = lineOf(cell, e.line);
        const std::size_t indent = text.find_first_not_of(" \t");
        std::fprintf(stderr, "    %s\n", indent == std::string::npos ? "" : text.c_str() + indent);
        if (syntax && e.column > 0)
            std::fprintf(
                stderr, "    %s^\n",
                std::string(std::max<int>(
                                0, e.column - 1 -
                                       static_cast<int>(indent == std::string::npos ? 0 : indent)),
                            ' ')
                    .c_str());
    }
    if (!loadError.empty() && e.type == "NameError")
        std::fprintf(stderr, "(the MNIST arrays could not be loaded: %s)\n", loadError.c_str());
    std::fprintf(stderr, "%s\n", e.text().c_str());
    return 1;
}

} // namespace app

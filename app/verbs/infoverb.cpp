#include "app/verbs/verbs.h"

#include "core/data/idx.h"
#include "core/tensor/format.h"

#include <QCommandLineParser>
#include <array>
#include <cstdio>
#include <exception>

namespace app {

int runInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints ndim, shape and dtype of an IDX file (raw or gzip), and a histogram "
                       "of the values of a label file (rank 1, uint8), which must hold MNIST's "
                       "digits 0-9."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("an IDX file"));
    if (!parser.parse(arguments)) return fail(QStringLiteral("info"), parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(verbHelpText(parser, QStringLiteral("info"))), stdout);
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(QStringLiteral("info"),
                    QStringLiteral("expected one FILE, got %1").arg(files.size()));
    try {
        const core::Tensor t = core::readIdx(files[0].toStdString());
        const bool labels = t.ndim() == 1 && t.dtype() == core::DType::UInt8;
        if (labels) core::checkLabels(t, 10, files[0].toStdString()); // MNIST's digits 0-9
        std::printf("file: %s\nndim: %d\nshape: %s\ndtype: %s\n", qPrintable(files[0]), t.ndim(),
                    core::formatShape(t.shape()).c_str(),
                    std::string(core::dtypeName(t.dtype())).c_str());
        if (labels) {
            std::array<long long, 256> counts{};
            const std::uint8_t *p = t.data<std::uint8_t>();
            for (std::int64_t i = 0; i < t.size(); ++i)
                ++counts[p[i]];
            std::printf("label histogram:\n");
            for (int v = 0; v < 256; ++v)
                if (counts[v]) std::printf("  %d: %lld\n", v, counts[v]);
        }
        return 0;
    } catch (const std::exception &e) {
        return fail(QStringLiteral("info"), QString::fromStdString(e.what()));
    }
}

} // namespace app

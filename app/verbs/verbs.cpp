#include "app/verbs/verbs.h"

#include <QTextStream>
#include <array>
#include <cstdio>
#include <cstring>

namespace app {

std::span<const Verb> verbs()
{
    static const std::array<Verb, 2> table = {{
        {"info", "ndim, shape and dtype of an IDX file (raw or .gz); label histogram", &runInfo},
        {"slice", "evaluate a NumPy slice of the MNIST arrays: shape, dtype, sum", &runSlice},
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

} // namespace app

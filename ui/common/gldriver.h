#pragma once
// Mesa's driver (swrast_dri.so, libgallium) leaks a few bytes that LeakSanitizer reports at exit,
// when the driver is already unloaded and the leak can no longer be named, so .ci/lsan.supp
// cannot suppress it by library. Marking the loaded driver "never unload" keeps it named. Called
// by openGlProblem() once its probe has made a context (the driver is loaded then); it costs
// nothing else, the driver stays until the process ends anyway.

#include <QByteArray>
#include <cstddef>

#if defined(__linux__)
#include <dlfcn.h>
#include <link.h>
#endif

inline void keepGlDriverLoaded()
{
#if defined(__linux__)
    dl_iterate_phdr(
        [](dl_phdr_info *info, std::size_t, void *) {
            const QByteArray path(info->dlpi_name ? info->dlpi_name : "");
            if (path.contains("_dri.so") || path.contains("libgallium"))
                dlopen(path.constData(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
            return 0;
        },
        nullptr);
#endif
}

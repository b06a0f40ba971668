#pragma once
// main() of a test that needs OpenGL 3.3: the app's surface format (app/gui.cpp), then a skip
// (CTest's 77) where there is no display or no GL, as the app shows a message there instead.
//
//   UNCRUMPLE_GL_TEST_MAIN(TestGeometryPage)

#include "ui/common/glcheck.h"
#include "ui/common/gldriver.h"

#include <QApplication>
#include <QSurfaceFormat>
#include <QTest>
#include <cstdio>

template<class Test> int glTestMain(int argc, char *argv[])
{
    QSurfaceFormat format;
    format.setVersion(3, 3);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    format.setSamples(0);
    QSurfaceFormat::setDefaultFormat(format);
    // No display at all: QApplication would abort (qFatal) before any GL probe could run.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        std::printf("SKIP: no display (run the test under xvfb-run)\n");
        return 77;
    }
    QApplication app(argc, argv);
    if (const QString problem = ui::openGlProblem(); !problem.isEmpty()) {
        std::printf("SKIP: %s\n", qPrintable(problem));
        return 77;
    }
    keepGlDriverLoaded();
    Test test;
    return QTest::qExec(&test, argc, argv);
}

#define UNCRUMPLE_GL_TEST_MAIN(Test)                                                               \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        return glTestMain<Test>(argc, argv);                                                       \
    }

#pragma once
// Whether the pages drawn with OpenGL (Geometry, Uncrumple) can be drawn here. A window holding a
// QOpenGLWidget crashes inside Qt where no OpenGL 3.3 context can be made, or on Qt's offscreen
// platform (whose composition of GL widgets segfaults even when GLX hands it a context), so each
// such page asks first.

#include <QString>

namespace ui {

// Empty when OpenGL 3.3 core works on this platform; otherwise why not, in one sentence. Probed
// once (needs a QGuiApplication).
QString openGlProblem();

} // namespace ui

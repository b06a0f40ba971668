#pragma once
// Builds a shader program from two GLSL files in the resources, checking every step: a failed
// compile or link returns false with the driver's log, so the view can show why instead of
// drawing nothing.

#include <QString>

class QOpenGLShaderProgram;

namespace ui {

// vertexPath/fragmentPath: resource paths such as ":/shaders/geometry/lines.vert".
// On failure, *log names the file and holds the compiler or linker output.
bool buildProgram(QOpenGLShaderProgram &program, const QString &vertexPath,
                  const QString &fragmentPath, QString *log);

} // namespace ui

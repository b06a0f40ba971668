#include "ui/common/glprogram.h"

#include <QFile>
#include <QOpenGLShaderProgram>

namespace ui {

namespace {

bool addStage(QOpenGLShaderProgram &program, QOpenGLShader::ShaderType type, const QString &path,
              QString *log)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *log = QStringLiteral("%1: cannot read the shader (%2)").arg(path, file.errorString());
        return false;
    }
    if (!program.addShaderFromSourceCode(type, file.readAll())) {
        *log = QStringLiteral("%1 does not compile:\n%2").arg(path, program.log());
        return false;
    }
    return true;
}

} // namespace

bool buildProgram(QOpenGLShaderProgram &program, const QString &vertexPath,
                  const QString &fragmentPath, QString *log)
{
    if (!addStage(program, QOpenGLShader::Vertex, vertexPath, log) ||
        !addStage(program, QOpenGLShader::Fragment, fragmentPath, log))
        return false;
    if (!program.link()) {
        *log =
            QStringLiteral("%1 + %2 do not link:\n%3").arg(vertexPath, fragmentPath, program.log());
        return false;
    }
    return true;
}

} // namespace ui

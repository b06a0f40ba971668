#pragma once
// The GL side of the plane: three programs (thick lines, fills, the cloud's image) and their
// buffers. Qt's hellogl2 way: initialize() in initializeGL with the context current, cleanup()
// when the context is about to be destroyed. Nothing here knows what the scene means.

#include "ui/geometry/cloudsplatter.h"

#include <QOpenGLBuffer>
#include <QOpenGLExtraFunctions>
#include <QOpenGLShaderProgram>
#include <QOpenGLVertexArrayObject>
#include <QString>
#include <array>
#include <cstdint>
#include <vector>

namespace ui {

class DrawList;

// Where the world lands on the framebuffer, in device pixels.
struct FrameGeometry {
    std::array<float, 4> worldToDevice{}; // device pixel = world * xy + zw
    float width = 1, height = 1;          // device pixels
    float pixelScale = 1;                 // device pixels per logical pixel × presentation scale
    float devicePixelRatio = 1;           // device pixels per logical pixel
};

class PlaneRenderer : protected QOpenGLExtraFunctions {
public:
    // Needs the context current. False, with error() set, if a shader does not build.
    bool initialize();
    void cleanup();
    bool isReady() const { return m_ready; }
    QString error() const { return m_error; }

    void clear(const QColor &background);
    // Leaves GL as QPainter expects to find it (no program, buffer or VAO of ours bound).
    void finish();
    void draw(const DrawList &list, const FrameGeometry &frame);

    // The point cloud, rendered on the CPU: upload() when it changed, then draw every frame.
    void uploadImage(const CloudSplatter::Image &image);
    void drawImage(const FrameGeometry &frame);

private:
    void setFrameUniforms(QOpenGLShaderProgram &program, const FrameGeometry &frame);

    bool m_ready = false;
    QString m_error;

    QOpenGLShaderProgram m_lineProgram, m_fillProgram, m_imageProgram;
    QOpenGLVertexArrayObject m_lineVao, m_fillVao, m_imageVao;
    QOpenGLBuffer m_cornerBuffer{QOpenGLBuffer::VertexBuffer};
    QOpenGLBuffer m_segmentBuffer{QOpenGLBuffer::VertexBuffer};
    QOpenGLBuffer m_fillBuffer{QOpenGLBuffer::VertexBuffer};
    QOpenGLBuffer m_quadBuffer{QOpenGLBuffer::VertexBuffer};
    int m_segmentCapacity = 0, m_fillCapacity = 0;
    GLuint m_texture = 0;
    int m_textureWidth = 0, m_textureHeight = 0;
    int m_imageX = 0, m_imageY = 0, m_imageWidth = 0, m_imageHeight = 0;
};

} // namespace ui

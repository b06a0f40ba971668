#pragma once
// The GL side of the plane: three programs (thick lines, fills, the point cloud) and their
// buffers. Qt's hellogl2 way: initialize() in initializeGL with the context current, cleanup()
// when the context is about to be destroyed. Nothing here knows what the scene means.

#include "core/geometry/chain.h"

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
};

class PlaneRenderer : protected QOpenGLExtraFunctions {
public:
    // The most stages the point shader takes (its kMaxStages).
    static constexpr int kMaxStages = 16;

    // Needs the context current. False, with error() set, if a shader does not build.
    bool initialize();
    void cleanup();
    bool isReady() const { return m_ready; }
    QString error() const { return m_error; }

    void clear(const QColor &background);
    // Leaves GL as QPainter expects to find it (no program, buffer or VAO of ours bound).
    void finish();
    void draw(const DrawList &list, const FrameGeometry &frame);

    // The cloud: positions before the chain (x, y pairs) and one RGBA colour per point.
    void setCloud(const std::vector<float> &xy, const std::vector<std::uint8_t> &rgba);
    int cloudSize() const { return m_cloudCount; }
    // pointSize in device pixels; stages beyond kMaxStages are ignored (the page never makes them).
    void drawCloud(const core::geometry::Stages &stages, const FrameGeometry &frame,
                   float pointSize);

private:
    void setFrameUniforms(QOpenGLShaderProgram &program, const FrameGeometry &frame);

    bool m_ready = false;
    QString m_error;

    QOpenGLShaderProgram m_lineProgram, m_fillProgram, m_pointProgram;
    QOpenGLVertexArrayObject m_lineVao, m_fillVao, m_pointVao;
    QOpenGLBuffer m_cornerBuffer{QOpenGLBuffer::VertexBuffer};
    QOpenGLBuffer m_segmentBuffer{QOpenGLBuffer::VertexBuffer};
    QOpenGLBuffer m_fillBuffer{QOpenGLBuffer::VertexBuffer};
    QOpenGLBuffer m_pointBuffer{QOpenGLBuffer::VertexBuffer};
    QOpenGLBuffer m_pointColourBuffer{QOpenGLBuffer::VertexBuffer};
    int m_segmentCapacity = 0, m_fillCapacity = 0;
    int m_cloudCount = 0;
};

} // namespace ui

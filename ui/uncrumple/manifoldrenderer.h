#pragma once
// The GL side of the 3D view: the points and the lattice's lines (an image drawn on the CPU, see
// pointsplatter.h and linesplatter.h, shown as one quad that writes each pixel's point depth), the
// lattice's optional shaded cells (nodes that move every frame over fixed triangles), and free
// lines and triangles (axes, ticks, the separating plane), depth-tested against the points. Qt's
// hellogl2 way: initialize() in initializeGL with the context current, cleanup() when the context
// is about to be destroyed. Buffers are allocated when a data set changes and then only rewritten,
// so a frame allocates nothing.

#include "ui/uncrumple/pointsplatter.h"

#include <QMatrix4x4>
#include <QOpenGLBuffer>
#include <QOpenGLExtraFunctions>
#include <QOpenGLShaderProgram>
#include <QOpenGLVertexArrayObject>
#include <QString>
#include <cstdint>
#include <vector>

class QColor;

namespace ui {

// A vertex of a line or triangle: a scene position and RGBA bytes (not premultiplied).
struct ColourVertex {
    float x = 0, y = 0, z = 0;
    std::uint32_t rgba = 0; // bytes r, g, b, a in memory order
};

std::uint32_t packRgba(const QColor &colour, double alpha = 1.0);

struct ManifoldFrame {
    QMatrix4x4 view, projection;
    float width = 1, height = 1; // device pixels
    float fogNear = 0, fogFar = 1;
    float fogStrength = 0.55f;
    float latticeOpacity = 0.5f;
    float regionOpacity = 0.35f;
    float devicePixelRatio = 1;
};

class ManifoldRenderer : protected QOpenGLExtraFunctions {
public:
    // Needs the context current. False, with error() set, if a shader does not build.
    bool initialize();
    void cleanup();
    bool isReady() const { return m_ready; }
    QString error() const { return m_error; }

    // The points as the splatter drew them (every frame).
    void setPointImage(const PointSplatter::Image &image);
    // The lattice's shaded cells (its lines are drawn on the points' image, linesplatter.h):
    // triangles (node index triples) once per lattice, node positions whenever they move, and
    // a colour a node (empty: no shading).
    void setLattice(const std::vector<std::uint32_t> &cells);
    void setCellColours(const std::vector<std::uint32_t> &rgba);
    void setLatticePositions(const float *xyz, int count);
    // Axes and ticks (GL_LINES pairs) and translucent triangles (the separating plane).
    void setGuides(const std::vector<ColourVertex> &lines,
                   const std::vector<ColourVertex> &triangles);

    void draw(const ManifoldFrame &frame, const QColor &background);

private:
    void setCommonUniforms(QOpenGLShaderProgram &program, const ManifoldFrame &frame,
                           const QColor &background);

    bool m_ready = false;
    QString m_error;
    QOpenGLShaderProgram m_pointProgram, m_lineProgram;

    QOpenGLVertexArrayObject m_pointVao, m_cellVao, m_guideLineVao, m_guideFillVao;
    QOpenGLBuffer m_quad{QOpenGLBuffer::VertexBuffer};
    GLuint m_colourTexture = 0, m_depthTexture = 0;
    int m_textureWidth = 0, m_textureHeight = 0;
    int m_imageX = 0, m_imageY = 0, m_imageWidth = 0, m_imageHeight = 0;
    QOpenGLBuffer m_nodePositions{QOpenGLBuffer::VertexBuffer};
    QOpenGLBuffer m_cellColours{QOpenGLBuffer::VertexBuffer};
    QOpenGLBuffer m_cellIndices{QOpenGLBuffer::IndexBuffer};
    QOpenGLBuffer m_guideLines{QOpenGLBuffer::VertexBuffer};
    QOpenGLBuffer m_guideFills{QOpenGLBuffer::VertexBuffer};
    int m_nodePositionCapacity = 0;
    int m_cellColourCapacity = 0, m_cellCapacity = 0, m_guideLineCapacity = 0,
        m_guideFillCapacity = 0;
    int m_nodeCount = 0, m_cellIndexCount = 0, m_guideLineCount = 0, m_guideFillCount = 0;
    bool m_cellsShaded = false;
};

} // namespace ui

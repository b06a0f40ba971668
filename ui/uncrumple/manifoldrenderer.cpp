#include "ui/uncrumple/manifoldrenderer.h"

#include "ui/common/glbuffer.h"
#include "ui/common/glprogram.h"

#include <QColor>
#include <algorithm>
#include <cstddef>

namespace ui {

std::uint32_t packRgba(const QColor &colour, double alpha)
{
    const auto byte = [](double v) {
        return static_cast<std::uint32_t>(std::clamp(v, 0.0, 1.0) * 255.0 + 0.5);
    };
    // Memory order r, g, b, a on a little-endian machine, which GL reads as normalized bytes.
    return byte(colour.redF()) | byte(colour.greenF()) << 8 | byte(colour.blueF()) << 16 |
           byte(colour.alphaF() * alpha) << 24;
}

namespace {

constexpr GLuint kPosition = 0, kColour = 1;

void colourVertexLayout(QOpenGLExtraFunctions &gl)
{
    gl.glEnableVertexAttribArray(kPosition);
    gl.glVertexAttribPointer(kPosition, 3, GL_FLOAT, GL_FALSE, sizeof(ColourVertex),
                             reinterpret_cast<void *>(offsetof(ColourVertex, x)));
    gl.glEnableVertexAttribArray(kColour);
    gl.glVertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ColourVertex),
                             reinterpret_cast<void *>(offsetof(ColourVertex, rgba)));
}

} // namespace

bool ManifoldRenderer::initialize()
{
    m_ready = false;
    initializeOpenGLFunctions();
    const QString dir = QStringLiteral(":/shaders/uncrumple/");
    if (!buildProgram(m_pointProgram, QStringLiteral(":/shaders/geometry/image.vert"),
                      dir + "points.frag", &m_error) ||
        !buildProgram(m_lineProgram, dir + "lines.vert", dir + "lines.frag", &m_error))
        return false;

    for (QOpenGLBuffer *b : {&m_quad, &m_nodePositions, &m_cellColours, &m_cellIndices,
                             &m_guideLines, &m_guideFills}) {
        b->create();
        b->setUsagePattern(QOpenGLBuffer::DynamicDraw);
    }
    // Separate position and colour buffers: positions change every frame, colours rarely.
    const auto positionsAndColours = [this](QOpenGLVertexArrayObject &vao, QOpenGLBuffer &positions,
                                            QOpenGLBuffer &colours) {
        vao.create();
        vao.bind();
        positions.bind();
        glEnableVertexAttribArray(kPosition);
        glVertexAttribPointer(kPosition, 3, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
        colours.bind();
        glEnableVertexAttribArray(kColour);
        glVertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(std::uint32_t),
                              nullptr);
    };
    // The points' image: a unit quad, a colour and a depth texture (refilled every frame).
    m_pointVao.create();
    m_pointVao.bind();
    m_quad.bind();
    static constexpr float kQuad[] = {0.f, 0.f, 0.f, 1.f, 1.f, 0.f, 1.f, 1.f};
    m_quad.allocate(kQuad, sizeof(kQuad));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    m_pointVao.release();
    for (GLuint *texture : {&m_colourTexture, &m_depthTexture}) {
        glGenTextures(1, texture);
        glBindTexture(GL_TEXTURE_2D, *texture);
        // Pixel for pixel: no filtering (and a depth must not be averaged).
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glBindTexture(GL_TEXTURE_2D, 0);
    m_textureWidth = m_textureHeight = 0;
    m_imageWidth = m_imageHeight = 0;
    positionsAndColours(m_cellVao, m_nodePositions, m_cellColours);
    m_cellIndices.bind();
    m_cellVao.release();

    m_guideLineVao.create();
    m_guideLineVao.bind();
    m_guideLines.bind();
    colourVertexLayout(*this);
    m_guideLineVao.release();
    m_guideFillVao.create();
    m_guideFillVao.bind();
    m_guideFills.bind();
    colourVertexLayout(*this);
    m_guideFillVao.release();
    glBindBuffer(GL_ARRAY_BUFFER, 0);

    m_nodePositionCapacity = 0;
    m_cellColourCapacity = m_cellCapacity = 0;
    m_guideLineCapacity = m_guideFillCapacity = 0;
    m_nodeCount = m_cellIndexCount = 0;
    m_guideLineCount = m_guideFillCount = 0;
    m_cellsShaded = false;
    m_ready = true;
    return true;
}

void ManifoldRenderer::cleanup()
{
    // With the context current (aboutToBeDestroyed); every object is safe to destroy twice.
    for (QOpenGLVertexArrayObject *vao :
         {&m_pointVao, &m_cellVao, &m_guideLineVao, &m_guideFillVao})
        vao->destroy();
    for (QOpenGLBuffer *b :
         {&m_quad, &m_nodePositions, &m_cellColours, &m_cellIndices, &m_guideLines, &m_guideFills})
        b->destroy();
    for (GLuint *texture : {&m_colourTexture, &m_depthTexture})
        if (*texture) {
            glDeleteTextures(1, texture);
            *texture = 0;
        }
    m_imageWidth = m_imageHeight = 0;
    m_pointProgram.removeAllShaders();
    m_lineProgram.removeAllShaders();
    m_ready = false;
}

void ManifoldRenderer::setPointImage(const PointSplatter::Image &image)
{
    m_imageWidth = m_imageHeight = 0;
    if (!m_ready || image.width <= 0 || image.height <= 0) return;
    // The textures only grow (to the largest image so far), so animating does not reallocate
    // them; the image goes into their top-left corner.
    const bool grow = image.width > m_textureWidth || image.height > m_textureHeight;
    if (grow) {
        m_textureWidth = std::max(image.width, m_textureWidth);
        m_textureHeight = std::max(image.height, m_textureHeight);
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glBindTexture(GL_TEXTURE_2D, m_colourTexture);
    if (grow)
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, m_textureWidth, m_textureHeight, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, nullptr);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE,
                    image.pixels.data());
    glBindTexture(GL_TEXTURE_2D, m_depthTexture);
    if (grow)
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, m_textureWidth, m_textureHeight, 0, GL_RED,
                     GL_FLOAT, nullptr);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, image.width, image.height, GL_RED, GL_FLOAT,
                    image.depth.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    m_imageX = image.x;
    m_imageY = image.y;
    m_imageWidth = image.width;
    m_imageHeight = image.height;
}

void ManifoldRenderer::setLattice(const std::vector<std::uint32_t> &cells)
{
    if (!m_ready) return;
    // An index buffer belongs to the vertex array bound when it is bound.
    m_cellVao.bind();
    uploadGrowing(m_cellIndices, m_cellCapacity, cells.data(),
                  static_cast<int>(cells.size() * sizeof(std::uint32_t)));
    m_cellVao.release();
    m_cellIndexCount = static_cast<int>(cells.size());
    m_nodeCount = 0;
    m_cellsShaded = false;
}

void ManifoldRenderer::setCellColours(const std::vector<std::uint32_t> &rgba)
{
    if (!m_ready) return;
    uploadGrowing(m_cellColours, m_cellColourCapacity, rgba.data(),
                  static_cast<int>(rgba.size() * sizeof(std::uint32_t)));
    m_cellsShaded = !rgba.empty();
}

void ManifoldRenderer::setLatticePositions(const float *xyz, int count)
{
    if (!m_ready) return;
    uploadGrowing(m_nodePositions, m_nodePositionCapacity, xyz,
                  count * 3 * static_cast<int>(sizeof(float)));
    m_nodeCount = count;
}

void ManifoldRenderer::setGuides(const std::vector<ColourVertex> &lines,
                                 const std::vector<ColourVertex> &triangles)
{
    if (!m_ready) return;
    uploadGrowing(m_guideLines, m_guideLineCapacity, lines.data(),
                  static_cast<int>(lines.size() * sizeof(ColourVertex)));
    uploadGrowing(m_guideFills, m_guideFillCapacity, triangles.data(),
                  static_cast<int>(triangles.size() * sizeof(ColourVertex)));
    m_guideLineCount = static_cast<int>(lines.size());
    m_guideFillCount = static_cast<int>(triangles.size());
}

void ManifoldRenderer::setCommonUniforms(QOpenGLShaderProgram &program, const ManifoldFrame &frame,
                                         const QColor &background)
{
    program.setUniformValue("viewMatrix", frame.view);
    program.setUniformValue("projectionMatrix", frame.projection);
    program.setUniformValue("fogRange", frame.fogNear, frame.fogFar);
    program.setUniformValue("fogColour", static_cast<float>(background.redF()),
                            static_cast<float>(background.greenF()),
                            static_cast<float>(background.blueF()));
    program.setUniformValue("fogStrength", frame.fogStrength);
}

void ManifoldRenderer::draw(const ManifoldFrame &frame, const QColor &background)
{
    glClearColor(background.redF(), background.greenF(), background.blueF(), 1.0f);
    glClearDepthf(1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    if (!m_ready) return;
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDisable(GL_CULL_FACE);

    // The points first, writing the depth of each pixel's point.
    if (m_imageWidth > 0 && m_imageHeight > 0) {
        glEnable(GL_BLEND);
        glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        m_pointProgram.bind();
        m_pointProgram.setUniformValue(
            "rect", static_cast<float>(m_imageX), static_cast<float>(m_imageY),
            static_cast<float>(m_imageWidth), static_cast<float>(m_imageHeight));
        m_pointProgram.setUniformValue("viewportSize", frame.width, frame.height);
        m_pointProgram.setUniformValue("textureUsed",
                                       static_cast<float>(m_imageWidth) / m_textureWidth,
                                       static_cast<float>(m_imageHeight) / m_textureHeight);
        m_pointProgram.setUniformValue("image", 0);
        m_pointProgram.setUniformValue("depth", 1);
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, m_depthTexture);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, m_colourTexture);
        m_pointVao.bind();
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        m_pointVao.release();
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, 0);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, 0);
    }

    // Then what is seen through: tested against the points' depth but not writing it, blended.
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
    m_lineProgram.bind();
    setCommonUniforms(m_lineProgram, frame, background);
    if (m_nodeCount > 0 && m_cellsShaded && m_cellIndexCount > 0) {
        m_lineProgram.setUniformValue("opacity", frame.regionOpacity);
        m_cellVao.bind();
        glDrawElements(GL_TRIANGLES, m_cellIndexCount, GL_UNSIGNED_INT, nullptr);
        m_cellVao.release();
    }
    if (m_guideFillCount > 0) {
        m_lineProgram.setUniformValue("opacity", 1.0f);
        m_guideFillVao.bind();
        glDrawArrays(GL_TRIANGLES, 0, m_guideFillCount);
        m_guideFillVao.release();
    }
    if (m_guideLineCount > 0) {
        m_lineProgram.setUniformValue("opacity", 1.0f);
        m_guideLineVao.bind();
        glDrawArrays(GL_LINES, 0, m_guideLineCount);
        m_guideLineVao.release();
    }
    glDepthMask(GL_TRUE);

    // Leave GL as QPainter expects to find it.
    glDisable(GL_DEPTH_TEST);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(0);
}

} // namespace ui

#include "ui/geometry/planerenderer.h"

#include "ui/common/glbuffer.h"
#include "ui/common/glprogram.h"
#include "ui/geometry/drawlist.h"

#include <QColor>
#include <algorithm>
#include <cstddef>

namespace ui {

namespace {

// The four corners of a segment's quad as a triangle strip: (along, across).
constexpr float kCorners[] = {0.f, -1.f, 0.f, 1.f, 1.f, -1.f, 1.f, 1.f};

} // namespace

bool PlaneRenderer::initialize()
{
    m_ready = false;
    initializeOpenGLFunctions();
    const QString dir = QStringLiteral(":/shaders/geometry/");
    if (!buildProgram(m_lineProgram, dir + "lines.vert", dir + "lines.frag", &m_error) ||
        !buildProgram(m_fillProgram, dir + "fill.vert", dir + "fill.frag", &m_error) ||
        !buildProgram(m_imageProgram, dir + "image.vert", dir + "image.frag", &m_error))
        return false;

    // Lines: a static quad (attribute 0) and one instance per segment (attributes 1-3, whose
    // pointers are set per run in draw()).
    m_lineVao.create();
    m_lineVao.bind();
    m_cornerBuffer.create();
    m_cornerBuffer.bind();
    m_cornerBuffer.allocate(kCorners, sizeof(kCorners));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    m_segmentBuffer.create();
    m_segmentBuffer.setUsagePattern(QOpenGLBuffer::StreamDraw);
    for (GLuint a = 1; a <= 3; ++a) {
        glEnableVertexAttribArray(a);
        glVertexAttribDivisor(a, 1);
    }
    m_lineVao.release();

    m_fillVao.create();
    m_fillVao.bind();
    m_fillBuffer.create();
    m_fillBuffer.setUsagePattern(QOpenGLBuffer::StreamDraw);
    m_fillBuffer.bind();
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(FillVertex),
                          reinterpret_cast<void *>(offsetof(FillVertex, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(FillVertex),
                          reinterpret_cast<void *>(offsetof(FillVertex, rgba)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 3, GL_FLOAT, GL_FALSE, sizeof(FillVertex),
                          reinterpret_cast<void *>(offsetof(FillVertex, edge)));
    m_fillVao.release();

    // The cloud's image: a unit quad and a texture, refilled by uploadImage().
    m_imageVao.create();
    m_imageVao.bind();
    m_quadBuffer.create();
    m_quadBuffer.bind();
    static constexpr float kQuad[] = {0.f, 0.f, 0.f, 1.f, 1.f, 0.f, 1.f, 1.f};
    m_quadBuffer.allocate(kQuad, sizeof(kQuad));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    m_imageVao.release();
    glGenTextures(1, &m_texture);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    // Pixel for pixel: no filtering to blur it.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    m_textureWidth = m_textureHeight = 0;
    m_imageWidth = m_imageHeight = 0;
    m_segmentCapacity = m_fillCapacity = 0;

    m_ready = true;
    return true;
}

void PlaneRenderer::cleanup()
{
    // Called with the context current (aboutToBeDestroyed); every object is safe to destroy twice.
    m_lineVao.destroy();
    m_fillVao.destroy();
    m_imageVao.destroy();
    m_cornerBuffer.destroy();
    m_segmentBuffer.destroy();
    m_fillBuffer.destroy();
    m_quadBuffer.destroy();
    if (m_texture) {
        glDeleteTextures(1, &m_texture);
        m_texture = 0;
    }
    m_lineProgram.removeAllShaders();
    m_fillProgram.removeAllShaders();
    m_imageProgram.removeAllShaders();
    m_ready = false;
    m_imageWidth = m_imageHeight = 0;
}

void PlaneRenderer::clear(const QColor &background)
{
    glClearColor(background.redF(), background.greenF(), background.blueF(), 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    // Colour blends as usual; alpha accumulates so the framebuffer stays opaque for composition.
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

void PlaneRenderer::finish()
{
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(0);
}

void PlaneRenderer::setFrameUniforms(QOpenGLShaderProgram &program, const FrameGeometry &frame)
{
    const auto &m = frame.worldToDevice;
    program.setUniformValue("worldToPixel", m[0], m[1], m[2], m[3]);
    program.setUniformValue("viewportSize", frame.width, frame.height);
}

void PlaneRenderer::draw(const DrawList &list, const FrameGeometry &frame)
{
    if (!m_ready || list.runs().empty()) return;
    const auto &segments = list.segments();
    const auto &fills = list.fills();
    uploadGrowing(m_segmentBuffer, m_segmentCapacity, segments.data(),
                  static_cast<int>(segments.size() * sizeof(SegmentInstance)));
    uploadGrowing(m_fillBuffer, m_fillCapacity, fills.data(),
                  static_cast<int>(fills.size() * sizeof(FillVertex)));

    m_lineProgram.bind();
    setFrameUniforms(m_lineProgram, frame);
    m_lineProgram.setUniformValue("pixelScale", frame.pixelScale);
    m_fillProgram.bind();
    setFrameUniforms(m_fillProgram, frame);
    m_fillProgram.setUniformValue("devicePixelRatio", frame.devicePixelRatio);

    for (const DrawList::Run &run : list.runs()) {
        if (run.kind == DrawList::Kind::Segments) {
            m_lineProgram.bind();
            m_lineVao.bind();
            m_segmentBuffer.bind();
            // GL 3.3 has no base instance, so each run points the instance attributes at its
            // first segment instead.
            const std::size_t base = static_cast<std::size_t>(run.first) * sizeof(SegmentInstance);
            const auto at = [base](std::size_t field) {
                return reinterpret_cast<void *>(base + field);
            };
            glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(SegmentInstance),
                                  at(offsetof(SegmentInstance, ax)));
            glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(SegmentInstance),
                                  at(offsetof(SegmentInstance, rgba)));
            glVertexAttribPointer(3, 2, GL_FLOAT, GL_FALSE, sizeof(SegmentInstance),
                                  at(offsetof(SegmentInstance, width)));
            glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, run.count);
            m_lineVao.release();
        } else {
            m_fillProgram.bind();
            m_fillVao.bind();
            glDrawArrays(GL_TRIANGLES, run.first, run.count);
            m_fillVao.release();
        }
    }
}

void PlaneRenderer::uploadImage(const CloudSplatter::Image &image)
{
    m_imageWidth = m_imageHeight = 0;
    if (!m_ready || image.width <= 0 || image.height <= 0) return;
    glBindTexture(GL_TEXTURE_2D, m_texture);
    // The texture only grows (to the largest image so far), so animation does not reallocate it
    // every frame; the image goes into its top-left corner.
    if (image.width > m_textureWidth || image.height > m_textureHeight) {
        m_textureWidth = std::max(image.width, m_textureWidth);
        m_textureHeight = std::max(image.height, m_textureHeight);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, m_textureWidth, m_textureHeight, 0, GL_RGBA,
                     GL_UNSIGNED_BYTE, nullptr);
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE,
                    image.pixels.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    m_imageX = image.x;
    m_imageY = image.y;
    m_imageWidth = image.width;
    m_imageHeight = image.height;
}

void PlaneRenderer::drawImage(const FrameGeometry &frame)
{
    if (!m_ready || m_imageWidth <= 0 || m_imageHeight <= 0) return;
    m_imageProgram.bind();
    m_imageProgram.setUniformValue("rect", static_cast<float>(m_imageX),
                                   static_cast<float>(m_imageY), static_cast<float>(m_imageWidth),
                                   static_cast<float>(m_imageHeight));
    m_imageProgram.setUniformValue("viewportSize", frame.width, frame.height);
    m_imageProgram.setUniformValue("textureUsed", static_cast<float>(m_imageWidth) / m_textureWidth,
                                   static_cast<float>(m_imageHeight) / m_textureHeight);
    m_imageProgram.setUniformValue("image", 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    m_imageVao.bind();
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    m_imageVao.release();
    glBindTexture(GL_TEXTURE_2D, 0);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

} // namespace ui

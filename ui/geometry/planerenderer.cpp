#include "ui/geometry/planerenderer.h"

#include "ui/geometry/drawlist.h"
#include "ui/geometry/glprogram.h"

#include <Eigen/Core>
#include <QColor>
#include <algorithm>
#include <cstddef>

namespace ui {

namespace {

// The four corners of a segment's quad as a triangle strip: (along, across).
constexpr float kCorners[] = {0.f, -1.f, 0.f, 1.f, 1.f, -1.f, 1.f, 1.f};

// Writes data into buffer, growing it (with headroom, so it is not reallocated every frame) when
// it is too small; capacity counts bytes.
void upload(QOpenGLBuffer &buffer, int &capacity, const void *data, int bytes)
{
    buffer.bind();
    if (bytes > capacity) {
        capacity = std::max(bytes + bytes / 2, 4096);
        buffer.allocate(capacity);
    }
    if (bytes > 0) buffer.write(0, data, bytes);
}

} // namespace

bool PlaneRenderer::initialize()
{
    m_ready = false;
    initializeOpenGLFunctions();
    const QString dir = QStringLiteral(":/shaders/geometry/");
    if (!buildProgram(m_lineProgram, dir + "lines.vert", dir + "lines.frag", &m_error) ||
        !buildProgram(m_fillProgram, dir + "fill.vert", dir + "fill.frag", &m_error) ||
        !buildProgram(m_pointProgram, dir + "points.vert", dir + "points.frag", &m_error))
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
    m_fillVao.release();

    // The cloud: positions and colours in two static buffers, filled by setCloud().
    m_pointVao.create();
    m_pointVao.bind();
    m_pointBuffer.create();
    m_pointBuffer.bind();
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    m_pointColourBuffer.create();
    m_pointColourBuffer.bind();
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 4, nullptr);
    m_pointVao.release();
    m_cloudCount = 0;
    m_segmentCapacity = m_fillCapacity = 0;

    m_ready = true;
    return true;
}

void PlaneRenderer::cleanup()
{
    // Called with the context current (aboutToBeDestroyed); every object is safe to destroy twice.
    m_lineVao.destroy();
    m_fillVao.destroy();
    m_pointVao.destroy();
    m_cornerBuffer.destroy();
    m_segmentBuffer.destroy();
    m_fillBuffer.destroy();
    m_pointBuffer.destroy();
    m_pointColourBuffer.destroy();
    m_lineProgram.removeAllShaders();
    m_fillProgram.removeAllShaders();
    m_pointProgram.removeAllShaders();
    m_ready = false;
    m_cloudCount = 0;
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
    glDisable(GL_PROGRAM_POINT_SIZE);
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
    upload(m_segmentBuffer, m_segmentCapacity, segments.data(),
           static_cast<int>(segments.size() * sizeof(SegmentInstance)));
    upload(m_fillBuffer, m_fillCapacity, fills.data(),
           static_cast<int>(fills.size() * sizeof(FillVertex)));

    m_lineProgram.bind();
    setFrameUniforms(m_lineProgram, frame);
    m_lineProgram.setUniformValue("pixelScale", frame.pixelScale);
    m_fillProgram.bind();
    setFrameUniforms(m_fillProgram, frame);

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

void PlaneRenderer::setCloud(const std::vector<float> &xy, const std::vector<std::uint8_t> &rgba)
{
    if (!m_ready) return;
    const int count = static_cast<int>(std::min(xy.size() / 2, rgba.size() / 4));
    m_pointBuffer.bind();
    m_pointBuffer.allocate(xy.data(), count * 2 * static_cast<int>(sizeof(float)));
    m_pointColourBuffer.bind();
    m_pointColourBuffer.allocate(rgba.data(), count * 4);
    m_cloudCount = count;
}

void PlaneRenderer::drawCloud(const core::geometry::Stages &stages, const FrameGeometry &frame,
                              float pointSize)
{
    if (!m_ready || m_cloudCount == 0) return;
    const int n = std::min<int>(static_cast<int>(stages.size()), kMaxStages);
    std::array<float, 4 * kMaxStages> W{};
    std::array<float, 2 * kMaxStages> b{};
    std::array<float, kMaxStages> relu{};
    for (int i = 0; i < n; ++i) {
        const auto &s = stages[static_cast<std::size_t>(i)];
        // Column-major, as GLSL's mat2 and Eigen's default storage.
        const Eigen::Matrix2f w = s.W.cast<float>();
        std::copy(w.data(), w.data() + 4, W.begin() + 4 * i);
        b[static_cast<std::size_t>(2 * i)] = static_cast<float>(s.b.x());
        b[static_cast<std::size_t>(2 * i + 1)] = static_cast<float>(s.b.y());
        relu[static_cast<std::size_t>(i)] = static_cast<float>(s.relu);
    }
    m_pointProgram.bind();
    setFrameUniforms(m_pointProgram, frame);
    m_pointProgram.setUniformValue("pointSize", pointSize);
    m_pointProgram.setUniformValue("stageCount", n);
    if (n > 0) {
        glUniformMatrix2fv(m_pointProgram.uniformLocation("stageW"), n, GL_FALSE, W.data());
        glUniform2fv(m_pointProgram.uniformLocation("stageB"), n, b.data());
        glUniform1fv(m_pointProgram.uniformLocation("stageRelu"), n, relu.data());
    }
    glEnable(GL_PROGRAM_POINT_SIZE);
    m_pointVao.bind();
    glDrawArrays(GL_POINTS, 0, m_cloudCount);
    m_pointVao.release();
}

} // namespace ui

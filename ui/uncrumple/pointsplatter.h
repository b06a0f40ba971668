#pragma once
// Draws the 3D view's points on the CPU into an image with a depth per pixel, which the view then
// shows as one textured quad that also writes that depth (so the axes and the plane drawn by GL
// pass in front of and behind the points correctly; the lattice is drawn onto the same image,
// linesplatter.h). On Mesa's software renderer 50,000 GL point
// sprites of 7 pixels cost a quarter of a second a frame (each becomes two triangles and is shaded
// in 4x4 blocks, and the discarded corners stop early depth tests); here a point is a 4x4 matrix
// product and a precomputed stamp, a few tens of nanoseconds.
//
// Each point is a small shaded sphere (the "fake sphere" of a sprite shader: a normal from the
// position in the disc, lit from the upper left, a darker rim), its size falling off with distance
// and its colour fogged towards the background with depth. Points are drawn far to near (sorted by
// depth) and blended, so their anti-aliased edges are right without a depth test.

#include <QColor>
#include <QMatrix4x4>
#include <QRect>
#include <cstdint>
#include <vector>

namespace ui {

class PointSplatter {
public:
    // One RGBA a point (bytes r, g, b, a in memory order, as packRgba()).
    void setColours(const std::vector<std::uint32_t> &rgba);

    struct Params {
        QMatrix4x4 view, projection;
        int width = 1, height = 1; // device pixels
        float pointSize = 6;       // device pixels (diameter) at refDistance
        float refDistance = 1;
        float fogNear = 0, fogFar = 1, fogStrength = 0.5f;
        QColor background = Qt::white;
    };

    struct Image {
        int x = 0, y = 0;                  // top-left, device pixels, y down
        int width = 0, height = 0;         // 0 when nothing is in view
        std::vector<std::uint32_t> pixels; // premultiplied RGBA bytes, row by row, top row first
        std::vector<float> depth;          // window depth 0-1 per pixel (1 where no point)
    };

    // xyz: count points. The image covers every point in view and the device-pixel rectangle
    // include (for what is drawn on it next, the lattice: linesplatter.h), and is empty when both
    // are. Reuses its buffers: no allocation once the sizes are stable.
    Image &render(const float *xyz, int count, const Params &params, const QRect &include = {});
    const Image &image() const { return m_image; }

    // render() in steps, so that the work can be shared between threads: sortPoints() projects
    // and sorts the points (while another thread projects the lattice, whose rectangle it needs);
    // prepareImage() sizes the image; drawRows() then clears and draws the image's rows
    // [rowBegin, rowEnd), and may run for disjoint bands at once. prepare() is the first two.
    // balancedRow() is the row that splits the points in two halves.
    void sortPoints(const float *xyz, int count, const Params &params);
    Image &prepareImage(const Params &params, const QRect &include = {});
    Image &prepare(const float *xyz, int count, const Params &params, const QRect &include = {});
    void drawRows(const Params &params, int rowBegin, int rowEnd);
    int balancedRow();

private:
    struct Tap {
        int dx, dy;
        float coverage; // 0-1
        float shade;    // times the colour
        float specular; // added
    };
    static constexpr int kSub = 2;              // sub-pixel positions per axis
    static constexpr float kRadiusStep = 0.25f; // stamps every quarter pixel of radius
    static std::size_t bucketOf(float radius);
    void makeStamps(std::size_t bucket); // before drawing: drawRows() only reads them
    const std::vector<Tap> &stamp(float radius, int sub) const;

    std::vector<float> m_rgb;                            // 0-1 per point
    std::vector<std::vector<std::vector<Tap>>> m_stamps; // [radius bucket][sub] -> taps

    // Per frame.
    struct Projected {
        float x, y, depth, radius, fog;
    };
    // A point as drawn, with its colour: gathered in drawing order once sorted, so that drawing
    // reads one array straight through (reading by index missed the cache at every point).
    struct Sorted {
        Projected p;
        float r, g, b;
    };
    std::vector<Projected> m_projected;
    std::vector<Sorted> m_sorted;
    std::vector<std::uint32_t> m_order, m_scratch;
    std::vector<std::uint16_t> m_keys, m_keys2;
    std::vector<int> m_rowCounts;
    QRect m_pointsArea; // the device pixels the sorted points touch
    Image m_image;
};

} // namespace ui

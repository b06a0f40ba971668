#include "core/data/drawndigit.h"

#include "core/errors.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace core {

namespace {

constexpr float kPaper = 1.0f / 255.0f;

// Box-filter weights for scaling n source cells into m target cells: target i covers source
// [i * n / m, (i + 1) * n / m), and each source cell k counts by how much of it lies inside,
// normalised so that a full-ink source gives full ink. This is the area averaging that turns the
// edges of strokes into grey levels, whether the drawing shrinks or grows.
struct Weights {
    int first = 0;
    std::vector<float> w;
};

std::vector<Weights> boxWeights(int n, int m)
{
    std::vector<Weights> out(static_cast<std::size_t>(m));
    const double step = static_cast<double>(n) / m;
    for (int i = 0; i < m; ++i) {
        const double a = i * step, b = (i + 1) * step;
        const int k0 = static_cast<int>(std::floor(a));
        const int k1 = std::min(n, static_cast<int>(std::ceil(b)));
        Weights &wi = out[static_cast<std::size_t>(i)];
        wi.first = k0;
        for (int k = k0; k < k1; ++k) {
            const double overlap = std::min<double>(b, k + 1) - std::max<double>(a, k);
            wi.w.push_back(static_cast<float>(std::max(0.0, overlap) / step));
        }
    }
    return out;
}

} // namespace

CentreOfMass centreOfMass(std::span<const float> values, int rows, int cols)
{
    CentreOfMass c;
    double sr = 0.0, sc = 0.0;
    for (int r = 0; r < rows; ++r)
        for (int col = 0; col < cols; ++col) {
            const double v = values[static_cast<std::size_t>(r * cols + col)];
            c.mass += v;
            sr += v * r;
            sc += v * col;
        }
    if (c.mass > 0) {
        c.row = sr / c.mass;
        c.col = sc / c.mass;
    }
    return c;
}

DigitPixels mnistFromDrawing(std::span<const float> ink, int rows, int cols)
{
    if (rows < 1 || cols < 1)
        throw ValueError("a drawing needs at least 1 x 1 pixels, got " + std::to_string(rows) +
                         " x " + std::to_string(cols));
    if (ink.size() != static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols))
        throw ValueError("a " + std::to_string(rows) + " x " + std::to_string(cols) +
                         " drawing needs " + std::to_string(rows * cols) + " values, got " +
                         std::to_string(ink.size()));
    auto at = [&](int r, int c) {
        return std::clamp(ink[static_cast<std::size_t>(r * cols + c)], 0.0f, 1.0f);
    };

    DigitPixels field{};
    int r0 = rows, r1 = -1, c0 = cols, c1 = -1;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c)
            if (at(r, c) > kPaper) {
                r0 = std::min(r0, r);
                r1 = std::max(r1, r);
                c0 = std::min(c0, c);
                c1 = std::max(c1, c);
            }
    if (r1 < 0) return field;

    // Fit the longer side to 20 pixels; the shorter keeps the aspect ratio (a "1" stays thin).
    const int h = r1 - r0 + 1, w = c1 - c0 + 1;
    const double scale = static_cast<double>(kDigitBox) / std::max(h, w);
    const int th = std::clamp(static_cast<int>(std::lround(h * scale)), 1, kDigitBox);
    const int tw = std::clamp(static_cast<int>(std::lround(w * scale)), 1, kDigitBox);
    const auto rowWeights = boxWeights(h, th), colWeights = boxWeights(w, tw);

    // Separable area averaging: columns first (h x tw), then rows (th x tw).
    std::vector<float> narrow(static_cast<std::size_t>(h) * tw, 0.0f);
    for (int r = 0; r < h; ++r)
        for (int j = 0; j < tw; ++j) {
            const Weights &cw = colWeights[static_cast<std::size_t>(j)];
            float s = 0.0f;
            for (std::size_t k = 0; k < cw.w.size(); ++k)
                s += cw.w[k] * at(r0 + r, c0 + cw.first + static_cast<int>(k));
            narrow[static_cast<std::size_t>(r * tw + j)] = s;
        }
    std::vector<float> box(static_cast<std::size_t>(th) * tw, 0.0f);
    for (int i = 0; i < th; ++i) {
        const Weights &rw = rowWeights[static_cast<std::size_t>(i)];
        for (int j = 0; j < tw; ++j) {
            float s = 0.0f;
            for (std::size_t k = 0; k < rw.w.size(); ++k)
                s += rw.w[k] *
                     narrow[static_cast<std::size_t>((rw.first + static_cast<int>(k)) * tw + j)];
            box[static_cast<std::size_t>(i * tw + j)] = std::clamp(s, 0.0f, 1.0f);
        }
    }

    // Whole-pixel translation of the centre of mass to pixel (14, 14), as MNIST did; a lopsided
    // digit is kept inside the field rather than cut.
    const CentreOfMass com = centreOfMass(box, th, tw);
    const double centre = kDigitSide / 2;
    const int top = std::clamp(static_cast<int>(std::lround(centre - com.row)), 0, kDigitSide - th);
    const int left =
        std::clamp(static_cast<int>(std::lround(centre - com.col)), 0, kDigitSide - tw);
    for (int i = 0; i < th; ++i)
        for (int j = 0; j < tw; ++j)
            field[static_cast<std::size_t>((top + i) * kDigitSide + left + j)] =
                box[static_cast<std::size_t>(i * tw + j)];
    return field;
}

} // namespace core

#include "core/cell/shaperules.h"

#include <algorithm>

namespace core::cell {

std::string compactShape(const Shape &shape)
{
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? "," : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

std::string shapeRepr(const Shape &shape)
{
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

ShapeRule broadcastShapes(const Shape &a, const Shape &b)
{
    const std::size_t n = std::max(a.size(), b.size());
    Shape out(n);
    ShapeRule r;
    for (std::size_t k = 0; k < n; ++k) {
        const std::int64_t da = k < a.size() ? a[a.size() - 1 - k] : 1;
        const std::int64_t db = k < b.size() ? b[b.size() - 1 - k] : 1;
        if (da != db && da != 1 && db != 1) {
            if (r.axisA < 0) {
                r.axisA = static_cast<int>(a.size() - 1 - k);
                r.axisB = static_cast<int>(b.size() - 1 - k);
            }
            continue;
        }
        out[n - 1 - k] = da == 1 ? db : da;
    }
    if (r.axisA >= 0) {
        r.error = "operands could not be broadcast together with shapes " + compactShape(a) + " " +
                  compactShape(b) + " ";
        return r;
    }
    r.shape = std::move(out);
    return r;
}

ShapeRule dotShape(const Shape &a, const Shape &b)
{
    ShapeRule r;
    if (a.empty()) {
        r.shape = b;
        return r;
    }
    if (b.empty()) {
        r.shape = a;
        return r;
    }
    const int ia = static_cast<int>(a.size()) - 1;
    const int ib = b.size() == 1 ? 0 : static_cast<int>(b.size()) - 2;
    if (a[ia] != b[ib]) {
        r.axisA = ia;
        r.axisB = ib;
        r.error = "shapes " + compactShape(a) + " and " + compactShape(b) +
                  " not aligned: " + std::to_string(a[ia]) + " (dim " + std::to_string(ia) +
                  ") != " + std::to_string(b[ib]) + " (dim " + std::to_string(ib) + ")";
        return r;
    }
    Shape out(a.begin(), a.end() - 1);
    for (int i = 0; i < static_cast<int>(b.size()); ++i)
        if (i != ib) out.push_back(b[i]);
    r.shape = std::move(out);
    return r;
}

ShapeRule matmulShape(const Shape &a, const Shape &b)
{
    static const std::string kSignature = "(n?,k),(k,m?)->(n?,m?)";
    ShapeRule r;
    if (a.empty() || b.empty()) {
        const int which = a.empty() ? 0 : 1;
        (which == 0 ? r.axisA : r.axisB) = 0;
        r.error = "matmul: Input operand " + std::to_string(which) +
                  " does not have enough dimensions (has 0, gufunc core with signature " +
                  kSignature + " requires 1)";
        return r;
    }
    const Shape ma = a.size() == 1 ? Shape{1, a[0]} : a;
    const Shape mb = b.size() == 1 ? Shape{b[0], 1} : b;
    const std::int64_t k = ma.back();
    const std::int64_t kb = mb[mb.size() - 2];
    if (k != kb) {
        r.axisA = static_cast<int>(a.size()) - 1;
        r.axisB = b.size() == 1 ? 0 : static_cast<int>(b.size()) - 2;
        r.error = "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                  "signature " +
                  kSignature + " (size " + std::to_string(kb) + " is different from " +
                  std::to_string(k) + ")";
        return r;
    }
    const Shape sa(ma.begin(), ma.end() - 2), sb(mb.begin(), mb.end() - 2);
    ShapeRule stack = broadcastShapes(sa, sb);
    if (!stack.ok()) {
        r.axisA = stack.axisA;
        r.axisB = stack.axisB;
        // NumPy's gufunc message: each operand's loop dimensions, then its two core axes.
        auto remapped = [](const Shape &orig, const Shape &stackPart) {
            std::string s = compactShape(orig) + "->(";
            for (std::size_t i = 0; i < stackPart.size(); ++i)
                s += std::to_string(stackPart[i]) + ",";
            return s + "newaxis,newaxis)";
        };
        r.error = "operands could not be broadcast together with remapped shapes "
                  "[original->remapped]: " +
                  remapped(a, sa) + " " + remapped(b, sb) + "  and requested shape (" +
                  std::to_string(ma[ma.size() - 2]) + "," + std::to_string(mb.back()) + ")";
        return r;
    }
    Shape out = *stack.shape;
    if (a.size() > 1) out.push_back(ma[ma.size() - 2]);
    if (b.size() > 1) out.push_back(mb.back());
    r.shape = std::move(out);
    return r;
}

ShapeRule reshapeShape(std::int64_t size, const Shape &requested)
{
    ShapeRule r;
    int inferred = -1;
    std::int64_t known = 1;
    bool overflow = false;
    for (std::size_t i = 0; i < requested.size(); ++i) {
        if (requested[i] == -1) {
            if (inferred >= 0) {
                r.error = "can only specify one unknown dimension";
                r.axisA = static_cast<int>(i);
                return r;
            }
            inferred = static_cast<int>(i);
        } else if (requested[i] < 0) {
            r.error = "negative dimensions not allowed";
            r.axisA = static_cast<int>(i);
            return r;
        } else if (__builtin_mul_overflow(known, requested[i], &known)) {
            overflow = true; // no array has that many elements (the cell fuzzer's find)
        }
    }
    r.axisA = inferred;
    auto fail = [&] {
        std::string s = "(";
        for (std::size_t i = 0; i < requested.size(); ++i)
            s += (i ? "," : "") +
                 (requested[i] == -1 ? std::string("newaxis") : std::to_string(requested[i]));
        s += requested.size() == 1 ? ",)" : ")";
        r.error = "cannot reshape array of size " + std::to_string(size) + " into shape " + s;
        return r;
    };
    Shape out = requested;
    if (overflow) return fail();
    if (inferred >= 0) {
        if (known == 0 || size % known != 0) return fail();
        out[inferred] = size / known;
    } else if (known != size) {
        return fail();
    }
    r.shape = std::move(out);
    return r;
}

} // namespace core::cell

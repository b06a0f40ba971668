#include "core/cell/naiveloops.h"

#include "core/cell/elementwise.h"
#include "core/cell/value.h"
#include "core/errors.h"
#include "core/tensor/indexing.h"

#include <chrono>
#include <cstring>

namespace core::cell {

namespace {

void checkMatrix(const Tensor &x)
{
    if (x.ndim() != 2 || x.dtype() != DType::Float64)
        throw ValueError("the naive loops take 2-D float64 arrays, as the book's experiment does");
}

// x[i, j] as the engine reads it: a view through basic indexing, as a NumPy scalar.
Value element(const Tensor &x, std::int64_t i, std::int64_t j)
{
    const IndexItem items[] = {i, j};
    return Value::array(index(x, items), true);
}

// x[i, j] = v.
void store(Tensor &x, std::int64_t i, std::int64_t j, const Value &v)
{
    x.mutableData<double>()[i * x.strides()[0] + j * x.strides()[1]] = v.asArray().flatAt(0);
}

template<class F> double secondsOf(int repetitions, F &&f)
{
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repetitions; ++r)
        f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

Tensor naiveRelu(const Tensor &input)
{
    checkMatrix(input);
    Tensor x = input.astype(DType::Float64); // x = x.copy()
    const Value zero = Value::integer(0);
    for (std::int64_t i = 0; i < x.shape()[0]; ++i)
        for (std::int64_t j = 0; j < x.shape()[1]; ++j)
            store(x, i, j, applyBinary(BinaryOp::Maximum, element(x, i, j), zero));
    return x;
}

Tensor naiveAdd(const Tensor &input, const Tensor &y)
{
    checkMatrix(input);
    checkMatrix(y);
    if (input.shape() != y.shape()) throw ValueError("naive_add needs x.shape == y.shape");
    Tensor x = input.astype(DType::Float64);
    for (std::int64_t i = 0; i < x.shape()[0]; ++i)
        for (std::int64_t j = 0; j < x.shape()[1]; ++j)
            store(x, i, j, applyBinary(BinaryOp::Add, element(x, i, j), element(y, i, j)));
    return x;
}

ElementwiseTiming timeElementwise(const Tensor &x, const Tensor &y, int repetitions)
{
    checkMatrix(x);
    ElementwiseTiming t;
    t.repetitions = repetitions;
    const Value vx = Value::array(x), vy = Value::array(y), zero = Value::real(0.0);
    Value vectorised;
    t.vectorisedSeconds = secondsOf(repetitions, [&] {
        vectorised = applyBinary(BinaryOp::Maximum, applyBinary(BinaryOp::Add, vx, vy), zero);
    });
    Tensor naive;
    t.naiveSeconds = secondsOf(repetitions, [&] { naive = naiveRelu(naiveAdd(x, y)); });
    const Tensor a = vectorised.asArray().contiguous();
    const Tensor b = naive.contiguous();
    t.sameResult =
        a.shape() == b.shape() && std::memcmp(a.data<double>(), b.data<double>(), a.nbytes()) == 0;
    return t;
}

} // namespace core::cell

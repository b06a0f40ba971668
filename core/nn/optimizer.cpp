#include "core/nn/optimizer.h"

#include "core/errors.h"

#include <charconv>

namespace core::nn {

namespace {

// Python's repr of a float32 hyperparameter as Keras stores it: 0.001, 0.9, 1e-07.
std::string pyFloat(float v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, r.ptr);
    const auto e = s.find('e');
    if (e != std::string::npos) {
        // C++ writes 1e-07 as "1e-07" already; make sure of two exponent digits like Python.
        std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
        const char sign = exponent[0] == '-' || exponent[0] == '+' ? exponent[0] : '+';
        if (exponent[0] == '-' || exponent[0] == '+') exponent.erase(0, 1);
        while (exponent.size() < 2)
            exponent.insert(0, "0");
        return mantissa + "e" + sign + exponent;
    }
    if (s.find('.') == std::string::npos) s += ".0";
    return s;
}

void requireRange(std::string_view name, float value, float low, bool lowOpen, float high,
                  bool highOpen)
{
    const bool ok = std::isfinite(value) && (lowOpen ? value > low : value >= low) &&
                    (highOpen ? value < high : value <= high);
    if (!ok)
        throw ValueError(std::string(name) + " must be in " + (lowOpen ? "(" : "[") + pyFloat(low) +
                         ", " + pyFloat(high) + (highOpen ? ")" : "]") + ", got " + pyFloat(value));
}

} // namespace

OptimizerConfig OptimizerConfig::rmsprop(float learningRate, float rho, float epsilon)
{
    OptimizerConfig c;
    c.kind = OptimizerKind::RMSprop;
    c.learningRate = learningRate;
    c.rho = rho;
    c.epsilon = epsilon;
    return c;
}

OptimizerConfig OptimizerConfig::sgd(float learningRate, float momentum)
{
    OptimizerConfig c;
    c.kind = OptimizerKind::SGD;
    c.learningRate = learningRate;
    c.momentum = momentum;
    return c;
}

OptimizerConfig OptimizerConfig::adam(float learningRate, float beta1, float beta2, float epsilon)
{
    OptimizerConfig c;
    c.kind = OptimizerKind::Adam;
    c.learningRate = learningRate;
    c.beta1 = beta1;
    c.beta2 = beta2;
    c.epsilon = epsilon;
    return c;
}

OptimizerConfig OptimizerConfig::defaults(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::SGD:
        return sgd();
    case OptimizerKind::Adam:
        return adam();
    case OptimizerKind::RMSprop:
        break;
    }
    return rmsprop();
}

std::string_view OptimizerConfig::name() const
{
    switch (kind) {
    case OptimizerKind::SGD:
        return "sgd";
    case OptimizerKind::Adam:
        return "adam";
    case OptimizerKind::RMSprop:
        break;
    }
    return "rmsprop";
}

std::string OptimizerConfig::describe() const
{
    switch (kind) {
    case OptimizerKind::SGD:
        return "SGD(learning_rate=" + pyFloat(learningRate) + ", momentum=" + pyFloat(momentum) +
               ")";
    case OptimizerKind::Adam:
        return "Adam(learning_rate=" + pyFloat(learningRate) + ", beta_1=" + pyFloat(beta1) +
               ", beta_2=" + pyFloat(beta2) + ", epsilon=" + pyFloat(epsilon) + ")";
    case OptimizerKind::RMSprop:
        break;
    }
    return "RMSprop(learning_rate=" + pyFloat(learningRate) + ", rho=" + pyFloat(rho) +
           ", epsilon=" + pyFloat(epsilon) + ")";
}

void OptimizerConfig::validate() const
{
    if (!(std::isfinite(learningRate) && learningRate > 0.0f))
        throw ValueError("learning_rate must be a positive number, got " + pyFloat(learningRate));
    switch (kind) {
    case OptimizerKind::RMSprop:
        requireRange("rho", rho, 0.0f, false, 1.0f, true);
        requireRange("epsilon", epsilon, 0.0f, true, 1.0f, false);
        break;
    case OptimizerKind::SGD:
        requireRange("momentum", momentum, 0.0f, false, 1.0f, true);
        break;
    case OptimizerKind::Adam:
        requireRange("beta_1", beta1, 0.0f, false, 1.0f, true);
        requireRange("beta_2", beta2, 0.0f, false, 1.0f, true);
        requireRange("epsilon", epsilon, 0.0f, true, 1.0f, false);
        break;
    }
}

std::optional<OptimizerKind> optimizerFromName(std::string_view name)
{
    if (name == "rmsprop") return OptimizerKind::RMSprop;
    if (name == "sgd") return OptimizerKind::SGD;
    if (name == "adam") return OptimizerKind::Adam;
    return std::nullopt;
}

Optimizer::Optimizer(OptimizerConfig config) : m_config(config)
{
    m_config.validate();
}

void Optimizer::reset()
{
    m_iterations = 0;
    m_slot0.fill(0.0f);
    m_slot1.fill(0.0f);
}

void Optimizer::prepare(std::size_t parameterCount)
{
    const bool two = m_config.kind == OptimizerKind::Adam;
    const bool one = m_config.kind != OptimizerKind::SGD || m_config.momentum != 0.0f;
    const std::size_t n0 = one ? parameterCount : 0, n1 = two ? parameterCount : 0;
    if (m_slot0.size() != n0 || m_slot1.size() != n1) {
        m_slot0 = FloatBuffer(n0);
        m_slot1 = FloatBuffer(n1);
        m_iterations = 0;
    }
}

} // namespace core::nn

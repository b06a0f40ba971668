#pragma once
// Optimizers: which rule updates the weights, its hyperparameters, and its per-parameter state.
// The rules themselves, with their papers, are in rmsprop.h, sgd.h and adam.h; the defaults are
// Keras' (keras.optimizers.RMSprop(), SGD(), Adam()).

#include "core/nn/matrix.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core::nn {

enum class OptimizerKind : std::uint8_t { RMSprop, SGD, Adam };

struct OptimizerConfig {
    OptimizerKind kind = OptimizerKind::RMSprop;
    float learningRate = 1e-3f;
    float rho = 0.9f;      // RMSprop: decay of the running average of g²
    float momentum = 0.0f; // SGD
    float beta1 = 0.9f;    // Adam: decay of the first moment
    float beta2 = 0.999f;  // Adam: decay of the second moment
    float epsilon = 1e-7f; // RMSprop and Adam: added to sqrt(v)

    // The book's optimizer (listing 2.3: optimizer="rmsprop").
    static OptimizerConfig rmsprop(float learningRate = 1e-3f, float rho = 0.9f,
                                   float epsilon = 1e-7f);
    static OptimizerConfig sgd(float learningRate = 0.01f, float momentum = 0.0f);
    // The current notebook edition's optimizer (optimizer="adam").
    static OptimizerConfig adam(float learningRate = 1e-3f, float beta1 = 0.9f,
                                float beta2 = 0.999f, float epsilon = 1e-7f);
    // Keras' defaults for a kind.
    static OptimizerConfig defaults(OptimizerKind kind);

    // "rmsprop", "sgd", "adam" (the strings Keras' compile() accepts).
    std::string_view name() const;
    // As Python would construct it: "RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-07)".
    std::string describe() const;
    // Throws ValueError naming the first hyperparameter out of range.
    void validate() const;
};

std::optional<OptimizerKind> optimizerFromName(std::string_view name);

// An optimizer with its state (velocities, moments) for one model's parameters.
class Optimizer {
public:
    explicit Optimizer(OptimizerConfig config = {});

    const OptimizerConfig &config() const { return m_config; }
    // Steps taken (Keras' optimizer.iterations).
    std::int64_t iterations() const { return m_iterations; }
    // Forgets the state: the next step is step 1 again.
    void reset();

    // Engine use. Sizes the state for parameterCount parameters (zeroed when the size changes).
    void prepare(std::size_t parameterCount);
    // Starts a step: counts it, then calls f(rule) with the rule object that reads weights, writes
    // next, and keeps its state here. Returns what f returns.
    template<class F> decltype(auto) step(const float *weights, float *next, F &&f);

private:
    OptimizerConfig m_config;
    std::int64_t m_iterations = 0;
    FloatBuffer m_slot0; // RMSprop velocity, SGD momentum, Adam first moment
    FloatBuffer m_slot1; // Adam second moment
};

} // namespace core::nn

#include "core/nn/adam.h"
#include "core/nn/rmsprop.h"
#include "core/nn/sgd.h"

namespace core::nn {

template<class F> decltype(auto) Optimizer::step(const float *weights, float *next, F &&f)
{
    ++m_iterations;
    const OptimizerConfig &c = m_config;
    switch (c.kind) {
    case OptimizerKind::SGD:
        return f(SgdRule{weights, next, m_slot0.data(), c.learningRate, c.momentum});
    case OptimizerKind::Adam: {
        const auto t = static_cast<float>(m_iterations);
        const float alpha =
            c.learningRate * std::sqrt(1.0f - std::pow(c.beta2, t)) / (1.0f - std::pow(c.beta1, t));
        return f(AdamRule{weights, next, m_slot0.data(), m_slot1.data(), alpha, c.beta1, c.beta2,
                          c.epsilon});
    }
    case OptimizerKind::RMSprop:
        break;
    }
    return f(RmspropRule{weights, next, m_slot0.data(), c.learningRate, c.rho, c.epsilon});
}

} // namespace core::nn

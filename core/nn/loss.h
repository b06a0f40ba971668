#pragma once
// Sparse categorical crossentropy fused with the softmax before it.
//
// Keras computes this loss from the softmax's logits when a model ends in softmax (it unwraps them
// and calls tf.nn.sparse_softmax_cross_entropy_with_logits), so the loss stays finite and exact
// even when the probabilities underflow. The same here, for one sample's logits z and its label y:
//   m = max_k z_k,   loss = log Σ_k exp(z_k - m) - (z_y - m)   (finite for every finite z)
//   ∂loss/∂z_k = softmax(z)_k - [k == y]
// A batch's loss is the mean over its rows, so each row's gradient is scaled by 1 / batch size.

namespace core::nn {

struct RowLoss {
    float loss;    // -log softmax(z)_y
    int predicted; // argmax_k z_k, the first one on ties
};

// z: classes logits of one sample, replaced by softmax(z). label in [0, classes).
// grad (nullptr for none): (softmax(z) - onehot(label)) * gradScale.
RowLoss softmaxCrossEntropy(float *z, int classes, int label, float *grad, float gradScale);

} // namespace core::nn

#pragma once
// Output layers and their losses. The output layer is linear (logits z); each
// LossKind fixes the output activation o(z), the per-point loss and dLoss/dz.
// All arrays are unit-major: z[unit * nb + point].
//
//   kSigmoidCrossEntropy  2 classes, label y in {0, 1} (exactly): o = s(z),
//                         loss = softplus(z) - y z  (= softplus(+-z), from the logit: stable),
//                         dloss/dz = s(z) - y.
//   kSoftmaxCrossEntropy  k classes, label c: o = softmax(z) (activations/softmax.h),
//                         loss = -log_softmax(z)_c = log(sum_i e^{z_i - m}) - (z_c - m), m = max z,
//                         dloss/dz_i = o_i - [i = c].
//   kSquaredError         regression, target t: o = z, loss = (z - t)^2, dloss/dz = 2 (z - t).
//   kTanhHalfSquaredError TensorFlow Playground's output: o = tanh(z), targets +-1
//                         (2 classes: 2y - 1; k classes: +1 for the class, -1 elsewhere;
//                         regression: t itself), loss = 0.5 sum_i (o_i - t_i)^2,
//                         dloss/dz_i = (o_i - t_i)(1 - o_i^2).
//
// Predictions (accuracy): sigmoid: class 1 iff z >= 0; tanh with 2 classes: class 1
// iff o >= 0; k classes: the first largest output.

#include <cmath>
#include <cstddef>
#include <limits>

#include "activations/softmax.h"
#include "math/f64x2.h"
#include "math/fast_activation.h"

namespace ap {

enum class LossKind { kSigmoidCrossEntropy, kSoftmaxCrossEntropy, kSquaredError, kTanhHalfSquaredError };

/// Index of the first largest of z[0], z[ld], ..., z[(k-1) ld].
inline int argmax_strided(const double* z, int k, std::size_t ld) {
  int best = 0;
  double best_value = z[0];
  for (int i = 1; i < k; ++i) {
    if (z[static_cast<std::size_t>(i) * ld] > best_value) {
      best_value = z[static_cast<std::size_t>(i) * ld];
      best = i;
    }
  }
  return best;
}

namespace loss_detail {

using math::fast_detail::sigmoid_core;
using math::fast_detail::softplus_core;
using math::fast_detail::splat;
using math::fast_detail::tanh_core;

// Binary cross-entropy from the logit, softplus((1 - 2y) z), summed over points;
// pairs of points run in two SIMD lanes (summed lane-wise, then the lanes).
inline double sigmoid_cross_entropy_sum(const double* z, const double* y, std::size_t n) {
  const std::size_t pairs_end = n & ~static_cast<std::size_t>(1);
  simd::F64x2 acc = simd::splat(0.0);
  for (std::size_t b = 0; b < pairs_end; b += 2) {
    const simd::F64x2 zb = simd::load(z + b);
    const simd::F64x2 sign = simd::splat(1.0) - (simd::load(y + b) + simd::load(y + b));
    acc = acc + softplus_core(sign * zb);
  }
  double sum = simd::lane0(acc) + simd::lane1(acc);
  if (pairs_end < n) sum += softplus_core((1.0 - (y[pairs_end] + y[pairs_end])) * z[pairs_end]);
  return sum;
}

template <class V>
V sigmoid_delta(V z, V y, V scale) {
  return scale * (sigmoid_core(z) - y);
}

template <class V>
V tanh_half_square(V o, V t) {
  const V d = o - t;
  return splat<V>(0.5) * d * d;
}

template <class V>
V tanh_delta(V o, V t, V scale) {
  return scale * (o - t) * math::tanh_derivative_from_output(o);
}

/// +-1 targets of 2-class labels 0/1 (2y - 1), or regression targets as they are.
template <class V>
V tanh_target(V y, bool classification) {
  return classification ? (y + y) - splat<V>(1.0) : y;
}

}  // namespace loss_detail

inline void output_delta(LossKind kind, bool classification, const double* z, int outputs, int nb,
                         const double* targets, double scale, double* delta);

/// Sum of the loss over the nb points; when `delta` is not null, writes
/// scale * dloss/dz into delta (same layout as z). Adds the number of correctly
/// predicted points to *correct (classification only).
/// `outputs` is 1 except for k-class outputs. Labels/targets are targets[point].
inline double output_loss(LossKind kind, bool classification, const double* z, int outputs, int nb,
                          const double* targets, double scale, double* delta, int* correct) {
  const std::size_t n = static_cast<std::size_t>(nb);
  double sum = 0;
  int right = 0;
  switch (kind) {
    case LossKind::kSigmoidCrossEntropy:
      sum = loss_detail::sigmoid_cross_entropy_sum(z, targets, n);
      for (std::size_t b = 0; b < n; ++b) right += ((z[b] >= 0) == (targets[b] > 0.5)) ? 1 : 0;
      if (delta) output_delta(kind, classification, z, outputs, nb, targets, scale, delta);
      break;
    case LossKind::kSoftmaxCrossEntropy:
      for (std::size_t b = 0; b < n; ++b) {
        const std::size_t k = static_cast<std::size_t>(outputs);
        const int c = static_cast<int>(targets[b]);
        const double* zb = z + b;
        // softmax_terms<false> without writing the probabilities: they are needed only for the
        // delta, where they are recomputed in the pass that writes it. A NaN logit makes the
        // loss NaN through the exponentials (the trainer then reports divergence).
        const std::size_t top = static_cast<std::size_t>(argmax_strided(zb, outputs, n));
        const double rest = softmax_detail::rest_sum<false>(zb, k, n, top, nullptr);
        const SoftmaxTerms terms{top, math::fast_log1p(rest)};
        sum -= log_softmax_at<false>(zb, n, terms, static_cast<std::size_t>(c));
        if (delta) {
          const double inv = 1.0 / (1.0 + rest);
          const double m = zb[top * n];
          for (std::size_t i = 0; i < k; ++i) {
            const double p = i == top ? inv : softmax_detail::exp_of_diff<false>(zb[i * n], m) * inv;
            delta[i * n + b] = scale * (p - (static_cast<int>(i) == c ? 1.0 : 0.0));
          }
        }
        right += static_cast<int>(top) == c ? 1 : 0;
      }
      break;
    case LossKind::kSquaredError:
      for (std::size_t b = 0; b < n; ++b) {
        const double d = z[b] - targets[b];
        sum += d * d;
        if (delta) delta[b] = scale * 2.0 * d;
      }
      break;
    case LossKind::kTanhHalfSquaredError:
      if (outputs == 1) {
        const std::size_t pairs_end = n & ~static_cast<std::size_t>(1);
        simd::F64x2 acc = simd::splat(0.0);
        for (std::size_t b = 0; b < pairs_end; b += 2) {
          const simd::F64x2 t = loss_detail::tanh_target(simd::load(targets + b), classification);
          acc = acc + loss_detail::tanh_half_square(loss_detail::tanh_core(simd::load(z + b)), t);
        }
        sum = simd::lane0(acc) + simd::lane1(acc);
        if (pairs_end < n) {
          const double t = loss_detail::tanh_target(targets[pairs_end], classification);
          sum += loss_detail::tanh_half_square(math::fast_tanh(z[pairs_end]), t);
        }
        // tanh(z) >= 0 exactly when z >= 0.
        for (std::size_t b = 0; b < n; ++b) right += ((z[b] >= 0) == (targets[b] > 0.5)) ? 1 : 0;
        if (delta) output_delta(kind, classification, z, outputs, nb, targets, scale, delta);
      } else {
        for (std::size_t b = 0; b < n; ++b) {
          const int c = static_cast<int>(targets[b]);
          for (int i = 0; i < outputs; ++i) {
            const std::size_t e = static_cast<std::size_t>(i) * n + b;
            const double o = math::fast_tanh(z[e]);
            const double d = o - (i == c ? 1.0 : -1.0);
            sum += 0.5 * d * d;
            if (delta) delta[e] = scale * d * math::tanh_derivative_from_output(o);
          }
          right += argmax_strided(z + b, outputs, n) == c ? 1 : 0;
        }
      }
      break;
  }
  if (correct) *correct += classification ? right : 0;
  return sum;
}

/// Only the delta of output_loss (training does not need the loss value):
/// delta = scale * dloss/dz, same layout as z.
inline void output_delta(LossKind kind, bool classification, const double* z, int outputs, int nb,
                         const double* targets, double scale, double* delta) {
  const std::size_t n = static_cast<std::size_t>(nb);
  switch (kind) {
    case LossKind::kSigmoidCrossEntropy: {
      const std::size_t pairs_end = n & ~static_cast<std::size_t>(1);
      const simd::F64x2 s2 = simd::splat(scale);
      for (std::size_t b = 0; b < pairs_end; b += 2) {
        simd::store(delta + b, loss_detail::sigmoid_delta(simd::load(z + b), simd::load(targets + b), s2));
      }
      if (pairs_end < n) delta[pairs_end] = loss_detail::sigmoid_delta(z[pairs_end], targets[pairs_end], scale);
      return;
    }
    case LossKind::kSquaredError:
      for (std::size_t b = 0; b < n; ++b) delta[b] = scale * 2.0 * (z[b] - targets[b]);
      return;
    case LossKind::kTanhHalfSquaredError:
      if (outputs == 1) {
        const std::size_t pairs_end = n & ~static_cast<std::size_t>(1);
        const simd::F64x2 s2 = simd::splat(scale);
        for (std::size_t b = 0; b < pairs_end; b += 2) {
          const simd::F64x2 t = loss_detail::tanh_target(simd::load(targets + b), classification);
          simd::store(delta + b, loss_detail::tanh_delta(loss_detail::tanh_core(simd::load(z + b)), t, s2));
        }
        if (pairs_end < n) {
          const double t = loss_detail::tanh_target(targets[pairs_end], classification);
          delta[pairs_end] = loss_detail::tanh_delta(math::fast_tanh(z[pairs_end]), t, scale);
        }
        return;
      }
      break;
    case LossKind::kSoftmaxCrossEntropy:
      break;
  }
  output_loss(kind, classification, z, outputs, nb, targets, scale, delta, nullptr);
}

/// The output activation o(z) into out (same layout as z).
inline void output_activation(LossKind kind, const double* z, int outputs, int nb, double* out) {
  const std::size_t n = static_cast<std::size_t>(nb);
  const std::size_t total = n * static_cast<std::size_t>(outputs);
  switch (kind) {
    case LossKind::kSigmoidCrossEntropy:
      math::fast_sigmoid_n(z, out, total);
      break;
    case LossKind::kSoftmaxCrossEntropy:
      for (std::size_t b = 0; b < n; ++b) softmax(z + b, out + b, static_cast<std::size_t>(outputs), n);
      break;
    case LossKind::kSquaredError:
      for (std::size_t e = 0; e < total; ++e) out[e] = z[e];
      break;
    case LossKind::kTanhHalfSquaredError:
      math::fast_tanh_n(z, out, total);
      break;
  }
}

/// do/dz of the output activation, element by element (softmax: the diagonal
/// o_i (1 - o_i) of its Jacobian), given o = output_activation(z).
inline double output_activation_derivative(LossKind kind, double o) {
  switch (kind) {
    case LossKind::kSigmoidCrossEntropy:
    case LossKind::kSoftmaxCrossEntropy:
      return math::sigmoid_derivative_from_output(o);
    case LossKind::kSquaredError:
      return 1.0;
    case LossKind::kTanhHalfSquaredError:
      return math::tanh_derivative_from_output(o);
  }
  return 1.0;
}

}  // namespace ap

#pragma once
// Per-layer diagnostics, computed on demand by forward (and backward) passes over
// the training points in evaluation mode. One entry per hidden layer, then one
// for the output layer (whose "activation" is the output activation o(z)):
//   preActMean/Std, actMean/Std: population mean / standard deviation over all
//     (point, unit) pairs (maxout: pre-activations of every piece);
//   deadFraction: units whose derivative is 0 at every training point;
//   saturatedFraction: units with |f'| < 0.01 on at least 90% of the points;
//   sameSignFraction: share of (point, unit) pairs whose incoming weight
//     gradients delta_j * input_i are all of one sign (some non-zero): the
//     zig-zag of gradient descent when a layer's inputs are all positive;
//   histogram: 20 equal bins of the activations between their min and max.
// gradNorm = sqrt(mean over the last epoch's mini-batches of |dL/dW|^2), the L2
// norm of the layer's weight gradient of the batch's mean data loss (without the
// regularisation term); the training loop accumulates it and passes it in.

#include <cstddef>
#include <vector>

#include "train/network.h"
#include "train/trainer_types.h"

namespace ap {

inline constexpr int kHistogramBins = 20;
inline constexpr double kSaturatedDerivative = 0.01;
inline constexpr double kSaturatedShare = 0.9;

/// x holds the n training points feature-major (x[i * n + point]); targets[point].
/// grad_norms has one value per layer (hidden layers, then the output layer).
std::vector<LayerStats> compute_layer_stats(const Network& network, const double* x, int n, const double* targets,
                                            const std::vector<double>& grad_norms);

}  // namespace ap

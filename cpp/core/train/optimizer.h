#pragma once
// Gradient-descent optimizers over the network's flat parameter vector, with L1/L2
// regularisation of the weight prefix folded into the gradient:
//   g' = g + rate * w (L2, penalty rate * sum w^2 / 2) or g + rate * sign(w) (L1,
//   penalty rate * sum |w|); biases and activation parameters are not regularised.
//   sgd:       p -= lr g'
//   momentum:  v = 0.9 v + g';  p -= lr v
//   adam:      m = 0.9 m + 0.1 g';  s = 0.999 s + 0.001 g'^2;
//              p -= lr (m / (1 - 0.9^t)) / (sqrt(s / (1 - 0.999^t)) + 1e-8)
// Switching the kind (a live update) restarts the optimizer's state from zero.

#include <cstddef>
#include <vector>

#include "train/config_types.h"

namespace ap {

class Optimizer {
 public:
  static constexpr double kMomentum = 0.9;
  static constexpr double kBeta1 = 0.9;
  static constexpr double kBeta2 = 0.999;
  static constexpr double kEpsilon = 1e-8;

  /// Prepares state for n parameters (allocates here, never in step()).
  Optimizer(OptimizerKind kind, std::size_t n);

  OptimizerKind kind() const { return kind_; }
  /// Switches the algorithm; the state restarts unless the kind is unchanged.
  void set_kind(OptimizerKind kind);

  /// One update of p[0, n) from gradient g; the first `regularized` entries are
  /// weights and get the regularisation term.
  void step(double* p, const double* g, std::size_t regularized, RegularizationKind reg, double reg_rate,
            double learning_rate);

 private:
  OptimizerKind kind_;
  std::size_t n_;
  std::vector<double> m_, v_;  // momentum velocity in m_; Adam's first and second moments
  double beta1_power_ = 1, beta2_power_ = 1;
};

/// dPenalty/dw for one weight.
inline double regularization_gradient(RegularizationKind kind, double rate, double w) {
  switch (kind) {
    case RegularizationKind::kNone:
      return 0;
    case RegularizationKind::kL1:
      return w > 0 ? rate : (w < 0 ? -rate : 0.0);
    case RegularizationKind::kL2:
      return rate * w;
  }
  return 0;
}

}  // namespace ap

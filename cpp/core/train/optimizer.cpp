#include "train/optimizer.h"

#include <algorithm>
#include <cmath>

namespace ap {

Optimizer::Optimizer(OptimizerKind kind, std::size_t n) : kind_(kind), n_(n), m_(n, 0.0), v_(n, 0.0) {}

void Optimizer::set_kind(OptimizerKind kind) {
  if (kind == kind_) return;
  kind_ = kind;
  std::fill(m_.begin(), m_.end(), 0.0);
  std::fill(v_.begin(), v_.end(), 0.0);
  beta1_power_ = 1;
  beta2_power_ = 1;
}

void Optimizer::step(double* p, const double* g, std::size_t regularized, RegularizationKind reg, double reg_rate,
                     double learning_rate) {
  const bool with_reg = reg != RegularizationKind::kNone && reg_rate != 0;
  const auto grad = [&](std::size_t k) {
    return with_reg && k < regularized ? g[k] + regularization_gradient(reg, reg_rate, p[k]) : g[k];
  };
  switch (kind_) {
    case OptimizerKind::kSgd:
      if (!with_reg) {
        for (std::size_t k = 0; k < n_; ++k) p[k] -= learning_rate * g[k];
      } else {
        for (std::size_t k = 0; k < n_; ++k) p[k] -= learning_rate * grad(k);
      }
      return;
    case OptimizerKind::kMomentum:
      for (std::size_t k = 0; k < n_; ++k) {
        m_[k] = kMomentum * m_[k] + grad(k);
        p[k] -= learning_rate * m_[k];
      }
      return;
    case OptimizerKind::kAdam: {
      beta1_power_ *= kBeta1;
      beta2_power_ *= kBeta2;
      const double c1 = 1.0 / (1.0 - beta1_power_);
      const double c2 = 1.0 / (1.0 - beta2_power_);
      for (std::size_t k = 0; k < n_; ++k) {
        const double gk = grad(k);
        m_[k] = kBeta1 * m_[k] + (1.0 - kBeta1) * gk;
        v_[k] = kBeta2 * v_[k] + (1.0 - kBeta2) * gk * gk;
        p[k] -= learning_rate * (m_[k] * c1) / (std::sqrt(v_[k] * c2) + kEpsilon);
      }
      return;
    }
  }
}

}  // namespace ap

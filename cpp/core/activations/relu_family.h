#pragma once
// Rectifiers: ReLU, ReLU6, leaky ReLU, PReLU, RReLU (evaluation mode), ELU, CELU.
// Kink conventions follow PyTorch's backward kernels (tests/reference
// meta.conventions): f'(0) takes the x <= 0 branch.

#include "activations/policy.h"

namespace ap::policy {

/// max(0, x); f'(x) = 1 for x > 0, else 0 (f'(0) = 0).
struct Relu {
  static constexpr const char* kName = "relu";
  static constexpr const char* kLabel = "ReLU";
  static constexpr const char* kFormula = "f(x) = \\max(0, x)";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return {"relu-family", 0.0, kInf, true, Smoothness::kC0, false, kHard, kNone};
  }
  static Frameworks frameworks() {
    return {"nn.ReLU()", "activation=\"relu\"", "tf.layers.activation({activation: 'relu'})"};
  }
  // x < 0 ? 0 : x lets NaN through (the comparison is false).
  static double value(double x, const ParamValues&) { return x < 0 ? 0.0 : x; }
  static double derivative(double x, double, const ParamValues&) {
    return keep_nan(x, x > 0 ? 1.0 : 0.0);
  }
};

}  // namespace ap::policy

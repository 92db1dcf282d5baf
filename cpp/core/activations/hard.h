#pragma once
// Piecewise-linear "hard" approximations: hard sigmoid (PyTorch / Keras 3 and
// Keras 2 variants), hardtanh and hard swish. Derivatives at the breakpoints
// follow the framework each variant comes from (tests/reference meta.conventions).

#include <stdexcept>

#include "activations/policy.h"

namespace ap::policy {

/// relu6(x + 3) / 6; f'(x) = 1/6 on the OPEN interval (-3, 3), else 0
/// (PyTorch hardsigmoid_backward).
struct Hardsigmoid {
  static constexpr const char* kName = "hardsigmoid";
  static constexpr const char* kLabel = "Hard sigmoid";
  static constexpr const char* kFormula = "f(x) = \\frac{\\min(\\max(x + 3, 0), 6)}{6}";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} \\frac{1}{6} & -3 < x < 3 \\\\ 0 & \\text{otherwise} \\end{cases}";
  static std::vector<ParamSpec> params() { return {}; }
  static std::vector<double> kinks(const ParamValues&) { return {-3.0, 3.0}; }
  static Properties properties() {
    return Properties::of_group("hard").range(0.0, 1.0).monotone().continuity(Smoothness::kC0).saturates(kHard, kHard);
  }
  static Frameworks frameworks() { return {"nn.Hardsigmoid()", "activation=\"hard_sigmoid\"  # Keras 3", ""}; }
  static double value(double x, const ParamValues&) {
    if (x <= -3) return 0.0;
    if (x >= 3) return 1.0;
    // x + 3 is exact near the lower breakpoint (Sterbenz), so the small values
    // there keep full relative accuracy.
    return (x + 3.0) / 6.0;
  }
  static double derivative(double x, double, const ParamValues&) {
    return keep_nan(x, x > -3 && x < 3 ? 1.0 / 6.0 : 0.0);
  }
};

/// Keras 2 / TF.js hard sigmoid: clip(0.2 x + 0.5, 0, 1) with 0.2 the exact
/// decimal, so the breakpoints are exactly ±2.5; f'(x) = 0.2 on the CLOSED
/// interval [-2.5, 2.5] (tf.clip_by_value's tie rule), else 0.
struct HardsigmoidKeras2 {
  static constexpr const char* kName = "hardsigmoid_keras2";
  static constexpr const char* kLabel = "Hard sigmoid (Keras 2)";
  static constexpr const char* kFormula = "f(x) = \\min(\\max(0.2\\,x + 0.5, 0), 1)";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} 0.2 & -2.5 \\le x \\le 2.5 \\\\ 0 & \\text{otherwise} \\end{cases}";
  static std::vector<ParamSpec> params() { return {}; }
  static std::vector<double> kinks(const ParamValues&) { return {-2.5, 2.5}; }
  static Properties properties() {
    return Properties::of_group("hard").range(0.0, 1.0).monotone().continuity(Smoothness::kC0).saturates(kHard, kHard);
  }
  static Frameworks frameworks() {
    return {"", "activation=\"hard_sigmoid\"  # Keras 2 / tf.keras <= 2.15",
            "tf.layers.activation({activation: 'hardSigmoid'})"};
  }
  static double value(double x, const ParamValues&) {
    if (x < -2.5) return 0.0;
    if (x > 2.5) return 1.0;
    // (2x + 5) / 10 uses the exact decimal 0.2: 2x is exact, 2x + 5 is exact
    // near -2.5, and only two roundings remain.
    return (2.0 * x + 5.0) / 10.0;
  }
  static double derivative(double x, double, const ParamValues&) {
    return keep_nan(x, x >= -2.5 && x <= 2.5 ? 0.2 : 0.0);
  }
};

/// clip(x, min_val, max_val); f'(x) = 1 on the OPEN interval (min_val, max_val),
/// 0 at and beyond the bounds (PyTorch hardtanh_backward).
struct Hardtanh {
  static constexpr const char* kName = "hardtanh";
  static constexpr const char* kLabel = "Hardtanh";
  static constexpr const char* kFormula = "f(x) = \\min(\\max(x, a), b)";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} 1 & a < x < b \\\\ 0 & \\text{otherwise} \\end{cases}";
  // min_val, max_val in [-10, 10] with min_val < max_val (PyTorch's
  // constraint): wide enough for every plotted window, and clipping bounds
  // beyond ±10 make the function the identity on any realistic input.
  static std::vector<ParamSpec> params() {
    return {ParamSpec("min_val").with_default(-1.0).in(-10.0, 10.0),
            ParamSpec("max_val").with_default(1.0).in(-10.0, 10.0)};
  }
  static void check(const ParamValues& p) {
    if (!(p[0] < p[1])) throw_parameter_order(kName, params(), "<", p);
  }
  static std::vector<double> kinks(const ParamValues& p) { return {p[0], p[1]}; }
  static Properties properties() {
    return Properties::of_group("hard")
        .range(-1.0, 1.0)
        .monotone()
        .continuity(Smoothness::kC0)
        .centred()
        .saturates(kHard, kHard);
  }
  static Frameworks frameworks() { return {"nn.Hardtanh()", "activation=\"hard_tanh\"", ""}; }
  static double value(double x, const ParamValues& p) {
    if (x < p[0]) return p[0];
    if (x > p[1]) return p[1];
    return x;
  }
  static double derivative(double x, double, const ParamValues& p) {
    return keep_nan(x, x > p[0] && x < p[1] ? 1.0 : 0.0);
  }
};

/// x relu6(x + 3) / 6; f'(x) = 0 for x < -3, x/3 + 1/2 on [-3, 3], 1 for x > 3
/// (PyTorch hardswish_backward: the inner formula holds at both breakpoints, so
/// f'(-3) = -1/2 and f'(3) = 3/2).
struct Hardswish {
  static constexpr const char* kName = "hardswish";
  static constexpr const char* kLabel = "Hard swish";
  static constexpr const char* kFormula = "f(x) = x\\,\\frac{\\min(\\max(x + 3, 0), 6)}{6}";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} 0 & x < -3 \\\\ \\frac{x}{3} + \\frac{1}{2} & -3 \\le x \\le 3 "
      "\\\\ 1 & x > 3 \\end{cases}";
  static std::vector<ParamSpec> params() { return {}; }
  static std::vector<double> kinks(const ParamValues&) { return {-3.0, 3.0}; }
  static Properties properties() {
    return Properties::of_group("hard").range(-0.375, kInf).continuity(Smoothness::kC0).saturates(kHard, kNone);
  }
  static Frameworks frameworks() { return {"nn.Hardswish()", "activation=\"hard_silu\"", ""}; }
  static double value(double x, const ParamValues&) {
    if (x <= -3) return 0.0;
    if (x >= 3) return x;
    return x * (x + 3.0) / 6.0;
  }
  static double derivative(double x, double, const ParamValues&) {
    if (x < -3) return 0.0;
    if (x > 3) return 1.0;
    return x / 3.0 + 0.5;
  }
};

}  // namespace ap::policy

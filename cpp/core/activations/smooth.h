#pragma once
// Smooth non-gated activations: softplus, softsign, log-sigmoid, tanhshrink.

#include "activations/policy.h"

namespace ap::policy {

/// PyTorch softplus: beta x > threshold ? x : log(1 + e^{beta x}) / beta;
/// f'(x) = beta x > threshold ? 1 : s(beta x). The comparison is strict, so at
/// beta x == threshold the smooth branch is used. threshold = +inf gives the exact
/// softplus of Keras / TensorFlow / TF.js.
struct Softplus {
  static constexpr const char* kName = "softplus";
  static constexpr const char* kLabel = "Softplus";
  static constexpr const char* kFormula =
      "f(x) = \\begin{cases} \\frac{1}{\\beta}\\log(1 + e^{\\beta x}) & \\beta x \\le t \\\\ x & "
      "\\beta x > t \\end{cases}";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} \\sigma(\\beta x) & \\beta x \\le t \\\\ 1 & \\beta x > t "
      "\\end{cases}";
  // beta in [0.01, 100]: beta must be > 0 (it divides); at 0.01 the curve is a
  // nearly flat log(2)/beta offset line over any plotted window, and at 100 it
  // is ReLU to within 0.007. threshold in [0, +inf]: +inf switches the linear
  // cut-off off; below 0 the cut-off would replace the curve where it is not
  // yet close to x.
  static std::vector<ParamSpec> params() {
    return {ParamSpec("beta").with_default(1.0).in(0.01, 100.0),
            ParamSpec("threshold").with_default(20.0).in(0.0, kInf)};
  }
  /// The linear cut-off at beta x = threshold (f jumps by log1p(e^{-t}) / beta).
  static std::vector<double> kinks(const ParamValues& p) {
    if (!std::isfinite(p[1])) return {};
    return {p[1] / p[0]};
  }
  static Properties properties() {
    // At the PyTorch defaults the linear cut-off leaves a jump of
    // log1p(e^{-20}) = 2.06e-9 at x = 20 (tabulated as a kink in the reference),
    // so the function as computed is, strictly, discontinuous there.
    return Properties::of_group("smooth")
        .range(0.0, kInf)
        .monotone()
        .continuity(Smoothness::kDiscontinuous)
        .saturates(kSoft, kNone);
  }
  static Frameworks frameworks() {
    return {"nn.Softplus()", "activation=\"softplus\"", "tf.layers.activation({activation: 'softplus'})"};
  }
  static double value(double x, const ParamValues& p) {
    const double bx = p[0] * x;
    if (bx > p[1]) return x;
    return math::softplus(bx) / p[0];
  }
  static double derivative(double x, double, const ParamValues& p) {
    const double bx = p[0] * x;
    if (bx > p[1]) return 1.0;
    return math::sigmoid(bx);
  }
};

/// x / (1 + |x|); f'(x) = 1 / (1 + |x|)^2.
struct Softsign {
  static constexpr const char* kName = "softsign";
  static constexpr const char* kLabel = "Softsign";
  static constexpr const char* kFormula = "f(x) = \\frac{x}{1 + |x|}";
  static constexpr const char* kDerivativeFormula = "f'(x) = \\frac{1}{(1 + |x|)^2}";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("smooth")
        .range(-1.0, 1.0)
        .monotone()
        .continuity(Smoothness::kC1)
        .centred()
        .saturates(kSoft, kSoft);
  }
  static Frameworks frameworks() {
    return {"nn.Softsign()", "activation=\"softsign\"", "tf.layers.activation({activation: 'softsign'})"};
  }
  static double value(double x, const ParamValues&) {
    if (std::isinf(x)) return std::copysign(1.0, x);  // inf / inf would be NaN
    return x / (1.0 + std::fabs(x));
  }
  static double derivative(double x, double, const ParamValues&) {
    const double d = 1.0 + std::fabs(x);
    return 1.0 / (d * d);
  }
};

/// log s(x) = -softplus(-x) = min(x, 0) - log(1 + e^{-|x|}); f'(x) = s(-x).
struct Logsigmoid {
  static constexpr const char* kName = "logsigmoid";
  static constexpr const char* kLabel = "Log-sigmoid";
  static constexpr const char* kFormula = "f(x) = \\log \\sigma(x) = -\\log(1 + e^{-x})";
  static constexpr const char* kDerivativeFormula = "f'(x) = \\sigma(-x) = 1 - \\sigma(x)";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("smooth")
        .range(-kInf, 0.0)
        .monotone()
        .continuity(Smoothness::kCInf)
        .saturates(kNone, kSoft);
  }
  static Frameworks frameworks() { return {"nn.LogSigmoid()", "activation=\"log_sigmoid\"", ""}; }
  static double value(double x, const ParamValues&) { return math::log_sigmoid(x); }
  static double derivative(double x, double, const ParamValues&) { return math::sigmoid(-x); }
};

/// x - tanh(x); f'(x) = tanh^2(x).
struct Tanhshrink {
  static constexpr const char* kName = "tanhshrink";
  static constexpr const char* kLabel = "Tanhshrink";
  static constexpr const char* kFormula = "f(x) = x - \\tanh(x)";
  static constexpr const char* kDerivativeFormula = "f'(x) = \\tanh^2(x)";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("smooth").range(-kInf, kInf).monotone().continuity(Smoothness::kCInf).centred();
  }
  static Frameworks frameworks() { return {"nn.Tanhshrink()", "activation=\"tanh_shrink\"", ""}; }
  static double value(double x, const ParamValues&) {
    if (std::fabs(x) < 2.0) {
      // x - tanh x cancels catastrophically for small |x| (the true value is
      // ~x^3/3). Lambert's continued fraction tanh x = x / (1 + g) with
      // g = x^2 / (3 + x^2 / (5 + x^2 / (7 + ...))) gives x - tanh x = x g / (1 + g):
      // every term is positive, so there is no cancellation at all. Twelve levels
      // leave a truncation error below 1e-20 (relative) for |x| < 2.
      const double x2 = x * x;
      double g = x2 / 25.0;
      for (int k = 11; k >= 1; --k) g = x2 / (2 * k + 1 + g);
      return x * g / (1.0 + g);
    }
    // For |x| >= 2, |tanh x| < 0.49 |x|: the subtraction cannot cancel.
    return x - std::tanh(x);
  }
  static double derivative(double x, double, const ParamValues&) {
    const double t = std::tanh(x);
    return t * t;
  }
};

}  // namespace ap::policy

#pragma once
// Classic activations: identity, binary step, sigmoid, tanh and the scaled sigmoid.

#include <algorithm>

#include "activations/policy.h"
#include "math/display_activation.h"
#include "math/fast_activation.h"

namespace ap::policy {

/// f(x) = x, f'(x) = 1.
struct Identity {
  static constexpr const char* kName = "identity";
  static constexpr const char* kLabel = "Identity";
  static constexpr const char* kFormula = "f(x) = x";
  static constexpr const char* kDerivativeFormula = "f'(x) = 1";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("classic").range(-kInf, kInf).monotone().continuity(Smoothness::kCInf).centred();
  }
  static Frameworks frameworks() {
    return {"nn.Identity()", "activation=\"linear\"", "tf.layers.activation({activation: 'linear'})"};
  }
  static double value(double x, const ParamValues&) { return x; }
  static double derivative(double x, double, const ParamValues&) { return keep_nan(x, 1.0); }
  /// Training passes the gradient through untouched, NaN input or not.
  static double training_derivative(double, double, const ParamValues&) { return 1.0; }
  static void display_forward(const float* x, float* y, std::size_t n) { std::copy_n(x, n, y); }
};

/// Heaviside step H(x): 1 for x > 0, 0 for x < 0, value_at_zero at x = 0.
/// f'(x) = 0 everywhere, including x = 0 (TF.js Step gradient; the true
/// derivative at 0 is a Dirac delta, which no framework propagates).
struct BinaryStep {
  static constexpr const char* kName = "binary_step";
  static constexpr const char* kLabel = "Binary step";
  static constexpr const char* kFormula =
      "f(x) = \\begin{cases} 1 & x > 0 \\\\ v_0 & x = 0 \\\\ 0 & x < 0 \\end{cases}";
  static constexpr const char* kDerivativeFormula = "f'(x) = 0 \\quad \\text{(also taken as 0 at } x = 0\\text{)}";
  // value_at_zero: any value in [0, 1] is a convention in use (TF.js step's
  // alpha = 0, torch.heaviside / numpy 0.5); outside [0, 1] it stops being a step.
  static std::vector<ParamSpec> params() { return {ParamSpec("value_at_zero").with_default(0.0).in(0.0, 1.0)}; }
  static std::vector<double> kinks(const ParamValues&) { return {0.0}; }
  static Properties properties() {
    return Properties::of_group("classic")
        .range(0.0, 1.0)
        .monotone()
        .continuity(Smoothness::kDiscontinuous)
        .saturates(kHard, kHard);
  }
  static Frameworks frameworks() { return {"", "", ""}; }
  static double value(double x, const ParamValues& p) {
    if (x > 0) return 1.0;
    if (x < 0) return 0.0;
    return x == 0 ? p[0] : x;
  }
  static double derivative(double x, double, const ParamValues&) { return keep_nan(x, 0.0); }
};

/// s(x) = 1 / (1 + e^{-x}); f'(x) = s(x) s(-x).
struct Sigmoid {
  static constexpr const char* kName = "sigmoid";
  static constexpr const char* kLabel = "Sigmoid";
  static constexpr const char* kFormula = "\\sigma(x) = \\frac{1}{1 + e^{-x}}";
  static constexpr const char* kDerivativeFormula = "\\sigma'(x) = \\sigma(x)\\,(1 - \\sigma(x))";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("classic")
        .range(0.0, 1.0)
        .monotone()
        .continuity(Smoothness::kCInf)
        .saturates(kSoft, kSoft);
  }
  static Frameworks frameworks() {
    return {"nn.Sigmoid()", "activation=\"sigmoid\"", "tf.layers.activation({activation: 'sigmoid'})"};
  }
  static double value(double x, const ParamValues&) { return math::sigmoid(x); }
  /// The trainer's kernel: libm-free and vectorised, within 2.5 ulp (fast_activation.h).
  static void training_forward(const double* x, double* y, std::size_t n, const KernelContext&) {
    math::fast_sigmoid_n(x, y, n);
  }
  static double derivative(double x, double, const ParamValues&) { return math::sigmoid_derivative(x); }
  static double training_derivative(double, double y, const ParamValues&) {
    return math::sigmoid_derivative_from_output(y);
  }
  /// Grids: float32, <= 2.5 float ulp (display_activation.h).
  static void display_forward(const float* x, float* y, std::size_t n) { math::display_sigmoid_n(x, y, n); }
};

/// tanh(x); f'(x) = sech^2(x) = 1 - tanh^2(x).
struct Tanh {
  static constexpr const char* kName = "tanh";
  static constexpr const char* kLabel = "Tanh";
  static constexpr const char* kFormula = "f(x) = \\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}";
  static constexpr const char* kDerivativeFormula = "f'(x) = 1 - \\tanh^2(x)";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("classic")
        .range(-1.0, 1.0)
        .monotone()
        .continuity(Smoothness::kCInf)
        .centred()
        .saturates(kSoft, kSoft);
  }
  static Frameworks frameworks() {
    return {"nn.Tanh()", "activation=\"tanh\"", "tf.layers.activation({activation: 'tanh'})"};
  }
  static double value(double x, const ParamValues&) { return std::tanh(x); }
  /// The trainer's kernel: libm-free and vectorised, within 2.5 ulp (fast_activation.h).
  static void training_forward(const double* x, double* y, std::size_t n, const KernelContext&) {
    math::fast_tanh_n(x, y, n);
  }
  static double training_derivative(double, double y, const ParamValues&) {
    return math::tanh_derivative_from_output(y);
  }
  /// Grids: float32, <= 2.5 float ulp (display_activation.h).
  static void display_forward(const float* x, float* y, std::size_t n) { math::display_tanh_n(x, y, n); }
  static double derivative(double x, double y, const ParamValues&) {
    // 1 - y^2 is exact enough while |y| <= 1/2 (no cancellation); beyond that
    // sech^2 from e^{-2|x|} keeps the small tail accurate.
    if (std::fabs(y) <= 0.5) return (1.0 - y) * (1.0 + y);
    return math::sech2(x);
  }
};

/// 4 s(x) - 2 = 2 tanh(x / 2), range (-2, 2); f'(x) = 4 s(x) s(-x).
struct ScaledSigmoid {
  static constexpr const char* kName = "scaled_sigmoid";
  static constexpr const char* kLabel = "Scaled sigmoid";
  static constexpr const char* kFormula = "f(x) = 4\\,\\sigma(x) - 2 = 2\\tanh(x/2)";
  static constexpr const char* kDerivativeFormula = "f'(x) = 4\\,\\sigma(x)\\,(1 - \\sigma(x))";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("classic")
        .range(-2.0, 2.0)
        .monotone()
        .continuity(Smoothness::kCInf)
        .centred()
        .saturates(kSoft, kSoft);
  }
  static Frameworks frameworks() { return {"", "", ""}; }
  // 2 tanh(x/2) avoids the cancellation of 4 s(x) - 2 near 0; x/2 is exact.
  static double value(double x, const ParamValues&) { return 2.0 * std::tanh(0.5 * x); }
  static double derivative(double x, double, const ParamValues&) { return 4.0 * math::sigmoid_derivative(x); }
};

}  // namespace ap::policy

#pragma once
// Rectifiers: ReLU, ReLU6, leaky ReLU, PReLU, RReLU (evaluation mode), ELU, CELU.
// Kink conventions follow PyTorch's backward kernels (tests/reference
// meta.conventions): at x = 0 the derivative takes the x <= 0 branch, and ReLU6's
// derivative is 0 at both ends of [0, 6].

#include <stdexcept>

#include "activations/policy.h"
#include "train/random.h"

namespace ap::policy {

/// max(0, x); f'(x) = 1 for x > 0, else 0 (f'(0) = 0).
struct Relu {
  static constexpr const char* kName = "relu";
  static constexpr const char* kLabel = "ReLU";
  static constexpr const char* kFormula = "f(x) = \\max(0, x)";
  static constexpr const char* kDerivativeFormula = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}";
  static std::vector<ParamSpec> params() { return {}; }
  static std::vector<double> kinks(const ParamValues&) { return {0.0}; }
  static Properties properties() {
    return Properties::of_group("relu-family")
        .range(0.0, kInf)
        .monotone()
        .continuity(Smoothness::kC0)
        .saturates(kHard, kNone);
  }
  static Frameworks frameworks() {
    return {"nn.ReLU()", "activation=\"relu\"", "tf.layers.activation({activation: 'relu'})"};
  }
  // x < 0 ? 0 : x lets NaN through (the comparison is false).
  static double value(double x, const ParamValues&) { return x < 0 ? 0.0 : x; }
  static double derivative(double x, double, const ParamValues&) { return keep_nan(x, x > 0 ? 1.0 : 0.0); }
};

/// min(max(0, x), 6); f'(x) = 1 on the open interval (0, 6), else 0.
struct Relu6 {
  static constexpr const char* kName = "relu6";
  static constexpr const char* kLabel = "ReLU6";
  static constexpr const char* kFormula = "f(x) = \\min(\\max(0, x), 6)";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}";
  static std::vector<ParamSpec> params() { return {}; }
  static std::vector<double> kinks(const ParamValues&) { return {0.0, 6.0}; }
  static Properties properties() {
    return Properties::of_group("relu-family")
        .range(0.0, 6.0)
        .monotone()
        .continuity(Smoothness::kC0)
        .saturates(kHard, kHard);
  }
  static Frameworks frameworks() {
    return {"nn.ReLU6()", "activation=\"relu6\"", "tf.layers.activation({activation: 'relu6'})"};
  }
  static double value(double x, const ParamValues&) {
    if (x < 0) return 0.0;
    if (x > 6) return 6.0;
    return x;
  }
  static double derivative(double x, double, const ParamValues&) { return keep_nan(x, x > 0 && x < 6 ? 1.0 : 0.0); }
};

/// The shared rule of leaky ReLU, PReLU and RReLU: x > 0 ? x : s x, f'(0) = s.
/// A zero slope gives 0 for x = -inf too (0 * -inf would be NaN).
inline double leaky(double x, double s) {
  if (x > 0) return x;
  return s == 0 && x < 0 ? 0.0 : s * x;
}
inline double leaky_derivative(double x, double s) { return keep_nan(x, x > 0 ? 1.0 : s); }

/// x > 0 ? x : s x with s = negative_slope; f'(x) = x > 0 ? 1 : s.
struct LeakyRelu {
  static constexpr const char* kName = "leaky_relu";
  static constexpr const char* kLabel = "Leaky ReLU";
  static constexpr const char* kFormula = "f(x) = \\begin{cases} x & x > 0 \\\\ s\\,x & x \\le 0 \\end{cases}";
  static constexpr const char* kDerivativeFormula = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ s & x \\le 0 \\end{cases}";
  // negative_slope in [0, 1]: below 0 the function stops being monotonic (that
  // is PReLU's territory), above 1 the "leak" is steeper than the identity side.
  static std::vector<ParamSpec> params() { return {ParamSpec("negative_slope").with_default(0.01).in(0.0, 1.0)}; }
  static std::vector<double> kinks(const ParamValues&) { return {0.0}; }
  static Properties properties() {
    return Properties::of_group("relu-family").range(-kInf, kInf).monotone().continuity(Smoothness::kC0);
  }
  static Frameworks frameworks() {
    return {"nn.LeakyReLU(0.01)", "layers.LeakyReLU(negative_slope=0.01)", "tf.layers.leakyReLU({alpha: 0.01})"};
  }
  static double value(double x, const ParamValues& p) { return leaky(x, p[0]); }
  static double derivative(double x, double, const ParamValues& p) { return leaky_derivative(x, p[0]); }
};

/// x > 0 ? x : a x with a learnable; f'(x) = x > 0 ? 1 : a; df/da = x > 0 ? 0 : x.
struct Prelu {
  static constexpr const char* kName = "prelu";
  static constexpr const char* kLabel = "PReLU";
  static constexpr const char* kFormula = "f(x) = \\begin{cases} x & x > 0 \\\\ a\\,x & x \\le 0 \\end{cases}";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}, \\quad "
      "\\frac{\\partial f}{\\partial a} = \\min(x, 0)";
  // a in [-1, 1]: learned slopes are allowed to go negative (the reference
  // tabulates a = -0.1), and |a| <= 1 keeps the negative side no steeper than
  // the positive one, the regime PReLU was introduced for.
  static std::vector<ParamSpec> params() {
    return {ParamSpec("a").with_default(0.25).in(-1.0, 1.0).learned_per_unit()};
  }
  static std::vector<double> kinks(const ParamValues&) { return {0.0}; }
  static Properties properties() {
    return Properties::of_group("relu-family").range(-kInf, kInf).monotone().continuity(Smoothness::kC0);
  }
  static Frameworks frameworks() {
    return {"nn.PReLU(init=0.25)", "layers.PReLU(alpha_initializer=initializers.Constant(0.25))",
            "tf.layers.prelu({alphaInitializer: tf.initializers.constant({value: 0.25})})"};
  }
  static double value(double x, const ParamValues& p) { return leaky(x, p[0]); }
  static double derivative(double x, double, const ParamValues& p) { return leaky_derivative(x, p[0]); }
  static double param_derivative(double x, double, int, const ParamValues&) { return x > 0 ? 0.0 : x; }
};

/// Randomised leaky ReLU. Evaluation mode (the catalog's value and derivative):
/// leaky ReLU with the slope s = (lower + upper) / 2 (evaluated in double, as PyTorch
/// does). Training mode draws s ~ U(lower, upper) for each negative input from the
/// trainer's generator and keeps it for the backward pass.
struct Rrelu {
  static constexpr const char* kName = "rrelu";
  static constexpr const char* kLabel = "RReLU (eval)";
  static constexpr const char* kFormula =
      "f(x) = \\begin{cases} x & x > 0 \\\\ \\frac{l + u}{2}\\,x & x \\le 0 \\end{cases}";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\frac{l + u}{2} & x \\le 0 \\end{cases}";
  // lower, upper in [0, 1] with lower <= upper (PyTorch's constraint): the
  // sampled slopes then keep the function monotonic and no steeper than x.
  static std::vector<ParamSpec> params() {
    return {ParamSpec("lower").with_default(1.0 / 8.0).in(0.0, 1.0),
            ParamSpec("upper").with_default(1.0 / 3.0).in(0.0, 1.0)};
  }
  static void check(const ParamValues& p) {
    if (p[0] > p[1]) throw_parameter_order(kName, params(), "<=", p);
  }
  static std::vector<double> kinks(const ParamValues&) { return {0.0}; }
  static Properties properties() {
    return Properties::of_group("relu-family").range(-kInf, kInf).monotone().continuity(Smoothness::kC0);
  }
  static Frameworks frameworks() { return {"nn.RReLU()", "", ""}; }
  static double slope(const ParamValues& p) { return (p[0] + p[1]) / 2.0; }
  static double value(double x, const ParamValues& p) { return leaky(x, slope(p)); }
  static double derivative(double x, double, const ParamValues& p) { return leaky_derivative(x, slope(p)); }
  static constexpr bool kUsesRng = true;
  static constexpr bool kStatePerElement = true;
  /// Training: the drawn slope (1 for x >= 0) goes to ctx.state.
  static void training_forward(const double* x, double* y, std::size_t n, const KernelContext& ctx) {
    const ParamValues& p = ctx.params;
    if (!ctx.training) {
      for (std::size_t i = 0; i < n; ++i) y[i] = value(x[i], p);
      return;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (x[i] < 0) {
        ctx.state[i] = ctx.rng->uniform(p[0], p[1]);
        y[i] = ctx.state[i] * x[i];
      } else {
        ctx.state[i] = 1.0;
        y[i] = x[i];
      }
    }
  }
  static void training_backward(const double* x, const double* y, const double* dy, double* dx, std::size_t n,
                                const KernelContext& ctx) {
    if (ctx.training) {
      for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i] * ctx.state[i];
      return;
    }
    for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i] * derivative(x[i], y[i], ctx.params);
  }
};

/// x > 0 ? x : alpha (e^x - 1); f'(x) = x > 0 ? 1 : alpha e^x, so f'(0) = alpha.
struct Elu {
  static constexpr const char* kName = "elu";
  static constexpr const char* kLabel = "ELU";
  static constexpr const char* kFormula =
      "f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}";
  // alpha in [0, 10]: alpha = 0 is exactly ReLU (still well defined), and
  // beyond 10 the negative saturation level -alpha dwarfs typical activations.
  static std::vector<ParamSpec> params() { return {ParamSpec("alpha").with_default(1.0).in(0.0, 10.0)}; }
  /// f' jumps from alpha to 1 at 0, unless alpha = 1.
  static std::vector<double> kinks(const ParamValues& p) {
    return p[0] == 1.0 ? std::vector<double>{} : std::vector<double>{0.0};
  }
  static Properties properties() {
    return Properties::of_group("relu-family")
        .range(-1.0, kInf)
        .monotone()
        .continuity(Smoothness::kC1)
        .saturates(kSoft, kNone);
  }
  static Frameworks frameworks() {
    return {"nn.ELU()", "activation=\"elu\"", "tf.layers.activation({activation: 'elu'})"};
  }
  // expm1 keeps full relative accuracy near 0, where e^x - 1 would cancel.
  static double value(double x, const ParamValues& p) { return x > 0 ? x : p[0] * std::expm1(x); }
  static double derivative(double x, double, const ParamValues& p) { return x > 0 ? 1.0 : p[0] * std::exp(x); }
};

/// x > 0 ? x : alpha (e^{x/alpha} - 1); f'(x) = x > 0 ? 1 : e^{x/alpha}.
struct Celu {
  static constexpr const char* kName = "celu";
  static constexpr const char* kLabel = "CELU";
  static constexpr const char* kFormula =
      "f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x/\\alpha} - 1) & x \\le 0 "
      "\\end{cases}";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\begin{cases} 1 & x > 0 \\\\ e^{x/\\alpha} & x \\le 0 \\end{cases}";
  // alpha in [0.01, 10]: x / alpha needs alpha > 0 (PyTorch rejects 0); below
  // 0.01 the curve is indistinguishable from ReLU, beyond 10 from the identity
  // over any plotted window.
  static std::vector<ParamSpec> params() { return {ParamSpec("alpha").with_default(1.0).in(0.01, 10.0)}; }
  static Properties properties() {
    return Properties::of_group("relu-family")
        .range(-1.0, kInf)
        .monotone()
        .continuity(Smoothness::kC1)
        .saturates(kSoft, kNone);
  }
  static Frameworks frameworks() { return {"nn.CELU()", "activation=\"celu\"", ""}; }
  static double value(double x, const ParamValues& p) { return x > 0 ? x : p[0] * std::expm1(x / p[0]); }
  static double derivative(double x, double, const ParamValues& p) { return x > 0 ? 1.0 : std::exp(x / p[0]); }
};

}  // namespace ap::policy

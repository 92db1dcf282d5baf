#pragma once
// Gated activations f(x) = x g(x): GELU (exact and tanh approximation), SiLU,
// swish with a learnable beta, and mish. x g(x) is written as `gate(x, g)` so that
// x = ±inf with g = 0 gives the limit 0 instead of inf * 0 = NaN.

#include "activations/policy.h"

namespace ap::policy {

/// x g with the limit 0 wherever the gate has underflowed to 0 (x may be ±inf).
inline double gate(double x, double g) { return g == 0 ? 0.0 : x * g; }

inline constexpr double kInvSqrt2Pi = 0.39894228040143267794;  // 1/sqrt(2 pi)

/// 1/sqrt(2) as hi + lo, and sqrt(2).
inline constexpr double kInvSqrt2Hi = 0.70710678118654757;
inline constexpr double kInvSqrt2Lo = -4.8336466567264567e-17;
inline constexpr double kSqrt2 = 1.4142135623730951;

/// The standard normal density phi(x) = e^{-x^2/2} / sqrt(2 pi) and CDF Phi(x).
struct Normal {
  double pdf;
  double cdf;
};

/// phi(x) and Phi(x) = erfc(t) / 2 with t = -x / sqrt 2 (erfc keeps the lower
/// tail accurate), sharing one exp.
/// - x^2 is split exactly into hi + lo so the exponent carries no rounding:
///   e^{-(hi+lo)/2} = e^{-hi/2} (1 - lo/2).
/// - In the lower tail erfc(t) has condition number ~2 t^2, so the rounding of t
///   itself would cost up to x^2 ulp: t is carried as an exact hi + lo and the
///   first-order term erfc'(t_hi) t_lo / 2 = -sqrt 2 phi(x) t_lo is added back.
inline Normal normal(double x) {
  if (!(std::fabs(x) < 40)) {
    // phi has underflowed (or x is NaN); Phi is 0 or 1 (or NaN).
    return {kInvSqrt2Pi * std::exp(-0.5 * x * x), 0.5 * std::erfc(-x * kInvSqrt2Hi)};
  }
  const math::TwoDouble sq = math::two_prod(x, x);
  const double e = std::exp(-0.5 * sq.hi);
  const double pdf = kInvSqrt2Pi * (e - 0.5 * sq.lo * e);
  if (x >= 0) return {pdf, 0.5 * std::erfc(-x * kInvSqrt2Hi)};
  const math::TwoDouble p = math::two_prod(x, kInvSqrt2Hi);
  const double t_lo = -(p.lo + x * kInvSqrt2Lo);
  return {pdf, 0.5 * std::erfc(-p.hi) - kSqrt2 * pdf * t_lo};
}

/// GELU: x Phi(x); f'(x) = Phi(x) + x phi(x).
struct Gelu {
  static constexpr const char* kName = "gelu";
  static constexpr const char* kLabel = "GELU";
  static constexpr const char* kFormula =
      "f(x) = x\\,\\Phi(x) = \\frac{x}{2}\\left(1 + "
      "\\operatorname{erf}\\frac{x}{\\sqrt{2}}\\right)";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\Phi(x) + x\\,\\varphi(x) = \\Phi(x) + \\frac{x}{\\sqrt{2\\pi}} e^{-x^2/2}";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("gated")
        .range(-0.16997120747990369, kInf)
        .continuity(Smoothness::kCInf)
        .saturates(kSoft, kNone);
  }
  static Frameworks frameworks() {
    return {"nn.GELU()", "activation=\"gelu\"", "tf.layers.activation({activation: 'gelu'})"};
  }
  static double value(double x, const ParamValues&) { return gate(x, normal(x).cdf); }
  static double derivative(double x, double, const ParamValues&) {
    // For x << 0 the terms have opposite signs but ratio ~1/x^2: no cancellation,
    // and each keeps full relative accuracy.
    const Normal n = normal(x);
    return n.cdf + gate(x, n.pdf);
  }
};

/// GELU, tanh approximation: x (1 + tanh u) / 2 = x s(2u) with
/// u = sqrt(2/pi) (x + 0.044715 x^3); f'(x) = s(2u) + 2 x u' s(2u) s(-2u),
/// u' = sqrt(2/pi) (1 + 3 * 0.044715 x^2).
struct GeluTanh {
  static constexpr double kC = 0.79788456080286535588;  // sqrt(2/pi)
  static constexpr double kK = 0.044715;
  static constexpr const char* kName = "gelu_tanh";
  static constexpr const char* kLabel = "GELU (tanh approx.)";
  static constexpr const char* kFormula =
      "f(x) = \\frac{x}{2}\\left(1 + \\tanh\\left(\\sqrt{2/\\pi}\\,(x + "
      "0.044715\\,x^3)\\right)\\right)";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\frac{1 + \\tanh u}{2} + \\frac{x}{2}\\,(1 - \\tanh^2 u)\\,u', \\quad "
      "u = \\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3), \\quad "
      "u' = \\sqrt{2/\\pi}\\,(1 + 0.134145\\,x^2)";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("gated")
        .range(-0.17004075057125406, kInf)
        .continuity(Smoothness::kCInf)
        .saturates(kSoft, kNone);
  }
  static Frameworks frameworks() {
    return {"nn.GELU(approximate=\"tanh\")", "activation=lambda x: keras.activations.gelu(x, approximate=True)",
            "tf.layers.activation({activation: 'gelu_new'})"};
  }
  /// 2u, the argument of the sigmoid.
  static double two_u(double x) { return 2.0 * kC * (x + kK * (x * x * x)); }
  /// 2 sqrt(2/pi) and 0.044715 as hi + lo (0.044715 is an exact decimal, not a double).
  static constexpr double kTwoCHi = 1.5957691216057308;
  static constexpr double kTwoCLo = -9.96930880911092e-17;
  static constexpr double kKHi = 0.044715;
  static constexpr double kKLo = 2.1960211427085595e-18;
  /// x s(2u) with 2u carried as hi + lo: in the lower tail s(2u) ~ e^{2u} has
  /// condition number |2u|, so the four roundings in 2u would cost several ulp.
  /// s(hi + lo) = s(hi) + lo s(hi) s(-hi).
  static double value(double x, const ParamValues&) {
    if (!(std::fabs(x) < 100)) return gate(x, math::sigmoid(two_u(x)));
    using math::two_prod;
    using math::two_sum;
    const math::TwoDouble x2 = two_prod(x, x);
    math::TwoDouble x3 = two_prod(x2.hi, x);
    x3.lo += x2.lo * x;
    math::TwoDouble kx3 = two_prod(kKHi, x3.hi);
    kx3.lo += kKHi * x3.lo + kKLo * x3.hi;
    math::TwoDouble inner = two_sum(x, kx3.hi);
    inner.lo += kx3.lo;
    math::TwoDouble t = two_prod(kTwoCHi, inner.hi);
    t.lo += kTwoCHi * inner.lo + kTwoCLo * inner.hi;
    // s(t.hi + t.lo) to first order in t.lo; one exp gives both s(t.hi) and s(-t.hi).
    const math::SigmoidPair s = math::sigmoid_pair(t.hi);
    return gate(x, s.pos + t.lo * s.pos * s.neg);
  }
  static double derivative(double x, double, const ParamValues&) {
    const math::SigmoidPair s = math::sigmoid_pair(two_u(x));
    const double du2 = 2.0 * kC * (1.0 + 3.0 * kK * (x * x));
    const double g = s.pos * s.neg;
    // g underflows to 0 long before du2 overflows, so test g first (inf * 0).
    return s.pos + (g == 0 ? 0.0 : x * (du2 * g));
  }
};

/// SiLU: x s(x); f'(x) = s(x) (1 + x s(-x)) = s(x) + x s(x) s(-x).
struct Silu {
  static constexpr const char* kName = "silu";
  static constexpr const char* kLabel = "SiLU";
  static constexpr const char* kFormula = "f(x) = x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}";
  static constexpr const char* kDerivativeFormula = "f'(x) = \\sigma(x)\\,\\bigl(1 + x\\,(1 - \\sigma(x))\\bigr)";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("gated")
        .range(-0.2784645427610738, kInf)
        .continuity(Smoothness::kCInf)
        .saturates(kSoft, kNone);
  }
  static Frameworks frameworks() {
    return {"nn.SiLU()", "activation=\"silu\"", "tf.layers.activation({activation: 'swish'})"};
  }
  static double value(double x, const ParamValues&) { return gate(x, math::sigmoid(x)); }
  static double derivative(double x, double, const ParamValues&) {
    const math::SigmoidPair s = math::sigmoid_pair(x);
    return s.pos + gate(x, s.pos * s.neg);
  }
};

/// Swish: x s(beta x) with beta learnable (beta = 1 is SiLU);
/// f'(x) = s(beta x) + beta x s(beta x) s(-beta x); df/dbeta = x^2 s(beta x) s(-beta x).
struct Swish {
  static constexpr const char* kName = "swish";
  static constexpr const char* kLabel = "Swish";
  static constexpr const char* kFormula = "f(x) = x\\,\\sigma(\\beta x)";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\sigma(\\beta x) + \\beta x\\,\\sigma(\\beta x)\\,\\sigma(-\\beta x), \\quad "
      "\\frac{\\partial f}{\\partial \\beta} = x^2\\,\\sigma(\\beta x)\\,\\sigma(-\\beta x)";
  // beta in [0, 10]: beta = 0 is the linear x/2, and by 10 the curve is ReLU to
  // within 0.03; negative beta flips it into a non-rectifier.
  static std::vector<ParamSpec> params() { return {ParamSpec("beta").with_default(1.0).in(0.0, 10.0).learned()}; }
  static Properties properties() {
    return Properties::of_group("gated")
        .range(-0.2784645427610738, kInf)
        .continuity(Smoothness::kCInf)
        .saturates(kSoft, kNone);
  }
  static Frameworks frameworks() { return {"", "activation=\"swish\"", "tf.layers.activation({activation: 'swish'})"}; }
  /// beta x, with beta = 0 giving 0 even for x = ±inf (the function is then x / 2).
  static double beta_x(double x, const ParamValues& p) { return p[0] == 0 && !std::isnan(x) ? 0.0 : p[0] * x; }
  static double value(double x, const ParamValues& p) { return gate(x, math::sigmoid(beta_x(x, p))); }
  static double derivative(double x, double, const ParamValues& p) {
    const math::SigmoidPair s = math::sigmoid_pair(beta_x(x, p));
    return s.pos + gate(beta_x(x, p), s.pos * s.neg);
  }
  static double param_derivative(double x, double, int, const ParamValues& p) {
    return gate(x, gate(x, math::sigmoid_derivative(beta_x(x, p))));
  }
};

/// Mish: x tanh(softplus(x)); f'(x) = tanh(sp) + x s(x) sech^2(sp), sp = softplus(x).
/// tanh(softplus x) = ((1 + e^x)^2 - 1) / ((1 + e^x)^2 + 1) needs neither log nor
/// tanh, and written as below it has no cancellation and nothing overflows.
struct Mish {
  static constexpr const char* kName = "mish";
  static constexpr const char* kLabel = "Mish";
  static constexpr const char* kFormula = "f(x) = x \\tanh\\bigl(\\log(1 + e^{x})\\bigr)";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\tanh\\bigl(\\operatorname{sp}(x)\\bigr) + x\\,\\sigma(x)\\,"
      "\\operatorname{sech}^2\\bigl(\\operatorname{sp}(x)\\bigr), \\quad \\operatorname{sp}(x) = "
      "\\log(1 + e^{x})";
  static std::vector<ParamSpec> params() { return {}; }
  static Properties properties() {
    return Properties::of_group("gated")
        .range(-0.30884341301725043, kInf)
        .continuity(Smoothness::kCInf)
        .saturates(kSoft, kNone);
  }
  static Frameworks frameworks() {
    return {"nn.Mish()", "activation=\"mish\"", "tf.layers.activation({activation: 'mish'})"};
  }
  /// tanh(softplus x), sech^2(softplus x) and s(x), from one e = e^{-|x|}.
  struct Parts {
    double tanh_sp;
    double sech2_sp;
    double sigmoid;
  };
  /// For x <= 0 (e = e^x): tanh sp = n / (n + 2) with n = e (e + 2), and
  /// sech^2 sp = 4 q / (q + 1)^2 with q = (1 + e)^2. For x > 0 (e = e^{-x}) the same
  /// fractions divided through by e^{2x}: tanh sp = (1 + 2e) / (1 + 2e + 2e^2) and
  /// sech^2 sp = 4 m e^2 / (m + e^2)^2 with m = (1 + e)^2.
  static Parts parts(double x) {
    const double e = std::exp(-std::fabs(x));
    if (x <= 0) {
      const double n = e * (e + 2.0);
      const double q = (1.0 + e) * (1.0 + e);
      return {n / (n + 2.0), 4.0 * q / ((q + 1.0) * (q + 1.0)), e / (1.0 + e)};
    }
    const double a = 1.0 + 2.0 * e;
    const double e2 = e * e;
    const double m = (1.0 + e) * (1.0 + e);
    return {a / (a + 2.0 * e2), 4.0 * m * e2 / ((m + e2) * (m + e2)), 1.0 - e / (1.0 + e)};
  }
  static double value(double x, const ParamValues&) { return gate(x, parts(x).tanh_sp); }
  static double derivative(double x, double, const ParamValues&) {
    const Parts q = parts(x);
    return q.tanh_sp + gate(x, q.sigmoid * q.sech2_sp);
  }
};

}  // namespace ap::policy

#pragma once
// Self-normalising activations: SELU.

#include "activations/policy.h"

namespace ap::policy {

/// SELU: scale (x > 0 ? x : alpha (e^x - 1)); f'(x) = scale (x > 0 ? 1 : alpha e^x),
/// f'(0) = scale alpha (PyTorch's x <= 0 branch). The defaults are the doubles
/// nearest to Klambauer et al.'s fixed-point constants
/// alpha = 1.6732632423543772848..., scale = 1.0507009873554804934..., for which a
/// standard normal input gives zero mean and unit variance.
struct Selu {
  static constexpr double kAlpha = 1.6732632423543772848170429916717;
  static constexpr double kScale = 1.0507009873554804934193349852946;
  /// scale * alpha of the exact literals, rounded once. The product of the two
  /// rounded doubles is 1.7580993408473766, one ulp lower.
  static constexpr double kScaleAlpha = 1.7580993408473768;
  static constexpr const char* kName = "selu";
  static constexpr const char* kLabel = "SELU";
  static constexpr const char* kFormula =
      "f(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 "
      "\\end{cases}";
  static constexpr const char* kDerivativeFormula =
      "f'(x) = \\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}";
  // alpha, scale in [0, 10]: the self-normalising property holds only at the
  // defaults; the sliders let one see how it breaks, within the same bounds as ELU.
  static std::vector<ParamSpec> params() {
    return {ParamSpec("alpha").with_default(kAlpha).in(0.0, 10.0),
            ParamSpec("scale").with_default(kScale).in(0.0, 10.0)};
  }
  /// f' jumps from scale alpha to scale at 0, unless alpha = 1.
  static std::vector<double> kinks(const ParamValues& p) {
    return p[0] == 1.0 ? std::vector<double>{} : std::vector<double>{0.0};
  }
  static Properties properties() {
    return Properties::of_group("self-normalizing")
        .range(-kScaleAlpha, kInf)
        .monotone()
        .continuity(Smoothness::kC0)
        .centred()
        .saturates(kSoft, kNone);
  }
  static Frameworks frameworks() {
    return {"nn.SELU()", "activation=\"selu\"", "tf.layers.activation({activation: 'selu'})"};
  }
  /// scale * alpha; at the defaults the doubles stand for the exact literals, so
  /// the product is the literals' (this is f'(0), which must be exact).
  static double scale_alpha(const ParamValues& p) {
    return p[0] == kAlpha && p[1] == kScale ? kScaleAlpha : p[1] * p[0];
  }
  static double value(double x, const ParamValues& p) {
    if (x > 0) return p[1] == 0 ? 0.0 : p[1] * x;  // scale = 0 at x = inf: 0, not NaN
    return scale_alpha(p) * std::expm1(x);
  }
  static double derivative(double x, double, const ParamValues& p) {
    return x > 0 ? p[1] : scale_alpha(p) * std::exp(x);
  }
};

}  // namespace ap::policy

#pragma once
// Numerically stable scalar building blocks shared by the activation catalog.
// Every function is written for doubles at the edges: NaN in gives NaN out, and
// ±inf and huge arguments give the mathematical limit, never NaN.

#include <cmath>
#include <limits>

namespace ap::math {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// s(x) = 1 / (1 + e^{-x}), branching on the sign so exp never overflows and the
/// small tail e^{x} / (1 + e^{x}) keeps full relative accuracy for x << 0.
inline double sigmoid(double x) {
  if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
  const double e = std::exp(x);
  return e / (1.0 + e);
}

/// s(x) s(-x) = e / (1 + e)^2 with e = e^{-|x|}: symmetric, no cancellation in 1 - s.
inline double sigmoid_derivative(double x) {
  const double e = std::exp(-std::fabs(x));
  const double d = 1.0 + e;
  return e / (d * d);
}

/// log(1 + e^{x}) = max(x, 0) + log1p(e^{-|x|}).
inline double softplus(double x) {
  if (std::isnan(x)) return x;
  return std::fmax(x, 0.0) + std::log1p(std::exp(-std::fabs(x)));
}

/// log s(x) = -softplus(-x) = min(x, 0) - log1p(e^{-|x|}).
inline double log_sigmoid(double x) {
  if (std::isnan(x)) return x;
  return std::fmin(x, 0.0) - std::log1p(std::exp(-std::fabs(x)));
}

/// sech^2(x) = 4 e / (1 + e)^2 with e = e^{-2|x|}; avoids the cancellation of
/// 1 - tanh^2 when |tanh| is close to 1.
inline double sech2(double x) {
  const double e = std::exp(-2.0 * std::fabs(x));
  const double d = 1.0 + e;
  return 4.0 * e / (d * d);
}

}  // namespace ap::math

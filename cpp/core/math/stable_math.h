#pragma once
// Numerically stable scalar building blocks shared by the activation catalog.
// Every function is written for doubles at the edges: NaN in gives NaN out, and
// ±inf and huge arguments give the mathematical limit, never NaN.

#include <cmath>

namespace ap::math {

/// s(x) = 1 / (1 + e^{-x}), branching on the sign so exp never overflows: the
/// tail t = e / (1 + e) with e = e^{-|x|} has full relative accuracy, giving s(x)
/// = t for x < 0 and s(x) = 1 - t for x >= 0. The subtraction from 1 rounds once
/// an almost exact value, so s(x) near 1 is nearly correctly rounded (1 / (1 + e)
/// would round 1 + e first and can be an ulp off, e.g. at x = 20).
inline double sigmoid(double x) {
  const double e = std::exp(-std::fabs(x));
  const double t = e / (1.0 + e);
  return x >= 0 ? 1.0 - t : (x < 0 ? t : x);
}

/// s(x) and s(-x) from one exp (the larger one is 1 - the smaller, rounded once).
struct SigmoidPair {
  double pos;  ///< s(x)
  double neg;  ///< s(-x) = 1 - s(x)
};
inline SigmoidPair sigmoid_pair(double x) {
  const double e = std::exp(-std::fabs(x));
  const double t = e / (1.0 + e);
  if (x >= 0) return {1.0 - t, t};
  return {t, std::isnan(x) ? x : 1.0 - t};
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

/// An unevaluated sum hi + lo with |lo| <= ulp(hi) / 2 (double-double).
struct TwoDouble {
  double hi;
  double lo;
};

/// a + b exactly (Knuth's TwoSum; no ordering requirement).
inline TwoDouble two_sum(double a, double b) {
  const double s = a + b;
  const double bv = s - a;
  const double av = s - bv;
  return {s, (a - av) + (b - bv)};
}

/// a * b exactly for |a|, |b| < 2^996 (Dekker's product with Veltkamp splitting).
/// Written without fma on purpose: wasm and baseline x86-64 have no hardware
/// fma, and the libm fallback is slow.
inline TwoDouble two_prod(double a, double b) {
  constexpr double kSplit = 134217729.0;  // 2^27 + 1
  const double p = a * b;
  const double ca = kSplit * a;
  const double ahi = ca - (ca - a);
  const double alo = a - ahi;
  const double cb = kSplit * b;
  const double bhi = cb - (cb - b);
  const double blo = b - bhi;
  return {p, ((ahi * bhi - p) + ahi * blo + alo * bhi) + alo * blo};
}

}  // namespace ap::math

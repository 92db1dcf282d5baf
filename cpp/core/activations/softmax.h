#pragma once
// Softmax and log-softmax over one vector, stable for inputs of any magnitude, and
// their backward passes. The same code serves core.softmax, the golden tests and
// the trainer's softmax output (train/losses.h), which reads a vector spread over
// a unit-major buffer: entry i at x[i * stride].

#include <cmath>
#include <cstddef>
#include <limits>

#include "math/fast_activation.h"
#include "math/stable_math.h"

namespace ap {

/// y_i = e^{x_i} / sum_j e^{x_j}, computed as e^{x_i - m} / sum_j e^{x_j - m} with
/// m = max_j x_j so nothing overflows. Each difference x_i - m is carried as an
/// exact double-double, so large inputs (x ~ 1e3, 1e5) lose no accuracy.
/// The exponentials and log1p are math/fast_activation.h's (<= 1.5 and 3 ulp, and
/// identical natively and in wasm); the reference tests allow 8 ulp. The trainer's
/// softmax output (train/losses.h) runs the same exponentials, sum and log with
/// kExact = false: the rounded difference x_i - m instead of the exact one, which at
/// training's logit sizes changes the last bit at most; the exact form cost a 3-class
/// epoch in wasm about 5%.
/// Any NaN input, or an input with no finite maximum (all -inf, or +inf),
/// gives NaN everywhere. n = 0 is a no-op. y has the stride of x.
void softmax(const double* x, double* y, std::size_t n, std::size_t stride = 1);

/// log y_i = (x_i - m) - log(sum_j e^{x_j - m}); the sum is taken as
/// 1 + (the rest) through log1p, so the dominant entry's log-probability keeps
/// full relative accuracy even when it is tiny (e.g. -3.3e-7).
void log_softmax(const double* x, double* log_y, std::size_t n, std::size_t stride = 1);

/// What a cross-entropy loss needs of one vector, from one pass of exponentials:
/// `top`, the first maximum (n when softmax is NaN), and for a class c
/// -log y_c = log_total - (x_c - m) via log_softmax's formula.
struct SoftmaxTerms {
  std::size_t top;
  double log_total;  ///< log(sum_j e^{x_j - m}) = log1p(sum over j != top)
};

namespace softmax_detail {

/// Index of the first maximum, or n when the vector has a NaN or no finite maximum.
inline std::size_t argmax_or_invalid(const double* x, std::size_t n, std::size_t stride) {
  std::size_t best = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(x[i * stride])) return n;
    if (x[i * stride] > x[best * stride]) best = i;
  }
  return std::isfinite(x[best * stride]) ? best : n;
}

/// The exact difference x - m as hi + lo (TwoSum); lo = 0 when hi is not finite.
inline math::TwoDouble exact_diff(double x, double m) {
  math::TwoDouble d = math::two_sum(x, -m);
  if (!std::isfinite(d.hi)) d.lo = 0.0;
  return d;
}

/// e^{x - m}. kExact: from the exact difference hi + lo, e^{hi} (1 + lo) since
/// |lo| <= ulp(hi) / 2, with libm's exp below -708 where fast_exp stops at about 1e-308.
/// Otherwise fast_exp of the rounded difference: what training affords (see softmax above).
template <bool kExact>
inline double exp_of_diff(double x, double m) {
  if constexpr (kExact) {
    const math::TwoDouble d = exact_diff(x, m);
    const double e = d.hi > -708.0 ? math::fast_exp(d.hi) : std::exp(d.hi);
    return e + e * d.lo;
  } else {
    return math::fast_exp(x - m);
  }
}

/// Fills e_i = e^{x_i - m} (optionally) and returns sum over i != winner of e_i.
template <bool kExact>
inline double rest_sum(const double* x, std::size_t n, std::size_t stride, std::size_t winner, double* e_out) {
  const double m = x[winner * stride];
  double rest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double e = 1.0;
    if (i != winner) {
      e = exp_of_diff<kExact>(x[i * stride], m);
      rest += e;
    }
    if (e_out != nullptr) e_out[i * stride] = e;
  }
  return rest;
}

/// The winner (first maximum), or n after filling out with NaN when there is none.
inline std::size_t winner_or_nan(const double* x, double* out, std::size_t n, std::size_t stride) {
  const std::size_t winner = argmax_or_invalid(x, n, stride);
  if (winner == n && out != nullptr) {
    for (std::size_t i = 0; i < n; ++i) out[i * stride] = std::numeric_limits<double>::quiet_NaN();
  }
  return winner;
}

}  // namespace softmax_detail

// Inline: the trainer's softmax output calls these once per point in its hot loop.

/// Fills y = softmax(x) (stride as softmax; y may be null) and returns its terms;
/// y is NaN and top = n when softmax is.
template <bool kExact = true>
inline SoftmaxTerms softmax_terms(const double* x, double* y, std::size_t n, std::size_t stride) {
  if (n == 0) return {0, std::numeric_limits<double>::quiet_NaN()};
  const std::size_t winner = softmax_detail::winner_or_nan(x, y, n, stride);
  if (winner == n) return {n, std::numeric_limits<double>::quiet_NaN()};
  const double rest = softmax_detail::rest_sum<kExact>(x, n, stride, winner, y);
  const double total = 1.0 + rest;
  if (y != nullptr) {
    for (std::size_t i = 0; i < n; ++i) y[i * stride] /= total;
  }
  return {winner, math::fast_log1p(rest)};
}

/// log y_c from the terms of softmax_terms (as log_softmax computes it).
template <bool kExact = true>
inline double log_softmax_at(const double* x, std::size_t stride, const SoftmaxTerms& terms, std::size_t c) {
  if constexpr (kExact) {
    const math::TwoDouble d = softmax_detail::exact_diff(x[c * stride], x[terms.top * stride]);
    // (hi - log_total) + lo: the large parts first, the tiny correction last.
    return (d.hi - terms.log_total) + d.lo;
  } else {
    return (x[c * stride] - x[terms.top * stride]) - terms.log_total;
  }
}

/// Backward of softmax: dx_i = y_i (dy_i - sum_j y_j dy_j), with y = softmax(x).
void softmax_backward(const double* y, const double* dy, double* dx, std::size_t n);

/// Backward of log-softmax: dx_i = dy_i - y_i sum_j dy_j, with y = softmax(x)
/// (pass the probabilities, not their logs).
void log_softmax_backward(const double* y, const double* dy, double* dx, std::size_t n);

}  // namespace ap

#pragma once
// Softmax and log-softmax over one vector, stable for inputs of any magnitude, and
// their backward passes. The same code serves core.softmax, the golden tests and
// the trainer's softmax output (train/losses.h), which reads a vector spread over
// a unit-major buffer: entry i at x[i * stride].

#include <cstddef>

namespace ap {

/// y_i = e^{x_i} / sum_j e^{x_j}, computed as e^{x_i - m} / sum_j e^{x_j - m} with
/// m = max_j x_j so nothing overflows. Each difference x_i - m is carried as an
/// exact double-double, so large inputs (x ~ 1e3, 1e5) lose no accuracy.
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

/// Fills y = softmax(x) (stride as softmax; y may be null) and returns its terms;
/// y is NaN and top = n when softmax is.
SoftmaxTerms softmax_terms(const double* x, double* y, std::size_t n, std::size_t stride);

/// log y_c from the terms of softmax_terms (as log_softmax computes it).
double log_softmax_at(const double* x, std::size_t stride, const SoftmaxTerms& terms, std::size_t c);

/// Backward of softmax: dx_i = y_i (dy_i - sum_j y_j dy_j), with y = softmax(x).
void softmax_backward(const double* y, const double* dy, double* dx, std::size_t n);

/// Backward of log-softmax: dx_i = dy_i - y_i sum_j dy_j, with y = softmax(x)
/// (pass the probabilities, not their logs).
void log_softmax_backward(const double* y, const double* dy, double* dx, std::size_t n);

}  // namespace ap

#pragma once
// Softmax and log-softmax over one vector, stable for inputs of any magnitude,
// and their backward passes.

#include <cstddef>

namespace ap {

/// y_i = e^{x_i} / sum_j e^{x_j}, computed as e^{x_i - m} / sum_j e^{x_j - m} with
/// m = max_j x_j so nothing overflows. Each difference x_i - m is carried as an
/// exact double-double, so large inputs (x ~ 1e3, 1e5) lose no accuracy.
/// Any NaN input, or an input with no finite maximum (all -inf, or +inf),
/// gives NaN everywhere. n = 0 is a no-op.
void softmax(const double* x, double* y, std::size_t n);

/// log y_i = (x_i - m) - log(sum_j e^{x_j - m}); the sum is taken as
/// 1 + (the rest) through log1p, so the dominant entry's log-probability keeps
/// full relative accuracy even when it is tiny (e.g. -3.3e-7).
void log_softmax(const double* x, double* log_y, std::size_t n);

/// Backward of softmax: dx_i = y_i (dy_i - sum_j y_j dy_j), with y = softmax(x).
void softmax_backward(const double* y, const double* dy, double* dx, std::size_t n);

/// Backward of log-softmax: dx_i = dy_i - y_i sum_j dy_j, with y = softmax(x)
/// (pass the probabilities, not their logs).
void log_softmax_backward(const double* y, const double* dy, double* dx, std::size_t n);

}  // namespace ap

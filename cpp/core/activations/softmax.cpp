#include "activations/softmax.h"

#include <cmath>
#include <limits>

namespace ap {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Index of the first maximum, or n when the vector has a NaN or no finite maximum.
std::size_t argmax_or_invalid(const double* x, std::size_t n) {
  std::size_t best = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(x[i])) return n;
    if (x[i] > x[best]) best = i;
  }
  return std::isfinite(x[best]) ? best : n;
}

/// e^{x - m} for the exact difference d = hi + lo (Knuth's TwoSum of x and -m):
/// e^{hi + lo} = e^{hi} (1 + lo) since |lo| <= ulp(hi) / 2 is tiny.
double exp_diff(double x, double m, double* hi_out, double* lo_out) {
  const double hi = x - m;
  const double bv = hi - x;
  const double lo = (x - (hi - bv)) + (-m - bv);
  *hi_out = hi;
  *lo_out = std::isfinite(hi) ? lo : 0.0;
  const double e = std::exp(hi);
  return e + e * *lo_out;
}

/// Fills e_i = e^{x_i - m} (optionally) and returns sum over i != winner of e_i.
double rest_sum(const double* x, std::size_t n, std::size_t winner, double* e_out) {
  const double m = x[winner];
  double rest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double hi = 0, lo = 0;
    const double e = i == winner ? 1.0 : exp_diff(x[i], m, &hi, &lo);
    if (e_out != nullptr) e_out[i] = e;
    if (i != winner) rest += e;
  }
  return rest;
}

}  // namespace

void softmax(const double* x, double* y, std::size_t n) {
  if (n == 0) return;
  const std::size_t winner = argmax_or_invalid(x, n);
  if (winner == n) {
    for (std::size_t i = 0; i < n; ++i) y[i] = kNaN;
    return;
  }
  const double total = 1.0 + rest_sum(x, n, winner, y);
  for (std::size_t i = 0; i < n; ++i) y[i] /= total;
}

void log_softmax(const double* x, double* log_y, std::size_t n) {
  if (n == 0) return;
  const std::size_t winner = argmax_or_invalid(x, n);
  if (winner == n) {
    for (std::size_t i = 0; i < n; ++i) log_y[i] = kNaN;
    return;
  }
  const double m = x[winner];
  const double log_total = std::log1p(rest_sum(x, n, winner, nullptr));
  for (std::size_t i = 0; i < n; ++i) {
    const double hi = x[i] - m;
    const double bv = hi - x[i];
    const double lo = std::isfinite(hi) ? (x[i] - (hi - bv)) + (-m - bv) : 0.0;
    // (hi - log_total) + lo: the large parts first, the tiny correction last.
    log_y[i] = (hi - log_total) + lo;
  }
}

void softmax_backward(const double* y, const double* dy, double* dx, std::size_t n) {
  double dot = 0;
  for (std::size_t i = 0; i < n; ++i) dot += y[i] * dy[i];
  for (std::size_t i = 0; i < n; ++i) dx[i] = y[i] * (dy[i] - dot);
}

void log_softmax_backward(const double* y, const double* dy, double* dx, std::size_t n) {
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += dy[i];
  for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i] - y[i] * sum;
}

}  // namespace ap

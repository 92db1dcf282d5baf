#include "activations/softmax.h"

#include <cmath>
#include <limits>

#include "math/stable_math.h"

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

/// The exact difference x - m as hi + lo (TwoSum); lo = 0 when hi is not finite.
math::TwoDouble exact_diff(double x, double m) {
  math::TwoDouble d = math::two_sum(x, -m);
  if (!std::isfinite(d.hi)) d.lo = 0.0;
  return d;
}

/// Fills e_i = e^{x_i - m} (optionally) and returns sum over i != winner of e_i;
/// e^{hi + lo} = e^{hi} (1 + lo) since |lo| <= ulp(hi) / 2 is tiny.
double rest_sum(const double* x, std::size_t n, std::size_t winner, double* e_out) {
  const double m = x[winner];
  double rest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double e = 1.0;
    if (i != winner) {
      const math::TwoDouble d = exact_diff(x[i], m);
      e = std::exp(d.hi);
      e += e * d.lo;
      rest += e;
    }
    if (e_out != nullptr) e_out[i] = e;
  }
  return rest;
}

/// The winner (first maximum), or n after filling out with NaN when there is none.
std::size_t winner_or_nan(const double* x, double* out, std::size_t n) {
  const std::size_t winner = argmax_or_invalid(x, n);
  if (winner == n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = kNaN;
  }
  return winner;
}

}  // namespace

void softmax(const double* x, double* y, std::size_t n) {
  if (n == 0) return;
  const std::size_t winner = winner_or_nan(x, y, n);
  if (winner == n) return;
  const double total = 1.0 + rest_sum(x, n, winner, y);
  for (std::size_t i = 0; i < n; ++i) y[i] /= total;
}

void log_softmax(const double* x, double* log_y, std::size_t n) {
  if (n == 0) return;
  const std::size_t winner = winner_or_nan(x, log_y, n);
  if (winner == n) return;
  const double m = x[winner];
  const double log_total = std::log1p(rest_sum(x, n, winner, nullptr));
  for (std::size_t i = 0; i < n; ++i) {
    const math::TwoDouble d = exact_diff(x[i], m);
    // (hi - log_total) + lo: the large parts first, the tiny correction last.
    log_y[i] = (d.hi - log_total) + d.lo;
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

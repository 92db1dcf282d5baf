#include "activations/softmax.h"

#include <cmath>
#include <limits>

#include "math/stable_math.h"

namespace ap {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Index of the first maximum, or n when the vector has a NaN or no finite maximum.
std::size_t argmax_or_invalid(const double* x, std::size_t n, std::size_t stride) {
  std::size_t best = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (std::isnan(x[i * stride])) return n;
    if (x[i * stride] > x[best * stride]) best = i;
  }
  return std::isfinite(x[best * stride]) ? best : n;
}

/// The exact difference x - m as hi + lo (TwoSum); lo = 0 when hi is not finite.
math::TwoDouble exact_diff(double x, double m) {
  math::TwoDouble d = math::two_sum(x, -m);
  if (!std::isfinite(d.hi)) d.lo = 0.0;
  return d;
}

/// Fills e_i = e^{x_i - m} (optionally) and returns sum over i != winner of e_i;
/// e^{hi + lo} = e^{hi} (1 + lo) since |lo| <= ulp(hi) / 2 is tiny.
double rest_sum(const double* x, std::size_t n, std::size_t stride, std::size_t winner, double* e_out) {
  const double m = x[winner * stride];
  double rest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double e = 1.0;
    if (i != winner) {
      const math::TwoDouble d = exact_diff(x[i * stride], m);
      e = std::exp(d.hi);
      e += e * d.lo;
      rest += e;
    }
    if (e_out != nullptr) e_out[i * stride] = e;
  }
  return rest;
}

/// The winner (first maximum), or n after filling out with NaN when there is none.
std::size_t winner_or_nan(const double* x, double* out, std::size_t n, std::size_t stride) {
  const std::size_t winner = argmax_or_invalid(x, n, stride);
  if (winner == n && out != nullptr) {
    for (std::size_t i = 0; i < n; ++i) out[i * stride] = kNaN;
  }
  return winner;
}

}  // namespace

SoftmaxTerms softmax_terms(const double* x, double* y, std::size_t n, std::size_t stride) {
  if (n == 0) return {0, kNaN};
  const std::size_t winner = winner_or_nan(x, y, n, stride);
  if (winner == n) return {n, kNaN};
  const double rest = rest_sum(x, n, stride, winner, y);
  const double total = 1.0 + rest;
  if (y != nullptr) {
    for (std::size_t i = 0; i < n; ++i) y[i * stride] /= total;
  }
  return {winner, std::log1p(rest)};
}

double log_softmax_at(const double* x, std::size_t stride, const SoftmaxTerms& terms, std::size_t c) {
  const math::TwoDouble d = exact_diff(x[c * stride], x[terms.top * stride]);
  // (hi - log_total) + lo: the large parts first, the tiny correction last.
  return (d.hi - terms.log_total) + d.lo;
}

void softmax(const double* x, double* y, std::size_t n, std::size_t stride) { softmax_terms(x, y, n, stride); }

void log_softmax(const double* x, double* log_y, std::size_t n, std::size_t stride) {
  if (n == 0) return;
  const std::size_t winner = winner_or_nan(x, log_y, n, stride);
  if (winner == n) return;
  const SoftmaxTerms terms{winner, std::log1p(rest_sum(x, n, stride, winner, nullptr))};
  for (std::size_t i = 0; i < n; ++i) log_y[i * stride] = log_softmax_at(x, stride, terms, i);
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

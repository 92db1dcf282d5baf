#include "activations/softmax.h"

namespace ap {

void softmax(const double* x, double* y, std::size_t n, std::size_t stride) { softmax_terms(x, y, n, stride); }

void log_softmax(const double* x, double* log_y, std::size_t n, std::size_t stride) {
  if (n == 0) return;
  const std::size_t winner = softmax_detail::winner_or_nan(x, log_y, n, stride);
  if (winner == n) return;
  const SoftmaxTerms terms{winner, math::fast_log1p(softmax_detail::rest_sum<true>(x, n, stride, winner, nullptr))};
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

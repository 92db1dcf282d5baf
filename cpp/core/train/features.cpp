#include "train/features.h"

#include <cmath>
#include <vector>
#include <xtensor/xadapt.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xoperation.hpp>

namespace ap {

double feature_value(Feature feature, double x, double y) {
  switch (feature) {
    case Feature::kX:
      return x;
    case Feature::kY:
      return y;
    case Feature::kX2:
      return x * x;
    case Feature::kY2:
      return y * y;
    case Feature::kXY:
      return x * y;
    case Feature::kSinX:
      return std::sin(x);
    case Feature::kSinY:
      return std::sin(y);
  }
  return 0;
}

bool depends_on_x(Feature feature) {
  return feature == Feature::kX || feature == Feature::kX2 || feature == Feature::kSinX || feature == Feature::kXY;
}

bool depends_on_y(Feature feature) {
  return feature == Feature::kY || feature == Feature::kY2 || feature == Feature::kSinY || feature == Feature::kXY;
}

void compute_features(const std::vector<Feature>& features, double x, double y, double* out) {
  for (std::size_t i = 0; i < features.size(); ++i) out[i] = feature_value(features[i], x, y);
}

/// mean_j = (1/n) sum_i v_ij, std_j = sqrt((1/n) sum_i (v_ij - mean_j)^2) (the
/// population deviation, so the fitted rows get exactly std 1); inv_std_j = 1/std_j,
/// or 1 when the feature is constant (std below 1e-12 of its magnitude).
void Standardizer::fit(const double* values, int rows, int cols) {
  mean = xt::xtensor<double, 1>();
  inv_std = xt::xtensor<double, 1>();
  if (rows <= 0 || cols <= 0) return;
  const std::size_t r = static_cast<std::size_t>(rows), c = static_cast<std::size_t>(cols);
  const auto v = xt::adapt(values, r * c, xt::no_ownership(), std::array<std::size_t, 2>{r, c});
  mean = xt::mean(v, {0});
  // Two passes: the one-pass E[v^2] - E[v]^2 cancels badly for x2 far from 0.
  const xt::xtensor<double, 1> sd = xt::sqrt(xt::mean(xt::square(v - mean), {0}));
  const xt::xtensor<double, 1> tiny = 1e-12 * xt::maximum(xt::abs(mean), 1.0);
  inv_std = xt::where(xt::isfinite(sd) && sd > tiny, 1.0 / sd, 1.0);
}

double Standardizer::value(std::size_t i, double v) const { return i < mean.size() ? (v - mean(i)) * inv_std(i) : v; }

void Standardizer::apply(double* row, int cols) const {
  for (int c = 0; c < cols; ++c) row[c] = value(static_cast<std::size_t>(c), row[c]);
}

}  // namespace ap

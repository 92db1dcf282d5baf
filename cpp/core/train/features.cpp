#include "train/features.h"

#include <cmath>
#include <vector>

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
  mean.clear();
  inv_std.clear();
  if (rows <= 0 || cols <= 0) return;
  mean.assign(cols, 0.0);
  inv_std.assign(cols, 1.0);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) mean[c] += values[r * cols + c];
  }
  for (int c = 0; c < cols; ++c) mean[c] /= rows;
  // Two passes: the one-pass E[v^2] - E[v]^2 cancels badly for x2 far from 0.
  std::vector<double> sum_sq(cols, 0.0);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const double dev = values[r * cols + c] - mean[c];
      sum_sq[c] += dev * dev;
    }
  }
  for (int c = 0; c < cols; ++c) {
    const double sd = std::sqrt(sum_sq[c] / rows);
    const double scale = std::fabs(mean[c]);
    if (std::isfinite(sd) && sd > 1e-12 * (scale > 1 ? scale : 1)) inv_std[c] = 1 / sd;
  }
}

double Standardizer::value(std::size_t i, double v) const { return i < mean.size() ? (v - mean[i]) * inv_std[i] : v; }

void Standardizer::apply(double* row, int cols) const {
  for (int c = 0; c < cols; ++c) row[c] = value(static_cast<std::size_t>(c), row[c]);
}

}  // namespace ap

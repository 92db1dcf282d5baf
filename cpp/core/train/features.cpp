#include "train/features.h"

#include <cmath>
#include <vector>

namespace ap {

void compute_features(const std::vector<Feature>& features, double x, double y, double* out) {
  const std::size_t count = features.size();
  for (std::size_t i = 0; i < count; ++i) {
    double value = 0;
    switch (features[i]) {
      case Feature::kX:
        value = x;
        break;
      case Feature::kY:
        value = y;
        break;
      case Feature::kX2:
        value = x * x;
        break;
      case Feature::kY2:
        value = y * y;
        break;
      case Feature::kXY:
        value = x * y;
        break;
      case Feature::kSinX:
        value = std::sin(x);
        break;
      case Feature::kSinY:
        value = std::sin(y);
        break;
    }
    out[i] = value;
  }
}

const char* feature_name(Feature feature) {
  switch (feature) {
    case Feature::kX:
      return "x";
    case Feature::kY:
      return "y";
    case Feature::kX2:
      return "x2";
    case Feature::kY2:
      return "y2";
    case Feature::kXY:
      return "xy";
    case Feature::kSinX:
      return "sinx";
    case Feature::kSinY:
      return "siny";
  }
  return "?";
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

void Standardizer::apply(double* row, int cols) const {
  const int fitted_cols = static_cast<int>(mean.size());
  if (cols > fitted_cols) cols = fitted_cols;
  for (int c = 0; c < cols; ++c) row[c] = (row[c] - mean[c]) * inv_std[c];
}

}  // namespace ap

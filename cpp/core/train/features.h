#pragma once
// Input features computed from a point (x, y), and the optional standardisation
// fitted on the training set.

#include <cstddef>
#include <vector>
#include <xtensor/xtensor.hpp>

#include "train/config_types.h"

namespace ap {

/// The value of one feature at (x, y).
double feature_value(Feature feature, double x, double y);

/// Whether a feature reads x (x, x2, sinx, xy) / y (y, y2, siny, xy).
bool depends_on_x(Feature feature);
bool depends_on_y(Feature feature);

/// Writes the value of each feature at (x, y) into out[0..features.size()).
void compute_features(const std::vector<Feature>& features, double x, double y, double* out);

/// Public name of a feature: x, y, x2, y2, xy, sinx, siny. Defined in config.cpp beside the
/// other configuration names, so the names exist once.
const char* feature_name(Feature feature);

/// Per-feature affine map to mean 0, std 1; identity when not fitted.
struct Standardizer {
  xt::xtensor<double, 1> mean, inv_std;  ///< per feature; empty when not fitted
  /// Fits on `rows` row-major rows of `cols` features. A constant feature keeps scale 1.
  void fit(const double* values, int rows, int cols);
  /// Feature i's value v standardised; features beyond the fitted ones pass unchanged.
  double value(std::size_t i, double v) const;
  void apply(double* row, int cols) const;
  bool fitted() const { return mean.size() > 0; }
};

}  // namespace ap

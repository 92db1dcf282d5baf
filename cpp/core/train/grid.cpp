#include "train/grid.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace ap {

void validate_grid_spec(const GridSpec& spec) {
  if (spec.size < 2 || spec.size > 256) {
    throw std::invalid_argument("grid.size must be an integer in 2..256, got " + std::to_string(spec.size));
  }
  const struct {
    const char* name;
    double value;
  } bounds[] = {{"xMin", spec.x_min}, {"xMax", spec.x_max}, {"yMin", spec.y_min}, {"yMax", spec.y_max}};
  for (const auto& b : bounds) {
    if (!std::isfinite(b.value))
      throw std::invalid_argument(std::string("grid.") + b.name + " must be a finite number");
  }
  if (!(spec.x_min < spec.x_max)) throw std::invalid_argument("grid.xMin must be less than grid.xMax");
  if (!(spec.y_min < spec.y_max)) throw std::invalid_argument("grid.yMin must be less than grid.yMax");
}

double grid_x(const GridSpec& spec, int c) { return spec.x_min + c * (spec.x_max - spec.x_min) / (spec.size - 1); }

double grid_y(const GridSpec& spec, int r) { return spec.y_max - r * (spec.y_max - spec.y_min) / (spec.size - 1); }

GridFeatures::GridFeatures(const GridSpec& spec, const std::vector<Feature>& features, const Standardizer& standardizer)
    : spec_(spec), features_(features), standardizer_(standardizer) {
  const std::size_t f = features.size();
  const std::size_t n = static_cast<std::size_t>(spec.size);
  uses_x_.assign(f, 0);
  uses_y_.assign(f, 0);
  for (std::size_t i = 0; i < f; ++i) {
    switch (features[i]) {
      case Feature::kX:
      case Feature::kX2:
      case Feature::kSinX:
        uses_x_[i] = 1;
        break;
      case Feature::kY:
      case Feature::kY2:
      case Feature::kSinY:
        uses_y_[i] = 1;
        break;
      case Feature::kXY:
        uses_x_[i] = uses_y_[i] = 1;
        break;
    }
  }
  by_column_.assign(n * f, 0.0);
  by_row_.assign(n * f, 0.0);
  for (std::size_t i = 0; i < f; ++i) {
    single_.push_back({features[i]});
    const std::vector<Feature>& one = single_.back();
    if (uses_x_[i] && !uses_y_[i]) {
      for (std::size_t c = 0; c < n; ++c)
        compute_features(one, grid_x(spec, static_cast<int>(c)), 0.0, &by_column_[c * f + i]);
    } else if (uses_y_[i] && !uses_x_[i]) {
      for (std::size_t r = 0; r < n; ++r)
        compute_features(one, 0.0, grid_y(spec, static_cast<int>(r)), &by_row_[r * f + i]);
    }
  }
  row_.assign(f, 0.0);
}

void GridFeatures::fill(int first, int nb, double* out) const {
  const std::size_t f = features_.size();
  const int size = spec_.size;
  for (int b = 0; b < nb; ++b) {
    const int cell = first + b;
    const std::size_t r = static_cast<std::size_t>(cell / size);
    const std::size_t c = static_cast<std::size_t>(cell % size);
    for (std::size_t i = 0; i < f; ++i) {
      if (uses_x_[i] && uses_y_[i]) {
        compute_features(single_[i], grid_x(spec_, static_cast<int>(c)), grid_y(spec_, static_cast<int>(r)), &row_[i]);
      } else {
        row_[i] = uses_x_[i] ? by_column_[c * f + i] : by_row_[r * f + i];
      }
    }
    if (standardizer_.fitted()) standardizer_.apply(row_.data(), static_cast<int>(f));
    for (std::size_t i = 0; i < f; ++i) out[i * static_cast<std::size_t>(nb) + static_cast<std::size_t>(b)] = row_[i];
  }
}

}  // namespace ap

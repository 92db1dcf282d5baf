#pragma once
// Decision-boundary grids. Cell (row r, column c) of a size x size grid samples
//   x = xMin + c (xMax - xMin) / (size - 1),   y = yMax - r (yMax - yMin) / (size - 1),
// stored row-major at r * size + c: row 0 is the top (largest y). This file is the
// one place that orientation is written down.

#include <vector>

#include "train/config.h"
#include "train/features.h"
#include "train/trainer.h"

namespace ap {

/// Throws std::invalid_argument unless size is in 2..256, all bounds are finite,
/// xMin < xMax and yMin < yMax.
void validate_grid_spec(const GridSpec& spec);

/// x coordinate of column c and y coordinate of row r.
double grid_x(const GridSpec& spec, int c);
double grid_y(const GridSpec& spec, int r);

/// Network inputs of grid cells: the configured features at each cell,
/// standardised like the training data. Features of x alone (x, x2, sinx) are
/// computed once per column and those of y alone once per row, so a 100 x 100 grid
/// costs 200 sines, not 20,000.
class GridFeatures {
 public:
  GridFeatures(const GridSpec& spec, const std::vector<Feature>& features, const Standardizer& standardizer);
  int cells() const { return spec_.size * spec_.size; }
  /// Features of cells [first, first + nb) into out[f * nb + b].
  void fill(int first, int nb, double* out) const;

 private:
  GridSpec spec_;
  std::vector<Feature> features_;
  const Standardizer& standardizer_;
  std::vector<double> by_column_, by_row_;    // [c * f + i], [r * f + i]
  std::vector<char> uses_x_, uses_y_;         // per feature
  std::vector<std::vector<Feature>> single_;  // each feature alone, for compute_features
  mutable std::vector<double> row_;
};

}  // namespace ap

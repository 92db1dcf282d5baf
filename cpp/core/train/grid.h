#pragma once
// Decision-boundary grids. Cell (row r, column c) of a size x size grid samples
//   x = xMin + c (xMax - xMin) / (size - 1),   y = yMax - r (yMax - yMin) / (size - 1),
// stored row-major at r * size + c: row 0 is the top (largest y). This file is the
// one place that orientation is written down.

#include <cstddef>
#include <vector>
#include <xtensor/xtensor.hpp>

#include "train/config_types.h"
#include "train/features.h"
#include "train/network.h"
#include "train/trainer_types.h"

namespace ap {

/// `size` as a grid size; throws std::invalid_argument unless it is an integer in 2..256.
int checked_grid_size(double size);

/// Throws std::invalid_argument unless size is in 2..256 (checked_grid_size), all
/// bounds are finite, xMin < xMax and yMin < yMax.
void validate_grid_spec(const GridSpec& spec);

/// x coordinate of column c and y coordinate of row r.
double grid_x(const GridSpec& spec, int c);
double grid_y(const GridSpec& spec, int r);

/// The network evaluated over a grid in float32, one row of cells at a time: the
/// display path behind predictGrid and neuronGrids (drawn as float32 colours).
///
/// Why not Network::forward: a frame of the page redraws 10,000 cells, and this
/// path is ~4x cheaper. Hidden layers run on four float lanes with the display
/// tanh/sigmoid of math/display_activation.h (<= 2.5 float ulp); other activations
/// run the network's own double kernels. The first layer is separable: the part
/// of each unit's sum that depends on x alone is computed once per column, the
/// part of y alone once per row, so only the xy feature is evaluated per cell.
/// Results differ from the float64 forward pass (Trainer::transform) by float32
/// rounding: tests/cpp/train/trainer_grid_test.cpp bounds the difference by 2e-5 on trained models.
class GridEvaluator {
 public:
  /// Snapshots the network's parameters as floats; `network` must outlive this object. Its
  /// float64 forward pass (which writes only its workspace) is used for rows where float32 overflows.
  GridEvaluator(const GridSpec& spec, const std::vector<Feature>& features, const Standardizer& standardizer,
                const Network& network);

  int size() const { return spec_.size; }
  /// Row length of the buffers below: size rounded up to a multiple of 4.
  std::size_t stride() const { return stride_; }

  /// Forward pass over the cells of row r.
  void run_row(int r);
  /// After run_row: activations of hidden layer l, units x stride.
  const float* hidden(int l) const { return a_[static_cast<std::size_t>(l)].data(); }
  /// After run_row: output activations (probabilities, values or tanh outputs), outputs x stride.
  const double* output() const { return output_.data(); }

  /// Standardised feature i at the cells of row r, into out[0..size): computed in
  /// double and rounded once, exactly as the float64 path's inputs.
  void row_features(int r, int i, float* out) const;

 private:
  template <class T>
  void feature_row(int r, std::size_t i, T* out) const;
  void first_layer(int r);
  void activate(int l);
  /// Row r again through the float64 forward pass, into the same buffers.
  void exact_row(int r);

  GridSpec spec_;
  std::vector<Feature> features_;
  const Standardizer& standardizer_;
  const Network& network_;
  std::size_t stride_;
  std::vector<double> column_x_;              // x of each column
  std::vector<std::size_t> xy_features_;      // indices of features of both x and y
  std::vector<double> by_column_, by_row_;    // standardised x-only / y-only features: [feature i][column | row]
  std::vector<float> column_part_;            // layer 0: [row j][column c], x-only features
  std::vector<double> row_part_;              // layer 0: [row j][grid row r], bias + y-only features
  std::vector<float> xy_;                     // standardised xy feature(s) of the current row
  std::vector<float> params_;                 // the network's parameters as floats, at its offsets
  std::vector<xt::xtensor<float, 2>> z_, a_;  // per layer: rows / units x stride, one grid row
  std::vector<double> scratch_in_, scratch_out_, output_;
};

}  // namespace ap

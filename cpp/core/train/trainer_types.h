#pragma once
// The trainer's results as plain values: what Trainer (train/trainer.h) returns and
// what the diagnostics, history and grid code fill in.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>
#include <xtensor/xtensor.hpp>

namespace ap {

struct Metrics {
  int epoch = 0;
  double train_loss = 0, test_loss = 0;
  double train_accuracy = 0, test_accuracy = 0;  ///< NaN for regression
  bool diverged = false;
};

/// At most 10,000 points; older epochs decimated.
struct History {
  std::vector<double> epoch, train_loss, test_loss, train_accuracy, test_accuracy;
};

struct Histogram {
  double lo = 0, hi = 0;
  xt::xtensor<std::uint32_t, 1> counts;  ///< 20 equal bins
};

/// Diagnostics of one layer (hidden layers first, then the output layer).
struct LayerStats {
  double grad_norm = 0;
  double pre_act_mean = 0, pre_act_std = 0;
  double act_mean = 0, act_std = 0;
  double dead_fraction = 0, saturated_fraction = 0, same_sign_fraction = 0;
  Histogram histogram;
};

struct PointSet {
  std::vector<double> x, y;
  std::vector<double> label;  ///< class index or regression target
  std::vector<std::uint8_t> is_test;
};

struct GridSpec {
  int size = 100;
  double x_min = -6, x_max = 6, y_min = -6, y_max = 6;
};

/// layer -1 = input feature, 0.. hidden layers, hidden_count = output layer.
struct NeuronGrid {
  int layer;
  int index;
  xt::xtensor<float, 2> grid;  ///< size x size, row 0 at the top (largest y)
};

/// Every unit's grid in one buffer: unit k (layer[k], index[k]) at values[k * cells, (k + 1) * cells).
struct NeuronGridSet {
  std::size_t cells = 0;
  std::vector<int> layer, index;
  xt::xtensor<float, 3> values;  ///< units x size x size
};

/// Weights of the connections into one layer (0 = first hidden layer; the last is the output layer).
struct LayerWeights {
  int inputs = 0, outputs = 0;
  xt::xtensor<double, 2> weights;  ///< [out][in]
  xt::xtensor<double, 1> biases;
};

struct LearnedParam {
  int layer;
  std::string name;
  std::vector<double> values;
};

}  // namespace ap

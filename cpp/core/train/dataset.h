#pragma once
// Dataset generation on [-6, 6]^2 following TensorFlow Playground's recipes
// (circle, xor, gauss, spiral, reg-plane, reg-gauss) plus moons and checkerboard
// (defined in README.md), and the train/test split. Deterministic for a seed.

#include <cstdint>
#include <vector>

#include "train/config.h"

namespace ap {

struct Dataset {
  std::vector<double> x, y;
  std::vector<double> label;          ///< class index 0..classes-1, or regression target
  std::vector<std::uint8_t> is_test;  ///< 1 for test points
  int classes = 2;                    ///< 0 for regression
  bool regression() const { return classes == 0; }
  std::size_t size() const { return x.size(); }
};

/// Generates config.points points (or copies config.data for "custom") and marks
/// round((1 - trainFraction) * n) of them, chosen by the seeded generator, as test points.
Dataset make_dataset(const TrainerConfig& config);

}  // namespace ap

#pragma once
// Dataset generation on [-6, 6]^2 following TensorFlow Playground's recipes
// (circle, xor, gauss, spiral, reg-plane, reg-gauss) plus moons and checkerboard
// (defined in README.md), and the train/test split. Deterministic for a seed.

#include <cstdint>
#include <vector>

#include "train/config_types.h"

namespace ap {

struct Dataset {
  std::vector<double> x, y;
  std::vector<double> label;          ///< class index 0..classes-1, or regression target
  std::vector<std::uint8_t> is_test;  ///< 1 for test points
  int classes = 2;                    ///< 0 for regression
  bool regression() const { return classes == 0; }
  std::size_t size() const { return x.size(); }
};

/// Rng streams of the user seed used here (the trainer's own streams must differ).
inline constexpr std::uint64_t kDataStream = 1;   ///< point positions, labels and their order
inline constexpr std::uint64_t kSplitStream = 2;  ///< which points are test points

/// Number of points the dataset will have: config.data's length for "custom",
/// else config.points.
int dataset_point_count(const TrainerConfig& config);

/// Number of test points for n points: round((1 - trainFraction) * n), clamped so
/// that at least one point trains and, when n >= 2, at least one point tests.
int test_point_count(int n, double train_fraction);

/// Training points of the dataset make_dataset(config) builds:
/// dataset_point_count(config) - test_point_count(...).
int training_point_count(const TrainerConfig& config);

/// Generates config.points points (or copies config.data for "custom") and marks
/// round((1 - trainFraction) * n) of them, chosen by the seeded generator, as test points.
Dataset make_dataset(const TrainerConfig& config);

}  // namespace ap

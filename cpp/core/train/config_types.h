#pragma once
// The trainer's configuration as plain values: what parse_config (train/config.h)
// produces from the JSON object documented in README.md, and what the network,
// the datasets and the trainer read.

#include <cstdint>
#include <string>
#include <vector>

#include "activations/activation.h"
#include "activations/maxout.h"

namespace ap {

enum class DatasetKind { kCircle, kXor, kGauss, kSpiral, kMoons, kCheckerboard, kRegPlane, kRegGauss, kCustom };
enum class Feature { kX, kY, kX2, kY2, kXY, kSinX, kSinY };
enum class OutputKind { kAuto, kTanh };
enum class InitKind { kXavier, kHe, kLecun, kUniform };
enum class OptimizerKind { kSgd, kMomentum, kAdam };
enum class RegularizationKind { kNone, kL1, kL2 };

/// Points supplied by the user for dataset "custom".
struct CustomData {
  std::vector<double> x, y;
  std::vector<double> label;  ///< class index (0..k-1) or a real target for regression
};

/// Classes of custom data: k = max label + 1 when every label is an integer in
/// 0..4 and at least two distinct labels occur; otherwise 0 (the data is a
/// regression set whose labels are real targets).
int custom_class_count(const CustomData& data);

/// A hidden layer's activation: a registry activation with parameter values, or a
/// piece-wise layer kind (maxout) with its number of pieces. Points into a Registry.
struct LayerActivation {
  const Activation* activation = nullptr;  ///< null for a reduction layer
  const Reduction* reduction = nullptr;    ///< maxout, or null
  ParamValues params{};                    ///< resolved activation params (defaults filled in)
  bool learn = true;                       ///< train learnable params
  int pieces = 0;                          ///< k of a reduction, else 0

  /// `activation` at its default parameters.
  static LayerActivation of(const Activation& activation);
  /// `reduction` with k pieces.
  static LayerActivation of(const Reduction& reduction, int pieces);
  const std::string& name() const { return activation != nullptr ? activation->name : reduction->name; }
};

struct TrainerConfig {
  DatasetKind dataset = DatasetKind::kCircle;
  int classes = 2;
  int points = 500;
  double noise = 0;
  double train_fraction = 0.5;
  std::uint32_t seed = 1;
  CustomData data;
  std::vector<Feature> features{Feature::kX, Feature::kY};
  bool standardize = false;
  std::vector<int> hidden{4, 2};
  std::vector<LayerActivation> activations;  ///< one per hidden layer, always expanded
  OutputKind output = OutputKind::kAuto;
  InitKind init = InitKind::kXavier;
  double init_scale = 1;
  double bias_init = 0;
  OptimizerKind optimizer = OptimizerKind::kSgd;
  double learning_rate = 0.03;
  int batch_size = 10;
  bool shuffle = true;
  RegularizationKind regularization = RegularizationKind::kNone;
  double regularization_rate = 0;

  /// reg-plane, reg-gauss, or custom data whose labels are not classes
  /// (see custom_class_count).
  bool is_regression() const;
};

}  // namespace ap

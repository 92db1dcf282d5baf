#pragma once
// The trainer's configuration: the plain object documented in README.md, parsed
// from JSON and validated in one place (config.cpp). Every error names the field
// and its allowed values.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "activations/activation.h"

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

/// A hidden layer's activation: a catalog name with parameter values, or maxout.
struct LayerActivation {
  std::string name;        ///< catalog name, or "maxout"
  ParamValues params{};    ///< resolved catalog params (defaults filled in)
  bool learn = true;       ///< train learnable params
  int maxout_pieces = 0;   ///< k for maxout, else 0
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

/// Parses and validates a full configuration; missing keys take defaults.
/// Throws std::invalid_argument naming the field and its allowed values.
TrainerConfig parse_config(const nlohmann::json& json);

/// Applies the live hyperparameters (learningRate, optimizer, regularization,
/// regularizationRate, batchSize) in `partial` to `config`; any other key throws.
void apply_live_update(TrainerConfig& config, const nlohmann::json& partial, int training_points);

/// The configuration as JSON, in the public (camelCase) form parse_config reads.
nlohmann::json config_to_json(const TrainerConfig& config);

/// A description of every configuration key, in the order parse_config reads them:
/// [{name, type, default, min, max, minExclusive, values, items, minItems, maxItems,
///   unique, maxout, multiclass, regression, live, description}] (fields by type; see
/// configSchema() in web/lib/activation-playground.d.ts). The validation reads the same
/// table, so what this says is what parse_config enforces.
nlohmann::json config_schema();

}  // namespace ap

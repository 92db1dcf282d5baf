#pragma once
// The trainer facade: dataset + network + optimizer behind the calls the JS API
// exposes one-to-one (see README "Training API"). The bindings only convert.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "activations/registry.h"
#include "train/config_types.h"

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
  std::vector<std::uint32_t> counts;  ///< 20 equal bins
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
  std::vector<float> grid;  ///< size*size, row 0 at the top (largest y)
};

/// Every unit's grid in one buffer: unit k (layer[k], index[k]) at values[k * cells, (k + 1) * cells).
struct NeuronGridSet {
  std::size_t cells = 0;
  std::vector<int> layer, index;
  std::vector<float> values;
};

/// Weights of the connections into one layer (0 = first hidden layer; the last is the output layer).
struct LayerWeights {
  int inputs = 0, outputs = 0;
  std::vector<double> weights;  ///< row-major [out][in]
  std::vector<double> biases;
};

struct LearnedParam {
  int layer;
  std::string name;
  std::vector<double> values;
};

class Trainer {
 public:
  /// Builds the dataset and network from a validated configuration.
  explicit Trainer(const TrainerConfig& config);
  /// Parses and validates `config_json` (a JSON object) first; activation names are
  /// looked up in `registry`, which must outlive the trainer.
  static std::unique_ptr<Trainer> from_config_json(const std::string& config_json,
                                                   const Registry& registry = Registry::builtin());
  /// A trainer that predicts exactly as the exported model; throws on malformed JSON.
  static std::unique_ptr<Trainer> import_model(const std::string& model_json,
                                               const Registry& registry = Registry::builtin());
  ~Trainer();
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;

  Metrics train(int epochs);
  Metrics metrics() const;
  const History& history() const;
  std::vector<LayerStats> layer_stats() const;
  PointSet points() const;
  int output_classes() const;  ///< 1 for 2-class and regression, k for k classes
  /// Grids are the display path (train/grid.h): float32 arithmetic, within 2e-5
  /// of the float64 forward pass of transform() on trained models.
  std::vector<float> predict_grid(const GridSpec& spec) const;
  std::vector<NeuronGrid> neuron_grids(const GridSpec& spec) const;
  /// The same grids packed in one buffer (what the JS binding hands out, without a copy per unit).
  NeuronGridSet neuron_grid_set(const GridSpec& spec) const;
  /// The grid of one unit of neuron_grids (layer -1..hidden_count, index within
  /// the layer); throws std::invalid_argument for a unit that does not exist.
  std::vector<float> neuron_grid(const GridSpec& spec, int layer, int index) const;
  std::vector<LearnedParam> learned_params() const;
  /// Row-major n x width activations of hidden layer `layer` at the input points.
  std::vector<double> transform(int layer, const std::vector<double>& x, const std::vector<double>& y) const;
  void update(const std::string& partial_config_json);
  std::vector<LayerWeights> weights() const;
  /// Sets one weight (the page's "edit this link"); throws on an index out of range or a non-finite value.
  void set_weight(int layer, int to, int from, double value);
  /// Sets the bias of unit (row) `to` of weight layer `layer`; throws like set_weight.
  void set_bias(int layer, int to, double value);
  std::string export_model() const;
  const TrainerConfig& config() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ap

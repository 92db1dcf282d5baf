#pragma once
// The trainer facade: dataset + network + optimizer behind the calls the JS API
// exposes one-to-one (see README "Training API"). The bindings only convert.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "activations/registry.h"
#include "train/config_types.h"
#include "train/trainer_types.h"

namespace ap {

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
  /// outputs x size x size (one plane per output unit; 1 for two classes and regression).
  xt::xtensor<float, 3> predict_grid(const GridSpec& spec) const;
  std::vector<NeuronGrid> neuron_grids(const GridSpec& spec) const;
  /// The same grids packed in one buffer (what the JS binding hands out, without a copy per unit).
  NeuronGridSet neuron_grid_set(const GridSpec& spec) const;
  /// The grid of one unit of neuron_grids (layer -1..hidden_count, index within
  /// the layer); throws std::invalid_argument for a unit that does not exist.
  xt::xtensor<float, 2> neuron_grid(const GridSpec& spec, int layer, int index) const;
  std::vector<LearnedParam> learned_params() const;
  /// n x width activations of hidden layer `layer` at the input points.
  xt::xtensor<double, 2> transform(int layer, const std::vector<double>& x, const std::vector<double>& y) const;
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

// Embind layer for the trainer facade. Every method converts its arguments,
// calls ap::Trainer and copies results out as plain JS objects / typed arrays.
#include <emscripten/bind.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "bindings/js_interop.h"
#include "text/format.h"
#include "train/config.h"
#include "train/grid.h"
#include "train/trainer.h"

namespace ap::bindings {
namespace {

/// The largest layer or unit index the binding passes on; the core checks the exact range.
/// Indices arrive as doubles and go through checked_integer before any conversion to int
/// (Embind would wrap 2^32 + 1 to 1).
constexpr int kMaxIndex = 1 << 20;

/// NaN accuracy (regression) becomes null, as the API documents.
val number_or_null(double value) { return std::isnan(value) ? val::null() : val(value); }

val metrics_to_js(const Metrics& m) {
  val out = val::object();
  out.set("epoch", m.epoch);
  out.set("trainLoss", m.train_loss);
  out.set("testLoss", m.test_loss);
  out.set("trainAccuracy", number_or_null(m.train_accuracy));
  out.set("testAccuracy", number_or_null(m.test_accuracy));
  out.set("diverged", m.diverged);
  return out;
}

GridSpec grid_spec_from_js(const val& spec) {
  GridSpec grid;
  const auto read = [&](const char* key, double& field) {
    const val value = spec[key];
    if (value.isUndefined()) return;
    if (!value.isNumber()) throw std::invalid_argument(std::string("grid.") + key + ": must be a number");
    field = value.as<double>();
  };
  if (!spec.isUndefined() && !spec.isNull()) {
    double size = grid.size;
    read("size", size);
    grid.size = checked_grid_size(size);
    read("xMin", grid.x_min);
    read("xMax", grid.x_max);
    read("yMin", grid.y_min);
    read("yMax", grid.y_max);
  }
  return grid;
}

/// The JS-facing trainer: owns one ap::Trainer; deleted by dispose() in web/lib.
class TrainerHandle {
 public:
  explicit TrainerHandle(std::unique_ptr<Trainer> trainer) : trainer_(std::move(trainer)) {}

  val train(double epochs) {
    return guarded([&] { return metrics_to_js(trainer_->train(checked_integer("train(epochs)", epochs, 0, 1000000))); });
  }
  val metrics() const {
    return guarded([&] { return metrics_to_js(trainer_->metrics()); });
  }

  val history() const {
    return guarded([&] {
      const History& h = trainer_->history();
      val out = val::object();
      out.set("epoch", to_typed_array(h.epoch));
      out.set("trainLoss", to_typed_array(h.train_loss));
      out.set("testLoss", to_typed_array(h.test_loss));
      out.set("trainAccuracy", to_typed_array(h.train_accuracy));
      out.set("testAccuracy", to_typed_array(h.test_accuracy));
      return out;
    });
  }

  val layer_stats() const {
    return guarded([&] {
      val out = val::array();
      for (const LayerStats& s : trainer_->layer_stats()) {
        val layer = val::object();
        layer.set("gradNorm", s.grad_norm);
        layer.set("preActMean", s.pre_act_mean);
        layer.set("preActStd", s.pre_act_std);
        layer.set("actMean", s.act_mean);
        layer.set("actStd", s.act_std);
        layer.set("deadFraction", s.dead_fraction);
        layer.set("saturatedFraction", s.saturated_fraction);
        layer.set("sameSignFraction", s.same_sign_fraction);
        val histogram = val::object();
        histogram.set("lo", s.histogram.lo);
        histogram.set("hi", s.histogram.hi);
        histogram.set("counts", to_typed_array(s.histogram.counts));
        layer.set("histogram", histogram);
        out.call<void>("push", layer);
      }
      return out;
    });
  }

  val points() const {
    return guarded([&] {
      const PointSet p = trainer_->points();
      val out = val::object();
      out.set("x", to_typed_array(p.x));
      out.set("y", to_typed_array(p.y));
      if (trainer_->config().is_regression()) {
        out.set("label", to_typed_array(p.label));
      } else {
        out.set("label", to_typed_array(std::vector<std::int32_t>(p.label.begin(), p.label.end())));
      }
      out.set("isTest", to_typed_array(p.is_test));
      return out;
    });
  }

  val predict_grid(const val& spec) const {
    return guarded([&] { return to_typed_array(trainer_->predict_grid(grid_spec_from_js(spec))); });
  }

  /// Packed for one crossing: {cells, layer, index, values}, unit k's grid at
  /// values[k * cells, (k + 1) * cells); web/lib unpacks it into NeuronGrid objects.
  val neuron_grids(const val& spec) const {
    return guarded([&] {
      const NeuronGridSet set = trainer_->neuron_grid_set(grid_spec_from_js(spec));
      val out = val::object();
      out.set("cells", static_cast<double>(set.cells));
      out.set("layer", to_typed_array(set.layer));
      out.set("index", to_typed_array(set.index));
      out.set("values", to_typed_array(set.values));
      return out;
    });
  }

  val neuron_grid(double layer, double index, const val& spec) const {
    return guarded([&] {
      return to_typed_array(trainer_->neuron_grid(grid_spec_from_js(spec), checked_integer("neuronGrid(layer)", layer, -1, kMaxIndex),
                                                  checked_integer("neuronGrid(index)", index, 0, kMaxIndex)));
    });
  }

  val learned_params() const {
    return guarded([&] {
      val out = val::array();
      for (const LearnedParam& p : trainer_->learned_params()) {
        val entry = val::object();
        entry.set("layer", p.layer);
        entry.set("name", p.name);
        entry.set("values", to_typed_array(p.values));
        out.call<void>("push", entry);
      }
      return out;
    });
  }

  val transform(double layer, const val& xs, const val& ys) const {
    return guarded([&] {
      const int l = checked_integer("transform(layer)", layer, -1, kMaxIndex);
      return to_typed_array(trainer_->transform(l, to_doubles(xs), to_doubles(ys)));
    });
  }

  void update(const std::string& partial_json) {
    guarded([&] { trainer_->update(partial_json); });
  }

  val weights() const {
    return guarded([&] {
      val out = val::array();
      for (const LayerWeights& w : trainer_->weights()) {
        val entry = val::object();
        entry.set("inputs", w.inputs);
        entry.set("outputs", w.outputs);
        entry.set("weights", to_typed_array(w.weights));
        entry.set("biases", to_typed_array(w.biases));
        out.call<void>("push", entry);
      }
      return out;
    });
  }

  void set_weight(double layer, double to, double from, double value) {
    guarded([&] {
      trainer_->set_weight(checked_integer("setWeight(layer)", layer, 0, kMaxIndex), checked_integer("setWeight(to)", to, 0, kMaxIndex),
                           checked_integer("setWeight(from)", from, 0, kMaxIndex), value);
    });
  }

  void set_bias(double layer, double to, double value) {
    guarded([&] {
      trainer_->set_bias(checked_integer("setBias(layer)", layer, 0, kMaxIndex), checked_integer("setBias(to)", to, 0, kMaxIndex), value);
    });
  }

  std::string export_model() const {
    return guarded([&] { return trainer_->export_model(); });
  }

  std::string config_json() const {
    return guarded([&] { return config_to_json(trainer_->config()).dump(); });
  }

 private:
  std::unique_ptr<Trainer> trainer_;
};

std::unique_ptr<TrainerHandle> create_trainer(const std::string& config_json) {
  return guarded([&] { return std::make_unique<TrainerHandle>(Trainer::from_config_json(config_json)); });
}

std::unique_ptr<TrainerHandle> import_model(const std::string& model_json) {
  return guarded([&] { return std::make_unique<TrainerHandle>(Trainer::import_model(model_json)); });
}

/// Every configuration key as JSON text (config_schema()); web/lib parses it once.
std::string config_schema_json() {
  return guarded([] { return config_schema().dump(); });
}

/// The error of the last failed call (a JS Error), or null; clears it.
val take_error() {
  val error = pending_error();
  pending_error() = val::null();
  return error;
}

}  // namespace
}  // namespace ap::bindings

EMSCRIPTEN_BINDINGS(activation_trainer) {
  using namespace ap::bindings;
  emscripten::class_<TrainerHandle>("Trainer")
      .function("train", &TrainerHandle::train)
      .function("metrics", &TrainerHandle::metrics)
      .function("history", &TrainerHandle::history)
      .function("layerStats", &TrainerHandle::layer_stats)
      .function("points", &TrainerHandle::points)
      .function("predictGrid", &TrainerHandle::predict_grid)
      .function("neuronGrids", &TrainerHandle::neuron_grids)
      .function("neuronGrid", &TrainerHandle::neuron_grid)
      .function("learnedParams", &TrainerHandle::learned_params)
      .function("transform", &TrainerHandle::transform)
      .function("update", &TrainerHandle::update)
      .function("weights", &TrainerHandle::weights)
      .function("setWeight", &TrainerHandle::set_weight)
      .function("setBias", &TrainerHandle::set_bias)
      .function("exportModel", &TrainerHandle::export_model)
      .function("configJson", &TrainerHandle::config_json);
  emscripten::function("createTrainer", &create_trainer);
  emscripten::function("importModel", &import_model);
  emscripten::function("configSchemaJson", &config_schema_json);
  emscripten::function("takeError", &take_error);
}

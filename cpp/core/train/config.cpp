// Parsing and validation of the trainer configuration (README "Configuration").
// The name tables below (keys and enum values) serve both parse_config and
// config_to_json, so the two cannot drift apart; every error is
// a std::invalid_argument of the form "config.<field>: must be ..., got ...".
//
// Rules where the issue leaves a choice:
// - `classes` must be 2 (or absent) for every dataset except spiral and gauss
//   (2..5) and custom (absent, or equal to the class count inferred from the
//   labels; absent or 2 when the custom data is a regression set).
// - custom data is a classification set when every label is an integer in 0..4
//   and at least two distinct labels occur (k = max label + 1); otherwise the
//   labels are real regression targets.
// - `data` is required for custom and an error for every other dataset.
// - `points` is validated for every dataset but replaced by the length of
//   `data` for custom (config_to_json omits it there).
// - `batchSize` defaults to min(10, training points).
// - a reduction's name alone (maxout's) means its default number of pieces, as does
//   {name} without params.
// - `output: "tanh"` is allowed for every dataset: k classes train k tanh units
//   on one-vs-rest ±1 targets, regression trains one tanh unit on the raw target.

#include "train/config.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include "activations/catalog_json.h"
#include "activations/registry.h"
#include "text/format.h"
#include "train/dataset.h"
#include "train/features.h"

namespace ap {
namespace {

using nlohmann::json;

constexpr int kMaxPoints = 10000;
constexpr int kMaxLayers = 8;
constexpr int kMaxWidth = 64;
constexpr int kMaxClasses = 5;
constexpr double kMaxSeed = 4294967295.0;

const char* const kKeys[] = {
    "dataset",  "classes",     "points",       "noise",      "trainFraction", "seed",           "data",
    "features", "standardize", "hidden",       "activation", "output",        "init",           "initScale",
    "biasInit", "optimizer",   "learningRate", "batchSize",  "shuffle",       "regularization", "regularizationRate"};
const char* const kLiveKeys[] = {"learningRate", "optimizer", "regularization", "regularizationRate", "batchSize"};

template <typename Enum>
struct EnumName {
  Enum value;
  const char* name;
};

const EnumName<DatasetKind> kDatasets[] = {
    {DatasetKind::kCircle, "circle"},      {DatasetKind::kXor, "xor"},
    {DatasetKind::kGauss, "gauss"},        {DatasetKind::kSpiral, "spiral"},
    {DatasetKind::kMoons, "moons"},        {DatasetKind::kCheckerboard, "checkerboard"},
    {DatasetKind::kRegPlane, "reg-plane"}, {DatasetKind::kRegGauss, "reg-gauss"},
    {DatasetKind::kCustom, "custom"}};
const EnumName<Feature> kFeatures[] = {{Feature::kX, "x"},      {Feature::kY, "y"},   {Feature::kX2, "x2"},
                                       {Feature::kY2, "y2"},    {Feature::kXY, "xy"}, {Feature::kSinX, "sinx"},
                                       {Feature::kSinY, "siny"}};
const EnumName<OutputKind> kOutputs[] = {{OutputKind::kAuto, "auto"}, {OutputKind::kTanh, "tanh"}};
const EnumName<InitKind> kInits[] = {
    {InitKind::kXavier, "xavier"}, {InitKind::kHe, "he"}, {InitKind::kLecun, "lecun"}, {InitKind::kUniform, "uniform"}};
const EnumName<OptimizerKind> kOptimizers[] = {
    {OptimizerKind::kSgd, "sgd"}, {OptimizerKind::kMomentum, "momentum"}, {OptimizerKind::kAdam, "adam"}};
const EnumName<RegularizationKind> kRegularizations[] = {
    {RegularizationKind::kNone, "none"}, {RegularizationKind::kL1, "l1"}, {RegularizationKind::kL2, "l2"}};

/// A short rendering of a JSON value for error messages. nlohmann writes NaN and
/// infinities as null, so numbers are formatted here.
std::string describe(const json& v) {
  if (v.is_number_float()) return format_number(v.get<double>());
  std::string text = v.dump();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw std::invalid_argument(path + ": " + message);
}

[[noreturn]] void fail_got(const std::string& path, const std::string& expected, const json& got) {
  fail(path, "must be " + expected + ", got " + describe(got));
}

template <typename Enum, std::size_t N>
std::string enum_list(const EnumName<Enum> (&names)[N]) {
  std::string list;
  for (const auto& entry : names) list += (list.empty() ? "" : ", ") + std::string(entry.name);
  return list;
}

template <typename Enum, std::size_t N>
Enum read_enum(const std::string& path, const json& v, const EnumName<Enum> (&names)[N]) {
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    for (const auto& entry : names) {
      if (s == entry.name) return entry.value;
    }
  }
  fail_got(path, "one of " + enum_list(names), v);
}

template <typename Enum, std::size_t N>
const char* enum_name(Enum value, const EnumName<Enum> (&names)[N]) {
  for (const auto& entry : names) {
    if (entry.value == value) return entry.name;
  }
  return "?";
}

/// A finite JSON number in [lo, hi] (lo excluded when lo_open).
double read_number(const std::string& path, const json& v, double lo, double hi, bool lo_open = false) {
  const std::string range = (lo_open ? "(" : "[") + format_number(lo) + ", " + format_number(hi) + "]";
  if (!v.is_number()) fail_got(path, "a number in " + range, v);
  const double d = v.get<double>();
  if (!std::isfinite(d) || d > hi || d < lo || (lo_open && d == lo)) fail_got(path, "a number in " + range, v);
  return d;
}

/// An integral JSON number in lo..hi (10 and 10.0 both count).
double read_integer(const std::string& path, const json& v, double lo, double hi) {
  const std::string expected = "an integer in " + format_number(lo) + ".." + format_number(hi);
  if (!v.is_number()) fail_got(path, expected, v);
  const double d = v.get<double>();
  if (!std::isfinite(d) || d != std::floor(d) || d < lo || d > hi) fail_got(path, expected, v);
  return d;
}

bool read_bool(const std::string& path, const json& v) {
  if (!v.is_boolean()) fail_got(path, "true or false", v);
  return v.get<bool>();
}

void require_object(const std::string& path, const json& v, const std::string& what) {
  if (!v.is_object()) fail_got(path, what, v);
}

/// Throws for the first key of `object` that is not in `allowed`.
template <std::size_t N>
void reject_unknown_keys(const std::string& path, const json& object, const char* const (&allowed)[N]) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (const char* key : allowed) known = known || it.key() == key;
    if (!known) {
      std::string list;
      for (const char* key : allowed) list += (list.empty() ? "" : ", ") + std::string(key);
      fail(path + "." + it.key(), "unknown key; allowed keys are " + list);
    }
  }
}

const json* find_key(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::vector<double> read_number_array(const std::string& path, const json& v) {
  if (!v.is_array()) fail_got(path, "an array of 1..10000 finite numbers", v);
  if (v.empty() || v.size() > static_cast<std::size_t>(kMaxPoints)) {
    fail(path, "must have 1..10000 entries, got " + std::to_string(v.size()));
  }
  std::vector<double> out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const json& e = v[i];
    if (!e.is_number() || !std::isfinite(e.get<double>())) {
      fail_got(path + "[" + std::to_string(i) + "]", "a finite number", e);
    }
    out.push_back(e.get<double>());
  }
  return out;
}

CustomData read_custom_data(const json& v) {
  const std::string path = "config.data";
  require_object(path, v, "an object {x, y, label} of equal-length arrays (1..10000 points)");
  static const char* const kDataKeys[] = {"x", "y", "label"};
  reject_unknown_keys(path, v, kDataKeys);
  CustomData data;
  std::vector<double>* targets[] = {&data.x, &data.y, &data.label};
  for (int i = 0; i < 3; ++i) {
    const json* array = find_key(v, kDataKeys[i]);
    if (array == nullptr) fail(path + "." + kDataKeys[i], "required: an array of 1..10000 finite numbers");
    *targets[i] = read_number_array(path + "." + kDataKeys[i], *array);
  }
  if (data.y.size() != data.x.size() || data.label.size() != data.x.size()) {
    fail(path, "x, y and label must have equal lengths, got " + std::to_string(data.x.size()) + ", " +
                   std::to_string(data.y.size()) + " and " + std::to_string(data.label.size()));
  }
  return data;
}

std::vector<Feature> read_features(const json& v) {
  const std::string path = "config.features";
  const std::string allowed = "a non-empty array of distinct names from " + enum_list(kFeatures);
  if (!v.is_array() || v.empty()) fail_got(path, allowed, v);
  std::vector<Feature> features;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string item = path + "[" + std::to_string(i) + "]";
    const Feature f = read_enum(item, v[i], kFeatures);
    for (Feature seen : features) {
      if (seen == f)
        fail(item, "duplicate feature \"" + std::string(feature_name(f)) + "\"; features must be distinct");
    }
    features.push_back(f);
  }
  return features;
}

std::vector<int> read_hidden(const json& v) {
  const std::string path = "config.hidden";
  if (!v.is_array() || v.size() > static_cast<std::size_t>(kMaxLayers)) {
    fail_got(path, "an array of 0..8 layer sizes (integers in 1..64)", v);
  }
  std::vector<int> hidden;
  for (std::size_t i = 0; i < v.size(); ++i) {
    hidden.push_back(static_cast<int>(read_integer(path + "[" + std::to_string(i) + "]", v[i], 1, kMaxWidth)));
  }
  return hidden;
}

/// A parameter value: a number, or "inf" / "-inf".
double read_param_value(const std::string& path, const json& v) {
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    if (s == "inf") return kInf;
    if (s == "-inf") return -kInf;
  }
  fail_got(path, "a number or \"inf\" / \"-inf\"", v);
}

/// "a catalog name or \"maxout\"" (with every reduction the registry has).
std::string name_choices(const Registry& registry) {
  std::string out = "a catalog name";
  for (const Reduction& r : registry.reductions()) out += " or \"" + r.name + "\"";
  return out;
}

/// "a catalog name, {name, params, learn} or {name: \"maxout\", params: {k}}".
std::string entry_choices(const Registry& registry) {
  std::string out = "a catalog name, {name, params, learn}";
  for (const Reduction& r : registry.reductions()) {
    out += " or {name: \"" + r.name + "\", params: {" + r.pieces.name + "}}";
  }
  return out;
}

LayerActivation read_reduction(const std::string& path, const Reduction& reduction, const json* params, bool learn) {
  const ParamSpec& k = reduction.pieces;
  LayerActivation layer = LayerActivation::of(reduction, static_cast<int>(k.default_value));
  layer.learn = learn;
  if (params != nullptr) {
    const char* const keys[] = {k.name.c_str()};
    reject_unknown_keys(path + ".params", *params, keys);
    if (const json* value = find_key(*params, k.name.c_str())) {
      layer.pieces = static_cast<int>(read_integer(path + ".params." + k.name, *value, k.min, k.max));
    }
  }
  return layer;
}

/// One activation entry: a name string or {name, params, learn}.
LayerActivation read_layer_activation(const std::string& path, const json& v, const Registry& registry) {
  std::string name;
  const json* params = nullptr;
  bool learn = true;
  if (v.is_string()) {
    name = v.get<std::string>();
  } else if (v.is_object()) {
    static const char* const kActivationKeys[] = {"name", "params", "learn"};
    reject_unknown_keys(path, v, kActivationKeys);
    const json* name_value = find_key(v, "name");
    if (name_value == nullptr) fail(path + ".name", "required: " + name_choices(registry));
    if (!name_value->is_string()) fail_got(path + ".name", name_choices(registry), *name_value);
    name = name_value->get<std::string>();
    params = find_key(v, "params");
    if (params != nullptr) require_object(path + ".params", *params, "an object of parameter values");
    if (const json* learn_value = find_key(v, "learn")) learn = read_bool(path + ".learn", *learn_value);
  } else {
    fail_got(path, entry_choices(registry), v);
  }

  if (const Reduction* reduction = registry.find_reduction(name))
    return read_reduction(path, *reduction, params, learn);

  const Activation* activation = nullptr;
  try {
    activation = &registry.find(name);
  } catch (const std::invalid_argument& e) {
    fail(v.is_string() ? path : path + ".name", e.what());
  }
  std::map<std::string, double> given;
  if (params != nullptr) {
    for (auto it = params->begin(); it != params->end(); ++it) {
      const std::string param_path = path + ".params." + it.key();
      const double value = read_param_value(param_path, it.value());
      // Resolving each parameter alone pins an error to its own path.
      try {
        resolve_params(*activation, {{it.key(), value}});
      } catch (const std::invalid_argument& e) {
        fail(param_path, e.what());
      }
      given[it.key()] = value;
    }
  }
  LayerActivation layer = LayerActivation::of(*activation);
  layer.learn = learn;
  try {
    layer.params = resolve_params(*activation, given);
  } catch (const std::invalid_argument& e) {
    fail(path + ".params", e.what());
  }
  return layer;
}

std::vector<LayerActivation> read_activations(const json& v, std::size_t layers, const Registry& registry) {
  const std::string path = "config.activation";
  if (v.is_array()) {
    if (v.size() != layers) {
      fail(path, "an array needs one entry per hidden layer: got " + std::to_string(v.size()) + " entries for " +
                     std::to_string(layers) + " hidden layers (config.hidden)");
    }
    std::vector<LayerActivation> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      out.push_back(read_layer_activation(path + "[" + std::to_string(i) + "]", v[i], registry));
    }
    return out;
  }
  // A single entry is validated even when there is no hidden layer to use it.
  const LayerActivation one = read_layer_activation(path, v, registry);
  return std::vector<LayerActivation>(layers, one);
}

int read_classes(const json* v, DatasetKind dataset, const CustomData& data) {
  const std::string path = "config.classes";
  if (dataset == DatasetKind::kSpiral || dataset == DatasetKind::kGauss) {
    return v == nullptr ? 2 : static_cast<int>(read_integer(path, *v, 2, kMaxClasses));
  }
  int expected = 2;
  std::string why = std::string("for dataset ") + enum_name(dataset, kDatasets) + " (2..5 only for spiral and gauss)";
  if (dataset == DatasetKind::kCustom) {
    const int inferred = custom_class_count(data);
    if (inferred > 0) {
      expected = inferred;
      why = "for this custom data (the labels' maximum + 1), or be omitted";
    } else {
      why = "for custom regression data (labels not all integers 0..4 with two distinct values), or be omitted";
    }
  }
  if (v != nullptr) {
    if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() != expected) {
      fail_got(path, std::to_string(expected) + " " + why, *v);
    }
  }
  return expected;
}

/// Applies one live key of `v` to `config`, validated.
void apply_live_key(TrainerConfig& config, const std::string& key, const json& v, int training_points) {
  const std::string path = "config." + key;
  if (key == "learningRate") {
    config.learning_rate = read_number(path, v, 0, 10, true);
  } else if (key == "optimizer") {
    config.optimizer = read_enum(path, v, kOptimizers);
  } else if (key == "regularization") {
    config.regularization = read_enum(path, v, kRegularizations);
  } else if (key == "regularizationRate") {
    config.regularization_rate = read_number(path, v, 0, 10);
  } else if (key == "batchSize") {
    config.batch_size = static_cast<int>(read_integer(path, v, 1, training_points));
  }
}

bool is_live_key(const std::string& key) {
  for (const char* live : kLiveKeys) {
    if (key == live) return true;
  }
  return false;
}

json activation_to_json(const LayerActivation& layer) {
  if (layer.reduction != nullptr) {
    json out = {{"name", layer.reduction->name}, {"params", {{layer.reduction->pieces.name, layer.pieces}}}};
    if (!layer.learn) out["learn"] = false;
    return out;
  }
  const Activation& activation = *layer.activation;
  json params = json::object();
  bool defaults = true;
  for (std::size_t i = 0; i < activation.params.size(); ++i) {
    params[activation.params[i].name] = number_to_json(layer.params[i]);
    defaults = defaults && layer.params[i] == activation.params[i].default_value;
  }
  if (defaults && layer.learn) return activation.name;
  json out = {{"name", activation.name}};
  if (!params.empty()) out["params"] = std::move(params);
  if (!layer.learn) out["learn"] = false;
  return out;
}

}  // namespace

int custom_class_count(const CustomData& data) {
  unsigned seen = 0;
  int max_label = -1;
  for (double label : data.label) {
    if (!(label >= 0 && label <= kMaxClasses - 1) || label != std::floor(label)) return 0;
    const int c = static_cast<int>(label);
    seen |= 1u << c;
    if (c > max_label) max_label = c;
  }
  int distinct = 0;
  for (int c = 0; c < kMaxClasses; ++c) distinct += (seen >> c) & 1u;
  return distinct >= 2 ? max_label + 1 : 0;
}

LayerActivation LayerActivation::of(const Activation& activation) {
  LayerActivation layer;
  layer.activation = &activation;
  layer.params = activation.default_params();
  return layer;
}

LayerActivation LayerActivation::of(const Reduction& reduction, int pieces) {
  LayerActivation layer;
  layer.reduction = &reduction;
  layer.pieces = pieces;
  return layer;
}

bool TrainerConfig::is_regression() const {
  switch (dataset) {
    case DatasetKind::kRegPlane:
    case DatasetKind::kRegGauss:
      return true;
    case DatasetKind::kCustom:
      return custom_class_count(data) == 0;
    default:
      return false;
  }
}

TrainerConfig parse_config(const json& j, const Registry& registry) {
  if (!j.is_object()) fail_got("config", "an object", j);
  reject_unknown_keys("config", j, kKeys);
  TrainerConfig c;
  const auto get = [&j](const char* key) { return find_key(j, key); };

  if (const json* v = get("dataset")) c.dataset = read_enum("config.dataset", *v, kDatasets);
  if (const json* v = get("data")) {
    if (c.dataset != DatasetKind::kCustom) fail("config.data", "only allowed with dataset \"custom\"");
    c.data = read_custom_data(*v);
  } else if (c.dataset == DatasetKind::kCustom) {
    fail("config.data",
         "required for dataset \"custom\": an object {x, y, label} of equal-length arrays (1..10000 points)");
  }
  if (const json* v = get("points")) c.points = static_cast<int>(read_integer("config.points", *v, 10, kMaxPoints));
  if (c.dataset == DatasetKind::kCustom) c.points = static_cast<int>(c.data.x.size());
  c.classes = read_classes(get("classes"), c.dataset, c.data);
  if (const json* v = get("noise")) c.noise = read_number("config.noise", *v, 0, 1);
  if (const json* v = get("trainFraction")) c.train_fraction = read_number("config.trainFraction", *v, 0.1, 0.9);
  if (const json* v = get("seed")) c.seed = static_cast<std::uint32_t>(read_integer("config.seed", *v, 0, kMaxSeed));
  if (const json* v = get("features")) c.features = read_features(*v);
  if (const json* v = get("standardize")) c.standardize = read_bool("config.standardize", *v);
  if (const json* v = get("hidden")) c.hidden = read_hidden(*v);
  if (const json* v = get("activation")) {
    c.activations = read_activations(*v, c.hidden.size(), registry);
  } else {
    c.activations.assign(c.hidden.size(), LayerActivation::of(registry.default_activation()));
  }
  if (const json* v = get("output")) c.output = read_enum("config.output", *v, kOutputs);
  if (const json* v = get("init")) c.init = read_enum("config.init", *v, kInits);
  if (const json* v = get("initScale")) c.init_scale = read_number("config.initScale", *v, 0.01, 100);
  if (const json* v = get("biasInit")) c.bias_init = read_number("config.biasInit", *v, -10, 10);

  const int training_points = training_point_count(c);
  c.batch_size = training_points < 10 ? training_points : 10;
  if (const json* v = get("shuffle")) c.shuffle = read_bool("config.shuffle", *v);
  for (const char* key : kLiveKeys) {
    if (const json* v = get(key)) apply_live_key(c, key, *v, training_points);
  }
  return c;
}

void apply_live_update(TrainerConfig& config, const json& partial, int training_points) {
  if (!partial.is_object()) fail_got("config", "an object of live keys", partial);
  std::string live;
  for (const char* key : kLiveKeys) live += (live.empty() ? "" : ", ") + std::string(key);
  TrainerConfig updated = config;
  for (auto it = partial.begin(); it != partial.end(); ++it) {
    bool known = false;
    for (const char* key : kKeys) known = known || it.key() == key;
    if (!known) fail("config." + it.key(), "unknown key; keys that can change live are " + live);
    if (!is_live_key(it.key())) {
      fail("config." + it.key(),
           "cannot change while training (rebuild the trainer); keys that can change live are " + live);
    }
    apply_live_key(updated, it.key(), it.value(), training_points);
  }
  config = std::move(updated);
}

json config_to_json(const TrainerConfig& c) {
  json j = json::object();
  j["dataset"] = enum_name(c.dataset, kDatasets);
  j["classes"] = c.classes;
  if (c.dataset != DatasetKind::kCustom) j["points"] = c.points;
  j["noise"] = c.noise;
  j["trainFraction"] = c.train_fraction;
  j["seed"] = c.seed;
  if (c.dataset == DatasetKind::kCustom) j["data"] = {{"x", c.data.x}, {"y", c.data.y}, {"label", c.data.label}};
  json features = json::array();
  for (Feature f : c.features) features.push_back(enum_name(f, kFeatures));
  j["features"] = std::move(features);
  j["standardize"] = c.standardize;
  j["hidden"] = c.hidden;
  if (!c.activations.empty()) {
    json layers = json::array();
    for (const LayerActivation& layer : c.activations) layers.push_back(activation_to_json(layer));
    bool same = true;
    for (const json& layer : layers) same = same && layer == layers[0];
    j["activation"] = same ? layers[0] : layers;
  }
  j["output"] = enum_name(c.output, kOutputs);
  j["init"] = enum_name(c.init, kInits);
  j["initScale"] = c.init_scale;
  j["biasInit"] = c.bias_init;
  j["optimizer"] = enum_name(c.optimizer, kOptimizers);
  j["learningRate"] = c.learning_rate;
  j["batchSize"] = c.batch_size;
  j["shuffle"] = c.shuffle;
  j["regularization"] = enum_name(c.regularization, kRegularizations);
  j["regularizationRate"] = c.regularization_rate;
  return j;
}

}  // namespace ap

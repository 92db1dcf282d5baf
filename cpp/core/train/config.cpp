// Parsing and validation of the trainer configuration (README "Configuration").
// The tables below (keys with their types and ranges, enum names) serve parse_config,
// config_to_json and config_schema, so the validation and its description cannot drift
// apart; the JS API's configSchema(), the page's URL schema and the README's table are
// derived from config_schema(). Every error is a std::invalid_argument of the form
// "config.<field>: must be ..., got ..." with numbers written by format_number.
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
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "activations/catalog_json.h"
#include "activations/registry.h"
#include "text/format.h"
#include "train/dataset.h"
#include "train/features.h"

namespace ap {
namespace {

using nlohmann::json;

constexpr int kMaxPoints = 10000;
constexpr int kMaxClasses = 5;

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

template <typename Enum, std::size_t N>
std::vector<std::string> names_of(const EnumName<Enum> (&names)[N]) {
  std::vector<std::string> out;
  for (const auto& entry : names) out.emplace_back(entry.name);
  return out;
}

/// Datasets whose recipe takes a class count (k arms or k blobs).
bool takes_class_count(DatasetKind dataset) {
  return dataset == DatasetKind::kSpiral || dataset == DatasetKind::kGauss;
}

/// "spiral and gauss"
std::string class_count_datasets() {
  std::string list;
  for (const auto& entry : kDatasets) {
    if (takes_class_count(entry.value)) list = list.empty() ? entry.name : list + " and " + entry.name;
  }
  return list;
}

/// [min, max], or (min, max] when min_open.
struct Range {
  double min = 0, max = 0;
  bool min_open = false;
};

enum class KeyType { kEnum, kInteger, kNumber, kBoolean, kList, kActivation, kData };

/// One configuration key: what parse_config accepts and config_schema() describes, so
/// the validation, the JS API's configSchema(), the page and the README read one table.
struct KeySpec {
  std::string name;
  KeyType type = KeyType::kNumber;
  Range range;                      ///< integer / number: the value; list of integers: each item
  std::vector<std::string> values;  ///< enum: the allowed strings; list of names: the allowed items
  Range count;                      ///< list / data: how many items
  bool live = false;                ///< apply_live_update may change it
  std::string description;
};


KeySpec scalar_key(const char* name, KeyType type, Range range, const char* description) {
  KeySpec spec;
  spec.name = name;
  spec.type = type;
  spec.range = range;
  spec.description = description;
  return spec;
}

KeySpec enum_key(const char* name, std::vector<std::string> values, const char* description) {
  KeySpec spec = scalar_key(name, KeyType::kEnum, {}, description);
  spec.values = std::move(values);
  return spec;
}

KeySpec live(KeySpec spec) {
  spec.live = true;
  return spec;
}

const std::vector<KeySpec>& key_specs() {
  static const std::vector<KeySpec> specs = [] {
    std::vector<KeySpec> k;
    k.push_back(enum_key("dataset", names_of(kDatasets), "`custom` trains on `data`"));
    KeySpec classes = scalar_key("classes", KeyType::kInteger, {2, kMaxClasses}, "");
    classes.description =
        "more than 2 only for " + class_count_datasets() + "; for custom data the labels' maximum + 1";
    k.push_back(std::move(classes));
    k.push_back(scalar_key("points", KeyType::kInteger, {10, kMaxPoints}, "for custom, the length of `data`"));
    k.push_back(scalar_key("noise", KeyType::kNumber, {0, 1}, "TensorFlow Playground's noise percentage / 100"));
    k.push_back(scalar_key("trainFraction", KeyType::kNumber, {0.1, 0.9}, "the rest is the test set"));
    k.push_back(scalar_key("seed", KeyType::kInteger, {0, 4294967295.0}, "the data and the initial weights"));
    KeySpec data = scalar_key("data", KeyType::kData, {}, "for `custom` only: `{x, y, label}` arrays (or typed arrays) of equal length, values in −1e6..1e6; "
                                  "labels that are all integers 0..4 with at least two distinct values make a classification "
                                  "with max + 1 classes, any others a regression");
    data.count = {1, kMaxPoints};
    k.push_back(std::move(data));
    KeySpec features = scalar_key("features", KeyType::kList, {}, "distinct");
    features.values = names_of(kFeatures);
    features.count = {1, static_cast<double>(features.values.size())};
    k.push_back(std::move(features));
    k.push_back(scalar_key("standardize", KeyType::kBoolean, {}, "standardise features on the training set"));
    KeySpec hidden = scalar_key("hidden", KeyType::kList, {1, 64}, "neurons per hidden layer");
    hidden.count = {0, 8};
    k.push_back(std::move(hidden));
    k.push_back(scalar_key("activation", KeyType::kActivation, {},
                           "a catalog name, `{name, params, learn}`, `{name: \"maxout\", params: {k}}`, "
                           "or an array of these, one per hidden layer"));
    k.push_back(enum_key("output", names_of(kOutputs),
                         "`auto`: sigmoid + BCE for 2 classes, softmax + CE for more, linear + squared error for "
                         "regression; `tanh`: TF Playground's tanh + ½·squared error on ±1 labels"));
    k.push_back(enum_key("init", names_of(kInits), "`uniform` is U(-0.5, 0.5)"));
    k.push_back(scalar_key("initScale", KeyType::kNumber, {0.01, 100}, "multiplies the initial weights"));
    k.push_back(scalar_key("biasInit", KeyType::kNumber, {-10, 10}, "every bias's initial value"));
    k.push_back(live(enum_key("optimizer", names_of(kOptimizers), "`momentum` 0.9; `adam` 0.9, 0.999, 1e-8")));
    k.push_back(live(scalar_key("learningRate", KeyType::kNumber, {0, 10, true}, "")));
    k.push_back(live(scalar_key("batchSize", KeyType::kInteger, {1, kMaxPoints},
                                "at most the number of training points; default min(10, training points)")));
    k.push_back(scalar_key("shuffle", KeyType::kBoolean, {}, "reshuffle mini-batches each epoch (seeded)"));
    k.push_back(live(enum_key("regularization", names_of(kRegularizations), "")));
    k.push_back(live(scalar_key("regularizationRate", KeyType::kNumber, {0, 10}, "")));
    return k;
  }();
  return specs;
}

const KeySpec& key_spec(const std::string& name) {
  for (const KeySpec& spec : key_specs()) {
    if (spec.name == name) return spec;
  }
  throw std::logic_error("config key table has no key " + name);
}

const KeySpec* find_key_spec(const std::string& name) {
  for (const KeySpec& spec : key_specs()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

/// "a, b, c" of the keys that pass `keep`.
template <typename Keep>
std::string key_list(Keep keep) {
  std::string list;
  for (const KeySpec& spec : key_specs()) {
    if (keep(spec)) list += (list.empty() ? "" : ", ") + spec.name;
  }
  return list;
}

/// A short rendering of a JSON value for error messages. nlohmann writes NaN and
/// infinities as null, so numbers are formatted here.
std::string describe(const json& v) {
  if (v.is_number_float()) return format_number(v.get<double>());
  // web/lib sends NaN as "nan": say what the caller wrote, not the wire encoding.
  if (v.is_string() && v == "nan") return "NaN";
  // Containers are named, never dumped: dumping a huge value costs its whole size.
  if (v.is_array()) return "an array of " + std::to_string(v.size()) + " entries";
  if (v.is_object()) return "an object";
  return clip_echo(v.dump());
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

/// "lo..hi", as integer ranges are written in messages and docs.
std::string integer_range(const Range& r) { return format_number(r.min) + ".." + format_number(r.max); }

/// A finite JSON number in [min, max] (min excluded when min_open).
double read_number(const std::string& path, const json& v, const Range& r) {
  const std::string range =
      (r.min_open ? "(" : "[") + format_number(r.min) + ", " + format_number(r.max) + "]";
  if (!v.is_number()) fail_got(path, "a number in " + range, v);
  const double d = v.get<double>();
  if (!std::isfinite(d) || d > r.max || d < r.min || (r.min_open && d == r.min)) {
    fail_got(path, "a number in " + range, v);
  }
  return d;
}

/// An integral JSON number in lo..hi (10 and 10.0 both count).
double read_integer(const std::string& path, const json& v, double lo, double hi) {
  const std::string expected = "an integer in " + integer_range({lo, hi});
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

double read_integer(const std::string& path, const json& v, const Range& r) {
  return read_integer(path, v, r.min, r.max);
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
      fail(path + "." + clip_echo(it.key()), "unknown key; allowed keys are " + list);
    }
  }
}

const json* find_key(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

/// The largest magnitude a custom coordinate or label may have.
constexpr double kCustomValueLimit = 1e6;

std::vector<double> read_number_array(const std::string& path, const json& v) {
  const Range& count = key_spec("data").count;
  if (!v.is_array()) fail_got(path, "an array of " + integer_range(count) + " finite numbers", v);
  if (v.size() < count.min || v.size() > count.max) {
    fail(path, "must have " + integer_range(count) + " entries, got " + std::to_string(v.size()));
  }
  std::vector<double> out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const json& e = v[i];
    // Coordinates and targets beyond ±1e6 overflow the loss to NaN at epoch 0.
    if (!e.is_number() || !(std::fabs(e.get<double>()) <= kCustomValueLimit)) {
      fail_got(path + "[" + std::to_string(i) + "]", "a finite number in -1e6..1e6", e);
    }
    out.push_back(e.get<double>());
  }
  return out;
}

/// "an object {x, y, label} of equal-length arrays (1..10000 points)"
std::string custom_data_shape() {
  return "an object {x, y, label} of equal-length arrays (" + integer_range(key_spec("data").count) + " points)";
}

CustomData read_custom_data(const json& v) {
  const std::string path = "config.data";
  require_object(path, v, custom_data_shape());
  static const char* const kDataKeys[] = {"x", "y", "label"};
  reject_unknown_keys(path, v, kDataKeys);
  CustomData data;
  std::vector<double>* targets[] = {&data.x, &data.y, &data.label};
  for (int i = 0; i < 3; ++i) {
    const json* array = find_key(v, kDataKeys[i]);
    if (array == nullptr) {
      fail(path + "." + kDataKeys[i],
           "required: an array of " + integer_range(key_spec("data").count) + " finite numbers in -1e6..1e6");
    }
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
  const KeySpec& spec = key_spec("hidden");
  if (!v.is_array() || v.size() < spec.count.min || v.size() > spec.count.max) {
    fail_got(
        path,
        "an array of " + integer_range(spec.count) + " layer sizes (integers in " + integer_range(spec.range) + ")", v);
  }
  std::vector<int> hidden;
  for (std::size_t i = 0; i < v.size(); ++i) {
    hidden.push_back(static_cast<int>(read_integer(path + "[" + std::to_string(i) + "]", v[i], spec.range)));
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
      const std::string param_path = path + ".params." + clip_echo(it.key());
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
  const Range& range = key_spec("classes").range;
  const int fallback = static_cast<int>(range.min);
  if (takes_class_count(dataset)) {
    return v == nullptr ? fallback : static_cast<int>(read_integer(path, *v, range));
  }
  int expected = fallback;
  std::string why = std::string("for dataset ") + enum_name(dataset, kDatasets) + " (" + integer_range(range) +
                    " only for " + class_count_datasets() + ")";
  if (dataset == DatasetKind::kCustom) {
    const int inferred = custom_class_count(data);
    if (inferred > 0) {
      expected = inferred;
      why = "for this custom data (the labels' maximum + 1), or be omitted";
    } else {
      why = "for custom regression data (labels not all integers 0.." + std::to_string(kMaxClasses - 1) +
            " with two distinct values), or be omitted";
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
  const KeySpec& spec = key_spec(key);
  if (key == "learningRate") {
    config.learning_rate = read_number(path, v, spec.range);
  } else if (key == "optimizer") {
    config.optimizer = read_enum(path, v, kOptimizers);
  } else if (key == "regularization") {
    config.regularization = read_enum(path, v, kRegularizations);
  } else if (key == "regularizationRate") {
    config.regularization_rate = read_number(path, v, spec.range);
  } else if (key == "batchSize") {
    config.batch_size = static_cast<int>(read_integer(path, v, spec.range.min, training_points));
  }
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

const char* type_name(KeyType type) {
  switch (type) {
    case KeyType::kEnum:
      return "enum";
    case KeyType::kInteger:
      return "integer";
    case KeyType::kNumber:
      return "number";
    case KeyType::kBoolean:
      return "boolean";
    case KeyType::kList:
      return "list";
    case KeyType::kActivation:
      return "activation";
    case KeyType::kData:
      return "data";
  }
  return "?";
}

void put_range(json& out, const Range& r) {
  out["min"] = r.min;
  out["max"] = r.max;
  if (r.min_open) out["minExclusive"] = true;
}

/// The datasets (custom aside, which depends on its data) for which `keep` holds.
template <typename Keep>
json datasets_where(Keep keep) {
  json out = json::array();
  for (const auto& entry : kDatasets) {
    if (entry.value != DatasetKind::kCustom && keep(entry.value)) out.push_back(entry.name);
  }
  return out;
}

json describe_key(const KeySpec& spec, const json& defaults) {
  json out = {{"name", spec.name}, {"type", type_name(spec.type)}};
  if (defaults.contains(spec.name)) out["default"] = defaults[spec.name];
  switch (spec.type) {
    case KeyType::kEnum:
      out["values"] = spec.values;
      break;
    case KeyType::kInteger:
    case KeyType::kNumber:
      put_range(out, spec.range);
      break;
    case KeyType::kList: {
      json items = spec.values.empty() ? json{{"type", "integer"}} : json{{"type", "enum"}, {"values", spec.values}};
      if (spec.values.empty()) put_range(items, spec.range);
      out["items"] = std::move(items);
      out["minItems"] = spec.count.min;
      out["maxItems"] = spec.count.max;
      if (!spec.values.empty()) out["unique"] = true;
      break;
    }
    case KeyType::kData:
      out["minItems"] = spec.count.min;
      out["maxItems"] = spec.count.max;
      break;
    case KeyType::kActivation:
      // Each reduction's piece count (maxout's k), as the registry declares it.
      for (const Reduction& reduction : Registry::builtin().reductions()) {
        json pieces = {{"type", "integer"}, {"default", reduction.pieces.default_value}};
        put_range(pieces, {reduction.pieces.min, reduction.pieces.max});
        out[reduction.name] = {{reduction.pieces.name, std::move(pieces)}};
      }
      break;
    case KeyType::kBoolean:
      break;
  }
  if (spec.name == "dataset") {
    out["multiclass"] = datasets_where(takes_class_count);
    out["regression"] = datasets_where([](DatasetKind kind) {
      TrainerConfig c;
      c.dataset = kind;
      return c.is_regression();
    });
  }
  out["live"] = spec.live;
  out["description"] = spec.description;
  return out;
}

}  // namespace

const char* feature_name(Feature feature) { return enum_name(feature, kFeatures); }

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
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (find_key_spec(it.key()) == nullptr) {
      fail("config." + clip_echo(it.key()), "unknown key; allowed keys are " + key_list([](const KeySpec&) { return true; }));
    }
  }
  TrainerConfig c;
  const auto get = [&j](const char* key) { return find_key(j, key); };
  const auto number = [](const char* key, const json& v) {
    return read_number(std::string("config.") + key, v, key_spec(key).range);
  };
  const auto integer = [](const char* key, const json& v) {
    return read_integer(std::string("config.") + key, v, key_spec(key).range);
  };

  if (const json* v = get("dataset")) c.dataset = read_enum("config.dataset", *v, kDatasets);
  if (const json* v = get("data")) {
    if (c.dataset != DatasetKind::kCustom) fail("config.data", "only allowed with dataset \"custom\"");
    c.data = read_custom_data(*v);
  } else if (c.dataset == DatasetKind::kCustom) {
    fail("config.data", "required for dataset \"custom\": " + custom_data_shape());
  }
  if (const json* v = get("points")) c.points = static_cast<int>(integer("points", *v));
  if (c.dataset == DatasetKind::kCustom) c.points = static_cast<int>(c.data.x.size());
  c.classes = read_classes(get("classes"), c.dataset, c.data);
  if (const json* v = get("noise")) c.noise = number("noise", *v);
  if (const json* v = get("trainFraction")) c.train_fraction = number("trainFraction", *v);
  if (const json* v = get("seed")) c.seed = static_cast<std::uint32_t>(integer("seed", *v));
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
  if (const json* v = get("initScale")) c.init_scale = number("initScale", *v);
  if (const json* v = get("biasInit")) c.bias_init = number("biasInit", *v);

  const int training_points = training_point_count(c);
  c.batch_size = training_points < 10 ? training_points : 10;
  if (const json* v = get("shuffle")) c.shuffle = read_bool("config.shuffle", *v);
  for (const KeySpec& spec : key_specs()) {
    const json* v = spec.live ? get(spec.name.c_str()) : nullptr;
    if (v != nullptr) apply_live_key(c, spec.name, *v, training_points);
  }
  return c;
}

void apply_live_update(TrainerConfig& config, const json& partial, int training_points) {
  if (!partial.is_object()) fail_got("config", "an object of live keys", partial);
  const std::string live = key_list([](const KeySpec& spec) { return spec.live; });
  TrainerConfig updated = config;
  for (auto it = partial.begin(); it != partial.end(); ++it) {
    const KeySpec* spec = find_key_spec(it.key());
    if (spec == nullptr) fail("config." + clip_echo(it.key()), "unknown key; keys that can change live are " + live);
    if (!spec->live) {
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

json config_schema() {
  const json defaults = config_to_json(parse_config(json::object()));
  json out = json::array();
  for (const KeySpec& spec : key_specs()) out.push_back(describe_key(spec, defaults));
  return out;
}

nlohmann::json parse_json_text(const std::string& field, const std::string& text) {
  check_json_depth(field, text);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(field + ": malformed JSON (" + clip_parse_error(e.what()) + ")");
  }
}

}  // namespace ap

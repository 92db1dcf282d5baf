#include "train/model_json.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "text/format.h"

namespace ap {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& field, const std::string& message) {
  throw std::invalid_argument(field + ": " + message);
}

std::string type_of(const json& v) {
  if (v.is_number()) return "a number";
  return std::string(v.type_name()) == "null" ? "null" : std::string("a ") + v.type_name();
}

/// Reads an array of exactly `count` finite numbers.
std::vector<double> read_numbers(const std::string& field, const json& v, std::size_t count, const std::string& shape) {
  if (!v.is_array()) fail(field, "must be an array of " + shape + ", got " + type_of(v));
  if (v.size() != count) {
    fail(field, "must have " + std::to_string(count) + " numbers (" + shape + "), got " + std::to_string(v.size()));
  }
  std::vector<double> out(count);
  for (std::size_t k = 0; k < count; ++k) {
    const json& e = v[k];
    if (!e.is_number()) fail(field + "[" + std::to_string(k) + "]", "must be a finite number, got " + type_of(e));
    out[k] = e.get<double>();
    if (!std::isfinite(out[k])) fail(field + "[" + std::to_string(k) + "]", "must be a finite number");
  }
  return out;
}

}  // namespace

json model_to_json(const TrainerConfig& config, const Network& network) {
  json layers = json::array();
  for (int l = 0; l < network.layer_count(); ++l) {
    const Network::Layer& layer = network.layer(l);
    json entry = json::object();
    const xt::xtensor<double, 2> w = network.layer_weights(l);
    const xt::xtensor<double, 1> b = network.layer_biases(l);
    entry["weights"] = std::vector<double>(w.begin(), w.end());  // row-major, as the format says
    entry["biases"] = std::vector<double>(b.begin(), b.end());
    json params = json::object();
    for (const Network::Learnable& learnable : layer.learnables) {
      params[network.learned_name(l, learnable)] = network.learned_values(l, learnable);
    }
    entry["params"] = std::move(params);
    layers.push_back(std::move(entry));
  }
  json model = json::object();
  model["format"] = kModelFormat;
  model["config"] = config_to_json(config);
  model["layers"] = std::move(layers);
  return model;
}

ModelDocument parse_model_document(const std::string& text, const Registry& registry) {
  json doc = parse_json_text("model", text);
  if (!doc.is_object()) fail("model", "must be a JSON object {format, config, layers}, got " + type_of(doc));
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (it.key() != "format" && it.key() != "config" && it.key() != "layers") {
      fail("model." + clip_echo(it.key()), "unknown key; a model has format, config and layers");
    }
  }
  if (!doc.contains("format")) fail("model.format", "missing; must be 1");
  const json& format = doc["format"];
  if (!format.is_number() || format.get<double>() != kModelFormat)
    fail("model.format", "must be 1, got " + (format.is_primitive() ? clip_echo(format.dump()) : type_of(format)));
  if (!doc.contains("config")) fail("model.config", "missing; must be a configuration object");
  if (!doc["config"].is_object()) fail("model.config", "must be a configuration object, got " + type_of(doc["config"]));
  if (!doc.contains("layers")) fail("model.layers", "missing; must be an array of layers");
  ModelDocument out;
  out.config = parse_config(doc["config"], registry);
  out.layers = doc["layers"];
  return out;
}

void load_model_layers(const json& layers, Network& network) {
  const int count = network.layer_count();
  if (!layers.is_array() || static_cast<int>(layers.size()) != count) {
    fail("model.layers", "must be an array of " + std::to_string(count) + " layers (" +
                             std::to_string(network.hidden_count()) + " hidden + output), got " +
                             (layers.is_array() ? std::to_string(layers.size()) + " layers" : type_of(layers)));
  }
  std::vector<double> params = network.parameters();
  for (int l = 0; l < count; ++l) {
    const Network::Layer& layer = network.layer(l);
    const std::string field = "model.layers[" + std::to_string(l) + "]";
    const json& entry = layers[static_cast<std::size_t>(l)];
    if (!entry.is_object()) fail(field, "must be an object {weights, biases, params}, got " + type_of(entry));
    for (auto it = entry.begin(); it != entry.end(); ++it) {
      const std::string& key = it.key();
      if (key != "weights" && key != "biases" && key != "params" && key != "inputs" && key != "outputs") {
        fail(field + "." + clip_echo(key), "unknown key; a layer has weights, biases, params (and optionally inputs, outputs)");
      }
    }
    const auto check_size = [&](const char* key, int expected) {
      if (!entry.contains(key)) return;
      const json& v = entry[key];
      if (!v.is_number_integer() || v.get<long long>() != expected) {
        fail(field + "." + key, "must be " + std::to_string(expected) + ", got " + (v.is_primitive() ? clip_echo(v.dump()) : type_of(v)));
      }
    };
    check_size("inputs", layer.inputs);
    check_size("outputs", layer.rows);
    if (!entry.contains("weights")) fail(field + ".weights", "missing");
    if (!entry.contains("biases")) fail(field + ".biases", "missing");
    const std::string shape = std::to_string(layer.rows) + " rows x " + std::to_string(layer.inputs) + " inputs";
    const std::size_t wcount = static_cast<std::size_t>(layer.rows) * static_cast<std::size_t>(layer.inputs);
    const std::vector<double> w = read_numbers(field + ".weights", entry["weights"], wcount, "row-major " + shape);
    const std::vector<double> b = read_numbers(field + ".biases", entry["biases"], static_cast<std::size_t>(layer.rows),
                                               "one per row: " + std::to_string(layer.rows));
    std::copy(w.begin(), w.end(), params.begin() + static_cast<std::ptrdiff_t>(layer.weight_offset));
    std::copy(b.begin(), b.end(), params.begin() + static_cast<std::ptrdiff_t>(layer.bias_offset));
    if (!entry.contains("params")) continue;
    const json& given = entry["params"];
    if (!given.is_object()) fail(field + ".params", "must be an object {name: [values]}, got " + type_of(given));
    for (auto it = given.begin(); it != given.end(); ++it) {
      const Network::Learnable* match = nullptr;
      std::string known;
      for (const Network::Learnable& learnable : layer.learnables) {
        const std::string& name = layer.activation->params[static_cast<std::size_t>(learnable.index)].name;
        if (name == it.key()) match = &learnable;
        known += (known.empty() ? "" : ", ") + name;
      }
      if (!match) {
        fail(field + ".params." + clip_echo(it.key()),
             known.empty() ? "unknown; this layer learns no parameters" : "unknown; this layer learns " + known);
      }
      const std::size_t n = match->per_unit ? static_cast<std::size_t>(layer.units) : 1;
      const std::string pfield = field + ".params." + it.key();
      const std::vector<double> values =
          read_numbers(pfield, it.value(), n, match->per_unit ? "one per unit" : "one for the layer");
      for (std::size_t k = 0; k < n; ++k) {
        if (values[k] < match->min || values[k] > match->max) {
          fail(pfield + "[" + std::to_string(k) + "]",
               "must be in [" + format_number(match->min) + ", " + format_number(match->max) + "]");
        }
      }
      std::copy(values.begin(), values.end(), params.begin() + static_cast<std::ptrdiff_t>(match->offset));
    }
  }
  network.parameters() = std::move(params);
}

}  // namespace ap

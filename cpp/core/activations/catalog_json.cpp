#include "activations/catalog_json.h"

#include "text/format.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "activations/registry.h"

namespace ap {
namespace {

const char* smoothness_name(Smoothness s) {
  switch (s) {
    case Smoothness::kCInf:
      return "C-inf";
    case Smoothness::kC1:
      return "C1";
    case Smoothness::kC0:
      return "C0";
    case Smoothness::kDiscontinuous:
      return "discontinuous";
  }
  return "discontinuous";
}

const char* saturation_name(Saturation s) {
  switch (s) {
    case Saturation::kNone:
      return "none";
    case Saturation::kSoft:
      return "soft";
    case Saturation::kHard:
      return "hard";
  }
  return "none";
}

nlohmann::json framework_call(const std::string& call) {
  return call.empty() ? nlohmann::json(nullptr) : nlohmann::json(call);
}

nlohmann::json activation_to_json(const Activation& a) {
  nlohmann::json params = nlohmann::json::array();
  for (const ParamSpec& spec : a.params) {
    params.push_back({{"name", spec.name},
                      {"default", number_to_json(spec.default_value)},
                      {"min", number_to_json(spec.min)},
                      {"max", number_to_json(spec.max)},
                      {"learnable", spec.learnable}});
  }
  const Properties& pr = a.properties;
  nlohmann::json properties = {
      {"group", pr.group},
      {"range", {number_to_json(pr.range_min), number_to_json(pr.range_max)}},
      {"monotonic", pr.monotonic},
      {"smoothness", smoothness_name(pr.smoothness)},
      {"zeroCentred", pr.zero_centred},
      {"saturation", {{"left", saturation_name(pr.left_saturation)}, {"right", saturation_name(pr.right_saturation)}}},
      {"derivativeAtZero", number_to_json(a.derivative_at(0.0, a.default_params()))},
  };
  return {{"name", a.name},
          {"label", a.label},
          {"group", pr.group},
          {"formula", a.formula},
          {"derivativeFormula", a.derivative_formula},
          {"params", params},
          {"properties", properties},
          {"frameworks",
           {{"pytorch", framework_call(a.frameworks.pytorch)},
            {"keras", framework_call(a.frameworks.keras)},
            {"tfjs", framework_call(a.frameworks.tfjs)}}}};
}

}  // namespace

nlohmann::json number_to_json(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  return v;
}

nlohmann::json catalog_to_json(const Registry& registry) {
  nlohmann::json out = nlohmann::json::array();
  for (const Activation& a : registry.activations()) out.push_back(activation_to_json(a));
  return out;
}

std::map<std::string, double> params_from_json(const nlohmann::json& json) {
  if (!json.is_object()) {
    throw std::invalid_argument("params: must be an object mapping parameter names to numbers");
  }
  std::map<std::string, double> out;
  for (const auto& [key, value] : json.items()) {
    if (value.is_number()) {
      out[key] = value.get<double>();
    } else if (value.is_null()) {
      out[key] = std::numeric_limits<double>::quiet_NaN();
    } else if (value.is_string() && value == "inf") {
      out[key] = std::numeric_limits<double>::infinity();
    } else if (value.is_string() && value == "-inf") {
      out[key] = -std::numeric_limits<double>::infinity();
    } else if (value.is_string() && value == "nan") {
      out[key] = std::numeric_limits<double>::quiet_NaN();
    } else {
      throw std::invalid_argument("parameter '" + clip_echo(key) + "' must be a number (or \"inf\" / \"-inf\"), got " +
                                  (value.is_array() || value.is_object() ? value.type_name()
                                                                         : clip_echo(value.dump())));
    }
  }
  return out;
}

ParamValues parse_params(const Activation& activation, const std::string& params_json) {
  check_json_depth("params", params_json);
  const auto json = nlohmann::json::parse(params_json, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) throw std::invalid_argument("params: malformed JSON");
  return resolve_params(activation, params_from_json(json));  // which rejects anything but an object
}

}  // namespace ap

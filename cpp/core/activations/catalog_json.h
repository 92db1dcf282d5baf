#pragma once
// The catalog as JSON, in exactly the shape of the JS API's core.activations().

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "activations/registry.h"

namespace ap {

/// An array, in registry order, of
///   {name, label, group, formula, derivativeFormula,
///    params: [{name, default, min, max, learnable}],
///    properties: {group, range: [min, max], monotonic,
///                 smoothness: "C-inf" | "C1" | "C0" | "discontinuous", zeroCentred,
///                 saturation: {left, right} ("none" | "soft" | "hard"), derivativeAtZero},
///    frameworks: {pytorch, keras, tfjs}}   (null where a framework lacks it)
/// Non-finite numbers are written as the strings "inf" / "-inf".
nlohmann::json catalog_to_json(const Registry& registry = Registry::builtin());

/// A double as JSON: the number itself, or "inf" / "-inf" / "nan".
nlohmann::json number_to_json(double v);

/// Parameter values from a JSON object {name: value}. A value is a number or one
/// of the strings "inf", "-inf", "nan"; null (what JSON.stringify makes of NaN)
/// reads as NaN, so that resolve_params reports it with the allowed range.
/// Throws std::invalid_argument if `json` is not an object, or naming the
/// parameter whose value is anything else.
std::map<std::string, double> params_from_json(const nlohmann::json& json);

/// `activation`'s parameter values from JSON text (an object, read by params_from_json,
/// resolved by resolve_params); throws std::invalid_argument naming "params" when the
/// text nests too deep or is malformed, or naming the parameter at fault.
ParamValues parse_params(const Activation& activation, const std::string& params_json);

}  // namespace ap

#pragma once
// The trainer's configuration: the plain object documented in README.md, parsed
// from JSON and validated in one place (config.cpp). Every error names the field
// and its allowed values.

#include <nlohmann/json.hpp>
#include <string>

#include "activations/registry.h"
#include "train/config_types.h"

namespace ap {

/// Parses and validates a full configuration; missing keys take defaults.
/// Activation names are looked up in `registry`, which must outlive the result.
/// Throws std::invalid_argument naming the field and its allowed values.
TrainerConfig parse_config(const nlohmann::json& json, const Registry& registry = Registry::builtin());

/// Applies the live hyperparameters (learningRate, optimizer, regularization,
/// regularizationRate, batchSize) in `partial` to `config`; any other key throws.
void apply_live_update(TrainerConfig& config, const nlohmann::json& partial, int training_points);

/// The configuration as JSON, in the public (camelCase) form parse_config reads.
nlohmann::json config_to_json(const TrainerConfig& config);

/// JSON text from a caller, parsed; throws std::invalid_argument naming `field` when it
/// nests deeper than kMaxJsonDepth or is malformed (the parser's message clipped).
nlohmann::json parse_json_text(const std::string& field, const std::string& text);

/// A description of every configuration key, in the order parse_config reads them:
/// [{name, type, default, min, max, minExclusive, values, items, minItems, maxItems,
///   unique, maxout, multiclass, regression, live, description}] (fields by type; see
/// configSchema() in web/lib/activation-playground.d.ts). The validation reads the same
/// table, so what this says is what parse_config enforces.
nlohmann::json config_schema();

}  // namespace ap

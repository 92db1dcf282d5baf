#pragma once
// The model file (format 1): {format: 1, config, layers: [{weights, biases, params}]},
// one layer per hidden layer then the output layer. weights are row-major
// [row][input] (maxout: row j*k + p is piece p of unit j), biases one per row,
// params the learned activation parameters by name: PReLU "a" one per unit,
// other learnable parameters (e.g. Swish "beta") one per layer. `params` may be
// omitted or {} (the configured values are used), and "inputs" / "outputs", when
// present, must match the shape.

#include <nlohmann/json.hpp>
#include <string>

#include "activations/registry.h"
#include "train/config.h"
#include "train/network.h"

namespace ap {

inline constexpr int kModelFormat = 1;

nlohmann::json model_to_json(const TrainerConfig& config, const Network& network);

/// A parsed model text: its validated configuration and its (unchecked) layers.
struct ModelDocument {
  TrainerConfig config;
  nlohmann::json layers;
};

/// Parses the text and its config; throws std::invalid_argument ("model: ...",
/// "model.format: ...", "config.<field>: ...") on malformed input.
ModelDocument parse_model_document(const std::string& text, const Registry& registry = Registry::builtin());

/// Checks every layer of `layers` against the network's shapes (sizes, finite
/// numbers, known parameter names within their ranges) and only then copies them
/// into the network; on error the network is unchanged.
void load_model_layers(const nlohmann::json& layers, Network& network);

}  // namespace ap

#pragma once
// The catalog: every activation, declared once. The trainer, the bindings (and so
// the JS API and the page) and the tests all enumerate this list.

#include <map>
#include <string>
#include <vector>

#include "activations/activation.h"

namespace ap {

/// All catalog activations in display order.
const std::vector<Activation>& all_activations();

/// The activation called `name`; throws std::invalid_argument naming the
/// unknown name and listing the known ones.
const Activation& find_activation(const std::string& name);

/// Parameter values for `activation`: defaults, overridden by `given`.
/// Throws std::invalid_argument for an unknown parameter name, NaN, or a value
/// outside [min, max], with a message naming the parameter and its range.
ParamValues resolve_params(const Activation& activation, const std::map<std::string, double>& given);

}  // namespace ap

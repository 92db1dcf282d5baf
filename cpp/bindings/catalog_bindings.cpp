// Embind layer for the activation catalog: converts, validates, copies out.
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "activations/catalog_json.h"
#include "activations/critical_points.h"
#include "activations/registry.h"
#include "activations/softmax.h"
#include "bindings/js_interop.h"

namespace ap::bindings {
namespace {

std::string version() { return AP_VERSION; }

/// The catalog as JSON text; web/lib parses it once and turns "inf" into Infinity.
std::string catalog_json() {
  return guarded([] { return catalog_to_json().dump(); });
}

val evaluate(const std::string& name, const std::string& params_json, const val& xs) {
  return guarded([&] {
    const Activation& activation = find_activation(name);
    const ParamValues params = parse_params(activation, params_json);
    const std::vector<double> x = to_doubles(xs);
    std::vector<double> y(x.size()), dy(x.size());
    activation.forward(x.data(), y.data(), x.size(), params);
    activation.derivative(x.data(), y.data(), dy.data(), x.size(), params);

    val dparams = val::object();
    if (activation.param_derivative != nullptr) {
      std::vector<double> dparam(x.size());
      for (int k = 0; k < static_cast<int>(activation.params.size()); ++k) {
        if (!activation.params[k].learnable) continue;
        activation.param_derivative(x.data(), y.data(), k, dparam.data(), x.size(), params);
        dparams.set(activation.params[k].name, to_typed_array(dparam));
      }
    }
    val result = val::object();
    result.set("y", to_typed_array(y));
    result.set("dy", to_typed_array(dy));
    result.set("dparams", dparams);
    return result;
  });
}

val critical_points_of(const std::string& name, const std::string& params_json, double lo, double hi) {
  return guarded([&] {
    const Activation& activation = find_activation(name);
    const ParamValues params = parse_params(activation, params_json);
    return to_typed_array(critical_points(activation, params, lo, hi));
  });
}

val softmax_of(const val& xs) {
  return guarded([&] {
    const std::vector<double> x = to_doubles(xs);
    std::vector<double> y(x.size()), log_y(x.size());
    softmax(x.data(), y.data(), x.size());
    log_softmax(x.data(), log_y.data(), x.size());
    val result = val::object();
    result.set("y", to_typed_array(y));
    result.set("logY", to_typed_array(log_y));
    return result;
  });
}

}  // namespace
}  // namespace ap::bindings

EMSCRIPTEN_BINDINGS(activation_catalog) {
  using namespace ap::bindings;
  emscripten::function("version", &version);
  emscripten::function("catalogJson", &catalog_json);
  emscripten::function("evaluate", &evaluate);
  emscripten::function("criticalPoints", &critical_points_of);
  emscripten::function("softmax", &softmax_of);
}

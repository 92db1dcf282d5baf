// The built-in catalog and the registry's checks and look-ups.

#include "activations/registry.h"

#include <cmath>
#include <stdexcept>
#include <utility>

#include "activations/classic.h"
#include "activations/gated.h"
#include "activations/hard.h"
#include "activations/make_activation.h"
#include "activations/relu_family.h"
#include "activations/self_normalizing.h"
#include "text/core_error.h"
#include "activations/smooth.h"
#include "text/format.h"

namespace ap {
namespace {

/// "a, b, c" from the name of each item.
template <class Items>
std::string join_names(const Items& items) {
  std::string joined;
  for (const auto& item : items) joined += joined.empty() ? item.name : ", " + item.name;
  return joined;
}

}  // namespace

Registry::Registry() {
  using namespace policy;
  for (Activation& a : std::vector<Activation>{
           make_activation<Identity>(),
           make_activation<BinaryStep>(),
           make_activation<Sigmoid>(),
           make_activation<Hardsigmoid>(),
           make_activation<HardsigmoidKeras2>(),
           make_activation<Tanh>(),
           make_activation<Hardtanh>(),
           make_activation<Relu>(),
           make_activation<Relu6>(),
           make_activation<LeakyRelu>(),
           make_activation<Prelu>(),
           make_activation<Rrelu>(),
           make_activation<Elu>(),
           make_activation<Celu>(),
           make_activation<Selu>(),
           make_activation<Gelu>(),
           make_activation<GeluTanh>(),
           make_activation<Silu>(),
           make_activation<Swish>(),
           make_activation<Mish>(),
           make_activation<Softplus>(),
           make_activation<Softsign>(),
           make_activation<Hardswish>(),
           make_activation<Logsigmoid>(),
           make_activation<Tanhshrink>(),
           make_activation<ScaledSigmoid>(),
       }) {
    add(std::move(a));
  }
  default_ = &find(policy::Tanh::kName);
  reductions_.push_back(maxout_reduction());
}

const Registry& Registry::builtin() {
  static const Registry registry;
  return registry;
}

const Activation& Registry::add(Activation activation) {
  const std::string& name = activation.name;
  if (name.empty()) throw std::invalid_argument("registry: an activation needs a name");
  for (const Activation& a : activations_) {
    if (a.name == name) throw std::invalid_argument("registry: activation '" + name + "' is already registered");
  }
  if (activation.params.size() > static_cast<std::size_t>(kMaxParams)) {
    throw std::invalid_argument("registry: activation '" + name + "' has " + std::to_string(activation.params.size()) +
                                " parameters; at most " + std::to_string(kMaxParams) + " are supported");
  }
  if (!activation.forward || !activation.derivative || !activation.training.forward || !activation.training.backward ||
      !activation.training.derivative) {
    throw std::invalid_argument("registry: activation '" + name +
                                "' needs forward, derivative and training forward/backward/derivative kernels");
  }
  for (const ParamSpec& p : activation.params) {
    if (p.learnable && !activation.param_derivative) {
      throw std::invalid_argument("registry: activation '" + name + "' has a learnable parameter '" + p.name +
                                  "' but no parameter derivative");
    }
  }
  if (!activation.kinks) activation.kinks = [](const ParamValues&) { return std::vector<double>{}; };
  activations_.push_back(std::move(activation));
  return activations_.back();
}

const Activation& Registry::find(const std::string& name) const {
  for (const Activation& a : activations_) {
    if (a.name == name) return a;
  }
  throw CoreError("unknown activation '" + clip_echo(name) + "'; known activations: " + join_names(activations_), "unknown-activation",
                  {{"activation", clip_echo(name)}});
}

const Reduction* Registry::find_reduction(const std::string& name) const {
  for (const Reduction& r : reductions_) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

const std::deque<Activation>& all_activations() { return Registry::builtin().activations(); }

const Activation& find_activation(const std::string& name) { return Registry::builtin().find(name); }

ParamValues resolve_params(const Activation& activation, const std::map<std::string, double>& given) {
  ParamValues values = activation.default_params();
  for (const auto& [key, value] : given) {
    const int k = activation.param_index(key);
    if (k < 0) {
      const std::string known = join_names(activation.params);
      throw CoreError("unknown parameter '" + clip_echo(key) + "' for activation '" + activation.name + "'; " +
                          (known.empty() ? "it takes no parameters" : "its parameters are: " + known),
                      "unknown-param", {{"activation", activation.name}, {"param", clip_echo(key)}});
    }
    const ParamSpec& spec = activation.params[static_cast<std::size_t>(k)];
    if (!(value >= spec.min && value <= spec.max)) {
      throw CoreError("parameter '" + key + "' of activation '" + activation.name + "' must be in [" +
                          format_number(spec.min) + ", " + format_number(spec.max) + "], got " + format_number(value),
                      "param-out-of-range",
                      {{"activation", activation.name}, {"param", key}, {"min", spec.min}, {"max", spec.max}, {"value", value}});
    }
    values[static_cast<std::size_t>(k)] = value;
  }
  if (activation.check_params) activation.check_params(values);
  return values;
}

}  // namespace ap

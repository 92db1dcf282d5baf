// The catalog: each policy becomes an Activation record whose bulk kernels loop
// over the policy's inline static functions (one indirect call per array).

#include "activations/registry.h"

#include <cmath>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "activations/classic.h"
#include "activations/gated.h"
#include "activations/hard.h"
#include "activations/relu_family.h"
#include "activations/self_normalizing.h"
#include "activations/smooth.h"

namespace ap {
namespace {

template <class P, class = void>
struct HasParamDerivative : std::false_type {};
template <class P>
struct HasParamDerivative<
    P, std::void_t<decltype(P::param_derivative(0.0, 0.0, 0, std::declval<const ParamValues&>()))>>
    : std::true_type {};

template <class P, class = void>
struct HasCheck : std::false_type {};
template <class P>
struct HasCheck<P, std::void_t<decltype(P::check(std::declval<const ParamValues&>()))>>
    : std::true_type {};

template <class P, class = void>
struct HasKinks : std::false_type {};
template <class P>
struct HasKinks<P, std::void_t<decltype(P::kinks(std::declval<const ParamValues&>()))>>
    : std::true_type {};

template <class P, class = void>
struct HasTrainingForward : std::false_type {};
template <class P>
struct HasTrainingForward<P, std::void_t<decltype(P::training_forward(
                                 nullptr, nullptr, 0, std::declval<const ParamValues&>()))>>
    : std::true_type {};

std::vector<double> no_kinks(const ParamValues&) { return {}; }

template <class P>
void forward_kernel(const double* x, double* y, std::size_t n, const ParamValues& p) {
  for (std::size_t i = 0; i < n; ++i) y[i] = P::value(x[i], p);
}

template <class P>
void derivative_kernel(const double* x, const double* y, double* dydx, std::size_t n,
                       const ParamValues& p) {
  for (std::size_t i = 0; i < n; ++i) dydx[i] = P::derivative(x[i], y[i], p);
}

template <class P>
void param_derivative_kernel(const double* x, const double* y, int k, double* out, std::size_t n,
                             const ParamValues& p) {
  for (std::size_t i = 0; i < n; ++i) out[i] = P::param_derivative(x[i], y[i], k, p);
}

template <class P>
Activation make_activation() {
  Activation a;
  a.name = P::kName;
  a.label = P::kLabel;
  a.formula = P::kFormula;
  a.derivative_formula = P::kDerivativeFormula;
  a.params = P::params();
  a.properties = P::properties();
  a.frameworks = P::frameworks();
  a.forward = &forward_kernel<P>;
  a.derivative = &derivative_kernel<P>;
  if constexpr (HasParamDerivative<P>::value) {
    a.param_derivative = &param_derivative_kernel<P>;
  } else {
    a.param_derivative = nullptr;
  }
  if constexpr (HasTrainingForward<P>::value) {
    a.training_forward = &P::training_forward;
  } else {
    a.training_forward = a.forward;
  }
  if constexpr (HasCheck<P>::value) a.check_params = &P::check;
  if constexpr (HasKinks<P>::value) {
    a.kinks = &P::kinks;
  } else {
    a.kinks = &no_kinks;
  }
  return a;
}

std::vector<Activation> build_catalog() {
  using namespace policy;
  return {
      // The order of tests/reference/activations.json, which is also the page's menu order.
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
  };
}

/// "a, b, c" from the name of each item.
template <class Items>
std::string join_names(const Items& items) {
  std::string joined;
  for (const auto& item : items) joined += joined.empty() ? item.name : ", " + item.name;
  return joined;
}

}  // namespace

const std::vector<Activation>& all_activations() {
  static const std::vector<Activation> catalog = build_catalog();
  return catalog;
}

const Activation& find_activation(const std::string& name) {
  for (const Activation& a : all_activations()) {
    if (a.name == name) return a;
  }
  throw std::invalid_argument("unknown activation '" + name + "'; known activations: " +
                              join_names(all_activations()));
}

ParamValues resolve_params(const Activation& activation,
                           const std::map<std::string, double>& given) {
  ParamValues values = activation.default_params();
  for (const auto& [key, value] : given) {
    const int k = activation.param_index(key);
    if (k < 0) {
      const std::string known = join_names(activation.params);
      throw std::invalid_argument(
          "unknown parameter '" + key + "' for activation '" + activation.name + "'; " +
          (known.empty() ? "it takes no parameters" : "its parameters are: " + known));
    }
    const ParamSpec& spec = activation.params[static_cast<std::size_t>(k)];
    if (!(value >= spec.min && value <= spec.max)) {
      throw std::invalid_argument("parameter '" + key + "' of activation '" + activation.name +
                                  "' must be in [" + policy::format_number(spec.min) + ", " +
                                  policy::format_number(spec.max) + "], got " +
                                  policy::format_number(value));
    }
    values[static_cast<std::size_t>(k)] = value;
  }
  if (activation.check_params != nullptr) activation.check_params(values);
  return values;
}

}  // namespace ap

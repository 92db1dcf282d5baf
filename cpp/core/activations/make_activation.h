#pragma once
// make_activation<Policy>(): a policy (activations/policy.h) as an Activation
// record. The bulk kernels are loops over the policy's inline static functions, so
// the trainer pays one indirect call per array and the element loop is inlined.

#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

#include "activations/activation.h"

namespace ap {
namespace make_activation_detail {

template <class P, class = void>
struct HasParamDerivative : std::false_type {};
template <class P>
struct HasParamDerivative<P,
                          std::void_t<decltype(P::param_derivative(0.0, 0.0, 0, std::declval<const ParamValues&>()))>>
    : std::true_type {};

template <class P, class = void>
struct HasCheck : std::false_type {};
template <class P>
struct HasCheck<P, std::void_t<decltype(P::check(std::declval<const ParamValues&>()))>> : std::true_type {};

template <class P, class = void>
struct HasKinks : std::false_type {};
template <class P>
struct HasKinks<P, std::void_t<decltype(P::kinks(std::declval<const ParamValues&>()))>> : std::true_type {};

template <class P, class = void>
struct HasTrainingForward : std::false_type {};
template <class P>
struct HasTrainingForward<
    P, std::void_t<decltype(P::training_forward(nullptr, nullptr, 0, std::declval<const KernelContext&>()))>>
    : std::true_type {};

template <class P, class = void>
struct HasTrainingBackward : std::false_type {};
template <class P>
struct HasTrainingBackward<P, std::void_t<decltype(P::training_backward(nullptr, nullptr, nullptr, nullptr, 0,
                                                                        std::declval<const KernelContext&>()))>>
    : std::true_type {};

template <class P, class = void>
struct HasTrainingDerivative : std::false_type {};
template <class P>
struct HasTrainingDerivative<
    P, std::void_t<decltype(P::training_derivative(0.0, 0.0, std::declval<const ParamValues&>()))>> : std::true_type {};

template <class P, class = void>
struct HasDisplayForward : std::false_type {};
template <class P>
struct HasDisplayForward<P, std::void_t<decltype(P::display_forward(nullptr, nullptr, 0))>> : std::true_type {};

template <class P, class = void>
struct UsesRng : std::false_type {};
template <class P>
struct UsesRng<P, std::void_t<decltype(P::kUsesRng)>> : std::bool_constant<P::kUsesRng> {};

template <class P, class = void>
struct StatePerElement : std::false_type {};
template <class P>
struct StatePerElement<P, std::void_t<decltype(P::kStatePerElement)>> : std::bool_constant<P::kStatePerElement> {};

/// f' as the trainer uses it: the policy's training_derivative (e.g. from the cached
/// output), or its accurate derivative.
template <class P>
inline double training_derivative(double x, double y, const ParamValues& p) {
  if constexpr (HasTrainingDerivative<P>::value) {
    return P::training_derivative(x, y, p);
  } else {
    return P::derivative(x, y, p);
  }
}

}  // namespace make_activation_detail

template <class P>
Activation make_activation() {
  namespace d = make_activation_detail;
  Activation a;
  a.name = P::kName;
  a.label = P::kLabel;
  a.formula = P::kFormula;
  a.derivative_formula = P::kDerivativeFormula;
  a.params = P::params();
  a.properties = P::properties();
  a.frameworks = P::frameworks();
  a.forward = [](const double* x, double* y, std::size_t n, const ParamValues& p) {
    for (std::size_t i = 0; i < n; ++i) y[i] = P::value(x[i], p);
  };
  a.derivative = [](const double* x, const double* y, double* dydx, std::size_t n, const ParamValues& p) {
    for (std::size_t i = 0; i < n; ++i) dydx[i] = P::derivative(x[i], y[i], p);
  };
  if constexpr (d::HasParamDerivative<P>::value) {
    a.param_derivative = [](const double* x, const double* y, int k, double* out, std::size_t n, const ParamValues& p) {
      for (std::size_t i = 0; i < n; ++i) out[i] = P::param_derivative(x[i], y[i], k, p);
    };
  }
  if constexpr (d::HasTrainingForward<P>::value) {
    a.training.forward = &P::training_forward;
  } else {
    a.training.forward = [](const double* x, double* y, std::size_t n, const KernelContext& ctx) {
      for (std::size_t i = 0; i < n; ++i) y[i] = P::value(x[i], ctx.params);
    };
  }
  if constexpr (d::HasTrainingBackward<P>::value) {
    a.training.backward = &P::training_backward;
  } else {
    a.training.backward = [](const double* x, const double* y, const double* dy, double* dx, std::size_t n,
                             const KernelContext& ctx) {
      for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i] * d::training_derivative<P>(x[i], y[i], ctx.params);
    };
  }
  a.training.derivative = [](const double* x, const double* y, double* dydx, std::size_t n, const KernelContext& ctx) {
    for (std::size_t i = 0; i < n; ++i) dydx[i] = d::training_derivative<P>(x[i], y[i], ctx.params);
  };
  a.training.uses_rng = d::UsesRng<P>::value;
  a.training.state_per_element = d::StatePerElement<P>::value;
  if constexpr (d::HasDisplayForward<P>::value) a.display_forward = &P::display_forward;
  if constexpr (d::HasCheck<P>::value) a.check_params = &P::check;
  if constexpr (d::HasKinks<P>::value) {
    a.kinks = &P::kinks;
  } else {
    a.kinks = [](const ParamValues&) { return std::vector<double>{}; };
  }
  return a;
}

}  // namespace ap

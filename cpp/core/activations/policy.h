#pragma once
// Shared vocabulary of the family headers. An activation policy is a stateless
// struct with
//   static constexpr const char* kName, kLabel, kFormula, kDerivativeFormula;
//   static std::vector<ParamSpec> params();
//   static Properties properties();   // at the default parameters
//   static Frameworks frameworks();
//   static double value(double x, const ParamValues& p);
//   static double derivative(double x, double y, const ParamValues& p);  // y = value(x, p)
// and optionally
//   static double param_derivative(double x, double y, int k, const ParamValues& p);  // learnable params
//   static void check(const ParamValues& p);                 // cross-parameter constraint, throws
//   static std::vector<double> kinks(const ParamValues& p);  // where f or f' is discontinuous
// and, for training and display, optionally
//   static void training_forward(const double* x, double* y, std::size_t n, const KernelContext& ctx);
//   static double training_derivative(double x, double y, const ParamValues& p);  // as training uses it
//   static void training_backward(x, y, dy, dx, n, ctx);  // with kUsesRng / kStatePerElement
//   static void display_forward(const float* x, float* y, std::size_t n);        // float32 grids
// make_activation<Policy>() (activations/make_activation.h) turns a policy into an Activation.

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "activations/activation.h"
#include "math/stable_math.h"
#include "text/core_error.h"
#include "text/format.h"

namespace ap::policy {

inline constexpr Saturation kNone = Saturation::kNone;
inline constexpr Saturation kSoft = Saturation::kSoft;
inline constexpr Saturation kHard = Saturation::kHard;

/// A derivative that is `d` wherever x is a number, and NaN for NaN input (the
/// comparisons of piecewise rules are all false for NaN and would hide it).
inline double keep_nan(double x, double d) { return std::isnan(x) ? x : d; }

/// For check(): throws "parameter 'a' of activation 'f' must be <op> b (value), got value;
/// allowed range of each: [min, max]" for the first two parameters `specs` (which share a range).
[[noreturn]] inline void throw_parameter_order(const char* activation, const std::vector<ParamSpec>& specs,
                                               const char* op, const ParamValues& p) {
  throw CoreError("parameter '" + specs[0].name + "' of activation '" + activation + "' must be " + op + " " +
                      specs[1].name + " (" + format_number(p[1]) + "), got " + format_number(p[0]) +
                      "; allowed range of each: [" + format_number(specs[0].min) + ", " + format_number(specs[0].max) + "]",
                  "param-order",
                  {{"activation", std::string(activation)}, {"param", specs[0].name}, {"relation", std::string(op)},
                   {"other", specs[1].name}, {"otherValue", p[1]}, {"value", p[0]}});
}

}  // namespace ap::policy

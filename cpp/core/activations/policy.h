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
// registry.cpp turns each policy into an Activation with make_activation<Policy>().

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "activations/activation.h"
#include "math/stable_math.h"

namespace ap::policy {

inline constexpr Saturation kNone = Saturation::kNone;
inline constexpr Saturation kSoft = Saturation::kSoft;
inline constexpr Saturation kHard = Saturation::kHard;

/// A derivative that is `d` wherever x is a number, and NaN for NaN input (the
/// comparisons of piecewise rules are all false for NaN and would hide it).
inline double keep_nan(double x, double d) { return std::isnan(x) ? x : d; }

/// A parameter value for error messages: the shortest form that reads back as
/// the same double, in plain notation for everyday magnitudes ("10", "0.25",
/// "1e-08"), and "inf" / "-inf" / "NaN".
inline std::string format_number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buffer[64];
  int digits = 1;
  for (; digits < 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
  const double magnitude = std::fabs(v);
  if (std::strchr(buffer, 'e') != nullptr && magnitude >= 1e-4 && magnitude < 1e15) {
    const int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
    std::snprintf(buffer, sizeof buffer, "%.*f",
                  digits - 1 - exponent > 0 ? digits - 1 - exponent : 0, v);
  }
  return buffer;
}

/// For check(): throws "parameter 'a' of activation 'f' must be <op> b (value), got value;
/// allowed range of each: [min, max]" for the first two parameters `specs` (which share a range).
[[noreturn]] inline void throw_parameter_order(const char* activation, const std::vector<ParamSpec>& specs,
                                               const char* op, const ParamValues& p) {
  throw std::invalid_argument("parameter '" + specs[0].name + "' of activation '" + activation + "' must be " + op +
                              " " + specs[1].name + " (" + format_number(p[1]) + "), got " + format_number(p[0]) +
                              "; allowed range of each: [" + format_number(specs[0].min) + ", " +
                              format_number(specs[0].max) + "]");
}

}  // namespace ap::policy

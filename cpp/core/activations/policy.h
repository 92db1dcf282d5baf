#pragma once
// Shared vocabulary of the family headers. An activation policy is a stateless
// struct with
//   static constexpr const char* kName, kLabel, kFormula, kDerivativeFormula;
//   static std::vector<ParamSpec> params();
//   static Properties properties();   // at the default parameters
//   static Frameworks frameworks();
//   static double value(double x, const ParamValues& p);
//   static double derivative(double x, double y, const ParamValues& p);  // y = value(x, p)
// and, when a parameter is learnable,
//   static double param_derivative(double x, double y, int k, const ParamValues& p);
// registry.cpp turns each policy into an Activation with make_activation<Policy>().

#include <cmath>
#include <sstream>
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

/// A parameter value for error messages: shortest round-trip form, "inf"/"-inf", "NaN".
inline std::string format_number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::ostringstream s;
  s.precision(17);
  s << v;
  const std::string exact = s.str();
  for (int digits = 1; digits < 17; ++digits) {
    std::ostringstream t;
    t.precision(digits);
    t << v;
    if (std::stod(t.str()) == v) return t.str();
  }
  return exact;
}

}  // namespace ap::policy

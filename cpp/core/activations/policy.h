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

}  // namespace ap::policy

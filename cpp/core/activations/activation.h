#pragma once
// The shape of one catalog entry. Every activation is declared once, as a
// stateless policy (see the family headers), and registry.cpp turns each policy
// into an Activation record through make_activation<Policy>().
//
// Bulk kernels take contiguous arrays so that the trainer pays one indirect call
// per layer and the element loop is inlined inside the policy's kernel.

#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace ap {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr int kMaxParams = 3;

/// Parameter values in the order of Activation::params; unused slots are 0.
using ParamValues = std::array<double, kMaxParams>;

struct ParamSpec {
  std::string name;
  double default_value;
  double min;  ///< inclusive; may be -inf
  double max;  ///< inclusive; may be +inf
  bool learnable;
};

enum class Saturation { kNone, kSoft, kHard };
enum class Smoothness { kCInf, kC1, kC0, kDiscontinuous };

/// Properties at the default parameters.
struct Properties {
  std::string group;  ///< classic | relu-family | smooth | self-normalizing | gated | hard
  double range_min;   ///< may be -inf
  double range_max;   ///< may be +inf
  bool monotonic;
  Smoothness smoothness;
  bool zero_centred;
  Saturation left_saturation;
  Saturation right_saturation;
};

/// One-line calls in other frameworks; empty string where a framework lacks it.
struct Frameworks {
  std::string pytorch;
  std::string keras;
  std::string tfjs;
};

using ForwardKernel = void (*)(const double* x, double* y, std::size_t n, const ParamValues& p);
/// Writes f'(x[i]) into dydx[i]; y[i] = f(x[i]) is passed so nothing is recomputed.
using DerivativeKernel = void (*)(const double* x, const double* y, double* dydx, std::size_t n,
                                  const ParamValues& p);
/// Writes df/dp_k (x[i]) into out[i] for parameter index k.
using ParamDerivativeKernel = void (*)(const double* x, const double* y, int k, double* out,
                                       std::size_t n, const ParamValues& p);

struct Activation {
  std::string name;   ///< public identifier, e.g. "leaky_relu"
  std::string label;  ///< human label, e.g. "Leaky ReLU"
  std::string formula;             ///< LaTeX of f(x)
  std::string derivative_formula;  ///< LaTeX of f'(x)
  std::vector<ParamSpec> params;
  Properties properties;
  Frameworks frameworks;

  ForwardKernel forward;
  DerivativeKernel derivative;
  ParamDerivativeKernel param_derivative;  ///< nullptr when no parameter is learnable
  /// The trainer's forward kernel: equal to `forward`, or a faster approximation
  /// whose worst-case error is documented beside it.
  ForwardKernel training_forward;
  /// Cross-parameter constraint checked by resolve_params after the per-parameter
  /// ranges (e.g. hardtanh's min_val < max_val); throws std::invalid_argument
  /// naming the parameters. nullptr when the ranges say everything.
  void (*check_params)(const ParamValues& p) = nullptr;
  /// The points where f or f' is discontinuous for parameters p (ReLU's 0,
  /// hardtanh's bounds, softplus's threshold / beta, ...), in increasing order;
  /// empty for functions that are C1 everywhere. Never nullptr.
  std::vector<double> (*kinks)(const ParamValues& p) = nullptr;

  double value_at(double x, const ParamValues& p) const;
  double derivative_at(double x, const ParamValues& p) const;
  /// Defaults for every parameter, in declaration order.
  ParamValues default_params() const;
  /// Index of a parameter by name, or -1.
  int param_index(const std::string& param_name) const;
};

}  // namespace ap

#pragma once
// The shape of one catalog entry: everything the core knows about an activation.
// Built-in activations are declared once, as stateless policies (one header per
// family or activation), and make_activation<Policy>() (activations/make_activation.h)
// turns each into an Activation record; activations added at run time fill the
// record themselves. Nothing outside cpp/core/activations looks at an activation's
// name to decide what it does: the trainer calls the kernels below.
//
// Bulk kernels take contiguous arrays so that the trainer pays one indirect call
// per layer array and the element loop is inlined inside the kernel.

#include <array>
#include <cstddef>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ap {

class Rng;

inline constexpr double kInf = std::numeric_limits<double>::infinity();
/// Capacity of ParamValues; Registry::add rejects an activation with more parameters.
inline constexpr int kMaxParams = 8;

/// Parameter values in the order of Activation::params; unused slots are 0.
using ParamValues = std::array<double, kMaxParams>;

/// One parameter of an activation, built by name:
///   ParamSpec("a").with_default(0.25).in(-1.0, 1.0).learned_per_unit()
struct ParamSpec {
  std::string name;
  double default_value = 0;
  double min = -kInf;      ///< inclusive; may be -inf
  double max = kInf;       ///< inclusive; may be +inf
  bool learnable = false;  ///< the trainer may learn it (config `learn`)
  bool per_unit = false;   ///< when learned: one value per unit (PReLU's slope), else one per layer

  ParamSpec() = default;
  explicit ParamSpec(std::string param_name) : name(std::move(param_name)) {}
  ParamSpec& with_default(double v) {
    default_value = v;
    return *this;
  }
  ParamSpec& in(double lo, double hi) {
    min = lo;
    max = hi;
    return *this;
  }
  ParamSpec& learned() {
    learnable = true;
    return *this;
  }
  ParamSpec& learned_per_unit() {
    learnable = true;
    per_unit = true;
    return *this;
  }
};

enum class Saturation { kNone, kSoft, kHard };
enum class Smoothness { kCInf, kC1, kC0, kDiscontinuous };

/// Properties at the default parameters, built by name; what is not said keeps its default:
///   Properties::of_group("classic").range(-1.0, 1.0).monotone().continuity(Smoothness::kCInf)
///       .centred().saturates(Saturation::kSoft, Saturation::kSoft)
struct Properties {
  std::string group;  ///< classic | relu-family | smooth | self-normalizing | gated | hard
  double range_min = -kInf;
  double range_max = kInf;
  bool monotonic = false;
  Smoothness smoothness = Smoothness::kCInf;
  bool zero_centred = false;
  Saturation left_saturation = Saturation::kNone;
  Saturation right_saturation = Saturation::kNone;

  static Properties of_group(std::string name) {
    Properties p;
    p.group = std::move(name);
    return p;
  }
  Properties& range(double lo, double hi) {
    range_min = lo;
    range_max = hi;
    return *this;
  }
  Properties& monotone() {
    monotonic = true;
    return *this;
  }
  Properties& continuity(Smoothness s) {
    smoothness = s;
    return *this;
  }
  Properties& centred() {
    zero_centred = true;
    return *this;
  }
  Properties& saturates(Saturation left, Saturation right) {
    left_saturation = left;
    right_saturation = right;
    return *this;
  }
};

/// One-line calls in other frameworks; empty string where a framework lacks it.
struct Frameworks {
  std::string pytorch;
  std::string keras;
  std::string tfjs;
};

/// What a training kernel gets besides its arrays.
struct KernelContext {
  const ParamValues& params;
  /// Forward: whether this is a training pass. Backward: whether the forward pass it
  /// follows was one (kernels with training-time randomness read `state` only then).
  bool training = false;
  Rng* rng = nullptr;          ///< training-time randomness (non-null when training and uses_rng)
  double* state = nullptr;     ///< state_per_element values, kept from forward to backward
  const void* data = nullptr;  ///< TrainingKernels::data, for kernels made at run time
};

/// f(x[i]) into y[i] with parameters p.
using ForwardKernel = std::function<void(const double* x, double* y, std::size_t n, const ParamValues& p)>;
/// Writes f'(x[i]) into dydx[i]; y[i] = f(x[i]) is passed so nothing is recomputed.
using DerivativeKernel =
    std::function<void(const double* x, const double* y, double* dydx, std::size_t n, const ParamValues& p)>;
/// Writes df/dp_k (x[i]) into out[i] for parameter index k.
using ParamDerivativeKernel =
    std::function<void(const double* x, const double* y, int k, double* out, std::size_t n, const ParamValues& p)>;

/// The kernels the trainer runs. They may trade the last ulp for speed (the
/// worst-case error is documented beside each fast kernel), and may draw random
/// numbers while training (RReLU's slopes).
/// Plain function pointers: a training step calls them once per layer array, with
/// batches as small as one point, so the call itself must cost next to nothing;
/// what a kernel needs besides its arrays comes in the KernelContext.
struct TrainingKernels {
  /// y[i] = f(x[i]).
  void (*forward)(const double* x, double* y, std::size_t n, const KernelContext& ctx) = nullptr;
  /// dx[i] = dy[i] f'(x[i]) for the forward pass that produced y.
  void (*backward)(const double* x, const double* y, const double* dy, double* dx, std::size_t n,
                   const KernelContext& ctx) = nullptr;
  /// f'(x[i]) into dydx[i] as backward uses it, in evaluation mode (diagnostics).
  void (*derivative)(const double* x, const double* y, double* dydx, std::size_t n, const KernelContext& ctx) = nullptr;
  /// What the kernels read through ctx.data (e.g. a compiled formula); null for policies.
  std::shared_ptr<const void> data;
  bool uses_rng = false;           ///< forward draws from ctx.rng while training
  bool state_per_element = false;  ///< forward writes ctx.state[i] for backward while training
};

/// A float32 forward kernel for display grids (a few float ulp), or null.
using DisplayKernel = void (*)(const float* x, float* y, std::size_t n);

struct Activation {
  std::string name;                ///< public identifier, e.g. "leaky_relu"
  std::string label;               ///< human label, e.g. "Leaky ReLU"
  std::string formula;             ///< LaTeX of f(x)
  std::string derivative_formula;  ///< LaTeX of f'(x)
  std::vector<ParamSpec> params;
  Properties properties;
  Frameworks frameworks;

  /// The accurate kernels (evaluate, the reference tests, critical points).
  ForwardKernel forward;
  DerivativeKernel derivative;
  ParamDerivativeKernel param_derivative;  ///< empty when no parameter is learnable
  TrainingKernels training;
  DisplayKernel display_forward = nullptr;
  /// Cross-parameter constraint checked by resolve_params after the per-parameter
  /// ranges (e.g. hardtanh's min_val < max_val); throws std::invalid_argument
  /// naming the parameters. Empty when the ranges say everything.
  std::function<void(const ParamValues& p)> check_params;
  /// The points where f or f' is discontinuous for parameters p (ReLU's 0,
  /// hardtanh's bounds, softplus's threshold / beta, ...), in increasing order;
  /// empty for functions that are C1 everywhere. Never empty itself.
  std::function<std::vector<double>(const ParamValues& p)> kinks;

  double value_at(double x, const ParamValues& p) const;
  double derivative_at(double x, const ParamValues& p) const;
  /// Defaults for every parameter, in declaration order.
  ParamValues default_params() const;
  /// Index of a parameter by name, or -1.
  int param_index(const std::string& param_name) const;
  /// Whether parameter k is learned for a layer configured with `learn`.
  bool learns(std::size_t k, bool learn) const { return learn && param_derivative && params[k].learnable; }
};

}  // namespace ap

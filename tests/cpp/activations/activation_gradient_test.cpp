// Numeric-versus-analytic gradient check of every activation: the derivative
// kernel and every learnable parameter's derivative kernel agree with central
// differences of the forward kernel, at the defaults and at a second parameter
// setting inside the ranges.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "activations/registry.h"

namespace ap {
namespace {

/// Sample points on [-8, 8] (step ~0.085, none of them a round number).
std::vector<double> generic_points() {
  std::vector<double> xs;
  for (int i = 0; i < 188; ++i) xs.push_back(-8.0 + 0.0141421356 + i * 0.0849836586);
  return xs;
}

/// The step of central_difference at t.
double step_at(double t) { return 1e-4 * std::fmax(1.0, std::fabs(t)); }

/// True when the stencil of central_difference at x reaches a kink of f.
bool near_kink(const Activation& a, const ParamValues& p, double x) {
  for (const double k : a.kinks(p)) {
    if (std::fabs(x - k) <= 3 * step_at(x)) return true;
  }
  return false;
}

/// Central difference of g at t with a step scaled to t, plus a Richardson step
/// (D(h) * 4 - D(2h)) / 3 that cancels the h^2 error term.
template <class G>
double central_difference(const G& g, double t) {
  const double h = step_at(t);
  const double d1 = (g(t + h) - g(t - h)) / (2 * h);
  const double d2 = (g(t + 2 * h) - g(t - 2 * h)) / (4 * h);
  return (4 * d1 - d2) / 3;
}

/// The defaults, and the first parameter moved to 30% and the others to 70% of
/// their ranges (an infinite end is replaced by default ± 10), which satisfies
/// hardtanh's and rrelu's cross-constraints and puts softplus's threshold inside
/// the sampled window.
std::vector<ParamValues> settings(const Activation& a) {
  std::vector<ParamValues> out{a.default_params()};
  if (a.params.empty()) return out;
  ParamValues p = a.default_params();
  for (std::size_t k = 0; k < a.params.size(); ++k) {
    const ParamSpec& spec = a.params[k];
    const double lo = std::isfinite(spec.min) ? spec.min : spec.default_value - 10;
    const double hi = std::isfinite(spec.max) ? spec.max : spec.default_value + 10;
    p[k] = lo + (k == 0 ? 0.3 : 0.7) * (hi - lo);
  }
  out.push_back(p);
  return out;
}

std::vector<std::string> activation_names() {
  std::vector<std::string> names;
  for (const Activation& a : all_activations()) names.push_back(a.name);
  return names;
}

class GradientTest : public testing::TestWithParam<std::string> {
 protected:
  const Activation& activation() const { return find_activation(GetParam()); }
};

TEST_P(GradientTest, DerivativeAgreesWithCentralDifferencesAwayFromKinks) {
  const Activation& a = activation();
  for (const ParamValues& p : settings(a)) {
    for (const double x : generic_points()) {
      if (near_kink(a, p, x)) continue;
      const double numeric = central_difference([&](double t) { return a.value_at(t, p); }, x);
      const double analytic = a.derivative_at(x, p);
      const double scale = std::fmax(1.0, std::fabs(a.value_at(x, p)));
      EXPECT_NEAR(analytic, numeric, 1e-8 * scale)
          << a.name << " at x = " << x << " with p = {" << p[0] << ", " << p[1] << "}";
    }
  }
}

TEST_P(GradientTest, LearnableParameterDerivativesAgreeWithCentralDifferences) {
  const Activation& a = activation();
  for (int k = 0; k < static_cast<int>(a.params.size()); ++k) {
    if (!a.params[static_cast<std::size_t>(k)].learnable) continue;
    ASSERT_NE(a.param_derivative, nullptr);
    for (const ParamValues& p : settings(a)) {
      for (const double x : generic_points()) {
        if (near_kink(a, p, x)) continue;
        const auto value_at_param = [&](double t) {
          ParamValues q = p;
          q[static_cast<std::size_t>(k)] = t;
          return a.value_at(x, q);
        };
        const double numeric = central_difference(value_at_param, p[static_cast<std::size_t>(k)]);
        double y = a.value_at(x, p);
        double analytic = 0;
        a.param_derivative(&x, &y, k, &analytic, 1, p);
        EXPECT_NEAR(analytic, numeric, 1e-8 * std::fmax(1.0, std::fabs(y)))
            << a.name << "." << a.params[static_cast<std::size_t>(k)].name << " at x = " << x;
      }
    }
  }
}

TEST_P(GradientTest, BulkDerivativeKernelMatchesTheScalarPathForAWholeArray) {
  const Activation& a = activation();
  const ParamValues p = a.default_params();
  const std::vector<double> xs = generic_points();
  std::vector<double> ys(xs.size()), ds(xs.size());
  a.forward(xs.data(), ys.data(), xs.size(), p);
  a.derivative(xs.data(), ys.data(), ds.data(), xs.size(), p);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    EXPECT_EQ(ys[i], a.value_at(xs[i], p));
    EXPECT_EQ(ds[i], a.derivative_at(xs[i], p));
  }
}

TEST_P(GradientTest, TrainingForwardAgreesWithTheAccurateForwardToAFewUlp) {
  // The trainer may swap in a faster kernel; its documented error is at most a
  // few ulp, so it must agree closely with the catalog's forward.
  const Activation& a = activation();
  ASSERT_TRUE(a.training.forward);
  const ParamValues p = a.default_params();
  const std::vector<double> xs = generic_points();
  std::vector<double> accurate(xs.size()), fast(xs.size());
  a.forward(xs.data(), accurate.data(), xs.size(), p);
  a.training.forward(xs.data(), fast.data(), xs.size(), KernelContext{p});
  for (std::size_t i = 0; i < xs.size(); ++i) {
    EXPECT_NEAR(fast[i], accurate[i], 4 * std::fabs(accurate[i]) * 2.3e-16 + 1e-300) << a.name << " at x = " << xs[i];
  }
}

TEST_P(GradientTest, TrainingBackwardIsTheIncomingGradientTimesTheDerivative) {
  // Training may take f' from the cached output (tanh: 1 - y^2), which loses relative
  // accuracy only where f' is tiny: the absolute error stays at a few ulp of 1.
  const Activation& a = activation();
  const ParamValues p = a.default_params();
  const std::vector<double> xs = generic_points();
  const std::size_t n = xs.size();
  std::vector<double> ys(n), accurate(n), dy(n, 0.5), dx(n), derivative(n);
  a.training.forward(xs.data(), ys.data(), n, KernelContext{p});
  a.derivative(xs.data(), ys.data(), accurate.data(), n, p);
  a.training.backward(xs.data(), ys.data(), dy.data(), dx.data(), n, KernelContext{p});
  a.training.derivative(xs.data(), ys.data(), derivative.data(), n, KernelContext{p});
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(xs[i])) continue;
    EXPECT_EQ(dx[i], 0.5 * derivative[i]) << a.name << " at x = " << xs[i];
    EXPECT_NEAR(derivative[i], accurate[i], 2e-15 + 1e-13 * std::fabs(accurate[i])) << a.name << " at x = " << xs[i];
  }
}

INSTANTIATE_TEST_SUITE_P(Catalog, GradientTest, testing::ValuesIn(activation_names()),
                         [](const testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace ap

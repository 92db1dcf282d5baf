// The catalog's stated properties are consistent with the sampled function,
// the edges (NaN, ±inf, ±1000) behave, and parameter errors are readable.

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "activations/registry.h"
#include "text/core_error.h"

namespace ap {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<std::string> activation_names() {
  std::vector<std::string> names;
  for (const Activation& a : all_activations()) names.push_back(a.name);
  return names;
}

/// A dense grid on [-50, 50] (step 0.001 on [-8, 8], 0.05 outside) plus the edges.
std::vector<double> dense_grid() {
  std::vector<double> xs{-kInf, -1e300, -1e8, -1000};
  for (double x = -50; x < -8; x += 0.05) xs.push_back(x);
  for (int i = -8000; i <= 8000; ++i) xs.push_back(i * 0.001);
  for (double x = 8.05; x <= 50; x += 0.05) xs.push_back(x);
  for (double x : {1000.0, 1e8, 1e300, kInf}) xs.push_back(x);
  return xs;
}

/// E[f(X)] for X ~ N(0, 1) by the trapezoid rule on [-12, 12].
double normal_mean(const Activation& a, const ParamValues& p) {
  const int n = 48000;
  const double h = 24.0 / n;
  double sum = 0;
  for (int i = 0; i <= n; ++i) {
    const double x = -12 + i * h;
    const double w = (i == 0 || i == n) ? 0.5 : 1.0;
    sum += w * a.value_at(x, p) * std::exp(-0.5 * x * x);
  }
  return sum * h / 2.5066282746310002;  // sqrt(2 pi)
}

std::string error_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class PropertiesTest : public testing::TestWithParam<std::string> {
 protected:
  const Activation& a() const { return find_activation(GetParam()); }
  ParamValues defaults() const { return a().default_params(); }
};

TEST_P(PropertiesTest, AMonotonicFunctionNeverDecreasesAndANonMonotonicOneDoes) {
  const std::vector<double> xs = dense_grid();
  double previous = a().value_at(xs[0], defaults());
  double worst_drop = 0;
  for (std::size_t i = 1; i < xs.size(); ++i) {
    const double y = a().value_at(xs[i], defaults());
    worst_drop = std::fmax(worst_drop, previous - y);
    previous = y;
  }
  if (a().properties.monotonic) {
    EXPECT_EQ(worst_drop, 0) << GetParam() << " is marked monotonic but decreases";
  } else {
    EXPECT_GT(worst_drop, 0) << GetParam() << " is marked non-monotonic but never decreases";
  }
}

TEST_P(PropertiesTest, TheStatedRangeContainsEverySampledValueAndIsTight) {
  const Properties& pr = a().properties;
  double lo = kInf;
  double hi = -kInf;
  for (const double x : dense_grid()) {
    const double y = a().value_at(x, defaults());
    EXPECT_GE(y, pr.range_min) << GetParam() << " at x = " << x;
    EXPECT_LE(y, pr.range_max) << GetParam() << " at x = " << x;
    lo = std::fmin(lo, y);
    hi = std::fmax(hi, y);
  }
  // Tight: the sampled extremes reach the stated ends (infinite ends exactly).
  if (std::isinf(pr.range_min)) {
    EXPECT_EQ(lo, pr.range_min) << GetParam();
  } else {
    EXPECT_NEAR(lo, pr.range_min, 1e-6) << GetParam();
  }
  if (std::isinf(pr.range_max)) {
    EXPECT_EQ(hi, pr.range_max) << GetParam();
  } else {
    EXPECT_NEAR(hi, pr.range_max, 1e-6) << GetParam();
  }
}

TEST_P(PropertiesTest, SaturationClaimsMatchTheDerivativeFarOut) {
  const Properties& pr = a().properties;
  for (const double side : {-1.0, 1.0}) {
    const Saturation s = side < 0 ? pr.left_saturation : pr.right_saturation;
    const char* which = side < 0 ? "left" : "right";
    const double moderate = a().derivative_at(side * 20, defaults());
    const double far = a().derivative_at(side * 1e8, defaults());
    switch (s) {
      case Saturation::kHard:
        // f' is exactly 0 everywhere beyond some point (here: beyond ±20).
        for (const double x : {20.0, 50.0, 1000.0, 1e8, 1e300, kInf}) {
          EXPECT_EQ(a().derivative_at(side * x, defaults()), 0.0) << GetParam() << " " << which;
        }
        break;
      case Saturation::kSoft:
        EXPECT_NE(moderate, 0.0) << GetParam() << " " << which << " saturates hard, not soft";
        EXPECT_LE(std::fabs(far), 1e-12) << GetParam() << " " << which << ": f' does not tend to 0";
        EXPECT_EQ(a().derivative_at(side * kInf, defaults()), 0.0) << GetParam() << " " << which;
        break;
      case Saturation::kNone:
        EXPECT_GE(std::fabs(far), 1e-3) << GetParam() << " " << which << " saturates";
        break;
    }
  }
}

TEST_P(PropertiesTest, ZeroCentredMeansZeroMeanUnderAStandardNormalInput) {
  // Definition used by the catalog: E[f(X)] = 0 for X ~ N(0, 1) (true for odd
  // functions and, by construction, for SELU); it implies nothing about f(0),
  // but every zero-centred activation here also has f(0) = 0.
  const double mean = normal_mean(a(), defaults());
  if (a().properties.zero_centred) {
    EXPECT_EQ(a().value_at(0.0, defaults()), 0.0) << GetParam();
    EXPECT_NEAR(mean, 0.0, 1e-7) << GetParam();
  } else {
    EXPECT_GT(std::fabs(mean), 1e-3) << GetParam() << " has zero mean but is not marked zero-centred";
  }
}

TEST_P(PropertiesTest, SmoothnessClaimsMatchTheKinkList) {
  const std::vector<double> kinks = a().kinks(defaults());
  const Smoothness s = a().properties.smoothness;
  if (s == Smoothness::kCInf || s == Smoothness::kC1) {
    EXPECT_TRUE(kinks.empty()) << GetParam() << " is marked C1 or smoother but has kinks";
  } else {
    EXPECT_FALSE(kinks.empty()) << GetParam() << " is marked non-smooth but lists no kink";
  }
  for (const double k : kinks) {
    const double h = 1e-9 * std::fmax(1.0, std::fabs(k));
    const double jump = std::fabs(a().value_at(k + h, defaults()) - a().value_at(k - h, defaults()));
    if (s == Smoothness::kDiscontinuous) continue;
    EXPECT_LE(jump, 1e-6) << GetParam() << " is marked continuous but jumps at " << k;
  }
}

TEST_P(PropertiesTest, SmoothnessDiscontinuousMeansAJumpSomewhere) {
  if (a().properties.smoothness != Smoothness::kDiscontinuous) return;
  double biggest = 0;
  for (const double k : a().kinks(defaults())) {
    const double below = std::nextafter(k, -kInf);
    const double above = std::nextafter(k, kInf);
    biggest = std::fmax(biggest, std::fabs(a().value_at(above, defaults()) - a().value_at(below, defaults())));
  }
  EXPECT_GT(biggest, 1e-12) << GetParam();
}

TEST_P(PropertiesTest, NanInputGivesNanValueDerivativeAndParameterDerivative) {
  const ParamValues p = defaults();
  EXPECT_TRUE(std::isnan(a().value_at(kNaN, p))) << GetParam();
  EXPECT_TRUE(std::isnan(a().derivative_at(kNaN, p))) << GetParam();
  if (a().param_derivative != nullptr) {
    for (int k = 0; k < static_cast<int>(a().params.size()); ++k) {
      if (!a().params[static_cast<std::size_t>(k)].learnable) continue;
      const double x = kNaN;
      const double y = a().value_at(x, p);
      double d = 0;
      a().param_derivative(&x, &y, k, &d, 1, p);
      EXPECT_TRUE(std::isnan(d)) << GetParam();
    }
  }
}

TEST_P(PropertiesTest, InfinitiesAndHugeInputsGiveTheLimitNeverNan) {
  const ParamValues p = defaults();
  for (const double side : {-1.0, 1.0}) {
    for (const double x : {1000.0, 1e8, 1e300, kInf}) {
      EXPECT_FALSE(std::isnan(a().value_at(side * x, p))) << GetParam() << " at " << side * x;
      EXPECT_FALSE(std::isnan(a().derivative_at(side * x, p))) << GetParam() << " at " << side * x;
      if (a().param_derivative != nullptr) {
        const double xx = side * x;
        const double y = a().value_at(xx, p);
        for (int k = 0; k < static_cast<int>(a().params.size()); ++k) {
          if (!a().params[static_cast<std::size_t>(k)].learnable) continue;
          double d = 0;
          a().param_derivative(&xx, &y, k, &d, 1, p);
          EXPECT_FALSE(std::isnan(d)) << GetParam() << " dparam at " << xx;
        }
      }
    }
    // f(±inf) is the limit: finite limits are approached, infinite ones agree in sign.
    const double at_inf = a().value_at(side * kInf, p);
    const double near_inf = a().value_at(side * 1e12, p);
    if (std::isfinite(at_inf)) {
      EXPECT_NEAR(near_inf, at_inf, 1e-9) << GetParam();
    } else {
      EXPECT_GT(near_inf * at_inf, 0) << GetParam();
      EXPECT_GT(std::fabs(near_inf), 1e6) << GetParam();
    }
    EXPECT_NEAR(a().derivative_at(side * 1e12, p), a().derivative_at(side * kInf, p), 1e-9) << GetParam();
  }
}

TEST_P(PropertiesTest, EveryParameterWorksAtBothEndsOfItsRange) {
  const std::vector<double> xs{-kInf, -1000, -3, -1, -1e-8, 0, 1e-8, 1, 3, 1000, kInf};
  for (const ParamSpec& spec : a().params) {
    EXPECT_LE(spec.min, spec.default_value) << GetParam() << "." << spec.name;
    EXPECT_GE(spec.max, spec.default_value) << GetParam() << "." << spec.name;
    for (const double end : {spec.min, spec.max}) {
      ParamValues p;
      try {
        p = resolve_params(a(), {{spec.name, end}});
      } catch (const std::invalid_argument&) {
        continue;  // a cross-parameter constraint (hardtanh, rrelu) excludes this end
      }
      for (const double x : xs) {
        EXPECT_FALSE(std::isnan(a().value_at(x, p))) << GetParam() << "." << spec.name << "=" << end;
        EXPECT_FALSE(std::isnan(a().derivative_at(x, p)))
            << GetParam() << "." << spec.name << "=" << end << " at " << x;
      }
    }
  }
}

TEST_P(PropertiesTest, ResolveParamsRejectsUnknownOutOfRangeAndNanParametersByName) {
  const std::string unknown = error_of([&] { resolve_params(a(), {{"no_such_param", 1.0}}); });
  EXPECT_TRUE(contains(unknown, "no_such_param")) << unknown;
  EXPECT_TRUE(contains(unknown, GetParam())) << unknown;
  for (const ParamSpec& spec : a().params) {
    const std::string nan = error_of([&] { resolve_params(a(), {{spec.name, kNaN}}); });
    EXPECT_TRUE(contains(nan, spec.name) && contains(nan, "NaN") && contains(nan, "[")) << nan;
    if (std::isfinite(spec.max)) {
      const std::string above = error_of([&] { resolve_params(a(), {{spec.name, spec.max + 1}}); });
      EXPECT_TRUE(contains(above, "'" + spec.name + "'")) << above;
      EXPECT_TRUE(contains(above, "must be in [")) << above;
    }
    if (std::isfinite(spec.min)) {
      const std::string below = error_of([&] { resolve_params(a(), {{spec.name, spec.min - 1}}); });
      EXPECT_TRUE(contains(below, "'" + spec.name + "'") && contains(below, "must be in [")) << below;
    }
  }
}

TEST_P(PropertiesTest, LearnableParametersHaveAParameterDerivative) {
  bool learnable = false;
  for (const ParamSpec& spec : a().params) learnable = learnable || spec.learnable;
  EXPECT_EQ(learnable, a().param_derivative != nullptr) << GetParam();
}

TEST_P(PropertiesTest, GroupIsOneOfTheSixAndLabelsAndFormulasAreFilledIn) {
  static const std::set<std::string> groups{"classic", "relu-family", "smooth", "self-normalizing", "gated", "hard"};
  EXPECT_EQ(groups.count(a().properties.group), 1u) << a().properties.group;
  EXPECT_FALSE(a().label.empty());
  EXPECT_FALSE(a().formula.empty());
  EXPECT_FALSE(a().derivative_formula.empty());
  EXPECT_LE(a().params.size(), static_cast<std::size_t>(kMaxParams));
}

INSTANTIATE_TEST_SUITE_P(Catalog, PropertiesTest, testing::ValuesIn(activation_names()),
                         [](const testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(Registry, ListsEveryActivationOnceWithUniqueNames) {
  std::set<std::string> names;
  for (const Activation& a : all_activations()) names.insert(a.name);
  EXPECT_EQ(names.size(), all_activations().size());
}

TEST(Registry, AnUnknownActivationNameIsRejectedListingTheKnownOnes) {
  const std::string message = error_of([] { find_activation("relu7"); });
  EXPECT_TRUE(contains(message, "relu7")) << message;
  EXPECT_TRUE(contains(message, "leaky_relu")) << message;
}

TEST(Registry, ResolveParamsFillsDefaultsAndKeepsGivenValues) {
  const Activation& softplus = find_activation("softplus");
  const ParamValues p = resolve_params(softplus, {{"threshold", kInf}});
  EXPECT_EQ(p[0], 1.0);
  EXPECT_EQ(p[1], kInf);
  const ParamValues rrelu = find_activation("rrelu").default_params();
  EXPECT_EQ(rrelu[0], 1.0 / 8.0);
  EXPECT_EQ(rrelu[1], 1.0 / 3.0);
}

TEST(Registry, CrossParameterConstraintsNameBothParameters) {
  const std::string hardtanh = error_of([] { resolve_params(find_activation("hardtanh"), {{"min_val", 2.0}}); });
  EXPECT_TRUE(contains(hardtanh, "min_val") && contains(hardtanh, "max_val")) << hardtanh;
  const std::string rrelu = error_of([] {
    resolve_params(find_activation("rrelu"), {{"lower", 0.5}, {"upper", 0.4}});
  });
  EXPECT_TRUE(contains(rrelu, "lower") && contains(rrelu, "upper")) << rrelu;
}

TEST(Registry, OutOfRangeMessageNamesTheRangeAndTheValue) {
  const std::string message = error_of([] {
    resolve_params(find_activation("leaky_relu"), {{"negative_slope", 1.5}});
  });
  EXPECT_EQ(message, "parameter 'negative_slope' of activation 'leaky_relu' must be in [0, 1], got 1.5");
}

TEST(Registry, ErrorsCarryACodeAndTheirFields) {
  try {
    resolve_params(find_activation("leaky_relu"), {{"negative_slope", 5.0}});
    FAIL() << "no error";
  } catch (const CoreError& error) {
    EXPECT_EQ(error.code(), "param-out-of-range");
    const CoreError::Details expected = {{"activation", std::string("leaky_relu")}, {"param", std::string("negative_slope")},
                                         {"min", 0.0}, {"max", 1.0}, {"value", 5.0}};
    EXPECT_EQ(error.details(), expected);
    EXPECT_EQ(std::string(error.what()), "parameter 'negative_slope' of activation 'leaky_relu' must be in [0, 1], got 5");
  }
  const auto code_of = [](auto&& call) {
    try {
      call();
    } catch (const CoreError& error) {
      return error.code();
    }
    return std::string("none");
  };
  EXPECT_EQ(code_of([] { find_activation("swoosh"); }), "unknown-activation");
  EXPECT_EQ(code_of([] { resolve_params(find_activation("tanh"), {{"beta", 1.0}}); }), "unknown-param");
  EXPECT_EQ(code_of([] { resolve_params(find_activation("hardtanh"), {{"min_val", 2.0}}); }), "param-order");
}

}  // namespace
}  // namespace ap

// critical_points: known minima, kinks with a sign change, isolated zeros, flat
// regions, and a consistency sweep over the whole registry.

#include "activations/critical_points.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "activations/registry.h"

namespace ap {
namespace {

std::vector<double> points_of(const std::string& name, std::map<std::string, double> params = {},
                              double lo = -10, double hi = 10) {
  const Activation& a = find_activation(name);
  return critical_points(a, resolve_params(a, params), lo, hi);
}

TEST(CriticalPoints, FindsTheMinimaOfTheGatedActivations) {
  const struct {
    const char* name;
    double x;
  } known[] = {{"silu", -1.2784645427610738},
               {"swish", -1.2784645427610738},
               {"mish", -1.1924312145154952},
               {"gelu", -0.7517915246935645},
               {"gelu_tanh", -0.7524614220710163}};
  for (const auto& k : known) {
    const std::vector<double> found = points_of(k.name);
    ASSERT_EQ(found.size(), 1u) << k.name;
    EXPECT_NEAR(found[0], k.x, 1e-12) << k.name;
  }
}

TEST(CriticalPoints, SwishMinimumMovesAsOneOverBeta) {
  const std::vector<double> found = points_of("swish", {{"beta", 2.0}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(found[0], -1.2784645427610738 / 2, 1e-12);
}

TEST(CriticalPoints, HardSwishMinimumIsExactlyMinusOneAndAHalf) {
  const std::vector<double> found = points_of("hardswish");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], -1.5);
}

TEST(CriticalPoints, ASignChangeAtAKinkIsReportedAtTheKink) {
  const std::vector<double> found = points_of("prelu", {{"a", -0.1}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], 0.0);
}

TEST(CriticalPoints, AnIsolatedZeroWithoutSignChangeIsReported) {
  const std::vector<double> found = points_of("tanhshrink");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], 0.0);
}

TEST(CriticalPoints, FlatSaturatedRegionsAreNotCriticalPoints) {
  for (const char* name : {"relu", "relu6", "hardtanh", "hardsigmoid", "hardsigmoid_keras2",
                           "binary_step", "elu", "sigmoid", "tanh", "identity", "leaky_relu"}) {
    EXPECT_TRUE(points_of(name).empty()) << name;
  }
}

TEST(CriticalPoints, OnlyPointsInsideTheIntervalAreReported) {
  EXPECT_TRUE(points_of("silu", {}, 0, 10).empty());
  EXPECT_EQ(points_of("silu", {}, -1.5, -1).size(), 1u);
}

TEST(CriticalPoints, EveryReportedPointHasAVanishingOrSignChangingSlope) {
  for (const Activation& a : all_activations()) {
    const ParamValues p = a.default_params();
    const std::vector<double> found = critical_points(a, p, -10, 10);
    for (std::size_t i = 0; i < found.size(); ++i) {
      const double x = found[i];
      if (i > 0) {
        EXPECT_LT(found[i - 1], x) << a.name;
      }
      const double d = a.derivative_at(x, p);
      const double left = a.derivative_at(x - 1e-6, p);
      const double right = a.derivative_at(x + 1e-6, p);
      EXPECT_TRUE(d == 0 || left * right < 0 || std::fabs(d) < 1e-12)
          << a.name << " at " << x << ": f' = " << d;
    }
    // A monotonic function has no sign change of f' at all.
    if (a.properties.monotonic) {
      for (const double x : found) {
        EXPECT_GE(a.derivative_at(x - 1e-3, p) * a.derivative_at(x + 1e-3, p), 0) << a.name;
      }
    } else {
      EXPECT_FALSE(found.empty()) << a.name << " is non-monotonic but has no critical point";
    }
  }
}

TEST(CriticalPoints, HugeIntervalsNeitherOverflowNorReportNonFinitePoints) {
  const std::vector<double> found = points_of("silu", {}, -1.7e308, 1.7e308);
  for (const double x : found) EXPECT_TRUE(std::isfinite(x)) << x;
}

TEST(CriticalPoints, WideIntervalsStillResolveFeaturesNearTheOrigin) {
  // The asinh-spaced grid keeps samples near 0 however wide [lo, hi] is (issue 16).
  for (const auto& [lo, hi] : {std::pair{-1e9, 5.0}, std::pair{-1.7e308, 1.7e308}}) {
    const std::vector<double> silu = points_of("silu", {}, lo, hi);
    ASSERT_EQ(silu.size(), 1u) << lo << ".." << hi;
    EXPECT_NEAR(silu[0], -1.2784645, 1e-6);
    const std::vector<double> hardswish = points_of("hardswish", {}, lo, hi);
    ASSERT_EQ(hardswish.size(), 1u) << lo << ".." << hi;
    EXPECT_NEAR(hardswish[0], -1.5, 1e-12);
  }
}

TEST(CriticalPoints, RejectsABadInterval) {
  const Activation& silu = find_activation("silu");
  const ParamValues p = silu.default_params();
  EXPECT_THROW(critical_points(silu, p, 1, -1), std::invalid_argument);
  EXPECT_THROW(critical_points(silu, p, 0, 0), std::invalid_argument);
  EXPECT_THROW(critical_points(silu, p, std::nan(""), 1), std::invalid_argument);
  EXPECT_THROW(critical_points(silu, p, -INFINITY, 1), std::invalid_argument);
}

}  // namespace
}  // namespace ap

// The display path's float32 tanh and sigmoid (math/display_activation.h):
// worst-case error over dense sweeps against a long-double reference, the
// documented bounds, special values, and lengths that are not a multiple of four.

#include "math/display_activation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "ulp_error.h"

namespace ap::math {
namespace {

using Sweep = test_support::Sweep<float>;

/// Error in float ulp.
inline double float_ulp_error(float got, long double ref) { return test_support::ulp_error(got, ref); }

constexpr int kSteps = 2000000;

template <class Kernel, class Reference>
Sweep sweep(Kernel kernel, Reference reference, float lo, float hi) {
  std::vector<float> xs(kSteps + 1), ys(kSteps + 1);
  for (int i = 0; i <= kSteps; ++i) xs[i] = lo + (hi - lo) * static_cast<float>(i) / kSteps;
  // Every binade of tiny magnitudes, both signs.
  for (int k = -149; k <= 0; ++k) {
    xs.push_back(std::ldexp(1.37f, k));
    xs.push_back(-std::ldexp(1.37f, k));
  }
  ys.resize(xs.size());
  kernel(xs.data(), ys.data(), xs.size());
  Sweep s;
  for (std::size_t i = 0; i < xs.size(); ++i) s.add(xs[i], float_ulp_error(ys[i], reference(xs[i])));
  return s;
}

TEST(DisplayActivation, TanhIsWithinTwoAndAHalfFloatUlp) {
  const Sweep s = sweep(
      display_tanh_n, [](float x) { return tanhl(x); }, -20.0f, 20.0f);
  std::printf("[          ] display tanh: worst %.2f float ulp at x = %.7g\n", s.worst, s.at);
  EXPECT_LE(s.worst, 2.5) << "worst at x = " << s.at;
}

TEST(DisplayActivation, SigmoidIsWithinTwoAndAHalfFloatUlp) {
  const Sweep s = sweep(
      display_sigmoid_n, [](float x) { return 1.0L / (1.0L + expl(-static_cast<long double>(x))); }, -87.0f, 87.0f);
  std::printf("[          ] display sigmoid: worst %.2f float ulp at x = %.7g\n", s.worst, s.at);
  EXPECT_LE(s.worst, 2.5) << "worst at x = " << s.at;
}

TEST(DisplayActivation, LimitsAndNaN) {
  const float inf = std::numeric_limits<float>::infinity();
  const float xs[] = {inf, -inf, 1e30f, -1e30f, std::nanf(""), 0.0f, -0.0f};
  float t[7], s[7];
  display_tanh_n(xs, t, 7);
  display_sigmoid_n(xs, s, 7);
  EXPECT_EQ(t[0], 1.0f);
  EXPECT_EQ(t[1], -1.0f);
  EXPECT_EQ(t[2], 1.0f);
  EXPECT_EQ(t[3], -1.0f);
  EXPECT_TRUE(std::isnan(t[4]));
  EXPECT_EQ(t[5], 0.0f);
  EXPECT_EQ(s[0], 1.0f);
  EXPECT_GE(s[1], 0.0f) << "-inf clamps to e^-88: within 1e-37 of 0";
  EXPECT_LT(s[1], 1e-37f);
  EXPECT_EQ(s[2], 1.0f);
  EXPECT_LT(s[3], 1e-37f);
  EXPECT_TRUE(std::isnan(s[4]));
  EXPECT_EQ(s[5], 0.5f);
}

TEST(DisplayActivation, EveryLengthGivesTheSameValuesAsOneLongCall) {
  std::vector<float> xs(23), all(23);
  for (int i = 0; i < 23; ++i) xs[static_cast<std::size_t>(i)] = -3.0f + 0.27f * static_cast<float>(i);
  display_tanh_n(xs.data(), all.data(), xs.size());
  for (std::size_t n = 0; n <= xs.size(); ++n) {
    std::vector<float> part(n + 1, 7.0f);
    display_tanh_n(xs.data(), part.data(), n);
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(part[i], all[i]) << n << "," << i;
    EXPECT_EQ(part[n], 7.0f) << "wrote past the end for n = " << n;
  }
}

}  // namespace
}  // namespace ap::math

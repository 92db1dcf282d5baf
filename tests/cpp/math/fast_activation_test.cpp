// The trainer's fast exp / expm1 / log1p / tanh / sigmoid (math/fast_activation.h):
// worst-case error over dense sweeps against a long-double reference, the
// documented bounds, special values, and the two-lane path agreeing bit for bit
// with the scalar one.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "math/fast_activation.h"
#include "ulp_error.h"

namespace ap::math {
namespace {

using Sweep = test_support::Sweep<double>;
using test_support::ulp_error;

constexpr int kSteps = 1000000;

TEST(FastMath, TanhIsWithinTwoAndAHalfUlpOverADenseSweep) {
  Sweep s;
  std::vector<double> xs(kSteps + 1), ys(kSteps + 1);
  for (int i = 0; i <= kSteps; ++i) xs[i] = -40.0 + 80.0 * i / kSteps;
  fast_tanh_n(xs.data(), ys.data(), xs.size());
  for (int i = 0; i <= kSteps; ++i) s.add(xs[i], ulp_error(ys[i], tanhl(xs[i])));
  for (int k = -1074; k <= 0; ++k) {
    const double x = std::ldexp(1.37, k);
    s.add(x, ulp_error(fast_tanh(x), tanhl(x)));
    s.add(-x, ulp_error(fast_tanh(-x), tanhl(-x)));
  }
  EXPECT_LE(s.worst, 2.5) << "worst at x = " << s.at;
}

TEST(FastMath, SigmoidIsWithinTwoAndAHalfUlpOverADenseSweep) {
  Sweep s;
  std::vector<double> xs(kSteps + 1), ys(kSteps + 1);
  for (int i = 0; i <= kSteps; ++i) xs[i] = -700.0 + 1400.0 * i / kSteps;
  fast_sigmoid_n(xs.data(), ys.data(), xs.size());
  for (int i = 0; i <= kSteps; ++i)
    s.add(xs[i], ulp_error(ys[i], 1.0L / (1.0L + expl(-static_cast<long double>(xs[i])))));
  for (int i = 0; i <= kSteps; ++i) {
    const double x = -40.0 + 80.0 * i / kSteps;
    s.add(x, ulp_error(fast_sigmoid(x), 1.0L / (1.0L + expl(-static_cast<long double>(x)))));
  }
  EXPECT_LE(s.worst, 2.5) << "worst at x = " << s.at;
}

TEST(FastMath, ExpExpm1AndLog1pAreWithinTheirDocumentedBounds) {
  Sweep e, m, l;
  for (int i = 0; i <= kSteps; ++i) {
    const double t = -700.0 + 1409.0 * i / kSteps;
    e.add(t, ulp_error(fast_exp(t), expl(t)));
    const double u = -2.0 + 4.0 * i / kSteps;
    m.add(u, ulp_error(fast_expm1(u), expm1l(u)));
    const double v = -0.999 + 20.0 * i / kSteps;
    l.add(v, ulp_error(fast_log1p(v), log1pl(v)));
  }
  for (int k = -1074; k < 0; ++k) {
    const double x = std::ldexp(1.37, k);
    m.add(x, ulp_error(fast_expm1(x), expm1l(x)));
    l.add(x, ulp_error(fast_log1p(x), log1pl(x)));
  }
  EXPECT_LE(e.worst, 1.5) << "exp worst at " << e.at;
  EXPECT_LE(m.worst, 2.5) << "expm1 worst at " << m.at;
  EXPECT_LE(l.worst, 3.0) << "log1p worst at " << l.at;
}

TEST(FastMath, SoftplusIsWithinThreeUlp) {
  Sweep s;
  for (int i = 0; i <= kSteps; ++i) {
    const double v = -700.0 + 1400.0 * i / kSteps;
    const long double ref =
        v > 0 ? v + log1pl(expl(-static_cast<long double>(v))) : log1pl(expl(static_cast<long double>(v)));
    s.add(v, ulp_error(fast_softplus(v), ref));
  }
  EXPECT_LE(s.worst, 3.0) << "worst at v = " << s.at;
  EXPECT_EQ(fast_softplus(std::numeric_limits<double>::infinity()), std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(fast_softplus(std::nan(""))));
}

TEST(FastMath, SpecialValuesGiveTheLimits) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(std::isnan(fast_tanh(nan)));
  EXPECT_TRUE(std::isnan(fast_sigmoid(nan)));
  EXPECT_TRUE(std::isnan(fast_exp(nan)));
  EXPECT_TRUE(std::isnan(fast_log1p(nan)));
  EXPECT_EQ(fast_tanh(inf), 1.0);
  EXPECT_EQ(fast_tanh(-inf), -1.0);
  EXPECT_EQ(fast_tanh(1e300), 1.0);
  EXPECT_EQ(fast_tanh(-1e300), -1.0);
  EXPECT_EQ(fast_tanh(0.0), 0.0);
  EXPECT_EQ(fast_sigmoid(inf), 1.0);
  EXPECT_LT(fast_sigmoid(-inf), 1e-300);
  EXPECT_EQ(fast_sigmoid(0.0), 0.5);
  EXPECT_EQ(fast_exp(0.0), 1.0);
  EXPECT_EQ(fast_log1p(0.0), 0.0);
  EXPECT_EQ(fast_log1p(inf), inf);
  EXPECT_EQ(fast_log1p(-1.0), -inf);
  EXPECT_TRUE(std::isnan(fast_log1p(-2.0)));
  const double tiny = 1e-300;
  EXPECT_EQ(fast_tanh(tiny), tiny);
  EXPECT_EQ(fast_expm1(tiny), tiny);
}

TEST(FastMath, BulkKernelsAgreeWithTheScalarFunctionsBitForBit) {
  // Odd length, so both the two-lane loop and the scalar tail run.
  std::vector<double> xs;
  for (int i = 0; i < 2001; ++i) xs.push_back(-25.0 + 0.025 * i + 1e-7 * (i % 7));
  xs.push_back(std::numeric_limits<double>::quiet_NaN());
  xs.push_back(std::numeric_limits<double>::infinity());
  std::vector<double> t(xs.size()), s(xs.size());
  fast_tanh_n(xs.data(), t.data(), xs.size());
  fast_sigmoid_n(xs.data(), s.data(), xs.size());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const double et = fast_tanh(xs[i]), es = fast_sigmoid(xs[i]);
    if (std::isnan(et)) {
      EXPECT_TRUE(std::isnan(t[i]));
      EXPECT_TRUE(std::isnan(s[i]));
      continue;
    }
    EXPECT_EQ(t[i], et) << xs[i];
    EXPECT_EQ(s[i], es) << xs[i];
  }
}

TEST(FastMath, TanhIsOddAndMonotonic) {
  // Steps of 5e-5 on [-5, 5] move tanh by far more than its error.
  double previous = -1;
  for (int i = 0; i <= 200000; ++i) {
    const double x = -5.0 + 10.0 * i / 200000;
    const double y = fast_tanh(x);
    EXPECT_GT(y, previous) << x;
    EXPECT_LE(std::fabs(y + fast_tanh(-x)), 6e-16 * std::fabs(y)) << x;
    previous = y;
  }
}

}  // namespace
}  // namespace ap::math

// Each optimizer does exactly its documented update on a tiny case, with and
// without regularisation, and switching the optimizer restarts its state.

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "train/optimizer.h"

namespace ap {
namespace {

TEST(Optimizer, SgdStepsAgainstTheGradient) {
  Optimizer opt(OptimizerKind::kSgd, 3);
  std::vector<double> p{1.0, -2.0, 3.0};
  const std::vector<double> g{0.5, 0.25, -1.0};
  opt.step(p.data(), g.data(), 3, RegularizationKind::kNone, 0, 0.1);
  EXPECT_DOUBLE_EQ(p[0], 1.0 - 0.05);
  EXPECT_DOUBLE_EQ(p[1], -2.0 - 0.025);
  EXPECT_DOUBLE_EQ(p[2], 3.0 + 0.1);
}

TEST(Optimizer, L2AddsRateTimesWeightToTheWeightsOnly) {
  Optimizer opt(OptimizerKind::kSgd, 3);
  std::vector<double> p{1.0, -2.0, 3.0};
  const std::vector<double> g{0.5, 0.25, -1.0};
  // The first two entries are weights; the third (a bias) is not regularised.
  opt.step(p.data(), g.data(), 2, RegularizationKind::kL2, 0.2, 0.1);
  EXPECT_DOUBLE_EQ(p[0], 1.0 - 0.1 * (0.5 + 0.2 * 1.0));
  EXPECT_DOUBLE_EQ(p[1], -2.0 - 0.1 * (0.25 + 0.2 * -2.0));
  EXPECT_DOUBLE_EQ(p[2], 3.0 + 0.1);
}

TEST(Optimizer, L1AddsRateTimesTheSignOfTheWeight) {
  Optimizer opt(OptimizerKind::kSgd, 3);
  std::vector<double> p{1.0, -2.0, 0.0};
  const std::vector<double> g{0.5, 0.25, -1.0};
  opt.step(p.data(), g.data(), 3, RegularizationKind::kL1, 0.2, 0.1);
  EXPECT_DOUBLE_EQ(p[0], 1.0 - 0.1 * (0.5 + 0.2));
  EXPECT_DOUBLE_EQ(p[1], -2.0 - 0.1 * (0.25 - 0.2));
  EXPECT_DOUBLE_EQ(p[2], 0.0 + 0.1);  // sign(0) = 0
}

TEST(Optimizer, MomentumAccumulatesAVelocity) {
  Optimizer opt(OptimizerKind::kMomentum, 1);
  std::vector<double> p{1.0};
  const double g1 = 0.5, g2 = -0.25;
  opt.step(p.data(), &g1, 1, RegularizationKind::kNone, 0, 0.1);
  EXPECT_DOUBLE_EQ(p[0], 1.0 - 0.1 * 0.5);
  opt.step(p.data(), &g2, 1, RegularizationKind::kNone, 0, 0.1);
  const double v2 = 0.9 * 0.5 + g2;
  EXPECT_DOUBLE_EQ(p[0], 1.0 - 0.1 * 0.5 - 0.1 * v2);
}

TEST(Optimizer, AdamCorrectsItsBiasedMoments) {
  Optimizer opt(OptimizerKind::kAdam, 2);
  std::vector<double> p{1.0, -1.0};
  const std::vector<double> g1{0.5, -2.0}, g2{0.1, 1.0};
  opt.step(p.data(), g1.data(), 2, RegularizationKind::kNone, 0, 0.01);
  // First step: m^ = g, v^ = g^2, so the step is lr * g / (|g| + eps).
  EXPECT_NEAR(p[0], 1.0 - 0.01 * 0.5 / (0.5 + 1e-8), 1e-15);
  EXPECT_NEAR(p[1], -1.0 + 0.01 * 2.0 / (2.0 + 1e-8), 1e-15);
  const double p0 = p[0];
  opt.step(p.data(), g2.data(), 2, RegularizationKind::kNone, 0, 0.01);
  const double m = 0.9 * (0.1 * 0.5) + 0.1 * 0.1;
  const double v = 0.999 * (0.001 * 0.25) + 0.001 * 0.01;
  const double m_hat = m / (1 - 0.9 * 0.9);
  const double v_hat = v / (1 - 0.999 * 0.999);
  EXPECT_NEAR(p[0], p0 - 0.01 * m_hat / (std::sqrt(v_hat) + 1e-8), 1e-15);
}

TEST(Optimizer, SwitchingTheKindRestartsTheState) {
  Optimizer opt(OptimizerKind::kMomentum, 1);
  std::vector<double> p{0.0};
  const double g = 1.0;
  opt.step(p.data(), &g, 1, RegularizationKind::kNone, 0, 1.0);
  opt.set_kind(OptimizerKind::kAdam);
  opt.set_kind(OptimizerKind::kMomentum);
  const double before = p[0];
  opt.step(p.data(), &g, 1, RegularizationKind::kNone, 0, 1.0);
  EXPECT_DOUBLE_EQ(p[0], before - 1.0);    // no velocity carried over
  opt.set_kind(OptimizerKind::kMomentum);  // same kind: state kept
  opt.step(p.data(), &g, 1, RegularizationKind::kNone, 0, 1.0);
  EXPECT_DOUBLE_EQ(p[0], before - 1.0 - 1.9);
}

}  // namespace
}  // namespace ap

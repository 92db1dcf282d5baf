#include "train/dataset.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace ap {
namespace {

TrainerConfig config_for(DatasetKind kind, int points = 500, double noise = 0, std::uint32_t seed = 1) {
  TrainerConfig c;
  c.dataset = kind;
  c.points = points;
  c.noise = noise;
  c.seed = seed;
  return c;
}

std::vector<int> class_counts(const Dataset& d) {
  std::vector<int> counts(d.classes, 0);
  for (double label : d.label) counts.at(static_cast<int>(label)) += 1;
  return counts;
}

int count_outside_box(const Dataset& d, double half_width) {
  int outside = 0;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (std::fabs(d.x[i]) > half_width || std::fabs(d.y[i]) > half_width) ++outside;
  }
  return outside;
}

const DatasetKind kGenerated[] = {DatasetKind::kCircle,   DatasetKind::kXor,     DatasetKind::kGauss,
                                  DatasetKind::kSpiral,   DatasetKind::kMoons,   DatasetKind::kCheckerboard,
                                  DatasetKind::kRegPlane, DatasetKind::kRegGauss};

class GeneratedDataset : public ::testing::TestWithParam<DatasetKind> {};

TEST_P(GeneratedDataset, SameSeedGivesIdenticalPointsAndSplit) {
  const Dataset a = make_dataset(config_for(GetParam(), 500, 0.3, 42));
  const Dataset b = make_dataset(config_for(GetParam(), 500, 0.3, 42));
  EXPECT_EQ(a.x, b.x);
  EXPECT_EQ(a.y, b.y);
  EXPECT_EQ(a.label, b.label);
  EXPECT_EQ(a.is_test, b.is_test);
}

TEST_P(GeneratedDataset, DifferentSeedsGiveDifferentPointsAndSplits) {
  const Dataset a = make_dataset(config_for(GetParam(), 500, 0.3, 1));
  const Dataset b = make_dataset(config_for(GetParam(), 500, 0.3, 2));
  EXPECT_NE(a.x, b.x);
  EXPECT_NE(a.y, b.y);
  EXPECT_NE(a.is_test, b.is_test);
}

TEST_P(GeneratedDataset, HasTheRequestedNumberOfFinitePoints) {
  for (int n : {10, 11, 501}) {
    const Dataset d = make_dataset(config_for(GetParam(), n, 0.2));
    ASSERT_EQ(d.size(), static_cast<std::size_t>(n));
    ASSERT_EQ(d.y.size(), d.size());
    ASSERT_EQ(d.label.size(), d.size());
    ASSERT_EQ(d.is_test.size(), d.size());
    for (std::size_t i = 0; i < d.size(); ++i) {
      EXPECT_TRUE(std::isfinite(d.x[i]) && std::isfinite(d.y[i]) && std::isfinite(d.label[i]));
    }
  }
}

TEST_P(GeneratedDataset, LiesInsideTheSquareWithoutNoise) {
  const Dataset d = make_dataset(config_for(GetParam(), 2000, 0));
  // Gaussian blobs have unbounded tails: 2000 draws of sd 0.71 around (±2, ±2)
  // reach |coordinate| = 6 with probability ~1e-6.
  EXPECT_EQ(count_outside_box(d, 6), 0);
}

TEST_P(GeneratedDataset, StaysMostlyInsideTheSquareAtHalfNoise) {
  const Dataset d = make_dataset(config_for(GetParam(), 2000, 0.5));
  // Only gauss (sd 2) and moons (sd 1.67) move points past the edge at noise 0.5.
  EXPECT_LT(count_outside_box(d, 6), 2000 / 10);
}

TEST_P(GeneratedDataset, IsolatesTheSplitFromTheDataStream) {
  TrainerConfig a = config_for(GetParam(), 500, 0.1);
  TrainerConfig b = a;
  b.train_fraction = 0.8;
  const Dataset da = make_dataset(a);
  const Dataset db = make_dataset(b);
  EXPECT_EQ(da.x, db.x);
  EXPECT_EQ(da.label, db.label);
}

INSTANTIATE_TEST_SUITE_P(AllKinds, GeneratedDataset, ::testing::ValuesIn(kGenerated));

TEST(Circle, LabelsTheInnerDiscOneAndTheRingZeroWithoutNoise) {
  const Dataset d = make_dataset(config_for(DatasetKind::kCircle, 501));
  EXPECT_EQ(d.classes, 2);
  EXPECT_EQ(class_counts(d), (std::vector<int>{250, 251}));
  for (std::size_t i = 0; i < d.size(); ++i) {
    const double r = std::hypot(d.x[i], d.y[i]);
    if (d.label[i] == 1) {
      EXPECT_LE(r, 2.5);
    } else {
      EXPECT_GE(r, 3.5);
      EXPECT_LE(r, 5.0);
    }
  }
}

TEST(Circle, NoiseFlipsLabelsButKeepsPositions) {
  const Dataset clean = make_dataset(config_for(DatasetKind::kCircle, 500, 0));
  const Dataset noisy = make_dataset(config_for(DatasetKind::kCircle, 500, 0.5));
  EXPECT_EQ(clean.x, noisy.x);
  EXPECT_EQ(clean.y, noisy.y);
  int flipped = 0;
  for (std::size_t i = 0; i < clean.size(); ++i) flipped += clean.label[i] != noisy.label[i];
  EXPECT_GT(flipped, 25);
}

TEST(Xor, LabelsQuadrantsWithSameSignOneAndKeepsAPaddedGap) {
  const Dataset d = make_dataset(config_for(DatasetKind::kXor, 1000));
  const std::vector<int> counts = class_counts(d);
  EXPECT_NEAR(counts[1], 500, 60);
  for (std::size_t i = 0; i < d.size(); ++i) {
    EXPECT_GE(std::fabs(d.x[i]), 0.3);
    EXPECT_LE(std::fabs(d.x[i]), 5.3);
    EXPECT_GE(std::fabs(d.y[i]), 0.3);
    EXPECT_EQ(d.label[i], d.x[i] * d.y[i] >= 0 ? 1 : 0);
  }
}

TEST(Gauss, TwoClassesCentreOnTensorFlowPlaygroundsBlobs) {
  const Dataset d = make_dataset(config_for(DatasetKind::kGauss, 2000));
  double sum[2][2] = {{0, 0}, {0, 0}};
  const std::vector<int> counts = class_counts(d);
  EXPECT_EQ(counts, (std::vector<int>{1000, 1000}));
  for (std::size_t i = 0; i < d.size(); ++i) {
    const int c = static_cast<int>(d.label[i]);
    sum[c][0] += d.x[i];
    sum[c][1] += d.y[i];
  }
  EXPECT_NEAR(sum[0][0] / 1000, -2, 0.1);
  EXPECT_NEAR(sum[0][1] / 1000, -2, 0.1);
  EXPECT_NEAR(sum[1][0] / 1000, 2, 0.1);
  EXPECT_NEAR(sum[1][1] / 1000, 2, 0.1);
}

TEST(Gauss, NoiseWidensTheBlobsLikeTensorFlowPlayground) {
  // variance 0.5 + 7 noise: 4 at noise 0.5, so the per-coordinate sd is 2.
  const Dataset d = make_dataset(config_for(DatasetKind::kGauss, 4000, 0.5));
  double sum_sq = 0;
  for (std::size_t i = 0; i < d.size(); ++i) {
    const double cx = d.label[i] == 1 ? 2 : -2;
    sum_sq += (d.x[i] - cx) * (d.x[i] - cx);
  }
  EXPECT_NEAR(std::sqrt(sum_sq / static_cast<double>(d.size())), 2.0, 0.1);
}

TEST(Spiral, TwoArmsStayWithinRadiusFive) {
  const Dataset d = make_dataset(config_for(DatasetKind::kSpiral, 500));
  EXPECT_EQ(class_counts(d), (std::vector<int>{250, 250}));
  for (std::size_t i = 0; i < d.size(); ++i) EXPECT_LT(std::hypot(d.x[i], d.y[i]), 5.0);
}

TEST(Moons, FillsTheDocumentedBoxWithBalancedClasses) {
  const Dataset d = make_dataset(config_for(DatasetKind::kMoons, 501));
  EXPECT_EQ(class_counts(d), (std::vector<int>{251, 250}));
  for (std::size_t i = 0; i < d.size(); ++i) {
    EXPECT_LE(std::fabs(d.x[i]), 5.0 + 1e-12);
    EXPECT_LE(std::fabs(d.y[i]), 2.5 + 1e-12);
    // The upper moon (class 0) is a half circle of radius 10/3 around (-5/3, -5/6).
    const double cx = d.label[i] == 0 ? -5.0 / 3 : 5.0 / 3;
    const double cy = d.label[i] == 0 ? -5.0 / 6 : 5.0 / 6;
    EXPECT_NEAR(std::hypot(d.x[i] - cx, d.y[i] - cy), 10.0 / 3, 1e-9);
  }
}

TEST(Checkerboard, LabelsCellsByParityWithoutNoise) {
  const Dataset d = make_dataset(config_for(DatasetKind::kCheckerboard, 2000));
  EXPECT_NEAR(class_counts(d)[1], 1000, 100);
  for (std::size_t i = 0; i < d.size(); ++i) {
    const int parity = (static_cast<int>(std::floor(d.x[i] / 3)) + static_cast<int>(std::floor(d.y[i] / 3))) & 1;
    EXPECT_EQ(d.label[i], parity == 0 ? 1 : 0);
  }
}

TEST(RegPlane, TargetIsTheScaledSumWithoutNoise) {
  const Dataset d = make_dataset(config_for(DatasetKind::kRegPlane, 300));
  EXPECT_TRUE(d.regression());
  EXPECT_EQ(d.classes, 0);
  for (std::size_t i = 0; i < d.size(); ++i) EXPECT_DOUBLE_EQ(d.label[i], (d.x[i] + d.y[i]) / 10);
}

TEST(RegGauss, TargetsLieInMinusOneToOneWithBothSigns) {
  const Dataset d = make_dataset(config_for(DatasetKind::kRegGauss, 1000));
  EXPECT_TRUE(d.regression());
  int positive = 0, negative = 0;
  for (double t : d.label) {
    EXPECT_LE(std::fabs(t), 1.0);
    positive += t > 0.5;
    negative += t < -0.5;
  }
  EXPECT_GT(positive, 30);
  EXPECT_GT(negative, 30);
  // At a bump's centre the target is the bump's sign.
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (std::hypot(d.x[i] - 4, d.y[i] - 2.5) < 0.2) {
      EXPECT_GT(d.label[i], 0.9);
    }
  }
}

class ManyClasses : public ::testing::TestWithParam<std::tuple<DatasetKind, int>> {};

TEST_P(ManyClasses, HaveKClassesSplitEvenly) {
  const auto [kind, k] = GetParam();
  TrainerConfig c = config_for(kind, 502);
  c.classes = k;
  const Dataset d = make_dataset(c);
  EXPECT_EQ(d.classes, k);
  const std::vector<int> counts = class_counts(d);
  ASSERT_EQ(counts.size(), static_cast<std::size_t>(k));
  for (int cls = 0; cls < k; ++cls) EXPECT_EQ(counts[cls], 502 / k + (cls < 502 % k ? 1 : 0));
  EXPECT_EQ(count_outside_box(d, 6), 0);
}

INSTANTIATE_TEST_SUITE_P(SpiralAndGauss, ManyClasses,
                         ::testing::Combine(::testing::Values(DatasetKind::kSpiral, DatasetKind::kGauss),
                                            ::testing::Values(2, 3, 4, 5)));

TEST(GaussWithKClasses, PutsTheBlobsEvenlyOnACircle) {
  TrainerConfig c = config_for(DatasetKind::kGauss, 5000);
  c.classes = 5;
  const Dataset d = make_dataset(c);
  std::vector<double> mx(5, 0), my(5, 0);
  for (std::size_t i = 0; i < d.size(); ++i) {
    mx[static_cast<int>(d.label[i])] += d.x[i] / 1000;
    my[static_cast<int>(d.label[i])] += d.y[i] / 1000;
  }
  for (int cls = 0; cls < 5; ++cls) {
    EXPECT_NEAR(std::hypot(mx[cls], my[cls]), 2 * std::sqrt(2.0), 0.1);
    const int next = (cls + 1) % 5;
    const double gap = std::hypot(mx[cls] - mx[next], my[cls] - my[next]);
    EXPECT_NEAR(gap, 2 * 2 * std::sqrt(2.0) * std::sin(3.14159265358979 / 5), 0.15);
  }
}

TEST(Split, MarksExactlyRoundedTestCount) {
  struct Case {
    int points;
    double train_fraction;
    int tests;
  };
  for (const Case& k : {Case{500, 0.5, 250}, Case{500, 0.9, 50}, Case{500, 0.1, 450}, Case{10, 0.9, 1},
                        Case{10, 0.1, 9}, Case{11, 0.5, 6}, Case{10000, 0.7, 3000}, Case{333, 0.3, 233}}) {
    TrainerConfig c = config_for(DatasetKind::kCircle, k.points);
    c.train_fraction = k.train_fraction;
    const Dataset d = make_dataset(c);
    int tests = 0;
    for (std::uint8_t t : d.is_test) tests += t;
    EXPECT_EQ(tests, k.tests) << k.points << " points, trainFraction " << k.train_fraction;
    EXPECT_EQ(training_point_count(c), k.points - k.tests);
  }
}

TEST(Split, KeepsOneTrainingAndOneTestPoint) {
  EXPECT_EQ(test_point_count(1, 0.5), 0);
  EXPECT_EQ(test_point_count(2, 0.9), 1);  // round(0.2) = 0, raised to 1
  EXPECT_EQ(test_point_count(2, 0.1), 1);  // round(1.8) = 2, lowered to 1
  EXPECT_EQ(test_point_count(3, 0.1), 2);
}

TEST(Custom, CopiesTheDataInOrderAndSplitsIt) {
  TrainerConfig c;
  c.dataset = DatasetKind::kCustom;
  c.data.x = {1, 2, 3, 4, 5};
  c.data.y = {-1, -2, -3, -4, -5};
  c.data.label = {0, 1, 2, 1, 0};
  c.train_fraction = 0.6;
  const Dataset d = make_dataset(c);
  EXPECT_EQ(d.x, c.data.x);
  EXPECT_EQ(d.y, c.data.y);
  EXPECT_EQ(d.label, c.data.label);
  EXPECT_EQ(d.classes, 3);
  int tests = 0;
  for (std::uint8_t t : d.is_test) tests += t;
  EXPECT_EQ(tests, 2);
  EXPECT_EQ(training_point_count(c), 3);
}

TEST(Custom, IsRegressionWhenLabelsAreNotSmallClassIndices) {
  TrainerConfig c;
  c.dataset = DatasetKind::kCustom;
  c.data.x = {0, 1, 2};
  c.data.y = {0, 1, 2};
  c.data.label = {0.5, 1, 2};
  EXPECT_TRUE(c.is_regression());
  EXPECT_EQ(make_dataset(c).classes, 0);
  c.data.label = {1, 1, 1};  // a single class is not a classification problem
  EXPECT_TRUE(c.is_regression());
  c.data.label = {0, 5, 1};  // 5 is beyond the 5-class limit
  EXPECT_TRUE(c.is_regression());
  c.data.label = {0, 4, 0};  // classes 1..3 empty, k = 5 all the same
  EXPECT_FALSE(c.is_regression());
  EXPECT_EQ(make_dataset(c).classes, 5);
}

TEST(Custom, RejectsMismatchedArrays) {
  TrainerConfig c;
  c.dataset = DatasetKind::kCustom;
  c.data.x = {0, 1};
  c.data.y = {0};
  c.data.label = {0, 1};
  EXPECT_THROW(make_dataset(c), std::invalid_argument);
}

}  // namespace
}  // namespace ap

#include "train/features.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "train/dataset.h"

namespace ap {
namespace {

const std::vector<Feature> kAllFeatures = {Feature::kX,  Feature::kY,    Feature::kX2,  Feature::kY2,
                                           Feature::kXY, Feature::kSinX, Feature::kSinY};

TEST(Features, ComputesEachFeatureAtAPoint) {
  double out[7];
  compute_features(kAllFeatures, 2.0, -3.0, out);
  EXPECT_EQ(out[0], 2.0);
  EXPECT_EQ(out[1], -3.0);
  EXPECT_EQ(out[2], 4.0);
  EXPECT_EQ(out[3], 9.0);
  EXPECT_EQ(out[4], -6.0);
  EXPECT_EQ(out[5], std::sin(2.0));
  EXPECT_EQ(out[6], std::sin(-3.0));
}

TEST(Features, FollowsTheRequestedOrder) {
  double out[3];
  compute_features({Feature::kSinY, Feature::kX, Feature::kXY}, 0.5, 1.5, out);
  EXPECT_EQ(out[0], std::sin(1.5));
  EXPECT_EQ(out[1], 0.5);
  EXPECT_EQ(out[2], 0.75);
}

TEST(Features, HavePublicNames) {
  std::vector<std::string> names;
  for (Feature f : kAllFeatures) names.push_back(feature_name(f));
  EXPECT_EQ(names, (std::vector<std::string>{"x", "y", "x2", "y2", "xy", "sinx", "siny"}));
}

TEST(Standardizer, GivesMeanZeroAndStdOneOnTheTrainingRows) {
  TrainerConfig c;
  c.dataset = DatasetKind::kSpiral;
  c.points = 400;
  c.noise = 0.2;
  const Dataset d = make_dataset(c);
  const int cols = static_cast<int>(kAllFeatures.size());
  std::vector<double> rows;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (d.is_test[i]) continue;
    double f[7];
    compute_features(kAllFeatures, d.x[i], d.y[i], f);
    rows.insert(rows.end(), f, f + cols);
  }
  const int n = static_cast<int>(rows.size()) / cols;
  ASSERT_EQ(n, training_point_count(c));
  Standardizer s;
  EXPECT_FALSE(s.fitted());
  s.fit(rows.data(), n, cols);
  ASSERT_TRUE(s.fitted());
  for (int r = 0; r < n; ++r) s.apply(&rows[r * cols], cols);
  for (int col = 0; col < cols; ++col) {
    double sum = 0, sum_sq = 0;
    for (int r = 0; r < n; ++r) sum += rows[r * cols + col];
    const double mean = sum / n;
    for (int r = 0; r < n; ++r) sum_sq += (rows[r * cols + col] - mean) * (rows[r * cols + col] - mean);
    EXPECT_NEAR(mean, 0, 1e-12) << feature_name(kAllFeatures[col]);
    EXPECT_NEAR(std::sqrt(sum_sq / n), 1, 1e-12) << feature_name(kAllFeatures[col]);
  }
}

TEST(Standardizer, CentresAConstantFeatureWithoutScalingIt) {
  const double rows[] = {3, 1, 3, 2, 3, 3};  // column 0 constant
  Standardizer s;
  s.fit(rows, 3, 2);
  EXPECT_EQ(s.mean[0], 3);
  EXPECT_EQ(s.inv_std[0], 1);
  double row[] = {5, 2};
  s.apply(row, 2);
  EXPECT_EQ(row[0], 2);
  EXPECT_EQ(row[1], 0);
}

TEST(Standardizer, IsTheIdentityUntilFitted) {
  Standardizer s;
  double row[] = {1.5, -7};
  s.apply(row, 2);
  EXPECT_EQ(row[0], 1.5);
  EXPECT_EQ(row[1], -7);
  s.fit(nullptr, 0, 2);
  EXPECT_FALSE(s.fitted());
}

}  // namespace
}  // namespace ap

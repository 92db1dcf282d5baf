// Decision-boundary grids: orientation (row 0 at the top), sampling formula,
// validation, per-kind output mapping, and neuron grids in one pass.

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>

#include "train/grid.h"
#include "train/trainer.h"

namespace ap {
namespace {

/// A model without hidden layers whose output is linear in (x, y).
std::unique_ptr<Trainer> linear_model(const std::string& dataset, double wx, double wy) {
  return Trainer::import_model(R"({"format": 1, "config": {"dataset": ")" + dataset +
                               R"(", "hidden": []}, "layers": [{"weights": [)" + std::to_string(wx) + ", " +
                               std::to_string(wy) + R"(], "biases": [0]}]})");
}

TEST(TrainerGrid, AModelThatOutputsYReadsLargestInRowZero) {
  auto t = linear_model("reg-plane", 0, 1);
  const GridSpec spec{5, -6, 6, -2, 2};
  const auto g = t->predict_grid(spec);
  ASSERT_EQ(g.size(), 25u);
  for (int c = 0; c < 5; ++c) {
    EXPECT_EQ(g[c], 2.0f) << "row 0 is y = yMax";
    EXPECT_EQ(g[2 * 5 + c], 0.0f);
    EXPECT_EQ(g[4 * 5 + c], -2.0f) << "last row is y = yMin";
  }
}

TEST(TrainerGrid, ColumnsRunFromXMinToXMax) {
  auto t = linear_model("reg-plane", 1, 0);
  const GridSpec spec{4, -3, 6, -1, 1};
  const auto g = t->predict_grid(spec);
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 4; ++c) EXPECT_EQ(g[r * 4 + c], static_cast<float>(-3 + c * 9.0 / 3)) << r << "," << c;
  }
  EXPECT_EQ(grid_x(spec, 3), 6.0);
  EXPECT_EQ(grid_y(spec, 0), 1.0);
  EXPECT_EQ(grid_y(spec, 3), -1.0);
}

TEST(TrainerGrid, TwoClassesGiveTheProbabilityOfClassOne) {
  auto t = linear_model("circle", 0, 1);  // sigmoid(y)
  const auto g = t->predict_grid({3, -6, 6, -6, 6});
  EXPECT_NEAR(g[0], 1.0 / (1.0 + std::exp(-6.0)), 1e-7);
  EXPECT_NEAR(g[4], 0.5, 1e-7);
  EXPECT_NEAR(g[8], 1.0 / (1.0 + std::exp(6.0)), 1e-7);
  for (float v : g) {
    EXPECT_GE(v, 0.0f);
    EXPECT_LE(v, 1.0f);
  }
}

TEST(TrainerGrid, TanhOutputIsMappedToAProbability) {
  auto t = Trainer::import_model(R"({"format": 1, "config": {"dataset": "circle", "hidden": [], "output": "tanh"},
                                     "layers": [{"weights": [0, 0.5], "biases": [0]}]})");
  const auto g = t->predict_grid({3, -6, 6, -6, 6});
  EXPECT_NEAR(g[0], (std::tanh(3.0) + 1) / 2, 1e-7);
  EXPECT_NEAR(g[4], 0.5, 1e-7);
}

TEST(TrainerGrid, KClassesGiveKPlanesThatSumToOne) {
  auto t = Trainer::from_config_json(R"({"dataset": "spiral", "classes": 3, "hidden": [5]})");
  t->train(3);
  const int size = 7;
  const auto g = t->predict_grid({size, -6, 6, -6, 6});
  ASSERT_EQ(g.size(), 3u * size * size);
  for (int cell = 0; cell < size * size; ++cell) {
    const double sum = g[cell] + g[size * size + cell] + g[2 * size * size + cell];
    EXPECT_NEAR(sum, 1.0, 1e-6);
  }
}

TEST(TrainerGrid, InvalidSpecsAreRejectedWithTheFieldName) {
  auto t = Trainer::from_config_json("{}");
  const auto message = [&](const GridSpec& s) {
    try {
      t->predict_grid(s);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message({1, -6, 6, -6, 6}).find("grid.size"), std::string::npos);
  EXPECT_NE(message({257, -6, 6, -6, 6}).find("grid.size"), std::string::npos);
  EXPECT_NE(message({10, std::nan(""), 6, -6, 6}).find("grid.xMin"), std::string::npos);
  EXPECT_NE(message({10, -6, HUGE_VAL, -6, 6}).find("grid.xMax"), std::string::npos);
  EXPECT_NE(message({10, 6, 6, -6, 6}).find("grid.xMin"), std::string::npos);
  EXPECT_NE(message({10, -6, 6, 1, -1}).find("grid.yMin"), std::string::npos);
  EXPECT_THROW(t->neuron_grids({0, -6, 6, -6, 6}), std::invalid_argument);
  EXPECT_EQ(t->predict_grid({256, -6, 6, -6, 6}).size(), 256u * 256u);
}

TEST(TrainerGrid, NeuronGridsCoverEveryFeatureUnitAndOutputInOrder) {
  auto t = Trainer::from_config_json(R"({"features": ["x", "y", "sinx", "xy"], "standardize": true,
                                         "hidden": [3, 2]})");
  t->train(2);
  const GridSpec spec{9, -6, 6, -6, 6};
  const auto grids = t->neuron_grids(spec);
  ASSERT_EQ(grids.size(), 4u + 3u + 2u + 1u);
  int k = 0;
  const int layers[] = {-1, -1, -1, -1, 0, 0, 0, 1, 1};
  const int indices[] = {0, 1, 2, 3, 0, 1, 2, 0, 1};
  for (; k < 9; ++k) {
    EXPECT_EQ(grids[k].layer, layers[k]);
    EXPECT_EQ(grids[k].index, indices[k]);
  }
  EXPECT_EQ(grids[k].layer, 2);
  EXPECT_EQ(grids.back().grid, t->predict_grid(spec));
  // Inputs are the standardised features, identical to transform(-1) at the cells.
  std::vector<double> xs, ys;
  for (int r = 0; r < 9; ++r) {
    for (int c = 0; c < 9; ++c) {
      xs.push_back(grid_x(spec, c));
      ys.push_back(grid_y(spec, r));
    }
  }
  const auto in = t->transform(-1, xs, ys);
  const auto h0 = t->transform(0, xs, ys);
  for (int cell = 0; cell < 81; ++cell) {
    for (int i = 0; i < 4; ++i) EXPECT_EQ(grids[i].grid[cell], static_cast<float>(in[cell * 4 + i]));
    for (int j = 0; j < 3; ++j) EXPECT_EQ(grids[4 + j].grid[cell], static_cast<float>(h0[cell * 3 + j]));
  }
}

TEST(TrainerGrid, LargeGridsSpanSeveralChunksConsistently) {
  auto t = Trainer::from_config_json(R"({"hidden": [4, 2]})");
  t->train(3);
  const GridSpec spec{101, -6, 6, -6, 6};
  const auto g = t->predict_grid(spec);
  std::vector<double> xs, ys;
  for (int r = 0; r < 101; ++r) {
    for (int c = 0; c < 101; ++c) {
      xs.push_back(grid_x(spec, c));
      ys.push_back(grid_y(spec, r));
    }
  }
  const auto out = t->transform(2, xs, ys);
  for (std::size_t cell = 0; cell < g.size(); ++cell) ASSERT_EQ(g[cell], static_cast<float>(out[cell])) << cell;
}

}  // namespace
}  // namespace ap

// Decision-boundary grids: orientation (row 0 at the top), sampling formula,
// validation, per-kind output mapping, neuron grids in one pass, and the float32
// display path against the float64 forward pass.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>
#include <xtensor/xview.hpp>

#include "train/grid.h"
#include "train/trainer.h"

namespace ap {
namespace {

/// Output plane 0 of predict_grid (outputs x size x size) as a size x size grid.
xt::xtensor<float, 2> first_plane(const xt::xtensor<float, 3>& grid) { return xt::view(grid, 0, xt::all(), xt::all()); }

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
    EXPECT_EQ(g.flat(c), 2.0f) << "row 0 is y = yMax";
    EXPECT_EQ(g.flat(2 * 5 + c), 0.0f);
    EXPECT_EQ(g.flat(4 * 5 + c), -2.0f) << "last row is y = yMin";
  }
}

TEST(TrainerGrid, ColumnsRunFromXMinToXMax) {
  auto t = linear_model("reg-plane", 1, 0);
  const GridSpec spec{4, -3, 6, -1, 1};
  const auto g = t->predict_grid(spec);
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 4; ++c) EXPECT_EQ(g.flat(r * 4 + c), static_cast<float>(-3 + c * 9.0 / 3)) << r << "," << c;
  }
  EXPECT_EQ(grid_x(spec, 3), 6.0);
  EXPECT_EQ(grid_y(spec, 0), 1.0);
  EXPECT_EQ(grid_y(spec, 3), -1.0);
}

TEST(TrainerGrid, TwoClassesGiveTheProbabilityOfClassOne) {
  auto t = linear_model("circle", 0, 1);  // sigmoid(y)
  const auto g = t->predict_grid({3, -6, 6, -6, 6});
  EXPECT_NEAR(g.flat(0), 1.0 / (1.0 + std::exp(-6.0)), 1e-7);
  EXPECT_NEAR(g.flat(4), 0.5, 1e-7);
  EXPECT_NEAR(g.flat(8), 1.0 / (1.0 + std::exp(6.0)), 1e-7);
  for (float v : g) {
    EXPECT_GE(v, 0.0f);
    EXPECT_LE(v, 1.0f);
  }
}

TEST(TrainerGrid, TanhOutputIsMappedToAProbability) {
  auto t = Trainer::import_model(R"({"format": 1, "config": {"dataset": "circle", "hidden": [], "output": "tanh"},
                                     "layers": [{"weights": [0, 0.5], "biases": [0]}]})");
  const auto g = t->predict_grid({3, -6, 6, -6, 6});
  EXPECT_NEAR(g.flat(0), (std::tanh(3.0) + 1) / 2, 1e-7);
  EXPECT_NEAR(g.flat(4), 0.5, 1e-7);
}

TEST(TrainerGrid, KClassesGiveKPlanesThatSumToOne) {
  auto t = Trainer::from_config_json(R"({"dataset": "spiral", "classes": 3, "hidden": [5]})");
  t->train(3);
  const int size = 7;
  const auto g = t->predict_grid({size, -6, 6, -6, 6});
  ASSERT_EQ(g.size(), 3u * size * size);
  for (int cell = 0; cell < size * size; ++cell) {
    const double sum = g.flat(cell) + g.flat(size * size + cell) + g.flat(2 * size * size + cell);
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
  EXPECT_EQ(grids.back().grid, first_plane(t->predict_grid(spec)));
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
    for (int i = 0; i < 4; ++i) EXPECT_EQ(grids[i].grid.flat(cell), static_cast<float>(in.flat(cell * 4 + i)));
    for (int j = 0; j < 3; ++j) EXPECT_NEAR(grids[4 + j].grid.flat(cell), h0.flat(cell * 3 + j), 2e-6);
  }
}

TEST(TrainerGrid, OneNeuronGridEqualsItsEntryInNeuronGrids) {
  auto t = Trainer::from_config_json(R"({"features": ["x", "y", "xy", "siny"], "hidden": [3, 2], "dataset": "xor"})");
  t->train(5);
  const GridSpec spec{13, -5, 6, -4, 3};
  for (const NeuronGrid& g : t->neuron_grids(spec)) {
    EXPECT_EQ(t->neuron_grid(spec, g.layer, g.index), g.grid) << g.layer << "/" << g.index;
  }
  const auto message = [&](int layer, int index) {
    try {
      t->neuron_grid(spec, layer, index);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message(-2, 0).find("layer must be in -1..2"), std::string::npos);
  EXPECT_NE(message(3, 0).find("layer must be in -1..2"), std::string::npos);
  EXPECT_NE(message(-1, 4).find("index must be in 0..3"), std::string::npos);
  EXPECT_NE(message(1, 2).find("index must be in 0..1"), std::string::npos);
  EXPECT_NE(message(2, -1).find("index must be in 0..0"), std::string::npos);
}

/// Cells of a grid as point lists, row-major.
void grid_points(const GridSpec& spec, std::vector<double>& xs, std::vector<double>& ys) {
  for (int r = 0; r < spec.size; ++r) {
    for (int c = 0; c < spec.size; ++c) {
      xs.push_back(grid_x(spec, c));
      ys.push_back(grid_y(spec, r));
    }
  }
}

// The display path (float32, display tanh/sigmoid, separable first layer) against
// the float64 forward pass, for every kind of layer it handles differently.
TEST(TrainerGrid, Float32GridsStayWithin2e5OfTheFloat64ForwardPass) {
  const char* const configs[] = {
      R"({"dataset": "spiral", "features": ["x", "y", "x2", "y2", "xy", "sinx", "siny"], "hidden": [8, 8, 8, 8, 8, 8],
          "output": "tanh", "learningRate": 0.03})",
      R"({"dataset": "circle", "features": ["x", "y", "xy"], "standardize": true, "hidden": [6, 5], "activation": "sigmoid",
          "learningRate": 0.3})",
      R"({"dataset": "xor", "features": ["x", "y"], "hidden": [7, 7], "activation": ["relu", "identity"], "learningRate": 0.1})",
      R"({"dataset": "gauss", "features": ["x", "y", "sinx"], "hidden": [5, 4],
          "activation": [{"name": "prelu", "learn": true}, {"name": "swish", "learn": true}], "optimizer": "adam",
          "learningRate": 0.01})",
      R"({"dataset": "moons", "features": ["x", "y", "x2"], "hidden": [6, 3],
          "activation": [{"name": "maxout", "params": {"k": 3}}, "rrelu"], "learningRate": 0.05})",
      R"({"dataset": "spiral", "classes": 3, "features": ["x", "y", "sinx", "siny"], "hidden": [9, 6],
          "activation": ["softplus", "gelu"], "learningRate": 0.05})",
      R"({"dataset": "reg-gauss", "features": ["x", "y", "y2"], "standardize": true, "hidden": [5], "activation": "elu", "learningRate": 0.01})",
      R"({"dataset": "checkerboard", "features": ["x", "y", "xy"], "hidden": [], "learningRate": 0.1})",
  };
  const GridSpec spec{37, -6, 6, -6, 6};
  std::vector<double> xs, ys;
  grid_points(spec, xs, ys);
  double worst = 0;
  for (const char* config : configs) {
    auto t = Trainer::from_config_json(config);
    t->train(30);
    ASSERT_FALSE(t->metrics().diverged) << config;
    const int hidden = static_cast<int>(t->config().hidden.size());
    const auto grids = t->neuron_grids(spec);
    std::size_t g = t->config().features.size();
    for (int l = 0; l <= hidden; ++l) {
      const auto exact = t->transform(l, xs, ys);
      const std::size_t width = exact.size() / xs.size();
      const bool tanh_probability = l == hidden && t->config().output == OutputKind::kTanh &&
                                    t->output_classes() == 1 && !t->config().is_regression();
      for (std::size_t j = 0; j < width; ++j, ++g) {
        ASSERT_EQ(grids[g].layer, l);
        for (std::size_t cell = 0; cell < xs.size(); ++cell) {
          const double want =
              tanh_probability ? 0.5 * (exact.flat(cell * width + j) + 1) : exact.flat(cell * width + j);
          const double diff = std::fabs(grids[g].grid.flat(cell) - want);
          worst = std::max(worst, diff);
          ASSERT_LE(diff, 2e-5) << config << " layer " << l << " unit " << j << " cell " << cell;
        }
      }
    }
    const auto boundary = t->predict_grid(spec);
    const std::size_t planes = boundary.size() / xs.size();
    for (std::size_t k = 0; k < boundary.size(); ++k) {
      ASSERT_EQ(boundary.flat(k), grids[g - planes + k / xs.size()].grid.flat(k % xs.size())) << config;
    }
  }
  std::printf("[          ] worst |float32 grid - float64 forward| = %.3g\n", worst);
}

// Activations beyond float32's range (3.4e38) while float64 is fine: the grid must show
// what the network computes, not the inf - inf = NaN of float32.
TEST(TrainerGrid, RowsThatOverflowFloat32FallBackToFloat64) {
  auto t = Trainer::import_model(R"({"format": 1, "config": {"dataset": "reg-plane", "hidden": [2, 1],
      "activation": "identity"},
      "layers": [{"weights": [1e25, 0, 1e25, 0], "biases": [0, 0]},
                 {"weights": [1e25, -1e25], "biases": [1]},
                 {"weights": [1], "biases": [0.5]}]})");
  const GridSpec spec{9, -6, 6, -6, 6};
  std::vector<double> xs, ys;
  grid_points(spec, xs, ys);
  const auto exact = t->transform(2, xs, ys);
  const auto g = t->predict_grid(spec);
  for (std::size_t cell = 0; cell < g.size(); ++cell) {
    ASSERT_TRUE(std::isfinite(g.flat(cell))) << cell;
    EXPECT_EQ(g.flat(cell), static_cast<float>(exact.flat(cell))) << cell;
    // (1 + 1e50 x) - 1e50 x is 0 in float64 (1 when x = 0, the middle column); then + 0.5.
    EXPECT_EQ(g.flat(cell), cell % 9 == 4 ? 1.5f : 0.5f) << cell;
  }
  const auto units = t->neuron_grids(spec);
  EXPECT_EQ(units.back().grid, first_plane(g));
}

TEST(TrainerGrid, LargeGridsAgreeWithTheForwardPassInEveryRow) {
  auto t = Trainer::from_config_json(R"({"hidden": [4, 2]})");
  t->train(3);
  const GridSpec spec{101, -6, 6, -6, 6};
  const auto g = t->predict_grid(spec);
  std::vector<double> xs, ys;
  grid_points(spec, xs, ys);
  const auto out = t->transform(2, xs, ys);
  for (std::size_t cell = 0; cell < g.size(); ++cell) ASSERT_NEAR(g.flat(cell), out.flat(cell), 2e-6) << cell;
}

}  // namespace
}  // namespace ap

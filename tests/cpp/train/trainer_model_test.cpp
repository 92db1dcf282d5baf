// Model export / import: a round trip predicts exactly as the original, hand-written
// weights are accepted, and every malformed model is rejected with the field named.

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "train/trainer.h"

namespace ap {
namespace {

using nlohmann::json;

void expect_identical_predictions(Trainer& a, Trainer& b) {
  const GridSpec spec{37, -6, 6, -6, 6};
  EXPECT_EQ(a.predict_grid(spec), b.predict_grid(spec));
  const auto na = a.neuron_grids(spec), nb = b.neuron_grids(spec);
  ASSERT_EQ(na.size(), nb.size());
  for (std::size_t k = 0; k < na.size(); ++k) EXPECT_EQ(na[k].grid, nb[k].grid);
  EXPECT_EQ(a.metrics().train_loss, b.metrics().train_loss);
  EXPECT_EQ(a.metrics().test_loss, b.metrics().test_loss);
}

TEST(TrainerModel, ExportThenImportPredictsIdentically) {
  const char* configs[] = {
      R"({"dataset": "spiral", "hidden": [6, 4], "optimizer": "adam"})",
      R"({"dataset": "gauss", "classes": 3, "features": ["x", "y", "siny"], "standardize": true,
          "activation": ["prelu", "swish"]})",
      R"({"dataset": "reg-gauss", "activation": {"name": "maxout", "params": {"k": 3}}})",
      R"({"dataset": "xor", "output": "tanh", "activation": [{"name": "leaky_relu", "params": {"negative_slope": 0.2}},
          "gelu"]})",
  };
  for (const char* config : configs) {
    auto original = Trainer::from_config_json(config);
    original->train(15);
    const std::string model = original->export_model();
    auto copy = Trainer::import_model(model);
    expect_identical_predictions(*original, *copy);
    EXPECT_EQ(copy->export_model(), model) << "a second round trip changes nothing";
    EXPECT_EQ(copy->metrics().epoch, 0);
  }
}

TEST(TrainerModel, ExportedJsonHasTheDocumentedShape) {
  auto t = Trainer::from_config_json(R"({"hidden": [3], "activation": "prelu"})");
  const json model = json::parse(t->export_model());
  EXPECT_EQ(model["format"], 1);
  EXPECT_EQ(model["config"]["hidden"], json::array({3}));
  ASSERT_EQ(model["layers"].size(), 2u);
  EXPECT_EQ(model["layers"][0]["weights"].size(), 6u);
  EXPECT_EQ(model["layers"][0]["biases"].size(), 3u);
  EXPECT_EQ(model["layers"][0]["params"]["a"].size(), 3u);
  EXPECT_EQ(model["layers"][1]["weights"].size(), 3u);
  EXPECT_TRUE(model["layers"][1]["params"].empty());
}

TEST(TrainerModel, HandWrittenWeightsAreAcceptedAndUsed) {
  // tanh(x + y) -> tanh(2 h): the benchmark's way of starting from chosen weights.
  auto t = Trainer::import_model(R"({"format": 1,
      "config": {"dataset": "spiral", "hidden": [1], "activation": "tanh", "output": "tanh", "shuffle": false},
      "layers": [{"weights": [1, 1], "biases": [0], "params": {}}, {"weights": [2], "biases": [0.5]}]})");
  const auto w = t->weights();
  EXPECT_EQ(w[0].weights, (xt::xtensor<double, 2>{{1, 1}})) << "one unit (row) of two inputs";
  EXPECT_EQ(w[1].biases, (xt::xtensor<double, 1>{0.5}));
  const auto h = t->transform(0, {0.25}, {0.5});
  EXPECT_NEAR(h(0, 0), std::tanh(0.75), 1e-15);
  EXPECT_NO_THROW(t->train(2));
}

std::string error_of(const std::string& model) {
  try {
    Trainer::import_model(model);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

std::string with_layers(const std::string& layers, const std::string& config = R"({"hidden": [2]})") {
  return R"({"format": 1, "config": )" + config + R"(, "layers": )" + layers + "}";
}

TEST(TrainerModel, MalformedModelsNameTheField) {
  const std::string good_out = R"({"weights": [1, 2], "biases": [0]})";
  const struct {
    std::string model, field;
  } cases[] = {
      {"not json", "model"},
      {"[1, 2]", "model"},
      {R"({"format": 2, "config": {}, "layers": []})", "model.format"},
      {R"({"config": {}, "layers": []})", "model.format"},
      {R"({"format": 1, "layers": []})", "model.config"},
      {R"({"format": 1, "config": {}})", "model.layers"},
      {R"({"format": 1, "config": {}, "layers": [], "extra": 1})", "model.extra"},
      {R"({"format": 1, "config": {"hidden": [99]}, "layers": []})", "config.hidden[0]"},
      {with_layers("[]"), "model.layers"},
      {with_layers("{}"), "model.layers"},
      {with_layers(R"([1, )" + good_out + "]"), "model.layers[0]"},
      {with_layers(R"([{"weights": [1, 2, 3], "biases": [0, 0]}, )" + good_out + "]"), "model.layers[0].weights"},
      {with_layers(R"([{"weights": [1, 2, 3, "4"], "biases": [0, 0]}, )" + good_out + "]"),
       "model.layers[0].weights[3]"},
      {with_layers(R"([{"weights": [1, 2, 3, null], "biases": [0, 0]}, )" + good_out + "]"),
       "model.layers[0].weights[3]"},
      {with_layers(R"([{"weights": [1, 2, 3, 1e999], "biases": [0, 0]}, )" + good_out + "]"), "model"},
      {with_layers(R"([{"weights": [1, 2, 3, 4], "biases": [0]}, )" + good_out + "]"), "model.layers[0].biases"},
      {with_layers(R"([{"weights": [1, 2, 3, 4]}, )" + good_out + "]"), "model.layers[0].biases"},
      {with_layers(R"([{"weights": [1, 2, 3, 4], "biases": [0, 0], "bias": 1}, )" + good_out + "]"),
       "model.layers[0].bias"},
      {with_layers(R"([{"weights": [1, 2, 3, 4], "biases": [0, 0], "params": {"a": [1, 1]}}, )" + good_out + "]"),
       "model.layers[0].params.a"},
      {with_layers(R"([{"weights": [1, 2, 3, 4], "biases": [0, 0], "params": {"a": [0.5]}}, )" + good_out + "]",
                   R"({"hidden": [2], "activation": "prelu"})"),
       "model.layers[0].params.a"},
      {with_layers(R"([{"weights": [1, 2, 3, 4], "biases": [0, 0], "params": {"a": [0.5, 7]}}, )" + good_out + "]",
                   R"({"hidden": [2], "activation": "prelu"})"),
       "model.layers[0].params.a[1]"},
      {with_layers(R"([{"weights": [1, 2, 3, 4], "biases": [0, 0], "inputs": 3}, )" + good_out + "]"),
       "model.layers[0].inputs"},
      {with_layers(
           R"([{"weights": [1, 2, 3, 4], "biases": [0, 0]}, {"weights": [1, 2], "biases": [0], "params": []}])"),
       "model.layers[1].params"},
  };
  for (const auto& c : cases) {
    const std::string message = error_of(c.model);
    EXPECT_EQ(message.rfind(c.field + ":", 0), 0u) << "model: " << c.model << "\nmessage: " << message;
  }
}

TEST(TrainerModel, ValidModelWithEveryOptionalFieldLoads) {
  const std::string model = with_layers(
      R"([{"inputs": 2, "outputs": 2, "weights": [1, 2, 3, 4], "biases": [0, 0], "params": {"a": [0.5, -0.5]}},
          {"inputs": 2, "outputs": 1, "weights": [1, 2], "biases": [0], "params": {}}])",
      R"({"hidden": [2], "activation": "prelu"})");
  auto t = Trainer::import_model(model);
  const auto p = t->learned_params();
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].values, (std::vector<double>{0.5, -0.5}));
}

}  // namespace
}  // namespace ap

#include "train/config.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "activations/registry.h"
#include "train/dataset.h"

namespace ap {
namespace {

using nlohmann::json;

/// The message of the invalid_argument parse_config throws for `config`, or "" if none.
std::string parse_error(const json& config) {
  try {
    parse_config(config);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

/// Asserts that parsing fails with a message starting with `field` + ":" and containing `hint`.
void expect_error(const json& config, const std::string& field, const std::string& hint = "") {
  const std::string message = parse_error(config);
  ASSERT_FALSE(message.empty()) << "accepted " << config.dump();
  EXPECT_EQ(message.rfind(field + ":", 0), 0u) << message;
  EXPECT_NE(message.find(hint), std::string::npos) << message;
}

json with(const char* key, json value) { return json{{key, std::move(value)}}; }

/// `base` with the keys of `patch` added or replaced.
json patched(json base, const json& patch) {
  base.merge_patch(patch);
  return base;
}

TEST(ParseConfig, EmptyObjectGivesTheDocumentedDefaults) {
  const TrainerConfig c = parse_config(json::object());
  EXPECT_EQ(c.dataset, DatasetKind::kCircle);
  EXPECT_EQ(c.classes, 2);
  EXPECT_EQ(c.points, 500);
  EXPECT_EQ(c.noise, 0);
  EXPECT_EQ(c.train_fraction, 0.5);
  EXPECT_EQ(c.seed, 1u);
  EXPECT_EQ(c.features, (std::vector<Feature>{Feature::kX, Feature::kY}));
  EXPECT_FALSE(c.standardize);
  EXPECT_EQ(c.hidden, (std::vector<int>{4, 2}));
  ASSERT_EQ(c.activations.size(), 2u);
  for (const LayerActivation& a : c.activations) {
    EXPECT_EQ(a.name(), "tanh");
    EXPECT_TRUE(a.learn);
    EXPECT_EQ(a.pieces, 0);
  }
  EXPECT_EQ(c.output, OutputKind::kAuto);
  EXPECT_EQ(c.init, InitKind::kXavier);
  EXPECT_EQ(c.init_scale, 1);
  EXPECT_EQ(c.bias_init, 0);
  EXPECT_EQ(c.optimizer, OptimizerKind::kSgd);
  EXPECT_EQ(c.learning_rate, 0.03);
  EXPECT_EQ(c.batch_size, 10);
  EXPECT_TRUE(c.shuffle);
  EXPECT_EQ(c.regularization, RegularizationKind::kNone);
  EXPECT_EQ(c.regularization_rate, 0);
  EXPECT_FALSE(c.is_regression());
}

TEST(ParseConfig, ReadsEveryKey) {
  const TrainerConfig c = parse_config(json::parse(R"({
    "dataset": "spiral", "classes": 3, "points": 300, "noise": 0.25, "trainFraction": 0.7,
    "seed": 4294967295, "features": ["sinx", "x", "xy"], "standardize": true, "hidden": [8, 1, 64],
    "activation": "relu", "output": "auto", "init": "he", "initScale": 0.5, "biasInit": -0.1,
    "optimizer": "adam", "learningRate": 10, "batchSize": 210, "shuffle": false,
    "regularization": "l2", "regularizationRate": 0.001})"));
  EXPECT_EQ(c.dataset, DatasetKind::kSpiral);
  EXPECT_EQ(c.classes, 3);
  EXPECT_EQ(c.points, 300);
  EXPECT_EQ(c.noise, 0.25);
  EXPECT_EQ(c.train_fraction, 0.7);
  EXPECT_EQ(c.seed, 4294967295u);
  EXPECT_EQ(c.features, (std::vector<Feature>{Feature::kSinX, Feature::kX, Feature::kXY}));
  EXPECT_TRUE(c.standardize);
  EXPECT_EQ(c.hidden, (std::vector<int>{8, 1, 64}));
  ASSERT_EQ(c.activations.size(), 3u);
  EXPECT_EQ(c.activations[2].name(), "relu");
  EXPECT_EQ(c.init, InitKind::kHe);
  EXPECT_EQ(c.init_scale, 0.5);
  EXPECT_EQ(c.bias_init, -0.1);
  EXPECT_EQ(c.optimizer, OptimizerKind::kAdam);
  EXPECT_EQ(c.learning_rate, 10);
  EXPECT_EQ(c.batch_size, 210);
  EXPECT_FALSE(c.shuffle);
  EXPECT_EQ(c.regularization, RegularizationKind::kL2);
  EXPECT_EQ(c.regularization_rate, 0.001);
}

TEST(ParseConfig, AcceptsIntegralFloatsForIntegers) {
  const TrainerConfig c = parse_config(json{{"points", 200.0}, {"hidden", {3.0}}});
  EXPECT_EQ(c.points, 200);
  EXPECT_EQ(c.hidden, std::vector<int>{3});
}

TEST(ParseConfig, RejectsANonObject) {
  expect_error(json::array(), "config", "must be an object");
  expect_error(json(nullptr), "config", "must be an object");
}

TEST(ParseConfig, RejectsUnknownKeysNamingThemAndTheAllowedOnes) {
  expect_error(with("learning_rate", 0.1), "config.learning_rate", "allowed keys are dataset");
}

TEST(ParseConfig, RejectsWrongTypes) {
  expect_error(with("dataset", 3), "config.dataset", "one of circle, xor, gauss");
  expect_error(with("points", "500"), "config.points", "an integer in 10..10000");
  expect_error(with("noise", true), "config.noise", "a number in [0, 1]");
  expect_error(with("standardize", 1), "config.standardize", "true or false");
  expect_error(with("shuffle", "yes"), "config.shuffle", "true or false");
  expect_error(with("features", "x"), "config.features", "non-empty array");
  expect_error(with("hidden", 4), "config.hidden", "0..8 layer sizes");
  expect_error(with("activation", 3), "config.activation", "a catalog name");
  expect_error(with("seed", nullptr), "config.seed", "an integer in 0..4294967295");
}

TEST(ParseConfig, RejectsUnknownEnumValuesListingTheAllowedOnes) {
  expect_error(with("dataset", "spirals"), "config.dataset",
               "one of circle, xor, gauss, spiral, moons, checkerboard, reg-plane, reg-gauss, custom, got \"spirals\"");
  expect_error(with("output", "sigmoid"), "config.output", "one of auto, tanh");
  expect_error(with("init", "glorot"), "config.init", "one of xavier, he, lecun, uniform");
  expect_error(with("optimizer", "rmsprop"), "config.optimizer", "one of sgd, momentum, adam");
  expect_error(with("regularization", "l3"), "config.regularization", "one of none, l1, l2");
}

TEST(ParseConfig, RejectsOutOfRangeNumbers) {
  expect_error(with("learningRate", 0), "config.learningRate", "must be a number in (0, 10], got 0");
  expect_error(with("learningRate", 10.5), "config.learningRate", "(0, 10]");
  expect_error(with("points", 9), "config.points", "10..10000, got 9");
  expect_error(with("points", 10001), "config.points", "10..10000");
  expect_error(with("points", 100.5), "config.points", "an integer");
  expect_error(with("noise", 1.01), "config.noise", "[0, 1]");
  expect_error(with("noise", -0.1), "config.noise", "[0, 1]");
  expect_error(with("trainFraction", 0.05), "config.trainFraction", "[0.1, 0.9]");
  expect_error(with("trainFraction", 0.95), "config.trainFraction", "[0.1, 0.9]");
  expect_error(with("seed", -1), "config.seed", "0..4294967295");
  expect_error(with("seed", 4294967296.0), "config.seed", "0..4294967295");
  expect_error(with("seed", 1.5), "config.seed", "integer");
  expect_error(with("initScale", 0.001), "config.initScale", "[0.01, 100]");
  expect_error(with("initScale", 101), "config.initScale", "[0.01, 100]");
  expect_error(with("biasInit", -10.5), "config.biasInit", "[-10, 10]");
  expect_error(with("regularizationRate", -1e-9), "config.regularizationRate", "[0, 10]");
  expect_error(with("regularizationRate", 11), "config.regularizationRate", "[0, 10]");
}

TEST(ParseConfig, RejectsNaNAndInfinity) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  expect_error(with("learningRate", nan), "config.learningRate", "got NaN");
  expect_error(with("learningRate", inf), "config.learningRate", "got inf");
  expect_error(with("noise", nan), "config.noise");
  expect_error(with("biasInit", -inf), "config.biasInit", "got -inf");
  expect_error(with("points", inf), "config.points");
  expect_error(with("regularizationRate", nan), "config.regularizationRate");
}

TEST(ParseConfig, AllowsMoreClassesOnlyForSpiralAndGauss) {
  EXPECT_EQ(parse_config(json{{"dataset", "gauss"}, {"classes", 5}}).classes, 5);
  EXPECT_EQ(parse_config(json{{"dataset", "spiral"}, {"classes", 2}}).classes, 2);
  expect_error(json{{"dataset", "spiral"}, {"classes", 6}}, "config.classes", "2..5");
  expect_error(json{{"dataset", "gauss"}, {"classes", 1}}, "config.classes", "2..5");
  expect_error(json{{"dataset", "gauss"}, {"classes", 2.5}}, "config.classes", "integer");
  expect_error(json{{"dataset", "circle"}, {"classes", 3}}, "config.classes", "must be 2 for dataset circle");
  expect_error(json{{"dataset", "moons"}, {"classes", 3}}, "config.classes", "2..5 only for gauss and spiral");
  expect_error(json{{"dataset", "reg-plane"}, {"classes", 3}}, "config.classes", "reg-plane");
  EXPECT_EQ(parse_config(json{{"dataset", "checkerboard"}, {"classes", 2}}).classes, 2);
}

TEST(ParseConfig, RegressionSetsAreRegression) {
  EXPECT_TRUE(parse_config(with("dataset", "reg-plane")).is_regression());
  EXPECT_TRUE(parse_config(with("dataset", "reg-gauss")).is_regression());
  EXPECT_FALSE(parse_config(with("dataset", "xor")).is_regression());
}

json custom(json x, json y, json label) {
  return json{{"dataset", "custom"}, {"data", {{"x", std::move(x)}, {"y", std::move(y)}, {"label", std::move(label)}}}};
}

TEST(ParseConfig, CustomDataIsCopiedAndItsClassesInferred) {
  const TrainerConfig c = parse_config(custom({1, 2, 3, 4}, {5, 6, 7, 8}, {0, 2, 1, 2}));
  EXPECT_EQ(c.data.x, (std::vector<double>{1, 2, 3, 4}));
  EXPECT_EQ(c.data.y, (std::vector<double>{5, 6, 7, 8}));
  EXPECT_EQ(c.data.label, (std::vector<double>{0, 2, 1, 2}));
  EXPECT_EQ(c.classes, 3);
  EXPECT_EQ(c.points, 4);
  EXPECT_FALSE(c.is_regression());
  EXPECT_EQ(c.batch_size, 2);  // min(10, training points)
}

TEST(ParseConfig, CustomDataWithRealLabelsIsRegression) {
  const TrainerConfig c = parse_config(custom({1, 2, 3}, {5, 6, 7}, {0.5, -1, 2}));
  EXPECT_TRUE(c.is_regression());
  expect_error(patched(custom({1, 2, 3}, {5, 6, 7}, {0.5, -1, 2}), json{{"classes", 3}}), "config.classes",
               "regression");
}

TEST(ParseConfig, RejectsBadCustomData) {
  expect_error(with("dataset", "custom"), "config.data", "required");
  expect_error(json{{"dataset", "circle"}, {"data", {{"x", {1}}, {"y", {1}}, {"label", {0}}}}}, "config.data",
               "only allowed with dataset \"custom\"");
  expect_error(custom({1, 2}, {1, 2}, {0}), "config.data", "equal lengths, got 2, 2 and 1");
  expect_error(custom(json::array(), json::array(), json::array()), "config.data.x", "1..10000 entries");
  expect_error(custom({1, "2"}, {1, 2}, {0, 1}), "config.data.x[1]", "a finite number");
  expect_error(custom({1, 2}, {1, std::nan("")}, {0, 1}), "config.data.y[1]", "a finite number");
  expect_error(json{{"dataset", "custom"}, {"data", {{"x", {1}}, {"y", {1}}}}}, "config.data.label", "required");
  expect_error(json{{"dataset", "custom"}, {"data", {{"x", {1}}, {"y", {1}}, {"label", {1}}, {"z", {1}}}}},
               "config.data.z", "unknown key");
  expect_error(json{{"dataset", "custom"}, {"data", json::array()}}, "config.data", "an object {x, y, label}");
  expect_error(patched(custom({1, 2, 3}, {1, 2, 3}, {0, 1, 1}), json{{"classes", 3}}), "config.classes",
               "must be 2 for this custom data");
  std::vector<double> big(10001, 0.0);
  expect_error(custom(big, big, big), "config.data.x", "1..10000 entries, got 10001");
}

TEST(ParseConfig, CustomIgnoresPointsButStillValidatesIt) {
  EXPECT_EQ(parse_config(patched(custom({1, 2}, {1, 2}, {0, 1}), json{{"points", 500}})).points, 2);
  expect_error(patched(custom({1, 2}, {1, 2}, {0, 1}), json{{"points", 5}}), "config.points");
}

TEST(ParseConfig, RejectsBadFeatureLists) {
  expect_error(with("features", json::array()), "config.features", "non-empty array of distinct names from x, y, x2");
  expect_error(with("features", {"x", "z"}), "config.features[1]", "one of x, y, x2, y2, xy, sinx, siny, got \"z\"");
  expect_error(with("features", {"x", "y", "x"}), "config.features[2]", "duplicate feature \"x\"");
  expect_error(with("features", {1}), "config.features[0]", "one of x");
}

TEST(ParseConfig, RejectsBadHiddenLayers) {
  EXPECT_TRUE(parse_config(with("hidden", json::array())).hidden.empty());
  EXPECT_EQ(parse_config(with("hidden", {1, 2, 3, 4, 5, 6, 7, 8})).hidden.size(), 8u);
  expect_error(with("hidden", {1, 2, 3, 4, 5, 6, 7, 8, 9}), "config.hidden", "0..8 layer sizes");
  expect_error(with("hidden", {4, 0}), "config.hidden[1]", "an integer in 1..64, got 0");
  expect_error(with("hidden", {65}), "config.hidden[0]", "1..64");
  expect_error(with("hidden", {2.5}), "config.hidden[0]", "integer");
}

TEST(ParseConfig, ExpandsASingleActivationToEveryHiddenLayer) {
  const TrainerConfig c =
      parse_config(json{{"hidden", {3, 3, 3}}, {"activation", {{"name", "relu"}, {"learn", false}}}});
  ASSERT_EQ(c.activations.size(), 3u);
  for (const LayerActivation& a : c.activations) {
    EXPECT_EQ(a.name(), "relu");
    EXPECT_FALSE(a.learn);
  }
}

TEST(ParseConfig, ReadsOneActivationPerLayerFromAnArray) {
  const TrainerConfig c = parse_config(json::parse(R"({"hidden": [2, 2, 2], "activation": [
      "sigmoid", {"name": "binary_step", "params": {"value_at_zero": 0.5}}, {"name": "maxout", "params": {"k": 4}}]})"));
  ASSERT_EQ(c.activations.size(), 3u);
  EXPECT_EQ(c.activations[0].name(), "sigmoid");
  EXPECT_EQ(c.activations[1].name(), "binary_step");
  EXPECT_EQ(c.activations[1].params[0], 0.5);
  EXPECT_EQ(c.activations[2].name(), "maxout");
  EXPECT_EQ(c.activations[2].pieces, 4);
}

TEST(ParseConfig, FillsDefaultParameters) {
  const TrainerConfig c = parse_config(with("activation", "binary_step"));
  const Activation& step = find_activation("binary_step");
  EXPECT_EQ(c.activations[0].params, step.default_params());
}

TEST(ParseConfig, MaxoutDefaultsToTwoPieces) {
  EXPECT_EQ(parse_config(with("activation", "maxout")).activations[0].pieces, 2);
  EXPECT_EQ(parse_config(with("activation", {{"name", "maxout"}})).activations[0].pieces, 2);
}

TEST(ParseConfig, RejectsBadActivations) {
  expect_error(with("activation", "tanhh"), "config.activation", "unknown activation");
  expect_error(json{{"hidden", {2, 2}}, {"activation", {"tanh", {{"name", "nope"}}}}}, "config.activation[1].name",
               "unknown activation");
  expect_error(json{{"hidden", {2, 2}}, {"activation", {"tanh"}}}, "config.activation",
               "got 1 entries for 2 hidden layers");
  expect_error(json{{"hidden", {2}}, {"activation", {"tanh", "tanh"}}}, "config.activation", "got 2 entries for 1");
  expect_error(
      json{{"hidden", {2, 2}}, {"activation", {"tanh", {{"name", "binary_step"}, {"params", {{"value_at_zero", 2}}}}}}},
      "config.activation[1].params.value_at_zero", "[0, 1]");
  expect_error(with("activation", {{"name", "tanh"}, {"params", {{"alpha", 1}}}}), "config.activation.params.alpha",
               "unknown parameter");
  expect_error(with("activation", {{"name", "binary_step"}, {"params", {{"value_at_zero", "half"}}}}),
               "config.activation.params.value_at_zero", "a number or \"inf\"");
  expect_error(with("activation", {{"name", "binary_step"}, {"params", {{"value_at_zero", std::nan("")}}}}),
               "config.activation.params.value_at_zero", "NaN");
  expect_error(with("activation", {{"name", "tanh"}, {"params", 3}}), "config.activation.params", "an object");
  expect_error(with("activation", {{"name", "tanh"}, {"learn", "no"}}), "config.activation.learn", "true or false");
  expect_error(with("activation", {{"name", "tanh"}, {"slope", 1}}), "config.activation.slope", "unknown key");
  expect_error(with("activation", {{"params", json::object()}}), "config.activation.name", "required");
  expect_error(with("activation", {{"name", 7}}), "config.activation.name", "a catalog name");
  expect_error(with("activation", {{"name", "maxout"}, {"params", {{"k", 6}}}}), "config.activation.params.k",
               "an integer in 2..5, got 6");
  expect_error(with("activation", {{"name", "maxout"}, {"params", {{"k", 1}}}}), "config.activation.params.k", "2..5");
  expect_error(with("activation", {{"name", "maxout"}, {"params", {{"pieces", 3}}}}), "config.activation.params.pieces",
               "unknown key");
  expect_error(json::parse(R"({"hidden": [2], "activation": [["tanh"]]})"), "config.activation[0]", "a catalog name");
}

TEST(ParseConfig, ValidatesTheActivationEvenWithoutHiddenLayers) {
  EXPECT_TRUE(parse_config(json{{"hidden", json::array()}, {"activation", "relu"}}).activations.empty());
  expect_error(json{{"hidden", json::array()}, {"activation", "relux"}}, "config.activation", "unknown activation");
}

TEST(ParseConfig, AcceptsTanhOutputForEveryDataset) {
  EXPECT_EQ(parse_config(json{{"dataset", "spiral"}, {"classes", 3}, {"output", "tanh"}}).output, OutputKind::kTanh);
  EXPECT_EQ(parse_config(json{{"dataset", "reg-gauss"}, {"output", "tanh"}}).output, OutputKind::kTanh);
}

TEST(ParseConfig, BoundsBatchSizeByTheTrainingPointCount) {
  // 100 points with trainFraction 0.3: round(0.7 * 100) = 70 test points, 30 training points.
  const json base = {{"points", 100}, {"trainFraction", 0.3}};
  EXPECT_EQ(parse_config(patched(base, json{{"batchSize", 30}})).batch_size, 30);
  expect_error(patched(base, json{{"batchSize", 31}}), "config.batchSize", "an integer in 1..30, got 31");
  expect_error(with("batchSize", 0), "config.batchSize", "1..250");
  expect_error(with("batchSize", 2.5), "config.batchSize", "integer");
  // The default batch of 10 shrinks when fewer points train.
  EXPECT_EQ(parse_config(json{{"points", 10}, {"trainFraction", 0.1}}).batch_size, 1);
}

TEST(TrainingPointCount, MatchesTheDatasetSplit) {
  for (double fraction : {0.1, 0.33, 0.5, 0.77, 0.9}) {
    const TrainerConfig c = parse_config(json{{"points", 37}, {"trainFraction", fraction}});
    const Dataset d = make_dataset(c);
    int training = 0;
    for (std::uint8_t t : d.is_test) training += t == 0;
    EXPECT_EQ(training_point_count(c), training) << fraction;
  }
}

/// parse(config_to_json(c)) must give c back; compared through the JSON form and
/// the fields JSON equality would not see.
void expect_round_trip(const json& input) {
  const TrainerConfig c = parse_config(input);
  const json written = config_to_json(c);
  const TrainerConfig back = parse_config(written);
  EXPECT_EQ(config_to_json(back), written) << written.dump();
  ASSERT_EQ(back.activations.size(), c.activations.size());
  for (std::size_t i = 0; i < c.activations.size(); ++i) {
    EXPECT_EQ(back.activations[i].name(), c.activations[i].name());
    EXPECT_EQ(back.activations[i].params, c.activations[i].params);
    EXPECT_EQ(back.activations[i].learn, c.activations[i].learn);
    EXPECT_EQ(back.activations[i].pieces, c.activations[i].pieces);
  }
  EXPECT_EQ(back.data.x, c.data.x);
  EXPECT_EQ(back.data.label, c.data.label);
  EXPECT_EQ(back.points, c.points);
  EXPECT_EQ(back.seed, c.seed);
  EXPECT_EQ(back.learning_rate, c.learning_rate);
  EXPECT_EQ(back.batch_size, c.batch_size);
  // The written form survives a trip through text too.
  EXPECT_EQ(config_to_json(parse_config(json::parse(written.dump()))), written);
}

TEST(ConfigToJson, RoundTripsThroughParseConfig) {
  expect_round_trip(json::object());
  expect_round_trip(json::parse(R"({
    "dataset": "gauss", "classes": 4, "points": 1234, "noise": 0.123456789, "trainFraction": 0.61,
    "seed": 987654321, "features": ["y2", "siny"], "standardize": true, "hidden": [5, 6, 7],
    "activation": ["tanh", {"name": "binary_step", "params": {"value_at_zero": 0.25}, "learn": false},
                   {"name": "maxout", "params": {"k": 3}}],
    "output": "auto", "init": "lecun", "initScale": 3.3, "biasInit": 0.1, "optimizer": "momentum",
    "learningRate": 0.1, "batchSize": 7, "shuffle": false, "regularization": "l1", "regularizationRate": 1e-4})"));
  expect_round_trip(custom({0.1, 0.2, 0.3}, {1, 2, 3}, {3.5, -1, 0}));
  expect_round_trip(custom({0.1, 0.2, 0.3}, {1, 2, 3}, {0, 1, 1}));
  expect_round_trip(json{{"hidden", json::array()}});
}

TEST(ConfigToJson, WritesTheTableKeysAndCompactActivations) {
  const json j = config_to_json(parse_config(json{{"activation", {{"name", "relu"}}}}));
  for (const char* key : {"dataset",      "classes",   "points",      "noise",          "trainFraction",
                          "seed",         "features",  "standardize", "hidden",         "activation",
                          "output",       "init",      "initScale",   "biasInit",       "optimizer",
                          "learningRate", "batchSize", "shuffle",     "regularization", "regularizationRate"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_FALSE(j.contains("data"));
  EXPECT_EQ(j["activation"], "relu");
  EXPECT_EQ(j["learningRate"], 0.03);
}

TEST(ConfigToJson, WritesInfiniteParametersAsStrings) {
  // softplus(threshold) is the catalog's parameter that accepts +Infinity.
  const json input = with("activation", {{"name", "softplus"}, {"params", {{"threshold", "inf"}}}});
  const TrainerConfig c = parse_config(input);
  EXPECT_EQ(c.activations[0].params[1], kInf);
  const json j = config_to_json(c);
  EXPECT_EQ(j["activation"]["params"]["threshold"], "inf");
  expect_round_trip(input);
}

TEST(ConfigToJson, KeepsLearnFalseForLearnableParameters) {
  const json input = with("activation", {{"name", "prelu"}, {"params", {{"a", 0.1}}}, {"learn", false}});
  const json j = config_to_json(parse_config(input));
  EXPECT_EQ(j["activation"]["learn"], false);
  EXPECT_EQ(j["activation"]["params"]["a"], 0.1);
  expect_round_trip(input);
}

TEST(LiveUpdate, AppliesTheLiveKeys) {
  TrainerConfig c = parse_config(json::object());
  apply_live_update(c,
                    json{{"learningRate", 0.5},
                         {"optimizer", "adam"},
                         {"regularization", "l1"},
                         {"regularizationRate", 0.01},
                         {"batchSize", 250}},
                    250);
  EXPECT_EQ(c.learning_rate, 0.5);
  EXPECT_EQ(c.optimizer, OptimizerKind::kAdam);
  EXPECT_EQ(c.regularization, RegularizationKind::kL1);
  EXPECT_EQ(c.regularization_rate, 0.01);
  EXPECT_EQ(c.batch_size, 250);
}

TEST(LiveUpdate, RejectsOtherKeysNamingThemAndTheLiveOnes) {
  TrainerConfig c = parse_config(json::object());
  try {
    apply_live_update(c, json{{"hidden", {3}}}, 250);
    FAIL() << "accepted hidden";
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("config.hidden:", 0), 0u) << message;
    EXPECT_NE(message.find("optimizer, learningRate, batchSize, regularization, regularizationRate"), std::string::npos)
        << message;
  }
  EXPECT_THROW(apply_live_update(c, json{{"bogus", 1}}, 250), std::invalid_argument);
  EXPECT_THROW(apply_live_update(c, json::array(), 250), std::invalid_argument);
}

TEST(LiveUpdate, ValidatesValuesAndChangesNothingOnError) {
  TrainerConfig c = parse_config(json::object());
  const json before = config_to_json(c);
  EXPECT_THROW(apply_live_update(c, json{{"learningRate", 0.2}, {"batchSize", 251}}, 250), std::invalid_argument);
  EXPECT_THROW(apply_live_update(c, json{{"learningRate", 0.2}, {"seed", 3}}, 250), std::invalid_argument);
  EXPECT_THROW(apply_live_update(c, json{{"learningRate", -1}}, 250), std::invalid_argument);
  EXPECT_THROW(apply_live_update(c, json{{"optimizer", "adagrad"}}, 250), std::invalid_argument);
  EXPECT_EQ(config_to_json(c), before);
}

}  // namespace
}  // namespace ap

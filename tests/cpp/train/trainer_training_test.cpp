// End-to-end training through the Trainer facade: determinism, convergence
// (thresholds measured with margin), live updates, divergence, diagnostics,
// learned parameters and transform().

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string>

#include "math/fast_activation.h"
#include "train/trainer.h"

namespace ap {
namespace {

std::unique_ptr<Trainer> make(const std::string& json) { return Trainer::from_config_json(json); }

void expect_same_metrics(const Metrics& a, const Metrics& b) {
  EXPECT_EQ(a.epoch, b.epoch);
  EXPECT_EQ(a.train_loss, b.train_loss);
  EXPECT_EQ(a.test_loss, b.test_loss);
  EXPECT_EQ(a.diverged, b.diverged);
  if (!std::isnan(a.train_accuracy) || !std::isnan(b.train_accuracy)) EXPECT_EQ(a.train_accuracy, b.train_accuracy);
}

TEST(TrainerDeterminism, SameConfigAndSeedGiveBitIdenticalRuns) {
  const char* configs[] = {
      R"({"dataset": "spiral", "hidden": [6, 5], "optimizer": "adam", "noise": 0.2})",
      R"({"dataset": "gauss", "classes": 4, "activation": ["rrelu", "prelu"], "batchSize": 7})",
      R"({"dataset": "reg-gauss", "activation": {"name": "maxout", "params": {"k": 3}}, "optimizer": "momentum",
          "regularization": "l1", "regularizationRate": 0.001, "learningRate": 0.01})",
      R"({"dataset": "moons", "features": ["x", "y", "sinx", "xy"], "standardize": true, "init": "he",
          "activation": "swish", "regularization": "l2", "regularizationRate": 0.01})",
  };
  for (const char* config : configs) {
    auto a = make(config);
    auto b = make(config);
    for (int round = 0; round < 3; ++round) expect_same_metrics(a->train(10), b->train(10));
    EXPECT_EQ(a->export_model(), b->export_model()) << config;
    EXPECT_EQ(a->history().train_loss, b->history().train_loss);
  }
}

TEST(TrainerDeterminism, AnotherSeedGivesAnotherRun) {
  auto a = make(R"({"seed": 1})");
  auto b = make(R"({"seed": 2})");
  EXPECT_NE(a->train(5).train_loss, b->train(5).train_loss);
}

TEST(TrainerDeterminism, ShuffleFalseVisitsTheSameOrderEveryEpoch) {
  // shuffle=false trains in dataset order: deterministic, and unlike the shuffled run.
  auto a = make(R"({"shuffle": false})");
  auto b = make(R"({"shuffle": false})");
  expect_same_metrics(a->train(7), b->train(7));
  auto c = make(R"({"shuffle": true})");
  EXPECT_NE(a->metrics().train_loss, c->train(7).train_loss);
}

TEST(TrainerConvergence, TwoClassSpiralWithThreeTanhLayersAndAdam) {
  // Measured: test accuracy 0.904 after 300 epochs (seeds 1..5: 0.85..0.96).
  auto t = make(R"({"dataset": "spiral", "hidden": [8, 8, 8], "activation": "tanh", "optimizer": "adam",
                    "learningRate": 0.01})");
  const Metrics m = t->train(300);
  EXPECT_GT(m.test_accuracy, 0.85);
  EXPECT_GT(m.train_accuracy, 0.95);
  EXPECT_FALSE(m.diverged);
}

TEST(TrainerConvergence, CircleWithTheDefaultConfig) {
  // Measured: test accuracy 0.992 after 100 epochs.
  auto t = make("{}");
  const Metrics m = t->train(100);
  EXPECT_GT(m.test_accuracy, 0.95);
  EXPECT_LT(m.test_loss, 0.2);
}

TEST(TrainerConvergence, ThreeGaussiansWithSoftmax) {
  // Measured: test accuracy 1.0, test loss 0.002 after 100 epochs.
  auto t = make(R"({"dataset": "gauss", "classes": 3, "hidden": [6], "optimizer": "adam", "learningRate": 0.01})");
  EXPECT_EQ(t->output_classes(), 3);
  const Metrics m = t->train(100);
  EXPECT_GT(m.test_accuracy, 0.97);
}

TEST(TrainerConvergence, RegressionPlaneReachesASmallSquaredError) {
  // Measured: test loss 0.0076 after 100 epochs; the initial loss is about 0.3.
  auto t = make(R"({"dataset": "reg-plane", "hidden": [4], "learningRate": 0.01})");
  const double initial = t->metrics().test_loss;
  const Metrics m = t->train(100);
  EXPECT_LT(m.test_loss, 0.03);
  EXPECT_LT(m.test_loss, initial / 5);
  EXPECT_TRUE(std::isnan(m.test_accuracy));
}

TEST(TrainerConvergence, XorWithReluAndMomentum) {
  // Measured: test accuracy 1.0 after 100 epochs.
  auto t = make(R"({"dataset": "xor", "hidden": [8, 8], "activation": "relu", "optimizer": "momentum",
                    "learningRate": 0.01})");
  EXPECT_GT(t->train(100).test_accuracy, 0.97);
}

TEST(TrainerMetrics, EpochZeroIsTheInitialModelAndTrainingCountsEpochs) {
  auto t = make("{}");
  const Metrics m0 = t->metrics();
  EXPECT_EQ(m0.epoch, 0);
  EXPECT_TRUE(std::isfinite(m0.train_loss));
  EXPECT_GE(m0.train_accuracy, 0.0);
  EXPECT_LE(m0.train_accuracy, 1.0);
  EXPECT_EQ(t->train(3).epoch, 3);
  EXPECT_EQ(t->train(0).epoch, 3);
  EXPECT_EQ(t->history().epoch.size(), 4u);
  EXPECT_EQ(t->history().epoch.front(), 0.0);
  EXPECT_THROW(t->train(-1), std::invalid_argument);
}

TEST(TrainerLiveUpdate, LearningRateZeroFreezesTheWeights) {
  auto t = make(R"({"optimizer": "sgd"})");
  t->train(2);
  t->update(R"({"learningRate": 1e-300})");
  const auto before = t->weights();
  t->train(2);
  const auto after = t->weights();
  for (std::size_t l = 0; l < before.size(); ++l) {
    for (std::size_t k = 0; k < before[l].weights.size(); ++k) {
      EXPECT_NEAR(after[l].weights.flat(k), before[l].weights.flat(k), 1e-290);
    }
  }
}

TEST(TrainerLiveUpdate, LiveKeysChangeWithoutAResetAndOthersThrow) {
  auto t = make("{}");
  t->train(3);
  t->update(R"({"optimizer": "adam", "learningRate": 0.1, "batchSize": 25, "regularization": "l2",
                "regularizationRate": 0.001})");
  EXPECT_EQ(t->config().optimizer, OptimizerKind::kAdam);
  EXPECT_EQ(t->config().batch_size, 25);
  EXPECT_EQ(t->metrics().epoch, 3);
  EXPECT_EQ(t->train(2).epoch, 5);
  EXPECT_THROW(t->update(R"({"hidden": [3]})"), std::invalid_argument);
  EXPECT_THROW(t->update(R"({"learningRate": -1})"), std::invalid_argument);
  EXPECT_THROW(t->update(R"({"batchSize": 100000})"), std::invalid_argument);
  EXPECT_THROW(t->update("not json"), std::invalid_argument);
  EXPECT_EQ(t->config().learning_rate, 0.1);  // a failed update changes nothing
  EXPECT_FALSE(t->train(1).diverged);
}

TEST(TrainerLiveUpdate, ABatchOfAllPointsIsFullBatchGradientDescent) {
  // Full batches make the order irrelevant: shuffled and unshuffled runs agree.
  auto a = make(R"({"shuffle": true, "batchSize": 250})");
  auto b = make(R"({"shuffle": false, "batchSize": 250})");
  const Metrics ma = a->train(5), mb = b->train(5);
  EXPECT_NEAR(ma.train_loss, mb.train_loss, 1e-12);
}

TEST(TrainerDivergence, ExplodingTrainingSetsTheFlagAndStops) {
  auto t = make(R"({"dataset": "reg-plane", "activation": "identity", "hidden": [8, 8], "initScale": 100,
                    "learningRate": 10, "optimizer": "sgd"})");
  Metrics m;
  EXPECT_NO_THROW(m = t->train(50));
  EXPECT_TRUE(m.diverged);
  const int stopped = m.epoch;
  EXPECT_LT(stopped, 50);
  EXPECT_EQ(t->train(10).epoch, stopped);
  EXPECT_NO_THROW(t->layer_stats());
  EXPECT_NO_THROW(t->predict_grid({10, -6, 6, -6, 6}));
  EXPECT_NO_THROW(t->export_model());
}

TEST(TrainerDiagnostics, OneEntryPerLayerWithConsistentStatistics) {
  auto t = make(R"({"hidden": [5, 3], "activation": "relu"})");
  t->train(5);
  const auto stats = t->layer_stats();
  ASSERT_EQ(stats.size(), 3u);
  const int widths[] = {5, 3, 1};
  for (std::size_t l = 0; l < stats.size(); ++l) {
    const LayerStats& s = stats[l];
    EXPECT_GT(s.grad_norm, 0.0) << l;
    EXPECT_GE(s.pre_act_std, 0.0);
    EXPECT_GE(s.act_std, 0.0);
    EXPECT_GE(s.dead_fraction, 0.0);
    EXPECT_LE(s.dead_fraction, 1.0);
    EXPECT_GE(s.saturated_fraction, s.dead_fraction);  // dead units are saturated too
    ASSERT_EQ(s.histogram.counts.size(), 20u);
    const double total = std::accumulate(s.histogram.counts.begin(), s.histogram.counts.end(), 0.0);
    EXPECT_EQ(total, 250.0 * widths[l]);
    EXPECT_LE(s.histogram.lo, s.act_mean);
    EXPECT_GE(s.histogram.hi, s.act_mean);
  }
  // ReLU activations are non-negative, so the second layer's inputs are all of one sign.
  EXPECT_GT(stats[1].same_sign_fraction, 0.0);
  EXPECT_GE(stats[0].histogram.lo, 0.0);
}

/// A model with one hidden layer of two units, written by hand.
std::string two_unit_model(const std::string& activation, const std::string& features, const std::string& w,
                           const std::string& b) {
  return R"({"format": 1, "config": {"dataset": "circle", "features": )" + features +
         R"(, "hidden": [2], "activation": ")" + activation + R"("}, "layers": [{"weights": )" + w + R"(, "biases": )" +
         b + R"(, "params": {}}, {"weights": [1, 1], "biases": [0], "params": {}}]})";
}

TEST(TrainerDiagnostics, DeadAndSaturatedUnitsAreCounted) {
  // Unit 0: ReLU with bias -100 is dead on every point; unit 1 is alive.
  auto relu = Trainer::import_model(two_unit_model("relu", R"(["x", "y"])", "[1, 0, 0, 1]", "[-100, 0]"));
  const auto rs = relu->layer_stats();
  EXPECT_DOUBLE_EQ(rs[0].dead_fraction, 0.5);
  // Unit 0: tanh of 50 x saturates almost everywhere; unit 1 (0.01 y) never.
  auto tanh = Trainer::import_model(two_unit_model("tanh", R"(["x", "y"])", "[50, 0, 0, 0.01]", "[0, 0]"));
  const auto ts = tanh->layer_stats();
  EXPECT_DOUBLE_EQ(ts[0].saturated_fraction, 0.5);
  EXPECT_DOUBLE_EQ(ts[0].dead_fraction, 0.0);
}

TEST(TrainerDiagnostics, NonNegativeInputsGiveSameSignGradients) {
  // Features x2 and y2 are never negative: every first-layer unit's incoming
  // weight gradients share the sign of its delta (the zig-zag case).
  auto t = Trainer::import_model(two_unit_model("tanh", R"(["x2", "y2"])", "[0.1, -0.2, 0.3, 0.1]", "[0, 0]"));
  EXPECT_DOUBLE_EQ(t->layer_stats()[0].same_sign_fraction, 1.0);
  auto mixed = Trainer::import_model(two_unit_model("tanh", R"(["x", "y"])", "[0.1, -0.2, 0.3, 0.1]", "[0, 0]"));
  EXPECT_LT(mixed->layer_stats()[0].same_sign_fraction, 0.7);
}

TEST(TrainerLearnedParams, PreluSlopesPerUnitAndSwishBetaPerLayerAreTrained) {
  auto t = make(R"({"hidden": [3, 2], "activation": ["prelu", "swish"], "optimizer": "adam", "learningRate": 0.05})");
  const auto before = t->learned_params();
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[0].layer, 0);
  EXPECT_EQ(before[0].name, "a");
  EXPECT_EQ(before[0].values, std::vector<double>(3, 0.25));
  EXPECT_EQ(before[1].layer, 1);
  EXPECT_EQ(before[1].name, "beta");
  EXPECT_EQ(before[1].values, std::vector<double>(1, 1.0));
  t->train(20);
  const auto after = t->learned_params();
  EXPECT_NE(after[0].values, before[0].values);
  EXPECT_NE(after[1].values, before[1].values);
}

TEST(TrainerLearnedParams, LearnFalseKeepsTheConfiguredValue) {
  auto t = make(R"({"hidden": [3], "activation": {"name": "prelu", "params": {"a": 0.1}, "learn": false}})");
  EXPECT_TRUE(t->learned_params().empty());
  t->train(3);
  EXPECT_TRUE(t->learned_params().empty());
}

TEST(TrainerTransform, HiddenActivationsMatchAHandComputation) {
  auto t = make(R"({"hidden": [3, 2], "features": ["x", "y", "xy"]})");
  t->train(4);
  const auto w = t->weights();
  const std::vector<double> xs{0.5, -2.0, 3.25}, ys{1.0, 0.75, -4.0};
  const auto h0 = t->transform(0, xs, ys);
  const auto h1 = t->transform(1, xs, ys);
  const auto in = t->transform(-1, xs, ys);
  ASSERT_EQ(h0.size(), 9u);
  ASSERT_EQ(h1.size(), 6u);
  ASSERT_EQ(in.size(), 9u);
  for (std::size_t p = 0; p < xs.size(); ++p) {
    const double f[3] = {xs[p], ys[p], xs[p] * ys[p]};
    for (int i = 0; i < 3; ++i) EXPECT_EQ(in.flat(p * 3 + i), f[i]);
    for (int j = 0; j < 3; ++j) {
      double z = w[0].biases.flat(j);
      for (int i = 0; i < 3; ++i) z += w[0].weights.flat(j * 3 + i) * f[i];
      EXPECT_NEAR(h0.flat(p * 3 + j), std::tanh(z), 1e-15);
    }
    for (int j = 0; j < 2; ++j) {
      double z = w[1].biases.flat(j);
      for (int i = 0; i < 3; ++i) z += w[1].weights.flat(j * 3 + i) * h0.flat(p * 3 + i);
      EXPECT_NEAR(h1.flat(p * 2 + j), std::tanh(z), 1e-15);
    }
  }
  const auto out = t->transform(2, xs, ys);
  EXPECT_EQ(out.size(), 3u);
  EXPECT_THROW(t->transform(3, xs, ys), std::invalid_argument);
  EXPECT_THROW(t->transform(-2, xs, ys), std::invalid_argument);
  EXPECT_THROW(t->transform(0, xs, {1.0}), std::invalid_argument);
}

TEST(TrainerPoints, PointsComeInDatasetOrderWithTheSplit) {
  auto t = make(R"({"points": 200, "trainFraction": 0.7})");
  const PointSet p = t->points();
  ASSERT_EQ(p.x.size(), 200u);
  EXPECT_EQ(p.y.size(), 200u);
  EXPECT_EQ(p.label.size(), 200u);
  EXPECT_EQ(std::accumulate(p.is_test.begin(), p.is_test.end(), 0), 60);
}

TEST(TrainerWeights, SetWeightChangesThePredictionAndValidates) {
  auto t = make(R"({"hidden": [2]})");
  const auto w = t->weights();
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].inputs, 2);
  EXPECT_EQ(w[0].outputs, 2);
  EXPECT_EQ(w[1].inputs, 2);
  EXPECT_EQ(w[1].outputs, 1);
  const double loss = t->metrics().train_loss;
  t->set_weight(1, 0, 1, 5.0);
  EXPECT_EQ(t->weights()[1].weights.flat(1), 5.0);
  EXPECT_NE(t->metrics().train_loss, loss);
  EXPECT_THROW(t->set_weight(2, 0, 0, 1), std::invalid_argument);
  EXPECT_THROW(t->set_weight(0, 2, 0, 1), std::invalid_argument);
  EXPECT_THROW(t->set_weight(0, 0, -1, 1), std::invalid_argument);
  EXPECT_THROW(t->set_weight(0, 0, 0, std::nan("")), std::invalid_argument);
}

TEST(TrainerWeights, SetBiasChangesThePredictionAndValidates) {
  auto t = make(R"({"hidden": [2]})");
  const double loss = t->metrics().train_loss;
  const auto grid = t->predict_grid({5, -6, 6, -6, 6});
  t->set_bias(1, 0, -3.0);
  EXPECT_EQ(t->weights()[1].biases.flat(0), -3.0);
  EXPECT_NE(t->metrics().train_loss, loss);
  const auto after = t->predict_grid({5, -6, 6, -6, 6});
  for (std::size_t cell = 0; cell < grid.size(); ++cell)
    EXPECT_LT(after.flat(cell), grid.flat(cell)) << "a lower output bias";
  t->set_bias(0, 1, 0.5);
  EXPECT_EQ(t->weights()[0].biases.flat(1), 0.5);
  const auto message = [&](int layer, int to, double value) {
    try {
      t->set_bias(layer, to, value);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(2, 0, 1), "setBias: layer must be in 0..1, got 2");
  EXPECT_EQ(message(0, 2, 1), "setBias: to must be in 0..1, got 2");
  EXPECT_EQ(message(1, -1, 1), "setBias: to must be in 0..0, got -1");
  EXPECT_EQ(message(0, 0, HUGE_VAL), "setBias: value must be a finite number");
  EXPECT_EQ(t->weights()[0].biases.flat(0), 0.0) << "a rejected edit changes nothing";
}

TEST(TrainerCustomData, ClassesAndRegressionTargetsFromUserPoints) {
  auto classes = make(R"({"dataset": "custom", "data": {"x": [-1, -2, 1, 2, -1.5, 1.5], "y": [0, 1, 0, 1, -1, -1],
                          "label": [0, 0, 1, 1, 0, 1]}, "hidden": [2], "batchSize": 2})");
  EXPECT_EQ(classes->points().x, (std::vector<double>{-1, -2, 1, 2, -1.5, 1.5}));
  const Metrics m = classes->train(20);
  EXPECT_TRUE(std::isfinite(m.train_loss));
  EXPECT_GE(m.train_accuracy, 0.0);
  auto regression = make(R"({"dataset": "custom", "data": {"x": [0, 1, 2, 3], "y": [0, 0, 1, 1],
                             "label": [0.5, 1.25, -0.5, 2.75]}, "hidden": [3]})");
  EXPECT_EQ(regression->output_classes(), 1);
  EXPECT_TRUE(std::isnan(regression->train(3).train_accuracy));
}

TEST(TrainerConstruction, MalformedConfigJsonIsAnError) {
  EXPECT_THROW(make("{"), std::invalid_argument);
  EXPECT_THROW(make(R"({"hidden": [0]})"), std::invalid_argument);
  EXPECT_THROW(make(R"({"nope": 1})"), std::invalid_argument);
}

}  // namespace
}  // namespace ap

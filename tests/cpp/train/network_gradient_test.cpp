// Finite-difference checks of the whole network's gradient: the loss (mean over
// a few points, plus the regularisation penalty) is differentiated numerically
// with respect to every weight, bias and learned activation parameter and
// compared with backward(). Parameterised over the catalog, so a new activation
// is checked without a new test. Points whose pre-activations sit within 1e-4 of
// a kink (or a maxout tie) are left out: there the loss is not differentiable.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "activations/registry.h"
#include "train/network.h"
#include "train/optimizer.h"
#include "train/random.h"

namespace ap {
namespace {

constexpr int kInputs = 3;
constexpr int kPoints = 8;
constexpr double kKinkMargin = 1e-4;

struct Case {
  std::vector<int> hidden{3, 4};
  std::vector<LayerActivation> activations;
  LossKind loss = LossKind::kSigmoidCrossEntropy;
  int outputs = 1;
  bool classification = true;
  RegularizationKind reg = RegularizationKind::kNone;
  double reg_rate = 0;
};

LayerActivation catalog_layer(const std::string& name) { return LayerActivation::of(find_activation(name)); }

LayerActivation maxout_layer(int k) { return LayerActivation::of(*Registry::builtin().find_reduction("maxout"), k); }

/// Whether z is within kKinkMargin of a point where f is not smooth: a jump of
/// f or f' across [z - m, z + m] beyond what a smooth function would show.
bool near_kink(const Activation& act, const ParamValues& p, double z) {
  const double m = kKinkMargin;
  const double fl = act.value_at(z - m, p), fr = act.value_at(z + m, p);
  const double dl = act.derivative_at(z - m, p), dr = act.derivative_at(z + m, p), dc = act.derivative_at(z, p);
  if (std::fabs(dr - dl) > 1e-2) return true;
  return std::fabs((fr - fl) - 2 * m * dc) > 1e-5;
}

class GradientChecker {
 public:
  explicit GradientChecker(const Case& c)
      : case_(c), net_(kInputs, c.hidden, c.activations, c.loss, c.outputs, c.classification) {
    Rng rng(42, 7);
    net_.initialize(InitKind::kXavier, 1.5, 0.0, rng);
    std::vector<double>& p = net_.parameters();
    // Non-zero biases and learned parameters spread around their defaults, so
    // that no gradient is checked only at a special point.
    for (int l = 0; l < net_.layer_count(); ++l) {
      const Network::Layer& layer = net_.layer(l);
      for (int j = 0; j < layer.rows; ++j) p[layer.bias_offset + static_cast<std::size_t>(j)] = rng.uniform(-0.5, 0.5);
      for (const Network::Learnable& learnable : layer.learnables) {
        const std::size_t n = learnable.per_unit ? static_cast<std::size_t>(layer.units) : 1;
        for (std::size_t k = 0; k < n; ++k) {
          double& v = p[learnable.offset + k];
          v = std::min(learnable.max, std::max(learnable.min, v * rng.uniform(0.6, 1.4) + rng.uniform(-0.1, 0.1)));
        }
      }
    }
    std::vector<double> x, t;
    for (int b = 0; b < 64 && static_cast<int>(t.size()) < kPoints; ++b) {
      double row[kInputs];
      for (double& v : row) v = rng.uniform(-2, 2);
      const double target =
          c.classification ? static_cast<double>(rng.below(static_cast<std::uint32_t>(c.outputs == 1 ? 2 : c.outputs)))
                           : rng.uniform(-1, 1);
      if (!smooth_at(row)) continue;
      x.insert(x.end(), row, row + kInputs);
      t.push_back(target);
    }
    n_ = static_cast<int>(t.size());
    x_.assign(static_cast<std::size_t>(kInputs * n_), 0.0);
    for (int b = 0; b < n_; ++b) {
      for (int i = 0; i < kInputs; ++i)
        x_[static_cast<std::size_t>(i * n_ + b)] = x[static_cast<std::size_t>(b * kInputs + i)];
    }
    t_ = t;
  }

  int points() const { return n_; }

  double loss() {
    net_.forward(x_.data(), static_cast<std::size_t>(n_), n_, nullptr);
    return net_.output_loss(t_.data(), n_, 1.0, false, nullptr) / n_ +
           net_.regularization_penalty(case_.reg, case_.reg_rate);
  }

  std::vector<double> analytic() {
    std::vector<double>& g = net_.gradients();
    std::fill(g.begin(), g.end(), 0.0);
    net_.forward(x_.data(), static_cast<std::size_t>(n_), n_, nullptr);
    net_.output_loss(t_.data(), n_, 1.0 / n_, true, nullptr);
    net_.backward(n_);
    std::vector<double> out = g;
    for (std::size_t k = 0; k < net_.weight_count(); ++k) {
      out[k] += regularization_gradient(case_.reg, case_.reg_rate, net_.parameters()[k]);
    }
    return out;
  }

  /// Every component checked; returns the number of mismatches (each reported).
  int check() {
    const std::vector<double> g = analytic();
    std::vector<double>& p = net_.parameters();
    int failures = 0;
    for (std::size_t k = 0; k < p.size(); ++k) {
      const double saved = p[k];
      const double h = 1e-6 * std::max(1.0, std::fabs(saved));
      p[k] = saved + h;
      const double up = loss();
      p[k] = saved - h;
      const double down = loss();
      p[k] = saved;
      const double numeric = (up - down) / (2 * h);
      const double tolerance = 2e-7 + 2e-6 * std::fabs(numeric);
      if (!(std::fabs(numeric - g[k]) <= tolerance)) {
        ++failures;
        ADD_FAILURE() << "parameter " << k << " (" << describe(k) << "): analytic " << g[k] << ", numeric " << numeric;
      }
    }
    return failures;
  }

 private:
  /// False if some hidden pre-activation of this point is near a kink or a maxout tie.
  bool smooth_at(const double* row) {
    net_.forward(row, 1, 1, nullptr);
    for (int l = 0; l < net_.hidden_count(); ++l) {
      const Network::Layer& layer = net_.layer(l);
      const double* z = net_.pre_activation(l);
      if (layer.reduction != nullptr) {
        for (int j = 0; j < layer.units; ++j) {
          std::vector<double> pieces(z + j * layer.pieces, z + (j + 1) * layer.pieces);
          std::sort(pieces.begin(), pieces.end());
          if (pieces[pieces.size() - 1] - pieces[pieces.size() - 2] < kKinkMargin) return false;
        }
        continue;
      }
      for (int j = 0; j < layer.units; ++j) {
        if (near_kink(*layer.activation, net_.unit_params(l, j), z[j])) return false;
      }
    }
    return true;
  }

  std::string describe(std::size_t k) const {
    for (int l = 0; l < net_.layer_count(); ++l) {
      const Network::Layer& layer = net_.layer(l);
      const std::size_t w = static_cast<std::size_t>(layer.rows * layer.inputs);
      if (k >= layer.weight_offset && k < layer.weight_offset + w) return "weight of layer " + std::to_string(l);
      if (k >= layer.bias_offset && k < layer.bias_offset + static_cast<std::size_t>(layer.rows)) {
        return "bias of layer " + std::to_string(l);
      }
      for (const Network::Learnable& learnable : layer.learnables) {
        if (k >= learnable.offset && k < learnable.offset + (learnable.per_unit ? layer.units : 1)) {
          return "param " + layer.activation->params[static_cast<std::size_t>(learnable.index)].name + " of layer " +
                 std::to_string(l);
        }
      }
    }
    return "?";
  }

  Case case_;
  Network net_;
  int n_ = 0;
  std::vector<double> x_, t_;
};

std::vector<std::string> catalog_names() {
  std::vector<std::string> names;
  for (const Activation& a : all_activations()) names.push_back(a.name);
  return names;
}

class EveryActivation : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryActivation, WholeNetworkGradientMatchesFiniteDifferences) {
  Case c;
  c.activations = {catalog_layer(GetParam()), catalog_layer(GetParam())};
  GradientChecker checker(c);
  ASSERT_GE(checker.points(), 4) << "too many points near a kink";
  EXPECT_EQ(checker.check(), 0);
}

TEST_P(EveryActivation, GradientIsRightBetweenTanhLayersToo) {
  Case c;
  c.hidden = {4, 3, 3};
  c.activations = {catalog_layer("tanh"), catalog_layer(GetParam()), catalog_layer("tanh")};
  c.loss = LossKind::kTanhHalfSquaredError;
  GradientChecker checker(c);
  ASSERT_GE(checker.points(), 4);
  EXPECT_EQ(checker.check(), 0);
}

INSTANTIATE_TEST_SUITE_P(Catalog, EveryActivation, ::testing::ValuesIn(catalog_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(NetworkGradient, LearnedParametersAreCheckedWithTheRest) {
  Case c;
  c.activations = {catalog_layer("prelu"), catalog_layer("swish")};
  Network probe(kInputs, c.hidden, c.activations, c.loss, c.outputs, c.classification);
  // 3 PReLU slopes (one per unit) and one Swish beta for the layer.
  EXPECT_EQ(probe.parameters().size(), probe.weight_count() + 3 + 4 + 1 + 3 + 1);
  GradientChecker checker(c);
  EXPECT_EQ(checker.check(), 0);
}

TEST(NetworkGradient, FixedParametersAreNotLearned) {
  Case c;
  LayerActivation fixed = catalog_layer("prelu");
  fixed.learn = false;
  c.activations = {fixed, fixed};
  Network probe(kInputs, c.hidden, c.activations, c.loss, c.outputs, c.classification);
  EXPECT_EQ(probe.parameters().size(), probe.weight_count() + 3 + 4 + 1);
  GradientChecker checker(c);
  EXPECT_EQ(checker.check(), 0);
}

TEST(NetworkGradient, MaxoutRoutesTheGradientToTheWinningPiece) {
  for (int k : {2, 3, 5}) {
    Case c;
    c.activations = {maxout_layer(k), maxout_layer(k)};
    GradientChecker checker(c);
    ASSERT_GE(checker.points(), 4);
    EXPECT_EQ(checker.check(), 0) << "k = " << k;
  }
}

TEST(NetworkGradient, MaxoutMixesWithCatalogLayers) {
  Case c;
  c.activations = {catalog_layer("gelu"), maxout_layer(3)};
  c.loss = LossKind::kSoftmaxCrossEntropy;
  c.outputs = 3;
  GradientChecker checker(c);
  EXPECT_EQ(checker.check(), 0);
}

struct OutputCase {
  const char* name;
  LossKind loss;
  int outputs;
  bool classification;
};

class EveryOutput : public ::testing::TestWithParam<OutputCase> {};

TEST_P(EveryOutput, GradientMatchesFiniteDifferences) {
  const OutputCase& o = GetParam();
  Case c;
  c.activations = {catalog_layer("tanh"), catalog_layer("softplus")};
  c.loss = o.loss;
  c.outputs = o.outputs;
  c.classification = o.classification;
  GradientChecker checker(c);
  EXPECT_EQ(checker.check(), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Outputs, EveryOutput,
    ::testing::Values(OutputCase{"sigmoid_cross_entropy", LossKind::kSigmoidCrossEntropy, 1, true},
                      OutputCase{"softmax_cross_entropy_3", LossKind::kSoftmaxCrossEntropy, 3, true},
                      OutputCase{"softmax_cross_entropy_5", LossKind::kSoftmaxCrossEntropy, 5, true},
                      OutputCase{"linear_squared_error", LossKind::kSquaredError, 1, false},
                      OutputCase{"tanh_two_classes", LossKind::kTanhHalfSquaredError, 1, true},
                      OutputCase{"tanh_three_classes", LossKind::kTanhHalfSquaredError, 3, true},
                      OutputCase{"tanh_regression", LossKind::kTanhHalfSquaredError, 1, false}),
    [](const ::testing::TestParamInfo<OutputCase>& info) { return std::string(info.param.name); });

TEST(NetworkGradient, NoHiddenLayerIsLogisticRegression) {
  Case c;
  c.hidden = {};
  c.activations = {};
  GradientChecker checker(c);
  EXPECT_EQ(checker.check(), 0);
}

TEST(NetworkGradient, RegularizersAddTheirPenaltyGradientToWeightsOnly) {
  for (RegularizationKind reg : {RegularizationKind::kL1, RegularizationKind::kL2}) {
    Case c;
    c.activations = {catalog_layer("elu"), catalog_layer("tanh")};
    c.reg = reg;
    c.reg_rate = 0.3;
    GradientChecker checker(c);
    EXPECT_EQ(checker.check(), 0) << (reg == RegularizationKind::kL1 ? "L1" : "L2");
  }
}

TEST(NetworkGradient, ChunkedMiniBatchGradientEqualsTheMeanOfPerPointGradients) {
  // The gradient of a batch is the mean of its points' gradients, whatever the
  // chunking of the batch (the trainer splits batches above kChunk points).
  LayerActivation tanh = catalog_layer("tanh");
  Network net(2, {5}, {tanh}, LossKind::kSigmoidCrossEntropy, 1, true);
  Rng rng(3, 3);
  net.initialize(InitKind::kXavier, 1, 0.1, rng);
  const int n = 6;
  std::vector<double> x(2 * n), t(n);
  for (int b = 0; b < n; ++b) {
    x[b] = rng.uniform(-3, 3);
    x[n + b] = rng.uniform(-3, 3);
    t[b] = b % 2;
  }
  std::vector<double>& g = net.gradients();
  std::fill(g.begin(), g.end(), 0.0);
  net.forward(x.data(), n, n, nullptr);
  net.output_loss(t.data(), n, 1.0 / n, true, nullptr);
  net.backward(n);
  const std::vector<double> whole = g;
  std::fill(g.begin(), g.end(), 0.0);
  for (int b = 0; b < n; ++b) {
    const double row[2] = {x[b], x[n + b]};
    net.forward(row, 1, 1, nullptr);
    net.output_delta(&t[b], 1, 1.0 / n);
    net.backward(1);
  }
  for (std::size_t k = 0; k < g.size(); ++k) EXPECT_NEAR(g[k], whole[k], 1e-15) << k;
}

}  // namespace
}  // namespace ap

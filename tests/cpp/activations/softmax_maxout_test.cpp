// Softmax / log-softmax against the reference vectors (8 ulp), their backward
// passes against finite differences, and maxout's first-winner routing.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "activations/maxout.h"
#include "activations/registry.h"
#include "activations/softmax.h"

namespace ap {
namespace {

using nlohmann::json;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The reference document, parsed once (a reference into it must not outlive it).
const json& reference() {
  static const json document = [] {
    std::ifstream in(std::string(AP_REFERENCE_DIR) + "/activations.json");
    return json::parse(in);
  }();
  return document;
}

double number(const json& v) {
  if (v.is_number()) return v.get<double>();
  if (v == "inf") return kInf;
  if (v == "-inf") return -kInf;
  return kNaN;
}

std::vector<double> numbers(const json& array) {
  std::vector<double> out;
  for (const json& v : array) out.push_back(number(v));
  return out;
}

double ulp(double v) {
  const double a = std::fabs(v);
  return std::nextafter(a, kInf) - a;
}

bool within_8_ulp(double got, double ref) {
  if (std::isinf(ref)) return got == ref;
  return std::fabs(got - ref) <= 8 * ulp(ref) + 1e-300;
}

std::string show(const std::vector<double>& v) {
  std::string s = "[";
  for (const double x : v) s += std::to_string(x) + " ";
  return s + "]";
}

TEST(Softmax, MatchesEveryReferenceVectorWithinEightUlp) {
  for (const json& c : reference()["softmax"]) {
    const std::vector<double> x = numbers(c["x"]);
    const std::vector<double> ref_y = numbers(c["y"]);
    const std::vector<double> ref_log_y = numbers(c["log_y"]);
    std::vector<double> y(x.size()), log_y(x.size());
    softmax(x.data(), y.data(), x.size());
    log_softmax(x.data(), log_y.data(), x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      EXPECT_TRUE(within_8_ulp(y[i], ref_y[i]))
          << "y[" << i << "] of " << show(x) << ": got " << y[i] << ", reference " << ref_y[i];
      EXPECT_TRUE(within_8_ulp(log_y[i], ref_log_y[i]))
          << "log_y[" << i << "] of " << show(x) << ": got " << log_y[i] << ", reference " << ref_log_y[i];
    }
  }
}

TEST(Softmax, SumsToOneAndStaysFiniteForHugeInputs) {
  const std::vector<double> x{1e308, -1e308, 1e308, 0};
  std::vector<double> y(x.size()), log_y(x.size());
  softmax(x.data(), y.data(), x.size());
  log_softmax(x.data(), log_y.data(), x.size());
  EXPECT_EQ(y[0], 0.5);
  EXPECT_EQ(y[1], 0.0);
  EXPECT_EQ(y[2], 0.5);
  EXPECT_EQ(y[3], 0.0);
  EXPECT_EQ(log_y[0], -std::log(2.0));
  EXPECT_EQ(log_y[1], -kInf);  // -2e308 overflows: the exact value is below every double
  EXPECT_TRUE(std::isfinite(log_y[3]));
}

TEST(Softmax, MinusInfinityEntriesGetZeroProbability) {
  const std::vector<double> x{-kInf, 1, 1};
  std::vector<double> y(3), log_y(3);
  softmax(x.data(), y.data(), 3);
  log_softmax(x.data(), log_y.data(), 3);
  EXPECT_EQ(y[0], 0.0);
  EXPECT_EQ(y[1], 0.5);
  EXPECT_EQ(log_y[0], -kInf);
}

TEST(Softmax, NanOrNoFiniteMaximumGivesNanEverywhere) {
  for (const std::vector<double>& x : std::vector<std::vector<double>>{{1, kNaN, 2}, {-kInf, -kInf}, {kInf, 0}}) {
    std::vector<double> y(x.size()), log_y(x.size());
    softmax(x.data(), y.data(), x.size());
    log_softmax(x.data(), log_y.data(), x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      EXPECT_TRUE(std::isnan(y[i])) << show(x);
      EXPECT_TRUE(std::isnan(log_y[i])) << show(x);
    }
  }
}

TEST(Softmax, EmptyInputIsANoOp) {
  softmax(nullptr, nullptr, 0);
  log_softmax(nullptr, nullptr, 0);
  SUCCEED();
}

TEST(Softmax, BackwardPassesMatchFiniteDifferences) {
  const std::vector<double> x{0.3, -1.2, 2.5, 0.0, 1.1};
  const std::vector<double> dy{0.7, -0.4, 0.25, 1.5, -2.0};
  const std::size_t n = x.size();
  std::vector<double> y(n), dx(n), dx_log(n);
  softmax(x.data(), y.data(), n);
  softmax_backward(y.data(), dy.data(), dx.data(), n);
  log_softmax_backward(y.data(), dy.data(), dx_log.data(), n);
  const auto loss = [&](const std::vector<double>& v, bool use_log) {
    std::vector<double> out(n);
    if (use_log) {
      log_softmax(v.data(), out.data(), n);
    } else {
      softmax(v.data(), out.data(), n);
    }
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) s += dy[i] * out[i];
    return s;
  };
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> plus = x, minus = x;
    plus[i] += 1e-6;
    minus[i] -= 1e-6;
    EXPECT_NEAR(dx[i], (loss(plus, false) - loss(minus, false)) / 2e-6, 1e-8) << i;
    EXPECT_NEAR(dx_log[i], (loss(plus, true) - loss(minus, true)) / 2e-6, 1e-8) << i;
  }
}

TEST(Maxout, ValuesAndFirstWinnerGradientsMatchTheReferenceExactly) {
  for (const json& c : reference()["maxout"]) {
    const std::vector<double> z = numbers(c["z"]);
    const std::vector<double> grad_first = numbers(c["grad_first"]);
    double y = 0;
    std::uint8_t winner = 99;
    maxout(z.data(), 1, z.size(), 1, &y, &winner);
    EXPECT_EQ(y, number(c["f"])) << show(z);
    EXPECT_EQ(winner, c["argmax"].get<std::size_t>()) << show(z);
    const double dy = 1.0;
    std::vector<double> dz(z.size(), -7.0);
    maxout_backward(&dy, &winner, 1, z.size(), 1, dz.data());
    for (std::size_t i = 0; i < z.size(); ++i) EXPECT_EQ(dz[i], grad_first[i]) << show(z) << " i=" << i;
  }
}

TEST(Maxout, HandlesManyUnitsAndScalesTheRoutedGradient) {
  // Two units of k = 3 pieces: {1, 5, 5} (tie: first 5 wins) and {-2, -3, -1}.
  const std::vector<double> z{1, 5, 5, -2, -3, -1};
  std::vector<double> y(2);
  std::vector<std::uint8_t> winner(2);
  maxout(z.data(), 2, 3, 1, y.data(), winner.data());
  EXPECT_EQ(y[0], 5);
  EXPECT_EQ(y[1], -1);
  EXPECT_EQ(winner[0], 1u);
  EXPECT_EQ(winner[1], 2u);
  const std::vector<double> dy{0.5, -2.0};
  std::vector<double> dz(6);
  maxout_backward(dy.data(), winner.data(), 2, 3, 1, dz.data());
  EXPECT_EQ(dz, (std::vector<double>{0, 0.5, 0, 0, 0, -2.0}));
}

TEST(Maxout, TheRegistrysMaxoutLayerIsThisKernelOverPointsInUnitMajorLayout) {
  // One unit, k = 2 pieces, three points: piece p at point b is z[p * 3 + b].
  const Reduction& layer = *Registry::builtin().find_reduction("maxout");
  const std::vector<double> z{1, 7, -1, 4, 2, -1};
  std::vector<double> y(3);
  std::vector<std::uint8_t> winner(3);
  layer.forward(z.data(), 1, 2, 3, y.data(), winner.data());
  EXPECT_EQ(y, (std::vector<double>{4, 7, -1}));
  EXPECT_EQ(winner, (std::vector<std::uint8_t>{1, 0, 0}));
  const std::vector<float> zf(z.begin(), z.end());
  std::vector<float> yf(3);
  layer.display_forward(zf.data(), 1, 2, 3, yf.data(), nullptr);
  EXPECT_EQ(yf, (std::vector<float>{4, 7, -1}));
  std::vector<double> dz(6);
  layer.backward(std::vector<double>{1, 2, 3}.data(), winner.data(), 1, 2, 3, dz.data());
  EXPECT_EQ(dz, (std::vector<double>{0, 2, 3, 1, 0, 0}));
}

TEST(Maxout, NanPiecePropagates) {
  const std::vector<double> z{1, kNaN, 3};
  double y = 0;
  std::uint8_t winner = 0;
  maxout(z.data(), 1, 3, 1, &y, &winner);
  EXPECT_TRUE(std::isnan(y));
  EXPECT_EQ(winner, 1u);
}

}  // namespace
}  // namespace ap

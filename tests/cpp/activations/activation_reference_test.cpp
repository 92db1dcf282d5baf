// Every activation against the high-precision reference tables
// (tests/reference/activations.json and activations_kinks.json), with the
// tolerances stated in tests/reference/README.md.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "activations/catalog_json.h"
#include "activations/registry.h"

namespace ap {
namespace {

using nlohmann::json;

constexpr const char* kReferenceFiles[] = {"activations.json", "activations_kinks.json"};

const json& reference(const std::string& file) {
  static std::map<std::string, json> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    std::ifstream in(std::string(AP_REFERENCE_DIR) + "/" + file);
    if (!in) throw std::runtime_error("cannot open reference file " + file);
    it = cache.emplace(file, json::parse(in)).first;
  }
  return it->second;
}

/// A reference number: a JSON number or one of the strings "inf", "-inf", "nan".
double number(const json& v) {
  if (v.is_number()) return v.get<double>();
  if (v == "inf") return std::numeric_limits<double>::infinity();
  if (v == "-inf") return -std::numeric_limits<double>::infinity();
  if (v == "nan") return std::numeric_limits<double>::quiet_NaN();
  throw std::runtime_error("not a reference number: " + v.dump());
}

/// Spacing of doubles at |v| (the smallest subnormal at 0).
double ulp(double v) {
  const double a = std::fabs(v);
  return std::nextafter(a, std::numeric_limits<double>::infinity()) - a;
}

/// README tolerance: |got - ref| <= (4 + 2 cond) ulp(ref) + floor. Non-finite
/// references must be matched exactly (NaN by NaN).
bool within(double got, double ref, double cond, double floor) {
  if (std::isnan(ref)) return std::isnan(got);
  if (std::isinf(ref)) return got == ref;
  return std::fabs(got - ref) <= (4 + 2 * cond) * ulp(ref) + floor;
}

std::string describe(const std::string& what, const json& entry, double x, double got, double ref) {
  std::ostringstream s;
  s.precision(17);
  s << what << " of " << entry["name"].get<std::string>() << entry["params"].dump() << " at x = " << x << ": got "
    << got << ", reference " << ref << " (" << (got - ref) / ulp(ref) << " ulp)";
  return s.str();
}

/// The reference entries (one per parameter setting) of activation `name`, from both files.
std::vector<json> entries_of(const std::string& name) {
  std::vector<json> out;
  for (const char* file : kReferenceFiles) {
    for (const json& entry : reference(file)["functions"]) {
      if (entry["name"] == name) out.push_back(entry);
    }
  }
  return out;
}

ParamValues params_of(const Activation& a, const json& entry) {
  std::map<std::string, double> given;
  for (const auto& [key, value] : entry["params"].items()) {
    // rrelu's eval_slope is derived from lower and upper, not an input (README).
    if (key == "eval_slope") continue;
    given[key] = number(value);
  }
  return resolve_params(a, given);
}

struct Evaluated {
  std::vector<double> x, y, dy;
};

Evaluated evaluate(const Activation& a, const ParamValues& p, const json& points) {
  Evaluated e;
  for (const json& point : points) e.x.push_back(number(point["x"]));
  e.y.resize(e.x.size());
  e.dy.resize(e.x.size());
  a.forward(e.x.data(), e.y.data(), e.x.size(), p);
  a.derivative(e.x.data(), e.y.data(), e.dy.data(), e.x.size(), p);
  return e;
}

std::vector<std::string> activation_names() {
  std::vector<std::string> names;
  for (const Activation& a : all_activations()) names.push_back(a.name);
  return names;
}

TEST(Reference, TheRegistryListsTheReferenceActivationsInMenuOrder) {
  // The reference data is the one other place an activation is added, so the catalog
  // is counted from it rather than from a number written into a test.
  std::vector<std::string> reference_names;
  for (const json& entry : reference(kReferenceFiles[0])["functions"]) {
    const std::string name = entry["name"];
    if (std::find(reference_names.begin(), reference_names.end(), name) == reference_names.end()) {
      reference_names.push_back(name);
    }
  }
  EXPECT_EQ(activation_names(), reference_names);
}

class ReferenceTest : public testing::TestWithParam<std::string> {
 protected:
  const Activation& activation() const { return find_activation(GetParam()); }
};

TEST_P(ReferenceTest, HasReferenceDataInBothFiles) {
  for (const char* file : kReferenceFiles) {
    bool found = false;
    for (const json& entry : reference(file)["functions"]) found = found || entry["name"] == GetParam();
    EXPECT_TRUE(found) << GetParam() << " is missing from " << file;
  }
}

TEST_P(ReferenceTest, ValuesMatchEveryReferencePointWithinTolerance) {
  int checked = 0;
  for (const json& entry : entries_of(GetParam())) {
    const Evaluated e = evaluate(activation(), params_of(activation(), entry), entry["points"]);
    for (std::size_t i = 0; i < e.x.size(); ++i) {
      const json& point = entry["points"][i];
      const double ref = number(point["f"]);
      EXPECT_TRUE(within(e.y[i], ref, number(point["cf"]), 1e-300)) << describe("value", entry, e.x[i], e.y[i], ref);
      ++checked;
    }
  }
  EXPECT_GT(checked, 0);
}

TEST_P(ReferenceTest, DerivativesMatchEveryReferencePointAndKinksExactly) {
  for (const json& entry : entries_of(GetParam())) {
    const Evaluated e = evaluate(activation(), params_of(activation(), entry), entry["points"]);
    for (std::size_t i = 0; i < e.x.size(); ++i) {
      const json& point = entry["points"][i];
      const double ref = number(point["df"]);
      if (point.value("kink", false)) {
        EXPECT_EQ(e.dy[i], ref) << describe("derivative at a kink", entry, e.x[i], e.dy[i], ref);
      } else {
        EXPECT_TRUE(within(e.dy[i], ref, number(point["cdf"]), 4e-16))
            << describe("derivative", entry, e.x[i], e.dy[i], ref);
      }
    }
  }
}

TEST_P(ReferenceTest, KinkListAgreesWithTheReferenceKinkPoints) {
  for (const json& entry : entries_of(GetParam())) {
    const ParamValues p = params_of(activation(), entry);
    const std::vector<double> kinks = activation().kinks(p);
    const std::set<double> kink_set(kinks.begin(), kinks.end());
    for (const json& point : entry["points"]) {
      const double x = number(point["x"]);
      EXPECT_EQ(point.value("kink", false), kink_set.count(x) == 1)
          << GetParam() << entry["params"].dump() << " at x = " << x;
    }
  }
}

TEST_P(ReferenceTest, SingleValueCallsAgreeWithTheBulkKernels) {
  for (const json& entry : entries_of(GetParam())) {
    const ParamValues p = params_of(activation(), entry);
    const Evaluated e = evaluate(activation(), p, entry["points"]);
    for (std::size_t i = 0; i < e.x.size(); ++i) {
      EXPECT_EQ(activation().value_at(e.x[i], p), e.y[i]);
      EXPECT_EQ(activation().derivative_at(e.x[i], p), e.dy[i]);
    }
  }
}

TEST_P(ReferenceTest, LearnableParameterDerivativesMatchTheReference) {
  const Activation& a = activation();
  bool has_learnable = false;
  for (const ParamSpec& spec : a.params) has_learnable = has_learnable || spec.learnable;
  ASSERT_EQ(has_learnable, a.param_derivative != nullptr);
  for (const json& entry : entries_of(GetParam())) {
    const ParamValues p = params_of(a, entry);
    const Evaluated e = evaluate(a, p, entry["points"]);
    for (int k = 0; k < static_cast<int>(a.params.size()); ++k) {
      const std::string& param = a.params[static_cast<std::size_t>(k)].name;
      if (!a.params[static_cast<std::size_t>(k)].learnable) continue;
      std::vector<double> dparam(e.x.size());
      a.param_derivative(e.x.data(), e.y.data(), k, dparam.data(), e.x.size(), p);
      for (std::size_t i = 0; i < e.x.size(); ++i) {
        const json& point = entry["points"][i];
        ASSERT_TRUE(point.contains("dparam")) << "no reference dparam for learnable " << param;
        const double ref = number(point["dparam"][param]);
        EXPECT_TRUE(within(dparam[i], ref, number(point["cdparam"][param]), 4e-16))
            << describe("d/d" + param, entry, e.x[i], dparam[i], ref);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Catalog, ReferenceTest, testing::ValuesIn(activation_names()),
                         [](const testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(ReferenceTables, NameOnlyActivationsOfTheRegistryWithKnownParameters) {
  for (const char* file : kReferenceFiles) {
    for (const json& entry : reference(file)["functions"]) {
      const std::string name = entry["name"];
      const Activation& a = find_activation(name);  // throws for an unknown name
      for (const auto& [key, value] : entry["params"].items()) {
        if (key == "eval_slope") continue;
        EXPECT_GE(a.param_index(key), 0) << name << " has no parameter " << key;
      }
    }
  }
}

TEST(ReferenceTables, RreluEvalSlopeIsTheDoubleMidpointOfLowerAndUpper) {
  const Activation& rrelu = find_activation("rrelu");
  for (const json& entry : entries_of("rrelu")) {
    const ParamValues p = params_of(rrelu, entry);
    EXPECT_EQ(rrelu.derivative_at(-1.0, p), number(entry["params"]["eval_slope"]));
  }
}

TEST(ReferenceTables, NonFiniteStringsAreReadAsNumbers) {
  EXPECT_EQ(number(json("inf")), std::numeric_limits<double>::infinity());
  EXPECT_EQ(number(json("-inf")), -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(number(json("nan"))));
  // The same encoding through the catalog's own params reader.
  const auto params = params_from_json(json{{"beta", 1}, {"threshold", "inf"}});
  EXPECT_EQ(params.at("threshold"), std::numeric_limits<double>::infinity());
  const Activation& softplus = find_activation("softplus");
  EXPECT_EQ(resolve_params(softplus, params)[1], std::numeric_limits<double>::infinity());
}

}  // namespace
}  // namespace ap

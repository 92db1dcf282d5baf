// catalog_to_json has exactly the JS API shape, and params_from_json reads what
// the JS library sends.

#include "activations/catalog_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>

#include "activations/registry.h"

namespace ap {
namespace {

using nlohmann::json;

std::set<std::string> keys_of(const json& object) {
  std::set<std::string> keys;
  for (const auto& item : object.items()) keys.insert(item.key());
  return keys;
}

/// A JSON number, or one of the non-finite strings.
bool is_number_or_infinity(const json& v) { return v.is_number() || v == "inf" || v == "-inf"; }

TEST(CatalogJson, IsAnArrayWithOneEntryPerActivationInRegistryOrder) {
  const json catalog = catalog_to_json();
  ASSERT_TRUE(catalog.is_array());
  ASSERT_EQ(catalog.size(), all_activations().size());
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    EXPECT_EQ(catalog[i]["name"], all_activations()[i].name);
  }
}

TEST(CatalogJson, EveryEntryHasExactlyTheDocumentedKeysAndTypes) {
  for (const json& entry : catalog_to_json()) {
    const std::string name = entry["name"];
    EXPECT_EQ(keys_of(entry),
              (std::set<std::string>{"name", "label", "group", "formula", "derivativeFormula",
                                     "params", "properties", "frameworks"}))
        << name;
    for (const char* key : {"name", "label", "group", "formula", "derivativeFormula"}) {
      EXPECT_TRUE(entry[key].is_string() && !entry[key].get<std::string>().empty()) << name << key;
    }
    ASSERT_TRUE(entry["params"].is_array()) << name;
    for (const json& param : entry["params"]) {
      EXPECT_EQ(keys_of(param),
                (std::set<std::string>{"name", "default", "min", "max", "learnable"}));
      EXPECT_TRUE(param["name"].is_string());
      EXPECT_TRUE(param["default"].is_number()) << name;
      EXPECT_TRUE(is_number_or_infinity(param["min"])) << name;
      EXPECT_TRUE(is_number_or_infinity(param["max"])) << name;
      EXPECT_TRUE(param["learnable"].is_boolean());
    }

    const json& pr = entry["properties"];
    EXPECT_EQ(keys_of(pr), (std::set<std::string>{"group", "range", "monotonic", "smoothness",
                                                  "zeroCentred", "saturation", "derivativeAtZero"}))
        << name;
    EXPECT_EQ(pr["group"], entry["group"]);
    ASSERT_TRUE(pr["range"].is_array() && pr["range"].size() == 2) << name;
    EXPECT_TRUE(is_number_or_infinity(pr["range"][0]) && is_number_or_infinity(pr["range"][1]));
    EXPECT_TRUE(pr["monotonic"].is_boolean());
    EXPECT_TRUE(pr["zeroCentred"].is_boolean());
    EXPECT_EQ(std::set<std::string>({"C-inf", "C1", "C0", "discontinuous"}).count(pr["smoothness"]),
              1u);
    EXPECT_EQ(keys_of(pr["saturation"]), (std::set<std::string>{"left", "right"}));
    for (const char* side : {"left", "right"}) {
      EXPECT_EQ(std::set<std::string>({"none", "soft", "hard"}).count(pr["saturation"][side]), 1u);
    }
    EXPECT_TRUE(pr["derivativeAtZero"].is_number()) << name;

    EXPECT_EQ(keys_of(entry["frameworks"]), (std::set<std::string>{"pytorch", "keras", "tfjs"}));
    for (const char* fw : {"pytorch", "keras", "tfjs"}) {
      const json& call = entry["frameworks"][fw];
      EXPECT_TRUE(call.is_null() || (call.is_string() && !call.get<std::string>().empty()))
          << name << " " << fw;
    }
  }
}

TEST(CatalogJson, InfinitiesAreWrittenAsStrings) {
  const json catalog = catalog_to_json();
  const auto entry = [&](const std::string& name) {
    for (const json& e : catalog) {
      if (e["name"] == name) return e;
    }
    throw std::runtime_error("missing " + name);
  };
  EXPECT_EQ(entry("relu")["properties"]["range"], json::parse(R"([0, "inf"])"));
  EXPECT_EQ(entry("identity")["properties"]["range"], json::parse(R"(["-inf", "inf"])"));
  EXPECT_EQ(entry("softplus")["params"][1]["name"], "threshold");
  EXPECT_EQ(entry("softplus")["params"][1]["max"], "inf");
  EXPECT_EQ(entry("softplus")["params"][1]["default"], 20);
  // The whole document is valid strict JSON (no NaN / Infinity literals).
  EXPECT_NO_THROW(json::parse(catalog.dump()));
}

TEST(CatalogJson, ValuesMirrorTheRegistry) {
  const json catalog = catalog_to_json();
  for (std::size_t i = 0; i < catalog.size(); ++i) {
    const Activation& a = all_activations()[i];
    const json& e = catalog[i];
    EXPECT_EQ(e["label"], a.label);
    EXPECT_EQ(e["formula"], a.formula);
    EXPECT_EQ(e["properties"]["monotonic"], a.properties.monotonic);
    EXPECT_EQ(e["properties"]["derivativeAtZero"].get<double>(),
              a.derivative_at(0.0, a.default_params()));
    ASSERT_EQ(e["params"].size(), a.params.size());
    for (std::size_t k = 0; k < a.params.size(); ++k) {
      EXPECT_EQ(e["params"][k]["name"], a.params[k].name);
      EXPECT_EQ(e["params"][k]["default"].get<double>(), a.params[k].default_value);
      EXPECT_EQ(e["params"][k]["learnable"], a.params[k].learnable);
    }
    EXPECT_EQ(e["frameworks"]["pytorch"].is_null(), a.frameworks.pytorch.empty());
  }
}

TEST(CatalogJson, LearnableParametersArePreluAAndSwishBeta) {
  std::set<std::string> learnable;
  for (const json& e : catalog_to_json()) {
    for (const json& p : e["params"]) {
      if (p["learnable"])
        learnable.insert(e["name"].get<std::string>() + "." + p["name"].get<std::string>());
    }
  }
  EXPECT_EQ(learnable, (std::set<std::string>{"prelu.a", "swish.beta"}));
}

TEST(ParamsFromJson, ReadsNumbersAndInfinityStrings) {
  const auto params =
      params_from_json(json::parse(R"({"beta": 2, "threshold": "inf", "x": "-inf"})"));
  EXPECT_EQ(params.at("beta"), 2.0);
  EXPECT_EQ(params.at("threshold"), INFINITY);
  EXPECT_EQ(params.at("x"), -INFINITY);
  EXPECT_TRUE(params_from_json(json::object()).empty());
}

TEST(ParamsFromJson, NullAndNanReadAsNanSoResolveParamsReportsTheRange) {
  const auto params = params_from_json(json::parse(R"({"alpha": null})"));
  EXPECT_TRUE(std::isnan(params.at("alpha")));
  try {
    resolve_params(find_activation("elu"), params);
    FAIL() << "NaN alpha accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()),
              "parameter 'alpha' of activation 'elu' must be in [0, 10], got NaN");
  }
  EXPECT_TRUE(std::isnan(params_from_json(json::parse(R"({"a": "nan"})")).at("a")));
}

TEST(ParamsFromJson, RejectsNonNumbersNamingTheParameter) {
  for (const char* text : {R"({"alpha": "big"})", R"({"alpha": [1]})", R"({"alpha": true})"}) {
    try {
      params_from_json(json::parse(text));
      FAIL() << text;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("'alpha'"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(params_from_json(json::parse("[1, 2]")), std::invalid_argument);
  EXPECT_THROW(params_from_json(json::parse("3")), std::invalid_argument);
}

TEST(NumberToJson, WritesNonFiniteValuesAsStrings) {
  EXPECT_EQ(number_to_json(INFINITY), "inf");
  EXPECT_EQ(number_to_json(-INFINITY), "-inf");
  EXPECT_EQ(number_to_json(NAN), "nan");
  EXPECT_EQ(number_to_json(0.25), 0.25);
}

}  // namespace
}  // namespace ap

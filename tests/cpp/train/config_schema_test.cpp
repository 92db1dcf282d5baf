// config_schema() is what the JS API's configSchema(), the page's URL schema and the
// README's table are derived from, so it must say exactly what parse_config enforces.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "train/config.h"

namespace ap {
namespace {

using nlohmann::json;

bool accepts(const json& config) {
  try {
    parse_config(config);
    return true;
  } catch (const std::invalid_argument&) {
    return false;
  }
}

/// A config that sets `key` to `value`, with the other keys it needs (classes above 2
/// needs a dataset that takes a class count).
json only(const json& key, const json& value) {
  json config = {{key.get<std::string>(), value}};
  if (key == "classes") config["dataset"] = "spiral";
  return config;
}

TEST(ConfigSchema, ListsExactlyTheKeysParseConfigAccepts) {
  std::set<std::string> names;
  for (const json& key : config_schema()) names.insert(key["name"].get<std::string>());
  EXPECT_EQ(names.size(), config_schema().size());
  for (const std::string& name : names) {
    const std::string message = [&] {
      try {
        parse_config(json{{name, nullptr}});
      } catch (const std::invalid_argument& e) {
        return std::string(e.what());
      }
      return std::string();
    }();
    EXPECT_EQ(message.find("unknown key"), std::string::npos) << name << ": " << message;
  }
  EXPECT_FALSE(accepts(json{{"learning_rate", 0.1}}));
}

TEST(ConfigSchema, DefaultsAreWhatAnEmptyConfigGets) {
  const json empty = config_to_json(parse_config(json::object()));
  for (const json& key : config_schema()) {
    const std::string name = key["name"];
    if (name == "data") {
      EXPECT_FALSE(key.contains("default"));
      continue;
    }
    ASSERT_TRUE(key.contains("default")) << name;
    EXPECT_EQ(config_to_json(parse_config(json{{name, key["default"]}})), empty) << name;
  }
}

TEST(ConfigSchema, NumericBoundsAreTheValidationsBounds) {
  for (const json& key : config_schema()) {
    const std::string name = key["name"];
    if (key["type"] != "integer" && key["type"] != "number") continue;
    const double min = key["min"], max = key["max"];
    const double step = key["type"] == "integer" ? 1 : (max - min) * 1e-6;
    if (key.value("minExclusive", false)) {
      EXPECT_FALSE(accepts(only(name, min))) << name;
      EXPECT_TRUE(accepts(only(name, min + step))) << name;
    } else {
      EXPECT_TRUE(accepts(only(name, min))) << name;
      EXPECT_FALSE(accepts(only(name, min - step))) << name;
    }
    EXPECT_FALSE(accepts(only(name, max + step))) << name;
    // batchSize's bound is the largest point count; a configuration's training points limit it further.
    if (name != "batchSize") EXPECT_TRUE(accepts(only(name, max))) << name;
  }
}

TEST(ConfigSchema, EnumValuesAreAcceptedAndNothingElse) {
  for (const json& key : config_schema()) {
    if (key["type"] != "enum") continue;
    const std::string name = key["name"];
    for (const json& value : key["values"]) {
      json config = only(name, value);
      if (value == "custom") config["data"] = {{"x", {0, 1}}, {"y", {0, 1}}, {"label", {0, 1}}};
      EXPECT_TRUE(accepts(config)) << name << " " << value;
    }
    EXPECT_FALSE(accepts(only(name, "not-a-value"))) << name;
  }
}

TEST(ConfigSchema, ListsAndMaxoutHaveTheValidationsBounds) {
  const auto key = [](const std::string& name) {
    for (const json& k : config_schema()) {
      if (k["name"] == name) return k;
    }
    return json();
  };
  const json hidden = key("hidden");
  const int layers = hidden["maxItems"], width = hidden["items"]["max"];
  EXPECT_TRUE(accepts(only("hidden", std::vector<int>(layers, width))));
  EXPECT_FALSE(accepts(only("hidden", std::vector<int>(layers + 1, 1))));
  EXPECT_FALSE(accepts(only("hidden", std::vector<int>{width + 1})));

  const json features = key("features");
  EXPECT_TRUE(accepts(only("features", features["items"]["values"])));
  EXPECT_EQ(features["items"]["values"].size(), features["maxItems"].get<std::size_t>());
  EXPECT_FALSE(accepts(only("features", json::array())));

  const json k = key("activation")["maxout"]["k"];
  const auto maxout = [](const json& pieces) {
    return only("activation", {{"name", "maxout"}, {"params", {{"k", pieces}}}});
  };
  EXPECT_TRUE(accepts(maxout(k["min"])));
  EXPECT_TRUE(accepts(maxout(k["max"])));
  EXPECT_FALSE(accepts(maxout(k["min"].get<int>() - 1)));
  EXPECT_FALSE(accepts(maxout(k["max"].get<int>() + 1)));
  EXPECT_EQ(parse_config(only("activation", "maxout")).activations[0].pieces, k["default"].get<int>());
}

TEST(ConfigSchema, NamesTheMulticlassAndRegressionDatasets) {
  json dataset;
  for (const json& k : config_schema()) {
    if (k["name"] == "dataset") dataset = k;
  }
  EXPECT_EQ(dataset["multiclass"], (json{"gauss", "spiral"}));
  EXPECT_EQ(dataset["regression"], (json{"reg-plane", "reg-gauss"}));
  for (const json& name : dataset["multiclass"]) EXPECT_TRUE(accepts({{"dataset", name}, {"classes", 3}}));
}

}  // namespace
}  // namespace ap

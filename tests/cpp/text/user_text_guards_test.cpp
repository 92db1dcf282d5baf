// The guards on user text (issue 16): echoes in messages are clipped and escaped, and
// JSON nested too deep is refused before any parser recurses over it.
#include "text/format.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "train/trainer.h"

namespace ap {
namespace {

std::string message_of(void (*call)()) {
  try {
    call();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(ClipEcho, KeepsShortTextAndCutsLongTextAtEightyCharacters) {
  EXPECT_EQ(clip_echo("tanh"), "tanh");
  EXPECT_EQ(clip_echo(std::string(80, 'a')), std::string(80, 'a'));
  EXPECT_EQ(clip_echo(std::string(1000000, 'a')), std::string(80, 'a') + "…");
}

TEST(ClipEcho, EscapesControlCharactersSoNothingTruncatesTheMessage) {
  EXPECT_EQ(clip_echo(std::string("ta\0nh", 5)), "ta\\u0000nh");
  EXPECT_EQ(clip_echo("a\nb"), "a\\u000ab");
}

// Found by the model-import fuzzer: the JSON parser quotes what it read, here 300 line breaks
// (each written as "<U+000A>"), so the message grew with the document.
TEST(ClipParseError, AMalformedModelDoesNotMakeAMessageAsLongAsItself) {
  const std::string model = "{" + std::string(300, '\n') + "\"con\nf/";
  std::string message;
  try {
    Trainer::import_model(model);
  } catch (const std::invalid_argument& e) {
    message = e.what();
  }
  EXPECT_NE(message.find("malformed JSON"), std::string::npos) << message;
  EXPECT_LT(message.size(), 400u) << message;
}

TEST(ClipParseError, KeepsAShortParserMessageWhole) {
  const std::string short_message = "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error";
  EXPECT_EQ(clip_parse_error(short_message), short_message);
}

TEST(ClipEcho, NeverSplitsAMultiByteCharacter) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "é";
  std::string expected;
  for (int i = 0; i < 80; ++i) expected += "é";
  EXPECT_EQ(clip_echo(text), expected + "…");
}

TEST(JsonDepth, AcceptsShallowTextAndIgnoresBracketsInsideStrings) {
  EXPECT_NO_THROW(check_json_depth("config", std::string(32, '[') + std::string(32, ']')));
  EXPECT_NO_THROW(check_json_depth("config", "{\"a\": \"" + std::string(100, '[') + "\\\"\"}"));
}

TEST(JsonDepth, RefusesDeepNestingNamingTheField) {
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  try {
    check_json_depth("model", deep);
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "model: nested deeper than 32 arrays/objects");
  }
}

TEST(JsonDepth, GuardsEveryJsonEntryPointOfTheTrainer) {
  EXPECT_EQ(message_of([] { Trainer::from_config_json(std::string(100000, '{')); }),
            "config: nested deeper than 32 arrays/objects");
  EXPECT_EQ(message_of([] { Trainer::import_model(std::string(100000, '[')); }),
            "model: nested deeper than 32 arrays/objects");
  EXPECT_EQ(message_of([] { Trainer::from_config_json("{}")->update("{\"seed\": " + std::string(5000, '[') + "}"); }),
            "update: nested deeper than 32 arrays/objects");
}

TEST(UserTextInMessages, UnknownKeysAndNamesAreClipped) {
  const std::string message = message_of([] { Trainer::from_config_json("{\"" + std::string(100000, 'k') + "\": 1}"); });
  EXPECT_EQ(message.rfind("config." + std::string(80, 'k') + "…: unknown key", 0), 0u) << message.substr(0, 200);
  EXPECT_LT(message.size(), 1000u);
}

TEST(CustomData, RefusesCoordinatesAndLabelsBeyondAMillion) {
  EXPECT_EQ(message_of([] {
              Trainer::from_config_json(
                  R"({"dataset": "custom", "data": {"x": [0, 1e200], "y": [0, 1], "label": [0, 1]}})");
            }),
            "config.data.x[1]: must be a finite number in -1e6..1e6, got 1e+200");
}

}  // namespace
}  // namespace ap

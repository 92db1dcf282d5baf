#pragma once
// The one spelling of numbers in the core's messages, and the guards on user text
// that messages echo or the JSON parser reads.

#include <cstddef>
#include <string>

namespace ap {

/// The shortest form that reads back as the same double, in plain notation for
/// everyday magnitudes ("10", "0.25", "1e-08", "1e+20"), and "inf" / "-inf" / "NaN"
/// ("inf" is also how a configuration or a model writes an infinite parameter).
std::string format_number(double v);

/// `value` as an int; throws std::invalid_argument ("<what>: must be an integer in lo..hi,
/// got …") unless it is an integer in lo..hi. Checked on the double, before any conversion.
int checked_integer(const char* what, double value, int lo, int hi);

/// The longest echo of user text (a name, a key, a JSON value) a message carries.
constexpr std::size_t kEchoLimit = 80;

/// `text` for an error message: at most kEchoLimit characters (longer text is cut and
/// ends with "…"), with control characters such as NUL written as \u0000 so that
/// nothing downstream truncates or garbles the message.
std::string clip_echo(const std::string& text);

/// A JSON parser's message with the text it quotes ("last read: '…'") clipped as clip_echo
/// clips, so a malformed document never makes a message as long as itself.
std::string clip_parse_error(const std::string& message);

/// The deepest nesting of arrays and objects any JSON text given to the core may have.
constexpr int kMaxJsonDepth = 32;

/// Throws std::invalid_argument naming `field` when `text` nests arrays/objects deeper
/// than kMaxJsonDepth. A linear scan before parsing, so hostile input such as
/// "[[[[…" is refused without recursing over it.
void check_json_depth(const std::string& field, const std::string& text);

}  // namespace ap

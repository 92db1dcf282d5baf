#include "text/format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace ap {

std::string format_number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buffer[64];
  int digits = 1;
  for (; digits < 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, v);
  const double magnitude = std::fabs(v);
  // %g switches to an exponent from 1e5 on (or 1e<digits>); integers and decimals
  // up to 1e15 read better written out.
  if (std::strchr(buffer, 'e') != nullptr && magnitude >= 1e-4 && magnitude < 1e15) {
    const int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
    std::snprintf(buffer, sizeof buffer, "%.*f", digits - 1 - exponent > 0 ? digits - 1 - exponent : 0, v);
  }
  return buffer;
}

int checked_integer(const char* what, double value, int lo, int hi) {
  if (!(value >= lo && value <= hi) || value != std::floor(value)) {
    throw std::invalid_argument(std::string(what) + ": must be an integer in " + std::to_string(lo) + ".." +
                                std::to_string(hi) + ", got " + format_number(value));
  }
  return static_cast<int>(value);
}

std::string clip_echo(const std::string& text) {
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // Count UTF-8 lead bytes only, so a multi-byte character is never split.
    if ((c & 0xC0) != 0x80 && shown++ == kEchoLimit) return out + "…";
    if (c < 0x20 || c == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void check_json_depth(const std::string& field, const std::string& text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        throw std::invalid_argument(field + ": nested deeper than " + std::to_string(kMaxJsonDepth) +
                                    " arrays/objects");
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
}

std::string clip_parse_error(const std::string& message) {
  static const std::string kQuoted = "last read: ";
  const std::size_t at = message.find(kQuoted);
  if (at == std::string::npos) return message.size() <= 4 * kEchoLimit ? message : clip_echo(message);
  return message.substr(0, at + kQuoted.size()) + clip_echo(message.substr(at + kQuoted.size()));
}

}  // namespace ap

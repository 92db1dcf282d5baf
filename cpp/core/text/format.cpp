#include "text/format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

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

}  // namespace ap

#pragma once
// The one spelling of numbers in the core's messages.

#include <string>

namespace ap {

/// The shortest form that reads back as the same double, in plain notation for
/// everyday magnitudes ("10", "0.25", "1e-08", "1e+20"), and "inf" / "-inf" / "NaN"
/// ("inf" is also how a configuration or a model writes an infinite parameter).
std::string format_number(double v);

}  // namespace ap

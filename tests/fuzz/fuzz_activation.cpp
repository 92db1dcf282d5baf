// libFuzzer target: activation evaluation with an arbitrary name, parameters and inputs,
// as the binding's evaluate() and criticalPoints() run it.
// Input: "<name>\n<params JSON>\n" then raw bytes read as doubles.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "activations/catalog_json.h"
#include "activations/critical_points.h"
#include "activations/registry.h"

#include "fuzz_check.h"

namespace {

/// Splits off the text up to the next newline (or the end).
std::string take_line(const std::uint8_t*& data, std::size_t& size) {
  const auto* end = static_cast<const std::uint8_t*>(std::memchr(data, '\n', size));
  const std::size_t length = end == nullptr ? size : static_cast<std::size_t>(end - data);
  std::string line(reinterpret_cast<const char*>(data), length);
  const std::size_t used = end == nullptr ? size : length + 1;
  data += used;
  size -= used;
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name = take_line(data, size);
  const std::string params_text = take_line(data, size);
  std::vector<double> x(size / sizeof(double));
  if (!x.empty()) std::memcpy(x.data(), data, x.size() * sizeof(double));
  try {
    const ap::Activation& activation = ap::find_activation(name);
    const ap::ParamValues params = ap::parse_params(activation, params_text);
    std::vector<double> y(x.size()), dy(x.size()), dparam(x.size());
    activation.forward(x.data(), y.data(), x.size(), params);
    activation.derivative(x.data(), y.data(), dy.data(), x.size(), params);
    if (activation.param_derivative != nullptr) {
      for (int k = 0; k < static_cast<int>(activation.params.size()); ++k) {
        if (activation.params[k].learnable) activation.param_derivative(x.data(), y.data(), k, dparam.data(), x.size(), params);
      }
    }
    if (x.size() >= 2 && std::isfinite(x[0]) && std::isfinite(x[1]) && x[0] < x[1]) {
      for (const double p : ap::critical_points(activation, params, x[0], x[1])) {
        ap_fuzz::check(p >= x[0] && p <= x[1], "a critical point lies outside [lo, hi]");
      }
    }
  } catch (const std::invalid_argument& error) {
    ap_fuzz::check_error_length(error);
  }
  return 0;
}

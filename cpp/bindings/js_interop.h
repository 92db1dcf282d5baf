#pragma once
// Conversions between JS values and C++ containers, and the guard that turns a
// C++ exception into a JS Error carrying its message. Arrays cross in bulk:
// inputs are copied in once, outputs are copied out of a typed_memory_view.

#include <emscripten/val.h>

#include <cstdint>
#include <exception>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "text/core_error.h"

namespace ap::bindings {

using emscripten::val;

/// Copies a JS array or typed array of numbers into a vector.
inline std::vector<double> to_doubles(const val& array) {
  return emscripten::convertJSArrayToNumberVector<double>(array);
}

/// A fresh JS typed array holding a copy of `values`, a contiguous container (std::vector
/// or a row-major xt::xtensor, flattened), safe across memory growth.
template <typename Container>
val to_typed_array(const Container& values) {
  return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}

/// The JS Error for a C++ exception: its message, and for a CoreError also `code` and
/// `details` (a plain object of its fields), so callers can act on it or translate it.
inline val js_error(const std::exception& error) {
  val js = val::global("Error").new_(std::string(error.what()));
  if (const auto* core = dynamic_cast<const CoreError*>(&error)) {
    val details = val::object();
    for (const auto& field : core->details()) {
      const std::string& key = field.first;
      std::visit([&details, &key](const auto& v) { details.set(key, v); }, field.second);
    }
    js.set("code", core->code());
    js.set("details", details);
  }
  return js;
}

/// Runs `body`; a C++ exception becomes a thrown JS Error with the same message,
/// so the caller sees a readable error and the module stays usable.
template <typename Body>
auto guarded(Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& error) {
    js_error(error).throw_();
  } catch (...) {
    val::global("Error").new_(std::string("internal error in the activation core")).throw_();
  }
  // throw_() does not return; this keeps the compiler's flow analysis happy.
  std::terminate();
}

}  // namespace ap::bindings

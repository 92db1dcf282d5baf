#pragma once
// Conversions between JS values and C++ containers, and the guard that turns a
// C++ exception into a JS Error carrying its message (handed to web/lib, not thrown). Arrays cross in bulk:
// inputs are copied in once, outputs are copied out of a typed_memory_view.

#include <emscripten/val.h>

#include <cstdint>
#include <exception>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>
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

/// The error of the last call that failed, until web/lib takes it (takeError()).
inline val& pending_error() {
  static val error = val::null();
  return error;
}

/// A JS Error carrying a C++ exception's message; allocation failures name themselves
/// instead of saying "std::bad_alloc" or "vector". A CoreError also gives `code` and
/// `details` (a plain object of its fields), so callers can act on it or translate it.
inline val js_error_of(const std::exception* error) {
  std::string message;
  if (dynamic_cast<const std::bad_alloc*>(error) != nullptr || dynamic_cast<const std::length_error*>(error) != nullptr) {
    message = "out of memory: the request needs more memory than the core can allocate (at most 2 GB)";
  } else if (error != nullptr) {
    message = error->what();
  } else {
    message = "internal error in the activation core";
  }
  val js = val::global("Error").new_(message);
  if (const auto* core = dynamic_cast<const CoreError*>(error)) {
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

/// What a failed call returns; web/lib throws the pending error instead of using it.
template <typename T>
T failure_value() {
  if constexpr (std::is_same_v<T, val>) {
    return val::undefined();
  } else {
    return T{};
  }
}

/// Runs `body`. A C++ exception is not thrown into JS from here: an exception that
/// leaves a bound function skips Embind's clean-up of the arguments (every string and
/// JSON argument would leak). It is stored instead and the call returns normally;
/// web/lib's safe call takes it (takeError()) and throws it, so the module stays usable
/// and nothing leaks.
template <typename Body>
auto guarded(Body&& body) -> decltype(body()) {
  using Result = decltype(body());
  try {
    return body();
  } catch (const std::exception& error) {
    pending_error() = js_error_of(&error);
  } catch (...) {
    pending_error() = js_error_of(nullptr);
  }
  if constexpr (!std::is_void_v<Result>) return failure_value<Result>();
}

}  // namespace ap::bindings

#pragma once
// An error a person can read and a program can act on.

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ap {

/// A validation error: what() is the English message as before; code() is machine-readable
/// ("param-out-of-range") and details() names its fields ({param: "alpha", min: 0, max: 10,
/// value: 12}), so a caller can write the message in its reader's language. Still an
/// std::invalid_argument, so every existing catch and test keeps working.
class CoreError : public std::invalid_argument {
 public:
  using Value = std::variant<double, std::string>;
  using Details = std::vector<std::pair<std::string, Value>>;

  CoreError(const std::string& message, std::string code, Details details)
      : std::invalid_argument(message), code_(std::move(code)), details_(std::move(details)) {}

  const std::string& code() const noexcept { return code_; }
  const Details& details() const noexcept { return details_; }

 private:
  std::string code_;
  Details details_;
};

}  // namespace ap

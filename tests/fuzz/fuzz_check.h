// Shared by the libFuzzer targets: an invariant that aborts the run when broken (so
// libFuzzer keeps the input), the bound every error message must keep, and the refusal
// that checks it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <stdexcept>

namespace ap_fuzz {

inline void check(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

/// A refusal's message stays short, whatever the input.
inline void check_error_length(const std::exception& error) {
  check(std::strlen(error.what()) < 2000, "an error message longer than 2000 characters");
}

/// Runs `body`; true when it refused its input (std::invalid_argument, whose message
/// must stay short), false when it ran through.
template <typename Body>
bool refuses(Body&& body) {
  try {
    body();
  } catch (const std::invalid_argument& error) {
    check_error_length(error);
    return true;
  }
  return false;
}

}  // namespace ap_fuzz

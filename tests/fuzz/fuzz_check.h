// Shared by the libFuzzer targets: an invariant that aborts the run when broken (so
// libFuzzer keeps the input), and the bound every error message must keep.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

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

}  // namespace ap_fuzz

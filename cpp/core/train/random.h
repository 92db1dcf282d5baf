#pragma once
// The one source of randomness: a seeded SplitMix64 stream with our own uniform
// and normal draws. std::*_distribution is avoided on purpose: libstdc++ (native)
// and libc++ (wasm) map the same engine output to different numbers.

#include <cmath>
#include <cstdint>
#include <vector>

namespace ap {

class Rng {
 public:
  /// `stream` separates independent uses of one user seed (data, weights, batches).
  explicit Rng(std::uint64_t seed, std::uint64_t stream = 0)
      : state_(seed * 0x9E3779B97F4A7C15ULL + stream * 0xD1B54A32D192ED03ULL + 0x632BE59BD9B4E019ULL) {}

  std::uint64_t next_u64() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  /// Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

  /// Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  /// Uniform integer in [0, n); n > 0. Multiply-shift keeps the bias below 2^-32.
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next_u64() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }

  /// Standard normal by the Box-Muller transform (both libm calls are correctly
  /// rounded enough that native and wasm agree to the last few ulp).
  double normal(double mean = 0, double sd = 1) {
    if (has_spare_) {
      has_spare_ = false;
      return mean + sd * spare_;
    }
    double u1 = 0;
    while (u1 <= 0) u1 = uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 6.283185307179586 * u2;
    spare_ = radius * std::sin(angle);
    has_spare_ = true;
    return mean + sd * radius * std::cos(angle);
  }

 private:
  std::uint64_t state_;
  double spare_ = 0;
  bool has_spare_ = false;
};

/// Fisher-Yates shuffle of [first, first + n) driven by `rng`.
template <typename T>
void shuffle_in_place(T* first, std::uint32_t n, Rng& rng) {
  for (std::uint32_t i = n; i > 1; --i) {
    const std::uint32_t j = rng.below(i);
    T tmp = first[i - 1];
    first[i - 1] = first[j];
    first[j] = tmp;
  }
}

/// 0, 1, ..., n - 1 in the order of a Fisher-Yates shuffle driven by `rng`.
inline std::vector<std::uint32_t> random_permutation(std::uint32_t n, Rng& rng) {
  std::vector<std::uint32_t> order(n);
  for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
  shuffle_in_place(order.data(), n, rng);
  return order;
}

}  // namespace ap

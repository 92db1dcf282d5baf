#pragma once
// Float32 tanh and sigmoid for the display path only (decision-boundary and
// neuron grids, which are drawn as float32 colours). Training, losses and
// `evaluate` never use these; see math/fast_activation.h for the double kernels.
//
// Method: the float analogue of fast_activation.h. expm1(t) by range reduction
// t = k ln2 + r, |r| <= ln2/2 (ln 2 split into a 15-bit head and a tail, so k ln2hi
// is exact), a degree-7 Taylor polynomial for expm1(r) (truncation < 1.7e-8
// relative) and reconstruction 2^k expm1(r) + (2^k - 1). tanh(x) = e / (e + 2) with
// e = expm1(2x), 2x clamped to [-20, 20] (beyond, tanh rounds to +-1 in float);
// sigmoid(x) = 1 / (1 + e^{-x}), -x clamped to [-87, 88].
//
// Worst-case error measured against a long-double reference over 2 * 10^6 points
// (tests/cpp/math/display_activation_test.cpp): tanh <= 2.5 float ulp (2.49 measured,
// near x = -4.23) on [-20, 20] and in every binade of tiny magnitudes; sigmoid
// <= 2.5 float ulp (2.48 measured, near x = -16.6) on [-87, 87]. That is below
// 1.5e-7 relative, invisible in a colour with 8 bits per channel.
// NaN in gives NaN out; tanh(+-inf) = +-1, sigmoid(+inf) = 1, sigmoid(-inf) = e^-88 (< 1e-37).

#include <cstddef>

#include "math/f32x4.h"

namespace ap::math {

namespace display_detail {

using simd::F32x4;

inline constexpr float kLog2e = 1.44269504088896341f;
inline constexpr float kLn2Hi = 0.693145751953125f;  // 15 significant bits
inline constexpr float kLn2Lo = 1.42860676533018704e-06f;
/// Adding 1.5 * 2^23 rounds to an integer, which then sits in the low mantissa bits.
inline constexpr float kShifter = 0x1.8p23f;

/// Splits t into scale = 2^k and em = expm1(r); |k| <= 127 - 1 keeps 2^k normal.
inline void reduce(F32x4 t, F32x4& scale, F32x4& em) {
  F32x4 kd = t * simd::splat4(kLog2e) + simd::splat4(kShifter);
  scale = simd::bits_add_shl23(kd, 127);
  kd = kd - simd::splat4(kShifter);
  const F32x4 r = (t - kd * simd::splat4(kLn2Hi)) - kd * simd::splat4(kLn2Lo);
  // expm1(r) = r + r^2 (1/2 + r/6 + r^2/24 + r^3/120 + r^4/720 + r^5/5040), Estrin's scheme.
  const F32x4 r2 = r * r;
  const F32x4 q0 = simd::splat4(1.0f / 2.0f) + r * simd::splat4(1.0f / 6.0f);
  const F32x4 q1 = simd::splat4(1.0f / 24.0f) + r * simd::splat4(1.0f / 120.0f);
  const F32x4 q2 = simd::splat4(1.0f / 720.0f) + r * simd::splat4(1.0f / 5040.0f);
  const F32x4 p = q0 + r2 * (q1 + r2 * q2);
  em = r + r2 * p;
}

inline F32x4 tanh4(F32x4 x) {
  const F32x4 t = simd::clamp_below(simd::clamp_above(x + x, simd::splat4(20.0f)), simd::splat4(-20.0f));
  F32x4 scale, em;
  reduce(t, scale, em);
  const F32x4 e = scale * em + (scale - simd::splat4(1.0f));
  return e / (e + simd::splat4(2.0f));
}

inline F32x4 sigmoid4(F32x4 x) {
  const F32x4 t =
      simd::clamp_below(simd::clamp_above(simd::splat4(0.0f) - x, simd::splat4(88.0f)), simd::splat4(-87.0f));
  F32x4 scale, em;
  reduce(t, scale, em);
  return simd::splat4(1.0f) / (simd::splat4(1.0f) + (scale + scale * em));
}

/// y[i] = f(x[i]); the last n % 4 values go through a padded vector. Two vectors
/// per iteration let V8 overlap the two dependency chains.
template <class F>
inline void map4(const float* x, float* y, std::size_t n, F f) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const simd::F32x4 a = f(simd::load(x + i));
    const simd::F32x4 b = f(simd::load(x + i + 4));
    simd::store(y + i, a);
    simd::store(y + i + 4, b);
  }
  for (; i + 4 <= n; i += 4) simd::store(y + i, f(simd::load(x + i)));
  if (i < n) {
    float in[4] = {0, 0, 0, 0}, out[4];
    for (std::size_t k = i; k < n; ++k) in[k - i] = x[k];
    simd::store(out, f(simd::load(in)));
    for (std::size_t k = i; k < n; ++k) y[k] = out[k - i];
  }
}

}  // namespace display_detail

/// y[i] = tanh(x[i]) to <= 2.5 float ulp.
inline void display_tanh_n(const float* x, float* y, std::size_t n) {
  display_detail::map4(x, y, n, display_detail::tanh4);
}

/// y[i] = sigmoid(x[i]) to <= 2.5 float ulp.
inline void display_sigmoid_n(const float* x, float* y, std::size_t n) {
  display_detail::map4(x, y, n, display_detail::sigmoid4);
}

}  // namespace ap::math

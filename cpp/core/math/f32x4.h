#pragma once
// A four-lane float vector for the display path (decision-boundary and neuron
// grids), mapped onto SSE (the x86-64 baseline) natively and SIMD128 in wasm.
// Both are four IEEE floats wide without FMA, so a kernel written with these
// operations gives the same results natively and in wasm. Without either
// instruction set, F32x4 falls back to four plain floats.
//
// Why a second vector type: a grid is drawn in float32 anyway, and four lanes of
// float do twice the work of math/f64x2.h's two lanes of double per instruction.

#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define AP_F32X4_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define AP_F32X4_SSE2 1
#endif

namespace ap::simd {

#if defined(AP_F32X4_WASM)

struct F32x4 {
  v128_t v;
};
inline F32x4 load(const float* p) { return {wasm_v128_load(p)}; }
inline void store(float* p, F32x4 a) { wasm_v128_store(p, a.v); }
inline F32x4 splat4(float x) { return {wasm_f32x4_splat(x)}; }
inline F32x4 load_splat(const float* p) { return {wasm_v128_load32_splat(p)}; }
inline F32x4 operator+(F32x4 a, F32x4 b) { return {wasm_f32x4_add(a.v, b.v)}; }
inline F32x4 operator-(F32x4 a, F32x4 b) { return {wasm_f32x4_sub(a.v, b.v)}; }
inline F32x4 operator*(F32x4 a, F32x4 b) { return {wasm_f32x4_mul(a.v, b.v)}; }
inline F32x4 operator/(F32x4 a, F32x4 b) { return {wasm_f32x4_div(a.v, b.v)}; }
/// lim < a ? lim : a, lane-wise (a NaN lane stays NaN).
inline F32x4 clamp_above(F32x4 a, F32x4 lim) { return {wasm_f32x4_pmin(a.v, lim.v)}; }
/// a < lim ? lim : a, lane-wise (a NaN lane stays NaN).
inline F32x4 clamp_below(F32x4 a, F32x4 lim) { return {wasm_f32x4_pmax(a.v, lim.v)}; }
/// Reinterprets the lanes' bits as integers, adds `add` and shifts left by 23.
inline F32x4 bits_add_shl23(F32x4 a, std::int32_t add) {
  return {wasm_i32x4_shl(wasm_i32x4_add(a.v, wasm_i32x4_splat(add)), 23)};
}
/// Lane-wise a > b ? a : b, NaN in b winning (maxout: a NaN piece propagates).
inline F32x4 max_nan(F32x4 a, F32x4 b) {
  const v128_t take_b = wasm_v128_or(wasm_f32x4_gt(b.v, a.v), wasm_f32x4_ne(b.v, b.v));
  return {wasm_v128_bitselect(b.v, a.v, take_b)};
}

#elif defined(AP_F32X4_SSE2)

struct F32x4 {
  __m128 v;
};
inline F32x4 load(const float* p) { return {_mm_loadu_ps(p)}; }
inline void store(float* p, F32x4 a) { _mm_storeu_ps(p, a.v); }
inline F32x4 splat4(float x) { return {_mm_set1_ps(x)}; }
inline F32x4 load_splat(const float* p) { return {_mm_load1_ps(p)}; }
inline F32x4 operator+(F32x4 a, F32x4 b) { return {_mm_add_ps(a.v, b.v)}; }
inline F32x4 operator-(F32x4 a, F32x4 b) { return {_mm_sub_ps(a.v, b.v)}; }
inline F32x4 operator*(F32x4 a, F32x4 b) { return {_mm_mul_ps(a.v, b.v)}; }
inline F32x4 operator/(F32x4 a, F32x4 b) { return {_mm_div_ps(a.v, b.v)}; }
// minps(x, y) = x < y ? x : y and returns y when a lane is NaN.
inline F32x4 clamp_above(F32x4 a, F32x4 lim) { return {_mm_min_ps(lim.v, a.v)}; }
inline F32x4 clamp_below(F32x4 a, F32x4 lim) { return {_mm_max_ps(lim.v, a.v)}; }
inline F32x4 bits_add_shl23(F32x4 a, std::int32_t add) {
  const __m128i i = _mm_add_epi32(_mm_castps_si128(a.v), _mm_set1_epi32(add));
  return {_mm_castsi128_ps(_mm_slli_epi32(i, 23))};
}
inline F32x4 max_nan(F32x4 a, F32x4 b) {
  const __m128 take_b = _mm_or_ps(_mm_cmpgt_ps(b.v, a.v), _mm_cmpunord_ps(b.v, b.v));
  return {_mm_or_ps(_mm_and_ps(take_b, b.v), _mm_andnot_ps(take_b, a.v))};
}

#else

struct F32x4 {
  float l[4];
};
inline F32x4 load(const float* p) { return {{p[0], p[1], p[2], p[3]}}; }
inline void store(float* p, F32x4 a) { std::memcpy(p, a.l, sizeof a.l); }
inline F32x4 splat4(float x) { return {{x, x, x, x}}; }
inline F32x4 load_splat(const float* p) { return splat4(*p); }
template <class Op>
inline F32x4 lanewise(F32x4 a, F32x4 b, Op op) {
  return {{op(a.l[0], b.l[0]), op(a.l[1], b.l[1]), op(a.l[2], b.l[2]), op(a.l[3], b.l[3])}};
}
inline F32x4 operator+(F32x4 a, F32x4 b) {
  return lanewise(a, b, [](float x, float y) { return x + y; });
}
inline F32x4 operator-(F32x4 a, F32x4 b) {
  return lanewise(a, b, [](float x, float y) { return x - y; });
}
inline F32x4 operator*(F32x4 a, F32x4 b) {
  return lanewise(a, b, [](float x, float y) { return x * y; });
}
inline F32x4 operator/(F32x4 a, F32x4 b) {
  return lanewise(a, b, [](float x, float y) { return x / y; });
}
inline F32x4 clamp_above(F32x4 a, F32x4 lim) {
  return lanewise(a, lim, [](float x, float m) { return m < x ? m : x; });
}
inline F32x4 clamp_below(F32x4 a, F32x4 lim) {
  return lanewise(a, lim, [](float x, float m) { return x < m ? m : x; });
}
inline F32x4 bits_add_shl23(F32x4 a, std::int32_t add) {
  F32x4 r;
  for (int k = 0; k < 4; ++k) {
    std::uint32_t u;
    std::memcpy(&u, &a.l[k], sizeof u);
    u = (u + static_cast<std::uint32_t>(add)) << 23;
    std::memcpy(&r.l[k], &u, sizeof u);
  }
  return r;
}
inline F32x4 max_nan(F32x4 a, F32x4 b) {
  return lanewise(a, b, [](float x, float y) { return (y > x || y != y) ? y : x; });
}

#endif

}  // namespace ap::simd

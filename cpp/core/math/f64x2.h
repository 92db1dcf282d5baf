#pragma once
// A two-lane double vector for the trainer's hot kernels, mapped onto the SIMD
// both builds share: SSE2 (the x86-64 baseline) natively and SIMD128 in wasm.
// Both are exactly two IEEE doubles wide and neither has FMA, so a kernel written
// once with these operations gives bit-identical results natively and in wasm.
// Why not leave it to the auto-vectoriser: clang's wasm output for the fast tanh
// scalarised copysign and kept every constant inline, running ~1.3x slower than
// the same algorithm written with these operations; GCC needs -fno-trapping-math
// to vectorise the clamps at all.
//
// Without either instruction set, F64x2 falls back to two plain doubles.

#include <cstdint>
#include <cstring>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define AP_F64X2_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define AP_F64X2_SSE2 1
#endif

namespace ap::simd {

#if defined(AP_F64X2_WASM)

struct F64x2 {
  v128_t v;
};
inline F64x2 load(const double* p) { return {wasm_v128_load(p)}; }
inline void store(double* p, F64x2 a) { wasm_v128_store(p, a.v); }
inline F64x2 splat(double x) { return {wasm_f64x2_splat(x)}; }
inline F64x2 load_splat(const double* p) { return {wasm_v128_load64_splat(p)}; }
inline F64x2 operator+(F64x2 a, F64x2 b) { return {wasm_f64x2_add(a.v, b.v)}; }
inline F64x2 operator-(F64x2 a, F64x2 b) { return {wasm_f64x2_sub(a.v, b.v)}; }
inline F64x2 operator*(F64x2 a, F64x2 b) { return {wasm_f64x2_mul(a.v, b.v)}; }
inline F64x2 operator/(F64x2 a, F64x2 b) { return {wasm_f64x2_div(a.v, b.v)}; }
/// lim < a ? lim : a, lane-wise (a NaN lane stays NaN).
inline F64x2 clamp_above(F64x2 a, F64x2 lim) { return {wasm_f64x2_pmin(a.v, lim.v)}; }
/// a < lim ? lim : a, lane-wise (a NaN lane stays NaN).
inline F64x2 clamp_below(F64x2 a, F64x2 lim) { return {wasm_f64x2_pmax(a.v, lim.v)}; }
/// Reinterprets the lanes' bits as integers, adds `add` and shifts left by 52.
inline F64x2 bits_add_shl52(F64x2 a, std::int64_t add) {
  return {wasm_i64x2_shl(wasm_i64x2_add(a.v, wasm_i64x2_splat(add)), 52)};
}
inline double lane0(F64x2 a) { return wasm_f64x2_extract_lane(a.v, 0); }
inline double lane1(F64x2 a) { return wasm_f64x2_extract_lane(a.v, 1); }
inline F64x2 abs(F64x2 a) { return {wasm_f64x2_abs(a.v)}; }
/// Lane-wise a < b ? x : y.
inline F64x2 select_lt(F64x2 a, F64x2 b, F64x2 x, F64x2 y) {
  return {wasm_v128_bitselect(x.v, y.v, wasm_f64x2_lt(a.v, b.v))};
}

#elif defined(AP_F64X2_SSE2)

struct F64x2 {
  __m128d v;
};
inline F64x2 load(const double* p) { return {_mm_loadu_pd(p)}; }
inline void store(double* p, F64x2 a) { _mm_storeu_pd(p, a.v); }
inline F64x2 splat(double x) { return {_mm_set1_pd(x)}; }
inline F64x2 load_splat(const double* p) { return {_mm_load1_pd(p)}; }
inline F64x2 operator+(F64x2 a, F64x2 b) { return {_mm_add_pd(a.v, b.v)}; }
inline F64x2 operator-(F64x2 a, F64x2 b) { return {_mm_sub_pd(a.v, b.v)}; }
inline F64x2 operator*(F64x2 a, F64x2 b) { return {_mm_mul_pd(a.v, b.v)}; }
inline F64x2 operator/(F64x2 a, F64x2 b) { return {_mm_div_pd(a.v, b.v)}; }
// minpd(x, y) = x < y ? x : y and returns y when a lane is NaN.
inline F64x2 clamp_above(F64x2 a, F64x2 lim) { return {_mm_min_pd(lim.v, a.v)}; }
inline F64x2 clamp_below(F64x2 a, F64x2 lim) { return {_mm_max_pd(lim.v, a.v)}; }
inline F64x2 bits_add_shl52(F64x2 a, std::int64_t add) {
  const __m128i i = _mm_add_epi64(_mm_castpd_si128(a.v), _mm_set1_epi64x(add));
  return {_mm_castsi128_pd(_mm_slli_epi64(i, 52))};
}
inline double lane0(F64x2 a) { return _mm_cvtsd_f64(a.v); }
inline double lane1(F64x2 a) { return _mm_cvtsd_f64(_mm_unpackhi_pd(a.v, a.v)); }
inline F64x2 abs(F64x2 a) { return {_mm_andnot_pd(_mm_set1_pd(-0.0), a.v)}; }
inline F64x2 select_lt(F64x2 a, F64x2 b, F64x2 x, F64x2 y) {
  const __m128d m = _mm_cmplt_pd(a.v, b.v);
  return {_mm_or_pd(_mm_and_pd(m, x.v), _mm_andnot_pd(m, y.v))};
}

#else

struct F64x2 {
  double a, b;
};
inline F64x2 load(const double* p) { return {p[0], p[1]}; }
inline void store(double* p, F64x2 x) {
  p[0] = x.a;
  p[1] = x.b;
}
inline F64x2 splat(double x) { return {x, x}; }
inline F64x2 load_splat(const double* p) { return {*p, *p}; }
inline F64x2 operator+(F64x2 x, F64x2 y) { return {x.a + y.a, x.b + y.b}; }
inline F64x2 operator-(F64x2 x, F64x2 y) { return {x.a - y.a, x.b - y.b}; }
inline F64x2 operator*(F64x2 x, F64x2 y) { return {x.a * y.a, x.b * y.b}; }
inline F64x2 operator/(F64x2 x, F64x2 y) { return {x.a / y.a, x.b / y.b}; }
inline F64x2 clamp_above(F64x2 x, F64x2 lim) { return {lim.a < x.a ? lim.a : x.a, lim.b < x.b ? lim.b : x.b}; }
inline F64x2 clamp_below(F64x2 x, F64x2 lim) { return {x.a < lim.a ? lim.a : x.a, x.b < lim.b ? lim.b : x.b}; }
inline double bits_add_shl52_1(double x, std::int64_t add) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  u = (u + static_cast<std::uint64_t>(add)) << 52;
  double r;
  std::memcpy(&r, &u, sizeof r);
  return r;
}
inline F64x2 bits_add_shl52(F64x2 x, std::int64_t add) {
  return {bits_add_shl52_1(x.a, add), bits_add_shl52_1(x.b, add)};
}
inline double lane0(F64x2 x) { return x.a; }
inline double lane1(F64x2 x) { return x.b; }
inline F64x2 abs(F64x2 x) { return {x.a < 0 ? -x.a : x.a, x.b < 0 ? -x.b : x.b}; }
inline F64x2 select_lt(F64x2 a, F64x2 b, F64x2 x, F64x2 y) { return {a.a < b.a ? x.a : y.a, a.b < b.b ? x.b : y.b}; }

#endif

}  // namespace ap::simd

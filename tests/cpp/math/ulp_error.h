#pragma once
// Error in units of the last place, and a running worst case, for the sweeps of
// the fast (double) and display (float) activation kernels.

#include <cmath>
#include <limits>

namespace ap::test_support {

/// |got - ref| in units of the last place of the T nearest to ref (subnormal
/// spacing below the smallest normal T).
template <class T>
double ulp_error(T got, long double ref) {
  const T r = static_cast<T>(ref);
  if (r == 0) return got == 0 ? 0 : std::numeric_limits<double>::infinity();
  int e = 0;
  std::frexp(r, &e);
  constexpr int digits = std::numeric_limits<T>::digits;
  long double ulp = std::ldexp(1.0L, e - digits);
  if (std::fabs(r) < std::numeric_limits<T>::min())
    ulp = std::ldexp(1.0L, std::numeric_limits<T>::min_exponent - digits);
  return static_cast<double>(std::fabs(static_cast<long double>(got) - ref) / ulp);
}

/// The worst error seen and where.
template <class T>
struct Sweep {
  double worst = 0;
  T at = 0;
  void add(T x, double err) {
    if (err > worst) {
      worst = err;
      at = x;
    }
  }
};

}  // namespace ap::test_support

#include "activations/critical_points.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>

namespace ap {
namespace {

constexpr int kGridIntervals = 4096;

int sign_of(double d) { return d > 0 ? 1 : (d < 0 ? -1 : 0); }

/// Bisects on the sign of f' between a (sign sa) and b (sign -sa) down to
/// adjacent doubles and returns the end with the smaller |f'|.
double bisect(const Activation& activation, const ParamValues& p, double a, double b, int sa) {
  double da = activation.derivative_at(a, p);
  double db = activation.derivative_at(b, p);
  for (;;) {
    const double mid = a + (b - a) / 2;
    if (!(mid > a && mid < b)) break;
    const double dm = activation.derivative_at(mid, p);
    const int sm = sign_of(dm);
    if (sm == 0) return mid;
    if (sm == sa) {
      a = mid;
      da = dm;
    } else {
      b = mid;
      db = dm;
    }
  }
  return std::fabs(da) <= std::fabs(db) ? a : b;
}

}  // namespace

std::vector<double> critical_points(const Activation& activation, const ParamValues& p, double lo,
                                    double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi)) {
    throw std::invalid_argument("critical points: lo and hi must be finite numbers with lo < hi");
  }
  std::vector<double> xs;
  xs.reserve(2 * kGridIntervals + 3);
  // hi / N - lo / N rather than (hi - lo) / N, which overflows for |lo|, |hi| ~ 1e308.
  const double step = hi / kGridIntervals - lo / kGridIntervals;
  // A second grid uniform in asinh(x) stays dense near 0 however wide [lo, hi] is, so
  // SiLU's minimum at -1.28 is found in [-1e9, 5] or [-1e308, 1e308] too.
  const double t_lo = std::asinh(lo), t_step = (std::asinh(hi) - t_lo) / kGridIntervals;
  for (int i = 0; i <= kGridIntervals; ++i) {
    xs.push_back(i == kGridIntervals ? hi : lo + i * step);
    xs.push_back(std::fmin(hi, std::fmax(lo, i == kGridIntervals ? hi : std::sinh(t_lo + i * t_step))));
  }
  // Insert x = 0 exactly: symmetric functions have their isolated zeros there.
  if (lo < 0 && hi > 0) xs.push_back(0.0);
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  std::vector<double> ys(xs.size()), ds(xs.size());
  activation.forward(xs.data(), ys.data(), xs.size(), p);
  activation.derivative(xs.data(), ys.data(), ds.data(), xs.size(), p);

  std::vector<double> found;
  const std::size_t n = xs.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const int s0 = sign_of(ds[i]);
    const int s1 = sign_of(ds[i + 1]);
    if (s0 != 0 && s1 == -s0) {
      found.push_back(bisect(activation, p, xs[i], xs[i + 1], s0));
    } else if (s0 != 0 && s1 == 0 && i + 2 < n && sign_of(ds[i + 2]) != 0) {
      found.push_back(xs[i + 1]);
    }
  }
  return found;
}

}  // namespace ap

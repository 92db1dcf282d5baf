#pragma once
// Critical points of an activation: where its slope vanishes or changes sign.

#include <vector>

#include "activations/activation.h"

namespace ap {

/// The critical points of `activation` (with parameters `p`) inside [lo, hi],
/// in increasing order.
///
/// Rule. Let s(x) = sign f'(x) in {-1, 0, +1}, sampled on the union of a uniform grid
/// of 4096 intervals over [lo, hi] and a grid of 4096 intervals uniform in asinh(x)
/// (dense near 0 however wide the range), plus x = 0 when it lies inside. A point is
/// critical if
///  (a) s changes strictly between neighbouring samples (-1 to +1 or +1 to -1);
///      the crossing is then located by bisection on s down to adjacent doubles
///      and the end with the smaller |f'| is reported (so a sign change at a kink,
///      e.g. PReLU with a < 0 at x = 0, is reported exactly at the kink); or
///  (b) a single interior sample has f' = 0 exactly while both neighbours are
///      non-zero (an isolated zero, with or without a sign change, e.g.
///      tanhshrink's f' = tanh^2 x at x = 0).
/// Runs of two or more zero samples are flat (saturated) intervals, e.g. ReLU's
/// left half or hardtanh beyond its bounds: neither they nor their ends are
/// critical points. Two critical points closer than one grid step may be missed.
///
/// Throws std::invalid_argument unless lo and hi are finite with lo < hi.
std::vector<double> critical_points(const Activation& activation, const ParamValues& p, double lo,
                                    double hi);

}  // namespace ap

#pragma once
// Maxout: each output unit is the maximum of k consecutive pieces. The gradient
// is routed to the FIRST piece attaining the maximum (ties are not split).

#include <cstddef>

namespace ap {

/// For each unit j < units: y[j] = max_{i<k} z[j k + i] and winner[j] = the first
/// i attaining it. A NaN piece wins (and y[j] = NaN), so NaN propagates.
/// Requires k >= 1.
void maxout(const double* z, std::size_t units, std::size_t k, double* y, std::size_t* winner);

/// dz[j k + i] = dy[j] if i == winner[j], else 0.
void maxout_backward(const double* dy, const std::size_t* winner, std::size_t units, std::size_t k,
                     double* dz);

}  // namespace ap

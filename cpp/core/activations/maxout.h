#pragma once
// Maxout: each output unit is the maximum of k pieces. The gradient is routed to
// the FIRST piece attaining the maximum (ties are not split). One kernel serves the
// golden tests, the trainer (double) and the display grids (float).
//
// Layout, for n points: piece p of unit j at point b is z[(j k + p) n + b]; the
// output and the winning piece of unit j at point b are y[j n + b], winner[j n + b].
// With n = 1 this is one vector of units x k consecutive pieces.

#include <cstddef>
#include <cstdint>
#include <string>

#include "activations/activation.h"

namespace ap {

/// y = max over the k pieces, winner = the first piece attaining it. A NaN piece
/// wins over every later piece (and y = NaN), so NaN propagates. Requires
/// 1 <= k <= 256; `winner` may be null (display grids).
template <class T>
void maxout(const T* z, std::size_t units, std::size_t k, std::size_t n, T* y, std::uint8_t* winner) {
  for (std::size_t j = 0; j < units; ++j) {
    const T* zj = z + j * k * n;
    T* yj = y + j * n;
    std::uint8_t* wj = winner == nullptr ? nullptr : winner + j * n;
    for (std::size_t b = 0; b < n; ++b) yj[b] = zj[b];
    if (wj != nullptr) {
      for (std::size_t b = 0; b < n; ++b) wj[b] = 0;
    }
    for (std::size_t p = 1; p < k; ++p) {
      const T* zp = zj + p * n;
      for (std::size_t b = 0; b < n; ++b) {
        // Strictly greater keeps the first of tied maxima; a NaN piece takes over
        // only from a number, so the first NaN stays.
        const bool take = zp[b] > yj[b] || (zp[b] != zp[b] && yj[b] == yj[b]);
        if (take) {
          yj[b] = zp[b];
          if (wj != nullptr) wj[b] = static_cast<std::uint8_t>(p);
        }
      }
    }
  }
}

/// dz of piece p of unit j = dy of unit j if p is its winner, else 0 (layout as maxout).
void maxout_backward(const double* dy, const std::uint8_t* winner, std::size_t units, std::size_t k, std::size_t n,
                     double* dz);

/// A layer kind whose units each reduce k pre-activations to one output, as the
/// registry provides it (Registry::find_reduction); maxout is the one built in.
struct Reduction {
  std::string name;
  ParamSpec pieces;  ///< k: its name, default and allowed range
  void (*forward)(const double* z, std::size_t units, std::size_t k, std::size_t n, double* y,
                  std::uint8_t* winner) = nullptr;
  void (*display_forward)(const float* z, std::size_t units, std::size_t k, std::size_t n, float* y,
                          std::uint8_t* winner) = nullptr;
  void (*backward)(const double* dy, const std::uint8_t* winner, std::size_t units, std::size_t k, std::size_t n,
                   double* dz) = nullptr;
};

/// Maxout as a registry entry: k in 2..5, default 2.
Reduction maxout_reduction();

}  // namespace ap

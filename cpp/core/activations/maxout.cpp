#include "activations/maxout.h"

#include <cmath>

namespace ap {

void maxout(const double* z, std::size_t units, std::size_t k, double* y, std::size_t* winner) {
  for (std::size_t j = 0; j < units; ++j) {
    const double* piece = z + j * k;
    std::size_t best = 0;
    for (std::size_t i = 0; i < k; ++i) {
      if (std::isnan(piece[i])) {
        best = i;
        break;
      }
      // Strict > keeps the first of tied maxima.
      if (piece[i] > piece[best]) best = i;
    }
    y[j] = piece[best];
    winner[j] = best;
  }
}

void maxout_backward(const double* dy, const std::size_t* winner, std::size_t units, std::size_t k,
                     double* dz) {
  for (std::size_t j = 0; j < units; ++j) {
    for (std::size_t i = 0; i < k; ++i) dz[j * k + i] = i == winner[j] ? dy[j] : 0.0;
  }
}

}  // namespace ap

#include "activations/maxout.h"

namespace ap {

void maxout_backward(const double* dy, const std::uint8_t* winner, std::size_t units, std::size_t k, std::size_t n,
                     double* dz) {
  for (std::size_t j = 0; j < units; ++j) {
    for (std::size_t p = 0; p < k; ++p) {
      double* dzp = dz + (j * k + p) * n;
      const double* dyj = dy + j * n;
      const std::uint8_t* wj = winner + j * n;
      for (std::size_t b = 0; b < n; ++b) dzp[b] = wj[b] == p ? dyj[b] : 0.0;
    }
  }
}

Reduction maxout_reduction() {
  Reduction r;
  r.name = "maxout";
  // k <= 5: the page's range; more pieces add rows (k per unit) faster than they add shapes.
  r.pieces = ParamSpec("k").with_default(2).in(2, 5);
  r.forward = &maxout<double>;
  r.display_forward = &maxout<float>;
  r.backward = &maxout_backward;
  return r;
}

}  // namespace ap

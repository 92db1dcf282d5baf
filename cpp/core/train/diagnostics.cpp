#include "train/diagnostics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <xtensor/xadapt.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xoperation.hpp>

namespace ap {
namespace {

struct LayerAccumulator {
  double sum_z = 0, sum_a = 0, dev_z = 0, dev_a = 0;
  double count_z = 0, count_a = 0;
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  xt::xtensor<bool, 1> alive;     // per unit: some point has f' != 0
  xt::xtensor<int, 1> saturated;  // per unit: points with |f'| < kSaturatedDerivative
  double same_sign = 0, pairs = 0;
  xt::xtensor<std::uint32_t, 1> counts;
};

/// The first `count` values of a chunk buffer as a 1-D expression (no copy).
auto chunk_view(const double* values, std::size_t count) {
  return xt::adapt(values, count, xt::no_ownership(), std::array<std::size_t, 1>{count});
}

/// Counts (point, unit) pairs whose incoming weight gradients share one sign.
class SameSignCounter final : public Network::DeltaVisitor {
 public:
  SameSignCounter(const Network& network, std::vector<LayerAccumulator>& acc) : network_(network), acc_(acc) {}
  void set_input(const double* x, std::size_t ldx) {
    x_ = x;
    ldx_ = ldx;
  }
  void visit(int layer, const double* delta, int nb) override {
    const Network::Layer& spec = network_.layer(layer);
    const double* in = layer == 0 ? x_ : network_.activation(layer - 1);
    const std::size_t ld = layer == 0 ? ldx_ : static_cast<std::size_t>(nb);
    const std::size_t n = static_cast<std::size_t>(nb);
    LayerAccumulator& acc = acc_[static_cast<std::size_t>(layer)];
    for (std::size_t b = 0; b < n; ++b) {
      bool pos = false, neg = false;
      for (int i = 0; i < spec.inputs; ++i) {
        const double v = in[static_cast<std::size_t>(i) * ld + b];
        pos = pos || v > 0;
        neg = neg || v < 0;
      }
      const bool one_sign = pos != neg;
      for (int j = 0; j < spec.units; ++j) {
        const double d = delta[static_cast<std::size_t>(j) * n + b];
        if (one_sign && (d > 0 || d < 0)) acc.same_sign += 1;
      }
      acc.pairs += spec.units;
    }
  }

 private:
  const Network& network_;
  std::vector<LayerAccumulator>& acc_;
  const double* x_ = nullptr;
  std::size_t ldx_ = 0;
};

}  // namespace

std::vector<LayerStats> compute_layer_stats(const Network& network, const double* x, int n, const double* targets,
                                            const std::vector<double>& grad_norms) {
  const int layers = network.layer_count();
  const int last = layers - 1;
  std::vector<LayerAccumulator> acc(static_cast<std::size_t>(layers));
  std::size_t widest = 0;
  for (int l = 0; l < layers; ++l) {
    const Network::Layer& spec = network.layer(l);
    const std::size_t units = static_cast<std::size_t>(spec.units);
    acc[static_cast<std::size_t>(l)].alive = xt::zeros<bool>({units});
    acc[static_cast<std::size_t>(l)].saturated = xt::zeros<int>({units});
    acc[static_cast<std::size_t>(l)].counts = xt::zeros<std::uint32_t>({static_cast<std::size_t>(kHistogramBins)});
    widest = std::max(widest, static_cast<std::size_t>(spec.units));
  }
  const std::size_t chunk = static_cast<std::size_t>(Network::kChunk);
  std::vector<double> values(widest * chunk), derivative(widest * chunk);
  SameSignCounter counter(network, acc);

  // The activations of layer l at the last forward pass (output layer: o(z)).
  const auto activations = [&](int l, int nb) -> const double* {
    if (l < last) return network.activation(l);
    network.output_values(nb, values.data());
    return values.data();
  };

  // Pass 1: means, extremes, dead / saturated units, same-sign pairs.
  for (int start = 0; start < n; start += Network::kChunk) {
    const int nb = std::min(Network::kChunk, n - start);
    const std::size_t cnt = static_cast<std::size_t>(nb);
    network.forward(x + start, static_cast<std::size_t>(n), nb, nullptr);
    for (int l = 0; l < layers; ++l) {
      const Network::Layer& spec = network.layer(l);
      LayerAccumulator& a = acc[static_cast<std::size_t>(l)];
      const double* z = network.pre_activation(l);
      const std::size_t rows = static_cast<std::size_t>(spec.rows) * cnt;
      a.sum_z += xt::sum(chunk_view(z, rows))();
      a.count_z += static_cast<double>(rows);
      const std::size_t units = static_cast<std::size_t>(spec.units) * cnt;
      const auto act = chunk_view(activations(l, nb), units);
      a.sum_a += xt::sum(act)();
      // Comparisons, not xt::amin / amax: a NaN activation must not poison the range.
      for (double v : act) {
        if (v < a.lo) a.lo = v;
        if (v > a.hi) a.hi = v;
      }
      a.count_a += static_cast<double>(units);
      network.layer_derivative(l, nb, derivative.data());
      for (int j = 0; j < spec.units; ++j) {
        const double* dj = derivative.data() + static_cast<std::size_t>(j) * cnt;
        for (std::size_t b = 0; b < cnt; ++b) {
          if (dj[b] != 0) a.alive(static_cast<std::size_t>(j)) = true;
          if (std::fabs(dj[b]) < kSaturatedDerivative) ++a.saturated(static_cast<std::size_t>(j));
        }
      }
    }
    network.output_delta(targets + start, nb, 1.0);
    counter.set_input(x + start, static_cast<std::size_t>(n));
    network.backward_deltas(nb, counter);
  }

  // Pass 2: deviations from the means, and the histograms.
  for (int start = 0; start < n; start += Network::kChunk) {
    const int nb = std::min(Network::kChunk, n - start);
    const std::size_t cnt = static_cast<std::size_t>(nb);
    network.forward(x + start, static_cast<std::size_t>(n), nb, nullptr);
    for (int l = 0; l < layers; ++l) {
      const Network::Layer& spec = network.layer(l);
      LayerAccumulator& a = acc[static_cast<std::size_t>(l)];
      const double mean_z = a.sum_z / a.count_z;
      const double mean_a = a.sum_a / a.count_a;
      const double* z = network.pre_activation(l);
      const std::size_t rows = static_cast<std::size_t>(spec.rows) * cnt;
      a.dev_z += xt::sum(xt::square(chunk_view(z, rows) - mean_z))();
      const std::size_t units = static_cast<std::size_t>(spec.units) * cnt;
      const auto act = chunk_view(activations(l, nb), units);
      a.dev_a += xt::sum(xt::square(act - mean_a))();
      const double lo = a.lo, width = a.hi > a.lo ? a.hi - a.lo : 1.0;
      for (double v : act) {
        if (!std::isfinite(v)) continue;
        int bin = static_cast<int>((v - lo) / width * kHistogramBins);
        bin = std::min(std::max(bin, 0), kHistogramBins - 1);
        ++a.counts(static_cast<std::size_t>(bin));
      }
    }
  }

  std::vector<LayerStats> stats(static_cast<std::size_t>(layers));
  for (int l = 0; l < layers; ++l) {
    const LayerAccumulator& a = acc[static_cast<std::size_t>(l)];
    LayerStats& s = stats[static_cast<std::size_t>(l)];
    s.grad_norm = static_cast<std::size_t>(l) < grad_norms.size() ? grad_norms[static_cast<std::size_t>(l)] : 0.0;
    if (n > 0) {
      s.pre_act_mean = a.sum_z / a.count_z;
      s.pre_act_std = std::sqrt(a.dev_z / a.count_z);
      s.act_mean = a.sum_a / a.count_a;
      s.act_std = std::sqrt(a.dev_a / a.count_a);
      s.dead_fraction = xt::mean(xt::cast<double>(!a.alive))();
      s.saturated_fraction = xt::mean(xt::cast<double>(xt::cast<double>(a.saturated) >= kSaturatedShare * n))();
      s.same_sign_fraction = a.pairs > 0 ? a.same_sign / a.pairs : 0.0;
    }
    s.histogram.lo = std::isfinite(a.lo) ? a.lo : 0.0;
    s.histogram.hi = std::isfinite(a.hi) ? a.hi : 0.0;
    s.histogram.counts = a.counts;
  }
  return stats;
}

}  // namespace ap

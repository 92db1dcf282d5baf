#include "train/network.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <xtensor/xadapt.hpp>

#include "math/f64x2.h"
#include "text/format.h"

namespace ap {
namespace {

using simd::F64x2;

/// The buffer of an activation's per-element state, or null when it keeps none.
double* data_or_null(xt::xtensor<double, 2>& t) { return t.size() == 0 ? nullptr : t.data(); }

// The dense kernels work on pairs of points (two SIMD lanes) and keep up to four
// rows' sums in registers, so each input value is loaded once per four rows. A
// point without a partner (odd nb) runs the same operations in the same order on
// plain doubles, so results never depend on the batch layout.

/// z[j][b] = bias[j] + sum_i w[j][i] x[i][b], summed in order of i.
void dense_forward(const double* w, const double* bias, int rows, int inputs, const double* x, std::size_t ldx, int nb,
                   double* z) {
  const std::size_t n = static_cast<std::size_t>(nb);
  const std::size_t in = static_cast<std::size_t>(inputs);
  const std::size_t pairs_end = n & ~static_cast<std::size_t>(1);
  int j = 0;
  for (; j + 4 <= rows; j += 4) {
    const double* w0 = w + static_cast<std::size_t>(j) * in;
    const double* w1 = w0 + in;
    const double* w2 = w1 + in;
    const double* w3 = w2 + in;
    double* z0 = z + static_cast<std::size_t>(j) * n;
    for (std::size_t b = 0; b < pairs_end; b += 2) {
      const F64x2 x0 = simd::load(x + b);
      F64x2 a0 = simd::load_splat(bias + j) + simd::load_splat(w0) * x0;
      F64x2 a1 = simd::load_splat(bias + j + 1) + simd::load_splat(w1) * x0;
      F64x2 a2 = simd::load_splat(bias + j + 2) + simd::load_splat(w2) * x0;
      F64x2 a3 = simd::load_splat(bias + j + 3) + simd::load_splat(w3) * x0;
      for (std::size_t i = 1; i < in; ++i) {
        const F64x2 xi = simd::load(x + i * ldx + b);
        a0 = a0 + simd::load_splat(w0 + i) * xi;
        a1 = a1 + simd::load_splat(w1 + i) * xi;
        a2 = a2 + simd::load_splat(w2 + i) * xi;
        a3 = a3 + simd::load_splat(w3 + i) * xi;
      }
      simd::store(z0 + b, a0);
      simd::store(z0 + n + b, a1);
      simd::store(z0 + 2 * n + b, a2);
      simd::store(z0 + 3 * n + b, a3);
    }
  }
  for (; j < rows; ++j) {
    const double* wj = w + static_cast<std::size_t>(j) * in;
    double* zj = z + static_cast<std::size_t>(j) * n;
    for (std::size_t b = 0; b < pairs_end; b += 2) {
      F64x2 a = simd::load_splat(bias + j) + simd::load_splat(wj) * simd::load(x + b);
      for (std::size_t i = 1; i < in; ++i) a = a + simd::load_splat(wj + i) * simd::load(x + i * ldx + b);
      simd::store(zj + b, a);
    }
  }
  if (pairs_end < n) {
    const std::size_t b = pairs_end;
    for (int r = 0; r < rows; ++r) {
      const double* wr = w + static_cast<std::size_t>(r) * in;
      double a = bias[r] + wr[0] * x[b];
      for (std::size_t i = 1; i < in; ++i) a = a + wr[i] * x[i * ldx + b];
      z[static_cast<std::size_t>(r) * n + b] = a;
    }
  }
}

/// sum_b u[b] v[b] over pairs of lanes, then the lanes, then an odd last point.
inline double pair_dot(const double* u, const double* v, std::size_t n) {
  const std::size_t pairs_end = n & ~static_cast<std::size_t>(1);
  F64x2 acc = simd::splat(0.0);
  for (std::size_t b = 0; b < pairs_end; b += 2) acc = acc + simd::load(u + b) * simd::load(v + b);
  double s = simd::lane0(acc) + simd::lane1(acc);
  if (pairs_end < n) s += u[pairs_end] * v[pairs_end];
  return s;
}

/// gw[j][i] += sum_b dz[j][b] x[i][b]; gb[j] += sum_b dz[j][b] (sums as in pair_dot).
void dense_weight_gradient(const double* dz, int rows, int inputs, const double* x, std::size_t ldx, int nb, double* gw,
                           double* gb) {
  const std::size_t n = static_cast<std::size_t>(nb);
  const std::size_t in = static_cast<std::size_t>(inputs);
  const std::size_t pairs_end = n & ~static_cast<std::size_t>(1);
  const bool odd = pairs_end < n;
  for (int j = 0; j < rows; ++j) {
    const double* dzr = dz + static_cast<std::size_t>(j) * n;
    double sb = 0;
    {
      F64x2 acc = simd::splat(0.0);
      for (std::size_t b = 0; b < pairs_end; b += 2) acc = acc + simd::load(dzr + b);
      sb = simd::lane0(acc) + simd::lane1(acc);
      if (odd) sb += dzr[pairs_end];
    }
    gb[j] += sb;
    double* gwr = gw + static_cast<std::size_t>(j) * in;
    std::size_t i = 0;
    for (; i + 4 <= in; i += 4) {
      const double* x0 = x + i * ldx;
      const double* x1 = x0 + ldx;
      const double* x2 = x1 + ldx;
      const double* x3 = x2 + ldx;
      F64x2 a0 = simd::splat(0.0), a1 = a0, a2 = a0, a3 = a0;
      for (std::size_t b = 0; b < pairs_end; b += 2) {
        const F64x2 d = simd::load(dzr + b);
        a0 = a0 + d * simd::load(x0 + b);
        a1 = a1 + d * simd::load(x1 + b);
        a2 = a2 + d * simd::load(x2 + b);
        a3 = a3 + d * simd::load(x3 + b);
      }
      double s0 = simd::lane0(a0) + simd::lane1(a0);
      double s1 = simd::lane0(a1) + simd::lane1(a1);
      double s2 = simd::lane0(a2) + simd::lane1(a2);
      double s3 = simd::lane0(a3) + simd::lane1(a3);
      if (odd) {
        const double d = dzr[pairs_end];
        s0 += d * x0[pairs_end];
        s1 += d * x1[pairs_end];
        s2 += d * x2[pairs_end];
        s3 += d * x3[pairs_end];
      }
      gwr[i] += s0;
      gwr[i + 1] += s1;
      gwr[i + 2] += s2;
      gwr[i + 3] += s3;
    }
    for (; i < in; ++i) gwr[i] += pair_dot(dzr, x + i * ldx, n);
  }
}

/// da[i][b] = sum_j w[j][i] dz[j][b], summed in order of j.
void dense_input_delta(const double* w, const double* dz, int rows, int inputs, int nb, double* da) {
  const std::size_t n = static_cast<std::size_t>(nb);
  const std::size_t in = static_cast<std::size_t>(inputs);
  const std::size_t pairs_end = n & ~static_cast<std::size_t>(1);
  std::size_t i = 0;
  for (; i + 4 <= in; i += 4) {
    double* d0 = da + i * n;
    for (std::size_t b = 0; b < pairs_end; b += 2) {
      const F64x2 g0 = simd::load(dz + b);
      F64x2 a0 = simd::load_splat(w + i) * g0;
      F64x2 a1 = simd::load_splat(w + i + 1) * g0;
      F64x2 a2 = simd::load_splat(w + i + 2) * g0;
      F64x2 a3 = simd::load_splat(w + i + 3) * g0;
      for (int j = 1; j < rows; ++j) {
        const double* wj = w + static_cast<std::size_t>(j) * in + i;
        const F64x2 g = simd::load(dz + static_cast<std::size_t>(j) * n + b);
        a0 = a0 + simd::load_splat(wj) * g;
        a1 = a1 + simd::load_splat(wj + 1) * g;
        a2 = a2 + simd::load_splat(wj + 2) * g;
        a3 = a3 + simd::load_splat(wj + 3) * g;
      }
      simd::store(d0 + b, a0);
      simd::store(d0 + n + b, a1);
      simd::store(d0 + 2 * n + b, a2);
      simd::store(d0 + 3 * n + b, a3);
    }
  }
  for (; i < in; ++i) {
    double* di = da + i * n;
    for (std::size_t b = 0; b < pairs_end; b += 2) {
      F64x2 a = simd::load_splat(w + i) * simd::load(dz + b);
      for (int j = 1; j < rows; ++j) {
        a = a + simd::load_splat(w + static_cast<std::size_t>(j) * in + i) *
                    simd::load(dz + static_cast<std::size_t>(j) * n + b);
      }
      simd::store(di + b, a);
    }
  }
  if (pairs_end < n) {
    const std::size_t b = pairs_end;
    for (std::size_t c = 0; c < in; ++c) {
      double a = w[c] * dz[b];
      for (int j = 1; j < rows; ++j)
        a = a + w[static_cast<std::size_t>(j) * in + c] * dz[static_cast<std::size_t>(j) * n + b];
      da[c * n + b] = a;
    }
  }
}

}  // namespace

Network::Network(int inputs, const std::vector<int>& hidden, const std::vector<LayerActivation>& activations,
                 LossKind loss, int outputs, bool classification)
    : inputs_(inputs), loss_(loss), classification_(classification) {
  if (inputs < 1) throw std::invalid_argument("network: at least one input feature is required");
  if (outputs < 1) throw std::invalid_argument("network: at least one output is required");
  if (activations.size() != hidden.size()) {
    throw std::invalid_argument("network: one activation per hidden layer is required (" +
                                std::to_string(hidden.size()) + " layers, " + std::to_string(activations.size()) +
                                " activations)");
  }
  int previous = inputs;
  for (std::size_t l = 0; l < hidden.size(); ++l) {
    if (hidden[l] < 1) throw std::invalid_argument("network: hidden layer " + std::to_string(l) + " has no units");
    Layer layer;
    layer.inputs = previous;
    layer.units = hidden[l];
    const LayerActivation& spec = activations[l];
    if (spec.reduction != nullptr) {
      const ParamSpec& k = spec.reduction->pieces;
      if (!(spec.pieces >= k.min && spec.pieces <= k.max)) {
        throw std::invalid_argument("network: " + spec.reduction->name + " pieces (" + k.name + ") must be in " +
                                    format_number(k.min) + ".." + format_number(k.max));
      }
      layer.reduction = spec.reduction;
      layer.pieces = spec.pieces;
    } else {
      if (spec.activation == nullptr) {
        throw std::invalid_argument("network: hidden layer " + std::to_string(l) + " has no activation");
      }
      layer.activation = spec.activation;
      layer.params = spec.params;
      for (std::size_t k = 0; k < layer.activation->params.size(); ++k) {
        if (!layer.activation->learns(k, spec.learn)) continue;
        const ParamSpec& p = layer.activation->params[k];
        Learnable learnable;
        learnable.index = static_cast<int>(k);
        learnable.per_unit = p.per_unit;
        learnable.min = p.min;
        learnable.max = p.max;
        layer.per_unit_params = layer.per_unit_params || learnable.per_unit;
        layer.learnables.push_back(learnable);
      }
    }
    layer.rows = layer.units * layer.pieces;
    layers_.push_back(layer);
    previous = layer.units;
  }
  Layer out;
  out.inputs = previous;
  out.units = outputs;
  out.rows = outputs;
  out.output = true;
  layers_.push_back(out);

  std::size_t offset = 0;
  for (Layer& layer : layers_) {
    layer.weight_offset = offset;
    offset += static_cast<std::size_t>(layer.rows) * static_cast<std::size_t>(layer.inputs);
  }
  weight_count_ = offset;
  for (Layer& layer : layers_) {
    layer.bias_offset = offset;
    offset += static_cast<std::size_t>(layer.rows);
  }
  for (Layer& layer : layers_) {
    for (Learnable& learnable : layer.learnables) {
      learnable.offset = offset;
      offset += learnable.per_unit ? static_cast<std::size_t>(layer.units) : 1;
    }
  }
  params_.assign(offset, 0.0);
  grads_.assign(offset, 0.0);

  const std::size_t chunk = static_cast<std::size_t>(kChunk);
  std::size_t max_rows = 0, max_units = static_cast<std::size_t>(inputs);
  work_.z.resize(layers_.size());
  work_.a.resize(layers_.size());
  work_.state.resize(layers_.size());
  work_.winner.resize(layers_.size());
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const Layer& layer = layers_[l];
    const std::size_t rows = static_cast<std::size_t>(layer.rows);
    const std::size_t units = static_cast<std::size_t>(layer.units);
    work_.z[l] = xt::zeros<double>({rows, chunk});
    work_.a[l] = xt::zeros<double>({units, chunk});
    if (layer.activation != nullptr && layer.activation->training.state_per_element) {
      work_.state[l] = xt::zeros<double>({units, chunk});
    }
    if (layer.reduction != nullptr) work_.winner[l] = xt::zeros<std::uint8_t>({units, chunk});
    max_rows = std::max(max_rows, rows);
    max_units = std::max(max_units, units);
  }
  work_.delta_out = xt::zeros<double>({static_cast<std::size_t>(outputs), chunk});
  work_.da[0] = xt::zeros<double>({max_units, chunk});
  work_.da[1] = xt::zeros<double>({max_units, chunk});
  work_.dz = xt::zeros<double>({std::max(max_rows, max_units), chunk});
  work_.param_scratch = xt::zeros<double>({max_units, chunk});
}

void Network::initialize(InitKind init, double scale, double bias_init, Rng& rng) {
  for (const Layer& layer : layers_) {
    const double fan_in = layer.inputs;
    const double fan_out = layer.units;
    const std::size_t count = static_cast<std::size_t>(layer.rows) * static_cast<std::size_t>(layer.inputs);
    double* w = params_.data() + layer.weight_offset;
    for (std::size_t k = 0; k < count; ++k) {
      double v = 0;
      switch (init) {
        case InitKind::kXavier: {
          const double limit = std::sqrt(6.0 / (fan_in + fan_out));
          v = rng.uniform(-limit, limit);
          break;
        }
        case InitKind::kHe:
          v = rng.normal(0.0, std::sqrt(2.0 / fan_in));
          break;
        case InitKind::kLecun:
          v = rng.normal(0.0, std::sqrt(1.0 / fan_in));
          break;
        case InitKind::kUniform:
          v = rng.uniform(-0.5, 0.5);
          break;
      }
      w[k] = v * scale;
    }
    std::fill_n(params_.data() + layer.bias_offset, layer.rows, bias_init);
    for (const Learnable& learnable : layer.learnables) {
      const std::size_t n = learnable.per_unit ? static_cast<std::size_t>(layer.units) : 1;
      std::fill_n(params_.data() + learnable.offset, n, layer.params[static_cast<std::size_t>(learnable.index)]);
    }
  }
}

namespace {

std::vector<double> slice(const std::vector<double>& v, std::size_t offset, std::size_t count) {
  const auto begin = v.begin() + static_cast<std::ptrdiff_t>(offset);
  return std::vector<double>(begin, begin + static_cast<std::ptrdiff_t>(count));
}

}  // namespace

xt::xtensor<double, 2> Network::layer_weights(int l) const {
  const Layer& layer = layers_[static_cast<std::size_t>(l)];
  const std::size_t rows = static_cast<std::size_t>(layer.rows);
  const std::size_t inputs = static_cast<std::size_t>(layer.inputs);
  return xt::adapt(params_.data() + layer.weight_offset, rows * inputs, xt::no_ownership(),
                   std::array<std::size_t, 2>{rows, inputs});
}

xt::xtensor<double, 1> Network::layer_biases(int l) const {
  const Layer& layer = layers_[static_cast<std::size_t>(l)];
  const std::size_t rows = static_cast<std::size_t>(layer.rows);
  return xt::adapt(params_.data() + layer.bias_offset, rows, xt::no_ownership(), std::array<std::size_t, 1>{rows});
}

std::vector<double> Network::learned_values(int l, const Learnable& learnable) const {
  const Layer& layer = layers_[static_cast<std::size_t>(l)];
  return slice(params_, learnable.offset, learnable.per_unit ? static_cast<std::size_t>(layer.units) : 1);
}

const std::string& Network::learned_name(int l, const Learnable& learnable) const {
  return layers_[static_cast<std::size_t>(l)].activation->params[static_cast<std::size_t>(learnable.index)].name;
}

ParamValues Network::unit_params(int l, int unit) const {
  const Layer& layer = layers_[static_cast<std::size_t>(l)];
  ParamValues p = layer.params;
  for (const Learnable& learnable : layer.learnables) {
    p[static_cast<std::size_t>(learnable.index)] =
        params_[learnable.offset + (learnable.per_unit ? static_cast<std::size_t>(unit) : 0)];
  }
  return p;
}

void Network::forward(const double* x, std::size_t ldx, int nb, Rng* training_rng) const {
  work_.x = x;
  work_.ldx = ldx;
  work_.last_forward_training = training_rng != nullptr;
  const double* in = x;
  std::size_t ld = ldx;
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const Layer& layer = layers_[l];
    dense_forward(params_.data() + layer.weight_offset, params_.data() + layer.bias_offset, layer.rows, layer.inputs,
                  in, ld, nb, work_.z[l].data());
    if (layer.output) break;
    activate(static_cast<int>(l), nb, training_rng);
    in = work_.a[l].data();
    ld = static_cast<std::size_t>(nb);
  }
}

void Network::activate(int l, int nb, Rng* training_rng) const {
  const Layer& layer = layers_[static_cast<std::size_t>(l)];
  const std::size_t n = static_cast<std::size_t>(nb);
  const double* z = work_.z[static_cast<std::size_t>(l)].data();
  double* a = work_.a[static_cast<std::size_t>(l)].data();
  if (layer.reduction != nullptr) {
    layer.reduction->forward(z, static_cast<std::size_t>(layer.units), static_cast<std::size_t>(layer.pieces), n, a,
                             work_.winner[static_cast<std::size_t>(l)].data());
    return;
  }
  double* state = data_or_null(work_.state[static_cast<std::size_t>(l)]);
  for_each_param_block(l, n, [&](std::size_t o, std::size_t len, const ParamValues& p) {
    const KernelContext ctx{p, training_rng != nullptr, training_rng, state == nullptr ? nullptr : state + o,
                            layer.activation->training.data.get()};
    layer.activation->training.forward(z + o, a + o, len, ctx);
  });
}

double Network::output_loss(const double* targets, int nb, double scale, bool with_delta, int* correct) const {
  return ap::output_loss(loss_, classification_, work_.z.back().data(), outputs(), nb, targets, scale,
                         with_delta ? work_.delta_out.data() : nullptr, correct);
}

void Network::output_delta(const double* targets, int nb, double scale) const {
  ap::output_delta(loss_, classification_, work_.z.back().data(), outputs(), nb, targets, scale,
                   work_.delta_out.data());
}

void Network::output_values(int nb, double* out) const {
  output_activation(loss_, work_.z.back().data(), outputs(), nb, out);
}

void Network::hidden_backward(int l, int nb, const double* da, double* dz, double* grads) const {
  const Layer& layer = layers_[static_cast<std::size_t>(l)];
  const std::size_t n = static_cast<std::size_t>(nb);
  const std::size_t count = static_cast<std::size_t>(layer.units) * n;
  const double* z = work_.z[static_cast<std::size_t>(l)].data();
  const double* a = work_.a[static_cast<std::size_t>(l)].data();
  if (layer.reduction != nullptr) {
    layer.reduction->backward(da, work_.winner[static_cast<std::size_t>(l)].data(),
                              static_cast<std::size_t>(layer.units), static_cast<std::size_t>(layer.pieces), n, dz);
    return;
  }
  const Activation& act = *layer.activation;
  if (grads != nullptr && !layer.learnables.empty()) {
    double* pd = work_.param_scratch.data();
    for (const Learnable& learnable : layer.learnables) {
      for_each_param_block(l, n, [&](std::size_t o, std::size_t len, const ParamValues& p) {
        act.param_derivative(z + o, a + o, learnable.index, pd + o, len, p);
      });
      if (learnable.per_unit) {
        for (int j = 0; j < layer.units; ++j) {
          const std::size_t o = static_cast<std::size_t>(j) * n;
          double s = 0;
          for (std::size_t b = 0; b < n; ++b) s += da[o + b] * pd[o + b];
          grads[learnable.offset + static_cast<std::size_t>(j)] += s;
        }
      } else {
        double s = 0;
        for (std::size_t e = 0; e < count; ++e) s += da[e] * pd[e];
        grads[learnable.offset] += s;
      }
    }
  }
  double* state = data_or_null(work_.state[static_cast<std::size_t>(l)]);
  for_each_param_block(l, n, [&](std::size_t o, std::size_t len, const ParamValues& p) {
    const KernelContext ctx{p, work_.last_forward_training, nullptr, state == nullptr ? nullptr : state + o,
                            act.training.data.get()};
    act.training.backward(z + o, a + o, da + o, dz + o, len, ctx);
  });
}

void Network::run_backward(int nb, double* grads, DeltaVisitor* visitor) const {
  const int last = static_cast<int>(layers_.size()) - 1;
  const double* dz = work_.delta_out.data();
  if (visitor) visitor->visit(last, dz, nb);
  for (int l = last; l >= 0; --l) {
    const Layer& layer = layers_[static_cast<std::size_t>(l)];
    const double* in = l == 0 ? work_.x : work_.a[static_cast<std::size_t>(l - 1)].data();
    const std::size_t ld = l == 0 ? work_.ldx : static_cast<std::size_t>(nb);
    if (grads != nullptr) {
      dense_weight_gradient(dz, layer.rows, layer.inputs, in, ld, nb, grads + layer.weight_offset,
                            grads + layer.bias_offset);
    }
    if (l == 0) break;
    double* da = work_.da[static_cast<std::size_t>(l & 1)].data();
    dense_input_delta(params_.data() + layer.weight_offset, dz, layer.rows, layer.inputs, nb, da);
    hidden_backward(l - 1, nb, da, work_.dz.data(), grads);
    if (visitor) {
      visitor->visit(l - 1, layers_[static_cast<std::size_t>(l - 1)].reduction != nullptr ? da : work_.dz.data(), nb);
    }
    dz = work_.dz.data();
  }
}

void Network::backward(int nb) { run_backward(nb, grads_.data(), nullptr); }

void Network::backward_deltas(int nb, DeltaVisitor& visitor) const { run_backward(nb, nullptr, &visitor); }

void Network::layer_derivative(int l, int nb, double* out) const {
  const Layer& layer = layers_[static_cast<std::size_t>(l)];
  const std::size_t n = static_cast<std::size_t>(nb);
  const std::size_t count = static_cast<std::size_t>(layer.units) * n;
  if (layer.output) {
    output_values(nb, out);
    for (std::size_t e = 0; e < count; ++e) out[e] = output_activation_derivative(loss_, out[e]);
    return;
  }
  if (layer.reduction != nullptr) {
    std::fill_n(out, count, 1.0);
    return;
  }
  const double* z = work_.z[static_cast<std::size_t>(l)].data();
  const double* a = work_.a[static_cast<std::size_t>(l)].data();
  for_each_param_block(l, n, [&](std::size_t o, std::size_t len, const ParamValues& p) {
    const KernelContext ctx{p, false, nullptr, nullptr, layer.activation->training.data.get()};
    layer.activation->training.derivative(z + o, a + o, out + o, len, ctx);
  });
}

void Network::clamp_learned_params() {
  for (const Layer& layer : layers_) {
    for (const Learnable& learnable : layer.learnables) {
      const std::size_t n = learnable.per_unit ? static_cast<std::size_t>(layer.units) : 1;
      for (std::size_t k = 0; k < n; ++k) {
        double& v = params_[learnable.offset + k];
        if (v < learnable.min) v = learnable.min;
        if (v > learnable.max) v = learnable.max;
      }
    }
  }
}

double Network::regularization_penalty(RegularizationKind kind, double rate) const {
  double sum = 0;
  switch (kind) {
    case RegularizationKind::kNone:
      return 0;
    case RegularizationKind::kL1:
      for (std::size_t k = 0; k < weight_count_; ++k) sum += std::fabs(params_[k]);
      return rate * sum;
    case RegularizationKind::kL2:
      for (std::size_t k = 0; k < weight_count_; ++k) sum += 0.5 * params_[k] * params_[k];
      return rate * sum;
  }
  return 0;
}

}  // namespace ap

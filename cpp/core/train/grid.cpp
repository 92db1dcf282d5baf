#include "train/grid.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "math/f32x4.h"
#include "text/format.h"
#include "train/losses.h"

namespace ap {
namespace {

using simd::F32x4;

/// Four rows' sums over eight points (two vectors): each splatted weight serves two
/// vectors, which V8 needs to keep the multiply units busy.
inline void dense_block_4x8(const float* w, std::size_t in, const float* bias, const float* x, std::size_t stride,
                            std::size_t b, float* z) {
  const float* w1 = w + in;
  const float* w2 = w1 + in;
  const float* w3 = w2 + in;
  F32x4 a0 = simd::load_splat(bias), a1 = simd::load_splat(bias + 1);
  F32x4 a2 = simd::load_splat(bias + 2), a3 = simd::load_splat(bias + 3);
  F32x4 c0 = a0, c1 = a1, c2 = a2, c3 = a3;
  for (std::size_t i = 0; i < in; ++i) {
    const F32x4 xi = simd::load(x + i * stride + b);
    const F32x4 yi = simd::load(x + i * stride + b + 4);
    const F32x4 v0 = simd::load_splat(w + i), v1 = simd::load_splat(w1 + i);
    const F32x4 v2 = simd::load_splat(w2 + i), v3 = simd::load_splat(w3 + i);
    a0 = a0 + v0 * xi;
    c0 = c0 + v0 * yi;
    a1 = a1 + v1 * xi;
    c1 = c1 + v1 * yi;
    a2 = a2 + v2 * xi;
    c2 = c2 + v2 * yi;
    a3 = a3 + v3 * xi;
    c3 = c3 + v3 * yi;
  }
  simd::store(z + b, a0);
  simd::store(z + b + 4, c0);
  simd::store(z + stride + b, a1);
  simd::store(z + stride + b + 4, c1);
  simd::store(z + 2 * stride + b, a2);
  simd::store(z + 2 * stride + b + 4, c2);
  simd::store(z + 3 * stride + b, a3);
  simd::store(z + 3 * stride + b + 4, c3);
}

/// z[j][b] = bias[j] + sum_i w[j][i] x[i][b] over `stride` (a multiple of 4) points.
void dense_forward_f32(const float* w, const float* bias, int rows, int inputs, const float* x, std::size_t stride,
                       float* z) {
  const std::size_t in = static_cast<std::size_t>(inputs);
  const std::size_t pairs_end = stride & ~static_cast<std::size_t>(7);
  int j = 0;
  for (; j + 4 <= rows; j += 4) {
    const float* wj = w + static_cast<std::size_t>(j) * in;
    float* zj = z + static_cast<std::size_t>(j) * stride;
    for (std::size_t b = 0; b < pairs_end; b += 8) dense_block_4x8(wj, in, bias + j, x, stride, b, zj);
    if (pairs_end < stride) {
      const std::size_t b = pairs_end;
      for (int r = 0; r < 4; ++r) {
        const float* wr = wj + static_cast<std::size_t>(r) * in;
        F32x4 a = simd::load_splat(bias + j + r);
        for (std::size_t i = 0; i < in; ++i) a = a + simd::load_splat(wr + i) * simd::load(x + i * stride + b);
        simd::store(zj + static_cast<std::size_t>(r) * stride + b, a);
      }
    }
  }
  for (; j < rows; ++j) {
    const float* wj = w + static_cast<std::size_t>(j) * in;
    float* zj = z + static_cast<std::size_t>(j) * stride;
    for (std::size_t b = 0; b < stride; b += 4) {
      F32x4 a = simd::load_splat(bias + j);
      for (std::size_t i = 0; i < in; ++i) a = a + simd::load_splat(wj + i) * simd::load(x + i * stride + b);
      simd::store(zj + b, a);
    }
  }
}

}  // namespace

/// The largest magnitude of a grid bound.
constexpr double kGridBoundLimit = 1e6;

int checked_grid_size(double size) { return checked_integer("grid.size", size, 2, 256); }

void validate_grid_spec(const GridSpec& spec) {
  checked_grid_size(spec.size);
  const struct {
    const char* name;
    double value;
  } bounds[] = {{"xMin", spec.x_min}, {"xMax", spec.x_max}, {"yMin", spec.y_min}, {"yMax", spec.y_max}};
  for (const auto& b : bounds) {
    // Wider bounds make the cell coordinates overflow (NaN / ±Infinity cells).
    if (!(std::fabs(b.value) <= kGridBoundLimit))
      throw std::invalid_argument(std::string("grid.") + b.name + ": must be a finite number in -1e6..1e6, got " +
                                  format_number(b.value));
  }
  if (!(spec.x_min < spec.x_max)) throw std::invalid_argument("grid.xMin: must be less than grid.xMax");
  if (!(spec.y_min < spec.y_max)) throw std::invalid_argument("grid.yMin: must be less than grid.yMax");
}

double grid_x(const GridSpec& spec, int c) { return spec.x_min + c * (spec.x_max - spec.x_min) / (spec.size - 1); }

double grid_y(const GridSpec& spec, int r) { return spec.y_max - r * (spec.y_max - spec.y_min) / (spec.size - 1); }

GridEvaluator::GridEvaluator(const GridSpec& spec, const std::vector<Feature>& features,
                             const Standardizer& standardizer, const Network& network)
    : spec_(spec),
      features_(features),
      standardizer_(standardizer),
      network_(network),
      stride_((static_cast<std::size_t>(spec.size) + 3) & ~static_cast<std::size_t>(3)) {
  validate_grid_spec(spec);
  const std::vector<double>& params = network.parameters();
  params_.assign(params.begin(), params.end());

  const std::size_t n = static_cast<std::size_t>(spec.size);
  const std::size_t f = features.size();
  const Network::Layer& first = network.layer(0);
  const std::size_t rows0 = static_cast<std::size_t>(first.rows);
  const double* w0 = params.data() + first.weight_offset;
  const double* b0 = params.data() + first.bias_offset;
  column_part_.assign(rows0 * stride_, 0.0f);
  row_part_.assign(rows0 * n, 0.0);
  std::vector<double> column_sum(rows0 * n, 0.0);
  for (std::size_t j = 0; j < rows0; ++j) {
    for (std::size_t r = 0; r < n; ++r) row_part_[j * n + r] = b0[j];
  }
  column_x_.resize(n);
  for (std::size_t c = 0; c < n; ++c) column_x_[c] = grid_x(spec, static_cast<int>(c));
  by_column_.assign(f * n, 0.0);
  by_row_.assign(f * n, 0.0);
  for (std::size_t i = 0; i < f; ++i) {
    const Feature feature = features[i];
    if (depends_on_x(feature) && depends_on_y(feature)) {
      xy_features_.push_back(i);
      continue;
    }
    const bool by_column = depends_on_x(feature);
    for (std::size_t k = 0; k < n; ++k) {
      const int at = static_cast<int>(k);
      const double value =
          by_column ? feature_value(feature, grid_x(spec, at), 0.0) : feature_value(feature, 0.0, grid_y(spec, at));
      const double s = standardizer.value(i, value);
      (by_column ? by_column_ : by_row_)[i * n + k] = s;
      for (std::size_t j = 0; j < rows0; ++j) {
        (by_column ? column_sum : row_part_)[j * n + k] += w0[j * f + i] * s;
      }
    }
  }
  for (std::size_t j = 0; j < rows0; ++j) {
    for (std::size_t c = 0; c < n; ++c) column_part_[j * stride_ + c] = static_cast<float>(column_sum[j * n + c]);
  }
  xy_.assign(xy_features_.size() * stride_, 0.0f);

  std::size_t widest = 0;
  for (int l = 0; l < network.layer_count(); ++l) {
    const Network::Layer& layer = network.layer(l);
    z_.push_back(xt::zeros<float>({static_cast<std::size_t>(layer.rows), stride_}));
    a_.push_back(xt::zeros<float>({static_cast<std::size_t>(layer.units), stride_}));
    widest = std::max(widest, static_cast<std::size_t>(layer.rows));
  }
  scratch_in_.assign(widest * stride_, 0.0);
  scratch_out_.assign(widest * stride_, 0.0);
  output_.assign(static_cast<std::size_t>(network.outputs()) * stride_, 0.0);
}

template <class T>
void GridEvaluator::feature_row(int r, std::size_t i, T* out) const {
  const std::size_t n = static_cast<std::size_t>(spec_.size);
  const Feature kind = features_[i];
  if (depends_on_x(kind) && depends_on_y(kind)) {
    const double y = grid_y(spec_, r);
    for (std::size_t c = 0; c < n; ++c)
      out[c] = static_cast<T>(standardizer_.value(i, feature_value(kind, column_x_[c], y)));
  } else if (depends_on_x(kind)) {
    for (std::size_t c = 0; c < n; ++c) out[c] = static_cast<T>(by_column_[i * n + c]);
  } else {
    std::fill_n(out, n, static_cast<T>(by_row_[i * n + static_cast<std::size_t>(r)]));
  }
}

void GridEvaluator::row_features(int r, int i, float* out) const { feature_row(r, static_cast<std::size_t>(i), out); }

void GridEvaluator::exact_row(int r) {
  const std::size_t f = features_.size();
  const std::size_t size = static_cast<std::size_t>(spec_.size);
  const int last = network_.layer_count() - 1;
  std::vector<double> features(f * size), x(f * static_cast<std::size_t>(Network::kChunk));
  for (std::size_t i = 0; i < f; ++i) feature_row(r, i, features.data() + i * size);
  for (std::size_t first = 0; first < size; first += Network::kChunk) {
    const std::size_t nb = std::min(size - first, static_cast<std::size_t>(Network::kChunk));
    for (std::size_t i = 0; i < f; ++i) std::copy_n(features.data() + i * size + first, nb, x.data() + i * nb);
    network_.forward(x.data(), nb, static_cast<int>(nb), nullptr);
    for (int l = 0; l < last; ++l) {
      const double* a = network_.activation(l);
      float* dst = a_[static_cast<std::size_t>(l)].data();
      for (std::size_t j = 0; j < static_cast<std::size_t>(network_.layer(l).units); ++j) {
        for (std::size_t b = 0; b < nb; ++b) dst[j * stride_ + first + b] = static_cast<float>(a[j * nb + b]);
      }
    }
    network_.output_values(static_cast<int>(nb), scratch_out_.data());
    for (std::size_t o = 0; o < static_cast<std::size_t>(network_.outputs()); ++o) {
      std::copy_n(scratch_out_.data() + o * nb, nb, output_.data() + o * stride_ + first);
    }
  }
}

void GridEvaluator::first_layer(int r) {
  const Network::Layer& first = network_.layer(0);
  const std::size_t n = static_cast<std::size_t>(spec_.size);
  const std::size_t f = features_.size();
  const double y = grid_y(spec_, r);
  for (std::size_t k = 0; k < xy_features_.size(); ++k) {
    float* dst = xy_.data() + k * stride_;
    for (std::size_t c = 0; c < n; ++c)
      dst[c] = static_cast<float>(
          standardizer_.value(xy_features_[k], feature_value(features_[xy_features_[k]], column_x_[c], y)));
  }
  const float* w = params_.data() + first.weight_offset;
  float* z = z_[0].data();
  for (std::size_t j = 0; j < static_cast<std::size_t>(first.rows); ++j) {
    const F32x4 base = simd::splat4(static_cast<float>(row_part_[j * n + static_cast<std::size_t>(r)]));
    const float* column = column_part_.data() + j * stride_;
    float* zj = z + j * stride_;
    for (std::size_t b = 0; b < stride_; b += 4) {
      F32x4 a = base + simd::load(column + b);
      for (std::size_t k = 0; k < xy_features_.size(); ++k) {
        a = a + simd::load_splat(w + j * f + xy_features_[k]) * simd::load(xy_.data() + k * stride_ + b);
      }
      simd::store(zj + b, a);
    }
  }
}

void GridEvaluator::activate(int l) {
  const Network::Layer& layer = network_.layer(l);
  const std::size_t units = static_cast<std::size_t>(layer.units);
  const std::size_t count = units * stride_;
  const float* z = z_[static_cast<std::size_t>(l)].data();
  float* a = a_[static_cast<std::size_t>(l)].data();
  if (layer.reduction != nullptr) {
    layer.reduction->display_forward(z, units, static_cast<std::size_t>(layer.pieces), stride_, a, nullptr);
    return;
  }
  if (layer.activation->display_forward) {
    layer.activation->display_forward(z, a, count);
    return;
  }
  // No float32 kernel: the activation's own double training kernel in evaluation mode.
  std::copy_n(z, count, scratch_in_.data());
  network_.for_each_param_block(l, stride_, [&](std::size_t o, std::size_t len, const ParamValues& p) {
    const KernelContext ctx{p, false, nullptr, nullptr, layer.activation->training.data.get()};
    layer.activation->training.forward(scratch_in_.data() + o, scratch_out_.data() + o, len, ctx);
  });
  std::copy_n(scratch_out_.data(), count, a);
}

void GridEvaluator::run_row(int r) {
  first_layer(r);
  const int last = network_.layer_count() - 1;
  for (int l = 0; l <= last; ++l) {
    const Network::Layer& layer = network_.layer(l);
    if (l > 0) {
      dense_forward_f32(params_.data() + layer.weight_offset, params_.data() + layer.bias_offset, layer.rows,
                        layer.inputs, a_[static_cast<std::size_t>(l - 1)].data(), stride_,
                        z_[static_cast<std::size_t>(l)].data());
    }
    if (l < last) activate(l);
  }
  const std::size_t count = static_cast<std::size_t>(network_.outputs()) * stride_;
  std::copy_n(z_.back().data(), count, scratch_in_.data());
  output_activation(network_.loss_kind(), scratch_in_.data(), network_.outputs(), static_cast<int>(stride_),
                    output_.data());
  // Float32 overflows where float64 does not (weights or activations beyond 3.4e38, e.g. a
  // network blowing up before its loss does) would show as inf - inf = NaN: such a row is
  // redone in float64, so the grid is never worse than the network itself.
  double poison = 0;
  for (std::size_t c = 0; c < static_cast<std::size_t>(spec_.size); ++c) {
    for (std::size_t o = 0; o < static_cast<std::size_t>(network_.outputs()); ++o)
      poison += output_[o * stride_ + c] * 0.0;
  }
  if (poison != 0.0) exact_row(r);
}

}  // namespace ap

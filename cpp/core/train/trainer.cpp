// The trainer facade: the dataset, its features, the network, the optimizer and
// the bookkeeping (metrics, history, gradient norms) behind the public calls.

#include "train/trainer.h"

#include "text/format.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <xtensor/xadapt.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xview.hpp>

#include "activations/registry.h"
#include "train/config.h"
#include "train/dataset.h"
#include "train/diagnostics.h"
#include "train/features.h"
#include "train/grid.h"
#include "train/history.h"
#include "train/model_json.h"
#include "train/network.h"
#include "train/optimizer.h"
#include "train/random.h"

namespace ap {
namespace {

/// Rng streams of the user seed owned by the trainer (the data uses 1 and 2).
constexpr std::uint64_t kWeightStream = 11;
constexpr std::uint64_t kShuffleStream = 12;
constexpr std::uint64_t kTrainingNoiseStream = 13;  // activations that draw while training

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct OutputShape {
  LossKind loss;
  int outputs;
};

OutputShape output_shape(const TrainerConfig& config, const Dataset& data) {
  if (config.output == OutputKind::kTanh) {
    return {LossKind::kTanhHalfSquaredError, data.regression() || data.classes <= 2 ? 1 : data.classes};
  }
  if (data.regression()) return {LossKind::kSquaredError, 1};
  if (data.classes <= 2) return {LossKind::kSigmoidCrossEntropy, 1};
  return {LossKind::kSoftmaxCrossEntropy, data.classes};
}

TrainerConfig checked(const TrainerConfig& config) {
  TrainerConfig c = config;
  if (c.activations.empty() && !c.hidden.empty()) {
    c.activations.assign(c.hidden.size(), LayerActivation::of(Registry::builtin().default_activation()));
  }
  if (c.activations.size() != c.hidden.size()) {
    throw std::invalid_argument("config.activation: one activation per hidden layer is required (" +
                                std::to_string(c.hidden.size()) + " layers, " + std::to_string(c.activations.size()) +
                                " activations)");
  }
  if (c.features.empty()) throw std::invalid_argument("config.features: must be a non-empty list of features");
  if (c.batch_size < 1) throw std::invalid_argument("config.batchSize: must be at least 1");
  return c;
}

}  // namespace

struct Trainer::Impl {
  TrainerConfig config;
  Dataset data;
  Standardizer standardizer;
  int features = 0;
  int n_train = 0, n_test = 0;
  xt::xtensor<double, 2> train_rows;       // n_train x features, for gathering batches
  xt::xtensor<double, 2> train_x, test_x;  // features x n: the network's input layout
  xt::xtensor<double, 1> train_t, test_t;  // labels / targets
  std::vector<std::uint32_t> order;        // training point order of the current epoch
  Network network;
  Optimizer optimizer;
  Rng shuffle_rng, training_rng;
  // One chunk of a mini-batch: nb points use the first features x nb values (ld = nb).
  xt::xtensor<double, 2> batch_x;
  xt::xtensor<double, 1> batch_t;
  Metrics metrics;
  HistoryRecorder history;
  std::vector<double> grad_square_sum, grad_norm;  // per layer
  int batches = 0;

  explicit Impl(const TrainerConfig& c);
  Network make_network() const;
  void step(const std::uint32_t* idx, int count);
  void run_epoch();
  void evaluate();
  bool parameters_finite() const;
  /// Units of `layer` (-1 = input features, hidden_count = output); throws, naming `call`, for a missing layer.
  int layer_width(const char* call, int layer) const;
  /// Network inputs (feature-major, ld = nb) of the given points.
  void point_features(const double* xs, const double* ys, int nb, double* out) const;
};

Trainer::Impl::Impl(const TrainerConfig& c)
    : config(checked(c)),
      data(make_dataset(config)),
      features(static_cast<int>(config.features.size())),
      network(make_network()),
      optimizer(config.optimizer, network.parameters().size()),
      shuffle_rng(config.seed, kShuffleStream),
      training_rng(config.seed, kTrainingNoiseStream) {
  const std::size_t f = static_cast<std::size_t>(features);
  const std::size_t n = data.size();
  xt::xtensor<double, 2> rows({n, f});
  for (std::size_t p = 0; p < n; ++p) compute_features(config.features, data.x[p], data.y[p], &rows(p, 0));
  std::vector<std::size_t> train_idx, test_idx;
  for (std::size_t p = 0; p < n; ++p) (data.is_test[p] ? test_idx : train_idx).push_back(p);
  n_train = static_cast<int>(train_idx.size());
  n_test = static_cast<int>(test_idx.size());
  if (n_train < 1) throw std::invalid_argument("config.trainFraction: leaves no training points");
  const auto labels = xt::adapt(data.label);
  // The rows and labels of the points `idx`; xt::keep of an empty list is not allowed.
  const auto select = [&](const std::vector<std::size_t>& idx, xt::xtensor<double, 2>& x, xt::xtensor<double, 1>& t) {
    if (idx.empty()) {
      x = xt::xtensor<double, 2>({0, f});
      t = xt::xtensor<double, 1>({0});
      return;
    }
    x = xt::view(rows, xt::keep(idx), xt::all());
    t = xt::view(labels, xt::keep(idx));
  };
  if (config.standardize) {
    xt::xtensor<double, 2> fit_rows;
    xt::xtensor<double, 1> unused;
    select(train_idx, fit_rows, unused);
    standardizer.fit(fit_rows.data(), n_train, features);
    for (std::size_t p = 0; p < n; ++p) standardizer.apply(&rows(p, 0), features);
  }
  xt::xtensor<double, 2> test_rows;
  select(train_idx, train_rows, train_t);
  select(test_idx, test_rows, test_t);
  train_x = xt::transpose(train_rows);
  test_x = xt::transpose(test_rows);
  order.resize(train_idx.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint32_t>(k);

  Rng weight_rng(config.seed, kWeightStream);
  network.initialize(config.init, config.init_scale, config.bias_init, weight_rng);
  batch_x = xt::zeros<double>({f, static_cast<std::size_t>(Network::kChunk)});
  batch_t = xt::zeros<double>({static_cast<std::size_t>(Network::kChunk)});
  grad_square_sum.assign(static_cast<std::size_t>(network.layer_count()), 0.0);
  grad_norm.assign(static_cast<std::size_t>(network.layer_count()), 0.0);
  evaluate();
  history.record(metrics);
}

Network Trainer::Impl::make_network() const {
  const OutputShape shape = output_shape(config, data);
  return Network(features, config.hidden, config.activations, shape.loss, shape.outputs, !data.regression());
}

void Trainer::Impl::step(const std::uint32_t* idx, int count) {
  std::vector<double>& grads = network.gradients();
  std::fill(grads.begin(), grads.end(), 0.0);
  const double scale = 1.0 / count;
  const std::size_t f = static_cast<std::size_t>(features);
  for (int start = 0; start < count; start += Network::kChunk) {
    const int nb = std::min(Network::kChunk, count - start);
    const std::size_t n = static_cast<std::size_t>(nb);
    double* x = batch_x.data();
    double* t = batch_t.data();
    for (std::size_t b = 0; b < n; ++b) {
      const std::size_t p = idx[static_cast<std::size_t>(start) + b];
      const double* row = train_rows.data() + p * f;
      for (std::size_t i = 0; i < f; ++i) x[i * n + b] = row[i];
      t[b] = train_t.data()[p];
    }
    network.forward(batch_x.data(), n, nb, &training_rng);
    network.output_delta(batch_t.data(), nb, scale);
    network.backward(nb);
  }
  for (int l = 0; l < network.layer_count(); ++l) {
    const Network::Layer& layer = network.layer(l);
    const double* g = grads.data() + layer.weight_offset;
    const std::size_t w = static_cast<std::size_t>(layer.rows) * static_cast<std::size_t>(layer.inputs);
    double s = 0;
    for (std::size_t k = 0; k < w; ++k) s += g[k] * g[k];
    grad_square_sum[static_cast<std::size_t>(l)] += s;
  }
  ++batches;
  optimizer.step(network.parameters().data(), grads.data(), network.weight_count(), config.regularization,
                 config.regularization_rate, config.learning_rate);
  network.clamp_learned_params();
}

void Trainer::Impl::run_epoch() {
  if (config.shuffle) shuffle_in_place(order.data(), static_cast<std::uint32_t>(order.size()), shuffle_rng);
  std::fill(grad_square_sum.begin(), grad_square_sum.end(), 0.0);
  batches = 0;
  const int batch = std::max(1, std::min(config.batch_size, n_train));
  for (int start = 0; start < n_train; start += batch) {
    step(order.data() + start, std::min(batch, n_train - start));
  }
  for (std::size_t l = 0; l < grad_norm.size(); ++l) grad_norm[l] = std::sqrt(grad_square_sum[l] / batches);
  ++metrics.epoch;
  evaluate();
  history.record(metrics);
}

void Trainer::Impl::evaluate() {
  const auto measure = [&](const xt::xtensor<double, 2>& x, const xt::xtensor<double, 1>& t, int n, double& loss,
                           double& accuracy) {
    if (n == 0) {
      loss = kNaN;
      accuracy = kNaN;
      return;
    }
    double sum = 0;
    int correct = 0;
    for (int start = 0; start < n; start += Network::kChunk) {
      const int nb = std::min(Network::kChunk, n - start);
      network.forward(x.data() + start, static_cast<std::size_t>(n), nb, nullptr);
      sum += network.output_loss(t.data() + start, nb, 1.0, false, &correct);
    }
    loss = sum / n;
    accuracy = network.classification() ? static_cast<double>(correct) / n : kNaN;
  };
  measure(train_x, train_t, n_train, metrics.train_loss, metrics.train_accuracy);
  measure(test_x, test_t, n_test, metrics.test_loss, metrics.test_accuracy);
  const bool loss_ok = std::isfinite(metrics.train_loss) && (n_test == 0 || std::isfinite(metrics.test_loss));
  if (!loss_ok || !parameters_finite()) metrics.diverged = true;
}

bool Trainer::Impl::parameters_finite() const {
  double sum = 0;
  // One product per parameter: inf * 0 and NaN both poison the sum.
  for (double p : network.parameters()) sum += p * 0.0;
  return sum == 0.0;
}

int Trainer::Impl::layer_width(const char* call, int layer) const {
  const int hidden = network.hidden_count();
  if (layer < -1 || layer > hidden) {
    throw std::invalid_argument(std::string(call) + ": layer must be in -1.." + std::to_string(hidden) +
                                " (-1 = input features, 0.." + std::to_string(hidden - 1) + " = hidden layers, " +
                                std::to_string(hidden) + " = output), got " + std::to_string(layer));
  }
  return layer < 0 ? features : network.layer(layer).units;
}

void Trainer::Impl::point_features(const double* xs, const double* ys, int nb, double* out) const {
  const std::size_t f = static_cast<std::size_t>(features);
  std::vector<double> row(f);
  for (int b = 0; b < nb; ++b) {
    compute_features(config.features, xs[b], ys[b], row.data());
    standardizer.apply(row.data(), features);
    for (std::size_t i = 0; i < f; ++i) out[i * static_cast<std::size_t>(nb) + static_cast<std::size_t>(b)] = row[i];
  }
}

Trainer::Trainer(const TrainerConfig& config) : impl_(std::make_unique<Impl>(config)) {}

Trainer::~Trainer() = default;

std::unique_ptr<Trainer> Trainer::from_config_json(const std::string& config_json, const Registry& registry) {
  const nlohmann::json json = parse_json_text("config", config_json);
  return std::make_unique<Trainer>(parse_config(json, registry));
}

std::unique_ptr<Trainer> Trainer::import_model(const std::string& model_json, const Registry& registry) {
  const ModelDocument doc = parse_model_document(model_json, registry);
  auto trainer = std::make_unique<Trainer>(doc.config);
  Impl& impl = *trainer->impl_;
  load_model_layers(doc.layers, impl.network);
  impl.metrics = Metrics{};
  impl.evaluate();
  impl.history.clear();
  impl.history.record(impl.metrics);
  return trainer;
}

Metrics Trainer::train(int epochs) {
  if (epochs < 0)
    throw std::invalid_argument("train: epochs must be a non-negative integer, got " + std::to_string(epochs));
  for (int e = 0; e < epochs && !impl_->metrics.diverged; ++e) impl_->run_epoch();
  return impl_->metrics;
}

Metrics Trainer::metrics() const { return impl_->metrics; }

const History& Trainer::history() const { return impl_->history.history(); }

std::vector<LayerStats> Trainer::layer_stats() const {
  return compute_layer_stats(impl_->network, impl_->train_x.data(), impl_->n_train, impl_->train_t.data(),
                             impl_->grad_norm);
}

PointSet Trainer::points() const {
  PointSet p;
  p.x = impl_->data.x;
  p.y = impl_->data.y;
  p.label = impl_->data.label;
  p.is_test = impl_->data.is_test;
  return p;
}

int Trainer::output_classes() const { return impl_->network.outputs(); }

namespace {

/// Row r of one unit's grid into dst[0..size): an input feature (layer -1), a
/// hidden unit, or an output unit as drawn (a tanh output of two classes becomes
/// P(class 1) = (o + 1) / 2). GridEvaluator::run_row(r) must have run.
void unit_row(const GridEvaluator& grid, const Network& net, int layer, int index, int r, float* dst) {
  const std::size_t size = static_cast<std::size_t>(grid.size());
  const std::size_t at = static_cast<std::size_t>(index) * grid.stride();
  if (layer < 0) {
    grid.row_features(r, index, dst);
  } else if (layer < net.layer_count() - 1) {
    std::copy_n(grid.hidden(layer) + at, size, dst);
  } else {
    const double* v = grid.output() + at;
    if (net.loss_kind() == LossKind::kTanhHalfSquaredError && net.classification()) {
      for (std::size_t c = 0; c < size; ++c) dst[c] = static_cast<float>(0.5 * (v[c] + 1.0));
    } else {
      for (std::size_t c = 0; c < size; ++c) dst[c] = static_cast<float>(v[c]);
    }
  }
}

}  // namespace

xt::xtensor<float, 3> Trainer::predict_grid(const GridSpec& spec) const {
  const Network& net = impl_->network;
  GridEvaluator grid(spec, impl_->config.features, impl_->standardizer, net);
  const std::size_t size = static_cast<std::size_t>(spec.size);
  const std::size_t cells = size * size;
  const int output_layer = net.layer_count() - 1;
  xt::xtensor<float, 3> out({static_cast<std::size_t>(net.outputs()), size, size});
  for (int r = 0; r < spec.size; ++r) {
    grid.run_row(r);
    for (int o = 0; o < net.outputs(); ++o) {
      unit_row(grid, net, output_layer, o, r,
               out.data() + static_cast<std::size_t>(o) * cells + static_cast<std::size_t>(r) * size);
    }
  }
  return out;
}

NeuronGridSet Trainer::neuron_grid_set(const GridSpec& spec) const {
  const Network& net = impl_->network;
  GridEvaluator grid(spec, impl_->config.features, impl_->standardizer, net);
  const std::size_t size = static_cast<std::size_t>(spec.size);
  NeuronGridSet set;
  set.cells = size * size;
  for (int i = 0; i < impl_->features; ++i) {
    set.layer.push_back(-1);
    set.index.push_back(i);
  }
  for (int l = 0; l < net.layer_count(); ++l) {
    for (int j = 0; j < net.layer(l).units; ++j) {
      set.layer.push_back(l);
      set.index.push_back(j);
    }
  }
  set.values.resize({set.layer.size(), size, size});
  for (int r = 0; r < spec.size; ++r) {
    grid.run_row(r);
    for (std::size_t k = 0; k < set.layer.size(); ++k) {
      unit_row(grid, net, set.layer[k], set.index[k], r,
               set.values.data() + k * set.cells + static_cast<std::size_t>(r) * size);
    }
  }
  return set;
}

std::vector<NeuronGrid> Trainer::neuron_grids(const GridSpec& spec) const {
  const NeuronGridSet set = neuron_grid_set(spec);
  std::vector<NeuronGrid> grids;
  for (std::size_t k = 0; k < set.layer.size(); ++k) {
    grids.push_back({set.layer[k], set.index[k], xt::view(set.values, k, xt::all(), xt::all())});
  }
  return grids;
}

xt::xtensor<float, 2> Trainer::neuron_grid(const GridSpec& spec, int layer, int index) const {
  const Network& net = impl_->network;
  const int width = impl_->layer_width("neuronGrid", layer);
  if (index < 0 || index >= width) {
    throw std::invalid_argument("neuronGrid: index must be in 0.." + std::to_string(width - 1) + " for layer " +
                                std::to_string(layer) + ", got " + std::to_string(index));
  }
  GridEvaluator grid(spec, impl_->config.features, impl_->standardizer, net);
  const std::size_t size = static_cast<std::size_t>(spec.size);
  xt::xtensor<float, 2> out({size, size});
  for (int r = 0; r < spec.size; ++r) {
    if (layer >= 0) grid.run_row(r);
    unit_row(grid, net, layer, index, r, out.data() + static_cast<std::size_t>(r) * size);
  }
  return out;
}

std::vector<LearnedParam> Trainer::learned_params() const {
  std::vector<LearnedParam> out;
  const Network& net = impl_->network;
  for (int l = 0; l < net.hidden_count(); ++l) {
    const Network::Layer& layer = net.layer(l);
    for (const Network::Learnable& learnable : layer.learnables) {
      out.push_back({l, net.learned_name(l, learnable), net.learned_values(l, learnable)});
    }
  }
  return out;
}

xt::xtensor<double, 2> Trainer::transform(int layer, const std::vector<double>& x, const std::vector<double>& y) const {
  const Impl& impl = *impl_;
  const Network& net = impl.network;
  const int hidden = net.hidden_count();
  const int width = impl.layer_width("transform", layer);
  if (x.size() != y.size()) {
    throw std::invalid_argument("transform: x and y must have the same length, got " + std::to_string(x.size()) +
                                " and " + std::to_string(y.size()));
  }
  const std::size_t w = static_cast<std::size_t>(width);
  const int count = static_cast<int>(x.size());
  xt::xtensor<double, 2> result({x.size(), w});
  std::vector<double> in(static_cast<std::size_t>(impl.features) * Network::kChunk);
  std::vector<double> out(static_cast<std::size_t>(net.outputs()) * Network::kChunk);
  for (int first = 0; first < count; first += Network::kChunk) {
    const int nb = std::min(Network::kChunk, count - first);
    const std::size_t n = static_cast<std::size_t>(nb);
    impl.point_features(x.data() + first, y.data() + first, nb, in.data());
    const double* values = in.data();
    if (layer >= 0) {
      net.forward(in.data(), n, nb, nullptr);
      if (layer == hidden) {
        net.output_values(nb, out.data());
        values = out.data();
      } else {
        values = net.activation(layer);
      }
    }
    for (std::size_t b = 0; b < n; ++b) {
      for (std::size_t j = 0; j < w; ++j) result(static_cast<std::size_t>(first) + b, j) = values[j * n + b];
    }
  }
  return result;
}

void Trainer::update(const std::string& partial_config_json) {
  const nlohmann::json partial = parse_json_text("update", partial_config_json);
  apply_live_update(impl_->config, partial, impl_->n_train);
  impl_->optimizer.set_kind(impl_->config.optimizer);
}

std::vector<LayerWeights> Trainer::weights() const {
  const Network& net = impl_->network;
  std::vector<LayerWeights> out;
  for (int l = 0; l < net.layer_count(); ++l) {
    const Network::Layer& layer = net.layer(l);
    out.push_back({layer.inputs, layer.rows, net.layer_weights(l), net.layer_biases(l)});
  }
  return out;
}

namespace {

/// The weight layer `layer` of `net` after checking that it exists and that row `to` does.
const Network::Layer& edited_layer(const Network& net, const char* call, int layer, int to) {
  if (layer < 0 || layer >= net.layer_count()) {
    throw std::invalid_argument(std::string(call) + ": layer must be in 0.." + std::to_string(net.layer_count() - 1) +
                                ", got " + std::to_string(layer));
  }
  const Network::Layer& spec = net.layer(layer);
  if (to < 0 || to >= spec.rows) {
    throw std::invalid_argument(std::string(call) + ": to must be in 0.." + std::to_string(spec.rows - 1) + ", got " +
                                std::to_string(to));
  }
  return spec;
}

}  // namespace

void Trainer::set_weight(int layer, int to, int from, double value) {
  Network& net = impl_->network;
  const Network::Layer& spec = edited_layer(net, "setWeight", layer, to);
  if (from < 0 || from >= spec.inputs) {
    throw std::invalid_argument("setWeight: from must be in 0.." + std::to_string(spec.inputs - 1) + ", got " +
                                std::to_string(from));
  }
  if (!std::isfinite(value)) throw std::invalid_argument("setWeight: value must be a finite number");
  net.parameters()[spec.weight_offset + static_cast<std::size_t>(to) * static_cast<std::size_t>(spec.inputs) +
                   static_cast<std::size_t>(from)] = value;
  impl_->evaluate();
}

void Trainer::set_bias(int layer, int to, double value) {
  Network& net = impl_->network;
  const Network::Layer& spec = edited_layer(net, "setBias", layer, to);
  if (!std::isfinite(value)) throw std::invalid_argument("setBias: value must be a finite number");
  net.parameters()[spec.bias_offset + static_cast<std::size_t>(to)] = value;
  impl_->evaluate();
}

std::string Trainer::export_model() const { return model_to_json(impl_->config, impl_->network).dump(); }

const TrainerConfig& Trainer::config() const { return impl_->config; }

}  // namespace ap

#pragma once
// The multilayer perceptron: features -> hidden layers (each with its own
// activation and parameters, or a piece-wise layer such as maxout) -> a linear
// output layer whose activation and loss are fixed by a LossKind (losses.h).
// What an activation does is the registry's business: a layer only calls its
// activation's training kernels (activations/activation.h), once per array.
//
// Storage: every trainable number lives in one flat vector, in the order
//   [weights of layer 0 .. L][biases of layer 0 .. L][learned activation params],
// so that the optimizer is one loop and regularisation covers exactly the prefix
// of weights. Weights are row-major [row][input]; a maxout layer with k pieces
// has k rows per unit (row j*k + p is piece p of unit j).
//
// Kernels work on chunks of at most kChunk points stored unit-major
// (value of unit j at point b is buf[j * nb + b]), so every inner loop runs over
// contiguous points and vectorises. All buffers are allocated once, in the
// constructor; forward() and backward() never allocate.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>
#include <xtensor/xtensor.hpp>

#include "activations/activation.h"
#include "activations/maxout.h"
#include "train/config_types.h"
#include "train/losses.h"
#include "train/random.h"

namespace ap {

class Network {
 public:
  static constexpr int kChunk = 128;

  /// A learnable activation parameter of one layer: one value per unit (PReLU
  /// slope) or one per layer (e.g. Swish beta), stored at `offset` in parameters().
  struct Learnable {
    int index = 0;  ///< index into ParamValues / Activation::params
    bool per_unit = false;
    std::size_t offset = 0;
    double min = 0, max = 0;  ///< allowed range (learned values are clamped into it)
  };

  struct Layer {
    int inputs = 0, units = 0, pieces = 1, rows = 0;  ///< rows = units * pieces
    const Activation* activation = nullptr;           ///< null for a reduction layer and the output layer
    const Reduction* reduction = nullptr;             ///< maxout layers: k pieces per unit
    bool output = false;                              ///< the last (linear, LossKind) layer
    ParamValues params{};                             ///< fixed parameter values
    std::vector<Learnable> learnables;                ///< trained parameters (learn = true)
    bool per_unit_params = false;                     ///< some learnable is per unit
    std::size_t weight_offset = 0, bias_offset = 0;
  };

  /// `activations` has one entry per hidden layer; `outputs` output units.
  Network(int inputs, const std::vector<int>& hidden, const std::vector<LayerActivation>& activations, LossKind loss,
          int outputs, bool classification);

  /// Draws weights from `rng` (layer by layer, row-major) per `init`, times
  /// `scale`; sets every bias to `bias_init` and learned params to their configured values.
  void initialize(InitKind init, double scale, double bias_init, Rng& rng);

  int inputs() const { return inputs_; }
  int outputs() const { return layers_.back().units; }
  int hidden_count() const { return static_cast<int>(layers_.size()) - 1; }
  int layer_count() const { return static_cast<int>(layers_.size()); }
  const Layer& layer(int l) const { return layers_[static_cast<std::size_t>(l)]; }
  LossKind loss_kind() const { return loss_; }
  bool classification() const { return classification_; }

  std::vector<double>& parameters() { return params_; }
  const std::vector<double>& parameters() const { return params_; }
  std::vector<double>& gradients() { return grads_; }
  const std::vector<double>& gradients() const { return grads_; }
  /// Number of weights: parameters()[0, weight_count()) are regularised.
  std::size_t weight_count() const { return weight_count_; }

  /// Copies of layer l's slices of parameters(): weights (rows x inputs, row-major),
  /// biases (rows), and one learned activation parameter (units values, or 1 per layer).
  xt::xtensor<double, 2> layer_weights(int l) const;
  xt::xtensor<double, 1> layer_biases(int l) const;
  std::vector<double> learned_values(int l, const Learnable& learnable) const;
  /// Name of a learned activation parameter of layer l, e.g. "a" for PReLU's slope.
  const std::string& learned_name(int l, const Learnable& learnable) const;

  /// Parameter values of unit `unit` of hidden layer `l` (learned ones filled in).
  ParamValues unit_params(int l, int unit) const;

  /// Forward pass over nb <= kChunk points whose features are x[i * ldx + b].
  /// With `training_rng` this is a training pass (activations with training-time
  /// randomness, such as RReLU, draw from it); without it, an evaluation pass.
  void forward(const double* x, std::size_t ldx, int nb, Rng* training_rng) const;

  /// Pre-activations (rows x nb) and activations (units x nb) of layer l after
  /// forward(); for the output layer the activation is not computed here (see losses.h).
  const double* pre_activation(int l) const { return work_.z[static_cast<std::size_t>(l)].data(); }
  const double* activation(int l) const { return work_.a[static_cast<std::size_t>(l)].data(); }

  /// Loss summed over the nb points of the last forward(); writes scale * dloss/dz
  /// of the output layer for backward() when `with_delta`.
  double output_loss(const double* targets, int nb, double scale, bool with_delta, int* correct) const;

  /// Only the output delta (scale * dloss/dz) for backward(); cheaper than output_loss.
  void output_delta(const double* targets, int nb, double scale) const;

  /// Output activations (outputs x nb) of the last forward() into out.
  void output_values(int nb, double* out) const;

  /// Backpropagates the output delta of output_loss(with_delta = true) and adds
  /// the gradient of the summed, scaled loss to gradients().
  void backward(int nb);

  /// Receives the delta of every layer during backward_deltas(): for layer l,
  /// `delta` is dloss/d(unit output pre-activation) as units x nb (for maxout the
  /// delta routed to each unit, i.e. of the winning piece).
  struct DeltaVisitor {
    virtual void visit(int layer, const double* delta, int nb) = 0;

   protected:
    ~DeltaVisitor() = default;
  };
  /// Like backward() (same pass, same deltas) but reports the deltas and leaves gradients() alone.
  void backward_deltas(int nb, DeltaVisitor& visitor) const;

  /// f'(pre-activation) of every unit of layer l at the points of the last
  /// forward() (evaluation mode, as training computes it) into out (units x nb);
  /// reduction layers: 1; output layer: the output activation's derivative.
  void layer_derivative(int l, int nb, double* out) const;

  /// Calls kernel(offset, length, params) once for all units of hidden layer l,
  /// or once per unit (offset j * n, length n) when a learnable parameter is per unit;
  /// n is the number of points per unit in the caller's buffer.
  template <typename Kernel>
  void for_each_param_block(int l, std::size_t n, Kernel&& kernel) const {
    const Layer& layer = layers_[static_cast<std::size_t>(l)];
    if (layer.learnables.empty()) {
      kernel(std::size_t{0}, static_cast<std::size_t>(layer.units) * n, layer.params);
      return;
    }
    if (!layer.per_unit_params) {
      kernel(std::size_t{0}, static_cast<std::size_t>(layer.units) * n, unit_params(l, 0));
      return;
    }
    for (int j = 0; j < layer.units; ++j) kernel(static_cast<std::size_t>(j) * n, n, unit_params(l, j));
  }

  /// Clamps learned activation parameters into their allowed ranges.
  void clamp_learned_params();

  /// Sum of the regularisation penalty over the weights: rate * sum 0.5 w^2 (L2)
  /// or rate * sum |w| (L1).
  double regularization_penalty(RegularizationKind kind, double rate) const;

 private:
  void activate(int l, int nb, Rng* training_rng) const;
  /// `grads` (null: do not accumulate) receives the learned activation parameters' gradients.
  void hidden_backward(int l, int nb, const double* da, double* dz, double* grads) const;
  void run_backward(int nb, double* grads, DeltaVisitor* visitor) const;

  int inputs_;
  LossKind loss_;
  bool classification_;
  std::vector<Layer> layers_;
  std::vector<double> params_, grads_;
  std::size_t weight_count_ = 0;

  /// Scratch of the passes over one chunk (kChunk points), allocated once in the
  /// constructor. Evaluation (forward, losses, deltas, derivatives) only writes
  /// here, so those calls are const: the model itself does not change.
  struct Workspace {
    const double* x = nullptr;  ///< input of the last forward(), for the first layer's weight gradient
    std::size_t ldx = 0;
    bool last_forward_training = false;
    // Each chunk buffer is (rows or units) x kChunk; a pass over nb points uses the
    // first nb * width values, unit-major (value of unit j at point b at [j * nb + b]).
    std::vector<xt::xtensor<double, 2>> z, a;          // per layer: pre-activations, activations
    std::vector<xt::xtensor<double, 2>> state;         // per element, for activations that keep training state
    std::vector<xt::xtensor<std::uint8_t, 2>> winner;  // reduction layers: winning piece
    xt::xtensor<double, 2> delta_out;                  // output delta
    xt::xtensor<double, 2> da[2];                      // dloss/d(activation), ping-pong
    xt::xtensor<double, 2> dz;                         // dloss/d(pre-activation)
    xt::xtensor<double, 2> param_scratch;              // param-derivative values
  };
  mutable Workspace work_;
};

}  // namespace ap

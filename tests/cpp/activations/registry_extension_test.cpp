// A registry grows at run time: an activation written outside the built-in catalog
// (kernels as closures, no policy, no name known to the trainer) is listed, trains,
// and learns its per-unit parameter, while the built-in registry stays as it was.

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>

#include "activations/catalog_json.h"
#include "activations/registry.h"
#include "train/trainer.h"

namespace ap {
namespace {

/// f'(x) = g c / (c + |x|)^2 with c from ctx.data.
void toy_training_derivative(const double* x, const double*, double* d, std::size_t n, const KernelContext& ctx) {
  const double k = *static_cast<const double*>(ctx.data);
  for (std::size_t i = 0; i < n; ++i) d[i] = ctx.params[0] * k / ((k + std::fabs(x[i])) * (k + std::fabs(x[i])));
}

/// f(x) = g x / (c + |x|): a softsign with a learnable per-unit gain g and a
/// constant c fixed when the activation is made (the kernels' context).
Activation toy_activation(double c) {
  Activation a;
  a.name = "toy_softsign";
  a.label = "Toy softsign";
  a.formula = "f(x) = \\frac{g\\,x}{c + |x|}";
  a.derivative_formula = "f'(x) = \\frac{g\\,c}{(c + |x|)^2}";
  a.params = {ParamSpec("g").with_default(1.0).in(0.1, 10.0).learned_per_unit()};
  a.properties = Properties::of_group("smooth").range(-1.0, 1.0).monotone().continuity(Smoothness::kC1).centred();
  const auto value = [c](double x, double g) { return g * x / (c + std::fabs(x)); };
  const auto slope = [c](double x, double g) { return g * c / ((c + std::fabs(x)) * (c + std::fabs(x))); };
  a.forward = [value](const double* x, double* y, std::size_t n, const ParamValues& p) {
    for (std::size_t i = 0; i < n; ++i) y[i] = value(x[i], p[0]);
  };
  a.derivative = [slope](const double* x, const double*, double* d, std::size_t n, const ParamValues& p) {
    for (std::size_t i = 0; i < n; ++i) d[i] = slope(x[i], p[0]);
  };
  a.param_derivative = [c](const double* x, const double*, int, double* out, std::size_t n, const ParamValues&) {
    for (std::size_t i = 0; i < n; ++i) out[i] = x[i] / (c + std::fabs(x[i]));
  };
  // Training kernels are plain function pointers: what they close over comes as ctx.data.
  a.training.data = std::make_shared<const double>(c);
  a.training.forward = [](const double* x, double* y, std::size_t n, const KernelContext& ctx) {
    const double k = *static_cast<const double*>(ctx.data);
    for (std::size_t i = 0; i < n; ++i) y[i] = ctx.params[0] * x[i] / (k + std::fabs(x[i]));
  };
  a.training.derivative = &toy_training_derivative;
  a.training.backward = [](const double* x, const double* y, const double* dy, double* dx, std::size_t n,
                           const KernelContext& ctx) {
    toy_training_derivative(x, y, dx, n, ctx);
    for (std::size_t i = 0; i < n; ++i) dx[i] *= dy[i];
  };
  return a;
}

TEST(RegistryExtension, AnActivationAddedAtRunTimeIsListedTrainsAndLearnsItsPerUnitParameter) {
  Registry registry;
  const std::size_t builtin = registry.activations().size();
  registry.add(toy_activation(2.0));

  ASSERT_EQ(registry.activations().size(), builtin + 1);
  EXPECT_EQ(registry.activations().back().name, "toy_softsign");
  EXPECT_EQ(catalog_to_json(registry).back()["name"], "toy_softsign");
  EXPECT_THROW(Registry::builtin().find("toy_softsign"), std::invalid_argument);

  const auto trainer = Trainer::from_config_json(
      R"({"dataset": "circle", "points": 200, "hidden": [6], "activation": "toy_softsign", "optimizer": "adam",
          "learningRate": 0.03, "seed": 3})",
      registry);
  const Metrics first = trainer->train(1);
  const Metrics later = trainer->train(60);
  EXPECT_FALSE(later.diverged);
  EXPECT_LT(later.train_loss, 0.8 * first.train_loss);
  EXPECT_GT(later.train_accuracy, 0.8);

  const std::vector<LearnedParam> learned = trainer->learned_params();
  ASSERT_EQ(learned.size(), 1u);
  EXPECT_EQ(learned[0].name, "g");
  ASSERT_EQ(learned[0].values.size(), 6u) << "one gain per unit";
  bool moved = false;
  for (double g : learned[0].values) moved = moved || g != 1.0;
  EXPECT_TRUE(moved);

  const std::string exported = trainer->export_model();
  const auto copy = Trainer::import_model(exported, registry);
  EXPECT_EQ(copy->metrics().train_loss, trainer->metrics().train_loss);
}

TEST(RegistryExtension, AddRejectsATakenNameANamelessEntryAndMissingKernels) {
  Registry registry;
  registry.add(toy_activation(1.0));
  EXPECT_THROW(registry.add(toy_activation(1.0)), std::invalid_argument);
  Activation nameless = toy_activation(1.0);
  nameless.name.clear();
  EXPECT_THROW(registry.add(nameless), std::invalid_argument);
  Activation no_kernels;
  no_kernels.name = "empty";
  EXPECT_THROW(registry.add(no_kernels), std::invalid_argument);
  EXPECT_EQ(registry.activations().size(), Registry::builtin().activations().size() + 1);
}

}  // namespace
}  // namespace ap

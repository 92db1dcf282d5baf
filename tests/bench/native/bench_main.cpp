// Native benchmark of the training core (the `ap_bench` target).
//
//   ap_bench                     reference configurations A and B (issue 3): median
//                                ms per epoch (train + train/test losses), per
//                                predictGrid 100x100 and per neuronGrids 100x100
//   ap_bench --json              the same as one JSON object
//   ap_bench --model M.json --epochs N [--json]
//                                imports a model (format 1), trains 5 epochs and
//                                reports the losses (the cross-implementation check
//                                of issue 5), then times N more epochs one by one
//                                and the grids; prints JSON with --json.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "train/trainer.h"

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/// The fastest of the samples: a floor that other processes on the machine can only raise.
double g_last_min = 0;

/// Median wall time in ms of `reps` calls of `fn`, each divided by `per_call`
/// units (the minimum is left in g_last_min).
double time_ms(int reps, double per_call, const std::function<void()>& fn) {
  std::vector<double> samples;
  samples.reserve(static_cast<std::size_t>(reps));
  for (int r = 0; r < reps; ++r) {
    const auto t0 = Clock::now();
    fn();
    const auto t1 = Clock::now();
    samples.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count() / per_call);
  }
  g_last_min = *std::min_element(samples.begin(), samples.end());
  return median(samples);
}

struct Timings {
  double epoch_ms, grid_ms, neurons_ms;
  double epoch_min, grid_min, neurons_min;
};

Timings measure(ap::Trainer& trainer, int epoch_reps, int epochs_per_rep, int grid_reps) {
  const ap::GridSpec grid{100, -6, 6, -6, 6};
  trainer.train(20);
  trainer.predict_grid(grid);
  trainer.neuron_grid_set(grid);
  Timings t{};
  t.epoch_ms = time_ms(epoch_reps, epochs_per_rep, [&] { trainer.train(epochs_per_rep); });
  t.epoch_min = g_last_min;
  t.grid_ms = time_ms(grid_reps, 1, [&] { trainer.predict_grid(grid); });
  t.grid_min = g_last_min;
  t.neurons_ms = time_ms(grid_reps, 1, [&] { trainer.neuron_grid_set(grid); });
  t.neurons_min = g_last_min;
  return t;
}

const char* const kConfigA =
    R"({"dataset": "circle", "points": 500, "trainFraction": 0.5, "features": ["x", "y"], "hidden": [4, 2],
        "activation": "tanh", "optimizer": "sgd", "learningRate": 0.03, "batchSize": 10})";
const char* const kConfigB =
    R"({"dataset": "spiral", "points": 500, "trainFraction": 0.5,
        "features": ["x", "y", "x2", "y2", "xy", "sinx", "siny"], "hidden": [8, 8, 8, 8, 8, 8],
        "activation": "tanh", "optimizer": "sgd", "learningRate": 0.03, "batchSize": 10})";

int run_reference(bool json) {
  const struct {
    const char* name;
    const char* config;
  } configs[] = {{"A", kConfigA}, {"B", kConfigB}};
  std::ostringstream out;
  out << "{";
  for (std::size_t c = 0; c < 2; ++c) {
    auto trainer = ap::Trainer::from_config_json(configs[c].config);
    const Timings t = measure(*trainer, 101, 10, 51);
    if (json) {
      out << (c ? ", " : "") << "\"" << configs[c].name << "\": {\"msPerEpoch\": " << t.epoch_ms
          << ", \"msPredictGrid100\": " << t.grid_ms << ", \"msNeuronGrids100\": " << t.neurons_ms << "}";
    } else {
      std::printf(
          "config %s: %.4f ms/epoch (min %.4f), predictGrid 100x100 %.3f ms (min %.3f), "
          "neuronGrids 100x100 %.3f ms (min %.3f)\n",
          configs[c].name, t.epoch_ms, t.epoch_min, t.grid_ms, t.grid_min, t.neurons_ms, t.neurons_min);
    }
  }
  out << "}";
  if (json) std::printf("%s\n", out.str().c_str());
  return 0;
}

int run_model(const std::string& path, int epochs, bool json) {
  std::ifstream file(path);
  if (!file) throw std::invalid_argument("--model: cannot read " + path);
  std::stringstream text;
  text << file.rdbuf();
  auto trainer = ap::Trainer::import_model(text.str());
  const ap::Metrics after5 = trainer->train(5);
  std::vector<double> epoch_ms;
  for (int e = 0; e < epochs; ++e) {
    const auto t0 = Clock::now();
    trainer->train(1);
    epoch_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  const ap::GridSpec grid{100, -6, 6, -6, 6};
  trainer->predict_grid(grid);
  const double grid_ms = time_ms(51, 1, [&] { trainer->predict_grid(grid); });
  const double neurons_ms = time_ms(31, 1, [&] { trainer->neuron_grid_set(grid); });
  const double per_epoch = epoch_ms.empty() ? 0.0 : median(epoch_ms);
  const double fastest = epoch_ms.empty() ? 0.0 : *std::min_element(epoch_ms.begin(), epoch_ms.end());
  if (json) {
    std::printf(
        "{\"msPerEpoch\": %.6f, \"msPerEpochMin\": %.6f, \"msPredictGrid100\": %.6f, \"msNeuronGrids100\": %.6f, "
        "\"epochs\": %d, \"trainLossAfter5\": %.17g, \"testLossAfter5\": %.17g}\n",
        per_epoch, fastest, grid_ms, neurons_ms, epochs, after5.train_loss, after5.test_loss);
  } else {
    std::printf("loss after 5 epochs: train %.17g, test %.17g\n", after5.train_loss, after5.test_loss);
    std::printf("%.4f ms/epoch (median of %d, min %.4f), predictGrid 100x100 %.3f ms, neuronGrids 100x100 %.3f ms\n",
                per_epoch, epochs, fastest, grid_ms, neurons_ms);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    bool json = false;
    std::string model;
    int epochs = 200;
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      if (arg == "--json") {
        json = true;
      } else if (arg == "--model" && i + 1 < argc) {
        model = argv[++i];
      } else if (arg == "--epochs" && i + 1 < argc) {
        epochs = std::stoi(argv[++i]);
        if (epochs < 0) throw std::invalid_argument("--epochs must be a non-negative integer");
      } else {
        std::fprintf(stderr, "usage: ap_bench [--json] [--model file.json [--epochs N]]\n");
        return 2;
      }
    }
    return model.empty() ? run_reference(json) : run_model(model, epochs, json);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ap_bench: %s\n", e.what());
    return 1;
  }
}

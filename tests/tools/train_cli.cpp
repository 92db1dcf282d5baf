// ap_train_cli: trains a configuration natively and prints the metrics as JSON,
// so the node tests can check that the native and wasm builds agree.
//
//   ap_train_cli '<config json>' <epochs>

#include <cmath>
#include <cstdio>
#include <exception>
#include <string>

#include "train/trainer.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: ap_train_cli '<config json>' <epochs>\n");
    return 2;
  }
  try {
    auto trainer = ap::Trainer::from_config_json(argv[1]);
    const ap::Metrics m = trainer->train(std::stoi(argv[2]));
    // Regression has no accuracy (NaN), which JSON writes as null.
    const auto accuracy = [](double a) { return std::isnan(a) ? std::string("null") : std::to_string(a); };
    std::printf("{\"epoch\": %d, \"trainLoss\": %.17g, \"testLoss\": %.17g, \"trainAccuracy\": %s, \"testAccuracy\": %s}\n",
                m.epoch, m.train_loss, m.test_loss, accuracy(m.train_accuracy).c_str(), accuracy(m.test_accuracy).c_str());
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "ap_train_cli: %s\n", error.what());
    return 1;
  }
}

// libFuzzer target: a trainer built from arbitrary configuration JSON (custom data
// included), trained for an epoch, updated live and asked for its grids.
// Input: "<config JSON>\n<update JSON>".
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "train/config_types.h"
#include "train/dataset.h"
#include "train/grid.h"
#include "train/trainer.h"

#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = text.find('\n');
  const std::string config = text.substr(0, newline);
  const std::string update = newline == std::string::npos ? "{}" : text.substr(newline + 1);
  std::unique_ptr<ap::Trainer> trainer;
  if (ap_fuzz::refuses([&] { trainer = ap::Trainer::from_config_json(config); })) return 0;
  // Training cost grows with points x width; one small epoch keeps each run quick.
  if (ap::training_point_count(trainer->config()) <= 2000) trainer->train(1);
  ap_fuzz::refuses([&] { trainer->update(update); });
  ap::GridSpec grid;
  grid.size = 4;
  const auto cells = trainer->predict_grid(grid);
  ap_fuzz::check(cells.size() == static_cast<std::size_t>(trainer->output_classes()) * 16, "a grid of the wrong size");
  // An exported model imports again.
  ap::Trainer::import_model(trainer->export_model());
  return 0;
}

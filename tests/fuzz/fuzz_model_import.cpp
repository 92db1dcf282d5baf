// libFuzzer target: model import from arbitrary JSON. A model that imports must export
// text that imports again to the same export (a round trip is the identity).
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "train/trainer.h"

#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<ap::Trainer> trainer;
  if (ap_fuzz::refuses([&] { trainer = ap::Trainer::import_model(text); })) return 0;
  const std::string exported = trainer->export_model();
  ap_fuzz::check(ap::Trainer::import_model(exported)->export_model() == exported, "export -> import -> export changed the model");
  return 0;
}

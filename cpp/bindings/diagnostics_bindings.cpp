// Embind layer for memory diagnostics: what the leak tests and soaks watch.
#include <emscripten/bind.h>
#include <malloc.h>

namespace ap::bindings {
namespace {

/// Bytes malloc has handed out and not had back. Unlike the size of wasm memory, which
/// never shrinks, this falls again when memory is freed, so a leak shows as growth.
double heap_bytes_in_use() { return static_cast<double>(mallinfo().uordblks); }

}  // namespace
}  // namespace ap::bindings

EMSCRIPTEN_BINDINGS(activation_diagnostics) {
  emscripten::function("heapBytesInUse", &ap::bindings::heap_bytes_in_use);
}

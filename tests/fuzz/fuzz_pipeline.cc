// The whole pipeline on arbitrary bytes (any encoding: the decoder guesses),
// with the invariants of tests/support/invariants.h checked on every run.
#include <memory>
#include <vector>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<bulletin::Engine> engine = [] {
    std::vector<bulletin::Status> errors;
    auto e = bulletin::Engine::Load("", &errors);
    if (!e) std::abort();
    return e;
  }();
  bulletin_fuzz::TempFile f(reinterpret_cast<const char*>(data), size);
  bulletin_fuzz::CheckOrDie(*engine, f.path());
  return 0;
}

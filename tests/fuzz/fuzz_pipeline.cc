// The whole pipeline on arbitrary bytes (any encoding: the decoder guesses),
// with the invariants of tests/support/invariants.h checked on every run.

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bulletin_fuzz::TempFile f(reinterpret_cast<const char*>(data), size);
  bulletin_fuzz::CheckOrDie(bulletin_fuzz::SharedEngine(), f.path());
  return 0;
}

// The date normaliser, reached through the pipeline: the bytes are put
// between date-shaped text (a year before, a month and day after) in one
// bulletin sentence, so the date rules and their normaliser see them on
// every run; every invariant is checked.
#include <string>

#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // "标题\n\n2022年" + bytes + "月1日发布。\n" in UTF-8, written as escapes
  // (src/ and tests/fuzz/ keep no CJK outside comments).
  std::string text =
      "\xe6\xa0\x87\xe9\xa2\x98\n\n2022\xe5\xb9\xb4" +
      std::string(reinterpret_cast<const char*>(data), size) +
      "\xe6\x9c\x88\x31\xe6\x97\xa5\xe5\x8f\x91\xe5\xb8\x83\xe3\x80\x82\n";
  bulletin_fuzz::TempFile f(text.data(), text.size());
  bulletin_fuzz::CheckOrDie(bulletin_fuzz::SharedEngine(), f.path());
  return 0;
}

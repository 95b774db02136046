// The rule-file loader: the bytes become one user rule or table file (its
// name chosen by the first byte) next to the built-in ones. Loading must
// either succeed or report errors, never crash; a rule set that loads is
// then run over a small bulletin with every invariant checked.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_common.h"

namespace {

// The files a user may add (rules/README.md); keep the seeds
// (seeds/rules/, first byte = index here) in step with this list.
const char* const kNames[] = {
    "date.rules",
    "figures.rules",
    "urls.rules",
    "numerals.tsv",
    "currencies.tsv",
    "units.tsv",
    "qualifiers.tsv",
    "date_words.tsv",
    "layout.tsv",
    "orgs.tsv",
    "sections.txt",
};

const char kBulletin[] =
    "\xe7\xac\xac\x31\xe6\x9c\x9f\n\n"  // a masthead-like first line
    "Test bulletin\n\n"
    "2022-05-01 revenue 3.5% up, USD 12 million, 40 nm, https://example.org/a\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static std::string dir = [] {
    const char* t = std::getenv("TMPDIR");
    std::string d = std::string(t ? t : "/tmp") + "/bulletin-fuzz-rules-XXXXXX";
    if (!mkdtemp(&d[0])) std::abort();
    return d;
  }();
  const std::string name = kNames[data[0] % (sizeof kNames / sizeof *kNames)];
  const std::string path = dir + "/" + name;
  {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) std::abort();
    std::fwrite(data + 1, 1, size - 1, f);
    std::fclose(f);
  }
  std::vector<bulletin::Status> errors;
  auto engine = bulletin::Engine::Load(dir, &errors);
  if (engine) {
    bulletin_fuzz::TempFile input(kBulletin, sizeof kBulletin - 1);
    bulletin_fuzz::CheckOrDie(*engine, input.path());
  } else if (errors.empty()) {
    std::fprintf(stderr, "Engine::Load failed without an error\n");
    std::abort();
  }
  unlink(path.c_str());
  return 0;
}

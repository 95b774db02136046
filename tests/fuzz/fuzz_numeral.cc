// The numeral normaliser (Numerals::Parse over the built-in numerals.tsv):
// any text either is no number or gives a well-formed Decimal whose plain
// decimal form parses back to the same value.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "numeral.h"
#include "rule_files.h"

namespace {

void Fail(const std::string& what) {
  std::fprintf(stderr, "numeral: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::optional<bulletin::Numerals> numerals = [] {
    bulletin::RuleFiles files = bulletin::RuleFiles::Builtin();
    auto found = files.Find("numerals.tsv");
    if (found.empty()) std::abort();
    std::string error;
    auto n = bulletin::Numerals::FromTsv(found.front()->text, &error);
    if (!n) std::abort();
    return n;
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<bulletin::Decimal> d = numerals->Parse(text);
  if (!d) return 0;
  if (d->digits.empty()) Fail("empty digits");
  for (char c : d->digits)
    if (c < '0' || c > '9') Fail("non-digit in digits: " + d->digits);
  if (d->digits.size() > 1 && d->digits[0] == '0') Fail("leading zero: " + d->digits);
  std::string plain = d->ToString();
  std::optional<bulletin::Decimal> again = numerals->Parse(plain);
  if (!again || !(*again == *d)) Fail("round trip: " + plain);
  return 0;
}

// check: the library side of `bulletin-extract check` (src/check.h): --years
// and config files, and the effective severity. (The report formats are in
// check_report_test.cc, the rules in check_rules_test.cc.)
#include "check.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "check_rules.h"

namespace bulletin {
namespace {

TEST_CASE("check: --years and config files are parsed strictly", "[check]") {
  int from = 0, to = 0;
  CHECK(ParseYears("1990..2030", &from, &to));
  CHECK((from == 1990 && to == 2030));
  for (const char* bad : {"2030..1990", "1990-2030", "..2030", "x..y", ""})
    CHECK_FALSE(ParseYears(bad, &from, &to));

  std::set<std::string> off;
  CHECK(ApplyCheckConfig("# release\n\ndisable url.shared  # noisy\n"
                         "disable title.duplicate\nenable url.shared\n",
                         "cfg", &off)
            .ok());
  CHECK(off == std::set<std::string>{"title.duplicate"});
  Status s = ApplyCheckConfig("disable url.nope\n", "cfg", &off);
  CHECK(s.code == StatusCode::kBadUsage);
  CHECK(s.ToString() ==
        "cfg:1:9: unknown rule 'url.nope' (bulletin-extract check "
        "--help lists them)");
  s = ApplyCheckConfig("\n  mute url.shared\n", "cfg", &off);
  CHECK(s.ToString().rfind("cfg:2:3: ", 0) == 0);
}

TEST_CASE("check: invalid bytes are an error only with --encoding utf-8",
          "[check]") {
  Diagnostic d{Severity::kWarning, "decode.invalid-bytes", "a.txt", 1, 1, ""};
  CHECK(EffectiveSeverity(d, "utf-8") == Severity::kError);
  CHECK(EffectiveSeverity(d, "auto") == Severity::kWarning);
  d.rule = "date.impossible";
  CHECK(EffectiveSeverity(d, "auto") == Severity::kError);
}

}  // namespace
}  // namespace bulletin

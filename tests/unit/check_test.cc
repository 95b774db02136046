// check: the library side of `bulletin-extract check` (src/check.h): --years
// and config files, the effective severity, and the report formats
// (src/cli/check_report.h).
#include "check.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "check_report.h"
#include "check_rules.h"

namespace bulletin {
namespace {

using nlohmann::json;

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

TEST_CASE("check: the report formats", "[check]") {
  Diagnostic d{Severity::kError,         "url.malformed", "a,b.txt", 10, 8,
               "bad URL: 100%\nhttp://x"};
  CHECK(FormatText(d) ==
        "a,b.txt:10:8: error: bad URL: 100%\nhttp://x [url.malformed]");
  CHECK(FormatGithub(d) ==
        "::error file=a%2Cb.txt,line=10,col=8,title=url.malformed::"
        "bad URL: 100%25%0Ahttp://x");
  json j = json::parse(FormatJson(d));
  CHECK(j == json{{"file", "a,b.txt"},
                  {"line", 10},
                  {"col", 8},
                  {"severity", "error"},
                  {"rule", "url.malformed"},
                  {"message", "bad URL: 100%\nhttp://x"}});

  d.severity = Severity::kWarning;
  d.path = "期刊 1.txt";
  json log = json::parse(FormatSarif({d}));
  CHECK(log["version"] == "2.1.0");
  const json& run = log["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "bulletin-extract");
  CHECK(run["tool"]["driver"]["rules"].size() == CheckRules().size());
  const json& r = run["results"][0];
  CHECK(r["ruleId"] == "url.malformed");
  CHECK(r["level"] == "warning");
  CHECK(run["tool"]["driver"]["rules"][r["ruleIndex"].get<int>()]["id"] ==
        "url.malformed");
  const json& loc = r["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "%E6%9C%9F%E5%88%8A%201.txt");
  CHECK(loc["region"] == json{{"startLine", 10}, {"startColumn", 8}});
}

}  // namespace
}  // namespace bulletin

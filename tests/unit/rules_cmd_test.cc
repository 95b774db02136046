// cli/rules_cmd: `rules list` (every rule, or every rule file, with its
// origin) and `rules test` (every candidate match of each line, kept or
// dropped, with its fields), through src/cli/commands.h. The sentences
// were written for this test.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "capture.h"
#include "commands.h"
#include "exit_codes.h"
#include "extract.h"
#include "pipeline.h"
#include "rule_files.h"
#include "test_dirs.h"

namespace bulletin::cli {
namespace {

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

testing::Captured List(const std::string& rules_dir, bool files) {
  RulesOptions opt;
  opt.rules_dir = rules_dir;
  opt.list_files = files;
  return testing::Capture([&] { return RunRulesList(opt); });
}

// `rules test` over a file holding `text`.
testing::Captured Test(const std::string& text, RulesOptions opt = {}) {
  testing::ScratchDir dir(testing::FileList{{"in.txt", text}});
  opt.file = dir.path() + "/in.txt";
  auto c = testing::Capture([&] { return RunRulesTest(opt); });
  // The file's name as the listing starts each line.
  const std::string prefix = opt.file + ":";
  for (size_t at; (at = c.out.find(prefix)) != std::string::npos;)
    c.out.replace(at, prefix.size(), "in.txt:");
  return c;
}

TEST_CASE("rules list: every loaded rule, its priority and where it is",
          "[cli][rules_cmd]") {
  auto c = List("", false);
  CHECK(c.status == kExitOk);
  CHECK(c.err == "");
  std::vector<Status> errors;
  auto engine = Engine::Load("", &errors);
  REQUIRE(engine);
  const auto& rules = engine->extractor->rules();
  std::vector<std::string> lines = Lines(c.out);
  REQUIRE(lines.size() == rules.size());
  for (size_t i = 0; i < rules.size(); ++i) {
    INFO(lines[i]);
    CHECK(lines[i] == rules[i].name + "\t" + std::to_string(rules[i].priority) +
                          "\t" + rules[i].origin + ":" +
                          std::to_string(rules[i].line));
    CHECK(rules[i].origin.rfind("builtin:", 0) == 0);
  }
}

TEST_CASE(
    "rules list --rules: a rule of the same name replaces the "
    "built-in one",
    "[cli][rules_cmd]") {
  testing::ScratchDir dir(
      testing::FileList{{"urls.rules", "# scratch\nurl.web 7 https://x\n"}});
  auto c = List(dir.path(), false);
  CHECK(c.status == kExitOk);
  int found = 0;
  for (const auto& l : Lines(c.out)) {
    if (l.rfind("url.web\t", 0) != 0) continue;
    ++found;
    CHECK(l == "url.web\t7\t" + dir.path() + "/urls.rules:2");
  }
  CHECK(found == 1);
}

TEST_CASE(
    "rules list --files: every rule and table file, its origin and "
    "size",
    "[cli][rules_cmd]") {
  testing::ScratchDir dir(testing::FileList{{"units.tsv", "km\tlength\n"}});
  auto c = List(dir.path(), true);
  CHECK(c.status == kExitOk);
  RuleFiles builtin = RuleFiles::Builtin();
  std::vector<std::string> lines = Lines(c.out);
  CHECK(lines.size() == builtin.all().size() + 1);
  for (const auto& f : builtin.all()) {
    INFO(f.name);
    CHECK(std::count(lines.begin(), lines.end(),
                     f.name + "\tbuiltin:" + f.name + "\t" +
                         std::to_string(f.text.size()) + " bytes") == 1);
  }
  CHECK(std::count(lines.begin(), lines.end(),
                   "units.tsv\t" + dir.path() + "/units.tsv\t10 bytes") == 1);
}

TEST_CASE(
    "rules list and rules test with broken rules: file:line:col, "
    "status 2, no listing",
    "[cli][rules_cmd]") {
  testing::ScratchDir dir(testing::FileList{
      {"urls.rules", "url.web 7 (unclosed\n"}, {"units.tsv", "mile\n"}});
  RulesOptions opt;
  opt.rules_dir = dir.path();
  opt.file = dir.path() + "/units.tsv";
  for (bool test : {false, true}) {
    INFO((test ? "rules test" : "rules list"));
    auto c = testing::Capture(
        [&] { return test ? RunRulesTest(opt) : RunRulesList(opt); });
    CHECK(c.status == kExitUsage);
    CHECK(c.out == "");
    CHECK(c.err.find(dir.path() + "/units.tsv:1:5: ") != std::string::npos);
    CHECK(c.err.find(dir.path() + "/urls.rules:1:") != std::string::npos);
  }
}

TEST_CASE(
    "rules test: every candidate of each line, kept or dropped, with "
    "its fields",
    "[cli][rules_cmd]") {
  auto c = Test(
      "样品单价为42亿元，另有7月9日的报价。\n\n没有数字的一行。\n"
      "总额约3.5万美元。\n");
  CHECK(c.status == kExitOk);
  CHECK(c.err == "");
  CHECK(
      c.out ==
      "in.txt:1: money.scale_only dropped '42亿'\n"
      "in.txt:1: money.amount kept '42亿元' value=4200000000 currency=\"CNY\"\n"
      "in.txt:1: date.month_bare dropped '7月'\n"
      "in.txt:1: date.md kept '7月9日' value=\"XXXX-07-09\" precision=\"day\" "
      "year_inferred=false\n"
      "in.txt:1: date.dom dropped '9日'\n"
      "in.txt:4: money.scale_only dropped '约3.5万'\n"
      "in.txt:4: money.amount kept '约3.5万美元' value=35000 currency=\"USD\" "
      "qualifier=\"approx\"\n");
}

TEST_CASE("rules test: the reference date and locale reach the normaliser",
          "[cli][rules_cmd]") {
  RulesOptions opt;
  opt.reference_date = "2031-02-01";
  opt.locale_currency = "HKD";
  auto c = Test("预计7月9日付款80元。\n", opt);
  CHECK(c.status == kExitOk);
  CHECK(c.out.find("date.md kept '7月9日' value=\"2031-07-09\"") !=
        std::string::npos);
  CHECK(c.out.find("money.amount kept '80元' value=80 currency=\"HKD\" "
                   "currency_inferred=true") != std::string::npos);
}

TEST_CASE("rules test: an empty file lists nothing", "[cli][rules_cmd]") {
  auto c = Test("");
  CHECK(c.status == kExitOk);
  CHECK(c.out == "");
  CHECK(c.err == "");
}

TEST_CASE("rules test: a file that cannot be read is status 3",
          "[cli][rules_cmd]") {
  RulesOptions opt;
  opt.file = "/nonexistent/rules-test-input.txt";
  auto c = testing::Capture([&] { return RunRulesTest(opt); });
  CHECK(c.status == kExitInput);
  CHECK(c.out == "");
  CHECK(c.err ==
        "bulletin-extract: /nonexistent/rules-test-input.txt: No such file or "
        "directory\n");
}

TEST_CASE("rules test: --encoding names the file's encoding",
          "[cli][rules_cmd]") {
  // "价格为100元。" in GB18030.
  const std::string gb =
      "\xBC\xDB\xB8\xF1\xCE\xAA"
      "100\xD4\xAA\xA1\xA3\n";
  RulesOptions opt;
  opt.encoding = "gb18030";
  auto c = Test(gb, opt);
  CHECK(c.status == kExitOk);
  CHECK(c.out ==
        "in.txt:1: money.amount kept '100元' value=100 currency=\"CNY\"\n");
}

}  // namespace
}  // namespace bulletin::cli

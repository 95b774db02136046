// cli/check_cmd: the options of `bulletin-extract check`, the rule selection
// (--config, --disable, --enable), the report on stdout in the chosen form,
// the summary on stderr and the exit status (src/cli/commands.h). The
// bulletins were written for this test.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "capture.h"
#include "check_rules.h"
#include "commands.h"
#include "exit_codes.h"
#include "test_dirs.h"

namespace bulletin::cli {
namespace {

using nlohmann::json;

// One article with its byline: nothing to report.
const char kClean[] =
    "示例机构发布年度计划\n\n示例机构计划投入 520 亿元用于研发。\n\n"
    "（执笔：李四）\n";
// Two errors on line 3: a URL without a host with a dot, an impossible day.
const char kBad[] =
    "示例机构发布年度计划\n\n相关说明见 http://bad host/x "
    "页面，另有2023年2月30日的会议。\n\n（执笔：李四）\n";
// One warning: no byline.
const char kWarn[] =
    "示例机构发布年度计划\n\n示例机构计划投入 520 亿元用于研发。\n";

const char kUrlError[] =
    "bad.txt:3:7: error: malformed URL (no host with a dot): http://bad "
    "[url.malformed]\n";
const char kDateError[] =
    "bad.txt:3:30: error: impossible date: 2023年2月30日 [date.impossible]\n";
const char kNoByline[] =
    "warn.txt:1:1: warning: article has no byline: 示例机构发布年度计划 "
    "[article.no-byline]\n";

// The three bulletins and a config file in a scratch directory that is the
// working directory while alive, so that reports name them as given.
class InScratch {
 public:
  InScratch()
      : dir_(
            testing::FileList{{"clean.txt", kClean},
                              {"bad.txt", kBad},
                              {"warn.txt", kWarn},
                              {"quiet.cfg", "# quiet\ndisable url.malformed\n"},
                              {"typo.cfg", "\ndisable url.nope\n"}}),
        in_(dir_.path()) {}

 private:
  testing::ScratchDir dir_;
  testing::InDir in_;
};

testing::Captured Run(const CheckOptions& opt) {
  return testing::Capture([&] { return RunCheck(opt); });
}

// Parses `check ARGS` into *opt: "" when accepted, else CLI11's message.
std::string Parse(std::vector<std::string> args, CheckOptions* opt) {
  CLI::App app;
  AddCheckCommand(&app, opt);
  std::vector<char*> argv = {const_cast<char*>("prog"),
                             const_cast<char*>("check")};
  for (auto& a : args) argv.push_back(a.data());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    return e.what();
  }
  return "";
}

TEST_CASE("check's options: values that are taken and where they land",
          "[cli][check_cmd]") {
  InScratch s;
  CheckOptions opt;
  CHECK(Parse({"--format", "sarif", "--strict", "--disable", "url.shared",
               "--disable", "title.duplicate", "--enable", "url.shared",
               "--config", "quiet.cfg", "--years", "1990..2030", "--encoding",
               "gb18030", "a.txt", "-"},
              &opt) == "");
  CHECK(opt.format == "sarif");
  CHECK(opt.strict);
  CHECK(opt.disable ==
        std::vector<std::string>{"url.shared", "title.duplicate"});
  CHECK(opt.enable == std::vector<std::string>{"url.shared"});
  CHECK(opt.config == "quiet.cfg");
  CHECK(opt.years == "1990..2030");
  CHECK(opt.encoding == "gb18030");
  CHECK(opt.files == std::vector<std::string>{"a.txt", "-"});
  CheckOptions defaults;
  CHECK(Parse({"a.txt"}, &defaults) == "");
  CHECK(defaults.format == "text");
  CHECK_FALSE(defaults.strict);
  CHECK(defaults.years == "1900..2100");
}

TEST_CASE("check's options: values that are refused, and why",
          "[cli][check_cmd]") {
  InScratch s;
  struct Case {
    std::vector<std::string> args;
    const char* says;  // part of the message
  };
  const Case kCases[] = {
      {{}, "files is required"},
      {{"--format", "xml", "a.txt"}, "--format"},
      {{"--disable", "url.nope", "a.txt"},
       "unknown rule 'url.nope' (bulletin-extract check --help lists them)"},
      {{"--enable", "Url.Shared", "a.txt"}, "unknown rule 'Url.Shared'"},
      {{"--years", "2030..1990", "a.txt"}, "expected FROM..TO"},
      {{"--years", "1990-2030", "a.txt"}, "expected FROM..TO"},
      {{"--config", "missing.cfg", "a.txt"}, "--config"},
      {{"--reference-date", "2023-02-29", "a.txt"}, "not a date"},
  };
  for (const auto& k : kCases) {
    std::string line;
    for (const auto& a : k.args) line += a + " ";
    INFO(line);
    CheckOptions opt;
    std::string err = Parse(k.args, &opt);
    CHECK(err.find(k.says) != std::string::npos);
  }
}

TEST_CASE(
    "check --help lists every rule with its severity, and the exit "
    "statuses",
    "[cli][check_cmd]") {
  CLI::App app;
  CheckOptions opt;
  std::string footer = AddCheckCommand(&app, &opt)->get_footer();
  for (const auto& r : CheckRules()) {
    INFO(r.id);
    std::string id = r.id;
    id.resize(std::max<size_t>(id.size(), 26), ' ');
    CHECK(footer.find("  " + id + " " + SeverityName(r.severity)) !=
          std::string::npos);
  }
  CHECK(footer.find("Exit status: 0 no error, 1 errors") != std::string::npos);
}

// One run of check: its inputs and options, what it must print and end
// with.
struct RunCase {
  const char* what;
  std::vector<std::string> files;
  std::vector<std::string> disable, enable;
  std::string config;
  bool strict;
  int status;
  std::string out, err;
};

TEST_CASE("RunCheck: the text report, its summary and the exit status",
          "[cli][check_cmd]") {
  InScratch s;
  const std::string k2errors = "2 errors, 0 warnings\n";
  const RunCase kCases[] = {
      {"clean", {"clean.txt"}, {}, {}, "", false, kExitOk, "", ""},
      {"errors",
       {"bad.txt"},
       {},
       {},
       "",
       false,
       kExitFindings,
       std::string(kUrlError) + kDateError,
       k2errors},
      {"a warning",
       {"warn.txt"},
       {},
       {},
       "",
       false,
       kExitOk,
       kNoByline,
       "0 errors, 1 warning\n"},
      {"a warning, --strict",
       {"warn.txt"},
       {},
       {},
       "",
       true,
       kExitFindings,
       kNoByline,
       "0 errors, 1 warning\n"},
      {"its rule disabled, --strict",
       {"warn.txt"},
       {"article.no-byline"},
       {},
       "",
       true,
       kExitOk,
       "",
       ""},
      {"inputs in order",
       {"warn.txt", "clean.txt", "bad.txt"},
       {},
       {},
       "",
       false,
       kExitFindings,
       std::string(kNoByline) + kUrlError + kDateError,
       "2 errors, 1 warning\n"},
      {"--config disables",
       {"bad.txt"},
       {},
       {},
       "quiet.cfg",
       false,
       kExitFindings,
       kDateError,
       "1 error, 0 warnings\n"},
      {"--enable after --config",
       {"bad.txt"},
       {},
       {"url.malformed"},
       "quiet.cfg",
       false,
       kExitFindings,
       std::string(kUrlError) + kDateError,
       k2errors},
      {"--enable after --disable",
       {"bad.txt"},
       {"date.impossible"},
       {"date.impossible"},
       "",
       false,
       kExitFindings,
       std::string(kUrlError) + kDateError,
       k2errors},
      {"a config naming no rule",
       {"bad.txt"},
       {},
       {},
       "typo.cfg",
       false,
       kExitUsage,
       "",
       "bulletin-extract: typo.cfg:2:9: unknown rule 'url.nope' "
       "(bulletin-extract check --help lists them)\n"},
      {"a config that cannot be read",
       {"bad.txt"},
       {},
       {},
       "gone.cfg",
       false,
       kExitUsage,
       "",
       "bulletin-extract: gone.cfg: cannot read\n"},
      {"an unknown rule to --disable",
       {"bad.txt"},
       {"url.nope"},
       {},
       "",
       false,
       kExitUsage,
       "",
       "check: unknown rule 'url.nope' (bulletin-extract check --help lists "
       "them)\n"},
      // An input that cannot be read: the others are checked, and 3 wins
      // over 1.
      {"an unreadable input",
       {"gone.txt", "bad.txt"},
       {},
       {},
       "",
       false,
       kExitInput,
       std::string(kUrlError) + kDateError,
       "bulletin-extract: gone.txt: No such file or directory\n" + k2errors},
  };
  for (const auto& k : kCases) {
    INFO(k.what);
    CheckOptions opt;
    opt.files = k.files;
    opt.disable = k.disable;
    opt.enable = k.enable;
    opt.config = k.config;
    opt.strict = k.strict;
    auto c = Run(opt);
    CHECK(c.status == k.status);
    CHECK(c.out == k.out);
    CHECK(c.err == k.err);
  }
}

TEST_CASE(
    "RunCheck --format json and github: a line a finding, an unread "
    "input among them",
    "[cli][check_cmd]") {
  InScratch s;
  CheckOptions opt;
  opt.files = {"bad.txt", "gone.txt"};
  opt.format = "json";
  auto c = Run(opt);
  CHECK(c.status == kExitInput);
  // No summary line in the machine-read forms.
  CHECK(c.err == "bulletin-extract: gone.txt: No such file or directory\n");
  std::vector<json> lines;
  std::istringstream in(c.out);
  for (std::string l; std::getline(in, l);) lines.push_back(json::parse(l));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["rule"] == "url.malformed");
  CHECK(lines[0]["line"] == 3);
  CHECK(lines[0]["col"] == 7);
  CHECK(lines[1]["rule"] == "date.impossible");
  CHECK(lines[2] == json{{"file", "gone.txt"},
                         {"line", 0},
                         {"col", 0},
                         {"severity", "error"},
                         {"rule", "input.unreadable"},
                         {"message", "No such file or directory"}});

  opt.files = {"gone.txt", "warn.txt"};
  opt.format = "github";
  c = Run(opt);
  CHECK(c.status == kExitInput);
  CHECK(c.out ==
        "::error file=gone.txt,title=input.unreadable::No such file or "
        "directory\n"
        "::warning file=warn.txt,line=1,col=1,title=article.no-byline::"
        "article has no byline: 示例机构发布年度计划\n");
}

TEST_CASE("RunCheck --format sarif: one log after every input",
          "[cli][check_cmd]") {
  InScratch s;
  CheckOptions opt;
  opt.files = {"bad.txt", "gone.txt", "warn.txt"};
  opt.format = "sarif";
  auto c = Run(opt);
  CHECK(c.status == kExitInput);
  json run = json::parse(c.out)["runs"][0];
  REQUIRE(run["results"].size() == 3);
  CHECK(run["results"][0]["ruleId"] == "url.malformed");
  CHECK(run["results"][2]["ruleId"] == "article.no-byline");
  CHECK(run["results"][2]["level"] == "warning");
  const json& inv = run["invocations"][0];
  CHECK(inv["executionSuccessful"] == false);
  REQUIRE(inv["toolExecutionNotifications"].size() == 1);
  CHECK(inv["toolExecutionNotifications"][0]["properties"]["rule"] ==
        "input.unreadable");

  opt.files = {"clean.txt"};
  c = Run(opt);
  CHECK(c.status == kExitOk);
  run = json::parse(c.out)["runs"][0];
  CHECK(run["results"] == json::array());
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("RunCheck: bad --years and broken --rules are usage errors",
          "[cli][check_cmd]") {
  InScratch s;
  CheckOptions opt;
  opt.files = {"bad.txt"};
  opt.years = "later";
  auto c = Run(opt);
  CHECK(c.status == kExitUsage);
  CHECK(c.err == "check: --years: expected FROM..TO, got 'later'\n");
  CHECK(c.out == "");

  testing::ScratchDir rules(testing::FileList{{"units.tsv", "mile\n"}});
  opt.years = "1900..2100";
  opt.rules_dir = rules.path();
  c = Run(opt);
  CHECK(c.status == kExitUsage);
  CHECK(c.err.find(rules.path() + "/units.tsv:1:5: ") != std::string::npos);
  CHECK(c.out == "");
}

TEST_CASE("RunCheck --years: a year outside them is a warning",
          "[cli][check_cmd]") {
  testing::ScratchDir dir(
      testing::FileList{{"y.txt",
                         "示例机构发布年度计划\n\n会议于2031年3月5日召开。\n\n"
                         "（执笔：李四）\n"}});
  CheckOptions opt;
  opt.files = {dir.path() + "/y.txt"};
  auto c = Run(opt);
  CHECK(c.status == kExitOk);
  CHECK(c.out == "");
  opt.years = "2040..2050";
  opt.strict = true;
  c = Run(opt);
  CHECK(c.status == kExitFindings);
  CHECK(c.out == dir.path() +
                     "/y.txt:3:4: warning: year 2031 outside 2040..2050: "
                     "2031年3月5日 [date.out-of-range]\n");
}

}  // namespace
}  // namespace bulletin::cli

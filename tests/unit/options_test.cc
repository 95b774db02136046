// cli/options: the options several subcommands share, each parsed on an
// app of its own (src/cli/options.h): what a value becomes, which values
// are refused and with which message, and the rule loading of every
// subcommand.
#include "options.h"

#include <CLI/CLI.hpp>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "capture.h"
#include "decoder.h"
#include "exit_codes.h"
#include "pipeline.h"
#include "test_dirs.h"

namespace bulletin::cli {
namespace {

// Parses `args` (after the program name) on `app`: "" when they are
// accepted, else CLI11's message.
std::string Parse(CLI::App* app, std::vector<std::string> args) {
  std::vector<char*> argv = {const_cast<char*>("prog")};
  for (auto& a : args) argv.push_back(a.data());
  try {
    app->parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    return e.what();
  }
  return "";
}

using AddOption = void (*)(CLI::App*, std::string*);

// Parses `flag value` on an app with just the option `add` declares, whose
// variable starts as `*result`: "" when accepted, else CLI11's message.
std::string ParseOne(AddOption add, const std::string& flag,
                     const std::string& value, std::string* result) {
  CLI::App app;
  add(&app, result);
  return Parse(&app, {flag, value});
}

// A value of an option, and whether the option takes it.
struct ValueCase {
  std::string value;
  bool ok;
};

// Each value of `cases` given to `flag`: accepted or not, and kept in the
// option's variable only when accepted.
void CheckValues(AddOption add, const std::string& flag,
                 const std::vector<ValueCase>& cases) {
  for (const auto& k : cases) {
    INFO(flag << " " << k.value);
    std::string result = "unset";
    std::string err = ParseOne(add, flag, k.value, &result);
    CHECK(err.empty() == k.ok);
    CHECK(result == (k.ok ? k.value : "unset"));
    if (!k.ok) CHECK(err.find(flag) != std::string::npos);
  }
}

TEST_CASE("option --encoding takes every name the decoder knows and no other",
          "[cli][options]") {
  std::vector<ValueCase> cases;
  for (const auto& name : EncodingNames()) cases.push_back({name, true});
  for (const char* bad : {"ebcdic", "UTF-8", "gbk2", ""})
    cases.push_back({bad, false});
  CheckValues(AddEncodingOption, "--encoding", cases);
}

TEST_CASE("option --input-format takes auto, text, lines, jsonl and pdf",
          "[cli][options]") {
  CheckValues(AddInputFormatOption, "--input-format",
              {{"auto", true},
               {"text", true},
               {"lines", true},
               {"jsonl", true},
               {"pdf", true},
               {"html", false},
               {"JSONL", false},
               {"", false}});
}

TEST_CASE(
    "option --keep-fields splits at commas and leaves the next word an input",
    "[cli][options]") {
  CLI::App app;
  PipelineOptions opt;
  std::vector<std::string> files;
  app.add_option("files", files);
  AddJsonlOptions(&app, &opt);
  CHECK(Parse(&app, {"--text-field", "body", "--id-field", "uid",
                     "--keep-fields", "url,source", "export.jsonl"}) == "");
  CHECK(opt.text_field == "body");
  CHECK(opt.id_field == "uid");
  CHECK(opt.keep_fields == std::vector<std::string>{"url", "source"});
  CHECK(files == std::vector<std::string>{"export.jsonl"});
}

TEST_CASE("the jsonl fields default to text and id", "[cli][options]") {
  CLI::App app;
  PipelineOptions opt;
  AddJsonlOptions(&app, &opt);
  CHECK(Parse(&app, {}) == "");
  CHECK(opt.text_field == "text");
  CHECK(opt.id_field == "id");
  CHECK(opt.keep_fields.empty());
}

TEST_CASE(
    "option --rules takes a directory that exists, not a file nor a missing "
    "path",
    "[cli][options]") {
  testing::ScratchDir dir(testing::FileList{{"units.tsv", "km\tlength\n"}});
  CheckValues(AddRulesOption, "--rules",
              {{dir.path(), true},
               {dir.path() + "/units.tsv", false},
               {dir.path() + "/no-such-dir", false}});
}

TEST_CASE("option --reference-date takes a day of the Gregorian calendar only",
          "[cli][options]") {
  CheckValues(AddReferenceDateOption, "--reference-date",
              {{"2024-05-17", true},
               {"2024-02-29", true},
               {"2000-02-29", true},
               {"2023-02-28", true},
               {"2023-04-30", true},
               {"1999-12-31", true},
               {"2023-02-29", false},
               {"1900-02-29", false},
               {"2023-02-30", false},
               {"2023-04-31", false},
               {"2023-13-01", false},
               {"2023-00-10", false},
               {"2023-01-00", false},
               {"2023-1-01", false},
               {"20230101", false},
               {"2023/01/01", false},
               {"2023-01-0a", false},
               {"2023-01-011", false},
               {"", false}});
}

TEST_CASE("option --reference-date says what it expects", "[cli][options]") {
  std::string date;
  CHECK(ParseOne(AddReferenceDateOption, "--reference-date", "2023-02-30",
                 &date) ==
        "--reference-date: '2023-02-30' is not a date of the calendar "
        "(YYYY-MM-DD)");
}

TEST_CASE("option --locale gives the currency of the locale's region",
          "[cli][options]") {
  struct Case {
    const char* locale;
    const char* currency;
  };
  const Case kCases[] = {
      {"zh-TW", "TWD"},      {"zh_TW", "TWD"},
      {"zh-HK", "HKD"},      {"zh_HK", "HKD"},
      {"zh-Hant-MO", "MOP"}, {"zh-CN", "CNY"},
      {"zh", "CNY"},  // a language alone: its likely region
      {"en-US", "USD"},      {"ja-JP", "JPY"},
      {"fr-SN", "XOF"},  // an X code in use
  };
  for (const auto& k : kCases) {
    INFO(k.locale);
    std::string currency;
    CHECK(ParseOne(AddLocaleOption, "--locale", k.locale, &currency) == "");
    CHECK(currency == k.currency);
  }
}

TEST_CASE(
    "option --locale refuses a locale that names no region with a currency",
    "[cli][options]") {
  // (The variable holds the currency, not the locale: CheckValues does not
  // fit.)
  // zh-AQ and zz-ZZ: regions ICU gives XXX (no currency) and XAG (silver).
  for (const char* bad : {"", "!!", "zz", "123", "en-001", "zh-AQ", "zz-ZZ"}) {
    INFO(bad);
    std::string currency = "unset";
    std::string err = ParseOne(AddLocaleOption, "--locale", bad, &currency);
    CHECK(err == std::string("--locale: '") + bad +
                     "' names no region with a currency (zh-TW, zh-HK ...)");
    CHECK(currency == "unset");
  }
}

TEST_CASE("LoadEngine loads the built-in rules and prints nothing",
          "[cli][options]") {
  std::unique_ptr<Engine> engine;
  auto c = testing::Capture([&] {
    engine = LoadEngine("");
    return 0;
  });
  CHECK(engine != nullptr);
  CHECK(c.err == "");
  CHECK(c.out == "");
}

TEST_CASE(
    "LoadEngine prints every bad row as file:line:col and gives "
    "nothing",
    "[cli][options]") {
  testing::ScratchDir dir(
      testing::FileList{{"units.tsv", "km\tlength\nmile\n\tlength\n"}});
  std::unique_ptr<Engine> engine;
  auto c = testing::Capture([&] {
    engine = LoadEngine(dir.path());
    return 0;
  });
  CHECK(engine == nullptr);
  const std::string file = dir.path() + "/units.tsv";
  CHECK(c.err.find("bulletin-extract: " + file + ":2:5: ") !=
        std::string::npos);
  CHECK(c.err.find("bulletin-extract: " + file + ":3:1: ") !=
        std::string::npos);
  CHECK(c.out == "");
}

}  // namespace
}  // namespace bulletin::cli

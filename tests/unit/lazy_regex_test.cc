// Built-in patterns are compiled on first use (src/lazy_regex.h): these
// tests are what makes that safe. Every rule of rules/ is compiled here, as
// a --rules directory would be, so a broken built-in pattern fails ctest
// rather than a user's run.
#include "lazy_regex.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "extract.h"
#include "layout.h"
#include "rule_files.h"

namespace bulletin {
namespace {

// The files of rules/ read from disk: not built in, so compiled at load.
RuleFiles FromDisk() {
  RuleFiles files;
  REQUIRE(files.AddDirectory(RULES_DIR).ok());
  return files;
}

std::string Errors(const std::vector<Status>& errors) {
  std::string all;
  for (const auto& e : errors) all += e.ToString() + "\n";
  return all;
}

TEST_CASE("Every pattern of rules/ compiles", "[lazy][load]") {
  RuleFiles files = FromDisk();
  std::vector<Status> errors;
  auto ex = Extractor::Load(files, &errors);
  auto layout = LayoutRules::Load(files, &errors);
  INFO(Errors(errors));
  CHECK(errors.empty());
  CHECK(ex != nullptr);
  CHECK(layout != nullptr);
}

TEST_CASE("Rules compiled on first use match as rules compiled at load",
          "[lazy][extract]") {
  std::vector<Status> errors;
  auto lazy = Extractor::Load(RuleFiles::Builtin(), &errors);
  RuleFiles disk = FromDisk();
  auto eager = Extractor::Load(disk, &errors);
  INFO(Errors(errors));
  REQUIRE(lazy != nullptr);
  REQUIRE(eager != nullptr);
  // Written for this test: money, a percentage, a date, a URL and an
  // organisation, in two sentences.
  const std::string text =
      "2031年4月2日，星海大学宣布获得3.5亿元资助，增长12%。"
      "详见 https://example.org/a 的公告。";
  auto a = lazy->Explain(text);
  auto b = eager->Explain(text);
  REQUIRE(a.size() == b.size());
  CHECK(!a.empty());
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].rule == b[i].rule);
    CHECK(a[i].begin == b[i].begin);
    CHECK(a[i].end == b[i].end);
    CHECK(a[i].kept == b[i].kept);
  }
}

TEST_CASE("A lazy expression compiles once, when first asked for",
          "[lazy]") {
  RE2::Options opt;
  opt.set_log_errors(false);
  LazyRegex re("(?P<n>[0-9]+)年", opt);
  CHECK(re.pattern() == "(?P<n>[0-9]+)年");
  const RE2& first = re.get();
  CHECK(first.ok());
  CHECK(&re.get() == &first);
  CHECK(RE2::PartialMatch("2031年", *re));
  LazyRegex ready(std::make_unique<RE2>("a+b", opt));
  CHECK(ready->ok());
  CHECK(ready.pattern() == "a+b");
}

}  // namespace
}  // namespace bulletin

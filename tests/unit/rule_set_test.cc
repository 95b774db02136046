// The rule set (src/rule_set.h): a set per group of rules that says what
// one RE2::Set of all the rules would say, within one budget for all.
#include "rule_set.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace bulletin {
namespace {

// The rules one RE2::Set of all `patterns` says match `text`, sorted.
std::vector<int> OneSet(const std::vector<std::string>& patterns,
                        const std::string& text) {
  RE2::Options opt;
  opt.set_log_errors(false);
  RE2::Set set(opt, RE2::UNANCHORED);
  for (const auto& p : patterns) set.Add(p, nullptr);
  REQUIRE(set.Compile());
  std::vector<int> ids;
  set.Match(text, &ids);
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST_CASE("rule set: the rules that match are those one set of all would name",
          "[rule_set]") {
  // Three groups, their rules interleaved, as rule files may give them.
  const std::vector<std::string> patterns = {
      "[0-9]+ ?kg",         "(?i)q[1-4]", "[0-9]+ ?km",
      "https?://[a-z.]+",   "(?i)h[12]",  "[0-9]+ ?(?:g|mg)",
      "www\\.[a-z]+\\.org",
  };
  const std::vector<std::string> groups = {"unit",   "period", "unit", "link",
                                           "period", "unit",   "link"};
  std::string error;
  size_t bad = 99;
  auto rs = RuleSet::Build(patterns, groups, int64_t{4} << 20, &error, &bad);
  REQUIRE(rs);
  const std::vector<std::string> texts = {
      "12 kg and 3km in Q3",
      "see https://example.org or www.example.org",
      "nothing here",
      "H2 sales: 40mg, 7 g, 5 kg; q1",
      "",
  };
  for (const auto& t : texts) {
    CAPTURE(t);
    std::vector<int> ids;
    RE2::Set::ErrorInfo info;
    bool matched = rs->Match(t, &ids, &info);
    CHECK(info.kind == RE2::Set::kNoError);
    std::vector<int> want = OneSet(patterns, t);
    CHECK(matched == !want.empty());
    std::vector<int> got = ids;
    std::sort(got.begin(), got.end());
    CHECK(got == want);
    // Each rule once.
    CHECK(std::adjacent_find(got.begin(), got.end()) == got.end());
  }
}

TEST_CASE("rule set: a bad pattern names its rule, too small a budget the set",
          "[rule_set]") {
  std::string error;
  size_t bad = 99;
  CHECK_FALSE(RuleSet::Build({"a+", "(b", "c"}, {"x", "y", "x"}, 1 << 20,
                             &error, &bad));
  CHECK(bad == 1);
  CHECK_FALSE(error.empty());
  // Each set gets its share of the budget: 4 KiB is too little for these.
  bad = 99;
  CHECK_FALSE(RuleSet::Build({"[a-z]{200}", "[0-9]{200}"}, {"x", "y"}, 4096,
                             &error, &bad));
  CHECK(bad == 2);
  CHECK(RuleSet::Build({"[a-z]{200}", "[0-9]{200}"}, {"x", "y"}, 1 << 20,
                       &error, &bad));
}

TEST_CASE("rule set: the budget is for the sets together, shared by size",
          "[rule_set]") {
  // The smallest budget (in steps of 1 KiB) one set of `a` compiles in.
  const std::string a = "[a-z]{300}", b = "[0-9]{300}";
  std::string error;
  size_t bad = 0;
  int64_t alone = 1024;
  while (alone < (int64_t{1} << 22) &&
         !RuleSet::Build({a}, {"x"}, alone, &error, &bad))
    alone += 1024;
  REQUIRE(alone < (int64_t{1} << 22));
  // Two sets of the same size get half of it each: too little, while one
  // set of both patterns or twice the budget is enough.
  CHECK_FALSE(RuleSet::Build({a, b}, {"x", "y"}, alone, &error, &bad));
  CHECK(bad == 2);
  CHECK(RuleSet::Build({a, b}, {"x", "y"}, 2 * alone + 2048, &error, &bad));
}

}  // namespace
}  // namespace bulletin

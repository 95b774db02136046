// What the segmenter's unit tests share: the built-in layout rules and
// input lines made from strings.
#ifndef BULLETIN_TESTS_UNIT_LAYOUT_RULES_H_
#define BULLETIN_TESTS_UNIT_LAYOUT_RULES_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "layout.h"

namespace bulletin {
namespace testing {

// The built-in layout rules, loaded once.
inline const LayoutRules& BuiltinLayoutRules() {
  static std::unique_ptr<LayoutRules> rules = [] {
    std::vector<Status> errors;
    auto r = LayoutRules::Load(RuleFiles::Builtin(), &errors);
    for (const auto& e : errors) UNSCOPED_INFO(e.ToString());
    return r;
  }();
  REQUIRE(rules != nullptr);
  return *rules;
}

// `lines` as input lines 1, 2, ...; a line starting with a form feed is a
// page break (the form feed itself is removed, as the decoder does).
inline std::vector<InputLine> InputLines(
    const std::vector<std::string>& lines) {
  std::vector<InputLine> out;
  int n = 0;
  for (const auto& text : lines) {
    InputLine l;
    l.number = ++n;
    l.text = text;
    if (!l.text.empty() && l.text[0] == '\f') {
      l.page_break = true;
      l.text.erase(0, 1);
    }
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace testing
}  // namespace bulletin

#endif  // BULLETIN_TESTS_UNIT_LAYOUT_RULES_H_

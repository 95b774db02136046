// The built-in tables of rules/ and the helpers the normaliser tests share:
// a match's named groups written as a list, and the attributes an entity
// was given as one string.
#ifndef BULLETIN_TESTS_UNIT_TABLES_FIXTURE_H_
#define BULLETIN_TESTS_UNIT_TABLES_FIXTURE_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "normalize.h"

namespace bulletin {
namespace testing {

// The tables of the built-in rules, loaded once.
inline const Tables& BuiltinTables() {
  static std::unique_ptr<Tables> t = [] {
    std::vector<Status> errors;
    auto loaded = Tables::Load(RuleFiles::Builtin(), &errors);
    CHECK(errors.empty());
    return loaded;
  }();
  REQUIRE(t != nullptr);
  return *t;
}

using GroupList = std::vector<std::pair<const char*, const char*>>;

inline Groups MakeGroups(const GroupList& list) {
  Groups g;
  for (const auto& [k, v] : list) g.Add(k, v);
  return g;
}

// The attributes as "key=value;key=value", in their order.
inline std::string JoinedAttrs(const Attrs& attrs) {
  std::string s;
  for (const auto& [k, v] : attrs) {
    if (!s.empty()) s += ";";
    s += k + "=" + v.text();
  }
  return s;
}

}  // namespace testing
}  // namespace bulletin

#endif  // BULLETIN_TESTS_UNIT_TABLES_FIXTURE_H_

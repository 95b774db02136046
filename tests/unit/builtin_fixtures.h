// What the unit tests load from the built-in rules, once per process (the
// Tables, the Engine), and the helpers the normaliser tests share: a match's
// named groups written as a list, and an entity's attributes as one string.
#ifndef BULLETIN_TESTS_UNIT_BUILTIN_FIXTURES_H_
#define BULLETIN_TESTS_UNIT_BUILTIN_FIXTURES_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "normalize.h"
#include "pipeline.h"

namespace bulletin {
namespace testing {

// What `load(&errors)` returns, loaded on the first call (one object per
// `load`), which must report no error.
template <class T, class Load>
T& LoadedOnce(Load load) {
  static std::unique_ptr<T> loaded = [&] {
    std::vector<Status> errors;
    auto t = load(&errors);
    CHECK(errors.empty());
    return t;
  }();
  REQUIRE(loaded != nullptr);
  return *loaded;
}

// The tables of the built-in rules.
inline const Tables& BuiltinTables() {
  return LoadedOnce<Tables>([](std::vector<Status>* errors) {
    return Tables::Load(RuleFiles::Builtin(), errors);
  });
}

// The engine of the built-in rules; loading it puts their punctuation in
// force.
inline const Engine& BuiltinEngine() {
  return LoadedOnce<Engine>(
      [](std::vector<Status>* errors) { return Engine::Load("", errors); });
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

#endif  // BULLETIN_TESTS_UNIT_BUILTIN_FIXTURES_H_

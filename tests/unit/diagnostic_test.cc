#include "bulletin/diagnostic.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace bulletin {
namespace {

Diagnostic Make(Severity s, const std::string& rule) {
  Diagnostic d;
  d.severity = s;
  d.rule = rule;
  d.path = "a.txt";
  d.line = 3;
  return d;
}

TEST_CASE("CountingSink passes what it shows and counts the rest by rule",
          "[diagnostic]") {
  std::vector<std::string> got;
  CountingSink sink(
      [&](const Diagnostic& d) { got.push_back(d.rule); },
      [](const Diagnostic& d) { return d.severity == Severity::kError; });
  DiagnosticSink f = sink.sink();
  f(Make(Severity::kWarning, "segment.unplaced"));
  f(Make(Severity::kError, "decode.invalid-bytes"));
  f(Make(Severity::kWarning, "segment.unplaced"));
  f(Make(Severity::kNote, "layout.header"));
  CHECK(got == std::vector<std::string>{"decode.invalid-bytes"});
  CHECK(sink.shown() == 1);
  CHECK(sink.not_shown_total() == 3);
  CHECK(sink.not_shown().at("segment.unplaced") == 2);
  CHECK(sink.not_shown().at("layout.header") == 1);
  CHECK(sink.not_shown().count("decode.invalid-bytes") == 0);
}

TEST_CASE("CountingSink without a filter shows everything", "[diagnostic]") {
  int n = 0;
  CountingSink sink([&](const Diagnostic&) { ++n; }, nullptr);
  sink(Make(Severity::kNote, "x.y"));
  sink(Make(Severity::kWarning, "x.z"));
  CHECK(n == 2);
  CHECK(sink.shown() == 2);
  CHECK(sink.not_shown().empty());
  // And without an output it still counts.
  CountingSink quiet(nullptr, [](const Diagnostic&) { return true; });
  quiet(Make(Severity::kError, "x.y"));
  CHECK(quiet.shown() == 1);
}

}  // namespace
}  // namespace bulletin

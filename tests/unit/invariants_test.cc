// The invariants of tests/support/invariants.h over every sample and every
// regression input: records valid, offsets right, no character lost.
#include <catch2/catch.hpp>
#include <filesystem>

#include "invariants.h"

using namespace bulletin;

namespace {

std::vector<std::string> Inputs() {
  std::vector<std::string> out;
  for (const char* dir : {SAMPLES_DIR, REGRESS_INPUTS_DIR}) {
    // tests/regress/inputs may not exist yet (git keeps no empty folder).
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() == ".txt")
        out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("no input character is lost and every record keeps the invariants",
          "[invariants]") {
  std::vector<Status> errors;
  auto engine = Engine::Load("", &errors);
  REQUIRE(engine);
  long chars = 0, unaccounted = 0;
  auto inputs = Inputs();
  REQUIRE(inputs.size() >= 5);
  for (const auto& path : inputs) {
    InvariantReport rep = CheckInput(*engine, path, PipelineOptions());
    INFO(path);
    CHECK(rep.result.status.ok());
    for (const auto& p : rep.problems) UNSCOPED_INFO(p);
    CHECK(rep.problems.empty());
    chars += rep.input_chars;
    unaccounted += rep.unaccounted;
  }
  // The figure the hardening note reports.
  WARN(inputs.size() << " inputs, " << chars << " non-space characters, "
                     << unaccounted << " unaccounted");
  CHECK(unaccounted == 0);
}

TEST_CASE("the characters-lost checker sees a character that is missing",
          "[invariants]") {
  LossAccount loss;
  loss.AddInputLine(1, "ab c");
  loss.AddInputLine(2, "第3页");
  Article a;
  a.body.text = "abc";
  loss.AddArticle(a);
  CHECK(loss.input_chars() == 6);
  CHECK(loss.unaccounted() == 3);
  loss.AddDropped("第3页");
  CHECK(loss.unaccounted() == 0);
  CHECK(loss.Missing().empty());
}

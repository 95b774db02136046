// rule_files: the embedded files, a --rules directory and the one table
// reader, whose every complaint names file:line:col.
#include "rule_files.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace bulletin {
namespace {

// A fresh directory holding `files` (name, contents); removed by the caller.
std::string MakeDir(
    const std::vector<std::pair<std::string, std::string>>& files) {
  char tmpl[] = "/tmp/rule_files_test.XXXXXX";
  std::string dir = mkdtemp(tmpl);
  for (const auto& [name, text] : files)
    std::ofstream(dir + "/" + name, std::ios::binary) << text;
  return dir;
}

void RemoveDir(const std::string& dir) {
  std::string cmd = "rm -rf '" + dir + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

TEST_CASE("Builtin holds every embedded table", "[rule_files]") {
  RuleFiles files = RuleFiles::Builtin();
  for (const char* name : {"layout.tsv", "punctuation.tsv", "units.tsv"}) {
    INFO(name);
    REQUIRE(files.Find(name).size() == 1);
    CHECK(files.Find(name)[0]->origin == std::string("builtin:") + name);
  }
  CHECK(files.Find("no-such.tsv").empty());
}

TEST_CASE("ReadTable: comments and blanks skipped, columns placed",
          "[rule_files]") {
  std::string dir =
      MakeDir({{"units.tsv", "# a comment\n\nkm\tlength\n  # indented\n"
                             "\xE5\x85\xAC\xE9\x87\x8C\tlength\textra\n"}});
  RuleFiles files;
  REQUIRE(files.AddDirectory(dir).ok());
  std::vector<Status> errors;
  auto rows = ReadTable(files, "units.tsv", 2, "UNIT<TAB>KIND", &errors);
  CHECK(errors.empty());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].line == 3);
  CHECK(rows[0].cols == std::vector<std::string>{"km", "length"});
  CHECK(rows[0].starts == std::vector<int>{1, 4});
  CHECK(rows[1].line == 5);
  // Columns count code points: the two-character unit ends at column 2.
  CHECK(rows[1].starts == std::vector<int>{1, 4, 11});
  RemoveDir(dir);
}

TEST_CASE("ReadTable: a short row is file:line:col, and left out",
          "[rule_files]") {
  std::string dir = MakeDir({{"units.tsv", "km\tlength\nmile\n\tlength\n"}});
  RuleFiles files;
  REQUIRE(files.AddDirectory(dir).ok());
  std::vector<Status> errors;
  auto rows = ReadTable(files, "units.tsv", 2, "UNIT<TAB>KIND", &errors);
  CHECK(rows.size() == 1);
  REQUIRE(errors.size() == 2);
  // The missing column is at the end of the row; an empty first column at
  // its start.
  CHECK(errors[0].ToString() ==
        dir + "/units.tsv:2:5: expected UNIT<TAB>KIND");
  CHECK(errors[1].ToString() ==
        dir + "/units.tsv:3:1: expected UNIT<TAB>KIND");
  CHECK(errors[0].code == StatusCode::kBadRules);
  RemoveDir(dir);
}

TEST_CASE("AddDirectory refuses what is no rule file", "[rule_files]") {
  SECTION("an unknown name") {
    std::string dir = MakeDir({{"notes.tsv", "a\tb\n"}});
    RuleFiles files;
    Status s = files.AddDirectory(dir);
    CHECK(s.code == StatusCode::kBadRules);
    CHECK(s.file == dir + "/notes.tsv");
    RemoveDir(dir);
  }
  SECTION("bytes that are not UTF-8") {
    std::string dir = MakeDir({{"units.tsv", "km\tlength\nm\xFF\tlength\n"}});
    RuleFiles files;
    Status s = files.AddDirectory(dir);
    CHECK(s.code == StatusCode::kBadRules);
    CHECK(s.line == 2);
    CHECK(s.col == 2);
    RemoveDir(dir);
  }
  SECTION("a directory that is not there") {
    RuleFiles files;
    CHECK(files.AddDirectory("/nonexistent/rules-dir").code ==
          StatusCode::kBadRules);
  }
}

TEST_CASE("SplitLines, SplitString, Trim", "[rule_files]") {
  CHECK(SplitLines("a\r\nb\n\nc") ==
        std::vector<std::string>{"a", "b", "", "c"});
  CHECK(SplitLines("a\n") == std::vector<std::string>{"a"});
  CHECK(SplitString("a\t\tb", '\t') == std::vector<std::string>{"a", "", "b"});
  CHECK(Trim(" \tx y\r\n") == "x y");
  CHECK(Trim(" \t ") == "");
}

}  // namespace
}  // namespace bulletin

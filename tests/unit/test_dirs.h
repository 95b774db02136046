// A scratch directory of rule files for the unit tests that load a --rules
// directory.
#ifndef BULLETIN_TESTS_UNIT_TEST_DIRS_H_
#define BULLETIN_TESTS_UNIT_TEST_DIRS_H_

#include <stdlib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace bulletin {
namespace testing {

// A fresh directory holding `files` (name, contents), removed when the
// object goes.
using FileList = std::vector<std::pair<std::string, std::string>>;

class ScratchDir {
 public:
  explicit ScratchDir(const FileList& files) {
    char tmpl[] = "/tmp/bulletin_unit.XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    path_ = tmpl;
    for (const auto& [name, text] : files)
      std::ofstream(path_ + "/" + name, std::ios::binary) << text;
  }
  ~ScratchDir() {
    std::string cmd = "rm -rf '" + path_ + "'";
    if (std::system(cmd.c_str()) != 0) WARN("could not remove " << path_);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Makes `path` the working directory while alive (so that what a command
// reports names its inputs as given), then returns to the one before.
class InDir {
 public:
  explicit InDir(const std::string& path) {
    REQUIRE(getcwd(saved_, sizeof saved_) != nullptr);
    REQUIRE(chdir(path.c_str()) == 0);
  }
  ~InDir() {
    if (chdir(saved_) != 0) WARN("could not return to " << saved_);
  }
  InDir(const InDir&) = delete;
  InDir& operator=(const InDir&) = delete;

 private:
  char saved_[4096];
};

}  // namespace testing
}  // namespace bulletin

#endif  // BULLETIN_TESTS_UNIT_TEST_DIRS_H_

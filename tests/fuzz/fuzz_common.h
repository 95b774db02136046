// Shared by the libFuzzer targets: a temporary file for the bytes of one
// execution, and the invariant check that aborts (a finding) on any problem.
#ifndef BULLETIN_FUZZ_COMMON_H_
#define BULLETIN_FUZZ_COMMON_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "invariants.h"

namespace bulletin_fuzz {

// A file under $TMPDIR holding the bytes; removed by the destructor.
class TempFile {
 public:
  TempFile(const char* data, size_t size) {
    const char* dir = std::getenv("TMPDIR");
    path_ = std::string(dir ? dir : "/tmp") + "/bulletin-fuzz-XXXXXX";
    int fd = mkstemp(&path_[0]);
    if (fd < 0) std::abort();
    size_t done = 0;
    while (done < size) {
      ssize_t n = write(fd, data + done, size - done);
      if (n <= 0) std::abort();
      done += static_cast<size_t>(n);
    }
    close(fd);
  }
  ~TempFile() { unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The built-in engine, loaded once per process.
inline const bulletin::Engine& SharedEngine() {
  static std::unique_ptr<bulletin::Engine> engine = [] {
    std::vector<bulletin::Status> errors;
    auto e = bulletin::Engine::Load("", &errors);
    if (!e) std::abort();
    return e;
  }();
  return *engine;
}

// Runs `path` with every invariant checked; any problem is printed and
// aborts, which libFuzzer records as a crash with its input.
inline void CheckOrDie(const bulletin::Engine& engine, const std::string& path) {
  bulletin::InvariantReport rep =
      bulletin::CheckInput(engine, path, bulletin::PipelineOptions());
  if (!rep.problems.empty()) {
    for (const auto& p : rep.problems) std::fprintf(stderr, "invariant: %s\n", p.c_str());
    std::abort();
  }
}

}  // namespace bulletin_fuzz

#endif  // BULLETIN_FUZZ_COMMON_H_

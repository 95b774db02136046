// What a piece of the command line writes to stdout and stderr, and the
// status it ends with, for the unit tests of src/cli/: the code runs with
// file descriptors 1 and 2 sent to scratch files (in this process), or in a
// child process when it may end the program (std::_Exit on a failed write).
#ifndef BULLETIN_TESTS_UNIT_CAPTURE_H_
#define BULLETIN_TESTS_UNIT_CAPTURE_H_

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>

namespace bulletin {
namespace testing {

struct Captured {
  int status = -1;  // what the code returned, or the child's exit status
  std::string out, err;
};

namespace internal {

inline std::string ReadAll(std::FILE* f) {
  std::string s;
  std::rewind(f);
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
  return s;
}

// Sends descriptors 1 and 2 to fresh scratch files while alive; `out` and
// `err` read what reached them.
class Redirect {
 public:
  Redirect() : out_(std::tmpfile()), err_(std::tmpfile()) {
    REQUIRE(out_);
    REQUIRE(err_);
    std::cout.flush();
    std::fflush(stdout);
    std::fflush(stderr);
    saved_out_ = dup(1);
    saved_err_ = dup(2);
    dup2(fileno(out_), 1);
    dup2(fileno(err_), 2);
  }
  ~Redirect() {
    Restore();
    std::fclose(out_);
    std::fclose(err_);
  }
  Redirect(const Redirect&) = delete;
  Redirect& operator=(const Redirect&) = delete;
  void Restore() {
    if (saved_out_ < 0) return;
    std::cout.flush();
    std::fflush(stdout);
    std::fflush(stderr);
    dup2(saved_out_, 1);
    dup2(saved_err_, 2);
    close(saved_out_);
    close(saved_err_);
    saved_out_ = saved_err_ = -1;
  }
  std::FILE* out() const { return out_; }
  std::FILE* err() const { return err_; }

 private:
  std::FILE* out_;
  std::FILE* err_;
  int saved_out_ = -1, saved_err_ = -1;
};

}  // namespace internal

// Runs `f` in this process with stdout and stderr captured.
inline Captured Capture(const std::function<int()>& f) {
  internal::Redirect r;
  Captured c;
  c.status = f();
  r.Restore();
  c.out = internal::ReadAll(r.out());
  c.err = internal::ReadAll(r.err());
  return c;
}

// Runs `f` in a child process with stdout and stderr captured; the status
// is the child's exit status (what `f` returned, or what it exited with),
// or -1 when it was killed by a signal.
inline Captured InChild(const std::function<int()>& f) {
  internal::Redirect r;
  pid_t pid = fork();
  if (pid == 0) {
    int rc = f();
    std::fflush(stdout);
    std::fflush(stderr);
    _exit(rc);
  }
  int wstatus = 0;
  bool waited = pid > 0 && waitpid(pid, &wstatus, 0) == pid;
  r.Restore();
  REQUIRE(waited);
  Captured c;
  c.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  c.out = internal::ReadAll(r.out());
  c.err = internal::ReadAll(r.err());
  return c;
}

}  // namespace testing
}  // namespace bulletin

#endif  // BULLETIN_TESTS_UNIT_CAPTURE_H_

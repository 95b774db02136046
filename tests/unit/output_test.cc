// cli/output: the writer of records and listings (stdout or -o FILE), its
// flushing and its end on a failed write, and the one format of the
// problems printed on stderr (src/cli/output.h).
#include "output.h"

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "capture.h"
#include "exit_codes.h"
#include "test_dirs.h"

namespace bulletin::cli {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE(
    "Output writes each line and one newline to a file, replacing "
    "what it held",
    "[cli][output]") {
  testing::ScratchDir dir(testing::FileList{{"out.jsonl", "old contents\n"}});
  const std::string path = dir.path() + "/out.jsonl";
  {
    Output out(path);
    REQUIRE(out.ok());
    CHECK(out.error() == "");
    out.Line("{\"a\":1}");
    out.Line("");
    out.Line("two\nparts");
    // Each line is in the file as soon as Line returns.
    CHECK(Slurp(path) == "{\"a\":1}\n\ntwo\nparts\n");
  }
  CHECK(Slurp(path) == "{\"a\":1}\n\ntwo\nparts\n");
}

TEST_CASE("Output of \"\" and \"-\" is stdout, which it leaves open",
          "[cli][output]") {
  for (const char* path : {"", "-"}) {
    INFO("'" << path << "'");
    auto c = testing::Capture([&] {
      bool ok;
      {
        Output out(path);
        ok = out.ok();
        out.Line("first");
      }
      std::printf("after\n");
      return ok ? 0 : 1;
    });
    CHECK(c.status == 0);
    CHECK(c.out == "first\nafter\n");
    CHECK(c.err == "");
  }
}

TEST_CASE("Output::Line comes after what stdout's buffer held",
          "[cli][output]") {
  auto c = testing::Capture([] {
    std::printf("buffered ");
    Output out("");
    out.Line("line");
    return 0;
  });
  CHECK(c.out == "buffered line\n");
}

TEST_CASE("Output that cannot open its file says why and is not ok",
          "[cli][output]") {
  testing::ScratchDir dir(testing::FileList{{"plain", "x"}});
  struct Case {
    std::string path;
    const char* error;
  };
  const Case kCases[] = {
      {dir.path() + "/no-such-dir/out.jsonl", "No such file or directory"},
      {dir.path(), "Is a directory"},
      {dir.path() + "/plain/out.jsonl", "Not a directory"},
  };
  for (const auto& k : kCases) {
    INFO(k.path);
    Output out(k.path);
    CHECK_FALSE(out.ok());
    CHECK(out.error() == k.error);
  }
}

TEST_CASE("Output::Line on a full disk ends the program with status 4",
          "[cli][output]") {
  auto c = testing::InChild([] {
    Output out("/dev/full");
    if (!out.ok()) return 90;
    out.Line("a record");
    return 91;  // not reached: Line ends the program
  });
  CHECK(c.out == "");
  CHECK(c.status == kExitOutput);
  CHECK(c.err == "bulletin-extract: write: No space left on device\n");
}

TEST_CASE(
    "Output::Line to a closed pipe ends the program quietly with "
    "status 0",
    "[cli][output]") {
  auto c = testing::InChild([] {
    std::signal(SIGPIPE, SIG_IGN);  // as cli::Main does
    int fds[2];
    if (pipe(fds) != 0) return 90;
    close(fds[0]);
    Output out("/dev/fd/" + std::to_string(fds[1]));
    if (!out.ok()) return 91;
    out.Line("a record nobody reads");
    return 92;  // not reached
  });
  CHECK(c.status == kExitOk);
  CHECK(c.err == "");
}

TEST_CASE("Output::Line writes all of a line larger than a pipe holds",
          "[cli][output]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::string got;
  std::thread reader([&] {
    char buf[8192];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;)
      got.append(buf, n);
  });
  const std::string big(1 << 20, 'x');  // 16 times a Linux pipe's buffer
  {
    Output out("/dev/fd/" + std::to_string(fds[1]));
    REQUIRE(out.ok());
    out.Line(big);
    out.Line("end");
  }
  close(fds[1]);
  reader.join();
  close(fds[0]);
  CHECK(got.size() == big.size() + 5);
  CHECK(got == big + "\nend\n");
}

TEST_CASE(
    "PrintStatus and PrintStatuses: bulletin-extract: file:line:col: "
    "message on stderr",
    "[cli][output]") {
  struct Case {
    Status status;
    const char* printed;
  };
  const Case kCases[] = {
      {Status::Error(StatusCode::kBadRules, "r/units.tsv", 3, 7, "expected X"),
       "bulletin-extract: r/units.tsv:3:7: expected X\n"},
      {Status::Error(StatusCode::kBadInput, "in.txt", 12, 0, "cannot read"),
       "bulletin-extract: in.txt:12: cannot read\n"},
      {Status::Error(StatusCode::kBadInput, "in.txt", 0, 5, "cannot open"),
       "bulletin-extract: in.txt: cannot open\n"},
      {Status::Error(StatusCode::kBadUsage, "", 0, 0, "no file"),
       "bulletin-extract: no file\n"},
  };
  std::vector<Status> all;
  std::string expected;
  for (const auto& k : kCases) {
    INFO(k.printed);
    auto c = testing::Capture([&] {
      PrintStatus(k.status);
      return 0;
    });
    CHECK(c.err == k.printed);
    CHECK(c.out == "");
    all.push_back(k.status);
    expected += k.printed;
  }
  auto c = testing::Capture([&] {
    PrintStatuses(all);
    PrintStatuses({});
    return 0;
  });
  CHECK(c.err == expected);
}

TEST_CASE(
    "PrintDiagnostic: file:line:col: severity: message [rule] on "
    "stderr",
    "[cli][output]") {
  Diagnostic d{Severity::kWarning, "article.no-byline", "issue.txt", 4, 2,
               "no byline"};
  auto c = testing::Capture([&] {
    PrintDiagnostic(d);
    d.severity = Severity::kNote;
    d.line = 0;
    PrintDiagnostic(d);
    return 0;
  });
  CHECK(c.err ==
        "issue.txt:4:2: warning: no byline [article.no-byline]\n"
        "issue.txt: note: no byline [article.no-byline]\n");
  CHECK(c.out == "");
}

}  // namespace
}  // namespace bulletin::cli

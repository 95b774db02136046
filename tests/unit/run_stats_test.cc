// cli/run_stats: the counts of `extract --stats`, gathered per input and
// added up, their JSON object, and the --progress line (src/cli/run_stats.h).
#include "run_stats.h"

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>

#include "capture.h"
#include "pipeline.h"

namespace bulletin::cli {
namespace {

using nlohmann::json;

Article WithEntities(std::initializer_list<const char*> types) {
  Article a;
  for (const char* t : types) {
    Entity e;
    e.type = t;
    a.entities.push_back(e);
  }
  return a;
}

InputResult Result(int dropped, int unplaced, int invalid, int bad_json) {
  InputResult r;
  r.stats.dropped_lines = dropped;
  r.stats.unplaced_lines = unplaced;
  r.invalid_sequences = invalid;
  r.bad_lines = bad_json;
  return r;
}

TEST_CASE("RunStats counts records and their entities by type",
          "[cli][run_stats]") {
  RunStats s;
  s.AddRecord(WithEntities({"money", "date", "money"}));
  s.AddRecord(WithEntities({}));
  s.AddRecord(WithEntities({"org"}));
  CHECK(s.records == 3);
  CHECK(s.entities ==
        std::map<std::string, long>{{"date", 1}, {"money", 2}, {"org", 1}});
  CHECK(s.inputs == 0);
}

TEST_CASE("RunStats::AddInput counts inputs, failed ones and what each lost",
          "[cli][run_stats]") {
  RunStats s;
  s.AddInput(Result(3, 1, 0, 0), false);
  s.AddInput(Result(0, 2, 5, 7), true);
  s.AddInput(Result(0, 0, 0, 0), true);
  CHECK(s.inputs == 3);
  CHECK(s.failed_inputs == 2);
  CHECK(s.dropped_lines == 3);
  CHECK(s.unplaced_lines == 3);
  CHECK(s.invalid_bytes == 5);
  CHECK(s.bad_json_lines == 7);
  CHECK(s.records == 0);
}

TEST_CASE("RunStats::Add sums every count and merges the maps",
          "[cli][run_stats]") {
  RunStats a, b;
  a.AddRecord(WithEntities({"money", "url"}));
  a.AddInput(Result(1, 2, 3, 4), false);
  a.not_shown["article.no-byline"] = 2;
  b.AddRecord(WithEntities({"money", "percent"}));
  b.AddRecord(WithEntities({}));
  b.AddInput(Result(10, 20, 30, 40), true);
  b.not_shown["article.no-byline"] = 1;
  b.not_shown["layout.unplaced"] = 5;
  RunStats total;
  total.Add(a);
  total.Add(b);
  CHECK(total.inputs == 2);
  CHECK(total.failed_inputs == 1);
  CHECK(total.records == 3);
  CHECK(total.entities ==
        std::map<std::string, long>{{"money", 2}, {"percent", 1}, {"url", 1}});
  CHECK(total.dropped_lines == 11);
  CHECK(total.unplaced_lines == 22);
  CHECK(total.invalid_bytes == 33);
  CHECK(total.bad_json_lines == 44);
  CHECK(total.not_shown == std::map<std::string, long>{{"article.no-byline", 3},
                                                       {"layout.unplaced", 5}});
  // Adding nothing changes nothing.
  total.Add(RunStats());
  CHECK(total.records == 3);
  CHECK(total.not_shown.size() == 2);
}

TEST_CASE("RunStats::Json: every count in its documented order",
          "[cli][run_stats]") {
  RunStats s;
  s.AddRecord(WithEntities({"url", "date"}));
  s.AddInput(Result(1, 2, 3, 4), true);
  s.not_shown["layout.unplaced"] = 6;
  CHECK(
      s.Json(1234, 0.5) ==
      "{\"inputs\":1,\"failed_inputs\":1,\"records\":1,"
      "\"entities\":{\"date\":1,\"url\":1},\"dropped_lines\":1,"
      "\"unplaced_lines\":2,\"invalid_bytes\":3,\"bad_json_lines\":4,"
      "\"not_shown\":{\"layout.unplaced\":6},\"bytes\":1234,\"seconds\":0.5}");
}

TEST_CASE("RunStats::Json of an empty run has empty objects, not nulls",
          "[cli][run_stats]") {
  json j = json::parse(RunStats().Json(0, 0));
  CHECK(j["entities"] == json::object());
  CHECK(j["not_shown"] == json::object());
  CHECK(j["records"] == 0);
  CHECK(j["bytes"] == 0);
  CHECK(j.size() == 11);
}

TEST_CASE("RunStats::Json: seconds cut to whole milliseconds",
          "[cli][run_stats]") {
  struct Case {
    double seconds;
    double shown;
  };
  const Case kCases[] = {
      {1.23456, 1.234},  {0.0009, 0},    {2.0, 2},
      {59.9999, 59.999}, {0.001, 0.001}, {3600.25, 3600.25},
  };
  for (const auto& k : kCases) {
    INFO(k.seconds);
    json j = json::parse(RunStats().Json(0, k.seconds));
    CHECK(j["seconds"].get<double>() == Approx(k.shown).margin(1e-9));
  }
  // Bytes beyond 32 bits stay exact.
  CHECK(json::parse(RunStats().Json(5000000000LL, 0))["bytes"] == 5000000000LL);
}

TEST_CASE("Progress draws nothing when off or when stderr is no terminal",
          "[cli][run_stats]") {
  std::atomic<long long> bytes{5000000};
  std::atomic<long> records{12};
  for (bool on : {false, true}) {
    INFO("on: " << on);
    auto c = testing::Capture([&] {
      Progress p(on, &bytes, &records);
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return 0;
    });
    CHECK(c.err == "");
  }
}

// What Progress writes to stderr when stderr is a terminal (a
// pseudo-terminal in raw mode, so that nothing is translated) for `ms`.
std::string OnTerminal(long long bytes_read, long records_done, int ms) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  REQUIRE(master >= 0);
  REQUIRE(grantpt(master) == 0);
  REQUIRE(unlockpt(master) == 0);
  int slave = open(ptsname(master), O_RDWR | O_NOCTTY);
  REQUIRE(slave >= 0);
  termios t;
  REQUIRE(tcgetattr(slave, &t) == 0);
  cfmakeraw(&t);
  REQUIRE(tcsetattr(slave, TCSANOW, &t) == 0);
  std::atomic<long long> bytes{bytes_read};
  std::atomic<long> records{records_done};
  std::fflush(stderr);
  int saved = dup(2);
  dup2(slave, 2);
  {
    Progress p(true, &bytes, &records);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  }
  std::fflush(stderr);
  dup2(saved, 2);
  close(saved);
  std::string got;
  char buf[4096];
  pollfd pfd{master, POLLIN, 0};
  while (poll(&pfd, 1, 100) > 0) {
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) break;
    got.append(buf, n);
  }
  close(slave);
  close(master);
  return got;
}

TEST_CASE("Progress on a terminal redraws one line and leaves the last",
          "[cli][run_stats]") {
  std::string got = OnTerminal(12400000, 3456, 600);
  INFO(got);
  // Redrawn in place about four times a second, then the last state and a
  // newline.
  const std::regex draw(
      "\rbulletin-extract: 12\\.4 MB read, 3456 records, [0-9]+\\.[0-9] "
      "MB/s\x1b\\[K");
  auto draws = std::distance(std::sregex_iterator(got.begin(), got.end(), draw),
                             std::sregex_iterator());
  CHECK(draws >= 2);
  CHECK(draws <= 5);
  CHECK(got.size() > 0);
  CHECK(got.back() == '\n');
  CHECK(std::count(got.begin(), got.end(), '\n') == 1);
}

TEST_CASE("Progress shows a rate below 1 MB/s with three decimals",
          "[cli][run_stats]") {
  std::string got = OnTerminal(100000, 1, 300);
  INFO(got);
  CHECK(std::regex_search(
      got,
      std::regex("0\\.1 MB read, 1 records, 0\\.[0-9]{3} MB/s\x1b\\[K\n$")));
}

}  // namespace
}  // namespace bulletin::cli

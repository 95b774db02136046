// cli: the whole command line, cli::Main over an argv (src/cli/commands.h):
// the dispatch to the subcommands, parse errors and a mistyped command,
// and `extract`'s contract: records on stdout or -o FILE, the stderr
// policy (-v), --stats, --encoding, -j and the exit statuses. The bulletins
// were written for this test.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "capture.h"
#include "commands.h"
#include "exit_codes.h"
#include "record.h"
#include "test_dirs.h"

namespace bulletin::cli {
namespace {

using nlohmann::json;

// One titled article with an amount and a byline.
const char kOne[] =
    "示例机构发布年度计划\n\n示例机构计划投入 520 亿元用于研发。\n\n"
    "（执笔：李四）\n";
// Text before any title: kept in a record, with a warning (segment.unplaced).
const char kUntitled[] =
    "这是一段没有标题的说明文字，写得比较长，用来看看会发生什么事情。\n";
// Two articles.
const char kTwo[] =
    "第一个示例项目启动\n\n项目预计投入 30 亿元。\n\n（执笔：王五）\n\n"
    "第二个示例项目完成\n\n项目的完成率达到 95%。\n\n（执笔：赵六）\n";

// The bulletins in a scratch directory that is the working directory while
// alive.
class InScratch {
 public:
  InScratch()
      : dir_(testing::FileList{
            {"one.txt", kOne},
            {"untitled.txt", kUntitled},
            {"two.txt", kTwo},
            {"bad-utf8.txt", std::string("示例标题\xFF") + kOne},
            {"chek", kOne}}),
        in_(dir_.path()) {}

 private:
  testing::ScratchDir dir_;
  testing::InDir in_;
};

// cli::Main over `args` (the program name is added).
int CallMain(std::vector<std::string> args) {
  args.insert(args.begin(), "bulletin-extract");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return Main(static_cast<int>(args.size()), argv.data());
}

testing::Captured Cli(const std::vector<std::string>& args) {
  return testing::Capture([&] { return CallMain(args); });
}

std::vector<json> Records(const std::string& out) {
  std::vector<json> r;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) r.push_back(json::parse(l));
  return r;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("ExitCode: each Status code leads to its documented exit status",
          "[cli][cli_main]") {
  struct Case {
    StatusCode code;
    int exit;
  };
  // README "Exit status": 2 a bad option or rule file, 3 an input.
  const Case kCases[] = {{StatusCode::kOk, 0},
                         {StatusCode::kBadInput, 3},
                         {StatusCode::kBadRules, 2},
                         {StatusCode::kBadUsage, 2}};
  for (const auto& k : kCases) {
    INFO(static_cast<int>(k.code));
    CHECK(ExitCode(k.code) == k.exit);
  }
  CHECK((kExitOk == 0 && kExitFindings == 1 && kExitUsage == 2 &&
         kExitInput == 3 && kExitOutput == 4));
}

TEST_CASE("Main: --version and --help print to stdout with status 0",
          "[cli][cli_main]") {
  auto c = Cli({"--version"});
  CHECK(c.status == kExitOk);
  CHECK(c.out == std::string("bulletin-extract ") + BULLETIN_VERSION + "\n");
  c = Cli({"--help"});
  CHECK(c.status == kExitOk);
  for (const char* part : {"Usage: bulletin-extract", "--encoding", "--stats",
                           "Examples:", "Exit status: 0 success",
                           "4 the output could not be written"}) {
    INFO(part);
    CHECK(c.out.find(part) != std::string::npos);
  }
  CHECK(c.err == "");
}

TEST_CASE("Main: a bad command line is status 2 with a pointer to --help",
          "[cli][cli_main]") {
  struct Case {
    std::vector<std::string> args;
    const char* says;
  };
  const Case kCases[] = {
      {{"--bogus"}, "The following argument was not expected: --bogus"},
      {{"-j", "0", "a.txt"}, "--jobs: Value 0 not in range 1 to 256"},
      {{"--encoding", "ebcdic"}, "--encoding"},
      {{"rules"}, "A subcommand is required"},
      {{"rules", "test"}, "file is required"},
      {{"check"}, "files is required"},
  };
  for (const auto& k : kCases) {
    INFO(k.args.front() << " " << k.says);
    auto c = Cli(k.args);
    CHECK(c.status == kExitUsage);
    CHECK(c.out == "");
    CHECK(c.err.rfind(std::string("bulletin-extract: ") + k.says, 0) == 0);
    CHECK(c.err.find("\nRun 'bulletin-extract --help' for the options.\n") !=
          std::string::npos);
  }
}

TEST_CASE("Main: a word close to a command and no file is a mistyped command",
          "[cli][cli_main]") {
  InScratch s;
  struct Case {
    const char* word;
    const char* meant;  // "": not taken for a command
  };
  const Case kCases[] = {
      {"chekc", "check"},
      {"scheme", "schema"},
      {"rulse", "rules"},
      {"extrat", "extract"},
      // Too far from every command: a file that is not there.
      {"zzzz", ""},
      {"ch", ""},
  };
  for (const auto& k : kCases) {
    INFO(k.word);
    auto c = Cli({k.word});
    CHECK(c.out == "");
    if (*k.meant) {
      CHECK(c.status == kExitUsage);
      CHECK(c.err == std::string("bulletin-extract: '") + k.word +
                         "' is neither a command nor a file; did you mean '" +
                         k.meant + "'? (see bulletin-extract --help)\n");
    } else {
      CHECK(c.status == kExitInput);
      CHECK(c.err.find("No such file or directory") != std::string::npos);
    }
  }
  // A file of that name is an input.
  auto c = Cli({"chek"});
  CHECK(c.status == kExitOk);
  CHECK(Records(c.out).size() == 1);
}

TEST_CASE("Main: schema prints the record schema", "[cli][cli_main]") {
  auto c = Cli({"schema"});
  CHECK(c.status == kExitOk);
  CHECK(c.out == RecordSchema() + "\n");
  CHECK(json::parse(c.out).contains("$schema"));
}

TEST_CASE("Main: one record a line per article, extract the default command",
          "[cli][cli_main]") {
  InScratch s;
  auto c = Cli({"two.txt", "one.txt"});
  CHECK(c.status == kExitOk);
  CHECK(c.err == "");
  auto r = Records(c.out);
  REQUIRE(r.size() == 3);
  CHECK(r[0]["title"] == "第一个示例项目启动");
  CHECK(r[0]["source"]["path"] == "two.txt");
  CHECK(r[1]["title"] == "第二个示例项目完成");
  CHECK(r[2]["source"]["path"] == "one.txt");
  CHECK(r[2]["entities"][0]["value"] == 52000000000LL);
  // `extract FILE` is the same run.
  CHECK(Cli({"extract", "two.txt", "one.txt"}).out == c.out);
  // -j 1 and -j 2 write the same records in input order.
  CHECK(Cli({"-j", "1", "two.txt", "one.txt"}).out == c.out);
  CHECK(Cli({"-j", "2", "two.txt", "one.txt"}).out == c.out);
}

TEST_CASE("Main: --pretty indents and --context adds each entity's sentence",
          "[cli][cli_main]") {
  InScratch s;
  auto c = Cli({"--pretty", "one.txt"});
  CHECK(c.status == kExitOk);
  CHECK(c.out.rfind("{\n  \"schema_version\": 1,", 0) == 0);
  json plain = Records(Cli({"one.txt"}).out).at(0);
  CHECK(json::parse(c.out) == plain);
  CHECK_FALSE(plain["entities"][0].contains("context"));
  json ctx = Records(Cli({"--context", "one.txt"}).out).at(0);
  CHECK(ctx["entities"][0]["context"] == "示例机构计划投入 520 亿元用于研发。");
}

TEST_CASE("Main: warnings reach stderr only with -v, which adds a summary",
          "[cli][cli_main]") {
  InScratch s;
  auto quiet = Cli({"untitled.txt"});
  CHECK(quiet.status == kExitOk);
  CHECK(quiet.err == "");
  CHECK(Records(quiet.out).size() == 1);
  auto loud = Cli({"-v", "untitled.txt", "one.txt"});
  CHECK(loud.status == kExitOk);
  CHECK(loud.out == Cli({"untitled.txt", "one.txt"}).out);
  CHECK(loud.err ==
        "untitled.txt:1:1: warning: text outside any titled article kept in "
        "record [segment.unplaced]\n"
        "untitled.txt: utf-8, 1 article, 0 lines of page furniture dropped, "
        "1 line outside any titled article, 1 diagnostic\n"
        "one.txt: utf-8, 1 article, 0 lines of page furniture dropped, "
        "0 lines outside any titled article, 0 diagnostics\n");
}

TEST_CASE(
    "Main: invalid bytes are always reported, and fail the run only "
    "under a named encoding",
    "[cli][cli_main]") {
  InScratch s;
  auto c = Cli({"bad-utf8.txt"});
  CHECK(c.status == kExitOk);
  CHECK(c.err.find("[decode.invalid-bytes]") != std::string::npos);
  REQUIRE(Records(c.out).size() == 1);
  c = Cli({"--encoding", "utf-8", "bad-utf8.txt", "one.txt"});
  CHECK(c.status == kExitInput);
  CHECK(
      c.err.find("bad-utf8.txt: not valid utf-8: 1 invalid byte sequences\n") !=
      std::string::npos);
  // Its records are written all the same (the bad byte as U+FFFD), and the
  // next input's too.
  auto r = Records(c.out);
  REQUIRE(r.size() == 2);
  CHECK(r[0]["title"] == "示例标题\xEF\xBF\xBD示例机构发布年度计划");
  CHECK(r[1]["source"]["path"] == "one.txt");
}

TEST_CASE("Main: an input that cannot be read is status 3, the others run",
          "[cli][cli_main]") {
  InScratch s;
  auto c = Cli({"gone.txt", "one.txt"});
  CHECK(Records(c.out).size() == 1);
  CHECK(c.err == "bulletin-extract: gone.txt: No such file or directory\n");
  CHECK(c.status == kExitInput);
}

TEST_CASE("Main -o FILE: the records go to the file", "[cli][cli_main]") {
  InScratch s;
  auto c = Cli({"-o", "out.jsonl", "two.txt"});
  CHECK(c.status == kExitOk);
  CHECK(c.out == "");
  CHECK(Records(Slurp("out.jsonl")).size() == 2);
  CHECK(Slurp("out.jsonl") == Cli({"two.txt"}).out);
}

TEST_CASE(
    "Main -o and --stats: a path that cannot be written is status 4 "
    "before any work",
    "[cli][cli_main]") {
  InScratch s;
  auto c = Cli({"-o", "no-dir/out.jsonl", "one.txt"});
  CHECK(c.status == kExitOutput);
  CHECK(c.err ==
        "bulletin-extract: no-dir/out.jsonl: cannot write: No such file or "
        "directory\n");
  c = Cli({"--stats", "no-dir/stats.json", "one.txt"});
  CHECK(c.status == kExitOutput);
  CHECK(c.out == "");
  CHECK(c.err ==
        "bulletin-extract: no-dir/stats.json: --stats: cannot write: No such "
        "file or directory\n");
}

TEST_CASE("Main -o on a full disk ends with status 4", "[cli][cli_main]") {
  InScratch s;
  auto c = testing::InChild([] {
    return CallMain({"-o", "/dev/full", "one.txt"});
  });
  CHECK(c.status == kExitOutput);
  CHECK(c.err == "bulletin-extract: write: No space left on device\n");
}

TEST_CASE("Main --stats FILE: the run's counts as one JSON object",
          "[cli][cli_main]") {
  InScratch s;
  for (const char* jobs : {"1", "2"}) {
    INFO("-j " << jobs);
    auto c = Cli({"-j", jobs, "--stats", "stats.json", "two.txt",
                  "untitled.txt", "gone.txt"});
    CHECK(c.status == kExitInput);
    std::string text = Slurp("stats.json");
    REQUIRE(text.size() > 0);
    CHECK(text.back() == '\n');
    json j = json::parse(text);
    CHECK(j["inputs"] == 3);
    CHECK(j["failed_inputs"] == 1);
    CHECK(j["records"] == 3);
    CHECK(j["entities"] == json{{"money", 1}, {"percent", 1}});
    CHECK(j["unplaced_lines"] == 1);
    // The warning not printed without -v is counted.
    CHECK(j["not_shown"] == json{{"segment.unplaced", 1}});
    CHECK(j["bytes"] == static_cast<long long>(std::string(kTwo).size() +
                                               std::string(kUntitled).size()));
  }
}

TEST_CASE("Main: '-' and no file read stdin", "[cli][cli_main]") {
  InScratch s;
  for (bool dash : {true, false}) {
    INFO("dash: " << dash);
    auto c = testing::InChild([dash] {
      int fd = open("two.txt", O_RDONLY);
      if (fd < 0 || dup2(fd, 0) < 0) return 90;
      return dash ? CallMain({"-"}) : CallMain({});
    });
    CHECK(c.status == kExitOk);
    auto r = Records(c.out);
    REQUIRE(r.size() == 2);
    CHECK(r[0]["source"]["path"] == "-");
  }
}

TEST_CASE("Main dispatches rules list and check", "[cli][cli_main]") {
  InScratch s;
  auto c = Cli({"rules", "list"});
  CHECK(c.status == kExitOk);
  CHECK(c.out.find("\nurl.web\t") != std::string::npos);
  c = Cli({"check", "one.txt"});
  CHECK(c.status == kExitOk);
  CHECK(c.out == "");
  c = Cli({"check", "untitled.txt", "--strict"});
  CHECK(c.status == kExitFindings);
}

}  // namespace
}  // namespace bulletin::cli

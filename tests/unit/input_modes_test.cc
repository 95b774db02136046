// input_modes: the `lines` and `jsonl` readers (src/input_modes.h), run on
// a LineReader over a scratch file: one document per line or per JSON
// object, its own document state, its positions, and a bad JSON line
// reported at file:line:col and skipped. The texts were written for this
// test.
#include "input_modes.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "builtin_fixtures.h"
#include "test_dirs.h"

namespace bulletin {
namespace {

using testing::FileList;
using testing::ScratchDir;

const Engine& Builtin() { return testing::BuiltinEngine(); }

struct Run {
  InputResult result;
  std::vector<Article> articles;
  std::vector<Diagnostic> diagnostics;
};

// Runs `text`, as the file in.txt, through RunLinesInput (`jsonl` false) or
// RunJsonlInput.
Run RunText(const std::string& text, bool jsonl,
            const PipelineOptions& opt = {}) {
  ScratchDir dir(FileList{{"in.txt", text}});
  Run r;
  DiagnosticSink diag = [&](const Diagnostic& d) {
    r.diagnostics.push_back(d);
  };
  LineReader reader(dir.path() + "/in.txt", "auto", diag);
  auto sink = [&](Article&& a) { r.articles.push_back(a); };
  if (jsonl)
    RunJsonlInput(Builtin(), &reader, "in.txt", opt, sink, diag, &r.result);
  else
    RunLinesInput(Builtin(), &reader, "in.txt", opt, sink, diag, &r.result);
  return r;
}

// The diagnostics of rule `rule`.
std::vector<Diagnostic> Of(const Run& r, const std::string& rule) {
  std::vector<Diagnostic> out;
  for (const auto& d : r.diagnostics)
    if (d.rule == rule) out.push_back(d);
  return out;
}

const Entity* FirstOf(const Article& a, const std::string& type) {
  for (const auto& e : a.entities)
    if (e.type == type) return &e;
  return nullptr;
}

TEST_CASE("RunLinesInput: every non-blank line is one record", "[input_modes]") {
  Run r = RunText("售价为300元。\n\n   \n提高15%。\n", false);
  REQUIRE(r.articles.size() == 2);
  CHECK(r.result.documents == 2);
  CHECK(r.result.stats.articles == 2);
  CHECK(r.articles[0].body.text == "售价为300元。");
  CHECK(r.articles[0].title.text.empty());
  CHECK(r.articles[0].line == 1);
  CHECK(r.articles[1].line == 4);
  CHECK(r.articles[1].end_line == 4);
  CHECK(r.articles[1].path == "in.txt");
  REQUIRE(FirstOf(r.articles[1], "percent") != nullptr);
  CHECK(r.diagnostics.empty());
}

TEST_CASE("RunLinesInput: blanks trimmed, columns still the input's",
          "[input_modes]") {
  struct Case {
    const char* line;
    const char* body;
    int money_col;  // the column of 300元 in the input line
  };
  const Case kCases[] = {
      {"售价为300元。", "售价为300元。", 4},
      {"\t 售价为300元。 ", "售价为300元。", 6},
      {"\u3000\u3000售价为300元。\u3000", "售价为300元。", 6},  // wide spaces
      {"\u00A0售价为300元。\r", "售价为300元。", 5},           // no-break space
      {"\uFEFF售价为300元。", "售价为300元。", 4},  // a byte-order mark is cut
  };
  for (const auto& k : kCases) {
    INFO(k.line);
    Run r = RunText(std::string(k.line) + "\n", false);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].body.text == k.body);
    const Entity* m = FirstOf(r.articles[0], "money");
    REQUIRE(m != nullptr);
    CHECK(m->line == 1);
    CHECK(m->col == k.money_col);
    CHECK(m->start == 3);  // in the trimmed body
  }
}

TEST_CASE("RunLinesInput: each line has a document state of its own",
          "[input_modes]") {
  PipelineOptions opt;
  opt.reference_date = "2026-04-01";
  Run r = RunText(
      "南岭储能研究院（岭储院）于2021年5月成立。\n"
      "岭储院于6月18日招聘。\n",
      false, opt);
  REQUIRE(r.articles.size() == 2);
  int orgs = 0;
  for (const auto& e : r.articles[1].entities) orgs += e.type == "org";
  CHECK(orgs == 0);  // the abbreviation was the first line's
  const Entity* d = FirstOf(r.articles[1], "date");
  REQUIRE(d != nullptr);
  // Not 2021 as the line above: the reference date's year.
  CHECK(FindAttr(d->attrs, "value")->text() == "2026-06-18");
}

TEST_CASE("RunJsonlInput: the text field of each object is one document",
          "[input_modes]") {
  PipelineOptions opt;
  opt.text_field = "body";
  opt.id_field = "key";
  opt.keep_fields = {"source", "absent"};
  Run r = RunText(
      "{\"key\": \"n-1\", \"source\": {\"site\": \"x\"}, \"body\": "
      "\"星河公司发布新款芯片\\n\\n星河公司表示，售价为300元。\"}\n"
      "\n"
      "{\"body\": \"提高15%。\"}\n",
      true, opt);
  CHECK(Of(r, "input.bad-json").empty());
  CHECK(r.result.documents == 2);
  CHECK(r.result.bad_lines == 0);
  REQUIRE(r.articles.size() == 2);
  const Article& a = r.articles[0];
  CHECK(a.title.text == "星河公司发布新款芯片");
  CHECK(a.body.text == "星河公司表示，售价为300元。");
  CHECK(a.jsonl_line == 1);
  CHECK(a.id_json == "\"n-1\"");
  REQUIRE(a.meta.size() == 1);
  CHECK(a.meta[0].first == "source");
  CHECK(a.meta[0].second == "{\"site\":\"x\"}");
  // Lines and columns are counted in the text field.
  const Entity* m = FirstOf(a, "money");
  REQUIRE(m != nullptr);
  CHECK(m->line == 3);
  CHECK(m->col == 11);
  CHECK(r.articles[1].jsonl_line == 3);
  CHECK(r.articles[1].id_json.empty());
}

TEST_CASE("RunJsonlInput: a bad line is reported at file:line:col, skipped",
          "[input_modes]") {
  struct Case {
    const char* line;
    int col;
    const char* message;  // the start of the diagnostic's message
  };
  const Case kCases[] = {
      {"not json", 2, "not valid JSON: syntax error"},  // at the o
      {"{\"text\": \"a\",", 14, "not valid JSON: syntax error"},  // its end
      {"[\"text\", \"a\"]", 1, "not a JSON object"},
      {"{\"body\": \"a\"}", 1, "no string field \"text\""},
      {"{\"text\": 5}", 1, "no string field \"text\""},
      {"{\"text\": \"星河\", ", 16, "not valid JSON"},  // columns: code points
  };
  for (const auto& k : kCases) {
    INFO(k.line);
    Run r = RunText("{\"text\": \"提高15%。\"}\n" + std::string(k.line) + "\n",
                    true);
    CHECK(r.articles.size() == 1);
    CHECK(r.result.documents == 1);
    CHECK(r.result.bad_lines == 1);
    auto bad = Of(r, "input.bad-json");
    REQUIRE(bad.size() == 1);
    const Diagnostic& d = bad[0];
    CHECK(d.severity == Severity::kError);
    CHECK(d.path == "in.txt");
    CHECK(d.line == 2);
    CHECK(d.col == k.col);
    CHECK(d.message.rfind(k.message, 0) == 0);
    CHECK(d.message.find("; line skipped") != std::string::npos);
  }
}

TEST_CASE("RunJsonlInput: a document's diagnostics name the JSON line",
          "[input_modes]") {
  // A paragraph before any title is kept in a record and warned about.
  Run r = RunText(
      "{\"text\": \"\"}\n"
      "{\"text\": \"这一段很长的正文没有标题，它足够长而不会被当作标题，于是位于"
      "任何文章之外。\\n\\n星河公司发布新款芯片\\n\\n星河公司表示满意。\"}\n",
      true);
  auto unplaced = Of(r, "segment.unplaced");
  REQUIRE(unplaced.size() == 1);
  const Diagnostic& d = unplaced[0];
  CHECK(d.line == 2);  // the JSON line
  CHECK(d.col == 0);
  CHECK(d.message.find("(text line 1, col 1)") != std::string::npos);
  CHECK(r.result.stats.unplaced_lines == 1);
}

TEST_CASE("RunJsonlInput: a line longer than the reader's pieces is one "
          "object",
          "[input_modes]") {
  // Over kMaxLineBytes: the reader hands it out in pieces.
  std::string body;
  while (body.size() <= 2 * kMaxLineBytes) body += "星河公司表示满意。";
  Run r = RunText("{\"id\": 1, \"text\": \"" + body + "\"}\n", true);
  CHECK(r.result.bad_lines == 0);
  CHECK(r.result.documents == 1);
  size_t total = 0;
  for (const auto& a : r.articles) total += a.body.text.size();
  CHECK(total == body.size());
}

}  // namespace
}  // namespace bulletin

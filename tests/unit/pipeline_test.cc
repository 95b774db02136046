// pipeline: the Engine (every rule and table, loaded once) and RunInput, one
// input through decoding, segmentation and extraction to the caller's sink:
// which reader an input goes to, what a bad input or a bad name gives, and
// what the options carry into the document (src/pipeline.h). The bulletins
// were written for this test.
#include "pipeline.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "builtin_fixtures.h"
#include "test_dirs.h"
#include "text_util.h"

namespace bulletin {
namespace {

using testing::ScratchDir;

const Engine& Builtin() { return testing::BuiltinEngine(); }

// Two articles, each a title, a paragraph and (the first) a byline.
const char kBulletin[] =
    "星河公司发布新款芯片\n"
    "\n"
    "星河微电子有限公司5月18日表示，新款芯片售价为300元，较上一代提高15%。\n"
    "\n"
    "作者：李明\n"
    "\n"
    "东海大学获批新项目\n"
    "\n"
    "东海大学近日宣布，将投入2亿元建设新的研究平台。\n";

struct Run {
  InputResult result;
  std::vector<Article> articles;
  std::vector<Diagnostic> diagnostics;
};

Run RunFile(const std::string& path, const PipelineOptions& opt = {}) {
  Run r;
  r.result = RunInput(
      Builtin(), path, opt, [&](Article&& a) { r.articles.push_back(a); },
      [&](const Diagnostic& d) { r.diagnostics.push_back(d); });
  return r;
}

// The value of the first entity of type `type` in `a`, or "".
std::string ValueOf(const Article& a, const std::string& type) {
  for (const auto& e : a.entities)
    if (e.type == type)
      if (const AttrValue* v = FindAttr(e.attrs, "value")) return v->text();
  return "";
}

TEST_CASE("Engine::Load: the built-in rules, or nothing and every error",
          "[pipeline]") {
  CHECK(Builtin().layout != nullptr);
  CHECK(Builtin().extractor != nullptr);
  std::vector<Status> errors;
  CHECK(Engine::Load("/nonexistent/rules-dir", &errors) == nullptr);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == StatusCode::kBadRules);
  CHECK(errors[0].ToString().find("/nonexistent/rules-dir") !=
        std::string::npos);
}

TEST_CASE("Engine::Load: a failed load leaves the punctuation in force",
          "[pipeline]") {
  const std::u32string terminal = Punct().terminal;
  ScratchDir dir(testing::FileList{{"punctuation.tsv", "terminal\t|\n"},
                  {"broken.rules", "test.broken 10 (unclosed\n"}});
  std::vector<Status> errors;
  CHECK(Engine::Load(dir.path(), &errors) == nullptr);
  REQUIRE(!errors.empty());
  CHECK(errors[0].ToString().find("broken.rules:1:") != std::string::npos);
  CHECK(Punct().terminal == terminal);
}

TEST_CASE("Engine::Load: a bad punctuation row is reported at file:line:col",
          "[pipeline]") {
  ScratchDir dir(testing::FileList{{"punctuation.tsv", "# c\nnot_a_kind\t!\n"}});
  std::vector<Status> errors;
  CHECK(Engine::Load(dir.path(), &errors) == nullptr);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 2);
  CHECK(errors[0].col == 1);
}

TEST_CASE("RunInput: a text bulletin, article by article, with entities",
          "[pipeline]") {
  ScratchDir dir(testing::FileList{{"issue.txt", kBulletin}});
  PipelineOptions opt;
  opt.reference_date = "2026-01-10";
  Run r = RunFile(dir.path() + "/issue.txt", opt);
  CHECK(r.result.status.ok());
  CHECK(r.result.encoding == "utf-8");
  CHECK(r.result.invalid_sequences == 0);
  REQUIRE(r.articles.size() == 2);
  const Article& a = r.articles[0];
  CHECK(a.path == dir.path() + "/issue.txt");
  CHECK(a.title.text == "星河公司发布新款芯片");
  CHECK(a.authors == std::vector<std::string>{"李明"});
  CHECK(a.line == 1);
  // The reference date gives 5月18日 its year.
  CHECK(ValueOf(a, "date") == "2026-05-18");
  CHECK(ValueOf(a, "money") == "300");
  CHECK(ValueOf(a, "percent") == "15");
  const Article& b = r.articles[1];
  CHECK(b.title.text == "东海大学获批新项目");
  CHECK(b.line == 7);
  CHECK(ValueOf(b, "money") == "200000000");
  CHECK(ValueOf(b, "date") == "2026-01-10");  // 近日: the reference date
  CHECK(r.result.stats.articles == 2);
}

TEST_CASE("RunInput: the reader by format option, name and signature",
          "[pipeline]") {
  ScratchDir dir(testing::FileList{{"docs.jsonl",
                   "{\"id\": 7, \"text\": \"售价为300元。\"}\n"
                   "{\"id\": 8, \"text\": \"提高15%。\"}\n"},
                  {"docs.txt", "售价为300元。\n提高15%。\n"}});
  struct Case {
    const char* file;
    const char* format;
    size_t records;
    int documents;  // InputResult::documents: lines or JSON objects read
  };
  const Case kCases[] = {
      {"docs.jsonl", "auto", 2, 2},   // the name: one document per object
      {"docs.jsonl", "jsonl", 2, 2},
      {"docs.txt", "lines", 2, 2},    // one document per line
      {"docs.txt", "auto", 1, 0},     // a bulletin: one article
      {"docs.jsonl", "text", 1, 0},   // read as text, whatever its name
  };
  for (const auto& k : kCases) {
    INFO(k.file << " as " << k.format);
    PipelineOptions opt;
    opt.input_format = k.format;
    Run r = RunFile(dir.path() + "/" + k.file, opt);
    CHECK(r.result.status.ok());
    CHECK(r.articles.size() == k.records);
    CHECK(r.result.documents == k.documents);
  }
}

TEST_CASE("RunInput: jsonl records carry their id and line", "[pipeline]") {
  ScratchDir dir(testing::FileList{{"docs.jsonl",
                   "{\"id\": \"a1\", \"text\": \"售价为300元。\"}\n"
                   "\n"
                   "{\"id\": 8, \"text\": \"提高15%。\"}\n"}});
  Run r = RunFile(dir.path() + "/docs.jsonl");
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].id_json == "\"a1\"");
  CHECK(r.articles[0].jsonl_line == 1);
  CHECK(r.articles[1].id_json == "8");
  CHECK(r.articles[1].jsonl_line == 3);
}

TEST_CASE("RunInput: a bad JSON line is skipped and makes the input fail",
          "[pipeline]") {
  ScratchDir dir(testing::FileList{{"docs.jsonl", "{\"text\": \"提高15%。\"}\nnot json\n"}});
  Run r = RunFile(dir.path() + "/docs.jsonl");
  CHECK(r.articles.size() == 1);
  CHECK(r.result.bad_lines == 1);
  CHECK(r.result.status.code == StatusCode::kBadInput);
  CHECK(r.result.status.message ==
        "1 of 2 JSON lines skipped (input.bad-json errors above)");
}

TEST_CASE("RunInput: an input that cannot be read gives no records",
          "[pipeline]") {
  ScratchDir dir(testing::FileList{{"fake.pdf", "星河公司发布新款芯片\n"}});
  struct Case {
    std::string path;
    const char* message;  // part of the status's message
  };
  const Case kCases[] = {
      {dir.path() + "/missing.txt", ""},
      // A .pdf name is read as a PDF: a text inside is reported, not read.
      {dir.path() + "/fake.pdf", "not a PDF: no %PDF- signature"},
  };
  for (const auto& k : kCases) {
    INFO(k.path);
    Run r = RunFile(k.path);
    CHECK(r.result.status.code == StatusCode::kBadInput);
    CHECK(r.result.status.message.find(k.message) != std::string::npos);
    CHECK(r.result.status.file == k.path);
    CHECK(r.articles.empty());
  }
}

TEST_CASE("RunInput: a file name that is not UTF-8 is reported, still read",
          "[pipeline]") {
  ScratchDir dir(testing::FileList{{"bad\xFFname.txt", kBulletin}});
  const std::string path = dir.path() + "/bad\xFFname.txt";
  Run r = RunFile(path);
  CHECK(r.result.status.code == StatusCode::kBadInput);
  CHECK(r.result.status.message.find("not valid UTF-8") != std::string::npos);
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].path == dir.path() + "/bad\xEF\xBF\xBDname.txt");
}

TEST_CASE("RunInput: the bytes read are counted", "[pipeline]") {
  ScratchDir dir(testing::FileList{{"issue.txt", kBulletin}});
  std::atomic<long long> bytes{5};
  PipelineOptions opt;
  opt.bytes_read = &bytes;
  RunFile(dir.path() + "/issue.txt", opt);
  CHECK(bytes == 5 + static_cast<long long>(sizeof kBulletin - 1));
}

TEST_CASE("StartDocument: the options' document state, nothing learnt kept",
          "[pipeline]") {
  PipelineOptions opt;
  opt.reference_date = "2025-12-31";
  opt.locale_currency = "TWD";
  opt.context = true;
  DocContext ctx = StartDocument(Builtin(), "x.txt", opt, nullptr);
  CHECK(ctx.reference_date == "2025-12-31");
  CHECK(ctx.locale_currency == "TWD");
  CHECK(ctx.sentence_text);
  CHECK(ctx.path == "x.txt");
  CHECK(ctx.own_date.empty());
  // An abbreviation learnt in one document is unknown in the next.
  auto orgs_in = [&](const std::string& text) {
    Article a;
    a.body.text = text;
    a.body.length = static_cast<int>(ToCodePoints(text).size());
    a.body.anchors.push_back({0, 1, 1});
    Builtin().extractor->Process(&a, &ctx);
    int n = 0;
    for (const auto& e : a.entities) n += e.type == "org";
    return n;
  };
  CHECK(orgs_in("南岭储能研究院（岭储院）成立，岭储院将招聘。") == 3);
  CHECK(orgs_in("岭储院将招聘。") == 1);
  ctx = StartDocument(Builtin(), "y.txt", opt, nullptr);
  CHECK(orgs_in("岭储院将招聘。") == 0);
}

TEST_CASE("InputResult::PageOf: the page of a line", "[pipeline]") {
  InputResult r;
  CHECK(r.PageOf(5) == 0);  // text input: no pages
  r.page_starts = {{3, 1}, {40, 2}, {90, 4}};  // page 3 had no text
  const std::pair<int, int> kCases[] = {
      {0, 0}, {1, 1}, {3, 1}, {39, 1}, {40, 2}, {89, 2}, {90, 4}, {500, 4},
  };
  for (const auto& [line, page] : kCases) {
    INFO("line " << line);
    CHECK(r.PageOf(line) == page);
  }
}

}  // namespace
}  // namespace bulletin

// check_rules: the article rules of `bulletin-extract check`
// (src/check_rules.h): the rule registry, ArticleChecker over hand-built
// articles, one rule at a time, with the line and column each finding is
// reported at, and what a DocumentState carries from article to article.
// The articles are built by hand, field by field.
#include "check_rules.h"

#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "builtin_fixtures.h"
#include "pipeline.h"
#include "test_dirs.h"
#include "text_util.h"

namespace bulletin {
namespace {

// The checker over the built-in rules, for `opt`.
std::unique_ptr<ArticleChecker> Create(ArticleChecker::Options opt) {
  const Engine& engine = testing::BuiltinEngine();
  std::string error;
  auto checker = ArticleChecker::Create(*engine.extractor, *engine.layout,
                                        opt, &error);
  INFO(error);
  REQUIRE(checker);
  return checker;
}

// The checker over the built-in rules, built once.
const ArticleChecker& Checker() {
  static std::unique_ptr<ArticleChecker> checker = Create({1900, 2100});
  return *checker;
}

// A field of one input line starting at `col`.
Field OneLine(const std::string& text, int line, int col = 1) {
  Field f;
  f.text = text;
  f.anchors = {{0, line, col}};
  f.length = static_cast<int>(ToCodePoints(text).size());
  return f;
}

// A well-formed article: title on line 1, body on line 3, byline on 5.
Article Clean(int index = 1) {
  Article a;
  a.path = "issue.txt";
  a.index = index;
  a.line = a.title_line = 1;
  a.end_line = 5;
  a.title = OneLine("美国商务部发布芯片补贴申请指南", 1);
  a.body = OneLine("美国商务部计划拨付 520 亿美元。", 3);
  a.byline = "（执笔：张三）";
  a.byline_line = 5;
  return a;
}

Entity Date(const std::string& text, int start, Attrs attrs) {
  Entity e;
  e.type = "date";
  e.text = text;
  e.field = "text";
  e.start = start;
  e.end = start + static_cast<int>(ToCodePoints(text).size());
  e.line = 3;
  e.col = start + 1;
  e.attrs = std::move(attrs);
  return e;
}

// "rule@line:col" of each diagnostic of `a` (checked after `before`).
std::vector<std::string> Found(const Article& a,
                               std::vector<Article> before = {},
                               DocumentState doc = {}) {
  doc.path = "issue.txt";
  std::vector<Diagnostic> out;
  for (const auto& b : before) Checker().Check(b, &doc, &out);
  out.clear();
  Checker().Check(a, &doc, &out);
  Checker().Finish(&doc, &out);
  std::vector<std::string> s;
  for (const auto& d : out) {
    CHECK(d.path == "issue.txt");
    s.push_back(d.rule + "@" + std::to_string(d.line) + ":" +
                std::to_string(d.col));
  }
  return s;
}

TEST_CASE("check: every rule id is kind.name and listed once", "[check_rules]") {
  std::set<std::string> ids;
  for (const auto& r : CheckRules()) {
    std::string id = r.id;
    CHECK(id.find('.') != std::string::npos);
    CHECK(ids.insert(id).second);
    CHECK(FindCheckRule(id) == &r);
  }
  CHECK(ids.size() == 17);
  CHECK(FindCheckRule("no.such-rule") == nullptr);
}

TEST_CASE("check: a clean article reports nothing", "[check_rules]") {
  CHECK(Found(Clean()).empty());
}

TEST_CASE("check: a number mixing digit widths is found where it starts",
          "[check_rules]") {
  CHECK(Checker().MixedDigitRuns("２0２２ 年") == std::vector<int>{0});
  CHECK(Checker().MixedDigitRuns("约 1，８00 亿元") == std::vector<int>{2});
  CHECK(Checker().MixedDigitRuns("２０２２ 年 5 月").empty());
  CHECK(Checker().MixedDigitRuns("3.5 万片").empty());
  // Each mixed run once, at its first digit; a separator joins two digits
  // only, and a run of one width is none.
  CHECK(Checker().MixedDigitRuns("１2 与 3４，5") == std::vector<int>{0, 5});
  CHECK(Checker().MixedDigitRuns("12ab３4") == std::vector<int>{4});
  CHECK(Checker().MixedDigitRuns("7,,８ 和 ９.9") == std::vector<int>{7});
  CHECK(Checker().MixedDigitRuns("").empty());
}

TEST_CASE("check: the article structure rules", "[check_rules]") {
  Article a = Clean();
  a.byline.clear();
  CHECK(Found(a) == std::vector<std::string>{"article.no-byline@1:1"});

  a = Clean();
  a.body = Field();
  CHECK(Found(a) == std::vector<std::string>{"article.empty@1:1"});

  a = Clean();
  a.title = OneLine(std::string(20, 'x') + "他说：“芯片补贴指南已经发布。”", 1);
  CHECK(Found(a) == std::vector<std::string>{"title.looks-like-body@1:35"});
  a.title = OneLine(std::string(61, 'x'), 1, 3);
  CHECK(Found(a) == std::vector<std::string>{"title.looks-like-body@1:3"});
  a.title = OneLine(std::string(60, 'x'), 1);
  CHECK(Found(a).empty());

  Article again = Clean(2);
  again.title = OneLine("美国商务部发布芯片补贴 申请指南", 9);
  CHECK(Found(again, {Clean()}) ==
        std::vector<std::string>{"title.duplicate@9:1"});

  // Untitled text is only segment.unplaced's business.
  a = Clean();
  a.title = Field();
  a.byline.clear();
  a.unplaced_lines = 1;
  CHECK(Found(a) == std::vector<std::string>{"segment.unplaced@1:1"});
  DocumentState seen;
  seen.Observe({Severity::kWarning, "segment.unplaced", "issue.txt", 3, 1,
                "text outside any titled article"});
  CHECK(Found(a, {}, seen).empty());
}

TEST_CASE("check: footnote marks and footnotes must match", "[check_rules]") {
  Article a = Clean();
  Footnote f1, f2;
  f1.number = 1;
  f1.text = OneLine("https://www.nist.gov/a", 7, 3);
  f1.urls = {"https://www.nist.gov/a"};
  f1.url_lines = {7};
  f2 = f1;
  f2.number = 2;
  f2.text = OneLine("https://www.nist.gov/b", 8, 3);
  f2.urls = {"https://www.nist.gov/b"};
  f2.url_lines = {8};
  a.footnotes = {f1, f2};
  a.refs = {{1, 2, 4, 3, 5}};  // a range mark "1-2"
  CHECK(Found(a).empty());

  a.refs = {{1, 1, 4, 3, 5}};
  CHECK(Found(a) == std::vector<std::string>{"footnote.unreferenced@8:3"});

  a.refs = {{1, 1, 4, 3, 5}, {3, 3, 9, 3, 10}};
  a.footnotes = {f1};
  CHECK(Found(a) == std::vector<std::string>{"footnote.undefined@3:10"});

  // A mark the segmenter left in the body for want of a footnote.
  a.refs = {{1, 1, 4, 3, 5}};
  a.body = OneLine("美国商务部发布报告，指南3。见表4。第5，", 3);
  CHECK(Found(a) == std::vector<std::string>{"footnote.undefined@3:13"});

  Footnote again = f2;
  again.number = 1;
  a.body = Clean().body;
  a.footnotes = {f1, again};
  CHECK(Found(a) == std::vector<std::string>{"footnote.numbering@8:3"});

  // Numbering that runs on through the document: an article may start at
  // the number after the earlier article's last footnote, not at any other.
  Article first = Clean(1);
  first.footnotes = {f1, f2};
  first.refs = {{1, 2, 4, 3, 5}};
  Article next = Clean(2);
  next.title = OneLine("日本追加先进封装研发预算", 1);
  Footnote f3 = f1, f4 = f2;
  f3.number = 3;
  f4.number = 4;
  f3.urls = {"https://www.meti.go.jp/a"};
  f4.urls = {"https://www.meti.go.jp/b"};
  next.footnotes = {f3, f4};
  next.refs = {{3, 4, 4, 3, 5}};
  CHECK(Found(next, {first}).empty());
  Footnote f5 = f4;
  f5.number = 5;
  f5.urls = {"https://www.meti.go.jp/c"};
  next.footnotes = {f3, f5};
  next.refs = {{3, 3, 4, 3, 5}, {5, 5, 9, 3, 10}};
  CHECK(Found(next, {first}) ==
        std::vector<std::string>{"footnote.numbering@8:3"});
  next.footnotes = {f4, f5};
  next.refs = {{4, 5, 4, 3, 5}};
  CHECK(Found(next, {first}) ==
        std::vector<std::string>{"footnote.numbering@8:3"});
  next.footnotes = {f3, f4};
  next.refs = {{3, 4, 4, 3, 5}};
  CHECK(Found(next, {}) == std::vector<std::string>{"footnote.numbering@7:3"});

  // A source note (来源：...) has number 0 and no mark.
  Footnote source = f1;
  source.number = 0;
  a.footnotes = {source};
  a.refs.clear();
  CHECK(Found(a).empty());
}

TEST_CASE("check: malformed and shared URLs", "[check_rules]") {
  Article a = Clean();
  Footnote f;
  f.number = 1;
  f.text = OneLine("报告. https://localhost/x", 7, 3);
  f.urls = {"https://localhost/x"};
  f.url_lines = {7};
  a.footnotes = {f};
  a.refs = {{1, 1, 4, 3, 5}};
  CHECK(Found(a) == std::vector<std::string>{"url.malformed@7:7"});

  Entity u;
  u.type = "url";
  u.text = "http://commerce/x";
  u.field = "text";
  u.line = 3;
  u.col = 8;
  a = Clean();
  a.entities = {u};
  CHECK(Found(a) == std::vector<std::string>{"url.malformed@3:8"});

  Article first = Clean(1), second = Clean(2);
  f.text = OneLine("https://www.nist.gov/a", 7, 3);
  f.urls = {"https://www.nist.gov/a"};
  first.footnotes = {f};
  first.refs = {{1, 1, 4, 3, 5}};
  second.title = OneLine("另一篇文章的标题", 11);
  second.footnotes = first.footnotes;
  second.footnotes[0].text = OneLine("https://www.nist.gov/a", 17, 3);
  second.refs = first.refs;
  CHECK(Found(second, {first}) == std::vector<std::string>{"url.shared@17:3"});
}

TEST_CASE("check: U+FFFD the decoder made is not reported twice", "[check_rules]") {
  Article a = Clean();
  a.body = OneLine("美国商务部\xEF\xBF\xBD计划拨付 520 亿美元。", 3);
  CHECK(Found(a) == std::vector<std::string>{"decode.replacement-char@3:6"});
  DocumentState doc;
  // The segmenter may shift a column; the nearest replacement is matched.
  doc.Observe({Severity::kWarning, "decode.invalid-bytes", "issue.txt", 3, 7,
               "invalid utf-8 byte"});
  CHECK(Found(a, {}, doc).empty());
}

TEST_CASE("check: figures with mixed digits or without a currency", "[check_rules]") {
  Article a = Clean();
  a.body =
      OneLine("计划拨付 520 亿，其中 30 亿美元、US$ 2 亿和 10 万片晶圆。", 3);
  CHECK(Found(a) == std::vector<std::string>{"figure.money-no-currency@3:6"});
  // A figure the extractor understood is not second-guessed.
  Entity money;
  money.type = "money";
  money.field = "text";
  money.start = 5;
  money.end = 10;
  a.entities = {money};
  CHECK(Found(a).empty());

  a = Clean();
  Entity d = Date("２0２２ 年", 2, {{"value", AttrValue::String("2022")}});
  a.entities = {d};
  CHECK(Found(a) == std::vector<std::string>{"figure.mixed-digits@3:3"});
}

TEST_CASE("check: the money check uses the scale words of figures.rules",
          "[check_rules]") {
  // 千 and 兆 are scale words in figures.rules' SCALE macro; a currency or
  // unit after them (CUR, units.tsv) makes an amount.
  Article a = Clean();
  a.body = OneLine("补贴 8 千，贷款 2兆，另有 6 千台设备和 1兆日元。", 3);
  CHECK(Found(a) == std::vector<std::string>{"figure.money-no-currency@3:4",
                                             "figure.money-no-currency@3:11"});
}

TEST_CASE(
    "check: an undefined footnote mark is found as the segmenter finds "
    "marks",
    "[check_rules]") {
  Article a = Clean();
  // 约 is a ref_not_after character of layout.tsv (约3 is a number), 家 a
  // ref_count_units one; 月 and 件 only check's ref_check_not_after; a bare
  // mark needs a ref_check_before mark after it (报告 5 份 has none), and
  // at most one space before it (要求 1。).
  a.body = OneLine("调查7，约3，共5家企业，5月2，另见附件 4。数据8、", 3);
  CHECK(Found(a) == std::vector<std::string>{"footnote.undefined@3:3",
                                             "footnote.undefined@3:27"});
  a.body = OneLine("企业须在两年内完成合规要求 1。另有报告 5 份。", 3);
  CHECK(Found(a) == std::vector<std::string>{"footnote.undefined@3:15"});
  // A bracketed mark needs no punctuation after it.
  a.body = OneLine("能效比提高约 40%[2]，研究人员指出[3]该芯片", 3);
  CHECK(Found(a) == std::vector<std::string>{"footnote.undefined@3:12",
                                             "footnote.undefined@3:22"});
}

TEST_CASE("check: impossible and out-of-range dates", "[check_rules]") {
  Article a = Clean();
  a.entities = {
      Date("2022 年 2 月 30 日", 0,
           {{"value", AttrValue::Null()}, {"invalid", AttrValue::Bool(true)}})};
  CHECK(Found(a) == std::vector<std::string>{"date.impossible@3:1"});
  a.entities = {Date("1850 年", 0, {{"value", AttrValue::String("1850")}})};
  CHECK(Found(a) == std::vector<std::string>{"date.out-of-range@3:1"});
  a.entities = {Date("5 月", 0,
                     {{"value", AttrValue::String("1850-05")},
                      {"year_inferred", AttrValue::Bool(true)}})};
  CHECK(Found(a).empty());
}

TEST_CASE("check: each finding has its rule's default severity",
          "[check_rules]") {
  Article a = Clean();
  a.byline.clear();
  a.entities = {
      Date("2022 年 2 月 30 日", 0,
           {{"value", AttrValue::Null()}, {"invalid", AttrValue::Bool(true)}})};
  DocumentState doc;
  doc.path = "issue.txt";
  std::vector<Diagnostic> out;
  Checker().Check(a, &doc, &out);
  REQUIRE(out.size() == 2);
  for (const auto& d : out) {
    INFO(d.rule);
    REQUIRE(FindCheckRule(d.rule) != nullptr);
    CHECK(d.severity == FindCheckRule(d.rule)->severity);
    CHECK(!d.message.empty());
  }
  CHECK(FindCheckRule("date.impossible")->severity == Severity::kError);
  CHECK(FindCheckRule("article.no-byline")->severity == Severity::kWarning);
}

TEST_CASE("check: date.out-of-range uses the years the checker was made with",
          "[check_rules]") {
  auto narrow = Create({2000, 2030});
  struct Case {
    const char* value;
    bool reported;
  };
  const Case kCases[] = {
      {"2000", false},      {"2030-12-31", false}, {"1999-05", true},
      {"2031", true},       {"1998/2005", true},   {"2005/2031", true},
      {"FY2029", false},    {"1990s", true},       {"XXXX-05-01", false},
  };
  for (const auto& k : kCases) {
    INFO(k.value);
    Article a = Clean();
    a.entities = {Date("某日", 0, {{"value", AttrValue::String(k.value)}})};
    DocumentState doc;
    std::vector<Diagnostic> out;
    narrow->Check(a, &doc, &out);
    size_t n = out.size();
    CHECK(n == (k.reported ? 1u : 0u));
    if (n == 1) {
      CHECK(out[0].rule == "date.out-of-range");
      CHECK(out[0].message.find("outside 2000..2030") != std::string::npos);
    }
  }
}

TEST_CASE("check: DocumentState keeps what the pipeline reported",
          "[check_rules]") {
  DocumentState doc;
  doc.Observe({Severity::kWarning, "decode.invalid-bytes", "a.txt", 4, 7, ""});
  doc.Observe({Severity::kWarning, "decode.invalid-bytes", "a.txt", 4, 7, ""});
  doc.Observe({Severity::kWarning, "decode.invalid-bytes", "a.txt", 5, 2, ""});
  doc.Observe({Severity::kWarning, "segment.unplaced", "a.txt", 9, 1, ""});
  doc.Observe({Severity::kWarning, "segment.long-paragraph", "a.txt", 11, 1,
               ""});
  CHECK(doc.replaced[4] == std::multiset<int>{7, 7});
  CHECK(doc.replaced[5] == std::multiset<int>{2});
  CHECK(doc.replaced.size() == 2);
  CHECK(doc.unplaced == std::set<int>{9});
}

TEST_CASE("ArticleChecker::Create: a money check without a num group fails",
          "[check_rules]") {
  testing::ScratchDir dir(testing::FileList{
      {"local.rules", "check.money_no_currency 0  [0-9]+万\n"}});
  std::vector<Status> errors;
  auto engine = Engine::Load(dir.path(), &errors);
  REQUIRE(engine);
  std::string error;
  CHECK(ArticleChecker::Create(*engine->extractor, *engine->layout, {},
                               &error) == nullptr);
  CHECK(error == dir.path() +
                     "/local.rules:1: check.money_no_currency: needs a "
                     "group num");
}

}  // namespace
}  // namespace bulletin

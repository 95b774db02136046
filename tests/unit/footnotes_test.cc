// footnotes: URLs broken over lines, the URLs of a footnote, and the
// reference marks of a body (src/footnotes.h). Every text here was written
// for this test.
#include "footnotes.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "layout.h"
#include "text_util.h"

namespace bulletin {
namespace {

TEST_CASE("StartsWithUrl: http://, https:// and www. at the start only",
          "[footnotes]") {
  struct Case {
    const char* s;
    bool url;
  };
  const Case kCases[] = {
      {"http://example.org/a", true}, {"https://example.org", true},
      {"www.example.org", true},      {"ftp://example.org", false},
      {" https://example.org", false}, {"见https://example.org", false},
      {"wwwexample.org", false},      {"", false},
  };
  for (const auto& k : kCases) {
    INFO(k.s);
    CHECK(StartsWithUrl(k.s) == k.url);
  }
}

// A footnote so far, the next line, and whether the line goes on its URL.
struct UrlLineCase {
  const char* text;
  const char* next;
  bool continues;
};

// ContinuesUrl: any URL token goes on a URL that ends in a break character,
// or that the next line's first token has one in.
const UrlLineCase kBreakCases[] = {
    {"参见 https://example.org/reports/", "annual", true},
    {"参见 https://example.org/q?id=", "42", true},
    {"参见 https://example.org/a-", "b", true},
    {"参见 https://example.org/report", "2031.html", true},
    {"参见 https://example.org/report", "x/y 以及其他", true},
    // No break character on either side: a new word.
    {"参见 https://example.org/report", "abc", false},
    // The next line is a URL of its own, or no URL text.
    {"参见 https://example.org/a/", "https://example.net/b", false},
    {"参见 https://example.org/a/", "www.example.net", false},
    {"参见 https://example.org/a/", "下一句话。", false},
    // The text does not end in a URL.
    {"没有网址的一句话-", "abc/def", false},
    {"https://example.org/a/ 之后还有文字", "abc/def", false},
};

// ContinuesUrlAtWrap: a whole line of URL characters after a URL.
const UrlLineCase kWrapCases[] = {
    {"见 https://example.org/abcdefgh", "ijklmn", true},
    {"见 www.example.org/abcdefgh", "ijk.html", true},
    {"见 https://example.org/abcdefgh", "ijk 以及", false},  // not all URL
    {"见 https://example.org/abcdefgh", "", false},
    {"见 https://example.org/abcdefgh", "https://example.net", false},
    {"见下一页的说明", "ijklmn", false},
};

TEST_CASE("ContinuesUrl and ContinuesUrlAtWrap: a line going on a URL",
          "[footnotes]") {
  for (const auto& k : kBreakCases) {
    INFO("break: " << k.text << " | " << k.next);
    CHECK(ContinuesUrl(k.text, k.next) == k.continues);
  }
  for (const auto& k : kWrapCases) {
    INFO("wrap: " << k.text << " | " << k.next);
    CHECK(ContinuesUrlAtWrap(k.text, k.next) == k.continues);
  }
}

Footnote Note(const std::string& text, int line = 7) {
  Footnote fn;
  fn.number = 1;
  fn.text.text = text;
  fn.text.length = CodePoints(text);
  fn.text.anchors.push_back({0, line, 1});
  return fn;
}

TEST_CASE("AddFootnoteUrls: the URLs of a footnote, without trailing "
          "punctuation",
          "[footnotes]") {
  struct Case {
    const char* text;
    std::vector<std::string> urls;
  };
  const Case kCases[] = {
      {"参见 https://example.org/a/b。", {"https://example.org/a/b"}},
      {"参见 https://example.org/a/b.", {"https://example.org/a/b"}},
      {"来源：www.example.org/x;", {"www.example.org/x"}},
      // A ')' is punctuation only when the URL does not open one.
      {"(见 https://example.org/x)", {"https://example.org/x"}},
      {"见 https://example.org/wiki/A_(b)", {"https://example.org/wiki/A_(b)"}},
      {"见 https://example.org/list[2]", {"https://example.org/list[2]"}},
      // A non-ASCII path segment that fills its segment belongs to the URL;
      // a non-ASCII letter glued to an ASCII segment ends it.
      {"见 https://example.org/news/晶圓 一文", {"https://example.org/news/晶圓"}},
      {"见 https://example.org/news/晶圓/2031 一文",
       {"https://example.org/news/晶圓/2031"}},
      {"见 https://example.org/a以及其他", {"https://example.org/a"}},
      // A slug whose words are joined by - or _ may end in non-ASCII ones
      // (…/2031-07-港口岸电); a letter glued to the ASCII word still ends it.
      {"见 https://example.org/xw/2031-07-港口岸电 一文",
       {"https://example.org/xw/2031-07-港口岸电"}},
      {"https://example.org/xw/cheng_港口/2031",
       {"https://example.org/xw/cheng_港口/2031"}},
      {"见 https://example.org/xw/2031-07以及其他",
       {"https://example.org/xw/2031-07"}},
      {"HTTPS://EXAMPLE.ORG/UP", {"HTTPS://EXAMPLE.ORG/UP"}},
      // Two URLs, the second cut short repeating the first: one.
      {"https://example.org/a/b/c 和 https://example.org/a/b",
       {"https://example.org/a/b/c"}},
      {"https://example.org/one https://example.org/two",
       {"https://example.org/one", "https://example.org/two"}},
      {"没有网址的脚注。", {}},
  };
  for (const auto& k : kCases) {
    INFO(k.text);
    Footnote fn = Note(k.text);
    std::vector<std::string> all;
    AddFootnoteUrls(&fn, &all);
    CHECK(fn.urls == k.urls);
    CHECK(all == k.urls);
    CHECK(fn.url_lines.size() == fn.urls.size());
  }
}

TEST_CASE("AddFootnoteUrls: a URL already seen in the article is skipped",
          "[footnotes]") {
  std::vector<std::string> all = {"https://example.org/report/full"};
  Footnote fn = Note("同上 https://example.org/report 和 https://example.org/new");
  AddFootnoteUrls(&fn, &all);
  CHECK(fn.urls == std::vector<std::string>{"https://example.org/new"});
  CHECK(all == std::vector<std::string>{"https://example.org/report/full",
                                        "https://example.org/new"});
}

TEST_CASE("AddFootnoteUrls: each URL carries the input line it starts on",
          "[footnotes]") {
  Footnote fn = Note("甲 https://example.org/one 乙 https://example.org/two");
  // The text from code point 20 on came from line 9.
  fn.text.anchors.push_back({20, 9, 1});
  std::vector<std::string> all;
  AddFootnoteUrls(&fn, &all);
  REQUIRE(fn.urls.size() == 2);
  CHECK(fn.url_lines == std::vector<int>{7, 9});
}

// The words a mark never follows, the classifiers that make a count, the
// non-Han characters a mark may follow and the range dashes, chosen for
// this test (the built-in ones are in rules/layout.tsv).
RefMarkWords Words() {
  RefMarkWords w;
  w.not_after = U"第约";
  w.count_units = U"家个";
  w.after = U"》%";
  w.range_dashes = U"-";
  return w;
}

struct MarkCase {
  const char* body;
  std::set<int> defined;
  // Each mark as {start, end, number, number_max}; empty for none.
  std::vector<std::vector<int>> marks;
};

TEST_CASE("FindRefMarks: marks glued to words, bracketed, ranges; never "
          "counts or ordinals",
          "[footnotes]") {
  const MarkCase kCases[] = {
      {"报告1，", {1}, {{2, 3, 1, 1}}},
      {"报告1", {1}, {{2, 3, 1, 1}}},              // at the end of the body
      {"报告1提交", {1}, {{2, 3, 1, 1}}},          // a Han character after
      {"见文献[2]。", {2}, {{3, 6, 2, 2}}},
      {"见文献［2］。", {2}, {{3, 6, 2, 2}}},
      {"可能1-2。", {1, 2}, {{2, 5, 1, 2}}},
      {"可能1-2。", {1}, {}},  // 2 is no footnote: a range of numbers
      {"学者 1。", {1}, {{2, 4, 1, 1}}},   // the space goes with the mark
      {"《规划》3；", {3}, {{4, 5, 3, 3}}},
      {"增长20%12，", {12}, {{5, 7, 12, 12}}},
      // Not marks.
      {"学者 1个", {1}, {}},       // a space, then no punctuation
      {"第3，", {3}, {}},          // an ordinal (not_after)
      {"有3家企业", {3}, {}},      // a count (count_units)
      {"报告1-2家", {1, 2}, {}},   // a range is not followed by text
      {"报告1，", {2}, {}},        // no footnote 1
      {"报告123，", {1, 12, 123}, {}},  // three digits: a number
      {"1开头的句子", {1}, {}},    // nothing before it
      {"ABC1，", {1}, {}},         // a Latin word: a model number
      {"报告1，", {}, {}},         // no footnotes at all
      {"见文献[2。", {2}, {}},     // an unclosed bracket
  };
  for (const auto& k : kCases) {
    INFO(k.body);
    auto got = FindRefMarks(ToCodePoints(k.body), k.defined, Words());
    std::vector<std::vector<int>> marks;
    for (const auto& m : got) marks.push_back({m.start, m.end, m.number, m.number_max});
    CHECK(marks == k.marks);
  }
}

TEST_CASE("FindRefMarks: `at` is where the number itself starts",
          "[footnotes]") {
  auto got = FindRefMarks(ToCodePoints("学者 1。见[2]。"), {1, 2}, Words());
  REQUIRE(got.size() == 2);
  CHECK(got[0].at == 3);
  CHECK(got[1].at == 7);
}

TEST_CASE("CutRefMarks: the marks leave the body, refs and anchors stay true",
          "[footnotes]") {
  Article a;
  a.body.text = "报告1，内容[2]。";
  a.body.length = CodePoints(a.body.text);
  a.body.anchors.push_back({0, 5, 3});  // line 5, column 3
  auto marks = FindRefMarks(ToCodePoints(a.body.text), {1, 2}, Words());
  REQUIRE(marks.size() == 2);
  CutRefMarks(&a, marks);
  CHECK(a.body.text == "报告，内容。");
  CHECK(a.body.length == 6);
  REQUIRE(a.refs.size() == 2);
  // Where each mark stood in the new body, and where its number was printed.
  CHECK(a.refs[0].number == 1);
  CHECK(a.refs[0].offset == 2);
  CHECK(a.refs[0].line == 5);
  CHECK(a.refs[0].col == 5);
  CHECK(a.refs[1].number == 2);
  CHECK(a.refs[1].offset == 5);
  CHECK(a.refs[1].col == 10);
  // The text after each cut keeps its input column.
  CHECK(a.body.Locate(2).col == 6);  // ，
  CHECK(a.body.Locate(5).col == 12);  // 。
  CHECK(a.body.Locate(1).col == 4);  // 告
}

TEST_CASE("CutRefMarks: no marks leave the article as it was", "[footnotes]") {
  Article a;
  a.body.text = "没有标记。";
  a.body.length = 5;
  a.body.anchors.push_back({0, 2, 1});
  CutRefMarks(&a, {});
  CHECK(a.body.text == "没有标记。");
  CHECK(a.refs.empty());
  CHECK(a.body.anchors.size() == 1);
}

}  // namespace
}  // namespace bulletin

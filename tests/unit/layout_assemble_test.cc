// The article assembler (src/layout_assemble.cc): broken lines re-joined
// (JoinPiece), lines into paragraphs (AddText, GoesOnAfterBlank), what a
// title is (TitleLike), paragraphs into titles and bodies
// (HandleParagraph, AppendBody) and finished articles handed out
// (EmitArticle). Every line here was written for this test.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "segmenter_impl.h"
#include "text_util.h"

namespace bulletin {
namespace {

using testing::SegmenterUnderTest;
using testing::TestLine;
using testing::TestParagraph;

// --- JoinPiece ------------------------------------------------------------

struct JoinCase {
  const char* first;
  bool first_trail;  // the first line ended in blanks
  const char* next;
  bool url_join;
  const char* joined;
};

const JoinCase kJoins[] = {
    {"甲市发布新政", false, "支持芯片产业", false, "甲市发布新政支持芯片产业"},
    {"设备厂商 Applied", false, "Materials 共建", false,
     "设备厂商 Applied Materials 共建"},
    {"即 FD-", false, "SOI 工艺", false, "即 FD-SOI 工艺"},
    {"报告名称.", false, "https://example.org/a", false,
     "报告名称. https://example.org/a"},
    {"see note,", false, "page 4", false, "see note, page 4"},
    {"通知，", false, "https://example.org/a", false,
     "通知，https://example.org/a"},
    {"version 2", true, "(beta)", false, "version 2 (beta)"},
    {"version 2", false, "(beta)", false, "version 2(beta)"},
    {"芯片", true, "产业", false, "芯片产业"},
    {"https://example.org/very", false, "long-path", true,
     "https://example.org/verylong-path"},
    {"https://example.org/very", false, "long-path", false,
     "https://example.org/very long-path"},
};

TEST_CASE("JoinPiece re-joins a broken line as a reader would",
          "[layout][assemble]") {
  for (const JoinCase& k : kJoins) {
    INFO(k.first << " | " << k.next);
    Field f;
    char32_t last = 0;
    bool trail = false;
    JoinPiece({k.first, 1, 1, k.first_trail}, false, &f, &last, &trail);
    JoinPiece({k.next, 2, 1, false}, k.url_join, &f, &last, &trail);
    CHECK(f.text == k.joined);
    CHECK(f.length == CodePoints(k.joined));
  }
}

TEST_CASE("JoinPiece anchors each piece at its line and column",
          "[layout][assemble]") {
  Field f;
  char32_t last = 0;
  bool trail = false;
  JoinPiece({"甲乙丙", 4, 3, false}, false, &f, &last, &trail);
  JoinPiece({"Alpha", 5, 1, true}, false, &f, &last, &trail);
  JoinPiece({"Beta", 6, 2, false}, false, &f, &last, &trail);
  CHECK(f.text == "甲乙丙Alpha Beta");
  REQUIRE(f.anchors.size() == 3);
  CHECK(f.anchors[0].offset == 0);
  CHECK(f.anchors[1].offset == 3);
  CHECK(f.anchors[2].offset == 9);  // after the space
  CHECK(f.Locate(10).line == 6);
  CHECK(f.Locate(10).col == 3);
  CHECK(last == U'a');
  CHECK_FALSE(trail);
  // An empty piece adds an anchor and nothing else.
  JoinPiece({"", 7, 1, false}, false, &f, &last, &trail);
  CHECK(f.text == "甲乙丙Alpha Beta");
  CHECK(last == U'a');
}

// --- TitleLike ------------------------------------------------------------

struct TitleCase {
  std::string text;
  bool strict, enumerated_ok, expected;
};

TEST_CASE(
    "TitleLike: short, not ending like a sentence, and stricter "
    "inside a text",
    "[layout][assemble]") {
  std::string forty;  // 40 code points
  for (int i = 0; i < 4; ++i) forty += "产业规划建设项目资金";
  const TitleCase rows[] = {
      {"星河市发布集成电路产业扶持新政", false, false, true},
      {"星河市发布集成电路产业扶持新政", true, false, true},
      {"新", false, false, false},
      {"新政", false, false, true},
      {forty, true, false, true},
      {forty + "新", true, false, false},
      {forty + "新", false, false, true},
      {forty + forty, false, false, true},
      {forty + forty + "新", false, false, false},
      {"新政将于下月施行。", false, false, false},
      {"新政何时施行？", false, false, true},
      {"新政的要点如下：", false, false, false},
      {"新政的要点，", false, false, false},
      {"图1 产能变化", false, false, false},
      {"一、主要措施", false, false, false},
      {"一、主要措施", false, true, true},
      {"2. 星河公司公布新一期扩产计划", false, true, true},
      {"New rules", false, false, true},
      {"New rules", true, false, false},  // fewer than four Han
      {"《星河市产业规划》", false, false, true},
      {"《星河市产业规划》", true, false, false},  // ends in a closer
  };
  for (const TitleCase& r : rows) {
    INFO(r.text << " strict " << r.strict << " enumerated_ok "
                << r.enumerated_ok);
    SegmenterUnderTest s;
    CHECK(s.im.TitleLike(TestParagraph({r.text}), r.strict, r.enumerated_ok) ==
          r.expected);
  }
}

// --- Lines into paragraphs ------------------------------------------------

// Feeds `lines` (input lines 1, 2, ...) to AddText, a blank one setting
// blank_pending as Process does, and hands out what was assembled.
void AddLines(SegmenterUnderTest& s, const std::vector<Line>& lines) {
  for (const Line& l : lines) {
    if (l.blank)
      s.im.blank_pending = !s.im.para.pieces.empty();
    else
      s.im.AddText(l);
  }
  s.im.FlushParagraph();
  s.im.EmitArticle();
  s.im.FlushDone(0);
}

Line Hinted(const std::string& text, int number, LineKind kind,
            bool para_start) {
  InputLine in;
  in.number = number;
  in.text = text;
  in.kind = kind;
  in.para_start = para_start;
  return MakeLine(std::move(in));
}

TEST_CASE(
    "AddText: lines from a front end that sees the page make "
    "paragraphs where it says",
    "[layout][assemble]") {
  SegmenterUnderTest s;
  s.im.hinted = true;
  AddLines(s, {Hinted("星河市发布", 1, LineKind::kTitle, true),
               Hinted("产业新政", 2, LineKind::kTitle, false),
               Hinted("新政提出设立专项资金，", 3, LineKind::kBody, false),
               Hinted("支持企业攻关。", 4, LineKind::kBody, false),
               Hinted("另一段正文从这里开始。", 5, LineKind::kBody, true)});
  REQUIRE(s.articles.size() == 1);
  const Article& a = s.articles[0];
  CHECK(a.title.text == "星河市发布产业新政");
  CHECK(a.title_line == 1);
  CHECK(a.body.text ==
        "新政提出设立专项资金，支持企业攻关。\n另一段正文从这里开始。");
  CHECK(a.end_line == 5);
  CHECK(s.im.title_hints);
}

TEST_CASE(
    "HandleParagraph: title lines the page set apart as paragraphs are one "
    "title, up to three lines, until text follows",
    "[layout][assemble]") {
  // (Every line opens a paragraph, as centred title lines do.)
  const std::vector<std::pair<std::string, LineKind>> kPage = {
      {"（一）星河市工业和信息化局", LineKind::kTitle},
      {"等四部门联合印发", LineKind::kTitle},
      {"装备攻关方案", LineKind::kTitle},
      {"方案提出设立专项资金。", LineKind::kBody},
      {"北辰科技园新建中试线", LineKind::kTitle},
      {"中试线今年投产。", LineKind::kBody},
      {"第三篇的标题", LineKind::kTitle},
      {"第三篇的第二行", LineKind::kTitle},
      {"第三篇的第三行", LineKind::kTitle},
      {"第四篇的标题", LineKind::kTitle}};
  std::vector<Line> lines;
  for (const auto& [text, kind] : kPage)
    lines.push_back(Hinted(text, static_cast<int>(lines.size()) + 1, kind, true));
  SegmenterUnderTest s;
  s.im.hinted = true;
  AddLines(s, lines);
  REQUIRE(s.articles.size() == 4);
  CHECK(s.articles[0].title.text ==
        "（一）星河市工业和信息化局等四部门联合印发装备攻关方案");
  CHECK(s.articles[0].body.text == "方案提出设立专项资金。");
  CHECK(s.articles[0].end_line == 4);
  CHECK(s.articles[1].title.text == "北辰科技园新建中试线");
  CHECK(s.articles[2].title.text == "第三篇的标题第三篇的第二行第三篇的第三行");
  CHECK(s.articles[3].title.text == "第四篇的标题");
}

TEST_CASE(
    "AddText: a paragraph that never ends is cut at a line break "
    "with a warning at that line",
    "[layout][assemble]") {
  SegmenterUnderTest s;
  std::string chunk;
  while (chunk.size() < kMaxParagraphBytes / 2 - 100) chunk += "产能继续增长，";
  s.im.wrap_width = TestLine(chunk).width;  // each line goes on the last
  AddLines(s, {TestLine(chunk, 1), TestLine(chunk, 2), TestLine(chunk, 3, 4)});
  CHECK(s.im.stats.split_paragraphs == 1);
  CHECK(s.Where("segment.long-paragraph") == std::vector<std::string>{"3:4"});
  std::string bodies;
  for (const auto& a : s.articles) bodies += a.body.text + "|";
  CHECK(bodies == chunk + chunk + "\n" + chunk + "|");
}

struct AfterBlankCase {
  const char* what;
  std::string last;  // the paragraph's last line before the blank
  int wrap;
  bool listed;  // the paragraph so far is a title the TOC lists
  bool expected;
};

TEST_CASE(
    "GoesOnAfterBlank: a full open line inside a sentence goes on "
    "across a blank line",
    "[layout][assemble]") {
  // 30 code points, width 60, a comma inside.
  const std::string full =
      "星河市工业和信息化局近日印发了若干措施，提出到二〇二五年全";
  const AfterBlankCase rows[] = {
      {"full, open, a comma inside", full, 60, false, true},
      {"no wrap width", full, 0, false, false},
      {"short of the width", full.substr(0, 3 * 20), 60, false, false},
      {"no clause mark",
       "星河市工业和信息化局近日印发了若干措施并提出到二〇二五年全", 60, false,
       false},
      {"ends a sentence", full.substr(0, 3 * 29) + "。", 60, false, false},
      {"ends in a paragraph end", full.substr(0, 3 * 29) + "；", 60, false,
       false},
      {"ended by blanks", full + "  ", 60, false, false},
      {"a listed title", full, 60, true, false},
  };
  for (const AfterBlankCase& r : rows) {
    INFO(r.what);
    SegmenterUnderTest s;
    s.im.wrap_width = r.wrap;
    Line l = TestLine(r.last);
    s.im.para.pieces.push_back({l.text, 1, 1, l.trail_space});
    s.im.prev_line = l;
    if (r.listed) s.im.toc_titles = {SquashSpace(l.text)};
    CHECK(s.im.GoesOnAfterBlank(TestLine("重点支持装备材料企业。", 3)) ==
          r.expected);
  }
}

// --- Paragraphs into articles ---------------------------------------------

// Hands each of `paras` (one line each, input lines 1, 3, 5, ...) to
// FlushParagraph, then the finished articles out.
void Paragraphs(SegmenterUnderTest& s, const std::vector<std::string>& paras) {
  int n = 1;
  for (const auto& text : paras) {
    s.im.para.pieces.push_back({text, n, 1, false});
    s.im.para.first_line = s.im.para.last_line = n;
    s.im.FlushParagraph();
    n += 2;
  }
  s.im.EmitArticle();
  s.im.FlushDone(0);
}

const std::string kBody1 = "星河市设立总额为五十亿元的专项资金，支持企业攻关。";
const std::string kBody2 = "北辰科技园的中试线总投资约三亿元，预计明年通线。";

TEST_CASE("HandleParagraph: a short paragraph first is the title",
          "[layout][assemble]") {
  SegmenterUnderTest s;
  Paragraphs(s, {"星河市发布产业扶持新政", kBody1, kBody2});
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].title.text == "星河市发布产业扶持新政");
  CHECK(s.articles[0].body.text == kBody1 + "\n" + kBody2);
  CHECK(s.articles[0].line == 1);
  CHECK(s.articles[0].end_line == 5);
  CHECK(s.articles[0].unplaced_lines == 0);
  CHECK(s.diags.empty());
}

TEST_CASE(
    "HandleParagraph: text before any title is kept in an untitled "
    "record, with a warning",
    "[layout][assemble]") {
  SegmenterUnderTest s;
  Paragraphs(s, {kBody1, kBody2});
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].title.text.empty());
  CHECK(s.articles[0].body.text == kBody1 + "\n" + kBody2);
  CHECK(s.articles[0].unplaced_lines == 1);
  CHECK(s.im.stats.unplaced_lines == 1);
  CHECK(s.Where("segment.unplaced") == std::vector<std::string>{"1:1"});
}

TEST_CASE(
    "HandleParagraph: a strict title between finished paragraphs "
    "opens the next article; of two in a row the first stays text",
    "[layout][assemble]") {
  SegmenterUnderTest s;
  Paragraphs(s, {"星河市发布产业扶持新政", kBody1, "北辰科技园新建中试线",
                 kBody2, "甲市推出光伏补贴", "乙省风电并网创新高", kBody1});
  REQUIRE(s.articles.size() == 3);
  CHECK(s.articles[1].title.text == "北辰科技园新建中试线");
  CHECK(s.articles[1].body.text == kBody2 + "\n甲市推出光伏补贴");
  CHECK(s.articles[2].title.text == "乙省风电并网创新高");
  CHECK(s.articles[2].body.text == kBody1);
  CHECK(s.articles[2].index == 3);
}

TEST_CASE("HandleParagraph: no title after an unfinished paragraph",
          "[layout][assemble]") {
  SegmenterUnderTest s;
  Paragraphs(s, {"星河市发布产业扶持新政", "新政提出到二〇二五年，",
                 "北辰科技园新建中试线", kBody2});
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].body.text ==
        "新政提出到二〇二五年，\n北辰科技园新建中试线\n" + kBody2);
}

TEST_CASE(
    "HandleParagraph: after a byline the next paragraph is a title "
    "or an untitled record",
    "[layout][assemble]") {
  SegmenterUnderTest s;
  Paragraphs(s, {"星河市发布产业扶持新政", kBody1});
  s.im.closed = true;
  s.im.expect_title = true;
  Paragraphs(s, {kBody2});
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[1].title.text.empty());
  CHECK(s.articles[1].body.text == kBody2);
  CHECK(s.articles[1].unplaced_lines == 1);
}

TEST_CASE(
    "HandleParagraph: once the typography has shown titles, body "
    "type is never one",
    "[layout][assemble]") {
  auto run = [](bool title_hints) {
    SegmenterUnderTest s;
    s.im.title_hints = title_hints;
    for (const std::string& t : {std::string("星河市发布产业扶持新政"), kBody1,
                                 std::string("北辰科技园新建中试线")}) {
      auto p = std::make_unique<Paragraph>(TestParagraph({t}));
      p->hinted = true;
      p->ends_terminal = t == kBody1;
      s.im.HandleParagraph(std::move(p));
    }
    s.im.EmitArticle();
    s.im.FlushDone(0);
    return s.articles.size() == 1 ? s.articles[0].title.text : "?";
  };
  CHECK(run(true).empty());
  CHECK(run(false) == "星河市发布产业扶持新政");
}

TEST_CASE(
    "OpensIndentedParagraph: a first line one to four columns in, "
    "as the article's paragraphs open",
    "[layout][assemble]") {
  struct Row {
    int open_col, body_col, para_col;
    bool expected;
  } rows[] = {{3, 1, 3, true},  {3, 1, 1, false}, {5, 1, 5, true},
              {6, 1, 6, false}, {1, 1, 1, false}, {-1, -1, 1, false}};
  for (const Row& r : rows) {
    INFO(r.open_col << " " << r.body_col << " " << r.para_col);
    SegmenterUnderTest s;
    s.im.body_open_col = r.open_col;
    s.im.body_col = r.body_col;
    Paragraph p = TestParagraph({"一段正文。"});
    p.pieces[0].col = r.para_col;
    CHECK(s.im.OpensIndentedParagraph(p) == r.expected);
  }
}

// --- Bodies and articles --------------------------------------------------

TEST_CASE(
    "AppendBody keeps anchors of every paragraph and the article's "
    "lines",
    "[layout][assemble]") {
  SegmenterUnderTest s;
  s.im.StartArticle(nullptr);
  s.im.AppendBody(TestParagraph({"甲乙", "丙丁。"}, 4), false);
  s.im.AppendBody(TestParagraph({"戊己。"}, 9), false);
  const Article& a = *s.im.cur;
  CHECK(a.body.text == "甲乙丙丁。\n戊己。");
  CHECK(a.body.length == 9);
  CHECK(a.body.Locate(2).line == 5);
  CHECK(a.body.Locate(6).line == 9);
  CHECK(a.body.Locate(7).col == 2);
  CHECK(a.line == 4);
  CHECK(a.end_line == 9);
  CHECK(s.im.body_open_col == 1);
}

TEST_CASE(
    "AppendBody starts a new record before a paragraph that would "
    "take the body past its limit",
    "[layout][assemble]") {
  SegmenterUnderTest s;
  std::string big;
  while (big.size() < kMaxArticleBytes / 2 + 10) big += "产能继续增长，";
  Paragraphs(s, {"星河市发布产业扶持新政", big + "。", big + "。"});
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].title.text == "星河市发布产业扶持新政");
  CHECK(s.articles[1].title.text.empty());
  CHECK(s.articles[1].body.text == big + "。");
  CHECK(s.im.stats.split_articles == 1);
  CHECK(s.Where("segment.long-article") == std::vector<std::string>{"5:1"});
}

TEST_CASE(
    "StartArticle carries the section and the furniture dropped "
    "before it",
    "[layout][assemble]") {
  SegmenterUnderTest s;
  s.im.section = "政策动态";
  s.im.has_section = true;
  s.im.dropped_before_article = 2;
  Paragraphs(s, {"星河市发布产业扶持新政", kBody1});
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].section == "政策动态");
  CHECK(s.articles[0].has_section);
  CHECK(s.articles[0].dropped_lines == 2);
  CHECK(s.im.dropped_before_article == 0);
}

TEST_CASE(
    "EmitArticle hands out no empty article and holds finished ones "
    "until their page ends",
    "[layout][assemble]") {
  SegmenterUnderTest s;
  s.im.StartArticle(nullptr);
  s.im.EmitArticle();
  CHECK(s.im.done.empty());
  for (int i = 0; i < 10; ++i) {
    s.im.StartArticle(std::make_unique<Paragraph>(TestParagraph({"标题"})));
    s.im.EmitArticle();
  }
  CHECK(s.articles.size() == 2);  // text input: eight wait
  CHECK(s.im.done.size() == 8);
  s.im.FlushDone(0);
  REQUIRE(s.articles.size() == 10);
  CHECK(s.articles[9].index == 10);
  CHECK(s.im.stats.articles == 10);
}

}  // namespace
}  // namespace bulletin

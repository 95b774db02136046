// Footnote blocks (src/layout_footnotes.cc): where a URL broken over a
// note's lines may be (UrlTail), notes collected in runs of numbering
// (StartFootnote), each run given to the article whose text refers to it
// (EndBlock, HasMark, CurHasMark), notes joined with their URLs
// (FinishFootnotes) and the reference marks cut from the body
// (FinishRefs), as articles are handed out (FlushDone). Every text here was
// written for this test.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "segmenter_impl.h"

namespace bulletin {
namespace {

using testing::SegmenterUnderTest;
using testing::TestLine;
using testing::TestParagraph;

// --- UrlTail --------------------------------------------------------------

TEST_CASE("UrlTail reaches back to the last piece with a space, at most 4 KB",
          "[layout][footnotes]") {
  const std::string long_piece(5000, 'u');
  struct Row {
    std::vector<std::string> pieces;
    std::string tail;
  } rows[] = {
      {{}, ""},
      {{"https://example.org/a-"}, "https://example.org/a-"},
      {{"见 https://example.org/a-", "b/", "c.html"},
       "见 https://example.org/a-b/c.html"},
      {{"甲 乙", "丙 https://example.org/", "x"}, "丙 https://example.org/x"},
      {{"甲 乙", long_piece, "v"}, long_piece + "v"},
  };
  for (const Row& r : rows) {
    INFO(r.pieces.size() << " pieces, tail " << r.tail.substr(0, 40));
    std::vector<Piece> pieces;
    for (const auto& t : r.pieces) pieces.push_back({t, 1, 1, false});
    CHECK(UrlTail(pieces) == r.tail);
  }
}

// --- Collecting notes -----------------------------------------------------

// Starts note `number` from line `line` (its text after the number).
void Note(SegmenterUnderTest& s, int number, int line, const std::string& mark,
          const std::string& text) {
  s.im.StartFootnote(number, TestLine(mark + text, line), text);
}

TEST_CASE("StartFootnote collects notes in runs of numbering",
          "[layout][footnotes]") {
  SegmenterUnderTest s;
  Note(s, 1, 7, "1 ", "甲注");
  Note(s, 2, 8, "[2]", "乙注");
  Note(s, 1, 9, "1 ", "丙注");  // numbering restarts: another article's
  REQUIRE(s.im.block.size() == 2);
  REQUIRE(s.im.block[0].size() == 2);
  CHECK(s.im.block[0][0].number == 1);
  CHECK(s.im.block[0][1].number == 2);
  CHECK(s.im.block[0][1].pieces[0].text == "乙注");
  CHECK(s.im.block[0][1].pieces[0].col == 4);  // after "[2]"
  CHECK(s.im.block[1][0].number == 1);
  CHECK(s.im.doc_last_footnote == 2);
  CHECK(s.im.in_footnote);
  CHECK(s.im.crossed_page);
  // The notes opened an article, which spans their lines.
  REQUIRE(s.im.cur != nullptr);
  CHECK(s.im.cur->line == 7);
  CHECK(s.im.cur->end_line == 9);
}

TEST_CASE("StartFootnote after the block ended begins a new block",
          "[layout][footnotes]") {
  SegmenterUnderTest s;
  Note(s, 1, 1, "1 ", "甲注");
  s.im.in_footnote = false;  // text came between
  Note(s, 2, 5, "2 ", "乙注");
  REQUIRE(s.im.block.size() == 1);
  REQUIRE(s.im.block[0].size() == 1);
  CHECK(s.im.block[0][0].number == 2);
}

// --- Marks ------------------------------------------------------------------

TEST_CASE("HasMark finds a note's reference mark, alone or in a range",
          "[layout][footnotes]") {
  struct Row {
    const char* body;
    int number;
    bool has;
  } rows[] = {
      {"办法见市政府通知1，自下月施行。", 1, true},
      {"办法见市政府通知1，自下月施行。", 2, false},
      {"办法见市政府通知[3]，自下月施行。", 3, true},
      {"两份文件均有说明1-3。", 2, true},
      {"两份文件均有说明1-3。", 4, false},
      {"新建3家工厂。", 3, false},  // a count
      {"位列第2，", 2, false},      // an ordinal
      {"", 1, false},
  };
  for (const Row& r : rows) {
    INFO(r.body << " note " << r.number);
    SegmenterUnderTest s;
    Article a;
    a.body.text = r.body;
    CHECK(s.im.HasMark(a, r.number) == r.has);
  }
}

TEST_CASE("CurHasMark also reads the paragraph being read and a held title",
          "[layout][footnotes]") {
  SegmenterUnderTest s;
  CHECK_FALSE(s.im.CurHasMark(1));
  s.im.StartArticle(nullptr);
  s.im.AppendBody(TestParagraph({"正文没有标记。"}), false);
  CHECK_FALSE(s.im.CurHasMark(1));
  s.im.para.pieces.push_back({"页面截断的段落提到报告1，", 3, 1, false});
  CHECK(s.im.CurHasMark(1));
  CHECK_FALSE(s.im.CurHasMark(2));
  s.im.para = Paragraph();
  s.im.pending_title =
      std::make_unique<Paragraph>(TestParagraph({"标题里的规划2"}));
  CHECK(s.im.CurHasMark(2));
  CHECK_FALSE(s.im.CurHasMark(1));
}

// --- Runs of notes to their articles --------------------------------------

// Starts the article being read: `title` on line 1, `body` on line 2.
void Reading(SegmenterUnderTest& s, const std::string& title,
             const std::string& body) {
  s.im.StartArticle(std::make_unique<Paragraph>(TestParagraph({title})));
  s.im.AppendBody(TestParagraph({body}, 2), false);
}

// An article finished (held in `done`) whose body is `body`.
void Finished(SegmenterUnderTest& s, const std::string& title,
              const std::string& body) {
  Reading(s, title, body);
  s.im.EmitArticle();
}

std::vector<int> Numbers(const std::vector<Segmenter::Impl::FnBuild>& notes) {
  std::vector<int> out;
  for (const auto& f : notes) out.push_back(f.number);
  return out;
}

// A page bottom's notes below a finished article and the one being read.
struct BlockCase {
  const char* what;
  const char* done_body;  // the finished article's
  const char* cur_body;   // the one being read
  std::vector<int> notes;
  std::vector<int> to_done, to_cur;  // (to_cur after cur_had)
  bool hinted = false;               // PDF input
  std::vector<int> cur_had = {};     // notes it has from an earlier page
};

TEST_CASE(
    "EndBlock: each run of notes goes to the article whose text "
    "refers to it",
    "[layout][footnotes]") {
  const BlockCase rows[] = {
      {"runs before the last to the article before",
       "补贴办法见通知1，细则见附件2。",
       "并网容量见公报1。",
       {1, 2, 1},
       {1, 2},
       {1}},
      {"one run, marked in the article being read",
       "补贴办法已经公布。",
       "并网容量见公报1。",
       {1},
       {},
       {1}},
      {"one run, marked in both",
       "补贴办法见通知1。",
       "并网容量见公报1。",
       {1},
       {},
       {1}},
      {"one run, marked only in the article before",
       "补贴办法见通知1。",
       "并网容量创新高。",
       {1},
       {1},
       {}},
      {"numbering that runs on",
       "补贴办法见通知1。",
       "并网容量见公报2。",
       {1, 2},
       {1},
       {2}},
      // Notes numbered per page: the article being read had its note 1 on
      // the page before, so (PDF input) this note 1 is the earlier one's.
      {"a page's note 1, PDF input",
       "补贴办法见通知1。",
       "并网容量见公报1。",
       {1},
       {1},
       {1},
       true,
       {1}},
      {"the same, text input",
       "补贴办法见通知1。",
       "并网容量见公报1。",
       {1},
       {},
       {1, 1},
       false,
       {1}},
  };
  for (const BlockCase& r : rows) {
    INFO(r.what);
    SegmenterUnderTest s;
    Finished(s, "甲市推出光伏补贴", r.done_body);
    Reading(s, "乙省风电", r.cur_body);
    s.im.hinted = r.hinted;
    for (int n : r.cur_had) s.im.footnotes.push_back({n, {}});
    int line = 8;
    for (int n : r.notes) Note(s, n, line++, std::to_string(n) + " ", "注文");
    s.im.EndBlock();
    REQUIRE(s.im.done.size() == 1);
    CHECK(Numbers(s.im.done.back().footnotes) == r.to_done);
    CHECK(Numbers(s.im.footnotes) == r.to_cur);
    CHECK(s.im.block.empty());
    CHECK_FALSE(s.im.in_footnote);
  }
}

// --- Finished notes and marks ---------------------------------------------

TEST_CASE(
    "FlushDone joins each note's lines, repairs its URL and cuts the "
    "marks from the body",
    "[layout][footnotes]") {
  SegmenterUnderTest s;
  Reading(s, "甲市推出光伏补贴", "补贴办法见通知1，细则见附件[2]。");
  Note(s, 1, 4, "1 ", "甲市发展改革委. 补贴通知.");
  s.im.block.back().back().pieces.push_back(
      {"https://www.example.gov.cn/notice/solar-", 5, 1, false});
  s.im.block.back().back().pieces.push_back({"subsidy.html", 6, 1, false});
  Note(s, 2, 7, "2 ",
       "附件 https://www.example.gov.cn/notice/solar-subsidy.html");
  s.im.EmitArticle();
  s.im.FlushDone(0);
  REQUIRE(s.articles.size() == 1);
  const Article& a = s.articles[0];
  REQUIRE(a.footnotes.size() == 2);
  CHECK(a.footnotes[0].number == 1);
  CHECK(a.footnotes[0].text.text ==
        "甲市发展改革委. 补贴通知. "
        "https://www.example.gov.cn/notice/solar-subsidy.html");
  CHECK(a.footnotes[0].urls ==
        std::vector<std::string>{
            "https://www.example.gov.cn/notice/solar-subsidy.html"});
  CHECK(a.footnotes[0].text.Locate(0).line == 4);
  CHECK(a.footnotes[0].text.Locate(0).col == 3);
  // The same URL again in a later note is not listed twice.
  CHECK(a.footnotes[1].urls.empty());
  CHECK(a.body.text == "补贴办法见通知，细则见附件。");
  REQUIRE(a.refs.size() == 2);
  CHECK(a.refs[0].number == 1);
  CHECK(a.refs[1].number == 2);
  CHECK(a.index == 1);
  // The marks were reported as taken out, on their line.
  std::vector<std::pair<int, std::string>> marks = {{2, "1"}, {2, "[2]"}};
  CHECK(s.dropped == marks);
}

TEST_CASE("FlushDone leaves a mark without its note in the body",
          "[layout][footnotes]") {
  SegmenterUnderTest s;
  Reading(s, "甲市推出光伏补贴", "补贴办法见通知1，细则见附件2。");
  Note(s, 2, 4, "2 ", "附件说明");
  s.im.EmitArticle();
  s.im.FlushDone(0);
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].body.text == "补贴办法见通知1，细则见附件。");
  REQUIRE(s.articles[0].refs.size() == 1);
  CHECK(s.articles[0].refs[0].number == 2);
}

TEST_CASE("An article of notes alone spans their lines",
          "[layout][footnotes]") {
  SegmenterUnderTest s;
  s.im.StartArticle(nullptr);
  s.im.footnotes.push_back({1, {{"甲注", 12, 3, false}, {"续", 13, 1, false}}});
  Article a;
  s.im.FinishFootnotes(&a);
  CHECK(a.line == 12);
  CHECK(a.end_line == 13);
  REQUIRE(a.footnotes.size() == 1);
  CHECK(a.footnotes[0].text.text == "甲注续");
  Article titled;
  titled.line = 2;
  titled.end_line = 5;
  s.im.FinishFootnotes(&titled);
  CHECK(titled.line == 2);
  CHECK(titled.end_line == 5);
}

TEST_CASE("FinishFootnotes joins a URL cut where its line filled the width",
          "[layout][footnotes]") {
  // No break character at the cut nor in the next line: only the full line
  // tells.
  const std::string first = "1 https://example.org/reports/annualreport";
  for (int wrap : {0, DisplayWidth(first)}) {
    INFO("wrap width " << wrap);
    SegmenterUnderTest s;
    s.im.wrap_width = wrap;
    s.im.footnotes.push_back(
        {1, {{first, 3, 1, false}, {"twentythirtyone", 4, 1, false}}});
    Article a;
    s.im.FinishFootnotes(&a);
    REQUIRE(a.footnotes.size() == 1);
    CHECK(a.footnotes[0].text.text ==
          first + (wrap ? "" : " ") + "twentythirtyone");
  }
}

}  // namespace
}  // namespace bulletin

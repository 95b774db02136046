// The page model (src/layout_page.cc): lines trimmed and measured
// (MakeLine), what the warm-up learns of an input's layout (double
// spacing, the hard-wrap width, indented paragraphs, the masthead, page
// tops), the look-ahead queue, where a wrapped paragraph ends, running
// headers found by repetition and titles the table of contents lists.
// Every line here was written for this test.
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

// `n` CJK characters (display width 2n), none of them a sentence end.
std::string Han(int n) {
  const std::string cycle = "城市产业规划建设项目资金";
  std::vector<int> off = CodePointOffsets(cycle);
  std::string out;
  for (int i = 0; i < n; ++i) {
    int k = i % 12;
    out += cycle.substr(off[k], off[k + 1] - off[k]);
  }
  return out;
}

// --- MakeLine -------------------------------------------------------------

struct MakeLineCase {
  const char* in;
  int in_col;
  const char* text;
  int col, indent;
  bool blank, ws_only, lead_space, trail_space;
  int width;
};

const MakeLineCase kMakeLine[] = {
    {"", 1, "", 1, 0, true, false, false, false, 0},
    {"   ", 1, "", 4, 3, false, true, true, false, 0},
    {"  ab  ", 1, "ab", 3, 2, false, false, true, true, 2},
    {"\tA\t", 1, "A", 2, 1, false, false, true, true, 1},
    {"\u3000\u3000芯片", 1, "芯片", 3, 2, false, false, true, false, 4},
    {"芯片\u3000", 1, "芯片", 1, 0, false, false, false, true, 4},
    {"芯\u3000片", 1, "芯\u3000片", 1, 0, false, false, false, false, 6},
    {"x", 5, "x", 5, 0, false, false, false, false, 1},
    {"  x", 5, "x", 7, 2, false, false, true, false, 1},
    {"２８ｎｍ", 1, "２８ｎｍ", 1, 0, false, false, false, false, 8},
    {"28 纳米", 1, "28 纳米", 1, 0, false, false, false, false, 7},
};

TEST_CASE("MakeLine trims blanks and ideographic spaces and measures the line",
          "[layout][page]") {
  for (const MakeLineCase& k : kMakeLine) {
    INFO("input: [" << k.in << "] from column " << k.in_col);
    Line l = TestLine(k.in, 1, k.in_col);
    CHECK(l.text == k.text);
    CHECK(l.col == k.col);
    CHECK(l.indent == k.indent);
    CHECK(l.blank == k.blank);
    CHECK(l.ws_only == k.ws_only);
    CHECK(l.lead_space == k.lead_space);
    CHECK(l.trail_space == k.trail_space);
    CHECK(l.width == k.width);
  }
}

TEST_CASE("MakeLine keeps the line's ends and what the front end said of it",
          "[layout][page]") {
  InputLine in;
  in.number = 7;
  in.text = " 甲乙。） ";
  in.page_break = true;
  in.kind = LineKind::kTitle;
  in.para_start = true;
  Line l = MakeLine(std::move(in));
  CHECK(l.number == 7);
  CHECK(l.first == U'甲');
  CHECK(l.last == U'）');
  CHECK(l.before_last == U'。');
  CHECK(l.page_break);
  CHECK(l.kind == LineKind::kTitle);
  CHECK(l.para_start);
  Line one = TestLine("甲");
  CHECK(one.first == U'甲');
  CHECK(one.last == U'甲');
  CHECK(one.before_last == 0);
  CHECK(TestLine("").first == 0);
}

// --- The warm-up ----------------------------------------------------------

// Runs the warm-up over `lines` (input lines 1, 2, ...; a leading form feed
// is a page break) and leaves what it learnt in `s.im`.
void Learn(SegmenterUnderTest& s, const std::vector<std::string>& lines) {
  for (InputLine& in : testing::InputLines(lines))
    s.im.warmup.push_back(MakeLine(std::move(in)));
  s.im.LearnLayout();
}

// Paragraphs of `lines` lines hard-wrapped at 30 CJK characters (width
// 60), the last line of each a short one ending in a full stop.
std::vector<std::string> Wrapped(int paragraphs, int lines,
                                 const std::string& first_indent = "") {
  std::vector<std::string> d;
  for (int p = 0; p < paragraphs; ++p) {
    for (int i = 0; i + 1 < lines; ++i)
      d.push_back((i == 0 ? first_indent : "") + Han(30));
    d.push_back(Han(9) + "。");
  }
  return d;
}

TEST_CASE("The warm-up finds double spacing from four lines on",
          "[layout][page]") {
  struct Row {
    int lines;
    bool blank_after_each, expected;
  } rows[] = {
      {6, true, true}, {6, false, false}, {4, true, true}, {3, true, false}};
  for (const Row& r : rows) {
    INFO(r.lines << " lines, blank after each: " << r.blank_after_each);
    std::vector<std::string> d;
    for (int i = 0; i < r.lines; ++i) {
      d.push_back(Han(10) + "。");
      if (r.blank_after_each) d.push_back("");
    }
    SegmenterUnderTest s;
    Learn(s, d);
    CHECK(s.im.double_spaced == r.expected);
  }
}

TEST_CASE("The warm-up learns the width hard-wrapped lines share",
          "[layout][page]") {
  SegmenterUnderTest wrapped;
  Learn(wrapped, Wrapped(4, 4));
  CHECK(wrapped.im.wrap_width == 60);

  // One paragraph a line, each ending a sentence: nothing is wrapped.
  std::vector<std::string> clean;
  for (int i = 0; i < 8; ++i) clean.push_back(Han(40 + i) + "。");
  SegmenterUnderTest c;
  Learn(c, clean);
  CHECK(c.im.wrap_width == 0);

  // Open lines that end in blanks were ended by their writer.
  std::vector<std::string> spaced = Wrapped(4, 4);
  for (auto& l : spaced)
    if (l.size() > 60) l += "  ";
  SegmenterUnderTest sp;
  Learn(sp, spaced);
  CHECK(sp.im.wrap_width == 0);

  // Many lines much wider than the supposed width: no common width.
  std::vector<std::string> wide = Wrapped(4, 4);
  for (int i = 0; i < 6; ++i) wide.push_back(Han(60) + "。");
  SegmenterUnderTest w;
  Learn(w, wide);
  CHECK(w.im.wrap_width == 0);
}

TEST_CASE("The warm-up sees paragraphs whose first line is indented",
          "[layout][page]") {
  SegmenterUnderTest indented;
  Learn(indented, Wrapped(7, 3, "  "));
  CHECK(indented.im.indent_paragraphs);
  CHECK(indented.im.wrap_width > 0);

  SegmenterUnderTest flush;
  Learn(flush, Wrapped(7, 3));
  CHECK_FALSE(flush.im.indent_paragraphs);

  // Lines that go on a paragraph indented as well: indentation says nothing.
  std::vector<std::string> all = Wrapped(7, 3, "  ");
  for (auto& l : all)
    if (l[0] != ' ') l = "  " + l;
  SegmenterUnderTest every;
  Learn(every, all);
  CHECK_FALSE(every.im.indent_paragraphs);
}

TEST_CASE("The masthead is the short lines above the first section heading",
          "[layout][page]") {
  struct Row {
    std::vector<std::string> lines;
    std::set<int> masthead;
  } rows[] = {
      {{"星河产业简报", "2031 年第 5 期", "", "政策动态", "", Han(10) + "。"},
       {1, 2}},
      {{"星河产业简报", "2031 年第 5 期", "目录", "甲市新政……3"}, {1, 2}},
      // One line is no masthead, nor are lines holding a sentence.
      {{"星河产业简报", "", "政策动态", "", Han(10) + "。"}, {}},
      {{"星河产业简报", Han(8) + "。", "政策动态", "", Han(10) + "。"}, {}},
      // A page break before the heading: the first page had none.
      {{"星河产业简报", "2031 年第 5 期", "\f政策动态", Han(10) + "。"}, {}},
      // No heading at all.
      {{"星河产业简报", "2031 年第 5 期", "", Han(10) + "。"}, {}},
      // A line wider than 70 is text, not a masthead's; so are 13 lines.
      {{"星河产业简报", Han(35), "政策动态"}, {1, 2}},
      {{"星河产业简报", Han(36), "政策动态"}, {}},
      {{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑",
        "政策动态"},
       {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
      {{"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑",
        "寅", "政策动态"},
       {}},
  };
  int row = 0;
  for (const Row& r : rows) {
    INFO("row " << row++);
    SegmenterUnderTest s;
    Learn(s, r.lines);
    CHECK(s.im.masthead_lines == r.masthead);
  }
}

TEST_CASE("The warm-up counts the first lines of pages, each once a page",
          "[layout][page]") {
  SegmenterUnderTest s;
  Learn(s, {"星河产业简报", Han(10) + "。", "\f星河产业简报", "星河产业简报",
            Han(10) + "。", "\f星河产业简报", "12", Han(10) + "。"});
  CHECK(s.im.page_tops["星河产业简报"] == 3);
  CHECK(s.im.page_tops.count("12") == 0);  // a number never repeats as one
  CHECK(s.im.warmup_last_line == 8);
  CHECK(s.im.warm);
}

// --- The look-ahead queue -------------------------------------------------

TEST_CASE("Peek skips blank lines and the front of the queue",
          "[layout][page]") {
  SegmenterUnderTest s;
  for (const char* t : {"甲", "", "乙", "   ", "丙"})
    s.im.queue.push_back(TestLine(t));
  REQUIRE(s.im.Peek(0) != nullptr);
  CHECK(s.im.Peek(0)->text == "乙");
  REQUIRE(s.im.Peek(1) != nullptr);
  CHECK(s.im.Peek(1)->text == "丙");
  CHECK(s.im.Peek(2) == nullptr);
}

TEST_CASE(
    "Drain holds a line until three non-blank lines follow it, "
    "unless told to empty the queue",
    "[layout][page]") {
  SegmenterUnderTest s;
  s.im.warm = true;
  int n = 0;
  for (const char* t : {"甲乙丙丁", "", "戊己庚辛"})
    s.im.queue.push_back(TestLine(t, ++n));
  s.im.queue.push_back(TestLine("壬癸子丑", ++n));
  s.im.Drain(false);
  CHECK(s.im.queue.size() == 4);
  s.im.queue.push_back(TestLine("寅卯辰巳", ++n));
  s.im.Drain(false);
  // The first line went, then the blank after it (three follow it too).
  CHECK(s.im.queue.size() == 3);
  CHECK(s.im.queue.front().text == "戊己庚辛");
  s.im.Drain(true);
  CHECK(s.im.queue.empty());
}

// --- Where a paragraph ends -------------------------------------------------

struct EndsCase {
  const char* what;
  std::string line, next;
  int wrap;
  bool indent_paragraphs, expect_title, expected;
};

TEST_CASE(
    "EndsParagraph: a line short of the wrap width or ending a "
    "sentence ends its paragraph",
    "[layout][page]") {
  const std::string full = Han(30);  // width 60
  const EndsCase rows[] = {
      {"no wrap width: every line", full, full, 0, false, false, true},
      {"a full open line goes on", full, full, 60, false, false, false},
      {"a full line ending in a full stop", Han(29) + "。", full, 60, false,
       false, true},
      {"an ASCII period is no sentence end", Han(28) + " v2.", full, 60, false,
       false, false},
      {"a closer after a full stop", Han(28) + "。）", full, 60, false, false,
       true},
      {"a closer alone goes on", Han(29) + "）", full, 60, false, false, false},
      {"a short line", Han(20), full, 60, false, false, true},
      {"a line at seven tenths", Han(21), full, 60, false, false, false},
      {"Latin words across the break", Han(10) + " MITRE", "Engenuity 评测", 60,
       false, false, false},
      {"an ended line with trailing blanks", full + "  ", full, 60, false,
       false, true},
      {"a hyphen before trailing blanks", Han(28) + " FD-  ", full, 60, false,
       false, false},
      {"the next line indented", full, "  " + full, 60, true, false, true},
      {"the next line indented, indentation unknown", full, "  " + full, 60,
       false, false, false},
      {"a title with its deck after a full-width space",
       Han(11) + "\u3000" + Han(11), full, 60, false, true, true},
      {"the same where no title is expected", Han(11) + "\u3000" + Han(11),
       full, 60, false, false, false},
      {"the same line without the space", Han(23), full, 60, false, true,
       false},
  };
  for (const EndsCase& r : rows) {
    INFO(r.what);
    SegmenterUnderTest s;
    s.im.wrap_width = r.wrap;
    s.im.indent_paragraphs = r.indent_paragraphs;
    s.im.expect_title = r.expect_title;
    Line l = TestLine(r.line, 1), next = TestLine(r.next, 2);
    s.im.para.pieces.push_back({l.text, 1, l.col, l.trail_space});
    CHECK(s.im.EndsParagraph(l, next) == r.expected);
  }
}

// --- Running headers by repetition ----------------------------------------

TEST_CASE("MayRepeatAtTop: short lines that are no sentence, note or byline",
          "[layout][page]") {
  struct Row {
    std::string line;
    int wrap;
    bool expected;
  } rows[] = {
      {"星河产业简报", 0, true},    {"会议到此结束。", 0, false},
      {"2031年第5期", 0, false},    {"[1] 注释一", 0, false},
      {"（执笔：于某）", 0, false}, {"参考资料", 0, false},
      {Han(30), 0, true},   // width 60
      {Han(31), 0, false},  // width 62
      {Han(20), 60, true},          {Han(21), 60, false},
  };
  for (const Row& r : rows) {
    INFO(r.line << " (wrap " << r.wrap << ")");
    SegmenterUnderTest s;
    s.im.wrap_width = r.wrap;
    CHECK(s.im.MayRepeatAtTop(TestLine(r.line)) == r.expected);
  }
  SegmenterUnderTest s;
  Line hinted = TestLine("星河产业简报");
  hinted.kind = LineKind::kBody;
  CHECK_FALSE(s.im.MayRepeatAtTop(hinted));
}

TEST_CASE(
    "RepeatedTop: a line at a page top that opened another page too "
    "is a running header",
    "[layout][page]") {
  SegmenterUnderTest s;
  auto page = [&](std::vector<std::string> lines, int first) {
    std::vector<bool> out;
    s.im.awaiting_top = true;
    for (const auto& t : lines)
      out.push_back(s.im.RepeatedTop(TestLine(t, first++)));
    return out;
  };
  using V = std::vector<bool>;
  CHECK(page({"星河产业简报", "甲市推出新办法"}, 1) == V{false, false});
  CHECK(page({"星河产业简报", "乙省发布新规划"}, 10) == V{true, false});
  // Under the page's first title, within its first three lines.
  CHECK(page({"丙市建设示范园区", "星河产业简报"}, 20) == V{false, true});
  CHECK(page({"甲", "乙", "丙", "星河产业简报"}, 30) ==
        V{false, false, false, false});
  // A section heading at the top of every page is handled as a section.
  CHECK(page({"政策动态"}, 40) == V{false});
  CHECK(page({"政策动态"}, 50) == V{false});
  // Twice on one page counts once.
  CHECK(page({"丁县开通公交专线", "丁县开通公交专线"}, 60) == V{false, false});
  CHECK(s.im.page_tops["丁县开通公交专线"] == 1);
}

TEST_CASE("RepeatedTop counts the warm-up's page tops but not its lines again",
          "[layout][page]") {
  SegmenterUnderTest s;
  s.im.page_tops["星河产业简报"] = 1;
  s.im.warmup_last_line = 5;
  s.im.awaiting_top = true;
  CHECK_FALSE(s.im.RepeatedTop(TestLine("星河产业简报", 3)));  // counted
  s.im.awaiting_top = true;
  CHECK(s.im.RepeatedTop(TestLine("星河产业简报", 9)));
}

// --- The table of contents as the map -------------------------------------

TEST_CASE(
    "TocTitle: a paragraph the table of contents lists, alone or with "
    "a deck",
    "[layout][page]") {
  SegmenterUnderTest s;
  CHECK_FALSE(s.im.TocTitle(TestParagraph({"海上风电并网提速"})));
  s.im.toc_titles = {"海上风电并网提速"};
  CHECK(s.im.TocTitle(TestParagraph({"海上风电并网提速"})));
  CHECK(s.im.TocTitle(TestParagraph({"海上风电 并网提速"})));  // spaces aside
  CHECK(s.im.TocTitle(TestParagraph({"海上风电并网提速——两座风场投运"})));
  // A sentence that starts with the title is not it.
  CHECK_FALSE(s.im.TocTitle(TestParagraph({"海上风电并网提速后效益明显。"})));
  CHECK_FALSE(s.im.TocTitle(TestParagraph({"储能电站集中投运"})));
}

TEST_CASE("ContinuesTocTitle: a listed title broken over lines goes on",
          "[layout][page]") {
  SegmenterUnderTest s;
  s.im.wrap_width = 60;
  s.im.toc_titles = {"海上风电并网提速两座风场本月并网发电"};
  s.im.para = TestParagraph({"海上风电并网提速"});
  s.im.prev_line = TestLine("海上风电并网提速");
  CHECK(s.im.ContinuesTocTitle(TestLine("两座风场本月并网发电")));
  CHECK(s.im.title_wrap == 16);
  s.im.para = TestParagraph({"储能电站集中投运"});
  s.im.prev_line = TestLine("储能电站集中投运");
  CHECK_FALSE(s.im.ContinuesTocTitle(TestLine("两座风场本月并网发电")));
  // With no titles listed, nothing goes on.
  s.im.toc_titles.clear();
  s.im.para = TestParagraph({"海上风电并网提速"});
  CHECK_FALSE(s.im.ContinuesTocTitle(TestLine("两座风场本月并网发电")));
}

TEST_CASE(
    "ContinuesTocTitle: a listed title going on into its deck on a "
    "short line",
    "[layout][page]") {
  SegmenterUnderTest s;
  s.im.wrap_width = 60;
  s.im.toc_titles = {"海上风电并网提速"};
  const std::string first = "海上风电并网提速——两座风场";
  s.im.para = TestParagraph({first});
  s.im.prev_line = TestLine(first);
  CHECK(s.im.ContinuesTocTitle(TestLine("本月并网发电")));
  CHECK_FALSE(s.im.ContinuesTocTitle(TestLine("本月并网发电。")));
  s.im.toc_titles = {"储能电站集中投运"};
  CHECK_FALSE(s.im.ContinuesTocTitle(TestLine("本月并网发电")));
}

}  // namespace
}  // namespace bulletin

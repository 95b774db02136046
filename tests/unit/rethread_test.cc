#include "rethread.h"

#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "layout_internal.h"
#include "layout_rules.h"
#include "rule_files.h"

namespace bulletin {
namespace {

// Runs `lines` (a leading form feed is a page break; blocks are set off
// by empty lines) through a Rethreader and returns the non-empty lines it
// hands out, in order.
std::vector<std::string> Rethread(
    const std::vector<std::string>& lines,
    const LayoutRules::Impl& rules = testing::BuiltinLayoutRules().impl()) {
  std::vector<std::string> out;
  Rethreader r(rules, [&](InputLine&& l) {
    if (!l.text.empty()) out.push_back(l.text);
  });
  for (auto& l : testing::InputLines(lines)) r.Push(std::move(l));
  r.Finish();
  return out;
}

std::vector<std::string> NonEmpty(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines)
    if (!l.empty()) out.push_back(l[0] == '\f' ? l.substr(1) : l);
  return out;
}

// Two made-up articles set in two columns of about twenty characters, as
// blocks: article A (title, text with a mark, byline, its note), article B
// (title, two paragraphs, byline).
const std::vector<std::string> kTitleA = {"甲市启动智慧水务改造工程"};
const std::vector<std::string> kTextA = {
    "甲市水务局近日宣布，将在三年内完成全市供",
    "水管网的智能化改造，覆盖两千公里管线[1]。"};
const std::vector<std::string> kBylineA = {"（编译：张三）"};
const std::vector<std::string> kNoteA = {
    "注：", "[1] 甲市水务局公告，https://water.example.cn/notice/2024"};
const std::vector<std::string> kTitleB = {"乙省发布新能源汽车充电设施规划"};
const std::vector<std::string> kTextB1 = {
    "乙省发展改革委发布规划，提出到明年底全",
    "省建成公共充电桩五万个，实现县城全覆盖，",
    "并在高速公路服务区全部配建快充站。"};
const std::vector<std::string> kTextB2 = {
    "规划还要求新建住宅小区按比例配建充电车",
    "位，并鼓励社会资本参与建设和运营。"};
const std::vector<std::string> kBylineB = {"（编译：李四）"};

using Blocks = std::vector<std::vector<std::string>>;

// The blocks as lines, an empty line after each.
std::vector<std::string> Page(const Blocks& blocks) {
  std::vector<std::string> out;
  for (const auto& b : blocks) {
    out.insert(out.end(), b.begin(), b.end());
    out.push_back("");
  }
  return out;
}

TEST_CASE("Interleaved blocks of two columns are read a column at a time",
          "[rethread]") {
  // As an extractor that sorts blocks by their height on the page prints
  // them: the two titles side by side, then the texts in turn.
  auto out = Rethread(Page({kTitleA, kTitleB, kTextA, kTextB1, kBylineA,
                            kTextB2, kNoteA, kBylineB}));
  CHECK(out == NonEmpty(Page({kTitleA, kTextA, kBylineA, kNoteA, kTitleB,
                              kTextB1, kTextB2, kBylineB})));
}

TEST_CASE("Columns are read only where the text wraps within column_width",
          "[rethread]") {
  // The rule set's column_width: the first test's page, whose text wraps at
  // 40 (twenty Han characters), is read as printed under a width of 38.
  std::string dir = (std::filesystem::temp_directory_path() /
                     ("rethread_test_" + std::to_string(::getpid())))
                        .string();
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/layout.tsv") << "column_width\t38\n";
  RuleFiles files = RuleFiles::Builtin();
  REQUIRE(files.AddDirectory(dir).ok());
  std::filesystem::remove_all(dir);
  std::vector<Status> errors;
  auto rules = LayoutRules::Load(files, &errors);
  REQUIRE(rules != nullptr);
  auto in = Page(
      {kTitleA, kTitleB, kTextA, kTextB1, kBylineA, kTextB2, kNoteA, kBylineB});
  CHECK(Rethread(in, rules->impl()) == NonEmpty(in));
  CHECK(Rethread(in) != NonEmpty(in));
}

TEST_CASE("A page read in order is handed out as it came", "[rethread]") {
  auto in = Page(
      {kTitleA, kTextA, kBylineA, kNoteA, kTitleB, kTextB1, kTextB2, kBylineB});
  CHECK(Rethread(in) == NonEmpty(in));
}

TEST_CASE("Notes go with the text of their mark, and no text follows them",
          "[rethread]") {
  // A's text runs further down its column than B's, and the note comes
  // right after B's: it still follows A's text, which has mark 1.
  const std::vector<std::string> text_a = {kTextA[0], kTextA[1],
                                           "工程完成后漏损率可下降三成。"};
  const std::vector<std::string> text_b = {kTextB1[0],
                                           "省建成公共充电桩五万个。"};
  auto out = Rethread(
      Page({kTitleA, kTitleB, text_a, text_b, kNoteA, kTextB2, kBylineB}));
  CHECK(out == NonEmpty(Page({kTitleA, text_a, kNoteA, kTitleB, text_b, kTextB2,
                              kBylineB})));
}

TEST_CASE("A sentence left open goes on in its column's next block",
          "[rethread]") {
  // A's first paragraph ends at the foot of a block inside a sentence (as
  // pdfminer cuts a paragraph in two); B's column is further up, yet the
  // next text block finishes A's sentence.
  const std::vector<std::string> a1 = {
      "甲市水务局近日宣布，将在三年内完成全市供",
      "水管网的智能化改造，覆盖两千公里管线，", "总投资约为"};
  const std::vector<std::string> a2 = {"并于明年年底前全部投入使用。"};
  const std::vector<std::string> b1 = {"乙省将新建充电桩五万个。"};
  auto out = Rethread(
      Page({kTitleA, kTitleB, a1, b1, a2, kBylineA, kTextB2, kBylineB}));
  CHECK(out == NonEmpty(Page({kTitleA, a1, a2, kBylineA, kTitleB, b1, kTextB2,
                              kBylineB})));
}

TEST_CASE("A page of wide lines is never read as two columns", "[rethread]") {
  // The same interleaved blocks with each paragraph on one line of about
  // forty characters: a single column, whatever its order.
  auto join = [](const std::vector<std::string>& b) {
    std::string s;
    for (const auto& l : b) s += l;
    return std::vector<std::string>{s};
  };
  auto in = Page({kTitleA, kTitleB, join(kTextA), join(kTextB1), kBylineA,
                  join(kTextB2), kNoteA, kBylineB});
  CHECK(Rethread(in) == NonEmpty(in));
}

TEST_CASE("Furniture stays at the top and bottom of a rethreaded page",
          "[rethread]") {
  std::vector<std::string> in = {"\f水务简报 第 3 期", ""};
  auto body = Page(
      {kTitleA, kTitleB, kTextA, kTextB1, kBylineA, kTextB2, kNoteA, kBylineB});
  in.insert(in.end(), body.begin(), body.end());
  in.push_back("- 2 -");
  auto out = Rethread(in);
  REQUIRE(out.size() > 2);
  CHECK(out.front() == "水务简报 第 3 期");
  CHECK(out.back() == "- 2 -");
  CHECK(out[1] == kTitleA[0]);
  CHECK(out[2] == kTextA[0]);
}

TEST_CASE("A page number glued to a column's last block closes the page",
          "[rethread]") {
  // Page 1 ends with B's byline and, in the same block, the page number;
  // page 2 opens with two new articles side by side (the shorter one's
  // byline first, as an extractor sorting by height prints it). Read as a
  // title, the number would make C's title a second one in its stream.
  std::vector<std::string> in =
      Page({kTitleA, kTitleB, kTextA, kTextB1, kBylineA, kTextB2, kNoteA});
  in.insert(in.end(), {kBylineB[0], "- 1 -", ""});
  const Blocks c = {
      {"丙县推进农村电网巩固提升"},
      {"丙县供电公司今年计划改造农村配电线路三百",
       "公里，新增配电变压器两百台，解决低电压问", "题，全年投资约三亿元。"},
      {"（编译：王五）"}};
  const Blocks d = {{"丁区试点社区储能电站"},
                    {"丁区在五个社区建设小型储能电站，白天储存",
                     "屋顶光伏的余电，傍晚向居民楼供电。"},
                    {"（编译：赵六）"}};
  auto page2 = Page({c[0], d[0], c[1], d[1], d[2], c[2]});
  page2[0] = "\f" + page2[0];
  in.insert(in.end(), page2.begin(), page2.end());
  auto out = Rethread(in);
  auto pos = std::find(out.begin(), out.end(), "- 1 -");
  REQUIRE(pos != out.end());
  CHECK(std::vector<std::string>(pos + 1, out.end()) ==
        NonEmpty(Page({c[0], c[1], c[2], d[0], d[1], d[2]})));
}

TEST_CASE("Text atop the right column goes on the left one's last article",
          "[rethread]") {
  // Article C begins at the foot of the left column (its title over its
  // first paragraph, one block) and ends at the top of the right one, its
  // byline there; then article D. Printed by height, C's last paragraph
  // comes second. Read from where the left column stops, it is C's; read
  // from nothing, it could open the right column on its own and C's title
  // go last.
  const std::vector<std::string> c1 = {"丙市地铁四号线开通试运营",
                                       "丙市地铁四号线全长三十二公里，设站二",
                                       "十三座，连接老城区和高铁新城。"};
  const std::vector<std::string> c2 = {
      "开通初期行车间隔为六分钟，高峰时段将",
      "加开区间车，日均客流预计达到二十万人次。"};
  const std::vector<std::string> byline_c = {"（编译：王五）"};
  const std::vector<std::string> title_d = {"丁县建成首座氢能加注站"};
  const std::vector<std::string> text_d = {
      "丁县首座加氢站日前投入使用，日加注能力",
      "为五百公斤，可满足三十辆氢燃料公交车的", "运营需求。"};
  const std::vector<std::string> byline_d = {"（编译：赵六）"};
  auto out = Rethread(Page({kTitleA, c2, kTextA, byline_c, kBylineA, title_d,
                            c1, text_d, byline_d}));
  CHECK(out == NonEmpty(Page({kTitleA, kTextA, kBylineA, c1, c2, byline_c,
                              title_d, text_d, byline_d})));
}

TEST_CASE("A word cut at a block's end goes on in its own column",
          "[rethread]") {
  // Both columns' first paragraphs end inside a sentence; the extractor
  // cut A's in the middle of 光伏, a word A's title prints whole. A's
  // column is the further down, so by height alone the rest would go on
  // in B's. (B's column ends higher: its byline is printed first.)
  const std::vector<std::string> title_a = {"丙县光伏扶贫项目全部并网"};
  const std::vector<std::string> a1 = {"丙县今年投入专项资金，在二十个行政村的",
                                       "村委会屋顶建成分布式光"};
  const std::vector<std::string> a2 = {"伏发电设施，惠及三千户。"};
  const std::vector<std::string> title_b = {"丁市更新老旧公交车辆"};
  const std::vector<std::string> b1 = {"丁市今年将淘汰两百辆柴油公交车，"};
  const std::vector<std::string> b2 = {"改用纯电动车型，年内全部到位。"};
  const std::vector<std::string> byline_a = {"（编译：王五）"};
  const std::vector<std::string> byline_b = {"（编译：赵六）"};
  auto out =
      Rethread(Page({title_a, title_b, a1, b1, a2, b2, byline_b, byline_a}));
  CHECK(out ==
        NonEmpty(Page({title_a, a1, a2, byline_a, title_b, b1, b2, byline_b})));
}

TEST_CASE("A document's first column opens with a title, not with text",
          "[rethread]") {
  // The first page: A fills the left column and ends atop the right one,
  // a little higher than A's title, so the extractor prints that end
  // first. Read as the document's first text, it would open the page, A
  // go last and end open.
  const std::vector<std::string> a1 = {
      "戊省今年安排专项资金十亿元，支持各地建设",
      "县级物流配送中心和村级快递服务站点，"};
  const std::vector<std::string> a2 = {"力争年底前实现快递服务行政村全覆盖，并",
                                       "推动农产品通过寄递网络销往全国各地和"};
  const std::vector<std::string> a3 = {"境外市场。"};
  const std::vector<std::string> title_a = {"戊省推进农村寄递物流体系建设"};
  const std::vector<std::string> byline_a = {"（编译：王五）"};
  auto out = Rethread(
      Page({a3, title_a, byline_a, a1, kTitleB, a2, kTextB1, kBylineB}));
  CHECK(out == NonEmpty(Page({title_a, a1, a2, a3, byline_a, kTitleB, kTextB1,
                              kBylineB})));
}

TEST_CASE("A running header glued to a column's first block stays on top",
          "[rethread]") {
  // Page 1 ends inside a sentence of A, in the right column; on page 2 the
  // extractor sets the running header on the block that finishes it.
  const std::vector<std::string> a1 = {
      "甲市水务局近日宣布，将在三年内完成全市供",
      "水管网的智能化改造，覆盖两千公里管线，", "总投资约为"};
  std::vector<std::string> in =
      Page({kTitleB, kTitleA, kTextB1, kTextA, kTextB2, a1, kBylineB});
  const std::vector<std::string> rest = {"\f水务简报 第 3 期",
                                         "十二亿元，明年年底前全部完工。"};
  const std::vector<std::string> title_c = {"丙县推进农村电网巩固提升"};
  const std::vector<std::string> text_c1 = {
      "丙县供电公司今年计划改造农村配电线路三百",
      "公里，新增配电变压器两百台，解决低电压问"};
  const std::vector<std::string> text_c2 = {"题。全年投资约三亿元。"};
  const std::vector<std::string> byline_c = {"（编译：王五）"};
  auto page2 =
      Page({rest, title_c, kBylineA, text_c1, kNoteA, text_c2, byline_c});
  in.insert(in.end(), page2.begin(), page2.end());
  auto out = Rethread(in);
  auto pos = std::find(out.begin(), out.end(), "水务简报 第 3 期");
  REQUIRE(pos != out.end());
  REQUIRE(pos + 3 < out.end());
  CHECK(pos[1] == rest[1]);
  CHECK(pos[2] == kBylineA[0]);
  CHECK(pos[3] == kNoteA[0]);
}

TEST_CASE("The masthead above the first section heading stays in place",
          "[rethread]") {
  const std::vector<std::string> name = {"\f科技信息参阅"};
  const std::vector<std::string> editors = {"主编：王五　责任编辑：赵六"};
  const std::vector<std::string> section = {"政策动态"};
  // Under the masthead, the interleaved blocks of the first test.
  auto out = Rethread(Page({name, editors, section, kTitleA, kTitleB, kTextA,
                            kTextB1, kBylineA, kTextB2, kNoteA, kBylineB}));
  CHECK(out == NonEmpty(Page({name, editors, section, kTitleA, kTextA, kBylineA,
                              kNoteA, kTitleB, kTextB1, kTextB2, kBylineB})));
}

// Pages whose reading the grammar alone leaves open but for one rule each.
// A title over text: a third article C follows A in the left column, its
// title and first paragraph in one block (the title narrower than the
// text); B's first paragraph ends inside a sentence B's next block ends.
const std::vector<std::string> kOpenB = {
    "乙省发展改革委发布规划，提出到明年底全", "省建成公共充电桩五万个，"};
const std::vector<std::string> kEndB = {"并在高速公路服务区全部配建快充站。"};
const std::vector<std::string> kShortA = {"甲市将在三年内完成供水管网改造。"};
const std::vector<std::string> kTitledC = {
    "丙县推进农村电网巩固提升", "丙县供电公司今年计划改造农村配电线路三百",
    "公里，新增配电变压器两百台。"};
// A block filling the column without punctuation: the extractor cut A's
// paragraph after two full lines; the sentence goes on in A's next block.
// B's column is the shorter, so read as a title the block would go to B.
const std::vector<std::string> kFullA = {
    "甲市水务局近日宣布将在三年内完成全市供水",
    "管网的智能化改造并覆盖全市两千公里管线"};
const std::vector<std::string> kRestA = {"总投资约为十二亿元。"};
const std::vector<std::string> kShortB = {"乙省将新建充电桩五万个。"};

struct PageCase {
  const char* what;
  Blocks printed, read;
};

const PageCase kPageCases[] = {
    {"a title over text in one block opens an article",
     {kTitleA, kTitleB, kShortA, kOpenB, kBylineA, kTitledC, kEndB, kBylineB},
     {kTitleA, kShortA, kBylineA, kTitledC, kTitleB, kOpenB, kEndB, kBylineB}},
    {"a block without punctuation filling the column is text",
     {kTitleA, kTitleB, kTextA, kShortB, kFullA, kBylineB, kRestA, kBylineA},
     {kTitleA, kTextA, kFullA, kRestA, kBylineA, kTitleB, kShortB, kBylineB}},
};

TEST_CASE("Titles over text and full-width text blocks are read right",
          "[rethread]") {
  for (const PageCase& c : kPageCases) {
    INFO(c.what);
    CHECK(Rethread(Page(c.printed)) == NonEmpty(Page(c.read)));
  }
}

TEST_CASE("Notes go with the text holding their marks, nothing after them",
          "[rethread]") {
  // Both articles are closed by their bylines when the note comes, and B's
  // column is the shorter: only A's mark 1 sends the note to A.
  const std::vector<std::string> a1 = {
      "甲市水务局近日宣布，将在三年内完成全市供",
      "水管网的智能化改造，覆盖两千公里管线，",
      "工程完成后漏损率可下降三成[1]。"};
  const std::vector<std::string> b1 = {"乙省将新建充电桩五万个。"};
  auto out =
      Rethread(Page({kTitleA, kTitleB, a1, b1, kBylineB, kBylineA, kNoteA}));
  CHECK(out ==
        NonEmpty(Page({kTitleA, a1, kBylineA, kNoteA, kTitleB, b1, kBylineB})));
}

}  // namespace
}  // namespace bulletin

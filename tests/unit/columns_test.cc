#include "columns.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "layout_rules.h"

namespace bulletin {
namespace {

struct Out {
  std::string text;
  int number, col;
  bool page_break;
};

// Runs `lines` (input lines 1, 2, ...; a leading form feed is a page break)
// through a ColumnSplitter.
std::vector<Out> Split(const std::vector<std::string>& lines) {
  std::vector<Out> out;
  ColumnSplitter cs([&](InputLine&& l) {
    out.push_back({l.text, l.number, l.col, l.page_break});
  });
  for (auto& l : testing::InputLines(lines)) cs.Push(std::move(l));
  cs.Finish();
  return out;
}

std::vector<std::string> Texts(const std::vector<Out>& out) {
  std::vector<std::string> t;
  for (const auto& o : out) t.push_back(o.text);
  return t;
}

// `left` padded with spaces to code point `at`, then `right`.
std::string Row(const std::string& left, const std::string& right,
                size_t at = 30) {
  size_t cps = 0;
  for (unsigned char c : left) cps += (c & 0xC0) != 0x80;
  return left + std::string(at > cps ? at - cps : 2, ' ') + right;
}

TEST_CASE("Two columns are handed out left column first", "[columns]") {
  auto out = Split({
      "        月度简报  第 3 期        ",  // header: whole
      "",
      Row("甲地新建一座水厂", "丙地修复一段河堤"),
      Row("  水厂日供水十万吨，", "  河堤全长三公里，"),
      Row("明年投入使用。", "已于上月完工。"),
      Row("", "  修复后可防百年一遇洪水。"),
      Row("乙地开通一条公交线", "丁地扩建一所学校"),
      Row("  线路全长二十公里。", "  新校舍可容纳两千人。"),
      "",
      "                - 1 -",
  });
  CHECK(Texts(out) == std::vector<std::string>{
                          "        月度简报  第 3 期        ",
                          "",
                          "甲地新建一座水厂",
                          "  水厂日供水十万吨，",
                          "明年投入使用。",
                          "乙地开通一条公交线",
                          "  线路全长二十公里。",
                          "丙地修复一段河堤",
                          "  河堤全长三公里，",
                          "已于上月完工。",
                          "  修复后可防百年一遇洪水。",
                          "丁地扩建一所学校",
                          "  新校舍可容纳两千人。",
                          "",
                          "                - 1 -",
                      });
  // A right-hand part keeps its input line and its true column.
  REQUIRE(out.size() == 15);
  CHECK(out[7].number == 3);
  CHECK(out[7].col == 31);
  CHECK(out[2].number == 3);
  CHECK(out[2].col == 1);
}

TEST_CASE("A left column that runs on below the right one stays left",
          "[columns]") {
  auto out = Split({
      Row("甲地新建一座水厂", "  设备由本地企业供货。"),
      "  水厂日供水十万吨，",
      Row("明年投入使用。", "丙地修复一段河堤"),
      Row("", "  河堤全长三公里，"),
      Row("乙地开通一条公交线", "已于上月完工。"),
      "",
      "",
      "戊地新建一座体育馆",
      "  场馆可容纳八千人，",
      "",
      "                - 1 -",
  });
  CHECK(Texts(out) == std::vector<std::string>{
                          "甲地新建一座水厂",
                          "  水厂日供水十万吨，",
                          "明年投入使用。",
                          "乙地开通一条公交线",
                          "",
                          "",
                          "戊地新建一座体育馆",
                          "  场馆可容纳八千人，",
                          "  设备由本地企业供货。",
                          "丙地修复一段河堤",
                          "  河堤全长三公里，",
                          "已于上月完工。",
                          "",
                          "",
                          "",
                          "                - 1 -",
                      });
}

TEST_CASE("One column with an aligned byline or a deck is left as it is",
          "[columns]") {
  std::vector<std::string> page = {
      Row("甲地新建一座水厂", "日供水十万吨"),
      "  "
      "水厂日供水十万吨，由市水务集团投资建设，计划明年投入使用，届时可满足全城"
      "需求。",
      "  "
      "水厂采用膜处理工艺，出水水质优于国家标准，运行费用比传统工艺低约两成。",
      Row("", "（编译：某某）"),
      "",
      Row("乙地开通一条公交线", "连接城东与城西"),
      "  "
      "线路全长二十公里，沿途设站三十个，高峰时段每五分钟发一班车，方便市民出行"
      "。",
  };
  CHECK(Texts(Split(page)) == page);
}

TEST_CASE("Each page is split on its own, and the page break stays first",
          "[columns]") {
  std::vector<std::string> two = {Row("甲一", "乙一"), Row("甲二", "乙二"),
                                  Row("甲三", "乙三"), Row("甲四", "乙四")};
  std::vector<std::string> in = {"单栏页的一行文字", "第二行文字"};
  in.push_back("\f" + two[0]);
  in.insert(in.end(), two.begin() + 1, two.end());
  auto out = Split(in);
  CHECK(Texts(out) == std::vector<std::string>{"单栏页的一行文字", "第二行文字",
                                               "甲一", "甲二", "甲三", "甲四",
                                               "乙一", "乙二", "乙三", "乙四"});
  REQUIRE(out.size() == 10);
  CHECK(out[2].page_break);
  CHECK_FALSE(out[6].page_break);
}

}  // namespace
}  // namespace bulletin

#include "layout.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "layout_rules.h"
#include "text_util.h"

namespace bulletin {
namespace {

const LayoutRules& Rules() { return testing::BuiltinLayoutRules(); }

struct Segmented {
  std::vector<Article> articles;
  std::vector<Diagnostic> diags;
  SegmenterStats stats;

  // Every title and body, for "was this text kept anywhere" checks.
  std::string AllText() const {
    std::string out;
    for (const auto& a : articles)
      out += a.title.text + "\n" + a.body.text + "\n";
    return out;
  }
  const Article* WithTitle(const std::string& title) const {
    for (const auto& a : articles)
      if (a.title.text == title) return &a;
    return nullptr;
  }
};

// Feeds `lines` to a Segmenter as input lines 1, 2, ...; a line starting
// with a form feed is a page break (the form feed itself is removed, as the
// decoder does).
Segmented Segment(const std::vector<std::string>& lines) {
  Segmented s;
  Segmenter seg(
      Rules(), "test.txt",
      [&](Article&& a) { s.articles.push_back(std::move(a)); },
      [&](const Diagnostic& d) { s.diags.push_back(d); });
  for (InputLine& l : testing::InputLines(lines)) seg.Push(std::move(l));
  seg.Finish();
  s.stats = seg.stats();
  return s;
}

// Hard-wraps `text` every `n` code points, as pdftotext does with CJK text.
std::vector<std::string> Wrap(const std::string& text, int n = 30) {
  std::vector<int> off = CodePointOffsets(text);
  int cps = static_cast<int>(off.size()) - 1;
  std::vector<std::string> out;
  for (int i = 0; i < cps; i += n) {
    int j = std::min(cps, i + n);
    out.push_back(text.substr(off[i], off[j] - off[i]));
  }
  return out;
}

void Add(std::vector<std::string>* doc, const std::vector<std::string>& more) {
  doc->insert(doc->end(), more.begin(), more.end());
}

// Invented bulletin paragraphs (each one sentence group, ending in 。).
const std::string kP1 =
    "星河市工业和信息化局近日印发了集成电路产业高质量发展的若干措施，提出到"
    "二〇二五年全市产业规模达到一千亿元，并设立总额为五十亿元的专项资金，重"
    "点支持装备、材料和零部件企业开展技术攻关。";
const std::string kP2 =
    "措施明确，对于新建的十二英寸晶圆生产线项目，市财政将按照设备投资额的一"
    "定比例给予补助，单个项目补助上限为三亿元，同时鼓励金融机构提供中长期贷"
    "款。";
const std::string kP3 =
    "此外，星河市还将建设公共测试平台和人才公寓，吸引海内外高端人才来本地创"
    "业，预计三年内新增从业人员两万名以上，相关配套政策将于下月公布。";
const std::string kP4 =
    "业内人士认为，新政对设备和材料企业的支持力度明显加大，有助于吸引上下游"
    "企业在本地集聚，但具体效果仍有待观察，后续还需要细化申报和考核办法。";
const std::string kTitle1 = "星河市发布集成电路产业扶持新政";
const std::string kTitle2 = "北辰科技园新建化合物半导体中试线";

// A two-page PDF-style issue: masthead, running headers, page numbers.
std::vector<std::string> PdfIssue() {
  std::vector<std::string> d = {"星河产业简报", "2023 年第 2 期", "", kTitle1,
                                ""};
  Add(&d, Wrap(kP1));
  d.push_back("");
  Add(&d, Wrap(kP2));
  d.insert(d.end(), {"", "— 1 —", "\f星河产业简报   2023年第2期", ""});
  Add(&d, Wrap(kP3));
  d.insert(d.end(), {"", "2", "\f星河产业简报   2023年第2期", ""});
  Add(&d, Wrap(kP4));
  d.insert(d.end(), {"", "（执笔：于某）", ""});
  return d;
}

// --- Page furniture -------------------------------------------------------

TEST_CASE("Page numbers and running headers are dropped", "[layout]") {
  Segmented s = Segment(PdfIssue());
  REQUIRE(s.articles.size() == 1);
  const Article& a = s.articles[0];
  CHECK(a.title.text == kTitle1);
  CHECK(a.body.text == kP1 + "\n" + kP2 + "\n" + kP3 + "\n" + kP4);
  CHECK(s.AllText().find("— 1 —") == std::string::npos);
  CHECK(s.AllText().find("简报") == std::string::npos);
  CHECK(s.stats.dropped_lines >= 4);
}

TEST_CASE("An input of one furniture-like line is kept as its text",
          "[layout]") {
  // A lone date or number is the whole input, not a running header.
  for (std::string line : {"2031年7月", "2031 年 7 月 9 日", "17"}) {
    Segmented s = Segment({"", line, ""});
    INFO(line);
    REQUIRE(s.articles.size() == 1);
    CHECK(s.AllText().find(line) != std::string::npos);
    CHECK(s.stats.dropped_lines == 0);
  }
}

TEST_CASE("A furniture-like line beside other text is still dropped",
          "[layout]") {
  Segmented s = Segment({"2031年7月", "", kTitle1, "", kP1});
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].title.text == kTitle1);
  CHECK(s.AllText().find("2031年7月") == std::string::npos);
  CHECK(s.stats.dropped_lines == 1);
}

TEST_CASE("Page numbers in the forms 第 3 页 and 3/8 are dropped", "[layout]") {
  std::vector<std::string> d = {kTitle1, ""};
  Add(&d, Wrap(kP1));
  d.insert(d.end(), {"", "第 3 页", "\f星河产业简报   2023年第2期", ""});
  Add(&d, Wrap(kP2));
  d.insert(d.end(), {"", "4/8", "\f星河产业简报   2023年第2期", ""});
  Add(&d, Wrap(kP3));
  d.insert(d.end(), {"", "（执笔：于某）"});
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].body.text == kP1 + "\n" + kP2 + "\n" + kP3);
}

TEST_CASE("A byline right before a page number is a byline, not a header",
          "[layout][regress]") {
  std::vector<std::string> d = {kTitle1, ""};
  Add(&d, Wrap(kP1));
  d.insert(d.end(),
           {"", "作者：于某", "", "- 1 -", "\f星河产业简报   2023年第2期", "",
            "第二篇文章的标题", ""});
  Add(&d, Wrap(kP2));
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].authors == std::vector<std::string>{"于某"});
  CHECK(s.articles[1].title.text == "第二篇文章的标题");
}

TEST_CASE("A page number and running header between full lines are dropped",
          "[layout]") {
  // The paragraph before the page number ends with a full-width line, so
  // it cannot be taken for a running footer.
  const std::string full =
      "措施明确，对于新建的十二英寸晶圆生产线项目，市财政将按照设备"
      "投资额的一定比例给予补助，单个项目补助上限三亿元并鼓励贷款。";
  std::vector<std::string> d = {kTitle1, ""};
  Add(&d, Wrap(kP1));
  d.push_back("");
  Add(&d, Wrap(full));
  REQUIRE(Wrap(full).size() == 2);
  d.insert(d.end(), {"", "— 1 —", "\f星河产业简报   2023年第2期", ""});
  Add(&d, Wrap(kP4));
  d.insert(d.end(), {"", "（执笔：于某）"});
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].body.text == kP1 + "\n" + full + "\n" + kP4);
  CHECK(s.AllText().find("简报") == std::string::npos);
  CHECK(s.stats.dropped_lines == 2);
}

// --- Re-joining lines -----------------------------------------------------

TEST_CASE("Hard-wrapped CJK lines re-join without spaces", "[layout]") {
  Segmented s = Segment(PdfIssue());
  REQUIRE_FALSE(s.articles.empty());
  std::string body = s.articles[0].body.text;
  CHECK(body.substr(0, kP1.size()) == kP1);
  CHECK(body.find(' ') == std::string::npos);
}

TEST_CASE("Latin words broken over two lines are joined with one space",
          "[layout]") {
  std::vector<std::string> d = {kTitle2, ""};
  Add(&d, Wrap(kP1));
  d.push_back("");
  d.push_back("据悉，该中试线由北辰微电子与设备厂商 Applied");
  d.push_back("Materials 共同建设，总投资约三亿元，预计明年");
  d.push_back("下半年通线。");
  d.push_back("");
  Add(&d, Wrap(kP2));
  d.insert(d.end(), {"", "（执笔：于某）"});
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].body.text ==
        kP1 +
            "\n据悉，该中试线由北辰微电子与设备厂商 Applied Materials "
            "共同建设，总投资约三亿元，预计明年下半年通线。\n" +
            kP2);
}

TEST_CASE("A word broken at its hyphen is joined without a space", "[layout]") {
  std::vector<std::string> d = {kTitle2, ""};
  Add(&d, Wrap(kP1));
  d.push_back("");
  d.push_back("该中试线采用全耗尽绝缘体上硅技术，即业界常说的 FD-");
  d.push_back("SOI 工艺，首期月产能为五千片，主要面向物联网和");
  d.push_back("汽车电子客户。");
  d.push_back("");
  Add(&d, Wrap(kP2));
  d.insert(d.end(), {"", "（执笔：于某）"});
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].body.text.find("即业界常说的 FD-SOI 工艺，首期") !=
        std::string::npos);
}

TEST_CASE("A number and its unit split over two lines are re-joined",
          "[layout]") {
  std::vector<std::string> d = {kTitle2, ""};
  Add(&d, Wrap(kP1));
  d.push_back("");
  d.push_back("北辰科技园管委会表示，年营收不足 1,100万美");
  d.push_back("元的小型零部件企业也可申请入驻中试线，并享受");
  d.push_back("三年免租待遇。");
  d.push_back("");
  Add(&d, Wrap(kP2));
  d.insert(d.end(), {"", "（执笔：于某）"});
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].body.text.find(
            "年营收不足 1,100万美元的小型零部件企业也可申请") !=
        std::string::npos);
}

// --- Footnotes and URLs ---------------------------------------------------

const std::string kRefPara =
    "星河市工业和信息化局近日印发了关于促进集成电路产业发展的通知1，提出到"
    "二〇二五年全市产业规模达到一千亿元，并设立总额为五十亿元的专项资金，重"
    "点支持装备、材料和零部件企业开展技术攻关。";

// kRefPara broken after its second line by a footnote block and a page break.
std::vector<std::string> SplitByFootnote() {
  std::vector<std::string> para = Wrap(kRefPara);
  REQUIRE(para.size() >= 4);
  std::vector<std::string> d = {kTitle1, ""};
  d.insert(d.end(), para.begin(), para.begin() + 2);
  d.insert(d.end(),
           {"", "1 星河市工业和信息化局. 关于促进集成电路产业发展的通知.",
            "https://www.example.gov.cn/zcfg/2023/notice-on-ic-",
            "industry-development-measures.html", "", "— 1 —",
            "\f星河产业简报   2023年第2期", ""});
  d.insert(d.end(), para.begin() + 2, para.end());
  d.push_back("");
  Add(&d, Wrap(kP2));
  d.insert(d.end(), {"", "（执笔：于某）", "", kTitle2, ""});
  Add(&d, Wrap(kP3));
  d.insert(d.end(), {"", "（执笔：王某）"});
  return d;
}

TEST_CASE(
    "A footnote block in the middle of a sentence is removed and the "
    "sentence re-joined",
    "[layout]") {
  Segmented s = Segment(SplitByFootnote());
  REQUIRE(s.articles.size() == 2);
  const Article& a = s.articles[0];
  std::string expected = kRefPara;
  expected.erase(expected.find("通知1") + std::string("通知").size(), 1);
  CHECK(a.body.text == expected + "\n" + kP2);
  CHECK(a.body.text.find("https") == std::string::npos);
  CHECK(a.body.text.find("简报") == std::string::npos);
}

TEST_CASE("A footnote at the bottom of a page belongs to its article",
          "[layout]") {
  Segmented s = Segment(SplitByFootnote());
  REQUIRE_FALSE(s.articles.empty());
  const Article& a = s.articles[0];
  REQUIRE(a.footnotes.size() == 1);
  CHECK(a.footnotes[0].number == 1);
  CHECK(a.footnotes[0].text.text.find("关于促进集成电路产业发展的通知") !=
        std::string::npos);
  CHECK(a.footnotes[0].urls ==
        std::vector<std::string>{"https://www.example.gov.cn/zcfg/2023/"
                                 "notice-on-ic-industry-development-"
                                 "measures.html"});
  REQUIRE(a.refs.size() == 1);
  CHECK(a.refs[0].number == 1);
}

TEST_CASE(
    "Notes numbered per page go to the article on the page with their mark",
    "[layout]") {
  // Page 1 ends with the title of a second article; the note at its
  // bottom is the first article's. Page 2 holds two notes: 1 for the
  // second article, 2 for the third.
  Segmented s = Segment({
      "一、市场观察", "", "甲市推出光伏补贴新办法", "撰文：赵某", "",
      "甲市公布的补贴办法规定每千瓦补贴一百元1。",
      "办法自下月起施行。", "", "乙省风电并网容量创新高", "撰文：钱某", "",
      "1 https://www.example.org/notes/solar-subsidy", "", "1",
      "\f一、市场观察", "", "乙省风电并网容量达到三千万千瓦1。",
      "新增容量主要来自海上项目。", "", "丙市建设氢能示范园区",
      "撰文：孙某", "", "示范园区计划三年内建成加氢站十座2。",
      "1 https://www.example.org/notes/wind-capacity",
      "2 https://www.example.org/notes/hydrogen-park", "", "2"});
  const Article* a = s.WithTitle("甲市推出光伏补贴新办法");
  const Article* b = s.WithTitle("乙省风电并网容量创新高");
  const Article* c = s.WithTitle("丙市建设氢能示范园区");
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(c);
  auto urls = [](const Article* x) {
    std::vector<std::string> u;
    for (const auto& f : x->footnotes) u.insert(u.end(), f.urls.begin(),
                                                f.urls.end());
    return u;
  };
  CHECK(urls(a) == std::vector<std::string>{
                       "https://www.example.org/notes/solar-subsidy"});
  CHECK(urls(b) == std::vector<std::string>{
                       "https://www.example.org/notes/wind-capacity"});
  CHECK(urls(c) == std::vector<std::string>{
                       "https://www.example.org/notes/hydrogen-park"});
}

// Four articles hard-wrapped at 24 code points whose paragraphs open
// indented; a title with its deck set apart by spaces fills the width too.
// With `bylines`, a wrapped line ends a sentence at the line's end and a
// byline closes each article: then most lines after a sentence end are not
// indented, but still no line that goes on one is.
std::vector<std::string> IndentedDoc(bool bylines) {
  std::vector<std::string> d;
  const char* titles[] = {"甲市推出光伏补贴新办法", "乙省风电并网容量创新高",
                          "丙市建设氢能示范园区", "丁县开通城乡公交专线"};
  for (const char* title : titles) {
    d.push_back(std::string(title) + "          每千瓦补贴一百元");
    for (int p = 0; p < 3; ++p) {
      d.push_back("  新办法规定对屋顶光伏项目按装机容量给予补贴，补");
      d.push_back(bylines ? "贴资金由市财政和区财政按比例分担，每年核定一次。"
                          : "贴资金由市财政和区财政按比例分担，每年核定一次，");
      d.push_back("申报截止日期为每年十月底。");
    }
    if (bylines) d.push_back("（编译：韩某）");
    d.push_back("");
  }
  return d;
}

TEST_CASE("In a text whose paragraphs open indented, an indented line "
          "starts a paragraph",
          "[layout]") {
  for (bool bylines : {false, true}) {
    Segmented s = Segment(IndentedDoc(bylines));
    REQUIRE(s.articles.size() == 4);
    for (const auto& a : s.articles) {
      CHECK(SquashSpace(a.title.text).find("每千瓦补贴一百元") !=
            std::string::npos);
      CHECK(a.body.text.rfind("新办法规定", 0) == 0);
      if (bylines) CHECK(a.authors == std::vector<std::string>{"韩某"});
    }
  }
}

TEST_CASE("A title the TOC lists, going on into a deck that wraps, keeps "
          "the deck's second line",
          "[layout]") {
  std::vector<std::string> d = {"目录", "海上风电并网提速……………3",
                                "储能电站集中投运……………4", "", "\f政策动态", "",
                                "海上风电并网提速——两座风场", "本月并网发电",
                                "撰文：周某", ""};
  // (Hard-wrapped text, so that the title's short lines stand out.)
  Add(&d, Wrap(kP1));
  Add(&d, Wrap(kP3));
  d.insert(d.end(), {"", "储能电站集中投运", "撰文：钱某", ""});
  Add(&d, Wrap(kP2));
  Add(&d, Wrap(kP4));
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].title.text == "海上风电并网提速——两座风场本月并网发电");
  CHECK(s.articles[0].body.text == kP1 + "\n" + kP3);
  CHECK(s.articles[0].authors == std::vector<std::string>{"周某"});
  CHECK(s.articles[1].title.text == "储能电站集中投运");
}

TEST_CASE("A line just under the first line of several pages is a running "
          "header",
          "[layout]") {
  // As pdf2txt prints it: the page's first title, then the header.
  const char* titles[] = {"甲市推出光伏补贴新办法", "乙省风电并网容量创新高",
                          "丙市建设氢能示范园区"};
  std::vector<std::string> d;
  for (int page = 0; page < 3; ++page) {
    d.push_back(std::string(page ? "\f" : "") + titles[page]);
    d.push_back("");
    d.push_back("能源观察周刊");
    d.push_back("");
    d.push_back("新办法规定对屋顶光伏项目按装机容量给予补贴。");
    d.push_back("");
  }
  Segmented s = Segment(d);
  CHECK(s.AllText().find("能源观察周刊") == std::string::npos);
  REQUIRE(s.articles.size() == 3);
  for (int i = 0; i < 3; ++i) CHECK(s.articles[i].title.text == titles[i]);
}

TEST_CASE("A line that opens several pages is a running header", "[layout]") {
  std::vector<std::string> d;
  for (int page = 0; page < 3; ++page) {
    d.push_back(std::string(page ? "\f" : "") +
                "能源观察周刊        第 9 期（总第 40 期）");
    d.push_back("");
    d.push_back(page == 0 ? "甲市推出光伏补贴新办法" : "乙省风电并网容量创新高");
    d.push_back("");
    d.push_back("新办法规定对屋顶光伏项目按装机容量给予补贴。");
    d.push_back("");
  }
  Segmented s = Segment(d);
  CHECK(s.AllText().find("能源观察周刊") == std::string::npos);
  CHECK(s.stats.dropped_lines >= 3);
}

TEST_CASE("A new section's heading just above a page number is a heading",
          "[layout]") {
  Segmented s = Segment({"内部资料", "注意保存", "第 4 期（总第 27 期）", "",
                         "政策动态", "", "甲市推出光伏补贴新办法", "",
                         "新办法规定对屋顶光伏项目按装机容量给予补贴。", "",
                         "企业动态", "", "第 1 页", "\f乙企业扩建电池工厂", "",
                         "新工厂计划明年投产，年产能二十吉瓦时。"});
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].section == "政策动态");
  CHECK(s.articles[1].section == "企业动态");
  CHECK(s.articles[1].title.text == "乙企业扩建电池工厂");
  // The masthead lines are furniture, not a record or text.
  CHECK(s.AllText().find("注意保存") == std::string::npos);
  CHECK(s.AllText().find("总第") == std::string::npos);
}

// A clean-layout article followed by footnote lines.
std::vector<std::string> WithFootnotes(const std::vector<std::string>& notes) {
  std::vector<std::string> d = {kTitle1,          "", kP1, "", kP2, "",
                                "（执笔：于某）", ""};
  Add(&d, notes);
  d.insert(d.end(), {"", kTitle2, "", kP3, "", "（执笔：王某）"});
  return d;
}

TEST_CASE("A URL broken over two lines is repaired", "[layout]") {
  Segmented s = Segment(WithFootnotes(
      {"1 https://www.example.org/reports/2023/semiconductor-supply-",
       "chain-resilience-assessment.pdf"}));
  REQUIRE_FALSE(s.articles.empty());
  const Article& a = s.articles[0];
  REQUIRE(a.footnotes.size() == 1);
  CHECK(a.footnotes[0].urls ==
        std::vector<std::string>{"https://www.example.org/reports/2023/"
                                 "semiconductor-supply-chain-resilience-"
                                 "assessment.pdf"});
  CHECK(a.footnotes[0].text.text.find(' ') == std::string::npos);
}

TEST_CASE("A URL broken over three lines is repaired", "[layout]") {
  Segmented s = Segment(WithFootnotes(
      {"1 星河研究院. 年度产业报告. https://www.example.org/research/",
       "annual/2023/integrated-circuit-industry-annual-report-",
       "full-text.html"}));
  REQUIRE_FALSE(s.articles.empty());
  const Article& a = s.articles[0];
  REQUIRE(a.footnotes.size() == 1);
  CHECK(a.footnotes[0].urls ==
        std::vector<std::string>{"https://www.example.org/research/annual/"
                                 "2023/integrated-circuit-industry-annual-"
                                 "report-full-text.html"});
}

TEST_CASE("A URL broken after a query character is repaired", "[layout]") {
  Segmented s =
      Segment(WithFootnotes({"1 https://www.example.org/search.html?ws=text&q=",
                             "chips%20act&sort=date"}));
  REQUIRE_FALSE(s.articles.empty());
  REQUIRE(s.articles[0].footnotes.size() == 1);
  CHECK(s.articles[0].footnotes[0].urls ==
        std::vector<std::string>{
            "https://www.example.org/search.html?ws=text&q=chips%20act&sort="
            "date"});
}

TEST_CASE("A URL printed twice in one footnote is listed once", "[layout]") {
  Segmented s = Segment(WithFootnotes(
      {"1 见 https://www.example.org/news/pilot-line-funding-2023；原文",
       "https://www.example.org/news/pilot-line-funding-2023。"}));
  REQUIRE_FALSE(s.articles.empty());
  REQUIRE(s.articles[0].footnotes.size() == 1);
  CHECK(s.articles[0].footnotes[0].urls ==
        std::vector<std::string>{
            "https://www.example.org/news/pilot-line-funding-2023"});
}

TEST_CASE("Trailing ；and 。 are not part of a footnote URL", "[layout]") {
  Segmented s = Segment(
      WithFootnotes({"1 https://www.example.org/a/first-report.html；",
                     "2 见 https://www.example.org/b/second-report.html。"}));
  REQUIRE_FALSE(s.articles.empty());
  const Article& a = s.articles[0];
  REQUIRE(a.footnotes.size() == 2);
  CHECK(
      a.footnotes[0].urls ==
      std::vector<std::string>{"https://www.example.org/a/first-report.html"});
  CHECK(
      a.footnotes[1].urls ==
      std::vector<std::string>{"https://www.example.org/b/second-report.html"});
}

TEST_CASE("Footnotes in [1] form under a 参考资料 heading are collected",
          "[layout]") {
  std::vector<std::string> d = {
      kTitle1,
      "",
      kP1,
      "",
      "（执笔：于某）",
      "",
      "参考资料",
      "[1] https://www.example.org/one.html",
      "[2] 星河研究院. https://www.example.org/two.html",
      "",
      kTitle2,
      "",
      kP3,
      "",
      "（执笔：王某）"};
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 2);
  const Article& a = s.articles[0];
  REQUIRE(a.footnotes.size() == 2);
  CHECK(a.footnotes[0].number == 1);
  CHECK(a.footnotes[1].number == 2);
  CHECK(a.footnotes[1].urls ==
        std::vector<std::string>{"https://www.example.org/two.html"});
  CHECK(s.articles[1].title.text == kTitle2);
  CHECK(s.articles[1].footnotes.empty());
}

TEST_CASE("Endnotes labelled 注1： and 註2： after an article are its "
          "footnotes", "[layout]") {
  // The notes' labels carry their numbers (no heading above them); the
  // byline is under the title, so nothing but the next title ends the
  // article after its notes.
  std::vector<std::string> d = {
      kTitle1,
      "撰文：于某",
      "",
      "星河市工业和信息化局近日印发了若干措施，提出设立专项资金 1，重点支持"
      "装备企业。",
      "措施明确，市财政将按设备投资额给予补助 2，同时鼓励金融机构放贷。",
      "注1：星河市工业和信息化局通知，https://www.example.org/notice.html",
      "註 2：https://www.example.org/二号文件",
      "",
      kTitle2,
      "撰文：王某",
      "",
      kP3};
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 2);
  const Article& a = s.articles[0];
  CHECK(a.title.text == kTitle1);
  REQUIRE(a.footnotes.size() == 2);
  CHECK(a.footnotes[0].number == 1);
  CHECK(a.footnotes[0].urls ==
        std::vector<std::string>{"https://www.example.org/notice.html"});
  CHECK(a.footnotes[1].number == 2);
  CHECK(a.footnotes[1].urls ==
        std::vector<std::string>{"https://www.example.org/二号文件"});
  CHECK(a.body.text.find("注1") == std::string::npos);
  CHECK(s.articles[1].title.text == kTitle2);
  CHECK(s.articles[1].authors == std::vector<std::string>{"王某"});
  // A line that only begins like a label is text.
  Segmented t = Segment({kTitle1, "", "注意：本期起改为每月出版。", "",
                         "（执笔：于某）"});
  REQUIRE(t.articles.size() == 1);
  CHECK(t.articles[0].footnotes.empty());
  CHECK(t.articles[0].body.text == "注意：本期起改为每月出版。");
}

// --- Reference marks ------------------------------------------------------

std::vector<std::string> WithRefs(const std::string& para) {
  return {
      kTitle1,
      "",
      para,
      "",
      "（执笔：于某）",
      "",
      "1 星河研究院. 设备市场年度展望. https://www.example.org/outlook.html",
      "2 星河研究院. 设备市场季度数据. https://www.example.org/data.html",
      "",
      kTitle2,
      "",
      kP3,
      "",
      "（执笔：王某）"};
}

TEST_CASE("Reference marks glued to words are recorded and removed",
          "[layout]") {
  Segmented s = Segment(WithRefs(
      "据星河研究院发布的报告1，全球设备支出今年将小幅下降，业界普遍认为明年"
      "仍存在进一步放缓的可能1-2。"));
  REQUIRE_FALSE(s.articles.empty());
  const Article& a = s.articles[0];
  CHECK(a.body.text ==
        "据星河研究院发布的报告，全球设备支出今年将小幅下降，业界普遍认为明年"
        "仍存在进一步放缓的可能。");
  REQUIRE(a.refs.size() == 2);
  CHECK(a.refs[0].number == 1);
  CHECK(a.refs[0].number_max == 1);
  CHECK(a.refs[1].number == 1);
  CHECK(a.refs[1].number_max == 2);
  // Offsets point into the cleaned body: right after 报告 and 可能.
  std::vector<int> off = CodePointOffsets(a.body.text);
  REQUIRE(a.refs[0].offset < static_cast<int>(off.size()));
  CHECK(a.body.text.substr(0, off[a.refs[0].offset]) ==
        "据星河研究院发布的报告");
  CHECK(a.body.text.substr(off[a.refs[1].offset]) == "。");
  CHECK(a.refs[0].line == 3);
}

TEST_CASE("A reference mark wrapped to the start of a line is removed",
          "[layout]") {
  // 论文 ends a full line; its mark 1 opens the next one as "1，报道了".
  const std::string first =
      "北辰大学集成电路学院的一个研究团队近日在国际学术刊物发表论文";
  REQUIRE(CodePoints(first) == 30);
  std::vector<std::string> d = {kTitle1, ""};
  Add(&d, Wrap(kP1));
  d.push_back("");
  d.push_back(first);
  d.push_back("1，报道了一种以二硫化钼为沟道材料的新型晶体管，其物理栅长");
  d.push_back("缩短至十纳米以下。");
  d.insert(d.end(),
           {"", "（执笔：于某）", "",
            "1 北辰大学. 新型二维晶体管. https://www.example.edu/news/1", "",
            kTitle2, ""});
  Add(&d, Wrap(kP3));
  d.insert(d.end(), {"", "（执笔：王某）"});
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 2);
  const Article& a = s.articles[0];
  CHECK(a.body.text == kP1 + "\n" + first +
                           "，报道了一种以二硫化钼为沟道材料的新型晶体管，其物"
                           "理栅长缩短至十纳米以下。");
  REQUIRE(a.refs.size() == 1);
  CHECK(a.refs[0].number == 1);
  REQUIRE(a.footnotes.size() == 1);
}

TEST_CASE("Numbers that count things are not reference marks", "[layout]") {
  const std::string para =
      "项目分为1轨和2轨两个申报通道，共有 70 个项目入选，其中 2 家企业来自"
      "外地。";
  Segmented s = Segment(WithRefs(para));
  REQUIRE_FALSE(s.articles.empty());
  CHECK(s.articles[0].body.text == para);
  CHECK(s.articles[0].refs.empty());
}

TEST_CASE("A number is not a reference mark when no such footnote exists",
          "[layout]") {
  const std::string para = "星河研究院的报告3，全球设备支出今年将小幅下降。";
  Segmented s = Segment(WithRefs(para));
  REQUIRE_FALSE(s.articles.empty());
  CHECK(s.articles[0].body.text == para);
  CHECK(s.articles[0].refs.empty());
}

// --- Bylines --------------------------------------------------------------

TEST_CASE("A reporter's line under the title, 记者 X Y 报道, names the "
          "authors", "[layout]") {
  const std::vector<std::pair<std::string, size_t>> kLines = {
      {"记者　于某　王小川　报道", 2}, {"本报记者 于某 报导", 1}};
  for (const auto& [line, names] : kLines) {
    INFO(line);
    Segmented s = Segment({kTitle1, line, "", kP1, "", kTitle2, "", kP3, "",
                           "（执笔：王某）"});
    const Article* a = s.WithTitle(kTitle1);
    REQUIRE(a != nullptr);
    CHECK(a->byline == line);
    CHECK(a->body.text == kP1);
    CHECK(a->authors.size() == names);
    CHECK(a->authors[0] == "于某");
  }
  // A wrapped body line that begins and ends so is text.
  Segmented t = Segment({kTitle1, "", "记者从会上了解到，多家媒体已经对此作了报道",
                         "，相关企业表示将尽快回应。", "", "（执笔：于某）"});
  REQUIRE(t.articles.size() == 1);
  CHECK(t.articles[0].authors == std::vector<std::string>{"于某"});
}

TEST_CASE("A news-agency dateline opening the text names the reporters",
          "[layout]") {
  const std::string dated = "新华社星河 3 月 5 日电（记者 于某、王小川）" + kP1;
  Segmented s = Segment({kTitle1, "", dated, "", kP2, "", kTitle2, "", kP3,
                         "", "（执笔：王某）"});
  const Article* a = s.WithTitle(kTitle1);
  REQUIRE(a != nullptr);
  CHECK(a->authors == std::vector<std::string>{"于某", "王小川"});
  CHECK(a->body.text == dated + "\n" + kP2);  // the dateline stays text
  // A byline after it is the one to go by; a dateline later in the text
  // names no one; 本刊讯 has no reporter.
  Segmented b = Segment({kTitle1, "", dated, "", "（编译：李某）"});
  REQUIRE(b.articles.size() == 1);
  CHECK(b.articles[0].authors == std::vector<std::string>{"李某"});
  Segmented c = Segment({kTitle1, "", kP1, "", dated, "", kTitle2});
  REQUIRE_FALSE(c.articles.empty());
  CHECK(c.articles[0].authors.empty());
  Segmented d = Segment({kTitle1, "", "本刊讯　" + kP1});
  REQUIRE(d.articles.size() == 1);
  CHECK(d.articles[0].authors.empty());
}

Article OneArticleWithByline(const std::string& byline) {
  Segmented s = Segment({kTitle1, "", kP1, "", kP2, "", byline, "", kTitle2, "",
                         kP3, "", "（执笔：钱某）"});
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[1].title.text == kTitle2);
  return s.articles[0];
}

TEST_CASE("A 执笔 byline with two names gives two authors", "[layout]") {
  Article a = OneArticleWithByline("（执笔：于某 王某）");
  CHECK(a.authors == std::vector<std::string>{"于某", "王某"});
  CHECK(a.byline == "（执笔：于某 王某）");
  CHECK(a.byline_line == 7);
  CHECK(a.body.text == kP1 + "\n" + kP2);
}

TEST_CASE("Names split by an ideographic space are two authors", "[layout]") {
  Article a = OneArticleWithByline("（执笔：林某\u3000郭某）");
  CHECK(a.authors == std::vector<std::string>{"林某", "郭某"});
}

TEST_CASE("A 编译 byline gives its author", "[layout]") {
  Article a = OneArticleWithByline("（编译：赵某）");
  CHECK(a.authors == std::vector<std::string>{"赵某"});
}

TEST_CASE("An 作者 line gives its author", "[layout]") {
  Article a = OneArticleWithByline("作者：钱某");
  CHECK(a.authors == std::vector<std::string>{"钱某"});
  CHECK(a.body.text == kP1 + "\n" + kP2);
}

TEST_CASE("A 来源 byline names no author", "[layout]") {
  Article a = OneArticleWithByline("（来源：星河网）");
  CHECK(a.authors.empty());
  CHECK(a.byline == "（来源：星河网）");
}

TEST_CASE("An article without a byline ends where the next title starts",
          "[layout]") {
  Segmented s = Segment(
      {kTitle1, "", kP1, "", kP2, "", kTitle2, "", kP3, "", "（执笔：钱某）"});
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].title.text == kTitle1);
  CHECK(s.articles[0].body.text == kP1 + "\n" + kP2);
  CHECK(s.articles[0].authors.empty());
  CHECK(s.articles[1].title.text == kTitle2);
  CHECK(s.articles[1].authors == std::vector<std::string>{"钱某"});
}

TEST_CASE(
    "A 来源 line with a long URL after the byline stays with its "
    "article",
    "[layout]") {
  const std::string source =
      "来源：https://www.example.org/news/2023/06/15/"
      "compound-semiconductor-pilot-line-opening-ceremony.html";
  Segmented s =
      Segment({kTitle1, "", kP1, "", "（执笔：于某）", source, "", kTitle2, "",
               kP3, "", "作者：王某", "来源：https://www.example.org/b.html"});
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].title.text == kTitle1);
  CHECK(s.articles[1].title.text == kTitle2);
  CHECK(s.articles[0].authors == std::vector<std::string>{"于某"});
  CHECK(s.AllText().find("来源") == std::string::npos);
}

// --- Sections and titles --------------------------------------------------

TEST_CASE("Section headings set the section of the articles under them",
          "[layout]") {
  Segmented s =
      Segment({"政策动态", "", kTitle1, "", kP1, "", "（执笔：于某）", "",
               "产业动态", "", kTitle2, "", kP3, "", "（执笔：王某）"});
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].has_section);
  CHECK(s.articles[0].section == "政策动态");
  CHECK(s.articles[1].section == "产业动态");
  CHECK(s.articles[1].title.text == kTitle2);
}

TEST_CASE("A section heading after the first article is recognised",
          "[layout]") {
  Segmented s = Segment({kTitle1, "", kP1, "", "（执笔：于某）", "", "前沿研究",
                         "", kTitle2, "", kP3, "", "（执笔：王某）"});
  REQUIRE(s.articles.size() == 2);
  CHECK_FALSE(s.articles[0].has_section);
  CHECK(s.articles[1].has_section);
  CHECK(s.articles[1].section == "前沿研究");
  CHECK(s.AllText().find("前沿研究") == std::string::npos);
}

TEST_CASE("Numbered and bracketed section headings name the section",
          "[layout]") {
  Segmented s = Segment({kTitle1,
                         "",
                         kP1,
                         "",
                         "（执笔：于某）",
                         "",
                         "一、政策动态",
                         "",
                         kTitle2,
                         "",
                         kP3,
                         "",
                         "（执笔：王某）",
                         "",
                         "【产业动态】",
                         "",
                         "北辰晶圆厂二期项目正式开工",
                         "",
                         kP4,
                         "",
                         "（执笔：钱某）"});
  REQUIRE(s.articles.size() == 3);
  CHECK(s.articles[1].section == "政策动态");
  CHECK(s.articles[2].section == "产业动态");
  CHECK(s.articles[2].title.text == "北辰晶圆厂二期项目正式开工");
}

TEST_CASE("Section names of local news are section headings", "[layout]") {
  for (const char* name : {"地方实践", "四、各地動態", "基层经验"}) {
    INFO(name);
    Segmented s =
        Segment({std::string(name), "", kTitle1, "", kP1, "", "（执笔：于某）"});
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].title.text == kTitle1);
    CHECK(s.articles[0].has_section);
  }
}

TEST_CASE(
    "A section heading is not mistaken for a running header at the "
    "top of a page",
    "[layout]") {
  std::vector<std::string> d = {kTitle1, ""};
  Add(&d, Wrap(kP1));
  d.insert(d.end(),
           {"", "（执笔：于某）", "", "— 1 —", "\f前沿研究", "", kTitle2, ""});
  Add(&d, Wrap(kP3));
  d.insert(d.end(), {"", "（执笔：王某）"});
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[1].section == "前沿研究");
}

TEST_CASE("A title wrapped onto two lines is re-joined", "[layout]") {
  std::vector<std::string> d = {kTitle2, ""};
  Add(&d, Wrap(kP2));
  d.insert(d.end(), {"", "（执笔：于某）", "",
                     "星河市发布集成电路产业扶持新政，设立专项资金",
                     "支持设备国产化", ""});
  Add(&d, Wrap(kP1));
  d.insert(d.end(), {"", "（执笔：王某）"});
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[1].title.text ==
        "星河市发布集成电路产业扶持新政，设立专项资金支持设备国产化");
  CHECK(s.articles[1].body.text == kP1);
}

TEST_CASE("A title broken over two or three short lines is one title",
          "[layout]") {
  // No table of contents and no byline under the title: only the short,
  // title-like lines say the title goes on.
  std::vector<std::string> d = {"星河市工业和信息化局等四部门联合印发",
                                "集成电路装备零部件攻关行动方案", ""};
  Add(&d, Wrap(kP1));
  d.insert(d.end(), {"", "（执笔：于某）", "", "北辰科技园新建化合物半导体",
                     "中试线首批晶圆下线", "良率达到设计目标", ""});
  Add(&d, Wrap(kP3));
  d.insert(d.end(), {"", "（执笔：王某）", "", kTitle2, "——首期投资十二亿元", ""});
  Add(&d, Wrap(kP4));
  d.insert(d.end(), {"", "（执笔：李某）"});
  const std::vector<std::pair<std::string, std::string>> kWant = {
      {"星河市工业和信息化局等四部门联合印发集成电路装备零部件攻关行动方案", kP1},
      {"北辰科技园新建化合物半导体中试线首批晶圆下线良率达到设计目标", kP3},
      // A deck after its mark stays a deck, in the text.
      {kTitle2, "——首期投资十二亿元\n" + kP4}};
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == kWant.size());
  for (size_t i = 0; i < kWant.size(); ++i) {
    CHECK(s.articles[i].title.text == kWant[i].first);
    CHECK(s.articles[i].body.text == kWant[i].second);
  }
}

TEST_CASE("A blank line after a full line cut inside a sentence does not "
          "split its paragraph",
          "[layout]") {
  // pdf2txt prints blank lines inside paragraphs: the line before the blank
  // fills the wrap width, ends open and holds a comma, so it is no title.
  std::vector<std::string> d = {kTitle1, ""};
  Add(&d, Wrap(kP1));
  d.push_back("");
  std::vector<std::string> p3 = Wrap(kP3);
  REQUIRE(p3.size() >= 2);
  d.push_back(p3[0]);
  d.push_back("");
  d.insert(d.end(), p3.begin() + 1, p3.end());
  d.push_back("");
  Add(&d, Wrap(kP4));
  d.insert(d.end(), {"", "（执笔：于某）", "", kTitle2, ""});
  Add(&d, Wrap(kP2));
  d.insert(d.end(), {"", "（执笔：王某）"});
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].title.text == kTitle1);
  CHECK(s.articles[0].body.text == kP1 + "\n" + kP3 + "\n" + kP4);
  CHECK(s.articles[1].title.text == kTitle2);
}

TEST_CASE("In double-spaced text, a title with a deck after a full-width "
          "space ends before the body's first full line",
          "[layout]") {
  // (pdf2txt: every line followed by a blank one; the title line is longer
  // than 7 tenths of the wrap width, so width alone would run it on.)
  const std::string title = "北辰科技园新建化合物半导体中试线\u3000首期投资三亿元";
  std::vector<std::string> lines = {kTitle1};
  Add(&lines, Wrap(kP1));
  Add(&lines, Wrap(kP2));
  lines.push_back("（执笔：于某）");
  lines.push_back(title);
  Add(&lines, Wrap(kP3));
  Add(&lines, Wrap(kP4));
  lines.push_back("（执笔：王某）");
  std::vector<std::string> d;
  for (const auto& l : lines) d.insert(d.end(), {l, ""});
  Segmented s = Segment(d);
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[1].title.text == title);
  CHECK(s.articles[1].body.text.rfind(kP3.substr(0, 30), 0) == 0);
}

TEST_CASE("A title has no surrounding spaces", "[layout]") {
  Segmented s = Segment({"  " + kTitle1 + "  ", "", kP1, "", "（执笔：于某）"});
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].title.text == kTitle1);
}

// --- Clean web layout -----------------------------------------------------

TEST_CASE("Clean text keeps one paragraph per line", "[layout]") {
  Segmented s =
      Segment({kTitle1, "", kP1, "", kP2, "", kP3, "", "（执笔：于某）", "",
               kTitle2, "", kP4, "", "（执笔：王某）"});
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].title.text == kTitle1);
  CHECK(s.articles[0].body.text == kP1 + "\n" + kP2 + "\n" + kP3);
  CHECK(s.articles[1].body.text == kP4);
}

TEST_CASE("Clean paragraphs without blank lines between them stay apart",
          "[layout]") {
  Segmented s = Segment(
      {kTitle1, kP1, kP2, "（执笔：于某）", kTitle2, kP3, "（执笔：王某）"});
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].title.text == kTitle1);
  CHECK(s.articles[0].body.text == kP1 + "\n" + kP2);
  CHECK(s.articles[1].title.text == kTitle2);
}

TEST_CASE("Text before any title is kept, never dropped", "[layout]") {
  const std::string lead =
      "本期导读：本期聚焦地方产业政策和企业扩产动态，欢迎读者来信交流。";
  Segmented s = Segment({lead, "", kTitle1, "", kP1, "", "（执笔：于某）", "",
                         kTitle2, "", kP3, "", "（执笔：王某）"});
  CHECK(s.AllText().find(lead) != std::string::npos);
  CHECK(s.WithTitle(kTitle1) != nullptr);
  CHECK(s.WithTitle(kTitle2) != nullptr);
}

TEST_CASE("Text before any title in a PDF layout is kept", "[layout]") {
  std::vector<std::string> d = Wrap(kP4);
  d.push_back("");
  std::vector<std::string> rest = PdfIssue();
  d.insert(d.end(), rest.begin() + 3, rest.end());  // without the masthead
  Segmented s = Segment(d);
  CHECK(s.AllText().find(kP4) != std::string::npos);
  CHECK(s.WithTitle(kTitle1) != nullptr);
}

TEST_CASE("Articles carry their source lines", "[layout]") {
  Segmented s = Segment({"", kTitle1, "", kP1, "", kP2, "", "（执笔：于某）",
                         "", kTitle2, "", kP3, "", "（执笔：王某）"});
  REQUIRE(s.articles.size() == 2);
  const Article& a = s.articles[0];
  CHECK(a.line == 2);
  CHECK(a.title_line == 2);
  CHECK(a.end_line == 8);
  CHECK(a.index == 1);
  CHECK(a.path == "test.txt");
  const Article& b = s.articles[1];
  CHECK(b.line == 10);
  CHECK(b.end_line == 14);
  CHECK(b.index == 2);
}

TEST_CASE("Body anchors map text back to input lines and columns", "[layout]") {
  Segmented s = Segment(PdfIssue());
  REQUIRE_FALSE(s.articles.empty());
  const Article& a = s.articles[0];
  // The body starts on line 6 (after masthead, title and blank lines).
  Anchor first = a.body.Locate(0);
  CHECK(first.line == 6);
  CHECK(first.col == 1);
  // Code point 30 is the first of the second wrapped line.
  Anchor second = a.body.Locate(30);
  CHECK(second.line == 7);
  CHECK(second.col == 1);
  CHECK(a.body.length == CodePoints(a.body.text));
  Anchor t = a.title.Locate(2);
  CHECK(t.line == 4);
  CHECK(t.col == 3);
}

TEST_CASE(
    "Input with leading ideographic spaces keeps columns in code "
    "points",
    "[layout]") {
  Segmented s =
      Segment({kTitle1, "", "\u3000\u3000" + kP1, "", "（执笔：于某）"});
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].body.text == kP1);
  CHECK(s.articles[0].body.Locate(0).col == 3);
}

// --- Helpers --------------------------------------------------------------

TEST_CASE("CodePoints counts code points, not bytes", "[layout]") {
  CHECK(CodePoints("") == 0);
  CHECK(CodePoints("abc") == 3);
  CHECK(CodePoints("芯片") == 2);
  CHECK(CodePoints("𠮷a") == 2);
}

TEST_CASE("DisplayWidth counts wide characters twice", "[layout]") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("芯片") == 4);
  CHECK(DisplayWidth("２８ｎｍ") == 8);
  CHECK(DisplayWidth("28 纳米") == 7);
}

}  // namespace
}  // namespace bulletin

namespace bulletin {
namespace {

TEST_CASE("Numbered titles open articles after a section or a byline",
          "[layout][regress]") {
  Segmented s = Segment({"【政策动态】", "", "1. 星河公司公布新一期扩产计划", "",
                         "星河公司宣布投入新的资金建设产线，预计明年投产。", "",
                         "（编译：张某）", "", "2. 北辰研究院发布年度报告", "",
                         "报告指出，行业整体保持增长。", "", "一、主要发现", "",
                         "增长主要来自先进制程。", "", "（编译：李某）"});
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].title.text == "1. 星河公司公布新一期扩产计划");
  CHECK(s.articles[1].title.text == "2. 北辰研究院发布年度报告");
  // Inside an article an enumerated line stays a sub-heading of the body.
  CHECK(s.articles[1].body.text.find("一、主要发现") != std::string::npos);
  CHECK(s.articles[1].authors == std::vector<std::string>{"李某"});
}

// --- Text without an end -------------------------------------------------

// Counts the diagnostics of one rule.
int CountRule(const Segmented& s, const std::string& rule) {
  int n = 0;
  for (const auto& d : s.diags) n += d.rule == rule;
  return n;
}

// Every character but the line breaks the segmenter may add between
// paragraphs.
std::string WithoutNewlines(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '\n'), s.end());
  return s;
}

TEST_CASE("A hard-wrapped paragraph that never ends is cut at a line break",
          "[layout]") {
  std::string text;
  while (text.size() < 3 * kMaxParagraphBytes) text += "数据显示产能继续增长，";
  std::vector<std::string> doc = {kTitle1, ""};
  Add(&doc, Wrap(text));
  Segmented s = Segment(doc);
  CHECK(s.stats.split_paragraphs >= 2);
  CHECK(CountRule(s, "segment.long-paragraph") == s.stats.split_paragraphs);
  REQUIRE_FALSE(s.articles.empty());
  CHECK(s.articles[0].title.text == kTitle1);
  std::string bodies;
  for (const auto& a : s.articles) bodies += a.body.text;
  for (size_t p = 0, q; p < bodies.size(); p = q + 1) {
    q = bodies.find('\n', p);
    if (q == std::string::npos) q = bodies.size();
    CHECK(q - p <= kMaxParagraphBytes);
  }
  CHECK(WithoutNewlines(bodies) == text);  // nothing lost, nothing added
}

TEST_CASE("Text with no article boundary is cut into records of bounded size",
          "[layout]") {
  std::vector<std::string> doc;
  size_t total = 0;
  std::string all;
  while (total < 3 * kMaxArticleBytes) {
    doc.push_back(kP1 + kP2 + kP3);
    doc.push_back("");
    all += kP1 + kP2 + kP3;
    total += doc[doc.size() - 2].size();
  }
  Segmented s = Segment(doc);
  CHECK(s.articles.size() >= 3);
  CHECK(s.stats.split_articles == static_cast<int>(s.articles.size()) - 1);
  CHECK(CountRule(s, "segment.long-article") == s.stats.split_articles);
  std::string bodies;
  for (const auto& a : s.articles) {
    CHECK(a.body.text.size() <= kMaxArticleBytes);
    bodies += a.body.text;
  }
  CHECK(WithoutNewlines(bodies) == all);
  // Lines of the input stay where they were: each record starts where the
  // one before it ended.
  for (size_t i = 1; i < s.articles.size(); ++i)
    CHECK(s.articles[i].line > s.articles[i - 1].end_line);
}

}  // namespace
}  // namespace bulletin

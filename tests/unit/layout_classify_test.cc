// The line classifier (ClassifyLine, src/layout_internal.h) as a table: a
// line, the line after it and the page's state, and what the line is.
// Every line here was written for this test.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "layout_internal.h"
#include "layout_rules.h"

namespace bulletin {
namespace {

const LayoutRules::Impl& Rules() {
  return testing::BuiltinLayoutRules().impl();
}

Line L(const std::string& text) {
  InputLine in;
  in.number = 1;
  in.text = text;
  return MakeLine(std::move(in));
}

struct Case {
  const char* line;
  const char* next;   // "" for none
  const char* state;  // letters: f in footnote, s separator seen, t page top,
                      // c in a TOC, w wrapped at 80, e early (content < 3)
  const char* section;  // current section, "" for none
  LineRole role;
  bool is_section;
};

const Case kCases[] = {
    // Page footers and the numbers that are footnote marks.
    {"- 7 -", "", "", "", LineRole::kPageNumber, false},
    {"第 4 页，共 9 页", "", "", "", LineRole::kPageNumber, false},
    {"12", "下一段正文从这里接着写下去。", "", "", LineRole::kPageNumber, false},
    {"3", "https://example.org/notes/three", "s", "", LineRole::kContent,
     false},
    {"3", "https://example.org/notes/three", "", "", LineRole::kPageNumber,
     false},
    // A short line just above a page number is a running header ...
    {"海湾能源观察", "8", "", "", LineRole::kHeader, false},
    // ... unless it ends a sentence, or is a section heading of its own.
    {"会议到此结束。", "8", "", "", LineRole::kContent, false},
    {"政策动态", "8", "", "", LineRole::kContent, true},
    {"政策动态", "8", "", "政策动态", LineRole::kHeader, true},
    // The current section's name at a page top is its running header.
    {"政策动态", "一段正文。", "t", "政策动态", LineRole::kSectionHeader,
     true},
    {"政策动态", "一段正文。", "", "政策动态", LineRole::kContent, true},
    {"政策动态", "一段正文。", "t", "", LineRole::kContent, true},
    // Header patterns: an issue line at a page top or early.
    {"2031年第5期", "一段正文。", "t", "", LineRole::kHeader, false},
    // A bulletin's name with its issue and running total on one line.
    {"海湾能源快报　第 8 期（总第 77 期）", "一段正文。", "t", "",
     LineRole::kHeader, false},
    {"海灣能源週報 第 8 期(總第 77 期)", "一段正文。", "t", "",
     LineRole::kHeader, false},
    {"2031年第5期", "一段正文。", "e", "", LineRole::kHeader, false},
    {"内部资料", "一段正文。", "e", "", LineRole::kHeader, false},
    // Colophon lines wherever they stand.
    {"抄送：各成员单位办公室", "", "", "", LineRole::kColophon, false},
    {"责任编辑：周立言", "", "", "", LineRole::kColophon, false},
    // The table of contents: heading, entries, section lines.
    {"目录", "", "", "", LineRole::kTocHeading, false},
    {"海上风电并网提速……………3", "", "", "", LineRole::kTocEntry, false},
    {"海外纵览", "储能电站集中投运……5", "c", "", LineRole::kTocSection,
     false},
    {"海外纵览", "储能电站集中投运……5", "", "", LineRole::kContent, false},
    // Body text stays content; a full line is no header above a number.
    {"海上风电项目今年已有三座并网发电，另有两座正在调试",
     "9", "w", "", LineRole::kContent, false},
    {"这是一句普通的正文，讲述一座新建电站的情况。", "", "", "",
     LineRole::kContent, false},
};

TEST_CASE("ClassifyLine: the table of line kinds", "[layout][classify]") {
  for (const Case& k : kCases) {
    Line l = L(k.line);
    Line next = L(k.next);
    std::string section = k.section;
    std::set<std::string> none;
    LineContext ctx;
    ctx.next = *k.next ? &next : nullptr;
    std::string st = k.state;
    ctx.in_footnote = st.find('f') != std::string::npos;
    ctx.separator_seen = st.find('s') != std::string::npos;
    ctx.page_top = st.find('t') != std::string::npos;
    ctx.in_toc = st.find('c') != std::string::npos;
    ctx.wrap_width = st.find('w') != std::string::npos ? 52 : 0;
    ctx.content_lines = st.find('e') != std::string::npos ? 0 : 10;
    ctx.section = section.empty() ? nullptr : &section;
    ctx.seen_headers = &none;
    ctx.toc_sections = &none;
    LineClass c = ClassifyLine(Rules(), l, ctx);
    INFO(std::string(k.line) + " | next: " + k.next + " | state: " + st);
    CHECK(static_cast<int>(c.role) == static_cast<int>(k.role));
    if (c.role == LineRole::kContent) CHECK(c.is_section == k.is_section);
  }
}

TEST_CASE("ClassifyLine: a line seen as a header is one again",
          "[layout][classify]") {
  std::set<std::string> seen = {"海湾能源观察"};
  std::set<std::string> none;
  Line l = L("海湾能源观察");
  LineContext ctx;
  ctx.content_lines = 10;
  ctx.seen_headers = &none;
  ctx.toc_sections = &none;
  CHECK(ClassifyLine(Rules(), l, ctx).role == LineRole::kContent);
  ctx.seen_headers = &seen;
  CHECK(ClassifyLine(Rules(), l, ctx).role == LineRole::kHeader);
}

TEST_CASE("ClassifyLine: a TOC entry's title and a TOC section",
          "[layout][classify]") {
  std::set<std::string> none, toc = {"海外纵览"};
  LineContext ctx;
  ctx.content_lines = 10;
  ctx.seen_headers = &none;
  ctx.toc_sections = &none;
  LineClass c = ClassifyLine(Rules(), L("海上风电并网提速 ........ 12"), ctx);
  CHECK(c.role == LineRole::kTocEntry);
  CHECK(c.toc_entry == "海上风电并网提速");
  // The entry as printed, full-width enumeration and all (the pattern reads
  // the line width-folded).
  LineClass e = ClassifyLine(Rules(), L("（二）港口岸电改造全面铺开……７"), ctx);
  CHECK(e.role == LineRole::kTocEntry);
  CHECK(e.toc_entry == "（二）港口岸电改造全面铺开");
  CHECK_FALSE(ClassifyLine(Rules(), L("海外纵览"), ctx).is_section);
  ctx.toc_sections = &toc;
  LineClass s = ClassifyLine(Rules(), L("海外纵览"), ctx);
  CHECK(s.is_section);
  CHECK(s.section_name == "海外纵览");
}

}  // namespace
}  // namespace bulletin

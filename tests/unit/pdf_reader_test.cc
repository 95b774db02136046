// The PDF front end (src/pdf/pdf_reader.h) on the small PDFs of tests/pdf
// (made by tests/pdf/make-pdf.py from the .bul sources beside them) and on
// bad ones made here: lines in reading order with their page and what the
// page shows of them, and a readable status for a file that is no PDF, is
// truncated, encrypted or has no text. Built without poppler, the reader
// says so for every input (src/pdf/pdf_none.cc).
#include "pdf/pdf_reader.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "test_dirs.h"

namespace bulletin {
namespace {

std::string PdfPath(const std::string& name) {
  return std::string(PDF_TESTS_DIR) + "/" + name;
}

struct Read {
  std::vector<InputLine> lines;
  std::vector<Diagnostic> diags;
  Status status;
  int pages = 0;

  // The index of the first line whose text starts with `prefix`; -1 if none.
  int Find(const std::string& prefix) const {
    for (size_t i = 0; i < lines.size(); ++i)
      if (lines[i].text.rfind(prefix, 0) == 0) return static_cast<int>(i);
    return -1;
  }
  std::vector<std::string> Rules() const {
    std::vector<std::string> out;
    for (const auto& d : diags) out.push_back(d.rule);
    return out;
  }
};

// Every line of `path` (`head`: the bytes already read of stdin, for "-").
Read ReadPdf(const std::string& path, const std::string& head = "") {
  Read r;
  PdfReader reader(path, head,
                   [&](const Diagnostic& d) { r.diags.push_back(d); });
  InputLine l;
  while (reader.Next(&l)) r.lines.push_back(l);
  CHECK_FALSE(reader.Next(&l));  // the end stays the end
  r.status = reader.status();
  r.pages = reader.pages();
  return r;
}

#if BULLETIN_HAVE_PDF

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST_CASE("PdfReader hands out lines numbered from 1 with their pages",
          "[pdf]") {
  CHECK(PdfSupported());
  Read r = ReadPdf(PdfPath("two-sections.pdf"));
  CHECK(r.status.ok());
  CHECK(r.pages == 2);
  REQUIRE(r.lines.size() > 20);
  int breaks = 0;
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const InputLine& l = r.lines[i];
    INFO("line " << i + 1 << ": " << l.text);
    CHECK(l.number == static_cast<int>(i) + 1);
    CHECK_FALSE(l.text.empty());
    CHECK(l.text.back() != ' ');
    if (i > 0) CHECK(l.page >= r.lines[i - 1].page);
    // page_break on the first line of every page after the first.
    bool first_of_page = i > 0 && l.page != r.lines[i - 1].page;
    CHECK(l.page_break == first_of_page);
    breaks += l.page_break;
  }
  CHECK(r.lines.front().page == 1);
  CHECK(r.lines.back().page == 2);
  CHECK(breaks == 1);
  CHECK(r.diags.empty());
}

struct KindCase {
  const char* pdf;
  const char* line;  // the start of its text
  LineKind kind;
  bool para_start;
};

TEST_CASE("PdfReader tells each line's kind from the page's typography",
          "[pdf]") {
  const KindCase rows[] = {
      // A running header on both pages, page numbers at the bottom.
      {"two-sections.pdf", "集成电路产业观察 第 7 期", LineKind::kFurniture,
       false},
      {"two-sections.pdf", "— 2 —", LineKind::kFurniture, false},
      // A larger heading right above a title is a section.
      {"two-sections.pdf", "政策动态", LineKind::kSection, true},
      {"two-sections.pdf", "欧盟拟扩大先进封装研发补贴", LineKind::kTitle,
       true},
      {"two-sections.pdf", "欧盟委员会近日公布", LineKind::kBody, true},
      {"two-sections.pdf", "的先进封装和芯粒集成研发项目", LineKind::kBody,
       false},
      {"two-sections.pdf", "（执笔：周晓明）", LineKind::kBody, true},
      // Small type at the page bottom below a gap: the notes.
      {"two-sections.pdf", "1 欧盟委员会. 先进封装研发计划征求意见稿.",
       LineKind::kFootnote, false},
      {"two-sections.pdf", "2 欧洲半导体行业协会.", LineKind::kFootnote, false},
      // A table of contents is furniture, entries and sections alike.
      {"p1-water.pdf", "2. 三省签署跨界河流生态补偿协议", LineKind::kFurniture,
       true},
      {"p1-water.pdf", "二、企业动向", LineKind::kFurniture, true},
      // One page only: no running header to repeat, the masthead is text.
      {"columns.pdf", "科技政策简报 2026 年第 3 期", LineKind::kBody, true},
  };
  for (const KindCase& k : rows) {
    INFO(k.pdf << ": " << k.line);
    Read r = ReadPdf(PdfPath(k.pdf));
    int i = r.Find(k.line);
    REQUIRE(i >= 0);
    CHECK(static_cast<int>(r.lines[i].kind) == static_cast<int>(k.kind));
    CHECK(r.lines[i].para_start == k.para_start);
  }
}

TEST_CASE("PdfReader reads two columns one after the other", "[pdf]") {
  Read r = ReadPdf(PdfPath("columns.pdf"));
  CHECK(r.status.ok());
  std::vector<int> at;
  for (const char* t :
       {"国际观察", "美国国家科学基金会调整芯片人才计", "划",
        "美国国家科学基金会宣布", "（执笔：孙婷）", "韩国推出半导体集群",
        "（执笔：金海燕）", "印度首座封装测试工厂投产", "先保障。", "研究前沿",
        "新型二维材料晶体管取得进展", "（执笔：郑凯）", "1 美国国家科学基金会.",
        "— 1 —"}) {
    INFO(t);
    at.push_back(r.Find(t));
    CHECK(at.back() >= 0);
  }
  for (size_t i = 1; i < at.size(); ++i) {
    INFO("item " << i);
    CHECK(at[i] > at[i - 1]);
  }
  // The title's wrapped end and the body's first line follow it directly.
  CHECK(at[2] == at[1] + 1);
  CHECK(at[3] == at[2] + 1);
}

TEST_CASE("PdfReader reads stdin through a spooled copy it removes", "[pdf]") {
  Read file = ReadPdf(PdfPath("columns.pdf"));
  testing::ScratchDir tmp({});
  std::string pdf = Slurp(PdfPath("columns.pdf"));
  std::string in_path = tmp.path() + "/in.pdf";
  std::ofstream(in_path, std::ios::binary) << pdf;
  REQUIRE(std::freopen(in_path.c_str(), "rb", stdin) != nullptr);
  std::string head(100, '\0');
  REQUIRE(std::fread(&head[0], 1, head.size(), stdin) == head.size());
  const char* old = std::getenv("TMPDIR");
  std::string saved = old ? old : "";
  setenv("TMPDIR", tmp.path().c_str(), 1);
  Read r = ReadPdf("-", head);
  if (old)
    setenv("TMPDIR", saved.c_str(), 1);
  else
    unsetenv("TMPDIR");
  std::freopen("/dev/null", "rb", stdin);
  CHECK(r.status.ok());
  REQUIRE(r.lines.size() == file.lines.size());
  for (size_t i = 0; i < r.lines.size(); ++i) {
    CHECK(r.lines[i].text == file.lines[i].text);
    CHECK(r.lines[i].kind == file.lines[i].kind);
  }
  // Only the input is left in the directory: the spool is gone.
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
    left.push_back(e.path().filename().string());
  CHECK(left == std::vector<std::string>{"in.pdf"});
}

// Text drawn on a page: at x, y points from the page's top left, in
// Courier (each character 0.6 times the size wide) or Courier-Bold.
struct Text {
  double x, y, size;
  bool bold;
  std::string text;  // Latin-1
};

// A PDF of A4 pages holding `pages`' text (a page with none is as an
// image-only scan).
std::string MakePdf(const std::vector<std::vector<Text>>& pages) {
  std::vector<std::string> objs = {
      "<< /Type /Catalog /Pages 2 0 R >>", "",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold >>"};
  std::string kids;
  for (const auto& page : pages) {
    std::string content;
    for (const Text& t : page) {
      std::string esc;
      for (char c : t.text) {
        if (c == '(' || c == ')' || c == '\\') esc += '\\';
        esc += c;
      }
      content += "BT /F" + std::string(t.bold ? "2 " : "1 ") +
                 std::to_string(t.size) + " Tf " + std::to_string(t.x) + " " +
                 std::to_string(842 - t.y) + " Td (" + esc + ") Tj ET\n";
    }
    size_t n = objs.size() + 1;  // this page's object number
    objs.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
        "/Font << /F1 3 0 R /F2 4 0 R >> >> /Contents " +
        std::to_string(n + 1) + " 0 R >>");
    objs.push_back("<< /Length " + std::to_string(content.size()) +
                   " >>\nstream\n" + content + "endstream");
    kids += std::to_string(n) + " 0 R ";
  }
  objs[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " +
            std::to_string(pages.size()) + " >>";
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offs;
  for (size_t i = 0; i < objs.size(); ++i) {
    offs.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out +=
      "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  char row[32];
  for (size_t o : offs) {
    std::snprintf(row, sizeof row, "%010zu 00000 n \n", o);
    out += row;
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// Two pages of a made-up weekly in Courier: body at 10 points, 50
// characters (300 points) to a full line.
std::vector<std::vector<Text>> Weekly() {
  return {{
              {72, 60, 9, false, "Harbour Energy Weekly"},
              {72, 110, 16, false, "Offshore wind connects"},
              {72, 140, 10, true, "Grid news"},
              {72, 160, 10, false,
               "The new wind farm off the coast delivered power to"},
              {72, 171, 10, false,
               "the regional grid on Monday after a year of works,"},
              {72, 182, 10, false, "on its foundations and cables."},
              {72, 193, 10, false,
               "The full report is at https://example.org/reports/"},
              {72, 204, 10, false,
               "offshore-wind-connection-2031.html in full online."},
              {84, 215, 10, false,
               "A third paragraph, indented, runs on to the edge"},
              {72, 226, 10, false, "of the column and then ends."},
              {72, 700, 8, false, "1See the statement of the operator."},
              {72, 712, 8, false, "2 https://example.org/notes/two"},
              {72, 724, 8, false, "3Figures are provisional."},
              {290, 800, 9, false, "- 1 -"},
          },
          {
              {72, 60, 9, false, "Harbour Energy Weekly"},
              {72, 100, 20, false, "Markets"},
              {72, 130, 16, false, "Storage plant opens"},
              {72, 160, 10, false, "The storage plant opened on Tuesday."},
              {72, 300, 8, false, "Editor: Anna Lee, Harbour Energy Weekly"},
              {290, 800, 9, false, "- 2 -"},
          }};
}

struct DrawnCase {
  const char* line;  // its whole text
  LineKind kind;
  bool para_start;
};

TEST_CASE(
    "PdfReader on drawn pages: kinds, paragraphs, URLs and note "
    "numbers",
    "[pdf]") {
  testing::ScratchDir dir({{"weekly.pdf", MakePdf(Weekly())}});
  Read r = ReadPdf(dir.path() + "/weekly.pdf");
  REQUIRE(r.status.ok());
  CHECK(r.pages == 2);
  const DrawnCase rows[] = {
      {"Harbour Energy Weekly", LineKind::kFurniture, false},
      {"Offshore wind connects", LineKind::kTitle, true},
      {"Grid news", LineKind::kHeading, true},  // bold at body size
      {"The new wind farm off the coast delivered power to", LineKind::kBody,
       true},
      {"the regional grid on Monday after a year of works,", LineKind::kBody,
       false},
      {"on its foundations and cables.", LineKind::kBody, false},
      // After a short line; the URL cut at the line's end goes on in it.
      // (Its second line is full: the next paragraph starts by its indent.)
      {"The full report is at https://example.org/reports/"
       "offshore-wind-connection-2031.html in full online.",
       LineKind::kBody, true},
      {"A third paragraph, indented, runs on to the edge", LineKind::kBody,
       true},
      {"of the column and then ends.", LineKind::kBody, false},
      // A note's number printed against its text is set apart.
      {"1 See the statement of the operator.", LineKind::kFootnote, false},
      {"2 https://example.org/notes/two", LineKind::kFootnote, false},
      // ... also after one printed apart (it was left glued).
      {"3 Figures are provisional.", LineKind::kFootnote, false},
      {"- 1 -", LineKind::kFurniture, false},
      {"Markets", LineKind::kSection, true},
      {"Storage plant opens", LineKind::kTitle, true},
      {"The storage plant opened on Tuesday.", LineKind::kBody, true},
      // Small type after the last text of the last page: the colophon.
      {"Editor: Anna Lee, Harbour Energy Weekly", LineKind::kFurniture, true},
      {"- 2 -", LineKind::kFurniture, false},
  };
  REQUIRE(r.lines.size() == std::size(rows) + 1);  // the header twice
  size_t k = 0;
  for (const InputLine& l : r.lines) {
    if (l.text == "Harbour Energy Weekly" && k > 0) {
      CHECK(l.page_break);
      CHECK(l.kind == LineKind::kFurniture);
      continue;
    }
    const DrawnCase& row = rows[k++];
    INFO("line " << l.number << ": " << l.text);
    CHECK(l.text == row.line);
    CHECK(static_cast<int>(l.kind) == static_cast<int>(row.kind));
    CHECK(l.para_start == row.para_start);
  }
}

// A line of a column in the drawn pages: 30 characters (180 points at 10).
std::string ColumnLine(const std::string& column, int n) {
  std::string t = column + " column, line " + std::to_string(n) + " ";
  t.resize(30, '.');
  return t;
}

struct ColumnCase {
  const char* what;
  int left_rows, right_rows;
  double after_y;  // a left line below both, 0 for none
  std::vector<std::string> order;
};

TEST_CASE("PdfReader on drawn pages: columns read one after the other",
          "[pdf]") {
  const std::string title = "Two columns of news from the harbour";
  const std::string across = "A closing line runs across both of the columns.";
  auto L = [](int n) { return ColumnLine("Left", n); };
  auto R = [](int n) { return ColumnLine("Right", n); };
  const ColumnCase rows[] = {
      {"balanced columns between lines that cross the gutter",
       4,
       4,
       0,
       {title, L(1), L(2), L(3), L(4), R(1), R(2), R(3), R(4), across}},
      // The left column goes on below the right one's end without a gap:
      // it is still the left column.
      {"a longer left column",
       5,
       3,
       0,
       {title, L(1), L(2), L(3), L(4), L(5), R(1), R(2), R(3), across}},
      // A left line below both after a gap is read after the right one.
      {"a left line after a gap",
       4,
       4,
       230,
       {title, L(1), L(2), L(3), L(4), R(1), R(2), R(3), R(4), L(9), across}},
  };
  for (const ColumnCase& c : rows) {
    INFO(c.what);
    std::vector<Text> page = {{72, 100, 16, false, title}};
    for (int i = 0; i < c.left_rows; ++i)
      page.push_back({72, 140.0 + 11 * i, 10, false, L(i + 1)});
    for (int i = 0; i < c.right_rows; ++i)
      page.push_back({312, 140.0 + 11 * i, 10, false, R(i + 1)});
    if (c.after_y > 0) page.push_back({72, c.after_y, 10, false, L(9)});
    page.push_back({72, 300, 10, false, across});
    testing::ScratchDir dir({{"columns.pdf", MakePdf({page})}});
    Read r = ReadPdf(dir.path() + "/columns.pdf");
    std::vector<std::string> order;
    for (const auto& l : r.lines) order.push_back(l.text);
    CHECK(order == c.order);
  }
}

TEST_CASE(
    "PdfReader on drawn pages: a running header that names the "
    "section changes its text, not its place",
    "[pdf]") {
  std::vector<std::vector<Text>> pages;
  for (const char* header :
       {"Weekly: Markets", "Weekly: Markets", "Weekly: Grid", "Weekly: Grid"}) {
    pages.push_back({{72, 60, 9, false, header},
                     {72, 110, 16, false, "A title of the page"},
                     {72, 160, 10, false, ColumnLine("Body", 1)},
                     {72, 171, 10, false, ColumnLine("Body", 2)}});
  }
  // The last page's header is new, and where it stood before.
  pages.back()[0].text = "Weekly: Storage";
  testing::ScratchDir dir({{"headers.pdf", MakePdf(pages)}});
  Read r = ReadPdf(dir.path() + "/headers.pdf");
  int headers = 0;
  for (const auto& l : r.lines) {
    if (l.text.rfind("Weekly: ", 0) != 0) continue;
    INFO("page " << l.page << ": " << l.text);
    CHECK(l.kind == LineKind::kFurniture);
    ++headers;
  }
  CHECK(headers == 4);
  // Text in another size (the body's) where a header stood is not one.
  pages.back()[0].size = 10;
  testing::ScratchDir dir2({{"headers.pdf", MakePdf(pages)}});
  Read big = ReadPdf(dir2.path() + "/headers.pdf");
  REQUIRE_FALSE(big.lines.empty());
  const InputLine& last = big.lines[big.Find("Weekly: Storage")];
  CHECK(last.kind != LineKind::kFurniture);
}

struct BadCase {
  const char* what;
  std::string bytes;  // written to a scratch file; "" for encrypted.pdf
  const char* message;
  std::vector<std::string> rules;  // diagnostics besides the status
};

TEST_CASE("PdfReader refuses a file it cannot read, saying why", "[pdf]") {
  const std::string pdf = Slurp(PdfPath("two-sections.pdf"));
  REQUIRE(pdf.size() > 20000);
  const BadCase rows[] = {
      {"not a PDF", "just text, with a .pdf name\n", "not a readable PDF", {}},
      {"empty", "", "not a readable PDF", {}},
      {"only the signature", "%PDF-1.7\n", "not a readable PDF", {}},
      {"truncated", pdf.substr(0, 20000), "not a readable PDF", {}},
      {"encrypted", "", "encrypted PDF", {}},
      {"no text",
       MakePdf({{}}),
       "no text on any of its 1 pages",
       {"decode.pdf-no-text"}},
  };
  for (const BadCase& b : rows) {
    INFO(b.what);
    testing::ScratchDir dir({{"bad.pdf", b.bytes}});
    std::string path = std::string(b.what) == "encrypted"
                           ? PdfPath("encrypted.pdf")
                           : dir.path() + "/bad.pdf";
    Read r = ReadPdf(path);
    CHECK(r.lines.empty());
    CHECK(r.status.code == StatusCode::kBadInput);
    CHECK(r.status.file == path);
    CHECK(r.status.message.find(b.message) != std::string::npos);
    CHECK(r.Rules() == b.rules);
  }
  Read missing = ReadPdf("/nonexistent/dir/none.pdf");
  CHECK(missing.status.code == StatusCode::kBadInput);
  CHECK(missing.pages == 0);
}

TEST_CASE("PdfReader reads a damaged PDF it can repair, with a warning",
          "[pdf]") {
  // The cross-reference table's offset points nowhere: poppler rebuilds it.
  std::string pdf = Slurp(PdfPath("columns.pdf"));
  size_t at = pdf.rfind("startxref\n");
  REQUIRE(at != std::string::npos);
  pdf = pdf.substr(0, at) + "startxref\n99\n%%EOF\n";
  testing::ScratchDir dir({{"damaged.pdf", pdf}});
  Read r = ReadPdf(dir.path() + "/damaged.pdf");
  CHECK(r.status.ok());
  CHECK(r.Find("美国国家科学基金会调整芯片人才计") >= 0);
  REQUIRE(r.Rules() == std::vector<std::string>{"decode.pdf-damaged"});
  CHECK(r.diags[0].severity == Severity::kWarning);
  CHECK(r.diags[0].path == dir.path() + "/damaged.pdf");
}

#else  // built without poppler

TEST_CASE("Without the PDF front end every PDF is refused, saying so",
          "[pdf]") {
  CHECK_FALSE(PdfSupported());
  Read r = ReadPdf(PdfPath("columns.pdf"));
  CHECK(r.lines.empty());
  CHECK(r.pages == 0);
  CHECK(r.status.code == StatusCode::kBadInput);
  CHECK(r.status.file == PdfPath("columns.pdf"));
  CHECK(r.status.message.find("built without the PDF front end") !=
        std::string::npos);
}

#endif

}  // namespace
}  // namespace bulletin

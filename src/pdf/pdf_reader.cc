// The PDF front end on poppler-cpp (see pdf_reader.h for the method).
#include "pdf/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <set>
#include <vector>

#include "text_util.h"

namespace bulletin {

bool PdfSupported() { return true; }

namespace {

// poppler reports problems of the file (and repairs it where it can) through
// a global callback; they are counted per document, not printed.
int g_poppler_errors = 0;
void CountPopplerError(const std::string&, void*) { ++g_poppler_errors; }

struct Box {
  std::string text;
  double x0, y0, x1, y1, fs;
  bool bold, space;
  int chars;
};

struct PLine {
  std::string text;
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  double fs = 0;  // the size most of its characters have
  bool bold = false;
  int chars = 0;
  std::map<double, int> sizes;  // font size -> characters
  int bold_chars = 0;
  bool last_space = false;
  LineKind kind = LineKind::kBody;
  bool para_start = false;
  int block = 0;
  double h() const { return y1 - y0; }
};

struct Page {
  int number = 0;
  double width = 0, height = 0;
  std::vector<PLine> lines;  // in reading order once classified
  std::set<std::string> top_sigs, bottom_sigs;  // band texts, digits folded
};

std::string Utf8(const poppler::ustring& u) {
  auto v = u.to_utf8();
  return std::string(v.data(), v.size());
}

bool BoldName(const std::string& name) {
  std::string n;
  for (char c : name) n.push_back(static_cast<char>(std::tolower(c)));
  for (const char* w : {"bold", "black", "heavy", "semibold", "demi"})
    if (n.find(w) != std::string::npos) return true;
  return false;
}

// The text of a band line with digits and blanks folded, so that "— 3 —"
// and "— 4 —" (or a header with the page number in it) look the same.
std::string Signature(const std::string& text) {
  std::string s;
  for (char32_t c : ToCodePoints(FoldWidth(text))) {
    if (c == ' ' || c == 0x3000) continue;
    if (c >= '0' && c <= '9') {
      if (s.empty() || s.back() != '#') s.push_back('#');
      continue;
    }
    AppendUtf8(c, &s);
  }
  return s;
}

// An x range no line of `lines` (indices into `all`) crosses, between their
// leftmost and rightmost extent, at least `min_width` wide: the widest one.
bool Gutter(const std::vector<PLine>& all, const std::vector<int>& lines,
            double min_width, double* at) {
  if (lines.size() < 2) return false;
  std::vector<std::pair<double, double>> iv;
  iv.reserve(lines.size());
  for (int i : lines) iv.push_back({all[i].x0, all[i].x1});
  std::sort(iv.begin(), iv.end());
  double reach = iv[0].second, best = 0;
  for (size_t k = 1; k < iv.size(); ++k) {
    double gap = iv[k].first - reach;
    if (gap >= min_width && gap > best) {
      best = gap;
      *at = reach + gap / 2;
    }
    reach = std::max(reach, iv[k].second);
  }
  return best > 0;
}

// Appends the reading-order blocks of `region` to *blocks.
void OrderRegion(const std::vector<PLine>& all, std::vector<int> region,
                 double body_fs, std::vector<std::vector<int>>* blocks) {
  std::sort(region.begin(), region.end(), [&](int a, int b) {
    return all[a].y0 != all[b].y0 ? all[a].y0 < all[b].y0
                                  : all[a].x0 < all[b].x0;
  });
  double min_gutter = 0.8 * body_fs;
  if (region.size() > 3000) {  // no column analysis for pathological pages
    blocks->push_back(region);
    return;
  }
  // Bands: runs of lines that overlap vertically.
  std::vector<std::vector<int>> bands;
  double bottom = -1e9;
  for (int i : region) {
    const PLine& l = all[i];
    if (bands.empty() || l.y0 > bottom - 0.2 * l.h()) {
      bands.emplace_back();
      bottom = l.y1;
    }
    bands.back().push_back(i);
    bottom = std::max(bottom, l.y1);
  }
  // Groups of bands with one column structure.
  std::vector<std::vector<int>> groups;
  double at;
  for (auto& band : bands) {
    if (groups.empty()) {
      groups.push_back(band);
      continue;
    }
    std::vector<int>& g = groups.back();
    std::vector<int> u = g;
    u.insert(u.end(), band.begin(), band.end());
    bool g_cols = Gutter(all, g, min_gutter, &at);
    bool u_cols = Gutter(all, u, min_gutter, &at);
    bool merge;
    if (g_cols) {
      double g_bottom = -1e9, band_fs = 1e9;
      for (int i : g) g_bottom = std::max(g_bottom, all[i].y1);
      for (int i : band) band_fs = std::min(band_fs, all[i].fs);
      // A heading alone below every column starts what follows them.
      merge = u_cols && !(all[band[0]].y0 > g_bottom &&
                          band_fs > body_fs * 1.1);
    } else {
      merge = !u_cols;
    }
    if (merge)
      g.swap(u);
    else
      groups.push_back(band);
  }
  for (auto& g : groups) {
    if (g.size() > 1 && Gutter(all, g, min_gutter, &at)) {
      std::vector<int> left, right;
      for (int i : g) (all[i].x1 <= at ? left : right).push_back(i);
      if (!left.empty() && !right.empty()) {
        OrderRegion(all, left, body_fs, blocks);
        OrderRegion(all, right, body_fs, blocks);
        continue;
      }
    }
    blocks->push_back(g);
  }
}

}  // namespace

struct PdfReader::Impl {
  std::string path;
  DiagnosticSink sink;
  Status status;
  std::string spool;  // temporary copy of stdin, removed at the end
  std::unique_ptr<poppler::document> doc;
  int n_pages = 0;
  int next_extract = 0;  // 0-based index of the next page to extract
  std::deque<Page> window;  // extracted, not yet handed out
  size_t pos = 0;           // next line of window.front()
  bool front_ready = false;
  std::map<double, long> size_hist;  // font size -> characters, so far
  int line_number = 0;
  int text_pages = 0;
  // The last body line handed out: whether it ran to its column's right edge.
  bool prev_full = false;
  int fn_last = 0;  // the last footnote number seen
  std::unique_ptr<Page> prev_sigs;  // the page before the front one (no lines)

  void Fail(const std::string& m) {
    status = Status::Error(StatusCode::kBadInput, path, 0, 0, m);
  }
  void Warn(int page, const std::string& rule, const std::string& m) {
    if (!sink) return;
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.rule = rule;
    d.path = path;
    d.page = page;
    d.message = m;
    sink(d);
  }
  double BodySize() const {
    double best = 0;
    long n = -1;
    for (const auto& [fs, c] : size_hist)
      if (c > n) n = c, best = fs;
    return best > 0 ? best : 10;
  }
  bool Extract();  // the next page into the window; false at the end
  void Classify(Page* p, const Page* prev, const Page* next);
  void BuildLines(std::vector<Box>& boxes, Page* p);
};

void PdfReader::Impl::BuildLines(std::vector<Box>& boxes, Page* p) {
  std::sort(boxes.begin(), boxes.end(),
            [](const Box& a, const Box& b) { return a.x0 < b.x0; });
  std::vector<PLine>& lines = p->lines;
  for (Box& b : boxes) {
    PLine* best = nullptr;
    double best_gap = 1e9;
    for (PLine& l : lines) {
      double overlap = std::min(l.y1, b.y1) - std::max(l.y0, b.y0);
      if (overlap < 0.5 * std::min(l.h(), b.y1 - b.y0)) continue;
      double gap = b.x0 - l.x1;
      double fs = std::max(l.fs, b.fs);
      if (gap < -0.5 * fs || gap > 1.0 * fs) continue;
      if (gap < best_gap) best_gap = gap, best = &l;
    }
    if (!best) {
      lines.emplace_back();
      best = &lines.back();
    } else if (!best->text.empty() && best->text.back() != ' ' &&
               (best->last_space || best_gap > 0.25 * b.fs)) {
      best->text.push_back(' ');
    }
    PLine& l = *best;
    l.text += b.text;
    l.x0 = std::min(l.x0, b.x0);
    l.y0 = std::min(l.y0, b.y0);
    l.x1 = std::max(l.x1, b.x1);
    l.y1 = std::max(l.y1, b.y1);
    l.chars += b.chars;
    l.sizes[b.fs] += b.chars;
    if (b.bold) l.bold_chars += b.chars;
    l.last_space = b.space;
    int n = -1;
    for (const auto& [fs, c] : l.sizes)
      if (c > n) n = c, l.fs = fs;
  }
  for (PLine& l : lines) {
    while (!l.text.empty() && l.text.back() == ' ') l.text.pop_back();
    l.bold = l.bold_chars * 2 > l.chars;
    for (const auto& [fs, c] : l.sizes) size_hist[fs] += c;
  }
}

bool PdfReader::Impl::Extract() {
  if (next_extract >= n_pages) return false;
  int index = next_extract++;
  Page p;
  p.number = index + 1;
  std::unique_ptr<poppler::page> pg(doc->create_page(index));
  if (!pg) {
    Warn(p.number, "decode.pdf-page",
         "the page cannot be read (damaged file?); nothing extracted from it");
    window.push_back(std::move(p));
    return true;
  }
  poppler::rectf r = pg->page_rect();
  p.width = r.width();
  p.height = r.height();
  std::vector<Box> boxes;
  for (auto& tb : pg->text_list(poppler::page::text_list_include_font)) {
    std::string t = Utf8(tb.text());
    size_t b = t.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) continue;
    t = t.substr(b, t.find_last_not_of(" \t\r\n") - b + 1);
    poppler::rectf bb = tb.bbox();
    Box x;
    x.text = t;
    x.x0 = bb.x();
    x.y0 = bb.y();
    x.x1 = bb.x() + bb.width();
    x.y1 = bb.y() + bb.height();
    x.fs = tb.has_font_info() ? tb.get_font_size() : 0;
    if (x.fs <= 0) x.fs = bb.height() * 0.8;
    x.fs = std::round(x.fs * 2) / 2;  // half points: one size, not many
    x.bold = tb.has_font_info() && BoldName(tb.get_font_name());
    x.space = tb.has_space_after();
    x.chars = static_cast<int>(ToCodePoints(t).size());
    boxes.push_back(std::move(x));
  }
  pg.reset();
  if (boxes.empty()) {
    Warn(p.number, "decode.pdf-no-text",
         "the page has no text (an image-only page?); nothing extracted "
         "from it");
  } else {
    ++text_pages;
  }
  BuildLines(boxes, &p);
  // The top and bottom two rows, to find what repeats from page to page.
  std::vector<const PLine*> by_y;
  for (const auto& l : p.lines) by_y.push_back(&l);
  std::sort(by_y.begin(), by_y.end(),
            [](const PLine* a, const PLine* b) { return a->y0 < b->y0; });
  for (size_t i = 0; i < by_y.size() && i < 2; ++i) {
    if (by_y[i]->y1 < p.height * 0.15) p.top_sigs.insert(Signature(by_y[i]->text));
    const PLine* l = by_y[by_y.size() - 1 - i];
    if (l->y0 > p.height * 0.85) p.bottom_sigs.insert(Signature(l->text));
  }
  window.push_back(std::move(p));
  return true;
}

void PdfReader::Impl::Classify(Page* p, const Page* prev, const Page* next) {
  std::vector<PLine>& lines = p->lines;
  if (lines.empty()) return;
  double body = BodySize();
  // Furniture: a top or bottom row repeated on a neighbouring page.
  std::vector<int> by_y(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) by_y[i] = static_cast<int>(i);
  std::sort(by_y.begin(), by_y.end(),
            [&](int a, int b) { return lines[a].y0 < lines[b].y0; });
  auto repeats = [&](const std::string& sig, bool top) {
    for (const Page* o : {prev, next}) {
      if (!o) continue;
      if ((top ? o->top_sigs : o->bottom_sigs).count(sig)) return true;
    }
    return false;
  };
  for (size_t k = 0; k < by_y.size() && k < 2; ++k) {
    PLine& t = lines[by_y[k]];
    if (t.y1 < p->height * 0.15 && repeats(Signature(t.text), true))
      t.kind = LineKind::kFurniture;
    PLine& b = lines[by_y[by_y.size() - 1 - k]];
    if (b.y0 > p->height * 0.85 && repeats(Signature(b.text), false))
      b.kind = LineKind::kFurniture;
  }
  // Footnotes: smaller lines from the page bottom up, below a gap.
  std::vector<int> fn;
  double fn_top = 1e9;
  for (auto it = by_y.rbegin(); it != by_y.rend(); ++it) {
    PLine& l = lines[*it];
    if (l.kind == LineKind::kFurniture) continue;
    if (l.fs >= body * 0.92 || l.y0 < p->height * 0.5) {
      double gap = fn_top - l.y1;
      if (fn.empty() || gap < 0.5 * body) fn.clear();
      break;
    }
    fn.push_back(*it);
    fn_top = std::min(fn_top, l.y0);
  }
  for (int i : fn) lines[i].kind = LineKind::kFootnote;
  // Reading order of the rest.
  std::vector<int> main_lines, top, bottom, notes;
  for (int i : by_y) {
    if (lines[i].kind == LineKind::kFurniture)
      (lines[i].y0 < p->height / 2 ? top : bottom).push_back(i);
    else if (lines[i].kind == LineKind::kFootnote)
      notes.push_back(i);
    else
      main_lines.push_back(i);
  }
  std::vector<std::vector<int>> blocks;
  if (!main_lines.empty()) OrderRegion(lines, main_lines, body, &blocks);
  // Kinds by typography.
  for (int i : main_lines) {
    PLine& l = lines[i];
    if (l.fs >= body * 1.12)
      l.kind = LineKind::kTitle;
    else if (l.bold)
      l.kind = LineKind::kHeading;
  }
  std::vector<int> order;
  for (int i : top) order.push_back(i);
  int block_no = 0;
  for (auto& b : blocks) {
    ++block_no;
    double left = 1e9, right = -1e9;
    for (int i : b) {
      left = std::min(left, lines[i].x0);
      right = std::max(right, lines[i].x1);
    }
    for (size_t k = 0; k < b.size(); ++k) {
      PLine& l = lines[b[k]];
      l.block = block_no;
      bool indent = l.x0 - left > 0.8 * l.fs;
      if (k == 0) {
        l.para_start = indent || !prev_full;
      } else {
        const PLine& q = lines[b[k - 1]];
        l.para_start = indent || q.kind != l.kind ||
                       std::fabs(q.fs - l.fs) > 0.1 * l.fs ||
                       l.y0 - q.y1 > 0.4 * q.h() ||
                       q.x1 < right - 1.5 * q.fs;
      }
      prev_full = l.x1 >= right - 1.5 * l.fs;
      order.push_back(b[k]);
    }
  }
  for (int i : notes) order.push_back(i);
  for (int i : bottom) order.push_back(i);
  // Sections: a larger heading directly above a smaller title.
  for (size_t k = 0; k < order.size(); ++k) {
    PLine& l = lines[order[k]];
    if (l.kind != LineKind::kTitle) continue;
    size_t j = k + 1;
    while (j < order.size() && lines[order[j]].kind == LineKind::kTitle &&
           lines[order[j]].fs == l.fs && !lines[order[j]].para_start)
      ++j;
    if (j < order.size() && lines[order[j]].kind == LineKind::kTitle &&
        lines[order[j]].fs < l.fs * 0.95)
      for (size_t m = k; m < j; ++m) lines[order[m]].kind = LineKind::kSection;
    k = j - 1;
  }
  // A footnote's number printed against its text ("1See ..."): the geometry
  // says it is a footnote, so the number is set apart when it is the next one.
  for (int i : notes) {
    std::string& t = lines[i].text;
    size_t d = 0;
    while (d < t.size() && d < 4 && t[d] >= '0' && t[d] <= '9') ++d;
    if (d == 0 || d > 3 || d >= t.size()) continue;
    unsigned char c = static_cast<unsigned char>(t[d]);
    if (c == ' ' || c == '.' || c == ',' || c == '%' || (c >= '0' && c <= '9'))
      continue;
    int num = std::atoi(t.substr(0, d).c_str());
    if (num == 1 || num == fn_last + 1) {
      fn_last = num;
      t.insert(d, " ");
    }
  }
  std::vector<PLine> sorted;
  sorted.reserve(order.size());
  for (int i : order) sorted.push_back(std::move(lines[i]));
  lines.swap(sorted);
}

PdfReader::PdfReader(std::string path, std::string head, DiagnosticSink sink)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.path = std::move(path);
  m.sink = std::move(sink);
  std::string file = m.path;
  if (m.path == "-") {
    // poppler seeks in its input: stdin is copied to a temporary file.
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl = std::string(dir && *dir ? dir : "/tmp") +
                       "/bulletin-extract-stdin.XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    int fd = mkstemp(name.data());
    if (fd < 0) {
      m.Fail(std::string("cannot spool stdin for PDF reading: ") +
             std::strerror(errno));
      return;
    }
    m.spool = name.data();
    bool ok = write(fd, head.data(), head.size()) ==
              static_cast<ssize_t>(head.size());
    std::vector<char> buf(1 << 16);
    size_t n;
    while (ok && (n = std::fread(buf.data(), 1, buf.size(), stdin)) > 0)
      ok = write(fd, buf.data(), n) == static_cast<ssize_t>(n);
    close(fd);
    if (!ok) {
      m.Fail(std::string("cannot spool stdin for PDF reading: ") +
             std::strerror(errno));
      return;
    }
    file = m.spool;
  }
  poppler::set_debug_error_function(CountPopplerError, nullptr);
  g_poppler_errors = 0;
  m.doc.reset(poppler::document::load_from_file(file));
  if (!m.doc) {
    m.Fail("not a readable PDF (damaged, truncated or not a PDF at all)");
    return;
  }
  if (m.doc->is_locked()) {
    m.Fail("encrypted PDF: it cannot be read without its password");
    m.doc.reset();
    return;
  }
  m.n_pages = m.doc->pages();
  if (m.n_pages <= 0) {
    m.Fail("PDF has no pages (damaged or truncated?)");
    m.doc.reset();
    return;
  }
  if (g_poppler_errors > 0)
    m.Warn(0, "decode.pdf-damaged",
           "the PDF is damaged (" + std::to_string(g_poppler_errors) +
               " problems repaired while opening it); text may be missing");
}

PdfReader::~PdfReader() {
  if (!impl_->spool.empty()) unlink(impl_->spool.c_str());
}

const Status& PdfReader::status() const { return impl_->status; }
int PdfReader::pages() const { return impl_->n_pages; }

bool PdfReader::Next(InputLine* out) {
  Impl& m = *impl_;
  if (!m.doc) return false;
  for (;;) {
    // Keep the page after the front one extracted: it tells which lines
    // of the front page repeat.
    while (m.window.size() < 2 && m.Extract()) {
    }
    if (m.window.empty()) {
      if (m.text_pages == 0 && m.status.ok())
        m.Fail("no text on any of its " + std::to_string(m.n_pages) +
               " pages (an image-only PDF? it needs OCR first)");
      return false;
    }
    Page& p = m.window.front();
    if (!m.front_ready) {
      const Page* next = m.window.size() > 1 ? &m.window[1] : nullptr;
      m.Classify(&p, m.prev_sigs.get(), next);
      m.front_ready = true;
      m.pos = 0;
    }
    if (m.pos < p.lines.size()) {
      PLine& l = p.lines[m.pos];
      out->text = std::move(l.text);
      out->number = ++m.line_number;
      out->page_break = m.pos == 0 && p.number > 1;
      out->page = p.number;
      out->kind = l.kind;
      out->para_start = l.para_start;
      ++m.pos;
      return true;
    }
    // The front page is done: its signatures stay for the next page.
    Page done = std::move(m.window.front());
    m.window.pop_front();
    m.front_ready = false;
    done.lines.clear();
    m.prev_sigs = std::make_unique<Page>(std::move(done));
  }
}

}  // namespace bulletin

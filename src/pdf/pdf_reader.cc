// The PDF front end on poppler-cpp (see pdf_reader.h for the method).
#include "pdf/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
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
  bool full = false;  // runs to the right edge of its block
  int block = 0;
  double h() const { return y1 - y0; }
};

struct Page {
  int number = 0;
  double width = 0, height = 0;
  std::vector<PLine> lines;  // in reading order once classified
  // The top and bottom rows: text (digits folded), where and how large.
  struct Band {
    std::string sig;
    double y0, fs;
  };
  std::vector<Band> top_sigs, bottom_sigs;
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
    if (c == ' ') continue;  // (the ideographic space folded to it)
    if (c >= '0' && c <= '9') {
      if (s.empty() || s.back() != '#') s.push_back('#');
      continue;
    }
    AppendUtf8(c, &s);
  }
  return s;
}

// The column gutter of `lines` (indices into `all`): an x range at least
// `min_width` wide with lines wholly on both sides of it and few crossing it
// (a masthead, a full-width heading): fewer than half as many as stand on
// its thinner side. Of several, the one with the most lines on its thinner
// side. Nothing is assumed about where columns stand on the page.
bool Gutter(const std::vector<PLine>& all, const std::vector<int>& lines,
            double min_width, double* g0, double* g1) {
  if (lines.size() < 4) return false;
  double lo = 1e9, hi = -1e9;
  for (int i : lines) lo = std::min(lo, all[i].x0), hi = std::max(hi, all[i].x1);
  int n = static_cast<int>(std::ceil(hi - lo)) + 1;
  if (n < 3 || n > 20000) return false;
  // Per 1-pt bin: lines crossing it, lines ending at or before it, lines
  // starting at or after it.
  std::vector<int> cross(n + 1, 0), ends(n + 1, 0), starts(n + 1, 0);
  for (int i : lines) {
    int a = static_cast<int>(std::floor(all[i].x0 - lo));
    int b = static_cast<int>(std::ceil(all[i].x1 - lo));
    a = std::clamp(a, 0, n - 1), b = std::clamp(b, a + 1, n);
    ++cross[a], --cross[b];  // crosses bins a .. b-1
    ++ends[b];               // wholly left of bins >= b
    ++starts[a];             // wholly right of bins <= a
  }
  std::vector<int> left(n), right(n), c(n);
  int run = 0, acc = 0;
  for (int x = 0; x < n; ++x) {
    run += cross[x], c[x] = run;
    acc += ends[x], left[x] = acc;
  }
  acc = 0;
  for (int x = n - 1; x >= 0; --x) acc += starts[x], right[x] = acc;
  int best = 0;
  for (int x = 0; x < n;) {
    auto open = [&](int b) {
      int side = std::min(left[b], right[b]);
      return side >= 2 && c[b] * 2 < side;
    };
    if (!open(x)) {
      ++x;
      continue;
    }
    int y = x, side = 0;  // the run of open bins
    while (y < n && open(y)) side = std::max(side, std::min(left[y], right[y])), ++y;
    if (y - x >= min_width && side > best) {
      best = side;
      *g0 = lo + x;
      *g1 = lo + y;
    }
    x = y;
  }
  return best > 0;
}

// Whether `l` goes on with a URL that `q`, the line before it in its block,
// was cut in: q runs to the block's right edge, ends in a URL (no blank
// after "http://", "https://" or "www."), and l continues the same paragraph
// in the same type with a character a URL may hold. (Not for the notes at
// a page's bottom: where one of them starts is the segmenter's to tell, from
// its number.)
bool UrlGoesOn(const PLine& q, const PLine& l) {
  if (!q.full || l.para_start || l.kind != q.kind || l.block != q.block ||
      l.kind == LineKind::kFootnote ||
      l.text.empty() || q.text.empty())
    return false;
  size_t sp = q.text.find_last_of(" \t");
  std::string tail = sp == std::string::npos ? q.text : q.text.substr(sp + 1);
  size_t at = std::string::npos;
  for (const char* m : {"http://", "https://", "www."})
    at = std::min(at, tail.find(m));
  if (at == std::string::npos) return false;
  // (Nothing but URL characters after the scheme: a URL that ended and was
  // followed by text in Chinese is done.)
  static const std::string kUrlChars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
      "-._~:/?#[]@!$&'()*+,;=%";
  if (tail.find_first_not_of(kUrlChars, at) != std::string::npos) return false;
  return kUrlChars.find(l.text[0]) != std::string::npos;
}

// Whether lines a and b stand side by side: on one row, apart in x. (Never
// in one column: the lines of a row are joined into one unless far apart.)
bool SideBySide(const PLine& a, const PLine& b) {
  double ov = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return ov > 0.5 * std::min(a.h(), b.h()) && (b.x0 >= a.x1 || a.x0 >= b.x1);
}

// The lines of `region` that stand side by side with another: what columns
// show, however few of a page's lines they hold (two columns under a page
// of one-column text).
std::vector<int> Paired(const std::vector<PLine>& all,
                        const std::vector<int>& region) {
  std::vector<int> out;
  for (size_t k = 0; k < region.size(); ++k) {
    const PLine& a = all[region[k]];
    // (region is sorted by top: a row's lines stand near each other.)
    bool pair = false;
    for (size_t m = k; m-- > 0 && !pair;) {
      if (all[region[m]].y1 < a.y0 - 2 * a.h()) break;
      pair = SideBySide(a, all[region[m]]);
    }
    for (size_t m = k + 1; m < region.size() && !pair; ++m) {
      if (all[region[m]].y0 > a.y1) break;
      pair = SideBySide(a, all[region[m]]);
    }
    if (pair) out.push_back(region[k]);
  }
  return out;
}

// Appends the reading-order blocks of `region` to *blocks: where the lines
// have a column gutter, rows crossing it (with the lines beside them) are
// read as they stand, and the runs of lines between them column by column,
// each column again as a region (columns within columns). Lines of the left
// column that stand below the right column's end after a gap (a colophon
// after two balanced columns) are read after the right column.
void OrderRegion(const std::vector<PLine>& all, std::vector<int> region,
                 double body_fs, std::vector<std::vector<int>>* blocks,
                 int depth = 0) {
  auto by_y = [&](int a, int b) {
    return all[a].y0 != all[b].y0 ? all[a].y0 < all[b].y0
                                  : all[a].x0 < all[b].x0;
  };
  std::sort(region.begin(), region.end(), by_y);
  double g0, g1;
  // (The gutter of all the lines, or, where one-column text crosses it
  // more often than the columns have lines, of the lines side by side.)
  if (depth > 4 || region.size() > 3000 ||  // pathological pages: as they are
      (!Gutter(all, region, 0.8 * body_fs, &g0, &g1) &&
       !Gutter(all, Paired(all, region), 0.8 * body_fs, &g0, &g1))) {
    blocks->push_back(region);
    return;
  }
  // (A line may reach into the gutter, with punctuation hung at its end:
  // it crosses only when it reaches the column on the other side.)
  auto side = [&](int i) {  // -1 left, 1 right, 0 crossing
    return all[i].x1 <= g1 ? -1 : all[i].x0 >= g0 ? 1 : 0;
  };
  // A row crossing the gutter: a crossing line and the lines beside it.
  std::vector<bool> crossing(all.size(), false);
  for (int i : region) {
    if (side(i) != 0) continue;
    for (int j : region) {
      double ov = std::min(all[i].y1, all[j].y1) - std::max(all[i].y0, all[j].y0);
      if (ov > 0.5 * std::min(all[i].h(), all[j].h())) crossing[j] = true;
    }
  }
  // Rows crossing the gutter and runs that are no columns, read as they
  // stand: one block (its right edge that of its full lines).
  std::vector<int> run, flat;
  auto flush_flat = [&]() {
    if (!flat.empty()) blocks->push_back(flat), flat.clear();
  };
  auto flush_run = [&]() {
    if (run.empty()) return;
    std::vector<int> left, right, after;
    double right_end = -1e9;
    for (int i : run)
      if (side(i) > 0) right_end = std::max(right_end, all[i].y1);
    double prev_y1 = -1e9, prev_h = 1e9;
    for (int i : run) {
      if (side(i) > 0) {
        right.push_back(i);
        continue;
      }
      // (A gap by the smaller of the two lines: a heading's own height
      // may exceed the space above it.)
      bool gap = all[i].y0 - prev_y1 > 1.2 * std::min(all[i].h(), prev_h);
      if (!after.empty() || (!left.empty() && !right.empty() && gap &&
                             all[i].y0 > right_end))
        after.push_back(i);
      else
        left.push_back(i);
      prev_y1 = all[i].y1, prev_h = all[i].h();
    }
    // (Columns stand side by side: short lines of one-column text on both
    // sides of the gutter, a heading at the left and a byline set right
    // say, are read as they stand.)
    bool beside = false;
    for (size_t a = 0; a < left.size() && !beside; ++a)
      for (size_t b = 0; b < right.size() && !beside; ++b)
        beside = SideBySide(all[left[a]], all[right[b]]);
    if (right.empty() || (!left.empty() && !beside)) {
      flat.insert(flat.end(), run.begin(), run.end());
    } else {
      flush_flat();
      if (!left.empty()) OrderRegion(all, left, body_fs, blocks, depth + 1);
      OrderRegion(all, right, body_fs, blocks, depth + 1);
      if (!after.empty()) OrderRegion(all, after, body_fs, blocks, depth + 1);
    }
    run.clear();
  };
  for (int i : region) {
    if (crossing[i]) {
      flush_run();
      flat.push_back(i);
      continue;
    }
    run.push_back(i);
  }
  flush_run();
  flush_flat();
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
  // The last body line handed out: the room left at its end, and its size.
  double prev_room = 1e9, prev_fs = 0;
  std::unique_ptr<icu::BreakIterator> breaker;  // line breaks, for LeadWidth
  int fn_last = 0;  // the last footnote number seen
  std::unique_ptr<Page> prev_sigs;  // the page before the front one (no lines)
  // Where furniture stood so far (top of its line, its size): a running
  // header that names the section changes its text but not its place.
  std::vector<std::pair<double, double>> furniture_places;

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
  double LeadWidth(const PLine& l);
  void Classify(Page* p, const Page* prev, const Page* next);
  void MarkToc(Page* p, const std::vector<int>& order);
  void MarkColophon(Page* p, const std::vector<int>& order, double body);
  void BuildLines(std::vector<Box>& boxes, Page* p);
};

// The width of a line's first piece that a line break cannot cut (ICU's
// line breaking), from the line's mean advance per character.
double PdfReader::Impl::LeadWidth(const PLine& l) {
  if (!breaker) {
    UErrorCode st = U_ZERO_ERROR;
    breaker.reset(icu::BreakIterator::createLineInstance(icu::Locale("zh"), st));
    if (U_FAILURE(st)) breaker.reset();
  }
  if (!breaker || l.chars <= 0 || l.text.empty()) return 0;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(l.text);
  breaker->setText(u);
  int32_t end = breaker->following(0);
  if (end == icu::BreakIterator::DONE) end = u.length();
  while (end > 0 && u[end - 1] == ' ') --end;
  int n = std::max(1, u.countChar32(0, end));
  int all = std::max(1, u.countChar32());
  return (l.x1 - l.x0) * n / all;
}

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
    const PLine* t = by_y[i];
    if (t->y1 < p.height * 0.15)
      p.top_sigs.push_back({Signature(t->text), t->y0, t->fs});
    const PLine* l = by_y[by_y.size() - 1 - i];
    if (l->y0 > p.height * 0.85)
      p.bottom_sigs.push_back({Signature(l->text), l->y0, l->fs});
  }
  window.push_back(std::move(p));
  return true;
}

// A table of contents is furniture: its entries end in leaders (dots,
// ellipses, middle dots) and a page number; the lines between the first and
// the last entry (section lines, the first piece of a wrapped entry), and
// those right above the first entry in no larger type than the entries, go
// with them. Two entries on a page at least.
void PdfReader::Impl::MarkToc(Page* p, const std::vector<int>& order) {
  std::vector<PLine>& lines = p->lines;
  auto entry = [&](const PLine& l) {
    if (l.kind == LineKind::kFurniture || l.kind == LineKind::kFootnote)
      return false;
    std::vector<char32_t> u = ToCodePoints(FoldWidth(l.text));
    size_t e = u.size();
    while (e > 0 && u[e - 1] == ' ') --e;
    size_t d = e;
    while (d > 0 && u[d - 1] >= '0' && u[d - 1] <= '9') --d;
    if (d == e || e - d > 3) return false;
    while (d > 0 && u[d - 1] == ' ') --d;
    int dots = 0;
    while (d > 0 && Punctuation::In(Punct().leader, u[d - 1]))
      --d, ++dots;
    return dots >= 3;
  };
  int first = -1, last = -1, n = 0;
  for (size_t k = 0; k < order.size(); ++k)
    if (entry(lines[order[k]])) {
      if (first < 0) first = static_cast<int>(k);
      last = static_cast<int>(k), ++n;
    }
  if (n < 2) return;
  double fs = lines[order[first]].fs;
  int from = first;
  while (from > 0) {
    const PLine& q = lines[order[from - 1]];
    const PLine& l = lines[order[from]];
    if (q.kind == LineKind::kFurniture || q.fs > fs * 1.12 ||
        l.y0 - q.y1 > 2.5 * fs)
      break;
    --from;
  }
  for (int k = from; k <= last; ++k)
    if (lines[order[k]].kind != LineKind::kFootnote)
      lines[order[k]].kind = LineKind::kFurniture;
}

// The colophon at a document's end: the lines after the last body line of
// the last page, in smaller type than the body and below a gap, are
// furniture (not the last article's).
void PdfReader::Impl::MarkColophon(Page* p, const std::vector<int>& order,
                                   double body) {
  std::vector<PLine>& lines = p->lines;
  int k = static_cast<int>(order.size());
  while (k > 0 && (lines[order[k - 1]].kind == LineKind::kFurniture ||
                   lines[order[k - 1]].kind == LineKind::kFootnote))
    --k;
  int end = k;
  while (k > 0 && lines[order[k - 1]].fs < body * 0.92 &&
         lines[order[k - 1]].kind != LineKind::kFurniture &&
         lines[order[k - 1]].kind != LineKind::kFootnote)
    --k;
  if (k == end || k == 0) return;
  const PLine& above = lines[order[k - 1]];
  if (lines[order[k]].y0 - above.y1 < 1.5 * above.h()) return;
  for (int m = k; m < end; ++m) lines[order[m]].kind = LineKind::kFurniture;
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
  // (The same text in the same place and size: a section heading at the
  // top of a page is no running header that repeats its name.)
  auto repeats = [&](const PLine& l, bool top) {
    std::string sig = Signature(l.text);
    for (const Page* o : {prev, next}) {
      if (!o) continue;
      for (const Page::Band& b : top ? o->top_sigs : o->bottom_sigs)
        if (b.sig == sig && b.fs == l.fs && std::fabs(b.y0 - l.y0) < 0.5 * l.fs)
          return true;
    }
    return false;
  };
  // (Or smaller than the body where furniture stood before, in its size.)
  auto in_place = [&](const PLine& l) {
    if (l.fs >= body || l.bold) return false;
    for (const auto& [y0, fs] : furniture_places)
      if (fs == l.fs && std::fabs(y0 - l.y0) < 0.5 * l.fs) return true;
    return false;
  };
  for (size_t k = 0; k < by_y.size() && k < 2; ++k) {
    PLine& t = lines[by_y[k]];
    if (t.y1 < p->height * 0.15 && (repeats(t, true) || in_place(t)))
      t.kind = LineKind::kFurniture;
    PLine& b = lines[by_y[by_y.size() - 1 - k]];
    if (b.y0 > p->height * 0.85 && (repeats(b, false) || in_place(b)))
      b.kind = LineKind::kFurniture;
  }
  for (const PLine& l : lines)
    if (l.kind == LineKind::kFurniture && furniture_places.size() < 64 &&
        !in_place(l))
      furniture_places.emplace_back(l.y0, l.fs);
  // Footnotes: smaller lines from the page bottom up, below a gap. (The
  // widest gap counts: small type above it, a colophon say, is not part of
  // the notes.)
  std::vector<int> fn;
  double fn_top = 1e9;
  size_t cut = 0;     // candidates below the widest gap so far
  double widest = 0;  // ... and its height
  bool above = false;  // a line of other type stands above them
  for (auto it = by_y.rbegin(); it != by_y.rend(); ++it) {
    PLine& l = lines[*it];
    if (l.kind == LineKind::kFurniture) continue;
    double gap = fn.empty() ? 0 : fn_top - l.y1;
    if (gap > widest) widest = gap, cut = fn.size();
    // (Nor is larger small type above a gap: a colophon between the last
    // article and the notes.)
    bool other = !fn.empty() && gap >= 0.5 * body &&
                 l.fs > lines[fn.front()].fs + 0.5;
    if (l.fs >= body * 0.92 || l.y0 < p->height * 0.5 || other) {
      if (other) widest = gap, cut = fn.size();
      above = true;
      break;
    }
    fn.push_back(*it);
    fn_top = std::min(fn_top, l.y0);
  }
  if (!above) cut = fn.size(), widest = 1e9;  // small type alone on the page
  fn.resize(widest >= 0.5 * body ? cut : 0);
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
    // The block's right edge: where its full lines end (not the longest
    // line: punctuation may hang beyond the edge).
    double left = 1e9;
    std::vector<double> ends;
    for (int i : b) {
      left = std::min(left, lines[i].x0);
      ends.push_back(lines[i].x1);
    }
    std::sort(ends.rbegin(), ends.rend());
    double right = ends[ends.size() / 4];
    for (size_t k = 0; k < b.size(); ++k) {
      PLine& l = lines[b[k]];
      l.block = block_no;
      bool indent = l.x0 - left > 0.8 * l.fs;
      // The line above was full when the room left at its end could not
      // hold this line's first unbreakable piece (one character, "——", a
      // Latin word).
      double lead = LeadWidth(l) + 0.25 * l.fs;
      if (k == 0) {
        l.para_start = indent || prev_room >= std::max(1.5 * prev_fs, lead);
      } else {
        const PLine& q = lines[b[k - 1]];
        l.para_start = indent || q.kind != l.kind ||
                       std::fabs(q.fs - l.fs) > 0.1 * l.fs ||
                       l.y0 - q.y1 > 0.4 * q.h() ||
                       right - q.x1 >= std::max(1.5 * q.fs, lead);
      }
      prev_room = right - l.x1, prev_fs = l.fs;
      l.full = l.x1 >= right - 1.5 * l.fs;
      order.push_back(b[k]);
    }
  }
  double notes_right = -1e9;
  for (int i : main_lines.empty() ? notes : main_lines)
    notes_right = std::max(notes_right, lines[i].x1);
  for (int i : notes) {
    lines[i].full = lines[i].x1 >= notes_right - 1.5 * lines[i].fs;
    order.push_back(i);
  }
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
  // ... or a short line of its own between body and title: bold, or larger
  // than the body, and directly above a larger title.
  for (size_t k = 0; k + 1 < order.size(); ++k) {
    PLine& l = lines[order[k]];
    const PLine& n = lines[order[k + 1]];
    if ((l.kind == LineKind::kTitle || l.kind == LineKind::kHeading) &&
        n.kind == LineKind::kTitle && n.para_start && n.fs > l.fs * 1.05 &&
        l.chars <= 16 && (k == 0 || lines[order[k - 1]].kind != l.kind ||
                          lines[order[k - 1]].fs != l.fs))
      l.kind = LineKind::kSection;
  }
  MarkToc(p, order);
  if (next_extract >= n_pages && !next) MarkColophon(p, order, body);
  // A footnote's number printed against its text ("1See ..."): the geometry
  // says it is a footnote, so the number is set apart when it is the next one.
  for (int i : notes) {
    std::string& t = lines[i].text;
    size_t d = 0;
    while (d < t.size() && d < 4 && t[d] >= '0' && t[d] <= '9') ++d;
    if (d == 0 || d > 3 || d >= t.size()) continue;
    unsigned char c = static_cast<unsigned char>(t[d]);
    int num = std::atoi(t.substr(0, d).c_str());
    // (A note printed apart from its number is seen too: a glued one after
    // it is the next.)
    if (c == ' ' && (num == 1 || num == fn_last + 1)) fn_last = num;
    if (c == ' ' || c == '.' || c == ',' || c == '%' || (c >= '0' && c <= '9'))
      continue;
    if (num == 1 || num == fn_last + 1) {
      fn_last = num;
      t.insert(d, " ");
    }
  }
  std::vector<PLine> sorted;
  sorted.reserve(order.size());
  for (int i : order) {
    PLine& l = lines[i];
    if (!sorted.empty() && UrlGoesOn(sorted.back(), l)) {
      // One line of the extracted text: the URL is not cut by a space.
      PLine& q = sorted.back();
      q.text += l.text;
      q.full = l.full;
      q.x1 = l.x1, q.y1 = std::max(q.y1, l.y1);
      continue;
    }
    sorted.push_back(std::move(l));
  }
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

// How the column splitter decides, per page:
//
// 1. Every place where text starts after a run of two spaces or more (or
//    after the indent of a line) at least kMinRightStart code points in is
//    a candidate start of a right column; the most frequent one is R.
// 2. A line leaves the gutter blank when the two code points before R are
//    spaces (or it ends before them). The page has two columns when most of
//    its lines leave the gutter blank, several hold text on both sides, and
//    most lines with right-hand text start it at R (the others are indented
//    first lines and right-aligned bylines).
// 3. The columns run from the first line with right-hand text to the last,
//    widened by the lines that touch them (and, below, by a paragraph of
//    the left column at its margin after a few blank rows, the left
//    column running on past the right one's end); what is above (a masthead, a
//    header) and below (a footer) is handed out whole. A row that only the
//    other column fills is not a blank line of this column: it is skipped.
#include "columns.h"

#include <map>
#include <string>

#include "text_util.h"

namespace bulletin {

namespace {

constexpr int kMinRightStart = 16;

bool IsBlankChar(char32_t c) { return c == '\t' || FoldWidth(c) == ' '; }

struct Row {
  std::vector<char32_t> cps;
  bool blank = true;
  bool clear = true;   // the gutter before R is blank
  bool right = false;  // text at R or after
  bool left = false;   // text before R
};

// Blank rows between two paragraphs of a column.
constexpr size_t kMaxColumnGap = 3;

// The row opens at the left margin (not a centred page number) and ends
// before the gutter.
bool OpensLeftColumn(const Row& r, int right_start) {
  int b = -1, e = 0;
  for (size_t p = 0; p < r.cps.size(); ++p) {
    if (IsBlankChar(r.cps[p])) continue;
    if (b < 0) b = static_cast<int>(p);
    e = static_cast<int>(p) + 1;
  }
  return b >= 0 && b < kMinRightStart && e <= right_start - 2;
}

// The UTF-8 text of cps[b, e).
std::string Text(const std::vector<char32_t>& cps, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e && i < cps.size(); ++i) AppendUtf8(cps[i], &s);
  return s;
}

}  // namespace

void PageBuffer::Push(InputLine&& line) {
  if (line.kind != LineKind::kUnknown) pass_through_ = true;
  if (pass_through_) {
    Flush();
    line_sink_(std::move(line));
    return;
  }
  if (line.page_break || page_.size() >= kMaxPageLines ||
      page_bytes_ + line.text.size() > kMaxPageBytes)
    Flush();
  page_bytes_ += line.text.size();
  page_.push_back(std::move(line));
}

void PageBuffer::Flush() {
  if (page_.empty()) return;
  std::vector<InputLine> page;
  page.swap(page_);
  page_bytes_ = 0;
  page_sink_(std::move(page));
}

void ColumnSplitter::SplitPage(std::vector<InputLine>&& page) {
  std::vector<Row> rows(page.size());
  std::map<int, int> starts;  // candidate right-column starts
  int nonblank = 0;
  for (size_t i = 0; i < page.size(); ++i) {
    Row& r = rows[i];
    r.cps = ToCodePoints(page[i].text);
    int spaces = 0;
    bool seen = false;
    for (size_t p = 0; p < r.cps.size(); ++p) {
      if (IsBlankChar(r.cps[p])) {
        ++spaces;
        continue;
      }
      if ((spaces >= 2 || (!seen && spaces > 0)) &&
          static_cast<int>(p) >= kMinRightStart)
        ++starts[static_cast<int>(p)];
      seen = true;
      spaces = 0;
    }
    r.blank = !seen;
    nonblank += seen;
  }
  int right_start = 0, best = 0;
  for (const auto& [p, n] : starts)
    if (n > best) best = n, right_start = p;
  int clear = 0, both = 0, right = 0;
  if (right_start > 0) {
    size_t g = static_cast<size_t>(right_start);
    for (Row& r : rows) {
      if (r.blank) continue;
      r.clear = true;
      for (size_t p = g - 2; p < g && p < r.cps.size(); ++p)
        r.clear = r.clear && IsBlankChar(r.cps[p]);
      if (!r.clear) continue;
      ++clear;
      for (size_t p = 0; p < r.cps.size(); ++p) {
        if (IsBlankChar(r.cps[p])) continue;
        (p < g ? r.left : r.right) = true;
      }
      both += r.left && r.right;
      right += r.right;
    }
  }
  bool columns = right_start > 0 && both >= 3 && right >= 4 &&
                 best * 2 >= right && clear * 10 >= nonblank * 8;
  if (!columns) {
    for (auto& l : page) sink_(std::move(l));
    return;
  }
  // The rows the columns span.
  size_t first = rows.size(), last = 0;
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].right) first = std::min(first, i), last = i;
  while (first > 0 && !rows[first - 1].blank && rows[first - 1].clear) --first;
  while (last + 1 < rows.size() && !rows[last + 1].blank &&
         rows[last + 1].clear)
    ++last;
  // The left column may run on below the right one's end, across the gaps
  // between its paragraphs: a row at the left margin after a few blank
  // rows, and the rows touching it.
  for (;;) {
    size_t j = last + 1;
    while (j < rows.size() && rows[j].blank && j - last <= kMaxColumnGap) ++j;
    if (j >= rows.size() || !OpensLeftColumn(rows[j], right_start)) break;
    last = j;
    while (last + 1 < rows.size() && !rows[last + 1].blank &&
           rows[last + 1].clear)
      ++last;
  }
  PageEmitter emit(page, sink_);
  for (size_t i = 0; i < first; ++i) emit(std::move(page[i]));
  size_t g = static_cast<size_t>(right_start);
  // The left column (with any line that crosses the gutter), then the
  // right one.
  for (size_t i = first; i <= last; ++i) {
    const Row& r = rows[i];
    if (!r.blank && !r.left && r.clear) continue;  // the right column's row
    InputLine l = page[i];
    if (r.clear && r.right) {
      size_t e = g;  // without the gutter's spaces
      while (e > 0 && IsBlankChar(r.cps[e - 1])) --e;
      l.text = Text(r.cps, 0, e);
    }
    emit(std::move(l));
  }
  for (size_t i = first; i <= last; ++i) {
    const Row& r = rows[i];
    if (!r.blank && !(r.right && r.clear)) continue;
    InputLine l = page[i];
    if (!r.blank) {
      l.text = Text(r.cps, g, r.cps.size());
      l.col = page[i].col + right_start;
    }
    emit(std::move(l));
  }
  for (size_t i = last + 1; i < page.size(); ++i) emit(std::move(page[i]));
}

}  // namespace bulletin

// The page model: what the warm-up learns of an input's layout (double
// spacing, hard-wrap width, indented paragraphs, the masthead, page tops),
// the look-ahead queue, running headers found by repetition, section
// headings and the table of contents as the map of the document.
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "columns.h"
#include "footnotes.h"
#include "layout_internal.h"
#include "text_util.h"

namespace bulletin {

Line MakeLine(InputLine&& in) {
  Line l;
  l.number = in.number;
  l.page_break = in.page_break;
  l.kind = in.kind;
  l.para_start = in.para_start;
  const std::string& s = in.text;
  size_t b = 0, e = s.size();
  int col = in.col;
  // Trim ASCII blanks and the ideographic space (U+3000, 3 bytes).
  auto is_space_at = [&](size_t i, size_t* len) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\v') return *len = 1, true;
    if (IdeographicSpaceAt(s, i)) return *len = 3, true;
    return false;
  };
  size_t len;
  while (b < e && is_space_at(b, &len)) b += len, ++col;
  while (e > b) {
    if (s[e - 1] == ' ' || s[e - 1] == '\t')
      --e;
    else if (e >= 3 && IdeographicSpaceAt(s, e - 3))
      e -= 3;
    else
      break;
  }
  l.text = s.substr(b, e - b);
  l.indent = col - in.col;
  l.col = col;
  l.blank = s.empty();
  l.ws_only = !s.empty() && l.text.empty();
  l.lead_space = b > 0;
  l.trail_space = e < s.size();
  if (!l.text.empty()) {
    auto cps = ToCodePoints(l.text);
    l.first = cps.front();
    l.last = cps.back();
    l.before_last = cps.size() > 1 ? cps[cps.size() - 2] : 0;
    for (char32_t c : cps) l.width += IsWide(c) ? 2 : 1;
  }
  return l;
}

void Segmenter::Impl::LearnLayout() {
  warm = true;
  int nonblank = 0, spaced = 0;
  std::vector<int> open_widths;
  std::vector<int> going_on_widths;  // open lines another line follows
  std::vector<int> all_widths;
  for (size_t i = 0; i < warmup.size(); ++i) {
    const Line& l = warmup[i];
    if (l.blank || l.ws_only) continue;
    ++nonblank;
    if (i + 2 < warmup.size() && warmup[i + 1].blank && !warmup[i + 2].blank)
      ++spaced;
    all_widths.push_back(l.width);
    bool terminal = IsTerminal(l.last) || IsCloser(l.last);
    if (!terminal && !l.trail_space) {
      open_widths.push_back(l.width);
      if (i + 1 < warmup.size() && !warmup[i + 1].blank &&
          !warmup[i + 1].ws_only)
        going_on_widths.push_back(l.width);
    }
  }
  double_spaced = nonblank >= 4 && spaced * 10 >= nonblank * 6;
  {
    // After a line that ends a sentence, and after a full line of running
    // text (not a title with its deck set apart by spaces) that goes on.
    std::vector<int> widths = all_widths;
    std::sort(widths.begin(), widths.end());
    int full = widths.empty() ? 0 : widths[widths.size() * 9 / 10] * 8 / 10;
    int after_end = 0, after_end_indented = 0, going_on = 0,
        going_on_indented = 0;
    const Line* prev = nullptr;
    for (const Line& l : warmup) {
      if (l.blank || l.ws_only) continue;
      bool small = l.indent >= 1 && l.indent <= 4;
      if (prev) {
        bool ended = IsTerminal(prev->last) ||
                     (IsCloser(prev->last) && IsTerminal(prev->before_last));
        if (ended) {
          ++after_end;
          after_end_indented += small;
        } else if (prev->width >= full &&
                   prev->text.find("   ") == std::string::npos) {
          ++going_on;
          going_on_indented += small;
        }
      }
      prev = &l;
    }
    indent_paragraphs = after_end_indented >= 5 &&
                        after_end_indented * 10 >= after_end * 3 &&
                        going_on_indented * 20 <= going_on;
  }
  if (open_widths.size() >= 5 && open_widths.size() * 10 >= nonblank * 3u) {
    std::sort(open_widths.begin(), open_widths.end());
    int w = open_widths[open_widths.size() * 8 / 10];
    // Most of the long unfinished lines end near that width (short lines
    // are titles, headings and furniture, whose number says nothing).
    int near = 0, wider = 0, longish = 0;
    for (int x : open_widths) near += x * 100 >= w * 85;
    for (int x : open_widths) longish += x * 2 >= w;
    for (int x : all_widths) wider += x * 10 > w * 13;
    // (In a short text the titles, note headings and URLs may outnumber
    // the wrapped lines: two or more at the width that a line follows
    // without a blank, and most of the long ones, are enough.)
    int wrapped = 0;
    for (int x : going_on_widths) wrapped += x * 100 >= w * 85;
    if ((near * 2 >= static_cast<int>(open_widths.size()) ||
         (near >= 8 && near * 2 >= longish) ||
         (wrapped >= 2 && near * 2 >= longish)) &&
        wider * 5 < static_cast<int>(all_widths.size()))
      wrap_width = w;
  }
  FindMasthead();
  int top = 0;  // which non-blank line of its page (1, 2, ...)
  std::set<std::string> on_page;
  for (const Line& l : warmup) {
    if (l.page_break) top = 0, on_page.clear();
    if (l.blank || l.ws_only) continue;
    ++top;
    if (top <= 3 && (top == 1 || MayRepeatAtTop(l)) &&
        on_page.insert(SquashSpace(l.text)).second)
      ++page_tops[SquashSpace(l.text)];
  }
  if (!warmup.empty()) warmup_last_line = warmup.back().number;
  for (auto& l : warmup) queue.push_back(std::move(l));
  warmup.clear();
  Drain(false);
}

void Segmenter::Impl::FindMasthead() {
  std::vector<int> lines;
  for (const Line& l : warmup) {
    if (l.page_break && !lines.empty()) return;
    if (l.blank || l.ws_only) continue;
    std::string name;
    if (SectionLine(l.text, l.width, &name) ||
        (l.width <= 24 && MatchAny(rules.toc, FoldWidth(l.text)))) {
      if (lines.size() >= 2)
        masthead_lines.insert(lines.begin(), lines.end());
      return;
    }
    // A masthead is short lines; a sentence means this is no masthead.
    if (l.width > 70 || IsTerminal(l.last) || lines.size() >= 12) return;
    lines.push_back(l.number);
  }
}

const Line* Segmenter::Impl::Peek(size_t skip) const {
  // The skip-th non-blank line after the front of the queue.
  size_t seen = 0;
  for (size_t i = 1; i < queue.size(); ++i) {
    if (queue[i].blank || queue[i].ws_only) continue;
    if (seen++ == skip) return &queue[i];
  }
  return nullptr;
}

void Segmenter::Impl::Drain(bool all) {
  while (!queue.empty()) {
    if (!all) {
      size_t nonblank = 0;
      for (size_t i = 1; i < queue.size() && nonblank < 3; ++i)
        nonblank += !(queue[i].blank || queue[i].ws_only);
      if (nonblank < 3) return;
    }
    Line l = std::move(queue.front());
    Process(l);
    queue.pop_front();
  }
}

namespace {
bool HasInnerIdeographicSpace(const std::string& s) {  // (s is trimmed)
  for (size_t i = 0; i < s.size(); ++i)
    if (IdeographicSpaceAt(s, i)) return true;
  return false;
}
// Whether s (trimmed) holds a run of kPadRun or more ASCII spaces: a layout
// text's padding between two things printed on one line (a title and its
// deck set to the right margin), which wrapped prose does not hold.
bool HasInnerPadding(const std::string& s) {
  constexpr size_t kPadRun = 4;
  return s.find(std::string(kPadRun, ' ')) != std::string::npos;
}
}  // namespace

bool Segmenter::Impl::EndsParagraph(const Line& l, const Line& next) const {
  if (wrap_width == 0) return true;
  if (indent_paragraphs && &next != &l && next.indent >= 1 && next.indent <= 4)
    return true;
  char32_t last = l.last;
  // A space between two Latin words at the break: "MITRE " + "Engenuity".
  if (IsLatinAlnum(last) && IsLatinAlnum(next.first) && !IsWide(next.first))
    return false;
  if (IsTerminal(last) && last != '.') return true;
  if (IsCloser(last) && IsTerminal(l.before_last)) return true;
  if (l.trail_space && !IsLatinAlnum(last) && last != '-' && last != ',')
    return true;
  // Where a title is expected, a line short of the width that sets a deck
  // apart with a full-width space (标题　副题), followed by a full line, is
  // the title, whole: text that is wrapped holds no such space (a short
  // line after it is the title's own wrapped end).
  if (expect_title && para.pieces.size() == 1 && &next != &l &&
      l.width * 100 < wrap_width * 85 && next.width * 100 >= wrap_width * 85 &&
      HasInnerIdeographicSpace(l.text))
    return true;
  // (A padded line before an indented one ends its paragraph even where
  // the document has not shown that it indents paragraphs: the padded
  // line is a title and deck, and a line wrapped from it is not indented.)
  if (HasInnerPadding(l.text) && &next != &l && next.indent >= 1 &&
      next.indent <= 4)
    return true;
  return l.width * 10 < wrap_width * 7;
}

bool Segmenter::Impl::MayRepeatAtTop(const Line& l) const {
  // Short (not a line that fills the wrap width), not a sentence, and none
  // of the lines that may well stand under a page's first line on several
  // pages: bylines, note headings, notes.
  return l.width <= 60 && l.kind == LineKind::kUnknown &&
         (wrap_width == 0 || l.width * 10 < wrap_width * 7) &&
         !IsTerminal(l.last) && !(l.first >= '0' && l.first <= '9') &&
         l.first != '[' && !MatchAny(rules.byline, l.text) &&
         !MatchAny(rules.sources_heading, l.text);
}

bool Segmenter::Impl::RepeatedTop(const Line& l) {
  // The first line of a page, and (as an extractor may print the running
  // header after the page's first title) the two under it: a line that
  // stands there on other pages too is a running header.
  int pos = awaiting_top ? 1 : top_lines_seen + 1;
  if (awaiting_top) {
    awaiting_top = false;
    top_lines_seen = 0;
    top_texts.clear();
  }
  if (pos > 3) return false;
  top_lines_seen = pos;
  std::string name;
  // (A section heading that repeats as a header is handled as one.)
  if (l.width > 120 || l.kind != LineKind::kUnknown ||
      SectionLine(l.text, l.width, &name) || (pos > 1 && !MayRepeatAtTop(l)))
    return false;
  std::string key = SquashSpace(l.text);
  int& seen = page_tops[key];
  // (the warm-up's are counted; a line twice on one page counts once)
  if (l.number > warmup_last_line && top_texts.insert(key).second) ++seen;
  return seen >= 2;
}

bool Segmenter::Impl::SectionLine(const std::string& t, int width,
                                  std::string* name) const {
  return bulletin::SectionLine(rules, toc_sections, t, width, name);
}

bool Segmenter::Impl::ContinuesTocTitle(const Line& l) {
  if (toc_titles.empty() || para.pieces.size() > 3 || l.width > 90)
    return false;
  std::string sofar;
  for (const auto& piece : para.pieces) sofar += SquashSpace(piece.text);
  for (const auto& title : toc_titles) {
    if (title.size() > sofar.size() && title.compare(0, sofar.size(), sofar) == 0) {
      title_wrap = std::max(title_wrap, prev_line.width);
      return true;
    }
    if (title_wrap > 0 && sofar.size() > title.size() &&
        sofar.compare(0, title.size(), title) == 0 &&
        prev_line.width * 100 >= title_wrap * 85 && !IsTerminal(prev_line.last))
      return true;
  }
  // A listed title going on into its deck on the same line (标题——副题),
  // unfinished at the line's end: the deck goes on on this short line.
  if (para.pieces.size() != 1 || wrap_width == 0 ||
      l.width * 10 >= wrap_width * 7 || IsTerminal(l.last) ||
      IsTerminal(prev_line.last) || IsCloser(prev_line.last))
    return false;
  auto cps = ToCodePoints(para.pieces.front().text);
  for (size_t i = 2; i + 1 < cps.size(); ++i) {
    if (rules.deck_marks.find(cps[i]) == std::u32string::npos) continue;
    std::string head;
    for (size_t k = 0; k < i; ++k) AppendUtf8(cps[k], &head);
    return toc_titles.count(SquashSpace(head)) > 0;
  }
  return false;
}

bool Segmenter::Impl::TocTitle(const Paragraph& p) const {
  if (toc_titles.empty()) return false;
  std::string sq = SquashSpace(p.field.text);
  if (toc_titles.count(sq)) return true;
  // A title printed with its deck: the TOC entry is a prefix.
  for (const auto& title : toc_titles)
    if (sq.size() > title.size() && sq.compare(0, title.size(), title) == 0 &&
        TitleLike(p, false, true))
      return true;
  return false;
}

}  // namespace bulletin

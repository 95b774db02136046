// How the segmenter works.
//
// 1. Warm-up: the first lines of an input are buffered to learn its layout:
//    whether every line is followed by an empty line (a common PDF-to-text
//    artefact: "double-spaced"), and whether lines are hard-wrapped at a
//    common width (then a line that fills the width continues on the next).
// 2. Each line is classified with a small look-ahead: page furniture (page
//    numbers, running headers) is dropped; footnote blocks are collected;
//    section headings and bylines are recognised; the rest is text.
// 3. Text lines are re-joined into paragraphs (no space between CJK, one
//    space between Latin words), paragraphs into articles: a title opens an
//    article (after a section heading, a byline or the start), a byline
//    closes it; footnotes that follow a byline still belong to it.
// 4. When the next article starts, the finished one gets its footnote URLs
//    repaired, its reference marks (报告1，) recorded and removed from the
//    text, and is handed to the sink.
#include "layout.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "columns.h"
#include "footnotes.h"
#include "text_util.h"

namespace bulletin {

int CodePoints(const std::string& s) {
  return static_cast<int>(CodePointOffsets(s).size()) - 1;
}

int DisplayWidth(const std::string& s) {
  int w = 0;
  for (char32_t c : ToCodePoints(s)) w += IsWide(c) ? 2 : 1;
  return w;
}

Anchor Field::Locate(int offset) const {
  Anchor a;
  auto it =
      std::upper_bound(anchors.begin(), anchors.end(), offset,
                       [](int off, const Anchor& x) { return off < x.offset; });
  if (it == anchors.begin()) return anchors.empty() ? a : anchors.front();
  --it;
  a = *it;
  a.col += offset - it->offset;
  a.offset = offset;
  return a;
}

// ---------------------------------------------------------------- rules

using RegexList = std::vector<std::unique_ptr<RE2>>;

struct LayoutRules::Impl {
  RegexList page_number, header, byline, footnote, sources_heading, subheading,
      figure, section_re, toc, section_frame, colophon;
  std::set<std::string> sections;
  RefMarkWords ref_words;  // ref_* lines
  // Punctuation lists: what splits a byline's names, what ends a paragraph
  // besides a sentence end or a closing bracket, what a title never ends in.
  std::u32string author_separators, para_ends, title_bad_ends;
};

LayoutRules::~LayoutRules() = default;

const RefMarkWords& LayoutRules::ref_words() const { return impl_->ref_words; }

namespace {

// Compiles `pat`, which starts in column `col` of `row`, into *list.
bool AddPattern(const TableRow& row, size_t col, const std::string& pat,
                RegexList* list, std::vector<Status>* errors) {
  RE2::Options opt;
  opt.set_log_errors(false);
  auto re = std::make_unique<RE2>(pat, opt);
  if (!re->ok()) {
    errors->push_back(row.Error(col, "bad pattern: " + re->error()));
    return false;
  }
  list->push_back(std::move(re));
  return true;
}

// Full match of `s` against any pattern; fills named groups when asked.
bool MatchAny(const RegexList& list, const std::string& s,
              std::map<std::string, std::string>* groups = nullptr,
              RE2::Anchor anchor = RE2::ANCHOR_BOTH) {
  for (const auto& re : list) {
    int n = re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> sub(n);
    if (!re->Match(s, 0, s.size(), anchor, sub.data(), n)) continue;
    if (groups) {
      groups->clear();
      for (const auto& [name, idx] : re->NamedCapturingGroups()) {
        if (sub[idx].data()) (*groups)[name] = std::string(sub[idx]);
      }
    }
    return true;
  }
  return false;
}

}  // namespace

std::unique_ptr<LayoutRules> LayoutRules::Load(
    const RuleFiles& files, std::vector<Status>* errors) {
  auto rules = std::unique_ptr<LayoutRules>(new LayoutRules);
  rules->impl_ = std::make_unique<Impl>();
  Impl& im = *rules->impl_;
  size_t before = errors->size();
  if (files.Find("layout.tsv").empty())
    errors->push_back(
        Status::Error(StatusCode::kBadRules, "layout.tsv", 0, 0, "missing"));
  const std::map<std::string, RegexList*> kinds = {
      {"page_number", &im.page_number},
      {"header", &im.header},
      {"byline", &im.byline},
      {"footnote", &im.footnote},
      {"sources_heading", &im.sources_heading},
      {"subheading", &im.subheading},
      {"figure", &im.figure},
      {"toc", &im.toc},
      {"section_frame", &im.section_frame},
      {"colophon", &im.colophon}};
  for (const auto& row : ReadTable(files, "layout.tsv", 0, "", errors)) {
    const std::string& kind = row.cols[0];
    const std::map<std::string, std::u32string*> char_lists = {
        {"ref_not_after", &im.ref_words.not_after},
        {"ref_count_units", &im.ref_words.count_units},
        {"ref_check_not_after", &im.ref_words.check_not_after},
        {"ref_check_before", &im.ref_words.check_before},
        {"author_separators", &im.author_separators},
        {"para_ends", &im.para_ends},
        {"title_bad_ends", &im.title_bad_ends}};
    auto list = char_lists.find(kind);
    if (row.cols.size() >= 2 && list != char_lists.end()) {
      // Character lists, not patterns.
      for (char32_t c : ToCodePoints(Trim(row.text.substr(kind.size() + 1))))
        if (c != ' ') list->second->push_back(c);
      continue;
    }
    auto it = kinds.find(kind);
    if (row.cols.size() < 2 || it == kinds.end()) {
      errors->push_back(
          row.Error(0, "expected KIND<TAB>PATTERN with a known kind"));
      continue;
    }
    // A pattern may hold TABs: it is the rest of the line.
    AddPattern(row, 1, row.text.substr(kind.size() + 1), it->second, errors);
  }
  for (const auto& row : ReadTable(files, "sections.txt", 0, "", errors)) {
    std::string line = Trim(row.text);
    if (line.rfind("re:", 0) == 0) {
      AddPattern(row, 0, line.substr(3), &im.section_re, errors);
    } else {
      im.sections.insert(line);
    }
  }
  if (errors->size() != before) return nullptr;
  return rules;
}

// ---------------------------------------------------------------- segmenter

namespace {

struct Line {
  std::string text;  // trimmed
  int number = 0;
  int col = 1;  // column of text's first code point
  int indent = 0;  // blanks before the text
  bool blank = false, ws_only = false;
  bool lead_space = false, trail_space = false, page_break = false;
  int width = 0;
  char32_t first = 0, last = 0, before_last = 0;
  LineKind kind = LineKind::kUnknown;  // from a front end that sees the page
  bool para_start = false;
};

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

struct Piece {
  std::string text;
  int line, col;
  bool trail_space;
};

// The end of a footnote's pieces that may hold a URL broken over lines:
// back to the last piece with a space in it (a URL has none), at most 4 KB,
// so that checking a continuation line costs the same however long the note
// has grown.
std::string UrlTail(const std::vector<Piece>& pieces) {
  std::string tail;
  for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) {
    tail.insert(0, it->text);
    if (tail.size() > 4096 || it->text.find(' ') != std::string::npos) break;
  }
  return tail;
}

// Joins `next` onto `out` the way a reader would re-join a broken line.
void JoinPiece(const Piece& next, bool url_join, Field* out, char32_t* last,
               bool* last_trail) {
  if (out->length > 0 && !url_join) {
    char32_t a = *last;
    auto cps = ToCodePoints(next.text);
    char32_t b = cps.empty() ? 0 : cps.front();
    bool space = false;
    if (a == '-') {
      space = false;  // a word broken at its hyphen
    } else if (IsLatinAlnum(a) && IsLatinAlnum(b)) {
      space = true;
    } else if (a < 128 && std::strchr(".,;:!?)", static_cast<char>(a)) &&
               b < 128 && IsLatinAlnum(b)) {
      space = true;  // "报告名称." + "https://..."
    } else if (*last_trail && !IsWide(a) && !IsWide(b) && a && b) {
      space = true;
    }
    if (space) {
      out->text.push_back(' ');
      out->length += 1;
    }
  }
  out->anchors.push_back({out->length, next.line, next.col});
  out->text += next.text;
  out->length += CodePoints(next.text);
  auto cps = ToCodePoints(next.text);
  if (!cps.empty()) *last = cps.back();
  *last_trail = next.trail_space;
}

struct Paragraph {
  std::vector<Piece> pieces;
  Field field;
  bool ends_terminal = false;
  int first_line = 0, last_line = 0;
  size_t bytes = 0;  // of the pieces
  bool hinted = false;      // its lines came with a LineKind
  bool hint_title = false;  // ... and the kind says title
};

}  // namespace

struct Segmenter::Impl {
  const LayoutRules::Impl& rules;
  std::string path;
  ArticleSink sink;
  DiagnosticSink diag;
  SegmenterStats stats;

  // Layout learned in the warm-up.
  bool warm = false;
  std::vector<Line> warmup;
  bool double_spaced = false;
  int wrap_width = 0;  // 0: lines are not hard-wrapped
  // A paragraph's first line is indented (by one to four blanks), and the
  // lines that go on a paragraph are not: an indented line starts one.
  bool indent_paragraphs = false;

  std::deque<Line> queue;  // look-ahead
  bool page_top = true;    // at the top of a page: headers may follow
  bool separator_seen = false;
  bool sources_mode = false;
  std::set<std::string> seen_headers;
  std::string section;
  bool has_section = false;
  int content_lines = 0;

  // Paragraph under construction.
  Paragraph para;
  bool blank_pending = false;  // a blank line after an unfinished line
  bool crossed_page = false;   // page furniture or footnotes since then

  // Article under construction.
  std::unique_ptr<Article> cur;
  bool closed = false;       // a byline has been seen
  bool expect_title = true;  // the next text paragraph is a title
  std::unique_ptr<Paragraph> pending_title;
  bool last_para_terminal = true;
  // The current article's body is only short unfinished lines so far (a
  // deck or subtitle under the title).
  bool body_is_deck = true;

  // Footnotes of the current article, as raw pieces.
  struct FnBuild {
    int number = 0;
    std::vector<Piece> pieces;
  };
  std::vector<FnBuild> footnotes;
  bool in_footnote = false;
  // The footnote block being read, as runs of numbering: a page bottom can
  // hold the footnotes of the article that just ended (1, 2) and then those
  // of the one that began on the same page (1).
  std::vector<std::vector<FnBuild>> block;
  // Finished articles held back until their page has ended, since a later
  // run of the page's footnote block may still belong to them.
  struct Done {
    std::unique_ptr<Article> article;
    std::vector<FnBuild> footnotes;
  };
  std::deque<Done> done;
  int article_index = 0;
  bool hinted = false;       // lines come with a LineKind (PDF input)
  bool title_hints = false;  // the typography has shown a title

  void EndBlock();
  void FlushDone(size_t keep);
  // An input of one line that is only furniture-like (a bare date, a
  // number) is that expression, not furniture: the line is kept until the end
  // of the input and placed as text when nothing else came (see Finish).
  int nonblank_lines = 0;
  std::unique_ptr<Line> lone_dropped;
  // The table of contents, read as the map of the document: the titles of
  // its entries (white space removed) and its section lines.
  bool in_toc = false;
  std::set<std::string> toc_titles;
  std::set<std::string> toc_sections;
  // Lines of the masthead (found in the warm-up), by input line number.
  std::set<int> masthead_lines;
  // The highest footnote number so far in the document: numbering may run
  // on through the whole document.
  int doc_last_footnote = 0;
  // A note numbered 1 came after other notes: numbering restarts (per
  // article or per page) rather than running on.
  bool numbering_restarts = false;
  // Whether `t` (a trimmed line) is a section heading; sets *name to the
  // name looked up (without enumeration or frame).
  bool SectionLine(const std::string& t, int width, std::string* name) const;
  // Whether `l` goes on the title being read: the paragraph so far is the
  // start of a title the TOC lists, or a listed title whose line (with its
  // deck) filled the width that titles wrap at.
  bool ContinuesTocTitle(const Line& l);
  int title_wrap = 0;  // widest title line seen to wrap
  // Whether a paragraph is the title of a TOC entry (alone or with a deck).
  bool TocTitle(const Paragraph& p) const;
  std::function<void(int, const std::string&)> on_dropped;
  int dropped_before_article = 0;  // furniture before the first article
  void Dropped(const Line& l) {  // a line of page furniture removed
    Counted(l);
    crossed_page = true;
    if (nonblank_lines == 1) lone_dropped = std::make_unique<Line>(l);
  }

  // A line taken out of the text, counted in dropped_lines (furniture, and
  // the 参考资料 heading of a sources block).
  void Counted(const Line& l) {
    if (on_dropped) on_dropped(l.number, l.text);
    ++stats.dropped_lines;
    if (cur)
      ++cur->dropped_lines;
    else
      ++dropped_before_article;
  }

  Impl(const LayoutRules::Impl& r, std::string p, ArticleSink s,
       DiagnosticSink d)
      : rules(r),
        path(std::move(p)),
        sink(std::move(s)),
        diag(std::move(d)),
        columns([this](InputLine&& l) { PushLine(std::move(l)); }) {}

  // Two-column pages are read a column at a time (columns.h).
  ColumnSplitter columns;
  void PushLine(InputLine&& in);

  void LearnLayout();
  // The masthead: the short lines of the first page above its table of
  // contents or first section heading (only when one of them is there).
  void FindMasthead();
  // Running headers by repetition: the first line of a page (white space
  // removed) that opens other pages too. Learned in the warm-up, and from
  // each page top since.
  std::map<std::string, int> page_tops;
  bool awaiting_top = true;  // the next non-blank line is a page's first
  int warmup_last_line = 0;
  bool RepeatedTop(const Line& l);
  // A section heading other than the current section's name (which a
  // running header repeats).
  bool NewSectionLine(const Line& l) const;
  void Drain(bool all);
  void Process(const Line& l);
  const Line* Peek(size_t skip_nonblank) const;
  bool EndsParagraph(const Line& l, const Line& next) const;
  Line prev_line;
  void AddText(const Line& l);
  void FlushParagraph();
  void HandleParagraph(std::unique_ptr<Paragraph> p);
  // Whether `p` can be a title: short, not ending like a sentence. Strict
  // (a title in the middle of text, with no byline or section before it)
  // asks for more. An enumerated line (1. …, 一、…) is a title only where a
  // title is expected (`enumerated_ok`): elsewhere it is a list item.
  bool TitleLike(const Paragraph& p, bool strict,
                 bool enumerated_ok = false) const;
  void StartArticle(std::unique_ptr<Paragraph> title);
  void AppendBody(const Paragraph& p, bool unplaced);
  void EmitArticle();
  void FinishFootnotes(Article* a);
  void FinishRefs(Article* a);
  // True when the body of `a` holds a reference mark for footnote `number`.
  bool HasMark(const Article& a, int number) const;
  // The same for the article being read, with the text not in its body yet.
  bool CurHasMark(int number) const;
  void StartFootnote(int number, const Line& l, const std::string& text);
  // Records the byline `l` (its rule's groups in `g`) in `a`: its text,
  // authors or source.
  void AddByline(Article* a, const Line& l,
                 std::map<std::string, std::string>& g);
};

Segmenter::Segmenter(const LayoutRules& rules, std::string path,
                     ArticleSink sink, DiagnosticSink diag)
    : impl_(std::make_unique<Impl>(rules.impl(), std::move(path),
                                   std::move(sink), std::move(diag))) {}
Segmenter::~Segmenter() = default;
const SegmenterStats& Segmenter::stats() const { return impl_->stats; }
void Segmenter::OnDropped(std::function<void(int, const std::string&)> f) {
  impl_->on_dropped = std::move(f);
}

void Segmenter::Push(InputLine&& in) { impl_->columns.Push(std::move(in)); }

void Segmenter::Impl::PushLine(InputLine&& in) {
  Impl& m = *this;
  Line l = MakeLine(std::move(in));
  if (!m.warm) {
    m.warmup.push_back(std::move(l));
    if (m.warmup.size() >= 400) m.LearnLayout();
    return;
  }
  m.queue.push_back(std::move(l));
  m.Drain(false);
}

void Segmenter::Finish() {
  Impl& m = *impl_;
  m.columns.Finish();
  if (!m.warm) m.LearnLayout();
  m.Drain(true);
  if (m.lone_dropped && m.nonblank_lines == 1) {
    // The whole input is one line the furniture rules took (2018年10月, 12):
    // it is the text, not furniture.
    --m.stats.dropped_lines;
    m.AddText(*m.lone_dropped);
    m.lone_dropped.reset();
  }
  m.FlushParagraph();
  if (m.pending_title) {
    auto p = std::move(m.pending_title);
    m.AppendBody(*p, false);
  }
  m.EmitArticle();
  m.FlushDone(0);
  if (m.stats.articles == 0 && m.stats.dropped_lines > 0 && m.diag)
    // Nothing was written: say why rather than end in silence.
    m.diag({Severity::kWarning, "segment.no-article", m.path, 0, 0,
            "no article: all " + std::to_string(m.stats.dropped_lines) +
                " lines of text were taken for page furniture (page "
                "numbers, running headers), so no record was written"});
}

void Segmenter::Impl::LearnLayout() {
  warm = true;
  int nonblank = 0, spaced = 0;
  std::vector<int> open_widths;
  std::vector<int> all_widths;
  for (size_t i = 0; i < warmup.size(); ++i) {
    const Line& l = warmup[i];
    if (l.blank || l.ws_only) continue;
    ++nonblank;
    if (i + 2 < warmup.size() && warmup[i + 1].blank && !warmup[i + 2].blank)
      ++spaced;
    all_widths.push_back(l.width);
    bool terminal = IsTerminal(l.last) || IsCloser(l.last);
    if (!terminal && !l.trail_space) open_widths.push_back(l.width);
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
                        after_end_indented * 10 >= after_end * 5 &&
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
    if ((near * 2 >= static_cast<int>(open_widths.size()) ||
         (near >= 8 && near * 2 >= longish)) &&
        wider * 5 < static_cast<int>(all_widths.size()))
      wrap_width = w;
  }
  FindMasthead();
  bool top = true;
  for (const Line& l : warmup) {
    top = top || l.page_break;
    if (l.blank || l.ws_only || !top) continue;
    ++page_tops[SquashSpace(l.text)];
    top = false;
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
  return l.width * 10 < wrap_width * 7;
}

void Segmenter::Impl::EndBlock() {
  if (!block.empty()) {
    size_t n = block.size();
    auto article = [&](size_t back) -> const Article* {
      return back == 0 ? cur.get() : done[done.size() - back].article.get();
    };
    // PDF input (articles wait for the end of their page): the nearest
    // article each run can go to, counted from the last run back, each to
    // an article before the next run's, skipping articles with no mark for
    // the run's first note when an earlier one has it. (Not for text input:
    // a paragraph cut by the page, whose marks are not in the body yet,
    // would mislead the count.)
    std::vector<size_t> least(n);
    for (size_t i = n, j = 0; hinted && i-- > 0; ++j) {
      int first = block[i].empty() ? 0 : block[i].front().number;
      while (first > 0 && j < done.size() && article(j) &&
             !HasMark(*article(j), first) && HasMark(*article(j + 1), first))
        ++j;
      least[i] = j;
    }
    for (size_t i = 0; i < n; ++i) {
      // runs before the last: earlier articles
      size_t back = std::max(n - 1 - i, least[i]);
      // A run goes to the article whose text refers to it: when the
      // article in line for it has no mark for its first note but the one
      // before it has (and lacks that note), it is the earlier one's.
      int first = block[i].empty() ? 0 : block[i].front().number;
      while (first > 0 && back < done.size()) {
        const Article* target_a = article(back);
        const Done& prev = done[done.size() - back - 1];
        bool prev_has = false;
        for (const auto& f : prev.footnotes) prev_has |= f.number == first;
        if (!target_a || HasMark(*target_a, first) || prev_has ||
            !HasMark(*prev.article, first))
          break;
        ++back;
      }
      std::vector<FnBuild>* target = &footnotes;
      const Article* target_article = cur.get();
      if (back > 0 && back <= done.size()) {
        target = &done[done.size() - back].footnotes;
        target_article = done[done.size() - back].article.get();
      }
      for (auto& f : block[i]) {
        // Numbering that runs on through the document: each note goes to
        // the newest article on the page whose text has its mark.
        // Numbering that restarts (per page or per article): a note whose
        // article in line has no mark for it goes to the newest article on
        // the page that has one (an article that ended above a title which
        // the page bottom's notes follow).
        std::vector<FnBuild>* to = target;
        bool target_has =
            target_article &&
            (target_article == cur.get() ? CurHasMark(f.number)
                                         : HasMark(*target_article, f.number));
        if (f.number > 0 && !target_has && (!numbering_restarts || !hinted)) {
          if (cur && CurHasMark(f.number)) {
            to = &footnotes;
          } else {
            for (size_t k = done.size(); k-- > 0;)
              if (HasMark(*done[k].article, f.number)) {
                to = &done[k].footnotes;
                break;
              }
          }
        }
        to->push_back(std::move(f));
      }
    }
    block.clear();
  }
  in_footnote = false;
}

void Segmenter::Impl::FlushDone(size_t keep) {
  while (done.size() > keep) {
    Done d = std::move(done.front());
    done.pop_front();
    Article* a = d.article.get();
    footnotes.swap(d.footnotes);
    FinishFootnotes(a);
    footnotes.swap(d.footnotes);
    FinishRefs(a);
    a->index = ++article_index;
    ++stats.articles;
    sink(std::move(*a));
  }
}

void Segmenter::Impl::Process(const Line& l) {
  if (l.page_break) {
    in_toc = false;
    page_top = true;
    awaiting_top = true;
    EndBlock();
    FlushDone(0);
  }
  if (!(l.blank || l.ws_only) && RepeatedTop(l)) {
    Dropped(l);
    return;
  }
  if (l.blank || l.ws_only) {
    if (l.ws_only) separator_seen = true;
    if (!double_spaced) {
      // A blank line ends the paragraph, unless its last line is cut off
      // mid-sentence: then footnotes and a page break may follow, and the
      // sentence goes on after them.
      if (para.pieces.empty() || EndsParagraph(prev_line, prev_line)) {
        FlushParagraph();
      } else {
        blank_pending = true;
      }
      if (l.blank && !in_footnote) separator_seen = true;
    }
    return;
  }
  if (++nonblank_lines == 2) lone_dropped.reset();
  if (l.kind != LineKind::kUnknown) hinted = true;
  if (l.kind == LineKind::kFurniture) {  // repeated on the pages around
    Dropped(l);
    return;
  }
  // Small type at the page bottom: the context a footnote number needs.
  if (l.kind == LineKind::kFootnote) separator_seen = true;
  std::map<std::string, std::string> g;
  const Line* next = Peek(0);
  const std::string& t = l.text;
  if (masthead_lines.count(l.number)) {
    Dropped(l);
    return;
  }
  // A colophon line (报送：…, 地址：…) is furniture wherever it stands.
  if (l.width <= 120 &&
      MatchAny(rules.colophon, t, nullptr, RE2::ANCHOR_START)) {
    Dropped(l);
    return;
  }

  // Page numbers (a bare number followed by a URL is a footnote marker).
  // Cheap guards keep most body lines away from the layout patterns: page
  // numbers are short, footnotes start with a number or a bracket, a table
  // of contents entry ends with its page number, a byline has a colon or
  // brackets.
  bool may_be_number = l.width <= 24;
  if (may_be_number && MatchAny(rules.page_number, FoldWidth(t))) {
    bool marker = next && StartsWithUrl(next->text) &&
                  (separator_seen || in_footnote) &&
                  MatchAny(rules.footnote, t, &g);
    if (!marker) {
      Dropped(l);
      page_top = true;
      EndBlock();
      FlushDone(0);
      return;
    }
  }
  // Running headers: a short line right before a page number, or a header
  // (or the current section's name) at the top of a page.
  bool digit_start = (l.first >= '0' && l.first <= '9') ||
                     (l.first >= 0xFF10 && l.first <= 0xFF19) ||
                     l.first == '[' || l.first == 0xFF3B;
  bool digit_end = (l.last >= '0' && l.last <= '9') ||
                   (l.last >= 0xFF10 && l.last <= 0xFF19);
  const std::string folded = l.width <= 90 || digit_start || digit_end
                                 ? FoldWidth(t)
                                 : std::string();
  bool short_line = l.width <= 48;
  // (Not a footnote's last line, not the end of a sentence, and not a line
  // that fills the width: those are text that happens to end a page.)
  bool header_like = !in_footnote && !IsTerminal(l.last) &&
                     !(IsCloser(l.last) && IsTerminal(l.before_last)) &&
                     (wrap_width == 0 || l.width * 10 < wrap_width * 7);
  if (short_line && header_like && next && next->width <= 24 &&
      MatchAny(rules.page_number, FoldWidth(next->text)) &&
      !(Peek(1) && StartsWithUrl(Peek(1)->text)) &&
      t.find("http") == std::string::npos &&
      t.find("www.") == std::string::npos && !MatchAny(rules.byline, t) &&
      !NewSectionLine(l)) {
    // (A note that is a URL is no header, even just above the number.)
    seen_headers.insert(t);
    Dropped(l);
    return;
  }
  // Section headings, possibly framed: 一、政策动态, 【产业动态】.
  std::string section_name;
  bool is_section = SectionLine(t, l.width, &section_name);
  if (!is_section && l.kind == LineKind::kSection) {
    is_section = true;  // a larger heading directly above a title
    section_name = t;
  }
  if (is_section && has_section && section_name == section &&
      (page_top || seen_headers.count(t))) {
    seen_headers.insert(t);  // the section's name repeated as a header
    Dropped(l);
    return;
  }
  if (!is_section &&
      ((short_line && ((page_top && MatchAny(rules.header, folded)) ||
                       seen_headers.count(t))) ||
       ((content_lines < 3 || page_top) && l.width <= 90 &&
        MatchAny(rules.header, folded)))) {
    seen_headers.insert(t);
    Dropped(l);
    return;
  }
  // A table of contents: its heading, then (to the end of its page, or to
  // the first line that is neither) entries and section lines. They are
  // furniture, and the map of the document's titles and sections.
  if ((digit_end || l.width <= 24) && MatchAny(rules.toc, folded, &g)) {
    if (g.count("entry")) {
      std::string entry = Trim(g["entry"]);
      toc_titles.insert(SquashSpace(entry));
      std::map<std::string, std::string> sub;
      if (MatchAny(rules.subheading, entry, &sub, RE2::ANCHOR_START) &&
          sub.count("enum"))
        toc_titles.insert(SquashSpace(entry.substr(sub["enum"].size())));
    } else {
      in_toc = true;
    }
    Dropped(l);
    return;
  }
  // (A section line of a TOC is followed by an entry.)
  if (in_toc && l.width <= 30 && !IsTerminal(l.last) && next &&
      MatchAny(rules.toc, FoldWidth(next->text), &g) && g.count("entry")) {
    toc_sections.insert(t);
    Dropped(l);
    return;
  }
  in_toc = false;
  page_top = false;
  ++content_lines;

  // Footnotes.
  int expected = in_footnote && !block.back().empty()
                     ? block.back().back().number + 1
                 : footnotes.empty() ? 1
                                     : footnotes.back().number + 1;
  if (digit_start && MatchAny(rules.footnote, folded, &g)) {
    int num = std::atoi(g["num"].c_str());
    bool bracket = l.first == '[' || l.first == 0xFF3B;  // [ or full-width
    // The text after the number as printed (the match ran on the
    // width-folded line, which has as many code points).
    std::string rest;
    if (g.count("text")) {
      std::vector<int> off = CodePointOffsets(t);
      int k = static_cast<int>(off.size()) - 1 - CodePoints(g["text"]);
      rest = t.substr(off[std::max(k, 0)]);
    }
    bool context = separator_seen || in_footnote || sources_mode || bracket ||
                   rest.find("http") != std::string::npos ||
                   rest.find("www.") != std::string::npos;
    if (g.count("dot") && !sources_mode &&
        rest.find("http") == std::string::npos &&
        rest.find("www.") == std::string::npos)
      context = false;  // 1. … in a body is a list item
    if ((num == expected || num == 1 || num == doc_last_footnote + 1) &&
        context &&
        !(rest.empty() && !(next && StartsWithUrl(next->text)) && !bracket)) {
      if (on_dropped) on_dropped(l.number, t.substr(0, t.size() - rest.size()));
      StartFootnote(num, l, rest);
      return;
    }
  }
  if (in_footnote) {
    bool terminator = l.lead_space || l.page_break ||
                      (l.kind != LineKind::kUnknown &&
                       l.kind != LineKind::kFootnote);
    FnBuild& fn = block.back().back();
    if (!terminator) {
      // Continuation: URLs, Latin text, or text after an unfinished line.
      int han = 0, total = 0;
      for (char32_t c : ToCodePoints(t)) {
        ++total;
        han += IsHan(c);
      }
      bool url_like = StartsWithUrl(t) || ContinuesUrl(UrlTail(fn.pieces), t);
      char32_t last = fn.pieces.back().text.empty()
                          ? 0
                          : ToCodePoints(fn.pieces.back().text).back();
      bool ended = IsTerminal(last) || IsCloser(last);
      // (Latin text after a note that ended a sentence is the text going
      // on, in English: it does not belong to the note.)
      bool latin = han * 3 < total && !ended;
      bool unfinished = !(IsTerminal(last) || IsCloser(last)) &&
                        !sources_mode && han * 3 < total * 2;
      if (url_like || latin || unfinished || fn.pieces.back().text.empty() ||
          l.kind == LineKind::kFootnote) {
        fn.pieces.push_back({t, l.number, l.col, l.trail_space});
        if (cur) cur->end_line = std::max(cur->end_line, l.number);
        return;
      }
    }
    EndBlock();
  }
  if (l.width <= 30 && MatchAny(rules.sources_heading, t)) {
    sources_mode = true;
    Counted(l);
    FlushParagraph();
    return;
  }

  if (is_section) {
    if (on_dropped) on_dropped(l.number, t);  // kept as `section`
    FlushParagraph();
    if (pending_title) {
      auto p = std::move(pending_title);
      AppendBody(*p, false);
    }
    EmitArticle();
    section = section_name;
    has_section = true;
    expect_title = true;
    separator_seen = false;
    return;
  }
  // Bylines.
  // The first colon or slash, ASCII or full-width (byte offset).
  size_t colon = FindFirstFolded(t, ":/");
  bool may_be_byline = colon < 40 || l.first == 0xFF08 || l.first == '(';
  // (A source line may be long: it often holds a URL.)
  if (may_be_byline && MatchAny(rules.byline, t, &g) &&
      (l.width <= 80 || g.count("source"))) {
    FlushParagraph();
    // A byline in brackets (（编译：…）) closes its article; it never
    // follows its own title directly: a title just before it opens the
    // next article, and the byline is the one before's.
    bool closing = l.first == 0xFF08 || l.first == '(';
    std::unique_ptr<Paragraph> next_title;
    if (pending_title) {
      // A byline under a short line after finished text: that line is the
      // title of the article the byline opens (文／…, 撰文：…).
      auto p = std::move(pending_title);
      if (closing && cur && cur->authors.empty())
        next_title = std::move(p);
      else
        StartArticle(std::move(p));
    }
    // A byline naming people after one that named people and closed the
    // article is another article's (whose title was not seen).
    if (cur && closed && !cur->authors.empty() && !g.count("source"))
      StartArticle(nullptr);
    // Nor does it open a section: right after a title or a section
    // heading, with no text of their own yet, it is the article's before.
    Article* to = nullptr;
    if (closing && !g.count("source") && !next_title &&
        (!cur || (cur->body.text.empty() && cur->authors.empty() &&
                  cur->byline.empty())) &&
        !done.empty() && done.back().article->byline.empty() &&
        !done.back().article->body.text.empty())
      to = done.back().article.get();
    if (!to && !cur) StartArticle(nullptr);
    if (!to) to = cur.get();
    AddByline(to, l, g);
    if (to != cur.get()) {
      sources_mode = false;
      separator_seen = false;
      return;
    }
    // A byline right under the title (before any text) opens the body
    // rather than closing the article.
    // (A deck printed between the title and the byline is not text yet.)
    if ((!cur->body.text.empty() && !body_is_deck) || cur->title.text.empty()) {
      closed = true;
      expect_title = true;
    }
    if (next_title) {
      StartArticle(std::move(next_title));
      expect_title = false;
    }
    sources_mode = false;
    separator_seen = false;
    return;
  }
  AddText(l);
  separator_seen = false;
}

void Segmenter::Impl::AddByline(Article* a, const Line& l,
                                std::map<std::string, std::string>& g) {
  const std::string& t = l.text;
  std::string names = Trim(g["names"]);
  // A second byline line (编译 then 来源) adds to the first.
  a->byline = a->byline.empty() ? t : a->byline + "\n" + t;
  if (a->byline_line == 0) a->byline_line = l.number;
  a->end_line = std::max(a->end_line, l.number);
  if (g.count("source")) {
    if (names.find("http") != std::string::npos ||
        names.find("www.") != std::string::npos) {
      EndBlock();
      footnotes.push_back({0, {{t, l.number, l.col, false}}});
    }
  } else {
    std::string cur_name;
    auto flush = [&] {
      if (!cur_name.empty()) a->authors.push_back(cur_name);
      cur_name.clear();
    };
    for (char32_t c : ToCodePoints(names)) {
      if (c == ' ' || rules.author_separators.find(c) != std::u32string::npos)
        flush();
      else
        AppendUtf8(c, &cur_name);
    }
    flush();
  }
}

bool Segmenter::Impl::NewSectionLine(const Line& l) const {
  std::string name;
  return SectionLine(l.text, l.width, &name) &&
         !(has_section && name == section);
}

bool Segmenter::Impl::RepeatedTop(const Line& l) {
  if (!awaiting_top) return false;
  awaiting_top = false;
  std::string name;
  // (A section heading that repeats as a header is handled as one.)
  if (l.width > 120 || l.kind != LineKind::kUnknown ||
      SectionLine(l.text, l.width, &name))
    return false;
  int& seen = page_tops[SquashSpace(l.text)];
  if (l.number > warmup_last_line) ++seen;  // (the warm-up's are counted)
  return seen >= 2;
}

bool Segmenter::Impl::SectionLine(const std::string& t, int width,
                                  std::string* name) const {
  *name = t;
  if (width > 30) return false;
  if (rules.sections.count(t) || MatchAny(rules.section_re, t)) return true;
  // A framed or numbered heading: the name inside is looked up; any line
  // the table of contents listed as a section is one.
  std::map<std::string, std::string> g;
  if (MatchAny(rules.section_frame, t, &g) && g.count("name")) {
    *name = g["name"];
    if (rules.sections.count(*name) || MatchAny(rules.section_re, *name))
      return true;
  }
  return toc_sections.count(t) > 0;
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

void Segmenter::Impl::StartFootnote(int number, const Line& l,
                                    const std::string& text) {
  if (!cur) StartArticle(nullptr);
  if (!in_footnote) {
    block.clear();
    block.emplace_back();
  } else if (number == 1 && !block.back().empty()) {
    block.emplace_back();  // numbering restarts: another article's notes
  }
  int col = l.col + (CodePoints(l.text) - CodePoints(text));
  block.back().push_back({number, {{text, l.number, col, l.trail_space}}});
  if (number == 1 && doc_last_footnote > 0) numbering_restarts = true;
  doc_last_footnote = std::max(doc_last_footnote, number);
  crossed_page = true;
  cur->end_line = std::max(cur->end_line, l.number);
  in_footnote = true;
}

void Segmenter::Impl::AddText(const Line& l) {
  if (l.kind != LineKind::kUnknown) {
    // The page has shown where paragraphs start and what is a title.
    bool title = l.kind == LineKind::kTitle;
    if (!para.pieces.empty() && (l.para_start || title != para.hint_title))
      FlushParagraph();
    blank_pending = crossed_page = false;
    if (para.pieces.empty()) {
      para.first_line = l.number;
      para.hinted = true;
      para.hint_title = title;
    }
    para.pieces.push_back({l.text, l.number, l.col, l.trail_space});
    para.last_line = l.number;
    prev_line = l;
    return;
  }
  if (blank_pending && !crossed_page) FlushParagraph();
  blank_pending = crossed_page = false;
  if (!para.pieces.empty() && EndsParagraph(prev_line, l) &&
      !ContinuesTocTitle(l))
    FlushParagraph();
  if (!para.pieces.empty() &&
      para.bytes + l.text.size() > kMaxParagraphBytes) {
    ++stats.split_paragraphs;
    if (diag)
      diag({Severity::kWarning, "segment.long-paragraph", path, l.number,
            l.col,
            "paragraph longer than " + std::to_string(kMaxParagraphBytes) +
                " bytes: a new one starts here"});
    FlushParagraph();
  }
  if (para.pieces.empty()) para.first_line = l.number;
  para.pieces.push_back({l.text, l.number, l.col, l.trail_space});
  para.bytes += l.text.size();
  para.last_line = l.number;
  prev_line = l;
}

void Segmenter::Impl::FlushParagraph() {
  if (para.pieces.empty()) return;
  auto p = std::make_unique<Paragraph>(std::move(para));
  para = Paragraph();
  blank_pending = crossed_page = false;
  char32_t last = 0;
  bool trail = false;
  for (const auto& piece : p->pieces)
    JoinPiece(piece, false, &p->field, &last, &trail);
  p->ends_terminal = IsTerminal(last) || IsCloser(last) ||
                     rules.para_ends.find(last) != std::u32string::npos;
  HandleParagraph(std::move(p));
}

bool Segmenter::Impl::TitleLike(const Paragraph& p, bool strict,
                                bool enumerated_ok) const {
  const std::string& t = p.field.text;
  if (p.field.length < 2 || p.field.length > (strict ? 40 : 80)) return false;
  auto cps = ToCodePoints(t);
  char32_t last = cps.back();
  if (IsTerminal(last) && last != '?' && last != 0xFF1F) return false;
  if (rules.title_bad_ends.find(last) != std::u32string::npos) return false;
  if (MatchAny(rules.figure, t, nullptr, RE2::ANCHOR_START)) return false;
  if (!enumerated_ok &&
      MatchAny(rules.subheading, t, nullptr, RE2::ANCHOR_START))
    return false;
  if (strict) {
    int han = 0;
    for (char32_t c : cps) han += IsHan(c);
    if (han < 4 || IsCloser(last)) return false;
  }
  return true;
}

void Segmenter::Impl::HandleParagraph(std::unique_ptr<Paragraph> p) {
  // A title the table of contents lists opens an article wherever it is;
  // so does a line in larger type (PDF input), whatever its words.
  if (p->hint_title) title_hints = true;
  if (p->hint_title || TocTitle(*p)) {
    if (pending_title) {
      auto t = std::move(pending_title);
      AppendBody(*t, false);
    }
    EmitArticle();
    StartArticle(std::move(p));
    expect_title = false;
    return;
  }
  // Once the typography has shown titles, body-size text is not one.
  bool body_only = p->hinted && title_hints;
  if (pending_title) {
    auto title = std::move(pending_title);
    if (!TitleLike(*p, false)) {
      EmitArticle();
      StartArticle(std::move(title));
      AppendBody(*p, false);
      last_para_terminal = p->ends_terminal;
      return;
    }
    AppendBody(*title, false);
  }
  if (expect_title) {
    expect_title = false;
    if (!body_only && TitleLike(*p, false, /*enumerated_ok=*/true)) {
      EmitArticle();
      StartArticle(std::move(p));
      return;
    }
    if (closed || !cur) {
      EmitArticle();
      StartArticle(nullptr);
      AppendBody(*p, true);
      last_para_terminal = p->ends_terminal;
      return;
    }
  }
  if (!body_only && cur && !cur->body.text.empty() && last_para_terminal &&
      TitleLike(*p, true)) {
    pending_title = std::move(p);
    return;
  }
  if (!cur) StartArticle(nullptr);
  AppendBody(*p, closed);
  last_para_terminal = p->ends_terminal;
}

void Segmenter::Impl::StartArticle(std::unique_ptr<Paragraph> title) {
  EmitArticle();
  cur = std::make_unique<Article>();
  cur->path = path;
  cur->dropped_lines = dropped_before_article;
  dropped_before_article = 0;
  cur->has_section = has_section;
  cur->section = section;
  closed = false;
  footnotes.clear();
  last_para_terminal = true;
  body_is_deck = true;
  if (title) {
    cur->title = std::move(title->field);
    cur->title_line = title->first_line;
    cur->line = title->first_line;
    cur->end_line = title->last_line;
  }
}

void Segmenter::Impl::AppendBody(const Paragraph& p, bool unplaced) {
  if (!cur) StartArticle(nullptr);
  if (!cur->body.text.empty() &&
      cur->body.text.size() + 1 + p.field.text.size() > kMaxArticleBytes) {
    ++stats.split_articles;
    if (diag)
      diag({Severity::kWarning, "segment.long-article", path, p.first_line,
            p.pieces.front().col,
            "article longer than " + std::to_string(kMaxArticleBytes) +
                " bytes: its text goes on in a new record from here"});
    EmitArticle();
    StartArticle(nullptr);
  }
  Field& b = cur->body;
  if (p.ends_terminal || p.field.length > 60) body_is_deck = false;
  if (b.length > 0) {
    b.text.push_back('\n');
    b.length += 1;
  }
  for (const auto& a : p.field.anchors)
    b.anchors.push_back({a.offset + b.length, a.line, a.col});
  b.text += p.field.text;
  b.length += p.field.length;
  if (cur->line == 0) cur->line = p.first_line;
  cur->end_line = std::max(cur->end_line, p.last_line);
  if (unplaced) {
    int n = p.last_line - p.first_line + 1;
    cur->unplaced_lines += n;
    stats.unplaced_lines += n;
    if (diag)
      diag({Severity::kWarning, "segment.unplaced", path, p.first_line,
            p.pieces.front().col,
            "text outside any titled article kept in record"});
  }
}

void Segmenter::Impl::FinishFootnotes(Article* a) {
  std::vector<std::string> all_urls;
  const bool only_notes = a->line == 0;
  for (auto& fb : footnotes) {
    Footnote fn;
    fn.number = fb.number;
    char32_t last = 0;
    bool trail = false;
    int prev_width = 0;
    for (const auto& piece : fb.pieces) {
      bool url_join = ContinuesUrl(fn.text.text, piece.text) ||
                      (wrap_width > 0 && prev_width * 100 >= wrap_width * 85 &&
                       ContinuesUrlAtWrap(fn.text.text, piece.text));
      prev_width = DisplayWidth(piece.text) + piece.col - 1;
      if (piece.text.empty()) continue;
      // An article holding nothing but footnotes (no title, no body) spans
      // its footnote lines, not line 0; others keep their own lines.
      if (only_notes) {
        if (a->line == 0) a->line = piece.line;
        a->end_line = std::max(a->end_line, piece.line);
      }
      JoinPiece(piece, url_join, &fn.text, &last, &trail);
    }
    AddFootnoteUrls(&fn, &all_urls);
    a->footnotes.push_back(std::move(fn));
  }
}

bool Segmenter::Impl::CurHasMark(int number) const {
  if (cur && HasMark(*cur, number)) return true;
  // The paragraph being read (cut by the page) and a held title are not in
  // the body yet.
  Article probe;
  for (const auto& piece : para.pieces) probe.body.text += piece.text;
  if (pending_title) probe.body.text += "\n" + pending_title->field.text;
  return !probe.body.text.empty() && HasMark(probe, number);
}

bool Segmenter::Impl::HasMark(const Article& a, int number) const {
  std::set<int> any;  // a range (1-2, 2-4) may hold it
  for (int k = std::max(1, number - 9); k < number + 10; ++k) any.insert(k);
  for (const RefMark& m :
       FindRefMarks(ToCodePoints(a.body.text), any, rules.ref_words))
    if (m.number == number || (m.number < number && number <= m.number_max))
      return true;
  return false;
}

void Segmenter::Impl::FinishRefs(Article* a) {
  std::set<int> defined;
  for (const auto& f : a->footnotes)
    if (f.number > 0) defined.insert(f.number);
  std::vector<RefMark> marks =
      FindRefMarks(ToCodePoints(a->body.text), defined, rules.ref_words);
  if (on_dropped && !marks.empty()) {
    std::vector<int> off = CodePointOffsets(a->body.text);
    for (const RefMark& m : marks)
      on_dropped(a->body.Locate(m.start).line,
                 a->body.text.substr(off[m.start], off[m.end] - off[m.start]));
  }
  CutRefMarks(a, marks);
}

void Segmenter::Impl::EmitArticle() {
  EndBlock();
  if (!cur) return;
  std::unique_ptr<Article> a = std::move(cur);
  if (a->title.text.empty() && a->body.text.empty() && footnotes.empty() &&
      a->byline.empty()) {
    footnotes.clear();
    return;
  }
  done.push_back({std::move(a), std::move(footnotes)});
  footnotes.clear();
  // Finished articles wait for the end of their page (a page holds a few;
  // PDF input, where the page is known, as many as it has).
  FlushDone(hinted ? 64 : 8);
}

}  // namespace bulletin

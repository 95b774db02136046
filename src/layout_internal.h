// The segmenter's inside, shared by its modules (not for other code):
//   layout.cc           rules (layout.tsv, sections.txt), the public API
//   layout_page.cc      the page model: warm-up (double spacing, wrap width,
//                       indented paragraphs), masthead, running headers by
//                       repetition, sections and the table of contents
//   layout_classify.cc  what each line is (Process): furniture, TOC,
//                       footnote, section heading, byline or text
//   layout_footnotes.cc footnote blocks, their articles, reference marks
//   layout_assemble.cc  lines into paragraphs, paragraphs into articles
//   columns.cc, rethread.cc  two-column pages read a column at a time,
//                       before any of the above sees their lines
//
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
#ifndef BULLETIN_LAYOUT_INTERNAL_H_
#define BULLETIN_LAYOUT_INTERNAL_H_

#include <re2/re2.h>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "columns.h"
#include "footnotes.h"
#include "layout.h"
#include "lazy_regex.h"
#include "rethread.h"

namespace bulletin {

// Built-in patterns are compiled when first used (lazy_regex.h).
using RegexList = std::vector<std::unique_ptr<LazyRegex>>;

struct LayoutRules::Impl {
  RegexList page_number, header, byline, footnote, sources_heading,
      note_heading_prefix, subheading, figure, section_re, toc, section_frame,
      colophon, dateline;
  std::set<std::string> sections;
  RefMarkWords ref_words;  // ref_* lines
  // Punctuation lists: what splits a byline's names, what ends a paragraph
  // besides a sentence end or a closing bracket, what a title never ends in,
  // what sets a deck apart from its title, what stands inside a sentence.
  std::u32string author_separators, para_ends, title_bad_ends, deck_marks,
      clause_marks, title_body_ends;
  // The widest a column of a two-column page wraps (in display width, a
  // Han character 2): a page whose text wraps wider is read as printed
  // (rethread.cc). 0: no page is read in columns.
  int column_width = 0;
};

// Full match of `s` against any pattern; fills named groups when asked.
bool MatchAny(const RegexList& list, const std::string& s,
              std::map<std::string, std::string>* groups = nullptr,
              RE2::Anchor anchor = RE2::ANCHOR_BOTH);

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

// A line of input, trimmed and measured.
Line MakeLine(InputLine&& in);

struct Piece {
  std::string text;
  int line, col;
  bool trail_space;
};

// The end of a footnote's pieces that may hold a URL broken over lines.
std::string UrlTail(const std::vector<Piece>& pieces);
// Joins `next` onto `out` the way a reader would re-join a broken line.
void JoinPiece(const Piece& next, bool url_join, Field* out, char32_t* last,
               bool* last_trail);

struct Paragraph {
  std::vector<Piece> pieces;
  Field field;
  bool ends_terminal = false;
  int first_line = 0, last_line = 0;
  size_t bytes = 0;  // of the pieces
  bool hinted = false;      // its lines came with a LineKind
  bool hint_title = false;  // ... and the kind says title
};

// ------------------------------------------------ the line classifier
// A pure function from a line, the lines after it and the state of the
// page being read to what the line is, for the kinds that are taken out
// of the text (furniture, table of contents) and the features the rest of
// Segmenter::Impl::Process goes on with. Table-tested in
// tests/unit/layout_classify_test.cc.

// What the classifier sees besides the line itself.
struct LineContext {
  const Line* next = nullptr;        // the next non-blank line
  const Line* after_next = nullptr;  // the one after it
  bool in_footnote = false;          // a footnote block is being read
  bool separator_seen = false;  // a blank line (or rule) before the line
  bool page_top = false;        // only furniture so far on this page
  bool in_toc = false;          // in a table of contents
  int wrap_width = 0;           // the hard-wrap width; 0: none
  int content_lines = 0;        // lines of content read so far
  const std::string* section = nullptr;  // the current section, if any
  const std::set<std::string>* seen_headers = nullptr;  // taken as headers
  const std::set<std::string>* toc_sections = nullptr;  // the TOC's sections
};

enum class LineRole {
  kContent,        // goes on to footnotes, sections, bylines, text
  kColophon,       // 报送：…, 地址：…
  kPageNumber,     // a page footer
  kHeader,         // a running header (or a line repeating one)
  kSectionHeader,  // the current section's name repeated as a header
  kTocHeading,     // 目录
  kTocEntry,       // a title with its page number
  kTocSection,     // a section line inside the table of contents
};

struct LineClass {
  LineRole role = LineRole::kContent;
  bool is_section = false;   // a section heading (kContent)
  std::string section_name;  // its name, without enumeration or frame
  std::string toc_entry;     // kTocEntry: the title, trimmed
  bool digit_start = false;  // starts with a digit or a bracket
  std::string folded;        // the text width-folded (short lines, or digits
                             // at an end), else empty
};

LineClass ClassifyLine(const LayoutRules::Impl& rules, const Line& l,
                       const LineContext& ctx);

// Whether `t` (trimmed, `width` wide) is a section heading; sets *name to
// the name looked up (without enumeration or frame). Lines the table of
// contents listed as sections (`toc_sections`) are.
bool SectionLine(const LayoutRules::Impl& rules,
                 const std::set<std::string>& toc_sections,
                 const std::string& t, int width, std::string* name);

struct Segmenter::Impl {
  const LayoutRules::Impl& rules;
  std::string path;
  ArticleSink sink;
  DiagnosticSink diag;
  SegmenterStats stats;

  // Layout learned in the warm-up.
  bool warm = false;
  std::vector<Line> warmup;
  size_t warmup_bytes = 0;  // text held in warmup
  static constexpr size_t kMaxWarmupBytes = 1 << 20;
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
  // How the current article's text starts: the column of its first line,
  // and the least column of any of its lines (-1 before any): a first
  // line one to four columns further in shows indented paragraphs.
  int body_open_col = -1, body_col = -1;
  bool OpensIndentedParagraph(const Paragraph& p) const;

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
        rethread(r, [this](InputLine&& l) { PushLine(std::move(l)); }),
        columns([this](InputLine&& l) { rethread.Push(std::move(l)); },
                [this] { rethread.EndPage(); }) {}

  // Two-column pages are read a column at a time: a layout-preserving
  // extraction's (columns.h), then a plain one's (rethread.h).
  Rethreader rethread;
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
  int top_lines_seen = 0;    // non-blank lines of this page so far (to 3)
  std::set<std::string> top_texts;  // this page's top lines, counted
  bool MayRepeatAtTop(const Line& l) const;
  int warmup_last_line = 0;
  bool RepeatedTop(const Line& l);
  void Drain(bool all);
  void Process(const Line& l);
  const Line* Peek(size_t skip_nonblank) const;
  bool EndsParagraph(const Line& l, const Line& next) const;
  // Whether `next`, after a blank line, goes on the paragraph being read:
  // its last line fills the wrap width, ends open and is inside a sentence
  // (a clause mark in it), so the blank is an extractor's, not the text's.
  bool GoesOnAfterBlank(const Line& next) const;
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
  // Whether `p`, right under the current article's title, is the title's
  // next line.
  bool TitleGoesOn(const Paragraph& p) const;
  // Whether the current article has a title of at most two lines and
  // nothing after it yet (no text, byline or note).
  bool TitleOpen() const;
  // Joins `p` onto the current article's title as a wrapped line.
  void JoinTitle(const Paragraph& p);
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
  // Appends the names of a byline or dateline (split on
  // rules.author_separators and spaces) to *out.
  void SplitNames(const std::string& names,
                  std::vector<std::string>* out) const;
  // The current article's authors came from a dateline opening its text
  // (rules/layout.tsv dateline): a byline's replace them.
  bool dateline_authors = false;
};

}  // namespace bulletin

#endif  // BULLETIN_LAYOUT_INTERNAL_H_

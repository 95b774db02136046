// The article assembler: text lines re-joined into paragraphs, paragraphs
// into titles, bodies and articles.
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
  if (blank_pending && !crossed_page && !GoesOnAfterBlank(l)) FlushParagraph();
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

bool Segmenter::Impl::GoesOnAfterBlank(const Line& next) const {
  const Line& l = prev_line;
  if (wrap_width == 0 || para.pieces.empty() || l.trail_space ||
      l.width * 100 < wrap_width * 85 || IsTerminal(l.last) ||
      IsCloser(l.last) || rules.para_ends.find(l.last) != std::u32string::npos ||
      EndsParagraph(l, next))
    return false;
  bool clause = false;
  for (char32_t c : ToCodePoints(l.text))
    clause = clause || rules.clause_marks.find(c) != std::u32string::npos;
  if (!clause) return false;
  // (A title the table of contents lists stays one.)
  if (toc_titles.empty()) return true;
  std::string sofar;
  for (const auto& piece : para.pieces) sofar += SquashSpace(piece.text);
  return toc_titles.count(sofar) == 0;
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
  int length = ReadLength(t);
  if (length < 2 || length > (strict ? 40 : 80)) return false;
  auto cps = ToCodePoints(t);
  char32_t last = cps.back();
  if (IsTerminal(last) && FoldWidth(last) != '?') return false;
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
  // (Title type right under a title, before any text: the title's next
  // line, which the page set apart as a paragraph of its own.)
  if (p->hint_title && !pending_title && TitleOpen()) {
    JoinTitle(*p);
    return;
  }
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
      !OpensIndentedParagraph(*p) && TitleLike(*p, true)) {
    pending_title = std::move(p);
    return;
  }
  if (TitleGoesOn(*p)) {
    JoinTitle(*p);
    return;
  }
  if (!cur) StartArticle(nullptr);
  AppendBody(*p, closed);
  last_para_terminal = p->ends_terminal;
}

void Segmenter::Impl::JoinTitle(const Paragraph& p) {
  // The title's next line: joined as a wrapped line is.
  char32_t last = ToCodePoints(cur->title.text).back();
  bool trail = false;
  for (const auto& piece : p.pieces)
    JoinPiece(piece, false, &cur->title, &last, &trail);
  cur->end_line = std::max(cur->end_line, p.last_line);
}

bool Segmenter::Impl::TitleOpen() const {
  return cur && !cur->title.text.empty() && cur->body.text.empty() &&
         cur->byline.empty() && footnotes.empty() &&
         cur->title.anchors.size() <= 2;
}

bool Segmenter::Impl::TitleGoesOn(const Paragraph& p) const {
  // Right under a title of at most two lines, before any text, byline or
  // note: one short line that could be a title too, not opening with a deck
  // mark (——副题, ：副题) and with no clause mark inside (，、: a sentence
  // cut at its line's end), is the title's next line (a title wrapped or
  // broken over two or three lines; or a deck printed with no mark, which
  // goes with its title).
  if (!TitleOpen() || p.hinted || p.pieces.size() != 1 ||
      !TitleLike(p, /*strict=*/true))
    return false;
  auto cps = ToCodePoints(p.field.text);
  if (rules.deck_marks.find(cps.front()) != std::u32string::npos) return false;
  for (char32_t c : cps)
    if (rules.clause_marks.find(c) != std::u32string::npos) return false;
  auto title = ToCodePoints(cur->title.text);
  return rules.title_bad_ends.find(title.back()) == std::u32string::npos &&
         title.size() + cps.size() <= 80;
}

bool Segmenter::Impl::OpensIndentedParagraph(const Paragraph& p) const {
  // Indented like the first lines of the article's own paragraphs (whose
  // later lines are not), a paragraph is one of them, not a title: at a
  // page top, or where the hard-wrap width is unknown (a short text), its
  // first line stands alone.
  int indent = body_open_col - body_col;
  return indent >= 1 && indent <= 4 && !p.pieces.empty() &&
         p.pieces.front().col == body_open_col;
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
  dateline_authors = false;
  footnotes.clear();
  last_para_terminal = true;
  body_is_deck = true;
  body_col = body_open_col = -1;
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
  if (!p.pieces.empty() && body_open_col < 0)
    body_open_col = p.pieces.front().col;
  for (const auto& piece : p.pieces)
    if (body_col < 0 || piece.col < body_col) body_col = piece.col;
  Field& b = cur->body;
  // A dateline opening the text names its reporters when no byline has
  // (新华社北京3月5日电（记者 王某）…): they are the article's authors.
  std::map<std::string, std::string> g;
  if (body_is_deck && cur->authors.empty() &&
      MatchAny(rules.dateline, p.field.text, &g, RE2::ANCHOR_START) &&
      g.count("names")) {
    SplitNames(Trim(g["names"]), &cur->authors);
    dateline_authors = !cur->authors.empty();
  }
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
  // (Re-threaded columns, rethread.cc, can give a paragraph its lines out of
  // input order: a column's last paragraph going on at the next one's top.)
  cur->end_line = std::max(cur->end_line, p.last_line);
  for (const auto& piece : p.pieces)
    cur->end_line = std::max(cur->end_line, piece.line);
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

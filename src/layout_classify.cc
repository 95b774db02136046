// What each line is (Segmenter::Impl::Process): page furniture (page numbers,
// running headers, masthead, colophon), table of contents, footnote,
// sources heading, section heading, byline, or text for the assembler.
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

namespace {

// The part of `s` that a footnote pattern's group `text` matched (the
// match ran on the width-folded `s`, which has as many code points).
std::string NoteText(const std::string& s,
                     const std::map<std::string, std::string>& g) {
  auto text = g.find("text");
  if (text == g.end()) return std::string();
  std::vector<int> off = CodePointOffsets(s);
  int k = static_cast<int>(off.size()) - 1 - CodePoints(text->second);
  return s.substr(off[std::max(k, 0)]);
}

// The part of `s` that stands where `part` stands in `folded` (FoldWidth of
// `s`, which has as many code points): a TOC entry as printed, （二）… and
// not (二)….
std::string Unfolded(const std::string& s, const std::string& folded,
                     const std::string& part) {
  size_t at = folded.find(part);
  if (at == std::string::npos) return part;
  std::vector<int> off = CodePointOffsets(s);
  int k = CodePoints(folded.substr(0, at));
  int n = CodePoints(part);
  if (k + n >= static_cast<int>(off.size())) return part;
  return s.substr(off[k], off[k + n] - off[k]);
}

}  // namespace

bool SectionLine(const LayoutRules::Impl& rules,
                 const std::set<std::string>& toc_sections,
                 const std::string& t, int width, std::string* name) {
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

LineClass ClassifyLine(const LayoutRules::Impl& rules, const Line& l,
                       const LineContext& ctx) {
  static const std::set<std::string> kNone;
  const std::set<std::string>& seen_headers =
      ctx.seen_headers ? *ctx.seen_headers : kNone;
  const std::set<std::string>& toc_sections =
      ctx.toc_sections ? *ctx.toc_sections : kNone;
  const Line* next = ctx.next;
  const std::string& t = l.text;
  std::map<std::string, std::string> g;
  LineClass c;
  // A colophon line (报送：…, 地址：…) is furniture wherever it stands.
  if (l.width <= 120 &&
      MatchAny(rules.colophon, t, nullptr, RE2::ANCHOR_START))
    return c.role = LineRole::kColophon, c;

  // Page numbers (a bare number followed by a URL is a footnote marker).
  // Cheap guards keep most body lines away from the layout patterns: page
  // numbers are short, footnotes start with a number or a bracket, a table
  // of contents entry ends with its page number, a byline has a colon or
  // brackets.
  bool may_be_number = l.width <= 24;
  if (may_be_number && MatchAny(rules.page_number, FoldWidth(t))) {
    bool marker = next && StartsWithUrl(next->text) &&
                  (ctx.separator_seen || ctx.in_footnote) &&
                  MatchAny(rules.footnote, t, &g);
    if (!marker) return c.role = LineRole::kPageNumber, c;
  }
  // Running headers: a short line right before a page number, or a header
  // (or the current section's name) at the top of a page.
  c.digit_start = (l.first >= '0' && l.first <= '9') ||
                  IsWideDigit(l.first) ||
                  FoldWidth(l.first) == '[';
  bool digit_end = (l.last >= '0' && l.last <= '9') ||
                   IsWideDigit(l.last);
  if (l.width <= 90 || c.digit_start || digit_end) c.folded = FoldWidth(t);
  const std::string& folded = c.folded;
  bool short_line = l.width <= 48;
  // (Not a footnote's last line, not the end of a sentence, and not a line
  // that fills the width: those are text that happens to end a page.)
  bool header_like = !ctx.in_footnote && !IsTerminal(l.last) &&
                     !(IsCloser(l.last) && IsTerminal(l.before_last)) &&
                     (ctx.wrap_width == 0 || l.width * 10 < ctx.wrap_width * 7);
  auto new_section = [&] {  // a section heading not the current one
    std::string name;
    return SectionLine(rules, toc_sections, t, l.width, &name) &&
           !(ctx.section && name == *ctx.section);
  };
  if (short_line && header_like && next && next->width <= 24 &&
      MatchAny(rules.page_number, FoldWidth(next->text)) &&
      !(ctx.after_next && StartsWithUrl(ctx.after_next->text)) &&
      t.find("http") == std::string::npos &&
      t.find("www.") == std::string::npos && !MatchAny(rules.byline, t) &&
      !new_section()) {
    // (A note that is a URL is no header, even just above the number.)
    return c.role = LineRole::kHeader, c;
  }
  // Section headings, possibly framed: 一、政策动态, 【产业动态】.
  c.is_section = SectionLine(rules, toc_sections, t, l.width, &c.section_name);
  if (!c.is_section && l.kind == LineKind::kSection) {
    // (The heading's typography says it is one: its name is the framed or
    // numbered part, as SectionLine left it, or the whole line.)
    c.is_section = true;
  }
  if (c.is_section && ctx.section && c.section_name == *ctx.section &&
      (ctx.page_top || seen_headers.count(t)))
    // the section's name repeated as a header
    return c.role = LineRole::kSectionHeader, c;
  if (!c.is_section &&
      ((short_line && ((ctx.page_top && MatchAny(rules.header, folded)) ||
                       seen_headers.count(t))) ||
       ((ctx.content_lines < 3 || ctx.page_top) && l.width <= 90 &&
        MatchAny(rules.header, folded))))
    return c.role = LineRole::kHeader, c;
  // A table of contents: its heading, then (to the end of its page, or to
  // the first line that is neither) entries and section lines. They are
  // furniture, and the map of the document's titles and sections.
  if ((digit_end || l.width <= 24) && MatchAny(rules.toc, folded, &g)) {
    if (!g.count("entry")) return c.role = LineRole::kTocHeading, c;
    c.toc_entry = Trim(Unfolded(t, folded, g["entry"]));
    return c.role = LineRole::kTocEntry, c;
  }
  // (A section line of a TOC is followed by an entry.)
  if (ctx.in_toc && l.width <= 30 && !IsTerminal(l.last) && next &&
      MatchAny(rules.toc, FoldWidth(next->text), &g) && g.count("entry"))
    return c.role = LineRole::kTocSection, c;
  return c;
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
  LineContext ctx;
  ctx.next = next;
  ctx.after_next = Peek(1);
  ctx.in_footnote = in_footnote;
  ctx.separator_seen = separator_seen;
  ctx.page_top = page_top;
  ctx.in_toc = in_toc;
  ctx.wrap_width = wrap_width;
  ctx.content_lines = content_lines;
  ctx.section = has_section ? &section : nullptr;
  ctx.seen_headers = &seen_headers;
  ctx.toc_sections = &toc_sections;
  LineClass c = ClassifyLine(rules, l, ctx);
  switch (c.role) {
    case LineRole::kContent:
      break;
    case LineRole::kPageNumber:
      Dropped(l);
      page_top = true;
      EndBlock();
      FlushDone(0);
      return;
    case LineRole::kHeader:
    case LineRole::kSectionHeader:
      seen_headers.insert(t);
      Dropped(l);
      return;
    case LineRole::kTocEntry: {
      toc_titles.insert(SquashSpace(c.toc_entry));
      std::map<std::string, std::string> sub;
      if (MatchAny(rules.subheading, c.toc_entry, &sub, RE2::ANCHOR_START) &&
          sub.count("enum"))
        toc_titles.insert(
            SquashSpace(c.toc_entry.substr(sub["enum"].size())));
      Dropped(l);
      return;
    }
    case LineRole::kTocHeading:
      in_toc = true;
      Dropped(l);
      return;
    case LineRole::kTocSection:
      toc_sections.insert(t);
      Dropped(l);
      return;
    case LineRole::kColophon:
      Dropped(l);
      return;
  }
  const bool digit_start = c.digit_start;
  const std::string& folded = c.folded;
  const bool is_section = c.is_section;
  const std::string& section_name = c.section_name;
  in_toc = false;
  page_top = false;
  ++content_lines;

  // Footnotes.
  int expected = in_footnote && !block.back().empty()
                     ? block.back().back().number + 1
                 : footnotes.empty() ? 1
                                     : footnotes.back().number + 1;
  // A note number that can come here: the next one, a restart, or the
  // next of the document's numbering.
  // (PDF input, small type at the page bottom: also the number of a mark
  // in an article of the page that has no note of that number yet, as a
  // note 2 below notes 1 of other articles on the page after its note 1.)
  // (Whether an article that may take notes here, the current one or one
  // still waiting for its notes, has a mark of num and no note of it yet.)
  auto mark_waits = [&](int num) {
    auto lacks = [&](const std::vector<FnBuild>& has) {
      for (const auto& f : has)
        if (f.number == num) return false;
      return true;
    };
    if (cur && CurHasMark(num) && lacks(footnotes)) return true;
    for (const auto& d : done)
      if (HasMark(*d.article, num) && lacks(d.footnotes)) return true;
    return false;
  };
  // A number a little past the next one, when a mark of it waits for its
  // note and no mark of the numbers skipped does: the notes' numbering
  // skips (check reports footnote.numbering), and the note is still a note.
  auto skips_to = [&](int num) {
    constexpr int kMaxSkip = 3;
    for (int base : {expected, doc_last_footnote + 1}) {
      if (num <= base || num - base > kMaxSkip) continue;
      bool unmarked = true;
      for (int k = base; k < num && unmarked; ++k) unmarked = !mark_waits(k);
      if (unmarked && mark_waits(num)) return true;
    }
    return false;
  };
  auto follows = [&](int num) {
    return num == expected || num == 1 || num == doc_last_footnote + 1 ||
           (l.kind == LineKind::kFootnote && mark_waits(num)) || skips_to(num);
  };
  // A first note printed on its heading's line (rules/layout.tsv
  // note_heading_prefix): the heading opens a list of notes, as on a line
  // of its own, and the rest of the line is the note. A heading that holds
  // the number itself (group num: 注1：…) labels each note of the list.
  std::map<std::string, std::string> hg;
  if (!digit_start &&
      MatchAny(rules.note_heading_prefix, t, &hg, RE2::ANCHOR_START) &&
      !hg["head"].empty()) {
    const std::string after = t.substr(hg["head"].size());
    if (hg.count("num") || MatchAny(rules.footnote, FoldWidth(after), &g)) {
      int num = std::atoi((hg.count("num") ? hg : g)["num"].c_str());
      std::string rest = hg.count("num") ? after : NoteText(after, g);
      if (follows(num)) {
        sources_mode = true;
        if (on_dropped)
          on_dropped(l.number, t.substr(0, t.size() - rest.size()));
        StartFootnote(num, l, rest);
        return;
      }
    }
  }
  if (digit_start && MatchAny(rules.footnote, folded, &g)) {
    int num = std::atoi(g["num"].c_str());
    bool bracket = FoldWidth(l.first) == '[';  // [ or full-width
    // The text after the number as printed.
    std::string rest = NoteText(t, g);
    bool context = separator_seen || in_footnote || sources_mode || bracket ||
                   rest.find("http") != std::string::npos ||
                   rest.find("www.") != std::string::npos;
    // A mark and the punctuation after it wrapped to a line of their own
    // ([1]。) end the sentence above: no note has only punctuation for text.
    bool punct_only = !rest.empty();
    for (char32_t c : ToCodePoints(rest))
      punct_only = punct_only && (IsTerminal(c) || IsCloser(c) || IsCjkPunct(c));
    if (punct_only) context = false;
    if (g.count("dot") && !sources_mode &&
        rest.find("http") == std::string::npos &&
        rest.find("www.") == std::string::npos)
      context = false;  // 1. … in a body is a list item
    if (follows(num) && context &&
        !(rest.empty() && !(next && StartsWithUrl(next->text)) && !bracket)) {
      if (on_dropped) on_dropped(l.number, t.substr(0, t.size() - rest.size()));
      StartFootnote(num, l, rest);
      return;
    }
  }
  if (in_footnote) {
    // (A line the page shows going on from the one above, as in notes
    // after an article, continues the note.)
    bool terminator = l.lead_space || l.page_break ||
                      (l.kind != LineKind::kUnknown &&
                       l.kind != LineKind::kFootnote && l.para_start);
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
      // (A byline ends the note, even one naming its authors in Latin
      // letters after a note that ends with a URL.)
      bool byline = !url_like && MatchAny(rules.byline, t);
      if (!byline && (url_like || latin || unfinished ||
                      fn.pieces.back().text.empty() ||
                      l.kind != LineKind::kUnknown)) {
        fn.pieces.push_back({t, l.number, l.col, l.trail_space});
        if (cur) {
          if (cur->line == 0) cur->line = l.number;
          cur->end_line = std::max(cur->end_line, l.number);
        }
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
  // (A reporter's line, 记者 王某 报道, is short and has neither.)
  bool may_be_byline = colon < 40 || FoldWidth(l.first) == '(' || l.width <= 40;
  // (A source line may be long: it often holds a URL.)
  if (may_be_byline && MatchAny(rules.byline, t, &g) &&
      (l.width <= 80 || g.count("source"))) {
    FlushParagraph();
    // A byline in brackets (（编译：…）) closes its article; it never
    // follows its own title directly: a title just before it opens the
    // next article, and the byline is the one before's.
    bool closing = FoldWidth(l.first) == '(';
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
  // An article can open with its byline (no title line): it starts there.
  if (a->line == 0) a->line = l.number;
  a->end_line = std::max(a->end_line, l.number);
  if (g.count("source") && (names.find("http") != std::string::npos ||
                            names.find("www.") != std::string::npos)) {
    // A source line with a URL (来源：https://…) is an unnumbered footnote,
    // not the byline.
    EndBlock();
    footnotes.push_back({0, {{t, l.number, l.col, false}}});
    return;
  }
  // A second byline line (编译 then 来源) adds to the first.
  a->byline = a->byline.empty() ? t : a->byline + "\n" + t;
  if (a->byline_line == 0) a->byline_line = l.number;
  if (!g.count("source")) {
    // (A byline names the authors a dateline named, and is the one to go by.)
    if (a == cur.get() && dateline_authors) a->authors.clear();
    dateline_authors = false;
    SplitNames(names, &a->authors);
  }
}

void Segmenter::Impl::SplitNames(const std::string& names,
                                 std::vector<std::string>* out) const {
  std::string cur_name;
  auto flush = [&] {
    if (!cur_name.empty()) out->push_back(cur_name);
    cur_name.clear();
  };
  // (A space inside a name in Latin letters, Anna Lee, does not split it.)
  auto cps = ToCodePoints(names);
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    bool latin_space = c == ' ' && i > 0 && i + 1 < cps.size() &&
                       IsLatinAlnum(cps[i - 1]) && !IsWide(cps[i - 1]) &&
                       IsLatinAlnum(cps[i + 1]) && !IsWide(cps[i + 1]);
    if (!latin_space &&
        (c == ' ' || rules.author_separators.find(c) != std::u32string::npos))
      flush();
    else
      AppendUtf8(c, &cur_name);
  }
  flush();
}

}  // namespace bulletin

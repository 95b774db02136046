// How the rethreader decides, per page:
//
// 1. The page is cut into blocks at blank lines (a furniture line that
//    opens or closes a block is one of its own); each block into segments
//    by what its lines are: a section heading, a byline, notes (a note
//    heading, a bracketed note number or a number before a URL, and the
//    lines after it), text. A text segment is a title when its lines hold
//    no clause or sentence punctuation and do not fill the column's width;
//    its first lines are one when they are clearly narrower than the
//    text's widest line; else it is body text, open when its last line
//    does not end a sentence.
// 2. The blocks that open the page and repeat the top of an earlier page
//    (a running header), the furniture-like lines around them and, on the
//    first page, the masthead above its first section heading, stay on
//    top; page numbers and a colophon at the bottom stay below.
// 3. A beam search assigns each block in between to one of two streams.
//    Each stream is read as a small grammar, and a step that breaks it
//    costs: an open sentence followed by anything but text, a title after
//    a title, text after an article's byline or notes, a second byline,
//    notes whose numbers no reference mark of the stream's article uses
//    (while the other stream's does), notes, a byline or text (no title)
//    at the start of the document. Ties are broken by how the extractor
//    orders the columns' blocks, learnt over the document from the blocks
//    the grammar places (those that cost kForced more in the other
//    stream): by height (the stream less far down the page goes on) or in
//    runs (the stream of the block before goes on); by the rare character pairs a block
//    shares with a stream's article; and by a word cut at an open
//    sentence's break (the pair of characters across it printed elsewhere
//    on the page). The stream that reads better first is the left column.
// 4. The page reads as two streams when its text wraps narrow enough for a
//    column (column_width in layout.tsv), the best split costs far less
//    than the page read as one stream (kMinGain) and each stream has text
//    of its own;
//    the first stream continues what the previous page left, the second
//    what the first leaves.
#include "rethread.h"

#include <algorithm>
#include <map>
#include <memory>

#include "footnotes.h"
#include "layout_internal.h"
#include "text_util.h"

namespace bulletin {

namespace {

enum class Seg { kSection, kTitle, kBody, kByline, kNote };

struct Segment {
  Seg kind;
  bool open = false;       // body text that ends inside a sentence
  bool deck = false;       // a title line that opens with a deck mark
  std::vector<int> marks;  // body: reference marks; notes: note numbers
  size_t split = 0;  // a title cut from the text under it: the text's line
};

struct Block {
  size_t begin = 0, end = 0;  // text lines [begin, end) of the page
  size_t next = 0;            // the next block's first line
  std::vector<Segment> segs;
  std::string squashed;
  std::vector<uint32_t> grams;  // character pairs, sorted, unique
  bool body_text = false;       // holds body text
  char32_t head = 0, tail = 0;  // its first and last characters
};

// Grammar costs: what a step that breaks a stream's reading costs.
// A sentence left open followed by anything but text (or notes: a page's
// footnotes may cut a sentence).
constexpr double kOpenCost = 10;
// A title right after a title (not a deck).
constexpr double kTitleAfterTitle = 4;
// Text after the byline or the notes that closed an article's text.
constexpr double kTextAfterEnd = 4;
// Text right after a section heading, with no title.
constexpr double kSectionCost = 3;
// A second byline in one article; a byline with neither title nor text.
constexpr double kSecondByline = 4, kBylineCost = 3;
// Notes whose numbers no text of the stream has (more when the other
// stream's text has them); a new article while marks wait for notes.
constexpr double kNoteStray = 3, kNoteElsewhere = 3, kMarksLeft = 2;
// What notes whose every number the stream's text has earn.
constexpr double kNoteMatch = 1.5;
// What a split into two streams must save to be taken.
constexpr double kMinGain = 6;
// Tie-breaks, kept below any grammar cost.
constexpr double kCursorCost = 0.05;  // per line the stream is further down
constexpr double kCursorCap = 1;
constexpr double kSwitchCost = 0.5;  // a block in the other stream (runs)
// A block is placed by the grammar when moving it alone to the other stream
// costs this much more; such blocks show how the extractor orders columns.
constexpr double kForced = 3;
constexpr double kCohesion = 0.5;  // per pair shared (weighted by rarity)
constexpr double kCohesionCap = 1.2;
// Text that goes on a sentence left open where the two characters across
// the break are a pair the page prints elsewhere (a word cut at a block's
// end: 光 | 伏发电 on a page that has 光伏).
constexpr double kContinues = 1;
constexpr size_t kBeam = 128;
constexpr size_t kMaxMasthead = 8;  // blocks

enum Phase { kUnknown, kSection, kTitle, kBody, kByline, kNote };

std::vector<int> Union(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<int> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(),
                 std::back_inserter(out));
  return out;
}

bool Has(const std::vector<int>& v, int x) {
  return std::binary_search(v.begin(), v.end(), x);
}

}  // namespace

struct Rethreader::Stream {
  Phase phase = kUnknown;
  bool open = false;
  bool inherited = true;  // still in the article an earlier text began
  bool fresh = false;     // at the start of the document: nothing to go on
  bool has_body = false, has_byline = false;
  std::vector<int> marks;  // reference marks without their note yet
  std::vector<uint32_t> bag;
  char32_t tail = 0;  // the last character of its last block
  double cursor = 0;
  bool used = false;  // has a block on this page
};

namespace {

using Stream = Rethreader::Stream;

// The pair of Han characters `a` then `b`, as Grams keeps it (0: none).
uint32_t Pair(char32_t a, char32_t b) {
  if (!IsHan(a) || !IsHan(b)) return 0;
  return (a & 0xFFFF) << 16 | (b & 0xFFFF);
}

// What text in `b` earns going on the open sentence of `st`: the pair
// across the break is one of `pairs` (sorted).
double Continues(const Stream& st, const Block& b,
                 const std::vector<uint32_t>& pairs) {
  if (!st.open || b.segs.front().kind != Seg::kBody) return 0;
  uint32_t p = Pair(st.tail, b.head);
  return p && std::binary_search(pairs.begin(), pairs.end(), p) ? kContinues
                                                                : 0;
}

// The grammar cost of reading segment `s` next in stream `st` (`other` the
// other stream), and the stream after it. `marks_wait`: a new article
// while marks wait for their notes costs.
double Step(Stream* st, const Segment& s, const Stream& other,
            bool marks_wait = true) {
  double cost = 0;
  // Notes, a byline or text go on an article: none has begun at the start.
  if (st->fresh && s.kind == Seg::kBody) cost += kSectionCost;
  if (st->fresh && (s.kind == Seg::kNote || s.kind == Seg::kByline))
    cost += kNoteStray;
  st->fresh = false;
  // (A page's footnotes may cut a sentence that the next page ends.)
  if (st->open && s.kind != Seg::kBody && s.kind != Seg::kNote && !s.deck)
    cost += kOpenCost;
  switch (s.kind) {
    case Seg::kSection:
    case Seg::kTitle:
      if (st->phase == kTitle && !s.deck) cost += kTitleAfterTitle;
      if (marks_wait && !st->marks.empty()) cost += kMarksLeft;
      st->inherited = false;
      st->has_body = st->has_byline = false;
      st->marks.clear();
      st->bag.clear();
      st->phase = s.kind == Seg::kTitle ? kTitle : kSection;
      break;
    case Seg::kBody:
      if (st->phase == kSection) cost += kSectionCost;
      if ((st->phase == kByline || st->phase == kNote) && st->has_body)
        cost += kTextAfterEnd;
      st->phase = kBody;
      st->has_body = true;
      st->marks = Union(st->marks, s.marks);
      break;
    case Seg::kByline:
      // A byline follows its title or its text.
      if (st->has_byline)
        cost += kSecondByline;
      else if (!st->has_body && st->phase != kTitle && !st->inherited)
        cost += kBylineCost;
      st->phase = kByline;
      st->has_byline = true;
      break;
    case Seg::kNote: {
      // Notes go with the text that has their marks.
      if (st->phase == kSection || st->phase == kTitle) cost += kNoteStray;
      bool all = !s.marks.empty(), any = false, there = false;
      for (int n : s.marks) {
        bool here = Has(st->marks, n);
        all = all && here;
        any = any || here;
        there = there || Has(other.marks, n);
      }
      if (all) {
        cost -= kNoteMatch;
      } else if (!any && !st->inherited) {
        cost += kNoteStray;
        if (there) cost += kNoteElsewhere;
      }
      std::vector<int> left;
      for (int m : st->marks)
        if (!std::binary_search(s.marks.begin(), s.marks.end(), m))
          left.push_back(m);
      st->marks.swap(left);
      st->phase = kNote;
      break;
    }
  }
  st->open = s.kind == Seg::kBody && s.open;
  return cost;
}

struct Hyp {
  Stream col[2];
  double grammar = 0, soft = 0;
  std::vector<char> side;
  size_t first_right = 0;  // index of the second stream's first block
  double Total() const { return grammar + soft; }
};

// Places `b` in stream `c` of `h`; `weight` the rarity of each pair.
// `runs` says how the extractor orders the columns' blocks: in runs (ties
// go to the stream of the block before), else by height (ties go to the
// stream less far down).
void Place(Hyp* h, int c, const Block& b,
           const std::map<uint32_t, double>& weight,
           const std::vector<uint32_t>& pairs, bool runs) {
  Stream& st = h->col[c];
  const Stream& other = h->col[1 - c];
  if (c == 1 && !st.used) h->first_right = h->side.size();
  if (runs) {
    if (!h->side.empty() && h->side.back() != c) h->soft += kSwitchCost;
  } else {
    h->soft += std::min(kCursorCap,
                        kCursorCost * std::max(0.0, st.cursor - other.cursor));
  }
  if (b.segs.front().kind == Seg::kBody) {
    double shared = 0;
    for (uint32_t g : b.grams)
      if (std::binary_search(st.bag.begin(), st.bag.end(), g))
        shared += weight.at(g);
    h->soft -= std::min(kCohesionCap, kCohesion * shared);
  }
  h->soft -= Continues(st, b, pairs);
  for (const Segment& s : b.segs) h->grammar += Step(&st, s, other);
  std::vector<uint32_t> bag;
  std::set_union(st.bag.begin(), st.bag.end(), b.grams.begin(), b.grams.end(),
                 std::back_inserter(bag));
  st.bag.swap(bag);
  st.tail = b.tail;
  st.cursor += static_cast<double>(b.end - b.begin) + 1;
  st.used = true;
  h->side.push_back(static_cast<char>(c));
}

// Whether `l` reads as a line of a title: no clause or sentence
// punctuation in it.
bool TitleLine(const LayoutRules::Impl& rules, const Line& l) {
  std::map<std::string, std::string> g;
  size_t skip = 0;  // a numbered title's number (1. …, 一、…)
  if (MatchAny(rules.subheading, l.text, &g, RE2::ANCHOR_START))
    skip = g["enum"].size();
  for (char32_t c : ToCodePoints(std::string_view(l.text).substr(skip))) {
    if (IsTerminal(c)) return false;
    if (rules.clause_marks.find(c) != std::u32string::npos) return false;
  }
  return l.width > 0;
}

bool EndsOpen(const LayoutRules::Impl& rules, const Line& l) {
  if (IsTerminal(l.last) || IsCloser(l.last)) return false;
  return rules.para_ends.find(l.last) == std::u32string::npos;
}

// The reference marks in `text` (numbers of up to two digits).
std::vector<int> Marks(const LayoutRules::Impl& rules,
                       const std::string& text) {
  static const std::set<int> kAny = [] {
    std::set<int> s;
    for (int i = 1; i < 100; ++i) s.insert(i);
    return s;
  }();
  std::vector<int> out;
  for (const RefMark& m :
       FindRefMarks(ToCodePoints(text), kAny, rules.ref_words))
    for (int n = m.number; n <= m.number_max && n < 100; ++n) out.push_back(n);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Cuts the text lines [a, b) of `lines` into title and body segments.
void TextSegments(const LayoutRules::Impl& rules,
                  const std::vector<Line>& lines, size_t a, size_t b, int wrap,
                  std::vector<Segment>* out) {
  size_t k = a;
  while (k < b && k - a < 4 && TitleLine(rules, lines[k])) ++k;
  bool title = false;
  if (k == b) {
    // (A line that fills the column's width is text the extractor cut.)
    title =
        rules.title_bad_ends.find(lines[b - 1].last) == std::u32string::npos &&
        lines[b - 1].width + 2 < wrap;
  } else {
    // A title over text in one block: its lines are narrower than the
    // text's widest (a title is set larger).
    int widest = 0;
    for (size_t i = a; i < b; ++i) widest = std::max(widest, lines[i].width);
    size_t j = a;
    while (j < k && j - a < 3 && lines[j].width * 100 <= widest * 85) ++j;
    if (j > a) {
      Segment t;
      t.kind = Seg::kTitle;
      t.split = j;
      out->push_back(t);
      a = j;
    }
  }
  Segment s;
  s.kind = title ? Seg::kTitle : Seg::kBody;
  s.deck = title && rules.deck_marks.find(ToCodePoints(lines[a].text)[0]) !=
                        std::u32string::npos;
  if (!title) {
    std::string text;
    for (size_t i = a; i < b; ++i) text += lines[i].text;
    s.open = EndsOpen(rules, lines[b - 1]);
    s.marks = Marks(rules, text);
  }
  out->push_back(s);
}

// Whether `s` holds a letter, digit or Han character (a note's text, not
// the full stop after a mark wrapped alone: [1]。).
bool Wordy(const std::string& s) {
  for (char32_t c : ToCodePoints(s))
    if (IsHan(c) || IsLatinAlnum(c)) return true;
  return false;
}

// Whether `l` opens a note: a bracketed number and text ([1] …), or a
// number and text holding a URL (1 https://…, 2报告，www.…). Sets the
// footnote rule's groups.
bool NoteLine(const LayoutRules::Impl& rules, const Line& l,
              std::map<std::string, std::string>* g) {
  char32_t first = FoldWidth(l.first);
  if (first != '[' && !(first >= '0' && first <= '9')) return false;
  std::string folded = FoldWidth(l.text);
  if (!MatchAny(rules.footnote, folded, g) || !Wordy((*g)["text"]))
    return false;
  const std::string& text = (*g)["text"];
  return first == '[' || StartsWithUrl(text) ||
         text.find("http") != std::string::npos ||
         text.find("www.") != std::string::npos;
}

// The segments of the text lines [a, b).
std::vector<Segment> Segments(const LayoutRules::Impl& rules,
                              const std::vector<Line>& lines, size_t a,
                              size_t b, int wrap) {
  static const std::set<std::string> kNoSections;
  std::vector<Segment> out;
  size_t text_from = a;
  bool in_note = false;
  auto end_text = [&](size_t i) {
    if (i > text_from) TextSegments(rules, lines, text_from, i, wrap, &out);
  };
  for (size_t i = a; i < b; ++i) {
    const Line& l = lines[i];
    const std::string& t = l.text;
    std::string name;
    std::map<std::string, std::string> g;
    Seg kind = Seg::kBody;
    bool note_start =
        (l.width <= 30 && MatchAny(rules.sources_heading, t)) ||
        MatchAny(rules.note_heading_prefix, t, nullptr, RE2::ANCHOR_START) ||
        NoteLine(rules, l, &g);
    if (SectionLine(rules, kNoSections, t, l.width, &name)) {
      kind = Seg::kSection;
    } else if (l.width <= 80 && MatchAny(rules.byline, t)) {
      kind = Seg::kByline;
    } else if (note_start || in_note) {
      kind = Seg::kNote;
    }
    if (kind == Seg::kBody) continue;
    if (!in_note || kind != Seg::kNote) end_text(i);
    text_from = i + 1;
    if (kind == Seg::kNote) {
      if (!in_note) out.push_back({Seg::kNote, false, {}});
      if (g.count("num")) {
        std::vector<int>& m = out.back().marks;
        int n = std::atoi(g["num"].c_str());
        if (!Has(m, n)) m.insert(std::upper_bound(m.begin(), m.end(), n), n);
      }
      in_note = true;
      continue;
    }
    in_note = false;
    out.push_back({kind, false, {}});
  }
  if (!in_note) end_text(b);
  return out;
}

std::vector<uint32_t> Grams(const std::vector<Line>& lines, size_t a,
                            size_t b) {
  std::vector<uint32_t> out;
  char32_t prev = 0;
  for (size_t i = a; i < b; ++i)
    for (char32_t c : ToCodePoints(lines[i].text)) {
      if (!IsHan(c)) {
        prev = 0;
        continue;
      }
      if (prev) out.push_back(Pair(prev, c));
      prev = c;
    }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

Rethreader::Rethreader(const LayoutRules::Impl& rules, LineSink sink)
    : rules_(rules),
      sink_(std::move(sink)),
      pages_([this](std::vector<InputLine>&& p) { ReadPage(std::move(p)); },
             sink_) {}
Rethreader::~Rethreader() = default;

void Rethreader::ReadPage(std::vector<InputLine>&& page) {
  int page_index = pages_read_++;
  auto pass = [&] {
    for (auto& l : page) sink_(std::move(l));
  };
  std::vector<Line> lines;
  lines.reserve(page.size());
  bool split_columns = false;
  for (const InputLine& in : page) {
    split_columns = split_columns || in.col != 1;
    lines.push_back(MakeLine(InputLine(in)));
  }
  // A running header, a page number, a masthead line.
  auto furniture_line = [&](const Line& l) {
    std::string folded = FoldWidth(l.text);
    return l.width <= 60 && (MatchAny(rules_.header, folded) ||
                             MatchAny(rules_.page_number, folded));
  };
  // Blocks; a furniture line that opens one (an extractor can set a
  // running header on the first block of a column) is a block of its own.
  std::vector<Block> blocks;
  for (size_t i = 0; i < lines.size();) {
    if (lines[i].text.empty()) {
      ++i;
      continue;
    }
    Block b;
    b.begin = i;
    bool alone = furniture_line(lines[i]);
    while (i < lines.size() && !lines[i].text.empty()) {
      ++i;
      if (alone) break;
    }
    // (So is one that closes a block: a page number under a column's last
    // line would read as a title after its byline.)
    if (i - b.begin > 1 && furniture_line(lines[i - 1])) {
      b.end = i - 1;
      blocks.push_back(std::move(b));
      b = Block();
      b.begin = i - 1;
    }
    b.end = i;
    blocks.push_back(std::move(b));
  }
  for (size_t k = 0; k < blocks.size(); ++k)
    blocks[k].next = k + 1 < blocks.size() ? blocks[k + 1].begin : lines.size();
  // (Only a short block can be a running header: the tops kept from page
  // to page stay small on text with no page structure, one long line.)
  constexpr size_t kMaxTopBytes = 512;
  std::set<std::string> tops;
  for (size_t k = 0; k < blocks.size() && k < 3; ++k) {
    std::string s;
    for (size_t i = blocks[k].begin; i < blocks[k].end; ++i)
      s += SquashSpace(lines[i].text);
    if (s.size() <= kMaxTopBytes) tops.insert(s);
  }
  // The width the page's text wraps at: what one in four of its lines of
  // Han text (without a URL) reaches. A
  // page with a table of contents is not read in columns.
  std::vector<int> wrapped;
  bool toc = false;
  for (const Block& b : blocks)
    for (size_t i = b.begin; i < b.end; ++i) {
      const Line& l = lines[i];
      toc = toc || (l.width <= 160 && MatchAny(rules_.toc, l.text));
      if (l.width < 20 || StartsWithUrl(l.text) ||
          l.text.find("http") != std::string::npos ||
          l.text.find("www.") != std::string::npos)
        continue;
      bool han = false;
      for (char32_t c : ToCodePoints(l.text)) han = han || IsHan(c);
      if (han) wrapped.push_back(l.width);
    }
  int wrap = 0;
  if (wrapped.size() >= 3) {
    size_t q = wrapped.size() * 3 / 4;
    std::nth_element(wrapped.begin(), wrapped.begin() + q, wrapped.end());
    wrap = wrapped[q];
  }
  if (split_columns || toc || blocks.size() < 6 || wrap == 0 ||
      wrap > rules_.column_width) {
    tops_.insert(tops.begin(), tops.end());
    carry_.reset();
    return pass();
  }
  for (Block& b : blocks) {
    for (size_t i = b.begin; i < b.end; ++i)
      b.squashed += SquashSpace(lines[i].text);
    b.segs = Segments(rules_, lines, b.begin, b.end, wrap);
    b.grams = Grams(lines, b.begin, b.end);
    b.head = lines[b.begin].first;
    b.tail = lines[b.end - 1].last;
    for (const Segment& s : b.segs)
      b.body_text = b.body_text || s.kind == Seg::kBody;
  }
  // What stays on top and below.
  auto furniture = [&](const Block& b) {
    for (size_t i = b.begin; i < b.end; ++i)
      if (!furniture_line(lines[i])) return false;
    return true;
  };
  size_t top = 0;
  if (page_index == 0) {
    // The masthead: the few short blocks above the first section heading.
    size_t k = 0;
    while (k < blocks.size() && k < kMaxMasthead &&
           blocks[k].end - blocks[k].begin <= 4 &&
           blocks[k].segs.front().kind != Seg::kSection)
      ++k;
    if (k < blocks.size() && blocks[k].segs.front().kind == Seg::kSection)
      top = k;
  }
  while (top < blocks.size() &&
         (tops_.count(blocks[top].squashed) || furniture(blocks[top])))
    ++top;
  size_t bottom = blocks.size();
  while (bottom > top &&
         (furniture(blocks[bottom - 1]) ||
          MatchAny(rules_.colophon, lines[blocks[bottom - 1].begin].text,
                   nullptr, RE2::ANCHOR_START)))
    --bottom;
  tops_.insert(tops.begin(), tops.end());

  // Weights: a pair found in many blocks of the page says little.
  std::map<uint32_t, int> df;
  for (size_t k = top; k < bottom; ++k)
    for (uint32_t g : blocks[k].grams) ++df[g];
  std::map<uint32_t, double> weight;
  for (const auto& [g, n] : df) weight[g] = 1.0 / n;
  // The pairs the page prints (a word cut at a block's end is one).
  std::vector<uint32_t> pairs;
  for (const Block& b : blocks)
    pairs.insert(pairs.end(), b.grams.begin(), b.grams.end());
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  Stream start = carry_ ? *carry_ : Stream();
  start.fresh = !carry_ && page_index == 0;
  start.cursor = 0;
  start.used = false;
  start.bag.clear();
  // The page as printed: one stream.
  Hyp one;
  one.col[0] = start;
  for (size_t k = top; k < bottom; ++k)
    Place(&one, 0, blocks[k], weight, pairs, false);
  Stream right;
  right.inherited = true;
  // Where the first stream ends, the second goes on: its blocks are read
  // again from the state the first leaves (a sentence left open, an
  // article closed by its byline, marks its notes may answer) instead of
  // from nothing. (Marks left unanswered cost nothing here, as at the end
  // of a page: the notes may be on another page.)
  auto junction = [&](Hyp* h) {
    if (!h->col[1].used) return;
    Stream from_left = h->col[0], from_none = right;
    double cost = 0;
    for (size_t k = top; k < bottom; ++k) {
      if (h->side[k - top] != 1) continue;
      for (const Segment& s : blocks[k].segs)
        cost += Step(&from_left, s, h->col[0], false) -
                Step(&from_none, s, h->col[0], false);
    }
    h->grammar += cost;
    h->soft -= Continues(h->col[0], blocks[top + h->first_right], pairs);
  };
  // The best split into two.
  auto decode = [&](bool runs) {
    std::vector<Hyp> beam(1);
    beam[0].col[0] = start;
    beam[0].col[1] = right;
    for (size_t k = top; k < bottom; ++k) {
      std::vector<Hyp> next;
      next.reserve(beam.size() * 2);
      for (const Hyp& h : beam)
        for (int c = 0; c < 2; ++c) {
          next.push_back(h);
          Place(&next.back(), c, blocks[k], weight, pairs, runs);
        }
      std::stable_sort(
          next.begin(), next.end(),
          [](const Hyp& x, const Hyp& y) { return x.Total() < y.Total(); });
      if (next.size() > kBeam) next.resize(kBeam);
      beam.swap(next);
    }
    for (Hyp& h : beam) junction(&h);
    std::stable_sort(beam.begin(), beam.end(), [](const Hyp& x, const Hyp& y) {
      return x.Total() < y.Total();
    });
    return beam.front();
  };
  auto replay = [&](const std::vector<char>& side) {
    Hyp h;
    h.col[0] = start;
    h.col[1] = right;
    for (size_t k = top; k < bottom; ++k)
      Place(&h, side[k - top], blocks[k], weight, pairs, false);
    junction(&h);
    return h;
  };

  // The blocks the grammar places tell how the extractor orders the
  // columns: count whether each follows the block before into its stream
  // (runs) or goes to the stream less far down (height), over the document.
  Hyp best = decode(false);
  {
    for (size_t k = top; k < bottom; ++k) {
      int c = best.side[k - top];
      std::vector<char> flipped = best.side;
      flipped[k - top] = static_cast<char>(1 - c);
      if (replay(flipped).grammar - best.grammar >= kForced) {
        if (k > top && best.side[k - top - 1] != c) ++height_votes_;
        if (k > top && best.side[k - top - 1] == c) ++run_votes_;
      }
    }
  }
  if (run_votes_ > height_votes_) best = decode(true);
  // Which stream is the left column: the one that reads better first.
  {
    std::vector<char> swapped = best.side;
    for (char& c : swapped) c = static_cast<char>(1 - c);
    Hyp h = replay(swapped);
    if (h.grammar + 0.5 < best.grammar) best = h;
  }
  int text_blocks[2] = {0, 0};
  for (size_t k = top; k < bottom; ++k)
    text_blocks[static_cast<int>(best.side[k - top])] += blocks[k].body_text;
  bool two = one.grammar - best.grammar >= kMinGain && text_blocks[0] >= 1 &&
             text_blocks[1] >= 1;
  if (!two) {
    carry_ = std::make_unique<Stream>(one.col[0]);
    return pass();
  }
  carry_ = std::make_unique<Stream>(best.col[best.col[1].used ? 1 : 0]);
  // Hand the page out: what stays on top, the first stream, the second,
  // what stays below. A block that did not end in a blank line gets one.
  PageEmitter emit(page, sink_);
  size_t head_end = top < blocks.size() ? blocks[top].begin : page.size();
  for (size_t i = 0; i < head_end; ++i) emit(std::move(page[i]));
  // A title that shared its block with text is set apart from it, as the
  // column showed it.
  auto blank_line = [&](int number) {
    InputLine blank;
    blank.number = number;
    emit(std::move(blank));
  };
  auto emit_block = [&](const Block& b) {
    size_t split = 0;  // (0: no title cut from its text)
    for (const Segment& s : b.segs) split = std::max(split, s.split);
    for (size_t i = b.begin; i < b.next; ++i) {
      if (split > b.begin && i == split) blank_line(page[i - 1].number);
      emit(std::move(page[i]));
    }
    if (b.next == b.end) blank_line(page[b.end - 1].number);
  };
  for (int c = 0; c < 2; ++c)
    for (size_t k = top; k < bottom; ++k)
      if (best.side[k - top] == c) emit_block(blocks[k]);
  size_t tail = bottom < blocks.size() ? blocks[bottom].begin : page.size();
  for (size_t i = tail; i < page.size(); ++i) emit(std::move(page[i]));
}

}  // namespace bulletin

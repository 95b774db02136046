// Article rules of `bulletin-extract check`. Each rule looks at one part of
// a finished Article (title, byline, body, footnotes, entities) and reports
// at the input line and column (in code points) where the problem stands,
// mapped back through the field's anchors (Field::Locate).
#include "check_rules.h"

#include <re2/re2.h>

#include <algorithm>
#include <iterator>

#include "extract.h"
#include "footnotes.h"
#include "layout.h"
#include "rule_files.h"
#include "text_util.h"

namespace bulletin {

const std::vector<CheckRule>& CheckRules() {
  static const std::vector<CheckRule> kRules = {
      {"article.empty", Severity::kError,
       "an article with a title but no body text"},
      {"article.no-byline", Severity::kWarning,
       "an article with no byline such as （执笔：张三）"},
      {"title.looks-like-body", Severity::kWarning,
       "a title longer than 60 code points or ending in 。"},
      {"title.duplicate", Severity::kWarning,
       "a title an earlier article of the same document already has"},
      {"footnote.undefined", Severity::kError,
       "a footnote mark in the text with no footnote of that number"},
      {"footnote.unreferenced", Severity::kWarning,
       "a footnote that no mark in the text refers to"},
      {"footnote.numbering", Severity::kWarning,
       "footnotes not numbered 1, 2, 3 in order (a gap, a repeat); "
       "numbering may run on through the document"},
      {"url.malformed", Severity::kError,
       "a URL that is not well formed after repair (host without a dot, "
       "spaces, control characters)"},
      {"url.shared", Severity::kWarning,
       "a footnote URL another article of the same document cites too"},
      {"segment.unplaced", Severity::kWarning,
       "text outside any titled article"},
      {"segment.no-article", Severity::kWarning,
       "an input that gives no record (empty, blank, or page furniture "
       "only)"},
      {"decode.invalid-bytes", Severity::kWarning,
       "bytes not valid in the input encoding (an error with "
       "--encoding utf-8)"},
      {"decode.replacement-char", Severity::kWarning,
       "a U+FFFD replacement character in the input text"},
      {"figure.mixed-digits", Severity::kWarning,
       "a number mixing full-width and ASCII digits (２0２２)"},
      {"figure.money-no-currency", Severity::kWarning,
       "a number with a scale word (万, 亿) but no currency or unit after it"},
      {"date.impossible", Severity::kError,
       "a date that is not in the calendar (2 月 30 日)"},
      {"date.out-of-range", Severity::kWarning,
       "a date whose year is outside --years"},
  };
  return kRules;
}

const CheckRule* FindCheckRule(std::string_view id) {
  for (const auto& r : CheckRules())
    if (id == r.id) return &r;
  return nullptr;
}

void DocumentState::Observe(const Diagnostic& d) {
  if (d.rule == "decode.invalid-bytes") replaced[d.line].insert(d.col);
  if (d.rule == "segment.unplaced") unplaced.insert(d.line);
}

namespace {

// Number of code points in the first `bytes` bytes of UTF-8 `s`.
int CodePointsIn(std::string_view s, size_t bytes) {
  int n = 0;
  for (size_t i = 0; i < bytes && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

// Adds a diagnostic of rule `id` (with its default severity) to *out.
void Report(const DocumentState& doc, const char* id, int line, int col,
            std::string message, std::vector<Diagnostic>* out) {
  const CheckRule* r = FindCheckRule(id);
  out->push_back({r ? r->severity : Severity::kWarning, id, doc.path, line,
                  std::max(col, 1), std::move(message)});
}

// The input position of code point `offset` of `f`, or (line, 1) when the
// field has no anchors.
Anchor Where(const Field& f, int offset, int line) {
  if (f.anchors.empty()) return {offset, line, 1};
  return f.Locate(offset);
}

// Where the article's title starts (its first line when it has no title).
Anchor TitleStart(const Article& a) {
  return Where(a.title, 0, a.title_line ? a.title_line : a.line);
}

const Field* FieldOf(const Article& a, const Entity& e) {
  if (e.field == "title") return &a.title;
  if (e.field == "text") return &a.body;
  if (e.field == "footnote" && e.footnote_index >= 0 &&
      static_cast<size_t>(e.footnote_index) < a.footnotes.size())
    return &a.footnotes[e.footnote_index].text;
  return nullptr;
}

// Where footnote `f` starts: its text, else its first URL's line.
Anchor FootnoteStart(const Article& a, const Footnote& f) {
  int line = f.url_lines.empty() ? a.end_line : f.url_lines.front();
  return Where(f.text, 0, line);
}

std::string StripSpaces(const std::string& s) {
  std::string out;
  for (char32_t c : ToCodePoints(s))
    if (c != '\t' && FoldWidth(c) != ' ' && c != 0xA0) AppendUtf8(c, &out);
  return out;
}

void CheckStructure(const Article& a, const LayoutRules& layout,
                    DocumentState* doc, std::vector<Diagnostic>* out) {
  Anchor t = TitleStart(a);
  const std::string title = Trim(a.title.text);
  bool blank =
      StripSpaces(a.body.text).find_first_not_of('\n') == std::string::npos;
  if (!title.empty() && blank)
    Report(*doc, "article.empty", t.line, t.col,
           "article has no body text: " + title, out);
  // Untitled text is segment.unplaced's business and an empty article
  // article.empty's, not a missing byline. A source line with a URL is an
  // unnumbered footnote, not the byline, but it names the source as one.
  bool source_note = std::any_of(a.footnotes.begin(), a.footnotes.end(),
                                 [](const Footnote& f) { return f.number == 0; });
  if (a.byline.empty() && !source_note && !title.empty() && !blank)
    Report(*doc, "article.no-byline", t.line, t.col,
           "article has no byline: " + title, out);
  if (title.empty()) return;
  if (int length = ReadLength(a.title.text); length > kMaxTitleLength) {
    Report(*doc, "title.looks-like-body", t.line, t.col,
           "title is " + std::to_string(length) +
               " characters long (more than " +
               std::to_string(kMaxTitleLength) +
               "): body text taken for a "
               "title?",
           out);
  }
  std::vector<char32_t> cps = ToCodePoints(a.title.text);
  int last = static_cast<int>(cps.size()) - 1;
  // The end may hide behind closing quotes: 他说：“……。”
  while (last >= 0 && (FoldWidth(cps[last]) == ' ' || IsCloser(cps[last])))
    --last;
  const std::u32string& body_ends = layout.title_body_ends();
  if (last >= 0 && body_ends.find(cps[last]) != std::u32string::npos) {
    Anchor p = Where(a.title, last, t.line);
    std::string mark;
    AppendUtf8(cps[last], &mark);
    Report(*doc, "title.looks-like-body", p.line, p.col,
           "title ends in " + mark + ": body text taken for a title?", out);
  }
  std::string key = StripSpaces(title);
  auto [it, fresh] = doc->titles.insert({key, t.line});
  if (!fresh)
    Report(*doc, "title.duplicate", t.line, t.col,
           "same title as the article at line " + std::to_string(it->second) +
               ": " + title,
           out);
}

void CheckFootnotes(const Article& a, DocumentState* doc,
                    const RefMarkWords& mark_words,
                    std::vector<Diagnostic>* out) {
  std::set<int> defined, referenced;
  for (const auto& f : a.footnotes) defined.insert(f.number);
  for (const auto& r : a.refs) {
    // A range mark (1-3) refers to every number in it; a silly range is
    // taken as its first number only.
    int hi = r.number_max >= r.number && r.number_max - r.number < 100
                 ? r.number_max
                 : r.number;
    for (int n = r.number; n <= hi; ++n) {
      referenced.insert(n);
      if (!defined.count(n))
        Report(*doc, "footnote.undefined", r.line, r.col,
               "reference to footnote " + std::to_string(n) +
                   ", which this article does not have",
               out);
    }
  }
  // Marks the segmenter left in the body because no footnote has their
  // number: what its recogniser (FindRefMarks, with the words of
  // layout.tsv) takes for a mark when the footnote exists. A bracketed
  // mark ([3]) is one; a bare number (报告3，  》4。  要求 1。) needs the
  // more evidence the ref_check_* lists ask for.
  std::set<int> missing;
  for (int k = 1; k < 100; ++k)
    if (!defined.count(k)) missing.insert(k);
  RefMarkWords words = mark_words;
  words.not_after += words.check_not_after;
  std::vector<char32_t> cps = ToCodePoints(a.body.text);
  for (const RefMark& m : FindRefMarks(cps, missing, words)) {
    size_t end = static_cast<size_t>(m.end);
    bool bare = m.start == m.at || cps[m.start] == ' ';
    bool bracketed = !bare && m.number == m.number_max;
    bool followed = bare && m.number == m.number_max && end < cps.size() &&
                    words.check_before.find(cps[end]) != std::u32string::npos;
    if (!bracketed && !followed) continue;
    Anchor p = Where(a.body, m.at, a.line);
    std::vector<Diagnostic> one;
    Report(*doc, "footnote.undefined", p.line, p.col,
           "footnote mark " + std::to_string(m.number) +
               " but this article has no footnote " + std::to_string(m.number),
           bracketed ? &one : out);
    if (bracketed) doc->orphans.push_back({a.index, m.number, one.front()});
  }
  // Numbering starts at 1 in each article, or goes on from the earlier
  // articles' last footnote when it runs through the whole document.
  int expected = 1;
  for (const auto& f : a.footnotes) {
    if (f.number <= 0) continue;
    if (f.number != 1 && doc->last_footnote > 0 &&
        f.number == doc->last_footnote + 1)
      expected = f.number;
    break;
  }
  std::set<int> seen;
  for (const auto& f : a.footnotes) {
    if (f.number <= 0) continue;  // an unnumbered source note (来源：...)
    Anchor p = FootnoteStart(a, f);
    std::string n = std::to_string(f.number);
    bool again = !seen.insert(f.number).second;
    if (again || !referenced.count(f.number))
      doc->surplus[f.number].insert(a.index);
    if (!referenced.count(f.number) && !again)
      Report(*doc, "footnote.unreferenced", p.line, p.col,
             "footnote " + n + " is not referred to in the text", out);
    if (f.number != expected) {
      std::string why = f.number < expected
                            ? "footnote " + n + " repeats or is out of order"
                            : "footnote numbering skips from " +
                                  std::to_string(expected - 1) + " to " + n;
      Report(*doc, "footnote.numbering", p.line, p.col,
             why + " (expected " + std::to_string(expected) + ")", out);
    }
    expected = f.number + 1;
    doc->last_footnote = f.number;
  }
}

void CheckUrls(const Article& a, DocumentState* doc,
               std::vector<Diagnostic>* out) {
  for (const auto& e : a.entities) {
    if (e.type != "url" || e.field == "footnote") continue;
    std::string why = UrlProblem(e.text);
    if (!why.empty())
      Report(*doc, "url.malformed", e.line, e.col,
             "malformed URL (" + why + "): " + e.text, out);
  }
  std::set<std::string> mine;
  for (const auto& f : a.footnotes) {
    for (size_t i = 0; i < f.urls.size(); ++i) {
      const std::string& url = f.urls[i];
      int line = i < f.url_lines.size() ? f.url_lines[i] : a.end_line;
      size_t at = f.text.text.find(url);
      Anchor p = at == std::string::npos
                     ? Anchor{0, line, 1}
                     : Where(f.text, CodePointsIn(f.text.text, at), line);
      std::string why = UrlProblem(url);
      if (!why.empty())
        Report(*doc, "url.malformed", p.line, p.col,
               "malformed URL in footnote " + std::to_string(f.number) + " (" +
                   why + "): " + url,
               out);
      if (!mine.insert(url).second) continue;
      auto [it, fresh] = doc->urls.insert({url, {a.index, p.line}});
      if (!fresh && it->second.article != a.index)
        Report(*doc, "url.shared", p.line, p.col,
               "URL also cited by article " +
                   std::to_string(it->second.article) + " (line " +
                   std::to_string(it->second.line) + "): " + url,
               out);
    }
  }
}

// Takes the decoder replacement nearest to column `col` of `line` off
// *replaced; false when that line has none left. (Nearest, not equal: a
// field's columns can drift where the segmenter cut a footnote mark.)
bool ConsumeReplaced(std::map<int, std::multiset<int>>* replaced, int line,
                     int col) {
  auto it = replaced->find(line);
  if (it == replaced->end() || it->second.empty()) return false;
  std::multiset<int>& cols = it->second;
  auto best = cols.lower_bound(col);
  if (best != cols.begin()) {
    auto before = std::prev(best);
    if (best == cols.end() || col - *before < *best - col) best = before;
  }
  cols.erase(best);
  return true;
}

// U+FFFD that stood in the input (not the decoder's own replacements).
void CheckReplacementChars(const Article& a, DocumentState* doc,
                           std::vector<Diagnostic>* out) {
  auto scan = [&](const Field& f, int line) {
    const std::string kFffd = "\xEF\xBF\xBD";
    for (size_t at = f.text.find(kFffd); at != std::string::npos;
         at = f.text.find(kFffd, at + kFffd.size())) {
      Anchor p = Where(f, CodePointsIn(f.text, at), line);
      if (ConsumeReplaced(&doc->replaced, p.line, p.col)) continue;
      Report(*doc, "decode.replacement-char", p.line, p.col,
             "U+FFFD replacement character: a character was lost in an "
             "earlier conversion or by decoding with the wrong encoding",
             out);
    }
  };
  scan(a.title, a.title_line);
  scan(a.body, a.line);
  for (const auto& f : a.footnotes) scan(f.text, a.end_line);
  if (a.byline.find("\xEF\xBF\xBD") != std::string::npos) {
    // The byline keeps no anchors: its column counts from the byline start.
    Field byline;
    byline.text = a.byline;
    byline.anchors = {{0, a.byline_line, 1}};
    scan(byline, a.byline_line);
  }
}

void CheckDates(const Article& a, const DocumentState& doc,
                ArticleChecker::Options opt, std::vector<Diagnostic>* out) {
  for (const auto& e : a.entities) {
    if (e.type != "date") continue;
    const AttrValue* invalid = FindAttr(e.attrs, "invalid");
    if (invalid && *invalid == AttrValue::Bool(true)) {
      Report(doc, "date.impossible", e.line, e.col,
             "impossible date: " + e.text, out);
      continue;
    }
    // An inferred year came from another date, which is reported itself.
    const AttrValue* inferred = FindAttr(e.attrs, "year_inferred");
    if (inferred && *inferred == AttrValue::Bool(true)) continue;
    const AttrValue* v = FindAttr(e.attrs, "value");
    if (!v || v->kind() != AttrValue::Kind::kString) continue;
    for (int y : DateValueYears(v->text())) {
      if (y >= opt.min_year && y <= opt.max_year) continue;
      Report(doc, "date.out-of-range", e.line, e.col,
             "year " + std::to_string(y) + " outside " +
                 std::to_string(opt.min_year) + ".." +
                 std::to_string(opt.max_year) + ": " + e.text,
             out);
      break;
    }
  }
}

}  // namespace

ArticleChecker::~ArticleChecker() = default;

std::unique_ptr<ArticleChecker> ArticleChecker::Create(
    const Extractor& extractor, const LayoutRules& layout, Options opt,
    std::string* error) {
  RE2::Options o;
  o.set_log_errors(false);
  // The check.* rule `name` of the .rules files, compiled; nullptr and
  // *error when it is missing or `pattern` (its own, when empty) does not
  // compile.
  auto compile = [&](const char* name,
                     std::string pattern = "") -> std::unique_ptr<RE2> {
    const CheckPattern* rule = extractor.check_pattern(name);
    if (rule == nullptr) {
      *error = std::string("check: no rule ") + name + " in the .rules files";
      return nullptr;
    }
    auto re = std::make_unique<RE2>(
        pattern.empty() ? rule->info.pattern : pattern, o);
    if (re->ok()) return re;
    *error = rule->info.origin + ":" + std::to_string(rule->info.line) + ": " +
             name + ": " + re->error();
    return nullptr;
  };
  const char* kMoney = "check.money_no_currency";
  std::unique_ptr<ArticleChecker> c(new ArticleChecker());
  c->opt_ = opt;
  c->layout_ = &layout;
  c->scaled_ = compile(kMoney);
  if (!c->scaled_) return nullptr;
  const CheckPattern* money = extractor.check_pattern(kMoney);
  // No ! after line: nothing after the number makes it an amount.
  c->after_ = compile(kMoney, money->not_after.empty() ? "[^\\x00-\\x{10FFFF}]"
                                                       : money->not_after);
  c->mixed_ = compile("check.mixed_digits");
  if (!c->after_ || !c->mixed_) return nullptr;
  const auto& groups = c->scaled_->NamedCapturingGroups();
  auto num = groups.find("num"), cur = groups.find("cur_pre");
  if (num == groups.end()) {
    *error = money->info.origin + ":" + std::to_string(money->info.line) +
             ": " + kMoney + ": needs a group num";
    return nullptr;
  }
  c->num_group_ = num->second;
  c->cur_pre_group_ = cur == groups.end() ? 0 : cur->second;
  return c;
}

std::vector<int> ArticleChecker::MixedDigitRuns(std::string_view text) const {
  std::vector<int> runs;
  re2::StringPiece in(text.data(), text.size()), m;
  size_t counted = 0;
  int cp = 0;  // code points in text[0, counted)
  size_t pos = 0;
  while (pos < text.size() &&
         mixed_->Match(in, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    size_t at = m.data() - text.data();
    if (m.empty()) {  // a pattern that can match nothing
      ++pos;
      continue;
    }
    cp += CodePointsIn(text.substr(counted), at - counted);
    counted = at;
    runs.push_back(cp);
    pos = at + m.size();
  }
  return runs;
}

void ArticleChecker::CheckFigures(const Article& a, const DocumentState& doc,
                                  std::vector<Diagnostic>* out) const {
  for (const auto& e : a.entities) {
    const Field* f = FieldOf(a, e);
    for (int run : MixedDigitRuns(e.text)) {
      Anchor p =
          f ? Where(*f, e.start + run, e.line) : Anchor{0, e.line, e.col + run};
      Report(doc, "figure.mixed-digits", p.line, p.col,
             "number mixes full-width and ASCII digits: " + e.text, out);
    }
  }
  const std::string& body = a.body.text;
  const int ngroups = 1 + std::max(num_group_, cur_pre_group_);
  std::vector<re2::StringPiece> m(ngroups);
  size_t pos = 0, counted = 0;
  int cp = 0;  // code points in body[0, counted)
  while (pos < body.size() &&
         scaled_->Match(body, pos, body.size(), RE2::UNANCHORED, m.data(),
                        ngroups)) {
    size_t num = m[num_group_].data() - body.data();
    size_t end = m[0].data() - body.data() + m[0].size();
    if (m[0].empty()) {  // a pattern that can match nothing
      ++pos;
      continue;
    }
    pos = end;
    cp += CodePointsIn(std::string_view(body).substr(counted), num - counted);
    counted = num;
    if (cur_pre_group_ && m[cur_pre_group_].data() != nullptr)
      continue;  // US$ 3 亿
    if (after_->Match(body, end, body.size(), RE2::ANCHOR_START, nullptr, 0))
      continue;
    bool covered =
        std::any_of(a.entities.begin(), a.entities.end(), [&](const Entity& e) {
          return e.field == "text" && e.start <= cp && cp < e.end &&
                 (e.type == "money" || e.type == "quantity" ||
                  e.type == "percent");
        });
    if (covered) continue;
    Anchor p = Where(a.body, cp, a.line);
    std::string shown = Trim(body.substr(num, end - num));
    Report(doc, "figure.money-no-currency", p.line, p.col,
           "amount with a scale word but no currency or unit: " + shown, out);
  }
}

void ArticleChecker::Finish(DocumentState* doc,
                            std::vector<Diagnostic>* out) const {
  for (auto& o : doc->orphans) {
    auto it = doc->surplus.find(o.number);
    bool elsewhere = it != doc->surplus.end() &&
                     std::any_of(it->second.begin(), it->second.end(),
                                 [&](int i) { return i != o.article; });
    if (!elsewhere) out->push_back(std::move(o.diagnostic));
  }
  doc->orphans.clear();
}

void ArticleChecker::Check(const Article& a, DocumentState* doc,
                           std::vector<Diagnostic>* out) const {
  CheckStructure(a, *layout_, doc, out);
  CheckFootnotes(a, doc, layout_->ref_words(), out);
  CheckUrls(a, doc, out);
  CheckReplacementChars(a, doc, out);
  CheckFigures(a, *doc, out);
  CheckDates(a, *doc, opt_, out);
  if (a.unplaced_lines > 0) {
    auto it = doc->unplaced.lower_bound(a.line);
    if (it == doc->unplaced.end() || *it > a.end_line)
      Report(*doc, "segment.unplaced", a.line, 1,
             std::to_string(a.unplaced_lines) +
                 " lines of text fit no title, byline, paragraph or footnote",
             out);
  }
}

}  // namespace bulletin

// Layout rules (rules/layout.tsv, rules/sections.txt) and the segmenter's
// public face; how it works is told in layout_internal.h.
#include "layout.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>

#include "columns.h"
#include "footnotes.h"
#include "layout_internal.h"
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

LayoutRules::~LayoutRules() = default;

const RefMarkWords& LayoutRules::ref_words() const { return impl_->ref_words; }
const std::u32string& LayoutRules::title_body_ends() const {
  return impl_->title_body_ends;
}

namespace {

// Adds `pat`, which starts in column `col` of `row`, to *list: compiled
// now when it comes from a --rules file (a broken one is reported), on
// first use when it is built in.
bool AddPattern(const TableRow& row, size_t col, const std::string& pat,
                RegexList* list, std::vector<Status>* errors) {
  RE2::Options opt;
  opt.set_log_errors(false);
  if (row.file->origin.rfind("builtin:", 0) == 0) {
    list->push_back(std::make_unique<LazyRegex>(pat, opt));
    return true;
  }
  auto re = std::make_unique<RE2>(pat, opt);
  if (!re->ok()) {
    errors->push_back(row.Error(col, "bad pattern: " + re->error()));
    return false;
  }
  list->push_back(std::make_unique<LazyRegex>(std::move(re)));
  return true;
}

}  // namespace

bool MatchAny(const RegexList& list, const std::string& s,
              std::map<std::string, std::string>* groups, RE2::Anchor anchor) {
  for (const auto& lazy : list) {
    const RE2* re = &lazy->get();
    // Whether it matches is asked without groups: RE2 answers that with its
    // DFA alone, while asking for groups runs a slower engine over the line.
    // Most lines match no pattern, and only a match whose groups are wanted
    // is run again for them.
    if (!re->Match(s, 0, s.size(), anchor, nullptr, 0)) continue;
    if (groups) {
      int n = re->NumberOfCapturingGroups() + 1;
      std::vector<re2::StringPiece> sub(n);
      re->Match(s, 0, s.size(), anchor, sub.data(), n);
      groups->clear();
      for (const auto& [name, idx] : re->NamedCapturingGroups()) {
        if (sub[idx].data()) (*groups)[name] = std::string(sub[idx]);
      }
    }
    return true;
  }
  return false;
}

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
      {"note_heading_prefix", &im.note_heading_prefix},
      {"subheading", &im.subheading},
      {"figure", &im.figure},
      {"toc", &im.toc},
      {"section_frame", &im.section_frame},
      {"colophon", &im.colophon},
      {"dateline", &im.dateline}};
  for (const auto& row : ReadTable(files, "layout.tsv", 0, "", errors)) {
    const std::string& kind = row.cols[0];
    const std::map<std::string, std::u32string*> char_lists = {
        {"ref_not_after", &im.ref_words.not_after},
        {"ref_count_units", &im.ref_words.count_units},
        {"ref_after", &im.ref_words.after},
        {"ref_range", &im.ref_words.range_dashes},
        {"ref_check_not_after", &im.ref_words.check_not_after},
        {"ref_check_before", &im.ref_words.check_before},
        {"author_separators", &im.author_separators},
        {"para_ends", &im.para_ends},
        {"title_bad_ends", &im.title_bad_ends},
        {"deck_marks", &im.deck_marks},
        {"clause_marks", &im.clause_marks},
        {"title_body_ends", &im.title_body_ends}};
    if (kind == "column_width") {
      // A number, not a pattern (the last row counts).
      std::string v = row.cols.size() >= 2 ? Trim(row.cols[1]) : "";
      if (v.empty() || v.size() > 4 ||
          v.find_first_not_of("0123456789") != std::string::npos) {
        errors->push_back(row.Error(1, "expected column_width<TAB>WIDTH, "
                                       "a whole number up to 9999"));
        continue;
      }
      im.column_width = std::atoi(v.c_str());
      continue;
    }
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
    m.warmup_bytes += l.text.size();
    m.warmup.push_back(std::move(l));
    // (400 lines, or fewer when they are long: the pieces of one long
    // line are not all held.)
    if (m.warmup.size() >= 400 || m.warmup_bytes >= kMaxWarmupBytes)
      m.LearnLayout();
    return;
  }
  m.queue.push_back(std::move(l));
  m.Drain(false);
}

void Segmenter::Finish() {
  Impl& m = *impl_;
  m.columns.Finish();
  m.rethread.Finish();
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

}  // namespace bulletin

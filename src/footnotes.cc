// Footnotes and reference marks: URL repair (a URL broken over lines is
// re-joined, a URL printed again is dropped, trailing punctuation is not part
// of it) and the reference marks in the body (报告1，, 可能1-2。, [3]) that
// point at them.
#include "footnotes.h"

#include <re2/re2.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>

#include "layout.h"
#include "text_util.h"

namespace bulletin {
namespace {

bool IsUrlChar(char32_t c) {
  return c < 128 &&
         (std::isalnum(static_cast<int>(c)) ||
          std::string("-._~:/?#[]@!$&'()*+,;=%").find(static_cast<char>(c)) !=
              std::string::npos);
}

// The URL-safe run at the start of `s`.
std::string LeadingUrlToken(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 128 &&
         IsUrlChar(static_cast<unsigned char>(s[i])))
    ++i;
  return s.substr(0, i);
}

// The last white-space-free run of `text` (where a URL it ends in starts),
// at most the last 8 KB: the URL checks look only at it, so that their cost
// does not grow with the text before.
re2::StringPiece LastToken(const std::string& text) {
  constexpr size_t kMax = 8192;
  size_t floor = text.size() > kMax ? text.size() - kMax : 0;
  size_t i = text.size();
  while (i > floor && !std::isspace(static_cast<unsigned char>(text[i - 1])))
    --i;
  return re2::StringPiece(text.data() + i, text.size() - i);
}

}  // namespace

bool StartsWithUrl(const std::string& s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 ||
         s.rfind("www.", 0) == 0;
}

bool ContinuesUrl(const std::string& text, const std::string& next) {
  static const RE2 kTailUrl("(?i)(?:https?://|www\\.)[^\\s]*$");
  if (!RE2::PartialMatch(LastToken(text), kTailUrl)) return false;
  std::string tok = LeadingUrlToken(next);
  if (tok.empty() || StartsWithUrl(next)) return false;
  char end = text.back();
  if (std::string("-/=&_?.#%").find(end) != std::string::npos) return true;
  return tok.find_first_of("-/=&._?#%") != std::string::npos;
}

bool ContinuesUrlAtWrap(const std::string& text, const std::string& next) {
  static const RE2 kTailUrl("(?i)(?:https?://|www\\.)[^\\s]*$");
  if (next.empty() || StartsWithUrl(next)) return false;
  return LeadingUrlToken(next) == next &&
         RE2::PartialMatch(LastToken(text), kTailUrl);
}

void AddFootnoteUrls(Footnote* fn, std::vector<std::string>* all_urls) {
  static const RE2 kUrl(
      "(?i)((?:https?://|www\\.)[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+)");
  const std::string& text = fn->text.text;
  re2::StringPiece in(text), m;
  while (RE2::FindAndConsume(&in, kUrl, &m)) {
    std::string u(m);
    // A path segment may be non-ASCII (…/news/晶圓/…, or last: …/news/晶圓)
    // when it fills the whole segment, or the rest of a segment after a
    // word joiner (…/2031-07-港口岸电, a slug); elsewhere a non-ASCII letter
    // ends the URL (…/a以及).
    size_t end = m.data() + m.size() - text.data();
    while (!u.empty() && (u.back() == '/' || u.back() == '-' || u.back() == '_')) {
      size_t seg = end;
      while (seg < text.size() && static_cast<unsigned char>(text[seg]) >= 128) {
        int32_t next = static_cast<int32_t>(seg);
        UChar32 c;
        U8_NEXT(text.data(), next, static_cast<int32_t>(text.size()), c);
        if (c < 0 || !u_isalnum(c)) break;
        seg = static_cast<size_t>(next);
      }
      if (seg == end || !(seg == text.size() || text[seg] == '/' ||
                          std::isspace(static_cast<unsigned char>(text[seg]))))
        break;
      std::string rest = LeadingUrlToken(text.substr(seg));
      u += text.substr(end, seg - end) + rest;
      end = seg + rest.size();
    }
    in = re2::StringPiece(text.data() + end, text.size() - end);
    // Trailing punctuation is not part of a URL; a ')' only when unbalanced.
    while (!u.empty()) {
      char c = u.back();
      if (std::string(".,;:!?'\"").find(c) != std::string::npos) {
        u.pop_back();
      } else if ((c == ')' || c == ']') &&
                 std::count(u.begin(), u.end(), c == ')' ? '(' : '[') <
                     std::count(u.begin(), u.end(), c)) {
        u.pop_back();
      } else {
        break;
      }
    }
    // A URL printed again (or again but cut short) is the same source.
    bool dup = false;
    for (const auto& seen : *all_urls)
      if (seen.compare(0, u.size(), u) == 0) dup = true;
    if (dup) continue;
    all_urls->push_back(u);
    int off =
        CodePoints(fn->text.text.substr(0, m.data() - fn->text.text.data()));
    fn->urls.push_back(u);
    fn->url_lines.push_back(fn->text.Locate(off).line);
  }
}

std::vector<RefMark> FindRefMarks(const std::vector<char32_t>& cps,
                                  const std::set<int>& defined,
                                  const RefMarkWords& words) {
  std::vector<RefMark> marks;
  if (defined.empty()) return marks;
  int n = static_cast<int>(cps.size());
  auto digit = [](char32_t c) { return c >= '0' && c <= '9'; };
  for (int i = 0; i < n; ++i) {
    if (!digit(cps[i]) || (i > 0 && digit(cps[i - 1]))) continue;
    int j = i;
    while (j < n && digit(cps[j])) ++j;
    if (j - i > 2 || i == 0) continue;
    int num = 0;
    for (int k = i; k < j; ++k) num = num * 10 + (cps[k] - '0');
    // [1] or ［1］.
    char32_t open = cps[i - 1];
    if (FoldWidth(open) == '[' && j < n && FoldWidth(cps[j]) == ']') {
      if (defined.count(num)) marks.push_back({i - 1, j + 1, num, num, i});
      i = j;
      continue;
    }
    int start = i;
    char32_t before = cps[i - 1];
    if (before == ' ' && i >= 2 && IsHan(cps[i - 2])) {
      // "者 1。": a space before the mark only when punctuation follows.
      if (!(j < n && IsCjkPunct(cps[j]))) continue;
      start = i - 1;
      before = cps[i - 2];
    }
    bool ok_before = (IsHan(before) ||
                      words.after.find(before) != std::u32string::npos) &&
                     words.not_after.find(before) == std::u32string::npos;
    if (!ok_before) continue;
    int num_max = num, end = j;
    // Range "1-2" or "1 -2".
    int k = j;
    if (k < n && cps[k] == ' ') ++k;
    if (k < n && words.range_dashes.find(cps[k]) != std::u32string::npos &&
        k + 1 < n &&
        digit(cps[k + 1])) {
      int m = k + 1, v = 0;
      while (m < n && digit(cps[m])) v = v * 10 + (cps[m++] - '0');
      if (v > num && defined.count(v)) {
        num_max = v;
        end = m;
      }
    }
    if (!defined.count(num)) continue;
    char32_t after = end < n ? cps[end] : 0;
    bool ok_after = after == 0 || after == '\n' || IsCjkPunct(after) ||
                    after == ',' || after == ';' ||
                    (IsHan(after) && end == j && num_max == num);
    if (!ok_after) continue;
    // A Han character after the mark must not make it a count (2轨, 3家).
    if (IsHan(after) && words.count_units.find(after) != std::u32string::npos) continue;
    marks.push_back({start, end, num, num_max, i});
    i = end - 1;
  }
  return marks;
}

void CutRefMarks(Article* a, const std::vector<RefMark>& marks) {
  if (marks.empty()) return;
  int n = CodePoints(a->body.text);
  for (const auto& m : marks) {
    Anchor where = a->body.Locate(m.at);
    a->refs.push_back({m.number, m.number_max, 0, where.line, where.col});
  }
  // Rebuild the body without the marks, shifting anchors and ref offsets;
  // the text after each cut gets an anchor of its own so columns stay true.
  Field out;
  auto offsets = CodePointOffsets(a->body.text);
  std::vector<int> shift(n + 1, 0);
  size_t ci = 0;
  int removed = 0;
  for (int i = 0; i <= n; ++i) {
    while (ci < marks.size() && i >= marks[ci].end) ++ci;
    shift[i] = removed;
    if (ci < marks.size() && i >= marks[ci].start && i < marks[ci].end) {
      ++removed;
      continue;
    }
    if (i < n)
      out.text.append(a->body.text, offsets[i], offsets[i + 1] - offsets[i]);
  }
  out.length = n - removed;
  for (const auto& an : a->body.anchors) {
    int o = std::min(an.offset, n);
    out.anchors.push_back({o - shift[o], an.line, an.col});
  }
  for (size_t r = 0; r < marks.size(); ++r) {
    a->refs[r].offset = marks[r].start - shift[marks[r].start];
    if (marks[r].end < n) {
      Anchor after = a->body.Locate(marks[r].end);
      out.anchors.push_back(
          {marks[r].end - shift[marks[r].end], after.line, after.col});
    }
  }
  std::stable_sort(
      out.anchors.begin(), out.anchors.end(),
      [](const Anchor& x, const Anchor& y) { return x.offset < y.offset; });
  a->body = std::move(out);
}

}  // namespace bulletin

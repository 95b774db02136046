#include "text_util.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <map>

#include "rule_files.h"

namespace bulletin {

std::vector<char32_t> ToCodePoints(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  auto p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return out;
}

CodePointEnds EndsOf(std::string_view s) {
  CodePointEnds r;
  auto p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    char32_t x = c < 0 ? 0xFFFD : static_cast<char32_t>(c);
    if (r.count == 0) r.first = x;
    if (r.count == 1) r.second = x;
    r.last = x;
    ++r.count;
  }
  return r;
}

void AppendUtf8(char32_t c, std::string* out) {
  uint8_t buf[4];
  int32_t k = 0;
  UBool err = false;
  U8_APPEND(buf, k, 4, static_cast<UChar32>(c), err);
  if (err) {
    out->append("\xEF\xBF\xBD");
    return;
  }
  out->append(reinterpret_cast<char*>(buf), k);
}

std::vector<int> CodePointOffsets(std::string_view s) {
  std::vector<int> out;
  out.reserve(s.size() + 1);
  auto p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    out.push_back(i);
    UChar32 c;
    U8_NEXT(p, i, n, c);
  }
  out.push_back(n);
  return out;
}

bool IsHan(char32_t c) {
  return Punctuation::In(Punct().han_extra, c) ||
         u_getIntPropertyValue(c, UCHAR_SCRIPT) == USCRIPT_HAN;
}

// Unicode blocks (mechanism): CJK Symbols and Punctuation, the punctuation
// of Halfwidth and Fullwidth Forms; the single marks are punct_extra's.
bool IsCjkPunct(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) ||
         Punctuation::In(Punct().punct_extra, c);
}

// Unicode blocks (mechanism): the full-width digits and letters, Latin-1
// and Latin Extended.
bool IsLatinAlnum(char32_t c) {
  return (c < 128 && std::isalnum(static_cast<int>(c))) ||
         (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A) ||
         (c >= 0xC0 && c < 0x250);  // Latin-1 and Extended letters
}

bool IsWideDigit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }

bool IsWide(char32_t c) {
  if (c < 0x80) return false;  // ASCII is narrow (East Asian Width Na, N)
  int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

std::u32string* Punctuation::List(const std::string& kind) {
  const std::pair<const char*, std::u32string*> kLists[] = {
      {"terminal", &terminal}, {"closer", &closer},
      {"han_extra", &han_extra}, {"punct_extra", &punct_extra},
      {"opener", &opener},     {"pause", &pause},
      {"stop", &stop},         {"leader", &leader}};
  for (const auto& [name, list] : kLists)
    if (kind == name) return list;
  return nullptr;
}

Punctuation Punctuation::Load(const RuleFiles& files,
                              std::vector<Status>* errors) {
  Punctuation p;
  std::map<std::u32string*, const RuleFile*> set_by;  // the file of each list
  for (const auto& row : ReadTable(files, "punctuation.tsv", 0, "", errors)) {
    std::u32string* list = p.List(row.cols[0]);
    if (list == nullptr || row.cols.size() < 2) {
      errors->push_back(row.Error(
          0, "expected KIND<TAB>CHARACTERS with a known kind (terminal, "
             "closer, han_extra, punct_extra, opener, pause, stop, leader)"));
      continue;
    }
    std::u32string chars;
    for (char32_t c : ToCodePoints(row.text.substr(row.cols[0].size() + 1)))
      if (c != ' ' && c != '\t') chars.push_back(c);
    if (chars.empty()) {
      errors->push_back(row.Error(1, "no characters"));
      continue;
    }
    auto by = set_by.find(list);
    if (by != set_by.end() && by->second != row.file) list->clear();
    set_by[list] = row.file;
    *list += chars;
  }
  return p;
}

namespace {

Punctuation& Active() {
  static Punctuation active = [] {
    std::vector<Status> errors;  // the embedded table is tested (ctest)
    return Punctuation::Load(RuleFiles::Builtin(), &errors);
  }();
  return active;
}

}  // namespace

const Punctuation& Punct() { return Active(); }
void UsePunctuation(Punctuation p) { Active() = std::move(p); }

bool IsTerminal(char32_t c) { return Punctuation::In(Punct().terminal, c); }

bool IsCloser(char32_t c) { return Punctuation::In(Punct().closer, c); }

// Unicode's <wide> compatibility mapping (mechanism): U+FF01..U+FF5E are
// the wide forms of ASCII ! .. ~, U+3000 that of the space.
namespace {
constexpr char32_t kWideSpace = 0x3000;
// The code point FoldWidth maps to `ascii` (a printable ASCII character or
// the space).
char32_t WideForm(char ascii) {
  return ascii == ' ' ? kWideSpace : static_cast<char32_t>(ascii) + 0xFEE0;
}
}  // namespace

char32_t FoldWidth(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  return c == kWideSpace ? ' ' : c;
}

std::string FoldWidth(std::string_view s) {
  // Decoded in place: a character that does not fold is copied as it
  // stands (a well-formed sequence is the UTF-8 of what it decodes to), an
  // ill-formed one becomes U+FFFD, as ToCodePoints has it.
  std::string out;
  out.reserve(s.size());
  auto p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    if (p[i] < 0x80) {
      out.push_back(s[i++]);
      continue;
    }
    int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    char32_t f = c < 0 ? 0xFFFD : FoldWidth(static_cast<char32_t>(c));
    if (c >= 0 && f == static_cast<char32_t>(c))
      out.append(s.data() + at, static_cast<size_t>(i - at));
    else
      AppendUtf8(f, &out);
  }
  return out;
}

namespace {
std::string Utf8(char32_t c) {
  std::string out;
  AppendUtf8(c, &out);
  return out;
}
}  // namespace

const std::string kWideOpenParen = Utf8(WideForm('('));
const std::string kWideCloseParen = Utf8(WideForm(')'));

namespace {
const std::string kIdeographicSpace = Utf8(WideForm(' '));
}  // namespace

bool IdeographicSpaceAt(std::string_view s, size_t i) {
  // (Its first byte first: SquashSpace asks at every byte.)
  return i < s.size() && s[i] == kIdeographicSpace[0] &&
         s.compare(i, kIdeographicSpace.size(), kIdeographicSpace) == 0;
}

size_t FindFirstFolded(std::string_view s, std::string_view ascii) {
  std::vector<int> off = CodePointOffsets(s);
  std::vector<char32_t> text = ToCodePoints(s);
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t c = FoldWidth(text[i]);
    if (c < 0x80 && ascii.find(static_cast<char>(c)) != std::string_view::npos)
      return off[i];
  }
  return std::string_view::npos;
}

std::string SquashSpace(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v') continue;
    if (IdeographicSpaceAt(s, i)) {
      i += 2;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

int ReadLength(const std::string& s) {
  int n = 0;
  bool blank = false;
  for (char32_t c : ToCodePoints(s)) {
    bool b = c == ' ' || c == '\t';
    n += !(b && blank);
    blank = b;
  }
  return n;
}

}  // namespace bulletin

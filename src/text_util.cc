#include "text_util.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "embedded_rules.h"

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
  return c == 0x3007 || u_getIntPropertyValue(c, UCHAR_SCRIPT) == USCRIPT_HAN;
}

bool IsCjkPunct(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) || c == 0x2014 || c == 0x2026 ||
         (c >= 0x2018 && c <= 0x201F);
}

bool IsLatinAlnum(char32_t c) {
  return (c < 128 && std::isalnum(static_cast<int>(c))) ||
         (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A) ||
         (c >= 0xC0 && c < 0x250);  // Latin-1 and Extended letters
}

bool IsWide(char32_t c) {
  int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

namespace {

// The character lists of rules/punctuation.tsv, read from the copy embedded
// at build time (every stage asks these questions, before and without any
// --rules directory): KIND<TAB>CHARACTERS, ASCII spaces ignored.
struct Punctuation {
  std::u32string terminal, closer;
};

const Punctuation& Marks() {
  static const Punctuation kMarks = [] {
    Punctuation p;
    for (const EmbeddedFile* f = kEmbeddedFiles; f->name != nullptr; ++f) {
      if (std::string_view(f->name) != "punctuation.tsv") continue;
      std::string_view text(f->data, f->size);
      while (!text.empty()) {
        size_t eol = text.find('\n');
        std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? "" : text.substr(eol + 1);
        size_t tab = line.find('\t');
        if (line.empty() || line[0] == '#' || tab == std::string_view::npos)
          continue;
        std::string_view kind = line.substr(0, tab);
        std::u32string* list = kind == "terminal" ? &p.terminal
                               : kind == "closer" ? &p.closer
                                                  : nullptr;
        if (list == nullptr) continue;
        for (char32_t c : ToCodePoints(line.substr(tab + 1)))
          if (c != ' ' && c != '\r') list->push_back(c);
      }
    }
    return p;
  }();
  return kMarks;
}

}  // namespace

bool IsTerminal(char32_t c) {
  return Marks().terminal.find(c) != std::u32string::npos;
}

bool IsCloser(char32_t c) {
  return Marks().closer.find(c) != std::u32string::npos;
}

char32_t FoldWidth(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;
  return c == 0x3000 ? ' ' : c;
}

std::string FoldWidth(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : ToCodePoints(s)) AppendUtf8(FoldWidth(c), &out);
  return out;
}

namespace {
std::string Utf8(char32_t c) {
  std::string out;
  AppendUtf8(c, &out);
  return out;
}
}  // namespace

const std::string kWideOpenParen = Utf8(0xFF08);
const std::string kWideCloseParen = Utf8(0xFF09);

bool IdeographicSpaceAt(std::string_view s, size_t i) {
  static const std::string kSpace = Utf8(0x3000);
  return s.compare(i, kSpace.size(), kSpace) == 0;
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

}  // namespace bulletin

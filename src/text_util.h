// Small UTF-8 helpers shared by the stages (all decoding through ICU macros).
#ifndef BULLETIN_TEXT_UTIL_H_
#define BULLETIN_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace bulletin {

// Code points of UTF-8 text (invalid sequences become U+FFFD).
std::vector<char32_t> ToCodePoints(std::string_view s);
// The first two and the last code point of UTF-8 text, decoded as
// ToCodePoints decodes them (invalid sequences become U+FFFD), and how many
// code points it has: the ends of a match without a vector of all of them.
struct CodePointEnds {
  char32_t first = 0, second = 0, last = 0;
  size_t count = 0;
};
CodePointEnds EndsOf(std::string_view s);
// Appends code point c to *out as UTF-8.
void AppendUtf8(char32_t c, std::string* out);
// Byte offset of each code point boundary: result[i] is the byte offset of
// code point i; result.back() is s.size().
std::vector<int> CodePointOffsets(std::string_view s);

bool IsHan(char32_t c);         // CJK ideograph (incl. 〇)
bool IsCjkPunct(char32_t c);    // full-width / CJK punctuation
bool IsLatinAlnum(char32_t c);  // ASCII or full-width letter or digit
bool IsWide(char32_t c);        // East Asian wide or full-width
// Sentence-final punctuation: 。！？!? and the full stop .
bool IsTerminal(char32_t c);
// Closing quotes and brackets that may follow a terminal mark.
bool IsCloser(char32_t c);

// Replaces full-width ASCII variants (U+FF01..U+FF5E) and the ideographic
// space by their ASCII forms, keeping everything else.
std::string FoldWidth(std::string_view s);
char32_t FoldWidth(char32_t c);

// The full-width parentheses U+FF08 and U+FF09 in UTF-8 (3 bytes each),
// which bulletins use like '(' and ')'.
extern const std::string kWideOpenParen;
extern const std::string kWideCloseParen;

// True when the ideographic space (U+3000) starts at byte `i` of `s`.
bool IdeographicSpaceAt(std::string_view s, size_t i);
// The byte offset of the first code point of `s` that is one of the `ascii`
// characters or its full-width form (FoldWidth), or npos.
size_t FindFirstFolded(std::string_view s, std::string_view ascii);

// `s` without its white space (ASCII blanks and U+3000): the form in which
// titles are compared, since extractors break and space them differently.
std::string SquashSpace(const std::string& s);

}  // namespace bulletin

#endif  // BULLETIN_TEXT_UTIL_H_

// Small UTF-8 helpers shared by the stages (all decoding through ICU macros).
#ifndef BULLETIN_TEXT_UTIL_H_
#define BULLETIN_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "bulletin/status.h"

namespace bulletin {

class RuleFiles;

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

bool IsHan(char32_t c);         // CJK ideograph (and punctuation.tsv han_extra)
bool IsCjkPunct(char32_t c);    // full-width / CJK punctuation
bool IsLatinAlnum(char32_t c);  // ASCII or full-width letter or digit
bool IsWide(char32_t c);        // East Asian wide or full-width
// Sentence-final punctuation (punctuation.tsv terminal): 。！？!? and the
// full stop .
bool IsTerminal(char32_t c);
// Closing quotes and brackets that may follow a terminal mark (closer).
bool IsCloser(char32_t c);
// A full-width digit ０-９ (the Unicode block's range).
bool IsWideDigit(char32_t c);

// The character classes of rules/punctuation.tsv, KIND<TAB>CHARACTERS
// (ASCII spaces ignored): what every stage asks of a character.
struct Punctuation {
  std::u32string terminal, closer;  // IsTerminal, IsCloser
  std::u32string han_extra;    // counted as Han besides Unicode's Han script
  std::u32string punct_extra;  // counted by IsCjkPunct besides its blocks
  std::u32string opener;       // opening brackets (before a date: dates.cc)
  std::u32string pause, stop;  // inside and at the end of a sentence (orgs.cc)
  std::u32string leader;       // leader dots of a table of contents (PDF)

  // The list called `kind`, or nullptr when there is no such kind.
  std::u32string* List(const std::string& kind);
  static bool In(const std::u32string& list, char32_t c) {
    return list.find(c) != std::u32string::npos;
  }

  // Reads every punctuation.tsv of `files` through ReadTable. A row of a
  // later file (a --rules directory's) replaces the list of its kind; rows
  // of one file add to each other. A row without a known kind or without
  // characters is reported to *errors as file:line:col.
  static Punctuation Load(const RuleFiles& files, std::vector<Status>* errors);
};

// The classes in force: the embedded punctuation.tsv's until an Engine is
// loaded (Engine::Load installs those of its rule files, --rules included,
// before any input is read; one process runs one set).
const Punctuation& Punct();
void UsePunctuation(Punctuation p);

// Replaces full-width ASCII variants (U+FF01..U+FF5E) and the ideographic
// space by their ASCII forms, keeping everything else: Unicode's <wide>
// compatibility mapping, mechanism rather than knowledge.
std::string FoldWidth(std::string_view s);
char32_t FoldWidth(char32_t c);

// The wide forms of '(' and ')' (FoldWidth's inverse) in UTF-8 (3 bytes
// each), which bulletins use like '(' and ')'.
extern const std::string kWideOpenParen;
extern const std::string kWideCloseParen;

// True when the ideographic space (the wide form of ' ') starts at byte `i`
// of `s`.
bool IdeographicSpaceAt(std::string_view s, size_t i);
// The byte offset of the first code point of `s` that is one of the `ascii`
// characters or its full-width form (FoldWidth), or npos.
size_t FindFirstFolded(std::string_view s, std::string_view ascii);

// `s` without its white space (ASCII blanks and U+3000): the form in which
// titles are compared, since extractors break and space them differently.
std::string SquashSpace(const std::string& s);
// The length of `s` in code points with each run of ASCII blanks counted as
// one: how long a title reads, when a layout text pads a deck printed on
// its line out to the right margin.
int ReadLength(const std::string& s);

}  // namespace bulletin

#endif  // BULLETIN_TEXT_UTIL_H_

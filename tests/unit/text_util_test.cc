// text_util: the character classes of rules/punctuation.tsv and the UTF-8
// helpers.
#include "text_util.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rule_files.h"

namespace bulletin {
namespace {

TEST_CASE("IsTerminal: the sentence ends of punctuation.tsv", "[text_util]") {
  struct Case {
    char32_t c;
    bool terminal;
  };
  const Case kCases[] = {
      {U'。', true}, {U'！', true}, {U'？', true}, {U'!', true},
      {U'?', true},  {U'.', true},  {U'．', true}, {U'，', false},
      {U'：', false}, {U'；', false}, {U' ', false}, {U'a', false},
      {U'”', false}, {U'字', false},
  };
  for (const auto& k : kCases) {
    INFO("U+" << std::hex << static_cast<unsigned>(k.c));
    CHECK(IsTerminal(k.c) == k.terminal);
  }
}

TEST_CASE("IsCloser: the closing marks of punctuation.tsv", "[text_util]") {
  struct Case {
    char32_t c;
    bool closer;
  };
  const Case kCases[] = {
      {U'”', true},  {U'’', true},  {U'"', true},  {U'\'', true},
      {U'」', true}, {U'』', true}, {U'）', true}, {U')', true},
      {U'】', true}, {U'》', true}, {U'“', false}, {U'（', false},
      {U'(', false}, {U'《', false}, {U'。', false}, {U' ', false},
  };
  for (const auto& k : kCases) {
    INFO("U+" << std::hex << static_cast<unsigned>(k.c));
    CHECK(IsCloser(k.c) == k.closer);
  }
}

TEST_CASE("The other classes of punctuation.tsv", "[text_util]") {
  CHECK(IsHan(U'〇'));  // han_extra: not of the Han script in Unicode
  CHECK(IsHan(U'中'));
  CHECK_FALSE(IsHan(U'。'));
  CHECK(IsCjkPunct(U'“'));  // punct_extra
  CHECK(IsCjkPunct(U'…'));
  CHECK(IsCjkPunct(U'，'));  // a block
  CHECK_FALSE(IsCjkPunct(U'a'));
  CHECK(Punctuation::In(Punct().opener, U'【'));
  CHECK(Punctuation::In(Punct().pause, U'、'));
  CHECK(Punctuation::In(Punct().stop, U'。'));
  CHECK_FALSE(Punctuation::In(Punct().stop, U'，'));
  CHECK(Punctuation::In(Punct().leader, U'…'));
  CHECK(IsWideDigit(U'７'));
  CHECK_FALSE(IsWideDigit(U'7'));
}

TEST_CASE("The built-in punctuation.tsv has no bad row", "[text_util]") {
  std::vector<Status> errors;
  Punctuation p = Punctuation::Load(RuleFiles::Builtin(), &errors);
  for (const auto& e : errors) UNSCOPED_INFO(e.ToString());
  CHECK(errors.empty());
  CHECK(p.terminal == Punct().terminal);
}

TEST_CASE("FoldWidth and SquashSpace", "[text_util]") {
  CHECK(FoldWidth(U'？') == U'?');
  CHECK(FoldWidth(U'（') == U'(');
  CHECK(FoldWidth(U'［') == U'[');
  CHECK(FoldWidth(U'\u3000') == U' ');
  CHECK(FoldWidth(U'中') == U'中');
  CHECK(FoldWidth("２０２３年（上）") == "2023年(上)");
  CHECK(SquashSpace("新 能源\u3000汽车\t报告") == "新能源汽车报告");
}

TEST_CASE("ReadLength counts a run of blanks as one character",
          "[text_util]") {
  struct Row {
    const char* text;
    int length;
  } rows[] = {
      {"", 0},
      {"港口扩建", 4},
      {"港口 扩建", 5},
      {"港口扩建          二期开工", 9},  // a deck padded to the margin
      {"Port  \t  Works", 10},
      {"  港口", 3},
      {"港口\u3000\u3000扩建", 6},  // ideographic spaces are characters
  };
  for (const Row& r : rows) {
    INFO(r.text);
    CHECK(ReadLength(r.text) == r.length);
  }
}

TEST_CASE("ToCodePoints replaces invalid bytes", "[text_util]") {
  auto cps = ToCodePoints("a\xFFz");
  REQUIRE(cps.size() == 3);
  CHECK(cps[1] == 0xFFFD);
  CodePointEnds e = EndsOf("甲乙丙");
  CHECK(e.first == U'甲');
  CHECK(e.second == U'乙');
  CHECK(e.last == U'丙');
  CHECK(e.count == 3);
}

TEST_CASE("FoldWidth of a text folds each character as FoldWidth of one does",
          "[text_util]") {
  // What the text's code points, folded one by one, are in UTF-8.
  auto reference = [](std::string_view s) {
    std::string out;
    for (char32_t c : ToCodePoints(s)) AppendUtf8(FoldWidth(c), &out);
    return out;
  };
  const std::vector<std::string> texts = {
      "",
      "plain ASCII, 42.",
      "\xEF\xBC\x88\xEF\xBC\x91\xEF\xBC\x89\xE3\x80\x80x",  // wide (1), space
      "\xE4\xB8\xAD\xEF\xBF\xBD\xF0\x9F\x98\x80",  // Han, U+FFFD, an emoji
      "a\xFF" "b\x80" "c\xE4\xB8",  // stray and cut-off bytes
      "\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80",  // overlong, surrogate, too large
  };
  for (const auto& t : texts) {
    CAPTURE(t);
    CHECK(FoldWidth(std::string_view(t)) == reference(t));
  }
  CHECK(FoldWidth(std::string_view("a\xFF")) == "a\xEF\xBF\xBD");
}

}  // namespace
}  // namespace bulletin

// A Segmenter::Impl (src/layout_internal.h) on its own, for the unit tests
// of the segmenter's modules (layout_page, layout_assemble,
// layout_footnotes): the test sets its state, calls one member and reads
// the state, the articles handed out and the diagnostics.
#ifndef BULLETIN_TESTS_UNIT_SEGMENTER_IMPL_H_
#define BULLETIN_TESTS_UNIT_SEGMENTER_IMPL_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "layout_internal.h"
#include "layout_rules.h"

namespace bulletin {
namespace testing {

inline const LayoutRules::Impl& BuiltinLayout() {
  return BuiltinLayoutRules().impl();
}

// Input line `number` holding `text` from column `col`, trimmed and
// measured by MakeLine.
inline Line TestLine(const std::string& text, int number = 1, int col = 1) {
  InputLine in;
  in.number = number;
  in.col = col;
  in.text = text;
  return MakeLine(std::move(in));
}

// A Paragraph of `pieces`, one a line numbered from `first_line`, joined
// as FlushParagraph joins them.
inline Paragraph TestParagraph(const std::vector<std::string>& pieces,
                               int first_line = 1) {
  Paragraph p;
  char32_t last = 0;
  bool trail = false;
  int n = first_line;
  for (const auto& text : pieces) {
    p.pieces.push_back({text, n++, 1, false});
    JoinPiece(p.pieces.back(), false, &p.field, &last, &trail);
  }
  p.first_line = first_line;
  p.last_line = n - 1;
  return p;
}

struct SegmenterUnderTest {
  std::vector<Article> articles;
  std::vector<Diagnostic> diags;
  std::vector<std::pair<int, std::string>> dropped;  // (line, text)
  Segmenter::Impl im;

  SegmenterUnderTest()
      : im(
            BuiltinLayout(), "t.txt",
            [this](Article&& a) { articles.push_back(std::move(a)); },
            [this](const Diagnostic& d) { diags.push_back(d); }) {
    im.on_dropped = [this](int line, const std::string& text) {
      dropped.emplace_back(line, text);
    };
  }
  SegmenterUnderTest(const SegmenterUnderTest&) = delete;
  SegmenterUnderTest& operator=(const SegmenterUnderTest&) = delete;

  // The diagnostics of one rule, as "line:col".
  std::vector<std::string> Where(const std::string& rule) const {
    std::vector<std::string> out;
    for (const auto& d : diags)
      if (d.rule == rule)
        out.push_back(std::to_string(d.line) + ":" + std::to_string(d.col));
    return out;
  }
};

}  // namespace testing
}  // namespace bulletin

#endif  // BULLETIN_TESTS_UNIT_SEGMENTER_IMPL_H_

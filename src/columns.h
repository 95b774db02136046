// Two-column pages of a layout-preserving extraction (pdftotext -layout):
// each line holds a line of the left column, a gutter of spaces, and a line
// of the right column. The splitter reads one page at a time, finds the
// column the right-hand text starts at (the start most lines share after a
// run of spaces), and, when the lines of the page leave the gutter blank,
// hands out the left column, then the right one, each as lines of their
// own with their true columns. Lines that cross the gutter (a running
// header, a centred masthead) stay whole, above or below the columns.
#ifndef BULLETIN_COLUMNS_H_
#define BULLETIN_COLUMNS_H_

#include <functional>
#include <vector>

#include "decoder.h"

namespace bulletin {

class ColumnSplitter {
 public:
  using LineSink = std::function<void(InputLine&&)>;
  explicit ColumnSplitter(LineSink sink) : sink_(std::move(sink)) {}

  // Feeds the next input line; lines come out, possibly split and
  // reordered, once their page has ended (a page break, kMaxPageLines or
  // kMaxPageBytes).
  void Push(InputLine&& line);
  // Hands out what is left at the end of the input.
  void Finish();

  // A page longer than this is handed out as it stands (memory bound).
  static constexpr size_t kMaxPageLines = 400;
  // ... and so is one holding this many bytes of text (the pieces of a very
  // long line would otherwise fill a page of 400 of them).
  static constexpr size_t kMaxPageBytes = 1 << 20;

 private:
  void FlushPage();
  LineSink sink_;
  std::vector<InputLine> page_;
  size_t page_bytes_ = 0;  // text held in page_
  bool pass_through_ = false;  // lines come from a front end that sees the page
};

}  // namespace bulletin

#endif  // BULLETIN_COLUMNS_H_

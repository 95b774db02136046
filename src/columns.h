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

// Lines gathered into pages for a stage that reads a page at a time: a
// page ends at a page break, at kMaxPageLines or at kMaxPageBytes (a page
// longer than that is handed on in pieces: memory stays bounded, and the
// pieces of a very long line would otherwise fill a page of 400 of them).
// Once a line comes from a front end that sees the page (it has a
// LineKind), every line from then on goes straight to `line_sink`.
class PageBuffer {
 public:
  using PageSink = std::function<void(std::vector<InputLine>&&)>;
  using LineSink = std::function<void(InputLine&&)>;
  PageBuffer(PageSink page_sink, LineSink line_sink)
      : page_sink_(std::move(page_sink)), line_sink_(std::move(line_sink)) {}

  void Push(InputLine&& line);
  // Hands on the page being gathered, if any.
  void Flush();

  static constexpr size_t kMaxPageLines = 400;
  static constexpr size_t kMaxPageBytes = 1 << 20;

 private:
  PageSink page_sink_;
  LineSink line_sink_;
  std::vector<InputLine> page_;
  size_t page_bytes_ = 0;  // text held in page_
  bool pass_through_ = false;
};

// Hands on the lines of a page in a new order: the page break the page
// opened with stays on the first line handed on, and on no other.
class PageEmitter {
 public:
  PageEmitter(const std::vector<InputLine>& page,
              const std::function<void(InputLine&&)>& sink)
      : page_break_(!page.empty() && page.front().page_break), sink_(sink) {}
  void operator()(InputLine&& l) {
    l.page_break = page_break_ && !emitted_;
    emitted_ = true;
    sink_(std::move(l));
  }

 private:
  bool page_break_, emitted_ = false;
  const std::function<void(InputLine&&)>& sink_;
};

class ColumnSplitter {
 public:
  using LineSink = std::function<void(InputLine&&)>;
  // `page_end`, when given, is called after each page's lines are out, so
  // that a stage after this one that reads whole pages need not wait for
  // the next page's first line.
  explicit ColumnSplitter(LineSink sink,
                          std::function<void()> page_end = nullptr)
      : sink_(std::move(sink)),
        page_end_(std::move(page_end)),
        pages_(
            [this](std::vector<InputLine>&& p) {
              SplitPage(std::move(p));
              if (page_end_) page_end_();
            },
            sink_) {}

  // Feeds the next input line; lines come out, possibly split and
  // reordered, once their page has ended (PageBuffer).
  void Push(InputLine&& line) { pages_.Push(std::move(line)); }
  // Hands out what is left at the end of the input.
  void Finish() { pages_.Flush(); }

 private:
  void SplitPage(std::vector<InputLine>&& page);
  LineSink sink_;
  std::function<void()> page_end_;
  PageBuffer pages_;
};

}  // namespace bulletin

#endif  // BULLETIN_COLUMNS_H_

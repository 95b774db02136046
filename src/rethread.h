// Two-column pages of a plain extraction (pdftotext without -layout,
// pdfminer): the extractor prints the blocks of the two columns (a title,
// a paragraph, a byline, a list of notes, each set off by blank lines) in
// one sequence, interleaved by their height on the page or in runs, with
// nothing saying which column a block came from. The rethreader reads one
// page at a time, cuts it into blocks and finds the split of its blocks
// into two streams (each keeping its order) under which each stream reads
// as a bulletin does: a sentence left open goes on in the stream's next
// block, a title is followed by its text, a byline and notes close the
// text they belong to (notes whose numbers its reference marks use).
// When that split reads far better than the page as printed, the page is
// handed out as the first stream, then the second; otherwise, and on any
// page of a layout-preserving or geometry-aware input, it is handed out as
// it came.
#ifndef BULLETIN_RETHREAD_H_
#define BULLETIN_RETHREAD_H_

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "columns.h"
#include "decoder.h"
#include "layout.h"

namespace bulletin {

class Rethreader {
 public:
  using LineSink = std::function<void(InputLine&&)>;
  Rethreader(const LayoutRules::Impl& rules, LineSink sink);
  ~Rethreader();

  // Feeds the next input line; lines come out, possibly reordered by whole
  // blocks, once their page has ended (PageBuffer, columns.h).
  void Push(InputLine&& line) { pages_.Push(std::move(line)); }
  // Ends the page being read (its lines come out now); also at the end of
  // the input.
  void EndPage() { pages_.Flush(); }
  void Finish() { pages_.Flush(); }

  // What the stream read so far leaves open, carried from page to page.
  struct Stream;

 private:
  void ReadPage(std::vector<InputLine>&& page);
  const LayoutRules::Impl& rules_;
  LineSink sink_;
  PageBuffer pages_;
  int pages_read_ = 0;
  // The blocks that opened earlier pages (white space removed): a page's
  // running header repeats them.
  std::set<std::string> tops_;
  std::unique_ptr<Stream> carry_;
  // How the extractor orders the blocks of two columns, as seen so far:
  // blocks the grammar placed in the stream of the block before (runs), or
  // in the other one.
  int run_votes_ = 0, height_votes_ = 0;
};

}  // namespace bulletin

#endif  // BULLETIN_RETHREAD_H_

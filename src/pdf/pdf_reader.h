// The PDF front end: reads a PDF with poppler's C++ API and hands out its
// text as lines in reading order, with what the page shows about each line
// (LineKind: title, section, footnote, page furniture ...), to the same
// segmenter as text input. Built only when libpoppler-cpp-dev is found
// (CMake option BULLETIN_PDF); without it, PDF input is reported as
// unsupported.
//
// How it reads a page:
// 1. poppler's text boxes (words, with font size and name) are joined into
//    lines: boxes that overlap vertically and follow each other closely.
// 2. Reading order: the page is cut into horizontal bands; consecutive bands
//    that share a column gutter (an x range no line crosses) form one
//    multi-column block, read column by column; a larger-font line below
//    such a block starts a new one (a heading after the columns).
// 3. Classification, learned per document (no fixed sizes): the body size
//    is the most common font size by characters; larger lines are titles,
//    and a larger one directly above a smaller title is a section heading;
//    bold lines at body size are headings; smaller lines at the bottom of a
//    page, below a gap, are footnotes; lines in the top and bottom bands
//    whose text (digits aside) repeats on a neighbouring page are furniture.
// 4. Paragraphs start where a line is indented, follows a short line, a gap
//    or a change of font.
// Memory: two pages at a time (the one handed out and the next, to see
// which header lines repeat).
#ifndef BULLETIN_PDF_READER_H_
#define BULLETIN_PDF_READER_H_

#include <cstdio>
#include <memory>
#include <string>

#include "bulletin/diagnostic.h"
#include "bulletin/status.h"
#include "decoder.h"

namespace bulletin {

// True when this binary was built with the PDF front end.
bool PdfSupported();

// True when `head` (the first bytes of an input) holds the `%PDF-` signature
// (within its first 1024 bytes, as PDF readers allow).
bool LooksLikePdf(const std::string& head);

class PdfReader {
 public:
  // Reads `path`; for stdin ("-") give the bytes already read in `head`: the
  // rest of stdin is spooled to a temporary file (poppler needs to seek).
  // Problems go to `sink` (pdf.* rules) with `path` as their file.
  PdfReader(std::string path, std::string head, DiagnosticSink sink);
  ~PdfReader();
  PdfReader(const PdfReader&) = delete;
  PdfReader& operator=(const PdfReader&) = delete;

  // The next line (numbered from 1, `page` set, `page_break` on the first
  // line of every page after the first); false at the end or on failure.
  bool Next(InputLine* line);
  // kBadInput when the file is not a readable PDF, is encrypted or has no
  // text on any page.
  const Status& status() const;
  int pages() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace bulletin

#endif  // BULLETIN_PDF_READER_H_

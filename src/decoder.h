// Reads an input (file or stdin) in chunks and hands it out as UTF-8 lines
// with their 1-based line numbers. Decoding goes through ICU: UTF-8 is
// validated in place, other encodings are converted with ICU converters, and
// `auto` honours a BOM, takes UTF-8 as UTF-8 (valid, or damaged: more
// valid multi-byte sequences than chance gives, for its invalid ones) and
// otherwise asks ICU's charset detector. Invalid bytes become U+FFFD and are reported, never
// dropped. A multi-byte character split between two chunks is carried over.
#ifndef BULLETIN_DECODER_H_
#define BULLETIN_DECODER_H_

#include <atomic>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "bulletin/diagnostic.h"
#include "bulletin/status.h"

namespace bulletin {

// What a front end that sees the page (the PDF reader) knows about a line;
// the text front end leaves it kUnknown and the segmenter decides alone.
enum class LineKind {
  kUnknown,    // no geometry: the text classifier decides
  kBody,       // body-size text
  kHeading,    // bold at body size: a paragraph of its own
  kTitle,      // larger than the body: a title
  kSection,    // a larger heading directly above a title: a section
  kFootnote,   // smaller text at the page bottom, below a gap
  kFurniture,  // a running header or footer repeated across pages
};

// A line of the input, or a piece of one: a line longer than
// kMaxLineBytes is handed out in pieces (cut after a sentence end, a space
// or at least between two characters), each with the same line number and
// the column it starts at, so that no line is ever held whole.
struct InputLine {
  std::string text;         // UTF-8, without the line terminator (LF or CRLF)
  int number = 0;           // 1-based line number in the input
  int col = 1;              // column (in code points) of text's first one
  bool page_break = false;  // a form feed stood on this line (and was removed)
  // Set by the PDF front end only.
  int page = 0;                        // 1-based page; 0 for text input
  LineKind kind = LineKind::kUnknown;  // what the geometry says
  bool para_start = false;  // the line starts a paragraph (indent, gap ...)
};

// The values `encoding` may take: auto first, then the encodings by name.
const std::vector<std::string>& EncodingNames();

constexpr size_t kMaxLineBytes = 1 << 18;

// Makes stdin unbuffered, once, before anything reads it: the line reader
// reads it with read(), taking what a pipe holds without waiting for a
// full chunk, and no bytes may sit in stdio's buffer meanwhile.
void UnbufferStdin();

class LineReader {
 public:
  // Reads `path` ("-" is stdin) decoded as `encoding`: auto, utf-8, gb18030,
  // utf-16le or utf-16be. Problems go to `sink` with `path` as their file.
  LineReader(std::string path, std::string encoding, DiagnosticSink sink);
  // As above, for an input whose first bytes `head` have already been read
  // (to sniff its format): they are decoded before the rest.
  LineReader(std::string path, std::string encoding, DiagnosticSink sink,
             std::string head);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Fills *line with the next line; returns false at the end of the input or
  // after a fatal error (see status()).
  bool Next(InputLine* line);

  // Not ok (kBadInput, with the path as its file) when the input could not
  // be opened, read or decoded at all.
  const Status& status() const { return status_; }
  // The encoding in use once known (after the first Next()).
  const std::string& encoding() const { return encoding_; }
  // Number of invalid byte sequences replaced by U+FFFD so far.
  int invalid_sequences() const { return invalid_; }
  // Adds the number of bytes read from the input to *counter as they are
  // read (for --progress; the counter may be shared by several readers).
  void CountBytesInto(std::atomic<long long>* counter) { bytes_ = counter; }

 private:
  bool Fill();  // reads and decodes one more chunk into pending_
  bool Start(const char* data, size_t n);
  void AppendDecoded(const char* data, size_t n, bool flush);
  void Fail(const std::string& message);

  std::string path_, encoding_;
  DiagnosticSink sink_;
  FILE* file_ = nullptr;
  bool own_file_ = false;
  bool started_ = false, eof_ = false;
  Status status_;
  std::string pending_;  // decoded UTF-8 not yet handed out as lines
  size_t pending_pos_ = 0;
  std::string head_;  // bytes read ahead by the caller, decoded first
  struct Converter;
  std::unique_ptr<Converter> conv_;  // ICU converter for non-UTF-8 input
  size_t CutPoint(size_t limit) const;  // where to cut a too long line
  int line_number_ = 0;
  int next_col_ = 1;  // > 1: the last piece was cut, this one continues it
  int invalid_ = 0;
  std::atomic<long long>* bytes_ = nullptr;
  // Converter input: the offsets in the whole decoded text (and first
  // bytes) of the substitutions not yet handed out, and how many of the
  // converter's substitutions have been placed so far.
  std::deque<std::pair<size_t, unsigned char>> invalid_at_;
  size_t pending_base_ = 0;  // offset of pending_[0] in the whole text
  int located_ = 0;
  bool summarised_ = false;
};

}  // namespace bulletin

#endif  // BULLETIN_DECODER_H_

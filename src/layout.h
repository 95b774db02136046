// Layout repair and segmentation: turns the decoded lines of one input into
// articles. It drops page furniture (running headers, page numbers), re-joins
// lines the layout broke, pulls footnote blocks out of the text (and repairs
// their URLs), recognises sections, titles and bylines, and hands out each
// article as soon as it is complete. Memory is bounded by one article plus a
// small look-ahead window.
#ifndef BULLETIN_LAYOUT_H_
#define BULLETIN_LAYOUT_H_

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bulletin/article.h"
#include "bulletin/diagnostic.h"
#include "decoder.h"
#include "rule_files.h"

namespace bulletin {

struct RefMarkWords;

// Compiled layout rules (rules/layout.tsv and rules/sections.txt).
class LayoutRules {
 public:
  // Compiles the rules; on failure returns nullptr and appends
  // "file:line: message" entries to *errors.
  static std::unique_ptr<LayoutRules> Load(const RuleFiles& files,
                                           std::vector<Status>* errors);
  ~LayoutRules();

  // The words of layout.tsv's ref_not_after / ref_count_units lines, for
  // FindRefMarks (footnotes.h).
  const RefMarkWords& ref_words() const;
  // The characters of layout.tsv's title_body_ends line: a title ending in
  // one looks like body text (check's title.looks-like-body).
  const std::u32string& title_body_ends() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

struct SegmenterStats {
  int dropped_lines = 0;   // page furniture
  int unplaced_lines = 0;  // text that fitted no structure
  int articles = 0;
  int split_paragraphs = 0;  // cut at kMaxParagraphBytes
  int split_articles = 0;    // cut at kMaxArticleBytes
};

// What one article may hold, so that memory stays bounded on text with no
// structure: a paragraph is ended at a line break once it holds
// kMaxParagraphBytes, an article before the paragraph that would take its
// body past kMaxArticleBytes (the text goes on in the next record,
// untitled).
// Each cut is reported as a warning (segment.long-paragraph,
// segment.long-article) and counted in SegmenterStats.
constexpr size_t kMaxParagraphBytes = 1 << 16;
constexpr size_t kMaxArticleBytes = 1 << 18;

class Segmenter {
 public:
  using ArticleSink = std::function<void(Article&&)>;
  Segmenter(const LayoutRules& rules, std::string path, ArticleSink sink,
            DiagnosticSink diag);
  ~Segmenter();

  // Feeds the next input line.
  void Push(InputLine&& line);
  // Flushes everything at the end of the input.
  void Finish();
  const SegmenterStats& stats() const;
  // Calls `f` with the line number and text of everything taken out of the
  // text without being kept as it stands in a record field: lines of page
  // furniture and 参考资料 headings (what dropped_lines counts), section
  // headings (`section` keeps the name, not its frame), the number marks of
  // footnotes and of the references to them (kept as numbers). For the
  // characters-lost checker in tests/ and the fuzzers.
  void OnDropped(std::function<void(int line, const std::string& text)> f);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Display width of UTF-8 text (East Asian wide and full-width count 2).
int DisplayWidth(const std::string& s);
// Number of code points in UTF-8 text.
int CodePoints(const std::string& s);

}  // namespace bulletin

#endif  // BULLETIN_LAYOUT_H_

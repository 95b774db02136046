// One input through every stage: decode → segment → extract → the caller's
// article sink. Shared by `extract` and `check`.
#ifndef BULLETIN_PIPELINE_H_
#define BULLETIN_PIPELINE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bulletin/article.h"
#include "bulletin/diagnostic.h"
#include "bulletin/status.h"
#include "extract.h"
#include "layout.h"
#include "rule_files.h"

namespace bulletin {

struct PipelineOptions {
  std::string encoding = "auto";
  // auto (a `%PDF-` signature or a .pdf name makes it a PDF, a .jsonl or
  // .ndjson name JSON Lines), text, lines, jsonl or pdf (input_modes.h).
  std::string input_format = "auto";
  // jsonl: the field holding the text, the one copied as the record's
  // `id`, and those copied under `meta`.
  std::string text_field = "text", id_field = "id";
  std::vector<std::string> keep_fields;
  std::string reference_date;  // YYYY-MM-DD or empty
  std::string locale_currency;  // --locale's currency (TWD ...) or empty
  int min_year = 1900, max_year = 2100;
  // When set, called with everything the segmenter takes out of the text
  // (line number, text): see Segmenter::OnDropped.
  std::function<void(int line, const std::string& text)> on_dropped;
  bool context = false;  // fill each entity's sentence_text
  // When set, the input's bytes are added to it as they are read (a PDF's
  // once read whole): --progress.
  std::atomic<long long>* bytes_read = nullptr;
};

// The knowledge every input is run with: the rule and table files, read
// once (through ReadTable for the tables), compiled into the layout rules
// and the extractor (which holds the tables and the organisation matcher),
// and the character classes of punctuation.tsv, which Load puts in force
// (text_util.h: UsePunctuation); `check` runs the same Engine.
struct Engine {
  RuleFiles files;
  std::unique_ptr<LayoutRules> layout;
  std::unique_ptr<Extractor> extractor;

  // Loads the built-in rules plus `rules_dir` (when not empty). Returns
  // nullptr and appends to *errors (kBadRules) on any broken rule or table.
  static std::unique_ptr<Engine> Load(const std::string& rules_dir,
                                      std::vector<Status>* errors);
};

struct InputResult {
  // kBadInput when the input could not be opened, read or decoded, or its
  // name is not valid UTF-8 (its records are then written with U+FFFD in
  // source.path).
  Status status;
  std::string encoding;  // "pdf" for PDF input
  int invalid_sequences = 0;  // bytes the decoder replaced by U+FFFD
  int pages = 0;              // PDF input: its number of pages
  // lines and jsonl input: the documents read, and (jsonl) the lines
  // skipped as no JSON object with a text field.
  int documents = 0;
  int bad_lines = 0;
  // PDF input: the first line of each page with text, and its page number.
  std::vector<std::pair<int, int>> page_starts;
  // The PDF page of input line `line` (0 for text input or line 0).
  int PageOf(int line) const;
  SegmenterStats stats;
};

// A new document's state (named `name`, its diagnostics to `diag`), with
// nothing another document taught: one per input, per line of `lines`
// input, per object of `jsonl` input.
DocContext StartDocument(const Engine& engine, const std::string& name,
                         const PipelineOptions& opt, const DiagnosticSink& diag);

// Runs `path` ("-" for stdin) through the engine, handing each finished
// article (with its entities) to `sink` as soon as it is complete.
InputResult RunInput(const Engine& engine, const std::string& path,
                     const PipelineOptions& opt,
                     const std::function<void(Article&&)>& sink,
                     const DiagnosticSink& diag);

}  // namespace bulletin

#endif  // BULLETIN_PIPELINE_H_

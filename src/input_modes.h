// The input formats other than a bulletin's layout: `lines` (every line one
// short document, no layout repair) and `jsonl` (one JSON object per line,
// the text of one of its fields one document, run through the layout like a
// whole input). RunInput (pipeline.h) dispatches to them.
#ifndef BULLETIN_INPUT_MODES_H_
#define BULLETIN_INPUT_MODES_H_

#include <functional>
#include <string>

#include "bulletin/article.h"
#include "bulletin/diagnostic.h"
#include "decoder.h"
#include "pipeline.h"

namespace bulletin {

// `lines`: each non-blank line of `reader` is one document of one record,
// its text the body (trimmed of white space at both ends), title empty,
// its entities found with a document state of its own. Blank lines give no
// record. Fills result->stats (articles) and result->documents.
void RunLinesInput(const Engine& engine, LineReader* reader,
                   const std::string& name, const PipelineOptions& opt,
                   const std::function<void(Article&&)>& sink,
                   const DiagnosticSink& diag, InputResult* result);

// `jsonl`: each line of `reader` is one JSON object; the string in its
// opt.text_field is one document, segmented as a whole input would be, its
// lines and columns counted in that string. Every record of the document
// gets source.jsonl_line, the value of opt.id_field as `id` and the
// opt.keep_fields present under `meta`. A line that is no JSON object or
// has no string text field is reported as an error diagnostic (rule
// input.bad-json, file:line:col) and skipped: result->bad_lines counts
// them. Blank lines are skipped without a word.
void RunJsonlInput(const Engine& engine, LineReader* reader,
                   const std::string& name, const PipelineOptions& opt,
                   const std::function<void(Article&&)>& sink,
                   const DiagnosticSink& diag, InputResult* result);

}  // namespace bulletin

#endif  // BULLETIN_INPUT_MODES_H_

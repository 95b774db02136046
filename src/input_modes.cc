#include "input_modes.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>
#include <vector>

#include "text_util.h"

namespace bulletin {
namespace {

using ordered_json = nlohmann::ordered_json;

bool IsBlank(char32_t c) {
  return c == '\t' || c == '\r' || c == 0xA0 || FoldWidth(c) == ' ' ||
         c == 0xFEFF;
}

// `s` without white space at both ends, and how many code points were cut
// at its start.
std::pair<std::string, int> TrimBlank(const std::string& s) {
  std::vector<char32_t> cps = ToCodePoints(s);
  size_t b = 0, e = cps.size();
  while (b < e && IsBlank(cps[b])) ++b;
  while (e > b && IsBlank(cps[e - 1])) --e;
  std::string out;
  for (size_t i = b; i < e; ++i) AppendUtf8(cps[i], &out);
  return {out, static_cast<int>(b)};
}

int CodePointCount(const std::string& s) {
  return static_cast<int>(ToCodePoints(s).size());
}

// The largest JSON line taken: a longer one is reported and skipped, so
// that memory stays bounded on a file with no line ends.
constexpr size_t kMaxJsonLineBytes = size_t{64} << 20;

}  // namespace

void RunLinesInput(const Engine& engine, LineReader* reader,
                   const std::string& name, const PipelineOptions& opt,
                   const std::function<void(Article&&)>& sink,
                   const DiagnosticSink& diag, InputResult* result) {
  InputLine line;
  while (reader->Next(&line)) {
    auto [text, cut] = TrimBlank(line.text);
    if (text.empty()) continue;
    Article a;
    a.path = name;
    a.index = 1;
    a.line = a.end_line = line.number;
    a.body.length = CodePointCount(text);
    a.body.text = std::move(text);
    a.body.anchors.push_back({0, line.number, line.col + cut});
    DocContext ctx = StartDocument(engine, name, opt, diag);
    engine.extractor->Process(&a, &ctx);
    ++result->documents;
    ++result->stats.articles;
    sink(std::move(a));
  }
}

void RunJsonlInput(const Engine& engine, LineReader* reader,
                   const std::string& name, const PipelineOptions& opt,
                   const std::function<void(Article&&)>& sink,
                   const DiagnosticSink& diag, InputResult* result) {
  // The reader hands a line longer than kMaxLineBytes out in pieces (same
  // number, col > 1): they are joined back here (RunInput keeps the
  // reader's decode.long-line warning, which does not apply, from `diag`).
  auto bad = [&](int number, int col, const std::string& message) {
    ++result->bad_lines;
    diag({Severity::kError, "input.bad-json", name, number, col,
          message + "; line skipped"});
  };
  auto run_doc = [&](const std::string& json, int number) {
    if (json.find_first_not_of(" \t\r") == std::string::npos) return;
    ordered_json obj;
    try {
      obj = ordered_json::parse(json);
    } catch (const ordered_json::parse_error& e) {
      size_t at = std::min(json.size(), e.byte > 0 ? e.byte - 1 : 0);
      std::string what = e.what();
      // "[json.exception.parse_error.101] parse error at line 1, column 5:
      // syntax error ..." : the part after the position.
      size_t colon = what.find(": ");
      bad(number, CodePointCount(json.substr(0, at)) + 1,
          "not valid JSON: " +
              (colon == std::string::npos ? what : what.substr(colon + 2)));
      return;
    }
    if (!obj.is_object()) {
      bad(number, 1, "not a JSON object");
      return;
    }
    auto t = obj.find(opt.text_field);
    if (t == obj.end() || !t->is_string()) {
      bad(number, 1,
          "no string field \"" + opt.text_field +
              "\" (the text field; see --text-field)");
      return;
    }
    ++result->documents;
    std::string id_json;
    auto id = obj.find(opt.id_field);
    if (id != obj.end()) id_json = id->dump();
    std::vector<std::pair<std::string, std::string>> meta;
    for (const auto& k : opt.keep_fields) {
      auto v = obj.find(k);
      if (v != obj.end()) meta.emplace_back(k, v->dump());
    }
    const std::string& text = t->get_ref<const std::string&>();
    DiagnosticSink doc_diag = [&](const Diagnostic& d) {
      // Lines of the document are lines of its text field: the message
      // says where in the text, the diagnostic's line is the JSON line's.
      Diagnostic x = d;
      x.line = number;
      x.col = 0;
      if (d.line > 0)
        x.message += " (text line " + std::to_string(d.line) +
                     (d.col > 0 ? ", col " + std::to_string(d.col) : "") + ")";
      diag(x);
    };
    DocContext ctx = StartDocument(engine, name, opt, doc_diag);
    Segmenter seg(
        *engine.layout, name,
        [&](Article&& a) {
          engine.extractor->Process(&a, &ctx);
          a.jsonl_line = number;
          a.id_json = id_json;
          a.meta = meta;
          sink(std::move(a));
        },
        doc_diag);
    int n = 0;
    for (size_t from = 0; from <= text.size();) {
      size_t nl = text.find('\n', from);
      if (nl == std::string::npos) nl = text.size();
      InputLine l;
      l.number = ++n;
      l.text = text.substr(from, nl - from);
      if (!l.text.empty() && l.text.back() == '\r') l.text.pop_back();
      // A form feed is a page break, as the text reader takes it.
      if (l.text.find('\f') != std::string::npos) {
        l.text.erase(std::remove(l.text.begin(), l.text.end(), '\f'),
                     l.text.end());
        l.page_break = true;
      }
      seg.Push(std::move(l));
      from = nl + 1;
    }
    seg.Finish();
    const SegmenterStats& s = seg.stats();
    result->stats.articles += s.articles;
    result->stats.dropped_lines += s.dropped_lines;
    result->stats.unplaced_lines += s.unplaced_lines;
    result->stats.split_paragraphs += s.split_paragraphs;
    result->stats.split_articles += s.split_articles;
  };
  InputLine piece;
  std::string json;
  int number = 0;
  bool too_long = false;
  auto flush = [&] {
    if (number == 0) return;
    if (too_long)
      bad(number, 1,
          "JSON line longer than " + std::to_string(kMaxJsonLineBytes) +
              " bytes");
    else
      run_doc(json, number);
    json.clear();
    too_long = false;
  };
  while (reader->Next(&piece)) {
    if (piece.col == 1 || piece.number != number) {
      flush();
      number = piece.number;
    }
    if (json.size() + piece.text.size() > kMaxJsonLineBytes) {
      too_long = true;
      json.clear();
    }
    if (!too_long) json += piece.text;
  }
  flush();
}

}  // namespace bulletin

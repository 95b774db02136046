#include "pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <sys/stat.h>

#include "decoder.h"
#include "input_modes.h"
#include "orgs.h"
#include "pdf/pdf_reader.h"
#include "text_util.h"

namespace bulletin {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

std::unique_ptr<Engine> Engine::Load(const std::string& rules_dir,
                                     std::vector<Status>* errors) {
  auto e = std::make_unique<Engine>();
  e->files = RuleFiles::Builtin();
  if (!rules_dir.empty()) {
    Status s = e->files.AddDirectory(rules_dir);
    if (!s.ok()) {
      errors->push_back(std::move(s));
      return nullptr;
    }
  }
  // The character classes are in force while the rest loads, so that it
  // sees the ones it will run with; a failed load puts the previous back.
  size_t before = errors->size();
  Punctuation punct = Punctuation::Load(e->files, errors);
  if (errors->size() != before) return nullptr;
  Punctuation previous = Punct();
  UsePunctuation(std::move(punct));
  e->layout = LayoutRules::Load(e->files, errors);
  e->extractor = Extractor::Load(e->files, errors);
  if (!e->layout || !e->extractor) {
    UsePunctuation(std::move(previous));
    return nullptr;
  }
  return e;
}

DocContext StartDocument(const Engine&, const std::string& name,
                         const PipelineOptions& opt,
                         const DiagnosticSink& diag) {
  DocContext ctx;
  ctx.reference_date = opt.reference_date;
  ctx.locale_currency = opt.locale_currency;
  ctx.sentence_text = opt.context;
  ctx.diag = diag;
  ctx.path = name;
  return ctx;
}

int InputResult::PageOf(int line) const {
  if (line <= 0 || page_starts.empty()) return 0;
  auto it = std::upper_bound(
      page_starts.begin(), page_starts.end(), line,
      [](int l, const std::pair<int, int>& p) { return l < p.first; });
  return it == page_starts.begin() ? page_starts.front().second
                                   : std::prev(it)->second;
}

InputResult RunInput(const Engine& engine, const std::string& path,
                     const PipelineOptions& opt,
                     const std::function<void(Article&&)>& sink,
                     const DiagnosticSink& diag) {
  InputResult result;
  // The name as it appears in the records and diagnostics: valid UTF-8.
  std::string name;
  for (char32_t c : ToCodePoints(path)) AppendUtf8(c, &name);
  if (name != path)
    result.status = Status::Error(
        StatusCode::kBadInput, path, 0, 0,
        "file name is not valid UTF-8; its records have U+FFFD in "
        "source.path for the bad bytes");
  // The input's first bytes tell a PDF from text (stdin too: the bytes read
  // to tell are handed on to whichever reader takes the input).
  std::string head, sniff;  // head: bytes of stdin already read
  // A named input that is not a regular file (a FIFO, `<(cmd)`, a device)
  // is not sniffed: its bytes can be read only once, and the reader opens
  // it again (it would wait for a writer that is gone, or miss the start).
  struct stat st;
  bool once_only = path != "-" && ::stat(path.c_str(), &st) == 0 &&
                   !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
  if (opt.input_format != "text" && !once_only) {
    if (path == "-") UnbufferStdin();
    FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (f) {
      sniff.resize(1024);
      sniff.resize(std::fread(&sniff[0], 1, sniff.size(), f));
      if (f == stdin)
        head = sniff;
      else
        std::fclose(f);  // the reader opens the file again
    }
  }
  // (A file named .pdf is read as one, so that a damaged or mislabelled one
  // is reported rather than read as text.)
  auto has_ext = [&](const std::string& want) {
    if (path.size() < want.size()) return false;
    std::string ext = path.substr(path.size() - want.size());
    for (auto& c : ext) c = static_cast<char>(std::tolower(c));
    return ext == want;
  };
  bool pdf = opt.input_format == "pdf" ||
             (opt.input_format == "auto" &&
              (LooksLikePdf(sniff) || has_ext(".pdf")));
  bool jsonl = opt.input_format == "jsonl" ||
               (opt.input_format == "auto" && !pdf &&
                (has_ext(".jsonl") || has_ext(".ndjson")));
  if (jsonl || opt.input_format == "lines") {
    // (A JSON line longer than the reader's pieces is joined back whole.)
    DiagnosticSink rdiag = [&](const Diagnostic& d) {
      if (!jsonl || d.rule != "decode.long-line") diag(d);
    };
    LineReader reader(path, opt.encoding, rdiag, head);
    reader.CountBytesInto(opt.bytes_read);
    if (jsonl)
      RunJsonlInput(engine, &reader, name, opt, sink, diag, &result);
    else
      RunLinesInput(engine, &reader, name, opt, sink, diag, &result);
    if (!reader.status().ok()) result.status = reader.status();
    else if (result.bad_lines > 0 && result.status.ok())
      result.status = Status::Error(
          StatusCode::kBadInput, path, 0, 0,
          std::to_string(result.bad_lines) + " of " +
              std::to_string(result.bad_lines + result.documents) +
              " JSON lines skipped (input.bad-json errors above)");
    result.encoding = reader.encoding();
    result.invalid_sequences = reader.invalid_sequences();
    return result;
  }
  if (pdf && !sniff.empty() && !LooksLikePdf(sniff)) {
    result.status = Status::Error(StatusCode::kBadInput, path, 0, 0,
                                  "not a PDF: no %PDF- signature at its start");
    return result;
  }
  // PDF pages (one entry per page, not per line) give records and
  // diagnostics their page.
  auto page_at = [&](int line) { return result.PageOf(line); };
  DiagnosticSink pdiag = diag;
  if (pdf) {
    pdiag = [&](const Diagnostic& d) {
      if (d.page > 0 || d.line <= 0) return diag(d);
      Diagnostic x = d;
      x.page = page_at(d.line);
      diag(x);
    };
  }
  DocContext ctx = StartDocument(engine, name, opt, pdiag);
  Segmenter seg(
      *engine.layout, name,
      [&](Article&& a) {
        engine.extractor->Process(&a, &ctx);
        if (pdf) {
          a.page = page_at(a.line);
          a.end_page = page_at(a.end_line);
          for (auto& e : a.entities) e.page = page_at(e.line);
        }
        sink(std::move(a));
      },
      pdiag);
  if (opt.on_dropped) seg.OnDropped(opt.on_dropped);
  InputLine line;
  if (pdf) {
    PdfReader reader(path, head, pdiag);
    while (reader.Next(&line)) {
      if (result.page_starts.empty() ||
          result.page_starts.back().second != line.page)
        result.page_starts.push_back({line.number, line.page});
      seg.Push(std::move(line));
    }
    if (!reader.status().ok()) result.status = reader.status();
    seg.Finish();
    struct stat st;
    if (opt.bytes_read && path != "-" && stat(path.c_str(), &st) == 0)
      *opt.bytes_read += static_cast<long long>(st.st_size);
    result.encoding = "pdf";
    result.pages = reader.pages();
  } else {
    LineReader reader(path, opt.encoding, diag, head);
    reader.CountBytesInto(opt.bytes_read);
    while (reader.Next(&line)) seg.Push(std::move(line));
    if (!reader.status().ok()) result.status = reader.status();
    seg.Finish();
    result.encoding = reader.encoding();
    result.invalid_sequences = reader.invalid_sequences();
  }
  result.stats = seg.stats();
  return result;
}

}  // namespace bulletin

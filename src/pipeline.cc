#include "pipeline.h"

#include "decoder.h"
#include "orgs.h"
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
  e->layout = LayoutRules::Load(e->files, errors);
  e->extractor = Extractor::Load(e->files, errors);
  if (!e->layout || !e->extractor) return nullptr;
  return e;
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
  LineReader reader(path, opt.encoding, diag);
  DocContext ctx;
  ctx.reference_date = opt.reference_date;
  ctx.min_year = opt.min_year;
  ctx.max_year = opt.max_year;
  ctx.sentence_text = opt.context;
  ctx.diag = diag;
  ctx.path = name;
  engine.extractor->StartDocument();
  Segmenter seg(
      *engine.layout, name,
      [&](Article&& a) {
        engine.extractor->Process(&a, &ctx);
        sink(std::move(a));
      },
      diag);
  if (opt.on_dropped) seg.OnDropped(opt.on_dropped);
  InputLine line;
  while (reader.Next(&line)) seg.Push(std::move(line));
  if (!reader.status().ok()) result.status = reader.status();
  seg.Finish();
  result.encoding = reader.encoding();
  result.invalid_sequences = reader.invalid_sequences();
  result.stats = seg.stats();
  return result;
}

}  // namespace bulletin

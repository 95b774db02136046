#include "pipeline.h"

#include "decoder.h"
#include "orgs.h"

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
                                     std::vector<std::string>* errors) {
  auto e = std::make_unique<Engine>();
  e->files = RuleFiles::Builtin();
  std::string err;
  if (!rules_dir.empty() && !e->files.AddDirectory(rules_dir, &err)) {
    errors->push_back(err);
    return nullptr;
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
  LineReader reader(path, opt.encoding, diag);
  DocContext ctx;
  ctx.reference_date = opt.reference_date;
  ctx.min_year = opt.min_year;
  ctx.max_year = opt.max_year;
  ctx.diag = diag;
  ctx.path = path;
  engine.extractor->StartDocument();
  Segmenter seg(
      *engine.layout, path,
      [&](Article&& a) {
        engine.extractor->Process(&a, &ctx);
        sink(std::move(a));
      },
      diag);
  InputLine line;
  while (reader.Next(&line)) seg.Push(std::move(line));
  if (reader.failed()) {
    result.failed = true;
    result.error = reader.error();
  }
  seg.Finish();
  result.encoding = reader.encoding();
  result.invalid_sequences = reader.invalid_sequences();
  result.stats = seg.stats();
  return result;
}

}  // namespace bulletin

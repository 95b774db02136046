// `bulletin-extract rules list` and `rules test`.
#include "commands.h"
#include "decoder.h"
#include "extract.h"
#include "exit_codes.h"
#include "options.h"
#include "output.h"
#include "pipeline.h"
#include "record.h"

namespace bulletin::cli {

int RunRulesList(const RulesOptions& opt) {
  auto engine = LoadEngine(opt.rules_dir);
  if (!engine) return kExitUsage;
  Output out("");
  if (opt.list_files) {
    for (const auto& f : engine->files.all())
      out.Line(f.name + "\t" + f.origin + "\t" + std::to_string(f.text.size()) +
               " bytes");
    return kExitOk;
  }
  for (const auto& r : engine->extractor->rules()) {
    out.Line(r.name + "\t" + std::to_string(r.priority) + "\t" + r.origin +
             ":" + std::to_string(r.line));
  }
  return kExitOk;
}

int RunRulesTest(const RulesOptions& opt) {
  auto engine = LoadEngine(opt.rules_dir);
  if (!engine) return kExitUsage;
  // Each line of FILE on its own, sentence by sentence as extraction runs
  // the rules (Explain): every candidate match of every rule,
  // whether it survived overlap resolution and normalisation.
  Output out("");
  DocContext seed;
  seed.reference_date = opt.reference_date;
  seed.locale_currency = opt.locale_currency;
  LineReader reader(opt.file, opt.encoding, PrintDiagnostic);
  InputLine line;
  while (reader.Next(&line)) {
    const std::string& l = line.text;
    for (const auto& m : engine->extractor->Explain(l, seed)) {
      std::string msg = opt.file + ":" + std::to_string(line.number) + ": " +
                        m.rule + (m.kept ? " kept '" : " dropped '") +
                        l.substr(m.begin, m.end - m.begin) + "'";
      // Numbers exact, as the normaliser made them; the rest as JSON.
      for (const auto& [k, v] : m.attrs)
        msg += " " + k + "=" +
               (v.kind() == AttrValue::Kind::kNumber ? v.text() : AttrJson(v));
      out.Line(msg);
    }
  }
  if (!reader.status().ok()) {
    PrintStatus(reader.status());
    return ExitCode(reader.status().code);
  }
  return kExitOk;
}

}  // namespace bulletin::cli

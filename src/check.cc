#include "check.h"

#include <CLI/CLI.hpp>

#include <cstdio>

#include "pipeline.h"

namespace bulletin {

CLI::App* AddCheckCommand(CLI::App* app, CheckOptions* opt) {
  CLI::App* c = app->add_subcommand("check", "Validate bulletin issues");
  c->add_option("files", opt->files, "Input files")->required();
  c->add_option("--format", opt->format, "text, json, github or sarif")
      ->check(CLI::IsMember({"text", "json", "github", "sarif"}));
  c->add_flag("--strict", opt->strict, "Fail on warnings too");
  c->add_option("--encoding", opt->encoding, "Input encoding")
      ->check(CLI::IsMember(
          {"auto", "utf-8", "gb18030", "utf-16le", "utf-16be"}));
  c->add_option("--rules", opt->rules_dir, "Extra rule directory")
      ->check(CLI::ExistingDirectory);
  return c;
}

int RunCheck(const CheckOptions& opt) {
  std::vector<std::string> errors;
  auto engine = Engine::Load(opt.rules_dir, &errors);
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (!engine) return 2;
  int rc = 0, n_err = 0;
  for (const auto& path : opt.files) {
    PipelineOptions p;
    p.encoding = opt.encoding;
    auto r = RunInput(
        *engine, path, p, [](Article&&) {},
        [&](const Diagnostic& d) {
          if (d.severity == Severity::kError) ++n_err;
          std::printf("%s:%d:%d: %s: %s [%s]\n", d.path.c_str(), d.line,
                      d.col, SeverityName(d.severity), d.message.c_str(),
                      d.rule.c_str());
        });
    if (r.failed) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), r.error.c_str());
      rc = 3;
    }
  }
  if (rc) return rc;
  return n_err ? 1 : 0;
}

}  // namespace bulletin

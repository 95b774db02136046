// `bulletin-extract check`: its options, the rule selection from the command
// line and the report (check_report.h); the run itself is check.h.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "check.h"
#include "check_report.h"
#include "check_rules.h"
#include "commands.h"
#include "exit_codes.h"
#include "options.h"
#include "output.h"

namespace bulletin::cli {
namespace {

// The --help footer: every rule with its severity.
std::string RulesFooter() {
  std::string s = "\nRules (severity; --disable RULE to turn one off):\n";
  for (const auto& r : CheckRules()) {
    std::string id = r.id;
    id.resize(std::max<size_t>(id.size(), 26), ' ');
    std::string sev = SeverityName(r.severity);
    sev.resize(8, ' ');
    s += "  " + id + " " + sev + " " + r.summary + "\n";
  }
  s += "\nExit status: 0 no error, 1 errors (or warnings with --strict),\n"
       "2 usage error, 3 an input could not be read (the others are still\n"
       "checked). Details: docs/CHECKS.md\n";
  return s;
}

Status ReadFile(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  if (in) ss << in.rdbuf();
  if (!in || in.bad())
    return Status::Error(StatusCode::kBadUsage, path, 0, 0, "cannot read");
  *text = ss.str();
  return Status::Ok();
}

}  // namespace

CLI::App* AddCheckCommand(CLI::App* app, CheckOptions* opt) {
  CLI::App* c = app->add_subcommand(
      "check", "Validate bulletin issues before they are published");
  c->add_option("files", opt->files, "Input files ('-' for stdin)")->required();
  c->add_option("--format", opt->format, "text, json, github or sarif")
      ->check(CLI::IsMember({"text", "json", "github", "sarif"}))
      ->capture_default_str();
  c->add_flag("--strict", opt->strict, "Fail on warnings too");
  c->add_option("--disable", opt->disable, "Turn rule RULE off (repeatable)")
      ->type_name("RULE")
      ->check(UnknownCheckRule);
  c->add_option("--enable", opt->enable,
                "Turn rule RULE back on, after --config and --disable")
      ->type_name("RULE")
      ->check(UnknownCheckRule);
  c->add_option("--config", opt->config,
                "File of 'disable RULE' / 'enable RULE' lines (# comments)")
      ->check(CLI::ExistingFile);
  c->add_option("--years", opt->years,
                "Plausible date years, FROM..TO (date.out-of-range)")
      ->check([](const std::string& s) {
        int from, to;
        return ParseYears(s, &from, &to) ? std::string()
                                         : std::string("expected FROM..TO");
      })
      ->capture_default_str();
  AddEncodingOption(c, &opt->encoding);
  AddInputFormatOption(c, &opt->input_format);
  AddRulesOption(c, &opt->rules_dir);
  AddReferenceDateOption(c, &opt->reference_date);
  c->footer(RulesFooter());
  return c;
}

int RunCheck(const CheckOptions& opt) {
  PipelineOptions popt;
  popt.encoding = opt.encoding;
  popt.input_format = opt.input_format;
  popt.reference_date = opt.reference_date;
  if (!ParseYears(opt.years, &popt.min_year, &popt.max_year)) {
    std::fprintf(stderr, "check: --years: expected FROM..TO, got '%s'\n",
                 opt.years.c_str());
    return kExitUsage;
  }
  std::set<std::string> disabled;
  if (!opt.config.empty()) {
    std::string text;
    Status s = ReadFile(opt.config, &text);
    if (s.ok()) s = ApplyCheckConfig(text, opt.config, &disabled);
    if (!s.ok()) {
      PrintStatus(s);
      return ExitCode(s.code);
    }
  }
  for (const auto* ids : {&opt.disable, &opt.enable}) {
    for (const auto& id : *ids) {
      if (!FindCheckRule(id)) {
        std::fprintf(stderr, "check: %s\n", UnknownCheckRule(id).c_str());
        return kExitUsage;
      }
      if (ids == &opt.disable) {
        disabled.insert(id);
      } else {
        disabled.erase(id);
      }
    }
  }

  std::vector<Status> errors;
  auto checker = Checker::Load(opt.rules_dir, popt, &errors);
  PrintStatuses(errors);
  if (!checker) return kExitUsage;

  bool unreadable = false;
  int n_errors = 0, n_warnings = 0;
  std::vector<Diagnostic> sarif, input_errors;
  Output out("");
  for (const auto& path : opt.files) {
    std::vector<Diagnostic> found;
    Status s = checker->CheckInput(path, disabled, &found);
    if (!s.ok()) {
      PrintStatus(s);
      unreadable = true;
      // The machine-read formats carry it too: a report without it would
      // read as a clean input.
      Diagnostic e{Severity::kError, "input.unreadable",
                   s.file.empty() ? path : s.file, s.line, s.col, s.message};
      if (opt.format == "sarif")
        input_errors.push_back(std::move(e));
      else if (opt.format == "json")
        out.Line(FormatJson(e));
      else if (opt.format == "github")
        out.Line(FormatGithub(e));
    }
    for (auto& d : found) {
      if (d.severity == Severity::kError) ++n_errors;
      if (d.severity == Severity::kWarning) ++n_warnings;
      if (opt.format == "sarif") {
        sarif.push_back(std::move(d));
        continue;
      }
      out.Line(opt.format == "json"     ? FormatJson(d)
               : opt.format == "github" ? FormatGithub(d)
                                        : FormatText(d));
    }
  }
  if (opt.format == "sarif") out.Line(FormatSarif(sarif, input_errors));
  if (opt.format == "text" && (n_errors || n_warnings)) {
    std::fprintf(stderr, "%d error%s, %d warning%s\n", n_errors,
                 n_errors == 1 ? "" : "s", n_warnings,
                 n_warnings == 1 ? "" : "s");
  }
  if (unreadable) return kExitInput;
  return n_errors || (opt.strict && n_warnings) ? kExitFindings : kExitOk;
}

}  // namespace bulletin::cli

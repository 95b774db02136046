// `bulletin-extract check`: the command line, the rule selection (config
// file, --disable, --enable) and the run. Each input goes through the same
// pipeline as `extract`; the pipeline's own diagnostics and those of the
// article rules (check_rules.h) are collected per file, filtered, given
// their effective severity, sorted by position and written in the chosen
// format (check_report.h) once the file is done.
#include "check.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <tuple>

#include "check_report.h"
#include "check_rules.h"
#include "normalize.h"
#include "pipeline.h"
#include "rule_files.h"

namespace bulletin {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInput = 3;

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

std::string CheckRuleId(const std::string& id) {
  return FindCheckRule(id) ? std::string()
                           : "unknown rule '" + id +
                                 "' (bulletin-extract check --help lists them)";
}

bool ReadFile(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *text = ss.str();
  return !in.bad();
}

// Orders a file's diagnostics by position, then rule.
bool Before(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.line, a.col, a.rule, a.message) <
         std::tie(b.line, b.col, b.rule, b.message);
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
      ->check(CheckRuleId);
  c->add_option("--enable", opt->enable,
                "Turn rule RULE back on, after --config and --disable")
      ->type_name("RULE")
      ->check(CheckRuleId);
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
  c->add_option("--encoding", opt->encoding, "Input encoding")
      ->check(
          CLI::IsMember({"auto", "utf-8", "gb18030", "utf-16le", "utf-16be"}))
      ->capture_default_str();
  c->add_option("--rules", opt->rules_dir, "Extra rule directory")
      ->check(CLI::ExistingDirectory);
  c->add_option("--reference-date", opt->reference_date,
                "YYYY-MM-DD used for dates with no year in the text")
      ->check([](const std::string& s) {
        return s.size() == 10 && s[4] == '-' && s[7] == '-'
                   ? std::string()
                   : std::string("expected YYYY-MM-DD");
      });
  c->footer(RulesFooter());
  return c;
}

bool ParseYears(const std::string& s, int* from, int* to) {
  size_t dots = s.find("..");
  if (dots == std::string::npos || dots == 0 || dots + 2 >= s.size())
    return false;
  auto number = [](const std::string& t, int* out) {
    if (t.size() > 6 || !std::all_of(t.begin(), t.end(), [](char c) {
          return c >= '0' && c <= '9';
        }))
      return false;
    *out = std::stoi(t);
    return true;
  };
  return number(s.substr(0, dots), from) && number(s.substr(dots + 2), to) &&
         *from <= *to;
}

bool ApplyCheckConfig(const std::string& text, const std::string& origin,
                      std::set<std::string>* disabled, std::string* error) {
  int lineno = 0;
  for (const std::string& raw : SplitLines(text)) {
    ++lineno;
    std::string line = Trim(raw.substr(0, raw.find('#')));
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string verb, id, extra;
    words >> verb >> id >> extra;
    std::string where = origin + ":" + std::to_string(lineno) + ": ";
    if ((verb != "disable" && verb != "enable") || id.empty() ||
        !extra.empty()) {
      *error = where + "expected 'disable RULE' or 'enable RULE': " + line;
      return false;
    }
    if (!FindCheckRule(id)) {
      *error = where + CheckRuleId(id);
      return false;
    }
    if (verb == "disable") {
      disabled->insert(id);
    } else {
      disabled->erase(id);
    }
  }
  return true;
}

Severity EffectiveSeverity(const Diagnostic& d, const std::string& encoding) {
  if (d.rule == "decode.invalid-bytes")
    return encoding == "utf-8" ? Severity::kError : Severity::kWarning;
  const CheckRule* r = FindCheckRule(d.rule);
  return r ? r->severity : d.severity;
}

int RunCheck(const CheckOptions& opt) {
  PipelineOptions popt;
  popt.encoding = opt.encoding;
  popt.reference_date = opt.reference_date;
  if (!ParseYears(opt.years, &popt.min_year, &popt.max_year)) {
    std::fprintf(stderr, "check: --years: expected FROM..TO, got '%s'\n",
                 opt.years.c_str());
    return kExitUsage;
  }
  std::set<std::string> disabled;
  std::string error;
  if (!opt.config.empty()) {
    std::string text;
    if (!ReadFile(opt.config, &text)) {
      std::fprintf(stderr, "%s: cannot read\n", opt.config.c_str());
      return kExitUsage;
    }
    if (!ApplyCheckConfig(text, opt.config, &disabled, &error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return kExitUsage;
    }
  }
  for (const auto* ids : {&opt.disable, &opt.enable}) {
    for (const auto& id : *ids) {
      if (!FindCheckRule(id)) {
        std::fprintf(stderr, "check: %s\n", CheckRuleId(id).c_str());
        return kExitUsage;
      }
      if (ids == &opt.disable) {
        disabled.insert(id);
      } else {
        disabled.erase(id);
      }
    }
  }

  std::vector<std::string> errors;
  auto engine = Engine::Load(opt.rules_dir, &errors);
  std::unique_ptr<Tables> tables;
  if (engine) tables = Tables::Load(engine->files, &errors);
  std::unique_ptr<ArticleChecker> checker;
  if (tables) {
    checker =
        ArticleChecker::Create(*tables, {popt.min_year, popt.max_year}, &error);
    if (!checker) errors.push_back(error);
  }
  for (const auto& e : errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (!checker) return kExitUsage;

  bool unreadable = false;
  int n_errors = 0, n_warnings = 0;
  std::vector<Diagnostic> sarif;
  for (const auto& path : opt.files) {
    DocumentState doc;
    doc.path = path;
    std::vector<Diagnostic> found;
    InputResult r = RunInput(
        *engine, path, popt,
        [&](Article&& a) { checker->Check(a, &doc, &found); },
        [&](const Diagnostic& d) {
          doc.Observe(d);
          found.push_back(d);
        });
    if (r.failed) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), r.error.c_str());
      unreadable = true;
    }
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&](const Diagnostic& d) {
                                 return disabled.count(d.rule) > 0;
                               }),
                found.end());
    std::stable_sort(found.begin(), found.end(), Before);
    // A problem two stages see at the same spot is reported once.
    found.erase(std::unique(found.begin(), found.end(),
                            [](const Diagnostic& a, const Diagnostic& b) {
                              return a.line == b.line && a.col == b.col &&
                                     a.rule == b.rule;
                            }),
                found.end());
    for (auto& d : found) {
      d.severity = EffectiveSeverity(d, opt.encoding);
      if (d.severity == Severity::kError) ++n_errors;
      if (d.severity == Severity::kWarning) ++n_warnings;
      if (opt.format == "sarif") {
        sarif.push_back(std::move(d));
        continue;
      }
      std::string line = opt.format == "json"     ? FormatJson(d)
                         : opt.format == "github" ? FormatGithub(d)
                                                  : FormatText(d);
      std::fprintf(stdout, "%s\n", line.c_str());
    }
    std::fflush(stdout);
  }
  if (opt.format == "sarif")
    std::fprintf(stdout, "%s\n", FormatSarif(sarif).c_str());
  if (opt.format == "text" && (n_errors || n_warnings)) {
    std::fprintf(stderr, "%d error%s, %d warning%s\n", n_errors,
                 n_errors == 1 ? "" : "s", n_warnings,
                 n_warnings == 1 ? "" : "s");
  }
  if (unreadable) return kExitInput;
  return n_errors || (opt.strict && n_warnings) ? kExitFindings : kExitOk;
}

}  // namespace bulletin

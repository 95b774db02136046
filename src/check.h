// `bulletin-extract check`: runs the pipeline over bulletin issues and
// reports what would make an issue unfit to publish, as diagnostics with a
// rule id, a severity and a file:line:col position (see docs/CHECKS.md).
#ifndef BULLETIN_CHECK_H_
#define BULLETIN_CHECK_H_

#include <set>
#include <string>
#include <vector>

#include "bulletin/diagnostic.h"

namespace CLI {
class App;
}

namespace bulletin {

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";  // text, json, github, sarif
  bool strict = false;          // warnings fail too
  std::vector<std::string> enable, disable;
  std::string config;  // file with enable/disable lines
  std::string encoding = "auto";
  std::string rules_dir;
  std::string years = "1900..2100";
  std::string reference_date;
};

// Adds the `check` subcommand and its options to `app`.
CLI::App* AddCheckCommand(CLI::App* app, CheckOptions* opt);

// Runs the check, writing the report to stdout and problems with the run
// itself to stderr. Returns the exit status: 0 no error, 1 errors (or
// warnings with --strict), 2 usage (bad option, config file or rules),
// 3 an input could not be read (the others are still checked; 3 wins
// over 1).
int RunCheck(const CheckOptions& opt);

// Parses "FROM..TO" (FROM <= TO). Returns false when malformed.
bool ParseYears(const std::string& s, int* from, int* to);

// Applies a config file's `disable RULE` / `enable RULE` lines to
// *disabled, in order (`#` starts a comment; blank lines are ignored).
// Returns false and sets *error ("origin:line: message") at the first
// unknown rule id or directive.
bool ApplyCheckConfig(const std::string& text, const std::string& origin,
                      std::set<std::string>* disabled, std::string* error);

// The severity `d` is reported with: its rule's, except that invalid bytes
// are an error when the user asserted the encoding with --encoding utf-8.
Severity EffectiveSeverity(const Diagnostic& d, const std::string& encoding);

}  // namespace bulletin

#endif  // BULLETIN_CHECK_H_

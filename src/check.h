// `bulletin-extract check`, the library side: runs the pipeline over a
// bulletin issue and collects what would make it unfit to publish, as
// diagnostics with a rule id, a severity and a file:line:col position (see
// docs/CHECKS.md). The options and the report are in src/cli/check_cmd.cc.
#ifndef BULLETIN_CHECK_H_
#define BULLETIN_CHECK_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "bulletin/diagnostic.h"
#include "bulletin/status.h"
#include "pipeline.h"

namespace bulletin {

class ArticleChecker;

// Parses "FROM..TO" (FROM <= TO). Returns false when malformed.
bool ParseYears(const std::string& s, int* from, int* to);

// "" when `id` names a check rule, else the message saying it does not.
std::string UnknownCheckRule(const std::string& id);

// Applies a config file's `disable RULE` / `enable RULE` lines to
// *disabled, in order (`#` starts a comment; blank lines are ignored).
// Fails (kBadUsage, origin:line:col) at the first unknown rule id or
// directive.
Status ApplyCheckConfig(const std::string& text, const std::string& origin,
                        std::set<std::string>* disabled);

// The severity `d` is reported with: its rule's, except that invalid bytes
// are an error when the user asserted the encoding with --encoding utf-8.
Severity EffectiveSeverity(const Diagnostic& d, const std::string& encoding);

// The pipeline and the article checks, loaded once for a run.
class Checker {
 public:
  // The built-in rules plus `rules_dir`; nullptr and *errors on failure.
  static std::unique_ptr<Checker> Load(const std::string& rules_dir,
                                       const PipelineOptions& opt,
                                       std::vector<Status>* errors);
  ~Checker();

  // Runs `path` through the pipeline and the article checks and sets
  // *found to the findings whose rule is not in `disabled`, with their
  // effective severity, in order of position, one per rule and position.
  // Not ok when the input could not be read (*found still holds what was
  // found).
  Status CheckInput(const std::string& path,
                    const std::set<std::string>& disabled,
                    std::vector<Diagnostic>* found) const;

 private:
  Checker() = default;
  PipelineOptions opt_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<ArticleChecker> checker_;
};

}  // namespace bulletin

#endif  // BULLETIN_CHECK_H_

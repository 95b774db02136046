// The output formats of `bulletin-extract check`: compiler-style text, JSON
// Lines, GitHub Actions workflow commands and a SARIF 2.1.0 log.
#ifndef BULLETIN_CHECK_REPORT_H_
#define BULLETIN_CHECK_REPORT_H_

#include <string>
#include <vector>

#include "bulletin/diagnostic.h"

namespace bulletin {

// `file:line:col: severity: message [rule]` (`file: severity: ...` when the
// diagnostic has no line).
std::string FormatText(const Diagnostic& d);

// One JSON object: file, line, col, severity, rule, message.
std::string FormatJson(const Diagnostic& d);

// `::error file=F,line=L,col=C,title=RULE::message` (`::warning`,
// `::notice`), escaped as GitHub's workflow command parser expects.
std::string FormatGithub(const Diagnostic& d);

// A complete SARIF 2.1.0 log (indented JSON) of one run over `results`:
// tool.driver lists every check rule (plus any other rule id a result
// uses), each result has ruleId, ruleIndex, level, message.text and one
// physical location whose columns count Unicode code points. The run's
// invocation says whether it succeeded; `input_errors` (inputs that could
// not be read) are its toolExecutionNotifications.
std::string FormatSarif(const std::vector<Diagnostic>& results,
                        const std::vector<Diagnostic>& input_errors = {});

}  // namespace bulletin

#endif  // BULLETIN_CHECK_REPORT_H_

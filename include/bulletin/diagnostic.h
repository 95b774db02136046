// Diagnostics: every stage reports problems here instead of throwing.
#ifndef BULLETIN_DIAGNOSTIC_H_
#define BULLETIN_DIAGNOSTIC_H_

#include <functional>
#include <string>

namespace bulletin {

enum class Severity { kNote, kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string rule;  // e.g. "decode.invalid-bytes", "article.no-byline"
  std::string path;
  int line = 0;  // 1-based; 0 when not tied to a line
  int col = 0;   // 1-based, in code points
  std::string message;
  int page = 0;  // 1-based PDF page of `line`; 0 for text input
};

// Receives diagnostics as they are found.
using DiagnosticSink = std::function<void(const Diagnostic&)>;

const char* SeverityName(Severity s);

}  // namespace bulletin

#endif  // BULLETIN_DIAGNOSTIC_H_

// Diagnostics: every stage reports problems here instead of throwing.
#ifndef BULLETIN_DIAGNOSTIC_H_
#define BULLETIN_DIAGNOSTIC_H_

#include <functional>
#include <map>
#include <string>
#include <utility>

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

// A sink that passes on what `show` accepts and counts, by rule id, what it
// holds back: a run that prints only errors still knows how many warnings
// it did not print (--stats, -v). One per input and thread; not
// thread-safe.
class CountingSink {
 public:
  using Filter = std::function<bool(const Diagnostic&)>;
  CountingSink(DiagnosticSink out, Filter show)
      : out_(std::move(out)), show_(std::move(show)) {}

  void operator()(const Diagnostic& d) {
    if (show_ && !show_(d)) {
      ++not_shown_[d.rule];
      return;
    }
    ++shown_;
    if (out_) out_(d);
  }
  // A DiagnosticSink calling this one (which must outlive it).
  DiagnosticSink sink() {
    return [this](const Diagnostic& d) { (*this)(d); };
  }
  long shown() const { return shown_; }
  // Rule id -> diagnostics of that rule held back.
  const std::map<std::string, long>& not_shown() const { return not_shown_; }
  long not_shown_total() const {
    long n = 0;
    for (const auto& [rule, k] : not_shown_) n += k;
    return n;
  }

 private:
  DiagnosticSink out_;
  Filter show_;
  long shown_ = 0;
  std::map<std::string, long> not_shown_;
};

}  // namespace bulletin

#endif  // BULLETIN_DIAGNOSTIC_H_

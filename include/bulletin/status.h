// Status: the outcome of a loader or I/O step. Every loader and I/O step
// returns one (or a list of them) instead of throwing, a bool with a string,
// or a failed()/error() pair; the command line turns a code into an exit
// status (src/cli/exit_codes.h).
#ifndef BULLETIN_STATUS_H_
#define BULLETIN_STATUS_H_

#include <string>
#include <utility>

namespace bulletin {

enum class StatusCode {
  kOk,
  kBadRules,  // a rule or table file is malformed, or a --rules dir unreadable
  kBadInput,  // an input could not be opened, read or decoded
  kBadUsage,  // an option or config file is malformed
};

struct Status {
  StatusCode code = StatusCode::kOk;
  std::string file;  // the file the problem is in; may be empty
  int line = 0;      // 1-based; 0 when not tied to a line
  int col = 0;       // 1-based, in code points; 0 when not known
  std::string message;

  static Status Ok() { return {}; }
  static Status Error(StatusCode code, std::string file, int line, int col,
                      std::string message) {
    return {code, std::move(file), line, col, std::move(message)};
  }
  bool ok() const { return code == StatusCode::kOk; }
  // "file:line:col: message"; the parts that are not known are left out
  // ("file: message" when there is no line, "file:line: message" when there
  // is no column).
  std::string ToString() const {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line);
    if (line > 0 && col > 0) s += ":" + std::to_string(col);
    return s.empty() ? message : s + ": " + message;
  }
};

}  // namespace bulletin

#endif  // BULLETIN_STATUS_H_

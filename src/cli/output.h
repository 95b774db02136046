// Where the command line writes: records and listings to stdout (or -o
// FILE), problems to stderr, each in one format.
#ifndef BULLETIN_CLI_OUTPUT_H_
#define BULLETIN_CLI_OUTPUT_H_

#include <cstdio>
#include <string>
#include <vector>

#include "bulletin/diagnostic.h"
#include "bulletin/status.h"

namespace bulletin::cli {

// Writes lines to stdout or a file; a closed pipe ends the program quietly
// (exit 0), any other write error ends it with exit status 4 (kExitOutput).
class Output {
 public:
  // "" or "-": stdout.
  explicit Output(const std::string& path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  bool ok() const { return file_ != nullptr; }
  // Why the file could not be opened (strerror), when !ok().
  const std::string& error() const { return error_; }
  // Writes `s` and a newline with a single write() (more only when the
  // output takes part of it).
  void Line(std::string s);

 private:
  FILE* file_ = nullptr;
  bool own_ = false;
  std::string error_;
};

// `file:line:col: severity: message [rule]` on stderr.
void PrintDiagnostic(const Diagnostic& d);
// `file:line:col: message` on stderr.
void PrintStatus(const Status& s);
void PrintStatuses(const std::vector<Status>& list);

}  // namespace bulletin::cli

#endif  // BULLETIN_CLI_OUTPUT_H_

#include "output.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <unistd.h>

#include "check_report.h"
#include "exit_codes.h"

namespace bulletin::cli {

Output::Output(const std::string& path) {
  if (!path.empty() && path != "-") {
    file_ = std::fopen(path.c_str(), "wb");
    own_ = file_ != nullptr;
    if (!file_) error_ = std::strerror(errno);
  } else {
    file_ = stdout;
  }
}

Output::~Output() {
  if (own_) std::fclose(file_);
}

void Output::Line(std::string s) {
  // The line and its newline in one write(): lines from processes sharing
  // the output (xargs -P, parallel) never interleave, and a reader sees
  // each record as soon as it is complete. A pipe may take less than all
  // of it at once: the rest follows.
  s.push_back('\n');
  bool ok = std::fflush(file_) != EOF;
  int fd = fileno(file_);
  for (size_t done = 0; ok && done < s.size();) {
    ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ok = false;
    else done += static_cast<size_t>(n);
  }
  if (!ok) {
    if (errno == EPIPE) std::_Exit(kExitOk);
    std::perror("bulletin-extract: write");
    std::_Exit(kExitOutput);
  }
}

void PrintDiagnostic(const Diagnostic& d) {
  std::fprintf(stderr, "%s\n", FormatText(d).c_str());
}

void PrintStatus(const Status& s) {
  std::fprintf(stderr, "bulletin-extract: %s\n", s.ToString().c_str());
}

void PrintStatuses(const std::vector<Status>& list) {
  for (const auto& s : list) PrintStatus(s);
}

}  // namespace bulletin::cli

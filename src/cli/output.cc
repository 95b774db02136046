#include "output.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

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

void Output::Line(const std::string& s) {
  if (std::fwrite(s.data(), 1, s.size(), file_) != s.size() ||
      std::fputc('\n', file_) == EOF || std::fflush(file_) == EOF) {
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

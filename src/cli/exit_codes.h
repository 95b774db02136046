// The exit statuses of every subcommand (README "Exit status"), and the one
// that each Status code leads to.
#ifndef BULLETIN_CLI_EXIT_CODES_H_
#define BULLETIN_CLI_EXIT_CODES_H_

#include "bulletin/status.h"

namespace bulletin::cli {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;  // check: errors (or warnings with --strict)
constexpr int kExitUsage = 2;     // a bad option, config file or rule file
constexpr int kExitInput = 3;     // an input could not be read or decoded
constexpr int kExitOutput = 4;    // the output could not be written

inline int ExitCode(StatusCode c) {
  switch (c) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kBadInput:
      return kExitInput;
    case StatusCode::kBadRules:
    case StatusCode::kBadUsage:
      return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace bulletin::cli

#endif  // BULLETIN_CLI_EXIT_CODES_H_

// `bulletin-extract check`: runs the pipeline over bulletin issues and
// reports what would make an issue unfit to publish, as diagnostics with a
// rule id, a severity and a file:line:col position.
#ifndef BULLETIN_CHECK_H_
#define BULLETIN_CHECK_H_

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace bulletin {

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";  // text, json, github, sarif
  bool strict = false;          // warnings fail too
  std::vector<std::string> enable, disable;
  std::string config;           // file with enable/disable lines
  std::string encoding = "auto";
  std::string rules_dir;
  std::string years = "1900..2100";
  std::string reference_date;
};

// Adds the `check` subcommand and its options to `app`.
CLI::App* AddCheckCommand(CLI::App* app, CheckOptions* opt);

// Runs the check; returns the exit status: 0 clean, 1 errors (or warnings
// with --strict), 2 usage, 3 unreadable input.
int RunCheck(const CheckOptions& opt);

}  // namespace bulletin

#endif  // BULLETIN_CHECK_H_

// The subcommands. Each Add* declares a subcommand's options on `app`; each
// Run* runs it once parsed and returns the exit status (exit_codes.h).
#ifndef BULLETIN_CLI_COMMANDS_H_
#define BULLETIN_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace bulletin::cli {

// The whole command line: parses argv, runs the subcommand, returns the exit
// status. main() only calls this.
int Main(int argc, char** argv);

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";  // text, json, github, sarif
  bool strict = false;          // warnings fail too
  std::vector<std::string> enable, disable;
  std::string config;  // file with enable/disable lines
  std::string encoding = "auto";
  std::string input_format = "auto";
  std::string rules_dir;
  std::string years = "1900..2100";
  std::string reference_date;
};
CLI::App* AddCheckCommand(CLI::App* app, CheckOptions* opt);
// Writes the report to stdout and problems with the run itself to stderr.
// 0 no error, 1 errors (or warnings with --strict), 2 usage (bad option,
// config file or rules), 3 an input could not be read (the others are still
// checked; 3 wins over 1).
int RunCheck(const CheckOptions& opt);

struct RulesOptions {
  std::string rules_dir;
  std::string file;  // rules test
  std::string encoding = "auto";
  std::string reference_date, locale_currency;  // rules test, as extract's
  bool list_files = false;
};
int RunRulesList(const RulesOptions& opt);
int RunRulesTest(const RulesOptions& opt);

}  // namespace bulletin::cli

#endif  // BULLETIN_CLI_COMMANDS_H_

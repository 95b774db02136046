#include "options.h"

#include <CLI/CLI.hpp>

#include "decoder.h"
#include "output.h"
#include "pipeline.h"

namespace bulletin::cli {

void AddEncodingOption(CLI::App* app, std::string* encoding) {
  app->add_option("--encoding", *encoding, "Input encoding")
      ->check(CLI::IsMember(EncodingNames()))
      ->capture_default_str();
}

void AddRulesOption(CLI::App* app, std::string* rules_dir) {
  app->add_option("--rules", *rules_dir,
                  "Directory of rule files that add to or override the "
                  "built-in ones")
      ->check(CLI::ExistingDirectory);
}

void AddReferenceDateOption(CLI::App* app, std::string* date) {
  app->add_option("--reference-date", *date,
                  "YYYY-MM-DD used for dates with no year in the text")
      ->check([](const std::string& s) {
        return s.size() == 10 && s[4] == '-' && s[7] == '-'
                   ? std::string()
                   : std::string("expected YYYY-MM-DD");
      });
}

std::unique_ptr<Engine> LoadEngine(const std::string& rules_dir) {
  std::vector<Status> errors;
  auto engine = Engine::Load(rules_dir, &errors);
  PrintStatuses(errors);
  return engine;
}

}  // namespace bulletin::cli

// The options several subcommands share, each defined once, and the rule
// loading every subcommand does the same way.
#ifndef BULLETIN_CLI_OPTIONS_H_
#define BULLETIN_CLI_OPTIONS_H_

#include <memory>
#include <string>

namespace CLI {
class App;
}

namespace bulletin {
struct Engine;
struct PipelineOptions;
}

namespace bulletin::cli {

// --encoding NAME: one of EncodingNames() (decoder.h).
void AddEncodingOption(CLI::App* app, std::string* encoding);
// --input-format auto|text|lines|jsonl|pdf (auto: a %PDF- signature or a
// .pdf name makes it a PDF, a .jsonl or .ndjson name JSON Lines).
void AddInputFormatOption(CLI::App* app, std::string* format);
// --text-field, --id-field, --keep-fields a,b (jsonl input).
void AddJsonlOptions(CLI::App* app, PipelineOptions* opt);
// --rules DIR: an existing directory.
void AddRulesOption(CLI::App* app, std::string* rules_dir);
// --reference-date YYYY-MM-DD.
void AddReferenceDateOption(CLI::App* app, std::string* date);

// --locale LOCALE (zh-TW, zh_HK, zh-Hant-MO ...): *currency is set to the
// currency ICU gives the locale's region (TWD, HKD ...), the last evidence
// for a bare 元 amount (README "Currency from context").
void AddLocaleOption(CLI::App* app, std::string* currency);

// The built-in rules plus `rules_dir`; on failure every problem is printed
// (file:line:col: message) and nullptr returned (exit status kExitUsage).
std::unique_ptr<Engine> LoadEngine(const std::string& rules_dir);

}  // namespace bulletin::cli

#endif  // BULLETIN_CLI_OPTIONS_H_

#include "options.h"

#include <CLI/CLI.hpp>
#include <unicode/gregocal.h>

#include <memory>

#include "decoder.h"
#include "output.h"
#include "pipeline.h"

namespace bulletin::cli {

void AddEncodingOption(CLI::App* app, std::string* encoding) {
  app->add_option("--encoding", *encoding, "Input encoding")
      ->check(CLI::IsMember(EncodingNames()))
      ->capture_default_str();
}

void AddInputFormatOption(CLI::App* app, std::string* format) {
  app->add_option("--input-format", *format,
                  "Input format: auto (a %PDF- signature or a .pdf name "
                  "makes it a PDF, a .jsonl or .ndjson name JSON Lines), "
                  "text (a bulletin), lines (every line one short document, "
                  "no layout repair), jsonl (one JSON object per line, its "
                  "text one document) or pdf")
      ->check(CLI::IsMember({"auto", "text", "lines", "jsonl", "pdf"}))
      ->capture_default_str();
}

void AddJsonlOptions(CLI::App* app, PipelineOptions* opt) {
  app->add_option("--text-field", opt->text_field,
                  "jsonl input: the field holding the text")
      ->capture_default_str();
  app->add_option("--id-field", opt->id_field,
                  "jsonl input: the field copied into each record as id")
      ->capture_default_str();
  app->add_option("--keep-fields", opt->keep_fields,
                  "jsonl input: fields (a,b,...) copied under meta")
      ->delimiter(',')
      ->allow_extra_args(false);  // a file after it is an input, not a field
}

void AddRulesOption(CLI::App* app, std::string* rules_dir) {
  app->add_option("--rules", *rules_dir,
                  "Directory of rule files that add to or override the "
                  "built-in ones")
      ->check(CLI::ExistingDirectory);
}

// True when `s` is YYYY-MM-DD naming a day the Gregorian calendar has
// (ICU, not lenient: 2023-02-30 is not one).
bool IsCalendarDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)),
      d = std::stoi(s.substr(8, 2));
  if (m < 1 || m > 12 || d < 1) return false;
  UErrorCode err = U_ZERO_ERROR;
  icu::GregorianCalendar cal(err);
  if (U_FAILURE(err)) return false;
  cal.set(y, m - 1, 1);
  int last = cal.getActualMaximum(UCAL_DAY_OF_MONTH, err);
  return U_SUCCESS(err) && d <= last;
}

void AddReferenceDateOption(CLI::App* app, std::string* date) {
  app->add_option("--reference-date", *date,
                  "YYYY-MM-DD used for dates with no year in the text")
      ->check([](const std::string& s) {
        return IsCalendarDate(s)
                   ? std::string()
                   : "'" + s + "' is not a date of the calendar (YYYY-MM-DD)";
      });
}

std::unique_ptr<Engine> LoadEngine(const std::string& rules_dir) {
  std::vector<Status> errors;
  auto engine = Engine::Load(rules_dir, &errors);
  PrintStatuses(errors);
  return engine;
}

}  // namespace bulletin::cli

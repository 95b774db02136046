#include "options.h"

#include <CLI/CLI.hpp>
#include <unicode/gregocal.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>

#include <charconv>
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
  // (The digits are checked above: from_chars cannot fail on them.)
  auto field = [&](size_t at, size_t len) {
    int n = 0;
    std::from_chars(s.data() + at, s.data() + at + len, n);
    return n;
  };
  int y = field(0, 4), m = field(5, 2), d = field(8, 2);
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

// True when ISO 4217 `iso` is money in use (ICU's common currencies): not
// XXX (no currency), a precious metal (XAG, XAU) or a test code, which ICU
// gives regions without money of their own (AQ, the unknown region ZZ).
static bool IsCommonCurrency(const std::string& iso) {
  UErrorCode err = U_ZERO_ERROR;
  UEnumeration* all = ucurr_openISOCurrencies(UCURR_COMMON, &err);
  bool found = false;
  for (const char* c; U_SUCCESS(err) && !found &&
                      (c = uenum_next(all, nullptr, &err)) != nullptr;)
    found = iso == c;
  uenum_close(all);
  return found;
}

// The ISO 4217 code of the currency of the locale's region, or "" when the
// locale names no region ICU knows a currency in use for.
static std::string LocaleCurrency(const std::string& locale) {
  char canon[ULOC_FULLNAME_CAPACITY];
  UErrorCode err = U_ZERO_ERROR;
  // zh-TW and zh_TW alike; a language alone (zh) gets its likely region.
  std::string tag = locale;
  for (char& c : tag)
    if (c == '_') c = '-';
  uloc_forLanguageTag(tag.c_str(), canon, sizeof canon, nullptr, &err);
  if (U_FAILURE(err) || canon[0] == 0) return "";
  char full[ULOC_FULLNAME_CAPACITY];
  err = U_ZERO_ERROR;
  uloc_addLikelySubtags(canon, full, sizeof full, &err);
  if (U_FAILURE(err)) return "";
  char country[ULOC_COUNTRY_CAPACITY];
  err = U_ZERO_ERROR;
  uloc_getCountry(full, country, sizeof country, &err);
  if (U_FAILURE(err) || country[0] == 0) return "";
  UChar buf[4];
  err = U_ZERO_ERROR;
  int32_t n = ucurr_forLocale(full, buf, 4, &err);
  if (U_FAILURE(err) || n != 3) return "";
  std::string iso;
  for (int i = 0; i < 3; ++i) iso.push_back(static_cast<char>(buf[i]));
  return IsCommonCurrency(iso) ? iso : "";
}

void AddLocaleOption(CLI::App* app, std::string* currency) {
  app->add_option_function<std::string>(
         "--locale",
         [currency](const std::string& s) { *currency = LocaleCurrency(s); },
         "Where the text is from (zh-CN, zh-TW, zh-HK, zh-MO): the "
         "currency of a bare 元 amount when the text gives no evidence")
      ->check([](const std::string& s) {
        return LocaleCurrency(s).empty()
                   ? "'" + s + "' names no region with a currency (zh-TW, zh-HK ...)"
                   : std::string();
      });
}

std::unique_ptr<Engine> LoadEngine(const std::string& rules_dir) {
  std::vector<Status> errors;
  auto engine = Engine::Load(rules_dir, &errors);
  PrintStatuses(errors);
  return engine;
}

}  // namespace bulletin::cli

// Normalisers: turn the named groups of a rule match into the normalised
// fields of RECORD.md (value, currency, unit, qualifier, value_nm, date
// value...). The vocabulary they need comes from tables in rules/.
#ifndef BULLETIN_NORMALIZE_H_
#define BULLETIN_NORMALIZE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <unicode/translit.h>

#include "bulletin/article.h"
#include "extract.h"
#include "numeral.h"
#include "rule_files.h"

namespace bulletin {

class Tables {
 public:
  // Reads currencies.tsv, units.tsv, qualifiers.tsv, numerals.tsv,
  // date_words.tsv, tlds.tsv and scales.tsv (built-in rows first, then
  // --rules rows, which win).
  static std::unique_ptr<Tables> Load(const RuleFiles& files,
                                      std::vector<Status>* errors);

  // An RE2 alternation of the first column of table `file`, restricted to
  // rows with a column equal to `tag` when `tag` is not empty, longest first.
  bool Alternation(const std::string& file, const std::string& tag,
                   std::string* out) const;

  static bool KnownType(const std::string& type);

  // Fills e->attrs from the groups; false rejects the match.
  bool Normalize(const std::string& type, const Groups& g, Entity* e,
                 DocContext* ctx) const;

  // After an article: the money entities ents[first..] whose currency is
  // 元 alone take the currency the article's other amounts, its source
  // markers (texts: its title, body and footnotes), the document so far
  // or --locale point to (currency_inferred: true); updates the
  // document's evidence in ctx.
  void InferCurrencies(const std::vector<std::string_view>& texts,
                       std::vector<Entity>* ents, size_t first,
                       DocContext* ctx) const;

  // Parses a number (any supported form), or nullopt.
  std::optional<Decimal> Number(std::string_view text) const;
  // Table lookups: the second and third columns of `surface` in `file`.
  const std::vector<std::string>* Row(const std::string& file,
                                      std::string_view surface) const;

 private:
  bool Figure(const std::string& type, const Groups& g, Entity* e) const;
  // The units.tsv row of a unit as printed, also in another letter case
  // for the symbols tagged "ci".
  const std::vector<std::string>* UnitRow(std::string_view unit) const;
  std::optional<Decimal> PercentValue(const Groups& g,
                                      std::optional<Decimal> v) const;
  std::optional<std::string> Qualifier(const Groups& g) const;
  std::optional<std::pair<Decimal, Decimal>> FewRange(const Groups& g) const;
  // The power of ten of an English scale word (scales.tsv, any case).
  std::optional<int> EnglishScale(std::string_view word) const;
  std::optional<Decimal> Cents(const Groups& g, std::optional<Decimal> whole) const;
  // True when the texts read as Traditional script: more of their Han
  // characters change under ICU's Traditional-Simplified transliteration
  // than under Simplified-Traditional.
  bool Traditional(const std::vector<std::string_view>& texts) const;

  std::map<std::string, std::map<std::string, std::vector<std::string>,
                                 std::less<>>>
      tables_;  // file → surface → other columns
  std::optional<Numerals> numerals_;
  // Traditional(): the two transliterators, made on first use, and what
  // they do to each character seen (1 changed by Traditional-Simplified, 2
  // by Simplified-Traditional). An engine runs on one thread at a time.
  mutable std::unique_ptr<icu::Transliterator> to_hans_, to_hant_;
  mutable std::map<char32_t, int> script_of_;
};

// Dates (dates.cc).
bool NormalizeDate(const Tables& t, const Groups& g, Entity* e,
                   DocContext* ctx);

}  // namespace bulletin

#endif  // BULLETIN_NORMALIZE_H_

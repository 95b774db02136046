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

  std::map<std::string, std::map<std::string, std::vector<std::string>,
                                 std::less<>>>
      tables_;  // file → surface → other columns
  std::optional<Numerals> numerals_;
};

// Dates (dates.cc).
bool NormalizeDate(const Tables& t, const Groups& g, Entity* e,
                   DocContext* ctx);

}  // namespace bulletin

#endif  // BULLETIN_NORMALIZE_H_

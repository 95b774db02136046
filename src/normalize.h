// Normalisers: turn the named groups of a rule match into the normalised
// fields of RECORD.md (value, currency, unit, qualifier, value_nm, date
// value...). The vocabulary they need comes from tables in rules/.
#ifndef BULLETIN_NORMALIZE_H_
#define BULLETIN_NORMALIZE_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
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
  // The surfaces of table `file` whose second column is `kind` (the rows
  // Row(file, surface)->front() == kind), in key order; empty when none.
  const std::vector<std::string>& SurfacesOf(const std::string& file,
                                             const std::string& kind) const;

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
  // file → second column → the surfaces with it (SurfacesOf), made at load.
  std::map<std::string, std::map<std::string, std::vector<std::string>>>
      surfaces_of_;
  std::optional<Numerals> numerals_;
  // What ICU's two transliterations do to the Han character `c`: 1, plus
  // 1 when Traditional-Simplified changes it and 2 when
  // Simplified-Traditional does; 0 when the transliterators cannot be made.
  int ScriptOf(char32_t c) const;

  // Traditional(): what ScriptOf says of each character of U+3400..U+9FFF
  // seen so far, 0 for one not seen yet. Any thread may fill an entry (all
  // find the same value), so a shared engine needs no lock to read them.
  static constexpr char32_t kHanFirst = 0x3400, kHanLast = 0x9FFF;
  mutable std::array<std::atomic<uint8_t>, kHanLast - kHanFirst + 1>
      script_of_{};
  // ScriptOf(): the two transliterators, made on first use and used under
  // script_mu_ (an ICU Transliterator is not safe on two threads at once).
  mutable std::mutex script_mu_;
  mutable std::unique_ptr<icu::Transliterator> to_hans_, to_hant_;
};

// Dates (dates.cc).
bool NormalizeDate(const Tables& t, const Groups& g, Entity* e,
                   DocContext* ctx);

}  // namespace bulletin

#endif  // BULLETIN_NORMALIZE_H_

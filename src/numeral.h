// Exact parsing of the numbers that bulletins print: ASCII and full-width
// digits, thousands separators, decimals, Chinese numerals (including the
// financial forms and Traditional scale words) and mixed forms like 3.19万亿.
//
// Values are kept as exact decimals (a digit string and a power of ten), so a
// scale word shifts the decimal point instead of multiplying a float:
// 16.4亿 is 164 × 10^7 = 1640000000 exactly.
#ifndef BULLETIN_NUMERAL_H_
#define BULLETIN_NUMERAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bulletin {

// An exact decimal number: value = digits × 10^exponent.
struct Decimal {
  std::string digits = "0";  // ASCII digits, no leading zeros unless "0"
  int exponent = 0;

  // Multiplies by 10^n (n may be negative).
  Decimal Shifted(int n) const;
  // The shortest plain decimal form: "1640000000", "1.4", "0.05".
  std::string ToString() const;
  // Nearest double, for JSON output.
  double ToDouble() const;
  bool IsZero() const { return digits == "0"; }
  bool operator==(const Decimal& o) const;
};

// The numeral vocabulary (digits such as 三/两/叁/〇, multipliers such as
// 十/百/千/拾/佰/仟, scale words such as 万/萬/亿/億/兆) comes from a table in
// rules/ (numerals.tsv), so C++ holds only the grammar. Table format, one entry
// per line, '#' starts a comment:  SURFACE<TAB>KIND<TAB>VALUE  where KIND is
// digit (VALUE 0-9), count (a digit 1-9 never read digit by digit: 两), tens
// (VALUE tens: 廿 → 2, read as the digit and 十), unit or scale (VALUE the
// power of ten: 十 → 1, 万 → 4), or point (点, value 0: a decimal point
// word, which Parse does not read; see point_words()).
class Numerals {
 public:
  // Builds the table from the text of a numerals.tsv file. On a malformed
  // line returns nullopt and sets *error to "LINE: message".
  static std::optional<Numerals> FromTsv(std::string_view tsv,
                                         std::string* error);

  // Parses one number written in any of the supported forms, in UTF-8:
  //   "1,234.5", "１２３", "3.19", "三千二百万", "两亿", "十二", "一百零五",
  //   "〇", "壹佰贰拾", "3.19万亿", "1.2万", "5千万", "13万2" (=132000),
  //   "100000万", "一万五千亿", "二十万亿", "3萬", "2億", "1兆" (=10^12).
  // Surrounding white space is ignored; white space between the digits and a
  // scale word ("1 万") is allowed. Returns nullopt when the text is not
  // entirely one number. "多"/"余" are not part of a number: the caller
  // handles qualifiers.
  // Choices where bulletins are ambiguous or malformed:
  //   - A single trailing digit is the next lower place (一千二 = 1200,
  //     13万2 = 132000); after 零 it is units (三万零五 = 30005). A longer
  //     trailing Arabic number after a scale word counts units (3万2000 =
  //     32000, 1万600 = 10600); after a unit it must fill every lower place,
  //     and a fraction there is rejected (3千20, 3万2.5).
  //   - 零 after a scale word may precede any place below it (十万零一千 =
  //     101000); after a unit, only a place it skips (一千零十 = 1010).
  //   - 十 with no digit right after 百 is one ten (一百十一 = 111).
  //   - 两 is never read digit by digit (一两 is "one or two": rejected).
  //   - Chinese digits with no unit or scale read digit by digit (二〇二二 =
  //     2022, also 三五 = 35); such a sequence cannot take a scale word.
  //   - Rejected: ".5" and "5." (no digit on one side of the point), a comma
  //     not followed by exactly three digits ("1,23"), a first group of more
  //     than three digits before a comma ("1234,567"), a bare scale or unit
  //     other than 十 (万, 百万), 十 with no digit except first, after 零 or
  //     after 百 (一千十), scale words in falling order (亿万), units
  //     out of order (二百三千), and values whose significant digits do not
  //     fit in 128 bits (about 38 digits): never rounded.
  std::optional<Decimal> Parse(std::string_view text) const;

  // The power of ten of a scale word or compound scale: 万 → 4, 亿 → 8,
  // 万亿 → 12, 千万 → 7, 百万 → 6, 十万 → 5, 千亿 → 11, 萬 → 4, 兆 → 12;
  // nullopt when `word` is not one.
  std::optional<int> ScalePower(std::string_view word) const;

  // The decimal point words (kind `point`: 三点五), in table order.
  const std::vector<std::string>& point_words() const { return points_; }

 private:
  enum class Kind : uint8_t { kDigit, kTens, kUnit, kScale };
  struct Entry {
    int32_t code_point;  // the surface, one Unicode code point
    Kind kind;
    int value;  // the digit, or the power of ten of a unit or scale
    bool counting = false;  // a digit never read digit by digit (两)
  };

  // The entry whose surface is `code_point`, or nullptr.
  const Entry* Find(int32_t code_point) const;

  std::vector<Entry> entries_;  // sorted by code_point
  std::vector<std::string> points_;
};

}  // namespace bulletin

#endif  // BULLETIN_NUMERAL_H_

#include "numeral.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace bulletin {
namespace {

// The real table from rules/numerals.tsv, loaded once.
const Numerals& Table() {
  static std::optional<Numerals> table;
  if (!table) {
    std::ifstream in(std::string(RULES_DIR) + "/numerals.tsv",
                     std::ios::binary);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    std::string error;
    table = Numerals::FromTsv(text.str(), &error);
    INFO(error);
    REQUIRE(table.has_value());
  }
  return *table;
}

// The parse of `text` as a plain decimal string, or "nullopt".
std::string Parsed(std::string_view text) {
  std::optional<Decimal> value = Table().Parse(text);
  return value ? value->ToString() : "nullopt";
}

// The error FromTsv reports for `tsv`, or "ok".
std::string TsvError(std::string_view tsv) {
  std::string error;
  return Numerals::FromTsv(tsv, &error) ? "ok" : error;
}

// --- Arabic numbers with scale words -------------------------------------

TEST_CASE("16.4亿 is 1640000000", "[numeral]") {
  CHECK(Parsed("16.4亿") == "1640000000");
}

TEST_CASE("3541.07万 is 35410700", "[numeral]") {
  CHECK(Parsed("3541.07万") == "35410700");
}

TEST_CASE("100000万 is one billion", "[numeral]") {
  CHECK(Parsed("100000万") == "1000000000");
}

TEST_CASE("3.19万亿 is 3190000000000", "[numeral]") {
  CHECK(Parsed("3.19万亿") == "3190000000000");
}

TEST_CASE("1.2万 is 12000", "[numeral]") { CHECK(Parsed("1.2万") == "12000"); }

TEST_CASE("5千万 is fifty million", "[numeral]") {
  CHECK(Parsed("5千万") == "50000000");
}

TEST_CASE("1,100万 is eleven million", "[numeral]") {
  CHECK(Parsed("1,100万") == "11000000");
}

TEST_CASE("13万2 reads the trailing digit as the next lower place",
          "[numeral]") {
  CHECK(Parsed("13万2") == "132000");
}

TEST_CASE("1 万 allows a space between the digits and the scale word",
          "[numeral]") {
  CHECK(Parsed("1 万") == "10000");
  CHECK(Parsed("1\u3000万") == "10000");
}

TEST_CASE("3萬 uses the Traditional scale word", "[numeral]") {
  CHECK(Parsed("3萬") == "30000");
}

TEST_CASE("2億 uses the Traditional scale word", "[numeral]") {
  CHECK(Parsed("2億") == "200000000");
}

TEST_CASE("1兆 is ten to the twelfth", "[numeral]") {
  CHECK(Parsed("1兆") == "1000000000000");
}

// --- Plain Arabic numbers -------------------------------------------------

TEST_CASE("１２３ in full-width digits is 123", "[numeral]") {
  CHECK(Parsed("１２３") == "123");
}

TEST_CASE("１２.５ mixes full-width digits and an ASCII point", "[numeral]") {
  CHECK(Parsed("１２.５") == "12.5");
  CHECK(Parsed("１２．５") == "12.5");
}

TEST_CASE("0.5 is one half", "[numeral]") { CHECK(Parsed("0.5") == "0.5"); }

TEST_CASE("1,234.5 drops the thousands separator", "[numeral]") {
  CHECK(Parsed("1,234.5") == "1234.5");
  CHECK(Parsed("1，234") == "1234");
  CHECK(Parsed("12,345,678") == "12345678");
}

TEST_CASE("Surrounding white space is ignored", "[numeral]") {
  CHECK(Parsed("  42\t") == "42");
  CHECK(Parsed("\u3000三万\u3000") == "30000");
}

TEST_CASE("A number with more than 64 bits is exact", "[numeral]") {
  CHECK(Parsed("123456789012345678901234567890") ==
        "123456789012345678901234567890");
  CHECK(Parsed("0.000001") == "0.000001");
}

// --- Chinese numerals -----------------------------------------------------

TEST_CASE("一万五千亿 is 1.5 trillion", "[numeral]") {
  CHECK(Parsed("一万五千亿") == "1500000000000");
}

TEST_CASE("二十万亿 is twenty trillion", "[numeral]") {
  CHECK(Parsed("二十万亿") == "20000000000000");
}

TEST_CASE("三万亿 is three trillion", "[numeral]") {
  CHECK(Parsed("三万亿") == "3000000000000");
}

TEST_CASE("一千 is 1000", "[numeral]") { CHECK(Parsed("一千") == "1000"); }

TEST_CASE("三千二百万 is 32 million", "[numeral]") {
  CHECK(Parsed("三千二百万") == "32000000");
}

TEST_CASE("两亿 is 200 million", "[numeral]") {
  CHECK(Parsed("两亿") == "200000000");
}

TEST_CASE("十二 is 12", "[numeral]") { CHECK(Parsed("十二") == "12"); }

TEST_CASE("十 alone is 10", "[numeral]") { CHECK(Parsed("十") == "10"); }

TEST_CASE("一百零五 is 105", "[numeral]") {
  CHECK(Parsed("一百零五") == "105");
}

TEST_CASE("一千零五十 is 1050", "[numeral]") {
  CHECK(Parsed("一千零五十") == "1050");
}

TEST_CASE("二〇二二 is read digit by digit", "[numeral]") {
  CHECK(Parsed("二〇二二") == "2022");
  CHECK(Parsed("二○二二") == "2022");  // U+25CB
  CHECK(Parsed("二零零八") == "2008");
  CHECK(Parsed("三五") == "35");
}

TEST_CASE("Digits read one by one before a scale are one number", "[numeral]") {
  CHECK(Parsed("四八二亿") == "48200000000");
  CHECK(Parsed("五〇〇万") == "5000000");
  CHECK(Parsed("九○億") == "9000000000");  // U+25CB
  CHECK(Parsed("六〇万") == "600000");
  // Two digits without a zero are "three or four", "three to five": no
  // number; nor is a sequence before a unit.
  CHECK_FALSE(Table().Parse("三四亿"));
  CHECK_FALSE(Table().Parse("三五万"));
  CHECK_FALSE(Table().Parse("七八万"));
  CHECK_FALSE(Table().Parse("二〇十"));
}

TEST_CASE("〇 is zero", "[numeral]") { CHECK(Parsed("〇") == "0"); }

TEST_CASE("零 is zero", "[numeral]") { CHECK(Parsed("零") == "0"); }

TEST_CASE("壹佰贰拾叁 in financial numerals is 123", "[numeral]") {
  CHECK(Parsed("壹佰贰拾叁") == "123");
  CHECK(Parsed("貳仟參佰") == "2300");
}

TEST_CASE("五十五 is 55", "[numeral]") { CHECK(Parsed("五十五") == "55"); }

TEST_CASE("一十 and 一百一十 write the digit before 十", "[numeral]") {
  CHECK(Parsed("一十二") == "12");
  CHECK(Parsed("一百一十") == "110");
}

TEST_CASE("三十万 is 300000", "[numeral]") {
  CHECK(Parsed("三十万") == "300000");
}

TEST_CASE("四千五百六十七万八千九百 is 45678900", "[numeral]") {
  CHECK(Parsed("四千五百六十七万八千九百") == "45678900");
}

TEST_CASE("两千 is 2000", "[numeral]") { CHECK(Parsed("两千") == "2000"); }

TEST_CASE("兩千 in Traditional is 2000", "[numeral]") {
  CHECK(Parsed("兩千") == "2000");
}

TEST_CASE("A trailing digit after a unit is the next lower place",
          "[numeral]") {
  CHECK(Parsed("一千二") == "1200");
  CHECK(Parsed("两万五") == "25000");
  CHECK(Parsed("一亿五") == "150000000");
}

TEST_CASE("零 keeps the following digit in its own place", "[numeral]") {
  CHECK(Parsed("三万零五") == "30005");
  CHECK(Parsed("一千零十") == "1010");
  CHECK(Parsed("一亿零五万") == "100050000");
  CHECK(Parsed("一千零五万") == "10050000");
}

TEST_CASE("A whole number after a scale word counts units", "[numeral]") {
  CHECK(Parsed("1万600") == "10600");
  CHECK(Parsed("7万35") == "70035");
  CHECK(Parsed("2亿4500") == "200004500");
}

TEST_CASE("零 after a scale word may stand before any lower place",
          "[numeral]") {
  CHECK(Parsed("十万零一千") == "101000");
  CHECK(Parsed("一亿五千万零六千") == "150006000");
  CHECK(Parsed("三万零四百") == "30400");
  CHECK(Parsed("一千零五千") == "nullopt");
}

TEST_CASE("十 right after 百 is one ten", "[numeral]") {
  CHECK(Parsed("一百十") == "110");
  CHECK(Parsed("三百十七") == "317");
  CHECK(Parsed("两百十二万") == "2120000");
}

TEST_CASE("廿, 卅 and 卌 are twenty, thirty and forty", "[numeral]") {
  CHECK(Parsed("廿") == "20");
  CHECK(Parsed("廿五") == "25");
  CHECK(Parsed("卅") == "30");
  CHECK(Parsed("卌三") == "43");
  CHECK(Parsed("廿八万") == "280000");
  CHECK(Parsed("一廿") == "nullopt");
}

TEST_CASE("两 is never read digit by digit", "[numeral]") {
  CHECK(Parsed("一两") == "nullopt");
  CHECK(Parsed("两三") == "nullopt");
  CHECK(Parsed("两") == "2");
  CHECK(Parsed("二二") == "22");
}

TEST_CASE("Groups below a scale word join the number before it", "[numeral]") {
  CHECK(Parsed("一亿二千万") == "120000000");
  CHECK(Parsed("十万") == "100000");
  CHECK(Parsed("1亿2000万") == "120000000");
  CHECK(Parsed("3万2000") == "32000");
  CHECK(Parsed("3千2百万") == "32000000");
}

TEST_CASE("Stacked scale words go beyond 64 bits exactly", "[numeral]") {
  CHECK(Parsed("一万亿亿") == "100000000000000000000");
  CHECK(Parsed("1亿亿") == "10000000000000000");
  CHECK(Parsed("1234567890123456789012345678901234567890") ==
        "1234567890123456789012345678901234567890");
}

// --- Rejected forms -------------------------------------------------------

TEST_CASE("An empty text is not a number", "[numeral]") {
  CHECK(Parsed("") == "nullopt");
  CHECK(Parsed("   ") == "nullopt");
}

TEST_CASE("A bare scale word is not a number", "[numeral]") {
  CHECK(Parsed("万") == "nullopt");
  CHECK(Parsed("万亿") == "nullopt");
  CHECK(Parsed("百万") == "nullopt");
}

TEST_CASE("Letters make the text not a number", "[numeral]") {
  CHECK(Parsed("abc") == "nullopt");
  CHECK(Parsed("12a") == "nullopt");
  CHECK(Parsed("3万多") == "nullopt");
}

TEST_CASE("Two decimal points are rejected", "[numeral]") {
  CHECK(Parsed("1.2.3") == "nullopt");
}

TEST_CASE("A leading or trailing decimal point is rejected", "[numeral]") {
  CHECK(Parsed(".5") == "nullopt");
  CHECK(Parsed("5.") == "nullopt");
}

TEST_CASE("A comma not followed by exactly three digits is rejected",
          "[numeral]") {
  CHECK(Parsed("1,23") == "nullopt");
  CHECK(Parsed("1,2345") == "nullopt");
  CHECK(Parsed("1234,567") == "nullopt");
  CHECK(Parsed("1.234,5") == "nullopt");
}

TEST_CASE("Misplaced units and zeros are rejected", "[numeral]") {
  CHECK(Parsed("十十") == "nullopt");
  CHECK(Parsed("一千十") == "nullopt");
  CHECK(Parsed("亿万") == "nullopt");
  CHECK(Parsed("二百三千") == "nullopt");
  CHECK(Parsed("一百五万") == "nullopt");
  CHECK(Parsed("一百零五十") == "nullopt");
  CHECK(Parsed("五十零") == "nullopt");
  CHECK(Parsed("一亿万") == "nullopt");
  CHECK(Parsed("一万一万") == "nullopt");
  CHECK(Parsed("二〇二二十") == "nullopt");  // digit by digit, then a unit
}

TEST_CASE("Ambiguous trailing numbers are rejected", "[numeral]") {
  CHECK(Parsed("3千20") == "nullopt");
  CHECK(Parsed("3万2.5") == "nullopt");
  CHECK(Parsed("3万20000") == "nullopt");
}

TEST_CASE("Spaces are allowed only before a scale word", "[numeral]") {
  CHECK(Parsed("1 2") == "nullopt");
  CHECK(Parsed("万 1") == "nullopt");
}

TEST_CASE("Malformed UTF-8 is rejected", "[numeral]") {
  CHECK(Parsed("1\xff") == "nullopt");
  CHECK(Parsed("\xe4\xb8") == "nullopt");
}

TEST_CASE("A number with too many significant digits is rejected, not rounded",
          "[numeral]") {
  CHECK(Parsed("1234567890123456789012345678901234567891") == "nullopt");
  CHECK(Parsed("一亿亿亿亿亿零五") == "nullopt");
}

// --- ScalePower -----------------------------------------------------------

TEST_CASE("ScalePower gives the power of ten of scale words", "[numeral]") {
  const Numerals& t = Table();
  CHECK(t.ScalePower("万") == 4);
  CHECK(t.ScalePower("亿") == 8);
  CHECK(t.ScalePower("万亿") == 12);
  CHECK(t.ScalePower("亿亿") == 16);
  CHECK(t.ScalePower("千万") == 7);
  CHECK(t.ScalePower("百万") == 6);
  CHECK(t.ScalePower("十万") == 5);
  CHECK(t.ScalePower("千亿") == 11);
  CHECK(t.ScalePower("百亿") == 10);
  CHECK(t.ScalePower("十亿") == 9);
  CHECK(t.ScalePower("萬") == 4);
  CHECK(t.ScalePower("億") == 8);
  CHECK(t.ScalePower("兆") == 12);
  CHECK(t.ScalePower("十") == 1);
  CHECK(t.ScalePower("百") == 2);
  CHECK(t.ScalePower("千") == 3);
}

TEST_CASE("ScalePower rejects words that are not scales", "[numeral]") {
  const Numerals& t = Table();
  CHECK_FALSE(t.ScalePower("多").has_value());
  CHECK_FALSE(t.ScalePower("").has_value());
  CHECK_FALSE(t.ScalePower("三万").has_value());
  CHECK_FALSE(t.ScalePower("万千").has_value());
  CHECK_FALSE(t.ScalePower("十百").has_value());
  CHECK_FALSE(t.ScalePower("亿万").has_value());
}

// --- Decimal --------------------------------------------------------------

TEST_CASE("Decimal prints the shortest plain form", "[numeral]") {
  CHECK(Decimal{"164", 7}.ToString() == "1640000000");
  CHECK(Decimal{"14", -1}.ToString() == "1.4");
  CHECK(Decimal{"5", -2}.ToString() == "0.05");
  CHECK(Decimal{"1500", -3}.ToString() == "1.5");
  CHECK(Decimal{"0", 5}.ToString() == "0");
  CHECK(Decimal{}.ToString() == "0");
}

TEST_CASE("Decimal shifts exactly and compares by value", "[numeral]") {
  CHECK(Decimal{"164", -1}.Shifted(8).ToString() == "1640000000");
  CHECK(Decimal{"12", 0}.Shifted(-3).ToString() == "0.012");
  CHECK(Decimal{"1500", 0} == Decimal{"15", 2});
  CHECK_FALSE(Decimal{"15", 0} == Decimal{"15", 1});
  CHECK(Decimal{"0", 3} == Decimal{});
}

TEST_CASE("Decimal converts to the nearest double", "[numeral]") {
  CHECK(Decimal{"164", 7}.ToDouble() == 1640000000.0);
  CHECK(Decimal{"5", -1}.ToDouble() == 0.5);
}

TEST_CASE("Parse results are normalised decimals", "[numeral]") {
  std::optional<Decimal> v = Table().Parse("16.4亿");
  REQUIRE(v.has_value());
  CHECK(*v == Decimal{"164", 7});
  CHECK(v->digits == "164");
  CHECK(v->exponent == 7);
}

// --- FromTsv --------------------------------------------------------------

TEST_CASE("FromTsv skips comments and blank lines", "[numeral]") {
  std::string error;
  std::optional<Numerals> t = Numerals::FromTsv(
      "# header\n\n一\tdigit\t1  # one\r\n万\tscale\t4\n", &error);
  REQUIRE(t.has_value());
  CHECK(t->Parse("一万") == Decimal{"1", 4});
  CHECK_FALSE(t->Parse("二").has_value());
}

TEST_CASE("FromTsv reports an unknown kind with its line and column", "[numeral]") {
  CHECK(TsvError("一\tdigit\t1\n万\tmultiplier\t4\n") ==
        "2:3: unknown kind 'multiplier' (expected digit, count, tens, unit, "
        "scale or point)");
}

TEST_CASE("FromTsv keeps decimal point words apart, in table order",
          "[numeral]") {
  std::string error;
  std::optional<Numerals> t = Numerals::FromTsv(
      "七\tdigit\t7\n點\tpoint\t0\n点\tpoint\t0\n", &error);
  REQUIRE(t.has_value());
  CHECK(t->point_words() == std::vector<std::string>{"點", "点"});
  CHECK_FALSE(t->Parse("七点七").has_value());  // Parse does not read them
  CHECK(TsvError("点\tpoint\t1\n") == "1:9: bad value '1' for point (expected 0-0)");
  CHECK(TsvError("点\tpoint\t0\n点\tpoint\t0\n") == "2:1: duplicate surface '点'");
  CHECK(TsvError("七\tdigit\t7\n七\tpoint\t0\n") == "2:1: duplicate surface '七'");
}

TEST_CASE("FromTsv reports a bad value with its line and column", "[numeral]") {
  CHECK(TsvError("# c\n一\tdigit\tx\n") ==
        "2:9: bad value 'x' for digit (expected 0-9)");
  CHECK(TsvError("十\tunit\t4\n") ==
        "1:8: bad value '4' for unit (expected 1-3)");
  CHECK(TsvError("廿\ttens\t0\n") ==
        "1:8: bad value '0' for tens (expected 1-9)");
  CHECK(TsvError("两\tcount\t0\n") ==
        "1:9: bad value '0' for count (expected 1-9)");
  CHECK(TsvError("万\tscale\t\n") ==
        "1:8: expected 3 tab-separated columns, found 2");
}

TEST_CASE("FromTsv reports missing columns with their line and column",
          "[numeral]") {
  CHECK(TsvError("\n\n一 digit 1\n") ==
        "3:10: expected 3 tab-separated columns, found 1");
  CHECK(TsvError("一\tdigit\n") ==
        "1:8: expected 3 tab-separated columns, found 2");
  // A fourth field: its column.
  CHECK(TsvError("一\tdigit\t1\textra\n") ==
        "1:11: expected 3 tab-separated columns, found 4");
}

TEST_CASE("FromTsv rejects duplicate and multi-character surfaces",
          "[numeral]") {
  CHECK(TsvError("一\tdigit\t1\n一\tdigit\t2\n") ==
        "2:1: duplicate surface '一'");
  CHECK(TsvError("万亿\tscale\t12\n") ==
        "1:1: surface '万亿' is not one non-ASCII character");
}

}  // namespace
}  // namespace bulletin

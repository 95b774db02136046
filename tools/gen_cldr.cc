// Prints the CLDR-generated rows of rules/units.tsv and rules/currencies.tsv
// from the ICU this program is linked with (its CLDR data):
//
//   gen_cldr units       unit names of zh, zh_Hant and zh_Hant_HK (long and
//                        short forms) and the English short symbols, for the
//                        unit categories bulletins measure in
//   gen_cldr currencies  currency display names (ucurr_getName, long form)
//                        of zh, zh_Hant and zh_Hant_HK, and the ISO codes
//
// tools/regen_cldr.sh builds it and splices its output between the
// "# BEGIN CLDR" and "# END CLDR" lines of those two files; rows after the
// block (written by hand) replace generated rows with the same surface.
#include <unicode/measunit.h>
#include <unicode/numberformatter.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/locid.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

const char* const kLocales[] = {"zh", "zh_Hant", "zh_Hant_HK"};

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// "5 公里" → "公里"; empty when the number is not at the start (攝氏 5 度,
// 每小时5公里): those forms wrap the number and are left out.
std::string AfterNumber(std::string s) {
  if (s.rfind("5", 0) != 0) return "";
  s.erase(0, 1);
  while (!s.empty() && (s[0] == ' ' || static_cast<unsigned char>(s[0]) == 0xC2))
    s.erase(0, s[0] == ' ' ? 1 : 2);  // ' ' or U+00A0
  if (s.rfind("\xE2\x80\xAF", 0) == 0) s.erase(0, 3);  // U+202F
  return s;
}

bool AsciiLetterEnd(const std::string& s) {
  return !s.empty() && std::isalpha(static_cast<unsigned char>(s.back()));
}
bool AllAscii(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string Format(const icu::MeasureUnit& u, const char* loc,
                   UNumberUnitWidth w) {
  UErrorCode st = U_ZERO_ERROR;
  auto f = icu::number::NumberFormatter::withLocale(loc).unit(u).unitWidth(w);
  icu::UnicodeString out = f.formatDouble(5, st).toString(st);
  return U_SUCCESS(st) ? Utf8(out) : "";
}

int Units() {
  // The categories bulletins measure in; duration, angle, concentration
  // (percent is its own type) and the rest are left out.
  const std::set<std::string> types = {
      "length", "mass",  "volume",      "area",     "digital",  "frequency",
      "power",  "energy", "temperature", "pressure", "electric", "speed",
      "light",  "force"};
  // Surfaces that are mostly ordinary words or classifiers in Chinese text
  // (杯 cup, 滴 drop, 点 dot, 匹 horsepower, 卡 calorie, 节 knot, 巴 bar ...)
  // and English short symbols that are words or too short to be safe.
  const std::set<std::string> skip = {
      "杯",  "滴",  "点",  "點",  "匹",  "卡",  "节",  "節",  "巴",  "焦",
      "牛",  "码",  "碼",  "项",  "桶",  "帕",  "度",  "in",  "pm", "pc",
      "au",  "st",  "c",   "mc",  "CD",  "gr",  "em",  "pt",  "cd", "ly",
      "ac",  "tn",  "bu",  "mi",  "t",   "B",   "b",   "N",   "G",  "lm",
      "fur", "drop", "grain", "dram fl", "fth", "bit", "byte", "kn", "ha",
      "C",   "F",   "J",   "ML",  "Cal", "cal", "Da",
      // Nanometres are process nodes (figures.rules process_node.nm).
      "纳米", "奈米", "納米", "nm"};
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = icu::MeasureUnit::getAvailable(nullptr, 0, st);
  st = U_ZERO_ERROR;
  std::vector<icu::MeasureUnit> all(n);
  icu::MeasureUnit::getAvailable(all.data(), n, st);
  if (U_FAILURE(st)) return 1;
  std::map<std::string, std::pair<std::string, std::string>> rows;  // surface → unit, kind
  std::map<std::string, int> lower_count;  // Latin symbol, lower-cased → count
  for (const auto& u : all) {
    if (!types.count(u.getType())) continue;
    // The normalised unit: the Simplified Chinese long name (千克, 公里),
    // else the English symbol.
    std::string zh = AfterNumber(Format(u, "zh", UNUM_UNIT_WIDTH_FULL_NAME));
    std::string sym = AfterNumber(Format(u, "en", UNUM_UNIT_WIDTH_SHORT));
    std::string norm = !zh.empty() && !AllAscii(zh) ? zh : sym;
    if (norm.empty()) continue;
    std::vector<std::string> surfaces = {sym};
    for (const char* loc : kLocales)
      for (auto w : {UNUM_UNIT_WIDTH_FULL_NAME, UNUM_UNIT_WIDTH_SHORT})
        surfaces.push_back(AfterNumber(Format(u, loc, w)));
    for (const auto& s : surfaces) {
      if (s.empty() || skip.count(s) || s.find('{') != std::string::npos) continue;
      if (s.find(' ') != std::string::npos) continue;
      std::string kind = AsciiLetterEnd(s) ? "latin" : "measure";
      if (rows.count(s)) continue;  // the first unit to claim a surface keeps it
      rows[s] = {norm, kind};
      if (AllAscii(s)) {
        std::string low = s;
        for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        ++lower_count[low];
      }
    }
  }
  for (const auto& [s, r] : rows) {
    std::string kind = r.second;
    if (AllAscii(s) && kind == "latin") {
      std::string low = s;
      for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      // Case-insensitive ("CM", "Kg") only when no other symbol folds the
      // same way (MB megabyte / Mb megabit) and it is two letters or more.
      if (lower_count[low] == 1 && s.size() >= 2) kind += ",ci";
    }
    std::cout << s << '\t' << r.first << '\t' << kind << '\n';
  }
  return 0;
}

int Currencies() {
  UErrorCode st = U_ZERO_ERROR;
  UEnumeration* codes = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &st);
  if (U_FAILURE(st)) return 1;
  std::map<std::string, std::string> rows;  // surface → ISO code
  const char* code;
  while ((code = uenum_next(codes, nullptr, &st)) != nullptr && U_SUCCESS(st)) {
    icu::UnicodeString ucode(code, -1, US_INV);
    for (const char* loc : kLocales) {
      UBool is_choice = false;
      int32_t len = 0;
      UErrorCode s2 = U_ZERO_ERROR;
      const UChar* name = ucurr_getName(ucode.getTerminatedBuffer(), loc,
                                        UCURR_LONG_NAME, &is_choice, &len, &s2);
      if (U_FAILURE(s2) || !name) continue;
      std::string n = Utf8(icu::UnicodeString(name, len));
      // A long name equal to the code means CLDR has no name here.
      if (n == code || AllAscii(n) || n.find_first_of(" (") != std::string::npos)
        continue;
      if (!rows.count(n)) rows[n] = code;
    }
  }
  uenum_close(codes);
  // Short forms: a name that starts with a country's name in the same
  // language (马来西亚令吉 → 令吉, 尼日利亚奈拉 → 奈拉) is also written without
  // it; kept when two characters or more and no other currency's name
  // shortens to it (法郎, 第纳尔, 元 ... are left out).
  std::vector<std::string> countries;
  for (const char* const* c = uloc_getISOCountries(); *c; ++c)
    for (const char* loc : kLocales) {
      icu::UnicodeString name;
      icu::Locale(("und_" + std::string(*c)).c_str()).getDisplayCountry(icu::Locale(loc), name);
      std::string n = Utf8(name);
      if (!n.empty() && !AllAscii(n)) countries.push_back(n);
    }
  std::map<std::string, std::set<std::string>> shorts;  // short → codes
  for (const auto& [s, c] : rows) {
    size_t best = 0;
    for (const auto& k : countries)
      if (k.size() > best && k.size() < s.size() && s.compare(0, k.size(), k) == 0)
        best = k.size();
    if (best == 0) continue;
    std::string rest = s.substr(best);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(rest);
    if (u.countChar32() >= 2) shorts[rest].insert(c);
  }
  for (const auto& [s, codes] : shorts)
    if (codes.size() == 1 && !rows.count(s)) rows[s] = *codes.begin();
  for (const auto& [s, c] : rows) std::cout << s << '\t' << c << "\tafter\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  UVersionInfo cldr;
  UErrorCode st = U_ZERO_ERROR;
  ulocdata_getCLDRVersion(cldr, &st);
  std::cout << "# BEGIN CLDR: generated by tools/gen_cldr " << mode << " from ICU "
            << U_ICU_VERSION << " (CLDR " << int(cldr[0]) << "." << int(cldr[1])
            << "); tools/regen_cldr.sh rewrites it, do not edit\n";
  int rc = mode == "units" ? Units() : mode == "currencies" ? Currencies() : 2;
  if (rc == 2) std::cerr << "usage: gen_cldr units|currencies\n";
  std::cout << "# END CLDR\n";
  return rc;
}

// The text predicates of the check rules (declared in check_rules.h): URL
// well-formedness and the years of a date value. They
// look at one string each and know nothing of articles.
#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <string>

#include "check_rules.h"
#include "text_util.h"

namespace bulletin {
namespace {

// RFC 3987 ucschar (and iprivate, which the query may hold, is left out).
bool IsIriChar(char32_t c) {
  if ((c & 0xFFFE) == 0xFFFE) return false;  // U+xxFFFE, U+xxFFFF
  return (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFEF) || (c >= 0x10000 && c <= 0xEFFFD);
}

}  // namespace

std::string UrlProblem(std::string_view url) {
  // An IRI (RFC 3987) may carry non-ASCII characters anywhere in its host
  // and path (https://www.example.cn/news/晶圓 is well formed); what it may
  // not carry is a space of any script, a control character or a code point
  // outside ucschar (private use, noncharacters, U+FFFD).
  for (char32_t c : ToCodePoints(url)) {
    if (c <= ' ' || c == 0x7F || (c >= 0x80 && c <= 0x9F) ||
        u_isUWhiteSpace(static_cast<UChar32>(c)))
      return "spaces or control characters";
    if (c >= 0x80 && !IsIriChar(c)) return "characters not allowed in an IRI";
  }
  // [\x{A0}-\x{10FFFF}]: what the loop above let through.
  static const RE2 kScheme("(?i)((?:https?|ftp)://|www\\.)");
  static const RE2 kHost(
      "((?:[A-Za-z0-9\\x{A0}-\\x{10FFFF}]"
      "(?:[A-Za-z0-9\\x{A0}-\\x{10FFFF}-]*[A-Za-z0-9\\x{A0}-\\x{10FFFF}])?"
      "\\.)+"
      "(?:xn--[A-Za-z0-9-]+|[A-Za-z]{2,63}|[\\x{A0}-\\x{10FFFF}]+)\\.?"
      "|[0-9]{1,3}(?:\\.[0-9]{1,3}){3})"
      "(?::[0-9]{1,5})?");
  static const RE2 kRest(
      "[/?#][A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%\\x{A0}-\\x{10FFFF}]*");
  static const RE2 kBadEscape("%(?:[^0-9A-Fa-f]|.[^0-9A-Fa-f]|.?$)");
  re2::StringPiece in(url.data(), url.size());
  std::string scheme;
  if (!RE2::Consume(&in, kScheme, &scheme)) return "no http(s) scheme";
  if (scheme.back() == '.') in = re2::StringPiece(url.data(), url.size());
  if (!RE2::Consume(&in, kHost)) return "no host with a dot";
  if (!in.empty() && !RE2::FullMatch(in, kRest))
    return "characters not allowed in a URL";
  if (RE2::PartialMatch(in, kBadEscape)) return "broken %-escape";
  return "";
}

std::vector<int> DateValueYears(std::string_view value) {
  std::vector<int> years;
  size_t from = 0;
  while (from <= value.size()) {
    size_t slash = value.find('/', from);
    std::string_view part = value.substr(
        from, slash == std::string_view::npos ? value.npos : slash - from);
    if (part.substr(0, 2) == "FY") part.remove_prefix(2);
    int year = 0;
    if (part.size() >= 4 &&
        std::all_of(part.begin(), part.begin() + 4,
                    [](char c) { return c >= '0' && c <= '9'; }) &&
        std::from_chars(part.data(), part.data() + 4, year).ec == std::errc())
      years.push_back(year);
    if (slash == std::string_view::npos) break;
    from = slash + 1;
  }
  return years;
}

}  // namespace bulletin

// check_text: the text predicates of the check rules (src/check_rules.h,
// src/check_text.cc): why a URL is not well formed, and which years a
// normalised date value names. Each looks at one string.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "check_rules.h"

namespace bulletin {
namespace {

TEST_CASE("UrlProblem: URLs and IRIs must have a host with a dot, no spaces",
          "[check_text]") {
  struct Case {
    const char* url;
    const char* problem;  // "" for a well-formed URL
  };
  const Case kCases[] = {
      {"https://www.nist.gov/chips?x=1&y=%20#top", ""},
      {"http://kjqb.las.ac.cn/a.htm?serverId=14&controlType=", ""},
      {"www.gov.uk/guidance", ""},  // www. counts as http://www.
      {"HTTPS://WWW.EXAMPLE.ORG/A", ""},  // the scheme in any case
      {"ftp://files.example.net/pub/x.tar.gz", ""},
      {"http://192.168.1.1:8080/x", ""},
      {"https://example.com:443", ""},
      {"https://example.com.", ""},  // a fully qualified host
      {"https://www.example.com/a%41b", ""},
      {"https://xn--fiqs8s.example.xn--fiqs8s/a", ""},  // punycode labels
      {"https://www.example.xn--fiqs8s", ""},
      {"https://localhost/x", "no host with a dot"},
      {"http://", "no host with a dot"},
      {"https://a.b/x", "no host with a dot"},  // a one-letter TLD
      {"www.", "no host with a dot"},
      {"ftp.example.com/x", "no http(s) scheme"},
      {"mailto:a@example.com", "no http(s) scheme"},
      {"", "no http(s) scheme"},
      {"https://www.nist.gov/a b", "spaces or control characters"},
      {"https://www.nist.gov/a\tb", "spaces or control characters"},
      {"https://www.nist.gov/a\x7F", "spaces or control characters"},
      // An IRI: non-ASCII in the path, the query or the host is well
      // formed ...
      {"https://www.nist.gov/芯片", ""},
      {"https://www.example-power.cn/news/晶圓/2024-x", ""},
      {"https://www.example.cn/search?q=封装#第二节", ""},
      {"http://新闻.example.中国/a", ""},
      // ... but a space of any script, a C1 control or a private-use or
      // noncharacter code point is not.
      {"https://www.nist.gov/芯片\u3000报告", "spaces or control characters"},
      {"https://www.nist.gov/a\u00A0b", "spaces or control characters"},
      {"https://www.nist.gov/a\u0085", "spaces or control characters"},
      {"https://www.nist.gov/a\uE000", "characters not allowed in an IRI"},
      {"https://www.nist.gov/a\uFFFD", "characters not allowed in an IRI"},
      {"https://www.nist.gov/a\U0001FFFE", "characters not allowed in an IRI"},
      {"https://www.nist.gov/a\U0001FFFF", "characters not allowed in an IRI"},
      {"https://www.nist.gov/a%2", "broken %-escape"},
      {"https://www.nist.gov/a%zz", "broken %-escape"},
      {"https://www.nist.gov/a%", "broken %-escape"},
      {"https://www.nist.gov/<x>", "characters not allowed in a URL"},
      {"https://www.nist.gov/a\"b", "characters not allowed in a URL"},
  };
  for (const auto& k : kCases) {
    INFO(k.url);
    CHECK(UrlProblem(k.url) == k.problem);
  }
}

TEST_CASE("DateValueYears: the years a date value names", "[check_text]") {
  struct Case {
    const char* value;
    std::vector<int> years;
  };
  const Case kCases[] = {
      {"2022-05-18", {2022}},
      {"2022/2030", {2022, 2030}},
      {"2022-05-18/2022-05-20", {2022, 2022}},
      {"2024-Q1/2024-Q3", {2024, 2024}},
      {"FY2023", {2023}},
      {"FY2025-Q2", {2025}},
      {"2019-autumn", {2019}},
      {"1990s", {1990}},
      {"0618", {618}},  // a Tang year, written with four digits
      {"XXXX-05", {}},
      {"XXXX-05/2025-06", {2025}},  // each end on its own
      {"20a4", {}},
      {"123", {}},
      {"/", {}},
      {"", {}},
  };
  for (const auto& k : kCases) {
    INFO(k.value);
    CHECK(DateValueYears(k.value) == k.years);
  }
}

}  // namespace
}  // namespace bulletin

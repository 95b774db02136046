// check_report: the four forms of a `check` report (src/cli/check_report.h):
// compiler-style text, one JSON object a line, GitHub workflow commands and
// a SARIF 2.1.0 log.
#include "check_report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "check_rules.h"

namespace bulletin {
namespace {

using nlohmann::json;

// One diagnostic and its text and GitHub forms.
struct FormCase {
  Diagnostic d;
  const char* text;
  const char* github;
};

const FormCase kForms[] = {
    {{Severity::kError, "url.malformed", "a.txt", 10, 8, "bad URL"},
     "a.txt:10:8: error: bad URL [url.malformed]",
     "::error file=a.txt,line=10,col=8,title=url.malformed::bad URL"},
    // A line without a column (a document inside a JSON line).
    {{Severity::kWarning, "article.no-byline", "x.jsonl", 3, 0, "no byline"},
     "x.jsonl:3: warning: no byline [article.no-byline]",
     "::warning file=x.jsonl,line=3,title=article.no-byline::no byline"},
    // Neither line nor column; a column without a line is not shown.
    {{Severity::kNote, "title.duplicate", "b.txt", 0, 0, "twice"},
     "b.txt: note: twice [title.duplicate]",
     "::notice file=b.txt,title=title.duplicate::twice"},
    {{Severity::kNote, "title.duplicate", "b.txt", 0, 4, "twice"},
     "b.txt: note: twice [title.duplicate]",
     "::notice file=b.txt,title=title.duplicate::twice"},
    // GitHub: %, CR and LF escaped everywhere, : and , in properties only.
    {{Severity::kError, "url.malformed", "dir:a,b.txt", 1, 1,
      "50% off\r\nnext: a, b"},
     "dir:a,b.txt:1:1: error: 50% off\r\nnext: a, b [url.malformed]",
     "::error file=dir%3Aa%2Cb.txt,line=1,col=1,title=url.malformed::"
     "50%25 off%0D%0Anext: a, b"},
    // A PDF page goes with the message in every form.
    {{Severity::kWarning, "footnote.unreferenced", "c.pdf", 40, 2,
      "note 3 unused", 7},
     "c.pdf:40:2: warning: note 3 unused (page 7) [footnote.unreferenced]",
     "::warning file=c.pdf,line=40,col=2,title=footnote.unreferenced::"
     "note 3 unused (page 7)"},
};

TEST_CASE("FormatText and FormatGithub: position, severity, message, rule",
          "[check_report]") {
  for (const auto& k : kForms) {
    INFO(k.text);
    CHECK(FormatText(k.d) == k.text);
    CHECK(FormatGithub(k.d) == k.github);
  }
}

TEST_CASE(
    "FormatJson: one object with every field, the page when there is "
    "one",
    "[check_report]") {
  for (const auto& k : kForms) {
    INFO(k.text);
    const Diagnostic& d = k.d;
    std::string line = FormatJson(d);
    CHECK(line.find('\n') == std::string::npos);
    json j = json::parse(line);
    json want = {{"file", d.path},
                 {"line", d.line},
                 {"col", d.col},
                 {"severity", SeverityName(d.severity)},
                 {"rule", d.rule},
                 {"message", d.page > 0 ? d.message + " (page " +
                                              std::to_string(d.page) + ")"
                                        : d.message}};
    if (d.page > 0) want["page"] = d.page;
    CHECK(j == want);
  }
  // The fields in the documented order.
  CHECK(FormatJson(kForms[0].d) ==
        "{\"file\":\"a.txt\",\"line\":10,\"col\":8,\"severity\":\"error\","
        "\"rule\":\"url.malformed\",\"message\":\"bad URL\"}");
}

TEST_CASE(
    "FormatJson and FormatSarif: a path that is not UTF-8 shows as "
    "U+FFFD",
    "[check_report]") {
  Diagnostic d{Severity::kError, "input.unreadable", "bad\xFF.txt", 0, 0,
               "cannot open"};
  json j = json::parse(FormatJson(d));
  CHECK(j["file"] == "bad\xEF\xBF\xBD.txt");
  // SARIF gives the file as a URI, every byte escaped; the message text
  // keeps its own bytes replaced.
  d.message = "x\xFE";
  json log = json::parse(FormatSarif({d}));
  const json& r = log["runs"][0]["results"][0];
  CHECK(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "bad%FF.txt");
  CHECK(r["message"]["text"] == "x\xEF\xBF\xBD");
}

TEST_CASE("FormatSarif: a log of one run listing every check rule",
          "[check_report]") {
  std::string text = FormatSarif({});
  // Indented: one member a line.
  CHECK(text.find("\n  \"version\": \"2.1.0\"") != std::string::npos);
  json log = json::parse(text);
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["results"] == json::array());
  CHECK(run["invocations"] ==
        json::array({json{{"executionSuccessful", true}}}));
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "bulletin-extract");
  CHECK(driver["version"] == BULLETIN_VERSION);
  REQUIRE(driver["rules"].size() == CheckRules().size());
  for (size_t i = 0; i < CheckRules().size(); ++i) {
    const CheckRule& r = CheckRules()[i];
    INFO(r.id);
    CHECK(
        driver["rules"][i] ==
        json{{"id", r.id},
             {"shortDescription", {{"text", r.summary}}},
             {"defaultConfiguration", {{"level", SeverityName(r.severity)}}}});
  }
}

TEST_CASE("FormatSarif: each result names its rule by id and index",
          "[check_report]") {
  const CheckRule& known = CheckRules().back();
  std::vector<Diagnostic> results = {
      {known.severity, known.id, "a.txt", 2, 3, "one"},
      {Severity::kWarning, "decode.long-line", "a.txt", 1, 1, "other"},
      {Severity::kNote, "decode.long-line", "b.txt", 5, 0, "again"},
  };
  json run = json::parse(FormatSarif(results))["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  // A rule id no check has is added once, after the check rules.
  REQUIRE(rules.size() == CheckRules().size() + 1);
  CHECK(rules.back()["id"] == "decode.long-line");
  CHECK(rules.back()["shortDescription"]["text"] == "reported by the pipeline");
  CHECK(rules.back()["defaultConfiguration"]["level"] == "warning");
  REQUIRE(run["results"].size() == 3);
  for (const auto& r : run["results"]) {
    INFO(r.dump());
    CHECK(rules[r["ruleIndex"].get<int>()]["id"] == r["ruleId"]);
  }
  CHECK(run["results"][0]["ruleIndex"] == CheckRules().size() - 1);
  CHECK(run["results"][2]["level"] == "note");
  CHECK(run["results"][2]["message"]["text"] == "again");
}

TEST_CASE("FormatSarif: a location has a region only when the line is known",
          "[check_report]") {
  struct Case {
    int line, col;
    json region;  // null: none
  };
  const Case kCases[] = {
      {10, 8, {{"startLine", 10}, {"startColumn", 8}}},
      // The column counts from 1: an unknown one is the line's start.
      {10, 0, {{"startLine", 10}, {"startColumn", 1}}},
      {0, 0, nullptr},
      {0, 5, nullptr},
  };
  for (const auto& k : kCases) {
    INFO(k.line << ":" << k.col);
    Diagnostic d{Severity::kError, "url.malformed", "a.txt",
                 k.line,           k.col,           "m"};
    json loc = json::parse(FormatSarif(
        {d}))["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    if (k.region.is_null())
      CHECK_FALSE(loc.contains("region"));
    else
      CHECK(loc["region"] == k.region);
  }
}

TEST_CASE("FormatSarif: the file is a relative URI, bytes %-escaped",
          "[check_report]") {
  struct Case {
    const char* path;
    const char* uri;
  };
  // Unreserved characters and '/' stay, every other byte is %XX.
  const Case kCases[] = {
      {"a.txt", "a.txt"},
      {"dir/x~y_z-1.txt", "dir/x~y_z-1.txt"},
      {"dir/a b+c.txt", "dir/a%20b%2Bc.txt"},
      {"100%.txt", "100%25.txt"},
      {"C:\\in.txt", "C%3A%5Cin.txt"},
      {"报告/第2期.txt", "%E6%8A%A5%E5%91%8A/%E7%AC%AC2%E6%9C%9F.txt"},
  };
  for (const auto& k : kCases) {
    INFO(k.path);
    Diagnostic d{Severity::kError, "url.malformed", k.path, 1, 1, "m"};
    json r = json::parse(FormatSarif({d}))["runs"][0]["results"][0];
    CHECK(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          k.uri);
  }
}

TEST_CASE("FormatSarif: a PDF page is a property and part of the message",
          "[check_report]") {
  Diagnostic d{
      Severity::kWarning, "footnote.unreferenced", "c.pdf", 40, 2, "m", 7};
  json r = json::parse(FormatSarif({d}))["runs"][0]["results"][0];
  CHECK(r["properties"] == json{{"page", 7}});
  CHECK(r["message"]["text"] == "m (page 7)");
  d.page = 0;
  r = json::parse(FormatSarif({d}))["runs"][0]["results"][0];
  CHECK_FALSE(r.contains("properties"));
}

TEST_CASE("FormatSarif: inputs that could not be read make the run fail",
          "[check_report]") {
  Diagnostic found{Severity::kWarning, "url.malformed", "a.txt", 1, 1, "m"};
  Diagnostic unread{Severity::kError,
                    "input.unreadable",
                    "gone.txt",
                    0,
                    0,
                    "cannot open: No such file or directory"};
  json run = json::parse(FormatSarif({found}, {unread}))["runs"][0];
  const json& inv = run["invocations"][0];
  CHECK(inv["executionSuccessful"] == false);
  REQUIRE(inv["toolExecutionNotifications"].size() == 1);
  const json& n = inv["toolExecutionNotifications"][0];
  CHECK(n["level"] == "error");
  CHECK(n["message"]["text"] == "cannot open: No such file or directory");
  CHECK(n["properties"] == json{{"rule", "input.unreadable"}});
  CHECK(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "gone.txt");
  // The unread input is no result, and its rule is not listed.
  CHECK(run["results"].size() == 1);
  CHECK(run["tool"]["driver"]["rules"].size() == CheckRules().size());
}

}  // namespace
}  // namespace bulletin

#include "check_report.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>

#include "check_rules.h"

namespace bulletin {

using nlohmann::ordered_json;

namespace {

// JSON text of `j`. Paths may hold bytes that are not UTF-8; they show as
// U+FFFD rather than aborting the report.
std::string Dump(const ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

// GitHub workflow command escaping: `%`, CR and LF always; `:` and `,` too
// in property values.
std::string GithubEscape(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// A path as a relative URI reference: unreserved characters and `/` stay,
// every other byte is %-escaped.
std::string PathUri(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ||
        c == '/') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// SARIF levels are the severity names (error, warning, note); GitHub calls
// a note a "notice".
const char* SarifLevel(Severity s) { return SeverityName(s); }

const char* GithubCommand(Severity s) {
  return s == Severity::kNote ? "notice" : SeverityName(s);
}

// The message, with the PDF page of its line when there is one: one form
// for every format.
std::string Message(const Diagnostic& d) {
  return d.page > 0 ? d.message + " (page " + std::to_string(d.page) + ")"
                    : d.message;
}

}  // namespace

std::string FormatText(const Diagnostic& d) {
  std::string pos = d.path;
  // GNU form: FILE:LINE:COL: when the column is known, FILE:LINE: when only
  // the line is (a document inside a JSON line), FILE: when neither is.
  if (d.line > 0) pos += ":" + std::to_string(d.line);
  if (d.line > 0 && d.col > 0) pos += ":" + std::to_string(d.col);
  return pos + ": " + SeverityName(d.severity) + ": " + Message(d) + " [" +
         d.rule + "]";
}

std::string FormatJson(const Diagnostic& d) {
  ordered_json j = {{"file", d.path}, {"line", d.line},
                    {"col", d.col},   {"severity", SeverityName(d.severity)},
                    {"rule", d.rule}, {"message", Message(d)}};
  if (d.page > 0) j["page"] = d.page;
  return Dump(j, -1);
}

std::string FormatGithub(const Diagnostic& d) {
  std::string props = "file=" + GithubEscape(d.path, true);
  if (d.line > 0) {
    props += ",line=" + std::to_string(d.line);
    if (d.col > 0) props += ",col=" + std::to_string(d.col);
  }
  props += ",title=" + GithubEscape(d.rule, true);
  return std::string("::") + GithubCommand(d.severity) + " " + props +
         "::" + GithubEscape(Message(d), false);
}

namespace {

// A SARIF location: the file as a relative URI, the line and column when
// known.
ordered_json SarifLocation(const Diagnostic& d) {
  ordered_json loc = {{"physicalLocation",
                       {{"artifactLocation", {{"uri", PathUri(d.path)}}}}}};
  if (d.line > 0) {
    loc["physicalLocation"]["region"] = {{"startLine", d.line},
                                         {"startColumn", std::max(d.col, 1)}};
  }
  return loc;
}

}  // namespace

std::string FormatSarif(const std::vector<Diagnostic>& results,
                        const std::vector<Diagnostic>& input_errors) {
  ordered_json rules = ordered_json::array();
  std::map<std::string, int> index;
  auto add_rule = [&](const std::string& id, const std::string& summary,
                      Severity s) {
    index[id] = static_cast<int>(rules.size());
    rules.push_back({{"id", id},
                     {"shortDescription", {{"text", summary}}},
                     {"defaultConfiguration", {{"level", SarifLevel(s)}}}});
  };
  for (const auto& r : CheckRules()) add_rule(r.id, r.summary, r.severity);
  ordered_json out = ordered_json::array();
  for (const auto& d : results) {
    if (!index.count(d.rule))
      add_rule(d.rule, "reported by the pipeline", d.severity);
    ordered_json result = {{"ruleId", d.rule},
                           {"ruleIndex", index[d.rule]},
                           {"level", SarifLevel(d.severity)},
                           {"message", {{"text", Message(d)}}},
                           {"locations", ordered_json::array({SarifLocation(d)})}};
    if (d.page > 0) result["properties"] = {{"page", d.page}};
    out.push_back(std::move(result));
  }
  ordered_json driver = {{"name", "bulletin-extract"},
                         {"version", BULLETIN_VERSION},
                         {"rules", std::move(rules)}};
  ordered_json notes = ordered_json::array();
  for (const auto& d : input_errors)
    notes.push_back({{"level", SarifLevel(d.severity)},
                     {"message", {{"text", Message(d)}}},
                     {"locations", ordered_json::array({SarifLocation(d)})},
                     {"properties", {{"rule", d.rule}}}});
  ordered_json invocation = {{"executionSuccessful", input_errors.empty()}};
  if (!notes.empty())
    invocation["toolExecutionNotifications"] = std::move(notes);
  ordered_json run = {{"tool", {{"driver", std::move(driver)}}},
                      {"invocations", ordered_json::array({invocation})},
                      {"columnKind", "unicodeCodePoints"},
                      {"results", std::move(out)}};
  ordered_json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", ordered_json::array({std::move(run)})}};
  return Dump(log, 2);
}

}  // namespace bulletin

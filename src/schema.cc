// The JSON Schema (draft 2020-12) of an output record: what record.cc
// writes, field by field, and the normalised fields each entity type adds.
// A change to record.cc or to a normaliser's attrs must change this too;
// tests/cli/schema_validate.sh checks real output against it.
#include <climits>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "record.h"

namespace bulletin {

using nlohmann::ordered_json;

namespace {

ordered_json Type(const char* t) { return {{"type", t}}; }

// A JSON array of names (a one-element brace list would not be an array).
ordered_json List(std::initializer_list<const char*> names) {
  ordered_json a = ordered_json::array();
  for (const char* n : names) a.push_back(n);
  return a;
}

ordered_json Described(ordered_json j, const char* what) {
  j["description"] = what;
  return j;
}

ordered_json NonNegative() { return {{"type", "integer"}, {"minimum", 0}}; }
ordered_json Positive() { return {{"type", "integer"}, {"minimum", 1}}; }

ordered_json StringArray() {
  return {{"type", "array"}, {"items", Type("string")}};
}

// An object with exactly `props`, of which `required` must be present.
ordered_json Object(ordered_json props, std::vector<std::string> required) {
  return {{"type", "object"},
          {"properties", std::move(props)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}

ordered_json Qualifier() {
  return {{"enum",
           List({"approx", "over", "under", "at_least", "up_to", "below"})},
          {"description",
           "a word before or after the figure (qualifiers.tsv): approx for "
           "about or an approximate count, over, under, at_least, up_to, "
           "below for sub- nodes"}};
}

ordered_json IsoDay() {
  return {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
}

// The normalised fields of each entity type (record fields besides the
// common ones) and which of them are always there.
ordered_json TypeDefs() {
  ordered_json number = Type("number");
  ordered_json defs;
  defs["money"] = {
      {"properties",
       {{"value", Described(number,
                            "in whole currency units; negative after a minus "
                            "sign or the word for minus")},
        {"value_max", Described(number,
                                "the upper end of a range or of an "
                                "approximate count (then qualifier approx)")},
        {"currency", Described({{"type", "string"}, {"pattern", "^[A-Z]{3}$"}},
                               "ISO 4217; for a bare yuan amount possibly "
                               "from context (currency_inferred)")},
        {"currency_inferred",
         Described({{"const", true}},
                   "the amount names no currency of its own (plain 元) and "
                   "the currency came from its sentence, article, document "
                   "or --locale")},
        {"qualifier", Qualifier()}}},
      {"required", List({"value", "currency"})}};
  defs["percent"] = {
      {"properties",
       {{"value", Described(number,
                            "9.5 is 9.5%; negative after a minus sign; tenths "
                            "(cheng), discounts (zhe: 80 is 20% off), per "
                            "mille and per ten thousand are converted")},
        {"value_max", Described(number, "the upper end of a range (10 to 20%)")},
        {"unit", Described({{"const", "pp"}}, "percentage points")},
        {"qualifier", Qualifier()}}},
      {"required", List({"value"})}};
  defs["quantity"] = {{"properties",
                       {{"value", Described(number, "in `unit`; negative "
                                                    "after a minus sign")},
                        {"value_max",
                         Described(number,
                                   "the upper end of a range or of an "
                                   "approximate count (then qualifier "
                                   "approx), in `unit`")},
                        {"unit", Described(Type("string"),
                                           "normalised (units.tsv column 2)")},
                        {"unit_text", Described(Type("string"),
                                                "the unit as printed")},
                        {"qualifier", Qualifier()}}},
                      {"required", List({"value", "unit"})}};
  defs["process_node"] = {
      {"properties", {{"value_nm",
                       Described(number,
                                 "the node in nanometres (microns and "
                                 "Intel's angstrom names converted)")},
                      {"value_nm_max",
                       Described(number, "the upper end of a range of nodes")},
                      {"qualifier", Qualifier()}}},
      {"required", List({"value_nm"})}};
  defs["date"] = {
      {"properties",
       {{"value", Described({{"type", List({"string", "null"})}},
                            "null for an impossible date or an unresolved "
                            "relative one; a range is FROM/TO (2022/2030, "
                            "2024-01/2024-09, 2024-Q1/2024-Q3 for 前三季度)")},
        {"precision",
         {{"enum",
           {"year", "half", "quarter", "month", "day", "fiscal_year",
            "fiscal_quarter", "fiscal_half", "season", "decade"}}}},
        {"year_inferred",
         Described(Type("boolean"),
                   "the year was not written: it came from the article's "
                   "own date, a year written before, the document or "
                   "--reference-date")},
        {"part", Described({{"enum", {"start", "mid", "end"}}},
                           "a part of the year (年底) or of the month (月底, "
                           "上旬: from/to then give its days)")},
        {"era", Described(Type("string"),
                          "the era the year was counted in: its name "
                          "(康熙, 民國), or roc for a bare Minguo year")},
        {"calendar", Described({{"const", "chinese"}},
                               "a Chinese-calendar date (正月初八, 春节), "
                               "converted to the Gregorian value")},
        {"holiday", Described(Type("string"), "the holiday named (春节)")},
        {"from", Described(IsoDay(), "the first day covered, when the year is known")},
        {"to", Described(IsoDay(), "the last day covered, when the year is known")},
        {"relative", Described(Type("string"),
                               "the relative expression, e.g. 明年, 上周五, "
                               "三天前")},
        {"report", Described({{"enum", {"quarterly", "interim", "annual"}}},
                             "the period a periodic report is named for "
                             "(2024年三季报 quarterly, 中报 interim, 年报 "
                             "annual)")},
        {"invalid", Described({{"const", true}}, "not a calendar date")}}},
      {"required", List({"value", "precision", "year_inferred"})}};
  defs["org"] = {{"properties",
                  {{"name", Described(Type("string"), "canonical name")},
                   {"kind", Type("string")},
                   {"country", Type("string")},
                   {"parent",
                    Described(Type("string"),
                              "for a branch or unit (a bank's city branch, a "
                              "university's school): the organisation it "
                              "belongs to")}}},
                 {"required", List({"name"})}};
  defs["url"] = {{"properties",
                  {{"value", Described(Type("string"),
                                       "the URL, scheme and host lower-cased, "
                                       "path, query and fragment as written")}}},
                 {"required", List({"value"})}};
  return defs;
}

ordered_json EntitySchema() {
  ordered_json defs = TypeDefs();
  ordered_json types = ordered_json::array();
  for (auto it = defs.begin(); it != defs.end(); ++it)
    types.push_back(it.key());
  ordered_json e = {
      {"type", "object"},
      {"properties",
       {{"type", {{"enum", types}}},
        {"text", Described(Type("string"), "surface form in its field")},
        {"field", {{"enum", {"title", "text", "footnote"}}}},
        {"footnote", Described(NonNegative(), "only when field is footnote")},
        {"footnote_index",
         Described(NonNegative(),
                   "only when field is footnote: 0-based position of the "
                   "note in footnotes (two notes can share a number)")},
        {"start", Described(NonNegative(), "code point offset in the field")},
        {"end", Described(NonNegative(), "code point offset in the field")},
        {"line", Positive()},
        {"col", Described(Positive(), "1-based, in code points")},
        {"page", Described(Positive(), "PDF input: 1-based page of line")},
        {"sentence", NonNegative()},
        {"context", Described(Type("string"), "with --context")},
        {"rule", Type("string")}}},
      {"required",
       {"type", "text", "field", "start", "end", "line", "col", "rule"}}};
  ordered_json all = ordered_json::array();
  ordered_json footnote_keys = ordered_json::array();
  footnote_keys.push_back({{"required", List({"footnote"})}});
  footnote_keys.push_back({{"required", List({"footnote_index"})}});
  ordered_json no_footnote_keys = {{"not", {{"anyOf", footnote_keys}}}};
  all.push_back({{"if", {{"properties", {{"field", {{"const", "footnote"}}}}}}},
                 {"then", {{"required", List({"footnote"})}}},
                 {"else", no_footnote_keys}});
  for (auto it = defs.begin(); it != defs.end(); ++it) {
    all.push_back({{"if", {{"properties", {{"type", {{"const", it.key()}}}}}}},
                   {"then", it.value()}});
  }
  e["allOf"] = std::move(all);
  // The common fields plus those of the entity's own type, nothing else.
  e["unevaluatedProperties"] = false;
  return e;
}

}  // namespace

int EntityAttrRank(std::string_view type, std::string_view key) {
  // Built once from TypeDefs: the schema is the one list of the order.
  static const auto* const kRanks = [] {
    auto* m = new std::map<std::string, std::map<std::string, int, std::less<>>,
                           std::less<>>;
    ordered_json defs = TypeDefs();
    for (auto t = defs.begin(); t != defs.end(); ++t) {
      int i = 0;
      const ordered_json& props = t.value()["properties"];
      for (auto p = props.begin(); p != props.end(); ++p)
        (*m)[t.key()][p.key()] = i++;
    }
    return m;
  }();
  auto t = kRanks->find(type);
  if (t == kRanks->end()) return INT_MAX;
  auto k = t->second.find(key);
  return k == t->second.end() ? INT_MAX : k->second;
}

std::string RecordSchema() {
  ordered_json footnote = Object(
      {{"number", Described(NonNegative(), "0: an unnumbered source note")},
       {"text", Type("string")},
       {"urls", StringArray()}},
      {"number", "text", "urls"});
  ordered_json ref = Object(
      {{"number", Positive()},
       {"number_max", Described(Positive(), "end of a range mark like 1-2")},
       {"offset", Described(NonNegative(), "code point offset in text")},
       {"line", Positive()}},
      {"number", "offset", "line"});
  ordered_json source =
      Object({{"path", Described(Type("string"), "as given; - for stdin")},
              {"line", Positive()},
              {"end_line", Positive()},
              {"jsonl_line",
               Described(Positive(),
                         "jsonl input: the line of the object holding the "
                         "document; line and end_line count in its text")},
              {"page", Described(Positive(), "PDF input: 1-based page of line")},
              {"end_page",
               Described(Positive(), "PDF input: 1-based page of end_line")}},
             {"path", "line", "end_line"});
  ordered_json props = {
      {"schema_version", {{"const", 1}}},
      {"source", std::move(source)},
      {"id", {{"description",
               "jsonl input: the value of the object's --id-field, as given"}}},
      {"meta", Described(Type("object"),
                         "jsonl input: the --keep-fields the object has, "
                         "as given")},
      {"index", Described(Positive(), "position in the document")},
      {"section", {{"type", List({"string", "null"})}}},
      {"title", Type("string")},
      {"authors", StringArray()},
      {"byline", Described(Type("string"), "as printed, when there is one")},
      {"text", Type("string")},
      {"footnotes", {{"type", "array"}, {"items", std::move(footnote)}}},
      {"footnote_refs", {{"type", "array"}, {"items", std::move(ref)}}},
      {"entities",
       {{"type", "array"}, {"items", {{"$ref", "#/$defs/entity"}}}}},
      {"unplaced_lines",
       Described(Positive(), "lines that fit no structure, when any")},
      {"dropped_lines",
       Described(Positive(), "page furniture lines removed, when any")}};
  ordered_json schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"title", "bulletin-extract record (schema_version 1)"},
      {"description", "One article of a bulletin, as one JSON Lines record."}};
  ordered_json record =
      Object(std::move(props),
             {"schema_version", "source", "index", "section", "title",
              "authors", "text", "footnotes", "footnote_refs", "entities"});
  for (auto it = record.begin(); it != record.end(); ++it)
    schema[it.key()] = it.value();
  schema["$defs"] = {{"entity", EntitySchema()}};
  return schema.dump(2);
}

}  // namespace bulletin

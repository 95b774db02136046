// schema: the JSON Schema of a record (RecordSchema in src/record.h, built in
// src/schema.cc) against what the record writer writes: the records of a
// bulletin written for this test, with an entity of every type, validate
// (python3's jsonschema, draft 2020-12, when installed), and records the
// writer never writes do not. EntityAttrRank gives the order of an entity's
// fields.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "builtin_fixtures.h"
#include "record.h"
#include "test_dirs.h"

namespace bulletin {
namespace {

using nlohmann::json;
using testing::FileList;
using testing::ScratchDir;

// One article with an entity of every type, a byline, a footnote with a
// URL and a reference mark.
const char kBulletin[] =
    "星河公司发布新款芯片\n"
    "\n"
    "星河微电子有限公司于2025年5月18日表示，采用5纳米工艺的新款芯片售价约为"
    "300美元，较上一代提高15%，年产能达到20万片晶圆，详见"
    "https://www.example.com/news 。该公司去年营收增长3个百分点[1]。\n"
    "\n"
    "作者：李明、王芳\n"
    "\n"
    "[1] 数据来源：https://www.example.org/report\n";

// The records of kBulletin, with and without --context, parsed.
std::vector<json> Records() {
  ScratchDir dir(FileList{{"issue.txt", kBulletin}});
  std::vector<json> out;
  for (bool context : {false, true}) {
    PipelineOptions opt;
    opt.context = context;
    RecordOptions ro;
    ro.context = context;
    InputResult r = RunInput(
        testing::BuiltinEngine(), dir.path() + "/issue.txt", opt,
        [&](Article&& a) {
          std::string text;
          REQUIRE(RecordJson(a, ro, &text).ok());
          out.push_back(json::parse(text));
        },
        nullptr);
    REQUIRE(r.status.ok());
  }
  return out;
}

json Schema() { return json::parse(RecordSchema()); }

TEST_CASE("RecordSchema: a draft 2020-12 schema of a closed record object",
          "[schema]") {
  json s = Schema();
  CHECK(s["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  CHECK(s["type"] == "object");
  CHECK(s["additionalProperties"] == false);
  CHECK(s["properties"]["schema_version"]["const"] == 1);
  const std::set<std::string> required = s["required"];
  CHECK(required == std::set<std::string>{"schema_version", "source", "index",
                                          "section", "title", "authors", "text",
                                          "footnotes", "footnote_refs",
                                          "entities"});
  const json& entity = s["$defs"]["entity"];
  const std::set<std::string> types = entity["properties"]["type"]["enum"];
  CHECK(types == std::set<std::string>{"money", "percent", "quantity",
                                       "process_node", "date", "org", "url"});
  CHECK(entity["unevaluatedProperties"] == false);
}

// The properties the schema allows an entity of `type`: the common ones
// and its type's own.
std::set<std::string> EntityKeys(const json& schema, const std::string& type) {
  const json& entity = schema["$defs"]["entity"];
  std::set<std::string> keys;
  for (const auto& [k, v] : entity["properties"].items()) keys.insert(k);
  for (const auto& branch : entity["allOf"])
    if (branch["if"]["properties"].contains("type") &&
        branch["if"]["properties"]["type"]["const"] == type)
      for (const auto& [k, v] : branch["then"]["properties"].items())
        keys.insert(k);
  return keys;
}

TEST_CASE("RecordSchema: every field the writer writes is in the schema",
          "[schema]") {
  json s = Schema();
  std::vector<json> records = Records();
  REQUIRE(records.size() == 2);
  std::set<std::string> types_seen;
  for (const json& r : records) {
    for (const auto& [k, v] : r.items()) {
      INFO("record field " << k);
      CHECK(s["properties"].contains(k));
    }
    for (const json& e : r["entities"]) {
      const std::string type = e["type"];
      types_seen.insert(type);
      std::set<std::string> allowed = EntityKeys(s, type);
      for (const auto& [k, v] : e.items()) {
        INFO(type << " field " << k);
        CHECK(allowed.count(k) == 1);
      }
    }
  }
  CHECK(types_seen.size() == 7);  // the bulletin has every type
}

// Runs python3's jsonschema over `records` (one per line): "ok" or "bad"
// per record; empty when python3 or its jsonschema module is missing.
std::vector<std::string> Validate(const std::vector<json>& records) {
  std::ostringstream lines;
  for (const json& r : records) lines << r.dump() << "\n";
  ScratchDir dir(FileList{
      {"schema.json", RecordSchema()},
      {"records.jsonl", lines.str()},
      {"validate.py",
       "import json, sys\n"
       "try:\n"
       "    import jsonschema\n"
       "except ImportError:\n"
       "    sys.exit(77)\n"
       "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
       "jsonschema.Draft202012Validator.check_schema(schema)\n"
       "v = jsonschema.Draft202012Validator(schema)\n"
       "for line in open(sys.argv[2], encoding='utf-8'):\n"
       "    print('ok' if v.is_valid(json.loads(line)) else 'bad')\n"}});
  const std::string d = dir.path();
  std::string cmd = "/usr/bin/python3 " + d + "/validate.py " + d +
                    "/schema.json " + d + "/records.jsonl > " + d +
                    "/out.txt 2>&1";
  int rc = std::system(cmd.c_str());
  std::vector<std::string> out;
  std::ifstream in(d + "/out.txt");
  if (rc != 0) {
    std::string all((std::istreambuf_iterator<char>(in)), {});
    // 77 (exit status 77 << 8): no jsonschema; anything else is a failure.
    CHECK((WIFEXITED(rc) && WEXITSTATUS(rc) == 77));
    INFO(all);
    return out;
  }
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST_CASE("RecordSchema: the writer's records validate, others do not",
          "[schema]") {
  std::vector<json> records = Records();
  REQUIRE(records.size() == 2);
  const json good = records[0];
  // Find an entity of `type` in `r`.
  auto entity = [](json& r, const char* type) -> json& {
    for (json& e : r["entities"])
      if (e["type"] == type) return e;
    FAIL("no " << type);
    return r;
  };
  std::vector<std::pair<std::string, json>> cases;
  for (size_t i = 0; i < records.size(); ++i)
    cases.push_back({"record " + std::to_string(i) + " as written",
                     records[i]});
  auto bad = [&](const std::string& what, auto change) {
    json r = good;
    change(r);
    cases.push_back({what, r});
  };
  bad("no title", [](json& r) { r.erase("title"); });
  bad("an unknown field", [](json& r) { r["colour"] = "red"; });
  bad("schema version 2", [](json& r) { r["schema_version"] = 2; });
  bad("a lower-case currency",
      [&](json& r) { entity(r, "money")["currency"] = "usd"; });
  bad("a field of another type",
      [&](json& r) { entity(r, "money")["value_nm"] = 5; });
  bad("a week precision",
      [&](json& r) { entity(r, "date")["precision"] = "week"; });
  bad("a date without year_inferred",
      [&](json& r) { entity(r, "date").erase("year_inferred"); });
  bad("a footnote entity without its number",
      [&](json& r) { entity(r, "url")["field"] = "footnote"; });
  bad("a body entity with a footnote number",
      [&](json& r) { entity(r, "percent")["footnote"] = 1; });
  bad("column 0", [&](json& r) { entity(r, "org")["col"] = 0; });
  bad("an entity type of no kind",
      [&](json& r) { entity(r, "org")["type"] = "person"; });
  std::vector<json> all;
  for (const auto& c : cases) all.push_back(c.second);
  std::vector<std::string> verdicts = Validate(all);
  if (verdicts.empty()) {
    WARN("python3 jsonschema not installed: records not validated");
    return;
  }
  REQUIRE(verdicts.size() == cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    INFO(cases[i].first);
    CHECK(verdicts[i] == (i < records.size() ? "ok" : "bad"));
  }
}

TEST_CASE("EntityAttrRank: an entity's fields in the schema's order",
          "[schema]") {
  struct Case {
    const char* type;
    const char* key;
    int rank;
  };
  const Case kCases[] = {
      {"money", "value", 0},    {"money", "value_max", 1},
      {"money", "currency", 2}, {"money", "qualifier", 4},
      {"date", "value", 0},     {"date", "precision", 1},
      {"org", "name", 0},       {"org", "country", 2},
      {"money", "colour", INT_MAX},  // not in the schema
      {"person", "name", INT_MAX},   // no such type
  };
  for (const auto& k : kCases) {
    INFO(k.type << "." << k.key);
    CHECK(EntityAttrRank(k.type, k.key) == k.rank);
  }
}

TEST_CASE("RecordJson: an entity's fields are written in the schema's order",
          "[schema]") {
  Article a;
  a.path = "x.txt";
  a.index = a.line = a.end_line = 1;
  a.body.text = "约300美元";
  a.body.length = 6;
  Entity e;
  e.type = "money";
  e.rule = "money.amount";
  e.text = a.body.text;
  e.field = "text";
  e.end = 6;
  e.line = e.col = 1;
  e.attrs = {{"qualifier", AttrValue::String("approx")},
             {"currency", AttrValue::String("USD")},
             {"value", AttrValue::Number("300")}};
  a.entities.push_back(e);
  std::string text = RecordJson(a, RecordOptions());
  size_t v = text.find("\"value\""), c = text.find("\"currency\""),
         q = text.find("\"qualifier\"");
  REQUIRE(v != std::string::npos);
  CHECK(v < c);
  CHECK(c < q);
}

}  // namespace
}  // namespace bulletin

#include "record.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "layout.h"

namespace bulletin {
namespace {

using nlohmann::json;

Field MakeField(const std::string& text, int line) {
  Field f;
  f.text = text;
  f.length = CodePoints(text);
  f.anchors.push_back({0, line, 1});
  return f;
}

// A small article as the segmenter and extractor would leave it.
Article HandBuilt() {
  Article a;
  a.path = "issue.txt";
  a.index = 2;
  a.line = 10;
  a.end_line = 20;
  a.title = MakeField("台积电宣布扩产", 10);
  a.title_line = 10;
  a.authors = {"于某", "王某"};
  a.byline = "（执笔：于某 王某）";
  a.byline_line = 20;
  a.body = MakeField("台积电将投资 520 亿美元。\n第二段，增长 9.5%。", 12);
  Footnote fn;
  fn.number = 1;
  fn.text = MakeField("星河研究院. https://www.example.org/a", 22);
  fn.urls = {"https://www.example.org/a"};
  fn.url_lines = {22};
  a.footnotes.push_back(fn);
  a.refs.push_back({1, 2, 5, 12, 6});

  Entity org;
  org.type = "org";
  org.rule = "org.gazetteer";
  org.text = "台积电";
  org.field = "title";
  org.start = 0;
  org.end = 3;
  org.line = 10;
  org.col = 1;
  org.sentence = 0;
  org.sentence_text = "台积电宣布扩产";
  org.attrs = {{"name", AttrValue::String("TSMC")},
               {"kind", AttrValue::String("company")}};
  a.entities.push_back(org);

  Entity money;
  money.type = "money";
  money.rule = "money.amount";
  money.text = "520 亿美元";
  money.field = "text";
  money.start = 7;
  money.end = 14;
  money.line = 12;
  money.col = 8;
  money.sentence = 0;
  money.sentence_text = "台积电将投资 520 亿美元。";
  money.attrs = {{"value", AttrValue::Number("52000000000")},
                 {"currency", AttrValue::String("USD")}};
  a.entities.push_back(money);

  Entity pct;
  pct.type = "percent";
  pct.rule = "percent.sign";
  pct.text = "9.5%";
  pct.field = "text";
  pct.start = 23;
  pct.end = 27;
  pct.line = 13;
  pct.col = 8;
  pct.attrs = {{"value", AttrValue::Number("9.5")}};
  a.entities.push_back(pct);

  Entity url;
  url.type = "url";
  url.rule = "url.web";
  url.text = "https://www.example.org/a";
  url.field = "footnote";
  url.footnote = 1;
  url.start = 7;
  url.end = 32;
  url.line = 22;
  url.col = 8;
  url.attrs = {{"value", AttrValue::String("https://www.example.org/a")}};
  a.entities.push_back(url);
  return a;
}

json Record(const Article& a, bool pretty = false, bool context = false) {
  RecordOptions opt;
  opt.pretty = pretty;
  opt.context = context;
  return json::parse(RecordJson(a, opt));
}

TEST_CASE("A record has schema_version 1, its source and its index",
          "[record]") {
  json j = Record(HandBuilt());
  CHECK(j["schema_version"] == 1);
  CHECK(j["source"]["path"] == "issue.txt");
  CHECK(j["source"]["line"] == 10);
  CHECK(j["source"]["end_line"] == 20);
  CHECK(j["index"] == 2);
}

TEST_CASE("The section is null when the article has none", "[record]") {
  json j = Record(HandBuilt());
  REQUIRE(j.contains("section"));
  CHECK(j["section"].is_null());
}

TEST_CASE("The section is a string when the article has one", "[record]") {
  Article a = HandBuilt();
  a.has_section = true;
  a.section = "产业动态";
  CHECK(Record(a)["section"] == "产业动态");
}

TEST_CASE("Title, authors, text and footnotes are written as given",
          "[record]") {
  json j = Record(HandBuilt());
  CHECK(j["title"] == "台积电宣布扩产");
  CHECK(j["authors"] == json::array({"于某", "王某"}));
  CHECK(j["text"] == "台积电将投资 520 亿美元。\n第二段，增长 9.5%。");
  REQUIRE(j["footnotes"].size() == 1);
  CHECK(j["footnotes"][0]["number"] == 1);
  CHECK(j["footnotes"][0]["text"] == "星河研究院. https://www.example.org/a");
  CHECK(j["footnotes"][0]["urls"] ==
        json::array({"https://www.example.org/a"}));
}

TEST_CASE("Empty authors, footnotes and entities are empty arrays",
          "[record]") {
  Article a;
  a.path = "-";
  a.index = 1;
  a.line = 1;
  a.end_line = 1;
  a.title = MakeField("标题", 1);
  json j = Record(a);
  CHECK(j["authors"].is_array());
  CHECK(j["authors"].empty());
  CHECK(j["footnotes"].is_array());
  CHECK(j["footnotes"].empty());
  CHECK(j["entities"].is_array());
  CHECK(j["entities"].empty());
  CHECK(j["text"] == "");
  CHECK(j["source"]["path"] == "-");
}

TEST_CASE("Footnote reference marks are written with their range", "[record]") {
  json j = Record(HandBuilt());
  REQUIRE(j["footnote_refs"].size() == 1);
  CHECK(j["footnote_refs"][0]["number"] == 1);
  CHECK(j["footnote_refs"][0]["number_max"] == 2);
  CHECK(j["footnote_refs"][0]["offset"] == 5);
  CHECK(j["footnote_refs"][0]["line"] == 12);
}

TEST_CASE("Entities carry the common fields and their normalised fields",
          "[record]") {
  json j = Record(HandBuilt());
  REQUIRE(j["entities"].size() == 4);
  const json& org = j["entities"][0];
  CHECK(org["type"] == "org");
  CHECK(org["text"] == "台积电");
  CHECK(org["name"] == "TSMC");
  CHECK(org["kind"] == "company");
  CHECK(org["field"] == "title");
  CHECK(org["start"] == 0);
  CHECK(org["end"] == 3);
  CHECK(org["line"] == 10);
  CHECK(org["col"] == 1);
  CHECK(org["rule"] == "org.gazetteer");
  CHECK_FALSE(org.contains("footnote"));

  const json& money = j["entities"][1];
  CHECK(money["value"].is_number_integer());
  CHECK(money["value"].get<long long>() == 52000000000LL);
  CHECK(money["currency"] == "USD");
  CHECK(money["field"] == "text");
  CHECK_FALSE(money.contains("footnote"));

  const json& pct = j["entities"][2];
  CHECK(pct["value"].is_number());
  CHECK(pct["value"].get<double>() == Approx(9.5));
}

TEST_CASE("A footnote entity names its footnote", "[record]") {
  json j = Record(HandBuilt());
  const json& url = j["entities"][3];
  CHECK(url["field"] == "footnote");
  CHECK(url["footnote"] == 1);
  CHECK(url["value"] == "https://www.example.org/a");
}

TEST_CASE("Entity offsets select the entity's text from its field",
          "[record]") {
  // What jq users rely on: .text[.start:.end] of the field is the entity.
  json j = Record(HandBuilt());
  for (const json& e : j["entities"]) {
    std::string field;
    if (e["field"] == "title") field = j["title"];
    if (e["field"] == "text") field = j["text"];
    if (e["field"] == "footnote")
      for (const json& f : j["footnotes"])
        if (f["number"] == e["footnote"]) field = f["text"];
    std::u32string cps;
    for (size_t i = 0; i < field.size();) {
      unsigned char c = static_cast<unsigned char>(field[i]);
      int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
      for (int k = 1; k < n; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(field[i + k]) & 0x3F);
      cps.push_back(cp);
      i += n;
    }
    int start = e["start"], end = e["end"];
    REQUIRE(end <= static_cast<int>(cps.size()));
    std::string sub;
    // Re-encode the slice to compare with the entity text.
    for (int i = start; i < end; ++i) {
      char32_t c = cps[i];
      if (c < 0x80) {
        sub.push_back(static_cast<char>(c));
      } else if (c < 0x800) {
        sub.push_back(static_cast<char>(0xC0 | (c >> 6)));
        sub.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      } else if (c < 0x10000) {
        sub.push_back(static_cast<char>(0xE0 | (c >> 12)));
        sub.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        sub.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      } else {
        sub.push_back(static_cast<char>(0xF0 | (c >> 18)));
        sub.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        sub.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        sub.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      }
    }
    CHECK(sub == e["text"].get<std::string>());
  }
}

TEST_CASE("A record is one line, with newlines in text escaped", "[record]") {
  std::string s = RecordJson(HandBuilt(), RecordOptions());
  CHECK(s.find('\n') == std::string::npos);
  CHECK(s.find("\\n") != std::string::npos);
}

TEST_CASE("Non-ASCII text is written as UTF-8, not escaped", "[record]") {
  std::string s = RecordJson(HandBuilt(), RecordOptions());
  CHECK(s.find("台积电宣布扩产") != std::string::npos);
  CHECK(s.find("\\u") == std::string::npos);
}

TEST_CASE("The pretty form is indented and holds the same record", "[record]") {
  RecordOptions pretty;
  pretty.pretty = true;
  std::string s = RecordJson(HandBuilt(), pretty);
  CHECK(s.find('\n') != std::string::npos);
  CHECK(s.find("\n  \"schema_version\": 1") != std::string::npos);
  CHECK(json::parse(s) == Record(HandBuilt()));
}

TEST_CASE("The context option adds each entity's sentence", "[record]") {
  json plain = Record(HandBuilt());
  json with = Record(HandBuilt(), false, true);
  CHECK_FALSE(plain["entities"][1].contains("context"));
  CHECK(with["entities"][1]["context"] == "台积电将投资 520 亿美元。");
}

TEST_CASE("The fields of a record come in the documented order", "[record]") {
  std::string s = RecordJson(HandBuilt(), RecordOptions());
  size_t last = 0;
  for (const char* key : {"\"schema_version\"", "\"source\"", "\"index\"",
                          "\"section\"", "\"title\"", "\"authors\"", "\"text\"",
                          "\"footnotes\"", "\"entities\""}) {
    size_t p = s.find(key);
    INFO(key);
    REQUIRE(p != std::string::npos);
    CHECK(p >= last);
    last = p;
  }
}

TEST_CASE("Invalid UTF-8 is never dropped silently from a record", "[record]") {
  Article a = HandBuilt();
  a.body.text = "bad \xFF byte";
  a.entities.clear();
  // Strict: either the record keeps the bytes visibly (U+FFFD) or it fails
  // loudly (an error Status, no exception); it never drops them.
  std::string s;
  Status st = RecordJson(a, RecordOptions(), &s);
  CHECK((st.ok() || !st.message.empty()));
  if (st.ok()) {
    json j = json::parse(s);
    CHECK(j["text"] != "bad  byte");
    CHECK(j["text"] != "bad byte");
  }
}

TEST_CASE("Control characters in text are escaped", "[record]") {
  Article a = HandBuilt();
  a.body.text = "tab\there \x01 end";
  a.entities.clear();
  std::string s = RecordJson(a, RecordOptions());
  CHECK(s.find('\t') == std::string::npos);
  CHECK(s.find('\x01') == std::string::npos);
  CHECK(json::parse(s)["text"] == "tab\there \x01 end");
}

TEST_CASE("A jsonl document's id and kept fields are copied as given",
          "[record]") {
  Article a = HandBuilt();
  a.jsonl_line = 3;
  a.id_json = "17";
  a.meta = {{"lang", "\"zh\""}};
  auto j = nlohmann::json::parse(RecordJson(a, RecordOptions()));
  CHECK(j["source"]["jsonl_line"] == 3);
  CHECK(j["id"] == 17);
  CHECK(j["meta"] == nlohmann::json{{"lang", "zh"}});
  auto plain = nlohmann::json::parse(RecordJson(HandBuilt(), RecordOptions()));
  CHECK(!plain.contains("id"));
  CHECK(!plain.contains("meta"));
  CHECK(!plain["source"].contains("jsonl_line"));
}

TEST_CASE("The record schema is a JSON Schema document", "[record]") {
  json schema = json::parse(RecordSchema());
  CHECK(schema.is_object());
  CHECK(schema["$schema"].get<std::string>().find("2020-12") !=
        std::string::npos);
}

// The direct writer against the nlohmann tree it replaces, on records that
// use every branch: escapes, numbers of each form, pages, no section,
// footnote entities, ranges of footnote marks, counters, the context.
TEST_CASE("The record written directly equals the dumped tree byte for byte",
          "[record]") {
  std::vector<Article> cases;
  cases.push_back(HandBuilt());
  Article odd = HandBuilt();
  odd.has_section = true;
  odd.section = "Quote \" and back\\slash";
  odd.path = "dir/with \"quote\".txt";
  odd.page = 3;
  odd.end_page = 4;
  odd.body.text = std::string("ctl \x01\x1f del \x7f bs \b ff \f cr \r tab \t nl \n") +
                  "\xE2\x80\xA8 end";
  odd.byline.clear();
  odd.authors.clear();
  odd.refs.push_back({2, 4, 9, 13, 2});
  odd.unplaced_lines = 2;
  odd.dropped_lines = 5;
  odd.entities[1].attrs = {{"value", AttrValue::Number("-3")},
                           {"value_max", AttrValue::Number("0.000015")},
                           {"big", AttrValue::Number("123456789012345678901234")},
                           {"neg_big", AttrValue::Number("-99999999999999999999")},
                           {"approx", AttrValue::Bool(true)},
                           {"exact", AttrValue::Bool(false)},
                           {"none", AttrValue::Null()},
                           {"note", AttrValue::String("a\tb")}};
  odd.entities[2].page = 7;
  odd.entities[2].sentence = -1;
  cases.push_back(odd);
  Article jsonl = HandBuilt();  // a document of JSON Lines input
  jsonl.jsonl_line = 12;
  jsonl.id_json = "\"doc \\\" 1\"";
  jsonl.meta = {{"src", "{\"a\":[1,2.5,null],\"b\":\"x\"}"},
                {"key \"q\"", "true"}};
  cases.push_back(jsonl);
  Article empty;
  cases.push_back(empty);
  for (bool context : {false, true}) {
    RecordOptions opt;
    opt.context = context;
    for (const auto& a : cases) {
      std::string direct = RecordJson(a, opt);
      CHECK(direct == RecordJsonTree(a, opt));
    }
  }
  // An attribute named like a fixed key: the tree keeps one key; so does
  // the record.
  Article clash = HandBuilt();
  clash.entities[0].attrs.push_back({"rule", AttrValue::String("x")});
  CHECK(RecordJson(clash, RecordOptions()) ==
        RecordJsonTree(clash, RecordOptions()));
}

}  // namespace
}  // namespace bulletin

namespace bulletin {
namespace {

TEST_CASE("A record that cannot be built is an error at its line, not a throw",
          "[record]") {
  Article a = HandBuilt();
  a.title.text = "bad \xFF byte";  // invalid UTF-8, which the decoder prevents
  for (bool pretty : {false, true}) {
    RecordOptions opt;
    opt.pretty = pretty;
    std::string out = "old";
    Status s = RecordJson(a, opt, &out);
    CHECK_FALSE(s.ok());
    CHECK(s.code == StatusCode::kBadInput);
    CHECK(s.file == "issue.txt");
    CHECK(s.line == 10);
    CHECK(s.message.find("record 2 not written") == 0);
    CHECK(out.empty());
    CHECK(RecordJson(a, opt).empty());
  }
  std::string out;
  CHECK(RecordJson(HandBuilt(), RecordOptions{}, &out).ok());
  CHECK(out == RecordJsonTree(HandBuilt(), RecordOptions{}));
}

}  // namespace
}  // namespace bulletin

// normalize: the tables of rules/ and the normalisers that turn a match's
// named groups into an entity's fields (src/normalize.h). The groups are
// given here by hand, as a rule would fill them; every figure was written
// for this test.
#include "normalize.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "builtin_fixtures.h"
#include "test_dirs.h"

namespace bulletin {
namespace {

using testing::BuiltinTables;
using testing::GroupList;

Groups Make(const GroupList& list) { return testing::MakeGroups(list); }
std::string Joined(const Attrs& attrs) { return testing::JoinedAttrs(attrs); }
const Tables& Builtin() { return BuiltinTables(); }

TEST_CASE("Tables::Number: every written form of a number", "[normalize]") {
  struct Case {
    const char* text;
    const char* value;  // nullptr: no number
  };
  const Case kCases[] = {
      {"12", "12"},
      {"３．５", "3.5"},         // full width
      {"三点五", "3.5"},         // a Chinese decimal
      {"十二点零五", "12.05"},
      {"一千二百", "1200"},
      {"3 000", "3000"},         // blanks inside a figure
      {"1.\n5", "1.5"},          // a decimal broken after its point
      {"2\u20095", "25"},        // a thin space
      {"三点", nullptr},         // a point with nothing after it
      {"三点十", nullptr},       // after the point, digits only
      {"abc", nullptr},
      {"", nullptr},
  };
  for (const auto& k : kCases) {
    INFO(k.text);
    auto v = Builtin().Number(k.text);
    if (k.value == nullptr) {
      CHECK(!v.has_value());
    } else {
      REQUIRE(v.has_value());
      CHECK(v->ToString() == k.value);
    }
  }
}

struct NormCase {
  const char* type;
  GroupList groups;
  const char* attrs;  // nullptr: the match is rejected
};

void RunCases(const std::vector<NormCase>& cases) {
  for (const auto& k : cases) {
    std::string what = k.type;
    for (const auto& [g, v] : k.groups) what += std::string(" ") + g + "=" + v;
    INFO(what);
    Entity e;
    e.type = k.type;
    DocContext ctx;
    bool ok = Builtin().Normalize(k.type, Make(k.groups), &e, &ctx);
    if (k.attrs == nullptr) {
      CHECK_FALSE(ok);
    } else {
      CHECK(ok);
      CHECK(Joined(e.attrs) == k.attrs);
    }
  }
}

TEST_CASE("Tables::Normalize: money", "[normalize]") {
  RunCases({
      {"money", {{"num", "5"}, {"scale", "亿"}, {"cur", "美元"}},
       "value=500000000;currency=USD"},
      {"money", {{"num", "2.5"}, {"scale", "Billion"}, {"cur", "美元"}},
       "value=2500000000;currency=USD"},
      // A scale written once, on the upper end, applies to both ends.
      {"money",
       {{"num", "10"}, {"num_max", "20"}, {"scale_max", "亿"}, {"cur", "港元"}},
       "value=1000000000;value_max=2000000000;currency=HKD"},
      {"money", {{"neg", "-"}, {"num", "3"}, {"cur", "美元"}},
       "value=-3;currency=USD"},
      {"money", {{"neg", "-"}, {"num", "0"}, {"cur", "美元"}},
       "value=0;currency=USD"},  // never -0
      {"money", {{"qual_pre", "约"}, {"num", "30"}, {"cur", "美元"}},
       "value=30;currency=USD;qualifier=approx"},
      // 元 alone is marked for InferCurrencies.
      {"money", {{"num", "5"}, {"cur", "元"}},
       "value=5;currency=CNY;currency_bare=true"},
      {"money", {{"num", "3"}, {"jiao", "5"}, {"fen", "2"}, {"cur", "元"}},
       "value=3.52;currency=CNY;currency_bare=true"},
      {"money", {{"num", "3.5"}, {"jiao", "2"}, {"cur", "元"}}, nullptr},
      // Both ends name a currency: the same one, or no amount.
      {"money",
       {{"num", "5000"}, {"scale", "万"}, {"cur", "美元"}, {"num_max", "1"},
        {"scale_max", "亿"}, {"cur_max", "港元"}},
       nullptr},
      {"money", {{"num", "5"}, {"cur", "不是货币"}}, nullptr},
      {"money", {{"num", "五点"}, {"cur", "美元"}}, nullptr},
      {"money", {{"num", "5"}, {"scale", "gazillion"}, {"cur", "美元"}},
       nullptr},
  });
}

TEST_CASE("Tables::Normalize: percents", "[normalize]") {
  RunCases({
      {"percent", {{"num", "9.5"}}, "value=9.5"},
      {"percent", {{"num", "3"}, {"pp", "个百分点"}}, "value=3;unit=pp"},
      {"percent", {{"num", "10"}, {"num_max", "20"}}, "value=10;value_max=20"},
      {"percent", {{"num", "三"}, {"tenths", "成"}}, "value=30"},
      {"percent", {{"num", "七"}, {"tenths", "成"}, {"tenth_add", "五"}},
       "value=75"},
      {"percent", {{"num", "15"}, {"tenths", "成"}}, nullptr},  // over 100%
      {"percent", {{"num", "八"}, {"discount", "折"}}, "value=80"},
      {"percent", {{"num", "85"}, {"discount", "折"}}, "value=85"},
      {"percent", {{"num", "十"}, {"discount", "折"}}, nullptr},  // no discount
      {"percent", {{"discount", "对折"}}, "value=50"},
      {"percent", {{"full", "百分之百"}}, "value=100"},
      {"percent", {{"num", "5"}, {"permille", "千分之"}}, "value=0.5"},
      {"percent", {{"num", "5"}, {"permyriad", "万分之"}}, "value=0.05"},
      {"percent", {{"neg", "负"}, {"num", "2"}}, "value=-2"},
  });
}

TEST_CASE("Tables::Normalize: quantities, process nodes and URLs",
          "[normalize]") {
  RunCases({
      {"quantity", {{"num", "300"}, {"unit", "米"}}, "value=300;unit=米;unit_text=米"},
      {"quantity", {{"num", "3"}, {"unit", "米"}, {"half", "半"}},
       "value=3.5;unit=米;unit_text=米"},
      {"quantity", {{"num", "3.5"}, {"unit", "米"}, {"half", "半"}}, nullptr},
      // A unit not in units.tsv is kept, width-folded.
      {"quantity", {{"num", "4"}, {"unit", "ｘｙ"}}, "value=4;unit=xy;unit_text=ｘｙ"},
      // 数十: an unknown digit, 10 to 90.
      {"quantity", {{"few_x", "数十"}, {"unit", "米"}},
       "value=10;value_max=90;unit=米;unit_text=米;qualifier=approx"},
      {"quantity", {{"few_pre", "十"}, {"unit", "米"}},
       "value=11;value_max=19;unit=米;unit_text=米;qualifier=approx"},
      {"process_node", {{"num", "28"}}, "value_nm=28"},
      {"process_node", {{"um", "0.25"}}, "value_nm=250"},
      {"process_node", {{"um", "0.18"}, {"um_max", "0.13"}},
       "value_nm=180;value_nm_max=130"},
      {"process_node", {{"um", "5"}}, nullptr},  // no node is 5 µm
      {"process_node", {{"angstrom", "18"}}, "value_nm=1.8"},
  });
}

TEST_CASE("Tables::Normalize: a unit and its other spellings give one unit",
          "[normalize]") {
  auto unit_of = [](const char* written) {
    Entity e;
    DocContext ctx;
    REQUIRE(Builtin().Normalize("quantity", Make({{"num", "2"}, {"unit", written}}),
                                &e, &ctx));
    const AttrValue* u = FindAttr(e.attrs, "unit");
    REQUIRE(u != nullptr);
    return u->text();
  };
  std::string kg = unit_of("公斤");
  CHECK(unit_of("kg") == kg);
  CHECK(unit_of("KG") == kg);  // a symbol tagged ci, in another case
  CHECK(unit_of("千克") == kg);
  // A symbol without the ci tag keeps its case apart: MB is not mb.
  CHECK(unit_of("MB") != unit_of("mb"));
}

TEST_CASE("Tables::Normalize: a URL's scheme and host are lower-cased, the "
          "rest kept",
          "[normalize]") {
  struct Case {
    const char* text;
    const char* value;
  };
  const Case kCases[] = {
      {"HTTPS://Example.ORG/Path?Q=A#Frag", "https://example.org/Path?Q=A#Frag"},
      {"www.Example.org/A", "www.example.org/A"},
      {"http://Me@Example.COM/X", "http://Me@example.com/X"},
      {"https://t.co/Xy12", "https://t.co/Xy12"},
      {"HTTP://EXAMPLE.ORG", "http://example.org"},
  };
  for (const auto& k : kCases) {
    INFO(k.text);
    Entity e;
    e.text = k.text;
    DocContext ctx;
    REQUIRE(Builtin().Normalize("url", Groups(), &e, &ctx));
    CHECK(Joined(e.attrs) == std::string("value=") + k.value);
  }
}

TEST_CASE("Tables::Normalize: a Taiwanese currency word marks the document",
          "[normalize]") {
  Entity e;
  DocContext ctx;
  REQUIRE(Builtin().Normalize(
      "money", Make({{"num", "42"}, {"scale", "億"}, {"cur", "新台幣"}}), &e, &ctx));
  CHECK(ctx.taiwan);
  Entity f;
  DocContext other;
  REQUIRE(Builtin().Normalize("money", Make({{"num", "42"}, {"cur", "美元"}}), &f,
                              &other));
  CHECK_FALSE(other.taiwan);
}

TEST_CASE("Tables::KnownType and Alternation", "[normalize]") {
  for (const char* t : {"money", "percent", "quantity", "process_node", "date", "url"})
    CHECK(Tables::KnownType(t));
  CHECK_FALSE(Tables::KnownType("org"));  // the matcher's, not a normaliser's
  CHECK_FALSE(Tables::KnownType(""));
  std::string alt;
  REQUIRE(Builtin().Alternation("scales.tsv", "", &alt));
  // Longest first, so that RE2's leftmost-first takes the whole word.
  CHECK(alt.find("thousand") < alt.find("mn"));
  REQUIRE(Builtin().Alternation("qualifiers.tsv", "post", &alt));
  CHECK(alt.find("左右") != std::string::npos);
  CHECK(alt.find("大约") == std::string::npos);  // a pre qualifier
  CHECK_FALSE(Builtin().Alternation("no-such.tsv", "", &alt));
  CHECK_FALSE(Builtin().Alternation("qualifiers.tsv", "no-such-tag", &alt));
  REQUIRE(Builtin().Row("currencies.tsv", "美元") != nullptr);
  CHECK((*Builtin().Row("currencies.tsv", "美元"))[0] == "USD");
  CHECK(Builtin().Row("currencies.tsv", "不是货币") == nullptr);
}

TEST_CASE("Tables::Load: a bad row of a --rules table names file:line:col",
          "[normalize]") {
  struct Case {
    const char* file;
    const char* text;
    int line, col;
    const char* message;  // a part of it
  };
  const Case kCases[] = {
      {"scales.tsv", "zillion\t6\ngazillion\t99\n", 2, 11, "power of ten"},
      {"scales.tsv", "zillion\tx\n", 1, 9, "power of ten"},
      {"numerals.tsv", "# ok\n七\tnonsense\t7\n", 2, 3, "unknown kind"},
      {"numerals.tsv", "ab\tdigit\t1\n", 1, 1, "not one non-ASCII character"},
      {"currencies.tsv", "克朗币\n", 1, 4, "expected"},
  };
  for (const auto& k : kCases) {
    INFO(k.file << ": " << k.text);
    testing::ScratchDir dir(testing::FileList{{k.file, k.text}});
    RuleFiles files = RuleFiles::Builtin();
    REQUIRE(files.AddDirectory(dir.path()).ok());
    std::vector<Status> errors;
    Tables::Load(files, &errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == StatusCode::kBadRules);
    CHECK(errors[0].file == dir.path() + "/" + k.file);
    CHECK(errors[0].line == k.line);
    CHECK(errors[0].col == k.col);
    CHECK(errors[0].message.find(k.message) != std::string::npos);
  }
}

TEST_CASE("Tables::Load: --rules rows add to the built-in ones and win",
          "[normalize]") {
  testing::ScratchDir dir(
      testing::FileList{{"scales.tsv", "zillion\t15\nmillion\t7\n"}});
  RuleFiles files = RuleFiles::Builtin();
  REQUIRE(files.AddDirectory(dir.path()).ok());
  std::vector<Status> errors;
  auto t = Tables::Load(files, &errors);
  REQUIRE(t != nullptr);
  CHECK(errors.empty());
  auto value = [&](const char* scale) {
    Entity e;
    DocContext ctx;
    REQUIRE(t->Normalize("money", Make({{"num", "1"}, {"scale", scale}, {"cur", "美元"}}),
                         &e, &ctx));
    return FindAttr(e.attrs, "value")->text();
  };
  CHECK(value("zillion") == "1000000000000000");
  CHECK(value("million") == "10000000");
  CHECK(value("billion") == "1000000000");
}

// A money entity as Normalize leaves it, placed in a sentence.
Entity Money(const GroupList& g, int start, int sentence = 0) {
  Entity e;
  e.type = "money";
  e.field = "text";
  e.start = start;
  e.sentence = sentence;
  DocContext ctx;
  REQUIRE(Builtin().Normalize("money", Make(g), &e, &ctx));
  return e;
}

TEST_CASE("Tables::InferCurrencies: 元 alone takes the currency of its context",
          "[normalize]") {
  // Traditional script text; the amounts' texts do not matter here.
  const std::string hant = "本會今年撥款與補助。";
  const std::string hans = "本会今年拨款与补助。";
  struct Case {
    const char* name;
    const std::string* text;
    const char* other_cur;  // an explicit amount in the same sentence, or ""
    int other_sentence;
    const char* locale;
    const char* currency;  // the bare amount's currency after
    bool inferred;
  };
  const Case kCases[] = {
      {"the same sentence names HKD", &hant, "港元", 0, "", "HKD", true},
      {"... even in Simplified text", &hans, "港元", 0, "", "HKD", true},
      {"USD is no local yuan", &hant, "美元", 0, "", "CNY", false},
      {"the article's HKD amounts", &hant, "港元", 1, "", "HKD", true},
      {"Simplified text means renminbi", &hans, "港元", 1, "", "CNY", false},
      {"no evidence", &hant, "", 0, "", "CNY", false},
      {"--locale", &hant, "", 0, "TWD", "TWD", true},
  };
  for (const auto& k : kCases) {
    INFO(k.name);
    std::vector<Entity> ents;
    ents.push_back(Money({{"num", "5"}, {"cur", "元"}}, 10));
    if (*k.other_cur)
      ents.push_back(Money({{"num", "8"}, {"cur", k.other_cur}}, 2, k.other_sentence));
    DocContext ctx;
    ctx.locale_currency = k.locale;
    Builtin().InferCurrencies({*k.text}, &ents, 0, &ctx);
    REQUIRE(!ents.empty());
    CHECK(FindAttr(ents[0].attrs, "currency")->text() == k.currency);
    CHECK((FindAttr(ents[0].attrs, "currency_inferred") != nullptr) == k.inferred);
    CHECK(FindAttr(ents[0].attrs, "currency_bare") == nullptr);  // mark removed
  }
}

TEST_CASE("Tables::InferCurrencies: 億 with no currency word needs evidence",
          "[normalize]") {
  const std::string text = "今年投資與營收。";
  {
    std::vector<Entity> ents;
    ents.push_back(Money({{"num", "36"}, {"scale_only", "億"}, {"scale", "億"}}, 0));
    DocContext ctx;
    Builtin().InferCurrencies({text}, &ents, 0, &ctx);
    CHECK(ents.empty());  // no currency anywhere: no money
  }
  {
    std::vector<Entity> ents;
    ents.push_back(Money({{"num", "36"}, {"scale_only", "億"}, {"scale", "億"}}, 0));
    ents.push_back(Money({{"num", "2"}, {"scale", "萬"}, {"cur", "美元"}}, 9));
    DocContext ctx;
    Builtin().InferCurrencies({text}, &ents, 0, &ctx);
    REQUIRE(ents.size() == 2);
    CHECK(FindAttr(ents[0].attrs, "currency")->text() == "USD");
    CHECK(FindAttr(ents[0].attrs, "currency_inferred") != nullptr);
    CHECK(FindAttr(ents[0].attrs, "currency_scale_only") == nullptr);
  }
  {
    // A price (under 10^4) beside it is no evidence.
    std::vector<Entity> ents;
    ents.push_back(Money({{"num", "36"}, {"scale_only", "億"}, {"scale", "億"}}, 0));
    ents.push_back(Money({{"num", "15"}, {"cur", "美元"}}, 9));
    DocContext ctx;
    Builtin().InferCurrencies({text}, &ents, 0, &ctx);
    REQUIRE(ents.size() == 1);
    CHECK(FindAttr(ents[0].attrs, "value")->text() == "15");
  }
}

TEST_CASE("Tables::InferCurrencies: only entities from `first` on, and the "
          "document's evidence grows",
          "[normalize]") {
  const std::string hant = "本會今年撥款與補助。";
  std::vector<Entity> ents;
  ents.push_back(Money({{"num", "1"}, {"cur", "元"}}, 0));  // an earlier article's
  ents.push_back(Money({{"num", "8"}, {"cur", "港元"}}, 2));
  DocContext ctx;
  Builtin().InferCurrencies({hant}, &ents, 1, &ctx);
  CHECK(FindAttr(ents[0].attrs, "currency_bare") != nullptr);  // untouched
  CHECK(ctx.currency_amounts["HKD"] == 1);
  // The next article's bare 元, with no amount of its own, takes the
  // document's currency.
  std::vector<Entity> next;
  next.push_back(Money({{"num", "5"}, {"cur", "元"}}, 0));
  Builtin().InferCurrencies({hant}, &next, 0, &ctx);
  CHECK(FindAttr(next[0].attrs, "currency")->text() == "HKD");
}

}  // namespace
}  // namespace bulletin

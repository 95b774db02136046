// orgs: the organisation matcher (src/orgs.h): gazetteer names with the
// country written before them, unknown organisations by their suffix,
// abbreviations introduced in brackets and kept for the document, and the
// rows of a --rules directory, bad ones reported at file:line:col. Every
// sentence and name was written for this test (the gazetteer's are real
// organisations of rules/orgs.tsv).
#include "orgs.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "builtin_fixtures.h"
#include "test_dirs.h"

namespace bulletin {
namespace {

using testing::JoinedAttrs;
using testing::ScratchDir;

OrgMatcher& Builtin() {
  return testing::LoadedOnce<OrgMatcher>([](std::vector<Status>* errors) {
    return OrgMatcher::Load(RuleFiles::Builtin(), errors);
  });
}

// The hits of `text` as "surface rule attrs" rows joined by " / ".
// `doc` is what the document taught so far (none: a document of its own).
std::string Found(const OrgMatcher& m, const std::string& text,
                  OrgContext* doc = nullptr) {
  OrgContext alone;
  std::string out;
  for (const auto& h : m.Find(text, doc ? doc : &alone)) {
    if (!out.empty()) out += " / ";
    out += text.substr(h.begin, h.end - h.begin) + " " + h.rule + " " +
           JoinedAttrs(h.attrs);
  }
  return out;
}

struct OrgCase {
  const char* text;
  const char* found;  // what Found gives; "" for nothing
};

// Each row alone: a document and an article of its own.
void RunOrgs(const std::vector<OrgCase>& cases) {
  for (const auto& k : cases) {
    INFO(k.text);
    CHECK(Found(Builtin(), k.text) == k.found);
  }
}

TEST_CASE("OrgMatcher: gazetteer names, with a country before them",
          "[orgs]") {
  RunOrgs({
      {"华为公司与清华大学昨日签约。",
       "华为公司 org.gazetteer name=Huawei;kind=company;country=CN / "
       "清华大学 org.gazetteer name=Tsinghua University;kind=university;"
       "country=CN"},
      {"美国商务部发布了新规。",
       "美国商务部 org.gazetteer name=US Department of Commerce;"
       "kind=government;country=US"},
      // Latin aliases: any letter case, whole words only.
      {"tsmc and Tsmc, not TSMCs.",
       "tsmc org.gazetteer name=TSMC;kind=company;country=TW / "
       "Tsmc org.gazetteer name=TSMC;kind=company;country=TW"},
      {"", ""},
      {"天气晴朗，没有组织。", ""},
      // State Council bodies: a ministry with no head before it, the
      // central bank as a government body, a Traditional spelling.
      {"自然资源部与國家統計局联合发文。",
       "自然资源部 org.gazetteer name=Chinese Ministry of Natural Resources;"
       "kind=government;country=CN / "
       "國家統計局 org.gazetteer name=National Bureau of Statistics;"
       "kind=government;country=CN"},
      {"中国人民银行宣布降准。",
       "中国人民银行 org.gazetteer name=PBOC;kind=government;country=CN"},
      // Central banks by the names news uses; a country and 银行 followed
      // by 业 or 股 is that country's banks, not its central bank.
      {"美联储加息后，日本央行按兵不动。",
       "美联储 org.gazetteer name=Federal Reserve;kind=government;country=US / "
       "日本央行 org.gazetteer name=Bank of Japan;kind=government;country=JP"},
      {"日本银行业利润回升。", ""},
  });
}

TEST_CASE("OrgMatcher: a shared alias goes to the country named last",
          "[orgs]") {
  RunOrgs({
      {"据俄罗斯媒体报道，国防部称。",
       "国防部 org.gazetteer name=Russian Ministry of Defence;"
       "kind=government;country=RU"},
      {"中国官员表示，国防部称。",
       "国防部 org.gazetteer name=Chinese Ministry of National Defense;"
       "kind=government;country=CN"},
      // No country in the article: the first row of orgs.tsv.
      {"国防部称。",
       "国防部 org.gazetteer name=US Department of Defense;kind=government;"
       "country=US"},
  });
}

TEST_CASE("OrgMatcher: unknown organisations by their suffix", "[orgs]") {
  RunOrgs({
      {"他们与东海理工大学合作。",
       "东海理工大学 org.suffix name=东海理工大学;kind=university;country=CN"},
      {"星河微电子有限公司发布新品。",
       "星河微电子有限公司 org.suffix name=星河微电子有限公司;kind=company"},
      {"Acme Photonics Inc. announced a chip.",
       "Acme Photonics Inc. org.suffix name=Acme Photonics Inc.;kind=company"},
      // A suffix alone is a kind of organisation, not a name.
      {"他们在大学里学习，公司表示满意。", ""},
      // A place and a scope word before a government body make it the
      // province's.
      {"广东省发改委发布通知。",
       "广东省发改委 org.suffix name=广东省发改委;kind=government;country=CN"},
  });
}

TEST_CASE("OrgMatcher: an unknown organisation's suffix gives its kind",
          "[orgs]") {
  RunOrgs({
      {"他们与南岭储能研究所合作。",
       "南岭储能研究所 org.suffix name=南岭储能研究所;kind=research"},
      {"他们与东海电子学会合作。",
       "东海电子学会 org.suffix name=东海电子学会;kind=association;country=CN"},
      {"他们与东海集成电路产业联盟合作。",
       "东海集成电路产业联盟 org.suffix name=东海集成电路产业联盟;"
       "kind=alliance;country=CN"},
      {"他们与青川数字基金会合作。",
       "青川数字基金会 org.suffix name=青川数字基金会;kind=think_tank;"
       "country=CN"},
      // A branch in a city: one organisation, its parent named.
      {"东海银行上海分行开业。",
       "东海银行上海分行 org.suffix name=东海银行上海分行;kind=company;"
       "country=CN;parent=东海银行"},
      // A suffix that says little (研究会) needs a place before the name.
      {"他们与星河芯片研究会合作。", ""},
      {"江苏省星河芯片研究会成立。",
       "江苏省星河芯片研究会 org.suffix name=江苏省星河芯片研究会;"
       "kind=association;country=CN"},
  });
}

TEST_CASE("OrgMatcher: place and industry words before a strong suffix name a body",
          "[orgs]") {
  RunOrgs({
      // Only generic words between the place and 集团 or 研究中心: still
      // one named body, as 江苏省 + 集成电路 + 研究中心 usually is.
      {"浙江省集成电路研究中心发布年报。",
       "浙江省集成电路研究中心 org.suffix name=浙江省集成电路研究中心;"
       "kind=research;country=CN"},
      {"据悉，苏州半导体集团将扩产。",
       "苏州半导体集团 org.suffix name=苏州半导体集团;kind=company;"
       "country=CN"},
      // 公司 says less: a place and generic words before it are a kind of
      // firm, not its name.
      {"据悉，苏州半导体公司将扩产。", ""},
      // Without a place the generic words name nothing.
      {"该半导体集团将扩产。", ""},
  });
}

TEST_CASE("OrgMatcher: an abbreviation in brackets names its organisation",
          "[orgs]") {
  RunOrgs({
      {"东海理工大学（东理工）表示，东理工将扩招。",
       "东海理工大学 org.suffix name=东海理工大学;kind=university;country=CN"
       " / 东理工 org.abbreviation name=东海理工大学;kind=university;"
       "country=CN / 东理工 org.abbreviation name=东海理工大学;"
       "kind=university;country=CN"},
      {"江苏先进光电研究院（以下简称光电院）成立。",
       "江苏先进光电研究院 org.suffix name=江苏先进光电研究院;kind=research;"
       "country=CN / 光电院 org.abbreviation name=江苏先进光电研究院;"
       "kind=research;country=CN"},
      {"Nova Photonics Inc.（NPI）表示，NPI将扩产。",
       "Nova Photonics Inc. org.suffix name=Nova Photonics Inc.;kind=company"
       " / NPI org.abbreviation name=Nova Photonics Inc.;kind=company"
       " / NPI org.abbreviation name=Nova Photonics Inc.;kind=company"},
      {"英特尔（Intel）表示",
       "英特尔 org.gazetteer name=Intel;kind=company;country=US / "
       "Intel org.abbreviation name=Intel;kind=company;country=US"},
  });
}

TEST_CASE("OrgMatcher: an abbreviation lasts until the document ends",
          "[orgs]") {
  const OrgMatcher& m = Builtin();
  OrgContext doc;
  REQUIRE(!m.Find("南岭储能研究院（岭储院）成立。", &doc).empty());
  doc.StartArticle();  // a later article of the same document
  CHECK(Found(m, "岭储院再获资助。", &doc) ==
        "岭储院 org.abbreviation name=南岭储能研究院;kind=research");
  OrgContext next;  // another document
  CHECK(Found(m, "岭储院再获资助。", &next).empty());
}

TEST_CASE("OrgMatcher: documents on two threads at once learn their own "
          "abbreviations", "[orgs]") {
  const OrgMatcher& m = Builtin();
  // Each thread's document gives the same abbreviation another name.
  auto run = [&](const std::string& intro, const std::string& want,
                 int* wrong) {
    for (int i = 0; i < 200; ++i) {
      OrgContext doc;
      m.Find(intro, &doc);
      if (Found(m, "鹭岛所再获资助。", &doc) != want) ++*wrong;
    }
  };
  int wrong1 = 0, wrong2 = 0;
  std::thread t1(run, "东湖光电研究所（鹭岛所）成立。",
                 "鹭岛所 org.abbreviation name=东湖光电研究所;kind=research;"
                 "country=CN",
                 &wrong1);
  std::thread t2(run, "西岭材料研究所（鹭岛所）成立。",
                 "鹭岛所 org.abbreviation name=西岭材料研究所;kind=research",
                 &wrong2);
  t1.join();
  t2.join();
  CHECK(wrong1 == 0);
  CHECK(wrong2 == 0);
}

// The hits of the article's paragraphs, read in order as one article.
std::vector<std::string> FoundInArticle(
    const std::vector<std::string>& paragraphs) {
  OrgContext doc;
  std::vector<std::string> out;
  for (const auto& p : paragraphs) out.push_back(Found(Builtin(), p, &doc));
  return out;
}

TEST_CASE("OrgMatcher: a Taiwanese article gives a shared name its own body",
          "[orgs]") {
  // Taiwan named in the first paragraph only: the later bare names are
  // Taiwan's ministries, not the mainland's or the US's first readings.
  CHECK(FoundInArticle({"臺灣的行政院今天召開院會。",
                        "會後，外交部與國防部分別說明了年度預算。"})
            .back() ==
        "外交部 org.gazetteer name=Taiwan Ministry of Foreign Affairs;"
        "kind=government;country=TW / 國防部 org.gazetteer name=Taiwan "
        "Ministry of National Defense;kind=government;country=TW");
  RunOrgs({
      // With no country named, the mainland's body stays the reading.
      {"外交部发言人回答了记者提问。",
       "外交部 org.gazetteer name=Chinese Ministry of Foreign Affairs;"
       "kind=government;country=CN"},
      {"交通部公布了春运客流数据。",
       "交通部 org.gazetteer name=Chinese Ministry of Transport;"
       "kind=government;country=CN"},
      {"台灣交通部公布了連假車流數據。",
       "台灣交通部 org.gazetteer name=MOTC;kind=government;country=TW"},
      // Bodies of the Executive Yuan's list that no other place shares.
      {"陸委會與金管會昨日召開記者會。",
       "陸委會 org.gazetteer name=Mainland Affairs Council;kind=government;"
       "country=TW / 金管會 org.gazetteer name=Financial Supervisory "
       "Commission;kind=government;country=TW"},
      {"經濟部標準檢驗局抽查了充電器。",
       "經濟部標準檢驗局 org.gazetteer name=BSMI;kind=government;country=TW"},
      // Another country's body of a shared name is its own (the jieba
      // list's row), not Taiwan's.
      {"英国内政部发布了新规。",
       "英国内政部 org.gazetteer name=英国内政部;kind=government;country=GB"},
  });
}

TEST_CASE("OrgMatcher: a Hong Kong or Macao article gives a shared name its "
          "own body", "[orgs]") {
  CHECK(FoundInArticle({"香港特區政府今日發表聲明。",
                        "證監會與金管局隨後召開了記者會。"})
            .back() ==
        "證監會 org.gazetteer name=SFC;kind=government;country=HK / 金管局 "
        "org.gazetteer name=HKMA;kind=government;country=HK");
  CHECK(FoundInArticle({"澳門的經濟去年穩步復蘇。",
                        "金管局向立法會提交了年度報告。"})
            .back() ==
        "金管局 org.gazetteer name=AMCM;kind=government;country=MO / 立法會 "
        "org.gazetteer name=Legislative Assembly of Macao;kind=legislature;"
        "country=MO");
  RunOrgs({
      // No place named: the mainland's regulator, Hong Kong's legislature.
      {"证监会发布了新规。",
       "证监会 org.gazetteer name=CSRC;kind=government;country=CN"},
      {"立法會三讀通過了條例草案。",
       "立法會 org.gazetteer name=Legislative Council of Hong Kong;"
       "kind=legislature;country=HK"},
      {"美国环保署与香港環保署各自發布了報告。",
       "美国环保署 org.gazetteer name=US EPA;kind=government;country=US / "
       "香港環保署 org.gazetteer name=Hong Kong Environmental Protection "
       "Department;kind=government;country=HK"},
      // A generic bureau name is Hong Kong's only with 香港 before it.
      {"上海市教育局发布通知。",
       "上海市教育局 org.suffix name=上海市教育局;kind=government;"
       "country=CN"},
  });
}

TEST_CASE("OrgMatcher: Hang Seng Index and Taiwan 50 companies by name",
          "[orgs]") {
  RunOrgs({
      {"中銀香港與長江和記實業同日公布業績。",
       "中銀香港 org.gazetteer name=BOC Hong Kong;kind=company;country=HK / "
       "長江和記實業 org.gazetteer name=CK Hutchison;kind=company;"
       "country=HK"},
      {"富邦金控擬入股台灣大哥大。",
       "富邦金控 org.gazetteer name=Fubon Financial;kind=company;country=TW"
       " / 台灣大哥大 org.gazetteer name=Taiwan Mobile;kind=company;"
       "country=TW"},
      {"港交所批准了美团的上市申请。",
       "港交所 org.gazetteer name=HKEX;kind=company;country=HK / 美团 "
       "org.gazetteer name=Meituan;kind=company;country=CN"},
      // A firm's short name that begins a common phrase stays out.
      {"中国银行业的资产规模持续增长。", ""},
      {"这如同海底撈針。", ""},
  });
}

TEST_CASE("OrgMatcher: the country context ends with the article",
          "[orgs]") {
  const OrgMatcher& m = Builtin();
  OrgContext doc;
  CHECK(Found(m, "据俄罗斯媒体报道，国防部称。", &doc).find("country=RU") !=
        std::string::npos);
  doc.StartArticle();
  CHECK(Found(m, "国防部称。", &doc).find("country=US") != std::string::npos);
}

std::unique_ptr<OrgMatcher> LoadWith(const testing::FileList& files,
                                     std::vector<Status>* errors) {
  ScratchDir dir(files);
  RuleFiles rules = RuleFiles::Builtin();
  REQUIRE(rules.AddDirectory(dir.path()).ok());
  return OrgMatcher::Load(rules, errors);
}

TEST_CASE("OrgMatcher::Load: --rules rows add organisations and aliases",
          "[orgs]") {
  std::vector<Status> errors;
  auto m = LoadWith({{"orgs.tsv",
                      "# test rows\n"
                      "Quillfield Labs\tresearch\tNZ\t羽田实验室|Quillfield\n"
                      "Huawei\tcompany\tCN\t华小为\n"}},
                    &errors);
  CHECK(errors.empty());
  REQUIRE(m != nullptr);
  CHECK(Found(*m, "羽田实验室与华小为") ==
        "羽田实验室 org.gazetteer name=Quillfield Labs;kind=research;"
        "country=NZ / 华小为 org.gazetteer name=Huawei;kind=company;"
        "country=CN");
}

TEST_CASE("OrgMatcher::Load: every bad row is reported at file:line:col",
          "[orgs]") {
  struct Case {
    const char* file;
    const char* text;
    const char* where;    // file:line:col as the report names it
    const char* message;  // what follows it
  };
  // The column is the row's end, where the missing column would start,
  // counted in code points (集团 is one column each, not three bytes).
  const Case kCases[] = {
      {"orgs.tsv", "# c\nOnly Name\tcompany\tCN\n", "orgs.tsv:2:21: ",
       "expected NAME<TAB>KIND<TAB>COUNTRY<TAB>ALIASES"},
      {"countries.tsv", "Atlantis\n", "countries.tsv:1:9: ",
       "expected NAME<TAB>ISO-CODE[<TAB>short]"},
      {"org_suffixes.txt", "研究所\tresearch\nlatin\n",
       "org_suffixes.txt:2:6: ", "expected latin<TAB>SUFFIX"},
      {"org_suffixes.txt", "branch\n", "org_suffixes.txt:1:7: ",
       "expected branch<TAB>WORD"},
      {"org_suffixes.txt", "tail\t集团\n", "org_suffixes.txt:1:8: ",
       "expected tail<TAB>WORD<TAB>han|latin"},
      {"places.tsv", "某地\tCN\n", "places.tsv:1:6: ",
       "expected SURFACE<TAB>REGION<TAB>LEVEL<TAB>PROVINCE"},
  };
  for (const auto& k : kCases) {
    INFO(k.file << ": " << k.text);
    std::vector<Status> errors;
    auto m = LoadWith({{k.file, k.text}}, &errors);
    CHECK(m == nullptr);  // nothing half-loaded
    REQUIRE(errors.size() == 1);
    const std::string s = errors[0].ToString();
    CHECK(errors[0].code == StatusCode::kBadRules);
    CHECK(s.find(std::string("/") + k.where + k.message) != std::string::npos);
  }
}

TEST_CASE("OrgMatcher::Load: two bad rows, two reports", "[orgs]") {
  std::vector<Status> errors;
  auto m = LoadWith({{"orgs.tsv", "A\tcompany\nB\tcompany\tUS\n"}}, &errors);
  CHECK(m == nullptr);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].line == 1);
  CHECK(errors[1].line == 2);
}

}  // namespace
}  // namespace bulletin

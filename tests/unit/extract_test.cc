#include "extract.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "layout.h"
#include "record.h"
#include "text_util.h"

namespace bulletin {
namespace {

// The built-in rules, loaded once.
const Extractor& Ex() {
  static std::unique_ptr<Extractor> ex = [] {
    std::vector<Status> errors;
    auto e = Extractor::Load(RuleFiles::Builtin(), &errors);
    for (const auto& err : errors) UNSCOPED_INFO(err.ToString());
    return e;
  }();
  REQUIRE(ex != nullptr);
  return *ex;
}

Field MakeField(const std::string& text, int line) {
  Field f;
  f.text = text;
  f.length = CodePoints(text);
  if (!text.empty()) f.anchors.push_back({0, line, 1});
  return f;
}

// The code points [start, end) of `text`.
std::string Slice(const std::string& text, int start, int end) {
  std::vector<int> off = CodePointOffsets(text);
  if (start < 0 || end < start || end >= static_cast<int>(off.size()))
    return "<out of range>";
  return text.substr(off[start], off[end] - off[start]);
}

// The text of the field an entity belongs to.
const std::string& FieldText(const Article& a, const Entity& e) {
  static const std::string kNone = "<no such field>";
  if (e.field == "title") return a.title.text;
  if (e.field == "text") return a.body.text;
  for (const auto& f : a.footnotes)
    if (e.field == "footnote" && f.number == e.footnote) return f.text.text;
  return kNone;
}

// Every entity must be the substring [start, end) of its field, in code
// points: checked for everything the tests extract.
void CheckOffsets(const Article& a) {
  for (const auto& e : a.entities) {
    INFO(e.type << " '" << e.text << "' " << e.field << " [" << e.start << ", "
                << e.end << ")");
    CHECK(Slice(FieldText(a, e), e.start, e.end) == e.text);
  }
}

// Runs the extractor over an article with this body (and title), as the
// first article of a fresh document.
Article ProcessArticle(const std::string& body, DocContext* ctx = nullptr,
                       const std::string& title = "") {
  DocContext local;
  if (!ctx) ctx = &local;
  Article a;
  a.title = MakeField(title, 1);
  a.body = MakeField(body, 3);
  ctx->orgs = OrgContext();  // nothing learned from an earlier call
  Ex().Process(&a, ctx);
  CheckOffsets(a);
  return a;
}

std::vector<Entity> Extract(const std::string& body,
                            DocContext* ctx = nullptr) {
  return ProcessArticle(body, ctx).entities;
}

// The entity of `type` whose text is `text`, or nullptr.
const Entity* Find(const std::vector<Entity>& es, const std::string& type,
                   const std::string& text) {
  for (const auto& e : es)
    if (e.type == type && e.text == text) return &e;
  return nullptr;
}

// Entities of `type`.
std::vector<Entity> OfType(const std::vector<Entity>& es,
                           const std::string& type) {
  std::vector<Entity> out;
  for (const auto& e : es)
    if (e.type == type) out.push_back(e);
  return out;
}

// An attribute as plain text: strings unquoted, numbers and literals as
// printed; "<none>" when absent.
std::string Attr(const Entity* e, const std::string& key) {
  if (!e) return "<no entity>";
  const AttrValue* v = FindAttr(e->attrs, key);
  return v ? v->text() : "<none>";
}

double Number(const Entity* e, const std::string& key) {
  std::string s = Attr(e, key);
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  return end && *end == '\0' && !s.empty() ? d : -1;
}

// All entities, for failure messages.
std::string Dump(const std::vector<Entity>& es) {
  std::string out;
  for (const auto& e : es) {
    out += e.type + " '" + e.text + "' (" + e.rule + ")";
    for (const auto& [k, v] : e.attrs) out += " " + k + "=" + AttrJson(v);
    out += "\n";
  }
  return out;
}

// --- One sentence and what is found in it ----------------------------------
// Most cases have one shape: a sentence (the body of a fresh article) and
// what must, or must not, be found in it. They are rows of the tables below,
// each run by CheckSentences.

using AttrList = std::vector<std::pair<const char*, const char*>>;

struct Expect {
  enum Kind { kAttrs, kPresent, kAbsent, kNoneOfType, kNoEntity } kind;
  const char* type;
  const char* text;  // nullptr for kNoneOfType and kNoEntity
  AttrList attrs;    // kAttrs: key and value as printed ("<none>": absent)
};

// The entity of `type` whose text is `text` has these attributes.
Expect Has(const char* type, const char* text, AttrList attrs) {
  return {Expect::kAttrs, type, text, std::move(attrs)};
}
// There is an entity of `type` whose text is `text`.
Expect Has(const char* type, const char* text) {
  return {Expect::kPresent, type, text, {}};
}
// There is none.
Expect Lacks(const char* type, const char* text) {
  return {Expect::kAbsent, type, text, {}};
}
// There is no entity of `type`.
Expect NoneOf(const char* type) {
  return {Expect::kNoneOfType, type, nullptr, {}};
}
// There is no entity at all.
Expect NoEntity() { return {Expect::kNoEntity, "", nullptr, {}}; }

struct SentenceCase {
  const char* name;  // what the case shows
  const char* input;
  std::vector<Expect> expect;
  const char* reference_date = "";  // DocContext::reference_date
};

template <size_t N>
void CheckSentences(const SentenceCase (&cases)[N]) {
  for (const auto& c : cases) {
    DocContext ctx;
    ctx.reference_date = c.reference_date;
    auto es = Extract(c.input, &ctx);
    INFO(c.name << "\n" << c.input << "\n" << Dump(es));
    for (const auto& x : c.expect) {
      const Entity* e = x.text ? Find(es, x.type, x.text) : nullptr;
      INFO(x.type << " '" << (x.text ? x.text : "") << "'");
      switch (x.kind) {
        case Expect::kAttrs:
          for (const auto& [key, value] : x.attrs) {
            INFO(key);
            CHECK(Attr(e, key) == value);
          }
          break;
        case Expect::kPresent:
          CHECK(e != nullptr);
          break;
        case Expect::kAbsent:
          CHECK(e == nullptr);
          break;
        case Expect::kNoneOfType:
          CHECK(OfType(es, x.type).empty());
          break;
        case Expect::kNoEntity:
          CHECK(es.empty());
          break;
      }
    }
  }
}

// --- Money ----------------------------------------------------------------

const SentenceCase kMoneyCases[] = {
    {"520 亿美元 is 52000000000 USD",
     "芯片法案授权的 520 亿美元中约有一半用于制造业激励。",
     {Has("money", "520 亿美元",
          {{"value", "52000000000"},
           {"currency", "USD"},
           {"qualifier", "<none>"}})}},
    {"3.19万亿卢布 is 3190000000000 RUB",
     "计划累计投入3.19万亿卢布发展电子工业。",
     {Has("money", "3.19万亿卢布",
          {{"value", "3190000000000"}, {"currency", "RUB"}})}},
    {"约 30 亿元人民币 is an approximate amount in CNY",
     "预计释放约 30 亿元人民币的采购需求。",
     {Has("money", "约 30 亿元人民币",
          {{"value", "3000000000"},
           {"currency", "CNY"},
           {"qualifier", "approx"}})}},
    {"a numbered item is not a broken decimal",
     "要点如下：\n1. 5 万元用于购置设备。",
     {Has("money", "5 万元", {{"value", "50000"}})}},
    {"10-20亿美元 is a range with value_max",
     "代工业务可带来10-20亿美元的外部营收。",
     {Has("money", "10-20亿美元",
          {{"value", "1000000000"},
           {"value_max", "2000000000"},
           {"currency", "USD"}})}},
    {"10至20亿元 is a range in CNY",
     "项目总投资为10至20亿元，分三期建设。",
     {Has("money", "10至20亿元",
          {{"value", "1000000000"},
           {"value_max", "2000000000"},
           {"currency", "CNY"}})}},
    {"15-20 美元 is a range without a scale word",
     "每颗芯片便宜 15-20 美元。",
     {Has("money", "15-20 美元",
          {{"value", "15"}, {"value_max", "20"}, {"currency", "USD"}})}},
    {"一千多万元 is 10000000 CNY with qualifier over",
     "公司刚刚完成一千多万元的天使轮融资。",
     {Has(
         "money", "一千多万元",
         {{"value", "10000000"}, {"currency", "CNY"}, {"qualifier", "over"}})}},
    {"US$2.5 billion is 2500000000 USD",
     "该公司宣布融资 US$2.5 billion 用于扩产。",
     {Has("money", "US$2.5 billion",
          {{"value", "2500000000"}, {"currency", "USD"}})}},
    {"digits and 万 after 亿 count in 万: 12億3千萬, 4億6,500萬, 2亿零80万",
     "新廠投資12億3千萬元，盈利4億6,500萬港元，补贴2亿零80万元。",
     {Has("money", "12億3千萬元", {{"value", "1230000000"}}),
      Has("money", "4億6,500萬港元",
          {{"value", "465000000"}, {"currency", "HKD"}}),
      Has("money", "2亿零80万元", {{"value", "200800000"}})}},
    {"m after a currency symbol or code is million; after a bare number a metre",
     "估值约 €40m，电缆长 300m，另募 RMB 25M。",
     {Has("money", "约 €40m", {{"value", "40000000"}, {"currency", "EUR"}}),
      Has("money", "RMB 25M", {{"value", "25000000"}, {"currency", "CNY"}}),
      Has("quantity", "300m", {{"value", "300"}}), Lacks("money", "300m")}},
    {"€3亿 is 300000000 EUR",
     "首批资助总额为 €3亿，成员国按比例配套。",
     {Has("money", "€3亿", {{"value", "300000000"}, {"currency", "EUR"}})}},
    {"1.2 兆新台幣 after the number is TWD",
     "產值預計達到 1.2 兆新台幣。",
     {Has("money", "1.2 兆新台幣",
          {{"value", "1200000000000"}, {"currency", "TWD"}})}},
    {"20 多亿美元 keeps the value of the written number",
     "该项目的投资额为20 多亿美元。",
     {Has("money", "20 多亿美元", {{"value", "2000000000"}})}},
    {"Full-width digits and separators in money are parsed",
     "计划投资５２０亿美元，另有１，８００亿元配套资金。",
     {Has("money", "５２０亿美元", {{"value", "52000000000"}}),
      Has("money", "１，８００亿元", {{"value", "180000000000"}})}},
};

TEST_CASE("Money: one sentence each", "[extract][money]") {
  CheckSentences(kMoneyCases);
}

TEST_CASE("a decimal broken after its point by a line end is one amount",
          "[extract][money]") {
  auto es = Extract("本季度研发投入合计 1865.\n42 万元，增幅 18.\n6%。");
  INFO(Dump(es));
  const Entity* e = Find(es, "money", "1865.\n42 万元");
  CHECK(Attr(e, "value") == "18654200");
  CHECK(Attr(e, "currency") == "CNY");
  CHECK(Number(Find(es, "percent", "18.\n6%"), "value") == Approx(18.6));
  CHECK(Find(es, "money", "42 万元") == nullptr);
}

TEST_CASE("新台幣 1.2 兆元 is 1200000000000 TWD", "[extract][money]") {
  auto es = Extract("政府計畫投入新台幣 1.2 兆元支持半導體產業。");
  INFO(Dump(es));
  auto money = OfType(es, "money");
  REQUIRE(money.size() == 1);
  CHECK(money[0].text == "新台幣 1.2 兆元");
  CHECK(Attr(&money[0], "value") == "1200000000000");
  CHECK(Attr(&money[0], "currency") == "TWD");
}

TEST_CASE("Currency names map to ISO 4217 codes", "[extract][money]") {
  const std::vector<std::pair<std::string, std::string>> kCurrencies = {
      {"美金", "USD"},   {"欧元", "EUR"},     {"日元", "JPY"},
      {"韩元", "KRW"},   {"英镑", "GBP"},     {"港元", "HKD"},
      {"新台币", "TWD"}, {"印度卢比", "INR"}, {"新加坡元", "SGD"},
      {"澳元", "AUD"},   {"加元", "CAD"},     {"瑞士法郎", "CHF"},
      {"美元", "USD"},   {"人民币", "CNY"},   {"元", "CNY"},
      {"卢布", "RUB"}};
  for (const auto& [surface, iso] : kCurrencies) {
    std::string amount = "5 亿" + surface;
    auto es = Extract("公司宣布获得 " + amount + "投资。");
    INFO(amount << "\n" << Dump(es));
    const Entity* e = Find(es, "money", amount);
    CHECK(Attr(e, "currency") == iso);
    CHECK(Attr(e, "value") == "500000000");
  }
}

TEST_CASE("Qualifiers before and after an amount are normalised",
          "[extract][money]") {
  const std::vector<std::pair<std::string, std::string>> kQualified = {
      {"约 5 亿美元", "approx"},  {"近 5 亿美元", "approx"},
      {"5 亿美元左右", "approx"}, {"超过 5 亿美元", "over"},
      {"逾 5 亿美元", "over"},    {"20 多亿美元", "over"},
      {"5 亿美元以上", "over"},   {"不到 5 亿美元", "under"},
      {"5 亿美元以下", "under"},  {"至少 5 亿美元", "at_least"},
      {"高达 5 亿美元", "up_to"}, {"最多 5 亿美元", "up_to"}};
  for (const auto& [amount, qualifier] : kQualified) {
    auto es = Extract("该项目的投资额为" + amount + "，分两期完成。");
    INFO(amount << "\n" << Dump(es));
    const Entity* e = Find(es, "money", amount);
    CHECK(Attr(e, "qualifier") == qualifier);
    CHECK(Attr(e, "currency") == "USD");
  }
}

// --- Percentages ----------------------------------------------------------

const SentenceCase kPercentCases[] = {
    {"9.5% is a percent of 9.5",
     "营收同比增长 9.5%，好于预期。",
     {Has("percent", "9.5%", {{"value", "9.5"}})}},
    {"Full-width ３０％ is a percent of 30",
     "成本下降了３０％。",
     {Has("percent", "３０％", {{"value", "30"}})}},
    {"3 个百分点 is a percent in percentage points",
     "毛利率将被拉低 3 个百分点。",
     {Has("percent", "3 个百分点", {{"value", "3"}, {"unit", "pp"}})}},
    {"10～20% is a percent range",
     "报价下调10～20%。",
     {Has("percent", "10～20%", {{"value", "10"}, {"value_max", "20"}})}},
    {"基点 counts hundredths of a percentage point",
     "央行下调贷款利率 15 个基点，存款利率降 5基點。",
     {Has("percent", "15 个基点", {{"value", "0.15"}, {"unit", "pp"}}),
      Has("percent", "5基點", {{"value", "0.05"}, {"unit", "pp"}}),
      Lacks("quantity", "15 个")}},
    {"三到五成 is a range of tenths at both ends",
     "约有二至四成厂商涨价，3-6成门店歇业。",
     {Has("percent", "二至四成", {{"value", "20"}, {"value_max", "40"}}),
      Has("percent", "3-6成", {{"value", "30"}, {"value_max", "60"}})}},
    {"A percent takes a qualifier",
     "增幅在 10% 以上，市场份额约 25%。",
     {Has("percent", "10% 以上", {{"qualifier", "over"}}),
      Has("percent", "约 25%", {{"qualifier", "approx"}})}},
};

TEST_CASE("Percent: one sentence each", "[extract][percent]") {
  CheckSentences(kPercentCases);
}

TEST_CASE("百分之五十 is a percent of 50", "[extract][percent]") {
  auto es = Extract("补贴比例最高可达百分之五十。");
  INFO(Dump(es));
  auto percents = OfType(es, "percent");
  REQUIRE(percents.size() == 1);
  CHECK(percents[0].text.find("百分之五十") != std::string::npos);
  CHECK(Attr(&percents[0], "value") == "50");
}

// --- Quantities -----------------------------------------------------------

const SentenceCase kQuantityCases[] = {
    {"200 多家 is 200 家 with qualifier over",
     "调研覆盖区域内 200 多家企业。",
     {Has("quantity", "200 多家",
          {{"value", "200"}, {"unit", "家"}, {"qualifier", "over"}})}},
    {"超过 10 万片 is 100000 片 with qualifier over",
     "月产能超过 10 万片晶圆。",
     {Has("quantity", "超过 10 万片",
          {{"value", "100000"}, {"unit", "片"}, {"qualifier", "over"}})}},
    {"12 英寸 and 8 吋 are wafer sizes in inches",
     "扩充 8 吋和 12 英寸硅片的抛光产能。",
     {Has("quantity", "12 英寸", {{"value", "12"}, {"unit", "英寸"}}),
      Has("quantity", "8 吋", {{"value", "8"}, {"unit", "英寸"}})}},
    {"600 V is a quantity in volts, and 600 V 至 1200 V one range of them",
     "产品覆盖 600 V 至 1200 V 电压等级，另有 650 V 型号。",
     {Has("quantity", "600 V 至 1200 V",
          {{"value", "600"}, {"value_max", "1200"}, {"unit", "V"}}),
      Has("quantity", "650 V", {{"value", "650"}, {"unit", "V"}})}},
    {"100-Gbps is a quantity in Gbps",
     "新芯片支持 100-Gbps 光互连。",
     {Has("quantity", "100-Gbps", {{"value", "100"}, {"unit", "Gbps"}})}},
};

TEST_CASE("Quantity: one sentence each", "[extract][quantity]") {
  CheckSentences(kQuantityCases);
}

const SentenceCase kQuantityNodeCases[] = {
    {"300mm 晶圆 is a quantity, not a process node",
     "全球 300mm 晶圆厂设备支出明年将回暖。",
     {Has("quantity", "300mm", {{"value", "300"}, {"unit", "mm"}}),
      NoneOf("process_node")}},
    {"300 毫米硅片 is not a process node",
     "新建一条 300 毫米硅片产线。",
     {NoneOf("process_node")}},
};

TEST_CASE("QuantityNode: one sentence each", "[extract][quantity][node]") {
  CheckSentences(kQuantityNodeCases);
}

TEST_CASE("150 英亩 is a quantity in acres", "[extract][quantity]") {
  auto es = Extract("新厂区占地约 150 英亩。");
  INFO(Dump(es));
  bool found = false;
  for (const auto& e : OfType(es, "quantity")) {
    if (e.text.find("150 英亩") == std::string::npos) continue;
    found = true;
    CHECK(Attr(&e, "value") == "150");
    CHECK(Attr(&e, "unit") == "英亩");
  }
  CHECK(found);
}

// --- Process nodes --------------------------------------------------------

// The value_nm of the only process node in `text`, or -1.
double NodeNm(const std::string& text, std::string* qualifier = nullptr) {
  auto es = Extract(text);
  auto nodes = OfType(es, "process_node");
  INFO(text << "\n" << Dump(es));
  CHECK(nodes.size() == 1);
  if (nodes.size() != 1) return -1;
  if (qualifier) *qualifier = Attr(&nodes[0], "qualifier");
  return Number(&nodes[0], "value_nm");
}

TEST_CASE("28nm is a 28 nm process node", "[extract][node]") {
  CHECK(NodeNm("工厂主要生产 28nm 成熟制程芯片。") == 28);
}

TEST_CASE("1.4 纳米 is a 1.4 nm process node", "[extract][node]") {
  CHECK(NodeNm("被视为 1.4 纳米及更先进节点不可或缺的设备。") == 1.4);
}

TEST_CASE("3 纳米制程 is a 3 nm process node", "[extract][node]") {
  CHECK(NodeNm("硅基晶体管进入 3 纳米制程以后，漏电问题愈发突出。") == 3);
}

TEST_CASE("5奈米 in Taiwan usage is a 5 nm process node", "[extract][node]") {
  CHECK(NodeNm("該廠將量產5奈米晶片。") == 5);
}

TEST_CASE("Full-width ２８ｎｍ is a 28 nm process node", "[extract][node]") {
  CHECK(NodeNm("项目将建设一条２８ｎｍ产线。") == 28);
}

TEST_CASE("亚 10 纳米 is a 10 nm node with qualifier below",
          "[extract][node]") {
  std::string q;
  CHECK(NodeNm("其物理栅长缩短至亚 10 纳米。", &q) == 10);
  CHECK(q == "below");
}

TEST_CASE("18A in Intel naming is 1.8 nm", "[extract][node]") {
  CHECK(NodeNm("其 Intel 18A 工艺已交付早期客户。") == Approx(1.8));
}

TEST_CASE("20A 工艺 is 2.0 nm", "[extract][node]") {
  CHECK(NodeNm("20A 工艺将于明年上半年具备量产条件。") == Approx(2.0));
}

const SentenceCase kNodeCases[] = {
    {"A 13.5 纳米 wavelength of light is not a process node",
     "光刻机仍使用 13.5 纳米的极紫外光。",
     {NoneOf("process_node")}},
    {"A film 厚度仅 2 纳米 thick is not a process node",
     "沟道采用厚度仅 2 纳米的薄膜。",
     {NoneOf("process_node")}},
    {"A wavelength written 11.2 纳米波长 is not a process node",
     "研制基于 11.2 纳米波长的无掩模光刻样机。",
     {NoneOf("process_node")}},
};

TEST_CASE("Node: one sentence each", "[extract][node]") {
  CheckSentences(kNodeCases);
}

// --- Things that are not figures ------------------------------------------

const SentenceCase kNegativeCases[] = {
    {"A year 2022 年 is a date, not money or a quantity",
     "公司成立于 2022 年，总部位于新竹。",
     {NoneOf("money"), NoneOf("quantity"), Has("date", "2022 年")}},
    {"A phone number 010-12345678 is no entity",
     "咨询电话：010-12345678。",
     {NoEntity()}},
    {"2022-01305 inside a URL is not a date",
     "详见 https://www.federalregister.gov/d/2022-01305 的说明。",
     {NoneOf("date"),
      Has("url", "https://www.federalregister.gov/d/2022-01305",
          {{"value", "https://www.federalregister.gov/d/2022-01305"}})}},
};

TEST_CASE("Negative: one sentence each", "[extract][negative]") {
  CheckSentences(kNegativeCases);
}

TEST_CASE("Model numbers A100 and RTX 4090 are not quantities",
          "[extract][negative]") {
  auto es = Extract("该公司采购了 A100 芯片和 RTX 4090 显卡各 500 台。");
  INFO(Dump(es));
  auto qs = OfType(es, "quantity");
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].text == "500 台");
  CHECK(OfType(es, "money").empty());
}

TEST_CASE("A URL does not take the sentence's closing punctuation",
          "[extract][url]") {
  auto es = Extract(
      "详见 https://www.example.org/a/report.html。另见 "
      "https://www.example.org/b；以及 www.example.net/c.");
  INFO(Dump(es));
  CHECK(Find(es, "url", "https://www.example.org/a/report.html") != nullptr);
  CHECK(Find(es, "url", "https://www.example.org/b") != nullptr);
  CHECK(Find(es, "url", "www.example.net/c") != nullptr);
}

// --- Dates ----------------------------------------------------------------

// The date entity with this text.
const Entity* Date(const std::vector<Entity>& es, const std::string& text) {
  return Find(es, "date", text);
}

const SentenceCase kDateCases[] = {
    {"2022 年 5 月 18 日 is the day 2022-05-18",
     "会议于 2022 年 5 月 18 日召开。",
     {Has("date", "2022 年 5 月 18 日",
          {{"value", "2022-05-18"},
           {"precision", "day"},
           {"year_inferred", "false"}})}},
    {"2022年5月 is the month 2022-05",
     "会议于2022年5月召开。",
     {Has("date", "2022年5月",
          {{"value", "2022-05"}, {"precision", "month"}})}},
    {"2022 年 is the year 2022",
     "项目于 2022 年启动。",
     {Has("date", "2022 年", {{"value", "2022"}, {"precision", "year"}})}},
    {"2022-05-18 and 2022/5/18 are days",
     "据 2022-05-18 报道，展会将于 2022/5/18 开幕。",
     {Has("date", "2022-05-18", {{"value", "2022-05-18"}}),
      Has("date", "2022/5/18",
          {{"value", "2022-05-18"}, {"precision", "day"}})}},
    {"Full-width ２０２２年５月 is the month 2022-05",
     "会议于２０２２年５月召开。",
     {Has("date", "２０２２年５月", {{"value", "2022-05"}})}},
    {"二〇二二年五月十八日 in Chinese numerals is 2022-05-18",
     "该计划于二〇二二年五月十八日发布。",
     {Has("date", "二〇二二年五月十八日",
          {{"value", "2022-05-18"}, {"precision", "day"}})}},
    {"5 月 18 日 takes its year from an earlier year in the article",
     "该公司 2022 年 3 月宣布扩产计划。新厂于 5 月 18 日开工。",
     {Has("date", "5 月 18 日",
          {{"value", "2022-05-18"}, {"year_inferred", "true"}})}},
    {"5 月 18 日 with no year anywhere keeps XXXX",
     "新厂于 5 月 18 日开工。",
     {Has("date", "5 月 18 日",
          {{"value", "XXXX-05-18"}, {"year_inferred", "false"}})}},
    {"2021 年第三季度 is the quarter 2021-Q3",
     "2021 年第三季度营收增长。",
     {Has("date", "2021 年第三季度",
          {{"value", "2021-Q3"}, {"precision", "quarter"}})}},
    {"Q3 2021 is the quarter 2021-Q3",
     "公司在 Q3 2021 实现扭亏。",
     {Has("date", "Q3 2021", {{"value", "2021-Q3"}})}},
    {"2024 年下半年 is the half 2024-H2",
     "新产线计划在 2024 年下半年投产。",
     {Has("date", "2024 年下半年",
          {{"value", "2024-H2"}, {"precision", "half"}})}},
    {"2023 财年 and FY2023 are the fiscal year FY2023",
     "2023 财年预算增加，FY2023 的研发投入创新高。",
     {Has("date", "2023 财年",
          {{"value", "FY2023"}, {"precision", "fiscal_year"}}),
      Has("date", "FY2023", {{"value", "FY2023"}})}},
    {"2022 年夏季 is the season 2022-summer",
     "工厂计划于 2022 年夏季投产。",
     {Has("date", "2022 年夏季",
          {{"value", "2022-summer"}, {"precision", "season"}})}},
    {"2022 年底 is the year 2022 with part end",
     "工厂计划于 2022 年底投产。",
     {Has("date", "2022 年底",
          {{"value", "2022"}, {"precision", "year"}, {"part", "end"}})}},
    {"Durations 六年 and 5 年内 are not dates",
     "项目为期六年，计划在 5 年内完成。",
     {NoneOf("date")}},
    {"今天, 明天, 昨日 and 後天 are days relative to the reference date",
     "展会今天开幕，明天举行论坛，昨日已完成布展，後天闭幕。",
     {Has("date", "今天", {{"value", "2031-02-27"}}),
      Has("date", "明天", {{"value", "2031-02-28"}}),
      Has("date", "昨日", {{"value", "2031-02-26"}}),
      Has("date", "後天", {{"value", "2031-03-01"}, {"relative", "後天"}}),
      Has("date", "今天", {{"precision", "day"}})},
     "2031-02-27"},
    {"Two-digit years: 07年, 98年4月, 23年底",
     "该厂07年投产，98年4月完成改造，23年底扩建。",
     {Has("date", "07年", {{"value", "2007"}, {"year_inferred", "true"}}),
      Has("date", "98年4月", {{"value", "1998-04"}}),
      Has("date", "23年底", {{"value", "2023"}, {"part", "end"}})},
     "2031-02-27"},
    {"N年前, N天后 and 半年后 are days counted from the reference date",
     "两年前立项，10天后验收，半年后量产，3个月前曾试产。",
     {Has("date", "两年前", {{"value", "2029-02-27"}}),
      Has("date", "10天后", {{"value", "2031-03-09"}}),
      Has("date", "半年后", {{"value", "2031-08-27"}}),
      Has("date", "3个月前", {{"value", "2030-11-27"}})},
     "2031-02-27"},
    {"A relative year or month composed with a month or day",
     "去年3月3日签约，明年四月交付，本月9日付款，今年9月底验收。",
     {Has("date", "去年3月3日", {{"value", "2030-03-03"}}),
      Has("date", "明年四月", {{"value", "2032-04"}, {"precision", "month"}}),
      Has("date", "本月9日", {{"value", "2031-02-09"}}),
      Has("date", "今年9月底", {{"value", "2031-09"}, {"part", "end"}})},
     "2031-02-27"},
    {"An ambiguous day and month takes the day first only before a year",
     "香港文件写作 4/5/2031，另有比例 4/5，约1/20的企业。",
     {Has("date", "4/5/2031", {{"value", "2031-05-04"}}), Lacks("date", "4/5"),
      Lacks("date", "1/20")}},
    {"Quarters: 31Q2, 2031 年 Q3",
     "出货在31Q2回升，2031 年 Q3 继续增长。",
     {Has("date", "31Q2", {{"value", "2031-Q2"}}),
      Has("date", "2031 年 Q3", {{"value", "2031-Q3"}})}},
    {"Latin half-year codes: 2031H1, 2031年H2, H1 2032, 1H31, 2H2030, 31H2",
     "晶片厂2031H1扩产，2031年H2满载，H1 2032再增，1H31与2H2030对比，31H2持平。",
     {Has("date", "2031H1",
          {{"value", "2031-H1"},
           {"precision", "half"},
           {"from", "2031-01-01"},
           {"to", "2031-06-30"}}),
      Has("date", "2031年H2", {{"value", "2031-H2"}}),
      Has("date", "H1 2032", {{"value", "2032-H1"}}),
      Has("date", "1H31", {{"value", "2031-H1"}, {"year_inferred", "true"}}),
      Has("date", "2H2030", {{"value", "2030-H2"}, {"year_inferred", "false"}}),
      Has("date", "31H2", {{"value", "2031-H2"}})}},
    {"Latin quarter codes: 3Q31, 4Q2030, and 2Q or H2 alone in the year",
     "2031年5月6日讯，法人估3Q31出货回温，4Q2030为谷底，2Q营收持平，H2可望成长。",
     {Has("date", "3Q31", {{"value", "2031-Q3"}, {"precision", "quarter"}}),
      Has("date", "4Q2030", {{"value", "2030-Q4"}, {"to", "2030-12-31"}}),
      Has("date", "2Q", {{"value", "2031-Q2"}, {"year_inferred", "true"}}),
      Has("date", "H2", {{"value", "2031-H2"}, {"precision", "half"}})}},
    {"H and Q codes inside model names and formulas are no dates",
     "该卡采用H100与H20芯片，防范H1N1，电解水（H2）制氢，型号A3Q2、X2H2O。",
     {NoneOf("date")}},
    {"首季 and 首季度 are the first quarter, of a written, relative or "
     "inferred year",
     "首季订单饱满，2031年首季出口回暖，去年首季度基数偏低。",
     {Has("date", "2031年首季",
          {{"value", "2031-Q1"},
           {"precision", "quarter"},
           {"from", "2031-01-01"},
           {"to", "2031-03-31"}}),
      Has("date", "去年首季度", {{"value", "2030-Q1"}}),
      Has("date", "首季", {{"value", "2031-Q1"}, {"year_inferred", "true"}})},
     "2031-05-06"},
    {"本季, 上季度 and 下一季 count from the reference date's quarter",
     "本季产能满载，上季度库存偏高，下一季报价看涨，下个季度再议。",
     {Has("date", "本季",
          {{"value", "2031-Q2"},
           {"precision", "quarter"},
           {"from", "2031-04-01"},
           {"relative", "本季"}}),
      Has("date", "上季度", {{"value", "2031-Q1"}, {"to", "2031-03-31"}}),
      Has("date", "下一季", {{"value", "2031-Q3"}}),
      Has("date", "下个季度", {{"value", "2031-Q3"}})},
     "2031-05-06"},
    {"上季 and 下季 count from the quarter the article last named",
     "公司第一季营收较上季成长，本季毛利率持平，下季度展望保守。",
     {Has("date", "上季", {{"value", "2030-Q4"}, {"from", "2030-10-01"}}),
      Has("date", "本季", {{"value", "2031-Q1"}}),
      Has("date", "下季度", {{"value", "2031-Q2"}})},
     "2031-05-06"},
    {"本季, 上季 and 首季 inside other words are no dates",
     "日本季度数据公布，成本季增两成，基本季节因素，加上季节调整，榜首季军之争，线上季刊发行。",
     {NoneOf("date")},
     "2031-05-06"},
    {"A half or quarter of a relative year has its days: 去年上半年, "
     "明年第一季度, 今年首季",
     "去年上半年亏损，明年第一季度量产，今年首季试产。",
     {Has("date", "去年上半年",
          {{"value", "2030-H1"}, {"from", "2030-01-01"}, {"to", "2030-06-30"}}),
      Has("date", "明年第一季度",
          {{"value", "2032-Q1"}, {"from", "2032-01-01"}, {"to", "2032-03-31"}}),
      Has("date", "今年首季", {{"value", "2031-Q1"}, {"to", "2031-03-31"}})},
     "2031-05-06"},
    {"Latin quarter ranges: Q1-Q3, 2031年Q2~Q4, Q1-Q2 2030, 1Q-3Q",
     "Q1-Q3营收创高，2031年Q2~Q4扩产，Q1-Q2 2030持平，1Q-3Q31毛利改善。",
     {Has("date", "Q1-Q3",
          {{"value", "2031-Q1/2031-Q3"},
           {"precision", "quarter"},
           {"from", "2031-01-01"},
           {"to", "2031-09-30"}}),
      Has("date", "2031年Q2~Q4", {{"value", "2031-Q2/2031-Q4"}}),
      Has("date", "Q1-Q2 2030", {{"value", "2030-Q1/2030-Q2"}}),
      Has("date", "1Q-3Q31", {{"value", "2031-Q1/2031-Q3"}})},
     "2031-05-06"},
    {"一季度 and 3季度 without 第 are quarters of the inferred year",
     "一季度出口回落，3季度订单回暖。",
     {Has("date", "一季度",
          {{"value", "2031-Q1"},
           {"precision", "quarter"},
           {"year_inferred", "true"}}),
      Has("date", "3季度", {{"value", "2031-Q3"}})},
     "2031-05-06"},
    {"A count or another ordinal before 季度 is no quarter",
     "利润连续三季度下滑，近两季度持平，同一季度内与某一季度相比，每一季度披露。",
     {NoneOf("date")},
     "2031-05-06"},
    {"A quarter or half of a two-digit year: 30年Q4, 31年第二季, 29年上半年, "
     "31年首季, Q3'30, H2’29",
     "30年Q4触底，31年第二季回升，29年上半年亏损，31年首季转盈，Q3'30与H2’29对比。",
     {Has("date", "30年Q4",
          {{"value", "2030-Q4"},
           {"precision", "quarter"},
           {"year_inferred", "true"}}),
      Has("date", "31年第二季", {{"value", "2031-Q2"}, {"from", "2031-04-01"}}),
      Has("date", "29年上半年", {{"value", "2029-H1"}, {"precision", "half"}}),
      Has("date", "31年首季", {{"value", "2031-Q1"}}),
      Has("date", "Q3'30", {{"value", "2030-Q3"}}),
      Has("date", "H2’29", {{"value", "2029-H2"}, {"to", "2029-12-31"}})}},
    {"A count of years before a half or quarter is no two-digit year",
     "近10年上半年平均增长，过去20年第一季均有波动。",
     {Lacks("date", "10年上半年"), Lacks("date", "20年第一季")}},
    {"Fiscal quarters: 2031 财年第二季度, FY31 Q3 (no calendar days)",
     "公司 2031 财年第二季度营收创新高，FY31 Q3 指引保守。",
     {Has("date", "2031 财年第二季度",
          {{"value", "FY2031-Q2"},
           {"precision", "fiscal_quarter"},
           {"from", "<none>"}}),
      Has("date", "FY31 Q3", {{"value", "FY2031-Q3"}})}},
    {"Fiscal halves: 2031 财年上半年, FY31 H2, 1H FY2032 (no calendar days)",
     "公司 2031 财年上半年扭亏，FY31 H2 指引保守，1H FY2032 再议。",
     {Has("date", "2031 财年上半年",
          {{"value", "FY2031-H1"},
           {"precision", "fiscal_half"},
           {"from", "<none>"}}),
      Has("date", "FY31 H2", {{"value", "FY2031-H2"}}),
      Has("date", "1H FY2032", {{"value", "FY2032-H1"}})}},
    {"Era years: 民國120年, 康熙二十年, 光绪元年",
     "民國120年5月啟用，古籍记载康熙二十年及光绪元年的事件。",
     {Has("date", "民國120年5月", {{"value", "2031-05"}, {"era", "民國"}}),
      Has("date", "康熙二十年", {{"value", "1681"}}),
      Has("date", "光绪元年", {{"value", "1875"}})}},
    {"Years in Chinese numerals with a month: 两千零四年八月十五",
     "档案显示两千零四年八月十五，以及二〇三一年二月初。",
     {Has("date", "两千零四年八月十五", {{"value", "2004-08-15"}}),
      Has("date", "二〇三一年二月初", {{"value", "2031-02"}})}},
    {"年中 is mid-year, but 1995年中国 is the year 1995",
     "自1995年中国加入以来，该项目在2031年中完成。",
     {Has("date", "1995年", {{"value", "1995"}}), Lacks("date", "1995年中"),
      Has("date", "2031年中", {{"part", "mid"}})}},
    {"A day word resolves against the reference date before a date "
     "merely mentioned",
     "新规由2031年4月1日起施行，该部门周一已公布细则。",
     {Has("date", "周一", {{"value", "2031-02-24"}})},
     "2031-02-27"},
    {"A dateline word makes a date the article's own",
     "该公司曾于2018年扩产。发布时间：2031-02-27。昨天签约。",
     {Has("date", "昨天", {{"value", "2031-02-26"}})}},
    {"1月至3月, 4至6月 and 2031年7-9月 are month ranges",
     "2031年7-9月销量回升，10月至12月继续增长，工期为3至5个月。",
     {Has("date", "2031年7-9月",
          {{"value", "2031-07/2031-09"}, {"to", "2031-09-30"}}),
      Has("date", "10月至12月",
          {{"value", "2031-10/2031-12"}, {"from", "2031-10-01"}}),
      Lacks("date", "3至5个月"), Lacks("date", "5个月")}},
    {"116年度 in a Taiwanese text is the ROC fiscal year 2027",
     "行政院核定116年度科技預算，上年度執行率逾九成。",
     {Has("date", "116年度", {{"value", "2027"}, {"era", "roc"}})}},
};

TEST_CASE("Date: one sentence each", "[extract][date]") {
  CheckSentences(kDateCases);
}

TEST_CASE("The reference date gives the year when the text has none",
          "[extract][date]") {
  DocContext ctx;
  ctx.reference_date = "2021-07-01";
  auto es = Extract("新厂于 5 月 18 日开工。", &ctx);
  INFO(Dump(es));
  const Entity* e = Date(es, "5 月 18 日");
  CHECK(Attr(e, "value") == "2021-05-18");
  CHECK(Attr(e, "year_inferred") == "true");
}

TEST_CASE("2022-2030 年 is a range of years", "[extract][date]") {
  auto es = Extract("规划覆盖 2022-2030 年。");
  INFO(Dump(es));
  const Entity* e = Date(es, "2022-2030 年");
  REQUIRE(e != nullptr);
  CHECK(Attr(e, "value").rfind("2022", 0) == 0);
  CHECK(Attr(e, "from") == "2022-01-01");
  CHECK(Attr(e, "to") == "2030-12-31");
}

TEST_CASE("3 月 1 日至 15 日 is a range of days", "[extract][date]") {
  auto es = Extract("2022 年的申报窗口为 3 月 1 日至 15 日。");
  INFO(Dump(es));
  const Entity* e = Date(es, "3 月 1 日至 15 日");
  REQUIRE(e != nullptr);
  CHECK(Attr(e, "precision") == "day");
  CHECK(Attr(e, "from") == "2022-03-01");
  CHECK(Attr(e, "to") == "2022-03-15");
  CHECK(Attr(e, "year_inferred") == "true");
}

TEST_CASE("今年 and 去年 resolve against the article's date",
          "[extract][date]") {
  auto es = Extract(
      "2022 年 5 月 18 日，该协会发布报告称，今年全球销售额将增长，去年则"
      "出现下滑。");
  INFO(Dump(es));
  CHECK(Attr(Date(es, "今年"), "value") == "2022");
  CHECK(Attr(Date(es, "去年"), "value") == "2021");
}

TEST_CASE("2 月 30 日 is flagged invalid", "[extract][date]") {
  auto es = Extract("2022 年的活动定于 2 月 30 日举行。");
  INFO(Dump(es));
  const Entity* e = Date(es, "2 月 30 日");
  REQUIRE(e != nullptr);
  CHECK(Attr(e, "invalid") == "true");
  CHECK(Attr(e, "value") == "null");
}

// Relative days, weekdays and spans resolve against the reference date when
// the article has no date of its own.
DocContext At(const std::string& day) {
  DocContext c;
  c.reference_date = day;
  return c;
}

TEST_CASE("Weekdays: 星期一, 周三, 上周五, 下礼拜天", "[extract][date]") {
  DocContext ctx = At("2031-02-27");  // a Thursday
  auto es = Extract(
      "样品星期一送检，周三出结果，上周五完成封装，下礼拜天正式发货。", &ctx);
  INFO(Dump(es));
  CHECK(Attr(Date(es, "星期一"), "value") == "2031-02-24");
  CHECK(Attr(Date(es, "周三"), "value") == "2031-02-26");
  CHECK(Attr(Date(es, "上周五"), "value") == "2031-02-21");
  CHECK(Attr(Date(es, "下礼拜天"), "value") == "2031-03-09");
}

TEST_CASE("每周三 and 一周三次 are not weekdays", "[extract][date][negative]") {
  DocContext ctx = At("2031-02-27");
  auto es = Extract("产线每周三停机检修，设备一周三次巡检。", &ctx);
  INFO(Dump(es));
  CHECK(OfType(es, "date").empty());
}

TEST_CASE("Month parts: 9月底, 3月上旬, 月初 keep part and give their days",
          "[extract][date]") {
  auto es = Extract("2030 年的安排：9月底投料，3月上旬试车，6月中旬检修。");
  INFO(Dump(es));
  const Entity* e = Date(es, "9月底");
  CHECK(Attr(e, "value") == "2030-09");
  CHECK(Attr(e, "part") == "end");
  CHECK(Attr(e, "from") == "2030-09-21");
  CHECK(Attr(e, "to") == "2030-09-30");
  CHECK(Attr(Date(es, "3月上旬"), "part") == "start");
  CHECK(Attr(Date(es, "3月上旬"), "to") == "2030-03-10");
  CHECK(Attr(Date(es, "6月中旬"), "from") == "2030-06-11");
  DocContext ctx = At("2031-02-10");
  es = Extract("新合同于月初生效。", &ctx);
  INFO(Dump(es));
  CHECK(Attr(Date(es, "月初"), "value") == "2031-02");
  CHECK(Attr(Date(es, "月初"), "part") == "start");
}

TEST_CASE("Numeric dates: 1896-04-06, 2031 02 27, 20310227, 27.2.2031, 2/27",
          "[extract][date]") {
  DocContext ctx = At("2031-01-01");
  auto es = Extract(
      "档案记载 1896-04-06 的会议；报告编号日期 2031 02 27，文件名含 "
      "20310227，香港版本写作 27.2.2031，英文版写作 2/27。",
      &ctx);
  INFO(Dump(es));
  CHECK(Attr(Date(es, "1896-04-06"), "value") == "1896-04-06");
  CHECK(Attr(Date(es, "2031 02 27"), "value") == "2031-02-27");
  CHECK(Attr(Date(es, "20310227"), "value") == "2031-02-27");
  CHECK(Attr(Date(es, "27.2.2031"), "value") == "2031-02-27");
  CHECK(Attr(Date(es, "2/27"), "value") == "2031-02-27");
}

TEST_CASE("A bare Minguo year 120年 counts only in a Taiwanese text",
          "[extract][date]") {
  auto es = Extract("行政院核定，該廠已運轉50年，120年3月起實施。");
  INFO(Dump(es));
  CHECK(Date(es, "50年") == nullptr);
  CHECK(Attr(Date(es, "120年3月"), "value") == "2031-03");
  CHECK(Attr(Date(es, "120年3月"), "era") == "roc");
  es = Extract("该厂已运行120年。");
  INFO(Dump(es));
  CHECK(OfType(es, "date").empty());
}

TEST_CASE("Lunar dates are converted with the Chinese calendar",
          "[extract][date]") {
  // The Chinese new year 2031 fell on 2031-01-23 (Gregorian).
  DocContext ctx = At("2031-03-01");
  auto es = Extract(
      "厂区正月初八复工，腊月二十三放假，农历2030年八月十五团聚。", &ctx);
  INFO(Dump(es));
  CHECK(Attr(Date(es, "正月初八"), "value") == "2031-01-30");
  CHECK(Attr(Date(es, "正月初八"), "calendar") == "chinese");
  CHECK(Attr(Date(es, "腊月二十三"), "value") == "2031-01-16");
  CHECK(Attr(Date(es, "农历2030年八月十五"), "value") == "2030-09-12");
  CHECK(Attr(Date(es, "农历2030年八月十五"), "year_inferred") == "false");
}

TEST_CASE("Holidays: 春节, 中秋, 国庆, 元旦, 除夕", "[extract][date]") {
  auto es = Extract(
      "2031年春节前备货，2031年中秋节促销，2031年国庆假期，2031年元旦，"
      "2030年除夕。");
  INFO(Dump(es));
  CHECK(Attr(Date(es, "2031年春节"), "value") == "2031-01-23");
  CHECK(Attr(Date(es, "2031年春节"), "holiday") == "春节");
  CHECK(Attr(Date(es, "2031年中秋节"), "value") == "2031-10-01");
  CHECK(Attr(Date(es, "2031年国庆"), "value") == "2031-10-01");
  CHECK(Attr(Date(es, "2031年元旦"), "value") == "2031-01-01");
  CHECK(Attr(Date(es, "2030年除夕"), "value") == "2031-01-22");
}

TEST_CASE("A holiday without a year is its nearest occurrence",
          "[extract][date]") {
  DocContext ctx = At("2030-12-20");
  auto es = Extract("预计春节前完成交付。", &ctx);
  INFO(Dump(es));
  CHECK(Attr(Date(es, "春节"), "value") == "2031-01-23");
  // Without an own date, a year written earlier in the article counts.
  es = Extract("2031年产能扩充，春节期间停产。");
  INFO(Dump(es));
  CHECK(Attr(Date(es, "春节"), "value") == "2031-01-23");
}

TEST_CASE("Year inference: the article's own date before years mentioned",
          "[extract][date]") {
  // The dateline (a full date at the start of the body) gives 2031; 2019
  // is only mentioned.
  auto es = Extract(
      "2031年2月27日，该公司回顾了2019年的扩产，并称3月5日将举行"
      "发布会。");
  INFO(Dump(es));
  CHECK(Attr(Date(es, "3月5日"), "value") == "2031-03-05");
  CHECK(Attr(Date(es, "3月5日"), "year_inferred") == "true");
  // Without a dateline the latest year mentioned still counts.
  es = Extract("该公司回顾了2019年的扩产，3月5日曾举行发布会。");
  INFO(Dump(es));
  CHECK(Attr(Date(es, "3月5日"), "value") == "2019-03-05");
}

TEST_CASE("A year in a forward-looking sentence does not anchor later dates",
          "[extract][date]") {
  DocContext ctx;
  ctx.full_date_years[2031] = 2;  // the document speaks of 2031
  auto es = Extract("公司预计2035年实现量产。第二季度营收增长。", &ctx);
  INFO(Dump(es));
  CHECK(Attr(Date(es, "2035年"), "value") == "2035");
  CHECK(Attr(Date(es, "第二季度"), "value") == "2031-Q2");
  // A year after the article's own date is a plan too.
  es = Extract("2031年2月27日讯，新厂2034年投产。4月1日动工。");
  INFO(Dump(es));
  CHECK(Attr(Date(es, "4月1日"), "value") == "2031-04-01");
}

// --- Organisations --------------------------------------------------------

// The canonical name of the organisation with this surface text.
std::string OrgName(const std::vector<Entity>& es, const std::string& text) {
  return Attr(Find(es, "org", text), "name");
}

TEST_CASE("台积电, TSMC and 臺積電 share one name", "[extract][org]") {
  auto es = Extract("台积电表示，TSMC 将继续扩产，臺積電董事会已通过决议。");
  INFO(Dump(es));
  std::string name = OrgName(es, "台积电");
  CHECK(name != "<no entity>");
  CHECK(OrgName(es, "TSMC") == name);
  CHECK(OrgName(es, "臺積電") == name);
}

TEST_CASE("英特尔 and Intel share one name", "[extract][org]") {
  auto es = Extract("英特尔宣布，Intel 代工业务将独立核算。");
  INFO(Dump(es));
  std::string name = OrgName(es, "英特尔");
  CHECK(name != "<no entity>");
  CHECK(OrgName(es, "Intel") == name);
}

TEST_CASE("三星电子, 三星 and Samsung share one name", "[extract][org]") {
  auto es = Extract("三星电子宣布扩产，三星还表示 Samsung 的新厂明年投产。");
  INFO(Dump(es));
  std::string name = OrgName(es, "三星电子");
  CHECK(name != "<no entity>");
  CHECK(OrgName(es, "三星") == name);
  CHECK(OrgName(es, "Samsung") == name);
}

TEST_CASE("应用材料公司 and Applied Materials share one name",
          "[extract][org]") {
  auto es =
      Extract("应用材料公司发布新设备，Applied Materials 称其可提升良率。");
  INFO(Dump(es));
  std::string name = OrgName(es, "应用材料公司");
  CHECK(name != "<no entity>");
  CHECK(OrgName(es, "Applied Materials") == name);
}

TEST_CASE("美国半导体协会 and SIA share one name", "[extract][org]") {
  auto es = Extract("美国半导体协会发表声明，SIA 对新规表示欢迎。");
  INFO(Dump(es));
  std::string name = OrgName(es, "美国半导体协会");
  CHECK(name != "<no entity>");
  CHECK(OrgName(es, "SIA") == name);
}

TEST_CASE("An abbreviation in brackets after a known name becomes its alias",
          "[extract][org]") {
  auto es = Extract(
      "安全和新兴技术中心（CSET）发布报告。报告发布后，CSET 的研究员接受了"
      "采访。");
  INFO(Dump(es));
  std::string name = OrgName(es, "安全和新兴技术中心");
  CHECK(name != "<no entity>");
  int count = 0;
  for (const auto& e : OfType(es, "org")) {
    if (e.text != "CSET") continue;
    ++count;
    CHECK(Attr(&e, "name") == name);
  }
  CHECK(count == 2);
}

TEST_CASE(
    "An abbreviation of an unknown organisation is its alias later in "
    "the text",
    "[extract][org]") {
  auto es = Extract(
      "据悉，北辰半导体研究所（BCSI）发布年度报告。报告指出，BCSI 将继续跟踪"
      "先进封装技术。");
  INFO(Dump(es));
  std::string name = OrgName(es, "北辰半导体研究所");
  CHECK(name == "北辰半导体研究所");
  int count = 0;
  for (const auto& e : OfType(es, "org")) {
    if (e.text != "BCSI") continue;
    ++count;
    CHECK(Attr(&e, "name") == name);
  }
  CHECK(count == 2);
}

TEST_CASE(
    "An unknown organisation at the start of a field keeps its whole "
    "name",
    "[extract][org]") {
  auto es = Extract("北辰半导体研究所（BCSI）发布年度报告。");
  INFO(Dump(es));
  auto orgs = OfType(es, "org");
  REQUIRE_FALSE(orgs.empty());
  CHECK(orgs[0].text == "北辰半导体研究所");
  CHECK(Attr(&orgs[0], "name") == "北辰半导体研究所");
}

TEST_CASE("An abbreviation learned in one article is known in the next",
          "[extract][org]") {
  DocContext ctx;
  Article a1, a2;
  a1.body = MakeField("据悉，北辰半导体研究所（BCSI）发布年度报告。", 3);
  a2.body = MakeField("BCSI 认为，先进封装需求仍将增长。", 9);
  Ex().Process(&a1, &ctx);
  Ex().Process(&a2, &ctx);
  CheckOffsets(a1);
  CheckOffsets(a2);
  INFO(Dump(a1.entities) << Dump(a2.entities));
  std::string name = OrgName(a1.entities, "BCSI");
  CHECK(name != "<no entity>");
  CHECK(OrgName(a2.entities, "BCSI") == name);
}

TEST_CASE("A new document's DocContext knows no abbreviation of the last one",
          "[extract][org]") {
  DocContext ctx;
  Article a1, a2;
  a1.body = MakeField("据悉，北辰半导体研究所（BCSI）发布年度报告。", 3);
  a2.body = MakeField("BCSI 认为，先进封装需求仍将增长。", 9);
  Ex().Process(&a1, &ctx);
  INFO(Dump(a1.entities));
  CHECK(Find(a1.entities, "org", "BCSI") != nullptr);
  DocContext ctx2;
  Ex().Process(&a2, &ctx2);
  INFO(Dump(a2.entities));
  CHECK(Find(a2.entities, "org", "BCSI") == nullptr);
}

TEST_CASE("向商务部提交 yields the organisation 商务部", "[extract][org]") {
  auto es = Extract("企业须在截止日期前向商务部提交申请材料。");
  INFO(Dump(es));
  auto orgs = OfType(es, "org");
  REQUIRE(orgs.size() == 1);
  CHECK(orgs[0].text == "商务部");
}

TEST_CASE("拜登政府 and 芯片法案 are not organisations", "[extract][org]") {
  auto es = Extract("拜登政府去年签署了芯片法案。");
  INFO(Dump(es));
  for (const auto& e : OfType(es, "org")) {
    CHECK(e.text.find("拜登") == std::string::npos);
    CHECK(e.text.find("法案") == std::string::npos);
  }
}

const SentenceCase kOrgCases[] = {
    {"A short name inside a longer word is not an organisation",
     "集成电路产业规模持续扩大。",
     {NoneOf("org")}},
    {"省发改委 in an article about one province is that province's",
     "江西省将加快建设新能源产业，省发改委表示将给予支持。",
     {Has("org", "省发改委", {{"name", "江西省发改委"}})}},
};

TEST_CASE("Org: one sentence each", "[extract][org]") {
  CheckSentences(kOrgCases);
}

// Organisations found by their form (issue 11): each row is a sentence, the
// text the organisation must have, and one attribute it must carry ("" for
// none checked).
TEST_CASE("Organisations by their form keep the whole name", "[extract][org]") {
  struct Row {
    const char* sentence;
    const char* text;
    const char* key;
    const char* value;
  };
  const Row rows[] = {
      // a registered company form after an unknown name and a place
      {"温州瓯芯光电有限公司发布了新产品。", "温州瓯芯光电有限公司", "kind",
       "company"},
      // a verb or a preposition is never part of the name
      {"报告引用了宜昌市半导体行业协会的数据。", "宜昌市半导体行业协会",
       "country", "CN"},
      {"据洛阳市科学技术局介绍，项目进展顺利。", "洛阳市科学技术局", "kind",
       "government"},
      // a branch keeps the whole name, with the parent's gazetteer name
      {"招商银行南昌分行发放了首笔贷款。", "招商银行南昌分行", "parent",
       "China Merchants Bank"},
      // the longest name wins over an alias inside it
      {"三星电子苏州分公司完成了扩建。", "三星电子苏州分公司", "parent",
       "Samsung Electronics"},
      // a place before a government body makes it that place's body
      {"湖南省发改委印发了通知。", "湖南省发改委", "country", "CN"},
      // a conjunction inside a name that starts with a place
      {"宁夏回族自治区发展和改革委员会召开会议。",
       "宁夏回族自治区发展和改革委员会", "kind", "government"},
      // a bracketed place after a known name is its campus or seat
      {"哈尔滨工业大学（威海）招收了新生。", "哈尔滨工业大学（威海）", "name",
       "Harbin Institute of Technology"},
      // Traditional forms, Taiwan and Hong Kong
      {"國立臺東大學舉辦了研討會。", "國立臺東大學", "kind", "university"},
      {"臺中市政府經濟發展局公布了名單。", "臺中市政府經濟發展局", "parent",
       "臺中市政府"},
      {"香港特別行政區政府新聞處發出公告。", "香港特別行政區政府新聞處", "kind",
       "government"},
  };
  for (const auto& r : rows) {
    auto es = Extract(r.sentence);
    INFO(r.sentence << "\n" << Dump(es));
    const Entity* e = Find(es, "org", r.text);
    REQUIRE(e != nullptr);
    if (*r.key) CHECK(Attr(e, r.key) == r.value);
  }
}

TEST_CASE("Generic phrases ending in an organisation word are not names",
          "[extract][org]") {
  const char* sentences[] = {
      "多家半导体公司的股价上涨。",   "有关部门正在研究细则。",
      "该地区的数据中心已投入使用。", "美国半导体设备公司的订单增加。",
      "几所大学开设了新专业。",       "特朗普政府宣布了新的关税。",
      "部长表示将继续推进改革。",     "这一格局短期内不会改变。",
  };
  for (const char* s : sentences) {
    auto es = Extract(s);
    INFO(s << "\n" << Dump(es));
    CHECK(OfType(es, "org").empty());
  }
}

TEST_CASE("An abbreviation in quotes is learned without the quotes",
          "[extract][org]") {
  auto es = Extract(
      "江门华芯微电子有限公司（以下简称“华芯微”）成立于2019年，华芯微主营电源芯"
      "片。");
  INFO(Dump(es));
  auto orgs = OfType(es, "org");
  REQUIRE(orgs.size() == 3);
  CHECK(orgs[1].text == "华芯微");
  CHECK(orgs[2].text == "华芯微");
  CHECK(Attr(&orgs[2], "name") == "江门华芯微电子有限公司");
}

// --- Offsets and fields ---------------------------------------------------

TEST_CASE("Every entity's text is its field's substring in code points",
          "[extract][offsets]") {
  // Non-BMP characters, full-width forms and Latin text before the figures
  // make byte, UTF-16 and code point offsets all differ.
  DocContext ctx;
  Article a;
  a.title = MakeField("𠮷野半导体获 ５２０亿美元 补贴", 1);
  a.body = MakeField(
      "𠮷田先生表示，台积电（TSMC）将于 2024 年下半年量产 ２ｎｍ 芯片，"
      "投资约 30 亿元人民币，见 https://www.example.org/a。\n"
      "第二段：英特尔 18A 工艺良率提升 9.5%，月产能超过 10 万片。",
      3);
  Footnote fn;
  fn.number = 2;
  fn.text =
      MakeField("星河研究院. 2023 年 5 月报告. https://www.example.org/b", 9);
  a.footnotes.push_back(fn);
  Ex().Process(&a, &ctx);
  INFO(Dump(a.entities));
  CHECK(a.entities.size() >= 10);
  CheckOffsets(a);
  bool title = false, footnote = false;
  for (const auto& e : a.entities) {
    if (e.field == "title") title = true;
    if (e.field == "footnote") {
      footnote = true;
      CHECK(e.footnote == 2);
    }
  }
  CHECK(title);
  CHECK(footnote);
}

TEST_CASE("Entities carry the input line and column of their start",
          "[extract][offsets]") {
  Article a;
  a.body.text = "第一行文字\n第二行有 520 亿美元";
  a.body.length = CodePoints(a.body.text);
  a.body.anchors = {{0, 10, 1}, {6, 11, 3}};
  DocContext ctx;
  Ex().Process(&a, &ctx);
  INFO(Dump(a.entities));
  const Entity* e = Find(a.entities, "money", "520 亿美元");
  REQUIRE(e != nullptr);
  CHECK(e->start == 11);
  CHECK(e->line == 11);
  CHECK(e->col == 3 + (11 - 6));
  CHECK(e->field == "text");
}

TEST_CASE("Entities of a field come in text order", "[extract][offsets]") {
  auto es = Extract(
      "2023 年，台积电投资 520 亿美元，良率提升 9.5%，见 "
      "https://www.example.org/x。");
  INFO(Dump(es));
  for (size_t i = 1; i < es.size(); ++i) CHECK(es[i - 1].start <= es[i].start);
  for (size_t i = 1; i < es.size(); ++i) CHECK(es[i - 1].end <= es[i].start);
}

// --- Explain and loading --------------------------------------------------

TEST_CASE("Explain lists raw matches and marks the ones kept",
          "[extract][explain]") {
  const std::string text = "台积电投资约 30 亿元人民币";
  auto matches = Ex().Explain(text);
  bool kept = false, org = false;
  for (const auto& m : matches) {
    REQUIRE(!m.rule.empty());
    REQUIRE(m.end <= text.size());
    if (m.rule.rfind("org.", 0) == 0) {
      org = true;
      CHECK(text.substr(m.begin, m.end - m.begin) == "台积电");
    }
    if (m.kept && m.rule.rfind("money.", 0) == 0) {
      kept = true;
      CHECK(text.substr(m.begin, m.end - m.begin) == "约 30 亿元人民币");
      CHECK(FindAttr(m.attrs, "currency") != nullptr);
      CHECK(*FindAttr(m.attrs, "currency") == AttrValue::String("CNY"));
      CHECK(*FindAttr(m.attrs, "value") == AttrValue::Number("3000000000"));
    }
  }
  CHECK(kept);
  CHECK(org);
}

TEST_CASE("Built-in rules have names, types, origins and lines",
          "[extract][explain]") {
  const auto& rules = Ex().rules();
  REQUIRE_FALSE(rules.empty());
  bool money_amount = false;
  for (const auto& r : rules) {
    CHECK(r.name.rfind(r.type + ".", 0) == 0);
    CHECK(r.origin.rfind("builtin:", 0) == 0);
    CHECK(r.line > 0);
    if (r.name == "money.amount") money_amount = true;
  }
  CHECK(money_amount);
}

// A temporary directory of rule files, removed afterwards.
class RuleDir {
 public:
  RuleDir() {
    char tmpl[] = "/tmp/extract_test_XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    dir_ = tmpl;
  }
  ~RuleDir() {
    for (const auto& f : files_) std::remove(f.c_str());
    rmdir(dir_.c_str());
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    files_.push_back(path);
    return path;
  }
  const std::string& path() const { return dir_; }

 private:
  std::string dir_;
  std::vector<std::string> files_;
};

TEST_CASE("A broken rule is reported as file:line:col with RE2's error",
          "[extract][load]") {
  RuleDir dir;
  std::string path =
      dir.Write("extra.rules", "# comment\nmoney.bad 10 (unclosed\n");
  RuleFiles files = RuleFiles::Builtin();
  REQUIRE(files.AddDirectory(dir.path()).ok());
  std::vector<Status> errors;
  auto ex = Extractor::Load(files, &errors);
  CHECK(ex == nullptr);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == StatusCode::kBadRules);
  // Column 14: where the pattern starts.
  CHECK(errors[0].ToString().rfind(path + ":2:14: bad pattern: ", 0) == 0);
  CHECK(errors[0].message.find("missing )") != std::string::npos);
}

TEST_CASE("Every broken rule is reported in one load", "[extract][load]") {
  RuleDir dir;
  std::string path = dir.Write("extra.rules",
                               "money.bad1 10 (unclosed\nmoney.bad2 10 [z-a]\n"
                               "nosuchtype.x 10 abc\n");
  RuleFiles files = RuleFiles::Builtin();
  REQUIRE(files.AddDirectory(dir.path()).ok());
  std::vector<Status> errors;
  auto ex = Extractor::Load(files, &errors);
  CHECK(ex == nullptr);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].ToString().rfind(path + ":1:15: ", 0) == 0);
  CHECK(errors[1].ToString().rfind(path + ":2:15: ", 0) == 0);
  CHECK(errors[2].ToString().rfind(path + ":3:1: unknown entity type", 0) == 0);
}

TEST_CASE("Every malformed table row in a --rules directory is reported",
          "[extract][load]") {
  RuleDir dir;
  // A currency without its code; a country without its ISO code; an
  // organisation with too few columns; a Latin suffix with none.
  std::string cur = dir.Write("currencies.tsv", "# extra\n星河币\n");
  std::string cty = dir.Write("countries.tsv", "星河国\n");
  std::string org = dir.Write("orgs.tsv", "Xinghe\tcompany\n");
  std::string suf = dir.Write("org_suffixes.txt", "latin\n");
  RuleFiles files = RuleFiles::Builtin();
  REQUIRE(files.AddDirectory(dir.path()).ok());
  std::vector<Status> errors;
  auto ex = Extractor::Load(files, &errors);
  CHECK(ex == nullptr);
  std::vector<std::string> got;
  std::string all;
  for (const auto& e : errors) {
    got.push_back(e.ToString());
    all += got.back() + "\n";
  }
  INFO(all);
  REQUIRE(got.size() == 4);
  CHECK(got[0] == cur + ":2:4: expected TAB-separated columns");
  CHECK(got[1] ==
        org + ":1:15: expected NAME<TAB>KIND<TAB>COUNTRY<TAB>ALIASES");
  CHECK(got[2] == cty + ":1:4: expected NAME<TAB>ISO-CODE[<TAB>short]");
  CHECK(got[3] == suf + ":1:6: expected latin<TAB>SUFFIX");
}

TEST_CASE("A rule in a --rules directory overrides the built-in one",
          "[extract][load]") {
  RuleDir dir;
  std::string path =
      dir.Write("figures.rules", "percent.sign 30 NEVERMATCHES\n");
  RuleFiles files = RuleFiles::Builtin();
  REQUIRE(files.AddDirectory(dir.path()).ok());
  std::vector<Status> errors;
  auto ex = Extractor::Load(files, &errors);
  REQUIRE(ex != nullptr);
  for (const auto& r : ex->rules())
    if (r.name == "percent.sign") CHECK(r.origin == path);
  Article a;
  a.body = MakeField("营收同比增长 9.5%。", 1);
  DocContext ctx;
  ex->Process(&a, &ctx);
  INFO(Dump(a.entities));
  CHECK(OfType(a.entities, "percent").empty());
}

TEST_CASE(
    "A year is inferred from the article, then the document, then "
    "--reference-date",
    "[extract][date][regress]") {
  // The document's full dates so far say 2021; --reference-date says 2019.
  DocContext ctx;
  ctx.reference_date = "2019-01-01";
  ctx.full_date_years[2021] = 3;
  // 1. An explicit year earlier in the same article wins.
  auto es = Extract("2023 年项目启动，5 月 18 日正式签约。", &ctx);
  INFO(Dump(es));
  CHECK(Attr(Find(es, "date", "5 月 18 日"), "value") == "2023-05-18");
  // 2. Without one, the document's year.
  es = Extract("据报道，5 月 18 日正式签约。", &ctx);
  CHECK(Attr(Find(es, "date", "5 月 18 日"), "value") == "2021-05-18");
  CHECK(Attr(Find(es, "date", "5 月 18 日"), "year_inferred") == "true");
  // 3. Without either, the reference date.
  DocContext bare;
  bare.reference_date = "2019-01-01";
  es = Extract("据报道，5 月 18 日正式签约。", &bare);
  CHECK(Attr(Find(es, "date", "5 月 18 日"), "value") == "2019-05-18");
}

TEST_CASE(
    "An organisation row in a --rules directory adds an organisation "
    "and aliases",
    "[extract][load][org]") {
  RuleDir dir;
  dir.Write("orgs.tsv",
            "Xinghe Microelectronics\tcompany\tCN\t星河微电子|星河微\n"
            "TSMC\tcompany\tTW\t台积公司\n");
  RuleFiles files = RuleFiles::Builtin();
  REQUIRE(files.AddDirectory(dir.path()).ok());
  std::vector<Status> errors;
  auto ex = Extractor::Load(files, &errors);
  REQUIRE(ex != nullptr);
  Article a;
  a.body = MakeField("星河微与台积公司签约，台积电表示欢迎。", 1);
  DocContext ctx;
  ex->Process(&a, &ctx);
  INFO(Dump(a.entities));
  CHECK(Attr(Find(a.entities, "org", "星河微"), "name") ==
        "Xinghe Microelectronics");
  CHECK(Attr(Find(a.entities, "org", "台积公司"), "name") == "TSMC");
  CHECK(Attr(Find(a.entities, "org", "台积电"), "name") == "TSMC");
}

TEST_CASE("An ambiguous government name follows the country in context",
          "[extract][org][regress]") {
  auto us = Extract("美国半导体行业协会向商务部提交评论。");
  auto cn = Extract("中国企业向商务部提交申请。");
  INFO(Dump(us) << Dump(cn));
  CHECK(Attr(Find(us, "org", "商务部"), "country") == "US");
  CHECK(Attr(Find(cn, "org", "商务部"), "country") == "CN");
}

TEST_CASE("A currency row in a --rules directory adds a currency",
          "[extract][load]") {
  RuleDir dir;
  dir.Write("currencies.tsv", "比特币\tXBT\tafter\n");
  RuleFiles files = RuleFiles::Builtin();
  REQUIRE(files.AddDirectory(dir.path()).ok());
  std::vector<Status> errors;
  auto ex = Extractor::Load(files, &errors);
  REQUIRE(ex != nullptr);
  Article a;
  a.body = MakeField("公司持有 5 万比特币。", 1);
  DocContext ctx;
  ex->Process(&a, &ctx);
  INFO(Dump(a.entities));
  const Entity* e = Find(a.entities, "money", "5 万比特币");
  CHECK(Attr(e, "currency") == "XBT");
  CHECK(Attr(e, "value") == "50000");
}

}  // namespace
}  // namespace bulletin

// --- Regressions ------------------------------------------------------------
namespace bulletin {
namespace {

TEST_CASE("13万2千元 is 132000, not 13万2 scaled by 千",
          "[extract][money][regress]") {
  auto es = Extract("两家公司分别获得 13万2千元 和 13万2元 的补助。");
  INFO(Dump(es));
  CHECK(Attr(Find(es, "money", "13万2千元"), "value") == "132000");
  CHECK(Attr(Find(es, "money", "13万2元"), "value") == "132000");
}

TEST_CASE("Chinese decimals with 点 are exact", "[extract][regress]") {
  auto es =
      Extract("增速为百分之五十点五，投入三点五亿元，降幅〇点五个百分点。");
  INFO(Dump(es));
  CHECK(Attr(Find(es, "percent", "百分之五十点五"), "value") == "50.5");
  CHECK(Attr(Find(es, "money", "三点五亿元"), "value") == "350000000");
  const Entity* pp = Find(es, "percent", "〇点五个百分点");
  CHECK(Attr(pp, "value") == "0.5");
  CHECK(Attr(pp, "unit") == "pp");
}

}  // namespace
}  // namespace bulletin

namespace bulletin {
namespace {

TEST_CASE("Unknown Latin company names are found by their suffix",
          "[extract][org]") {
  auto es = Extract(
      "Acme Photonics Inc. 与 Nova Semiconductor 公司签约，EDA 公司未参与。");
  INFO(Dump(es));
  CHECK(Attr(Find(es, "org", "Acme Photonics Inc."), "kind") == "company");
  CHECK(Attr(Find(es, "org", "Nova Semiconductor"), "name") ==
        "Nova Semiconductor");
  CHECK(Find(es, "org", "EDA") == nullptr);
}

}  // namespace
}  // namespace bulletin

namespace bulletin {
namespace {

TEST_CASE("唯一项目 and 第一个 are not counts; 3 万个以上 is",
          "[extract][quantity][regress]") {
  auto es = Extract("这并非唯一项目，第一个工厂将创造 3 万个以上的岗位。");
  INFO(Dump(es));
  CHECK(Find(es, "quantity", "一项") == nullptr);
  CHECK(Find(es, "quantity", "一个") == nullptr);
  const Entity* e = Find(es, "quantity", "3 万个以上");
  CHECK(Attr(e, "value") == "30000");
  CHECK(Attr(e, "qualifier") == "over");
}

}  // namespace
}  // namespace bulletin

namespace bulletin {
namespace {

TEST_CASE("第三季度 takes the article's year; 今年第四季 a relative one",
          "[extract][date][regress]") {
  auto es =
      Extract("2023年5月，公司在第三季度和今年第四季表现良好，四季如春。");
  INFO(Dump(es));
  const Entity* q3 = Find(es, "date", "第三季度");
  CHECK(Attr(q3, "value") == "2023-Q3");
  CHECK(Attr(q3, "year_inferred") == "true");
  CHECK(Attr(Find(es, "date", "今年第四季"), "value") == "2023-Q4");
  CHECK(Find(es, "date", "四季") == nullptr);
}

}  // namespace
}  // namespace bulletin

namespace bulletin {
namespace {

// Issue 10 known bugs: relative years as anchors, bare 億/萬 amounts,
// month ranges, words ending in a qualifier's character, ROC fiscal years.
TEST_CASE("去年 and 今年 anchor later month-only dates like a written year",
          "[extract][date]") {
  DocContext ctx = At("2031-06-15");
  auto es = Extract("去年该厂出货下滑。4月停工检修，9月恢复量产。", &ctx);
  INFO(Dump(es));
  CHECK(Attr(Date(es, "去年"), "value") == "2030");
  CHECK(Attr(Date(es, "4月"), "value") == "2030-04");
  CHECK(Attr(Date(es, "9月"), "value") == "2030-09");
  // A relative year in a forward-looking sentence is a plan: no anchor.
  DocContext ctx2 = At("2031-06-15");
  es = Extract("明年将新建两条产线。今年2月已完成环评，5月开工。", &ctx2);
  INFO(Dump(es));
  CHECK(Attr(Date(es, "今年2月"), "value") == "2031-02");
  CHECK(Attr(Date(es, "5月"), "value") == "2031-05");
  // A relative year compared with is a baseline: no anchor either.
  DocContext ctx3 = At("2031-06-15");
  es = Extract("营收较去年同期增长一成。3月出货创新高。", &ctx3);
  INFO(Dump(es));
  CHECK(Attr(Date(es, "3月"), "value") == "2031-03");
}

TEST_CASE("A bare 億 amount takes its sentence's or article's currency",
          "[extract][money]") {
  auto es =
      Extract("該基金首輪籌得4.2億港元，次輪再籌1.8億。全港登記用戶約320萬。");
  INFO(Dump(es));
  const Entity* m = Find(es, "money", "1.8億");
  REQUIRE(m != nullptr);
  CHECK(Attr(m, "value") == "180000000");
  CHECK(Attr(m, "currency") == "HKD");
  CHECK(Attr(m, "currency_inferred") == "true");
  CHECK(Find(es, "money", "約320萬") == nullptr);
  // No amount with a currency anywhere: 億 alone is no money.
  es = Extract("该市常住人口达0.3亿，较上年增长。园区年产芯片12亿。");
  INFO(Dump(es));
  CHECK(OfType(es, "money").empty());
}

TEST_CASE("签约, 最近 end in a qualifier's character but qualify nothing",
          "[extract][quantity]") {
  auto es = Extract("本周签约41个项目，最近6个月出货增长，约9个项目延期。");
  INFO(Dump(es));
  const Entity* q = Find(es, "quantity", "41个");
  REQUIRE(q != nullptr);
  CHECK(Attr(q, "qualifier") == "<none>");
  // 6个月 is a duration, not a count of six things (nor 近6个 "about 6").
  CHECK(Find(es, "quantity", "6个") == nullptr);
  CHECK(Find(es, "quantity", "近6个") == nullptr);
  CHECK(Attr(Find(es, "quantity", "约9个"), "qualifier") == "approx");
}

TEST_CASE("前三季度, 首三季 and 今年前9个月 are periods from the year's start",
          "[extract][date]") {
  DocContext ctx = At("2031-10-20");
  auto es = Extract(
      "公司前三季度营收增长，首三季利润下降，前两季度持平；"
      "今年前9个月出货回升，2029年首十一個月亦然。",
      &ctx);
  INFO(Dump(es));
  const Entity* q = Date(es, "前三季度");
  CHECK(Attr(q, "value") == "2031-Q1/2031-Q3");
  CHECK(Attr(q, "precision") == "quarter");
  CHECK(Attr(q, "from") == "2031-01-01");
  CHECK(Attr(q, "to") == "2031-09-30");
  CHECK(Attr(q, "year_inferred") == "true");
  CHECK(Attr(Date(es, "首三季"), "value") == "2031-Q1/2031-Q3");
  CHECK(Attr(Date(es, "前两季度"), "to") == "2031-06-30");
  const Entity* m = Date(es, "今年前9个月");
  CHECK(Attr(m, "value") == "2031-01/2031-09");
  CHECK(Attr(m, "precision") == "month");
  CHECK(Attr(m, "relative") == "今年");
  const Entity* y = Date(es, "2029年首十一個月");
  CHECK(Attr(y, "value") == "2029-01/2029-11");
  CHECK(Attr(y, "to") == "2029-11-30");
  CHECK(Attr(y, "year_inferred") == "false");
  // Quarter ranges; and no period before an event or for the quarter before.
  es = Extract("2030年一至三季度增长，上市前3个月平稳，前一季度亏损。", &ctx);
  INFO(Dump(es));
  CHECK(Attr(Date(es, "2030年一至三季度"), "value") == "2030-Q1/2030-Q3");
  CHECK(Date(es, "前3个月") == nullptr);
  CHECK(Date(es, "前一季度") == nullptr);
}

TEST_CASE("A plan's year in one article does not date the next article",
          "[extract][date]") {
  // Written in 2031 (--reference-date): the first article's forward-looking
  // sentence names 2033 and 2034; the next article's 10月16日 and 去年 are
  // still of 2031 and 2030, not of the plan.
  DocContext ctx = At("2031-10-20");
  auto es = ProcessArticle(
                "资金将于年内拨付，项目实施期为2033年1月至2034年12月，"
                "将分2033年3月5日和2034年6月1日两期验收。",
                &ctx)
                .entities;
  INFO(Dump(es));
  CHECK(Attr(Date(es, "2033年3月5日"), "value") == "2033-03-05");
  es = ProcessArticle("该厂10月16日公布财报，营收较去年增长。", &ctx).entities;
  INFO(Dump(es));
  CHECK(Attr(Date(es, "10月16日"), "value") == "2031-10-16");
  CHECK(Attr(Date(es, "10月16日"), "year_inferred") == "true");
  // A forward-looking sentence about a year already past still tells the
  // document's year: 2029 is before the reference date, so the next article
  // with no year of its own is dated 2029 by it.
  DocContext past = At("2031-10-20");
  ProcessArticle("2029年3月2日，公司宣布将扩产，2029年5月8日将开工。", &past);
  es = ProcessArticle("工厂6月1日投产。", &past).entities;
  INFO(Dump(es));
  CHECK(Attr(Date(es, "6月1日"), "value") == "2029-06-01");
}


TEST_CASE("A currency name may stand before the figure without 元",
          "[extract][money]") {
  auto es = Extract("第三季收益為澳門元71.5億，人均消費澳門幣2,310，"
                    "门票人民币650，美元5月走弱，人民币2030年升值。");
  INFO(Dump(es));
  CHECK(Number(Find(es, "money", "澳門元71.5億"), "value") == 7150000000);
  CHECK(Attr(Find(es, "money", "澳門元71.5億"), "currency") == "MOP");
  CHECK(Number(Find(es, "money", "澳門幣2,310"), "value") == 2310);
  CHECK(Attr(Find(es, "money", "人民币650"), "currency") == "CNY");
  CHECK(OfType(es, "money").size() == 3);  // 美元5, 人民币2030: no amounts
}

TEST_CASE("Fractions are percent shares; 百亿 and 千万 count from one",
          "[extract][percent][money]") {
  auto es = Extract("约三分之一来自海外，八分之三为内销，三分之五不计；"
                    "投入近百亿元，惠及逾千万人。");
  INFO(Dump(es));
  CHECK(Number(Find(es, "percent", "约三分之一"), "value") == Approx(33.3333));
  CHECK(Attr(Find(es, "percent", "约三分之一"), "qualifier") == "approx");
  CHECK(Number(Find(es, "percent", "八分之三"), "value") == 37.5);
  CHECK(Find(es, "percent", "三分之五") == nullptr);
  CHECK(Number(Find(es, "money", "近百亿元"), "value") == 10000000000.0);
  CHECK(Number(Find(es, "quantity", "逾千万人"), "value") == 10000000);
}

TEST_CASE("攝氏12度, 華氏90度 and 零下5摄氏度 are temperatures",
          "[extract][quantity]") {
  auto es = Extract("室温攝氏21度，沙漠華氏113度，夜间零下6摄氏度，冷库攝氏零下20度。");
  INFO(Dump(es));
  const Entity* c = Find(es, "quantity", "攝氏21度");
  CHECK(Number(c, "value") == 21);
  CHECK(Attr(c, "unit") == "°C");
  CHECK(Attr(c, "unit_text") == "攝氏");
  CHECK(Attr(Find(es, "quantity", "華氏113度"), "unit") == "°F");
  CHECK(Number(Find(es, "quantity", "零下6摄氏度"), "value") == -6);
  CHECK(Number(Find(es, "quantity", "攝氏零下20度"), "value") == -20);
}

TEST_CASE("3000名员工 is a count; 人次, 宗, 間 and 户 are classifiers",
          "[extract][quantity]") {
  auto es = Extract("全厂3000名员工，旅客约260万人次，成交1.9万宗，客房800間，"
                    "服务6万户。");
  INFO(Dump(es));
  CHECK(Number(Find(es, "quantity", "3000名"), "value") == 3000);
  CHECK(Attr(Find(es, "quantity", "约260万人次"), "unit") == "人次");
  CHECK(Attr(Find(es, "quantity", "1.9万宗"), "unit") == "宗");
  CHECK(Attr(Find(es, "quantity", "800間"), "unit") == "间");
  CHECK(Attr(Find(es, "quantity", "6万户"), "unit") == "户");
}

TEST_CASE("A Minguo year's quarter, half and first quarters in a Taiwanese "
          "text", "[extract][date]") {
  auto es = Extract("新臺幣標案115年第三季決標，115年下半年驗收，115年前三季累計，"
                    "10月15日(四)開標。");
  INFO(Dump(es));
  CHECK(Attr(Date(es, "115年第三季"), "value") == "2026-Q3");
  CHECK(Attr(Date(es, "115年下半年"), "value") == "2026-H2");
  CHECK(Attr(Date(es, "115年前三季"), "value") == "2026-Q1/2026-Q3");
  CHECK(Attr(Date(es, "10月15日(四)"), "precision") == "day");
}

}  // namespace
}  // namespace bulletin

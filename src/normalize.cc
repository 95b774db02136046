#include "normalize.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "text_util.h"

namespace bulletin {
namespace {

// The POWER column of scales.tsv: a whole number from 1 to 30.
std::optional<int> ScalePowerOf(const std::string& s) {
  if (s.empty() || s.size() > 2 ||
      s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  int p = std::atoi(s.c_str());
  if (p < 1 || p > 30) return std::nullopt;
  return p;
}

}  // namespace

std::unique_ptr<Tables> Tables::Load(const RuleFiles& files,
                                     std::vector<Status>* errors) {
  auto t = std::make_unique<Tables>();
  for (const char* name :
       {"currencies.tsv", "units.tsv", "qualifiers.tsv", "date_words.tsv",
        "tlds.tsv", "scales.tsv", "currency_context.tsv"}) {
    auto& table = t->tables_[name];
    for (auto& row :
         ReadTable(files, name, 2, "TAB-separated columns", errors)) {
      if (std::strcmp(name, "scales.tsv") == 0 && !ScalePowerOf(row.cols[1])) {
        errors->push_back(row.Error(1, "expected a power of ten, 1 to 30"));
        continue;
      }
      std::string key = row.cols[0];
      row.cols.erase(row.cols.begin());
      table[key] = std::move(row.cols);
    }
  }
  auto num_files = files.Find("numerals.tsv");
  if (num_files.empty()) {
    errors->push_back(Status::Error(StatusCode::kBadRules, "numerals.tsv", 0,
                                    0, "missing"));
    return nullptr;
  }
  // Each file alone first, so that an error names its own line. The
  // numeral parser reports "LINE:COL: message".
  auto fail = [&](const RuleFile* f, const std::string& err) {
    size_t colon = err.find(':');
    errors->push_back(Status::Error(
        StatusCode::kBadRules, f->origin, std::atoi(err.c_str()),
        std::atoi(err.c_str() + colon + 1), err.substr(err.find(": ") + 2)));
    return nullptr;
  };
  std::string all, err;
  for (const RuleFile* f : num_files) {
    if (!Numerals::FromTsv(f->text, &err)) return fail(f, err);
    all += f->text + "\n";
  }
  t->numerals_ = Numerals::FromTsv(all, &err);
  if (!t->numerals_) return fail(num_files.back(), err);
  for (const auto& [file, table] : t->tables_)
    for (const auto& [surface, cols] : table)
      if (!cols.empty() && !surface.empty())
        t->surfaces_of_[file][cols.front()].push_back(surface);
  return t;
}

bool Tables::Alternation(const std::string& file, const std::string& tag,
                         std::string* out) const {
  auto it = tables_.find(file);
  if (it == tables_.end()) return false;
  std::vector<std::string> keys;
  for (const auto& [k, cols] : it->second) {
    if (!tag.empty()) {
      // A column may list several tags: "after,before".
      bool has = false;
      for (const auto& c : cols)
        for (const auto& t : SplitString(c, ',')) has |= t == tag;
      if (!has) continue;
    }
    keys.push_back(k);
  }
  if (keys.empty()) return false;
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  out->clear();
  for (const auto& k : keys) {
    if (!out->empty()) out->push_back('|');
    *out += RE2::QuoteMeta(k);
  }
  return true;
}

bool Tables::KnownType(const std::string& type) {
  return type == "money" || type == "percent" || type == "quantity" ||
         type == "process_node" || type == "date" || type == "url";
}

const std::vector<std::string>* Tables::Row(const std::string& file,
                                            std::string_view surface) const {
  auto it = tables_.find(file);
  if (it == tables_.end()) return nullptr;
  auto r = it->second.find(surface);
  return r == it->second.end() ? nullptr : &r->second;
}

const std::vector<std::string>& Tables::SurfacesOf(
    const std::string& file, const std::string& kind) const {
  static const std::vector<std::string> kNone;
  auto it = surfaces_of_.find(file);
  if (it == surfaces_of_.end()) return kNone;
  auto k = it->second.find(kind);
  return k == it->second.end() ? kNone : k->second;
}

const std::vector<std::string>* Tables::UnitRow(std::string_view unit) const {
  if (auto* row = Row("units.tsv", unit)) return row;
  // A case-insensitive symbol (units.tsv tag "ci") written in another case.
  auto lower = [](std::string_view s) {
    std::string o(s);
    for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return o;
  };
  std::string want = lower(unit);
  for (const auto& [k, cols] : tables_.at("units.tsv"))
    if (cols.size() >= 2 && cols[1].find("ci") != std::string::npos &&
        lower(k) == want)
      return &cols;
  return nullptr;
}

std::optional<Decimal> Tables::Number(std::string_view text) const {
  // Without blanks, line ends (a decimal broken after its point) and the
  // spaces inside a figure: Unicode's space separators (thin, no-break and
  // ideographic spaces ...; figures.rules' SP says which a figure may hold).
  std::string s;
  for (char32_t c : ToCodePoints(text))
    if (c != '\t' && c != '\n' && c != '\r' &&
        u_charType(static_cast<UChar32>(c)) != U_SPACE_SEPARATOR)
      AppendUtf8(c, &s);
  // Chinese decimals: 三点五, 〇点五, 百分之五十点五 (a point word of
  // numerals.tsv, then digit names).
  for (const std::string& point : numerals_->point_words()) {
    size_t p = s.find(point);
    if (p == std::string::npos) continue;
    std::string whole = s.substr(0, p), frac = s.substr(p + point.size());
    std::optional<Decimal> w = numerals_->Parse(whole);
    if (!w || w->exponent < 0 || frac.empty()) return std::nullopt;
    std::string digits;
    for (size_t i = 0; i < frac.size();) {
      size_t len = 1;
      unsigned char c = static_cast<unsigned char>(frac[i]);
      if (c >= 0xF0)
        len = 4;
      else if (c >= 0xE0)
        len = 3;
      else if (c >= 0xC0)
        len = 2;
      auto d = numerals_->Parse(frac.substr(i, len));
      if (!d || d->ToString().size() != 1) return std::nullopt;
      digits += d->digits;
      i += len;
    }
    return numerals_->Parse(w->ToString() + "." + digits);
  }
  if (auto v = numerals_->Parse(s)) return v;
  // 百亿, 千万 with no digit before the unit (近百億元, 逾千萬人: the rules'
  // CNUM lets only a leading 百 or 千 through): one hundred, one thousand.
  if (s.empty() || static_cast<unsigned char>(s[0]) < 0x80) return std::nullopt;
  return numerals_->Parse("1" + s);
}

std::optional<int> Tables::EnglishScale(std::string_view word) const {
  std::string lower(word);
  for (auto& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto* row = Row("scales.tsv", lower);
  return row ? ScalePowerOf((*row)[0]) : std::nullopt;
}

std::optional<std::string> Tables::Qualifier(const Groups& g) const {
  for (const char* k : {"qual_pre", "qual_post", "approx"}) {
    auto it = g.find(k);
    if (it == g.end()) continue;
    if (auto* row = Row("qualifiers.tsv", it->second)) return (*row)[0];
  }
  return std::nullopt;
}

namespace {

// A URL's value: the scheme and the host lower-cased (they are
// case-insensitive, RFC 3986 6.2.2.1); user info, path, query and fragment
// are kept as written (they are case-sensitive: t.co/Xy12 is not t.co/xy12).
std::string UrlValue(std::string_view url) {
  std::string v(url);
  auto lower = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i)
      v[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(v[i])));
  };
  size_t host = 0, sep = v.find("://");
  if (sep != std::string::npos &&
      v.find_first_of("/?#") == sep + 1) {  // the scheme is before any '/'
    lower(0, sep);
    host = sep + 3;
  }
  size_t end = v.find_first_of("/?#", host);
  if (end == std::string::npos) end = v.size();
  size_t at = v.rfind('@', end);
  if (at != std::string::npos && at >= host) host = at + 1;
  lower(host, end);
  return v;
}

// The attribute Figure() puts on a money entity whose currency is 元 alone;
// InferCurrencies removes it.
const char* const kBareMark = "currency_bare";
// The same for 億 or 萬 with no currency word at all (money.scale_only):
// InferCurrencies drops the entity when no evidence names a currency.
const char* const kScaleOnlyMark = "currency_scale_only";
// The same for a symbol several currencies write (tag shared: ¥ for the
// yuan and the yen): InferCurrencies may give it another one.
const char* const kSharedMark = "currency_shared";

std::string Get(const Groups& g, const char* k) {
  auto it = g.find(k);
  return it == g.end() ? std::string() : std::string(it->second);
}

// Entities of one sentence (field, footnote, sentence number) that may lend
// their currency, by position: the nearest to a point is found by binary
// search, so a sentence of many amounts (one huge line) costs n log n, not
// n squared. On a tie the first in entity order wins, as a scan would.
class NearestAmounts {
 public:
  using Key = std::tuple<std::string, int, int>;
  void Add(const Key& k, int start, size_t index) {
    by_key_[k].push_back({start, index});
  }
  void Sort() {
    for (auto& [k, v] : by_key_) std::sort(v.begin(), v.end());
  }
  // The index of the entity of `k` nearest to `pos`, or -1 for none.
  long Find(const Key& k, int pos) const {
    auto it = by_key_.find(k);
    if (it == by_key_.end() || it->second.empty()) return -1;
    const auto& v = it->second;
    auto at = [&](int start) {  // first entry at or after `start`
      return std::lower_bound(v.begin(), v.end(), std::make_pair(start, size_t{0}));
    };
    auto hi = at(pos);
    long d = -1;
    if (hi != v.end()) d = hi->first - pos;
    if (hi != v.begin()) {
      long dl = pos - std::prev(hi)->first;
      if (d < 0 || dl < d) d = dl;
    }
    long best = -1;
    for (long side : {-d, d}) {
      auto e = at(static_cast<int>(pos + side));
      if (e != v.end() && e->first == pos + side &&
          (best < 0 || static_cast<long>(e->second) < best))
        best = static_cast<long>(e->second);
    }
    return best;
  }

 private:
  std::map<Key, std::vector<std::pair<int, size_t>>> by_key_;
};

}  // namespace

// Percent forms whose value is not the written number (see figures.rules):
// 成 (tenths, plus a tenth_add digit or half), 折 discounts, 千分之 and
// 万分之, fractions (三分之一), and the whole (百分之百, 对折). Rejects values
// out of range.
std::optional<Decimal> Tables::PercentValue(const Groups& g,
                                            std::optional<Decimal> v) const {
  auto parse = [&](const std::string& s) { return numerals_->Parse(s); };
  if (g.count("tenths")) {
    if (!v && g.count("half")) v = parse("0.5");  // 半成
    if (!v) return std::nullopt;
    std::string add = Get(g, "tenth_add");
    if (!add.empty()) {
      if (v->exponent < 0) return std::nullopt;  // 7.5成半
      auto d = Number(add);  // a digit, or nullopt for 半 (five tenths)
      v = parse(v->ToString() + "." + (d ? d->ToString() : "5"));
      if (!v) return std::nullopt;
    }
    if (v->Shifted(-1).ToDouble() > 1.0) return std::nullopt;  // 15成
    return v->Shifted(1);
  }
  if (g.count("discount")) {
    if (!v) return parse("50");  // 对折, 半折
    double d = v->ToDouble();
    if (d <= 0 || d == 10 || d >= 100) return std::nullopt;  // 十折: no discount
    return d < 10 ? v->Shifted(1) : *v;  // 八折 → 80, 八五折 → 85
  }
  if (g.count("den")) {  // 三分之一: the share in percent, four decimals
    auto den = Number(Get(g, "den"));
    if (!v || !den || den->ToDouble() < 2 || v->ToDouble() <= 0 ||
        v->ToDouble() > den->ToDouble())
      return std::nullopt;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", 100 * v->ToDouble() / den->ToDouble());
    std::string f = buf;
    while (f.back() == '0') f.pop_back();
    if (f.back() == '.') f.pop_back();
    return parse(f);
  }
  if (!v && g.count("full")) return parse("100");  // 百分之百
  if (!v) return std::nullopt;
  if (g.count("permille")) return v->Shifted(-1);
  if (g.count("permyriad")) return v->Shifted(-2);
  return v;
}

bool Tables::Figure(const std::string& type, const Groups& g, Entity* e) const {
  std::string num = Get(g, "num");
  std::optional<Decimal> value, few_max;
  if (!num.empty()) {
    value = Number(num);
    if (!value) return false;
  }
  if (g.count("few_pre") || g.count("few_x")) {
    auto range = FewRange(g);
    if (!range) return false;
    value = range->first;
    few_max = range->second;
  }
  if (type == "percent") value = PercentValue(g, value);
  if (type == "money" && (g.count("jiao") || g.count("fen") || g.count("fen2"))) {
    value = Cents(g, value);
    if (!value) return false;
  }
  if (!value) return false;
  auto scale_of = [&](const std::string& s) -> std::optional<int> {
    if (s.empty()) return 0;
    if (auto p = numerals_->ScalePower(s)) return p;
    return EnglishScale(s);
  };
  std::string scale = Get(g, "scale"), scale_max = Get(g, "scale_max");
  auto sp = scale_of(scale);
  if (!sp) return false;
  std::optional<Decimal> vmax;
  if (!Get(g, "num_max").empty()) {
    vmax = Number(Get(g, "num_max"));
    if (!vmax) return false;
    auto spm = scale_of(scale_max);
    if (!spm) return false;
    // "10-20亿美元": the scale written once applies to both ends.
    if (scale.empty() && !scale_max.empty()) sp = spm;
    if (scale_max.empty() && !scale.empty()) spm = sp;
    vmax = vmax->Shifted(*spm);
    // The end of a percent range reads as its start does (三到五成: 50).
    if (type == "percent") vmax = PercentValue(g, vmax);
    if (!vmax) return false;
  }
  *value = value->Shifted(*sp);
  if (few_max) vmax = few_max->Shifted(*sp);
  // A minus sign or 负 before the number (never on zero: -0 is 0).
  std::string sign = g.count("neg") && !value->IsZero() ? "-" : "";
  auto& a = e->attrs;
  if (type == "percent") {
    a.push_back({"value", AttrValue::Number(sign + value->ToString())});
    if (vmax) a.push_back({"value_max", AttrValue::Number(vmax->ToString())});
    if (g.count("pp")) a.push_back({"unit", AttrValue::String("pp")});
  } else if (type == "money") {
    std::string cur = Get(g, "cur");
    if (cur.empty()) cur = Get(g, "cur_pre");
    bool scale_only = cur.empty() && g.count("scale_only");
    const std::vector<std::string>* row = Row("currencies.tsv", cur);
    if (scale_only) {  // a bare amount, as 元 alone: the first bare row
      for (const auto& [surface, cols] : tables_.at("currencies.tsv")) {
        if (cols.size() < 2) continue;
        for (const auto& tag : SplitString(cols[1], ','))
          if (tag == "bare") row = &cols;
        if (row) break;
      }
    }
    if (!row) return false;
    // 元 alone names no currency before a number (单元3楼, 公元2024).
    if (Get(g, "cur").empty() && g.count("cur_pre") && row->size() > 1)
      for (const auto& tag : SplitString((*row)[1], ','))
        if (tag == "bare") return false;
    // A currency's hundredth (tag hundredth: cents, pence): the figure
    // counts hundredths of the currency the row names.
    auto hundredths = [](const std::vector<std::string>& r) {
      if (r.size() > 1)
        for (const auto& tag : SplitString(r[1], ','))
          if (tag == "hundredth") return true;
      return false;
    };
    bool max_hundredths = hundredths(*row);
    // 5000 万美元至 1 亿美元: both ends name the currency, the same one
    // (1.5美元至99美分: each end in its own unit).
    if (g.count("cur_max")) {
      const auto* row_max = Row("currencies.tsv", Get(g, "cur_max"));
      if (!row_max || (*row_max)[0] != (*row)[0]) return false;
      max_hundredths = hundredths(*row_max);
    }
    if (hundredths(*row)) *value = value->Shifted(-2);
    if (vmax && max_hundredths) vmax = vmax->Shifted(-2);
    a.push_back({"value", AttrValue::Number(sign + value->ToString())});
    if (vmax) a.push_back({"value_max", AttrValue::Number(vmax->ToString())});
    a.push_back({"currency", AttrValue::String((*row)[0])});
    // 元 alone (tag bare): InferCurrencies may give it the article's
    // currency after the article is read; the mark is removed there.
    bool bare = false;
    if ((scale_only || !Get(g, "cur").empty()) && row->size() > 1)
      for (const auto& tag : SplitString((*row)[1], ',')) bare |= tag == "bare";
    if (bare) a.push_back({kBareMark, AttrValue::Bool(true)});
    bool shared = false;
    if (Get(g, "cur").empty() && g.count("cur_pre") && row->size() > 1)
      for (const auto& tag : SplitString((*row)[1], ',')) shared |= tag == "shared";
    if (shared) a.push_back({kSharedMark, AttrValue::Bool(true)});
    if (scale_only) a.push_back({kScaleOnlyMark, AttrValue::Bool(true)});
  } else if (type == "quantity") {
    std::string unit = Get(g, "unit");
    // 3米至5米, 1倍到2倍: a range whose start writes the unit too, the same.
    if (g.count("unit_from") && FoldWidth(Get(g, "unit_from")) != FoldWidth(unit))
      return false;
    const std::vector<std::string>* row = UnitRow(unit);
    std::string u = row ? (*row)[0] : FoldWidth(unit);
    // A normalised unit that is itself a surface of another row (CLDR's
    // 千克 for kg, written 公斤 by hand) takes that row's unit.
    if (const auto* again = row ? Row("units.tsv", u) : nullptr) u = (*again)[0];
    // 三米半 (half), 一米八 (sub): a fraction of the unit after it, on a
    // whole number only.
    std::string frac = g.count("half") ? "5" : Get(g, "sub");
    if (!frac.empty()) {
      auto d = frac == "5" ? numerals_->Parse("5") : Number(frac);
      if (!d || value->exponent < 0) return false;
      value = numerals_->Parse(value->ToString() + "." + d->ToString());
      if (!value) return false;
    }
    a.push_back({"value", AttrValue::Number(sign + value->ToString())});
    if (vmax) a.push_back({"value_max", AttrValue::Number(vmax->ToString())});
    a.push_back({"unit", AttrValue::String(u)});
    a.push_back({"unit_text", AttrValue::String(unit)});
  } else if (type == "process_node") {
    a.push_back({"value_nm", AttrValue::Number(value->ToString())});
  }
  if (auto q = Qualifier(g)) {
    a.push_back({"qualifier", AttrValue::String(*q)});
  } else if (few_max) {
    a.push_back({"qualifier", AttrValue::String("approx")});
  }
  return true;
}

// 3元5角2分, 5块3毛, 五毛钱: the whole units (none for 五毛钱), then one
// digit of tenths (jiao) and one of hundredths (fen or fen2).
std::optional<Decimal> Tables::Cents(const Groups& g,
                                     std::optional<Decimal> whole) const {
  if (!whole) whole = numerals_->Parse("0");
  if (!whole || whole->exponent < 0) return std::nullopt;  // 3.5块2毛
  auto digit = [&](const char* k) -> std::optional<std::string> {
    std::string s = Get(g, k);
    if (s.empty()) return std::string("0");
    auto d = Number(s);
    if (!d || d->exponent != 0 || d->digits.size() != 1) return std::nullopt;
    return d->digits;
  };
  auto jiao = digit("jiao"), fen = digit(g.count("fen2") ? "fen2" : "fen");
  if (!jiao || !fen) return std::nullopt;
  return numerals_->Parse(whole->ToString() + "." + *jiao + *fen);
}

// An approximate count of figures.rules FEW, its unknown digit read as 1 to
// 9 (value is the lower bound): few_x is the unknown digit then its unit
// (数十 → 1十 … 9十, 10 to 90), few_pre the tens before an unknown units
// digit (十几 → 11 to 19).
std::optional<std::pair<Decimal, Decimal>> Tables::FewRange(
    const Groups& g) const {
  if (g.count("few_pre")) {
    auto tens = Number(Get(g, "few_pre"));
    if (!tens || tens->exponent < 0) return std::nullopt;
    auto l = numerals_->Parse(std::to_string(static_cast<long long>(tens->ToDouble()) + 1));
    auto h = numerals_->Parse(std::to_string(static_cast<long long>(tens->ToDouble()) + 9));
    if (!l || !h) return std::nullopt;
    return std::make_pair(*l, *h);
  }
  std::vector<char32_t> cps = ToCodePoints(Get(g, "few_x"));
  if (cps.empty()) return std::nullopt;
  std::string unit;
  for (size_t i = 1; i < cps.size(); ++i) AppendUtf8(cps[i], &unit);
  auto l = Number("1" + unit), h = Number("9" + unit);
  if (!l || !h) return std::nullopt;
  return std::make_pair(*l, *h);
}

bool Tables::Normalize(const std::string& type, const Groups& g, Entity* e,
                       DocContext* ctx) const {
  if (type == "url") {
    e->attrs.push_back({"value", AttrValue::String(UrlValue(e->text))});
    return true;
  }
  if (type == "date") return NormalizeDate(*this, g, e, ctx);
  if (type == "process_node" && g.count("um")) {
    // Microns: 0.25 µm is 250 nm; a range keeps its end in value_nm_max.
    auto v = Number(Get(g, "um"));
    if (!v || v->ToDouble() > 3.0) return false;
    e->attrs.push_back({"value_nm", AttrValue::Number(v->Shifted(3).ToString())});
    if (g.count("um_max")) {
      auto m = Number(Get(g, "um_max"));
      if (!m || m->ToDouble() > 3.0) return false;
      e->attrs.push_back({"value_nm_max", AttrValue::Number(m->Shifted(3).ToString())});
    }
    if (auto q = Qualifier(g))
      e->attrs.push_back({"qualifier", AttrValue::String(*q)});
    return true;
  }
  if (type == "process_node" && g.count("angstrom")) {
    // Intel's ångström names: 20A is 2.0 nm, 18A is 1.8 nm.
    auto v = Number(Get(g, "angstrom"));
    if (!v) return false;
    e->attrs.push_back({"value_nm", AttrValue::Number(v->Shifted(-1).ToString())});
    if (auto q = Qualifier(g))
      e->attrs.push_back({"qualifier", AttrValue::String(*q)});
    return true;
  }
  if (!Figure(type, g, e)) return false;
  // A currency word that is a roc_marker of date_words.tsv marks the text
  // as Taiwanese, as the date rule of those words would if the amount
  // did not cover them (新台幣42億元, then 114年度).
  if (type == "money" && ctx)
    for (const char* k : {"cur", "cur_pre"}) {
      auto it = g.find(k);
      if (it == g.end()) continue;
      const auto* row = Row("date_words.tsv", it->second);
      if (row && !row->empty() && (*row)[0] == "roc_marker") ctx->taiwan = true;
    }
  return true;
}

int Tables::ScriptOf(char32_t c) const {
  std::lock_guard<std::mutex> lock(script_mu_);
  if (!to_hans_ || !to_hant_) {
    UErrorCode err = U_ZERO_ERROR;
    to_hans_.reset(icu::Transliterator::createInstance(
        "Traditional-Simplified", UTRANS_FORWARD, err));
    if (U_FAILURE(err)) to_hans_.reset();
    err = U_ZERO_ERROR;
    to_hant_.reset(icu::Transliterator::createInstance(
        "Simplified-Traditional", UTRANS_FORWARD, err));
    if (U_FAILURE(err)) to_hant_.reset();
    if (!to_hans_ || !to_hant_) return 0;
  }
  auto changed = [c](icu::Transliterator& tr) {
    icu::UnicodeString s(static_cast<UChar32>(c));
    tr.transliterate(s);
    return s != icu::UnicodeString(static_cast<UChar32>(c));
  };
  return 1 + (changed(*to_hans_) ? 1 : 0) + (changed(*to_hant_) ? 2 : 0);
}

bool Tables::Traditional(const std::vector<std::string_view>& texts) const {
  int hant = 0, hans = 0;
  for (std::string_view t : texts) {
    for (char32_t c : ToCodePoints(t)) {
      // CJK Unified Ideographs, Extension A to the base block (a Unicode
      // range: mechanism).
      if (c < kHanFirst || c > kHanLast) continue;
      std::atomic<uint8_t>& seen = script_of_[c - kHanFirst];
      int kind = seen.load(std::memory_order_relaxed);
      if (kind == 0) {
        kind = ScriptOf(c);
        if (kind == 0) return false;  // no transliterators
        seen.store(static_cast<uint8_t>(kind), std::memory_order_relaxed);
      }
      hant += kind == 2;
      hans += kind == 3;
    }
  }
  return hant > hans;
}

// Currency from context (README "Currency from context"). A money entity
// whose currency is 元 alone (kBareMark) takes, in this order of evidence:
//   1. the nearest explicit amount in its own sentence, when that is in a
//      local-yuan currency (currency_context.tsv "local") or in renminbi;
//   and, when the article is in Traditional script (mainland text means
//   the renminbi by 元 even when it quotes Hong Kong dollars elsewhere):
//   2. the article's explicit amounts: the local currency most of them are
//      in, when it outnumbers renminbi and no other local one ties it;
//   3. the article's source markers (currency_context.tsv "marker"), when
//      no explicit amount of the article is in renminbi;
//   4. the same two tests on the document so far (earlier articles);
//   and then
//   5. --locale (DocContext::locale_currency);
// and otherwise stays CNY. A currency other than CNY found this way is
// marked currency_inferred: true. An amount of 億 or 萬 with no currency
// word at all (money.scale_only) takes the currency of the nearest other
// amount of 10^4 or more in its sentence, whatever it is, else evidence 2
// to 4, and is
// removed without; it is always marked currency_inferred. Before all this,
// an amount after a shared symbol (¥: kSharedMark) takes the currency of a
// symbol_marker row where the article's explicit amounts in it outnumber
// those in the symbol's own, or where it has none in either and holds a
// marker word of it (currency_inferred too).
void Tables::InferCurrencies(const std::vector<std::string_view>& texts,
                             std::vector<Entity>* ents, size_t first,
                             DocContext* ctx) const {
  const auto& context = tables_.at("currency_context.tsv");
  auto local = [&](const std::string& iso) {
    auto it = context.find(iso);
    return it != context.end() && it->second.size() > 1 &&
           it->second[1] == "local";
  };
  auto currency_of = [](const Entity& e) {
    const AttrValue* v = FindAttr(e.attrs, "currency");
    return v ? v->text() : std::string();
  };
  auto is_bare = [](const Entity& e) {
    return e.type == "money" && FindAttr(e.attrs, kBareMark) != nullptr;
  };
  // ¥1,200 (a shared symbol: kSharedMark) is the yen, not the yuan of its
  // currencies.tsv row, when the article's other explicit amounts in the
  // yen outnumber those in the yuan, or, with none in either, the article
  // names a symbol_marker word of the yen (日本, 日元).
  std::map<std::string, int> explicit_counts;
  std::set<std::string> symbol_markers;
  bool any_shared = false;
  for (size_t i = first; i < ents->size(); ++i) {
    const Entity& e = (*ents)[i];
    if (e.type != "money" || FindAttr(e.attrs, kScaleOnlyMark)) continue;
    if (FindAttr(e.attrs, kSharedMark))
      any_shared = true;
    else if (!is_bare(e))
      ++explicit_counts[currency_of(e)];
  }
  if (any_shared) {
    for (const auto& [word, cols] : context)
      if (cols.size() > 1 && cols[1] == "symbol_marker" &&
          !symbol_markers.count(cols[0]))
        for (std::string_view t : texts)
          if (t.find(word) != std::string_view::npos) symbol_markers.insert(cols[0]);
    std::set<std::string> others;
    for (const auto& [word, cols] : context)
      if (cols.size() > 1 && cols[1] == "symbol_marker") others.insert(cols[0]);
    for (size_t i = first; i < ents->size(); ++i) {
      Entity& e = (*ents)[i];
      if (e.type != "money" || !FindAttr(e.attrs, kSharedMark)) continue;
      std::string own = currency_of(e);
      int own_n = explicit_counts[own];
      for (const std::string& x : others) {
        int n = explicit_counts[x];
        if (x == own || !(n > own_n || (n == 0 && own_n == 0 &&
                                        symbol_markers.count(x))))
          continue;
        for (auto& [k, v] : e.attrs)
          if (k == "currency") v = AttrValue::String(x);
        e.attrs.push_back({"currency_inferred", AttrValue::Bool(true)});
        break;
      }
    }
  }
  // Explicit amounts of the article: local currencies and CNY.
  std::map<std::string, int> amounts, markers;
  bool any_bare = false;
  for (size_t i = first; i < ents->size(); ++i) {
    const Entity& e = (*ents)[i];
    if (e.type != "money") continue;
    if (is_bare(e)) {
      any_bare = true;
      continue;
    }
    std::string c = currency_of(e);
    if (c == "CNY" || local(c)) ++amounts[c];
  }
  for (const auto& [word, cols] : context) {
    if (cols.size() < 2 || cols[1] != "marker") continue;
    for (std::string_view t : texts)
      for (size_t p = t.find(word); p != std::string_view::npos;
           p = t.find(word, p + word.size()))
        ++markers[cols[0]];
  }
  // The local currency the counts point to, or "".
  auto winner = [&](const std::map<std::string, int>& counts, int cny) {
    std::string best;
    int n = 0;
    bool tie = false;
    for (const auto& [c, k] : counts) {
      if (c == "CNY" || k == 0) continue;
      if (k > n) {
        best = c, n = k, tie = false;
      } else if (k == n) {
        tie = true;
      }
    }
    return !tie && n > cny ? best : std::string();
  };
  auto cny_of = [](const std::map<std::string, int>& m) {
    auto it = m.find("CNY");
    return it == m.end() ? 0 : it->second;
  };
  std::string article_cur, doc_cur;
  if (any_bare && Traditional(texts)) {
    article_cur = winner(amounts, cny_of(amounts));
    if (article_cur.empty() && cny_of(amounts) == 0)
      article_cur = winner(markers, 0);
    doc_cur = winner(ctx->currency_amounts, cny_of(ctx->currency_amounts));
    if (doc_cur.empty() && cny_of(ctx->currency_amounts) == 0)
      doc_cur = winner(ctx->currency_markers, 0);
  }
  if (any_bare) {
    // 1. The nearest explicit amount of the sentence (CNY or local).
    NearestAmounts explicit_amounts;
    for (size_t j = first; j < ents->size(); ++j) {
      const Entity& o = (*ents)[j];
      if (o.type != "money" || is_bare(o)) continue;
      std::string c = currency_of(o);
      if (c != "CNY" && !local(c)) continue;
      explicit_amounts.Add({o.field, o.footnote_index, o.sentence}, o.start, j);
    }
    explicit_amounts.Sort();
    for (size_t i = first; i < ents->size(); ++i) {
      Entity& e = (*ents)[i];
      if (!is_bare(e)) continue;
      if (FindAttr(e.attrs, kScaleOnlyMark)) continue;  // below
      long j = explicit_amounts.Find({e.field, e.footnote_index, e.sentence},
                                     e.start);
      std::string cur = j < 0 ? std::string() : currency_of((*ents)[j]);
      if (j < 0) cur = article_cur;       // 2, 3
      if (j < 0 && cur.empty()) cur = doc_cur;  // 4
      if (j < 0 && cur.empty()) cur = ctx->locale_currency;  // 5
      if (!cur.empty() && cur != "CNY") {
        for (auto& [k, v] : e.attrs)
          if (k == "currency") v = AttrValue::String(cur);
        e.attrs.push_back({"currency_inferred", AttrValue::Bool(true)});
      }
    }
  }
  // 億 or 萬 with no currency word (money.scale_only): the currency of the
  // nearest other amount of 10^4 or more in its sentence (resolved above), else of the
  // article or the document (2 to 4); without any it is no money.
  NearestAmounts large_amounts;
  for (size_t j = first; j < ents->size(); ++j) {
    const Entity& o = (*ents)[j];
    if (o.type != "money" || FindAttr(o.attrs, kScaleOnlyMark)) continue;
    // An amount of that order (10^4 or more): 15元 beside 36亿 is a
    // price, no evidence that 36亿 is money.
    const AttrValue* ov = FindAttr(o.attrs, "value");
    if (!ov || std::fabs(std::atof(ov->text().c_str())) < 1e4) continue;
    large_amounts.Add({o.field, o.footnote, o.sentence}, o.start, j);
  }
  large_amounts.Sort();
  for (size_t i = first; i < ents->size(); ++i) {
    Entity& e = (*ents)[i];
    if (e.type != "money" || !FindAttr(e.attrs, kScaleOnlyMark)) continue;
    long j = large_amounts.Find({e.field, e.footnote, e.sentence}, e.start);
    std::string cur = j < 0 ? std::string() : currency_of((*ents)[j]);
    if (j < 0) cur = !article_cur.empty() ? article_cur : doc_cur;
    if (cur.empty()) {
      e.type.clear();  // removed below
      continue;
    }
    for (auto& [k, v] : e.attrs)
      if (k == "currency") v = AttrValue::String(cur);
    e.attrs.push_back({"currency_inferred", AttrValue::Bool(true)});
  }
  ents->erase(std::remove_if(ents->begin() + static_cast<std::ptrdiff_t>(first),
                             ents->end(),
                             [](const Entity& e) { return e.type.empty(); }),
              ents->end());
  for (size_t i = first; i < ents->size(); ++i) {
    auto& a = (*ents)[i].attrs;
    a.erase(std::remove_if(a.begin(), a.end(),
                           [](const auto& kv) {
                             return kv.first == kBareMark ||
                                    kv.first == kScaleOnlyMark ||
                                    kv.first == kSharedMark;
                           }),
            a.end());
  }
  for (const auto& [c, k] : amounts) ctx->currency_amounts[c] += k;
  for (const auto& [c, k] : markers) ctx->currency_markers[c] += k;
}

}  // namespace bulletin

#include "record.h"

#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace bulletin {

using nlohmann::ordered_json;

namespace {

ordered_json AttrJsonValue(const AttrValue& v) {
  const std::string& t = v.text();
  switch (v.kind()) {
    case AttrValue::Kind::kNull:
      return nullptr;
    case AttrValue::Kind::kBool:
      return t == "true";
    case AttrValue::Kind::kString:
      return t;
    case AttrValue::Kind::kNumber:
      break;
  }
  // An exact decimal: a whole number within 64 bits as an integer, anything
  // else as the nearest double (what a JSON reader makes of the digits).
  bool whole = t.find('.') == std::string::npos;
  if (whole) {
    errno = 0;
    char* end = nullptr;
    if (t[0] == '-') {
      long long n = std::strtoll(t.c_str(), &end, 10);
      if (errno == 0 && *end == '\0') return n;
    } else {
      unsigned long long n = std::strtoull(t.c_str(), &end, 10);
      if (errno == 0 && *end == '\0') return n;
    }
  }
  return std::strtod(t.c_str(), nullptr);
}

// The entity's normalised fields in the schema's order for its type
// (EntityAttrRank), fields it does not list last, each group as the
// normaliser set them.
class OrderedAttrs {
 public:
  using Item = Attrs::value_type;
  explicit OrderedAttrs(const Entity& e) {
    size_t n = e.attrs.size();
    if (n > kInline) more_.resize(n);
    Slot* s = n > kInline ? more_.data() : inline_;
    for (size_t i = 0; i < n; ++i) {
      Slot x{EntityAttrRank(e.type, e.attrs[i].first), &e.attrs[i]};
      size_t j = i;
      for (; j > 0 && s[j - 1].rank > x.rank; --j) s[j] = s[j - 1];
      s[j] = x;
    }
    begin_ = s;
    end_ = s + n;
  }
  struct Slot {
    int rank;
    const Item* item;
    const Item& operator*() const { return *item; }
  };
  const Slot* begin() const { return begin_; }
  const Slot* end() const { return end_; }

 private:
  static constexpr size_t kInline = 16;
  Slot inline_[kInline];
  std::vector<Slot> more_;
  const Slot* begin_ = nullptr;
  const Slot* end_ = nullptr;
};

ordered_json EntityJson(const Entity& e, const RecordOptions& opt) {
  ordered_json j;
  j["type"] = e.type;
  j["text"] = e.text;
  for (const auto& slot : OrderedAttrs(e)) j[slot.item->first] = AttrJsonValue(slot.item->second);
  j["field"] = e.field;
  if (e.field == "footnote") {
    j["footnote"] = e.footnote;
    j["footnote_index"] = e.footnote_index;
  }
  j["start"] = e.start;
  j["end"] = e.end;
  j["line"] = e.line;
  j["col"] = e.col;
  if (e.page > 0) j["page"] = e.page;
  if (e.sentence >= 0) j["sentence"] = e.sentence;
  if (opt.context && !e.sentence_text.empty()) j["context"] = e.sentence_text;
  j["rule"] = e.rule;
  return j;
}

}  // namespace

std::string AttrJson(const AttrValue& v) {
  return AttrJsonValue(v).dump(-1, ' ', false,
                               ordered_json::error_handler_t::replace);
}

namespace {

// The record built as a tree and dumped by nlohmann: the pretty form, and
// the reference the direct writer below must equal byte for byte.
std::string TreeRecord(const Article& a, const RecordOptions& opt) {
  ordered_json j;
  j["schema_version"] = 1;
  j["source"] = {{"path", a.path}, {"line", a.line}, {"end_line", a.end_line}};
  if (a.jsonl_line > 0) j["source"]["jsonl_line"] = a.jsonl_line;
  if (a.page > 0) {
    j["source"]["page"] = a.page;
    j["source"]["end_page"] = a.end_page;
  }
  if (!a.id_json.empty()) j["id"] = ordered_json::parse(a.id_json);
  if (!a.meta.empty()) {
    ordered_json m = ordered_json::object();
    for (const auto& [k, v] : a.meta) m[k] = ordered_json::parse(v);
    j["meta"] = std::move(m);
  }
  j["index"] = a.index;
  j["section"] = a.has_section ? ordered_json(a.section) : ordered_json();
  j["title"] = a.title.text;
  j["authors"] = a.authors;
  if (!a.byline.empty()) j["byline"] = a.byline;
  j["text"] = a.body.text;
  ordered_json fns = ordered_json::array();
  for (const auto& f : a.footnotes) {
    fns.push_back(
        {{"number", f.number}, {"text", f.text.text}, {"urls", f.urls}});
  }
  j["footnotes"] = std::move(fns);
  ordered_json refs = ordered_json::array();
  for (const auto& r : a.refs) {
    ordered_json x = {
        {"number", r.number}, {"offset", r.offset}, {"line", r.line}};
    if (r.number_max != r.number) x["number_max"] = r.number_max;
    refs.push_back(std::move(x));
  }
  j["footnote_refs"] = std::move(refs);
  ordered_json ents = ordered_json::array();
  for (const auto& e : a.entities) ents.push_back(EntityJson(e, opt));
  j["entities"] = std::move(ents);
  if (a.unplaced_lines) j["unplaced_lines"] = a.unplaced_lines;
  if (a.dropped_lines) j["dropped_lines"] = a.dropped_lines;
  // strict: invalid UTF-8 throws rather than being dropped silently.
  return j.dump(opt.pretty ? 2 : -1, ' ', false,
                ordered_json::error_handler_t::strict);
}

// The compact record written straight into one string, in one pass, with
// the bytes nlohmann's dump gives (same key order, same escapes, numbers
// as the tree would hold them). It gives up (returns false) where the tree
// does something it does not copy: invalid UTF-8 (the tree throws) and an
// attribute named like another key of its entity (the tree keeps one).
class DirectWriter {
 public:
  explicit DirectWriter(std::string* out) : out_(*out) {}
  bool ok() const { return ok_; }

  void Str(std::string_view s) {
    out_ += '"';
    const auto* u = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    size_t run = 0;  // start of the bytes not yet copied
    while (i < n) {
      uint8_t c = u[i];
      if (c >= 0x80) {
        UChar32 cp;
        U8_NEXT(u, i, n, cp);
        if (cp < 0) ok_ = false;
        continue;
      }
      const char* esc = nullptr;
      char buf[8];
      switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\b': esc = "\\b"; break;
        case '\t': esc = "\\t"; break;
        case '\n': esc = "\\n"; break;
        case '\f': esc = "\\f"; break;
        case '\r': esc = "\\r"; break;
        default:
          if (c < 0x20) {
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            esc = buf;
          }
      }
      if (esc) {
        out_.append(s.data() + run, i - run);
        out_ += esc;
        run = i + 1;
      }
      ++i;
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }
  // ,"key": (the comma unless first in its object or array)
  void Key(std::string_view k) {
    Comma();
    Str(k);
    out_ += ':';
    first_ = true;  // the value that follows takes no comma
  }
  void Comma() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  void Open(char c) {
    Comma();
    out_ += c;
    first_ = true;
  }
  void Close(char c) {
    out_ += c;
    first_ = false;
  }
  void Int(long long v) {
    Comma();
    out_ += std::to_string(v);
  }
  void String(std::string_view s) {
    Comma();
    Str(s);
  }
  void Raw(const std::string& s) {
    Comma();
    out_ += s;
  }
  void Strings(const std::vector<std::string>& v) {
    Open('[');
    for (const auto& s : v) String(s);
    Close(']');
  }

 private:
  std::string& out_;
  bool first_ = true;
  bool ok_ = true;
};

// An attribute value as the tree would print it.
std::string AttrText(const AttrValue& v) {
  switch (v.kind()) {
    case AttrValue::Kind::kNull:
      return "null";
    case AttrValue::Kind::kBool:
      return v.text() == "true" ? "true" : "false";
    default:
      return AttrJsonValue(v).dump();
  }
}

bool DirectEntity(const Entity& e, const RecordOptions& opt, DirectWriter* w) {
  static const char* const kFixed[] = {
      "type", "text", "field",    "footnote", "footnote_index", "start",
      "end",  "line", "col",      "page",     "sentence",       "context",
      "rule"};
  for (size_t i = 0; i < e.attrs.size(); ++i) {
    for (const char* k : kFixed)
      if (e.attrs[i].first == k) return false;
    for (size_t j = 0; j < i; ++j)
      if (e.attrs[j].first == e.attrs[i].first) return false;
  }
  w->Open('{');
  w->Key("type");
  w->String(e.type);
  w->Key("text");
  w->String(e.text);
  for (const auto& slot : OrderedAttrs(e)) {
    const auto& [k, v] = *slot.item;
    w->Key(k);
    if (v.kind() == AttrValue::Kind::kString)
      w->String(v.text());
    else
      w->Raw(AttrText(v));
  }
  w->Key("field");
  w->String(e.field);
  if (e.field == "footnote") {
    w->Key("footnote");
    w->Int(e.footnote);
    w->Key("footnote_index");
    w->Int(e.footnote_index);
  }
  w->Key("start");
  w->Int(e.start);
  w->Key("end");
  w->Int(e.end);
  w->Key("line");
  w->Int(e.line);
  w->Key("col");
  w->Int(e.col);
  if (e.page > 0) {
    w->Key("page");
    w->Int(e.page);
  }
  if (e.sentence >= 0) {
    w->Key("sentence");
    w->Int(e.sentence);
  }
  if (opt.context && !e.sentence_text.empty()) {
    w->Key("context");
    w->String(e.sentence_text);
  }
  w->Key("rule");
  w->String(e.rule);
  w->Close('}');
  return true;
}

bool DirectRecord(const Article& a, const RecordOptions& opt,
                  std::string* out) {
  DirectWriter w(out);
  w.Open('{');
  w.Key("schema_version");
  w.Int(1);
  w.Key("source");
  w.Open('{');
  w.Key("path");
  w.String(a.path);
  w.Key("line");
  w.Int(a.line);
  w.Key("end_line");
  w.Int(a.end_line);
  if (a.jsonl_line > 0) {
    w.Key("jsonl_line");
    w.Int(a.jsonl_line);
  }
  if (a.page > 0) {
    w.Key("page");
    w.Int(a.page);
    w.Key("end_page");
    w.Int(a.end_page);
  }
  w.Close('}');
  // id and meta values are JSON text already (dumped by nlohmann, as the
  // tree would dump them).
  if (!a.id_json.empty()) {
    w.Key("id");
    w.Raw(a.id_json);
  }
  if (!a.meta.empty()) {
    w.Key("meta");
    w.Open('{');
    for (const auto& [k, v] : a.meta) {
      w.Key(k);
      w.Raw(v);
    }
    w.Close('}');
  }
  w.Key("index");
  w.Int(a.index);
  w.Key("section");
  if (a.has_section)
    w.String(a.section);
  else
    w.Raw("null");
  w.Key("title");
  w.String(a.title.text);
  w.Key("authors");
  w.Strings(a.authors);
  if (!a.byline.empty()) {
    w.Key("byline");
    w.String(a.byline);
  }
  w.Key("text");
  w.String(a.body.text);
  w.Key("footnotes");
  w.Open('[');
  for (const auto& f : a.footnotes) {
    w.Open('{');
    w.Key("number");
    w.Int(f.number);
    w.Key("text");
    w.String(f.text.text);
    w.Key("urls");
    w.Strings(f.urls);
    w.Close('}');
  }
  w.Close(']');
  w.Key("footnote_refs");
  w.Open('[');
  for (const auto& r : a.refs) {
    w.Open('{');
    w.Key("number");
    w.Int(r.number);
    w.Key("offset");
    w.Int(r.offset);
    w.Key("line");
    w.Int(r.line);
    if (r.number_max != r.number) {
      w.Key("number_max");
      w.Int(r.number_max);
    }
    w.Close('}');
  }
  w.Close(']');
  w.Key("entities");
  w.Open('[');
  for (const auto& e : a.entities)
    if (!DirectEntity(e, opt, &w)) return false;
  w.Close(']');
  if (a.unplaced_lines) {
    w.Key("unplaced_lines");
    w.Int(a.unplaced_lines);
  }
  if (a.dropped_lines) {
    w.Key("dropped_lines");
    w.Int(a.dropped_lines);
  }
  w.Close('}');
  return w.ok();
}

}  // namespace

Status RecordJson(const Article& a, const RecordOptions& opt,
                  std::string* out) {
  out->clear();
  if (!opt.pretty && DirectRecord(a, opt, out)) return Status::Ok();
  out->clear();
  // The tree is strict: invalid UTF-8 (or a malformed id or meta value)
  // throws, and stops here.
  try {
    *out = TreeRecord(a, opt);
  } catch (const nlohmann::json::exception& e) {
    out->clear();
    return Status::Error(StatusCode::kBadInput, a.path, a.line, 0,
                         "record " + std::to_string(a.index) +
                             " not written: " + e.what());
  }
  return Status::Ok();
}

std::string RecordJson(const Article& a, const RecordOptions& opt) {
  std::string out;
  RecordJson(a, opt, &out);
  return out;
}

std::string RecordJsonTree(const Article& a, const RecordOptions& opt) {
  return TreeRecord(a, opt);
}

}  // namespace bulletin

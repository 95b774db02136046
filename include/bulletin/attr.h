// Typed entity attributes: the normalised fields of an entity (value,
// currency, precision ...) as null, a boolean, an exact decimal or a
// string. Only the record writer (src/record.cc) turns them into JSON.
#ifndef BULLETIN_ATTR_H_
#define BULLETIN_ATTR_H_

#include <string>
#include <utility>
#include <vector>

namespace bulletin {

class AttrValue {
 public:
  enum class Kind { kNull, kBool, kNumber, kString };

  AttrValue() = default;  // null
  static AttrValue Null() { return AttrValue(); }
  static AttrValue Bool(bool b) {
    return AttrValue(Kind::kBool, b ? "true" : "false");
  }
  // An exact decimal, written as Decimal::ToString() writes it: an optional
  // '-', digits, and '.' with more digits when it has a fraction
  // ("52000000000", "9.5", "-3").
  static AttrValue Number(std::string decimal) {
    return AttrValue(Kind::kNumber, std::move(decimal));
  }
  static AttrValue String(std::string s) {
    return AttrValue(Kind::kString, std::move(s));
  }

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  // The string itself, the number's digits, "true"/"false", or "null".
  const std::string& text() const { return text_; }

  bool operator==(const AttrValue& o) const {
    return kind_ == o.kind_ && text_ == o.text_;
  }
  bool operator!=(const AttrValue& o) const { return !(*this == o); }

 private:
  AttrValue(Kind k, std::string text) : kind_(k), text_(std::move(text)) {}
  Kind kind_ = Kind::kNull;
  std::string text_ = "null";
};

// An entity's attributes, in output order.
using Attrs = std::vector<std::pair<std::string, AttrValue>>;

// The value of `key` in `attrs`; nullptr when absent.
inline const AttrValue* FindAttr(const Attrs& attrs, const std::string& key) {
  for (const auto& [k, v] : attrs)
    if (k == key) return &v;
  return nullptr;
}

}  // namespace bulletin

#endif  // BULLETIN_ATTR_H_

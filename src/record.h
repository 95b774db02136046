// Serialises an article as one JSON Lines record (RECORD.md, schema 1).
#ifndef BULLETIN_RECORD_H_
#define BULLETIN_RECORD_H_

#include <string>

#include "bulletin/article.h"

namespace bulletin {

struct RecordOptions {
  bool pretty = false;   // indented, several lines
  bool context = false;  // add each entity's sentence text
};

// The JSON text of `a` (without a trailing newline). Invalid UTF-8 never
// reaches here: the decoder replaced it with U+FFFD.
std::string RecordJson(const Article& a, const RecordOptions& opt);

// The same record built as a nlohmann tree and dumped: what RecordJson
// writes directly must equal it byte for byte (the tests compare them).
std::string RecordJsonTree(const Article& a, const RecordOptions& opt);

// The JSON text of one attribute value, as the record has it.
std::string AttrJson(const AttrValue& v);

// The JSON Schema (draft 2020-12) of a record.
std::string RecordSchema();

}  // namespace bulletin

#endif  // BULLETIN_RECORD_H_

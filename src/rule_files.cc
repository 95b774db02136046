#include "rule_files.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "embedded_rules.h"
#include "text_util.h"

namespace bulletin {
namespace {

// Where the first byte of `text` that is not UTF-8 stands, as an error
// (file:line:col, the column in code points); ok when it is all valid.
Status CheckUtf8(const std::string& path, const std::string& text) {
  int line = 1, col = 1;
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X",
                    static_cast<unsigned char>(text[at]));
      return Status::Error(StatusCode::kBadRules, path, line, col,
                           std::string("invalid UTF-8 byte ") + hex +
                               " (rule files are UTF-8)");
    }
    if (c == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return Status::Ok();
}

// A table name the built-in files have, or any NAME.rules.
bool KnownName(const std::string& name) {
  const std::string ext = ".rules";
  if (name.size() > ext.size() &&
      name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
    return true;
  for (const EmbeddedFile* f = kEmbeddedFiles; f->name; ++f)
    if (name == f->name) return true;
  return false;
}

}  // namespace

RuleFiles RuleFiles::Builtin() {
  RuleFiles r;
  for (const EmbeddedFile* f = kEmbeddedFiles; f->name; ++f) {
    r.files_.push_back({f->name, std::string("builtin:") + f->name,
                        std::string(f->data, f->size)});
  }
  return r;
}

Status RuleFiles::AddDirectory(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (!d)
    return Status::Error(StatusCode::kBadRules, dir, 0, 0,
                         std::strerror(errno));
  std::vector<std::string> names;  // sorted below for a stable order
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.empty() || name[0] == '.' || name == "README.md") continue;
    names.push_back(name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    std::string path = dir + "/" + name;
    struct stat st;
    if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    std::ifstream in(path, std::ios::binary);
    if (!in)
      return Status::Error(StatusCode::kBadRules, path, 0, 0,
                           std::strerror(errno));
    if (!KnownName(name))
      return Status::Error(
          StatusCode::kBadRules, path, 0, 0,
          "not a rule file: neither NAME.rules nor the name of a built-in "
          "table (those of rules/ in the source: currencies.tsv, orgs.tsv "
          "...)");
    std::ostringstream ss;
    ss << in.rdbuf();
    Status utf8 = CheckUtf8(path, ss.str());
    if (!utf8.ok()) return utf8;
    files_.push_back({name, path, ss.str()});
  }
  return Status::Ok();
}

std::vector<const RuleFile*> RuleFiles::Find(const std::string& name) const {
  std::vector<const RuleFile*> out;
  for (const auto& f : files_)
    if (f.name == name) out.push_back(&f);
  return out;
}

std::vector<const RuleFile*> RuleFiles::WithSuffix(
    const std::string& suffix) const {
  std::vector<const RuleFile*> out;
  for (const auto& f : files_) {
    const std::string& name = f.name;
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(&f);
  }
  return out;
}

Status TableRow::Error(size_t i, const std::string& message) const {
  int col = i < starts.size()
                ? starts[i]
                : static_cast<int>(ToCodePoints(text).size()) + 1;
  return Status::Error(StatusCode::kBadRules, file ? file->origin : "", line,
                       col, message);
}

std::vector<TableRow> ReadTable(const RuleFiles& files, const std::string& name,
                                size_t min_cols, const std::string& usage,
                                std::vector<Status>* errors) {
  std::vector<TableRow> rows;
  for (const RuleFile* f : files.Find(name)) {
    int lineno = 0;
    for (auto& line : SplitLines(f->text)) {
      ++lineno;
      std::string trimmed = Trim(line);
      if (trimmed.empty() || trimmed[0] == '#') continue;
      TableRow row;
      row.file = f;
      row.line = lineno;
      row.cols = SplitString(line, '\t');
      int col = 1;
      for (const auto& c : row.cols) {
        row.starts.push_back(col);
        col += static_cast<int>(ToCodePoints(c).size()) + 1;
      }
      row.text = std::move(line);
      if (min_cols > 0 && (row.cols.size() < min_cols || row.cols[0].empty())) {
        errors->push_back(row.Error(row.cols[0].empty() ? 0 : row.cols.size(),
                                    "expected " + usage));
        continue;
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (nl < text.size() || !line.empty()) lines.push_back(line);
    pos = nl + 1;
  }
  return lines;
}

std::vector<std::string> SplitString(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  for (;;) {
    size_t p = s.find(sep, pos);
    out.push_back(s.substr(pos, p == std::string::npos ? p : p - pos));
    if (p == std::string::npos) break;
    pos = p + 1;
  }
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace bulletin

#include "decoder.h"

#include <unicode/ucnv.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "text_util.h"

namespace bulletin {
namespace {

// A file in the temporary directory that is removed when it goes out of scope.
class TempFile {
 public:
  explicit TempFile(const std::string& bytes) {
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl =
        std::string(dir && *dir ? dir : "/tmp") + "/decoder_test_XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    int fd = mkstemp(name.data());
    REQUIRE(fd >= 0);
    path_ = name.data();
    size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
      REQUIRE(n > 0);
      done += static_cast<size_t>(n);
    }
    close(fd);
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Everything a LineReader hands out for one input.
struct Decoded {
  std::vector<InputLine> lines;
  std::vector<Diagnostic> diags;
  std::string encoding;
  bool failed = false;
  std::string error;
  int invalid = 0;

  std::vector<std::string> Texts() const {
    std::vector<std::string> out;
    for (const auto& l : lines) out.push_back(l.text);
    return out;
  }
};

Decoded ReadPath(const std::string& path, const std::string& encoding) {
  Decoded d;
  LineReader reader(path, encoding,
                    [&](const Diagnostic& x) { d.diags.push_back(x); });
  InputLine line;
  while (reader.Next(&line)) d.lines.push_back(line);
  d.encoding = reader.encoding();
  d.failed = !reader.status().ok();
  d.error = reader.status().message;
  d.invalid = reader.invalid_sequences();
  return d;
}

Decoded ReadBytes(const std::string& bytes, const std::string& encoding) {
  TempFile f(bytes);
  return ReadPath(f.path(), encoding);
}

// `utf8` converted to `encoding` with ICU (for building test inputs).
std::string Encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n =
      ucnv_convert(encoding, "UTF-8", &out[0], static_cast<int32_t>(out.size()),
                   utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

// Several lines of ordinary Chinese text, long enough for charset detection.
const char* kChineseText =
    "星河市发布集成电路产业扶持新政，设立专项资金支持设备国产化。\n"
    "措施提出，到明年全市集成电路产业规模力争达到一千亿元。\n"
    "对于新建的晶圆生产线项目，市财政将按照设备投资额给予补助。\n"
    "同时鼓励金融机构为装备、材料和零部件企业提供中长期贷款。\n"
    "业内人士认为，新政有助于吸引上下游企业在本地集聚发展。\n";

const std::vector<std::string> kChineseLines = {
    "星河市发布集成电路产业扶持新政，设立专项资金支持设备国产化。",
    "措施提出，到明年全市集成电路产业规模力争达到一千亿元。",
    "对于新建的晶圆生产线项目，市财政将按照设备投资额给予补助。",
    "同时鼓励金融机构为装备、材料和零部件企业提供中长期贷款。",
    "业内人士认为，新政有助于吸引上下游企业在本地集聚发展。"};

// --- UTF-8 ----------------------------------------------------------------

TEST_CASE("UTF-8 text passes through unchanged with 1-based line numbers",
          "[decoder]") {
  Decoded d = ReadBytes("第一行 line one\n第二行\n\nlast", "auto");
  CHECK_FALSE(d.failed);
  CHECK(d.encoding == "utf-8");
  REQUIRE(d.lines.size() == 4);
  CHECK(d.Texts() ==
        std::vector<std::string>{"第一行 line one", "第二行", "", "last"});
  for (size_t i = 0; i < d.lines.size(); ++i) {
    CHECK(d.lines[i].number == static_cast<int>(i) + 1);
    CHECK_FALSE(d.lines[i].page_break);
  }
  CHECK(d.diags.empty());
  CHECK(d.invalid == 0);
}

TEST_CASE("Explicit utf-8 decodes the same as auto", "[decoder]") {
  CHECK(ReadBytes(kChineseText, "utf-8").Texts() == kChineseLines);
  CHECK(ReadBytes(kChineseText, "auto").Texts() == kChineseLines);
}

TEST_CASE("A final line without a newline is still handed out", "[decoder]") {
  CHECK(ReadBytes("a\nb", "auto").Texts() ==
        std::vector<std::string>{"a", "b"});
  CHECK(ReadBytes("a\nb\n", "auto").Texts() ==
        std::vector<std::string>{"a", "b"});
}

TEST_CASE("An empty input has no lines and does not fail", "[decoder]") {
  Decoded d = ReadBytes("", "auto");
  CHECK(d.lines.empty());
  CHECK_FALSE(d.failed);
}

TEST_CASE("CRLF line ends are stripped", "[decoder]") {
  Decoded d = ReadBytes("标题\r\n正文，第二行。\r\n\r\nend\r\n", "auto");
  CHECK(d.Texts() ==
        std::vector<std::string>{"标题", "正文，第二行。", "", "end"});
  for (const auto& l : d.lines) CHECK(l.text.find('\r') == std::string::npos);
}

TEST_CASE("A UTF-8 byte-order mark is removed", "[decoder]") {
  Decoded d = ReadBytes("\xEF\xBB\xBF标题\r\n第二行\r\n", "auto");
  CHECK(d.encoding == "utf-8");
  CHECK(d.Texts() == std::vector<std::string>{"标题", "第二行"});
}

TEST_CASE("A UTF-8 byte-order mark is removed with explicit utf-8",
          "[decoder]") {
  Decoded d = ReadBytes("\xEF\xBB\xBF标题\n", "utf-8");
  CHECK(d.Texts() == std::vector<std::string>{"标题"});
}

TEST_CASE("The BOM and CRLF of samples/windows-crlf.txt are removed",
          "[decoder]") {
  Decoded d = ReadPath(std::string(SAMPLES_DIR) + "/windows-crlf.txt", "auto");
  REQUIRE_FALSE(d.lines.empty());
  CHECK(d.encoding == "utf-8");
  CHECK(d.lines[0].text.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
  for (const auto& l : d.lines) CHECK(l.text.find('\r') == std::string::npos);
  CHECK(d.invalid == 0);
}

// --- Invalid bytes --------------------------------------------------------

TEST_CASE(
    "An invalid UTF-8 byte becomes U+FFFD and is reported with its "
    "line and column",
    "[decoder]") {
  Decoded d = ReadBytes("first line\n中文\xFFok\n", "utf-8");
  REQUIRE(d.lines.size() == 2);
  CHECK(d.lines[1].text == "中文\xEF\xBF\xBDok");
  CHECK(d.invalid == 1);
  REQUIRE(d.diags.size() == 1);
  const Diagnostic& x = d.diags[0];
  CHECK(x.line == 2);
  CHECK(x.col == 3);  // code points, not bytes
  CHECK(x.rule == "decode.invalid-bytes");
  CHECK(x.message.find("FF") != std::string::npos);
  CHECK_FALSE(d.failed);
}

TEST_CASE("Invalid bytes are never dropped: each sequence is replaced",
          "[decoder]") {
  Decoded d = ReadBytes("a\xC3(b\xE4\xB8z\n", "utf-8");
  REQUIRE(d.lines.size() == 1);
  CHECK(d.lines[0].text == "a\xEF\xBF\xBD(b\xEF\xBF\xBDz");
  CHECK(d.invalid == 2);
  REQUIRE(d.diags.size() == 2);
  CHECK(d.diags[0].col == 2);
  CHECK(d.diags[1].col == 5);
}

TEST_CASE("Mostly valid UTF-8 with one bad byte is still read as UTF-8",
          "[decoder]") {
  // A single stray byte must not make auto-detection pick a legacy encoding
  // and garble every other line.
  std::string text = kChineseText;
  text += "坏字节\x80在这里\n";
  Decoded d = ReadBytes(text, "auto");
  CHECK(d.encoding == "utf-8");
  REQUIRE(d.lines.size() == 6);
  CHECK(d.lines[0].text == kChineseLines[0]);
  CHECK(d.lines[5].text == "坏字节\xEF\xBF\xBD在这里");
}

TEST_CASE("Short UTF-8 with one or two bad bytes is read as UTF-8",
          "[decoder][bad-input]") {
  // Too short for a ratio of good to bad characters: the many valid
  // multi-byte sequences decide (they were read as KOI8-R, GB18030 ...).
  const std::string kBad = "\xEF\xBF\xBD";  // U+FFFD
  struct Row {
    std::string bytes;
    std::vector<std::string> lines;
    std::vector<std::pair<int, int>> at;  // line and column of each warning
  };
  const std::vector<Row> rows = {
      {"样品标题\xFF\n", {"样品标题" + kBad}, {{1, 5}}},
      {"\xFE月度简讯\n", {kBad + "月度简讯"}, {{1, 1}}},
      {"新厂\x80动工\n", {"新厂" + kBad + "动工"}, {{1, 3}}},
      // A character cut short: its two bytes are one invalid sequence.
      {"材料企业\n投资\xE4\xB8八亿元。\n",
       {"材料企业", "投资" + kBad + "八亿元。"},
       {{2, 3}}},
      {"\xFE存储芯片报价\n现货价格上涨\x80。\n",
       {kBad + "存储芯片报价", "现货价格上涨" + kBad + "。"},
       {{1, 1}, {2, 7}}},
      {"晶圆\xC3厂扩建\xFF\n", {"晶圆" + kBad + "厂扩建" + kBad}, {{1, 3}, {1, 7}}},
  };
  for (const auto& row : rows) {
    INFO(row.bytes);
    Decoded d = ReadBytes(row.bytes, "auto");
    CHECK(d.encoding == "utf-8");
    CHECK(d.Texts() == row.lines);
    CHECK(d.invalid == static_cast<int>(row.at.size()));
    std::vector<std::pair<int, int>> at;
    for (const auto& x : d.diags)
      if (x.rule == "decode.invalid-bytes") at.push_back({x.line, x.col});
    CHECK(at == row.at);
  }
}

TEST_CASE("Short Chinese text in another encoding is not taken for UTF-8",
          "[decoder][bad-input]") {
  // A few of their bytes form valid UTF-8 sequences by chance; far fewer
  // than the invalid ones.
  struct Row {
    std::string text;  // UTF-8, converted to `encoding` for the input
    const char* encoding;
  };
  const std::vector<Row> rows = {
      {"芯片设计大赛开幕\n本届大赛共收到作品三百余件。\n", "gb18030"},
      {"首座晶圆制造厂封顶\n", "gb18030"},
      {"晶片設計大賽開幕\n本屆大賽共收到作品三百餘件。\n", "big5"},
      {"集成电路产业简报\n", "utf-16le"},
      {"集成电路产业简报\n", "utf-16be"},
  };
  for (const auto& row : rows) {
    INFO(row.encoding << ": " << row.text);
    Decoded d = ReadBytes(Encode(row.text, row.encoding), "auto");
    CHECK(d.encoding == row.encoding);
    std::string all;
    for (const auto& t : d.Texts()) all += t + "\n";
    CHECK(all == row.text);
    CHECK(d.invalid == 0);
  }
  // Two characters in GB18030 whose last three bytes (E3 A1 A3) are a valid
  // UTF-8 sequence, after an invalid byte: not UTF-8.
  Decoded d = ReadBytes("\xB5\xE3\xA1\xA3\n", "auto");
  CHECK(d.encoding != "utf-8");
}

// --- GB18030 --------------------------------------------------------------

TEST_CASE("GB18030 bytes decode with an explicit encoding", "[decoder]") {
  // 中文 D6D0 CEC4, € A2E3 (often wrong in GBK decoders), 𠮷 a 4-byte
  // sequence, 삼성 4-byte Hangul.
  Decoded d = ReadBytes(
      "\xD6\xD0\xCE\xC4\r\n\xA2\xE3 5\r\n\x95\x34\xB2\x35\r\n"
      "\x83\x31\xEA\x33\x83\x31\xF6\x30\r\n",
      "gb18030");
  CHECK_FALSE(d.failed);
  CHECK(d.Texts() == std::vector<std::string>{"中文", "€ 5", "𠮷", "삼성"});
  CHECK(d.diags.empty());
}

TEST_CASE("GB18030 text is detected automatically", "[decoder]") {
  std::string gb = Encode(kChineseText, "gb18030");
  Decoded d = ReadBytes(gb, "auto");
  CHECK(d.encoding == "gb18030");
  CHECK(d.Texts() == kChineseLines);
  CHECK(ReadBytes(gb, "gb18030").Texts() == kChineseLines);
}

TEST_CASE("samples/gb18030.txt decodes the same with auto and gb18030",
          "[decoder]") {
  std::string path = std::string(SAMPLES_DIR) + "/gb18030.txt";
  Decoded a = ReadPath(path, "auto");
  Decoded b = ReadPath(path, "gb18030");
  CHECK(a.encoding == "gb18030");
  REQUIRE(a.lines.size() > 50);
  CHECK(a.Texts() == b.Texts());
  CHECK(a.invalid == 0);
  std::string all;
  for (const auto& t : a.Texts()) all += t + "\n";
  CHECK(all.find("\xEF\xBF\xBD") == std::string::npos);
  CHECK(all.find('\r') == std::string::npos);
  CHECK(all.find("삼성전자") != std::string::npos);
  CHECK(all.find("€") != std::string::npos);
  CHECK(all.find("𠮷") != std::string::npos);
}

// --- UTF-16 ---------------------------------------------------------------

TEST_CASE("UTF-16LE decodes with an explicit encoding", "[decoder]") {
  std::string bytes = Encode("芯片\r\n𠮷 two\n", "UTF-16LE");
  CHECK(bytes.substr(0, 4) == "\xAF\x82\x47\x72");
  Decoded d = ReadBytes(bytes, "utf-16le");
  CHECK(d.Texts() == std::vector<std::string>{"芯片", "𠮷 two"});
}

TEST_CASE("UTF-16BE decodes with an explicit encoding", "[decoder]") {
  std::string bytes = Encode("芯片\r\n𠮷 two\n", "UTF-16BE");
  CHECK(bytes.substr(0, 4) == "\x82\xAF\x72\x47");
  Decoded d = ReadBytes(bytes, "utf-16be");
  CHECK(d.Texts() == std::vector<std::string>{"芯片", "𠮷 two"});
}

TEST_CASE("UTF-16LE with a byte-order mark is detected automatically",
          "[decoder]") {
  std::string bytes = "\xFF\xFE" + Encode(kChineseText, "UTF-16LE");
  Decoded d = ReadBytes(bytes, "auto");
  CHECK(d.encoding == "utf-16le");
  CHECK(d.Texts() == kChineseLines);
}

TEST_CASE("UTF-16BE with a byte-order mark is detected automatically",
          "[decoder]") {
  std::string bytes = "\xFE\xFF" + Encode(kChineseText, "UTF-16BE");
  Decoded d = ReadBytes(bytes, "auto");
  CHECK(d.encoding == "utf-16be");
  CHECK(d.Texts() == kChineseLines);
}

TEST_CASE("The byte-order mark is removed with an explicit UTF-16 encoding",
          "[decoder]") {
  std::string bytes = "\xFF\xFE" + Encode("芯片\n", "UTF-16LE");
  CHECK(ReadBytes(bytes, "utf-16le").Texts() ==
        std::vector<std::string>{"芯片"});
}

// --- Chunk boundaries -----------------------------------------------------

TEST_CASE(
    "A UTF-8 character split across the 64 KiB chunk boundary is "
    "decoded intact",
    "[decoder]") {
  // 中 (3 bytes) starts at byte 65535: one byte in the first chunk, two in
  // the second.
  std::string prefix(65535, 'a');
  std::string bytes = prefix + "中文\n第二行\n";
  REQUIRE(bytes.compare(65535, 3, "中") == 0);
  REQUIRE(bytes.size() > 65536);
  for (const char* enc : {"auto", "utf-8"}) {
    INFO(enc);
    Decoded d = ReadBytes(bytes, enc);
    CHECK(d.encoding == "utf-8");
    REQUIRE(d.lines.size() == 2);
    CHECK(d.lines[0].text == prefix + "中文");
    CHECK(d.lines[1].text == "第二行");
    CHECK(d.invalid == 0);
    CHECK(d.diags.empty());
  }
}

TEST_CASE("A UTF-8 character on a short line at the chunk boundary is intact",
          "[decoder]") {
  // Many short lines; the character that straddles byte 65536 sits in the
  // middle of a line.
  std::string bytes;
  while (bytes.size() < 65536 - 40) bytes += "abcdefghij\n";
  bytes += std::string(65536 - 1 - bytes.size(), 'x');  // 中 at 65535
  bytes += "中间\nafter\n";
  for (int i = 0; i < 100; ++i) bytes += "尾部的一行文字\n";
  Decoded d = ReadBytes(bytes, "auto");
  CHECK(d.invalid == 0);
  bool found = false;
  for (const auto& l : d.lines)
    if (l.text.size() > 6 && l.text.substr(l.text.size() - 6) == "中间")
      found = true;
  CHECK(found);
  CHECK(d.lines.back().text == "尾部的一行文字");
}

TEST_CASE(
    "A GB18030 character split across the chunk boundary is decoded "
    "intact",
    "[decoder]") {
  std::string prefix(65535, 'a');
  std::string bytes = prefix + "\xD6\xD0\xCE\xC4\n" +
                      Encode("第二行，还有更多文字。\n", "gb18030");
  Decoded d = ReadBytes(bytes, "gb18030");
  REQUIRE(d.lines.size() == 2);
  CHECK(d.lines[0].text == prefix + "中文");
  CHECK(d.lines[1].text == "第二行，还有更多文字。");
  CHECK(d.invalid == 0);
}

TEST_CASE(
    "A UTF-16 surrogate pair split across the chunk boundary is "
    "decoded intact",
    "[decoder]") {
  // 32767 'a' = 65534 bytes, then 𠮷's high surrogate ends the first chunk.
  std::string text = std::string(32767, 'a') + "𠮷\n尾\n";
  std::string bytes = Encode(text, "UTF-16LE");
  Decoded d = ReadBytes(bytes, "utf-16le");
  REQUIRE(d.lines.size() == 2);
  CHECK(d.lines[0].text == std::string(32767, 'a') + "𠮷");
  CHECK(d.lines[1].text == "尾");
}

TEST_CASE("A large UTF-8 input keeps every line and line number", "[decoder]") {
  std::string bytes;
  for (int i = 1; i <= 20000; ++i)
    bytes += "第" + std::to_string(i) + "行：集成电路产业\n";
  Decoded d = ReadBytes(bytes, "auto");
  REQUIRE(d.lines.size() == 20000);
  CHECK(d.lines[0].text == "第1行：集成电路产业");
  CHECK(d.lines[12345].text == "第12346行：集成电路产业");
  CHECK(d.lines[12345].number == 12346);
  CHECK(d.invalid == 0);
}

// --- Form feeds -----------------------------------------------------------

TEST_CASE("A form feed sets page_break and is removed from the text",
          "[decoder]") {
  Decoded d = ReadBytes("page one\n\fpage two\nmore\n\f", "auto");
  REQUIRE(d.lines.size() == 4);
  CHECK_FALSE(d.lines[0].page_break);
  CHECK(d.lines[1].page_break);
  CHECK(d.lines[1].text == "page two");
  CHECK_FALSE(d.lines[2].page_break);
  CHECK(d.lines[3].page_break);
  CHECK(d.lines[3].text.empty());
}

TEST_CASE("A form feed does not count as a column", "[decoder]") {
  Decoded d = ReadBytes("\fx\xFF\n", "utf-8");
  REQUIRE(d.diags.size() == 1);
  CHECK(d.diags[0].col == 2);
  CHECK(d.lines[0].page_break);
}

TEST_CASE("A form feed in GB18030 input sets page_break", "[decoder]") {
  std::string bytes = Encode("第一页\r\n\f第二页\r\n", "gb18030");
  Decoded d = ReadBytes(bytes, "gb18030");
  REQUIRE(d.lines.size() == 2);
  CHECK(d.lines[1].page_break);
  CHECK(d.lines[1].text == "第二页");
}

// --- Failures -------------------------------------------------------------

TEST_CASE("A missing file fails with the system's message", "[decoder]") {
  Decoded d = ReadPath("/nonexistent/dir/no-such-file.txt", "auto");
  CHECK(d.failed);
  CHECK(d.lines.empty());
  CHECK(d.error.find("No such file") != std::string::npos);
}

}  // namespace
}  // namespace bulletin

namespace bulletin {
namespace {

TEST_CASE("Bytes a converter cannot decode are counted and reported",
          "[decoder][regress]") {
  // A lone high surrogate in UTF-16LE, then "A".
  TempFile f(
      std::string("\xFF\xFE\x00\xD8"
                  "A\x00\n\x00",
                  8));
  Decoded d = ReadPath(f.path(), "utf-16le");
  CHECK(d.invalid == 1);
  REQUIRE(!d.diags.empty());
  CHECK(d.diags.back().rule == "decode.invalid-bytes");
  CHECK(d.diags.back().message.find("utf-16le") != std::string::npos);
  REQUIRE(!d.lines.empty());
  CHECK(d.lines[0].text ==
        "\xEF\xBF\xBD"
        "A");
}

// --- Lines without an end ---------------------------------------------------

TEST_CASE(
    "A line longer than kMaxLineBytes comes in pieces that keep its number, "
    "columns and every byte",
    "[decoder]") {
  // Sentences of 30 characters (90 bytes), 5000 of them on one line, then a
  // short second line.
  std::string sentence;
  for (int i = 0; i < 29; ++i) sentence += "数";
  sentence += "。";
  std::string line;
  while (line.size() < 2 * kMaxLineBytes + 1000) line += sentence;
  Decoded d = ReadBytes(line + "\n尾行\n", "utf-8");
  REQUIRE(d.lines.size() >= 4);
  std::string joined;
  int col = 1;
  for (size_t i = 0; i + 1 < d.lines.size(); ++i) {
    const InputLine& l = d.lines[i];
    CHECK(l.number == 1);
    CHECK(l.col == col);
    CHECK(l.text.size() <= kMaxLineBytes);
    // Cut after a sentence end, never inside a character.
    CHECK(l.text.substr(l.text.size() - 3) == "。");
    col += static_cast<int>(ToCodePoints(l.text).size());
    joined += l.text;
  }
  CHECK(joined == line);
  CHECK(d.lines.back().number == 2);
  CHECK(d.lines.back().col == 1);
  CHECK(d.lines.back().text == "尾行");
  REQUIRE(d.diags.size() == 1);  // one warning for the line, not per piece
  CHECK(d.diags[0].rule == "decode.long-line");
  CHECK(d.diags[0].line == 1);
}

TEST_CASE("A long line with no sentence end is cut between characters",
          "[decoder]") {
  std::string line;
  while (line.size() < kMaxLineBytes + 10) line += "字";
  Decoded d = ReadBytes(line, "auto");
  REQUIRE(d.lines.size() == 2);
  CHECK(d.lines[0].text + d.lines[1].text == line);
  CHECK(d.lines[0].text.size() % 3 == 0);
  CHECK(d.lines[1].col ==
        1 + static_cast<int>(ToCodePoints(d.lines[0].text).size()));
  CHECK(d.invalid == 0);
}

}  // namespace
// --- The bad-input catalogue (README "Bad input") ------------------------

namespace {
constexpr size_t kChunkBytes = 1 << 16;  // the reader's chunk (decoder.cc)
// The lines of `d` joined, each with its '\n'.
std::string Joined(const Decoded& d) {
  std::string out;
  for (const auto& l : d.lines) out += l.text + "\n";
  return out;
}
}  // namespace

TEST_CASE(
    "A multi-byte character split at every offset across the chunk boundary "
    "is read intact, in every encoding, with and without BOM",
    "[decoder][bad-input]") {
  struct Enc {
    const char* name;  // as --encoding takes it, and for ICU
    std::string bom;   // its byte-order mark
  };
  const std::vector<Enc> encodings = {
      {"utf-8", "\xEF\xBB\xBF"},
      {"gb18030", std::string("\x84\x31\x95\x33", 4)},
      {"utf-16le", "\xFF\xFE"},
      {"utf-16be", "\xFE\xFF"}};
  // Two to four bytes in UTF-8 and GB18030, a unit or a surrogate pair in
  // UTF-16: é, 中, € (two bytes in GB18030), 𠮷 (four bytes everywhere).
  const std::vector<std::string> chars = {"é", "中", "€", "𠮷"};
  // Ordinary text before the boundary, so that auto detection has
  // something to go on, then ASCII to land the character where wanted.
  std::string lines;
  while (lines.size() < 30000)
    lines += "本市发布产业扶持新政，设立专项资金支持设备国产化。\n";
  for (const Enc& enc : encodings) {
    for (bool bom : {false, true}) {
      std::string head = (bom ? enc.bom : "") + Encode(lines, enc.name);
      const size_t unit = Encode("a", enc.name).size();
      for (const std::string& c : chars) {
        const size_t len = Encode(c, enc.name).size();
        for (size_t k = 1; k < len; ++k) {
          // The character starts k bytes before the boundary.
          size_t pad = kChunkBytes - k - head.size();
          if (pad % unit) continue;  // UTF-16 cannot split a unit in two
          std::string utf8 = lines + std::string(pad / unit, 'a') + c +
                             "尾\n后面还有一行。\n";
          std::string bytes = (bom ? enc.bom : "") + Encode(utf8, enc.name);
          REQUIRE(bytes.size() > kChunkBytes);
          for (const char* how : {"auto", enc.name}) {
            INFO(enc.name << (bom ? " with BOM" : " without BOM") << ", '" << c
                          << "' split " << k << "+" << len - k
                          << " bytes, --encoding " << how);
            Decoded r = ReadBytes(bytes, how);
            CHECK(!r.failed);
            CHECK(r.encoding == enc.name);
            CHECK(r.invalid == 0);
            CHECK(Joined(r) == utf8);
          }
        }
      }
    }
  }
}

TEST_CASE("NUL bytes are kept as text, in place", "[decoder][bad-input]") {
  std::string utf8 = std::string("前面\0后面\n", 14) + "第二行\n";
  REQUIRE(utf8.size() == 24);
  Decoded r = ReadBytes(utf8, "auto");
  CHECK(r.encoding == "utf-8");
  CHECK(r.invalid == 0);
  CHECK(Joined(r) == utf8);
}

}  // namespace bulletin

// The bad-input catalogue, decoder part (README "Bad input"): a multi-byte
// character split at every byte offset across the reader's chunk boundary,
// in every encoding, with and without a byte-order mark, read with the
// encoding named and with auto detection; NUL bytes kept as text.
#include <unicode/ucnv.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "decoder.h"

namespace bulletin {
namespace {

constexpr size_t kChunkBytes = 1 << 16;  // the reader's chunk (decoder.cc)

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

struct Read {
  std::string text;  // the lines joined with '\n'
  std::string encoding;
  int invalid = 0;
  bool ok = false;
};

Read ReadBytes(const std::string& bytes, const std::string& encoding) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/bad_input_XXXXXX";
  int fd = mkstemp(&path[0]);
  REQUIRE(fd >= 0);
  REQUIRE(write(fd, bytes.data(), bytes.size()) ==
          static_cast<ssize_t>(bytes.size()));
  close(fd);
  Read r;
  {
    LineReader reader(path, encoding, nullptr);
    InputLine line;
    while (reader.Next(&line)) r.text += line.text + "\n";
    r.encoding = reader.encoding();
    r.invalid = reader.invalid_sequences();
    r.ok = reader.status().ok();
  }
  std::remove(path.c_str());
  return r;
}

struct Enc {
  const char* name;  // as --encoding takes it, and for ICU
  std::string bom;   // its byte-order mark
};

}  // namespace

TEST_CASE(
    "A multi-byte character split at every offset across the chunk boundary "
    "is read intact, in every encoding, with and without BOM",
    "[decoder][bad-input]") {
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
            Read r = ReadBytes(bytes, how);
            CHECK(r.ok);
            CHECK(r.encoding == enc.name);
            CHECK(r.invalid == 0);
            CHECK(r.text == utf8);
          }
        }
      }
    }
  }
}

TEST_CASE("NUL bytes are kept as text, in place", "[decoder][bad-input]") {
  std::string utf8 = std::string("前面\0后面\n", 14) + "第二行\n";
  REQUIRE(utf8.size() == 24);
  Read r = ReadBytes(utf8, "auto");
  CHECK(r.encoding == "utf-8");
  CHECK(r.invalid == 0);
  CHECK(r.text == utf8);
}

}  // namespace bulletin

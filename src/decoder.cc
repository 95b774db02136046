// Streaming decoder. UTF-8 input is validated line by line with ICU's U8_NEXT
// so that an invalid byte can be reported at its exact line and column; other
// encodings go through an ICU converter fed chunk by chunk (the converter
// keeps the state of a character split between chunks).
#include "decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <unistd.h>

#include "text_util.h"

namespace bulletin {
namespace {

constexpr size_t kChunk = 1 << 16;
constexpr int kMaxInvalidReports = 10;

// Length of a byte-order mark at the start of `d` and the encoding it names.
size_t DetectBom(const char* d, size_t n, std::string* enc) {
  auto u = reinterpret_cast<const unsigned char*>(d);
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    *enc = "utf-8";
    return 3;
  }
  if (n >= 4 && u[0] == 0x84 && u[1] == 0x31 && u[2] == 0x95 && u[3] == 0x33) {
    *enc = "gb18030";
    return 4;
  }
  if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
    *enc = "utf-16le";
    return 2;
  }
  if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
    *enc = "utf-16be";
    return 2;
  }
  return 0;
}

// True when `d` reads as UTF-8: it has no invalid sequence, or its valid
// multi-byte sequences outweigh its invalid ones (UTF-8 with damage). Text
// in another encoding (GB18030, Big5, UTF-16) seen through UTF-8 forms a
// valid sequence only by chance: a random high byte with the bytes after it
// makes a valid 2-byte sequence about one time in 8, a 3-byte one about one
// in 32, a 4-byte one about one in 256; so each counts as that many bits of
// evidence for UTF-8 (3, 5, 8). An invalid sequence counts as 10 bits
// against, two Chinese characters' worth. That is twice the weight at which
// short Chinese texts in another encoding begin to pass for UTF-8 (tried on
// every run of one to five lines of the samples in GB18030, Big5, Shift_JIS
// and UTF-16: some do at 5, none at 10). The measure does not depend on the
// length: four Chinese characters and one bad byte are UTF-8 (20 bits
// against 10), two in GB18030 that happen to hold one valid 3-byte sequence
// and one invalid one are not (5 against 10); and UTF-8 with at most one
// bad byte per 20 multi-byte characters is UTF-8 at any length, as before.
// A character cut off by the end of the chunk does not count against it.
bool LooksUtf8(const char* d, size_t n) {
  constexpr int kBitsPerLength[] = {0, 0, 3, 5, 8};
  constexpr int kBitsPerInvalid = 10;
  auto s = reinterpret_cast<const uint8_t*>(d);
  int32_t i = 0, len = static_cast<int32_t>(n);
  long long evidence = 0, invalid = 0;
  while (i < len) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0) {
      if (len - start < 4 && i >= len) break;  // truncated at the end
      ++invalid;
    } else if (c >= 0x80) {
      evidence += kBitsPerLength[i - start];
    }
  }
  return invalid == 0 || evidence > kBitsPerInvalid * invalid;
}

// Whether `d`, with no byte-order mark, can be UTF-16 in the byte order
// `big_endian`: ICU's detector gives any text with no byte order mark an
// even chance of being UTF-16, so mostly-ASCII GB18030 would otherwise come
// out as mojibake. UTF-16 text shows its line ends as U+000A code units:
// most of the chunk's 0x0A bytes must be one; a chunk with no 0x0A at all
// must have a zero byte in an eighth of its code units (ASCII in UTF-16).
struct Utf16Signs {
  size_t lf_bytes = 0, lf_units = 0, zero_units = 0;
  Utf16Signs(const char* d, size_t n, bool big_endian) {
    for (size_t i = 0; i < n; ++i) lf_bytes += d[i] == '\n';
    for (size_t i = 0; i + 1 < n; i += 2) {
      char hi = big_endian ? d[i] : d[i + 1];
      char lo = big_endian ? d[i + 1] : d[i];
      lf_units += hi == 0 && lo == '\n';
      zero_units += hi == 0 || lo == 0;
    }
  }
  // Line ends, and most 0x0A bytes are U+000A units: text in no other
  // encoding has a zero byte beside its line feeds.
  bool LineEnds() const { return lf_units > 0 && lf_units * 2 > lf_bytes; }
};

bool MayBeUtf16(const char* d, size_t n, bool big_endian) {
  Utf16Signs s(d, n, big_endian);
  if (s.lf_bytes > 0) return s.LineEnds();
  return s.zero_units * 8 >= n / 2 && n >= 2;
}

// True when `d` (a first chunk, with no byte-order mark) is no text at all:
// more than one byte in twenty (and at least eight) is a control that text
// does not hold (NUL and the C0 controls but tab, line feed, vertical tab,
// form feed, carriage return and escape), and it does not read as UTF-16
// in either byte order (UTF-16 text has a NUL in every other byte, but its
// code units are characters, with no lone surrogate). Executables,
// archives, compressed and image files are binary; a stray NUL in text is
// not.
bool LooksBinary(const char* d, size_t n) {
  auto control = [](unsigned c) {
    return c < 0x20 && !(c >= '\t' && c <= '\r') && c != 0x1B;
  };
  auto u = reinterpret_cast<const unsigned char*>(d);
  size_t bytes = 0;
  for (size_t i = 0; i < n; ++i) bytes += control(u[i]);
  if (bytes < 8 || bytes * 20 <= n) return false;
  auto reads_as_utf16 = [&](bool big_endian) {
    size_t units = n / 2, controls = 0;
    bool high_before = false;  // the unit before was a high surrogate
    for (size_t i = 0; i + 1 < n; i += 2) {
      unsigned c = big_endian ? u[i] << 8 | u[i + 1] : u[i + 1] << 8 | u[i];
      bool high = c >= 0xD800 && c <= 0xDBFF, low = c >= 0xDC00 && c <= 0xDFFF;
      if (high_before != low) return false;  // a lone surrogate
      high_before = high;
      controls += control(c);
    }
    return controls * 20 <= units;
  };
  return !reads_as_utf16(true) && !reads_as_utf16(false);
}

// The encoding ICU's charset detector finds most likely for a chunk with
// no byte-order mark that is not UTF-8, skipping UTF-16 guesses the bytes
// make implausible; gb18030 when it finds nothing.
std::string GuessEncoding(const char* d, size_t n) {
  // UTF-16 line ends decide first: ICU rates UTF-16 on the first 30 bytes
  // alone, and Chinese there scores lower than a single-byte guess (which
  // would then be read as GB18030 mojibake).
  for (bool big_endian : {false, true})
    if (Utf16Signs(d, n, big_endian).LineEnds())
      return big_endian ? "utf-16be" : "utf-16le";
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  ucsdet_setText(det, d, static_cast<int32_t>(n), &status);
  int32_t count = 0;
  const UCharsetMatch** all = ucsdet_detectAll(det, &count, &status);
  std::string enc = "gb18030";
  for (int32_t i = 0; U_SUCCESS(status) && all && i < count; ++i) {
    const char* name = ucsdet_getName(all[i], &status);
    if (U_FAILURE(status) || !name) break;
    std::string guess = name;
    for (auto& ch : guess) ch = static_cast<char>(std::tolower(ch));
    if ((guess == "utf-16be" || guess == "utf-16le") &&
        !MayBeUtf16(d, n, guess == "utf-16be"))
      continue;
    enc = guess;
    break;
  }
  ucsdet_close(det);
  // Chinese single-byte guesses are nearly always GB text in practice.
  if (enc.rfind("iso-8859", 0) == 0 || enc == "gb2312" || enc == "gbk" ||
      enc.rfind("windows-125", 0) == 0)
    enc = "gb18030";
  return enc;
}

}  // namespace

struct LineReader::Converter {
  UConverter* cnv = nullptr;
  int invalid = 0;  // byte sequences the converter had to substitute
  // The output buffer of the current ucnv_toUnicode call, and where in it
  // (in UTF-16 units) each substitution began, with its first input byte:
  // the line reader turns them into lines and columns.
  const UChar* base = nullptr;
  std::vector<std::pair<int32_t, unsigned char>> marks;
  ~Converter() {
    if (cnv) ucnv_close(cnv);
  }
  // Counts each illegal or unassigned sequence and notes where it stands,
  // then substitutes U+FFFD as ICU's own substitute callback would.
  static void OnInvalid(const void* context, UConverterToUnicodeArgs* args,
                        const char* bytes, int32_t length,
                        UConverterCallbackReason reason, UErrorCode* err) {
    if (reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR ||
        reason == UCNV_UNASSIGNED) {
      auto* self = static_cast<Converter*>(const_cast<void*>(context));
      ++self->invalid;
      // (A substitution that overflows into ICU's own buffer is counted
      // but has no position: it is summed up at the end.)
      if (self->base && args->target >= self->base &&
          args->target < self->base + kChunk)
        self->marks.push_back(
            {static_cast<int32_t>(args->target - self->base),
             length > 0 ? static_cast<unsigned char>(bytes[0]) : 0});
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, bytes, length, reason, err);
  }
};

void UnbufferStdin() {
  static bool done = false;
  if (!done) std::setvbuf(stdin, nullptr, _IONBF, 0);
  done = true;
}

LineReader::LineReader(std::string path, std::string encoding,
                       DiagnosticSink sink)
    : path_(std::move(path)),
      encoding_(std::move(encoding)),
      sink_(std::move(sink)) {
  if (path_ == "-") {
    UnbufferStdin();
    file_ = stdin;
  } else {
    file_ = std::fopen(path_.c_str(), "rb");
    if (!file_) {
      Fail(std::strerror(errno));
      return;
    }
    own_file_ = true;
  }
}

const std::vector<std::string>& EncodingNames() {
  static const std::vector<std::string> kNames = {"auto", "utf-8", "gb18030",
                                                  "utf-16le", "utf-16be"};
  return kNames;
}

LineReader::LineReader(std::string path, std::string encoding,
                       DiagnosticSink sink, std::string head)
    : LineReader(std::move(path), std::move(encoding), std::move(sink)) {
  head_ = std::move(head);
}

LineReader::~LineReader() {
  if (own_file_ && file_) std::fclose(file_);
}

void LineReader::Fail(const std::string& message) {
  eof_ = true;
  status_ = Status::Error(StatusCode::kBadInput, path_, 0, 0, message);
}

bool LineReader::Start(const char* data, size_t n) {
  started_ = true;
  std::string bom_enc;
  size_t bom = DetectBom(data, n, &bom_enc);
  if (encoding_ == "auto") {
    if (bom) {
      encoding_ = bom_enc;
    } else if (LooksBinary(data, n)) {
      Fail("not a text file (binary data: control bytes text does not hold); "
           "--encoding reads it as text anyway");
      return false;
    } else if (LooksUtf8(data, n)) {
      encoding_ = "utf-8";
    } else {
      encoding_ = GuessEncoding(data, n);
    }
  } else if (bom && bom_enc != encoding_) {
    bom = 0;  // an explicit encoding wins; the bytes are then just text
  }
  if (encoding_ != "utf-8") {
    conv_ = std::make_unique<Converter>();
    UErrorCode status = U_ZERO_ERROR;
    conv_->cnv = ucnv_open(encoding_.c_str(), &status);
    if (U_FAILURE(status)) {
      Fail("unknown encoding '" + encoding_ + "'");
      return false;
    }
    ucnv_setToUCallBack(conv_->cnv, &Converter::OnInvalid, conv_.get(), nullptr,
                        nullptr, &status);
  }
  AppendDecoded(data + bom, n - bom, false);
  return true;
}

void LineReader::AppendDecoded(const char* data, size_t n, bool flush) {
  if (!conv_) {
    pending_.append(data, n);  // validated per line in Next()
    return;
  }
  UChar buf[kChunk];
  const char* src = data;
  const char* end = data + n;
  for (;;) {
    UErrorCode status = U_ZERO_ERROR;
    UChar* target = buf;
    conv_->base = buf;
    conv_->marks.clear();
    ucnv_toUnicode(conv_->cnv, &target, buf + kChunk, &src, end, nullptr, flush,
                   &status);
    conv_->base = nullptr;
    int32_t len = static_cast<int32_t>(target - buf);
    char out[4];
    size_t m = 0;
    for (int32_t i = 0; i < len;) {
      // A substitution starts here: its offset in the whole decoded text.
      for (; m < conv_->marks.size() && conv_->marks[m].first <= i; ++m)
        if (conv_->marks[m].first == i)
          invalid_at_.push_back(
              {pending_base_ + pending_.size(), conv_->marks[m].second});
      UChar32 c;
      U16_NEXT(buf, i, len, c);
      int32_t k = 0;
      UBool err = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(out), k, 4, c, err);
      (void)err;  // c came from ICU's converter: always a valid code point
      pending_.append(out, k);
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status))
      Fail(std::string("cannot decode input as ") + encoding_ + ": " +
           u_errorName(status));
    break;
  }
}

bool LineReader::Fill() {
  if (eof_ || !file_) return false;
  std::vector<char> buf(kChunk);
  // The bytes read ahead come first, topped up to a full chunk (the
  // encoding is guessed from the first chunk).
  size_t n = std::min(head_.size(), kChunk);
  std::memcpy(buf.data(), head_.data(), n);
  head_.clear();
  // The first chunk is read whole (the encoding is guessed from it); later
  // ones take what is there, so that a slow pipe's lines go on at once.
  int fd = fileno(file_);
  while (n < kChunk) {
    ssize_t got = ::read(fd, buf.data() + n, kChunk - n);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      Fail(std::strerror(errno));
      return false;
    }
    if (got == 0) break;
    n += static_cast<size_t>(got);
    if (started_) break;
  }
  if (bytes_) *bytes_ += static_cast<long long>(n);
  if (n == 0) {
    eof_ = true;
    if (!started_) started_ = true;
    if (conv_) AppendDecoded(nullptr, 0, true);
    return false;
  }
  if (!started_) return Start(buf.data(), n);
  AppendDecoded(buf.data(), n, false);
  return true;
}

size_t LineReader::CutPoint(size_t limit) const {
  // Right after a sentence end, else after a space, within the last 4 KB;
  // else at the last character boundary.
  auto s = reinterpret_cast<const uint8_t*>(pending_.data());
  int32_t floor = static_cast<int32_t>(limit - 4096);
  if (floor < static_cast<int32_t>(pending_pos_) + 1)
    floor = static_cast<int32_t>(pending_pos_) + 1;
  int32_t space = -1;
  for (int32_t i = static_cast<int32_t>(limit); i > floor;) {
    int32_t end = i;
    UChar32 c;
    U8_PREV(s, floor, i, c);
    if (c < 0) continue;
    // An ASCII full stop ends a sentence only before a space (not 3.5).
    if (IsTerminal(static_cast<char32_t>(c)) && (c >= 0x80 || s[end] == ' '))
      return end;
    if (space < 0 && (c == '\t' || FoldWidth(static_cast<char32_t>(c)) == ' '))
      space = end;
  }
  if (space > 0) return space;
  size_t p = limit;
  while (p > limit - 3 && (s[p] & 0xC0) == 0x80) --p;
  return (s[p] & 0xC0) == 0x80 ? limit : p;
}

bool LineReader::Next(InputLine* line) {
  if (!status_.ok() && pending_pos_ >= pending_.size()) return false;
  size_t nl;
  // Searched from where the last search stopped: a long line is not
  // scanned again for each chunk read.
  size_t from = pending_pos_;
  while ((nl = pending_.find('\n', from)) == std::string::npos) {
    if (pending_.size() > pending_pos_ + kMaxLineBytes) break;
    from = pending_.size();
    if (!Fill()) break;
  }
  if (!status_.ok()) return false;
  bool cut = false;
  if ((nl == std::string::npos ? pending_.size() : nl) >
      pending_pos_ + kMaxLineBytes) {
    nl = CutPoint(pending_pos_ + kMaxLineBytes);
    cut = true;
  } else if (nl == std::string::npos) {
    if (pending_pos_ >= pending_.size()) {
      if (conv_ && conv_->invalid > located_ && !summarised_) {
        // Substitutions the converter made where no position was kept.
        int unplaced = conv_->invalid - located_;
        located_ = conv_->invalid;
        invalid_ += unplaced;
        if (sink_)
          sink_({Severity::kWarning, "decode.invalid-bytes", path_,
                 line_number_, 0,
                 std::to_string(unplaced) + " invalid " + encoding_ +
                     " byte sequences replaced by U+FFFD"});
      }
      if (invalid_ > kMaxInvalidReports && !summarised_ && sink_) {
        summarised_ = true;
        sink_(
            {Severity::kWarning, "decode.invalid-bytes", path_, line_number_, 0,
             std::to_string(invalid_ - kMaxInvalidReports) + " more invalid " +
                 encoding_ + " byte sequences replaced by U+FFFD (" +
                 std::to_string(invalid_) + " in all)"});
      }
      return false;
    }
    nl = pending_.size();
  }
  std::string raw = pending_.substr(pending_pos_, nl - pending_pos_);
  const size_t raw_at = pending_base_ + pending_pos_;  // in the whole text
  pending_pos_ = cut ? nl : nl + 1;
  if (pending_pos_ > kChunk) {  // keep the buffer small
    pending_.erase(0, pending_pos_);
    pending_base_ += pending_pos_;
    pending_pos_ = 0;
  }
  if (!cut && !raw.empty() && raw.back() == '\r') raw.pop_back();
  if (next_col_ == 1) ++line_number_;
  if (cut && next_col_ == 1 && sink_)
    sink_({Severity::kWarning, "decode.long-line", path_, line_number_, 1,
           "line longer than " + std::to_string(kMaxLineBytes) +
               " bytes: read in pieces, each one a paragraph of its own"});
  line->number = line_number_;
  line->col = next_col_;
  line->page_break = false;
  line->text.clear();
  line->text.reserve(raw.size());
  auto s = reinterpret_cast<const uint8_t*>(raw.data());
  int32_t len = static_cast<int32_t>(raw.size());
  int col = line->col - 1;
  for (int32_t i = 0; i < len;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    ++col;
    if (c == '\f') {
      line->page_break = true;
      --col;
      continue;
    }
    // A converter's substitution at this character (non-UTF-8 input).
    int bad_byte = c < 0 ? s[start] : -1;
    while (!invalid_at_.empty() && invalid_at_.front().first <= raw_at + start) {
      if (invalid_at_.front().first == raw_at + start)
        bad_byte = invalid_at_.front().second;
      invalid_at_.pop_front();
    }
    if (bad_byte >= 0) {
      ++invalid_;
      if (c >= 0) ++located_;
      // The first few are reported where they stand; the rest are counted
      // and summed up once at the end of the input.
      if (sink_ && invalid_ <= kMaxInvalidReports) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "\\x%02X", bad_byte);
        sink_({Severity::kWarning, "decode.invalid-bytes", path_, line_number_,
               col,
               std::string("invalid ") + encoding_ + " byte " + hex +
                   " replaced by U+FFFD"});
      }
      if (c < 0) {
        line->text.append("\xEF\xBF\xBD");
        continue;
      }
    }
    line->text.append(raw, start, i - start);
  }
  next_col_ = cut ? col + 1 : 1;
  return true;
}

}  // namespace bulletin

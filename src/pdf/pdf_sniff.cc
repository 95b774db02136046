#include <algorithm>
#include <string_view>

#include "pdf/pdf_reader.h"

namespace bulletin {

bool LooksLikePdf(const std::string& head) {
  size_t n = std::min<size_t>(head.size(), 1024);
  return std::string_view(head.data(), n).find("%PDF-") !=
         std::string_view::npos;
}

}  // namespace bulletin

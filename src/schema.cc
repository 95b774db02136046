#include "record.h"

namespace bulletin {

std::string RecordSchema() { return "{}"; }

}  // namespace bulletin

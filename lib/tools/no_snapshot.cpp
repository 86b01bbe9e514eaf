// No snapshot: what the snapshot program links, as it writes the snapshot the library links.
#include "load/builtin_snapshot.hpp"

namespace katlas::detail {

std::string_view builtin_snapshot() { return {}; }

}  // namespace katlas::detail

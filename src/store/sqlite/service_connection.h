// The connections of the service's stores (the audit trail, access grants,
// idempotency keys, alerts' acknowledgements) to the store's database file.
#pragma once

#include <memory>
#include <string>

#include "store/sqlite/sqlite_handle.h"

namespace sightline::sqlite {

// Opens the store at `path` first (creating it when new, applying the
// migrations it lacks, refusing a file that is not a Sightline store), then a
// connection of its own to it, in write-ahead-log mode with
// `synchronous=FULL`: a transaction it commits is on disk once commit returns.
std::unique_ptr<Connection> open_service_connection(const std::string& path);

}  // namespace sightline::sqlite

#include "store/sqlite/sqlite_handle.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace sightline::sqlite {

namespace {

// Pages of the page cache taken from one region (see below): a connection's
// whole cache (64 MiB of 16 KiB pages), and some for the other connections.
constexpr int kPageCacheSlots = 4096 + 512;
constexpr int kPageCachePageSize = 16384;  // the stores' page size (PRAGMA page_size)
constexpr std::size_t kHugePage = std::size_t{2} << 20;

// The page cache's memory as one region the kernel may back with 2 MiB
// pages. Filled page by page from the ordinary heap, a 64 MiB cache costs
// 16,384 page faults, each several microseconds on a virtual machine, all on
// the thread writing an import. Pages of another size, and pages beyond the
// region, come from the heap as before. Never freed: it lives as long as the
// process, as SQLite requires.
void use_huge_page_cache() {
  int header = 0;
  if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK) return;
  const int slot = (kPageCachePageSize + header + 7) & ~7;
  const std::size_t bytes = static_cast<std::size_t>(slot) * kPageCacheSlots;
  void* region = ::mmap(nullptr, bytes + kHugePage, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (region == MAP_FAILED) return;
  // Huge pages need 2 MiB alignment.
  const auto start = (reinterpret_cast<std::uintptr_t>(region) + kHugePage - 1) & ~(kHugePage - 1);
  void* aligned = reinterpret_cast<void*>(start);
#ifdef MADV_HUGEPAGE
  (void)::madvise(aligned, bytes, MADV_HUGEPAGE);  // advice only: without it, 4 KiB pages
#endif
  if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, aligned, slot, kPageCacheSlots) != SQLITE_OK) {
    ::munmap(region, bytes + kHugePage);
  }
}

// Done once, before the first connection opens: SQLite takes its
// configuration only before it initialises (a later call is refused,
// harmlessly, with SQLITE_MISUSE).
//
// SQLite counts every allocation under a global mutex unless told not to; no
// part of Sightline reads those counts (sqlite3_memory_used), and an import
// allocates for every row.
void configure_sqlite_once() {
  static const bool configured = [] {
    use_huge_page_cache();
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  }();
  (void)configured;
}

// A store holds children's records: a new database file is readable by its
// owner only (SQLite would make it 0644, less the umask). The log and shared
// memory files SQLite makes beside it take the database file's permissions.
void create_private(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.starts_with("file:")) return;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);  // an empty file is an empty database to SQLite
}

}  // namespace

Connection::Connection(const std::string& path) {
  configure_sqlite_once();
  create_private(path);
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open database " + path + ": " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
}

Connection::~Connection() { sqlite3_close(db_); }

void Connection::fail(std::string_view what) const {
  throw StoreError(std::string(what) + ": " + sqlite3_errmsg(db_));
}

void Connection::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw StoreError("database error: " + message);
  }
}

Statement::Statement(Connection& db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v3(db.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) !=
      SQLITE_OK) {
    db.fail(std::string("cannot prepare \"") + sql + "\"");
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_.fail("bind");
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT) != SQLITE_OK) {
    db_.fail("bind");
  }
  return *this;
}

Statement& Statement::bind_static(int index, std::string_view text) {
  if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) !=
      SQLITE_OK) {
    db_.fail("bind");
  }
  return *this;
}

Statement& Statement::bind_text_or_null(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

Statement& Statement::bind_blob(int index, const void* data, int size) {
  if (sqlite3_bind_blob(stmt_, index, data, size, SQLITE_TRANSIENT) != SQLITE_OK) db_.fail("bind");
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) db_.fail("bind");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const std::string message = sqlite3_errmsg(db_.get());
  sqlite3_reset(stmt_);
  throw StoreError("database error: " + message);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string Statement::column_text(int col) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
              : std::string();
}

bool Statement::column_is_null(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

}  // namespace sightline::sqlite

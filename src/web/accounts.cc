#include "web/accounts.h"

#include <sodium.h>

#include <semaphore>

#include "store/sqlite/sqlite_handle.h"
#include "web/secrets.h"

namespace sightline::web {
namespace {

using sqlite::Connection;
using sqlite::Statement;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
  agency TEXT NOT NULL, password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
  created INTEGER NOT NULL, last_seen INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions(user_id);
)sql";

constexpr const char* kUserColumns =
    "u.id, u.username, u.role, u.agency, u.disabled, u.created, u.failed_logins, u.locked_until";

// A session's last use is written at most this often (seconds): the idle
// timeout is exact to within it, and a busy session does not write on every
// request.
constexpr std::int64_t kTouchInterval = 10;

// argon2id needs 64 MiB per hash at the default cost: at most two at once.
std::counting_semaphore<2> hashing_slots(2);

Account account_from(const Statement& s, int first) {
  Account a;
  a.id = s.column_int(first);
  a.username = s.column_text(first + 1);
  a.role = role_from_string(s.column_text(first + 2)).value_or(Role::kPractitioner);
  a.agency = s.column_text(first + 3);
  a.disabled = s.column_int(first + 4) != 0;
  a.created = s.column_text(first + 5);
  a.failed_logins = static_cast<int>(s.column_int(first + 6));
  a.locked_until = s.column_int(first + 7);
  return a;
}

bool valid_username(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

std::string token_digest(std::string_view raw) { return to_hex(sha256(raw)); }

std::optional<std::string> raw_token(std::string_view token) {
  if (token.size() != 43) return std::nullopt;  // 32 bytes in unpadded base64url
  auto raw = from_base64url(token);
  if (!raw || raw->size() != 32) return std::nullopt;
  return raw;
}

std::string csrf_of(std::string_view raw) {
  return to_base64url(hmac_sha256(raw, "sightline-csrf-v1"));
}

Actor actor_of(const Account& a, std::string detail = "") {
  return {a.username, std::string(to_string(a.role)), a.agency, std::move(detail)};
}

}  // namespace

std::string_view to_string(Role role) {
  switch (role) {
    case Role::kPractitioner:
      return "practitioner";
    case Role::kManager:
      return "manager";
    case Role::kSafeguardingLead:
      return "safeguarding_lead";
    case Role::kPartnershipAnalyst:
      return "partnership_analyst";
    case Role::kAdministrator:
      return "administrator";
  }
  return "practitioner";
}

std::optional<Role> role_from_string(std::string_view text) {
  for (Role r : {Role::kPractitioner, Role::kManager, Role::kSafeguardingLead,
                 Role::kPartnershipAnalyst, Role::kAdministrator}) {
    if (to_string(r) == text) return r;
  }
  return std::nullopt;
}

Accounts::Accounts(const std::string& db_path, const Clock& clock, AuditLog& audit,
                   AccountPolicy policy)
    : clock_(clock), audit_(audit), policy_(policy), db_(std::make_unique<Connection>(db_path)) {
  ensure_sodium();
  if (policy_.hash_opslimit == 0) policy_.hash_opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  if (policy_.hash_memlimit == 0) policy_.hash_memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  db_->exec("PRAGMA journal_mode=WAL");
  db_->exec("PRAGMA synchronous=FULL");
  db_->exec("PRAGMA foreign_keys=ON");
  db_->exec(kSchema);
  dummy_hash_ = hash_password(to_hex(random_bytes(16)));
}

Accounts::~Accounts() = default;

void Accounts::check_password(const std::string& password) {
  if (password.size() < 12) throw AccountError("the password must have at least 12 characters");
  if (password.size() > 256) throw AccountError("the password must have at most 256 characters");
}

std::string Accounts::generate_password() {
  ensure_sodium();
  static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  std::string out;
  for (int i = 0; i < 24; ++i) {
    out.push_back(kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
  }
  return out;
}

std::string Accounts::hash_password(const std::string& password) const {
  hashing_slots.acquire();
  char out[crypto_pwhash_STRBYTES];
  const int rc = crypto_pwhash_str(out, password.data(), password.size(), policy_.hash_opslimit,
                                   policy_.hash_memlimit);
  hashing_slots.release();
  if (rc != 0) throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool Accounts::verify_password(const std::string& hash, const std::string& password) const {
  hashing_slots.acquire();
  const bool ok = crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
  hashing_slots.release();
  return ok;
}

void Accounts::audit(const Actor& by, const std::string& action, const std::string& detail) {
  audit_.append(
      {by.user, by.role, by.agency, action, "", "",
       detail.empty() ? by.detail : (by.detail.empty() ? detail : by.detail + "; " + detail)});
}

Account Accounts::add(const std::string& username, Role role, const std::string& agency,
                      const std::string& password, const Actor& by) {
  if (!valid_username(username)) {
    throw AccountError(
        "a user name is 1 to 64 lower-case letters, digits, '.', '_' or '-', "
        "starting with a letter or digit");
  }
  if (agency.empty()) throw AccountError("a user must belong to an agency");
  check_password(password);
  const std::string hash = hash_password(password);
  std::lock_guard lock(mutex_);
  if (Statement s(*db_, "SELECT 1 FROM users WHERE username = ?"); s.bind(1, username).step()) {
    throw AccountError("the user name \"" + username + "\" is taken");
  }
  Statement insert(*db_,
                   "INSERT INTO users(username, role, agency, password_hash, created) "
                   "VALUES (?,?,?,?,?)");
  insert.bind(1, username)
      .bind(2, to_string(role))
      .bind(3, agency)
      .bind(4, hash)
      .bind(5, utc_text(clock_.utc_seconds()))
      .run();
  audit(by, "user.add",
        "user " + username + " (" + std::string(to_string(role)) + ", " + agency + ")");
  Account a;
  a.id = sqlite3_last_insert_rowid(db_->get());
  a.username = username;
  a.role = role;
  a.agency = agency;
  return a;
}

void Accounts::end_sessions_of(std::int64_t user_id) {
  Statement(*db_, "DELETE FROM sessions WHERE user_id = ?").bind(1, user_id).run();
}

void Accounts::disable(const std::string& username, const Actor& by) {
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT id FROM users WHERE username = ?");
  if (!s.bind(1, username).step()) throw AccountError("no user \"" + username + "\"");
  const std::int64_t id = s.column_int(0);
  s.reset();
  db_->exec("BEGIN IMMEDIATE");
  try {
    Statement(*db_, "UPDATE users SET disabled = 1 WHERE id = ?").bind(1, id).run();
    end_sessions_of(id);
    db_->exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  audit(by, "user.disable", "user " + username + "; every session ended");
}

void Accounts::reset_password(const std::string& username, const std::string& password,
                              const Actor& by) {
  check_password(password);
  const std::string hash = hash_password(password);
  std::lock_guard lock(mutex_);
  Statement s(*db_, "SELECT id FROM users WHERE username = ?");
  if (!s.bind(1, username).step()) throw AccountError("no user \"" + username + "\"");
  const std::int64_t id = s.column_int(0);
  s.reset();
  db_->exec("BEGIN IMMEDIATE");
  try {
    Statement(*db_,
              "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = 0, "
              "disabled = 0 WHERE id = ?")
        .bind(1, hash)
        .bind(2, id)
        .run();
    end_sessions_of(id);
    db_->exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
  audit(by, "user.reset", "user " + username + "; password replaced, lock and disablement lifted");
}

std::vector<Account> Accounts::list() {
  std::lock_guard lock(mutex_);
  Statement s(
      *db_, (std::string("SELECT ") + kUserColumns + " FROM users u ORDER BY u.username").c_str());
  std::vector<Account> out;
  while (s.step()) out.push_back(account_from(s, 0));
  return out;
}

std::optional<Account> Accounts::find(const std::string& username) {
  std::lock_guard lock(mutex_);
  Statement s(
      *db_, (std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.username = ?").c_str());
  if (!s.bind(1, username).step()) return std::nullopt;
  return account_from(s, 0);
}

LoginResult Accounts::login(const std::string& username, const std::string& password,
                            const std::string& remote) {
  const std::string from = "from " + remote;
  std::optional<Account> account;
  std::string hash;
  {
    std::lock_guard lock(mutex_);
    Statement s(*db_, (std::string("SELECT ") + kUserColumns +
                       ", u.password_hash FROM users u WHERE u.username = ?")
                          .c_str());
    if (s.bind(1, username).step()) {
      account = account_from(s, 0);
      hash = s.column_text(8);
    }
  }
  const std::int64_t now = clock_.utc_seconds();
  const std::string attempted = valid_username(username) ? username : "(not a user name)";
  if (!account || account->disabled || account->locked_until > now) {
    verify_password(dummy_hash_, password);  // the same time as a real check
    const char* why = !account            ? "unknown user"
                      : account->disabled ? "account disabled"
                                          : "account locked";
    audit({attempted, account ? std::string(to_string(account->role)) : "",
           account ? account->agency : "", from},
          "session.login_failed", why);
    return {};
  }
  if (!verify_password(hash, password)) {
    bool locked = false;
    {
      std::lock_guard lock(mutex_);
      Statement(*db_, "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?")
          .bind(1, account->id)
          .run();
      Statement count(*db_, "SELECT failed_logins FROM users WHERE id = ?");
      count.bind(1, account->id).step();
      const std::int64_t failures = count.column_int(0);
      count.reset();  // no read left open while this connection writes
      if (failures >= policy_.max_failures) {
        Statement(*db_, "UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?")
            .bind(1, now + policy_.lockout)
            .bind(2, account->id)
            .run();
        locked = true;
      }
    }
    audit(actor_of(*account, from), "session.login_failed", "wrong password");
    if (locked) {
      audit(actor_of(*account, from), "account.locked",
            std::to_string(policy_.max_failures) + " failed logins; locked until " +
                utc_text(now + policy_.lockout));
    }
    return {};
  }
  const bool rehash = crypto_pwhash_str_needs_rehash(hash.c_str(), policy_.hash_opslimit,
                                                     policy_.hash_memlimit) != 0;
  const std::string new_hash = rehash ? hash_password(password) : std::string();
  const std::string raw = random_bytes(32);
  {
    std::lock_guard lock(mutex_);
    db_->exec("BEGIN IMMEDIATE");
    try {
      Statement(*db_, "UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ?")
          .bind(1, account->id)
          .run();
      if (rehash) {
        Statement(*db_, "UPDATE users SET password_hash = ? WHERE id = ?")
            .bind(1, new_hash)
            .bind(2, account->id)
            .run();
      }
      // Sessions that expired unpresented are removed as others begin.
      Statement(*db_, "DELETE FROM sessions WHERE last_seen <= ? OR created <= ?")
          .bind(1, now - policy_.idle_timeout)
          .bind(2, now - policy_.absolute_timeout)
          .run();
      Statement(*db_,
                "INSERT INTO sessions(token_hash, user_id, created, last_seen) VALUES (?,?,?,?)")
          .bind(1, token_digest(raw))
          .bind(2, account->id)
          .bind(3, now)
          .bind(4, now)
          .run();
      db_->exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }
  audit(actor_of(*account, from), "session.login");
  LoginResult result;
  result.ok = true;
  result.token = to_base64url(raw);
  account->failed_logins = 0;
  account->locked_until = 0;
  result.session = {*account, csrf_of(raw), now, now};
  return result;
}

std::optional<SessionInfo> Accounts::authenticate(std::string_view token) {
  const auto raw = raw_token(token);
  if (!raw) return std::nullopt;
  const std::string digest = token_digest(*raw);
  const std::int64_t now = clock_.utc_seconds();
  std::lock_guard lock(mutex_);
  // Every request asks this: the statement is prepared once, not per request.
  if (!session_lookup_) {
    session_lookup_ = std::make_unique<Statement>(
        *db_, (std::string("SELECT s.created, s.last_seen, ") + kUserColumns +
               " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?")
                  .c_str());
  }
  Statement& s = *session_lookup_;
  SessionInfo info;
  {
    // Reset however this block is left, so that no read stays open.
    const std::unique_ptr<Statement, void (*)(Statement*)> reset_on_exit(
        &s, [](Statement* statement) { statement->reset(); });
    if (!s.bind(1, digest).step()) return std::nullopt;
    info.created = s.column_int(0);
    info.last_seen = s.column_int(1);
    info.account = account_from(s, 2);
  }
  if (info.account.disabled || now - info.last_seen >= policy_.idle_timeout ||
      now - info.created >= policy_.absolute_timeout || now < info.created) {
    Statement(*db_, "DELETE FROM sessions WHERE token_hash = ?").bind(1, digest).run();
    return std::nullopt;
  }
  if (now - info.last_seen >= kTouchInterval) {
    Statement(*db_, "UPDATE sessions SET last_seen = ? WHERE token_hash = ?")
        .bind(1, now)
        .bind(2, digest)
        .run();
    info.last_seen = now;
  }
  info.csrf_token = csrf_of(*raw);
  return info;
}

void Accounts::logout(std::string_view token, const std::string& remote) {
  const auto session = authenticate(token);
  if (!session) return;
  {
    std::lock_guard lock(mutex_);
    Statement(*db_, "DELETE FROM sessions WHERE token_hash = ?")
        .bind(1, token_digest(*raw_token(token)))
        .run();
  }
  audit(actor_of(session->account, "from " + remote), "session.logout");
}

bool Accounts::csrf_matches(std::string_view token, std::string_view presented) {
  const auto raw = raw_token(token);
  return raw && equal_in_constant_time(csrf_of(*raw), presented);
}

}  // namespace sightline::web

// Accounts and sessions as the store keeps them, for web/accounts.h, which
// puts the policy over them: password rules and hashing (only hashes reach
// the store), timeouts, lockout and the audit. This interface holds no policy:
// every limit and instant it needs is given to it.
//
// Implementations are thread-safe; each call is atomic (the calls that write
// several rows write them in one transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sightline {

// An account as stored.
struct AccountRecord {
  std::int64_t id = 0;
  std::string username;
  std::string role;    // the role's name ("practitioner", "safeguarding_lead", ...)
  std::string agency;  // the agency id the user works for
  bool disabled = false;
  std::string created;  // UTC, as given when added
  int failed_logins = 0;
  std::int64_t locked_until = 0;  // UTC seconds; 0 when not locked
  friend bool operator==(const AccountRecord&, const AccountRecord&) = default;
};

// An account and its password hash, for checking a sign-in.
struct AccountWithPassword {
  AccountRecord account;
  std::string password_hash;
};

struct NewAccount {
  std::string username, role, agency;
  std::string password_hash;
  std::string created;  // UTC
};

// A session as stored: only the SHA-256 of its token is kept (never the token).
struct SessionRecord {
  AccountRecord account;                    // whose it is
  std::int64_t created = 0, last_seen = 0;  // UTC seconds
};

// What a successful sign-in writes, all together.
struct SessionStart {
  std::int64_t user_id = 0;
  std::string token_hash;
  std::int64_t now = 0;  // UTC seconds: the session's start and last use
  // The password hashed again, when its cost settings have been raised.
  std::optional<std::string> new_password_hash;
  // Sessions last used at or before `idle_before`, or begun at or before
  // `started_before`, have expired and are removed.
  std::int64_t idle_before = 0, started_before = 0;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // The new account's id; nullopt when the user name is taken.
  virtual std::optional<std::int64_t> add_account(const NewAccount& account) = 0;
  // Every account, by user name.
  virtual std::vector<AccountRecord> accounts() = 0;
  virtual std::optional<AccountRecord> account(std::string_view username) = 0;
  virtual std::optional<AccountWithPassword> account_with_password(std::string_view username) = 0;
  // Disables the account and ends every session it holds, together. False
  // when there is no such user.
  virtual bool disable_account(std::string_view username) = 0;
  // Gives the account a new password hash, clears its failed sign-ins, lock
  // and disablement, and ends every session it holds, together. False when
  // there is no such user.
  virtual bool replace_password(std::string_view username, std::string_view password_hash) = 0;

  // Counts a failed sign-in. When that makes `lock_after` in a row, the count
  // starts again and the account is locked until `locked_until` (UTC
  // seconds): then true.
  virtual bool count_failed_login(std::int64_t user_id, int lock_after,
                                  std::int64_t locked_until) = 0;
  // Clears the account's failed sign-ins and lock, replaces its hash when
  // asked, removes expired sessions and stores the new one, together.
  virtual void start_session(const SessionStart& start) = 0;
  // The session whose token has this hash, with its account.
  virtual std::optional<SessionRecord> session(std::string_view token_hash) = 0;
  virtual void touch_session(std::string_view token_hash, std::int64_t last_seen) = 0;
  // Removes the session (nothing when there is none).
  virtual void end_session(std::string_view token_hash) = 0;
};

}  // namespace sightline

// Accounts, passwords and sessions.
//
// Passwords are stored only as argon2id hashes (libsodium crypto_pwhash_str)
// and re-hashed on login when the cost settings have been raised. A session is
// an opaque 32-byte random token held by the browser in a cookie; the server
// keeps only its SHA-256, so a copy of the database yields no live session.
// A session ends on logout, after `idle_timeout` without use, after
// `absolute_timeout` whatever its use, and at once when its account is
// disabled or its password reset. All times come from the Clock (UTC
// seconds), so tests move time instead of waiting.
//
// CSRF: each session has a token derived from its secret
// (HMAC-SHA256(session token, "csrf")), returned at login and required in the
// X-CSRF-Token header of every state-changing request that carries the
// cookie. It is bound to the session and needs no storage.
//
// Throttling: after `max_failures` consecutive failed logins an account is
// locked for `lockout`; while locked even the right password is refused.
// Every login, failure, lock and administrative change is audited.
//
// What is kept, and how, is the AccountStore's (store/account_store.h); the
// policy above is this class's. Thread-safe: each call to the store is atomic;
// password hashing (tens of milliseconds and 64 MiB each) runs outside the
// store, at most two at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "store/account_store.h"
#include "web/audit_log.h"

namespace sightline::web {

enum class Role : std::uint8_t {
  kPractitioner,
  kManager,
  kSafeguardingLead,
  kPartnershipAnalyst,
  kAdministrator,
};
std::string_view to_string(Role role);  // "practitioner", "safeguarding_lead", ...
std::optional<Role> role_from_string(std::string_view text);

struct Account {
  std::int64_t id = 0;
  std::string username;
  Role role = Role::kPractitioner;
  std::string agency;  // the agency id the user works for
  bool disabled = false;
  std::string created;  // UTC
  int failed_logins = 0;
  std::int64_t locked_until = 0;  // UTC seconds; 0 when not locked
};

struct AccountPolicy {
  std::int64_t idle_timeout = 30 * 60;        // seconds
  std::int64_t absolute_timeout = 12 * 3600;  // seconds
  int max_failures = 5;
  std::int64_t lockout = 15 * 60;  // seconds
  // argon2id cost: libsodium's INTERACTIVE limits (2 passes, 64 MiB) unless
  // changed; tests lower them.
  unsigned long long hash_opslimit = 0;  // 0: crypto_pwhash_OPSLIMIT_INTERACTIVE
  std::size_t hash_memlimit = 0;         // 0: crypto_pwhash_MEMLIMIT_INTERACTIVE
};

// Who is acting, as the audit records it.
struct Actor {
  std::string user, role, agency, detail;
};

// A live session, as authenticate() finds it.
struct SessionInfo {
  Account account;
  std::string csrf_token;
  std::int64_t created = 0, last_seen = 0;  // UTC seconds
};

struct LoginResult {
  bool ok = false;
  std::string token;  // the cookie value, when ok
  SessionInfo session;
};

class Accounts {
 public:
  // Keeps the accounts and sessions in `store`, which must outlive this.
  Accounts(AccountStore& store, const Clock& clock, AuditLog& audit, AccountPolicy policy = {});
  ~Accounts();
  Accounts(const Accounts&) = delete;
  Accounts& operator=(const Accounts&) = delete;

  const AccountPolicy& policy() const { return policy_; }

  // Administration. Refuse with kInvalidInput (name taken, bad name, weak
  // password) or kNotFound (no such user), with a reason a person can act on.
  Expected<Account> add(const std::string& username, Role role, const std::string& agency,
                        const std::string& password, const Actor& by);
  Expected<void> disable(const std::string& username, const Actor& by);
  Expected<void> reset_password(const std::string& username, const std::string& password,
                                const Actor& by);
  std::vector<Account> list();
  std::optional<Account> find(const std::string& username);

  // Checks the password and opens a new session. Every failure looks the same
  // to the caller (unknown name, wrong password, locked, disabled); the audit
  // records which it was. `remote` is kept in the audit record.
  LoginResult login(const std::string& username, const std::string& password,
                    const std::string& remote);
  // The session a cookie value names, if it is live; refreshes its idle timer.
  std::optional<SessionInfo> authenticate(std::string_view token);
  // Ends the session (no-op for an unknown token).
  void logout(std::string_view token, const std::string& remote);
  // True when `presented` is the CSRF token of the session `token` names.
  static bool csrf_matches(std::string_view token, std::string_view presented);

  // Passwords: 12 to 256 bytes (ASVS: at least 8, 64 or more allowed; long
  // passphrases encouraged).
  static Expected<void> check_password(const std::string& password);
  // A random password of 24 characters from an unambiguous alphabet.
  static std::string generate_password();

 private:
  std::string hash_password(const std::string& password) const;
  bool verify_password(const std::string& hash, const std::string& password) const;
  void audit(const Actor& by, const std::string& action, const std::string& detail = "");

  AccountStore& store_;
  const Clock& clock_;
  AuditLog& audit_;
  AccountPolicy policy_;
  std::string dummy_hash_;  // verified against for unknown names, so timing tells nothing
};

}  // namespace sightline::web

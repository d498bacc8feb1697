#include "web/accounts.h"

#include <sodium.h>

#include <semaphore>

#include "web/secrets.h"

namespace sightline::web {
namespace {

// A session's last use is written at most this often (seconds): the idle
// timeout is exact to within it, and a busy session does not write on every
// request.
constexpr std::int64_t kTouchInterval = 10;

// argon2id needs 64 MiB per hash at the default cost: at most two at once.
std::counting_semaphore<2> hashing_slots(2);

Account account_from(const AccountRecord& r) {
  Account a;
  a.id = r.id;
  a.username = r.username;
  a.role = role_from_string(r.role).value_or(Role::kPractitioner);
  a.agency = r.agency;
  a.disabled = r.disabled;
  a.created = r.created;
  a.failed_logins = r.failed_logins;
  a.locked_until = r.locked_until;
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

Accounts::Accounts(AccountStore& store, const Clock& clock, AuditLog& audit, AccountPolicy policy)
    : store_(store), clock_(clock), audit_(audit), policy_(policy) {
  ensure_sodium();
  if (policy_.hash_opslimit == 0) policy_.hash_opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  if (policy_.hash_memlimit == 0) policy_.hash_memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  dummy_hash_ = hash_password(to_hex(random_bytes(16)));
}

Accounts::~Accounts() = default;

Expected<void> Accounts::check_password(const std::string& password) {
  if (password.size() < 12) {
    return Unexpected(field_error(ErrorCode::kInvalidInput, "password",
                                  "the password must have at least 12 characters"));
  }
  if (password.size() > 256) {
    return Unexpected(field_error(ErrorCode::kInvalidInput, "password",
                                  "the password must have at most 256 characters"));
  }
  return {};
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

Expected<Account> Accounts::add(const std::string& username, Role role, const std::string& agency,
                                const std::string& password, const Actor& by) {
  if (!valid_username(username)) {
    return Unexpected(
        field_error(ErrorCode::kInvalidInput, "username",
                    "a user name is 1 to 64 lower-case letters, digits, '.', '_' or '-', "
                    "starting with a letter or digit"));
  }
  if (agency.empty()) {
    return Unexpected(
        field_error(ErrorCode::kInvalidInput, "agency", "a user must belong to an agency"));
  }
  if (auto checked = check_password(password); !checked) return Unexpected(checked.error());
  const std::string hash = hash_password(password);
  const auto id = store_.add_account(
      {username, std::string(to_string(role)), agency, hash, utc_text(clock_.utc_seconds())});
  if (!id) {
    return Unexpected(field_error(ErrorCode::kInvalidInput, "username",
                                  "the user name \"" + username + "\" is taken"));
  }
  audit(by, "user.add",
        "user " + username + " (" + std::string(to_string(role)) + ", " + agency + ")");
  Account a;
  a.id = *id;
  a.username = username;
  a.role = role;
  a.agency = agency;
  return a;
}

Expected<void> Accounts::disable(const std::string& username, const Actor& by) {
  if (!store_.disable_account(username)) {
    return Unexpected(
        field_error(ErrorCode::kNotFound, "username", "no user \"" + username + "\""));
  }
  audit(by, "user.disable", "user " + username + "; every session ended");
  return {};
}

Expected<void> Accounts::reset_password(const std::string& username, const std::string& password,
                                        const Actor& by) {
  if (auto checked = check_password(password); !checked) return checked;
  const std::string hash = hash_password(password);
  if (!store_.replace_password(username, hash)) {
    return Unexpected(
        field_error(ErrorCode::kNotFound, "username", "no user \"" + username + "\""));
  }
  audit(by, "user.reset", "user " + username + "; password replaced, lock and disablement lifted");
  return {};
}

std::vector<Account> Accounts::list() {
  std::vector<Account> out;
  for (const AccountRecord& r : store_.accounts()) out.push_back(account_from(r));
  return out;
}

std::optional<Account> Accounts::find(const std::string& username) {
  const auto r = store_.account(username);
  if (!r) return std::nullopt;
  return account_from(*r);
}

LoginResult Accounts::login(const std::string& username, const std::string& password,
                            const std::string& remote) {
  const std::string from = "from " + remote;
  std::optional<Account> account;
  std::string hash;
  if (auto found = store_.account_with_password(username)) {
    account = account_from(found->account);
    hash = std::move(found->password_hash);
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
    const bool locked =
        store_.count_failed_login(account->id, policy_.max_failures, now + policy_.lockout);
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
  SessionStart start;
  start.user_id = account->id;
  start.token_hash = token_digest(raw);
  start.now = now;
  if (rehash) start.new_password_hash = new_hash;
  start.idle_before = now - policy_.idle_timeout;
  start.started_before = now - policy_.absolute_timeout;
  store_.start_session(start);
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
  const auto stored = store_.session(digest);
  if (!stored) return std::nullopt;
  SessionInfo info;
  info.created = stored->created;
  info.last_seen = stored->last_seen;
  info.account = account_from(stored->account);
  if (info.account.disabled || now - info.last_seen >= policy_.idle_timeout ||
      now - info.created >= policy_.absolute_timeout || now < info.created) {
    store_.end_session(digest);
    return std::nullopt;
  }
  if (now - info.last_seen >= kTouchInterval) {
    store_.touch_session(digest, now);
    info.last_seen = now;
  }
  info.csrf_token = csrf_of(*raw);
  return info;
}

void Accounts::logout(std::string_view token, const std::string& remote) {
  const auto session = authenticate(token);
  if (!session) return;
  store_.end_session(token_digest(*raw_token(token)));
  audit(actor_of(session->account, "from " + remote), "session.logout");
}

bool Accounts::csrf_matches(std::string_view token, std::string_view presented) {
  const auto raw = raw_token(token);
  return raw && equal_in_constant_time(csrf_of(*raw), presented);
}

}  // namespace sightline::web

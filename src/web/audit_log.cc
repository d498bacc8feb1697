#include "web/audit_log.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <stdexcept>

#include "web/secrets.h"

namespace sightline::web {
namespace {

const std::string kGenesisHash(64, '0');

void append_field(std::string& out, std::string_view field) {
  std::uint64_t n = field.size();
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((n >> shift) & 0xff));
  out.append(field);
}

// The hex SHA-256 of a record: its predecessor's hash, then every field.
std::string compute_hash(const AuditRecord& r) {
  std::string data = from_hex(r.prev_hash).value_or(std::string(32, '\0'));
  append_field(data, std::to_string(r.seq));
  append_field(data, r.at);
  for (const std::string* f : {&r.entry.user, &r.entry.role, &r.entry.agency, &r.entry.action,
                               &r.entry.child, &r.entry.reason, &r.entry.detail}) {
    append_field(data, *f);
  }
  return to_hex(sha256(data));
}

std::string head_message(std::int64_t seq, const std::string& hash) {
  return "sightline-audit-head-v1:" + std::to_string(seq) + ":" + hash;
}

// Whether `signature` (hex) signs the head (seq, hash) for `public_key`.
bool head_signed_by(const AuditHead& head, const unsigned char* public_key) {
  const std::string message = head_message(head.seq, head.hash);
  const auto signature = from_hex(head.signature);
  return signature && signature->size() == crypto_sign_BYTES &&
         crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature->data()),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), public_key) == 0;
}

std::string read_small_file(const std::string& path, bool must_be_private) {
  const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot read the audit key " + path);
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    throw std::runtime_error("the audit key " + path + " is not a regular file");
  }
  if (must_be_private && (st.st_mode & 077) != 0) {
    close(fd);
    throw std::runtime_error("the audit key " + path +
                             " may be read by others; make it private (chmod 600)");
  }
  std::string text(4096, '\0');
  const ssize_t n = read(fd, text.data(), text.size());
  close(fd);
  if (n < 0) throw std::runtime_error("cannot read the audit key " + path);
  text.resize(static_cast<std::size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// Writes `text` to a new file at `path` with `mode`; false when it exists.
bool create_file(const std::string& path, const std::string& text, mode_t mode) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) {
    if (errno == EEXIST) return false;
    throw std::runtime_error("cannot create " + path);
  }
  const bool ok =
      write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && fsync(fd) == 0;
  close(fd);
  if (!ok) throw std::runtime_error("cannot write " + path);
  return true;
}

// Loads the secret key, creating the key pair when there is none. `created`
// says which.
std::string load_or_create_key(const std::string& path, bool& created) {
  ensure_sodium();
  created = false;
  if (access(path.c_str(), F_OK) != 0) {
    std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> pk{};
    std::array<unsigned char, crypto_sign_SECRETKEYBYTES> sk{};
    crypto_sign_keypair(pk.data(), sk.data());
    const std::string secret(reinterpret_cast<const char*>(sk.data()), sk.size());
    const std::string public_key(reinterpret_cast<const char*>(pk.data()), pk.size());
    sodium_memzero(sk.data(), sk.size());
    if (create_file(path, to_hex(secret) + "\n", 0600)) {
      created = true;
      const std::string pub_path = path + ".pub";
      unlink(pub_path.c_str());
      create_file(pub_path, to_hex(public_key) + "\n", 0644);
    }
  }
  const auto key = from_hex(read_small_file(path, true));
  if (!key || key->size() != crypto_sign_SECRETKEYBYTES) {
    throw std::runtime_error("the audit key " + path + " is not an Ed25519 secret key");
  }
  return *key;
}

}  // namespace

std::string AuditLog::chain_hash(const AuditRecord& record) { return compute_hash(record); }

std::string AuditLog::default_key_path(const std::string& db_path) {
  return db_path + ".audit-key";
}

AuditLog::AuditLog(AuditStore& store, const std::string& key_path, const Clock& clock)
    : store_(store), clock_(clock) {
  bool created = false;
  secret_key_ = load_or_create_key(key_path, created);
  const bool empty = store_.empty();
  if (empty && !created) {
    throw std::runtime_error("the audit log is empty but its key " + key_path +
                             " already exists: was the log removed? Run 'sightline audit verify'");
  }
  if (empty) {
    append({"system", "", "", "audit.started", "", "", ""});
    return;
  }
  if (const auto head = store_.head()) {
    // The public half is the last 32 bytes of a libsodium Ed25519 secret key.
    const auto* public_key = reinterpret_cast<const unsigned char*>(secret_key_.data()) +
                             crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES;
    if (!head_signed_by(*head, public_key)) {
      throw std::runtime_error("the audit log's head was not signed with the key " + key_path +
                               ": wrong key, or the log was tampered with");
    }
  }
}

AuditLog::~AuditLog() { sodium_memzero(secret_key_.data(), secret_key_.size()); }

// One append waiting for its group to commit.
struct AuditLog::Pending {
  AuditEntry entry;
  AuditRecord record;
  std::exception_ptr error;
  bool done = false;
};

AuditRecord AuditLog::append(const AuditEntry& entry) {
  Pending mine{entry, {}, nullptr, false};
  std::unique_lock lock(queue_mutex_);
  queue_.push_back(&mine);
  // Group commit: whoever finds no writer at work writes every append
  // waiting, its own included, in one transaction; the others wait for it.
  // Each caller returns only once its own record has committed.
  while (!mine.done) {
    if (writing_) {
      written_.wait(lock);
      continue;
    }
    writing_ = true;
    std::vector<Pending*> group;
    group.swap(queue_);
    lock.unlock();
    write_group(group);
    lock.lock();
    // Marked under the lock: a waiter reads its result once it sees `done`.
    for (Pending* p : group) p->done = true;
    writing_ = false;
    written_.notify_all();
  }
  if (mine.error) std::rethrow_exception(mine.error);
  return mine.record;
}

void AuditLog::write_group(const std::vector<Pending*>& group) {
  try {
    const auto transaction = store_.begin();
    std::vector<AuditRecord> records;
    records.reserve(group.size());
    for (const Pending* p : group) {
      records.push_back(
          write_record(*transaction, p->entry, records.empty() ? nullptr : &records.back(), false));
    }
    sign_head(*transaction, records.back());
    transaction->commit();
    for (std::size_t i = 0; i < group.size(); ++i) group[i]->record = std::move(records[i]);
  } catch (...) {
    // Nothing of the group was written: every caller in it fails closed.
    for (Pending* p : group) p->error = std::current_exception();
  }
}

AuditRecord AuditLog::append_within(Transaction& transaction, const AuditEntry& entry) {
  return write_record(transaction, entry, nullptr, true);
}

AuditRecord AuditLog::write_record(Transaction& transaction, const AuditEntry& entry,
                                   const AuditRecord* previous, bool sign) const {
  AuditRecord r;
  r.entry = entry;
  r.prev_hash = kGenesisHash;
  if (previous) {
    r.seq = previous->seq;
    r.prev_hash = previous->hash;
  } else if (const auto last = store_.last(transaction)) {
    r.seq = last->seq;
    r.prev_hash = last->hash;
  }
  ++r.seq;
  r.at = utc_text(clock_.utc_seconds());
  r.hash = compute_hash(r);
  store_.append(transaction, r);
  if (sign) sign_head(transaction, r);
  return r;
}

void AuditLog::sign_head(Transaction& transaction, const AuditRecord& last) const {
  const std::string message = head_message(last.seq, last.hash);
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       reinterpret_cast<const unsigned char*>(secret_key_.data()));
  store_.set_head(transaction,
                  {last.seq, last.hash,
                   to_hex(std::string_view(reinterpret_cast<const char*>(signature.data()),
                                           signature.size()))});
}

std::vector<AuditRecord> AuditLog::records_about(const std::string& child) {
  return store_.records_about(child);
}

std::vector<AuditRecord> AuditLog::records() {
  std::vector<AuditRecord> out;
  store_.for_each_record([&](const AuditRecord& r) { out.push_back(r); });
  return out;
}

AuditVerification AuditLog::verify(AuditStore& store, const std::string& public_key_path) {
  ensure_sodium();
  const auto public_key = from_hex(read_small_file(public_key_path, false));
  if (!public_key || public_key->size() != crypto_sign_PUBLICKEYBYTES) {
    throw std::runtime_error(public_key_path + " is not an Ed25519 public key");
  }
  AuditVerification v;
  auto problem = [&](std::string text) { v.problems.push_back(std::move(text)); };
  const AuditStorage storage = store.storage();
  if (!storage.has_log) {
    problem("the database has no audit log");
    return v;
  }
  if (!storage.complete) {
    problem("the audit log's append-only triggers or its head table are missing");
  }
  std::int64_t expected = 1;
  std::string prev_hash = kGenesisHash;
  std::int64_t last_seq = 0;
  store.for_each_record([&](const AuditRecord& r) {
    ++v.records;
    if (r.seq != expected) {
      if (r.seq > expected) {
        problem("record " + std::to_string(expected) +
                (r.seq - 1 > expected ? " to " + std::to_string(r.seq - 1) : std::string()) +
                " missing (removed)");
      } else {
        problem("record " + std::to_string(r.seq) + " out of order");
      }
    }
    if (r.prev_hash != prev_hash) {
      problem("record " + std::to_string(r.seq) +
              ": does not follow the record before it (a record was removed or inserted)");
    }
    if (compute_hash(r) != r.hash) {
      problem("record " + std::to_string(r.seq) +
              ": its content does not match its hash (changed)");
    }
    prev_hash = r.hash;
    last_seq = r.seq;
    expected = r.seq + 1;
  });
  if (v.records == 0) problem("the audit log has no records (it always has at least one)");
  const auto head = store.head();
  if (!head) {
    if (v.records > 0) problem("the signed head is missing");
    return v;
  }
  const std::int64_t head_seq = head->seq;
  const std::string& head_hash = head->hash;
  if (!head_signed_by(*head, reinterpret_cast<const unsigned char*>(public_key->data()))) {
    problem("the head's signature is not valid for this key (the head was changed)");
  }
  if (head_seq == last_seq && head_hash != prev_hash) {
    problem("record " + std::to_string(last_seq) + " is not the record the head signed (changed)");
  } else if (head_seq != last_seq) {
    problem("the signed head names record " + std::to_string(head_seq) +
            " but the log ends at record " + std::to_string(last_seq) +
            (head_seq > last_seq ? " (records removed from the end)"
                                 : " (records added without the key)"));
  }
  return v;
}

}  // namespace sightline::web

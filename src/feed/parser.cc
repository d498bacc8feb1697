// Validation of events-v1 lines.
//
// Each line is parsed into a simdjson DOM that the parser reuses, so that a
// line allocates little beyond the strings its Event keeps. The line's members
// are listed once; each field reader takes its member by name and marks it
// used, and whatever no reader took is an unknown field. The names a type's
// reader asks for are therefore the type's schema: the "unknown field"
// message lists them, so the schema is written down exactly once.
//
// Ids a line defines are entered only after the whole line is checked, so a
// line never refers to itself, and they are entered even when the line is
// faulty (see parser.h).
#include "feed/parser.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <limits>
#include <utility>

#include "core/areas.h"
#include "feed/field_checks.h"
#include "feed/id_table.h"

namespace sightline {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
namespace checks = feed_checks;

enum class Need : bool { kOptional, kRequired };
// What an address must say: a home's full address (`address`, `found`), or
// where a contact took place, for which a postcode and an area are enough.
enum class Place : bool { kFull, kPostcode };

constexpr std::string_view kTimestampForm = "a date YYYY-MM-DD or date-time YYYY-MM-DDTHH:MM[:SS]";
constexpr std::string_view kEnvelopeFields = "v, type, at, recorded, by, note";
constexpr std::string_view kAddressFields = "line1, line2, town, postcode, area, kind";
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;

// An id of the shared namespace and where it was defined.
struct Defined {
  IdInfo info;
  std::int64_t line = 0;  // 0: in the store
  // Defined by a line whose type was not known; accepted as any kind, so that
  // a misspelt type does not also fault every line that refers to the id.
  bool any_kind = false;
};

// What the envelope demands of each type (events-v1 tables).
struct TypeRule {
  bool id_required = false;
  bool by_required = true;
  IdKind id_kind = IdKind::kOtherEvent;
};

TypeRule rule_of(EventType type) {
  switch (type) {
    case EventType::kAgency:
      return {true, false, IdKind::kAgency};
    case EventType::kPremises:
      return {false, false, IdKind::kOtherEvent};
    case EventType::kPerson:
      return {true, true, IdKind::kOtherEvent};  // the id is a person id
    case EventType::kReferral:
      return {true, true, IdKind::kReferral};
    case EventType::kAssessmentStarted:
      return {true, true, IdKind::kAssessment};
    case EventType::kStrategyDiscussion:
      return {true, true, IdKind::kStrategyDiscussion};
    case EventType::kPlanStarted:
      return {true, true, IdKind::kPlan};
    case EventType::kTransfer:
      return {true, true, IdKind::kTransfer};
    default:
      return {};
  }
}

std::string_view kind_name(IdKind kind) {
  switch (kind) {
    case IdKind::kAgency:
      return "agency";
    case IdKind::kReferral:
      return "referral";
    case IdKind::kAssessment:
      return "assessment";
    case IdKind::kStrategyDiscussion:
      return "strategy discussion";
    case IdKind::kPlan:
      return "plan";
    case IdKind::kTransfer:
      return "transfer";
    case IdKind::kOtherEvent:
      break;
  }
  return "event";
}

std::string_view article(std::string_view noun) {
  return noun.find_first_of("aeiou") == 0 ? "an " : "a ";
}

std::string cat(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (const std::string_view p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (const std::string_view p : parts) out += p;
  return out;
}

// A value as a message shows it: long text is cut so that a fault stays one line.
std::string quote(std::string_view text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return cat({"\"", text, "\""});
  return cat({"\"", text.substr(0, kMax), "...\""});
}

std::string shown(element value) {
  switch (value.type()) {
    case element_type::STRING:
      return quote(value.get_string().value_unsafe());
    case element_type::ARRAY:
      return "a list";
    case element_type::OBJECT:
      return "an object";
    default:
      return simdjson::minify(value);
  }
}

// What a field should hold, as "expected ..." names it. Enum fields carry
// their names and spell them out only when a fault needs them.
struct Expect {
  // Implicit, so that a reader's `what` can be written as plain text.
  Expect(const char* what) : text(what) {}
  Expect(std::string_view what) : text(what) {}
  Expect(const std::string& what) : text(what) {}
  Expect(std::string_view what, std::span<const std::string_view> names)
      : text(what), choices(names) {}

  std::string str() const {
    if (choices.empty()) return std::string(text);
    std::string out(text);
    out += "one of: ";
    for (std::size_t i = 0; i < choices.size(); ++i) {
      if (i) out += ", ";
      out += choices[i];
    }
    return out;
  }

  std::string_view text;
  std::span<const std::string_view> choices;
};

template <class E>
Expect one_of(std::string_view prefix = {}) {
  return Expect(prefix, names_of<E>());
}

// The value of `"key": "value"` in text that is not valid JSON, when it is
// plainly there: the first such member, without escapes. A best guess, used
// only to limit the damage of a broken line.
std::optional<std::string_view> salvage_string(std::string_view text, std::string_view key) {
  const auto skip_space = [&](std::size_t i) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    return i;
  };
  for (std::size_t pos = text.find(key); pos != std::string_view::npos;
       pos = text.find(key, pos + 1)) {
    if (pos == 0 || text[pos - 1] != '"' || pos + key.size() >= text.size() ||
        text[pos + key.size()] != '"') {
      continue;
    }
    std::size_t i = skip_space(pos + key.size() + 1);
    if (i >= text.size() || text[i] != ':') continue;
    i = skip_space(i + 1);
    if (i >= text.size() || text[i] != '"') continue;
    const std::size_t end = text.find('"', i + 1);
    if (end == std::string_view::npos) return std::nullopt;
    const std::string_view value = text.substr(i + 1, end - i - 1);
    if (value.empty() || value.find('\\') != std::string_view::npos) return std::nullopt;
    return value;
  }
  return std::nullopt;
}

std::string_view trim_right(std::string_view line) {
  const std::size_t end = line.find_last_not_of(" \t\r\n\f\v");
  return end == std::string_view::npos ? std::string_view{} : line.substr(0, end + 1);
}

}  // namespace

class FeedParser::Impl {
 public:
  explicit Impl(const KnownIds* stored) : stored_(stored) {
    members_.items.reserve(32);
    sub_members_.items.reserve(8);
    asked_.reserve(16);
  }

  std::optional<Event> parse_line(std::string_view line, std::int64_t line_number,
                                  std::vector<Fault>& faults);
  ResolvedIds resolved_ids() const { return {this, resolved_, &word_owner_}; }
  mutable std::uint64_t word_owner_ = 0;
  bool keep_lines_ = true;
  bool trust_references_ = false;

 private:
  struct Member {
    std::string_view key;
    element value;
    std::uint64_t head = 0;  // head_of(key)
    bool used = false;
  };
  // The members of one object. Readers ask for members in about the order
  // feeds write them, so a lookup starts after the member found last; when
  // every name is given once (`unique`), it stops at the first match. `names`
  // has a bit set for each name given (a one-word Bloom filter), so that
  // asking for an optional member that is not there is usually one test.
  struct Members {
    std::vector<Member> items;
    std::uint64_t names = 0;
    bool unique = true;
    std::size_t cursor = 0;
    void clear() {
      items.clear();
      names = 0;
      unique = true;
      cursor = 0;
    }
    void add(std::string_view key, element value) {
      const std::uint64_t head = head_of(key);
      const std::uint64_t bit = bit_of(head, key.size());
      if (names & bit) {
        for (const Member& m : items) {
          if (same(m, head, key)) unique = false;
        }
      }
      names |= bit;
      items.push_back(Member{key, value, head});
    }
    bool may_have(std::uint64_t head, std::size_t size) const {
      return (names & bit_of(head, size)) != 0;
    }
  };
  static std::uint64_t bit_of(std::uint64_t head, std::size_t size) {
    return std::uint64_t{1} << (((head + size) * 0x9e3779b97f4a7c15ull) >> 58);
  }
  // A name's first eight bytes, or for a shorter name a word made of all its
  // bytes: names of up to eight bytes are equal exactly when their heads and
  // sizes are; longer ones also need the rest compared.
  static std::uint64_t head_of(std::string_view name) {
    const char* p = name.data();
    const std::size_t n = name.size();
    if (n >= 8) {
      std::uint64_t head = 0;
      std::memcpy(&head, p, 8);
      return head;
    }
    if (n >= 4) {  // two words that overlap and cover every byte
      std::uint32_t first = 0, last = 0;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + n - 4, 4);
      return first | (std::uint64_t{last} << 32);
    }
    if (n == 0) return 0;
    const auto byte = [&](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(p[i])};
    };
    return byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
  }
  static bool same(const Member& m, std::uint64_t head, std::string_view name) {
    return m.head == head && m.key.size() == name.size() &&
           (name.size() <= 8 ||
            std::memcmp(m.key.data() + 8, name.data() + 8, name.size() - 8) == 0);
  }

  // ----- the current line -----
  void fault(std::string_view name, std::string message);
  bool has(std::string_view name) const;
  std::optional<element> take(std::string_view name);
  std::optional<element> get(std::string_view name, Need need, const Expect& what,
                             element_type type);
  // `allowed` lists the fields that are known; it is called only when needed.
  template <class F>
  void report_unknown(const Members& members, F&& allowed);
  std::string body_fields_text(EventType type) const;

  // ----- field readers -----
  // Each reads one field of the current object, reports a fault when it is
  // required and missing or present and invalid, and returns whether `out`
  // now holds a valid value. An std::optional out-parameter makes the field
  // optional.
  bool text(std::string_view name, std::string& out, Need need = Need::kRequired,
            const Expect& what = "a string");
  std::optional<std::string_view> id_text(std::string_view name, Need need, const Expect& what);
  bool flag(std::string_view name, bool& out, Need need = Need::kRequired);
  bool flag(std::string_view name, std::optional<bool>& out);
  bool positive_int(std::string_view name, std::optional<int>& out);
  bool timestamp(std::string_view name, Timestamp& out, Need need);
  bool date(std::string_view name, Date& out, Need need = Need::kRequired);
  bool date(std::string_view name, std::optional<Date>& out);
  template <class E>
  bool choice(std::string_view name, E& out, Need need = Need::kRequired);
  template <class E>
  bool choice(std::string_view name, std::optional<E>& out);
  template <class E>
  bool choices(std::string_view name, std::vector<E>& out, Need need);
  bool strings(std::string_view name, std::vector<std::string>& out, Need need);
  bool strings(std::string_view name, std::optional<std::vector<std::string>>& out);
  bool area(std::string_view name, std::string& out, Need need);
  bool address(std::string_view name, Address& out, Need need = Need::kRequired,
               Place place = Place::kFull);
  bool address(std::string_view name, std::optional<Address>& out, Place place = Place::kFull);
  bool findings(std::string_view name, std::string& out);
  bool profile(std::string_view name, std::map<std::string, int>& out);

  // References to what earlier lines (or the store) defined.
  bool person(std::string_view name, Id& out, Need need = Need::kRequired);
  bool person(std::string_view name, std::optional<Id>& out);
  bool persons(std::string_view name, std::vector<Id>& out);
  std::optional<IdInfo> agency(std::string_view name, Id& out, Need need = Need::kRequired);
  std::optional<IdInfo> agency(std::string_view name, std::optional<Id>& out);
  bool agencies(std::string_view name, std::vector<Id>& out);
  bool gp_practice(std::string_view name, Id& out);
  std::optional<IdInfo> event_ref(std::string_view name, IdKind kind, Id& out);
  std::optional<IdInfo> resolve(std::string_view name, std::string_view id, IdKind kind);

  // Calls `each` with every element of the list `name` (which must be a list
  // of strings; `what` names one element, e.g. "person id").
  template <class F>
  bool list(std::string_view name, Need need, bool non_empty, const Expect& what, F&& each);

  // ----- ids -----
  // Whether the id is defined, noting its number for resolved_ids().
  std::optional<Defined> find_id(std::string_view id);
  bool person_known(std::string_view id);
  void note_resolved(IdSpace space, std::string_view id, IdTable::Entry entry) {
    resolved_.push_back(ResolvedId{id, entry.number, space, entry.word});
  }
  std::uint32_t growths() const { return persons_.growths() + agency_ids_.growths(); }
  void check_new_id(std::string_view id);
  // Starts loading the table slots of the person ids the line names in the
  // fields that usually hold them: in a feed of millions of people each is a
  // cache miss, and the line's other fields are checked while they load.
  void prefetch_persons() const;
  void reserve(std::optional<EventType> type, std::string_view id);
  void define_person(std::string_view id);
  void define_id(std::string_view id, const Defined& defined);

  void read_body(EventType type, std::string_view id, Event& event);

  const KnownIds* stored_;
  simdjson::dom::parser json_;
  IdTable persons_;
  // Agency and event ids share one namespace but not one table: the few
  // agencies, named on nearly every line, then stay in cache while event
  // ids grow with the feed.
  IdTable agency_ids_, event_ids_;
  std::vector<Defined> agency_defined_, event_defined_;  // by number in each table

  // Per-line state, kept across lines only to reuse its memory.
  Members members_;
  Members sub_members_;  // the members of a nested address object
  Members* current_ = &members_;
  std::vector<std::string_view> asked_;  // body fields asked for, in order
  std::vector<ResolvedId> resolved_;
  std::vector<Fault>* faults_ = nullptr;
  std::int64_t line_ = 0;
  std::string_view scope_;      // the type name once the envelope is read
  std::string_view sub_scope_;  // the field of the nested object being read
  // What the line defines besides its own `id`.
  std::string_view new_person_;
  std::optional<AgencyKind> new_agency_kind_;
  std::optional<AssessmentKind> new_assessment_kind_;
};

// ----- the current line -----

void FeedParser::Impl::fault(std::string_view name, std::string message) {
  std::string field;
  for (const std::string_view part : {scope_, sub_scope_}) {
    if (part.empty()) continue;
    field += part;
    field += '.';
  }
  field += name;
  faults_->push_back(Fault{line_, std::move(field), std::move(message)});
}

bool FeedParser::Impl::has(std::string_view name) const {
  const std::uint64_t head = head_of(name);
  if (!current_->may_have(head, name.size())) return false;
  return std::any_of(current_->items.begin(), current_->items.end(),
                     [&](const Member& m) { return same(m, head, name); });
}

std::optional<element> FeedParser::Impl::take(std::string_view name) {
  if (current_ == &members_ && !scope_.empty()) asked_.push_back(name);
  const std::uint64_t head = head_of(name);
  if (!current_->may_have(head, name.size())) return std::nullopt;
  std::vector<Member>& items = current_->items;
  if (current_->unique) {
    const std::size_t n = items.size();
    for (std::size_t k = 0, i = current_->cursor; k < n; ++k, ++i) {
      if (i >= n) i -= n;
      if (!same(items[i], head, name)) continue;
      items[i].used = true;
      current_->cursor = i + 1;
      return items[i].value;
    }
    return std::nullopt;
  }
  std::optional<element> found;
  for (Member& m : items) {
    if (!same(m, head, name)) continue;
    m.used = true;
    if (found) {
      fault(name, "given more than once; expected one value");
    } else {
      found = m.value;
    }
  }
  return found;
}

std::optional<element> FeedParser::Impl::get(std::string_view name, Need need, const Expect& what,
                                             element_type type) {
  const std::optional<element> value = take(name);
  if (!value) {
    if (need == Need::kRequired) fault(name, "missing; expected " + what.str());
    return std::nullopt;
  }
  if (value->type() != type) {
    fault(name, cat({"expected ", what.str(), "; got ", shown(*value)}));
    return std::nullopt;
  }
  return value;
}

template <class F>
void FeedParser::Impl::report_unknown(const Members& members, F&& allowed) {
  for (const Member& m : members.items) {
    if (!m.used) fault(m.key, "unknown field; " + allowed());
  }
}

std::string FeedParser::Impl::body_fields_text(EventType type) const {
  const bool id_listed = rule_of(type).id_required;
  std::string out = cat({to_string(type), " has: "});
  if (id_listed) out += "id, ";
  for (std::size_t i = 0; i < asked_.size(); ++i) {
    if (i) out += ", ";
    out += asked_[i];
  }
  out += id_listed ? "; every line may also have: " : "; every line may also have: id, ";
  out += kEnvelopeFields;
  return out;
}

// ----- field readers -----

bool FeedParser::Impl::text(std::string_view name, std::string& out, Need need,
                            const Expect& what) {
  const std::optional<element> value = get(name, need, what, element_type::STRING);
  if (!value) return false;
  out.assign(value->get_string().value_unsafe());
  return true;
}

std::optional<std::string_view> FeedParser::Impl::id_text(std::string_view name, Need need,
                                                          const Expect& what) {
  const std::optional<element> value = get(name, need, what, element_type::STRING);
  if (!value) return std::nullopt;
  const std::string_view id = value->get_string().value_unsafe();
  if (id.empty()) {
    fault(name, cat({"expected ", what.str(), "; got an empty string"}));
    return std::nullopt;
  }
  return id;
}

bool FeedParser::Impl::flag(std::string_view name, bool& out, Need need) {
  const std::optional<element> value = get(name, need, "true or false", element_type::BOOL);
  if (!value) return false;
  out = value->get_bool().value_unsafe();
  return true;
}

bool FeedParser::Impl::flag(std::string_view name, std::optional<bool>& out) {
  bool value = false;
  if (!flag(name, value, Need::kOptional)) return false;
  out = value;
  return true;
}

bool FeedParser::Impl::positive_int(std::string_view name, std::optional<int>& out) {
  static constexpr std::string_view kWhat = "a positive whole number";
  const std::optional<element> value = take(name);
  if (!value) return false;
  std::int64_t n = 0;
  if (value->get_int64().get(n) != simdjson::SUCCESS || n < 1 ||
      n > std::numeric_limits<int>::max()) {
    fault(name, cat({"expected ", kWhat, "; got ", shown(*value)}));
    return false;
  }
  out = static_cast<int>(n);
  return true;
}

bool FeedParser::Impl::timestamp(std::string_view name, Timestamp& out, Need need) {
  const std::optional<element> value = get(name, need, kTimestampForm, element_type::STRING);
  if (!value) return false;
  const std::string_view s = value->get_string().value_unsafe();
  const std::optional<Timestamp> parsed = Timestamp::parse(s);
  if (!parsed) {
    fault(name, checks::has_timestamp_shape(s)
                    ? cat({"no such date or time: ", quote(s), "; expected ", kTimestampForm})
                    : cat({"expected ", kTimestampForm, "; got ", quote(s)}));
    return false;
  }
  const int year = parsed->date.year();
  if (year < kFirstYear || year > kLastYear) {
    fault(name,
          cat({"year ", s.substr(0, 4), " is out of range; expected a year from 1900 to 2100"}));
    return false;
  }
  out = *parsed;
  return true;
}

bool FeedParser::Impl::date(std::string_view name, Date& out, Need need) {
  static constexpr std::string_view kWhat = "a date YYYY-MM-DD";
  const std::optional<element> value = get(name, need, kWhat, element_type::STRING);
  if (!value) return false;
  const std::string_view s = value->get_string().value_unsafe();
  const std::optional<Date> parsed = Date::parse(s);
  if (!parsed) {
    fault(name, s.size() == 10 && checks::has_timestamp_shape(s)
                    ? cat({"no such date: ", quote(s), "; expected ", kWhat})
                    : cat({"expected ", kWhat, "; got ", quote(s)}));
    return false;
  }
  if (parsed->year() < kFirstYear || parsed->year() > kLastYear) {
    fault(name,
          cat({"year ", s.substr(0, 4), " is out of range; expected a year from 1900 to 2100"}));
    return false;
  }
  out = *parsed;
  return true;
}

bool FeedParser::Impl::date(std::string_view name, std::optional<Date>& out) {
  Date value;
  if (!date(name, value, Need::kOptional)) return false;
  out = value;
  return true;
}

template <class E>
bool FeedParser::Impl::choice(std::string_view name, E& out, Need need) {
  const Expect what = one_of<E>();
  const std::optional<element> value = get(name, need, what, element_type::STRING);
  if (!value) return false;
  const std::string_view s = value->get_string().value_unsafe();
  const std::optional<E> parsed = parse_name<E>(s);
  if (!parsed) {
    fault(name, cat({"expected ", what.str(), "; got ", quote(s)}));
    return false;
  }
  out = *parsed;
  return true;
}

template <class E>
bool FeedParser::Impl::choice(std::string_view name, std::optional<E>& out) {
  E value{};
  if (!choice(name, value, Need::kOptional)) return false;
  out = value;
  return true;
}

template <class F>
bool FeedParser::Impl::list(std::string_view name, Need need, bool non_empty, const Expect& what,
                            F&& each) {
  const auto describe = [&] { return cat({"a list of ", what.str()}); };
  const std::optional<element> value = take(name);
  if (!value) {
    if (need == Need::kRequired) fault(name, "missing; expected " + describe());
    return false;
  }
  simdjson::dom::array items;
  if (value->get_array().get(items) != simdjson::SUCCESS) {
    fault(name, cat({"expected ", describe(), "; got ", shown(*value)}));
    return false;
  }
  if (non_empty && items.size() == 0) {
    fault(name, cat({"expected ", describe(), "; got an empty list"}));
    return false;
  }
  bool ok = true;
  for (const element item : items) {
    std::string_view s;
    if (item.get_string().get(s) != simdjson::SUCCESS) {
      fault(name, cat({"expected ", describe(), "; got ", shown(item), " in it"}));
      ok = false;
    } else if (!each(s)) {
      ok = false;
    }
  }
  return ok;
}

template <class E>
bool FeedParser::Impl::choices(std::string_view name, std::vector<E>& out, Need need) {
  const Expect what = one_of<E>("names, each ");
  return list(name, need, false, what, [&](std::string_view s) {
    const std::optional<E> parsed = parse_name<E>(s);
    if (!parsed) {
      fault(name, cat({"expected a list of ", what.str(), "; got ", quote(s)}));
      return false;
    }
    out.push_back(*parsed);
    return true;
  });
}

bool FeedParser::Impl::strings(std::string_view name, std::vector<std::string>& out, Need need) {
  return list(name, need, false, "strings", [&](std::string_view s) {
    out.emplace_back(s);
    return true;
  });
}

bool FeedParser::Impl::strings(std::string_view name,
                               std::optional<std::vector<std::string>>& out) {
  std::vector<std::string> values;
  if (!strings(name, values, Need::kOptional)) return false;
  out = std::move(values);
  return true;
}

bool FeedParser::Impl::area(std::string_view name, std::string& out, Need need) {
  static constexpr std::string_view kWhat =
      "the GSS code of a local-authority area (E or W and 8 digits, e.g. E09000033)";
  if (!text(name, out, need, kWhat)) return false;
  if (!looks_like_gss_code(out)) {
    fault(name, cat({"expected ", kWhat, "; got ", quote(out)}));
    return false;
  }
  if (find_area(out) == nullptr) {
    fault(name,
          cat({"no local-authority area has the GSS code ", quote(out), "; expected ", kWhat}));
    return false;
  }
  return true;
}

bool FeedParser::Impl::address(std::string_view name, Address& out, Need need, Place shape) {
  const std::optional<element> value = get(name, need, "an address object", element_type::OBJECT);
  if (!value) return false;
  const std::size_t faults_before = faults_->size();
  sub_members_.clear();
  const simdjson::dom::object fields = value->get_object().value_unsafe();
  for (const auto [key, field] : fields) sub_members_.add(key, field);
  current_ = &sub_members_;
  sub_scope_ = name;
  // A kind that is given but invalid leaves the other fields optional, so one
  // misspelling is one fault.
  const bool kind_given = has("kind");
  const bool kind_ok = choice("kind", out.kind, Need::kOptional);
  const bool somewhere =
      kind_ok && out.kind != AddressKind::kNoFixedAbode && out.kind != AddressKind::kUnknown;
  if (shape == Place::kPostcode && kind_given && kind_ok && !somewhere) {
    fault("kind", cat({"a place where a contact took place is residential or temporary; got ",
                       quote(to_string(out.kind))}));
  }
  const Need place = somewhere || !kind_given ? Need::kRequired : Need::kOptional;
  const Need lines = shape == Place::kPostcode ? Need::kOptional : place;
  text("line1", out.line1, lines);
  text("line2", out.line2, Need::kOptional);
  text("town", out.town, lines);
  if (text("postcode", out.postcode, place) && !checks::looks_like_postcode(out.postcode)) {
    fault("postcode", cat({"expected a UK postcode such as SW1A 1AA; got ", quote(out.postcode)}));
  }
  area("area", out.area, place);
  report_unknown(sub_members_, [] { return cat({"an address has: ", kAddressFields}); });
  current_ = &members_;
  sub_scope_ = {};
  return faults_->size() == faults_before;
}

bool FeedParser::Impl::address(std::string_view name, std::optional<Address>& out, Place shape) {
  Address value;
  if (!address(name, value, Need::kOptional, shape)) return false;
  out = std::move(value);
  return true;
}

bool FeedParser::Impl::findings(std::string_view name, std::string& out) {
  const std::optional<element> value =
      get(name, Need::kRequired, "an object of findings", element_type::OBJECT);
  if (!value) return false;
  out = simdjson::minify(*value);
  return true;
}

bool FeedParser::Impl::profile(std::string_view name, std::map<std::string, int>& out) {
  const std::optional<element> value =
      get(name, Need::kOptional,
          "an object grading each domain of care from 1 to 5, e.g. {\"physical_care\": 3}",
          element_type::OBJECT);
  if (!value) return false;
  const std::size_t faults_before = faults_->size();
  sub_scope_ = name;
  const simdjson::dom::object grades = value->get_object().value_unsafe();
  for (const auto [key, grade] : grades) {
    if (!checks::is_snake_case(key)) {
      fault(key, "expected a domain name in snake_case, e.g. physical_care");
    }
    std::int64_t n = 0;
    if (grade.get_int64().get(n) != simdjson::SUCCESS || n < 1 || n > 5) {
      fault(key, "expected a grade from 1 to 5; got " + shown(grade));
    } else if (!out.emplace(std::string(key), static_cast<int>(n)).second) {
      fault(key, "given more than once; expected one grade");
    }
  }
  sub_scope_ = {};
  return faults_->size() == faults_before;
}

// ----- references -----

bool FeedParser::Impl::person(std::string_view name, Id& out, Need need) {
  const std::optional<std::string_view> id = id_text(name, need, "a person id");
  if (!id) return false;
  out.assign(*id);
  if (!person_known(*id)) {
    fault(name, cat({"no person with id ", quote(*id), " before this line"}));
    return false;
  }
  return true;
}

bool FeedParser::Impl::person(std::string_view name, std::optional<Id>& out) {
  Id id;
  if (!person(name, id, Need::kOptional)) return false;
  out = std::move(id);
  return true;
}

bool FeedParser::Impl::persons(std::string_view name, std::vector<Id>& out) {
  return list(name, Need::kRequired, true, "person ids", [&](std::string_view id) {
    if (!person_known(id)) {
      fault(name, cat({"no person with id ", quote(id), " before this line"}));
      return false;
    }
    out.emplace_back(id);
    return true;
  });
}

std::optional<IdInfo> FeedParser::Impl::agency(std::string_view name, Id& out, Need need) {
  const std::optional<std::string_view> id = id_text(name, need, "an agency id");
  if (!id) return std::nullopt;
  out.assign(*id);
  return resolve(name, *id, IdKind::kAgency);
}

std::optional<IdInfo> FeedParser::Impl::agency(std::string_view name, std::optional<Id>& out) {
  Id id;
  std::optional<IdInfo> info = agency(name, id, Need::kOptional);
  if (info) out = std::move(id);
  return info;
}

bool FeedParser::Impl::agencies(std::string_view name, std::vector<Id>& out) {
  return list(name, Need::kRequired, false, "agency ids", [&](std::string_view id) {
    out.emplace_back(id);
    return resolve(name, id, IdKind::kAgency).has_value();
  });
}

bool FeedParser::Impl::gp_practice(std::string_view name, Id& out) {
  const std::optional<IdInfo> info = agency(name, out);
  if (!info) return false;
  if (info->agency_kind && *info->agency_kind != AgencyKind::kGpPractice) {
    const std::string_view kind = to_string(*info->agency_kind);
    fault(name, cat({"agency ", quote(out), " is ", article(kind), kind,
                     " agency; expected a gp_practice"}));
    return false;
  }
  return true;
}

std::optional<IdInfo> FeedParser::Impl::event_ref(std::string_view name, IdKind kind, Id& out) {
  const std::string_view noun = kind_name(kind);
  const std::optional<std::string_view> id =
      id_text(name, Need::kRequired, cat({article(noun), noun, " id"}));
  if (!id) return std::nullopt;
  out.assign(*id);
  return resolve(name, *id, kind);
}

std::optional<IdInfo> FeedParser::Impl::resolve(std::string_view name, std::string_view id,
                                                IdKind kind) {
  const std::string_view noun = kind_name(kind);
  const std::optional<Defined> defined = find_id(id);
  if (!defined) {
    fault(name, cat({"no ", noun, " with id ", quote(id), " before this line"}));
    return std::nullopt;
  }
  if (defined->any_kind) return IdInfo{kind, defined->info.defined_by, {}, {}};
  if (defined->info.kind != kind) {
    const std::string_view by = to_string(defined->info.defined_by);
    const std::string where =
        defined->line ? cat({" (line ", std::to_string(defined->line), ")"}) : " (in the store)";
    fault(name, cat({quote(id), " is the id of ", article(by), by, where, "; expected ",
                     article(noun), noun, " id"}));
    return std::nullopt;
  }
  return defined->info;
}

// ----- ids -----

std::optional<Defined> FeedParser::Impl::find_id(std::string_view id) {
  if (const IdTable::Entry e = agency_ids_.find_entry(id); e.number != IdTable::kAbsent) {
    note_resolved(IdSpace::kAgency, id, e);
    return agency_defined_[e.number];
  }
  if (const std::uint32_t n = event_ids_.find(id); n != IdTable::kAbsent) return event_defined_[n];
  if (stored_ != nullptr) {
    if (std::optional<IdInfo> info = stored_->find(id)) return Defined{*info, 0, false};
  }
  if (trust_references_) return Defined{IdInfo{}, 0, true};  // of whatever kind is asked
  return std::nullopt;
}

bool FeedParser::Impl::person_known(std::string_view id) {
  if (const IdTable::Entry e = persons_.find_entry(id); e.number != IdTable::kAbsent) {
    note_resolved(IdSpace::kPerson, id, e);
    return true;
  }
  return trust_references_ || (stored_ != nullptr && stored_->has_person(id));
}

void FeedParser::Impl::check_new_id(std::string_view id) {
  if (trust_references_) return;
  const std::optional<Defined> defined = find_id(id);
  if (!defined) return;
  if (defined->any_kind) {
    fault("id", cat({quote(id), " is already used on line ", std::to_string(defined->line),
                     "; expected an id not used before"}));
    return;
  }
  const std::string_view by = to_string(defined->info.defined_by);
  const std::string where =
      defined->line ? cat({"on line ", std::to_string(defined->line)}) : "in the store";
  fault("id", cat({quote(id), " is already the id of ", article(by), by, " ", where,
                   "; expected an id not used before"}));
}

void FeedParser::Impl::define_person(std::string_view id) {
  note_resolved(IdSpace::kPerson, id, persons_.insert_entry(id).first);
}

void FeedParser::Impl::define_id(std::string_view id, const Defined& defined) {
  // The first definition stands, in either table.
  if (defined.info.kind == IdKind::kAgency) {
    if (event_ids_.find(id) != IdTable::kAbsent) return;
    const auto [entry, added] = agency_ids_.insert_entry(id);
    if (added) agency_defined_.push_back(defined);
    note_resolved(IdSpace::kAgency, id, entry);
  } else if (agency_ids_.find(id) == IdTable::kAbsent) {
    if (event_ids_.insert(id).second) event_defined_.push_back(defined);
  }
}

void FeedParser::Impl::prefetch_persons() const {
  static const std::array<std::string_view, 5> kFields = {"child", "mother", "person", "other",
                                                          "persons"};
  for (const Member& m : members_.items) {
    if (std::find(kFields.begin(), kFields.end(), m.key) == kFields.end()) continue;
    std::string_view id;
    simdjson::dom::array items;
    if (m.value.get_string().get(id) == simdjson::SUCCESS) {
      persons_.prefetch(id);
    } else if (m.value.get_array().get(items) == simdjson::SUCCESS) {
      for (const element item : items) {
        if (item.get_string().get(id) == simdjson::SUCCESS) persons_.prefetch(id);
      }
    }
  }
}

void FeedParser::Impl::reserve(std::optional<EventType> type, std::string_view id) {
  if (!type) {
    // Unknown type: the id may have been meant for either namespace.
    if (!new_person_.empty()) define_person(new_person_);
    if (id.empty()) return;
    define_person(id);
    define_id(id, Defined{IdInfo{}, line_, true});
    return;
  }
  if (!new_person_.empty()) define_person(new_person_);
  if (id.empty() || *type == EventType::kPerson) return;
  const TypeRule rule = rule_of(*type);
  define_id(id, Defined{IdInfo{rule.id_kind, *type, new_assessment_kind_, new_agency_kind_}, line_,
                        false});
}

// ----- the line -----

std::optional<Event> FeedParser::Impl::parse_line(std::string_view line, std::int64_t line_number,
                                                  std::vector<Fault>& faults) {
  line = trim_right(line);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return std::nullopt;

  faults_ = &faults;
  line_ = line_number;
  scope_ = {};
  sub_scope_ = {};
  current_ = &members_;
  members_.clear();
  asked_.clear();
  resolved_.clear();
  new_person_ = {};
  new_agency_kind_.reset();
  new_assessment_kind_.reset();
  const std::size_t faults_before = faults.size();
  const std::uint32_t growths_before = growths();

  element root;
  if (const simdjson::error_code error = json_.parse(line.data(), line.size()).get(root)) {
    fault("(json)",
          cat({"expected one JSON object on the line; ", simdjson::error_message(error)}));
    // Still reserve the ids the text plainly names, so that a broken line
    // does not also fault every later line that refers to them.
    if (salvage_string(line, "type") == "pregnancy") {
      new_person_ = salvage_string(line, "child").value_or(std::string_view{});
    }
    reserve(std::nullopt, salvage_string(line, "id").value_or(std::string_view{}));
    return std::nullopt;
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    fault("(json)", "expected a JSON object; got " + shown(root));
    return std::nullopt;
  }
  for (const auto [key, value] : object) members_.add(key, value);
  prefetch_persons();

  Event event;
  event.line = line_number;

  // The envelope.
  EventType type{};
  const bool type_ok = choice("type", type);
  if (const std::optional<element> v = take("v")) {
    std::int64_t version = 0;
    if (v->get_int64().get(version) != simdjson::SUCCESS || version != 1) {
      fault("v", "expected 1 (the only version of this format); got " + shown(*v));
    }
  }
  // An unknown type demands nothing of the envelope beyond `at`.
  const TypeRule rule = type_ok ? rule_of(type) : TypeRule{false, false, IdKind::kOtherEvent};
  const bool is_person = type_ok && type == EventType::kPerson;
  std::string_view id;
  if (const std::optional<std::string_view> given =
          id_text("id", rule.id_required ? Need::kRequired : Need::kOptional,
                  is_person ? "a person id" : "an id")) {
    id = *given;
    if (!is_person) check_new_id(id);
  }
  const bool at_ok = timestamp("at", event.at, Need::kRequired);
  if (timestamp("recorded", event.recorded, Need::kOptional)) {
    const bool early = event.at.has_time && event.recorded.has_time
                           ? event.recorded.instant() < event.at.instant()
                           : event.recorded.date < event.at.date;
    if (at_ok && early) {
      fault("recorded",
            cat({"is before at (", event.at.to_string(), "); expected the time at or later"}));
    }
  } else {
    event.recorded = event.at;
  }
  agency("by", event.by, rule.by_required ? Need::kRequired : Need::kOptional);
  text("note", event.note, Need::kOptional);

  if (type_ok) {
    scope_ = to_string(type);
    read_body(type, id, event);
    report_unknown(members_, [&] { return body_fields_text(type); });
  }
  reserve(type_ok ? std::optional<EventType>(type) : std::nullopt, id);
  if (faults.size() != faults_before) return std::nullopt;
  if (growths() != growths_before) {
    // A table grew after some of the line's ids were looked up: find their
    // words where they are now.
    for (ResolvedId& r : resolved_) {
      r.word = (r.space == IdSpace::kPerson ? persons_ : agency_ids_).find_entry(r.text).word;
    }
  }

  event.type = type;
  event.id.assign(id);
  if (keep_lines_) event.json.assign(line);
  return event;
}

// The body of each type, field by field in events-v1 order. Every field is
// asked for unconditionally: the names asked for are the type's schema.
void FeedParser::Impl::read_body(EventType type, std::string_view id, Event& event) {
  switch (type) {
    case EventType::kAgency: {
      auto& b = event.body.emplace<AgencyEvent>();
      text("name", b.name);
      if (choice("kind", b.kind)) new_agency_kind_ = b.kind;
      area("area", b.area, Need::kRequired);
      agency("parent", b.parent);
      return;
    }
    case EventType::kPremises: {
      auto& b = event.body.emplace<PremisesEvent>();
      address("address", b.address);
      choice("kind", b.kind);
      return;
    }
    case EventType::kPerson: {
      auto& b = event.body.emplace<PersonEvent>();
      // A known id is an update; a new one must name the person (C14).
      const bool is_new = !id.empty() && !person_known(id);
      const Need name_need = is_new ? Need::kRequired : Need::kOptional;
      text("given", b.given, name_need,
           is_new ? "a given name: a new person needs given and family" : "a string");
      text("family", b.family, name_need,
           is_new ? "a family name: a new person needs given and family" : "a string");
      date("dob", b.dob);
      choice("sex", b.sex);
      if (text("nhs_number", b.nhs_number, Need::kOptional) &&
          !checks::is_valid_nhs_number(b.nhs_number)) {
        fault("nhs_number", cat({"expected an NHS number: 10 digits with a valid check digit; got ",
                                 quote(b.nhs_number)}));
      }
      if (text("nationality", b.nationality, Need::kOptional) &&
          !checks::is_nationality(b.nationality)) {
        fault(
            "nationality",
            cat({"expected an ISO 3166 alpha-2 code (two upper-case letters), EEA or non-EEA; got ",
                 quote(b.nationality)}));
      }
      text("language", b.language, Need::kOptional);
      flag("interpreter", b.interpreter);
      strings("aliases", b.aliases, Need::kOptional);
      new_person_ = id;
      return;
    }
    case EventType::kPregnancy: {
      auto& b = event.body.emplace<PregnancyEvent>();
      person("mother", b.mother);
      // The unborn child's id is defined here, or is one already known.
      if (const std::optional<std::string_view> child =
              id_text("child", Need::kRequired, "a person id for the unborn child")) {
        b.child.assign(*child);
        new_person_ = *child;
      }
      date("edd", b.edd);
      return;
    }
    case EventType::kBirth: {
      auto& b = event.body.emplace<BirthEvent>();
      person("child", b.child);
      person("mother", b.mother);
      agency("place", b.place);
      positive_int("weight_g", b.weight_g);
      return;
    }
    case EventType::kRelationship: {
      auto& b = event.body.emplace<RelationshipEvent>();
      person("person", b.person);
      person("other", b.other);
      choice("role", b.role);
      flag("known_to_professionals", b.known_to_professionals);
      return;
    }
    case EventType::kCircumstances: {
      auto& b = event.body.emplace<CircumstancesEvent>();
      person("person", b.person);
      const bool any = has("housing") || has("income") || has("immigration") || has("health");
      choice("housing", b.housing);
      choice("income", b.income);
      choice("immigration", b.immigration);
      strings("health", b.health);
      if (!any) {
        fault("housing", "missing; expected at least one of: housing, income, immigration, health");
      }
      return;
    }
    case EventType::kDeath: {
      auto& b = event.body.emplace<DeathEvent>();
      person("person", b.person);
      return;
    }
    case EventType::kAddress: {
      auto& b = event.body.emplace<AddressEvent>();
      persons("persons", b.persons);
      address("address", b.address);
      choice("notice", b.notice, Need::kOptional);
      return;
    }
    case EventType::kWhereaboutsUnknown: {
      auto& b = event.body.emplace<WhereaboutsUnknownEvent>();
      person("child", b.child);
      address("last_known", b.last_known);
      return;
    }
    case EventType::kMissing: {
      auto& b = event.body.emplace<MissingEvent>();
      person("child", b.child);
      choice("alert", b.alert);
      return;
    }
    case EventType::kFound: {
      auto& b = event.body.emplace<FoundEvent>();
      person("child", b.child);
      address("address", b.address);
      return;
    }
    case EventType::kClaim: {
      auto& b = event.body.emplace<ClaimEvent>();
      person("child", b.child);
      choice("claim", b.claim);
      text("detail", b.detail);
      flag("verified", b.verified, Need::kOptional);
      return;
    }
    case EventType::kRegistration: {
      auto& b = event.body.emplace<RegistrationEvent>();
      // Exactly one of `child` and `person` names who registers.
      const bool child_given = has("child"), person_given = has("person");
      person("child", b.child, Need::kOptional);
      person("person", b.child, Need::kOptional);
      if (child_given == person_given) {
        fault(child_given ? "person" : "child",
              child_given ? "expected either child or person, not both"
                          : "missing; expected a person id in child (or in person)");
      }
      gp_practice("agency", b.agency);
      return;
    }
    case EventType::kDeregistration: {
      auto& b = event.body.emplace<DeregistrationEvent>();
      person("child", b.child);
      gp_practice("agency", b.agency);
      choice("reason", b.reason);
      return;
    }
    case EventType::kHvLevel: {
      auto& b = event.body.emplace<HvLevelEvent>();
      person("child", b.child);
      choice("level", b.level);
      return;
    }
    case EventType::kAppointment: {
      auto& b = event.body.emplace<AppointmentEvent>();
      person("child", b.child);
      choice("kind", b.kind);
      choice("outcome", b.outcome);
      return;
    }
    case EventType::kMedical: {
      auto& b = event.body.emplace<MedicalEvent>();
      person("child", b.child);
      findings("findings", b.findings_json);
      choice("concern", b.concern);
      return;
    }
    case EventType::kRecordsTransfer: {
      auto& b = event.body.emplace<RecordsTransferEvent>();
      person("child", b.child);
      agency("from", b.from);
      agency("to", b.to);
      flag("accessed", b.accessed);
      return;
    }
    case EventType::kContact: {
      auto& b = event.body.emplace<ContactEvent>();
      persons("persons", b.persons);
      choice("mode", b.mode);
      flag("child_seen", b.child_seen);
      choice("outcome", b.outcome);
      address("address", b.address, Place::kPostcode);
      return;
    }
    case EventType::kReferral: {
      auto& b = event.body.emplace<ReferralEvent>();
      person("child", b.child);
      person("mother", b.mother);
      agency("from", b.from);
      agency("to", b.to);
      choices("concerns", b.concerns, Need::kRequired);
      return;
    }
    case EventType::kReferralOutcome: {
      auto& b = event.body.emplace<ReferralOutcomeEvent>();
      event_ref("referral", IdKind::kReferral, b.referral);
      const bool outcome_ok = choice("outcome", b.outcome);
      const bool to_ok = agency("to", b.to).has_value();
      if (outcome_ok && to_ok && b.outcome != ReferralOutcomeKind::kPassedTo &&
          b.outcome != ReferralOutcomeKind::kSignposted) {
        fault("to", cat({"not with outcome ", to_string(b.outcome),
                         "; expected only with outcome passed_to or signposted"}));
      }
      return;
    }
    case EventType::kIndicator: {
      auto& b = event.body.emplace<IndicatorEvent>();
      person("child", b.child);
      choice("indicator", b.indicator);
      choice("status", b.status, Need::kOptional);
      return;
    }
    case EventType::kNotification: {
      auto& b = event.body.emplace<NotificationEvent>();
      agency("from", b.from);
      agency("to", b.to);
      choice("subject", b.subject);
      persons("persons", b.persons);
      return;
    }
    case EventType::kAssessmentStarted: {
      auto& b = event.body.emplace<AssessmentStartedEvent>();
      person("child", b.child);
      if (choice("kind", b.kind)) new_assessment_kind_ = b.kind;
      agency("agency", b.agency);
      return;
    }
    case EventType::kAssessmentCompleted: {
      auto& b = event.body.emplace<AssessmentCompletedEvent>();
      const std::optional<IdInfo> assessment =
          event_ref("assessment", IdKind::kAssessment, b.assessment);
      choice("outcome", b.outcome);
      const bool profile_given = has("profile");
      profile("profile", b.profile);
      if (profile_given && assessment && assessment->assessment_kind &&
          *assessment->assessment_kind != AssessmentKind::kNeglect) {
        const std::string_view kind = to_string(*assessment->assessment_kind);
        fault("profile", cat({"expected only for a neglect assessment; ", quote(b.assessment),
                              " is ", article(kind), kind, " assessment"}));
      }
      return;
    }
    case EventType::kStrategyDiscussion: {
      auto& b = event.body.emplace<StrategyDiscussionEvent>();
      person("child", b.child);
      choice("format", b.format);
      agencies("participants", b.participants);
      choice("decision", b.decision);
      return;
    }
    case EventType::kS47Concluded: {
      auto& b = event.body.emplace<S47ConcludedEvent>();
      const std::optional<IdInfo> assessment =
          event_ref("assessment", IdKind::kAssessment, b.assessment);
      if (assessment && assessment->assessment_kind &&
          *assessment->assessment_kind != AssessmentKind::kS47) {
        const std::string_view kind = to_string(*assessment->assessment_kind);
        fault("assessment", cat({"assessment ", quote(b.assessment), " is ", article(kind), kind,
                                 " assessment; expected an s47 assessment"}));
      }
      choice("outcome", b.outcome);
      return;
    }
    case EventType::kConference: {
      auto& b = event.body.emplace<ConferenceEvent>();
      person("child", b.child);
      choice("kind", b.kind);
      agencies("participants", b.participants);
      choice("decision", b.decision);
      return;
    }
    case EventType::kPlanStarted: {
      auto& b = event.body.emplace<PlanStartedEvent>();
      person("child", b.child);
      choice("kind", b.kind);
      agency("agency", b.agency);
      return;
    }
    case EventType::kPlanEnded: {
      auto& b = event.body.emplace<PlanEndedEvent>();
      event_ref("plan", IdKind::kPlan, b.plan);
      return;
    }
    case EventType::kTransfer: {
      auto& b = event.body.emplace<TransferEvent>();
      person("child", b.child);
      agency("from", b.from);
      const std::optional<IdInfo> to = agency("to", b.to);
      if (choice("status", b.status) && to && to->agency_kind) {
        // Health visiting hands over a health-visiting level; everyone else a
        // social-care status.
        const bool to_hv = *to->agency_kind == AgencyKind::kHealthVisiting;
        if (to_hv != is_health_visiting_status(b.status)) {
          const std::string_view kind = to_string(*to->agency_kind);
          std::string fitting;
          for (std::size_t i = 0; i < names_of<TransferStatus>().size(); ++i) {
            const auto status = static_cast<TransferStatus>(i);
            if (is_health_visiting_status(status) != to_hv) continue;
            fitting += fitting.empty() ? "" : ", ";
            fitting += to_string(status);
          }
          fault("status", cat({"status ", to_string(b.status), " does not fit a transfer to ",
                               article(kind), kind, " agency; expected one of: ", fitting}));
        }
      }
      text("summary", b.summary, Need::kOptional);
      choices("risks", b.risks, Need::kOptional);
      choice("mode", b.mode, Need::kOptional);
      return;
    }
    case EventType::kTransferAccepted: {
      auto& b = event.body.emplace<TransferAcceptedEvent>();
      event_ref("transfer", IdKind::kTransfer, b.transfer);
      flag("child_seen", b.child_seen);
      return;
    }
    case EventType::kTransferDeclined: {
      auto& b = event.body.emplace<TransferDeclinedEvent>();
      event_ref("transfer", IdKind::kTransfer, b.transfer);
      text("reason", b.reason);
      return;
    }
    case EventType::kCaseClosed: {
      auto& b = event.body.emplace<CaseClosedEvent>();
      person("child", b.child);
      agency("agency", b.agency);
      choice("reason", b.reason);
      return;
    }
    case EventType::kOptionsReview: {
      auto& b = event.body.emplace<OptionsReviewEvent>();
      person("person", b.person);
      agency("agency", b.agency);
      choices("options", b.options, Need::kRequired);
      return;
    }
    case EventType::kAllocation: {
      auto& b = event.body.emplace<AllocationEvent>();
      person("child", b.child);
      agency("agency", b.agency);
      if (text("worker", b.worker, Need::kRequired, "the named worker's name") &&
          b.worker.find_first_not_of(" \t") == std::string::npos) {
        fault("worker", "expected the named worker's name; got an empty name");
      }
      if (text("phone", b.phone, Need::kOptional) && !checks::looks_like_phone(b.phone)) {
        fault("phone", cat({"expected a telephone number: 7 to 15 digits, with spaces, hyphens or "
                            "brackets and an optional leading +; got ",
                            quote(b.phone)}));
      }
      if (text("email", b.email, Need::kOptional) && !checks::looks_like_email(b.email)) {
        fault("email",
              cat({"expected an email address such as name@agency.gov.uk; got ", quote(b.email)}));
      }
      return;
    }
  }
}

FeedParser::FeedParser(const KnownIds* stored) : impl_(std::make_unique<Impl>(stored)) {}
FeedParser::~FeedParser() = default;

std::optional<Event> FeedParser::parse_line(std::string_view line, std::int64_t line_number,
                                            std::vector<Fault>& faults) {
  return impl_->parse_line(line, line_number, faults);
}

void FeedParser::keep_lines(bool keep) { impl_->keep_lines_ = keep; }
void FeedParser::trust_references(bool trust) { impl_->trust_references_ = trust; }

ResolvedIds FeedParser::resolved_ids() const { return impl_->resolved_ids(); }

}  // namespace sightline

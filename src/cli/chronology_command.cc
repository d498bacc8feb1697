#include <filesystem>
#include <map>

#include "cli/arguments.h"
#include "cli/chronology_format.h"
#include "cli/command.h"
#include "store/sqlite/sqlite_store.h"

namespace sightline::cli {
namespace {

constexpr std::string_view kHelp =
    R"(Usage: sightline chronology PERSON --db PATH [--as-known-at DATE] [--json]

Prints the integrated chronology of PERSON (a person id from the feeds): every
event any agency recorded about them and, for a child, about their mother,
father and carers, in the order things happened.

Options:
  --db PATH            the database file written by 'sightline import'
  --as-known-at DATE   only what had been recorded by the end of DATE
                       (YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] for a moment):
                       what professionals could know at the time
  --json               one JSON object per event and line, with its type,
                       at, recorded, by, fields, note and whom it is about
  --help               this text

Exit codes: 0 success, 1 unknown person or failure, 2 bad usage.
)";

Expected<std::optional<Timestamp>> parse_as_known_at(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto t = Timestamp::parse(*text);
  if (!t) {
    return Unexpected(
        make_error(ErrorCode::kUsage,
                   "--as-known-at: expected a date YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], got \"" +
                       *text + "\""));
  }
  return t->has_time ? *t : Timestamp::end_of(t->date);
}

Expected<int> run_chronology(CommandContext& ctx) {
  const Expected<Arguments> parsed =
      Arguments::parse(ctx.args, ArgumentSpec{{"--db", "--as-known-at"}, {"--json"}, 1, 1});
  if (!parsed) return Unexpected(parsed.error());
  const Arguments& args = *parsed;
  const std::string person_id = args.positionals()[0];
  const Expected<std::string> db_path_arg = args.required("--db");
  if (!db_path_arg) return Unexpected(db_path_arg.error());
  const std::string db_path = *db_path_arg;
  const auto as_known_at_arg = parse_as_known_at(args.option("--as-known-at"));
  if (!as_known_at_arg) return Unexpected(as_known_at_arg.error());
  const std::optional<Timestamp> as_known_at = *as_known_at_arg;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path, ec)) {
    ctx.err << "sightline chronology: no database at " << db_path << "\n";
    return kExitFailure;
  }
  auto store = open_sqlite_store(db_path);
  const auto subject = store->person(person_id, as_known_at);
  if (!subject) {
    ctx.err << "sightline chronology: no person \"" << person_id << "\" in " << db_path;
    if (as_known_at) ctx.err << " as known at " << as_known_at->to_string();
    ctx.err << "\n";
    return kExitFailure;
  }
  const auto entries = store->chronology(person_id, as_known_at);
  std::vector<NoticeRecord> notices = store->notices(person_id);
  if (as_known_at) {
    const std::string last_day = as_known_at->date.to_string();
    std::erase_if(notices, [&](const NoticeRecord& n) { return n.at > last_day; });
  }
  if (args.flag("--json")) {
    print_chronology_json(ctx.out, entries, notices);
    return kExitOk;
  }
  std::map<Id, std::string> agency_names;
  for (const AgencyView& a : store->agencies()) agency_names[a.id] = a.name;
  std::map<Id, std::string> person_names;
  NameLookup names;
  names.agency = [&](const Id& id) {
    auto it = agency_names.find(id);
    return it == agency_names.end() ? id : it->second;
  };
  names.person = [&](const Id& id) {
    auto [it, inserted] = person_names.try_emplace(id, id);
    if (inserted) {
      if (auto p = store->person(id, as_known_at)) it->second = p->display_name();
    }
    return it->second;
  };
  print_chronology_text(ctx.out, *subject, entries, notices, as_known_at, names);
  return kExitOk;
}

}  // namespace

Command chronology_command() {
  return {"chronology", "print a person's integrated chronology across agencies", kHelp,
          run_chronology};
}

}  // namespace sightline::cli

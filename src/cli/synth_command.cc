#include <charconv>
#include <fstream>
#include <functional>
#include <iomanip>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cli/arguments.h"
#include "cli/command.h"
#include "synth/synth.h"

namespace sightline::cli {
namespace {

constexpr std::string_view kHelpStart =
    R"(Usage: sightline synth --children N --seed S [--out FILE] [--start YYYY-MM-DD] [--per-day K]

Writes a synthetic population of N children as a feed of events in the
events-v1 format (one JSON object per line), to FILE or standard output.

The feed first lists the agencies of every English upper-tier local-authority
area (partnership, two GP practices, health visiting, maternity, hospital,
paediatrics, children's social care, housing, police; each names its
partnership as parent) and a hostel and a day centre per area, all dated
START (default 2016-01-01). Then come the children's lives, from the booking
of the pregnancy to about the first birthday, about 24 events each:
pregnancies are booked 16 a day from the day after START. Every line is in
order of `recorded`, so a replay can stream the file, and refers only to
earlier lines. NHS numbers start with 9 and carry a valid check digit; names,
addresses and postcodes (districts ZA1 and so on) are made up.

The same N, S and START always give the same bytes. The generator holds only
the children whose lives overlap the line being written, so memory does not
grow with N; N is limited only by the feed having to end by 2099.

The mix of children (share: profile, what happens):
)";

constexpr std::string_view kHelpEnd = R"(
Options:
  --children N          how many children (0 or more)
  --seed S              any whole number from 0 to 18446744073709551615
  --out FILE            write to FILE instead of standard output
  --start YYYY-MM-DD    the date of the first lines (1950 or later)
  --per-day K           pregnancies booked a day (default 16): more children
                        fit before 2100, and more are held in memory at once
                        (about 660 days' worth)
  --help                this text

When FILE is given, a summary is printed on standard output. When standard
error is a terminal, progress is shown there.

Exit codes: 0 written, 1 cannot write, 2 bad usage.
)";

const std::string& help_text() {
  static const std::string text = [] {
    std::ostringstream s;
    s << kHelpStart;
    for (const synth::ProfileShare& p : synth::profile_mix()) {
      s << "  " << std::setw(4) << std::fixed << std::setprecision(1) << p.per_mille / 10.0 << "%  "
        << p.name << ": " << p.summary << "\n";
    }
    s << kHelpEnd;
    return s.str();
  }();
  return text;
}

template <class T>
Expected<T> whole_number(const Expected<std::string>& text_or_error, std::string_view option) {
  if (!text_or_error) return Unexpected(text_or_error.error());
  const std::string& text = *text_or_error;
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty() || text[0] == '-') {
    return Unexpected(make_error(
        ErrorCode::kUsage, std::string(option) + " expects a whole number; got \"" + text + "\""));
  }
  return value;
}

class TerminalProgress {
 public:
  TerminalProgress(std::ostream& err, std::int64_t children) : err_(err), children_(children) {}
  void update(const synth::Progress& p) {
    err_ << "\rsynth: " << p.children_started << " of " << children_ << " children, "
         << p.events_written << " lines" << std::flush;
    shown_ = true;
  }
  void finish() {
    if (shown_) err_ << "\r\033[K" << std::flush;
  }

 private:
  std::ostream& err_;
  std::int64_t children_;
  bool shown_ = false;
};

Expected<int> run_synth(CommandContext& ctx) {
  const Expected<Arguments> parsed = Arguments::parse(
      ctx.args, ArgumentSpec{{"--children", "--seed", "--out", "--start", "--per-day"}, {}, 0, 0});
  if (!parsed) return Unexpected(parsed.error());
  const Arguments& args = *parsed;
  synth::Options options;
  const auto children = whole_number<std::int64_t>(args.required("--children"), "--children");
  if (!children) return Unexpected(children.error());
  options.children = *children;
  const auto seed = whole_number<std::uint64_t>(args.required("--seed"), "--seed");
  if (!seed) return Unexpected(seed.error());
  options.seed = *seed;
  if (const auto start = args.option("--start")) {
    const std::optional<Date> date = Date::parse(*start);
    if (!date)
      return Unexpected(make_error(ErrorCode::kUsage,
                                   "--start expects a date YYYY-MM-DD; got \"" + *start + "\""));
    if (date->year() < 1950)
      return Unexpected(make_error(ErrorCode::kUsage, "--start must be in 1950 or later"));
    options.start = *date;
  }
  if (const auto per_day = args.option("--per-day")) {
    const auto children_per_day = whole_number<int>(*per_day, "--per-day");
    if (!children_per_day) return Unexpected(children_per_day.error());
    options.children_per_day = *children_per_day;
    if (options.children_per_day < 1)
      return Unexpected(make_error(ErrorCode::kUsage, "--per-day must be at least 1"));
  }
  if (options.children > synth::max_children(options)) {
    return Unexpected(make_error(
        ErrorCode::kUsage, "--children: at most " + std::to_string(synth::max_children(options)) +
                               " children fit between " + options.start.to_string() +
                               " and the end of 2099 at " +
                               std::to_string(options.children_per_day) +
                               " a day; give fewer, an earlier --start or a larger --per-day"));
  }

  const std::optional<std::string> file = args.option("--out");
  std::ofstream file_stream;
  if (file) {
    file_stream.open(*file, std::ios::binary | std::ios::trunc);
    if (!file_stream) {
      ctx.err << "sightline synth: cannot open " << *file << " for writing\n";
      return kExitFailure;
    }
  }
  std::ostream& out = file ? file_stream : ctx.out;
  const std::string name = file ? *file : std::string("standard output");

  TerminalProgress progress(ctx.err, options.children);
  std::function<void(const synth::Progress&)> on_progress;
  if (ctx.err_is_terminal) on_progress = [&](const synth::Progress& p) { progress.update(p); };
  synth::Stats stats;
  try {
    stats = synth::generate(
        options,
        [&](std::string_view chunk) {
          out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
          if (!out) throw std::runtime_error("cannot write " + name);
        },
        on_progress);
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + name);
    if (file) file_stream.close();
    if (file && !file_stream) throw std::runtime_error("cannot write " + name);
  } catch (...) {
    progress.finish();
    throw;
  }
  progress.finish();

  if (file) {
    ctx.out << "Wrote " << stats.children << " children to " << *file << ": " << stats.lines
            << " lines, " << stats.bytes << " bytes, recorded from " << stats.first_day.to_string()
            << " to " << stats.last_day.to_string() << ".\n";
    for (const synth::ProfileShare& p : synth::profile_mix()) {
      ctx.out << "  " << std::left << std::setw(26) << p.name << std::right << std::setw(10)
              << stats.by_profile[static_cast<std::size_t>(p.profile)] << "\n";
    }
  }
  return kExitOk;
}

}  // namespace

Command synth_command() {
  return {"synth", "write a synthetic population of children as a feed", help_text(), run_synth};
}

}  // namespace sightline::cli

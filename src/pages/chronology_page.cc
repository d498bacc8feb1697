// A child's integrated chronology on a page of its own, and the latest of it
// on the child's page. Newest first (or oldest first), narrowed by kind of
// event, by agency (several of each at once) and by the words of the entries,
// as known at a date; grouped under month headings, or by episode (the
// periods at one address: chronology_episodes.h), 50 entries a page. What
// is dated after today (or after the "as known at" date) is listed apart,
// under "Planned", for it has not happened.
#include "pages/chronology_view.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "pages/child_access.h"
#include "pages/chronology_episodes.h"
#include "pages/components.h"
#include "pages/layout.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

constexpr std::size_t kPerPage = 50;
constexpr std::size_t kLatest = 10;

// The kinds of event a reader narrows the chronology to; every event type
// not named falls under "other".
struct EventKind {
  const char* id;
  const char* label;
  std::vector<std::string_view> types;
};
const std::vector<EventKind>& event_kinds() {
  static const std::vector<EventKind> kKinds = {
      {"contacts", "Contacts, visits and appointments", {"contact", "appointment", "medical"}},
      {"referrals",
       "Referrals, assessments and decisions",
       {"referral", "referral_outcome", "strategy_discussion", "assessment_started",
        "assessment_completed", "s47_concluded", "conference", "plan_started", "options_review"}},
      {"transfers",
       "Transfers, closures and named workers",
       {"transfer", "transfer_accepted", "transfer_declined", "records_transfer", "case_closed",
        "allocation"}},
      {"whereabouts",
       "Addresses and whereabouts",
       {"address", "whereabouts_unknown", "missing", "found", "claim"}},
      {"concerns", "Concerns and circumstances", {"indicator", "hv_level", "circumstances"}},
      {"notifications", "Notifications", {"notification"}},
      {"life",
       "Birth, registrations and personal details",
       {"birth", "death", "pregnancy", "person", "relationship", "registration", "deregistration"}},
      {"other", "Other", {}},
  };
  return kKinds;
}

std::string kind_of(std::string_view type) {
  for (const EventKind& k : event_kinds()) {
    if (std::find(k.types.begin(), k.types.end(), type) != k.types.end()) return k.id;
  }
  return "other";
}

std::string lowered(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : s + " ") {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) out.push_back(lowered(word));
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

std::string month_heading(const std::string& at) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const auto date = Date::parse(at.substr(0, std::min<std::size_t>(10, at.size())));
  if (!date) return "Date not known";
  return std::string(kMonths[date->month() - 1]) + " " + std::to_string(date->year());
}

// One entry of the chronology, in words.
struct Line {
  std::string at, kind, by, title, meta, body, note;
  bool planned = false;
};

Line line_of(const json& entry, const ChronologyContext& c) {
  static const std::set<std::string> kCarerRoles = {"mother",  "father",      "carer",
                                                    "partner", "grandparent", "sibling"};
  const json& e = entry.contains("event") ? entry["event"] : json();
  Line l;
  l.at = text_field(entry, "at");
  l.by = text_field(entry, "by");
  l.kind = kind_of(text_field(e, "type"));
  l.planned = l.at.substr(0, 10) > c.today;
  const EventWhen when{.child = c.child,
                       .before_birth = c.unborn || (!c.born.empty() && l.at.substr(0, 10) < c.born),
                       .planned = l.planned};
  const EventText words = describe_event(e, c.names, when);
  l.title = words.title;
  const std::string recorded = text_field(entry, "recorded");
  l.meta = display_date(l.at);
  if (!l.by.empty()) l.meta += " \u00b7 " + agency_name(c.names, l.by);
  if (recorded.substr(0, 10) != l.at.substr(0, 10))
    l.meta += " \u00b7 recorded " + display_date(recorded);
  // `about` names the child's own events by the field that names her
  // ("child", "persons") and a carer's by the carer's role ("mother").
  std::string about;
  bool about_child = false;
  if (entry.contains("about") && entry["about"].is_array()) {
    for (const json& a : entry["about"]) {
      if (!a.is_string()) continue;
      if (!kCarerRoles.contains(a.get<std::string>())) {
        about_child = true;
      } else {
        about += (about.empty() ? "About the " : " and the ") + a.get<std::string>();
      }
    }
  }
  if (about_child) about.clear();
  l.body = about.empty() ? words.detail : about + (words.detail.empty() ? "" : ". " + words.detail);
  l.note = text_field(e, "note");
  return l;
}

bool matches(const Line& l, const std::vector<std::string>& words) {
  if (words.empty()) return true;
  const std::string all = lowered(l.title + " " + l.meta + " " + l.body + " " + l.note);
  return std::all_of(words.begin(), words.end(),
                     [&](const std::string& w) { return all.find(w) != std::string::npos; });
}

Html item(const Line& l) {
  Html out =
      Html::trusted("<li class=\"app-timeline__item\"><h4 class=\"app-timeline__heading\">") +
      text(l.title) + Html::trusted("</h4><p class=\"app-timeline__meta\">") + text(l.meta) +
      Html::trusted("</p>");
  if (!l.body.empty())
    out += Html::trusted("<p class=\"app-timeline__body\">") + text(l.body) + Html::trusted("</p>");
  if (!l.note.empty())
    out += Html::trusted("<p class=\"app-timeline__body\">") + text(l.note) + Html::trusted("</p>");
  return out + Html::trusted("</li>");
}

// The lines under month headings, in the order given.
Html by_month(const std::vector<const Line*>& lines) {
  Html out;
  std::string month;
  for (const Line* l : lines) {
    const std::string m = month_heading(l->at);
    if (m != month) {
      if (!month.empty()) out += Html::trusted("</ol>");
      out += Html::trusted("<h3 class=\"govuk-heading-s app-timeline__month\">") + text(m) +
             Html::trusted("</h3><ol class=\"app-timeline\">");
      month = m;
    }
    out += item(*l);
  }
  if (!month.empty()) out += Html::trusted("</ol>");
  return out;
}

// The lines under the headings of the address episodes they fall in, in the
// order given (newest first, or oldest first).
Html by_episode(const std::vector<const Line*>& lines, const std::vector<Episode>& episodes) {
  Html out;
  std::size_t current = episodes.size();
  for (const Line* l : lines) {
    const std::size_t e = episode_of(episodes, l->at);
    if (e != current) {
      if (current != episodes.size()) out += Html::trusted("</ol>");
      out += Html::trusted("<h3 class=\"govuk-heading-s app-timeline__month\">") +
             text(episodes[e].heading) + Html::trusted("</h3><ol class=\"app-timeline\">");
      current = e;
    }
    out += item(*l);
  }
  if (current != episodes.size()) out += Html::trusted("</ol>");
  return out;
}

Html planned_section(const std::vector<const Line*>& planned) {
  if (planned.empty()) return {};
  Html out = Html::trusted("<h3 class=\"govuk-heading-s\" id=\"planned\">Planned</h3>") +
             Html::trusted("<p class=\"govuk-body-s\">") +
             text("Dated after today: these have not happened yet. Soonest first.") +
             Html::trusted("</p><ol class=\"app-timeline\">");
  for (const Line* l : planned) out += item(*l);
  return out + Html::trusted("</ol>");
}

// The "as known at" date from the filter form: YYYY-MM-DD, "" when not
// given, or nullopt (with `error` set) when given wrongly.
std::optional<std::string> known_at(const Form& q, std::string& error, std::string& day,
                                    std::string& month, std::string& year) {
  day = q.get("known-day");
  month = q.get("known-month");
  year = q.get("known-year");
  if (day.empty() && month.empty() && year.empty()) return std::string();
  int d = 0, m = 0, y = 0;
  try {
    d = std::stoi(day);
    m = std::stoi(month);
    y = std::stoi(year);
  } catch (const std::exception&) {
    error = "Enter the date as a day, month and year, like 31 12 2012";
    return std::nullopt;
  }
  const auto date = Date::from_ymd(y, m, d);
  if (!date || y < 1900) {
    error = "Enter a real date, like 31 12 2012";
    return std::nullopt;
  }
  return date->to_string();
}

}  // namespace

ChronologyContext chronology_context(const Visit& v, const std::string& child,
                                     const nlohmann::json& summary, const AgencyNames& names) {
  const std::string dob = text_field(summary, "dob");
  return ChronologyContext{.child = child,
                           .born = dob,
                           .unborn = dob.empty() && !text_field(summary, "expected").empty(),
                           .today = v.parts.clock.now().date.to_string(),
                           .names = names};
}

Html latest_chronology(const std::string& child, const nlohmann::json& entries,
                       const ChronologyContext& c) {
  Html out = Html::trusted("<h2 class=\"govuk-heading-m\" id=\"chronology\">Chronology</h2>");
  const std::string link = escape(child_path(child)) + "/chronology";
  const std::size_t total = entries.is_array() ? entries.size() : 0;
  std::vector<Line> lines;
  if (entries.is_array()) {
    for (const json& entry : entries) lines.push_back(line_of(entry, c));
  }
  std::vector<const Line*> planned, latest;
  for (const Line& l : lines) {
    if (l.planned) planned.push_back(&l);
  }
  for (auto it = lines.rbegin(); it != lines.rend() && latest.size() < kLatest; ++it) {
    if (!it->planned) latest.push_back(&*it);
  }
  if (total == 0) {
    return out + Html::trusted("<p class=\"govuk-body\">") + text("Nothing recorded.") +
           Html::trusted("</p>");
  }
  out += planned_section(planned);
  out += Html::trusted("<p class=\"govuk-body\">") +
         text(latest.size() < lines.size() - planned.size()
                  ? "The latest " + std::to_string(latest.size()) + ", newest first."
                  : "Newest first.") +
         Html::trusted("</p>");
  out += by_month(latest);
  out +=
      Html::trusted("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"" + link + "\">") +
      text("Full chronology (" + std::to_string(total) + (total == 1 ? " entry)" : " entries)")) +
      Html::trusted("</a></p>");
  return out;
}

web::Response chronology_page(const Visit& v) {
  const std::string child = v.params.at("id");
  auto fetched = fetch_child(v, child);
  if (auto* refused = std::get_if<web::Response>(&fetched)) return std::move(*refused);
  const json summary = std::get<json>(std::move(fetched));

  const Form q = Form::parse(v.request.query);
  std::string date_error, day, month, year;
  const auto as_known_at = known_at(q, date_error, day, month, year);
  const std::vector<std::string> agency_filter = q.all("agency");
  const std::vector<std::string> kind_filter = q.all("kind");
  const std::string search = q.get("q");
  const bool oldest_first = q.get("order") == "oldest";
  const bool by_episodes = q.get("group") == "episode";
  std::size_t page = 1;
  try {
    page = std::max<long>(1, std::stol(q.get("page").empty() ? "1" : q.get("page")));
  } catch (const std::exception&) {
    page = 1;
  }

  const bool then = as_known_at && !as_known_at->empty();
  const ApiReply reply = v.api.get("/api/v1/children/" + url_encode(child) + "/chronology",
                                   then ? "as_known_at=" + *as_known_at : std::string());
  if (!reply.ok())
    return v.page(v.frame("Sorry, there is a problem"), text("The chronology could not be shown."),
                  500);
  const json& entries = reply.body["entries"];
  const auto agencies = agency_list(v.parts);
  ChronologyContext c = chronology_context(v, child, summary, agencies->names);
  if (then) c.today = std::min(c.today, *as_known_at);

  std::vector<Line> lines;
  std::vector<std::string> agencies_seen;
  std::set<std::string> kinds_seen;
  if (entries.is_array()) {
    for (const json& entry : entries) {
      lines.push_back(line_of(entry, c));
      const Line& l = lines.back();
      if (!l.by.empty() &&
          std::find(agencies_seen.begin(), agencies_seen.end(), l.by) == agencies_seen.end())
        agencies_seen.push_back(l.by);
      kinds_seen.insert(l.kind);
    }
  }
  const std::vector<std::string> words = words_of(search);
  const auto wanted = [&](const Line& l) {
    if (!agency_filter.empty() &&
        std::find(agency_filter.begin(), agency_filter.end(), l.by) == agency_filter.end())
      return false;
    if (!kind_filter.empty() &&
        std::find(kind_filter.begin(), kind_filter.end(), l.kind) == kind_filter.end())
      return false;
    return matches(l, words);
  };
  std::vector<const Line*> planned, happened;
  for (const Line& l : lines) {
    if (!wanted(l)) continue;
    (l.planned ? planned : happened).push_back(&l);
  }
  if (!oldest_first) std::reverse(happened.begin(), happened.end());
  const std::size_t pages = std::max<std::size_t>(1, (happened.size() + kPerPage - 1) / kPerPage);
  page = std::min(page, pages);
  const std::size_t from = (page - 1) * kPerPage;
  const std::size_t to = std::min(happened.size(), from + kPerPage);
  const std::vector<const Line*> shown(happened.begin() + static_cast<std::ptrdiff_t>(from),
                                       happened.begin() + static_cast<std::ptrdiff_t>(to));

  const std::string name = text_field(summary, "name");
  const std::string path = child_path(child) + "/chronology";
  Html content = back_link(child_path(child), "Back to " + (name.empty() ? "the child" : name));
  if (!date_error.empty()) content += error_summary({{"#known-day", date_error}});
  content += Html::trusted("<span class=\"govuk-caption-l\">") + text(name) +
             Html::trusted("</span><h1 class=\"govuk-heading-l\">Chronology</h1>");
  content +=
      Html::trusted("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-third\">");
  content += Html::trusted("<form method=\"get\" action=\"" + escape(path) + "\" novalidate>");
  content += text_input({.id = "q",
                         .name = "q",
                         .label = {"Words in the entries", "govuk-label--s"},
                         .value = search,
                         .spellcheck_off = true});
  content += radios({.id_prefix = "order",
                     .name = "order",
                     .legend = {"Order", "govuk-fieldset__legend--s"},
                     .items = {{"newest", "Newest first", "", !oldest_first},
                               {"oldest", "Oldest first", "", oldest_first}},
                     .small = true});
  content += radios({.id_prefix = "group",
                     .name = "group",
                     .legend = {"Group by", "govuk-fieldset__legend--s"},
                     .items = {{"month", "Month", "", !by_episodes},
                               {"episode", "Episode", "The time at each address", by_episodes}},
                     .small = true});
  std::vector<ChoiceItem> kind_items;
  for (const EventKind& k : event_kinds()) {
    if (!kinds_seen.contains(k.id)) continue;
    kind_items.push_back(
        {k.id, k.label, "",
         std::find(kind_filter.begin(), kind_filter.end(), k.id) != kind_filter.end()});
  }
  content += checkboxes({.id_prefix = "kind",
                         .name = "kind",
                         .legend = {"Kind of event", "govuk-fieldset__legend--s"},
                         .items = kind_items,
                         .hint = "None ticked: every kind.",
                         .small = true});
  std::vector<ChoiceItem> agency_items;
  for (const std::string& id : agencies_seen) {
    agency_items.push_back(
        {id, agency_name(c.names, id), "",
         std::find(agency_filter.begin(), agency_filter.end(), id) != agency_filter.end()});
  }
  std::sort(agency_items.begin(), agency_items.end(),
            [](const ChoiceItem& a, const ChoiceItem& b) { return a.text < b.text; });
  content += checkboxes({.id_prefix = "agency",
                         .name = "agency",
                         .legend = {"Agency", "govuk-fieldset__legend--s"},
                         .items = agency_items,
                         .hint = "None ticked: every agency.",
                         .small = true});
  content +=
      date_input({.id = "known",
                  .name = "known",
                  .legend = {"As known at the end of", "govuk-fieldset__legend--s"},
                  .day = day,
                  .month = month,
                  .year = year,
                  .hint = "Shows only what had been recorded by then. For example, 31 12 2012",
                  .error = date_error});
  content += button({.text = "Show", .classes = "govuk-button--secondary"});
  content += Html::trusted("</form>");
  content += Html::trusted("</div><div class=\"govuk-grid-column-two-thirds\">");
  if (then) {
    content += inset_text(text("As known at the end of " + display_date(*as_known_at) +
                               ": what had been recorded by then."));
  }
  content += planned_section(planned);
  if (happened.empty()) {
    content += Html::trusted("<p class=\"govuk-body\">") +
               text(lines.empty() ? "Nothing recorded." : "No entries match.") +
               Html::trusted("</p>");
  } else {
    const std::size_t n = happened.size();
    const bool filtered = planned.size() + n < lines.size();
    content += Html::trusted("<p class=\"govuk-body\" id=\"shown\">") +
               text((pages > 1 ? "Showing " + std::to_string(from + 1) + " to " +
                                     std::to_string(to) + " of "
                               : std::string()) +
                    std::to_string(n) + (n == 1 ? " entry" : " entries") +
                    (filtered ? " that match, of " + std::to_string(lines.size()) : "") +
                    (oldest_first ? ", oldest first." : ", newest first.")) +
               Html::trusted("</p>");
    content +=
        by_episodes ? by_episode(shown, address_episodes(entries, child, c.born)) : by_month(shown);
  }
  if (pages > 1) {
    // The same filters, another page.
    std::string query;
    const auto add = [&](const std::string& k, const std::string& val) {
      query += (query.empty() ? "" : "&") + k + "=" + url_encode(val);
    };
    if (!search.empty()) add("q", search);
    if (oldest_first) add("order", "oldest");
    if (by_episodes) add("group", "episode");
    for (const std::string& k : kind_filter) add("kind", k);
    for (const std::string& a : agency_filter) add("agency", a);
    if (then) {
      add("known-day", day);
      add("known-month", month);
      add("known-year", year);
    }
    const auto href = [&](std::size_t p) {
      return escape(path + "?" + query + (query.empty() ? "" : "&") + "page=" + std::to_string(p));
    };
    content += Html::trusted("<nav class=\"govuk-body\" aria-label=\"Pages of the chronology\">");
    if (page > 1) {
      content +=
          Html::trusted("<a class=\"govuk-link\" rel=\"prev\" href=\"" + href(page - 1) + "\">") +
          text("Previous " + std::to_string(kPerPage)) + Html::trusted("</a> ");
    }
    content += text(" Page " + std::to_string(page) + " of " + std::to_string(pages) + " ");
    if (page < pages) {
      content +=
          Html::trusted(" <a class=\"govuk-link\" rel=\"next\" href=\"" + href(page + 1) + "\">") +
          text("Next " + std::to_string(std::min(kPerPage, happened.size() - to))) +
          Html::trusted("</a>");
    }
    content += Html::trusted("</nav>");
  }
  content += Html::trusted("</div></div>");

  return v.page(PageFrame{.title = "Chronology: " + (name.empty() ? "Child" : name),
                          .has_errors = !date_error.empty(),
                          .session = &v.session,
                          .active_nav = "/children"},
                content, date_error.empty() ? 200 : 400);
}

}  // namespace sightline::pages

// The components against GOV.UK Frontend's own fixtures: for each example
// below, the markup of the macro with those options (fixtures.json in the
// govuk-frontend package, web/node_modules) and ours must be the same once
// white space between tags is ignored. Built only when web/node_modules is
// installed (web/CMakeLists.txt).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "pages/components.h"

namespace sightline::pages {
namespace {

using nlohmann::json;

json fixture(const std::string& component, const std::string& name) {
  std::ifstream in(std::string(SIGHTLINE_SOURCE_DIR) +
                   "/web/node_modules/govuk-frontend/dist/govuk/components/" + component +
                   "/fixtures.json");
  const json all = json::parse(in);
  for (const json& f : all["fixtures"]) {
    if (f["name"] == name) return f;
  }
  ADD_FAILURE() << "no fixture " << component << " / " << name;
  return {};
}

// White space runs become one space, and none is kept next to a tag.
std::string normalised(const std::string& html) {
  std::string s = std::regex_replace(html, std::regex(R"(\s+)"), " ");
  s = std::regex_replace(s, std::regex(R"(\s*(<|>)\s*)"), "$1");
  s = std::regex_replace(s, std::regex(R"(\s+)"), " ");
  return s;
}

void expect_same(const std::string& component, const std::string& name, const Html& ours) {
  const json f = fixture(component, name);
  if (f.is_null()) return;
  EXPECT_EQ(normalised(ours.str()), normalised(f["html"].get<std::string>()))
      << component << " / " << name;
}

std::string text_of(const json& j, const char* field) {
  return j.value(field, json::object()).value("text", "");
}

TEST(ComponentsGolden, TextInput) {
  expect_same(
      "input", "default",
      text_input({.id = "test-name", .name = "test-name", .label = {"National Insurance number"}}));
  json o = fixture("input", "with hint text")["options"];
  expect_same("input", "with hint text",
              text_input({.id = o["id"],
                          .name = o["name"],
                          .label = {text_of(o, "label")},
                          .hint = text_of(o, "hint")}));
  o = fixture("input", "with error message")["options"];
  expect_same("input", "with error message",
              text_input({.id = o["id"],
                          .name = o["name"],
                          .label = {text_of(o, "label")},
                          .error = text_of(o, "errorMessage")}));
}

TEST(ComponentsGolden, Textarea) {
  expect_same(
      "textarea", "default",
      textarea(
          {.id = "more-detail", .name = "more-detail", .label = {"Can you provide more detail?"}}));
  const json o = fixture("textarea", "with error message")["options"];
  expect_same("textarea", "with error message",
              textarea({.id = o["id"],
                        .name = o["name"],
                        .label = {text_of(o, "label")},
                        .error = text_of(o, "errorMessage")}));
}

TEST(ComponentsGolden, Radios) {
  expect_same("radios", "default",
              radios({.id_prefix = "example-default",
                      .name = "example-default",
                      .legend = {"Have you changed your name?"},
                      .items = {{"yes", "Yes"}, {"no", "No"}}}));
  expect_same("radios", "with fieldset and error message",
              radios({.id_prefix = "example",
                      .name = "example",
                      .legend = {"Have you changed your name?"},
                      .items = {{"yes", "Yes"}, {"no", "No", "", true}},
                      .error = "Please select an option"}));
}

TEST(ComponentsGolden, Checkboxes) {
  expect_same("checkboxes", "default",
              checkboxes({.id_prefix = "nationality",
                          .name = "nationality",
                          .legend = {"What is your nationality?"},
                          .items = {{"british", "British"},
                                    {"irish", "Irish"},
                                    {"other", "Citizen of another country"}}}));
}

TEST(ComponentsGolden, Select) {
  // The fixture's third option is disabled, which Sightline never uses.
  const json f = fixture("select", "default");
  const std::string ours = normalised(select({.id = "select-1",
                                              .name = "select-1",
                                              .label = {"Label text goes here"},
                                              .items = {{"1", "GOV.UK frontend option 1"},
                                                        {"2", "GOV.UK frontend option 2", true},
                                                        {"3", "GOV.UK frontend option 3"}}})
                                          .str());
  EXPECT_EQ(ours, std::regex_replace(normalised(f["html"].get<std::string>()),
                                     std::regex(" disabled"), ""));
}

TEST(ComponentsGolden, DateInput) {
  // The fixture names its fields day, month and year; Sightline prefixes them
  // with the input's name so that a form can hold several dates.
  const json f = fixture("date-input", "with error message and hint");
  const std::string ours = normalised(date_input({.id = "dob-errors",
                                                  .name = "dob",
                                                  .legend = {"What is your date of birth?"},
                                                  .hint = "For example, 31 3 1980",
                                                  .error = "Error message goes here"})
                                          .str());
  EXPECT_EQ(std::regex_replace(ours, std::regex("name=\"dob-"), "name=\""),
            normalised(f["html"].get<std::string>()));
}

TEST(ComponentsGolden, Others) {
  expect_same("button", "default", button({.text = "Save and continue"}));
  expect_same(
      "button", "secondary",
      button(
          {.text = "Secondary button", .name = "secondary", .classes = "govuk-button--secondary"}));
  expect_same(
      "error-summary", "default",
      error_summary({{"#example-error-1", "The date your passport was issued must be in the past"},
                     {"#example-error-2", "Enter a postcode, like AA1 1AA"}}));
  expect_same("error-message", "default",
              error_message("", "Error message about full name goes here"));
  expect_same("skip-link", "default", skip_link("#test-target-element"));
  expect_same("back-link", "default", back_link("#"));
  expect_same("warning-text", "default",
              warning_text("You can be fined up to \xC2\xA3"
                           "5,000 if you don\xE2\x80\x99t register."));
  expect_same("tag", "grey", tag("Grey", "grey"));
  expect_same("inset-text", "default",
              inset_text(text("It can take up to 8 weeks to register a lasting power of attorney "
                              "if there are no mistakes in the application.")));
  const json d = fixture("details", "default")["options"];
  expect_same("details", "default",
              details(d["summaryText"].get<std::string>(), text(d["text"].get<std::string>())));
  expect_same("notification-banner", "default",
              notification_banner(
                  Html::trusted("<p class=\"govuk-notification-banner__heading\">") +
                  text("This publication was withdrawn on 7 March 2014.") + Html::trusted("</p>")));
  expect_same(
      "notification-banner", "with type as success",
      notification_banner(Html::trusted("<p class=\"govuk-notification-banner__heading\">") +
                              text("Email sent to example@email.com") + Html::trusted("</p>"),
                          true));
  expect_same("generic-header", "default", generic_header("My cool service", "/"));
  expect_same("summary-list", "default",
              summary_list({{"Name", text("Firstname Lastname")},
                            {"Date of birth", text("13/08/1980")},
                            {"Contact information",
                             Html::trusted("<p class=\"govuk-body\">email@email.com</p><p "
                                           "class=\"govuk-body\">Address line 1<br>Address line "
                                           "2<br>Address line 3<br>Address line 4<br>Address line "
                                           "5</p>")}}));
  const json t = fixture("table", "with head and caption")["options"];
  TableOptions options{.caption = t["caption"],
                       .caption_classes = t["captionClasses"],
                       .first_cell_is_header = true};
  for (const json& h : t["head"])
    options.head.push_back({text(h["text"].get<std::string>()), h.contains("format")});
  for (const json& row : t["rows"]) {
    std::vector<TableCell> cells;
    for (const json& c : row)
      cells.push_back({text(c["text"].get<std::string>()), c.contains("format")});
    options.rows.push_back(cells);
  }
  expect_same("table", "with head and caption", table(options));
}

TEST(ComponentsGolden, ServiceNavigation) {
  const json f = fixture("service-navigation", "with navigation with an active item");
  if (f.is_null()) return;
  std::vector<NavigationItem> items;
  for (const json& n : f["options"]["navigation"]) {
    items.push_back({n["href"], n["text"], n.value("current", false) || n.value("active", false)});
  }
  const std::string theirs = normalised(f["html"].get<std::string>());
  std::string ours = normalised(service_navigation(items).str());
  EXPECT_EQ(ours, theirs);
}

}  // namespace
}  // namespace sightline::pages

// GOV.UK Design System components as functions that return Html.
//
// Each function writes the markup of the Nunjucks macro of the same name in
// govuk-frontend (v6) for the options given, so that the Design System's CSS
// and JavaScript apply unchanged; tests compare the output with the
// component fixtures govuk-frontend ships. Only the options Sightline uses are
// offered. Every string parameter is text and is escaped; parameters of type
// Html are markup already made safe. Option structs are aggregates meant for
// designated initialisers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pages/html.h"

namespace sightline::pages {

// A label or legend; `is_page_heading` wraps it in the page's <h1>.
struct Caption {
  std::string text = {};
  std::string classes = {};  // "govuk-label--l", "govuk-fieldset__legend--m", ...
  bool is_page_heading = false;
};

struct TextInputOptions {
  std::string id = {};
  std::string name = {};
  Caption label = {};
  std::string hint = {};
  std::string value = {};
  std::string error = {};  // the error message; empty when none
  std::string type = "text";
  std::string classes = {};  // "govuk-input--width-10", ...
  std::string autocomplete = {};
  bool spellcheck_off = false;
  std::string list = {};  // the id of a <datalist> of suggestions
};
Html text_input(const TextInputOptions& o);

struct TextareaOptions {
  std::string id = {};
  std::string name = {};
  Caption label = {};
  std::string hint = {};
  std::string value = {};
  std::string error = {};
  int rows = 5;
};
Html textarea(const TextareaOptions& o);

struct ChoiceItem {
  std::string value = {};
  std::string text = {};
  std::string hint = {};
  bool checked = false;
};
// Radios and checkboxes in a fieldset. Item ids are `id_prefix`, then
// `id_prefix-2`, `-3`, ...; the first is the target of an error summary link.
struct ChoicesOptions {
  std::string id_prefix = {};
  std::string name = {};
  Caption legend = {};
  std::vector<ChoiceItem> items = {};
  std::string hint = {};
  std::string error = {};
  bool small = false;  // govuk-radios--small / govuk-checkboxes--small
  bool inline_items = false;
};
Html radios(const ChoicesOptions& o);
Html checkboxes(const ChoicesOptions& o);

struct SelectItem {
  std::string value = {};
  std::string text = {};
  bool selected = false;
};
struct SelectOptions {
  std::string id = {};
  std::string name = {};
  Caption label = {};
  std::vector<SelectItem> items = {};
  std::string hint = {};
  std::string error = {};
};
Html select(const SelectOptions& o);

// A date as three fields, named NAME-day, NAME-month and NAME-year, with ids
// ID-day, ID-month and ID-year.
struct DateInputOptions {
  std::string id = {};
  std::string name = {};
  Caption legend = {};
  std::string day = {}, month = {}, year = {};
  std::string hint = {};
  std::string error = {};
};
Html date_input(const DateInputOptions& o);

struct ButtonOptions {
  std::string text = {};
  std::string name = {};
  std::string value = {};
  std::string classes = {};  // "govuk-button--secondary", "govuk-button--warning"
  std::string href = {};     // a link styled as a button when set
  bool start = false;        // a start button (with its arrow)
};
Html button(const ButtonOptions& o);

struct ErrorItem {
  std::string href = {};  // "#field-id"
  std::string text = {};
};
Html error_summary(const std::vector<ErrorItem>& errors,
                   std::string_view title = "There is a problem");
Html error_message(std::string_view id, std::string_view message);

Html skip_link(std::string_view href = "#main-content",
               std::string_view label = "Skip to main content");
Html back_link(std::string_view href, std::string_view label = "Back");
Html warning_text(std::string_view text);
Html inset_text(const Html& content);
Html details(std::string_view summary, const Html& content);
// colour: "", "grey", "green", "turquoise", "blue", "light-blue", "purple",
// "pink", "red", "orange", "yellow".
Html tag(std::string_view text, std::string_view colour = "");

struct SummaryRow {
  std::string key = {};
  Html value = {};
};
Html summary_list(const std::vector<SummaryRow>& rows, std::string_view classes = "");

struct TableCell {
  Html content = {};
  bool numeric = false;
};
struct TableOptions {
  std::string caption = {};
  std::string caption_classes = {};  // "govuk-table__caption--m"
  std::vector<TableCell> head = {};
  std::vector<std::vector<TableCell>> rows = {};
  bool first_cell_is_header = false;
  std::string classes = {};
};
Html table(const TableOptions& o);

// `success` banners are role="alert" (they report the result of an action);
// the others are regions titled "Important".
Html notification_banner(const Html& content, bool success = false);

// The service's header: the generic header (no GOV.UK branding) naming the
// service, linking to `url`.
Html generic_header(std::string_view service_name, std::string_view url);

struct NavigationItem {
  std::string href = {};
  std::string text = {};
  bool active = false;  // the section the page is in (aria-current="true")
};
// The service navigation bar (the service's name is in the header above it), with `end` (e.g. the
// signed-in user) after it.
Html service_navigation(const std::vector<NavigationItem>& items, const Html& end = {});

}  // namespace sightline::pages

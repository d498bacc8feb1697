#include "pages/components.h"

namespace sightline::pages {
namespace {

// ` name="value"` with the value escaped.
std::string attr(std::string_view name, std::string_view value) {
  std::string out = " ";
  out += name;
  out += "=\"";
  out += escape(value);
  out += '"';
  return out;
}

std::string join_ids(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + " " + b;
}

std::string with_classes(std::string base, std::string_view extra) {
  if (!extra.empty()) {
    base += ' ';
    base += extra;
  }
  return base;
}

std::string hint_markup(const std::string& id, const std::string& hint,
                        std::string_view extra_class = "") {
  return "<div" + attr("id", id) + attr("class", with_classes("govuk-hint", extra_class)) + ">" +
         escape(hint) + "</div>";
}

std::string label_markup(const Caption& label, const std::string& for_id,
                         std::string_view extra_class = "") {
  std::string classes = with_classes("govuk-label", extra_class);
  classes = with_classes(classes, label.classes);
  std::string out = "<label" + attr("class", classes) + attr("for", for_id) + ">" +
                    escape(label.text) + "</label>";
  if (label.is_page_heading) out = "<h1 class=\"govuk-label-wrapper\">" + out + "</h1>";
  return out;
}

std::string legend_markup(const Caption& legend) {
  std::string out =
      "<legend" + attr("class", with_classes("govuk-fieldset__legend", legend.classes)) + ">";
  if (legend.is_page_heading) {
    out += "<h1 class=\"govuk-fieldset__heading\">" + escape(legend.text) + "</h1>";
  } else {
    out += escape(legend.text);
  }
  return out + "</legend>";
}

std::string form_group_open(bool error) {
  return error ? "<div class=\"govuk-form-group govuk-form-group--error\">"
               : "<div class=\"govuk-form-group\">";
}

Html choices(const ChoicesOptions& o, std::string_view kind) {
  const std::string k(kind);  // "radios" or "checkboxes"
  std::string described_by;
  std::string inner;
  if (!o.hint.empty()) {
    inner += hint_markup(o.id_prefix + "-hint", o.hint);
    described_by = join_ids(described_by, o.id_prefix + "-hint");
  }
  if (!o.error.empty()) {
    inner += error_message(o.id_prefix + "-error", o.error).str();
    described_by = join_ids(described_by, o.id_prefix + "-error");
  }
  std::string classes = "govuk-" + k;
  if (o.small) classes += " govuk-" + k + "--small";
  if (o.inline_items) classes += " govuk-" + k + "--inline";
  inner += "<div" + attr("class", classes) + attr("data-module", "govuk-" + k) + ">";
  int index = 0;
  for (const ChoiceItem& item : o.items) {
    ++index;
    const std::string id = o.id_prefix + (index > 1 ? "-" + std::to_string(index) : "");
    inner += "<div class=\"govuk-" + k + "__item\"><input" +
             attr("class", "govuk-" + k + "__input") + attr("id", id) + attr("name", o.name) +
             attr("type", k == "radios" ? "radio" : "checkbox") + attr("value", item.value);
    if (item.checked) inner += " checked";
    if (!item.hint.empty()) inner += attr("aria-describedby", id + "-item-hint");
    inner += ">";
    inner += label_markup(Caption{item.text}, id, "govuk-" + k + "__label");
    if (!item.hint.empty())
      inner += hint_markup(id + "-item-hint", item.hint, "govuk-" + k + "__hint");
    inner += "</div>";
  }
  inner += "</div>";
  std::string out = form_group_open(!o.error.empty()) + "<fieldset class=\"govuk-fieldset\"";
  if (!described_by.empty()) out += attr("aria-describedby", described_by);
  out += ">" + legend_markup(o.legend) + inner + "</fieldset></div>";
  return Html::trusted(std::move(out));
}

}  // namespace

Html error_message(std::string_view id, std::string_view message) {
  std::string out = "<p";
  if (!id.empty()) out += attr("id", id);
  out += " class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> " +
         escape(message) + "</p>";
  return Html::trusted(std::move(out));
}

namespace {

// The hint and the error message of the field `id`, as the Design System
// places them before the control; `described_by` gets their ids, for the
// control's aria-describedby.
std::string hint_and_error(const std::string& id, const std::string& hint, const std::string& error,
                           std::string& described_by) {
  std::string out;
  if (!hint.empty()) {
    out += hint_markup(id + "-hint", hint);
    described_by = join_ids(described_by, id + "-hint");
  }
  if (!error.empty()) {
    out += error_message(id + "-error", error).str();
    described_by = join_ids(described_by, id + "-error");
  }
  return out;
}

}  // namespace

Html text_input(const TextInputOptions& o) {
  std::string described_by;
  std::string out = form_group_open(!o.error.empty()) + label_markup(o.label, o.id);
  out += hint_and_error(o.id, o.hint, o.error, described_by);
  std::string classes = with_classes("govuk-input", o.classes);
  if (!o.error.empty()) classes += " govuk-input--error";
  out += "<input" + attr("class", classes) + attr("id", o.id) + attr("name", o.name) +
         attr("type", o.type);
  if (o.spellcheck_off) out += attr("spellcheck", "false");
  if (!o.value.empty()) out += attr("value", o.value);
  if (!described_by.empty()) out += attr("aria-describedby", described_by);
  if (!o.autocomplete.empty()) out += attr("autocomplete", o.autocomplete);
  if (!o.list.empty()) out += attr("list", o.list);
  out += "></div>";
  return Html::trusted(std::move(out));
}

Html textarea(const TextareaOptions& o) {
  std::string described_by;
  std::string out = form_group_open(!o.error.empty()) + label_markup(o.label, o.id);
  out += hint_and_error(o.id, o.hint, o.error, described_by);
  std::string classes = "govuk-textarea";
  if (!o.error.empty()) classes += " govuk-textarea--error";
  out += "<textarea" + attr("class", classes) + attr("id", o.id) + attr("name", o.name) +
         attr("rows", std::to_string(o.rows));
  if (!described_by.empty()) out += attr("aria-describedby", described_by);
  out += ">" + escape(o.value) + "</textarea></div>";
  return Html::trusted(std::move(out));
}

Html radios(const ChoicesOptions& o) { return choices(o, "radios"); }
Html checkboxes(const ChoicesOptions& o) { return choices(o, "checkboxes"); }

Html select(const SelectOptions& o) {
  std::string described_by;
  std::string out = form_group_open(!o.error.empty()) + label_markup(o.label, o.id);
  out += hint_and_error(o.id, o.hint, o.error, described_by);
  std::string classes = "govuk-select";
  if (!o.error.empty()) classes += " govuk-select--error";
  out += "<select" + attr("class", classes) + attr("id", o.id) + attr("name", o.name);
  if (!described_by.empty()) out += attr("aria-describedby", described_by);
  out += ">";
  for (const SelectItem& item : o.items) {
    out += "<option" + attr("value", item.value);
    if (item.selected) out += " selected";
    out += ">" + escape(item.text) + "</option>";
  }
  out += "</select></div>";
  return Html::trusted(std::move(out));
}

Html date_input(const DateInputOptions& o) {
  std::string described_by;
  std::string inner;
  inner += hint_and_error(o.id, o.hint, o.error, described_by);
  inner += "<div class=\"govuk-date-input\"" + attr("id", o.id) + ">";
  struct Part {
    const char* suffix;
    const char* label;
    const std::string& value;
    const char* width;
  };
  for (const Part& p : {Part{"day", "Day", o.day, "govuk-input--width-2"},
                        Part{"month", "Month", o.month, "govuk-input--width-2"},
                        Part{"year", "Year", o.year, "govuk-input--width-4"}}) {
    const std::string id = o.id + "-" + p.suffix;
    std::string classes = "govuk-input govuk-date-input__input";
    if (!o.error.empty()) classes += " govuk-input--error";
    classes += std::string(" ") + p.width;
    inner += "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">" +
             label_markup(Caption{p.label}, id, "govuk-date-input__label") + "<input" +
             attr("class", classes) + attr("id", id) + attr("name", o.name + "-" + p.suffix) +
             attr("type", "text");
    if (!p.value.empty()) inner += attr("value", p.value);
    inner += attr("inputmode", "numeric") + "></div></div>";
  }
  inner += "</div>";
  std::string out =
      form_group_open(!o.error.empty()) + "<fieldset class=\"govuk-fieldset\" role=\"group\"";
  if (!described_by.empty()) out += attr("aria-describedby", described_by);
  out += ">" + legend_markup(o.legend) + inner + "</fieldset></div>";
  return Html::trusted(std::move(out));
}

Html button(const ButtonOptions& o) {
  std::string classes = with_classes("govuk-button", o.classes);
  if (o.start) classes += " govuk-button--start";
  const std::string arrow =
      o.start
          ? "<svg class=\"govuk-button__start-icon\" xmlns=\"http://www.w3.org/2000/svg\" "
            "width=\"17.5\" height=\"19\" viewBox=\"0 0 33 40\" aria-hidden=\"true\" "
            "focusable=\"false\"><path fill=\"currentColor\" d=\"M0 0h13l20 20-20 20H0l20-20z\"/>"
            "</svg>"
          : "";
  if (!o.href.empty()) {
    return Html::trusted("<a" + attr("href", o.href) + " role=\"button\" draggable=\"false\"" +
                         attr("class", classes) + " data-module=\"govuk-button\">" +
                         escape(o.text) + arrow + "</a>");
  }
  std::string out = "<button type=\"submit\"";
  if (!o.name.empty()) out += attr("name", o.name);
  if (!o.value.empty()) out += attr("value", o.value);
  out += attr("class", classes) + " data-module=\"govuk-button\">" + escape(o.text) + arrow +
         "</button>";
  return Html::trusted(std::move(out));
}

Html error_summary(const std::vector<ErrorItem>& errors, std::string_view title) {
  std::string out =
      "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
      "<h2 class=\"govuk-error-summary__title\">" +
      escape(title) +
      "</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list "
      "govuk-error-summary__list\">";
  for (const ErrorItem& e : errors) {
    out += "<li><a" + attr("href", e.href) + ">" + escape(e.text) + "</a></li>";
  }
  out += "</ul></div></div></div>";
  return Html::trusted(std::move(out));
}

Html skip_link(std::string_view href, std::string_view label) {
  return Html::trusted("<a" + attr("href", href) +
                       " class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">" +
                       escape(label) + "</a>");
}

Html back_link(std::string_view href, std::string_view label) {
  return Html::trusted("<a" + attr("href", href) + " class=\"govuk-back-link\">" + escape(label) +
                       "</a>");
}

Html warning_text(std::string_view text) {
  return Html::trusted(
      "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" "
      "aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\"><span "
      "class=\"govuk-visually-hidden\">Warning</span> " +
      escape(text) + "</strong></div>");
}

Html inset_text(const Html& content) {
  return Html::trusted("<div class=\"govuk-inset-text\">" + content.str() + "</div>");
}

Html details(std::string_view summary, const Html& content) {
  return Html::trusted(
      "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span "
      "class=\"govuk-details__summary-text\">" +
      escape(summary) + "</span></summary><div class=\"govuk-details__text\">" + content.str() +
      "</div></details>");
}

Html tag(std::string_view text, std::string_view colour) {
  std::string classes = "govuk-tag";
  if (!colour.empty()) classes += " govuk-tag--" + std::string(colour);
  return Html::trusted("<strong" + attr("class", classes) + ">" + escape(text) + "</strong>");
}

Html summary_list(const std::vector<SummaryRow>& rows, std::string_view classes) {
  std::string out = "<dl" + attr("class", with_classes("govuk-summary-list", classes)) + ">";
  for (const SummaryRow& row : rows) {
    out += "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" +
           escape(row.key) + "</dt><dd class=\"govuk-summary-list__value\">" + row.value.str() +
           "</dd></div>";
  }
  out += "</dl>";
  return Html::trusted(std::move(out));
}

Html table(const TableOptions& o) {
  std::string out = "<table" + attr("class", with_classes("govuk-table", o.classes)) + ">";
  if (!o.caption.empty()) {
    out += "<caption" + attr("class", with_classes("govuk-table__caption", o.caption_classes)) +
           ">" + escape(o.caption) + "</caption>";
  }
  if (!o.head.empty()) {
    out += "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
    for (const TableCell& c : o.head) {
      out += "<th scope=\"col\"" +
             attr("class", c.numeric ? "govuk-table__header govuk-table__header--numeric"
                                     : "govuk-table__header") +
             ">" + c.content.str() + "</th>";
    }
    out += "</tr></thead>";
  }
  out += "<tbody class=\"govuk-table__body\">";
  for (const auto& row : o.rows) {
    out += "<tr class=\"govuk-table__row\">";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const TableCell& c = row[i];
      if (i == 0 && o.first_cell_is_header) {
        out += "<th scope=\"row\" class=\"govuk-table__header\">" + c.content.str() + "</th>";
      } else {
        out += "<td" +
               attr("class", c.numeric ? "govuk-table__cell govuk-table__cell--numeric"
                                       : "govuk-table__cell") +
               ">" + c.content.str() + "</td>";
      }
    }
    out += "</tr>";
  }
  out += "</tbody></table>";
  return Html::trusted(std::move(out));
}

Html notification_banner(const Html& content, bool success) {
  std::string out = success ? "<div class=\"govuk-notification-banner "
                              "govuk-notification-banner--success\" role=\"alert\""
                            : "<div class=\"govuk-notification-banner\" role=\"region\"";
  out +=
      " aria-labelledby=\"govuk-notification-banner-title\" "
      "data-module=\"govuk-notification-banner\"><div "
      "class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" "
      "id=\"govuk-notification-banner-title\">";
  out += success ? "Success" : "Important";
  out += "</h2></div><div class=\"govuk-notification-banner__content\">" + content.str() +
         "</div></div>";
  return Html::trusted(std::move(out));
}

Html generic_header(std::string_view service_name, std::string_view url) {
  return Html::trusted(
      "<div class=\"govuk-generic-header\"><div class=\"govuk-generic-header__container "
      "govuk-width-container\"><div class=\"govuk-generic-header__logo\"><a" +
      attr("href", url) + " class=\"govuk-generic-header__homepage-link\">" + escape(service_name) +
      "</a></div></div></div>");
}

Html service_navigation(const std::vector<NavigationItem>& items, const Html& end) {
  std::string out =
      "<div class=\"govuk-service-navigation\" "
      "data-module=\"govuk-service-navigation\"><div class=\"govuk-width-container\"><div "
      "class=\"govuk-service-navigation__container\">";
  if (!items.empty()) {
    out +=
        "<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\"><button "
        "type=\"button\" class=\"govuk-service-navigation__toggle "
        "govuk-js-service-navigation-toggle\" aria-controls=\"navigation\" hidden "
        "aria-hidden=\"true\">Menu</button><ul class=\"govuk-service-navigation__list\" "
        "id=\"navigation\">";
    for (const NavigationItem& item : items) {
      if (item.active) {
        out +=
            "<li class=\"govuk-service-navigation__item "
            "govuk-service-navigation__item--active\"><a class=\"govuk-service-navigation__link\"" +
            attr("href", item.href) +
            " aria-current=\"true\"><strong class=\"govuk-service-navigation__active-fallback\">" +
            escape(item.text) + "</strong></a></li>";
      } else {
        out +=
            "<li class=\"govuk-service-navigation__item\"><a "
            "class=\"govuk-service-navigation__link\"" +
            attr("href", item.href) + ">" + escape(item.text) + "</a></li>";
      }
    }
    out += "</ul></nav>";
  }
  out += "</div>" + end.str() + "</div></div>";
  return Html::trusted(std::move(out));
}

}  // namespace sightline::pages

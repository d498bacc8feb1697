// HTML that is safe to send, and the one function that makes text safe.
//
// Every page is assembled from Html values. Text from anywhere (an event, a
// form, a query string, the database) becomes Html only through escape(): a
// function that takes text and returns markup is the only way in, so markup
// cannot be built from raw text by accident. Html::trusted() is for literal
// markup written in this module's source, never for data.
#pragma once

#include <string>
#include <string_view>

namespace sightline::pages {

class Html {
 public:
  Html() = default;
  // Markup written by the programmer (a literal, or built from Html values).
  static Html trusted(std::string markup) { return Html(std::move(markup)); }

  const std::string& str() const { return markup_; }
  bool empty() const { return markup_.empty(); }
  Html& operator+=(const Html& other) {
    markup_ += other.markup_;
    return *this;
  }
  friend Html operator+(Html a, const Html& b) { return a += b; }

 private:
  explicit Html(std::string markup) : markup_(std::move(markup)) {}
  std::string markup_;
};

// Text made safe for an HTML element's content or a double- or single-quoted
// attribute value: & < > " ' are replaced by references; control characters
// other than tab, newline and carriage return are dropped (NUL included); and
// bytes that are not well-formed UTF-8 (overlong forms, surrogates, stray
// continuation bytes, truncated sequences) become U+FFFD, so that a browser
// never has to guess the encoding. Never put its result in a script, a style
// or an unquoted attribute: the pages have none.
std::string escape(std::string_view text);

// escape() as Html.
inline Html text(std::string_view t) { return Html::trusted(escape(t)); }

// Percent-encodes everything but unreserved characters (RFC 3986: letters,
// digits, - . _ ~), for a path segment or a query value; the result is also
// safe in an attribute.
std::string url_encode(std::string_view text);

}  // namespace sightline::pages

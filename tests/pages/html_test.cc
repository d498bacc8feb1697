#include "pages/html.h"

#include <gtest/gtest.h>

#include <string>

namespace sightline::pages {
namespace {

TEST(Escape, ReplacesTheFiveMarkupCharacters) {
  EXPECT_EQ(escape(R"(<script>alert("x" & 'y')</script>)"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
}

TEST(Escape, NastyInputCannotLeaveItsElementOrAttribute) {
  // Each case: input, expected output.
  static const struct {
    std::string in, out;
  } cases[] = {
      {"\" onmouseover=\"alert(1)", "&quot; onmouseover=&quot;alert(1)"},
      {"' autofocus onfocus='x", "&#39; autofocus onfocus=&#39;x"},
      {"</textarea><img src=x>", "&lt;/textarea&gt;&lt;img src=x&gt;"},
      {"&lt;already escaped&gt;", "&amp;lt;already escaped&amp;gt;"},
      {"javascript:alert(1)", "javascript:alert(1)"},  // harmless as text; never put in an href
      {std::string("nul\0byte", 8), "nulbyte"},
      {"bell\x07 and escape\x1b[31m", "bell and escape[31m"},
      {"tab\tnewline\ncr\r", "tab\tnewline\ncr\r"},
      {"delete\x7f", "delete"},
      {"\xC2\x85next line (C1)", "next line (C1)"},
      {"caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x91\xB6", "caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x91\xB6"},
      {"overlong \xC0\xBC slash", "overlong \xEF\xBF\xBD\xEF\xBF\xBD slash"},
      {"overlong3 \xE0\x80\xBC", "overlong3 \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate \xED\xA0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"too high \xF4\x90\x80\x80", "too high \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"stray \x80 continuation", "stray \xEF\xBF\xBD continuation"},
      {"truncated \xE2\x80", "truncated \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"truncated then < \xE2<", "truncated then &lt; \xEF\xBF\xBD&lt;"},
      {"\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(escape(c.in), c.out) << c.in;
}

TEST(Escape, OutputIsAlwaysWellFormedAndFreeOfMarkup) {
  // Every byte value, alone and after each lead byte: no raw markup
  // character and no malformed UTF-8 survive.
  for (int a = 0; a < 256; ++a) {
    for (int b : {0x00, 0x22, 0x3C, 0x80, 0xBF, 0xC0, 0xE0, 0xFF}) {
      const std::string in = {static_cast<char>(a), static_cast<char>(b)};
      const std::string out = escape(in);
      for (char c : out) {
        EXPECT_TRUE(c != '<' && c != '>' && c != '"' && c != '\'' && c != '\0') << a << "," << b;
      }
      // Escaping the output again only doubles its ampersands: nothing in it
      // is dropped, replaced or malformed any more.
      std::string doubled;
      for (char c : out) doubled += c == '&' ? std::string("&amp;") : std::string(1, c);
      EXPECT_EQ(escape(out), doubled) << a << "," << b;
    }
  }
}

TEST(Html, TextIsTheOnlyWayInForData) {
  const Html h = Html::trusted("<p>") + text("<b>bold?</b>") + Html::trusted("</p>");
  EXPECT_EQ(h.str(), "<p>&lt;b&gt;bold?&lt;/b&gt;</p>");
}

TEST(UrlEncode, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(url_encode("sofia"), "sofia");
  EXPECT_EQ(url_encode("a b/c?d=e&f\"<"), "a%20b%2Fc%3Fd%3De%26f%22%3C");
  EXPECT_EQ(url_encode("caf\xC3\xA9"), "caf%C3%A9");
  EXPECT_EQ(url_encode("-._~"), "-._~");
}

}  // namespace
}  // namespace sightline::pages

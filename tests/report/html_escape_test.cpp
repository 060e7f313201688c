// escape_html and valid_utf8: markup characters become references, ill-formed UTF-8 and
// control bytes become U+FFFD, and no input at all can leave a '<', '>', '"' or '\'' behind.
#include "eegtrack/report/html_escape.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace eegtrack::report {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(HtmlEscape, HostileMarkupBecomesText) {
  EXPECT_EQ(escape_html("<script>alert(\"x\")</script>"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  EXPECT_EQ(escape_html("a & b"), "a &amp; b");
  EXPECT_EQ(escape_html("it's"), "it&#39;s");
  // An attribute cannot be closed from inside: quotes of both kinds are references.
  EXPECT_EQ(escape_html("\" onload=\"x"), "&quot; onload=&quot;x");
  // Already escaped text is escaped again, never decoded.
  EXPECT_EQ(escape_html("&amp;lt;"), "&amp;amp;lt;");
  EXPECT_EQ(escape_html(""), "");
}

TEST(HtmlEscape, WellFormedUtf8IsKept) {
  for (const std::string s : {"µV", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "δ θ α β", "Köln"})
    EXPECT_EQ(escape_html(s), s);
  EXPECT_EQ(escape_html("tab\tline\nreturn\r"), "tab\tline\nreturn\r");
}

TEST(HtmlEscape, IllFormedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(valid_utf8("\xFF"), kFffd);                          // never a UTF-8 byte
  EXPECT_EQ(valid_utf8("a\x80z"), "a" + kFffd + "z");            // stray continuation byte
  EXPECT_EQ(valid_utf8("\xE2\x82"), kFffd + kFffd);              // truncated sequence
  EXPECT_EQ(valid_utf8("\xC0\xAF"), kFffd + kFffd);              // overlong '/'
  EXPECT_EQ(valid_utf8("\xE0\x80\xBC"), kFffd + kFffd + kFffd);  // overlong '<'
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), kFffd + kFffd + kFffd);  // a surrogate
  EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);  // > U+10FFFF
  EXPECT_EQ(valid_utf8(std::string("a\0b", 3)), "a" + kFffd + "b");          // NUL
  EXPECT_EQ(valid_utf8("\x1B[31m"), kFffd + "[31m");                         // terminal escape
  EXPECT_EQ(valid_utf8("\x7F"), kFffd);
  // Latin-1 text from an old EDF header: each high byte is replaced, the rest kept.
  EXPECT_EQ(escape_html("M\xFCller <x>"), "M" + kFffd + "ller &lt;x&gt;");
}

// A property over every single byte and random byte strings: the output is well-formed UTF-8
// (valid_utf8 leaves it unchanged) and holds no character that could open or close markup.
TEST(HtmlEscape, NoInputLeavesMarkupCharacters) {
  std::mt19937 rng(20261204);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 40);
  std::vector<std::string> inputs;
  for (int b = 0; b < 256; ++b)
    inputs.emplace_back(1, static_cast<char>(b));
  for (int i = 0; i < 5000; ++i) {
    std::string s(static_cast<std::size_t>(length(rng)), '\0');
    for (auto& c : s)
      c = static_cast<char>(byte(rng));
    inputs.push_back(s);
  }
  for (const auto& in : inputs) {
    const auto out = escape_html(in);
    ASSERT_EQ(out.find_first_of("<>\"'"), std::string::npos) << out;
    ASSERT_EQ(valid_utf8(out), out);
  }
}

}  // namespace
}  // namespace eegtrack::report

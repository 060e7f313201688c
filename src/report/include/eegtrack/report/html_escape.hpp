#pragma once
// Every text that comes from a file (channel labels, annotations, course-file fields, file
// names) passes through escape_html before it enters a report, so a hostile annotation such as
// `<script>...</script>` is shown as text and can never become markup or script.

#include <string>
#include <string_view>

namespace eegtrack::report {

/// The replacement character U+FFFD in UTF-8.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

/// `text` as well-formed UTF-8: every byte that does not belong to a well-formed sequence
/// (stray continuation bytes, overlong forms, surrogates, code points above U+10FFFF, truncated
/// sequences) becomes U+FFFD, one per byte; control characters other than tab, line feed and
/// carriage return (C0, DEL) become U+FFFD too. Everything else is copied unchanged.
[[nodiscard]] std::string valid_utf8(std::string_view text);

/// valid_utf8(text) with & < > " ' written as character references (&amp; &lt; &gt; &quot;
/// &#39;): safe as HTML or SVG element content and inside a quoted attribute value.
[[nodiscard]] std::string escape_html(std::string_view text);

}  // namespace eegtrack::report

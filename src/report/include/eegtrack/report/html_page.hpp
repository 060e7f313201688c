#pragma once
// The frame of every report: one self-contained HTML5 document with its style sheet inline. Its
// Content-Security-Policy allows no script, no network request, no frame and no form: only the
// inline style sheet and data: images (the heat maps). Together with escape_html this keeps a
// hostile text from a file inert even if it got through.

#include <string>
#include <string_view>

namespace eegtrack::report {

/// The Content-Security-Policy of every report.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
    "form-action 'none'";

/// The complete document: `title` (escaped here) and `body` (HTML the caller built, its texts
/// already escaped).
[[nodiscard]] std::string html_document(std::string_view title, std::string_view body);

/// The report style sheet (screen, and print on A4 landscape: the figures are wide).
[[nodiscard]] std::string_view report_style_sheet();

}  // namespace eegtrack::report

#pragma once
// PDF of a report through headless Chromium's --print-to-pdf: the same page, laid out by a
// browser for A4 (the report's print style sheet).

#include <filesystem>
#include <optional>

namespace eegtrack::cli {

/// The Chromium executable: $EEGTRACK_CHROMIUM when set, else chromium, chromium-browser,
/// google-chrome or google-chrome-stable on the PATH; nullopt when there is none.
[[nodiscard]] std::optional<std::filesystem::path> find_chromium();

/// Prints `html` to `pdf` with headless Chromium (no sandbox, no GPU, no network services, a
/// fresh profile in a temporary folder removed afterwards).
/// @throws std::runtime_error saying how to install Chromium when it is absent, or naming the
///         file when printing fails or takes longer than two minutes.
void print_to_pdf(const std::filesystem::path& html, const std::filesystem::path& pdf);

}  // namespace eegtrack::cli

// The demo patient's follow-up report and its relapse (day 40) recording report in a real
// browser: headless Chromium loads each page without a console message (no blocked request,
// no script), its DOM holds the key elements, a screenshot of the page is drawn, and the report
// prints to PDF through `eegtrack report --pdf`. Skipped when Chromium is not installed
// (scripts/install-deps.sh installs Debian's chromium).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>

#include "cli/demo_patient_support.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

std::optional<fs::path> chromium() {
  if (const char* chosen = std::getenv("EEGTRACK_CHROMIUM"); chosen != nullptr && *chosen != '\0')
    return fs::path(chosen);
  const char* path = std::getenv("PATH");
  std::string dirs = path == nullptr ? "" : path;
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      const auto end = dirs.find(':', start);
      const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (::access(candidate.c_str(), X_OK) == 0)
        return candidate;
      if (end == std::string::npos)
        break;
      start = end + 1;
    }
  }
  return std::nullopt;
}

// Headless Chromium on one page with a fresh profile; `action` is --dump-dom or --screenshot=...
CliResult browse(const fs::path& browser, const fs::path& page, const std::string& action) {
  const fs::path profile = scratch_dir() / ("profile-" + std::to_string(::rand()));
  fs::create_directories(profile);
  auto r = run_program(
      browser, {"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.string(), "--enable-logging=stderr", "--v=0",
                "--hide-scrollbars", "--window-size=1280,2000", action,
                "file://" + fs::absolute(page).string()});
  fs::remove_all(profile);
  return r;
}

void check_page(const fs::path& browser, const fs::path& page,
                const std::vector<std::string>& ids) {
  SCOPED_TRACE(page.filename().string());
  const auto dom = browse(browser, page, "--dump-dom");
  ASSERT_EQ(dom.exit_status, 0) << dom.err;
  for (const auto& id : ids)
    EXPECT_NE(dom.out.find("id=\"" + id + "\""), std::string::npos) << id;
  EXPECT_EQ(dom.out.find("<script"), std::string::npos);
  // A blocked request, a script or any other console message would be logged here.
  EXPECT_EQ(dom.err.find(":CONSOLE"), std::string::npos) << dom.err;

  const fs::path png = scratch_dir() / (page.stem().string() + ".png");
  const auto shot = browse(browser, page, "--screenshot=" + png.string());
  ASSERT_EQ(shot.exit_status, 0) << shot.err;
  ASSERT_TRUE(fs::exists(png));
  const auto bytes = read_text(png.string());
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // A blank 1280 x 2000 page compresses to a few kB; figures and text take far more.
  EXPECT_GT(bytes.size(), 100000u);
}

TEST(ReportBrowser, DemoReportsLoadDrawAndPrint) {
  const auto browser = chromium();
  if (!browser)
    GTEST_SKIP() << "Chromium not installed (apt-get install chromium): reports not rendered";
  const fs::path demo = shared_demo_followup();
  const fs::path out = demo / "out";
  const fs::path dir = scratch_dir();  // what this test writes
  const fs::path followup = out / "DEMO-ICANS-01.followup.html";
  const fs::path d40 = out / "recordings" / "d40.report.html";
  check_page(*browser, followup,
             {"report-header", "course-figure", "flag-table", "recording-table", "provenance"});
  check_page(*browser, d40,
             {"summary", "cdsa-figure", "band-trend-figure", "asymmetry-figure", "head-map-delta",
              "head-map-spikes", "event-table", "page-1", "provenance"});

  // PDFs through eegtrack's own --pdf: the follow-up, and the relapse with its EEG pages.
  const std::vector<std::pair<std::string, fs::path>> prints = {
      {(out / "DEMO-ICANS-01.followup.json").string(), dir / "followup.pdf"},
      {(out / "recordings" / "d40.summary.json").string(), dir / "d40.pdf"}};
  for (const auto& [input, pdf] : prints) {
    const auto printed =
        run_cli({"report", input, "--edf", (demo / "eeg" / "d40.edf").string(), "-o",
                 (dir / (pdf.stem().string() + ".html")).string(), "--pdf", pdf.string()});
    ASSERT_EQ(printed.exit_status, 0) << printed.err;
    const auto bytes = read_text(pdf.string());
    EXPECT_EQ(bytes.substr(0, 5), "%PDF-") << pdf;
    EXPECT_GT(bytes.size(), 20000u) << pdf;
  }
}

TEST(ReportBrowser, CohortReportLoadsAndDraws) {
  const auto browser = chromium();
  if (!browser)
    GTEST_SKIP() << "Chromium not installed (apt-get install chromium): reports not rendered";
  const fs::path out = scratch_dir() / "batch";
  const auto batch = run_cli({"batch", sample_dir().string(), "-o", out.string(), "--no-detect"});
  ASSERT_EQ(batch.exit_status, 0) << batch.err;
  const fs::path page = out / "cohort.html";
  const auto made = run_cli({"report", out.string(), "--recording-reports", "-o", page.string()});
  ASSERT_EQ(made.exit_status, 0) << made.err;
  check_page(*browser, page, {"summary", "cohort-index-figure", "cohort-table", "provenance"});
}

}  // namespace
}  // namespace eegtrack::test

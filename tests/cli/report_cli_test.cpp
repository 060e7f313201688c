// `eegtrack report`, `analyze --report` and `followup --report` on real files: the demo
// patient's follow-up report and the report of its relapse (day 40) recording with their key
// elements; a recording whose channel label and annotation are hostile and whose header names
// a person: the texts are inert, the identity appears only with --show-identifiers; and the
// command's usage and file errors.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/demo_patient_support.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/edf_writer.hpp"
#include "support/flip_byte.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

void expect_self_contained(const std::string& html) {
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_EQ(count(html, "src=\"http") + count(html, "href=\"http") + count(html, "url(http"), 0u);
}

TEST(ReportCli, DemoPatientFollowupAndRelapseReports) {
  const fs::path dir = shared_demo_followup();
  const fs::path out = dir / "out";
  const auto printed = read_text((dir / "followup.stdout").string());
  EXPECT_NE(printed.find("DEMO-ICANS-01.followup.html and 8 recording report(s)"),
            std::string::npos)
      << printed;
  const auto followup = read_text((out / "DEMO-ICANS-01.followup.html").string());
  expect_self_contained(followup);
  for (const char* id : {"id=\"course-figure\"", "id=\"flag-table\"", "id=\"recording-table\"",
                         "id=\"episode-table\"", "id=\"treatment-table\"", "id=\"provenance\""})
    EXPECT_NE(followup.find(id), std::string::npos) << id;
  EXPECT_NE(followup.find("DEMO-ICANS-01"), std::string::npos);
  EXPECT_NE(followup.find("SIMULATED patient"), std::string::npos);
  EXPECT_NE(followup.find("Days after infusion"), std::string::npos);
  // Every recording in the table, linked to its report, with a CDSA thumbnail.
  for (const char* label :
       {"pre-infusion baseline", "day 14 coma", "day 40 relapse", "day 70 follow-up"})
    EXPECT_NE(followup.find(label), std::string::npos) << label;
  EXPECT_NE(followup.find("href=\"recordings/d40.report.html\""), std::string::npos);
  EXPECT_EQ(count(followup, "class=\"thumb\"><svg"), 8u);
  // Treatments with names and doses; the flags with their days; the EEG support of grade >= 3.
  for (const char* text : {"methylprednisolone", "100 mg q6h", "levetiracetam",
                           "lateralized_matches_sign", "EEG supports grade &gt;= 3"})
    EXPECT_NE(followup.find(text), std::string::npos) << text;
  EXPECT_EQ(followup.find("id=\"identity\""), std::string::npos);

  const auto d40 = read_text((out / "recordings" / "d40.report.html").string());
  expect_self_contained(d40);
  for (const char* id :
       {"id=\"summary\"", "id=\"summary-pdr\"", "id=\"cdsa-figure\"", "id=\"band-trend-figure\"",
        "id=\"asymmetry-figure\"", "id=\"head-map-delta\"", "id=\"head-map-spikes\"",
        "id=\"event-table\"", "id=\"page-1\"", "id=\"channel-table\"", "id=\"provenance\""})
    EXPECT_NE(d40.find(id), std::string::npos) << id;
  // The relapse: one seizure with its own EEG page (the first), LPD pages, the left focus.
  EXPECT_NE(d40.find("<strong>Seizure 1</strong>"), std::string::npos);
  EXPECT_NE(d40.find("<strong>LPD 1</strong>"), std::string::npos);
  // Delta beside the normal 10.6-Hz PDR is noted, not graded; the left focus is reported.
  EXPECT_NE(d40.find("none, focal (left temporal)"), std::string::npos);
  EXPECT_NE(d40.find("longitudinal bipolar (double banana)"), std::string::npos);
  EXPECT_NE(d40.find("Fp1-F7"), std::string::npos);  // a trace of the page
  EXPECT_NE(d40.find(" µV<"), std::string::npos);    // its scale bar
  EXPECT_NE(d40.find("href=\"../DEMO-ICANS-01.followup.html\""), std::string::npos);
  // Every number with what produced it: the parameters and the input's SHA-256.
  const auto summary =
      nlohmann::json::parse(read_text((out / "recordings" / "d40.summary.json").string()));
  EXPECT_NE(d40.find(summary["recording"]["sha256"].get<std::string>()), std::string::npos);
  EXPECT_NE(d40.find("artifacts.amplitude_limit_uv"), std::string::npos);
  // Pseudonymous by default: the header's patient field is not shown.
  EXPECT_EQ(d40.find("id=\"identity\""), std::string::npos);
  EXPECT_EQ(d40.find("simulated demo patient, not patient data"), std::string::npos);

  // The same reports through `eegtrack report`, identity on request.
  const fs::path mine = scratch_dir();  // what this test writes; the demo is shared
  const fs::path html = mine / "again.html";
  const auto again =
      run_cli({"report", (out / "recordings" / "d40.summary.json").string(), "--edf",
               (dir / "eeg" / "d40.edf").string(), "-o", html.string(), "--show-identity"});
  ASSERT_EQ(again.exit_status, 0) << again.err;
  const auto shown = read_text(html.string());
  EXPECT_NE(shown.find("id=\"identity\""), std::string::npos);
  EXPECT_NE(shown.find("simulated demo patient, not patient data"), std::string::npos);
  const auto from_dir = run_cli({"report", out.string(), "-o", (mine / "fu.html").string()});
  ASSERT_EQ(from_dir.exit_status, 0) << from_dir.err;
  EXPECT_NE(read_text((mine / "fu.html").string()).find("id=\"course-figure\""), std::string::npos);
}

// The CHB-MIT seizure clip rewritten by EDFlib with a person's name and code in its header, a
// hostile label on one channel and a hostile annotation inside the seizure's EEG page.
fs::path hostile_recording(const fs::path& dir) {
  const io::EdfReader reader(sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf");
  const auto& header = reader.header();
  std::vector<io::WriteSignal> signals;
  std::vector<int> indices;
  for (const int s : header.data_signals()) {
    const auto& info = header.signals[static_cast<std::size_t>(s)];
    io::WriteSignal w;
    w.label = indices.size() == 20 ? "<script>&\"x" : info.label;
    w.physical_min = info.physical_min;
    w.physical_max = info.physical_max;
    w.digital_min = info.digital_min;
    w.digital_max = info.digital_max;
    w.samples_per_record = info.samples_per_record;
    signals.push_back(w);
    indices.push_back(s);
  }
  const auto chunks = reader.read_window(indices, 0.0, reader.duration_s());
  std::vector<std::vector<double>> samples;
  for (const auto& s : chunks.at(0).signals)
    samples.push_back(s.samples);
  io::WriteParams params;
  params.start = header.start;
  params.patient_code = "MRN-12345";
  params.patient_name = "Doe_Jane";
  const io::Annotation notes[] = {{3.0, 0.0, "<script>alert(\"x&y\")</script>"}};
  const fs::path path = dir / "hostile.edf";
  io::write_edf(path, params, signals, samples, notes);
  return path;
}

TEST(ReportCli, HostileTextsAreInertAndIdentityOnlyOnRequest) {
  const fs::path dir = scratch_dir();
  const fs::path edf = hostile_recording(dir);
  const auto r = run_cli({"analyze", edf.string(), "-o", (dir / "out").string(), "--report"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto html = read_text((dir / "out" / "hostile.report.html").string());
  expect_self_contained(html);
  EXPECT_EQ(html.find("alert(\"x"), std::string::npos);
  // The annotation on the seizure's page, de-identified by default (docs/robustness.md), and
  // the label in the montage warning, as text.
  EXPECT_NE(html.find("&lt;[word]&gt;[word](&quot;[word]&quot;)&lt;/[word]&gt;"), std::string::npos)
      << html;
  EXPECT_NE(html.find("&lt;script&gt;&amp;&quot;x"), std::string::npos);
  EXPECT_NE(html.find("<strong>Seizure 1</strong>"), std::string::npos);
  // No identity by default, anywhere.
  for (const char* who : {"Doe_Jane", "Doe Jane", "MRN-12345", "id=\"identity\""})
    EXPECT_EQ(html.find(who), std::string::npos) << who;

  const fs::path shown_path = dir / "shown.html";
  const auto shown_run =
      run_cli({"report", (dir / "out" / "hostile.summary.json").string(), "--edf", edf.string(),
               "--show-identifiers", "-o", shown_path.string()});
  ASSERT_EQ(shown_run.exit_status, 0) << shown_run.err;
  const auto shown = read_text(shown_path.string());
  EXPECT_NE(shown.find("id=\"identity\""), std::string::npos);
  EXPECT_NE(shown.find("Doe Jane"), std::string::npos);
  EXPECT_NE(shown.find("MRN-12345"), std::string::npos);
  // With --show-identifiers the annotation text is shown as recorded, escaped.
  EXPECT_NE(shown.find("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;"),
            std::string::npos);
  expect_self_contained(shown);

  // Identity needs the recording; another recording is refused by its hash.
  const auto no_edf = run_cli({"report", (dir / "out" / "hostile.summary.json").string(),
                               "--show-identity", "-o", (dir / "x.html").string()});
  EXPECT_EQ(no_edf.exit_status, 2);
  EXPECT_NE(no_edf.err.find("--edf"), std::string::npos) << no_edf.err;
  const auto other = run_cli({"report", (dir / "out" / "hostile.summary.json").string(), "--edf",
                              (sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf").string(),
                              "-o", (dir / "y.html").string()});
  EXPECT_EQ(other.exit_status, 1);
  EXPECT_NE(other.err.find("eegmat_Subject00_1_rest_eyes_closed.edf"), std::string::npos)
      << other.err;
  EXPECT_NE(other.err.find("SHA-256"), std::string::npos) << other.err;
  // Without the recording: the report still comes, and says how to get the EEG pages.
  const auto bare = run_cli({"report", (dir / "out" / "hostile.summary.json").string(), "-o",
                             (dir / "bare.html").string()});
  ASSERT_EQ(bare.exit_status, 0) << bare.err;
  EXPECT_NE(read_text((dir / "bare.html").string()).find("EEG pages need the recording"),
            std::string::npos);
}

TEST(ReportCli, PdfWithoutChromiumSaysHowToInstallIt) {
  const fs::path dir = scratch_dir();
  const auto analysed =
      run_cli({"analyze", (sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf").string(), "-o",
               dir.string()});
  ASSERT_EQ(analysed.exit_status, 0) << analysed.err;
  // An EEGTRACK_CHROMIUM that is not there stands for a machine without Chromium.
  const auto r = run_program(
      "/usr/bin/env", {"EEGTRACK_CHROMIUM=" + (dir / "no-chromium").string(), cli_path().string(),
                       "report", (dir / "chbmit_chb01_03_seizure_2995-3036s.summary.json").string(),
                       "-o", (dir / "x.html").string(), "--pdf", (dir / "x.pdf").string()});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("apt-get install chromium"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::exists(dir / "x.html"));  // the HTML report is written all the same
  EXPECT_FALSE(fs::exists(dir / "x.pdf"));
}

TEST(ReportCli, UsageAndFileErrors) {
  const fs::path dir = scratch_dir();
  const auto missing =
      run_cli({"report", (dir / "nothing.summary.json").string(), "-o", (dir / "x.html").string()});
  EXPECT_EQ(missing.exit_status, 1);
  EXPECT_NE(missing.err.find("nothing.summary.json"), std::string::npos) << missing.err;
  const auto empty_dir = run_cli({"report", dir.string(), "-o", (dir / "x.html").string()});
  EXPECT_EQ(empty_dir.exit_status, 2);
  EXPECT_NE(empty_dir.err.find("name the one to report"), std::string::npos) << empty_dir.err;
  const auto no_output = run_cli({"report", dir.string()});
  EXPECT_EQ(no_output.exit_status, 2);
  std::ofstream(dir / "broken.followup.json") << "{\"followup_layout_version\": \"1.0\"}";
  const auto broken =
      run_cli({"report", (dir / "broken.followup.json").string(), "-o", (dir / "x.html").string()});
  EXPECT_EQ(broken.exit_status, 1);
  EXPECT_NE(broken.err.find("broken.followup.json: assessments: missing"), std::string::npos)
      << broken.err;
}

// A feature store that is not the one its run wrote (a flipped byte) is never handed to libhdf5,
// which can spend unbounded memory or time on a corrupt store (docs/robustness.md): the report
// is written without the per-epoch figures and says why.
TEST(ReportCli, StoreThatDiffersFromItsManifestIsNotRead) {
  const fs::path dir = scratch_dir();
  const auto edf = eeg_path("sample/chbmit_chb01_03_interictal_0-41s.edf");
  ASSERT_EQ(run_cli({"analyze", edf.string(), "-o", dir.string(), "--no-detect"}).exit_status, 0);
  const auto summary = dir / "chbmit_chb01_03_interictal_0-41s.summary.json";
  const auto store = dir / "chbmit_chb01_03_interictal_0-41s.h5";
  const auto intact = run_cli({"report", summary.string(), "-o", (dir / "intact.html").string()});
  ASSERT_EQ(intact.exit_status, 0) << intact.err;
  EXPECT_EQ(read_text((dir / "intact.html").string()).find("not read"), std::string::npos);

  flip_middle_byte(store);
  const auto corrupt = run_cli({"report", summary.string(), "-o", (dir / "corrupt.html").string()});
  ASSERT_EQ(corrupt.exit_status, 0) << corrupt.err;
  const auto html = read_text((dir / "corrupt.html").string());
  EXPECT_NE(html.find("chbmit_chb01_03_interictal_0-41s.h5 not read"), std::string::npos);
  EXPECT_NE(html.find("differs from the one its run wrote"), std::string::npos);
}

}  // namespace
}  // namespace eegtrack::test

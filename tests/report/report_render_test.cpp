// Both reports rendered from hand-built inputs whose every file-derived text is hostile: no
// markup gets through, the page forbids scripts and network access, the key elements are
// there, and identity appears only when it is given.
#include <gtest/gtest.h>

#include <cmath>
#include <utility>

#include "eegtrack/findings/adult_limits.hpp"
#include "eegtrack/report/followup_report.hpp"
#include "eegtrack/report/html_page.hpp"
#include "eegtrack/report/recording_report.hpp"

namespace eegtrack::report {
namespace {

const std::string kHostile = "<script>alert('x')</script>\"&";

findings::RecordingFindings hostile_findings() {
  findings::RecordingFindings f;
  f.recording = {1000, std::string(64, 'a'), "EDF+C", 60.0, "0.1.0"};
  f.time.start = "2026-02-14T11:00:00";
  f.sample_rate_hz = 256.0;
  f.parameters = {{"epoch_s", 4.0}, {"method", "welch"}, {kHostile, kHostile}};
  f.quality.n_epochs = 15;
  f.quality.n_clean_epochs = 15;
  f.quality.clean_fraction = 1.0;
  f.quality.channels = {{"T7-avg", sites::Region::Temporal, sites::Side::Left, 0.0},
                        {kHostile, std::nullopt, std::nullopt, 0.5}};
  f.quality.bad_channels = {kHostile};
  f.background.pdr_absent_reason = kHostile;
  f.background.band_powers = {{"delta", 0.4, 10.0}, {kHostile, 0.1, 1.0}};
  f.warnings = {kHostile};
  detect::Event e;
  e.type = detect::EventType::Seizure;
  e.onset_s = 20.0;
  e.duration_s = 15.0;
  e.channels = {kHostile};
  e.focus = kHostile;
  e.modifiers = kHostile;
  f.events = {e};
  f.epileptiform.analysed_s = 60.0;  // the 15 epochs of 4 s
  f.epileptiform.seizures.seizure_count = 1;
  return f;
}

findings::RecordingTrends small_trends() {
  findings::RecordingTrends t;
  t.layout_version = "2.0";
  t.epoch_s = 4.0;
  for (int i = 0; i < 15; ++i) {
    t.onset_s.push_back(4.0 * i);
    t.segment.push_back(0);
    t.clean.push_back(i == 7 ? 0 : 1);
    t.rejected_fraction.push_back(i == 7 ? 0.8 : 0.0);
    t.bsr.push_back(0.0);
    t.bsi.push_back(0.1);
    t.slow_asymmetry.push_back(-0.2);
  }
  t.bands = {{"delta", std::vector<double>(15, 0.4)}, {"alpha", std::vector<double>(15, 0.6)}};
  t.spectrogram_time_s = {16.0, 48.0};
  t.spectrogram_frequencies_hz = {0.0, 0.5, 1.0, 1.5, 2.0};
  t.spectrogram_window_s = 32.0;
  t.spectrograms = {{std::nullopt, 2, std::vector<double>(10, 3.0)},
                    {sites::Region::Temporal, 1, {1, 2, 3, 4, 5, NAN, 7, 8, 9, 10}}};
  t.channel_relative_delta = {{"T7-avg", 0.4}, {kHostile, 0.2}};
  return t;
}

// The recording report's input as most tests start from it: the hostile findings of a file x.edf.
RecordingReportInput report_input() {
  RecordingReportInput in;
  in.findings = hostile_findings();
  in.file_name = "x.edf";
  return in;
}

void expect_inert(const std::string& html) {
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("alert('x')"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;"),
            std::string::npos);
  EXPECT_NE(html.find(std::string(kContentSecurityPolicy)), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  // Self-contained: nothing is fetched from anywhere.
  for (const char* fetch : {"src=\"http", "href=\"http", "url(http", "@import"})
    EXPECT_EQ(html.find(fetch), std::string::npos) << fetch;
}

TEST(RecordingReport, HostileTextsStayTextAndKeyElementsArePresent) {
  RecordingReportInput in;
  in.findings = hostile_findings();
  in.file_name = kHostile + ".edf";
  in.subject = kHostile;
  in.label = kHostile;
  in.trends = small_trends();
  EegPage page;
  page.request = {0, 18.0, 10.0, "Seizure 1"};
  page.traces.start_s = 18.0;
  page.traces.duration_s = 10.0;
  page.traces.sample_rate_hz = 10.0;
  page.traces.labels = {kHostile};
  page.traces.samples_uv = {std::vector<double>(100, 1.0)};
  page.traces.annotations = {{19.0, 0.0, kHostile}};
  page.traces.montage = kHostile;
  in.pages = {page};
  const auto html = render_recording_report(in);
  expect_inert(html);
  for (const char* id :
       {"id=\"report-header\"", "id=\"summary\"", "id=\"summary-pdr\"", "id=\"cdsa-figure\"",
        "id=\"band-trend-figure\"", "id=\"asymmetry-figure\"", "id=\"head-map-delta\"",
        "id=\"head-map-spikes\"", "id=\"event-table\"", "id=\"page-1\"", "id=\"channel-table\"",
        "id=\"provenance\""})
    EXPECT_NE(html.find(id), std::string::npos) << id;
  EXPECT_NE(html.find("href=\"#page-1\""), std::string::npos);  // the event table links its page
  EXPECT_EQ(html.find("id=\"identity\""), std::string::npos);
  in.identity =
      Identity{"Jane Doe", "01-JAN-1950", "MRN-42", "F", "MRN-42 F 01-JAN-1950 Jane_Doe", ""};
  const auto shown = render_recording_report(in);
  EXPECT_NE(shown.find("id=\"identity\""), std::string::npos);
  EXPECT_NE(shown.find("Jane Doe"), std::string::npos);
  EXPECT_NE(shown.find("01-JAN-1950"), std::string::npos);
  EXPECT_EQ(html.find("Jane Doe"), std::string::npos);
}

TEST(RecordingReport, WithoutPerEpochDataOrRecordingItSaysWhy) {
  RecordingReportInput in = report_input();
  in.trends_note = "No feature store x.h5 beside the summary";
  in.pages_note = "EEG pages need the recording";
  const auto html = render_recording_report(in);
  EXPECT_NE(html.find("No feature store x.h5 beside the summary"), std::string::npos);
  EXPECT_NE(html.find("EEG pages need the recording"), std::string::npos);
  EXPECT_EQ(html.find("id=\"cdsa-figure\""), std::string::npos);
}

// A recording analysed as recorded (outputs: montage_used "referential") may be bipolar, as
// every CHB-MIT recording is: the report must not call its montage referential.
TEST(RecordingReport, MontageAsRecordedIsNotCalledReferential) {
  RecordingReportInput in = report_input();
  in.trends = small_trends();
  in.findings.montage_used = io::MontageKind::Referential;
  const auto as_recorded = render_recording_report(in);
  EXPECT_EQ(as_recorded.find("ontage referential"), std::string::npos);
  EXPECT_NE(as_recorded.find("montage as recorded, "), std::string::npos);  // summary box
  EXPECT_NE(as_recorded.find("Montage as recorded.</figcaption>"), std::string::npos);  // CDSA
  EXPECT_NE(as_recorded.find("; montage as recorded."), std::string::npos);  // provenance
  in.findings.montage_used = io::MontageKind::Average;
  const auto average = render_recording_report(in);
  EXPECT_NE(average.find("Montage average.</figcaption>"), std::string::npos);
  EXPECT_EQ(average.find("as recorded"), std::string::npos);
}

// The summary marks the same values abnormal as the follow-up's adult limits
// (docs/normal-limits.md): an index of 0.12 lies within the healthy recordings' range, 0.2 not.
TEST(RecordingReport, SummaryMarksValuesBeyondTheAdultLimits) {
  RecordingReportInput in = report_input();
  in.findings.slowing = findings::Slowing{};
  const auto marked = [&](const char* id) {
    const auto html = render_recording_report(in);
    const auto box = html.find(std::string("id=\"") + id + "\"");
    EXPECT_NE(box, std::string::npos) << id;
    const std::string abnormal = "class=\"value abnormal\"";
    return html.compare(html.find("class=\"value", box), abnormal.size(), abnormal) == 0;
  };
  in.findings.background.encephalopathy_index = 0.12;
  EXPECT_FALSE(marked("summary-index"));
  in.findings.background.encephalopathy_index = findings::kAdultMaxEncephalopathyIndex;
  EXPECT_FALSE(marked("summary-index"));
  in.findings.background.encephalopathy_index = 0.2;
  EXPECT_TRUE(marked("summary-index"));
  in.findings.background.pdr = findings::PosteriorRhythm{};
  in.findings.background.pdr->frequency_hz = findings::kAdultMinPdrHz;
  EXPECT_FALSE(marked("summary-pdr"));
  in.findings.background.pdr->frequency_hz = 7.9;
  EXPECT_TRUE(marked("summary-pdr"));
  // Slowing: a grade, or a focus without a diffuse grade ("none, focal").
  EXPECT_FALSE(marked("summary-slowing"));
  in.findings.slowing->distribution = features::SlowingDistribution::Focal;
  EXPECT_TRUE(marked("summary-slowing"));
  in.findings.slowing->distribution = features::SlowingDistribution::None;
  in.findings.slowing->grade = features::SlowingGrade::Mild;
  EXPECT_TRUE(marked("summary-slowing"));
}

// A recording without left and right channels has no asymmetry and no BSI: their panels say
// so instead of showing an empty frame that could be read as zero.
TEST(RecordingReport, PanelsWithoutAValueSaySo) {
  RecordingReportInput in = report_input();
  in.trends = small_trends();
  const auto count = [](const std::string& html) {
    std::size_t n = 0;
    for (auto at = html.find(">no value in this recording<"); at != std::string::npos;
         at = html.find(">no value in this recording<", at + 1))
      ++n;
    return n;
  };
  EXPECT_EQ(count(render_recording_report(in)), 0U);
  in.trends->slow_asymmetry.assign(in.trends->size(), NAN);
  in.trends->bsi.assign(in.trends->size(), NAN);
  EXPECT_EQ(count(render_recording_report(in)), 2U);  // the asymmetry and the BSI panels
}

TEST(RecordingReport, ContinuityReadsInAcnsWords) {
  RecordingReportInput in = report_input();
  const std::pair<features::ContinuityClass, const char*> cases[] = {
      {features::ContinuityClass::Continuous, "continuous"},
      {features::ContinuityClass::NearlyContinuous, "nearly continuous"},
      {features::ContinuityClass::Discontinuous, "discontinuous"},
      {features::ContinuityClass::BurstSuppression, "burst-suppression"},
      {features::ContinuityClass::Suppression, "suppression"}};
  for (const auto& [kind, words] : cases) {
    in.findings.continuity.classification = kind;
    const auto html = render_recording_report(in);
    const auto box = html.find("id=\"summary-continuity\"");
    ASSERT_NE(box, std::string::npos);
    const auto value = html.find('>', html.find("class=\"value", box)) + 1;
    EXPECT_EQ(html.substr(value, html.find("</div>", value) - value), words);
  }
}

// Under the minimum for rates a pattern gets its share of the time, not "insufficient (39 %)",
// and the box says why there is no ACNS prevalence; over it, the category and the share.
TEST(RecordingReport, PatternsOfAShortRecordGiveTheirShareWithoutACategory) {
  RecordingReportInput in = report_input();
  in.findings.parameters["detection"] = {{"min_analysed_for_rates_s", 600.0}};
  in.findings.epileptiform.analysed_s = 300.0;
  detect::PatternPrevalence lpd;
  lpd.type = detect::EventType::LPD;
  lpd.episodes = 6;
  lpd.fraction = 0.39;
  lpd.prevalence = detect::PrevalenceCategory::Insufficient;
  in.findings.epileptiform.patterns = {lpd};
  const auto short_one = render_recording_report(in);
  EXPECT_NE(short_one.find("LPD 39 % of the time (no ACNS 2021 prevalence in 5 min 00 s: it "
                           "needs 10 min 00 s or more)"),
            std::string::npos);
  const auto box = short_one.find("id=\"summary-patterns\"");
  ASSERT_NE(box, std::string::npos);
  EXPECT_EQ(short_one.substr(box, short_one.find("</div></div>", box) - box).find("insufficient"),
            std::string::npos);  // the spike-rate box may say it, not this one
  in.findings.epileptiform.analysed_s = 3600.0;
  in.findings.epileptiform.patterns.front().prevalence = detect::PrevalenceCategory::Frequent;
  const auto long_one = render_recording_report(in);
  EXPECT_NE(long_one.find("LPD frequent (39 % of the time) (ACNS 2021 prevalence)"),
            std::string::npos);
}

// Without detection the spike, seizure and pattern boxes say so: "none" would claim that the
// recording was searched. The reason comes from the parameters, else the detectors' warning.
TEST(RecordingReport, BoxesOfDetectorsThatDidNotRunSayNotAnalysed) {
  RecordingReportInput in = report_input();
  const auto value_of = [](const std::string& html, const std::string& id) {
    const auto box = html.find("id=\"" + id + "\"");
    if (box == std::string::npos)
      return std::string("no box");
    const auto value = html.find('>', html.find("class=\"value", box)) + 1;
    return html.substr(value, html.find("</div>", value) - value);
  };
  in.findings.epileptiform.seizures.seizure_count = 0;
  std::string html = render_recording_report(in);
  EXPECT_EQ(value_of(html, "summary-seizures"), "none");
  EXPECT_EQ(value_of(html, "summary-patterns"), "none");

  in.findings.epileptiform.analysed_s = 0.0;
  in.findings.parameters["detection"] = {{"enabled", false}};
  html = render_recording_report(in);
  for (const char* id : {"summary-spikes", "summary-seizures", "summary-patterns"})
    EXPECT_EQ(value_of(html, id), "not analysed") << id;
  EXPECT_NE(html.find("epileptiform detection was not run (--no-detect)"), std::string::npos);

  in.findings.parameters["detection"] = {{"enabled", true}};
  in.findings.epileptiform.warnings = {"IED detector: no scalp channel (0)"};
  html = render_recording_report(in);
  EXPECT_EQ(value_of(html, "summary-seizures"), "not analysed");
  EXPECT_NE(html.find("IED detector: no scalp channel (0)"), std::string::npos);
}

TEST(RecordingReport, ChannelTableNotesBadChannelsOnlyWhenThereAreAny) {
  RecordingReportInput in = report_input();  // its second channel is bad
  const auto flagged = render_recording_report(in);
  EXPECT_NE(flagged.find("<th>note</th>"), std::string::npos);
  EXPECT_NE(flagged.find("<td>bad channel</td>"), std::string::npos);
  in.findings.quality.bad_channels.clear();
  const auto clean = render_recording_report(in);
  EXPECT_EQ(clean.find("<th>note</th>"), std::string::npos);
  EXPECT_EQ(clean.find("<th></th>"), std::string::npos);
  EXPECT_EQ(clean.find("bad channel"), std::string::npos);
  EXPECT_NE(clean.find("<th>rejected epochs (%)</th></tr>"), std::string::npos);
}

TEST(RecordingReport, SeizureBurdenReadsAsTimeOfTheAnalysisOrOfTheWorstHour) {
  RecordingReportInput in = report_input();
  auto& seizures = in.findings.epileptiform.seizures;
  seizures.longest_seizure_s = 15.0;
  seizures.seizure_burden_max_min_per_h = 0.25;  // 15 s of seizure in a 40-s analysis
  in.findings.epileptiform.burden_window_s = 40.0;
  const auto short_one = render_recording_report(in);
  EXPECT_NE(short_one.find("burden 15 s of the 40 s analysed"), std::string::npos);
  EXPECT_EQ(short_one.find("in the worst"), std::string::npos);
  seizures.seizure_burden_max_min_per_h = 8.0;  // four 2-min seizures within one hour
  in.findings.epileptiform.burden_window_s = 3600.0;
  const auto long_one = render_recording_report(in);
  EXPECT_NE(long_one.find("burden 8.0 min in the worst hour"), std::string::npos);
}

TEST(FollowupReport, HostileCourseFieldsStayText) {
  FollowupReportInput in;
  auto& d = in.data;
  d.layout_version = "1.0";
  d.patient = kHostile;
  d.infusion = kHostile;
  d.product = kHostile;
  d.assessments = {{-4.0, "", 0, 0, false, kHostile},
                   {14.0, "", 4, 0, false, ""},
                   {15.0, "", std::nullopt, 0, true, ""}};
  d.treatments = {{kHostile, 100.0, kHostile, kHostile, 6.0, 14.0, 17.0}};
  d.labs = {{3.0, 1.8, 5.5, 45.0}};
  d.car_t = {{7.0, 120.0, kHostile}};
  d.episodes = {{"ICANS", 13.9, 4, 13.9, 19.0, false, 30.0, kHostile}};
  RecordingRow r;
  r.label = kHostile;
  r.file = kHostile;
  r.day = 14.3;
  r.index = {0.49, 0.48, 0.5};
  r.pdr_absent_reason = kHostile;
  r.abnormal = {kHostile};
  r.unknown = {kHostile};
  r.verdict = kHostile;  // a hand-built row; files are checked on reading
  r.patterns = {{kHostile, 2}};
  d.recordings = {r};
  d.flags = {{14.2, kHostile, kHostile, {kHostile}}};
  d.parameters = {{kHostile, kHostile}};
  in.trends = {small_trends()};
  in.recording_links = {kHostile};
  const auto html = render_followup_report(in);
  expect_inert(html);
  for (const char* id : {"id=\"course-figure\"", "id=\"flag-table\"", "id=\"recording-table\"",
                         "id=\"episode-table\"", "id=\"treatment-table\"", "id=\"provenance\""})
    EXPECT_NE(html.find(id), std::string::npos) << id;
  EXPECT_NE(html.find("Days after infusion"), std::string::npos);
  EXPECT_EQ(html.find("id=\"identity\""), std::string::npos);
}

}  // namespace
}  // namespace eegtrack::report

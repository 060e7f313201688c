// The follow-up report's recordings table and course figure from hand-built rows: the focus of
// slowing, events of recordings without detection, and the three verdicts.
#include "eegtrack/report/followup_report.hpp"

#include <gtest/gtest.h>

namespace eegtrack::report {
namespace {

// The recordings table names the focus of slowing as the verdict's reasons do; a file written
// before the region was a field gives the side alone.
TEST(FollowupReport, SlowingNamesTheFocusSideAndRegion) {
  FollowupReportInput in;
  in.data.layout_version = "1.0";
  RecordingRow r;
  r.label = "day 40";
  r.day = 40.0;
  r.slowing_grade = "none";
  r.slowing_distribution = "focal";
  r.slowing_side = "left";
  r.slowing_region = "temporal";
  in.data.recordings = {r};
  EXPECT_NE(render_followup_report(in).find("<td>none, focal (left temporal)</td>"),
            std::string::npos);
  in.data.recordings[0].slowing_region.clear();
  EXPECT_NE(render_followup_report(in).find("<td>none, focal (left)</td>"), std::string::npos);
}

// A recording whose detectors did not run has unknown events, not none.
TEST(FollowupReport, EventsOfARecordingWithoutDetectionAreNotNone) {
  FollowupReportInput in;
  in.data.layout_version = "1.0";
  in.data.recordings = {RecordingRow{}};
  EXPECT_NE(render_followup_report(in).find("<td>none</td>"), std::string::npos);
  in.data.recordings[0].detected = false;
  in.data.parameters["analysis"]["detection"]["enabled"] = false;
  const auto html = render_followup_report(in);
  EXPECT_EQ(html.find("<td>none</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>not analysed (--no-detect)</td>"), std::string::npos);
  // Detection on, but nothing it could read (every epoch flat, clipped or popping).
  in.data.parameters["analysis"]["detection"]["enabled"] = true;
  EXPECT_NE(
      render_followup_report(in).find("<td>not analysed (nothing the detectors could read)</td>"),
      std::string::npos);
  // A file without its parameters gives no reason.
  in.data.parameters = nlohmann::json::object();
  EXPECT_NE(render_followup_report(in).find("<td>not analysed</td>"), std::string::npos);
}

// Nothing abnormal but detection not run: the verdict is "undetermined" with what was not
// judged beneath it, the row is not marked as abnormal, and the figure draws a grey marker that
// its legend names (only then).
TEST(FollowupReport, AnUndeterminedVerdictIsNeitherNormalNorAbnormal) {
  FollowupReportInput in;
  in.data.layout_version = "1.1";
  RecordingRow r;
  r.label = "day 30";
  r.day = 30.0;
  r.index = {0.05, 0.03, 0.07};
  r.verdict = "abnormal";
  r.abnormal = {"PDR absent"};
  in.data.recordings = {r};
  const auto abnormal = render_followup_report(in);
  EXPECT_NE(abnormal.find("<tr class=\"flagged\">"), std::string::npos);
  EXPECT_EQ(abnormal.find("EEG undetermined"), std::string::npos);

  in.data.recordings[0].verdict = "undetermined";
  in.data.recordings[0].abnormal.clear();
  in.data.recordings[0].unknown = {"epileptiform detection not run"};
  const auto html = render_followup_report(in);
  EXPECT_NE(html.find("<span class=\"undetermined\">undetermined</span><br><span "
                      "class=\"note\">epileptiform detection not run</span>"),
            std::string::npos);
  EXPECT_EQ(html.find("<tr class=\"flagged\">"), std::string::npos);
  EXPECT_NE(html.find("class=\"eeg-undetermined\""), std::string::npos);
  EXPECT_NE(html.find("EEG undetermined"), std::string::npos);
  EXPECT_NE(html.find("day 30 (day 30.0): 0.05, undetermined"), std::string::npos);
}

// A course without treatments says so under its heading instead of an empty section.
TEST(FollowupReport, ACourseWithoutTreatmentsSaysSo) {
  FollowupReportInput in;
  in.data.layout_version = "1.1";
  const std::string note =
      "<h2>Treatments</h2><p class=\"note\">No treatment in the course file.</p>";
  EXPECT_NE(render_followup_report(in).find(note), std::string::npos);
  in.data.treatments = {{"anakinra", 100.0, "mg", "sc", 6.0, 14.0, 17.0}};
  const auto html = render_followup_report(in);
  EXPECT_EQ(html.find(note), std::string::npos);
  EXPECT_NE(html.find("<td>anakinra</td>"), std::string::npos);
}

}  // namespace
}  // namespace eegtrack::report

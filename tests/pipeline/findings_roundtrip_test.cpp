// The findings of a recording survive being written and read back: analyze -> findings ->
// summary.json and .h5 -> read_findings -> the same findings, field by field.
#include <gtest/gtest.h>

#include <fstream>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/findings_builder.hpp"
#include "eegtrack/pipeline/hdf5_store.hpp"
#include "eegtrack/pipeline/read_findings.hpp"
#include "eegtrack/pipeline/summary_json.hpp"
#include "findings_compare.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;

struct Written {
  findings::RecordingFindings findings;
  fs::path json;
  fs::path h5;
};

// What `eegtrack analyze` does for one file.
Written analyze_and_write(const fs::path& edf, const fs::path& outdir) {
  const io::EdfReader reader(edf);
  const AnalyzeParams params;
  Written w;
  w.h5 = outdir / (edf.stem().string() + ".h5");
  w.json = outdir / (edf.stem().string() + ".summary.json");
  Hdf5Store store(w.h5);
  const auto analysis = analyze_recording(reader, params, &store);
  const auto provenance = recording_provenance(reader);
  w.findings = make_findings(analysis, params, provenance);
  const auto summary = summary_json(w.findings, provenance.file_name);
  store.finish(analysis, params, provenance, summary);
  std::ofstream(w.json) << summary.dump(2) << '\n';
  return w;
}

void expect_round_trip(const fs::path& edf) {
  const auto w = analyze_and_write(edf, test::scratch_dir());
  {
    SCOPED_TRACE("summary.json");
    test::expect_same_findings(w.findings, read_findings(w.json));
  }
  {
    SCOPED_TRACE(".h5");
    test::expect_same_findings(w.findings, read_findings_h5(w.h5));
  }
  // Writing what was read gives the same document.
  EXPECT_EQ(summary_json(read_findings(w.json), edf.filename().string()),
            summary_json(w.findings, edf.filename().string()));
}

TEST(FindingsRoundTrip, BundledSampleThroughJsonAndHdf5) {
  const auto edf = test::sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf";
  const auto w = analyze_and_write(edf, test::scratch_dir());
  const auto back = read_findings(w.json);
  test::expect_same_findings(w.findings, back);
  test::expect_same_findings(w.findings, read_findings_h5(w.h5));
  // The content itself, not only its agreement: a healthy adult at rest.
  EXPECT_EQ(back.recording.file_type, "EDF+C");
  EXPECT_EQ(back.recording.sha256.size(), 64u);
  ASSERT_EQ(back.time.segments.size(), 1u);
  EXPECT_DOUBLE_EQ(back.time.segments[0].duration_s, 182.0);
  ASSERT_TRUE(back.background.pdr);
  EXPECT_NEAR(back.background.pdr->frequency_hz, 10.68, 0.01);
  ASSERT_TRUE(back.slowing);
  EXPECT_EQ(back.slowing->grade, features::SlowingGrade::None);
  EXPECT_EQ(back.quality.n_epochs, 45u);
  ASSERT_NE(findings::find_band(back.background.band_powers, "alpha"), nullptr);
  EXPECT_GT(*findings::find_band(back.background.band_powers, "alpha")->relative, 0.5);
}

// Recordings with a seizure, periodic discharges and BIRDs fill the epileptiform findings.
TEST(FindingsRoundTrip, RecordingsWithEvents) {
  for (const char* name : {"chbmit_chb01_03_ictal.edf", "chbmit_chb02_16_ictal.edf"}) {
    const auto edf = test::shared_eeg_dir() / "chbmit" / name;
    EEGTRACK_REQUIRE_FILE(edf);
    SCOPED_TRACE(name);
    expect_round_trip(edf);
  }
}

// Every optional branch of the model: gaps, no PDR, focal slowing, a focus, events with
// absent values, an ungraded recording.
TEST(FindingsRoundTrip, AbsentValuesGapsAndFocalSlowing) {
  const auto edf = test::sample_dir() / "eegmat_Subject00_1_rest_eyes_closed.edf";
  auto f = analyze_and_write(edf, test::scratch_dir()).findings;
  f.time.segments = {{0.0, 60.0}, {100.0, 82.0}};
  f.background.pdr.reset();
  f.background.pdr_confidence = 0.0;
  f.background.slower_rhythm_dominates = true;
  f.background.bsi.reset();
  f.regions.front().asymmetry.reset();
  f.slowing->grade = features::SlowingGrade::Moderate;
  f.slowing->distribution = features::SlowingDistribution::Focal;
  f.slowing->focus = findings::SlowingFocus{features::Side::Left, features::Region::Temporal};
  f.slowing->criteria = {"PDR absent", "excess delta"};
  f.epileptiform.dominant_focus = findings::DominantFocus{"T7", "left", "temporal", 4, 80.0, 1.0};
  f.epileptiform.per_electrode = {{"T7", 4, 80.0}};
  f.epileptiform.spike_count = 4;
  detect::Event spike;
  spike.type = detect::EventType::Spike;
  spike.onset_s = 12.25;
  spike.duration_s = 0.07;
  spike.channels = {"T7-avg", "F7-avg"};
  spike.side = detect::Laterality::Left;
  spike.focus = "T7";  // region left empty, frequency NaN: written as null
  spike.confidence = 0.5;
  f.events = {spike};
  const auto path = test::scratch_dir() / "edited.summary.json";
  std::ofstream(path) << summary_json(f, "edited.edf").dump();
  test::expect_same_findings(f, read_findings(path));

  f.slowing.reset();
  f.background.encephalopathy_index.reset();
  std::ofstream(path, std::ios::trunc) << summary_json(f, "edited.edf").dump();
  test::expect_same_findings(f, read_findings(path));
}

}  // namespace
}  // namespace eegtrack::pipeline

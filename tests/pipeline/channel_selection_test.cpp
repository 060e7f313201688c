// Channel selection: a signal recording the same derivation as another (CHB-MIT records T8-P8
// twice, and P7-T7 beside T7-P7) is analysed once, so that spatial means, homologous pairs and
// the detectors' channel counts do not count one derivation twice.

#include "eegtrack/pipeline/channel_selection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/pipeline/recording_analysis.hpp"
#include "pipeline/background_only.hpp"
#include "support/paths.hpp"

namespace eegtrack::pipeline {
namespace {

io::Header header_of(const std::vector<std::string>& labels) {
  io::Header h;
  h.path = "in-memory.edf";
  for (const auto& label : labels) {
    io::SignalInfo s;
    s.label = label;
    s.physical_dimension = "uV";
    s.unit = "uV";
    s.samples_per_record = 256;
    s.sample_rate_hz = 256.0;
    h.signals.push_back(s);
  }
  return h;
}

std::vector<std::string> labels_of(const Selection& s) {
  return s.labels;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& part) {
  return std::any_of(texts.begin(), texts.end(),
                     [&](const std::string& t) { return t.find(part) != std::string::npos; });
}

TEST(ChannelSelection, RepeatedAndReversedDerivationsAreAnalysedOnce) {
  const auto h = header_of({"FP1-F7", "T7-P7", "T8-P8-0", "P7-T7", "T8-P8-1", "F8-T8"});
  SelectionRequest request{{}, io::MontageKind::Referential, {}, true, true};
  const Selection s = select_channels(h, request);
  EXPECT_EQ(labels_of(s), (std::vector<std::string>{"FP1-F7", "T7-P7", "T8-P8-0", "F8-T8"}));
  EXPECT_EQ(s.signals, (std::vector<int>{0, 1, 2, 5}));
  EXPECT_TRUE(any_contains(
      s.warnings, "left out P7-T7 (signal 3): the reverse of T7-P7 (signal 1), which is analysed"));
  EXPECT_TRUE(any_contains(
      s.warnings,
      "left out T8-P8-1 (signal 4): a repeat of T8-P8-0 (signal 2), which is analysed"));
  // Without the request every signal is kept, as recorded (export, the EEG pages).
  request.distinct_derivations = false;
  EXPECT_EQ(select_channels(h, request).signals.size(), 6U);
}

TEST(ChannelSelection, ReferentialDuplicatesNeedTheSameReference) {
  // C3 twice against the same reference is one derivation; C3 against A1 is another.
  const auto h = header_of({"EEG C3-REF", "EEG C4-REF", "EEG C3-Ref", "EEG C3-A1", "ECG"});
  const Selection as_recorded =
      select_channels(h, SelectionRequest{{}, io::MontageKind::Referential, {}, true, true});
  EXPECT_EQ(as_recorded.signals, (std::vector<int>{0, 1, 3}));
  EXPECT_TRUE(any_contains(as_recorded.warnings,
                           "left out EEG C3-Ref (signal 2): a repeat of EEG C3-REF (signal 0)"));
  // The average reference is built from the distinct signals only.
  const auto h2 = header_of({"EEG C3-REF", "EEG C4-REF", "EEG Pz-REF", "EEG C3-REF"});
  const Selection average =
      select_channels(h2, SelectionRequest{{}, io::MontageKind::Average, {}, true, true});
  EXPECT_EQ(average.signals, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(average.plan.derivations.size(), 3U);
  EXPECT_EQ(average.plan.average_members.size(), 3U);
}

TEST(ChannelSelection, LabelsNamingNoElectrodeAreNeverDuplicates) {
  const auto h = header_of({"Fp1-F7", "X1", "X1", "Fp2-F8"});
  const Selection s =
      select_channels(h, SelectionRequest{{}, io::MontageKind::Referential, {}, false, true});
  EXPECT_EQ(s.signals, (std::vector<int>{0, 1, 2, 3}));
}

// The CHB-MIT clip records T8-P8 twice and P7-T7 beside T7-P7: the analysis keeps 21 distinct
// derivations, says which it left out, and counts each homologous pair once.
TEST(ChannelSelection, ChbMitAnalysisCountsEachDerivationOnce) {
  const io::EdfReader reader(test::sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf");
  const auto a = analyze_recording(reader, test::background_only());
  EXPECT_EQ(a.channels.size(), 21U);
  std::set<std::string> seen;
  for (const auto& c : a.channels)
    EXPECT_TRUE(seen.insert(c.normalized_label).second) << c.normalized_label;
  EXPECT_FALSE(seen.count("P7-T7"));
  EXPECT_TRUE(any_contains(a.warnings, "left out T8-P8 (signal 22)"));
  EXPECT_TRUE(any_contains(a.warnings, "left out P7-T7 (signal 18)"));
  std::set<std::string> pairs;
  for (const auto& p : a.slow_pairs)
    EXPECT_TRUE(pairs.insert(p.right + "/" + p.left).second) << p.right << "/" << p.left;
  EXPECT_FALSE(a.slow_pairs.empty());
}

}  // namespace
}  // namespace eegtrack::pipeline

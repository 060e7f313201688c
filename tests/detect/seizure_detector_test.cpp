// Seizure detector validated on real seizures (CHB-MIT chb01), real normal background with
// simulated evolving focal seizures, and untouched real recordings that must raise none.

#include "eegtrack/detect/seizure_detector.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <string>

#include "detect/real_background.hpp"
#include "detect/seizure_test_support.hpp"

namespace eegtrack::detect {
namespace {

const std::filesystem::path kEeg = EEGTRACK_SHARED_EEG_DIR;

std::vector<Event> detect_seizures(const test::Recording& rec, double chunk_s = 60.0) {
  SeizureDetector detector(detection_channels(rec.labels), rec.sample_rate_hz);
  return test::of_type(test::run_in_chunks(detector, rec, chunk_s), EventType::Seizure);
}

double covered_s(const std::vector<Event>& events) {
  double total = 0.0;
  for (const auto& e : events)
    total += e.duration_s;
  return total;
}

void print(const std::string& name, const std::vector<Event>& events, double duration_s) {
  std::cout << "[seizure] " << name << " (" << duration_s << " s): " << events.size()
            << " seizure(s)";
  for (const auto& e : events)
    std::cout << " | " << e.onset_s << "+" << e.duration_s << " s " << to_string(e.side) << " "
              << e.region << " " << e.focus << " " << e.frequency_hz << " Hz " << e.modifiers
              << " conf " << e.confidence;
  std::cout << "\n";
}

TEST(SeizureDetectorChbMit, EveryIctalFileYieldsASeizureCoveringMostOfIt) {
  std::vector<std::filesystem::path> files;
  for (const char* id : {"03", "04", "15", "16", "18", "21", "26"})
    files.push_back(kEeg / "seizure" / (std::string("chbmit_chb01_") + id + "_ictal.edf"));
  files.push_back(kEeg / "sample" / "chbmit_chb01_03_seizure_2995-3036s.edf");
  for (const auto& path : files) {
    const test::Recording rec = test::read_scalp_eeg(path);
    const auto events = detect_seizures(rec);
    print(path.filename().string(), events, rec.duration_s());
    ASSERT_FALSE(events.empty()) << path;
    EXPECT_GE(covered_s(events), 0.5 * rec.duration_s()) << path;
  }
}

TEST(SeizureDetectorChbMit, PostictalAndInterictalFilesYieldNone) {
  std::vector<std::filesystem::path> files;
  for (const char* id : {"03", "04", "15", "16"})
    files.push_back(kEeg / "seizure" /
                    (std::string("chbmit_chb01_") + id + "_postictal_shift60.edf"));
  files.push_back(kEeg / "sample" / "chbmit_chb01_03_interictal_0-41s.edf");
  for (const auto& path : files) {
    const test::Recording rec = test::read_scalp_eeg(path);
    const auto events = detect_seizures(rec);
    print(path.filename().string(), events, rec.duration_s());
    EXPECT_TRUE(events.empty()) << path;
  }
}

}  // namespace
}  // namespace eegtrack::detect

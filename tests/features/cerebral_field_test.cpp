// High amplitude kept when it is cerebral: multi-channel epochs built from a real clean
// background (eegmat Subject03, 19 referential channels, 500 Hz, 2-s epochs) with a high-voltage
// rhythm or an artifact added to chosen electrodes. Every channel is screened with the range of
// a 12-bit amplifier of +-800 µV (the CHB-MIT range), so that clipping can be placed exactly.
// Which electrodes neighbour which follows from the 10-20 geometry (neighbouring electrodes
// 22-36 degrees apart, diagonal ones 45, the next ring 49 or more).

#include "eegtrack/features/cerebral_field.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <numbers>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "eeg_recording.hpp"
#include "eegtrack/dsp/require.hpp"
#include "eegtrack/io/channels.hpp"
#include "eegtrack/sites/derivation.hpp"
#include "named_epoch.hpp"
#include "support/paths.hpp"

namespace eegtrack::features {
namespace {

using R = ArtifactReason;
constexpr double kFs = 500.0;
constexpr std::size_t kEpoch = 1000;  // 2 s
constexpr std::size_t kBackgroundEpoch = 12;
constexpr ChannelRange kRange{-800.0, 800.0};

using Epoch = test::NamedEpoch;

Epoch clean_epoch() {
  static const test::EegRecording rec =
      test::read_eeg_channels(test::eeg_path("normal/eegmat_Subject03_1_rest_eyes_closed.edf"));
  Epoch e;
  for (const auto& c : rec.channels) {
    e.names.push_back(io::normalize_channel(c.label).plus);
    const auto first = c.samples.begin() + static_cast<std::ptrdiff_t>(kBackgroundEpoch * kEpoch);
    e.x.emplace_back(first, first + static_cast<std::ptrdiff_t>(kEpoch));
  }
  return e;
}

// Adds a 3-Hz rhythm of the given peak amplitude, as an ictal discharge would; the amplifier
// cuts it at the range.
void add_rhythm(std::vector<double>& x, double amplitude_uv) {
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double t = static_cast<double>(i) / kFs;
    x[i] = std::clamp(x[i] + amplitude_uv * std::sin(2.0 * std::numbers::pi * 3.0 * t),
                      kRange.physical_min_uv, kRange.physical_max_uv);
  }
}

FieldLayout layout_of(const std::vector<std::string>& labels, const ArtifactParams& p = {}) {
  std::vector<std::vector<std::string>> electrodes;
  for (const auto& label : labels)
    electrodes.push_back(sites::electrodes_of(sites::derivation_of(label)));
  return field_layout(electrodes, p);
}

// Screens every channel, then applies the field rule; results by electrode name.
std::map<std::string, ArtifactScreen> screen_all(const Epoch& e, const ArtifactParams& p = {}) {
  std::vector<ArtifactScreen> screens;
  for (const auto& x : e.x)
    screens.push_back(screen_epoch(x, kFs, kRange, p));
  spare_cerebral_fields(screens, layout_of(e.names, p), p);
  std::map<std::string, ArtifactScreen> out;
  for (std::size_t c = 0; c < e.names.size(); ++c)
    out[e.names[c]] = screens[c];
  return out;
}

// A bilateral fronto-central field: 700 µV over six electrodes, each of which has at least two
// of the others within 46 degrees (F3-Fz 27, F3-C3 40, Fz-Cz 36, C3-Cz 36), falling to 250 µV
// over their other neighbours.
const std::vector<std::string> kField{"F3", "Fz", "F4", "C3", "Cz", "C4"};
const std::vector<std::string> kFieldEdge{"Fp1", "Fp2", "F7", "F8", "T7", "T8", "P3", "Pz", "P4"};

Epoch field_epoch() {
  Epoch e = clean_epoch();
  for (const auto& name : kField)
    add_rhythm(e[name], 700.0);
  for (const auto& name : kFieldEdge)
    add_rhythm(e[name], 250.0);
  return e;
}

TEST(CerebralField, TheBackgroundEpochIsClean) {
  for (const auto& [name, s] : screen_all(clean_epoch()))
    EXPECT_EQ(s.reasons & kRejectingReasons, R::None) << name << ": " << to_string(s.reasons);
}

TEST(CerebralField, KeepsAHighVoltageRhythmOverNeighbouringChannels) {
  const auto e = field_epoch();
  ArtifactParams off;
  off.spare_high_amplitude_fields = false;
  const auto before = screen_all(e, off);
  const auto after = screen_all(e);
  for (const auto& name : kField) {
    // Without the field rule, the rhythm alone rejects the channel.
    EXPECT_EQ(before.at(name).reasons & kRejectingReasons, R::Amplitude) << name;
    EXPECT_GT(before.at(name).max_deviation_uv, 600.0) << name;
    const auto& s = after.at(name);
    EXPECT_TRUE(has_any(s.reasons, R::HighAmplitudeField)) << name << ": " << to_string(s.reasons);
    EXPECT_FALSE(has_any(s.reasons, R::Amplitude)) << name;
    EXPECT_FALSE(s.rejected) << name;
  }
  // The edge of the field stays below the limit and is untouched; so is everything else.
  for (const auto& [name, s] : after) {
    if (std::find(kField.begin(), kField.end(), name) != kField.end())
      continue;
    EXPECT_EQ(s.reasons, before.at(name).reasons) << name;
    EXPECT_FALSE(s.rejected) << name << ": " << to_string(s.reasons);
  }
}

TEST(CerebralField, RejectsASingleChannelDeflection) {
  Epoch e = clean_epoch();
  auto& c3 = e["C3"];
  for (std::size_t i = 0; i < 300; ++i)  // a 0.6-s, 750-µV movement swing on one electrode
    c3[400 + i] += 750.0 * std::sin(std::numbers::pi * static_cast<double>(i) / 300.0);
  const auto s = screen_all(e);
  EXPECT_EQ(s.at("C3").reasons & kRejectingReasons, R::Amplitude) << to_string(s.at("C3").reasons);
  EXPECT_TRUE(s.at("C3").rejected);
  // Even with one neighbour enough, one channel is no field.
  ArtifactParams loose;
  loose.field_min_neighbours = 1;
  EXPECT_TRUE(screen_all(e, loose).at("C3").rejected);
}

TEST(CerebralField, RejectsAFieldConfinedToTheFrontalChannels) {
  // A blink: a 0.5-s, 700-µV positive wave over the frontal electrodes only. Every one of them
  // has two others within 46 degrees, yet the field is ocular.
  Epoch e = clean_epoch();
  const std::vector<std::string> frontal{"Fp1", "Fp2", "F3", "Fz", "F4", "F7", "F8"};
  for (const auto& name : frontal) {
    auto& x = e[name];
    for (std::size_t i = 0; i < 250; ++i)
      x[500 + i] += 700.0 * std::sin(std::numbers::pi * static_cast<double>(i) / 250.0);
  }
  const auto s = screen_all(e);
  for (const auto& name : frontal) {
    EXPECT_TRUE(has_any(s.at(name).reasons, R::Amplitude)) << name;
    EXPECT_FALSE(has_any(s.at(name).reasons, R::HighAmplitudeField)) << name;
    EXPECT_TRUE(s.at(name).rejected) << name;
  }
}

TEST(CerebralField, KeepsPeaksBrieflyCutAtTheRangeInsideAField) {
  Epoch e = field_epoch();
  add_rhythm(e["C3"], 300.0);  // now about 1000 µV: each peak held at +-800 µV for about 40 ms
  const auto s = screen_all(e).at("C3");
  EXPECT_GT(s.clipped_fraction, 0.1);
  EXPECT_GT(s.longest_clipped_run_s, 0.02);
  EXPECT_LT(s.longest_clipped_run_s, 0.1);
  EXPECT_EQ(s.reasons & (R::Amplitude | R::Clipping | R::HighAmplitudeField), R::HighAmplitudeField)
      << to_string(s.reasons);
  EXPECT_FALSE(s.rejected);
}

TEST(CerebralField, SaturationStillRejectsInsideAField) {
  Epoch e = field_epoch();
  auto& c3 = e["C3"];
  std::fill(c3.begin() + 200, c3.begin() + 350, kRange.physical_max_uv);  // 0.3 s at the rail
  const auto s = screen_all(e);
  const auto& c3s = s.at("C3");
  EXPECT_NEAR(c3s.longest_clipped_run_s, 0.3, 0.02);
  EXPECT_TRUE(has_any(c3s.reasons, R::Clipping)) << to_string(c3s.reasons);
  EXPECT_FALSE(has_any(c3s.reasons, R::HighAmplitudeField));
  EXPECT_TRUE(c3s.rejected);
  // A saturated channel supports no field: F3 keeps only Fz beside it and is rejected, while Cz
  // still has Fz and C4.
  EXPECT_TRUE(s.at("F3").rejected) << to_string(s.at("F3").reasons);
  EXPECT_FALSE(s.at("Cz").rejected) << to_string(s.at("Cz").reasons);
}

TEST(CerebralField, AnotherTechnicalReasonStillRejects) {
  // Decided on the masks alone: C3 is above the limit inside a field but also carries EMG.
  const std::vector<std::string> labels{"F3", "Fz", "C3", "Cz"};
  std::vector<ArtifactScreen> screens(4);
  for (auto& s : screens) {
    s.reasons = R::Amplitude;
    s.rejected = true;
  }
  screens[2].reasons = R::Amplitude | R::Muscle | R::LineNoise;
  spare_cerebral_fields(screens, layout_of(labels));
  EXPECT_EQ(screens[0].reasons, R::HighAmplitudeField);
  EXPECT_FALSE(screens[0].rejected);
  EXPECT_EQ(screens[2].reasons, R::Amplitude | R::Muscle | R::LineNoise);
  EXPECT_TRUE(screens[2].rejected);
  // Line noise is not lost when an entry is kept.
  screens.assign(4, ArtifactScreen{R::Amplitude | R::LineNoise, true});
  spare_cerebral_fields(screens, layout_of(labels));
  EXPECT_EQ(screens[1].reasons, R::HighAmplitudeField | R::LineNoise);
}

TEST(CerebralField, OneElectrodeSeenThroughSeveralBipolarDerivationsIsNoField) {
  // A 750-µV swing under T7 shows in every derivation through T7 (F7-T7, T7-P7 and its reversed
  // copy P7-T7, as in the CHB-MIT montage), which are neighbours of each other.
  Epoch ref = clean_epoch();
  auto& t7 = ref["T7"];
  for (std::size_t i = 0; i < 300; ++i)
    t7[400 + i] += 750.0 * std::sin(std::numbers::pi * static_cast<double>(i) / 300.0);
  const std::vector<std::string> chain{"Fp1-F7", "F7-T7", "T7-P7", "P7-O1", "P7-T7",
                                       "Fp1-F3", "F3-C3", "C3-P3", "P3-O1"};
  Epoch bip;
  for (const auto& label : chain) {
    const auto d = sites::derivation_of(label);
    bip.names.push_back(label);
    std::vector<double> x = ref[d.plus];
    for (std::size_t i = 0; i < x.size(); ++i)
      x[i] -= ref[d.minus][i];
    bip.x.push_back(x);
  }
  ArtifactParams loose;
  loose.field_min_neighbours = 1;  // so that only the shared electrode keeps them rejected
  const auto s = screen_all(bip, loose);
  for (const char* label : {"F7-T7", "T7-P7", "P7-T7"}) {
    EXPECT_TRUE(has_any(s.at(label).reasons, R::Amplitude)) << label;
    EXPECT_TRUE(s.at(label).rejected) << label << ": " << to_string(s.at(label).reasons);
  }
}

TEST(FieldLayout, NeighboursFollowThe1020Geometry) {
  const std::vector<std::string> labels{"Fp1", "F7", "F3", "Fz", "T7", "C3",
                                        "Cz",  "P7", "P3", "Pz", "O1", "C4"};
  const auto layout = layout_of(labels);
  std::set<std::string> of_c3;
  for (const std::size_t n : layout.channels[5].neighbours)
    of_c3.insert(labels[n]);
  // Adjacent (36-40 degrees) and diagonal (45) electrodes; Fz, Pz (49) and C4 (72) are not.
  EXPECT_EQ(of_c3, (std::set<std::string>{"F7", "F3", "T7", "Cz", "P7", "P3"}));
  EXPECT_FALSE(layout.channels[0].neighbours.empty());
  EXPECT_TRUE(layout.channels[0].frontal);   // Fp1
  EXPECT_TRUE(layout.channels[3].frontal);   // Fz
  EXPECT_FALSE(layout.channels[5].frontal);  // C3
}

TEST(FieldLayout, BipolarChannelsSitBetweenTheirElectrodes) {
  const std::vector<std::string> labels{"F7-T7",  "T7-P7",   "P7-T7",  "FT9-FT10",
                                        "T7-FT9", "FT10-T8", "Fp2-F4", "A2-A1"};
  const auto layout = layout_of(labels);
  const auto& t7p7 = layout.channels[1];
  ASSERT_EQ(t7p7.anchors.size(), 1U);
  EXPECT_EQ(t7p7.electrodes, (std::vector<std::string>{"P7", "T7"}));
  // A reversed copy is not a neighbour of itself.
  EXPECT_EQ(std::count(t7p7.neighbours.begin(), t7p7.neighbours.end(), 2U), 0);
  // FT9-FT10 spans the head: it has both ends and neighbours at each.
  const auto& wide = layout.channels[3];
  EXPECT_EQ(wide.anchors.size(), 2U);
  std::set<std::size_t> wide_n(wide.neighbours.begin(), wide.neighbours.end());
  EXPECT_TRUE(wide_n.count(4) && wide_n.count(5)) << "T7-FT9 and FT10-T8";
  // Fp2-F4 is frontal; ear electrodes have no scalp position.
  EXPECT_TRUE(layout.channels[6].frontal);
  EXPECT_TRUE(layout.channels[7].anchors.empty());
  EXPECT_TRUE(layout.channels[7].neighbours.empty());
}

TEST(CerebralField, RejectsBadArguments) {
  const auto layout = layout_of({"C3", "Cz", "C4"});
  std::vector<ArtifactScreen> two(2);
  EXPECT_THROW(spare_cerebral_fields(two, layout), std::invalid_argument);
  ArtifactParams p;
  p.field_min_neighbours = 0;
  EXPECT_THROW((void)layout_of({"C3"}, p), dsp::ParameterError);
  p = {};
  p.field_neighbour_deg = 0.0;
  EXPECT_THROW((void)layout_of({"C3"}, p), dsp::ParameterError);
  p = {};
  p.field_max_clip_run_s = -1.0;
  EXPECT_THROW((void)layout_of({"C3"}, p), dsp::ParameterError);
}

}  // namespace
}  // namespace eegtrack::features

#include "eegtrack/io/montage.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/sites/electrodes.hpp"
#include "label_sets.hpp"

namespace eegtrack::io {
namespace {

std::vector<ChannelName> names_of(const std::vector<test::RawLabel>& raw) {
  std::vector<ChannelName> out;
  for (const auto& r : raw)
    out.push_back(normalize_channel(r.label, r.unit, r.transducer, r.label == "EDF Annotations"));
  return out;
}

// Random samples for every channel (fixed seed), as owned vectors plus the span view.
struct Samples {
  std::vector<std::vector<double>> data;
  std::vector<std::span<const double>> views;
};

Samples random_samples(std::size_t channels, std::size_t n, unsigned seed = 7) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> dist(0.0, 50.0);
  Samples s;
  s.data.assign(channels, std::vector<double>(n));
  for (auto& ch : s.data)
    for (double& x : ch)
      x = dist(rng);
  s.views.assign(s.data.begin(), s.data.end());
  return s;
}

std::vector<std::string> labels_of(const MontagePlan& plan) {
  std::vector<std::string> out;
  for (const auto& d : plan.derivations)
    out.push_back(d.label);
  return out;
}

bool any_warning_contains(const MontagePlan& plan, const std::string& text) {
  return std::any_of(plan.warnings.begin(), plan.warnings.end(),
                     [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

const std::vector<std::string> kDoubleBanana = {
    "Fp1-F7", "F7-T7", "T7-P7", "P7-O1",  "Fp2-F8", "F8-T8", "T8-P8", "P8-O2", "Fp1-F3",
    "F3-C3",  "C3-P3", "P3-O1", "Fp2-F4", "F4-C4",  "C4-P4", "P4-O2", "Fz-Cz", "Cz-Pz"};

constexpr double kTol = 1e-12;

TEST(ParseMontage, AcceptsEveryNameAndRoundTrips) {
  EXPECT_EQ(parse_montage("referential"), MontageKind::Referential);
  EXPECT_EQ(parse_montage("As-Recorded"), MontageKind::Referential);
  EXPECT_EQ(parse_montage(" average "), MontageKind::Average);
  EXPECT_EQ(parse_montage("CAR"), MontageKind::Average);
  EXPECT_EQ(parse_montage("bipolar"), MontageKind::LongitudinalBipolar);
  EXPECT_EQ(parse_montage("double banana"), MontageKind::LongitudinalBipolar);
  EXPECT_EQ(parse_montage("longitudinal"), MontageKind::LongitudinalBipolar);
  EXPECT_EQ(parse_montage("transverse"), MontageKind::TransverseBipolar);
  for (const auto k : {MontageKind::Referential, MontageKind::Average,
                       MontageKind::LongitudinalBipolar, MontageKind::TransverseBipolar})
    EXPECT_EQ(parse_montage(to_string(k)), k);
}

TEST(ParseMontage, RejectsUnknownNamingValueAndChoices) {
  try {
    (void)parse_montage("laplacian");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("laplacian"), std::string::npos) << what;
    EXPECT_NE(what.find("double-banana"), std::string::npos) << what;
    EXPECT_NE(what.find("transverse"), std::string::npos) << what;
  }
  EXPECT_THROW((void)parse_montage(""), std::invalid_argument);
}

TEST(MontagePairs, TablesUseKnownElectrodes) {
  std::vector<std::string> banana;
  for (const auto& p : montage_pairs(MontageKind::LongitudinalBipolar))
    banana.push_back(std::string(p.plus) + "-" + std::string(p.minus));
  EXPECT_EQ(banana, kDoubleBanana);
  EXPECT_EQ(montage_pairs(MontageKind::TransverseBipolar).size(), 18U);
  EXPECT_TRUE(montage_pairs(MontageKind::Referential).empty());
  EXPECT_TRUE(montage_pairs(MontageKind::Average).empty());
  for (const auto k : {MontageKind::LongitudinalBipolar, MontageKind::TransverseBipolar}) {
    for (const auto& p : montage_pairs(k)) {
      EXPECT_EQ(sites::canonical_electrode(p.plus), std::string(p.plus));
      EXPECT_EQ(sites::canonical_electrode(p.minus), std::string(p.minus));
    }
  }
}

TEST(PlanMontage, DoubleBananaFromReferentialIsDifferenceOfChannels) {
  const auto channels = names_of(test::kEegmatLabels);  // old names T3..T6
  const MontagePlan plan = plan_montage(MontageKind::LongitudinalBipolar, channels);
  EXPECT_EQ(labels_of(plan), kDoubleBanana);
  EXPECT_TRUE(plan.warnings.empty());
  const Samples s = random_samples(channels.size(), 500);
  const auto out = apply_montage(plan, s.views);
  ASSERT_EQ(out.size(), plan.derivations.size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    const Derivation& d = plan.derivations[k];
    const auto& plus = channels[static_cast<std::size_t>(d.plus)];
    const auto& minus = channels[static_cast<std::size_t>(d.minus)];
    EXPECT_EQ(plus.normalized + "-" + minus.normalized, d.label);
    for (std::size_t t = 0; t < 500; ++t)
      ASSERT_NEAR(out[k][t],
                  s.data[static_cast<std::size_t>(d.plus)][t] -
                      s.data[static_cast<std::size_t>(d.minus)][t],
                  kTol);
  }
}

TEST(PlanMontage, TransverseFromReferential) {
  const auto channels = names_of(test::kNihonKohdenLabels);
  const MontagePlan plan = plan_montage(MontageKind::TransverseBipolar, channels);
  ASSERT_EQ(plan.derivations.size(), 18U);
  EXPECT_EQ(plan.derivations[1].label, "Fp1-Fp2");
  EXPECT_EQ(plan.derivations[7].label, "T7-C3");
  EXPECT_EQ(channels[static_cast<std::size_t>(plan.derivations[7].plus)].original, "EEG T3-Ref");
  EXPECT_EQ(plan.derivations[17].label, "O2-P8");
  EXPECT_EQ(channels[static_cast<std::size_t>(plan.derivations[17].minus)].original, "EEG T6-Ref");
}

TEST(PlanMontage, AverageReferenceSumsToZeroAcrossMembers) {
  const auto channels = names_of(test::kEegmatLabels);
  const MontagePlan plan = plan_montage(MontageKind::Average, channels);
  ASSERT_EQ(plan.average_members.size(), 19U);  // A2-A1 (bipolar) and ECG take no part
  ASSERT_EQ(plan.derivations.size(), 19U);
  EXPECT_EQ(plan.derivations[6].label, "T7-avg");
  EXPECT_TRUE(any_warning_contains(plan, "A2-A1"));
  const Samples s = random_samples(channels.size(), 300);
  const auto out = apply_montage(plan, s.views);
  for (std::size_t t = 0; t < 300; ++t) {
    double sum = 0.0;
    double mean = 0.0;
    for (const int i : plan.average_members)
      mean += s.data[static_cast<std::size_t>(i)][t] / 19.0;
    for (std::size_t k = 0; k < out.size(); ++k) {
      sum += out[k][t];
      const auto plus = static_cast<std::size_t>(plan.derivations[k].plus);
      ASSERT_NEAR(out[k][t], s.data[plus][t] - mean, 1e-9);
    }
    ASSERT_NEAR(sum, 0.0, 1e-9);
  }
}

TEST(PlanMontage, ExcludedChannelsLeaveTheAverage) {
  const auto channels = names_of(test::kEegmatLabels);
  const std::vector<int> excluded = {15};  // O2
  const MontagePlan plan = plan_montage(MontageKind::Average, channels, excluded);
  ASSERT_EQ(plan.average_members.size(), 18U);
  EXPECT_EQ(std::count(plan.average_members.begin(), plan.average_members.end(), 15), 0);
  for (const auto& d : plan.derivations)
    EXPECT_NE(d.label, "O2-avg");
  Samples s = random_samples(channels.size(), 200);
  const auto before = apply_montage(plan, s.views);
  for (double& x : s.data[15])
    x += 1000.0;  // a bad channel must not move the others
  const auto after = apply_montage(plan, s.views);
  EXPECT_EQ(before, after);
  for (std::size_t t = 0; t < 200; ++t) {
    double sum = 0.0;
    for (const auto& ch : after)
      sum += ch[t];
    ASSERT_NEAR(sum, 0.0, 1e-9);
  }
}

TEST(PlanMontage, AverageOfBipolarRecordingThrows) {
  EXPECT_THROW((void)plan_montage(MontageKind::Average, names_of(test::kChbmitLabels)),
               std::invalid_argument);
}

TEST(PlanMontage, AlreadyBipolarRecordingYieldsRecordedDerivations) {
  const auto channels = names_of(test::kChbmitLabels);
  const MontagePlan plan = plan_montage(MontageKind::LongitudinalBipolar, channels);
  EXPECT_EQ(labels_of(plan), kDoubleBanana);
  for (const auto& d : plan.derivations) {
    EXPECT_EQ(d.minus, -1) << d.label;
    EXPECT_EQ(channels[static_cast<std::size_t>(d.plus)].normalized, d.label);
  }
  EXPECT_EQ(plan.derivations[4].plus, 12);  // FP2-F8 is recorded as channel 12
  const Samples s = random_samples(channels.size(), 64);
  const auto out = apply_montage(plan, s.views);
  for (std::size_t k = 0; k < out.size(); ++k)
    EXPECT_EQ(out[k], s.data[static_cast<std::size_t>(plan.derivations[k].plus)]);
}

TEST(PlanMontage, RecordedAsIsKeepsEegChannelsOnceEach) {
  const auto channels = names_of(test::kChbmitLabels);
  const MontagePlan plan = plan_montage(MontageKind::Referential, channels);
  EXPECT_EQ(plan.derivations.size(), 22U);  // 23 recorded, T8-P8 twice; annotations out
  EXPECT_TRUE(any_warning_contains(plan, "T8-P8"));
  const auto sleep = plan_montage(MontageKind::Referential, names_of(test::kSleepedfLabels));
  EXPECT_EQ(labels_of(sleep), (std::vector<std::string>{"Fpz-Cz", "Pz-Oz"}));
}

TEST(PlanMontage, TransverseOnBipolarRecordingTakesOnlyRecordedPairs) {
  const MontagePlan plan =
      plan_montage(MontageKind::TransverseBipolar, names_of(test::kChbmitLabels));
  // Of the 18 transverse pairs only Fp2-F8 and P7-O1 are recorded channels of chb01.
  EXPECT_EQ(labels_of(plan), (std::vector<std::string>{"Fp2-F8", "P7-O1"}));
  EXPECT_EQ(plan.warnings.size(), 16U + 1U);  // 16 skipped + the duplicate T8-P8
}

TEST(PlanMontage, MissingElectrodeIsSkippedWithWarning) {
  auto raw = test::kEegmatLabels;
  raw.erase(raw.begin() + 14);  // drop O1
  const MontagePlan plan = plan_montage(MontageKind::LongitudinalBipolar, names_of(raw));
  EXPECT_EQ(plan.derivations.size(), 16U);
  EXPECT_TRUE(any_warning_contains(plan, "P7-O1 skipped: no channel for O1"));
  EXPECT_TRUE(any_warning_contains(plan, "P3-O1 skipped: no channel for O1"));
  const std::vector<int> excluded = {4};  // F7
  const MontagePlan ex =
      plan_montage(MontageKind::LongitudinalBipolar, names_of(test::kEegmatLabels), excluded);
  EXPECT_EQ(ex.derivations.size(), 16U);
  EXPECT_TRUE(any_warning_contains(ex, "Fp1-F7 skipped: no channel for F7 (excluded)"));
}

TEST(PlanMontage, NothingToFormLeavesAnEmptyPlanWithWarnings) {
  const MontagePlan plan =
      plan_montage(MontageKind::LongitudinalBipolar, names_of(test::kSleepedfLabels));
  EXPECT_TRUE(plan.derivations.empty());
  EXPECT_EQ(plan.warnings.size(), 18U);
  EXPECT_TRUE(apply_montage(plan, std::span<const std::span<const double>>{}).empty());
}

TEST(PlanMontage, WarnsWhenReferencesDiffer) {
  const std::vector<ChannelName> channels = {normalize_channel("Fp1-A1", "uV"),
                                             normalize_channel("F7-A2", "uV")};
  const MontagePlan plan = plan_montage(MontageKind::LongitudinalBipolar, channels);
  ASSERT_EQ(plan.derivations.size(), 1U);
  EXPECT_TRUE(any_warning_contains(plan, "Fp1-F7: electrodes recorded against different"));
}

TEST(PlanMontage, ExtendedSetAveragesScalpButNotEars) {
  const MontagePlan plan =
      plan_montage(MontageKind::Average, names_of(test::kNihonKohdenTypesLabels));
  EXPECT_EQ(plan.average_members.size(), 25U);  // 19 + F9/T9/P9/F10/T10/P10
  EXPECT_TRUE(any_warning_contains(plan, "A1"));
}

TEST(PlanMontage, RejectsExcludedIndexOutOfRange) {
  const auto channels = names_of(test::kEegmatLabels);
  for (const int bad : {-1, 22, 100}) {
    const std::vector<int> excluded = {bad};
    EXPECT_THROW((void)plan_montage(MontageKind::Referential, channels, excluded),
                 std::invalid_argument);
  }
}

TEST(ApplyMontage, ValidatesLengthsAndIndices) {
  const auto channels = names_of(test::kEegmatLabels);
  const MontagePlan plan = plan_montage(MontageKind::LongitudinalBipolar, channels);
  Samples s = random_samples(channels.size(), 100);
  s.data[20].resize(10);  // ECG at another rate: not used, allowed
  s.views.assign(s.data.begin(), s.data.end());
  EXPECT_NO_THROW((void)apply_montage(plan, s.views));
  s.data[4].resize(99);  // F7 is used
  s.views.assign(s.data.begin(), s.data.end());
  EXPECT_THROW((void)apply_montage(plan, s.views), std::invalid_argument);
  const std::vector<std::span<const double>> too_few(s.views.begin(), s.views.begin() + 5);
  EXPECT_THROW((void)apply_montage(plan, too_few), std::invalid_argument);
}

TEST(ApplyMontage, SpanOutputMatchesAllocatingForm) {
  const auto channels = names_of(test::kEegmatLabels);
  const MontagePlan plan = plan_montage(MontageKind::Average, channels);
  const Samples s = random_samples(channels.size(), 128, 11);
  const auto expected = apply_montage(plan, s.views);
  std::vector<std::vector<double>> buffers(plan.derivations.size(), std::vector<double>(128));
  std::vector<std::span<double>> out(buffers.begin(), buffers.end());
  apply_montage(plan, s.views, out);
  EXPECT_EQ(buffers, expected);
  out.pop_back();
  EXPECT_THROW(apply_montage(plan, s.views, out), std::invalid_argument);
  std::vector<double> short_buffer(127);
  out.emplace_back(short_buffer);
  EXPECT_THROW(apply_montage(plan, s.views, out), std::invalid_argument);
}

}  // namespace
}  // namespace eegtrack::io

#include "findings_compare.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace eegtrack::test {
namespace {

void same_double(double a, double b, const std::string& field) {
  if (std::isnan(a) && std::isnan(b))
    return;
  EXPECT_EQ(a, b) << field;
}

void same_events(const std::vector<detect::Event>& a, const std::vector<detect::Event>& b) {
  ASSERT_EQ(a.size(), b.size()) << "events";
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string at = "events[" + std::to_string(i) + "].";
    EXPECT_EQ(a[i].type, b[i].type) << at << "type";
    same_double(a[i].onset_s, b[i].onset_s, at + "onset_s");
    same_double(a[i].duration_s, b[i].duration_s, at + "duration_s");
    EXPECT_EQ(a[i].channels, b[i].channels) << at << "channels";
    EXPECT_EQ(a[i].side, b[i].side) << at << "side";
    EXPECT_EQ(a[i].region, b[i].region) << at << "region";
    EXPECT_EQ(a[i].focus, b[i].focus) << at << "focus";
    same_double(a[i].frequency_hz, b[i].frequency_hz, at + "frequency_hz");
    same_double(a[i].confidence, b[i].confidence, at + "confidence");
    EXPECT_EQ(a[i].modifiers, b[i].modifiers) << at << "modifiers";
  }
}

void same_epileptiform(const findings::Epileptiform& a, const findings::Epileptiform& b) {
  same_double(a.analysed_s, b.analysed_s, "epileptiform.analysed_s");
  EXPECT_EQ(a.main_montage, b.main_montage);
  EXPECT_EQ(a.main_channels, b.main_channels);
  EXPECT_EQ(a.bipolar_channels, b.bipolar_channels);
  EXPECT_EQ(a.spike_count, b.spike_count);
  EXPECT_EQ(a.spike_rate_per_h.has_value(), b.spike_rate_per_h.has_value());
  if (a.spike_rate_per_h && b.spike_rate_per_h)
    same_double(*a.spike_rate_per_h, *b.spike_rate_per_h, "epileptiform.spike_rate_per_h");
  same_double(a.spike_rate_low_per_h, b.spike_rate_low_per_h, "epileptiform.spike_rate_low_per_h");
  same_double(a.spike_rate_high_per_h, b.spike_rate_high_per_h,
              "epileptiform.spike_rate_high_per_h");
  EXPECT_EQ(a.long_enough_for_rates, b.long_enough_for_rates);
  same_double(a.burden_window_s, b.burden_window_s, "epileptiform.burden_window_s");
  EXPECT_EQ(a.per_electrode, b.per_electrode);
  EXPECT_EQ(a.per_region, b.per_region);
  EXPECT_EQ(a.dominant_focus, b.dominant_focus);
  EXPECT_EQ(a.seizures, b.seizures);
  ASSERT_EQ(a.patterns.size(), b.patterns.size());
  for (std::size_t i = 0; i < a.patterns.size(); ++i) {
    const auto &p = a.patterns[i], &q = b.patterns[i];
    const std::string at = "epileptiform.patterns[" + std::to_string(i) + "].";
    EXPECT_EQ(p.type, q.type) << at << "type";
    EXPECT_EQ(p.episodes, q.episodes) << at << "episodes";
    same_double(p.covered_s, q.covered_s, at + "covered_s");
    same_double(p.fraction, q.fraction, at + "fraction");
    EXPECT_EQ(p.prevalence, q.prevalence) << at << "prevalence";
    same_double(p.median_duration_s, q.median_duration_s, at + "median_duration_s");
    EXPECT_EQ(p.duration, q.duration) << at << "duration";
  }
  EXPECT_EQ(a.bird_count, b.bird_count);
  EXPECT_EQ(a.reconciled.discharges_in_patterns, b.reconciled.discharges_in_patterns);
  EXPECT_EQ(a.reconciled.rda_in_periodic, b.reconciled.rda_in_periodic);
  EXPECT_EQ(a.reconciled.birds_in_seizures, b.reconciled.birds_in_seizures);
  EXPECT_EQ(a.reconciled.patterns_in_seizures, b.reconciled.patterns_in_seizures);
  EXPECT_EQ(a.events_dropped_for_artifacts, b.events_dropped_for_artifacts);
  EXPECT_EQ(a.warnings, b.warnings);
}

void same_slowing(const std::optional<findings::Slowing>& a,
                  const std::optional<findings::Slowing>& b) {
  ASSERT_EQ(a.has_value(), b.has_value()) << "slowing";
  if (!a)
    return;
  EXPECT_EQ(a->grade, b->grade);
  EXPECT_EQ(a->distribution, b->distribution);
  EXPECT_EQ(a->focus, b->focus);
  EXPECT_EQ(a->focal_slow_index, b->focal_slow_index);
  EXPECT_EQ(a->focal_pairs, b->focal_pairs);
  EXPECT_EQ(a->slow_asymmetry_pairs, b->slow_asymmetry_pairs);
  EXPECT_EQ(a->criteria, b->criteria);
  same_double(a->pdr_component, b->pdr_component, "slowing.pdr_component");
  same_double(a->slow_component, b->slow_component, "slowing.slow_component");
  same_double(a->suppression_component, b->suppression_component, "slowing.suppression_component");
  same_double(a->frequency_component, b->frequency_component, "slowing.frequency_component");
}

}  // namespace

void expect_same_findings(const findings::RecordingFindings& a,
                          const findings::RecordingFindings& b) {
  EXPECT_EQ(a.recording, b.recording);
  EXPECT_EQ(a.time, b.time);
  same_double(a.sample_rate_hz, b.sample_rate_hz, "sample_rate_hz");
  EXPECT_EQ(a.montage_used, b.montage_used);
  EXPECT_EQ(a.parameters, b.parameters);
  EXPECT_EQ(a.quality.clean_fraction, b.quality.clean_fraction);
  EXPECT_EQ(a.quality.n_epochs, b.quality.n_epochs);
  EXPECT_EQ(a.quality.n_clean_epochs, b.quality.n_clean_epochs);
  EXPECT_EQ(a.quality.bad_channels, b.quality.bad_channels);
  EXPECT_EQ(a.quality.channels, b.quality.channels);
  const auto &x = a.background, &y = b.background;
  EXPECT_EQ(x.pdr, y.pdr);
  EXPECT_EQ(x.pdr_confidence, y.pdr_confidence);
  EXPECT_EQ(x.slower_rhythm_dominates, y.slower_rhythm_dominates);
  EXPECT_EQ(x.pdr_absent_reason, y.pdr_absent_reason);
  EXPECT_EQ(x.band_powers, y.band_powers);
  EXPECT_EQ(x.delta_alpha_ratio, y.delta_alpha_ratio);
  EXPECT_EQ(x.theta_alpha_ratio, y.theta_alpha_ratio);
  EXPECT_EQ(x.dtabr, y.dtabr);
  EXPECT_EQ(x.sef95_hz, y.sef95_hz);
  EXPECT_EQ(x.sef90_hz, y.sef90_hz);
  EXPECT_EQ(x.median_frequency_hz, y.median_frequency_hz);
  EXPECT_EQ(x.aperiodic_exponent, y.aperiodic_exponent);
  EXPECT_EQ(x.bsi, y.bsi);
  EXPECT_EQ(x.pdbsi, y.pdbsi);
  EXPECT_EQ(x.suppression_fraction, y.suppression_fraction);
  EXPECT_EQ(x.encephalopathy_index, y.encephalopathy_index);
  EXPECT_EQ(x.feature_quantiles, y.feature_quantiles);
  EXPECT_EQ(a.regions, b.regions);
  same_slowing(a.slowing, b.slowing);
  EXPECT_EQ(a.continuity, b.continuity);
  same_epileptiform(a.epileptiform, b.epileptiform);
  same_events(a.events, b.events);
  EXPECT_EQ(a.warnings, b.warnings);
}

}  // namespace eegtrack::test

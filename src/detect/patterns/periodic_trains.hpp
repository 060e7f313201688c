#pragma once

// Private: periodic-discharge trains per hemisphere, their ACNS checks, and the step that
// pairs the two hemispheres into GPD, LPD or BIPD events.

#include <optional>
#include <vector>

#include "analysis_window.hpp"

namespace eegtrack::detect::detail {

/// A PD train that met every criterion on one hemisphere.
struct PdTrain {
  int hemisphere = -1;  ///< side whose discharges formed it
  double onset_s = 0.0;
  double end_s = 0.0;
  double rate_hz = 0.0;
  int lateral_side = 0;     ///< 0 generalized (symmetric), -1 left, +1 right
  std::vector<double> map;  ///< mean sign-normalised amplitude per channel at the peaks
  bool triphasic = false;
  double confidence = 0.0;
};

/// Checks a chain of discharges and returns the regular sub-trains that qualify as PDs.
[[nodiscard]] std::vector<PdTrain> qualifying_trains(const std::vector<Discharge>& chain,
                                                     int hemisphere,
                                                     const std::vector<PatternChannel>& channels,
                                                     const PatternParams& p);

/// Chains the discharges of one hemisphere: a chain ends at a gap longer than 1.5 periods of
/// the slowest PD rate, at a segment end, or at max_event_s.
class DischargeChain {
 public:
  using Chain = std::vector<Discharge>;
  /// Adds a discharge (in time order); returns the chain this closed, if any.
  [[nodiscard]] std::optional<Chain> add(const Discharge& d);
  /// Closes the chain when nothing came for too long before `now_s`.
  [[nodiscard]] std::optional<Chain> advance(double now_s);
  [[nodiscard]] std::optional<Chain> close();
  [[nodiscard]] std::optional<double> open_since() const;
  double max_gap_s = 3.0;
  double max_length_s = 300.0;
  double min_interval_s = 0.2;  ///< closer discharges are merged (keep the stronger)

 private:
  std::vector<Discharge> discharges_;
};

/// Pairs trains of the two hemispheres: synchronous symmetric -> one GPD; one side (or clearly
/// larger on one side) -> LPD; independent lateralized trains on both sides -> BIPD.
class HemispherePairing {
 public:
  void add(PdTrain train) { pending_.push_back(std::move(train)); }
  /// Emits events for pending trains that no open chain can still overlap.
  void resolve(std::optional<double> left_open_since, std::optional<double> right_open_since,
               const std::vector<PatternChannel>& channels, const PatternParams& p,
               std::vector<Event>& out);

 private:
  std::vector<PdTrain> pending_;
};

/// The event describing a group of overlapping trains (already classified by the caller).
[[nodiscard]] Event pd_event(EventType type, const std::vector<const PdTrain*>& trains,
                             const std::vector<PatternChannel>& channels, const PatternParams& p);

/// Channels whose amplitude is at least half the largest, strongest first.
[[nodiscard]] std::vector<int> involved_channels(const std::vector<double>& amplitude);
/// Mean anterior (frontal) amplitude above `ratio` times the mean posterior (parietal,
/// occipital) amplitude.
[[nodiscard]] bool frontally_predominant(const std::vector<double>& amplitude,
                                         const std::vector<PatternChannel>& channels, double ratio);
/// -1, +1 when the spatial range (largest minus smallest signed value) of one hemisphere's
/// channels exceeds the other's by `ratio`, else 0. A common offset (the average reference's
/// copy of a focal field) has no range, so this measures where the field is.
[[nodiscard]] int field_side(const std::vector<double>& signed_map,
                             const std::vector<PatternChannel>& channels, double ratio);
/// -1, +1 when one hemisphere's largest amplitude exceeds the other's by `ratio`, else 0.
[[nodiscard]] int lateral_side(const std::vector<double>& amplitude,
                               const std::vector<PatternChannel>& channels, double ratio);

}  // namespace eegtrack::detect::detail

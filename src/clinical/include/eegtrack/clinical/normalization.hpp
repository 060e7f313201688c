#pragma once
// Whether a recording is back to normal: within the patient's own pre-infusion baseline when
// there is one, otherwise within adult normal limits (docs/normal-limits.md). And whether a
// measure changed between two recordings by more than their own variability allows.

#include <optional>
#include <string>
#include <vector>

#include "eegtrack/clinical/eeg_measures.hpp"
#include "eegtrack/findings/adult_limits.hpp"

namespace eegtrack::clinical {

/// Adult limits of a normal awake EEG for the follow-up (average montage, bands 1-4/4-8/8-13/
/// 13-30 Hz of 1-30 Hz). The defaults are derived from the healthy rest recordings bundled with
/// eegtrack (docs/normal-limits.md: the largest healthy value rounded up, and the PDR floor of
/// the published adult norms); a test re-derives them.
struct NormalLimits {
  double min_pdr_hz = findings::kAdultMinPdrHz;
  double max_relative_delta = findings::kAdultMaxRelativeDelta;
  double max_encephalopathy_index = findings::kAdultMaxEncephalopathyIndex;
};

/// What a recording was compared with.
enum class NormalReference { Baseline, AdultLimits };
[[nodiscard]] const char* to_string(NormalReference reference) noexcept;  ///< "baseline", ...

/// The verdict with every reason it is not normal. A finding beyond the reference makes the
/// recording abnormal; what could not be judged (a measure not computed, detection not run)
/// leaves it undetermined: not normal, yet not abnormal either.
struct NormalityCheck {
  NormalReference reference = NormalReference::AdultLimits;
  bool normal = false;                ///< both lists empty
  std::vector<std::string> abnormal;  ///< "PDR absent", "relative delta 0.52 > 0.35", ...
  std::vector<std::string> unknown;   ///< "encephalopathy index not computed", ...
};

/// "normal", "abnormal" (some finding beyond the reference) or "undetermined" (none, but some
/// part could not be judged).
[[nodiscard]] const char* verdict_word(const NormalityCheck& check) noexcept;

/// Against adult limits: a PDR of at least min_pdr_hz, relative delta and index at most their
/// limits, no periodic or rhythmic pattern and no seizure. A measure that could not be computed
/// ("index not computed") and detection that did not run ("epileptiform detection not run") or
/// read nothing ("epileptiform: not analysed (nothing the detectors could read)") are unknowns:
/// normality is never assumed.
[[nodiscard]] NormalityCheck check_against_limits(const EegMeasures& m, const NormalLimits& limits);

/// Differences smaller than the resolution the measures are reported at are not differences:
/// a baseline whose index interval is [0, 0] must not make an index of 0.0004 abnormal.
inline constexpr double kIndexResolution = 0.01;
inline constexpr double kRelativePowerResolution = 0.01;
inline constexpr double kPdrResolutionHz = 0.1;

/// Against the patient's baseline: index and relative delta at most the top of the baseline's
/// 95 % interval (its value when it has none) plus the resolution above, a PDR when the
/// baseline had one and no lower than the bottom of its interval minus kPdrResolutionHz, no
/// periodic or rhythmic pattern or seizure the baseline did not have (a baseline without
/// detection had none that counts), and detection run on the recording.
[[nodiscard]] NormalityCheck check_against_baseline(const EegMeasures& m,
                                                    const EegMeasures& baseline);

/// A difference between two recordings and whether it exceeds their own variability.
struct Change {
  std::optional<double> difference;  ///< after - before; absent when either value is
  /// |difference| exceeds the combined 95 % half-widths, sqrt(h_before^2 + h_after^2); absent
  /// when either interval is unknown (a change cannot then be called).
  std::optional<bool> beyond_variability;
};

[[nodiscard]] Change compare(const Estimate& before, const Estimate& after);

}  // namespace eegtrack::clinical

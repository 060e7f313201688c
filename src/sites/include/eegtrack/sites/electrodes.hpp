#pragma once

// The names of the extended 10-10 system (Oostenveld & Praamstra, Clin Neurophysiol
// 2001;112:713-719; ACNS Guideline 2, Acharya et al., J Clin Neurophysiol 2016;33:308-311) plus
// the ear (A1, A2) and mastoid (M1, M2) reference sites, in canonical spelling.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace eegtrack::sites {

/// Canonical 10-10 name of one electrode token ("FP1" -> "Fp1", "t3" -> "T7", "Cz.." -> "Cz"),
/// or nullopt when the token is not a 10-10 electrode (A1/A2/M1/M2 and Nz included).
/// Old names T3/T4/T5/T6 become T7/T8/P7/P8 (never T9/T10).
[[nodiscard]] std::optional<std::string> canonical_electrode(std::string_view token);

/// True for a known electrode in canonical spelling ("Fp1", not "FP1").
[[nodiscard]] bool is_electrode(std::string_view name);

/// Every electrode known to canonical_electrode, in canonical spelling, front to back.
[[nodiscard]] std::span<const std::string_view> known_electrodes() noexcept;

}  // namespace eegtrack::sites

#pragma once
// Laboratory values in explicit units, and the EASIX family of endothelial indices
// (docs/clinical-background.md §2): EASIX = LDH x creatinine / platelets, m-EASIX = LDH x CRP /
// platelets, simplified EASIX = LDH / platelets, with LDH in U/L, creatinine and CRP in mg/dL
// and platelets in 10^9/L. Units are converted explicitly: a CRP in mg/L read as mg/dL would
// shift log2 m-EASIX by log2(10) = 3.32.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eegtrack/clinical/course.hpp"

namespace eegtrack::clinical {

/// The unit each analyte is converted to: ldh "U/L", creatinine "mg/dL", platelets "10^9/L",
/// crp "mg/dL", ferritin "ug/L", il6 "pg/mL"; nullopt for an analyte eegtrack does not know.
[[nodiscard]] std::optional<std::string> canonical_unit(std::string_view analyte);

/// `value` in `unit` converted to the analyte's canonical unit. Accepted units:
/// ldh U/L, IU/L, ukat/L (x 60); creatinine mg/dL, umol/L (/ 88.42); platelets 10^9/L, G/L,
/// 10^3/uL, /nL; crp mg/dL, mg/L (/ 10); ferritin ug/L, ng/mL; il6 pg/mL, ng/L. "µ" may be
/// written for "u". nullopt for an unknown analyte or unit (the caller names the problem).
[[nodiscard]] std::optional<double> to_canonical(std::string_view analyte, double value,
                                                 std::string_view unit);

/// One index value, raw and log2.
struct IndexValue {
  double value = 0.0;
  double log2 = 0.0;
};

/// The EASIX family of one lab panel; an index is absent when one of its values is missing (the
/// reason says which), never computed from a guess.
struct EasixIndices {
  LocalTime at;
  std::optional<IndexValue> easix;
  std::optional<IndexValue> m_easix;
  std::optional<IndexValue> s_easix;
  std::vector<std::string> missing;  ///< "EASIX: creatinine missing", ...
};

/// The indices of a panel whose values are in accepted units (see to_canonical).
/// @throws std::invalid_argument naming the analyte for an unknown unit, or for a platelet count
///         of 0 or below.
[[nodiscard]] EasixIndices easix_indices(const LabPanel& panel);

/// The canonical value of `analyte` in the panel, when present.
[[nodiscard]] std::optional<double> canonical_value(const LabPanel& panel,
                                                    std::string_view analyte);

}  // namespace eegtrack::clinical

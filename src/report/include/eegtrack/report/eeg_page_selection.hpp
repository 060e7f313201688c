#pragma once
// Which events of a recording get an EEG page in the recording report: every seizure, the
// clearest periodic and rhythmic patterns of each type, and the spikes the detector is most
// sure of, each in a window that shows it with some background before it.

#include <cstddef>
#include <string>
#include <vector>

#include "eegtrack/detect/event.hpp"

namespace eegtrack::report {

struct PageSelectionParams {
  double page_s = 10.0;                ///< length of an EEG page
  double seizure_lead_s = 2.0;         ///< a seizure page starts this long before the onset
  double pattern_lead_s = 1.0;         ///< so does a pattern page
  std::size_t max_seizures = 10;       ///< pages for seizures, first ones first
  std::size_t max_per_pattern = 2;     ///< pages per pattern type (GPD ... LRDA, BIRD)
  std::size_t max_spikes = 3;          ///< pages for spikes and sharp waves
  double min_page_separation_s = 2.0;  ///< a page starting this close to an earlier one is left out
};

/// One page to draw.
struct PageRequest {
  std::size_t event = 0;  ///< index into the events
  double start_s = 0.0;   ///< window start, seconds from the recording start (inside it)
  double duration_s = 0.0;
  std::string title;  ///< "Seizure 1", "LPD 2", "Spike 1" (numbered within its kind)
};

/// Pages for `events` (sorted by onset) of a recording lasting `recording_s`: seizures in time
/// order, then patterns by type (GPD, LPD, BIPD, GRDA, LRDA, BIRD; the most confident first),
/// then spikes and sharp waves (most confident first, centred on the discharge). Windows are
/// moved inside the recording; a window that starts within min_page_separation_s of an earlier
/// page's is left out (that page shows the event already).
[[nodiscard]] std::vector<PageRequest> select_eeg_pages(const std::vector<detect::Event>& events,
                                                        double recording_s,
                                                        const PageSelectionParams& params = {});

}  // namespace eegtrack::report

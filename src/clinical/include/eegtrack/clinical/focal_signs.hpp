#pragma once
// Which hemisphere a bedside note points to ("right facial clonus" -> left hemisphere), so a
// lateralized EEG finding can be said to match or contradict it.

#include <optional>
#include <string>
#include <string_view>

#include "eegtrack/sites/site.hpp"

namespace eegtrack::clinical {

/// A focal sign read from free text, and the hemisphere it implicates.
struct FocalSign {
  std::string text;        ///< the clause it was read from, as written
  sites::Side hemisphere;  ///< Left or Right
};

/// The first focal sign in `note`: a clause (between commas, semicolons or full stops) naming a
/// side and a focal motor or sensory sign of the body (clonus, twitching, jerking, weakness,
/// paresis, hemiparesis, numbness, neglect, hemianopia) implicates the opposite hemisphere; a
/// clause naming a side and a brain region ("left temporal", "right hemisphere") implicates
/// that side; aphasia alone implicates the left (dominant) hemisphere. Matching ignores case.
/// nullopt when no clause names one; negated clauses ("no left weakness") are skipped.
[[nodiscard]] std::optional<FocalSign> focal_sign(std::string_view note);

}  // namespace eegtrack::clinical

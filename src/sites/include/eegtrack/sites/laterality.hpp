#pragma once

// Where an event lies across the hemispheres. An electrode has a Side; an event involving many
// electrodes may also be bilateral, or its side unknown.

namespace eegtrack::sites {

/// One hemisphere, both (generalized or bilateral independent), or midline.
enum class Laterality { Left, Right, Bilateral, Midline, Unknown };

/// "left", "right", "bilateral", "midline", "unknown".
[[nodiscard]] const char* to_string(Laterality laterality) noexcept;

}  // namespace eegtrack::sites

#pragma once

// The folder the batch CLI tests run on, made once per test process from the repository's
// recordings.

#include <filesystem>

namespace eegtrack::test {

/// Two different recordings with the same file name in two folders (ward1/rec.edf,
/// ward2/rec.EDF), a truncated copy (bad/truncated.edf) and a file that is not EEG at all
/// (bad/garbage\xff.bdf).
[[nodiscard]] std::filesystem::path folder_input();

}  // namespace eegtrack::test

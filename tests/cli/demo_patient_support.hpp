#pragma once

// The simulated demo patient (docs/demo-patient.md) written for the tests that check it.

#include <filesystem>
#include <string>
#include <vector>

namespace eegtrack::test {

/// Runs eegtrack-demo-patient into program_scratch_dir()/name (emptied first) from the bundled
/// healthy recording, with `options` added (e.g. {"--seed", "2"}); returns the directory.
/// A non-zero exit status fails the calling test, with the program's stderr.
[[nodiscard]] std::filesystem::path make_demo(const std::string& name,
                                              const std::vector<std::string>& options = {});

}  // namespace eegtrack::test

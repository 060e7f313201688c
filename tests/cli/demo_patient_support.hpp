#pragma once

// The simulated demo patient (docs/demo-patient.md) written for the tests that check it.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace eegtrack::test {

/// Runs eegtrack-demo-patient into program_scratch_dir()/name (emptied first) from the bundled
/// healthy recording, with `options` added (e.g. {"--seed", "2"}); returns the directory.
/// A non-zero exit status fails the calling test, with the program's stderr.
[[nodiscard]] std::filesystem::path make_demo(const std::string& name,
                                              const std::vector<std::string>& options = {});

/// The demo patient made once for every test process of this build, with `then` (the eegtrack
/// runs the tests read, e.g. followup into DIR/out) run once on it. CTest runs each test in its
/// own process, and making and analysing the demo is most of each demo test's time (minutes
/// under the sanitizers); the result is kept in the build tree, keyed by the two programs that
/// made it (size and modification time), so a rebuilt eegtrack or generator makes it again.
/// Processes take turns through a lock; a run that fails is not kept.
[[nodiscard]] std::filesystem::path shared_demo(
    const std::string& name, const std::function<void(const std::filesystem::path&)>& then);

/// The shared demo (shared_demo) with `eegtrack followup DIR/course.yaml -o DIR/out --report`
/// run on it; that run's standard output is in DIR/followup.stdout. Tests only read it.
[[nodiscard]] std::filesystem::path shared_demo_followup();

}  // namespace eegtrack::test

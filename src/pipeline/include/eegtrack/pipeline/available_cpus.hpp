#pragma once

#include <cstddef>

namespace eegtrack::pipeline {

/// The CPUs this process may run on: its affinity mask (what a Slurm task or `taskset` was
/// given), not every CPU of the machine; at least 1.
[[nodiscard]] std::size_t available_cpus();

}  // namespace eegtrack::pipeline

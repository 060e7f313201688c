#include "eegtrack/pipeline/available_cpus.hpp"

#include <sched.h>

#include <algorithm>
#include <thread>

namespace eegtrack::pipeline {

std::size_t available_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0)
      return static_cast<std::size_t>(n);
  }
  return std::max(1U, std::thread::hardware_concurrency());
}

}  // namespace eegtrack::pipeline

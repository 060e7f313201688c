// Times the per-epoch Welch PSD of a synthetic recording held in memory, single-threaded:
// 4-s epochs, 2-s Hann segments, 50 % overlap, constant detrend, mean (the qEEG default).
//
//   epoch_psd_tool [hours=24] [channels=21] [sample_rate_hz=256]
//
// Prints the data size and the elapsed seconds of epoch_welch_psd alone (data generation is not
// timed). scripts/bench_dsp_vs_python.py runs the same computation in SciPy and MNE.
#include <sys/resource.h>

#include <Eigen/Core>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <numbers>

#include "eegtrack/dsp/welch.hpp"

namespace {

/// Seeded synthetic EEG: approximately Gaussian noise (sum of 4 uniforms from splitmix64) plus a
/// 10-Hz alpha sine per channel. Cheap enough to fill gigabytes in seconds.
Eigen::MatrixXd synthetic(Eigen::Index channels, Eigen::Index samples, double fs) {
  Eigen::MatrixXd x(channels, samples);
  std::uint64_t state = 20240521;
  auto next = [&state] {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
  };
  const double w = 2.0 * std::numbers::pi * 10.0 / fs;
  for (Eigen::Index t = 0; t < samples; ++t) {
    const double alpha = 20.0 * std::sin(w * static_cast<double>(t));
    for (Eigen::Index c = 0; c < channels; ++c)
      x(c, t) = 10.0 * (next() + next() + next() + next() - 2.0) * 1.7 + alpha;
  }
  return x;
}

struct CpuTimes {
  double user_s;
  double sys_s;
};

CpuTimes cpu_times() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return {static_cast<double>(u.ru_utime.tv_sec) + 1e-6 * static_cast<double>(u.ru_utime.tv_usec),
          static_cast<double>(u.ru_stime.tv_sec) + 1e-6 * static_cast<double>(u.ru_stime.tv_usec)};
}

}  // namespace

int main(int argc, char** argv) {
  const double hours = argc > 1 ? std::atof(argv[1]) : 24.0;
  const long channels = argc > 2 ? std::atol(argv[2]) : 21;
  const double fs = argc > 3 ? std::atof(argv[3]) : 256.0;
  const auto samples = static_cast<Eigen::Index>(std::llround(hours * 3600.0 * fs));
  const Eigen::MatrixXd x = synthetic(channels, samples, fs);

  // The recording is processed in 15-minute blocks (whole epochs) into one reused result, as the
  // streaming pipeline does; each block's spectra are consumed (summed) before the next. Without
  // reuse, a 0.93 GB result array costs ~2 s of kernel page faults on this VM, which measures the
  // allocator rather than the DSP.
  // CPU time as well as wall time: on a shared machine the wall time includes waiting for a core.
  const auto block = static_cast<Eigen::Index>(std::llround(900.0 * fs));
  eegtrack::dsp::EpochPsd psd;
  double checksum = 0.0;
  std::size_t epochs = 0;
  const CpuTimes cpu_start = cpu_times();
  const auto start = std::chrono::steady_clock::now();
  for (Eigen::Index first = 0; first < samples; first += block) {
    const Eigen::Index n = std::min(block, samples - first);
    eegtrack::dsp::epoch_welch_psd(
        x.middleCols(first, n), fs, 4.0,
        {.segment_s = 2.0, .overlap = 0.5, .window = eegtrack::dsp::WindowKind::Hann}, psd);
    for (const double v : psd.psd_uv2_per_hz)
      checksum += v;
    epochs += psd.n_epochs;
  }
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const CpuTimes cpu_end = cpu_times();
  const double user = cpu_end.user_s - cpu_start.user_s;
  const double sys = cpu_end.sys_s - cpu_start.sys_s;
  const double cpu = user + sys;

  std::printf("hours %.3f channels %ld fs %.1f epochs %zu freqs %zu checksum %.6e\n", hours,
              channels, fs, epochs, psd.frequencies_hz.size(), checksum);
  std::printf("elapsed_s %.3f cpu_s %.3f user_s %.3f sys_s %.3f cpu_per_hour_s %.4f\n", elapsed,
              cpu, user, sys, cpu / hours);
  return 0;
}

// Uses two installed libraries: the DSP core (a Welch spectrum of a 10-Hz sine must peak at
// 10 Hz) and the reader (the recording given on the command line must open and have signals).
#include <Eigen/Core>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "eegtrack/dsp/welch.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/version.hpp"

int main(int argc, char** argv) {
  if (argc != 2)
    return 2;
  const double fs = 256.0;
  Eigen::MatrixXd x(1, 2048);
  for (Eigen::Index i = 0; i < x.cols(); ++i)
    x(0, i) = std::sin(2.0 * std::numbers::pi * 10.0 * static_cast<double>(i) / fs);
  const auto psd = eegtrack::dsp::welch_psd(x, fs, {});
  Eigen::Index peak = 0;
  psd.psd_uv2_per_hz.row(0).maxCoeff(&peak);
  const double peak_hz = psd.frequencies_hz[static_cast<std::size_t>(peak)];
  const eegtrack::io::EdfReader reader(argv[1]);
  std::printf("eegtrack %s: peak %.2f Hz, %zu signals\n", eegtrack::kVersion, peak_hz,
              reader.header().signals.size());
  return std::abs(peak_hz - 10.0) < 0.5 && !reader.header().signals.empty() ? 0 : 1;
}

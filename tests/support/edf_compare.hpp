#pragma once

#include <filesystem>
#include <vector>

#include "eegtrack/io/edf_reader.hpp"
#include "support/edflib_oracle.hpp"

namespace eegtrack::test {

/// Relative tolerance (of the larger physical range bound) between eegtrack's and EDFlib's
/// physical values: both apply the same linear map, anchored differently (minima vs maxima),
/// so they differ only by floating-point rounding.
inline constexpr double kOracleRelTol = 1e-12;
/// EDFlib reads onsets with 100 ns resolution; TAL texts carry more digits.
inline constexpr double kOnsetTolS = 1e-6;

/// Every data signal of the reader, whole file, delivered units.
[[nodiscard]] std::vector<std::vector<double>> read_all(const io::EdfReader& reader);

/// x[i] evaluated at i / rate_hz of amplitude * sin(2 pi f t + phase).
[[nodiscard]] std::vector<double> sine(std::size_t n, double rate_hz, double freq_hz,
                                       double amplitude, double phase = 0.0);

/// GoogleTest assertions: the reader agrees with EDFlib on labels, dimensions, ranges, rates,
/// start date/time, record count and duration, every physical sample (kOracleRelTol) and every
/// annotation (text, duration, onset within kOnsetTolS). Signals must use "uV" (unit scale 1).
void expect_reader_matches_oracle(const std::filesystem::path& path);

/// max |a - b| over equal-length vectors (asserts equal length).
[[nodiscard]] double max_abs_diff(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace eegtrack::test

#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "eegtrack/io/annotations.hpp"

namespace eegtrack::test {

/// One ordinary signal as EDFlib reports it (annotation signals are hidden by EDFlib).
struct OracleSignal {
  std::string label{};
  std::string physical_dimension{};
  std::string prefilter{};
  std::string transducer{};
  double physical_min = 0.0;
  double physical_max = 0.0;
  int digital_min = 0;
  int digital_max = 0;
  int samples_per_record = 0;
  double sample_rate_hz = 0.0;
  std::int64_t samples_in_file = 0;
};

/// Everything EDFlib reads from a file: the independent truth for reader tests.
struct OracleFile {
  int filetype = 0;  ///< EDFLIB_FILETYPE_EDF/EDFPLUS/BDF/BDFPLUS
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  double subsecond_s = 0.0;
  double record_duration_s = 0.0;
  std::int64_t n_records = 0;
  double file_duration_s = 0.0;
  std::vector<OracleSignal> signals{};
  /// Physical samples (header units) of every ordinary signal, whole file.
  std::vector<std::vector<double>> samples{};
  /// All annotations (EDFLIB_READ_ALL_ANNOTATIONS); duration_s is 0 when absent. EDFlib's onset
  /// is relative to the first sample (sub-second start removed), 100 ns resolution.
  std::vector<io::Annotation> annotations{};
};

/// Reads path completely with EDFlib (edfopen_file_readonly under the shared EDFlib mutex).
/// @throws io::EdfError naming the path and EDFlib's code when EDFlib refuses the file.
[[nodiscard]] OracleFile read_with_edflib(const std::filesystem::path& path);

/// 0 if EDFlib opens path, else EDFlib's (negative) error code, e.g. -10 for EDF+D.
[[nodiscard]] int edflib_open_code(const std::filesystem::path& path);

}  // namespace eegtrack::test

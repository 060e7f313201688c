#pragma once

// Test helper: epoch Welch PSDs of named channels of a real recording, read with the project
// reader (4-s epochs, 2-s Hann segments with 50% overlap, as the README reference values).

#include <Eigen/Core>
#include <cstddef>
#include <filesystem>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "eegtrack/dsp/welch.hpp"
#include "eegtrack/features/epoch_average.hpp"
#include "eegtrack/io/edf_reader.hpp"

namespace eegtrack::test {

/// Mean-over-all-epochs PSD (rows in the order of `labels`) of a recording's signals.
inline dsp::PsdMatrix recording_mean_psd(const std::filesystem::path& path,
                                         const std::vector<std::string>& labels) {
  const io::EdfReader reader(path);
  std::vector<int> signals;
  for (const auto& label : labels) {
    const auto& all = reader.header().signals;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (all[i].label == label)
        signals.push_back(static_cast<int>(i));
    }
  }
  if (signals.size() != labels.size())
    throw std::runtime_error("recording_mean_psd: a label is missing in " + path.string());
  const auto chunks = reader.read_window(signals, 0.0, reader.duration_s());
  const auto& first = chunks.at(0).signals;
  Eigen::MatrixXd x(static_cast<Eigen::Index>(first.size()),
                    static_cast<Eigen::Index>(first[0].samples.size()));
  for (std::size_t c = 0; c < first.size(); ++c)
    for (std::size_t k = 0; k < first[c].samples.size(); ++k)
      x(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k)) = first[c].samples[k];
  const auto epochs = dsp::epoch_welch_psd(x, first[0].sample_rate_hz, 4.0, {.segment_s = 2.0});
  std::vector<std::size_t> rows(labels.size());
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  return features::mean_over_epochs(epochs, rows);
}

}  // namespace eegtrack::test

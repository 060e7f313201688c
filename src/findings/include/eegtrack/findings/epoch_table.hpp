#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace eegtrack::findings {

/// The per-epoch rows of one recording, in time order (the HDF5 /epochs table and
/// /artifacts/mask). Per-epoch feature values are not held here: they stream to the store.
struct EpochTable {
  double epoch_s = 0.0;  ///< length of every epoch (a whole number of samples)
  std::size_t n_channels = 0;
  std::vector<double> onset_s;        ///< true time from the recording start
  std::vector<std::int64_t> segment;  ///< contiguous segment (EDF+D) the epoch lies in
  std::vector<double> kept_fraction;  ///< fraction of channels without a rejecting reason
  std::vector<std::uint8_t> clean;    ///< 1 if counted in the recording-level measures
  /// [n_epochs, n_channels] bits of features::ArtifactReason, row-major.
  std::vector<std::uint8_t> artifact_mask;

  [[nodiscard]] std::size_t size() const noexcept { return onset_s.size(); }
  friend bool operator==(const EpochTable&, const EpochTable&) = default;
};

}  // namespace eegtrack::findings

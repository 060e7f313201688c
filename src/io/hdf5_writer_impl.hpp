#pragma once

// State of an Hdf5Writer, shared by its source files (lifecycle and datasets).

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "eegtrack/io/hdf5_writer.hpp"
#include "hdf5_handles.hpp"

namespace eegtrack::io::detail {

struct Hdf5WriterState {
  /// An extendable dataset kept open between append_rows calls so that its chunk cache holds
  /// the partly filled last chunk instead of re-reading and re-compressing it on every call.
  struct Extendable {
    H5Handle dataset;
    std::uint64_t rows = 0;
    std::vector<hsize_t> row_shape;  ///< dimensions after the first (extendable) one
  };

  std::filesystem::path final_path;
  std::filesystem::path temp_path;
  H5Handle file;
  std::map<std::string, Extendable, std::less<>> extendables;
  bool committed = false;

  [[nodiscard]] H5Site site(std::string_view object) const { return {final_path, object}; }
};

/// The state of a writer that can still write.
/// @throws std::invalid_argument ("function: ...") if the writer was moved from or committed.
Hdf5WriterState& live_state(const std::unique_ptr<Hdf5WriterState>& state,
                            std::string_view function);

/// Checks the dataset options. @throws std::invalid_argument naming function.
void validate_options(const DatasetOptions& options, std::string_view function);

/// A dataset creation property list: when chunked is true, chunks of whole rows (about
/// options.chunk_target_bytes each), shuffled and deflated unless options.deflate_level is 0;
/// default (contiguous) otherwise.
H5Handle dataset_creation_plist(const std::vector<hsize_t>& dims, std::size_t element_bytes,
                                bool chunked, const DatasetOptions& options, const H5Site& site);

}  // namespace eegtrack::io::detail

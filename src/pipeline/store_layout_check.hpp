// The first thing both readers of a feature store (read_findings_h5, read_recording_trends) do:
// check that its layout is one this eegtrack reads.
#pragma once

#include <string>

#include "eegtrack/io/hdf5_reader.hpp"

namespace eegtrack::pipeline {

/// The store's eegtrack_layout_version, when its major is kHdf5LayoutMajor.
/// @throws FindingsFileError naming the file and the field eegtrack_layout_version otherwise
/// (missing: not an eegtrack store; not a string or another major: unknown).
[[nodiscard]] std::string known_store_layout(const io::Hdf5Reader& r);

}  // namespace eegtrack::pipeline

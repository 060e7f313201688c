// The layout version of the HDF5 feature store (docs/hdf5-layout.md), shared by its writer
// (hdf5_store) and its readers (read_findings_h5, read_recording_trends).
#pragma once

#include <string_view>

namespace eegtrack::pipeline {

/// Layout version written by Hdf5Store. 2.0 stores strings as fixed-length UTF-8
/// (variable-length before); the readers refuse any other major.
inline constexpr const char* kHdf5LayoutVersion = "2.0";
/// The major version this eegtrack reads, as the version string starts.
inline constexpr std::string_view kHdf5LayoutMajor = "2.";

}  // namespace eegtrack::pipeline

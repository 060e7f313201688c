// Reading back an HDF5 feature store of an earlier run: the findings (/summary json attribute,
// layout version) and the trends of the recording report (features, artifacts, spectrogram).
// HDF5 itself is Debian's uninstrumented library: the fuzzer steers only eegtrack's reader, and
// a crash inside libhdf5 is a library defect (docs/robustness.md).
#include <cstddef>
#include <cstdint>

#include "eegtrack/io/errors.hpp"
#include "eegtrack/io/hdf5_error.hpp"
#include "eegtrack/pipeline/read_findings.hpp"
#include "eegtrack/pipeline/read_trends.hpp"
#include "memory_file.hpp"

namespace io = eegtrack::io;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const eegtrack::fuzz::MemoryFile file(data, size, eegtrack::fuzz::MemoryFile::Kind::Named);
  try {
    (void)eegtrack::pipeline::read_findings_h5(file.path());
  } catch (const io::EdfError&) {
  } catch (const io::H5Error&) {
  }
  try {
    (void)eegtrack::pipeline::read_recording_trends(file.path());
  } catch (const io::EdfError&) {
  } catch (const io::H5Error&) {
  }
  return 0;
}

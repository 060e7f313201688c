#include "batch_folder_input.hpp"

#include <fstream>

#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {

namespace fs = std::filesystem;

fs::path folder_input() {
  static const fs::path dir = [] {
    const fs::path d = program_scratch_dir() / "batch_folder";
    fs::remove_all(d);
    fs::create_directories(d / "ward1");
    fs::create_directories(d / "ward2");
    fs::create_directories(d / "bad");
    fs::copy_file(sample_dir() / "chbmit_chb01_03_interictal_0-41s.edf", d / "ward1" / "rec.edf");
    fs::copy_file(sample_dir() / "chbmit_chb01_03_seizure_2995-3036s.edf", d / "ward2" / "rec.EDF");
    const std::string whole = read_text((sample_dir() / "eegmmidb_S001R01_eyes_open.edf").string());
    std::ofstream(d / "bad" / "truncated.edf", std::ios::binary)
        << whole.substr(0, whole.size() / 2 + 17);
    // A name that is not valid UTF-8 (any byte goes on Linux) must still give a valid table.
    std::ofstream(d / "bad" / "garbage\xff.bdf", std::ios::binary) << "this is not EEG\n";
    return d;
  }();
  return dir;
}

}  // namespace eegtrack::test

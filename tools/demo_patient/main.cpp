// eegtrack-demo-patient OUTDIR [--source EDF]: writes the simulated demo patient of the README's
// main job (docs/demo-patient.md): OUTDIR/course.yaml and OUTDIR/eeg/*.edf, EDF+ files derived
// from a real healthy recording and marked as simulated. Deterministic: the same bytes on every
// run.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "demo_course.hpp"
#include "eegtrack/io/edf_writer.hpp"
#include "simulated_eeg.hpp"

namespace fs = std::filesystem;
using namespace eegtrack;

namespace {

constexpr double kDurationS = 180.0;

demo::Eeg picture(const demo::Eeg& source, demo::Picture p, std::uint64_t seed) {
  using demo::Picture;
  demo::Eeg eeg;
  switch (p) {
    case Picture::Baseline:
      eeg = demo::time_stretched(source, 1, 1, kDurationS);
      break;
    case Picture::MildSlowing:
      eeg = demo::time_stretched(source, 11, 10, kDurationS);
      break;
    case Picture::Coma:
      eeg = demo::time_stretched(source, 14, 5, kDurationS);
      demo::scale(eeg, 1.5);
      break;
    case Picture::Improving:
      eeg = demo::time_stretched(source, 8, 5, kDurationS);
      break;
    case Picture::Normal:
      eeg = demo::time_stretched(source, 1, 1, kDurationS);
      break;
    case Picture::Relapse:
      eeg = demo::time_stretched(demo::reversed(source), 1, 1, kDurationS);
      demo::add_left_delta(eeg, 25.0, 0.0, kDurationS, seed + 1);
      demo::add_left_periodic_discharges(eeg, 90.0, 1.1, 30.0, 100.0, seed + 2);
      demo::add_left_seizure(eeg, 110.0, 30.0, seed + 3);
      break;
    case Picture::FocalResidue:
      eeg = demo::time_stretched(source, 1, 1, kDurationS);
      demo::add_left_delta(eeg, 12.0, 0.0, kDurationS, seed + 1);
      break;
  }
  if (p != Picture::Baseline)
    demo::add_noise(eeg, 1.0, seed);  // each session has its own electrode noise
  return eeg;
}

io::StartTime start_of(const std::string& iso) {
  io::StartTime t;
  t.year = std::stoi(iso.substr(0, 4));
  t.month = std::stoi(iso.substr(5, 2));
  t.day = std::stoi(iso.substr(8, 2));
  t.hour = std::stoi(iso.substr(11, 2));
  t.minute = std::stoi(iso.substr(14, 2));
  return t;
}

void write_recording(const fs::path& path, const demo::Eeg& eeg, const demo::PlannedRecording& r) {
  io::WriteParams params;
  params.start = start_of(r.at);
  params.patient_code = "DEMO-ICANS-01";
  params.patient_name = "SIMULATED";
  params.patient_additional = "simulated demo patient, not patient data";
  params.recording_additional = "SIMULATED from EEGMAT Subject00 (PhysioNet, ODC-By)";
  params.equipment = "eegtrack-demo-patient";
  std::vector<io::WriteSignal> signals;
  for (const auto& label : eeg.labels) {
    io::WriteSignal s;
    s.label = label;
    s.samples_per_record = static_cast<int>(eeg.rate_hz);
    s.prefilter = "simulated";
    signals.push_back(s);
  }
  std::vector<io::Annotation> notes{{0.0, -1.0, "SIMULATED recording"}};
  if (r.picture == demo::Picture::Relapse) {
    notes.push_back({30.0, 70.0, "simulated left PDs"});
    notes.push_back({110.0, 30.0, "simulated left seizure"});
  }
  io::write_edf(path, params, signals, eeg.x, notes);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help") {
    std::cerr
        << "usage: eegtrack-demo-patient OUTDIR [--source EDF]\n"
           "  writes OUTDIR/course.yaml and OUTDIR/eeg/*.edf (simulated, docs/demo-patient.md)\n";
    return argc < 2 ? 2 : 0;
  }
  const fs::path out = argv[1];
  std::string source_path = "sample_edf/eegmat_Subject00_1_rest_eyes_closed.edf";
  for (int i = 2; i + 1 < argc; i += 2)
    if (std::string(argv[i]) == "--source")
      source_path = argv[i + 1];
  try {
    const auto source = demo::load_scalp_eeg(source_path);
    fs::create_directories(out / "eeg");
    std::uint64_t seed = 1;
    for (const auto& r : demo::planned_recordings()) {
      write_recording(out / "eeg" / r.file, picture(source, r.picture, 1000 * seed++), r);
      std::cout << "wrote " << (out / "eeg" / r.file).string() << " (" << r.label << ")\n";
    }
    std::ofstream(out / "course.yaml") << demo::course_yaml();
    std::cout << "wrote " << (out / "course.yaml").string() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "eegtrack-demo-patient: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

// eegtrack-demo-patient OUTDIR [--seed N] [--source EDF]: writes the simulated demo patient of
// the README's main job (docs/demo-patient.md): OUTDIR/course.yaml and OUTDIR/eeg/*.edf, EDF+
// files derived from a real healthy recording and marked as simulated. Deterministic: the same
// bytes on every run with the same seed and source. Exit status 0 success, 1 file problem, 2
// usage problem (as eegtrack).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "demo_course.hpp"
#include "eegtrack/io/edf_writer.hpp"
#include "pictures.hpp"

namespace fs = std::filesystem;
using namespace eegtrack;

namespace {

io::StartTime start_of(const std::string& iso) {
  io::StartTime t;
  t.year = std::stoi(iso.substr(0, 4));
  t.month = std::stoi(iso.substr(5, 2));
  t.day = std::stoi(iso.substr(8, 2));
  t.hour = std::stoi(iso.substr(11, 2));
  t.minute = std::stoi(iso.substr(14, 2));
  return t;
}

void write_recording(const fs::path& path, const demo::SimulatedRecording& r,
                     const demo::PlannedRecording& plan) {
  io::WriteParams params;
  params.start = start_of(plan.at);
  params.patient_code = "DEMO-ICANS-01";
  params.patient_name = "SIMULATED";
  params.patient_additional = "simulated demo patient, not patient data";
  // EDFlib fills the recording field up to column 66 only: "Startdate dd-MMM-yyyy X X ", the
  // equipment and a space leave these 31 characters.
  params.equipment = "eegtrack";
  params.recording_additional = "SIMULATED from PhysioNet EEGMAT";
  std::vector<io::WriteSignal> signals;
  for (const auto& label : r.eeg.labels) {
    io::WriteSignal s;
    s.label = label;
    s.samples_per_record = static_cast<int>(r.eeg.rate_hz);
    s.prefilter = "simulated";
    // A 0.1-uV step with limits EDFlib writes exactly (it writes 3276.7 as "3276.699", which
    // would shift every decoded value by up to 0.0005 uV from the value written).
    s.physical_min = -3276.0;
    s.physical_max = 3276.0;
    s.digital_min = -32760;
    s.digital_max = 32760;
    signals.push_back(s);
  }
  io::write_edf(path, params, signals, r.eeg.x, r.annotations);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "eegtrack-demo-patient: writes the SIMULATED demo patient DEMO-ICANS-01 (course.yaml and "
      "eeg/*.edf, docs/demo-patient.md), derived from a real healthy recording"};
  std::string out_dir;
  std::uint64_t seed = 1;
  std::string source = "sample_edf/eegmat_Subject00_1_rest_eyes_closed.edf";
  app.add_option("OUTDIR", out_dir, "directory to write course.yaml and eeg/ into")->required();
  app.add_option("--seed", seed,
                 "seed of every random part (electrode noise, delta, discharge jitter); the same "
                 "seed writes the same bytes")
      ->capture_default_str();
  app.add_option("--source", source,
                 "healthy eyes-closed recording the EEG derives from (10-20 scalp channels, "
                 "at least 3 min)")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    if (!fs::exists(source))
      throw std::runtime_error(source +
                               ": source recording not found (run from the repository root or "
                               "give --source)");
    const auto eeg = demo::load_scalp_eeg(source);
    const fs::path out = out_dir;
    fs::create_directories(out / "eeg");
    std::uint64_t k = 1;
    for (const auto& plan : demo::planned_recordings()) {
      // Each recording its own seeds (simulate uses seed + 0..9), distinct for every --seed:
      // editing one recording leaves the others' bytes alone.
      write_recording(out / "eeg" / plan.file, demo::simulate(eeg, plan, (seed << 16) + 1000 * k++),
                      plan);
      std::cout << "wrote " << (out / "eeg" / plan.file).string() << " (" << plan.label << ")\n";
    }
    std::ofstream course(out / "course.yaml");
    course << demo::course_yaml();
    if (!course.flush())
      throw std::runtime_error((out / "course.yaml").string() + ": cannot write");
    std::cout << "wrote " << (out / "course.yaml").string() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "eegtrack-demo-patient: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

// Identity protection at the command line: header identity fields, well-formed or malformed,
// and names in annotation texts reach no output of `info` (text, JSON, --strict deviations and
// warnings) unless --show-identifiers is given.
#include <gtest/gtest.h>

#include <cmath>
#include <span>

#include "eegtrack/io/edf_writer.hpp"
#include "support/patched_recording.hpp"
#include "support/paths.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

// The pieces of identity planted in the file; none may appear without --show-identifiers.
const char* const kIdentity[] = {"Smith", "Jane", "4711", "1961", "MAR-61", "Tech_Brown"};

// An EDF+ file written by EDFlib, then given malformed identification fields as a careless
// writer would: the patient field lacks its code, so the name sits where the sex belongs and
// the birth date is in the wrong form; the recording field's startdate differs from the header
// and the technician is named. An annotation names the patient and her birth date.
fs::path malformed_identity_file() {
  const fs::path written = scratch_dir() / "written.edf";
  io::WriteParams params;
  params.start = io::StartTime{.year = 2026, .month = 3, .day = 14, .hour = 9, .minute = 30};
  std::vector<io::WriteSignal> signals(2);
  signals[0].label = "EEG Fp1";
  signals[1].label = "EEG T3";
  std::vector<std::vector<double>> samples(2, std::vector<double>(256 * 4));
  for (std::size_t k = 0; k < samples[0].size(); ++k)
    samples[0][k] = samples[1][k] =
        50.0 * std::sin(2.0 * M_PI * 10.0 * static_cast<double>(k) / 256.0);
  const io::Annotation note{
      .onset_s = 1.5, .duration_s = 0.0, .text = "Jane Smith eyes closed, DOB 12.03.1961"};
  io::write_edf(written, params, signals, samples, std::span(&note, 1));
  PatchedRecording patched(written);
  patched.fixed(8, 80, "Smith_Jane F 1961.03.12 MRN4711");
  patched.fixed(88, 80, "Startdate 12-MAR-1961 X Tech_Brown X");
  return patched.write("malformed_identity.edf");
}

TEST(CliIdentity, MalformedIdentityFieldsAndAnnotationNamesStayOut) {
  const auto path = malformed_identity_file().string();
  for (const auto& extra : std::vector<std::vector<std::string>>{
           {}, {"--json"}, {"--strict"}, {"--strict", "--json"}}) {
    std::vector<std::string> args = {"info", path};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_cli(args);
    ASSERT_TRUE(r.exit_status == 0 || r.exit_status == 1) << r.err;
    for (const char* who : kIdentity) {
      EXPECT_EQ(r.out.find(who), std::string::npos) << who << " in " << r.out;
      EXPECT_EQ(r.err.find(who), std::string::npos) << who << " in " << r.err;
    }
    // The annotation is still there, with its EEG words.
    EXPECT_NE(r.out.find("[word] [word] eyes closed, [word] [date]"), std::string::npos) << r.out;
  }
  // The strict report still locates each problem, without the value.
  const auto strict = run_cli({"info", path, "--strict"});
  EXPECT_EQ(strict.exit_status, 1);
  EXPECT_NE(strict.out.find("birthdate subfield is not dd-MMM-yyyy (value not shown"),
            std::string::npos)
      << strict.out;
  EXPECT_NE(strict.out.find("startdate subfield differs from the header startdate"),
            std::string::npos)
      << strict.out;

  const auto shown = run_cli({"info", path, "--strict", "--show-identifiers"});
  EXPECT_NE(shown.out.find("Smith_Jane F 1961.03.12 MRN4711"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("Jane Smith eyes closed, DOB 12.03.1961"), std::string::npos);
}

}  // namespace
}  // namespace eegtrack::test

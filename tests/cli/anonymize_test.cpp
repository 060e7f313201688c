// eegtrack anonymize: the copy of EDF, EDF+, BDF and BDF+ recordings carrying a planted
// identity reads back, with our reader and with EDFlib (the independent oracle), with the same
// samples and annotation times at a start date shifted by the requested days, its data records
// are byte-identical but for annotation text bytes masked with 'X', and none of the identity's
// bytes remain in it.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>

#include "eegtrack/io/annotation_filter.hpp"
#include "eegtrack/io/edf_reader.hpp"
#include "support/edflib_oracle.hpp"
#include "support/patched_recording.hpp"
#include "support/paths.hpp"
#include "support/raw_edf.hpp"
#include "support/run_cli.hpp"

namespace eegtrack::test {
namespace {

namespace fs = std::filesystem;

const char* const kPatientPlus = "MRN4711 F 12-MAR-1961 Smith_Jane";
const char* const kIdentity[] = {"MRN4711", "1961", "Smith", "Jane", "ADM99", "Tech_Brown"};

// The date `days` after the (year, month, day) given, independently of the program.
std::chrono::year_month_day shifted(int y, int m, int d, int days) {
  using namespace std::chrono;
  return year_month_day{
      sys_days{year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}} +
      std::chrono::days{days}};
}

void expect_anonymized_copy(const fs::path& original, const fs::path& copy, int shift_days,
                            std::size_t expected_masked_bytes = 0) {
  const std::string before = read_text(original.string());
  const std::string after = read_text(copy.string());
  for (const char* who : kIdentity) {
    ASSERT_NE(before.find(who), std::string::npos) << who << " not planted in " << original;
    EXPECT_EQ(after.find(who), std::string::npos) << who << " left in " << copy;
  }
  const io::EdfReader a(original);
  const io::EdfReader b(copy);
  const auto& ha = a.header();
  const auto& hb = b.header();
  ASSERT_EQ(after.size(), before.size());
  // Data records: identical but for the masked annotation text bytes, which became 'X'.
  std::size_t masked = 0;
  for (auto k = static_cast<std::size_t>(ha.header_bytes); k < before.size(); ++k) {
    if (after[k] != before[k]) {
      ASSERT_EQ(after[k], 'X') << "data byte " << k << " changed";
      ++masked;
    }
  }
  EXPECT_EQ(masked, expected_masked_bytes);
  // Everything after the identity and date fields of the header is unchanged too.
  EXPECT_EQ(after.substr(176, static_cast<std::size_t>(ha.header_bytes) - 176),
            before.substr(176, static_cast<std::size_t>(ha.header_bytes) - 176));
  EXPECT_EQ(hb.file_type, ha.file_type);

  const auto expected = shifted(ha.start.year, ha.start.month, ha.start.day, shift_days);
  EXPECT_EQ(hb.start.year, static_cast<int>(expected.year()));
  EXPECT_EQ(hb.start.month, static_cast<int>(static_cast<unsigned>(expected.month())));
  EXPECT_EQ(hb.start.day, static_cast<int>(static_cast<unsigned>(expected.day())));
  EXPECT_EQ(hb.start.hour, ha.start.hour);
  EXPECT_EQ(hb.start.minute, ha.start.minute);
  EXPECT_EQ(hb.start.second, ha.start.second);
  EXPECT_DOUBLE_EQ(hb.start.subsecond_s, ha.start.subsecond_s);
  // No deviation is added (those of the original identity fields may go).
  EXPECT_LE(b.deviations().size(), a.deviations().size());

  const auto data = ha.data_signals();
  const auto sa = a.read_window(data, 0.0, a.duration_s());
  const auto sb = b.read_window(data, 0.0, b.duration_s());
  ASSERT_EQ(sa.size(), sb.size());
  for (std::size_t c = 0; c < sa.size(); ++c)
    for (std::size_t s = 0; s < sa[c].signals.size(); ++s)
      EXPECT_EQ(sa[c].signals[s].samples, sb[c].signals[s].samples);
  ASSERT_EQ(a.annotations().size(), b.annotations().size());
  for (std::size_t i = 0; i < a.annotations().size(); ++i) {
    EXPECT_EQ(b.annotations()[i].onset_s, a.annotations()[i].onset_s);
    EXPECT_EQ(b.annotations()[i].text, io::masked_annotation(a.annotations()[i].text));
  }

  // EDFlib, the oracle: same samples and annotations, shifted date, no identity.
  const auto oa = read_with_edflib(original);
  const auto ob = read_with_edflib(copy);
  EXPECT_EQ(ob.filetype, oa.filetype);
  EXPECT_EQ(ob.year, static_cast<int>(expected.year()));
  EXPECT_EQ(ob.month, static_cast<int>(static_cast<unsigned>(expected.month())));
  EXPECT_EQ(ob.day, static_cast<int>(static_cast<unsigned>(expected.day())));
  EXPECT_EQ(ob.hour, oa.hour);
  EXPECT_EQ(ob.samples, oa.samples);
  ASSERT_EQ(ob.annotations.size(), oa.annotations.size());
  for (std::size_t i = 0; i < oa.annotations.size(); ++i) {
    EXPECT_EQ(ob.annotations[i].onset_s, oa.annotations[i].onset_s);
    EXPECT_EQ(ob.annotations[i].text, io::masked_annotation(oa.annotations[i].text));
  }
}

TEST(CliAnonymize, EdfPlusCopyKeepsSamplesAndLosesIdentity) {
  PatchedRecording real(eeg_path("seizure/chbmit_chb01_03_ictal.edf"));
  real.fixed(8, 80, kPatientPlus);
  real.fixed(88, 80, "Startdate 06-NOV-2076 ADM99 Tech_Brown Nihon_Kohden");
  const auto original = real.write("identified.edf");
  const fs::path copy = scratch_dir() / "copy.edf";
  const auto r = run_cli({"anonymize", original.string(), copy.string(), "--shift-days", "-400",
                          "--pseudonym", "P07"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  for (const char* who : kIdentity)
    EXPECT_EQ(r.out.find(who), std::string::npos);
  expect_anonymized_copy(original, copy, -400);
  const io::EdfReader reader(copy);
  EXPECT_EQ(reader.header().patient, "P07 X X X");
  EXPECT_EQ(reader.header().recording, "Startdate 03-OCT-2075 X X X");
}

TEST(CliAnonymize, PlainEdfCopyKeepsSamplesAndLosesIdentity) {
  PatchedRecording real(sample_dir() / "chbmit_chb01_03_interictal_0-41s.edf");
  real.fixed(8, 80, kPatientPlus);
  real.fixed(88, 80, "ADM99 Tech_Brown");
  const auto original = real.write("identified.edf");
  const fs::path copy = scratch_dir() / "copy.edf";
  const auto r = run_cli({"anonymize", original.string(), copy.string(), "--shift-days", "31"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  expect_anonymized_copy(original, copy, 31);
  EXPECT_EQ(io::EdfReader(copy).header().patient, "X");
}

// BDF and BDF+ built byte by byte: 24-bit samples covering the whole digital range, and (BDF+)
// annotations including one in the second record and a sub-second start.
RawEdfSpec bdf_spec(RawFormat format) {
  RawEdfSpec spec;
  spec.format = format;
  spec.patient = kPatientPlus;
  spec.recording = "Startdate 29-FEB-2024 ADM99 Tech_Brown X";
  spec.startdate = "29.02.24";
  spec.n_records = 3;
  std::vector<std::int32_t> digital;
  for (int k = 0; k < 3 * 8; ++k)
    digital.push_back((k % 2 == 0 ? 1 : -1) * (8388607 - 350000 * k));
  auto signal = raw_data_signal("EEG Cz", 8, digital);
  signal.digital_min = "-8388608";
  signal.digital_max = "8388607";
  spec.signals = {signal};
  if (format == RawFormat::BdfPlusC) {
    auto annotations = raw_annotation_signal(40);
    annotations.digital_min = "-8388608";  // BDF+ annotation signal (EDFlib checks the range)
    annotations.digital_max = "8388607";
    spec.signals.push_back(annotations);
    spec.start_offset_s = 0.5;
    spec.annotations = {{0, 0, 0.75, -1.0, "eyes closed"},
                        {1, 0, 1.5, 2.0, "photic 10Hz"},
                        {2, 0, 2.25, -1.0, "Jane Smith awake"}};
  }
  return spec;
}

TEST(CliAnonymize, BdfAndBdfPlusCopiesKeepSamplesAndLoseIdentity) {
  for (const auto format : {RawFormat::Bdf, RawFormat::BdfPlusC}) {
    const fs::path original = scratch_dir() / "identified.bdf";
    write_raw_edf(original, bdf_spec(format));
    const fs::path copy = scratch_dir() / "copy.bdf";
    // 29.02.24 + 366 days = 01.03.25: the shift crosses a leap day.
    const auto r = run_cli({"anonymize", original.string(), copy.string(), "--shift-days", "366"});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    // "Jane Smith" in the BDF+ annotation: 9 bytes masked, the blank between kept.
    expect_anonymized_copy(original, copy, 366, format == RawFormat::BdfPlusC ? 9 : 0);
    EXPECT_EQ(io::EdfReader(copy).header().start.month, 3);
  }
  // --keep-annotation-texts copies the texts as recorded.
  const fs::path original = scratch_dir() / "identified.bdf";
  write_raw_edf(original, bdf_spec(RawFormat::BdfPlusC));
  const fs::path copy = scratch_dir() / "kept.bdf";
  ASSERT_EQ(run_cli({"anonymize", original.string(), copy.string(), "--keep-annotation-texts"})
                .exit_status,
            0);
  EXPECT_EQ(io::EdfReader(copy).annotations().at(2).text, "Jane Smith awake");
}

TEST(CliAnonymize, BadRequestsAreRefused) {
  const auto original = eeg_path("seizure/chbmit_chb01_03_ictal.edf");
  const fs::path copy = scratch_dir() / "copy.edf";
  // Usage problems: exit 2, nothing written.
  for (const auto& extra :
       std::vector<std::vector<std::string>>{{"--pseudonym", "P 07"},
                                             {"--pseudonym", std::string(41, 'P')},
                                             {"--shift-days", "3650"},
                                             {"--shift-days", "-40000"}}) {
    std::vector<std::string> args = {"anonymize", original.string(), copy.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_status, 2) << extra[0] << ' ' << extra[1] << ": " << r.err;
    EXPECT_FALSE(fs::exists(copy));
  }
  const auto same = run_cli({"anonymize", original.string(), original.string()});
  EXPECT_EQ(same.exit_status, 2) << same.err;
  // File problems: exit 1, naming the file.
  const auto missing_dir = scratch_dir() / "no" / "such" / "dir" / "copy.edf";
  const auto unwritable = run_cli({"anonymize", original.string(), missing_dir.string()});
  EXPECT_EQ(unwritable.exit_status, 1);
  EXPECT_NE(unwritable.err.find(missing_dir.string()), std::string::npos) << unwritable.err;
  const auto not_edf = scratch_dir() / "not.edf";
  write_bytes(not_edf, "hello");
  const auto bad = run_cli({"anonymize", not_edf.string(), copy.string()});
  EXPECT_EQ(bad.exit_status, 1);
  EXPECT_FALSE(fs::exists(copy));
}

}  // namespace
}  // namespace eegtrack::test

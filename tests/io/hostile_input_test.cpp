// Hostile headers made from a real recording (chb01_03, EDF+C, 23 EEG signals at 256 Hz and an
// annotation signal, 40 one-second records) by patching header bytes, as a broken writer or a
// fuzzer would. Each must be refused before any large allocation, with an error that names the
// file and the field and is valid UTF-8; none may block, crash or be read as wrong samples.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <numeric>

#include "eegtrack/io/edf_reader.hpp"
#include "eegtrack/io/errors.hpp"
#include "eegtrack/io/limits.hpp"
#include "eegtrack/io/sha256.hpp"
#include "eegtrack/io/text_escape.hpp"
#include "support/lower_case.hpp"
#include "support/patched_recording.hpp"
#include "support/paths.hpp"

namespace eegtrack::io {
namespace {

using test::lower;

using test::PatchedRecording;

constexpr int kSamplesField = 8;
constexpr int kPhysMinField = 3;
constexpr int kPhysMaxField = 4;
constexpr int kLabelField = 0;

PatchedRecording chb01() {
  return PatchedRecording(test::eeg_path("seizure/chbmit_chb01_03_ictal.edf"));
}

// Opening path must throw an EdfError whose message is valid UTF-8, names the file (escaped)
// and contains every word of `words`. Returns the message.
std::string expect_refused(const std::filesystem::path& path,
                           const std::vector<std::string>& words) {
  try {
    const EdfReader reader(path);
    ADD_FAILURE() << "no EdfError for " << path;
  } catch (const EdfError& e) {
    const std::string what = e.what();
    EXPECT_TRUE(is_clean_text(what)) << what;
    EXPECT_NE(what.find(escape_bytes(path.string())), std::string::npos) << what;
    for (const auto& word : words)
      EXPECT_NE(lower(what).find(lower(word)), std::string::npos) << "'" << word << "' in " << what;
    return what;
  }
  return {};
}

TEST(HostileInput, UnpatchedRecordingOpens) {
  const EdfReader reader(chb01().write("chb01.edf"));
  EXPECT_EQ(reader.header().n_records, 40);
  EXPECT_DOUBLE_EQ(reader.header().signals[0].sample_rate_hz, 256.0);
}

// Defect: a header-only file declaring 99,999,999 samples per record grew analyze to 6 GB.
TEST(HostileInput, HugeSamplesPerRecordIsRefusedBeforeAllocation) {
  auto file = chb01();
  file.signal_field(0, kSamplesField, "99999999").fixed(236, 8, "0");
  file.truncate(static_cast<std::size_t>(file.header_bytes()));
  expect_refused(file.write("spr.edf"), {"signal 0", "samples per record", "sample rate"});
}

// Record durations of 1e-6 s, 1e-9 s and 1e-300 s make the sample rate absurd (the last one
// produced undefined behaviour in the sample count conversions); 1e300 s makes it vanish.
TEST(HostileInput, AbsurdRecordDurationsAreRefused) {
  for (const char* duration : {"1e-6", "1e-9", "1e-300"}) {
    auto file = chb01();
    file.fixed(244, 8, duration).fixed(236, 8, "0");
    file.truncate(static_cast<std::size_t>(file.header_bytes()));
    expect_refused(file.write("duration.edf"), {"sample rate", "samples per record"});
  }
  auto slow = chb01();
  slow.fixed(244, 8, "1e300");
  expect_refused(slow.write("slow.edf"), {"record duration"});
  // 256 samples per 1e6 s: 0.000256 Hz, below the 0.001 Hz minimum.
  slow.fixed(244, 8, "1e6");
  expect_refused(slow.write("slower.edf"), {"signal 0", "sample rate", "0.000256"});
  // The rate limit itself: 256 samples per 0.00256 s is exactly 100 kHz and opens (header
  // only, no records); one sample per record more is refused.
  auto edge = chb01();
  edge.fixed(244, 8, "0.00256").fixed(236, 8, "0");
  edge.truncate(static_cast<std::size_t>(edge.header_bytes()));
  for (int s = 0; s < edge.signal_count() - 1; ++s)
    edge.signal_field(s, kSamplesField, "256");
  const EdfReader at_limit(edge.write("edge.edf"));
  EXPECT_DOUBLE_EQ(at_limit.header().signals[0].sample_rate_hz, limits::kMaxSampleRateHz);
  edge.signal_field(0, kSamplesField, "257");
  expect_refused(edge.write("over.edf"), {"signal 0", "sample rate"});
}

TEST(HostileInput, RecordCountsBeyondTheFileAreRefused) {
  // Billions of records: the 8-byte field holds them as "2e9" (an integral decimal).
  for (const auto& [field, declared] : {std::pair{"99999999", "99999999"}, {"2e9", "2000000000"}}) {
    auto file = chb01();
    file.fixed(236, 8, field);
    expect_refused(file.write("records.edf"), {"truncated", declared});
  }
  auto negative = chb01();
  negative.fixed(236, 8, "-7");
  expect_refused(negative.write("negative.edf"), {"number of records", "-7"});
}

TEST(HostileInput, TooManyOrNegativeSignalsAreRefused) {
  auto many = chb01();
  // 641 signals with a matching header size: the per-signal header is never read.
  many.fixed(252, 4, "641").fixed(184, 8, std::to_string(256 * 642));
  expect_refused(many.write("many.edf"), {"number of signals", "641"});
  auto negative = chb01();
  negative.fixed(252, 4, "-3");
  expect_refused(negative.write("negative.edf"), {"number of signals", "-3"});
  auto header_size = chb01();
  header_size.fixed(184, 8, "-6400");
  expect_refused(header_size.write("header.edf"), {"header bytes", "-6400"});
  auto samples = chb01();
  samples.signal_field(2, kSamplesField, "-256");
  expect_refused(samples.write("samples.edf"), {"signal 2", "samples per record", "-256"});
}

// Defect: physical min/max of +-1e308 gave an infinite gain; export wrote inf and nan.
TEST(HostileInput, NonFiniteGainIsRefused) {
  auto file = chb01();
  file.signal_field(3, kPhysMinField, "-1e308").signal_field(3, kPhysMaxField, "1e308");
  expect_refused(file.write("gain.edf"), {"signal 3", "physical", "gain"});
  auto huge = chb01();
  huge.signal_field(1, kPhysMaxField, "1e300");
  expect_refused(huge.write("huge.edf"), {"signal 1", "physical"});
}

// A file cut short after it was opened (a copy still running, a disk replaced) is reported by
// name, not read as zeros or trusted for the size its header declares.
TEST(HostileInput, FileThatShrinksWhileBeingReadIsReported) {
  auto file = chb01();
  const auto path = file.write("shrinks.edf");
  const EdfReader reader(path);
  std::filesystem::resize_file(path, static_cast<std::uintmax_t>(file.header_bytes()) + 1000);
  const auto signals = reader.header().data_signals();
  std::vector<std::vector<double>> samples;
  try {
    reader.read_records(30, 5, signals, samples);
    ADD_FAILURE() << "no EdfError after the file shrank";
  } catch (const EdfError& e) {
    EXPECT_NE(std::string(e.what()).find("shrank while being read"), std::string::npos) << e.what();
  }
}

// Defect: `eegtrack info` on a FIFO blocked forever. A FIFO with no writer must be refused at
// once (this test would hang otherwise), as must a directory and a device.
TEST(HostileInput, NonRegularFilesAreRefusedWithoutBlocking) {
  const auto fifo = test::scratch_dir() / "pipe.edf";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0) << std::strerror(errno);
  expect_refused(fifo, {"not a regular file", "FIFO"});
  EXPECT_THROW((void)sha256_file(fifo), EdfError);
  expect_refused(test::scratch_dir(), {"not a regular file", "directory"});
  expect_refused("/dev/zero", {"not a regular file", "device"});
}

// Defect: a first time-keeping TAL of +1e300 was accepted with a warning (start -19742-01-21,
// duration -1e300). Any onset outside the recording's time axis is a hard error.
TEST(HostileInput, CorruptTimeKeepingIsRefused) {
  const int annotation = chb01().signal_count() - 1;
  for (const std::string tal : {"+1e300", "-5", "+1e9"}) {
    auto file = chb01();
    const std::size_t at = file.sample_offset(0, annotation);
    ASSERT_EQ(file.bytes().substr(at, 4), std::string("+0\x14\x14", 4));
    const std::string timekeeping = tal + "\x14\x14";
    file.bytes().replace(at, 4 + 20, timekeeping + std::string(24 - timekeeping.size(), '\0'));
    expect_refused(file.write("tal.edf"), {"record 0 TAL", "time-keeping onset"});
  }
  // A later record's onset far beyond the recording.
  auto later = chb01();
  const std::size_t at = later.sample_offset(5, annotation);
  const std::string timekeeping = std::string("+4e12\x14\x14", 7);
  later.bytes().replace(at, timekeeping.size(), timekeeping);
  expect_refused(later.write("later.edf"), {"record 5 TAL"});
}

// An annotation whose onset or duration lies far outside the recording is corrupt time too.
TEST(HostileInput, AnnotationOutsideTheTimeAxisIsRefused) {
  const int annotation = chb01().signal_count() - 1;
  const std::string timekeeping("+0\x14\x14\0", 5);
  for (const std::string& tal :
       {std::string("+1e300\x14seizure\x14\0", 16), std::string("-4e12\x14seizure\x14\0", 15),
        std::string("+3\x15"
                    "1e300\x14seizure\x14\0",
                    18)}) {
    auto file = chb01();
    const std::size_t at = file.sample_offset(0, annotation);
    file.bytes().replace(at, timekeeping.size() + tal.size(), timekeeping + tal);
    expect_refused(file.write("annotation.edf"), {"annotation 0", "time axis"});
  }
  // The same annotation inside the recording opens and is read.
  auto inside = chb01();
  const std::string tal(
      "+3\x15"
      "2\x14seizure\x14\0",
      14);
  inside.bytes().replace(inside.sample_offset(0, annotation), timekeeping.size() + tal.size(),
                         timekeeping + tal);
  const EdfReader reader(inside.write("inside.edf"));
  ASSERT_EQ(reader.annotations().size(), 1u);
  EXPECT_DOUBLE_EQ(reader.annotations()[0].onset_s, 3.0);
  EXPECT_DOUBLE_EQ(reader.annotations()[0].duration_s, 2.0);
}

TEST(HostileInput, ImpossibleCalendarDateIsRefused) {
  auto file = chb01();
  file.fixed(168, 8, "31.02.23").fixed(88, 80, "Startdate X X X X");
  expect_refused(file.write("date.edf"), {"startdate", "31.02.23", "not a valid date"});
  // 29 February exists in 2024 and not in 2023.
  file.fixed(168, 8, "29.02.24");
  const EdfReader leap(file.write("leap.edf"));
  EXPECT_EQ(leap.header().start.day, 29);
  file.fixed(168, 8, "29.02.23");
  expect_refused(file.write("noleap.edf"), {"29.02.23"});
}

// A BDF built from the real EDF: 16-bit samples widened to 24 bits, annotation capacity
// widened to 3 bytes per sample, version 0xFF "BIOSEMI". It must read the same samples.
std::string to_bdf(PatchedRecording& edf) {
  const auto& in = edf.bytes();
  const int ns = edf.signal_count();
  std::string out = in.substr(0, static_cast<std::size_t>(edf.header_bytes()));
  out.replace(0, 8,
              std::string("\xff"
                          "BIOSEMI",
                          8));
  const bool plus = out.compare(192, 5, "EDF+C") == 0;
  if (plus)
    out.replace(192, 5, "BDF+C");
  std::vector<int> spr(static_cast<std::size_t>(ns));
  std::vector<bool> annotation(static_cast<std::size_t>(ns));
  for (int s = 0; s < ns; ++s) {
    spr[static_cast<std::size_t>(s)] = std::stoi(in.substr(edf.signal_field_offset(s, 8), 8));
    const std::size_t label = edf.signal_field_offset(s, kLabelField);
    annotation[static_cast<std::size_t>(s)] = in.compare(label, 15, "EDF Annotations") == 0;
    if (annotation[static_cast<std::size_t>(s)])
      out.replace(label, 15, "BDF Annotations");
  }
  const int records = std::stoi(in.substr(236, 8));
  std::size_t at = static_cast<std::size_t>(edf.header_bytes());
  for (int r = 0; r < records; ++r) {
    for (int s = 0; s < ns; ++s) {
      const auto n = static_cast<std::size_t>(spr[static_cast<std::size_t>(s)]);
      if (annotation[static_cast<std::size_t>(s)]) {
        out += in.substr(at, 2 * n) + std::string(n, '\0');
      } else {
        for (std::size_t k = 0; k < n; ++k) {
          const char hi = in[at + 2 * k + 1];
          out += in[at + 2 * k];
          out += hi;
          out += (static_cast<unsigned char>(hi) & 0x80) != 0 ? '\xff' : '\0';
        }
      }
      at += 2 * n;
    }
  }
  return out;
}

// Defect: a BDF whose version field is "0" was decoded as 16-bit EDF: garbage, exit 0.
TEST(HostileInput, BdfWithEdfVersionIsRefused) {
  for (const char* source : {"seizure/chbmit_chb01_03_ictal.edf",  // EDF+C -> BDF+C
                             "sample/chbmit_chb01_03_interictal_0-41s.edf"}) {
    PatchedRecording edf(test::eeg_path(source));
    const auto edf_path = edf.write("source.edf");
    PatchedRecording bdf(edf_path);
    bdf.bytes() = to_bdf(edf);
    const auto bdf_path = bdf.write("real.bdf");
    // The converted file is a correct BDF: same samples as the EDF it came from.
    const EdfReader edf_reader(edf_path);
    const EdfReader bdf_reader(bdf_path);
    ASSERT_TRUE(is_bdf(bdf_reader.header().file_type));
    const auto signals = edf_reader.header().data_signals();
    std::vector<std::vector<double>> a, b;
    edf_reader.read_records(0, 3, signals, a);
    bdf_reader.read_records(0, 3, signals, b);
    ASSERT_EQ(a, b);
    // Its version field rewritten as EDF's "0": refused, never read as 16-bit samples.
    bdf.fixed(0, 8, "0");
    expect_refused(bdf.write("version0.bdf"), {"version", "BDF"});
  }
}

TEST(HostileInput, ErrorMessagesEscapeFileBytes) {
  auto file = chb01();
  file.fixed(252, 4, "2\xeb");
  const auto path = file.write("caf\xe9.edf");
  const std::string what = expect_refused(path, {"number of signals"});
  EXPECT_NE(what.find("caf\\xe9.edf"), std::string::npos) << what;
  EXPECT_NE(what.find("2\\xeb"), std::string::npos) << what;
}

TEST(HostileInput, WarningsAndDeviationsAreValidUtf8) {
  auto file = chb01();
  file.signal_field(0, kLabelField, "FP1-F\xf6");
  file.signal_field(1, kLabelField, "FP1-F\xf6");  // duplicate: quoted in a warning
  const EdfReader reader(file.write("latin1.edf"));
  ASSERT_FALSE(reader.warnings().empty());
  for (const auto& w : reader.warnings())
    EXPECT_TRUE(is_clean_text(w)) << w;
  for (const auto& d : reader.deviations())
    EXPECT_TRUE(is_clean_text(d.location + d.message)) << d.message;
}

TEST(TextEscape, KeepsUtf8AndEscapesEverythingElse) {
  EXPECT_EQ(escape_bytes("Fp1 \xce\xbcV \xe2\x82\xac"), "Fp1 \xce\xbcV \xe2\x82\xac");
  EXPECT_EQ(escape_bytes("M\xfcller"), "M\\xfcller");
  EXPECT_EQ(escape_bytes(std::string("a\0b\x1b[2J\x7f", 8)), "a\\x00b\\x1b[2J\\x7f");
  EXPECT_EQ(escape_bytes("tab\tline\n"), "tab\tline\n");
  // Overlong form, surrogate, cut sequence, above U+10FFFF.
  EXPECT_EQ(escape_bytes("\xc0\xaf"), "\\xc0\\xaf");
  EXPECT_EQ(escape_bytes("\xed\xa0\x80"), "\\xed\\xa0\\x80");
  EXPECT_EQ(escape_bytes("\xe2\x82"), "\\xe2\\x82");
  EXPECT_EQ(escape_bytes("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");
  EXPECT_TRUE(is_clean_text(escape_bytes("\xff\xfe\x01 ok")));
  EXPECT_FALSE(is_clean_text("\xff"));
}

}  // namespace
}  // namespace eegtrack::io

// A course made pseudonymous for `followup --deidentify`: the patient's pseudonym against
// Python's hmac module, free text scrubbed of the patient id, the file names and ISO dates, and
// every time of the course moved by the patient's whole days, so that days after the infusion
// stay exact.
#include "eegtrack/pipeline/course_deidentify.hpp"

#include <gtest/gtest.h>

namespace eegtrack::pipeline {
namespace {

const DeidentifyKey kKey{std::string(32, '\x01')};

clinical::LocalTime at(const char* text) {
  return *clinical::parse_local_time(text);
}

clinical::Course course() {
  clinical::Course c;
  c.patient = "Jane Smith";
  c.infusion = at("2026-01-05T10:00");
  c.product = "axi-cel";
  c.recordings = {
      {"/data/eeg/Smith_Jane_d3.edf", "Smith_Jane_d3.edf", at("2026-01-08T09:00"), ""},
      {"/data/eeg/Smith_Jane_d7.EDF", "ICU, Jane Smith (smith_jane_d7)", std::nullopt, "propofol"}};
  clinical::Assessment a;
  a.at = at("2026-01-08T08:00");
  a.note = "JANE SMITH seen 2026-01-08: right facial clonus";
  c.assessments = {a};
  c.treatments = {{"anakinra", 100.0, "mg", "sc", 24.0, at("2026-01-08"), at("2026-01-11")}};
  c.labs = {{at("2026-01-07T06:00"), {{"crp", 96.0, "mg/L"}}}};
  c.car_t = {{at("2026-01-12"), 30.0, "cells/uL"}};
  return c;
}

TEST(CourseDeidentify, PatientPseudonymIsItsOwnKeyedHash) {
  // Python: hmac.new(bytes([1])*32, b"pseudonym\x00Jane Smith", hashlib.sha256).hexdigest()
  EXPECT_EQ(patient_pseudonym(kKey, "Jane Smith"), "pat-3c7d161a78aac36f");
  // Python: the first 8 hex digits of the shift's hash (b"patient\x00Jane Smith") are f5597eca;
  // the pseudonym does not start with them, so it does not give the shift away.
  EXPECT_EQ(deidentification(kKey, "", "Jane Smith").shift_days, -(1 + 0xf5597ecaLL % 3650));
  EXPECT_NE(patient_pseudonym(kKey, "Jane Smith"), patient_pseudonym(kKey, "Jane Smyth"));
  EXPECT_NE(patient_pseudonym(kKey, "Jane Smith"),
            patient_pseudonym(DeidentifyKey{std::string(32, '\x02')}, "Jane Smith"));
}

TEST(CourseDeidentify, FreeTextLosesThePatientTheFileNamesAndTheTrueDates) {
  const auto c = course();
  const auto d = course_deidentification(c, kKey);
  const auto r3 = deidentification(kKey, "Smith_Jane_d3.edf", "Jane Smith");
  const auto r7 = deidentification(kKey, "Smith_Jane_d7.EDF", "Jane Smith");
  EXPECT_EQ(d.patient, "pat-3c7d161a78aac36f");
  EXPECT_EQ(d.shift_days, r3.shift_days);
  EXPECT_EQ(d.recording_pseudonyms, (std::vector<std::string>{r3.pseudonym, r7.pseudonym}));
  // Case ignored; the whole file name before its stem; the date moved by the shift, -2883 days
  // (Python: datetime.date(2026, 1, 8) + timedelta(days=-2883) is 2018-02-16).
  ASSERT_EQ(d.shift_days, -2883);
  EXPECT_EQ(deidentified_text("JANE SMITH seen 2026-01-08: smith_jane_d3.edf, Smith_Jane_d7", d),
            d.patient + " seen 2018-02-16: " + r3.pseudonym + ".edf, " + r7.pseudonym);
  // Whole words only: a short file stem does not eat into other words.
  clinical::Course short_stem = c;
  short_stem.recordings[0].file = "/data/1.edf";
  const auto s = course_deidentification(short_stem, kKey);
  const auto r1 = deidentification(kKey, "1.edf", "Jane Smith").pseudonym;
  EXPECT_EQ(deidentified_text("day 14, file 1.edf (1)", s),
            "day 14, file " + r1 + ".edf (" + r1 + ")");
  // Not dates: an impossible day, a longer run of digits; kept as written.
  EXPECT_EQ(deidentified_text("2026-02-30 12026-01-08 bed 3", d), "2026-02-30 12026-01-08 bed 3");
}

TEST(CourseDeidentify, EveryTimeMovesByThePatientsDaysAndDaysAfterInfusionStay) {
  const auto c = course();
  const auto d = course_deidentification(c, kKey);
  const auto x = deidentified_course(c, d);
  const double shift_s = d.shift_days * 86400.0;
  ASSERT_LT(d.shift_days, 0);
  EXPECT_EQ(x.patient, d.patient);
  EXPECT_EQ(x.infusion.seconds, c.infusion.seconds + shift_s);
  EXPECT_EQ(x.recordings[0].at->seconds, c.recordings[0].at->seconds + shift_s);
  EXPECT_FALSE(x.recordings[1].at.has_value());
  EXPECT_EQ(x.assessments[0].at.seconds, c.assessments[0].at.seconds + shift_s);
  EXPECT_EQ(x.treatments[0].start.seconds, c.treatments[0].start.seconds + shift_s);
  EXPECT_EQ(x.treatments[0].stop.seconds, c.treatments[0].stop.seconds + shift_s);
  EXPECT_EQ(x.labs[0].at.seconds, c.labs[0].at.seconds + shift_s);
  EXPECT_EQ(x.car_t[0].at.seconds, c.car_t[0].at.seconds + shift_s);
  EXPECT_EQ(clinical::days_after(x.infusion, x.assessments[0].at),
            clinical::days_after(c.infusion, c.assessments[0].at));
  // The default label (the file name) becomes the pseudonym; a written one is scrubbed.
  EXPECT_EQ(x.recordings[0].label, d.recording_pseudonyms[0] + ".edf");
  EXPECT_EQ(x.recordings[1].label, "ICU, " + d.patient + " (" + d.recording_pseudonyms[1] + ")");
  EXPECT_EQ(x.recordings[1].sedation, "propofol");
  EXPECT_EQ(x.recordings[0].file, c.recordings[0].file) << "the input path is kept";
  EXPECT_EQ(x.assessments[0].note.find("SMITH"), std::string::npos);
  EXPECT_EQ(x.assessments[0].note.find("2026-01-08"), std::string::npos);
  EXPECT_NE(x.assessments[0].note.find("right facial clonus"), std::string::npos);
  EXPECT_EQ(x.product, "axi-cel");
  EXPECT_EQ(x.labs[0].values[0].value, 96.0);
}

}  // namespace
}  // namespace eegtrack::pipeline

#include "eegtrack/pipeline/course_deidentify.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "eegtrack/io/text_escape.hpp"

namespace eegtrack::pipeline {
namespace {

namespace fs = std::filesystem;

constexpr double kSecondsPerDay = 86400.0;

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool alphanumeric(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// One pass over `text`: at each place, the first (longest) replacement whose text starts there
// (ASCII case ignored) as a whole word (no letter or digit touching it on either side) is made,
// so that no replacement is made inside another's result, and a short file stem ("1") does not
// eat into other words ("day 14").
std::string replaced(std::string_view text,
                     const std::vector<std::pair<std::string, std::string>>& replacements) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto hit = std::find_if(replacements.begin(), replacements.end(), [&](const auto& r) {
      const std::size_t end = i + r.first.size();
      return !r.first.empty() && end <= text.size() &&
             same_ignoring_case(text.substr(i, r.first.size()), r.first) &&
             (i == 0 || !alphanumeric(text[i - 1]) || !alphanumeric(r.first.front())) &&
             (end == text.size() || !alphanumeric(text[end]) || !alphanumeric(r.first.back()));
    });
    if (hit != replacements.end()) {
      out += hit->second;
      i += hit->first.size();
    } else {
      out += text[i++];
    }
  }
  return out;
}

bool digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// Each YYYY-MM-DD that is a valid date, not part of a longer run of digits, moved by `days`.
std::string dates_shifted(std::string_view text, int days) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto candidate = text.substr(i, 10);
    const bool bounded =
        (i == 0 || std::isdigit(static_cast<unsigned char>(text[i - 1])) == 0) &&
        (i + 10 >= text.size() || std::isdigit(static_cast<unsigned char>(text[i + 10])) == 0);
    if (candidate.size() == 10 && bounded && candidate[4] == '-' && candidate[7] == '-' &&
        digits(candidate.substr(0, 4)) && digits(candidate.substr(5, 2)) &&
        digits(candidate.substr(8, 2))) {
      if (const auto t = clinical::parse_local_time(candidate)) {
        out += clinical::format_local_time({t->seconds + days * kSecondsPerDay}).substr(0, 10);
        i += 10;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

clinical::LocalTime shifted(clinical::LocalTime t, int days) {
  return {t.seconds + days * kSecondsPerDay};
}

}  // namespace

CourseDeidentification course_deidentification(const clinical::Course& course,
                                               const DeidentifyKey& key) {
  CourseDeidentification d;
  d.patient = patient_pseudonym(key, course.patient);
  d.shift_days = deidentification(key, "", course.patient).shift_days;
  d.replacements.emplace_back(course.patient, d.patient);
  for (const auto& r : course.recordings) {
    const fs::path file = fs::path(r.file).filename();
    const auto pseudonym = deidentification(key, file.string(), course.patient).pseudonym;
    d.recording_pseudonyms.push_back(pseudonym);
    d.replacements.emplace_back(file.string(),
                                pseudonym + io::escape_bytes(file.extension().string()));
    d.replacements.emplace_back(file.stem().string(), pseudonym);
  }
  // Longest first, so that a file name is replaced whole before its stem or the patient id
  // inside it.
  std::stable_sort(d.replacements.begin(), d.replacements.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return d;
}

std::string deidentified_text(std::string_view text, const CourseDeidentification& d) {
  return dates_shifted(replaced(text, d.replacements), d.shift_days);
}

clinical::Course deidentified_course(const clinical::Course& course,
                                     const CourseDeidentification& d) {
  clinical::Course c = course;
  const int days = d.shift_days;
  c.patient = d.patient;
  c.infusion = shifted(c.infusion, days);
  c.product = deidentified_text(c.product, d);
  for (std::size_t i = 0; i < c.recordings.size(); ++i) {
    auto& r = c.recordings[i];
    const fs::path file = fs::path(r.file).filename();
    r.label = r.label == file.string()
                  ? d.recording_pseudonyms.at(i) + io::escape_bytes(file.extension().string())
                  : deidentified_text(r.label, d);
    if (r.at)
      r.at = shifted(*r.at, days);
    r.sedation = deidentified_text(r.sedation, d);
  }
  for (auto& a : c.assessments) {
    a.at = shifted(a.at, days);
    a.note = deidentified_text(a.note, d);
  }
  for (auto& t : c.treatments) {
    t.start = shifted(t.start, days);
    t.stop = shifted(t.stop, days);
  }
  for (auto& l : c.labs)
    l.at = shifted(l.at, days);
  for (auto& x : c.car_t)
    x.at = shifted(x.at, days);
  return c;
}

}  // namespace eegtrack::pipeline

#include "eegtrack/evaluation/report_tables.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace eegtrack::evaluation {
namespace {

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value))
    return "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string percent(double fraction) {
  return std::isfinite(fraction) ? fixed(100.0 * fraction, 0) + " %" : "n/a";
}

double ratio(int part, int whole) {
  return whole > 0 ? static_cast<double>(part) / whole : std::nan("");
}

std::string padded(const std::string& text, std::size_t width) {
  // Counts UTF-8 code points, not bytes, so that "µ" or "≥" do not shift the columns.
  std::size_t length = 0;
  for (const char c : text)
    length += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return text + std::string(width > length ? width - length : 1, ' ');
}

std::string rate_text(const FalseSeizureRate& rate) {
  if (rate.recordings == 0)
    return "-";
  return std::to_string(rate.recordings_with_false) + "/" + std::to_string(rate.recordings) +
         " rec, " + std::to_string(rate.false_detections) + " in " +
         fixed(rate.duration_s / 60.0, 1) + " min = " + fixed(rate.per_hour(), 1) + "/h";
}

}  // namespace

std::string summary_tsv(const std::vector<GroupSummary>& groups) {
  std::ostringstream out;
  out << "level\tgroup\trecordings\tseizures\tfound\tfound_fraction\tshort_seizures\t"
         "median_coverage\tmean_coverage\tmedian_latency_s\tictal_false\t"
         "postictal_windows\tpostictal_windows_with_false\tpostictal_false\tpostictal_hours\t"
         "postictal_false_per_h\tinterictal_recordings\tinterictal_false\tinterictal_hours\t"
         "interictal_false_per_h\thealthy_recordings\thealthy_false\thealthy_hours\t"
         "healthy_false_per_h\tsz_reference_events\tsz_true_positives\tsz_false_positives\t"
         "sz_hours\tsz_sensitivity\tsz_precision\tsz_f1\tsz_false_positives_per_h\n";
  for (const auto& g : groups) {
    out << g.level << '\t' << g.group << '\t' << g.recordings << '\t' << g.seizures << '\t'
        << g.found << '\t' << fixed(ratio(g.found, g.seizures), 3) << '\t' << g.short_seizures
        << '\t' << fixed(g.median_coverage, 3) << '\t' << fixed(g.mean_coverage, 3) << '\t'
        << fixed(g.median_latency_s, 1) << '\t' << g.ictal.false_detections << '\t'
        << g.postictal.recordings << '\t' << g.postictal.recordings_with_false << '\t'
        << g.postictal.false_detections << '\t' << fixed(g.postictal.duration_s / 3600.0, 4) << '\t'
        << fixed(g.postictal.per_hour(), 2) << '\t' << g.interictal.recordings << '\t'
        << g.interictal.false_detections << '\t' << fixed(g.interictal.duration_s / 3600.0, 4)
        << '\t' << fixed(g.interictal.per_hour(), 2) << '\t' << g.healthy.recordings << '\t'
        << g.healthy.false_detections << '\t' << fixed(g.healthy.duration_s / 3600.0, 4) << '\t'
        << fixed(g.healthy.per_hour(), 2) << '\t' << g.szcore.reference_events << '\t'
        << g.szcore.true_positives << '\t' << g.szcore.false_positives << '\t'
        << fixed(g.szcore.duration_s / 3600.0, 4) << '\t' << fixed(sensitivity(g.szcore), 3) << '\t'
        << fixed(precision(g.szcore), 3) << '\t' << fixed(f1_score(g.szcore), 3) << '\t'
        << fixed(false_positives_per_hour(g.szcore), 2) << '\n';
  }
  return out.str();
}

std::string seizures_tsv(const std::vector<RecordingScore>& scores) {
  std::ostringstream out;
  out << "recording\tpatient\thalf\tonset_s\toffset_s\tduration_s\tcounted\tfound\tcoverage\t"
         "latency_s\tpreictal_s\n";
  for (const auto& r : scores) {
    for (const auto& s : r.seizures) {
      out << r.name << '\t' << r.patient << '\t' << patient_half(r.patient) << '\t'
          << fixed(s.seizure.onset_s, 3) << '\t' << fixed(s.seizure.offset_s, 3) << '\t'
          << fixed(s.seizure.duration_s(), 3) << '\t' << (s.counted ? "yes" : "no") << '\t'
          << (s.found ? "yes" : "no") << '\t' << fixed(s.coverage, 3) << '\t'
          << (s.latency_s ? fixed(*s.latency_s, 3) : "n/a") << '\t' << fixed(s.preictal_s, 3)
          << '\n';
    }
  }
  return out.str();
}

std::string recordings_tsv(const std::vector<RecordingScore>& scores) {
  std::ostringstream out;
  out << "recording\tpatient\tkind\tduration_s\tseizures\tdetections\tfalse_detections\t"
         "sz_reference_events\tsz_true_positives\tsz_false_positives\n";
  for (const auto& r : scores) {
    out << r.name << '\t' << (r.patient.empty() ? "n/a" : r.patient) << '\t' << to_string(r.kind)
        << '\t' << fixed(r.duration_s, 3) << '\t' << r.seizures.size() << '\t' << r.detections
        << '\t' << r.false_detections << '\t' << r.szcore.reference_events << '\t'
        << r.szcore.true_positives << '\t' << r.szcore.false_positives << '\n';
  }
  return out.str();
}

std::string summary_text(const std::vector<GroupSummary>& groups) {
  // The interictal column only when there are such recordings (BIDS datasets, not the
  // CHB-MIT windows), to keep the usual table within a terminal's width.
  const bool interictal = std::any_of(groups.begin(), groups.end(), [](const GroupSummary& g) {
    return g.interictal.recordings > 0;
  });
  std::ostringstream out;
  out << padded("group", 10) << padded("found (>= 10 s)", 17) << padded("coverage med/mean", 19)
      << padded("latency med", 13) << padded("post-ictal false seizures", 34)
      << (interictal ? padded("interictal false seizures", 34) : "")
      << padded("healthy false seizures", 34) << "SzCORE sens/prec/F1, FP/h\n";
  for (const auto& g : groups) {
    const std::string found = g.seizures > 0
                                  ? std::to_string(g.found) + "/" + std::to_string(g.seizures) +
                                        " (" + percent(ratio(g.found, g.seizures)) + ")"
                                  : "-";
    const std::string coverage =
        g.seizures > 0 ? percent(g.median_coverage) + " / " + percent(g.mean_coverage) : "-";
    const std::string latency =
        std::isfinite(g.median_latency_s) ? fixed(g.median_latency_s, 1) + " s" : "-";
    const std::string szcore = fixed(sensitivity(g.szcore), 2) + "/" +
                               fixed(precision(g.szcore), 2) + "/" + fixed(f1_score(g.szcore), 2) +
                               ", " + fixed(false_positives_per_hour(g.szcore), 1);
    out << padded(g.group, 10) << padded(found, 17) << padded(coverage, 19) << padded(latency, 13)
        << padded(rate_text(g.postictal), 34)
        << (interictal ? padded(rate_text(g.interictal), 34) : "")
        << padded(rate_text(g.healthy), 34) << szcore << '\n';
  }
  return out.str();
}

}  // namespace eegtrack::evaluation

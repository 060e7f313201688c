#include "eegtrack/evaluation/group_summary.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>

namespace eegtrack::evaluation {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double median(std::vector<double> values) {
  if (values.empty())
    return kNaN;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
}

double mean(const std::vector<double>& values) {
  if (values.empty())
    return kNaN;
  double sum = 0.0;
  for (const double v : values)
    sum += v;
  return sum / static_cast<double>(values.size());
}

void add(FalseSeizureRate& rate, const RecordingScore& score) {
  ++rate.recordings;
  rate.false_detections += score.false_detections;
  rate.recordings_with_false += score.false_detections > 0 ? 1 : 0;
  rate.duration_s += score.duration_s;
}

}  // namespace

double FalseSeizureRate::per_hour() const noexcept {
  return duration_s > 0.0 ? false_detections / (duration_s / 3600.0) : kNaN;
}

std::string patient_half(const std::string& patient) {
  std::size_t first_digit = patient.size();
  while (first_digit > 0 && std::isdigit(static_cast<unsigned char>(patient[first_digit - 1])))
    --first_digit;
  if (first_digit == patient.size())
    return "";
  const int last_digit = patient.back() - '0';
  return last_digit % 2 == 1 ? "odd" : "even";
}

GroupSummary summarize(std::string level, std::string group,
                       const std::vector<const RecordingScore*>& scores) {
  GroupSummary out;
  out.level = std::move(level);
  out.group = std::move(group);
  std::vector<double> coverage, latency;
  for (const RecordingScore* score : scores) {
    ++out.recordings;
    for (const auto& s : score->seizures) {
      if (!s.counted) {
        ++out.short_seizures;
        continue;
      }
      ++out.seizures;
      coverage.push_back(s.coverage);
      if (s.found) {
        ++out.found;
        latency.push_back(*s.latency_s);
      }
    }
    switch (score->kind) {
      case RecordingKind::Ictal:
        add(out.ictal, *score);
        break;
      case RecordingKind::PostIctal:
        add(out.postictal, *score);
        break;
      case RecordingKind::Interictal:
        add(out.interictal, *score);
        break;
      case RecordingKind::Healthy:
        add(out.healthy, *score);
        break;
    }
    out.szcore += score->szcore;
  }
  out.median_coverage = median(coverage);
  out.mean_coverage = mean(coverage);
  out.median_latency_s = median(latency);
  return out;
}

std::vector<GroupSummary> summarize_validation(const std::vector<RecordingScore>& scores) {
  std::map<std::string, std::vector<const RecordingScore*>> by_patient, by_half;
  std::vector<const RecordingScore*> patients, healthy;
  for (const auto& score : scores) {
    if (score.kind == RecordingKind::Healthy) {
      healthy.push_back(&score);
      continue;
    }
    by_patient[score.patient].push_back(&score);
    by_half[patient_half(score.patient)].push_back(&score);
    patients.push_back(&score);
  }
  std::vector<GroupSummary> rows;
  for (const auto& [patient, group] : by_patient)
    rows.push_back(summarize("patient", patient, group));
  for (const char* half : {"odd", "even"})
    if (by_half.count(half) > 0)
      rows.push_back(summarize("half", half, by_half[half]));
  rows.push_back(summarize("all", "all", patients));
  if (!healthy.empty())
    rows.push_back(summarize("healthy", "healthy", healthy));
  return rows;
}

}  // namespace eegtrack::evaluation

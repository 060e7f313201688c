#include "fusion_flags.hpp"

#include <algorithm>
#include <utility>

#include "eegtrack/clinical/focal_signs.hpp"
#include "fixed_text.hpp"

namespace eegtrack::clinical::detail {
namespace {

std::string day_text(double day) {
  return "day " + fixed_text(day, 1);
}

// The index rose beyond both recordings' variability while the paired grade fell.
void worsening_while_better(const std::vector<TimedRecording>& recs,
                            const std::vector<TimedGrade>& grades, const Fusion& f,
                            std::vector<Flag>& out) {
  for (std::size_t r = 0; r < recs.size(); ++r) {
    const auto& v = f.recordings[r];
    if (!v.previous || !v.paired_grade || !f.recordings[*v.previous].paired_grade)
      continue;
    const int before = grades[*f.recordings[*v.previous].paired_grade].icans_grade;
    const int after = grades[*v.paired_grade].icans_grade;
    if (!(v.index_change.beyond_variability.value_or(false) && *v.index_change.difference > 0.0 &&
          after < before))
      continue;
    out.push_back({recs[r].day,
                   "eeg_worse_grade_better",
                   "EEG worse while the ICANS grade improved",
                   {"encephalopathy index +" + fixed_text(*v.index_change.difference, 3) +
                        " from " + recs[*v.previous].label + " to " + recs[r].label +
                        " (beyond both recordings' 95 % intervals)",
                    "ICANS grade " + std::to_string(before) + " -> " + std::to_string(after)}});
  }
}

// Seizures on the EEG that the nearest assessment does not record.
void unconfirmed_seizures(const std::vector<TimedRecording>& recs,
                          const std::vector<TimedGrade>& grades, const Fusion& f,
                          std::vector<Flag>& out) {
  for (std::size_t r = 0; r < recs.size(); ++r) {
    const auto& m = recs[r].measures;
    const auto& paired = f.recordings[r].paired_grade;
    if (m.seizure_count == 0 || (paired && grades[*paired].seizure_recorded))
      continue;
    out.push_back(
        {recs[r].day,
         "possible_nonconvulsive_seizure",
         "Electrographic seizure(s) without a recorded seizure: possible nonconvulsive seizures; "
         "ICANS seizure domain unconfirmed. EEG supports grade >= 3, needs confirmation",
         {std::to_string(m.seizure_count) + " seizure(s) in " + recs[r].label +
              (m.electrographic_status ? " (electrographic status)" : ""),
          paired ? "nearest assessment " + day_text(grades[*paired].day) + ": no seizure recorded"
                 : "no assessment within the pairing window"}});
  }
}

// Lateralized EEG findings against a focal sign in the notes of nearby assessments.
void lateralization(const std::vector<TimedRecording>& recs, const std::vector<TimedGrade>& grades,
                    const Fusion& f, std::vector<Flag>& out) {
  for (std::size_t r = 0; r < recs.size(); ++r) {
    const auto& lat = recs[r].measures.lateralized;
    const auto& paired = f.recordings[r].paired_grade;
    if (lat.empty() || !paired)
      continue;
    const auto sign = focal_sign(grades[*paired].note);
    if (!sign)
      continue;
    for (const auto side : {sites::Side::Left, sites::Side::Right}) {
      // One line per kind of finding, in order of first onset, with how many there were: three
      // LPD episodes read "left LPD (3)", not "left LPD" three times.
      std::vector<std::pair<std::string, int>> kinds;
      for (const auto& l : lat) {
        if (l.side != side)
          continue;
        const auto known = std::find_if(kinds.begin(), kinds.end(),
                                        [&](const auto& k) { return k.first == l.what; });
        if (known != kinds.end())
          ++known->second;
        else
          kinds.emplace_back(l.what, 1);
      }
      if (kinds.empty())
        continue;
      std::vector<std::string> evidence;
      for (const auto& [what, count] : kinds)
        evidence.push_back(std::string(sites::to_string(side)) + " " + what +
                           (count > 1 ? " (" + std::to_string(count) + ")" : ""));
      const bool matches = side == sign->hemisphere;
      evidence.push_back("note " + day_text(grades[*paired].day) + ": \"" + sign->text +
                         "\" implicates the " + sites::to_string(sign->hemisphere) + " hemisphere");
      out.push_back({recs[r].day,
                     matches ? "lateralized_matches_sign" : "lateralized_contradicts_sign",
                     std::string(matches ? "Lateralized EEG findings match"
                                         : "Lateralized EEG findings contradict") +
                         " the focal sign (" + sites::to_string(side) + " hemisphere)",
                     std::move(evidence)});
    }
  }
}

void last_recording(const std::vector<TimedRecording>& recs, const Fusion& f,
                    std::vector<Flag>& out) {
  if (recs.empty() || recs.back().day < 0.0 || f.recordings.back().normality.normal)
    return;
  const auto& n = f.recordings.back().normality;
  const std::string where =
      " at the last recording (" + recs.back().label + ", against " + to_string(n.reference) + ")";
  auto evidence = n.abnormal;
  evidence.insert(evidence.end(), n.unknown.begin(), n.unknown.end());
  // Nothing abnormal, but something not judged: the EEG is not shown normal, which is not the
  // same as still abnormal.
  if (n.abnormal.empty())
    out.push_back({recs.back().day, "undetermined_at_last_recording",
                   "EEG not shown normal" + where, std::move(evidence)});
  else
    out.push_back({recs.back().day, "abnormal_at_last_recording", "EEG still abnormal" + where,
                   std::move(evidence)});
}

void sedation(const std::vector<TimedRecording>& recs, const Fusion& f, std::vector<Flag>& out) {
  for (std::size_t r = 0; r < recs.size(); ++r) {
    const auto& v = f.recordings[r];
    if (!v.previous || !v.sedation_differs)
      continue;
    const auto what = [](const std::string& s) { return s.empty() ? std::string("none") : s; };
    out.push_back({recs[r].day,
                   "sedation_differs",
                   "Compared with a recording under different sedation: the change may be the "
                   "drug's, not the disease's",
                   {recs[*v.previous].label + ": sedation " + what(recs[*v.previous].sedation),
                    recs[r].label + ": sedation " + what(recs[r].sedation)}});
  }
}

}  // namespace

std::vector<Flag> course_flags(const std::vector<TimedRecording>& recs,
                               const std::vector<TimedGrade>& grades, const Fusion& f) {
  std::vector<Flag> out;
  worsening_while_better(recs, grades, f, out);
  unconfirmed_seizures(recs, grades, f, out);
  lateralization(recs, grades, f, out);
  sedation(recs, f, out);
  last_recording(recs, f, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Flag& a, const Flag& b) { return a.day < b.day; });
  return out;
}

}  // namespace eegtrack::clinical::detail

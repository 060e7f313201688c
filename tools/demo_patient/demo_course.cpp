#include "demo_course.hpp"

#include <sstream>

namespace eegtrack::demo {

std::vector<PlannedRecording> planned_recordings() {
  return {
      {"baseline.edf", "pre-infusion baseline", "2026-01-01T09:00", "", Picture::Baseline},
      {"d03.edf", "day 3 (CRS)", "2026-01-08T15:00", "", Picture::MildSlowing},
      {"d14.edf", "day 14 coma", "2026-01-19T15:30", "propofol", Picture::Coma},
      {"d17.edf", "day 17 improving", "2026-01-22T10:00", "", Picture::Improving},
      {"d30.edf", "day 30", "2026-02-04T10:00", "", Picture::Normal},
      {"d40.edf", "day 40 relapse", "2026-02-14T11:00", "", Picture::Relapse, 300.0},
      {"d45.edf", "day 45", "2026-02-19T10:00", "", Picture::FocalResidue},
      {"d70.edf", "day 70 follow-up", "2026-03-16T10:00", "", Picture::Normal},
  };
}

std::string course_yaml() {
  std::ostringstream y;
  y << "# SIMULATED demo patient: not patient data (docs/demo-patient.md). Modelled on the course "
       "of\n"
       "# a published case (docs/clinical-background.md §7); EEG derived from a healthy "
       "recording.\n"
       "patient: DEMO-ICANS-01\n"
       "infusion: 2026-01-05T10:00\n"
       "product: axi-cel\n"
       "eeg:\n";
  for (const auto& r : planned_recordings()) {
    y << "  - {file: eeg/" << r.file << ", label: \"" << r.label << "\", at: " << r.at;
    if (!r.sedation.empty())
      y << ", sedation: " << r.sedation;
    y << "}\n";
  }
  y << R"(assessments:
  - {at: 2026-01-01T08:00, ice: 10, consciousness: awake, temperature_c: 36.7}
  - {at: 2026-01-06T08:00, ice: 10, consciousness: awake, temperature_c: 37.4}
  - {at: 2026-01-08T08:00, ice: 10, consciousness: awake, temperature_c: 38.9,
     hypotension: no_vasopressor, note: fever and hypotension}
  - {at: 2026-01-09T08:00, ice: 10, consciousness: awake, temperature_c: 37.6}
  - {at: 2026-01-12T08:00, ice: 10, consciousness: awake, temperature_c: 36.9}
  - {at: 2026-01-19T08:00, ice: 0, consciousness: unarousable, temperature_c: 37.2,
     note: "sudden coma; CT without bleeding or ischaemia"}
  - {at: 2026-01-19T14:00, sedated: true, note: "intubated for airway protection, ICU, propofol"}
  - {at: 2026-01-20T08:00, sedated: true, temperature_c: 37.0, note: "intubated, propofol"}
  - {at: 2026-01-21T10:00, ice: 4, consciousness: voice, temperature_c: 36.8, note: extubated}
  - {at: 2026-01-22T08:00, ice: 7, consciousness: awake, temperature_c: 36.9}
  - {at: 2026-01-24T08:00, ice: 10, consciousness: awake, temperature_c: 36.9}
  - {at: 2026-01-27T08:00,
     ice_items: {orientation: 4, naming: 3, commands: 1, writing: 1, attention: 1},
     consciousness: awake, temperature_c: 36.8, note: "back to baseline, discharged"}
  - {at: 2026-02-04T08:00, ice: 10, consciousness: awake, temperature_c: 36.9}
  - {at: 2026-02-14T08:00, ice: 5, consciousness: awake, seizure: clinical_resolved,
     temperature_c: 37.1,
     note: "right facial clonus, nystagmus, disorientation, confabulation"}
  - {at: 2026-02-15T08:00, ice: 6, consciousness: awake, temperature_c: 36.9}
  - {at: 2026-02-17T08:00, ice: 8, consciousness: awake, temperature_c: 36.9}
  - {at: 2026-02-20T08:00, ice: 10, consciousness: awake, temperature_c: 36.9}
  - {at: 2026-03-16T08:00, ice: 10, consciousness: awake, temperature_c: 36.9}
treatments:
  - {drug: tocilizumab, dose: 8, unit: mg/kg, route: iv, start: 2026-01-08T10:00}
  - {drug: methylprednisolone, dose: 1000, unit: mg, route: iv, every_h: 24,
     start: 2026-01-19T10:00, stop: 2026-01-21}
  - {drug: anakinra, dose: 100, unit: mg, route: sc, every_h: 6,
     start: 2026-01-19T10:00, stop: 2026-01-21}
  - {drug: propofol, route: iv, start: 2026-01-19T13:30, stop: 2026-01-21T09:00}
  # the 17-day taper (days 17-33), one entry per dose step
  - {drug: methylprednisolone, dose: 60, unit: mg, route: po, every_h: 24,
     start: 2026-01-22, stop: 2026-01-25}
  - {drug: methylprednisolone, dose: 40, unit: mg, route: po, every_h: 24,
     start: 2026-01-26, stop: 2026-01-29}
  - {drug: methylprednisolone, dose: 20, unit: mg, route: po, every_h: 24,
     start: 2026-01-30, stop: 2026-02-02}
  - {drug: methylprednisolone, dose: 10, unit: mg, route: po, every_h: 24,
     start: 2026-02-03, stop: 2026-02-07}
  - {drug: levetiracetam, dose: 500, unit: mg, route: iv, every_h: 12, start: 2026-02-14T09:00,
     stop: 2026-04-15}
  - {drug: anakinra, dose: 100, unit: mg, route: sc, every_h: 12, start: 2026-02-14T09:00,
     stop: 2026-04-16}
  - {drug: dexamethasone, dose: 10, unit: mg, route: iv, every_h: 6, start: 2026-02-14T09:00,
     stop: 2026-02-20}
labs:
  - {at: 2026-01-01T07:00, ldh: [210, U/L], creatinine: [80, umol/L], platelets: [180, 10^9/L], crp: [4, mg/L], ferritin: [320, ug/L]}
  - {at: 2026-01-06T07:00, ldh: [260, U/L], creatinine: [82, umol/L], platelets: [150, 10^9/L], crp: [18, mg/L], ferritin: [540, ug/L]}
  - {at: 2026-01-08T07:00, ldh: [390, U/L], creatinine: [95, umol/L], platelets: [120, 10^9/L], crp: [140, mg/L], ferritin: [1900, ug/L]}
  - {at: 2026-01-12T07:00, ldh: [330, U/L], creatinine: [84, umol/L], platelets: [98, 10^9/L], crp: [35, mg/L], ferritin: [1400, ug/L]}
  - {at: 2026-01-18T07:00, ldh: [520, U/L], creatinine: [86, umol/L], platelets: [80, 10^9/L], crp: [70, mg/L], ferritin: [1800, ug/L]}
  - {at: 2026-01-19T06:00, ldh: [612, U/L], creatinine: [88, umol/L], platelets: [74, 10^9/L], crp: [96, mg/L], ferritin: [2100, ug/L]}
  - {at: 2026-01-22T07:00, ldh: [410, U/L], creatinine: [84, umol/L], platelets: [90, 10^9/L], crp: [30, mg/L], ferritin: [1500, ug/L]}
  - {at: 2026-02-04T07:00, ldh: [240, U/L], creatinine: [78, umol/L], platelets: [140, 10^9/L], crp: [6, mg/L], ferritin: [600, ug/L]}
  - {at: 2026-02-13T07:00, ldh: [430, U/L], creatinine: [80, umol/L], platelets: [110, 10^9/L], crp: [55, mg/L], ferritin: [1100, ug/L]}
  - {at: 2026-02-14T07:00, ldh: [505, U/L], creatinine: [82, umol/L], platelets: [96, 10^9/L], crp: [88, mg/L], ferritin: [1600, ug/L]}
  - {at: 2026-02-19T07:00, ldh: [300, U/L], creatinine: [79, umol/L], platelets: [125, 10^9/L], crp: [15, mg/L], ferritin: [900, ug/L]}
  - {at: 2026-03-16T07:00, ldh: [220, U/L], creatinine: [77, umol/L], platelets: [165, 10^9/L], crp: [3, mg/L], ferritin: [400, ug/L]}
car_t:
  - {at: 2026-01-12, value: 120, unit: cells/uL}
  - {at: 2026-01-19, value: 85, unit: cells/uL}
  - {at: 2026-02-04, value: 15, unit: cells/uL}
  - {at: 2026-02-14, value: 310, unit: cells/uL}
  - {at: 2026-02-19, value: 140, unit: cells/uL}
  - {at: 2026-03-16, value: 20, unit: cells/uL}
)";
  return y.str();
}

}  // namespace eegtrack::demo

#!/usr/bin/env bash
# The main job on the bundled sample: the follow-up of a (simulated) patient after CAR-T
# therapy, modelled on the case of docs/clinical-background.md §7. eegtrack-demo-patient derives
# its course file and eight EEG recordings from the bundled healthy recording
# (docs/demo-patient.md); `eegtrack followup` grades the course, analyses every recording and
# prints the day-by-day table, and writes the follow-up report with a report of every recording
# (docs/report.md). Then one recording on its own: `eegtrack analyze` on the bundled CHB-MIT
# seizure clip, where a seizure must be found; and `eegtrack batch --report` over the bundled
# recordings, a cohort page. It ends with the paths of the reports.
# Usage: scripts/demo.sh [path/to/eegtrack] [path/to/eegtrack-demo-patient]
set -euo pipefail
cli=${1:-build/release/tools/eegtrack}
demo_patient=${2:-$(dirname "$cli")/demo_patient/eegtrack-demo-patient}
sample=sample_edf/eegmat_Subject00_1_rest_eyes_closed.edf
out=out/demo
mkdir -p "$out"

echo "== eegtrack-demo-patient $out/patient   (SIMULATED course and EEG, docs/demo-patient.md)"
"$demo_patient" "$out/patient" --source "$sample"
echo
echo "== eegtrack followup $out/patient/course.yaml -o $out/followup --report"
"$cli" followup "$out/patient/course.yaml" -o "$out/followup" --report
echo
seizure=sample_edf/chbmit_chb01_03_seizure_2995-3036s.edf
echo "== eegtrack analyze $seizure -o $out   (annotated seizure from 1 s to the end)"
"$cli" analyze "$seizure" -o "$out"
echo "-- events: $out/chbmit_chb01_03_seizure_2995-3036s.events.tsv"
cut -f1-8 "$out/chbmit_chb01_03_seizure_2995-3036s.events.tsv"
echo
echo "== eegtrack batch sample_edf -o $out/batch --report   (every bundled recording, one cohort page)"
"$cli" batch sample_edf -o "$out/batch" --report
echo
echo "Wrote $out/followup/: DEMO-ICANS-01.followup.json and .h5 (docs/followup.md) and each"
echo "recording's analysis in recordings/ (<stem>.h5, .summary.json, .events.tsv; docs/findings.md);"
echo "$out/: the seizure clip's analysis; $out/batch/: the bundled recordings' cohort table"
echo "(cohort.tsv, .h5; docs/batch.md). Try your own: eegtrack followup COURSE.yaml -o OUT --report"
echo "(docs/course-file.md), eegtrack analyze FILE.edf -o OUT --report, eegtrack batch FOLDER -o OUT --report."
echo
echo "Reports (self-contained HTML: open them in any browser; docs/report.md):"
echo "  follow-up of DEMO-ICANS-01:  $out/followup/DEMO-ICANS-01.followup.html"
echo "  relapse EEG (day 40):        $out/followup/recordings/d40.report.html"
echo "  bundled recordings (cohort):  $out/batch/cohort.html"
echo "  PDF: $cli report $out/followup/DEMO-ICANS-01.followup.json -o F.html --pdf F.pdf"

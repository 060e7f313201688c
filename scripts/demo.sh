#!/usr/bin/env bash
# The main job on the bundled samples: describe a recording, analyse its background and its
# epileptiform activity (HDF5 feature store + summary.json + events.tsv), write its average
# spectrum, then analyse the bundled CHB-MIT seizure clip, where a seizure must be found.
# Usage: scripts/demo.sh path/to/eegtrack
set -euo pipefail
cli=${1:-build/release/tools/eegtrack}
sample=sample_edf/eegmat_Subject00_1_rest_eyes_closed.edf
out=out/demo
mkdir -p "$out"

echo "== eegtrack info $sample"
"$cli" info "$sample"
echo
echo "== eegtrack analyze $sample -o $out"
"$cli" analyze "$sample" -o "$out"
echo
seizure=sample_edf/chbmit_chb01_03_seizure_2995-3036s.edf
echo "== eegtrack analyze $seizure -o $out   (annotated seizure from 1 s to the end)"
"$cli" analyze "$seizure" -o "$out"
echo "-- events: $out/chbmit_chb01_03_seizure_2995-3036s.events.tsv"
cut -f1-8 "$out/chbmit_chb01_03_seizure_2995-3036s.events.tsv"
echo
echo "== eegtrack psd $sample --montage average --fmax 30 (Welch, 2-s Hann segments, 50 % overlap)"
"$cli" psd "$sample" --montage average --fmax 30 --csv > "$out/psd_average.csv"
"$cli" psd "$sample" --montage average --fmax 30 --summary
echo
echo "Wrote $out/: <stem>.h5 (feature store, docs/hdf5-layout.md), <stem>.summary.json,"
echo "<stem>.events.tsv (detected events, docs/epileptiform.md),"
echo "psd_average.csv (one row per frequency, one column per channel, µV²/Hz)."

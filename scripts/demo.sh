#!/usr/bin/env bash
# The main job on the bundled sample: describe the recording, then analyse its background
# (HDF5 feature store + summary.json) and write its average spectrum.
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
echo "== eegtrack psd $sample --montage average --fmax 30 (Welch, 2-s Hann segments, 50 % overlap)"
"$cli" psd "$sample" --montage average --fmax 30 --csv > "$out/psd_average.csv"
"$cli" psd "$sample" --montage average --fmax 30 --summary
echo
echo "Wrote $out/: <stem>.h5 (feature store, docs/hdf5-layout.md), <stem>.summary.json,"
echo "psd_average.csv (one row per frequency, one column per channel, µV²/Hz)."

#!/usr/bin/env bash
# Reproduces the README's performance figures. Usage: scripts/bench.sh [build dir, default build/bench]
# Needs the bench preset built (scripts/run bench does both) and ~1 GB of disk for the 24-h file.
# Figures are most meaningful on an idle machine; CPU seconds (getrusage) are printed beside
# wall seconds because they are less disturbed by other load.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/bench}
data=${EEGTRACK_BENCH_DIR:-/tmp/eegtrack-bench}
mkdir -p "$data"
long="$data/synthetic_24h_21ch_256hz.edf"

if [[ ! -f "$long" ]]; then
  echo "== generating $long (24 h, 21 channels, 256 Hz, EDF+C)"
  "$build/bench/make_long_edf_tool" "$long" --hours 24 --channels 21 --rate 256
fi
ls -l "$long"

echo
echo "== reading every sample (file in the page cache: one warm-up read first)"
cat "$long" > /dev/null
for mode in raw eegtrack edflib; do
  "$build/bench/edf_read_tool" "$mode" "$long"
done

echo
echo "== per-epoch Welch PSD, 24 h x 21 ch in memory, one thread (4-s epochs, 2-s Hann, 50 %)"
"$build/bench/epoch_psd_tool" 24 21 256

echo
echo "== the same per-epoch Welch in SciPy and MNE (1 h, per-hour throughput compared)"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 scripts/bench_dsp_vs_python.py \
  --hours 1 --tool "$build/bench/epoch_psd_tool" --tool-hours 24

echo
echo "== eegtrack psd on the 24-h file (whole recording, streamed): time and peak memory"
/usr/bin/time -f "wall %e s  user %U s  sys %S s  peak RSS %M kB" \
  "$build/tools/eegtrack" psd "$long" --channels O1,O2 --summary

echo
echo "== whole analysis against the equivalent MNE-Python pipeline (scripts/bench_vs_mne.sh)"
scripts/bench_vs_mne.sh "$build" 2

echo
echo "== batch throughput, one job against two (scripts/batch_throughput.sh)"
scripts/batch_throughput.sh "$build/tools/eegtrack" 1 2

#!/usr/bin/env bash
# eegtrack against the equivalent MNE-Python pipeline, on the same file in the same run.
#   scripts/bench_vs_mne.sh [BUILD_DIR (default build/bench)] [HOURS (default 2)]
# Generates a realistic synthetic recording with the project's generator (21 channels, 256 Hz,
# 1/f background, posterior rhythm, blinks, muscle, pops, spikes, rhythmic delta and evolving
# discharges: bench/bench_events.hpp), then times, each under /usr/bin/time:
#   eegtrack analyze --no-detect     background qEEG (the same work MNE does here, and more)
#   eegtrack analyze                 background plus all four detectors
#   bench/mne_background.py          read_raw_edf, band-pass, 4-s epochs, Welch, band powers
# and prints wall time, CPU time (user + system) and peak memory of each, with the ratios. The
# three run in turn EEGTRACK_BENCH_REPEAT times (default 3) and each figure is the median of its
# runs: on a shared machine one run can be 10-20 % off. Then the 24-hour file, once: full
# analyze, wall and peak memory. Needs python3-mne and GNU time (scripts/install-deps.sh
# --reference). Figures are only meaningful on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/bench}
hours=${2:-2}
eegtrack="$build/tools/eegtrack"
data=${EEGTRACK_BENCH_DIR:-/tmp/eegtrack-bench}
mkdir -p "$data"
work=$(mktemp -d "${TMPDIR:-/tmp}/eegtrack-vs-mne.XXXXXX")
trap 'rm -rf "$work"' EXIT

make_file() {  # hours -> path
  local f="$data/realistic_${1}h_21ch_256hz.edf"
  [[ -f "$f" ]] || "$build/bench/make_long_edf_tool" "$f" --hours "$1" --channels 21 --rate 256 >&2
  echo "$f"
}

# Runs a command under GNU time; prints "wall cpu rss_mb" (seconds, seconds, MB).
measure() {
  local log="$work/time.$RANDOM"
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null 2>"$work/stderr" ||
    { cat "$work/stderr" >&2; return 1; }
  awk '{ printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024 }' "$log"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

# Median of each column over the lines of a file of "wall cpu rss_mb" lines.
medians() {
  for column in 1 2 3; do
    cut -d' ' -f"$column" "$1" | sort -g | awk '{ v[NR] = $1 } END { printf "%s ", v[int((NR + 1) / 2)] }'
  done
  echo
}
repeat=${EEGTRACK_BENCH_REPEAT:-3}

file=$(make_file "$hours")
echo "== $hours h, 21 channels, 256 Hz: $file ($(du -h "$file" | cut -f1))"
cat "$file" >/dev/null  # page cache warm for every contestant
for ((run = 1; run <= repeat; run++)); do
  measure "$eegtrack" analyze "$file" -o "$work/nd" --no-detect >>"$work/nd.runs"
  measure "$eegtrack" analyze "$file" -o "$work/full" >>"$work/full.runs"
  measure env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
    /usr/bin/python3 bench/mne_background.py "$file" "$work/mne.npz" >>"$work/mne.runs"
done
read -r nd_wall nd_cpu nd_mem < <(medians "$work/nd.runs")
read -r full_wall full_cpu full_mem < <(medians "$work/full.runs")
read -r mne_wall mne_cpu mne_mem < <(medians "$work/mne.runs")
echo "medians of $repeat runs each (wall s: --no-detect $(cut -d' ' -f1 "$work/nd.runs" | xargs)," \
  "full $(cut -d' ' -f1 "$work/full.runs" | xargs), MNE $(cut -d' ' -f1 "$work/mne.runs" | xargs))"
printf "%-34s %9s %9s %9s\n" "" "wall s" "CPU s" "peak MB"
printf "%-34s %9s %9s %9s\n" "eegtrack analyze --no-detect" "$nd_wall" "$nd_cpu" "$nd_mem"
printf "%-34s %9s %9s %9s\n" "eegtrack analyze (all detectors)" "$full_wall" "$full_cpu" "$full_mem"
printf "%-34s %9s %9s %9s\n" "MNE-Python (spectra only)" "$mne_wall" "$mne_cpu" "$mne_mem"
echo "MNE / eegtrack --no-detect: wall $(ratio "$mne_wall" "$nd_wall")x, CPU" \
  "$(ratio "$mne_cpu" "$nd_cpu")x, memory $(ratio "$mne_mem" "$nd_mem")x" \
  "(targets: 20x faster, 10x less memory)"
echo "MNE / eegtrack full analyze: wall $(ratio "$mne_wall" "$full_wall")x, CPU" \
  "$(ratio "$mne_cpu" "$full_cpu")x, memory $(ratio "$mne_mem" "$full_mem")x (target: 3x faster)"

if [[ "${EEGTRACK_BENCH_SKIP_24H:-0}" != 1 ]]; then
  long=$(make_file 24)
  echo
  echo "== 24 h: $long ($(du -h "$long" | cut -f1))"
  cat "$long" >/dev/null
  read -r l_wall l_cpu l_mem < <(measure "$eegtrack" analyze "$long" -o "$work/long")
  echo "eegtrack analyze (all detectors): wall $l_wall s, CPU $l_cpu s, peak $l_mem MB" \
    "(target: under 30 s and 1 GB)"
  read -r ln_wall ln_cpu ln_mem < <(measure "$eegtrack" analyze "$long" -o "$work/longnd" --no-detect)
  echo "eegtrack analyze --no-detect:     wall $ln_wall s, CPU $ln_cpu s, peak $ln_mem MB"
fi

#!/usr/bin/env bash
# Throughput of `eegtrack batch` with one job and with two, on the recordings shipped in the
# repository (tests/data/eeg and sample_edf, the annotation-only hypnogram left out), each into a
# fresh output folder (names kept, so the two cohort tables can be compared). Prints wall time
# and the ratio. One job spreads each analysis over every CPU; N jobs give each 1/N of them,
# so --jobs 2 against --jobs 1 on two CPUs measures how much one analysis leaves idle. How
# throughput scales with CPUs is measured too: --jobs 1 confined to one CPU (taskset), against
# --jobs 2 on two, and --jobs 1 confined to the other CPU: --jobs 2 against the two CPUs'
# speeds added says how much of the machine the batch uses.
# Usage: scripts/batch_throughput.sh [EEGTRACK] [JOBS...]   (default: build/release/tools/eegtrack 1 2)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
eegtrack="${1:-$root/build/release/tools/eegtrack}"
shift || true
jobs=("$@")
[ ${#jobs[@]} -gt 0 ] || jobs=(1 2)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
for f in "$root"/tests/data/eeg/normal/*.edf "$root"/tests/data/eeg/seizure/*.edf "$root"/sample_edf/*.edf; do
  case "$f" in *Hypnogram*) continue ;; esac
  dir="$work/in/$(basename "$(dirname "$f")")"
  mkdir -p "$dir"
  ln -s "$f" "$dir/"
done
n=$(find -L "$work/in" -name '*.edf' | wc -l)
echo "$n recordings, $(du -shL "$work/in" | cut -f1)"
# One batch into OUTDIR with JOBS jobs, optionally under a command prefix (taskset); prints the
# batch's summary line to stderr and its wall time in seconds to stdout.
timed_batch() {  # OUTDIR JOBS [PREFIX...]
  local out=$1 j=$2 start end
  shift 2
  start=$(date +%s.%N)
  "$@" "$eegtrack" batch "$work/in" -o "$out" --jobs "$j" --show-identifiers 2>/dev/null |
    head -1 >&2
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
declare -A wall
for j in "${jobs[@]}"; do
  wall[$j]=$(timed_batch "$work/out$j" "$j")
  printf -- "--jobs %s: %.2f s wall\n" "$j" "${wall[$j]}"
done
if [ -n "${wall[1]:-}" ] && [ -n "${wall[2]:-}" ]; then
  printf "throughput --jobs 2 / --jobs 1: %.2fx\n" "$(echo "${wall[1]} / ${wall[2]}" | bc -l)"
  cmp -s "$work/out1/cohort.tsv" "$work/out2/cohort.tsv" && echo "cohort.tsv identical" ||
    echo "cohort.tsv DIFFERS"
  one_cpu=$(timed_batch "$work/out1cpu" 1 taskset -c 0)
  printf -- "--jobs 1 on one CPU: %.2f s wall\n" "$one_cpu"
  printf "throughput --jobs 2 on two CPUs / --jobs 1 on one CPU: %.2fx\n" \
    "$(echo "$one_cpu / ${wall[2]}" | bc -l)"
  cmp -s "$work/out1/cohort.tsv" "$work/out1cpu/cohort.tsv" && echo "cohort.tsv identical" ||
    echo "cohort.tsv DIFFERS"
  # The two CPUs of a virtual machine need not be equally fast (a busy neighbour on one's
  # physical core): what both give together is the sum of their speeds, each measured alone.
  other_cpu=$(timed_batch "$work/out1cpu1" 1 taskset -c 1)
  printf -- "--jobs 1 on the other CPU: %.2f s wall\n" "$other_cpu"
  printf "throughput --jobs 2 / the two CPUs' speeds added: %.2f\n" \
    "$(echo "(1 / ${wall[2]}) / (1 / $one_cpu + 1 / $other_cpu)" | bc -l)"
fi

#!/usr/bin/env bash
# Runs every fuzz harness of a fuzz build on its seeds (docs/robustness.md):
#   scripts/fuzz.sh BUILD_DIR SEED_DIR SECONDS [HARNESS...]
# Each harness runs SECONDS in one process on one core (no -jobs or -workers), as many harnesses
# at once as there are CPUs (EEGTRACK_FUZZ_PARALLEL overrides), starting from
# SEED_DIR/<harness> (scripts/fuzz-seeds.sh) plus BUILD_DIR/fuzz/corpus/<harness>, where the
# inputs it finds are kept between runs (the seed folder is never written). A crash, a leak, an undefined-behaviour
# report, a timeout (10 s per input) or an input needing more than 2 GB stops the run with a
# reproducer in BUILD_DIR/fuzz/findings/ and exit status 1. Ends with one line per harness:
# executions, coverage (cov: edges, ft: features) and corpus size at the end.
set -euo pipefail
build=${1:?usage: scripts/fuzz.sh BUILD_DIR SEED_DIR SECONDS [HARNESS...]}
seeds=${2:?usage: scripts/fuzz.sh BUILD_DIR SEED_DIR SECONDS [HARNESS...]}
seconds=${3:?usage: scripts/fuzz.sh BUILD_DIR SEED_DIR SECONDS [HARNESS...]}
shift 3
harnesses=("$@")
if ((${#harnesses[@]} == 0)); then
  harnesses=(edf_header tal edf_records course_file output_json output_h5)
fi

# Largest input per harness: a header of 60 signals, one data record of the seeds, a TAL
# block, a course file, an output JSON, an HDF5 store (a whole file; HDF5 needs its structure).
max_len() {
  case "$1" in
    edf_header) echo 16384 ;;
    tal) echo 4096 ;;
    course_file) echo 8192 ;;
    output_h5) echo 1048576 ;;
    *) echo 65536 ;;
  esac
}

findings="$build/fuzz/findings"
suppressions="$(cd "$(dirname "$0")/.." && pwd)/fuzz/lsan.supp"
mkdir -p "$findings"
parallel=${EEGTRACK_FUZZ_PARALLEL:-$(nproc)}

# One harness for SECONDS; its log is $build/fuzz/<harness>.log, and <harness>.failed marks a
# failure (the harnesses run as background jobs, whose exit status the loop below can't keep).
fuzz_one() {
  local h=$1
  local bin="$build/fuzz/${h}_fuzzer"
  local corpus="$build/fuzz/corpus/$h"
  local log="$build/fuzz/$h.log"
  mkdir -p "$corpus"
  rm -f "$build/fuzz/$h.failed"
  # libhdf5 has no frame pointers: a leak inside it shows the library's own frames (and so
  # meets the narrow suppressions of fuzz/lsan.supp) only with the slow unwinder.
  local unwind=1
  [[ $h == output_h5 ]] && unwind=0
  if ! HDF5_USE_FILE_LOCKING=FALSE LSAN_OPTIONS="suppressions=$suppressions" \
      ASAN_OPTIONS="fast_unwind_on_malloc=$unwind" "$bin" -max_total_time="$seconds" \
      -max_len="$(max_len "$h")" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$findings/$h-" "$corpus" "$seeds/$h" >"$log" 2>&1; then
    touch "$build/fuzz/$h.failed"
  fi
}

for h in "${harnesses[@]}"; do
  while (($(jobs -rp | wc -l) >= parallel)); do
    wait -n || true
  done
  fuzz_one "$h" &
done
wait

status=0
summary=()
for h in "${harnesses[@]}"; do
  log="$build/fuzz/$h.log"
  if [[ -e "$build/fuzz/$h.failed" ]]; then
    status=1
    echo "fuzz: $h FAILED (log: $log)" >&2
    grep -E '^(==|SUMMARY|.*runtime error)' "$log" | head -20 >&2 || true
  fi
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  summary+=("$h: ${last:-no progress line}")
done
printf 'fuzz: %s\n' "${summary[@]}"
exit "$status"

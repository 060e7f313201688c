#!/usr/bin/env bash
# Prints one closing line "tests: N passed, N failed, N skipped" from CTest's JUnit reports (one
# or more: `scripts/run test` runs the suite under ASan+UBSan and the batch tests under TSan),
# and names the skipped tests (on a clone with nothing beside it, only the optional vendor-clip
# tests).
set -euo pipefail
if (($# == 0)); then
  echo "usage: scripts/test-counts.sh CTEST_JUNIT_XML..." >&2
  exit 2
fi
total=0 failed=0 skipped=0
for report in "$@"; do
  if [[ ! -f "$report" ]]; then
    echo "test-counts: no report at $report (did the build fail?)" >&2
    exit 1
  fi
  total=$((total + $(grep -c '<testcase ' "$report" || true)))
  failed=$((failed + $(grep -c 'status="fail"' "$report" || true)))
  s=$(grep -c 'status="notrun"\|status="disabled"' "$report" || true)
  skipped=$((skipped + s))
  if ((s > 0)); then
    echo "skipped ($report):"
    grep -o '<testcase name="[^"]*"[^>]*status="\(notrun\|disabled\)"' "$report" |
      sed 's/<testcase name="\([^"]*\)".*/  \1/'
  fi
done
passed=$((total - failed - skipped))
echo "tests: $passed passed, $failed failed, $skipped skipped"

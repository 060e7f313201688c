#!/usr/bin/env bash
# Prints one closing line "tests: N passed, N failed, N skipped" from CTest's JUnit report, and
# names the skipped tests (on a clone with nothing beside it, only the optional vendor-clip tests).
set -euo pipefail
report=${1:?usage: scripts/test-counts.sh CTEST_JUNIT_XML}
if [[ ! -f "$report" ]]; then
  echo "test-counts: no report at $report (did the build fail?)" >&2
  exit 1
fi
total=$(grep -c '<testcase ' "$report" || true)
failed=$(grep -c 'status="fail"' "$report" || true)
skipped=$(grep -c 'status="notrun"\|status="disabled"' "$report" || true)
passed=$((total - failed - skipped))
if ((skipped > 0)); then
  echo "skipped:"
  grep -o '<testcase name="[^"]*"[^>]*status="\(notrun\|disabled\)"' "$report" |
    sed 's/<testcase name="\([^"]*\)".*/  \1/'
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"

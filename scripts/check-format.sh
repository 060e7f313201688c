#!/usr/bin/env bash
# Checks that every C++ file under src tools tests bench fuzz is formatted by the repository's
# .clang-format with clang-format 14 (Debian 12's); prints the files that are not and exits 1.
# Fix with: make format
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- 'src/*.[ch]pp' 'tools/*.[ch]pp' 'tests/*.[ch]pp' \
  'bench/*.[ch]pp' 'fuzz/*.[ch]pp')
if ! clang-format-14 --dry-run --Werror "${files[@]}" 2>/dev/null; then
  clang-format-14 --dry-run "${files[@]}" 2>&1 | grep -o '^[^:]*' | sort -u |
    sed 's/^/format: not formatted: /' >&2
  echo "format: run 'make format' (clang-format-14)" >&2
  exit 1
fi
echo "format: ${#files[@]} files formatted"

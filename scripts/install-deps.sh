#!/usr/bin/env bash
# Installs eegtrack's build and test dependencies from Debian 12 packages, only those missing.
# Idempotent: a second run installs nothing. Run as root (or with sudo available).
#   scripts/install-deps.sh              build + test dependencies
#   scripts/install-deps.sh --reference  also SciPy/MNE/h5py, used only to regenerate golden data
#                                        and run the comparison benchmarks (never at run time)
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config libfftw3-dev libeigen3-dev libedf-dev
          libhdf5-dev libgtest-dev libbenchmark-dev libcli11-dev nlohmann-json3-dev
          libyaml-cpp-dev zlib1g-dev
          # A one-node Slurm cluster for the job-array test (tests/slurm/run_slurm_cluster.sh).
          slurm-wlm munge)
# The checks of `scripts/run test`: clang with its sanitizer and libFuzzer runtimes (the
# sanitized suite and the fuzz harnesses), clang-format (the format check).
packages+=(clang-14 libclang-rt-14-dev clang-format-14)
# Optional: headless Chromium prints reports to PDF and renders them in the browser test; when
# it cannot be installed, `--pdf` says so and that test skips.
optional=(chromium)
if [[ "${1:-}" == "--reference" ]]; then
  packages+=(python3-scipy python3-mne python3-h5py python3-numpy time)
fi

installed() { [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]; }
missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
missing_optional=()
for p in "${optional[@]}"; do installed "$p" || missing_optional+=("$p"); done
if ((${#missing[@]} + ${#missing_optional[@]} == 0)); then
  echo "install-deps: all $((${#packages[@]} + ${#optional[@]})) packages present"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
"${sudo_cmd[@]}" apt-get update -qq
if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi
if ((${#missing_optional[@]} > 0)); then
  echo "install-deps: installing ${missing_optional[*]} (optional)"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing_optional[@]}" ||
    echo "install-deps: ${missing_optional[*]} not installed: no PDF reports, the browser test skips"
fi

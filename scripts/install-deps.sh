#!/usr/bin/env bash
# Installs eegtrack's build and test dependencies from Debian 12 packages, only those missing.
# Idempotent: a second run installs nothing. Run as root (or with sudo available).
#   scripts/install-deps.sh              build + test dependencies
#   scripts/install-deps.sh --reference  also SciPy/MNE/h5py, used only to regenerate golden data
#                                        and run the comparison benchmarks (never at run time)
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config libfftw3-dev libeigen3-dev libedf-dev
          libhdf5-dev libgtest-dev libbenchmark-dev libcli11-dev nlohmann-json3-dev
          libyaml-cpp-dev)
if [[ "${1:-}" == "--reference" ]]; then
  packages+=(python3-scipy python3-mne python3-h5py python3-numpy time)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
echo "install-deps: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}"

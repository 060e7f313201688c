#!/usr/bin/env bash
# The installed eegtrack, as a cluster node would get it: builds the Debian package of the
# build tree (cpack -G DEB), unpacks it into a temporary root (dpkg-deb -x, no root needed),
# runs the packaged eegtrack and checks its man page and bash completion, then builds a small
# project against the packaged libraries twice, through find_package(eegtrack) and through
# pkg-config, and runs it on a real recording.
# Usage: check_install.sh BUILD_DIR SOURCE_DIR SCRATCH_DIR
set -euo pipefail
build=$1 source=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch/root"
(cd "$build" && cpack -G DEB -B "$scratch/package" >"$scratch/cpack.log" 2>&1) ||
  { cat "$scratch/cpack.log"; exit 1; }
deb=$(ls "$scratch"/package/eegtrack_*.deb)
# Captured first: `grep -q` stops reading early, and under pipefail the writer's SIGPIPE would
# fail the pipeline at random.
info=$(dpkg-deb -I "$deb")
grep -E "Package|Version|Depends" <<<"$info"
grep -q "Depends:.*libhdf5" <<<"$info" || { echo "no Debian runtime dependencies"; exit 1; }
dpkg-deb -x "$deb" "$scratch/root"
usr=$scratch/root/usr
version=$("$usr/bin/eegtrack" --version)
echo "$version"
grep -q "$(sed -n 's/^project(eegtrack VERSION \([0-9.]*\).*/\1/p' "$source/CMakeLists.txt")" <<<"$version"
test -x "$usr/bin/eegtrack-demo-patient"
grep -q "^\.SS analyze" "$usr/share/man/man1/eegtrack.1"
bash -c "source '$usr/share/bash-completion/completions/eegtrack'; PATH='$usr/bin':\$PATH
  COMP_WORDS=(eegtrack ana); COMP_CWORD=1; _eegtrack; [[ \${COMPREPLY[*]} == analyze ]]
  COMP_WORDS=(eegtrack analyze --no-ocu); COMP_CWORD=2; _eegtrack
  [[ \${COMPREPLY[*]} == --no-ocular-screen ]]"
recording=$source/sample_edf/eegmat_Subject00_1_rest_eyes_closed.edf
# The consumer is built with the compiler and flags of the packaged libraries: a sanitized build
# (scripts/run test) packages instrumented libraries, which link only with the same runtime.
cache() { sed -n "s/^$1:[A-Z]*=//p" "$build/CMakeCache.txt"; }
compiler=$(cache CMAKE_CXX_COMPILER) cxx_flags=$(cache CMAKE_CXX_FLAGS)
link_flags=$(cache CMAKE_EXE_LINKER_FLAGS)
cmake -S "$source/tests/install/consumer" -B "$scratch/consumer" -DCMAKE_PREFIX_PATH="$usr" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_CXX_FLAGS="$cxx_flags" \
  -DCMAKE_EXE_LINKER_FLAGS="$link_flags" >"$scratch/consumer.log" 2>&1 ||
  { cat "$scratch/consumer.log"; exit 1; }
cmake --build "$scratch/consumer" >>"$scratch/consumer.log" 2>&1 || { cat "$scratch/consumer.log"; exit 1; }
"$scratch/consumer/consumer" "$recording"
PKG_CONFIG_PATH=$(dirname "$(find "$usr" -name eegtrack.pc)")
export PKG_CONFIG_PATH
flags=$(pkg-config --cflags eegtrack)
libs=$(pkg-config --libs --static eegtrack)
# shellcheck disable=SC2086 # the flags are lists of words
"$compiler" -O1 $cxx_flags $flags "$source/tests/install/consumer/consumer.cpp" \
  -o "$scratch/consumer_pc" $link_flags $libs
"$scratch/consumer_pc" "$recording"
echo "install: package, man page, completion, find_package and pkg-config all work"

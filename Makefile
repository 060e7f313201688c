# Shortcuts for developers; scripts/run is the entry point that also installs dependencies.
JOBS ?= $(shell nproc)

.PHONY: demo test build asan bench reference format clean

demo:
	scripts/run demo

test:
	scripts/run test

build:
	scripts/run build

asan:
	scripts/install-deps.sh
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --test-dir build/asan --output-on-failure -j $(JOBS)

bench:
	scripts/run bench

## Regenerate the golden reference data with SciPy/MNE (Debian packages, never run-time deps).
reference:
	scripts/install-deps.sh --reference
	for script in tools/reference/generate_*.py; do /usr/bin/python3 $$script || exit 1; done

format:
	find src tools tests bench fuzz -name '*.[ch]pp' | xargs clang-format-14 -i

clean:
	rm -rf build out

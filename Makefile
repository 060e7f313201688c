# Entry points for people and CI. Everything builds out of tree in build/<preset>.
JOBS ?= $(shell nproc)
BUILD := build/release

.PHONY: deps build demo test asan bench reference format clean

deps:
	scripts/install-deps.sh

build: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

## Set up, then run the main job on the bundled sample recording.
demo: build
	scripts/demo.sh $(BUILD)/tools/eegtrack

## Set up, then run the whole test suite.
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

asan: deps
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j $(JOBS)
	ctest --test-dir build/asan --output-on-failure -j $(JOBS)

bench: deps
	cmake --preset bench >/dev/null
	cmake --build --preset bench -j $(JOBS)
	scripts/bench.sh build/bench

## Regenerate the golden reference data with SciPy/MNE (needs scripts/install-deps.sh --reference).
reference:
	scripts/install-deps.sh --reference
	/usr/bin/python3 tools/reference/generate.py tests/data

format:
	find src tools tests bench -name '*.[ch]pp' | xargs clang-format -i

clean:
	rm -rf build

# Developer and CI entry points. Every recipe uses the tools in .venv (made by
# scripts/setup.sh), so the system's cmake and python versions do not matter.
# The machine has two cores: builds use -j2 and the test targets run one after another.

VENV      := $(CURDIR)/.venv
BIN       := $(VENV)/bin
PYTHON    := $(BIN)/python
PIP       := $(PYTHON) -m pip
CMAKE     := $(BIN)/cmake
CTEST     := $(BIN)/ctest
NOTEBOOKS := $(wildcard notebooks/*.ipynb)

# The Ninja generator finds the venv's ninja on PATH.
export PATH := $(BIN):$(PATH)
MAKEFLAGS += --no-print-directory

.PHONY: all setup build install-python test test-cpp test-consumer test-python \
        test-notebooks test-sanitize demo bench clean

all: build

setup:
	bash scripts/setup.sh

build: setup
	$(CMAKE) --preset dev
	$(CMAKE) --build build/cpp -j2

install-python: setup
	$(PIP) install --quiet --no-build-isolation .

# The compiled module's type stubs, python/socinv/_core.pyi, generated from the installed build
# with pybind11-stubgen; tests/python/test_api.py fails when the committed file has drifted.
.PHONY: stubs
stubs: install-python
	$(PYTHON) scripts/generate_stubs.py

test-cpp: build
	$(CTEST) --test-dir build/cpp --output-on-failure -j2

# Installs into a staging prefix and builds a separate project against it, which
# proves that find_package(socinv CONFIG) and socinv::socinv work when installed.
test-consumer: build
	rm -rf build/stage build/consumer
	$(CMAKE) --install build/cpp --prefix build/stage
	$(CMAKE) -S examples/cpp-consumer -B build/consumer -G Ninja \
	    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=$(CURDIR)/build/stage
	$(CMAKE) --build build/consumer -j2
	build/consumer/socinv_consumer examples/applications/sot.json
	rm -f build/consumer/ledger.db && build/consumer/socinv_ledger_consumer build/consumer/ledger.db

test-python: install-python
	$(PYTHON) -m pytest

test-notebooks: install-python
	$(PYTHON) scripts/run_notebooks.py $(NOTEBOOKS)

test-sanitize: setup
	$(CMAKE) --preset asan
	$(CMAKE) --build build/asan -j2
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    $(CTEST) --test-dir build/asan --output-on-failure -j2

# Sequential on purpose: each step uses both cores.
test:
	$(MAKE) test-cpp
	$(MAKE) test-consumer
	$(MAKE) test-python
	$(MAKE) test-notebooks
	$(MAKE) test-sanitize

demo: install-python
	$(BIN)/socinv assess examples/applications/sot.json

bench: build install-python
	$(PIP) install --quiet -r requirements/bench.txt
	@if [ -f bench/run_all.py ]; then \
	    $(PYTHON) bench/run_all.py; \
	else \
	    echo "bench: no bench/run_all.py yet"; \
	fi

clean:
	rm -rf build

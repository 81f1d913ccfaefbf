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
        test-notebooks test-fuzz test-sanitize fuzz fuzz-build demo bench clean

all: build

setup:
	bash scripts/setup.sh

build: setup
	$(CMAKE) --preset dev
	$(CMAKE) --build build/cpp -j2

# Warnings are errors here as in every other build of ours (the pip build is the -O3 build
# of the CLI layer and the bindings that the tests use); a user's plain `pip install .` keeps them warnings.
install-python: setup
	$(PIP) install --quiet --no-build-isolation -C cmake.define.SOCINV_WERROR=ON .

# The compiled module's type stubs, python/socinv/_core.pyi, generated from the installed build
# with pybind11-stubgen; tests/python/test_api.py fails when the committed file has drifted.
.PHONY: stubs
stubs: install-python
	$(PYTHON) scripts/generate_stubs.py

# The C++ tests build and run once, in the Debug build with AddressSanitizer and UBSan (assertions
# on): building them a second time at -O3 cost a quarter of `make test`. The optimised library is
# tested through the Python module (-O3), the consumer and the notebooks.
test-cpp: setup
	$(CMAKE) --preset asan
	$(CMAKE) --build build/asan -j2
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    $(CTEST) --test-dir build/asan --output-on-failure -j2

test-sanitize: test-cpp

# Installs into a staging prefix and builds a separate project against it, which
# proves that find_package(socinv CONFIG) and socinv::socinv work when installed. Only the
# installable library is built for it (build/library): the CLI's -O3 build is the pip build's.
test-consumer: setup
	rm -rf build/stage build/consumer
	$(CMAKE) --preset library
	$(CMAKE) --build build/library -j2
	$(CMAKE) --install build/library --prefix build/stage
	$(CMAKE) -S examples/cpp-consumer -B build/consumer -G Ninja \
	    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=$(CURDIR)/build/stage
	$(CMAKE) --build build/consumer -j2
	build/consumer/socinv_consumer examples/applications/sot.json
	rm -f build/consumer/ledger.db && build/consumer/socinv_ledger_consumer build/consumer/ledger.db

test-python: install-python
	$(PYTHON) -m pytest

test-notebooks: install-python
	$(PYTHON) scripts/run_notebooks.py $(NOTEBOOKS)


# libFuzzer harnesses (fuzz/, docs/fuzzing.md), built with clang 16, ASan and UBSan in build/fuzz.
# Findings go to build/fuzz/findings/<harness>/, new corpus inputs to build/fuzz/corpus/<harness>/;
# the checked-in corpus in fuzz/corpus/ is only read.
FUZZERS      := application application_lines rule_set agreement fund ledger ledger_store
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   := -dict=fuzz/socinv.dict -max_len=16384 -timeout=10

fuzz-build: setup
	$(CMAKE) --preset fuzz
	$(CMAKE) --build build/fuzz -j2 --target socinv_fuzzers

# Each harness for FUZZ_SECONDS seconds on its corpus; every harness runs, then any finding fails.
fuzz: fuzz-build
	@status=0; for h in $(FUZZERS); do \
	    mkdir -p build/fuzz/corpus/$$h build/fuzz/findings/$$h; \
	    echo "fuzz: $$h for $(FUZZ_SECONDS) s"; \
	    nice -n 10 build/fuzz/fuzz_$$h $(FUZZ_FLAGS) -rss_limit_mb=2048 -max_total_time=$(FUZZ_SECONDS) \
	        -artifact_prefix=build/fuzz/findings/$$h/ build/fuzz/corpus/$$h fuzz/corpus/$$h \
	        || { echo "fuzz: $$h found something: build/fuzz/findings/$$h/"; status=1; }; \
	done; exit $$status

# Replays every harness over its checked-in corpus, then runs it 10 s from there; any crash,
# sanitizer report, leak, slow input (timeout) or exception other than input_error fails.
test-fuzz: fuzz-build
	@mkdir -p build/fuzz/logs; for h in $(FUZZERS); do \
	    rm -rf build/fuzz/test-corpus/$$h; mkdir -p build/fuzz/test-corpus/$$h build/fuzz/findings/$$h; \
	    log=build/fuzz/logs/$$h.log; \
	    echo "test-fuzz: $$h: replay fuzz/corpus/$$h, then 10 s"; \
	    { nice -n 10 build/fuzz/fuzz_$$h $(FUZZ_FLAGS) -rss_limit_mb=1024 -runs=0 \
	          -artifact_prefix=build/fuzz/findings/$$h/ fuzz/corpus/$$h \
	      && nice -n 10 build/fuzz/fuzz_$$h $(FUZZ_FLAGS) -rss_limit_mb=1024 -max_total_time=10 \
	          -artifact_prefix=build/fuzz/findings/$$h/ build/fuzz/test-corpus/$$h fuzz/corpus/$$h; \
	    } >$$log 2>&1 || { tail -n 60 $$log; echo "test-fuzz: $$h failed (log $$log, input in build/fuzz/findings/$$h/)"; exit 1; }; \
	done

# Sequential on purpose: each step uses both cores.
test:
	$(MAKE) test-cpp
	$(MAKE) test-consumer
	$(MAKE) test-python
	$(MAKE) test-notebooks
	$(MAKE) test-fuzz

# The SöT assessment on the terminal, then its decision memo as HTML and PDF in build/report/
# (the command prints the paths it wrote).
demo: install-python
	$(BIN)/socinv assess examples/applications/sot.json
	@echo
	@echo "demo: the decision memo (socinv report):"
	$(BIN)/socinv report examples/applications/sot.json -o build/report/ --pdf

bench: build install-python
	$(PIP) install --quiet -r requirements/bench.txt
	@if [ -f bench/run_all.py ]; then \
	    $(PYTHON) bench/run_all.py; \
	else \
	    echo "bench: no bench/run_all.py yet"; \
	fi

clean:
	rm -rf build

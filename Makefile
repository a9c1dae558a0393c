# The one task runner. Tool versions: tools/versions.env (wasm-bindgen-cli: Cargo.lock).
SHELL := /bin/bash
PORT ?= 8080
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
BENCH_RUNS ?= 30

.PHONY: help setup build pack demo test fuzz size bench

help:
	@echo "make setup   install the tools (idempotent; a cold install takes ~15 min)"
	@echo "make build   release build into pkg/ (wasm-pack + wasm-opt), prints sizes"
	@echo "make pack    build, then npm pack pkg/ into target/eol-table-<version>.tgz (npm install that file)"
	@echo "make demo    build, then serve the demo on http://127.0.0.1:$(PORT)/"
	@echo "make test    every check: fmt, clippy, native, browser, node and e2e tests"
	@echo "make size    what the wasm weighs per feature set (raw, gzip, brotli) and its largest parts"
	@echo "make bench   build, then time eol-table against js-yaml + Grid.js in Chromium (BENCH_RUNS=30)"
	@echo "make fuzz    run each fuzz target FUZZ_SECONDS (60) s (nightly; FUZZ_TARGETS=\"parse whole\" picks)"

setup:
	bash scripts/setup.sh

build: setup
	bash scripts/build.sh

pack: build
	bash scripts/pack.sh target

demo: build
	@echo "demo: open http://127.0.0.1:$(PORT)/ (Ctrl-C stops)"
	node scripts/serve.mjs --host 127.0.0.1 --port $(PORT)

test:
	bash scripts/test.sh

fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

size: setup
	bash scripts/size.sh

bench: setup
	bash scripts/bench.sh --runs $(BENCH_RUNS)

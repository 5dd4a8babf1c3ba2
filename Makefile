# The two commands (README.md): `make run` opens the app, `make test` runs every check and test.
# Both first install whatever is missing (scripts/setup.sh), so a fresh clone needs nothing else.
.PHONY: run test setup app ui bench bench-city fuzz crash dist-deb dist-windows test-dist

run:
	scripts/setup.sh run
	$(MAKE) app
	cargo run -p shelian-app --features custom-protocol

test:
	scripts/setup.sh test
	scripts/test.sh

# The UI bundle, then the app binary that serves it (the same feature set as the tests use).
ui:
	cd ui && npm run --silent build

app: ui
	cargo build -p shelian-app --features custom-protocol

bench:
	cargo bench -p shelian-core

# The whole app at city scale (10,000 and 100,000 vouchers) beside GnuCash 4.13, one table at the
# end (scripts/bench-city.sh; README.md has the figures). Long, and not part of `make test`.
bench-city:
	scripts/bench-city.sh

# Fuzzes the doors people feed text and files into (fuzz/, its own workspace, nightly): each target
# for FUZZ_SECONDS, starting from the committed seeds. A crash stops the run and leaves its input in
# fuzz/artifacts/<target>/. Niced, so it never starves a build.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= money_parse credit_code roster_preview packet_verify
FUZZ_TARGET_DIR ?= $(HOME)/.cache/shelian/fuzz-target
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	set -e; for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $$t for $(FUZZ_SECONDS) s"; \
	  nice -n 10 cargo +nightly fuzz run --target-dir $(FUZZ_TARGET_DIR) $$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -print_final_stats=1; \
	done

# The long crash run: CRASH_KILLS SIGKILLs of a child posting to a real file, every check after each.
CRASH_KILLS ?= 200
crash:
	nice -n 10 cargo run -p shelian-core --release --example crash_harness -- parent $(CRASH_KILLS)

# Installers, under dist/ (README.md, "Installing"). Not part of `make test`: packaging has its own
# test script, `make test-dist`, which needs root (a Debian 12 chroot) and wine.
dist-deb:
	scripts/dist-deb.sh

dist-windows:
	scripts/dist-windows.sh

test-dist:
	scripts/test-deb.sh
	scripts/test-windows.sh

#!/usr/bin/env bash
# Every check and every test of 社联会管家, in the order a failure is cheapest to find. Prints each
# runner's own summary and ends on one line "make test: N passed, N failed". Exits non-zero on any
# failure. Screenshots of the end-to-end journeys land in .artifacts/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d)
started=$(date +%s)
passed=0
step() { printf '\n==> %s\n' "$*"; }
count_cargo() { # sums "test result: ok. N passed; M failed" lines of a cargo test log
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { printf "%d %d\n", p, f }' "$1"
}

step "rustfmt"
cargo fmt --all -- --check
(cd tests/e2e && cargo fmt -- --check)

step "UI: prettier, tsc --noEmit"
(cd ui && npm run --silent fmt:check && npm run --silent typecheck)

# Before clippy: the app crate embeds ui/dist at compile time.
step "UI: build (vite)"
(cd ui && npm run --silent build)

step "clippy (-D warnings)"
cargo clippy --workspace --all-targets --features shelian-app/custom-protocol --quiet -- -D warnings
(cd tests/e2e && cargo clippy --all-targets --quiet -- -D warnings)

step "Rust tests (core, app); regenerates ui/src/bindings"
set +e
cargo test --workspace --features shelian-app/custom-protocol > "$logs/cargo.log" 2>&1
rc=$?
set -e
grep -E '^(     Running|test result|failures:|---- )' "$logs/cargo.log" || true
read -r p f < <(count_cargo "$logs/cargo.log")
if [ $rc -ne 0 ] || [ "$f" != 0 ] || [ "$p" = 0 ]; then tail -80 "$logs/cargo.log"; echo "Rust tests failed"; exit 1; fi
passed=$((passed + p))

step "Typed IPC: generated bindings and Rust's fixture answers match the committed ones"
generated=(ui/src/bindings ui/src/test/from-rust)
if ! git diff --exit-code --stat -- "${generated[@]}" || [ -n "$(git ls-files --others --exclude-standard "${generated[@]}")" ]; then
  git ls-files --others --exclude-standard "${generated[@]}"
  echo "ui/src/bindings or ui/src/test/from-rust changed when regenerated from Rust: commit the regenerated files"; exit 1
fi
echo "bindings and fixtures up to date"

step "UI tests (vitest)"
set +e
(cd ui && NO_COLOR=1 FORCE_COLOR=0 npx vitest run) > "$logs/vitest.log" 2>&1
rc=$?
set -e
grep -E 'Test Files|Tests ' "$logs/vitest.log" || true
if [ $rc -ne 0 ] || ! grep -qE 'Tests +[0-9]+ passed' "$logs/vitest.log"; then tail -80 "$logs/vitest.log"; echo "UI tests failed"; exit 1; fi
p=$(grep -oE 'Tests +[0-9]+ passed' "$logs/vitest.log" | grep -oE '[0-9]+' | head -1)
passed=$((passed + p))

step "App binary (custom-protocol)"
cargo build -p shelian-app --features custom-protocol --quiet

step "End to end through the real window (tauri-driver, WebKitWebDriver, Xvfb)"
set +e
xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --manifest-path tests/e2e/Cargo.toml -- --test-threads=1 > "$logs/e2e.log" 2>&1
rc=$?
set -e
grep -E '^(test |test result|failures:|---- )' "$logs/e2e.log" || true
read -r p f < <(count_cargo "$logs/e2e.log")
if [ $rc -ne 0 ] || [ "$f" != 0 ] || [ "$p" = 0 ]; then
  # Each failure's own message first: a backtrace can push it out of the log's tail.
  grep -A12 -- '^---- ' "$logs/e2e.log" | head -80 || true
  tail -40 "$logs/e2e.log"; echo "end-to-end failed"; exit 1
fi
passed=$((passed + p))

echo
echo "all checks clean; took $(( $(date +%s) - started )) s"
echo "make test: $passed passed, 0 failed"

#!/usr/bin/env bash
# `make bench-city` (issue 16): the whole app at city scale, side by side with GnuCash 4.13, in one
# run. For each N (default 10,000 and 100,000 vouchers): city-scale books written through the facade
# (`big_books`, which checks tie_out), the command layer (`city_commands`), the release window
# (scripts/bench-window.sh) and the same volumes in GnuCash (scripts/bench-gnucash.sh); then one
# table of both sides and the ratio. Not part of `make test`: it takes long and measures, it does
# not assert. Figures depend on the machine and on what else runs on it.
# Settings: BENCH_SIZES="10000 100000", BENCH_RUNS=3, BENCH_CACHE=~/.cache/shelian/bench-city;
# BENCH_GNUCASH=keep reuses GnuCash's last figures from the cache (they do not depend on our code,
# and at 100,000 GnuCash takes half an hour), so our side can be measured again after a change.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${BENCH_SIZES:-10000 100000}
runs=${BENCH_RUNS:-3}
cache=${BENCH_CACHE:-$HOME/.cache/shelian/bench-city}
target=${CARGO_TARGET_DIR:-$PWD/target}
export BENCH_CACHE=$cache
mkdir -p "$cache"

# BENCH_TABLE_ONLY=1: print the table from the results of the last run, measuring nothing.
if [ -z "${BENCH_TABLE_ONLY:-}" ]; then
scripts/setup.sh test
cargo build --quiet --release -p shelian-core --example big_books --example city_commands
(cd ui && npm run --silent build >/dev/null)
cargo build --quiet --release -p shelian-app --features custom-protocol
cargo build --quiet --manifest-path tests/e2e/Cargo.toml --bin bench_window
export BENCH_BUILT=1

for n in $sizes; do
  echo "== N = $n"
  file="$cache/shelian-$n.shelian"
  rm -f "$file" "$file-wal" "$file-shm"
  start=$(date +%s%N)
  "$target/release/examples/big_books" "$file" "$n"
  echo "made_s=$(( ($(date +%s%N) - start) / 1000000000 ))" > "$cache/made-$n.txt"
  BENCH_RESULT="$cache/commands-$n.txt" "$target/release/examples/city_commands" "$file" 20
  BENCH_RESULT="$cache/window-$n.txt" scripts/bench-window.sh "$file" "$runs"
  # GnuCash loads a 100,000-transaction book for minutes (and its report loads it again), so
  # from 50,000 on it is measured once.
  gnucash_runs=$runs; [ "$n" -ge 50000 ] && gnucash_runs=1
  if [ "${BENCH_GNUCASH:-run}" = keep ] && [ -f "$cache/gnucash-$n.txt" ]; then
    echo "GnuCash at $n: kept from $(date -u -r "$cache/gnucash-$n.txt" '+%Y-%m-%d %H:%M') UTC (BENCH_GNUCASH=keep)"
  else
    BENCH_RESULT="$cache/gnucash-$n.txt" scripts/bench-gnucash.sh "$n" "$gnucash_runs"
  fi
done
fi

get() { sed -n "s/^$2=//p" "$cache/$1.txt" 2>/dev/null || true; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.1f×", b / a; else print "—" }'; }
mb() { [ -f "$1" ] && awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.0f MB", b / 1e6 }'; }
echo
echo "make bench-city: medians of $runs runs (GnuCash from 50,000 on: 1 run); $(nproc) cores; $(date -u +%Y-%m-%d)"
printf '| %-40s |' "N vouchers (2 lines each)"
for n in $sizes; do printf ' %-12s | %-12s | %-7s |' "社联会管家 $n" "GnuCash $n" "ratio"; done
echo
printf '|%s|' "$(printf -- '-%.0s' $(seq 1 42))"
for n in $sizes; do printf '%s|%s|%s|' "--------------" "--------------" "---------"; done
echo
row() { # label, our file:key (or -), gnucash file:key (or -), unit
  printf '| %-40s |' "$1"
  for n in $sizes; do
    ours=""; theirs=""
    [ "$2" = - ] || ours=$(get "${2%%:*}-$n" "${2##*:}")
    [ "$3" = - ] || theirs=$(get "${3%%:*}-$n" "${3##*:}")
    printf ' %-12s | %-12s | %-7s |' "${ours:+$ours $4}" "${theirs:+$theirs $4}" "$(ratio "${ours:-0}" "${theirs:-0}")"
  done
  echo
}
row "exec → interactive window" window:ready_ms gnucash:open_ms ms
row "PSS, all processes, 3 s after ready" window:pss_mb gnucash:pss_mb MB
row "记账 first page, click → pixels" window:books_ms - ms
row "记账 first page, command layer" commands:books_ms - ms
row "预算执行表, click → pixels" window:execution_ms - ms
row "预算执行表, command layer" commands:execution_ms - ms
row "Income Statement, gnucash-cli" - gnucash:report_ms ms
printf '| %-40s |' "file size"
for n in $sizes; do
  printf ' %-12s | %-12s | %-7s |' "$(mb "$cache/shelian-$n.shelian")" "$(mb "$cache/gnucash-$n.gnucash")" ""
done
echo
echo "ratio = GnuCash ÷ 社联会管家 (above 1: ours is faster or smaller). GnuCash's report runs in gnucash-cli,"
echo "which opens the book first; ours are measured in the open window and in the facade."

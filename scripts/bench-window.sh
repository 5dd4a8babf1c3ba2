#!/usr/bin/env bash
# The whole app on a books file, as a secretary's PC feels it (issue 16): the release app under
# Xvfb, driven through tauri-driver by tests/e2e's `bench_window`, RUNS times (default 3), each on
# a fresh copy of FILE in a throw-away data folder (so each run is the day's first start, with its
# daily backup). Prints each run and the median of:
#   ready      exec → the home page's first queries settled (the page's own mark, data-ready)
#   pss        PSS of the app + its WebKit processes 3 s after ready (smaps_rollup)
#   记账        click → the first page of vouchers on screen
#   预算执行表   click on 报表 → the 预算执行表 with its totals on screen
#   服务项目, 成员单位  then each of those from the menu → its list on screen
# Usage: scripts/bench-window.sh FILE [RUNS]. Screenshots of the last run go to .artifacts/bench/.
# With BENCH_RESULT=path the medians are also written there as `key=value` lines.
set -euo pipefail
cd "$(dirname "$0")/.."
file=$(realpath "${1:?usage: scripts/bench-window.sh FILE [RUNS]}")
runs=${2:-3}
target=${CARGO_TARGET_DIR:-$PWD/target}

scripts/setup.sh test >/dev/null
# The release app as `make app` builds it, but release; and the WebDriver client. (bench-city
# builds them once and sets BENCH_BUILT: a new UI bundle relinks the app, minutes on 2 cores.)
if [ -z "${BENCH_BUILT:-}" ]; then
  (cd ui && npm run --silent build >/dev/null)
  cargo build --quiet --release -p shelian-app --features custom-protocol
  cargo build --quiet --manifest-path tests/e2e/Cargo.toml --bin bench_window
fi
bin="$target/release/shelian"
client="$target/debug/bench_window"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shots="$PWD/.artifacts/bench/$(basename "$file" .shelian)"
mkdir -p "$shots"
# What tauri-driver starts: writes the exec instant and its pid, then becomes the app.
cat > "$work/app" <<EOF
#!/bin/sh
date +%s%N > "\$BENCH_EXEC_STAMP"
echo \$\$ > "\$BENCH_APP_PID"
exec "$bin" "\$@"
EOF
chmod +x "$work/app"

results=()
for run in $(seq 1 "$runs"); do
  data="$work/run$run"
  mkdir -p "$data"
  cp "$file" "$data/books.shelian"
  sync
  line=$(SHELIAN_APP_BIN="$work/app" BENCH_EXEC_STAMP="$work/exec-$run" BENCH_APP_PID="$work/pid-$run" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$client" "$data" "$shots" | grep '^ready_ms=')
  echo "run $run: $line"
  results+=("$line")
done

median() { # key: the median of that key over the runs
  printf '%s\n' "${results[@]}" | tr ' ' '\n' | sed -n "s/^$1=//p" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}
ready=$(median ready_ms); pss=$(median pss_mb); books=$(median books_ms); execution=$(median execution_ms)
echo "window, median of $runs: exec → ready ${ready} ms, PSS ${pss} MB, 记账 ${books} ms, 预算执行表 ${execution} ms"
echo "other pages, median of $runs: 服务项目 $(median projects_ms) ms, 成员单位 $(median members_ms) ms"
echo "screenshots: $shots"
if [ -n "${BENCH_RESULT:-}" ]; then
  printf 'ready_ms=%s\npss_mb=%s\nbooks_ms=%s\nexecution_ms=%s\n' "$ready" "$pss" "$books" "$execution" > "$BENCH_RESULT"
fi

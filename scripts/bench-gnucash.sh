#!/usr/bin/env bash
# The same volumes in GnuCash 4.13, the desktop books a federation would otherwise keep (issue 16).
# Builds (once, cached) a GnuCash SQLite book with N transactions of 2 splits each in CNY with
# Chinese account names (scripts/gnucash_book.py, through GnuCash's Python bindings), then RUNS
# times (default 3) measures, under Xvfb with a fresh $HOME:
#   open       exec of `gnucash BOOK` → its main window titled "<book> - Accounts - GnuCash"
#              (the account tree page, shown once the book is loaded)
#   pss        PSS of the gnucash process 3 s after that
#   report     `gnucash-cli --report run --name "Income Statement" BOOK`, exec → exit, with the
#              report checked to hold the 政府补助收入 total
# Usage: scripts/bench-gnucash.sh N [RUNS]. Prints each run and the medians; with
# BENCH_RESULT=path the medians are also written there as `key=value` lines.
#
# Traps handled here: start-up dialogs (tip of the day, new user, since last run) are switched off
# in a keyfile GSettings backend under the fresh $HOME; the report's currency is CNY and the
# accounting period (which the Income Statement's default dates follow) spans every year of the
# book; and the `gnclock` row a killed GnuCash leaves behind is removed before each open, or the
# next open stops at a "could not obtain the lock" dialog.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: scripts/bench-gnucash.sh N [RUNS]}
runs=${2:-3}

pkgs=(gnucash python3-gnucash libdbd-sqlite3 xvfb xauth x11-utils imagemagick)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench-gnucash: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cache=${BENCH_CACHE:-$HOME/.cache/shelian/bench-city}
mkdir -p "$cache"
book="$cache/gnucash-$n.gnucash"
# The book depends only on N and the builder script: rebuilt when the script changes.
stamp="$book.$(sha256sum scripts/gnucash_book.py | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  rm -f "$book" "$book".*
  # Debian's python, which has the bindings (a pyenv python first on PATH does not).
  /usr/bin/python3 scripts/gnucash_book.py "$book" "$n"
  touch "$stamp"
fi
years=$(( (n + 19999) / 20000 )); [ "$years" -lt 2 ] && years=2; [ "$years" -gt 10 ] && years=10
last=$((2019 + years - 1))

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shots="$PWD/.artifacts/bench/gnucash-$n"
mkdir -p "$shots"
settings="$work/home/.config/glib-2.0/settings"
mkdir -p "$settings"
cat > "$settings/keyfile" <<EOF
[org/gnucash/GnuCash/dialogs/tip-of-the-day]
show-at-startup=false

[org/gnucash/GnuCash/dialogs/new-user]
first-startup=false

[org/gnucash/GnuCash/dialogs/scheduled-trans/since-last-run]
show-at-file-open=false

[org/gnucash/GnuCash/general]
currency-choice-locale=false
currency-choice-other=true
currency-other='CNY'

[org/gnucash/GnuCash/general/report]
currency-choice-locale=false
currency-choice-other=true
currency-other='CNY'

[org/gnucash/GnuCash/window/pages/account-tree/summary]
start-choice-absolute=true
start-choice-relative=false
start-date=$(date -u -d 2019-01-01 +%s)
end-choice-absolute=true
end-choice-relative=false
end-date=$(date -u -d "$last-12-31 23:59:59" +%s)
EOF
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  XDG_CACHE_HOME="$work/home/.cache" GSETTINGS_BACKEND=keyfile
unlock() { /usr/bin/python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM gnclock'); c.commit()" "$book"; }

name=$(basename "$book")
# GnuCash loads the whole book before its window shows it; at 100,000 transactions that takes
# minutes here, so the wait is long (BENCH_GNUCASH_TIMEOUT seconds).
timeout=${BENCH_GNUCASH_TIMEOUT:-1800}
export book name shots timeout
results=()
for run in $(seq 1 "$runs"); do
  unlock
  line=$(xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    start=$(date +%s%N)
    gnucash "$book" >/dev/null 2>&1 &
    app=$!
    open=""
    while [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt "$timeout" ]; do
      if xwininfo -root -tree 2>/dev/null | grep -qF "\"$name - Accounts - GnuCash\""; then
        open=$(( ($(date +%s%N) - start) / 1000000 )); break
      fi
      sleep 0.05
    done
    [ -n "$open" ] || { echo "open=never"; kill $app; exit 0; }
    sleep 3
    pss=$(awk "/^Pss:/ {print \$2}" /proc/$app/smaps_rollup)
    /usr/bin/import -window root "$shots/accounts.png" 2>/dev/null || true
    kill $app; wait $app 2>/dev/null || true
    echo "open_ms=$open pss_mb=$((pss / 1024))"
  ')
  [[ "$line" == *open=never* ]] && { echo "bench-gnucash: the main window did not show the book within $timeout s"; exit 1; }
  unlock
  start=$(date +%s%N)
  gnucash-cli --report run --name "Income Statement" "$book" > "$work/report.html" 2> "$work/report.err"
  report=$(( ($(date +%s%N) - start) / 1000000 ))
  grep -q "政府补助收入" "$work/report.html" || { echo "bench-gnucash: the report has no 政府补助收入"; cat "$work/report.err"; exit 1; }
  cp "$work/report.html" "$shots/income-statement.html"
  line="$line report_ms=$report"
  echo "run $run: $line"
  results+=("$line")
done
median() {
  printf '%s\n' "${results[@]}" | tr ' ' '\n' | sed -n "s/^$1=//p" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}
open=$(median open_ms); pss=$(median pss_mb); report=$(median report_ms)
echo "gnucash 4.13, $n transactions, median of $runs: exec → window ${open} ms, PSS ${pss} MB, Income Statement ${report} ms"
if [ -n "${BENCH_RESULT:-}" ]; then
  printf 'open_ms=%s\npss_mb=%s\nreport_ms=%s\n' "$open" "$pss" "$report" > "$BENCH_RESULT"
fi

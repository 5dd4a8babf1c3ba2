#!/usr/bin/env bash
# Measures what a secretary's old PC feels: time from exec to the first painted page, and idle
# memory (PSS) of the app plus its WebKit processes, on a throw-away data folder under Xvfb.
# Usage: scripts/measure-footprint.sh [path/to/shelian]   (build it first: make app)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${CARGO_TARGET_DIR:-target}/debug/shelian}
[ -x "$bin" ] || { echo "no app binary at $bin (run: make app)"; exit 1; }
magick=/usr/bin/import   # ImageMagick's, by its Debian path (STACK.md)
data=$(mktemp -d)
export bin data magick
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  start=$(date +%s%N)
  "$bin" --data-dir "$data/books" >/dev/null 2>&1 &
  app=$!
  painted=""
  for _ in $(seq 1 200); do
    # The first paint: the window shows more than a handful of colours (text has anti-aliasing).
    colours=$($magick -window root -silent png:- 2>/dev/null | /usr/bin/identify -format "%k" - 2>/dev/null || echo 0)
    if [ "${colours:-0}" -gt 50 ]; then painted=$(( ($(date +%s%N) - start) / 1000000 )); break; fi
    sleep 0.05
  done
  echo "first paint: ${painted:-not seen within 10 s} ms after exec"
  sleep 10
  total=0
  for pid in $app $(pgrep -f "WebKit(Web|Network)Process" || true); do
    pss=$(awk "/^Pss:/ {print \$2}" /proc/$pid/smaps_rollup 2>/dev/null || echo 0)
    name=$(tr -d "\0" < /proc/$pid/comm 2>/dev/null || echo "?")
    printf "  %-24s %6d MB PSS\n" "$name" $((pss / 1024))
    total=$((total + pss))
  done
  echo "idle PSS, app + WebKit: $((total / 1024)) MB"
  kill $app
'
rm -rf "$data"

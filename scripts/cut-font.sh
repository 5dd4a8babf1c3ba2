#!/usr/bin/env bash
# Cuts the fonts the application packet PDF embeds (assets/fonts/) from Debian's fonts-noto-cjk:
#   NotoSansCJKsc-Regular-GBK.otf  (body text of tables, 黑体-like)
#   NotoSansCJKsc-Bold-GBK.otf     (titles, 黑体)
#   NotoSerifCJKsc-Regular-GBK.otf (body paragraphs, 宋体-like)
# each reduced to GBK coverage (scripts/gbk_charset.py) with fontTools' pyftsubset, so a packet never
# shows a blank box for a name character such as 喆 or 堃 while the repository stays small.
#
# Idempotent: fontTools is pinned and installed into a virtualenv under /tmp only when missing, the
# character list is deterministic, and the subsetter keeps the source timestamps, so running it again
# rewrites byte-identical files. Needs python3 (with venv) and fonts-noto-cjk (scripts/setup.sh
# installs it); run it only when the fonts or the character list change, then commit assets/fonts/.
#
# Usage: scripts/cut-font.sh            (writes into assets/fonts/)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/assets/fonts"
SRC="${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}"
VENV="${FONTTOOLS_VENV:-/tmp/shelian-fonttools}"
FONTTOOLS_VERSION="4.68.0"
# In Debian's .ttc collections the faces are ordered JP, KR, SC, TC, HK, then the Mono ones: SC is 2.
SC_FACE=2

for f in NotoSansCJK-Regular.ttc NotoSansCJK-Bold.ttc NotoSerifCJK-Regular.ttc; do
  if [ ! -f "$SRC/$f" ]; then
    echo "cut-font: $SRC/$f is missing; install fonts-noto-cjk (apt-get install fonts-noto-cjk)" >&2
    exit 1
  fi
done

if ! "$VENV/bin/pyftsubset" --help >/dev/null 2>&1 \
  || [ "$("$VENV/bin/python" -c 'import fontTools; print(fontTools.version)')" != "$FONTTOOLS_VERSION" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "fonttools==$FONTTOOLS_VERSION"
fi

mkdir -p "$OUT"
CHARSET="$(mktemp)"
trap 'rm -f "$CHARSET"' EXIT
"$VENV/bin/python" "$ROOT/scripts/gbk_charset.py" "$CHARSET"

cut() {
  local src="$1" dest="$2"
  # Only the layout features a horizontal or vertical Chinese page uses: kerning, proportional and
  # half-width punctuation, vertical forms, ligatures. Not 'locl' or '*': their closure drags in the
  # Japanese, Korean and traditional glyph variants and doubles the file (9 MB instead of 5 MB).
  # --name-IDs='*' keeps the family names typst matches on and the OFL notice (IDs 0, 13, 14);
  # --no-hinting because CFF hints only matter on screen at small sizes and cost space;
  # subroutines are kept (no --desubroutinize): flattening them doubles the size.
  "$VENV/bin/pyftsubset" "$SRC/$src" \
    --font-number="$SC_FACE" \
    --unicodes-file="$CHARSET" \
    --layout-features='kern,palt,halt,vert,vrt2,vkrn,vpal,vhal,liga,ccmp,pwid,fwid' \
    --name-IDs='*' \
    --notdef-outline \
    --no-hinting \
    --output-file="$OUT/$dest.tmp"
  mv "$OUT/$dest.tmp" "$OUT/$dest"
  echo "cut-font: $dest $(stat -c %s "$OUT/$dest") bytes"
}

cut NotoSansCJK-Regular.ttc NotoSansCJKsc-Regular-GBK.otf
cut NotoSansCJK-Bold.ttc NotoSansCJKsc-Bold-GBK.otf
cut NotoSerifCJK-Regular.ttc NotoSerifCJKsc-Regular-GBK.otf

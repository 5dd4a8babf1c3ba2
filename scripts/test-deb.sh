#!/usr/bin/env bash
# Installs dist/shelian_<version>_amd64.deb in a clean Debian 12 root, starts it there under Xvfb,
# takes a screenshot, uninstalls it and checks that the books it wrote are still there.
# Needs root (chroot), debootstrap and network access to the Debian mirror. The pristine root is
# cached in ~/.cache/shelian/debian12-base (made once with debootstrap); every run works on a fresh
# copy of it, so nothing of an earlier run is installed. Usage: scripts/test-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
deb="$PWD/dist/shelian_${version}_amd64.deb"
[ -f "$deb" ] || { echo "no $deb: run make dist-deb first"; exit 1; }
out="$PWD/dist/deb-test"; rm -rf "$out"; mkdir -p "$out"
base="${DEBIAN_ROOT:-$HOME/.cache/shelian/debian12-base}"
if [ ! -x "$base/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian
fi
for t in xwd xwininfo xwdtopnm pnmtopng Xvfb; do command -v "$t" >/dev/null || { echo "missing $t (x11-apps, x11-utils, netpbm, xvfb)"; exit 1; }; done

work=$(mktemp -d); root="$work/root"
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null || true
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
  for m in tmp/.X11-unix dev/shm dev sys proc; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
  # Never delete through a mount that is still there (the host's /dev, /sys or X socket folder).
  if grep -q " $root/" /proc/mounts; then
    echo "still mounted under $root; left in place"
  else
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
cp -a "$base" "$root"
mount -t proc proc "$root/proc"; mount --bind /sys "$root/sys"; mount --bind /dev "$root/dev"
mkdir -p "$root/dev/shm" && mount -t tmpfs tmpfs "$root/dev/shm"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/shelian.deb"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

echo "== apt install ./shelian.deb in a clean Debian 12 root"
in_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive in_root apt-get install -y -qq /tmp/shelian.deb > "$out/apt-install.log" 2>&1 || { tail -30 "$out/apt-install.log"; exit 1; }
pkg=$(dpkg-deb -f "$deb" Package)
in_root dpkg -s "$pkg" | grep -E '^(Package|Version|Status|Depends):' | tee "$out/installed.txt"
bin=$(in_root dpkg -L "$pkg" | grep -E '^/usr/bin/' | head -1)
echo "binary: $bin"

echo "== start it under Xvfb (the display of this host, shared into the root)"
display=:97
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp & xvfb=$!
for _ in $(seq 50); do [ -S /tmp/.X11-unix/X${display#:} ] && break; sleep 0.1; done
mkdir -p "$root/tmp/.X11-unix" && mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 DISPLAY="$display" \
  XDG_RUNTIME_DIR=/tmp "$bin" --data-dir /root/books > "$out/app.log" 2>&1 & app=$!
shown=""
for _ in $(seq 120); do
  if xwininfo -display "$display" -root -tree 2>/dev/null | grep -q '"社联会管家'; then shown=yes; break; fi
  sleep 0.5
done
[ -n "$shown" ] || { cat "$out/app.log"; echo "the window never appeared"; exit 1; }
# The first page has rendered once the books file exists and the window stood for a moment.
for _ in $(seq 60); do [ -f "$root/root/books/books.shelian" ] && break; sleep 0.5; done
sleep 3
xwd -display "$display" -root -silent | xwdtopnm 2>/dev/null | pnmtopng > "$out/screenshot.png"
echo "screenshot: $out/screenshot.png"
kill "$app"; wait "$app" 2>/dev/null || true; app=""
[ -f "$root/root/books/books.shelian" ] || { echo "the app wrote no books"; exit 1; }
sha_before=$(sha256sum "$root/root/books/books.shelian" | cut -d' ' -f1)

echo "== apt remove: the program goes, the books stay"
DEBIAN_FRONTEND=noninteractive in_root apt-get remove -y -qq --purge "$pkg" > "$out/apt-remove.log" 2>&1
[ ! -e "$root$bin" ] || { echo "$bin is still there after removal"; exit 1; }
[ -f "$root/root/books/books.shelian" ] || { echo "removing the package deleted the books"; exit 1; }
[ "$(sha256sum "$root/root/books/books.shelian" | cut -d' ' -f1)" = "$sha_before" ] || { echo "the books changed"; exit 1; }
ls -l "$deb" | tee "$out/size.txt"
echo "deb test: installed, started, screenshot taken, removed; books kept"

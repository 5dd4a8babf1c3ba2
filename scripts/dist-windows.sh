#!/usr/bin/env bash
# Builds the Windows installer on this Linux machine (STACK.md, "Installers"): the release exe for
# x86_64-pc-windows-gnu with the UI embedded (mingw-w64), WebView2Loader.dll from webview2-com-sys
# beside it, and our own NSIS script (assets/installer/shelian.nsi) compiled by Debian's makensis.
# Output: dist/shelian-setup-<version>.exe. Usage: scripts/dist-windows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run

missing=()
for p in mingw-w64 nsis; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
triple=x86_64-pc-windows-gnu
rustup target list --installed | grep -qx "$triple" || rustup target add "$triple"

target="${CARGO_TARGET_DIR:-$PWD/target}"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
(cd src-tauri && ../ui/node_modules/.bin/tauri build --target "$triple" --no-bundle --features custom-protocol --ci)

# The loader DLL ships inside the webview2-com-sys crate the build used.
sys_dir=$(cargo metadata --format-version 1 --filter-platform "$triple" |
  python3 -c 'import json,sys,os; m=json.load(sys.stdin); print(next(os.path.dirname(p["manifest_path"]) for p in m["packages"] if p["name"]=="webview2-com-sys"))')
stage="dist/windows/shelian-$version"
rm -rf "$stage"; mkdir -p "$stage"
cp "$target/$triple/release/shelian.exe" "$stage/"
cp "$sys_dir/x64/WebView2Loader.dll" "$stage/"
out="dist/shelian-setup-$version.exe"
makensis -V2 -INPUTCHARSET UTF8 -DSRC="$PWD/$stage" -DVERSION="$version" -DOUT="$PWD/$out" \
  -DICON="$PWD/src-tauri/icons/icon.ico" assets/installer/shelian.nsi
ls -l "$stage" "$out"

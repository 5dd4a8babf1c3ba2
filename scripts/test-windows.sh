#!/usr/bin/env bash
# Checks what `make dist-windows` built, as far as Linux can: the exe is a 64-bit Windows GUI
# program, WebView2Loader.dll is packed beside it in the installer, and — with Debian's wine —
# the installer run silently lays down exactly its files, shortcuts and uninstall entry, and its
# uninstaller removes them while the books and backups stay. The app itself needs WebView2, which
# wine does not have, so it is not started here. Usage: scripts/test-windows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
stage="dist/windows/shelian-$version"
installer="dist/shelian-setup-$version.exe"
for f in "$stage/shelian.exe" "$stage/WebView2Loader.dll" "$installer"; do [ -f "$f" ] || { echo "no $f: run make dist-windows"; exit 1; }; done

echo "== file types"
file "$stage/shelian.exe" "$stage/WebView2Loader.dll" "$installer" | sed "s#$PWD/##"
file "$stage/shelian.exe" | grep -q 'PE32+ executable (GUI) x86-64' || { echo "shelian.exe is not a PE32+ GUI x86-64 program"; exit 1; }
file "$stage/WebView2Loader.dll" | grep -q 'PE32+ executable (DLL)' || { echo "WebView2Loader.dll is not a 64-bit DLL"; exit 1; }
file "$installer" | grep -q 'PE32+ executable (GUI) x86-64' || { echo "$installer is not a 64-bit Windows program"; exit 1; }

echo "== what the installer carries"
if command -v 7z >/dev/null; then
  listing=$(7z l "$installer")
  grep -q '^Type = Nsis' <<<"$listing" || { echo "$installer is not an NSIS installer"; exit 1; }
  for f in shelian.exe WebView2Loader.dll; do
    grep -q "$f" <<<"$listing" || { echo "$f is not packed in the installer"; exit 1; }
  done
  grep -E 'shelian.exe|WebView2Loader.dll' <<<"$listing"
else
  echo "7z not installed (p7zip-full): the packed files are not listed"
fi
ls -l "$stage"/* "$installer" | sed "s#$PWD/##"

if ! command -v wine >/dev/null; then
  echo "wine is not installed: the silent install was not run"; exit 0
fi
echo "== silent install and uninstall under wine"
prefix=$(mktemp -d); trap 'wineserver -k >/dev/null 2>&1 || true; rm -rf "$prefix"' EXIT
# wine links the profile's Desktop to $HOME: give it a home of its own inside the prefix.
mkdir -p "$prefix/home"
export HOME="$prefix/home" WINEPREFIX="$prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot -i >/dev/null 2>&1 || true
wine "$installer" /S >/dev/null 2>&1
wineserver -w
user_dir=$(ls -d "$prefix"/drive_c/users/*/ | grep -v /Public/ | head -1)
app_dir="${user_dir}AppData/Local/Programs/社联会管家"
for f in shelian.exe WebView2Loader.dll uninstall.exe; do
  [ -f "$app_dir/$f" ] || { echo "not installed: $app_dir/$f"; ls -R "$user_dir" | head -40; exit 1; }
done
echo "installed: $(ls "$app_dir" | tr '\n' ' ')"
start_menu="${user_dir}AppData/Roaming/Microsoft/Windows/Start Menu/Programs/社联会管家"
[ -f "$start_menu/社联会管家.lnk" ] || { echo "no Start-menu shortcut"; exit 1; }
desktop="${user_dir}Desktop/社联会管家.lnk"
[ -f "$desktop" ] || { echo "no desktop shortcut"; exit 1; }
# `reg query` prints non-ASCII as "?" on this console: read the name from the hive file itself,
# where wine writes it as \x escapes.
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cn.shelian.desktop' /v DisplayVersion 2>/dev/null \
  | grep -q "$version" || { echo "no uninstall entry"; exit 1; }
escaped=$(python3 -c 'print("".join("\\x%x" % ord(c) for c in "社联会管家"))')
grep -qF "\"DisplayName\"=\"$escaped\"" "$prefix/user.reg" || { echo "the uninstall entry is not named 社联会管家"; exit 1; }
echo "shortcuts and uninstall entry in place"

# Books and a backup where the app keeps them, then uninstall.
books="${user_dir}AppData/Roaming/cn.shelian.desktop"
mkdir -p "$books/backups/daily"
echo "books" > "$books/books.shelian"; echo "backup" > "$books/backups/daily/books-2026-12-01.shelian"
wine "$app_dir/uninstall.exe" /S >/dev/null 2>&1
wineserver -w
sleep 2  # the uninstaller copies itself to a temp folder and finishes from there
[ ! -e "$app_dir/shelian.exe" ] || { echo "the uninstaller left shelian.exe"; exit 1; }
[ ! -e "$start_menu/社联会管家.lnk" ] || { echo "the uninstaller left the Start-menu shortcut"; exit 1; }
[ ! -e "$desktop" ] || { echo "the uninstaller left the desktop shortcut"; exit 1; }
[ ! -e "$app_dir" ] || { echo "the uninstaller left the program folder: $(ls "$app_dir")"; exit 1; }
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cn.shelian.desktop' >/dev/null 2>&1 \
  && { echo "the uninstaller left its uninstall entry"; exit 1; }
[ -f "$books/books.shelian" ] && [ -f "$books/backups/daily/books-2026-12-01.shelian" ] \
  || { echo "the uninstaller deleted the books or a backup"; exit 1; }
echo "windows test: PE32+ GUI exe, loader DLL packed, silent install laid down its files, uninstall kept the books"

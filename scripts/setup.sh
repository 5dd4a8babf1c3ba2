#!/usr/bin/env bash
# Installs whatever is missing to build, run and test 社联会管家, and nothing that is already there,
# so a second run costs seconds. Usage: scripts/setup.sh [run|test]
set -euo pipefail
cd "$(dirname "$0")/.."
purpose=${1:-test}

# System packages (Debian/Ubuntu, incl. 统信UOS and 麒麟 which are Debian-based).
pkgs=(build-essential pkg-config file libssl-dev libwebkit2gtk-4.1-dev libxdo-dev
      libayatana-appindicator3-dev librsvg2-dev fonts-noto-cjk)
if [ "$purpose" = test ]; then
  pkgs+=(xvfb xauth x11-utils webkit2gtk-driver poppler-utils)
fi
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian-based system; make sure these (or their equivalents) are installed: ${pkgs[*]}"
fi

# npm packages for the UI, reinstalled only when package-lock.json changed.
stamp=ui/node_modules/.shelian-lock-sha256
want=$(sha256sum ui/package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: npm ci in ui/"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi

# tauri-driver for the end-to-end journeys (STACK.md: 2.1.0; the newest is a 3.0 alpha).
if [ "$purpose" = test ] && ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: cargo install tauri-driver 2.1.0"
  cargo install tauri-driver --version 2.1.0 --locked --quiet
fi

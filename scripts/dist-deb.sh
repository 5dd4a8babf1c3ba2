#!/usr/bin/env bash
# Builds the Debian/UOS/Kylin package: a release binary with the UI embedded, bundled by Tauri's
# deb bundler (offline), copied to dist/shelian_<version>_amd64.deb. Usage: scripts/dist-deb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
target="${CARGO_TARGET_DIR:-$PWD/target}"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
# The CLI runs beforeBuildCommand (the Vite build) and `cargo build --release`, then bundles.
# Tauri's deb bundler makes the package name out of productName, and a Chinese one is not a valid
# Debian package name (dpkg refuses it; tauri-apps/tauri#14366): the package is built as `shelian`,
# and the menu entry keeps the Chinese name through our .desktop template (tauri.conf.json,
# assets/installer/shelian.desktop). The window title and the data folder do not use productName.
(cd src-tauri && ../ui/node_modules/.bin/tauri build --bundles deb --features custom-protocol --ci \
  --config '{"productName": "shelian"}')
mkdir -p dist
deb="$target/release/bundle/deb/shelian_${version}_amd64.deb"
cp "$deb" "dist/shelian_${version}_amd64.deb"
ls -l "dist/shelian_${version}_amd64.deb"

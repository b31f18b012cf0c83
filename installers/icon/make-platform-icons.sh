#!/usr/bin/env bash
# Makes the macOS and Windows icons from the one source picture (elastos-frontdoor.png beside this script):
#   installers/icon/make-platform-icons.sh OUT_DIR
# writes OUT_DIR/elastos-frontdoor.icns (Debian's icnsutils) and OUT_DIR/elastos-frontdoor.ico (ImageMagick).
# Runs at build time on Linux; the Mac and Windows release jobs take its output.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: make-platform-icons.sh OUT_DIR}"
for tool in convert png2icns; do
  command -v "$tool" >/dev/null 2>&1 || { echo "make-platform-icons.sh: $tool is missing (Debian: apt-get install imagemagick icnsutils)" >&2; exit 1; }
done
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source="$here/elastos-frontdoor.png"

# png2icns picks each PNG's slot by its size; these are the sizes with an icns type it writes.
sizes=(16 32 48 128 256 512)
pngs=()
for size in "${sizes[@]}"; do
  convert "$source" -resize "${size}x${size}" -define png:exclude-chunks=date,time -strip "PNG32:$work/$size.png"
  pngs+=("$work/$size.png")
done
png2icns "$out/elastos-frontdoor.icns" "${pngs[@]}" >/dev/null

# Windows takes each size it shows from the .ico, up to 256 (stored as PNG).
convert "$source" -define icon:auto-resize=256,128,64,48,32,16 "$out/elastos-frontdoor.ico"
echo "icons written: $out/elastos-frontdoor.icns $out/elastos-frontdoor.ico"

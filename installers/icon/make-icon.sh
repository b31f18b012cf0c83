#!/usr/bin/env bash
# Draws the app icon (a door, ajar, on the brand indigo) with ImageMagick. The PNG beside this script is its output;
# rerun after changing the drawing, and commit both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
convert -size 512x512 xc:none \
  -fill '#4f46e5' -draw "roundrectangle 16,16 496,496 112,112" \
  -fill '#ffffff' -draw "roundrectangle 156,96 356,430 14,14" \
  -fill '#4f46e5' -draw "polygon 184,124 300,150 300,430 184,404" \
  -fill '#ffffff' -draw "circle 278,284 290,284" \
  -fill '#c7c4ff' -draw "rectangle 120,430 392,452" \
  -define png:exclude-chunks=date,time -strip \
  elastos-frontdoor.png
echo "icon written: $(pwd)/elastos-frontdoor.png"

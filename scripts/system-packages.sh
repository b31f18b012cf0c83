#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the front door needs, only those that are missing.
#   runtime: GTK 3 (JavaFX's window system on Linux), ALSA (JavaFX media) with its PulseAudio plugin and PulseAudio
#     (films with sound need a sound device; scripts/sound.sh gives a machine without one a silent sink), fonts
#   tests and screenshots: Xvfb (a virtual screen), ImageMagick (its `import` takes screenshots),
#   xdotool (finds windows); packaging: fakeroot and binutils (jpackage builds the .deb with them);
#   capsules: clang, lld, wasi-libc and the wasm32 compiler-rt (first-party capsules are C compiled to WebAssembly);
#   releases: icnsutils (the macOS icon), chromium (the download page and our encrypted films are tested in a real browser)
#   films: ffmpeg (the packager transcodes and cuts films; tests check frames with it)
# As root it installs them; otherwise it prints the one command to run.
set -euo pipefail

packages=(libgtk-3-0 libasound2 libasound2-plugins pulseaudio fonts-dejavu-core xvfb imagemagick xdotool fakeroot binutils clang lld wasi-libc libclang-rt-14-dev-wasm32 ffmpeg icnsutils chromium)
command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian-like: nothing we can do here

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "The front door needs these system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

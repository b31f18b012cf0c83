#!/usr/bin/env bash
# Compiles the first-party capsules (media-player's decrypt capsule among them) and the hostile test capsules from C to WebAssembly, reproducibly:
# Debian's clang and lld (--target=wasm32-wasi), no libc start files, debug info stripped.
# The .wasm files are committed; CapsuleRebuildTest runs this again and checks the bytes are the same.
#   capsule-sandbox/build-capsules.sh [OUTPUT_DIR]   (default: beside each source)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-}"
cd "$here"
flags=(--target=wasm32-wasi -O2 -nostartfiles -Wl,--no-entry -Wl,--strip-all -Wl,--initial-memory=131072 -Wl,-z,stack-size=65536)
for source in samples/hello/hello.c samples/bench/bench.c src/test/resources/hostile/hostile.c src/test/resources/hostile/network.c \
    src/test/resources/bytes/bytes.c ../media-player/capsule/decrypt/decrypt.c; do
  target="${source%.c}.wasm"
  [ -n "$out" ] && target="$out/$(basename "$target")"
  extra=()
  # The decrypt capsule moves whole segments: with bulk memory, memmove is one memory.copy, which the host does as
  # one array copy instead of a loop of loads and stores in WebAssembly.
  [ "$(basename "$source")" = decrypt.c ] && extra=(-mbulk-memory)
  clang "${flags[@]}" "${extra[@]}" -o "$target" "$source"
done

#!/usr/bin/env bash
# Builds the Linux packages in installers/target/: an app image and a .deb, each with its own small Java runtime.
#   installers/linux/package.sh [--skip-build]
# Needs JDK 17+ (jlink, jpackage), fakeroot and dpkg-deb. Prints the sizes, against the full JDK, at the end.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[ "${1:-}" = "--skip-build" ] || mvn -B -q -DskipTests install

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
lib="app/target/lib"
out="installers/target"
[ -f "$lib/frontdoor-app.jar" ] || { echo "package.sh: $lib/frontdoor-app.jar is missing; build first" >&2; exit 1; }

# The app version and the file name from the one place that knows every platform's rules (ADR 0009); it exits 1,
# saying why, if any platform would refuse this build's version.
plan="$("$java_home/bin/java" -jar "$lib/frontdoor-app.jar" release plan --target linux-x64)"
app_version="$(printf '%s\n' "$plan" | sed -n 's/^APP_VERSION=//p')"
deb_name="$(printf '%s\n' "$plan" | sed -n 's/^RELEASE_DEB=//p')"

# Only the JDK modules the app and its libraries use (jdeps over every jar, and what JavaFX's modules require),
# plus java.logging (JavaFX logs through it) and jdk.crypto.ec (TLS with EC keys).
modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 --class-path "$lib/*" "$lib"/*.jar 2>/dev/null | tail -1)"
modules="$modules,java.desktop,java.datatransfer,java.xml,java.logging,jdk.crypto.ec"

rm -rf "$out/runtime" "$out/app-image" "$out/deb"
mkdir -p "$out/deb"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$out/runtime"

common=(
  --name "elastOS Front Door"
  --app-version "$app_version"
  --vendor "elastOS"
  --description "Your identity, your home box, your films and data: the elastOS front door."
  --copyright "elastOS front door developers"
  --icon installers/icon/elastos-frontdoor.png
  --input "$lib"
  --main-jar frontdoor-app.jar
  --main-class org.elastos.frontdoor.app.Main
  --arguments app
  --runtime-image "$out/runtime"
)
"$java_home/bin/jpackage" --type app-image --dest "$out/app-image" "${common[@]}"
"$java_home/bin/jpackage" --type deb --dest "$out/deb" "${common[@]}" \
  --linux-package-name elastos-frontdoor \
  --linux-deb-maintainer "frontdoor@elastos.invalid" \
  --linux-menu-group "Network" \
  --linux-app-category net \
  --linux-shortcut \
  --linux-package-deps "libgtk-3-0, libasound2" \
  --resource-dir installers/linux/resources

deb="$out/deb/$deb_name"
[ -f "$deb" ] || { echo "package.sh: jpackage did not write $deb_name: $(ls "$out/deb")" >&2; exit 1; }
image_kb="$(du -sk "$out/app-image" | cut -f1)"
deb_kb="$(du -k "$deb" | cut -f1)"
jdk_kb="$(du -sk "$java_home" | cut -f1)"
echo "package: $deb"
echo "installer size: $((deb_kb / 1024)) MiB; installed size: $((image_kb / 1024)) MiB; full JDK here: $((jdk_kb / 1024)) MiB"
awk -v i="$image_kb" -v j="$jdk_kb" 'BEGIN { printf "installed size / full JDK: %.2f\n", i / j }'

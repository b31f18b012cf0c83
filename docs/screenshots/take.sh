#!/usr/bin/env bash
# Retakes every screenshot in this folder: the real app in a real window on a virtual X screen (Xvfb),
# captured with ImageMagick's `import`. Needs the packages scripts/system-packages.sh installs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./scripts/system-packages.sh
mvn -B -q -DskipTests install
mvn -B -q -pl tests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/tour-classpath.txt
classpath="tests/target/test-classes:$(cat tests/target/tour-classpath.txt)"
xvfb-run --auto-servernum --server-args="-screen 0 1100x900x24" \
  java -Dprism.order=sw -cp "$classpath" org.elastos.frontdoor.tests.ScreenshotTour docs/screenshots
echo "screenshots written to docs/screenshots/"

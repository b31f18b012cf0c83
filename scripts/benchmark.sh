#!/usr/bin/env bash
# Runs one benchmark harness (a main class in a module's test sources) with the module's test classpath.
#   scripts/benchmark.sh MODULE CLASS [ARGS...]
# Example: scripts/benchmark.sh wallet org.elastos.frontdoor.wallet.vault.VaultUnlockBenchmark
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: scripts/benchmark.sh MODULE CLASS [ARGS...]" >&2; exit 2; }
module="$1"; class="$2"; shift 2
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -DskipTests install
mvn -B -q -pl "$module" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# Run from the module's folder, as its tests do, so the harness finds the module's files the same way.
cd "$module"
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$class" "$@"

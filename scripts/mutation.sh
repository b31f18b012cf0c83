#!/usr/bin/env bash
# Mutation testing (PIT) of each module's security core against that module's own tests: PIT changes the code one
# small way at a time (a condition negated, a call removed, a value replaced) and a mutant some test notices is
# killed. Test strength is killed / (killed + survived); mutants no test reaches count apart, as "no coverage".
#   scripts/mutation.sh [MODULE...]        (default: every module with a core named in its pom)
# Each module's pom names what is mutated (targetClasses) and which tests may kill it. A module whose test strength
# is under MUTATION_FLOOR (default 85, the build's mutation.floor) fails the run. Needs the modules installed first
# (./run-tests does it). The report of each is in MODULE/target/pit-reports/index.html.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
modules=(wallet capsule-sandbox pc2-link media-player home-box)
[ $# -gt 0 ] && modules=("$@")
floor=${MUTATION_FLOOR:-85}
failed=()
summary=()
for module in "${modules[@]}"; do
  echo "== mutation testing ${module} (floor ${floor}% test strength)"
  log="target-mutation-${module}.log"
  started=$(date +%s)
  status=0
  mvn -B -pl "$module" test-compile org.pitest:pitest-maven:mutationCoverage -Dmutation.floor="$floor" > "$log" 2>&1 || status=$?
  # PIT's statistics lines: generated and killed, no coverage and test strength, tests run.
  grep -E "^>> (Generated|Ran|Mutations with no coverage|Line Coverage)" "$log" || true
  strength=$(grep -oE "Test strength [0-9]+%" "$log" | tail -1 | grep -oE "[0-9]+%" || echo "?")
  summary+=("${module}: test strength ${strength} in $(( $(date +%s) - started )) s")
  if [ "$status" -ne 0 ]; then
    failed+=("$module")
    grep -E "ERROR|below|threshold" "$log" | head -20 || true
  fi
  rm -f "$log"
done
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "mutation testing failed (under ${floor}% or a broken run) in: ${failed[*]}" >&2
  exit 1
fi
echo "mutation testing: ${#modules[@]} modules at or above ${floor}% test strength"

#!/usr/bin/env bash
# Fuzzes each parser for a bounded time (Jazzer, coverage-guided, one JVM per harness: libFuzzer runs one target at a
# time). Every harness also runs over its committed seed corpus in every `mvn verify`; this goes further.
#   scripts/fuzz.sh [SECONDS_EACH] [HARNESS...]     (default 20 s each, every harness)
# Needs the modules installed first (./run-tests does it). A finding fails the run and is written, as an input that
# reproduces it, into the harness's Inputs folder under src/test/resources, where `mvn verify` runs it from then on.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-20}
shift || true
harnesses=(
  "wallet:org.elastos.frontdoor.wallet.envelope.EnvelopeFuzzTest"
  "wallet:org.elastos.frontdoor.wallet.audit.AuditLogFuzzTest"
  "wallet:org.elastos.frontdoor.wallet.vault.VaultFileFuzzTest"
  "pc2-link:org.elastos.frontdoor.link.InviteFuzzTest"
  "pc2-link:org.elastos.frontdoor.link.LinkResponseFuzzTest"
  "pc2-link:org.elastos.frontdoor.link.relay.RelayLineFuzzTest"
  "capsule-sandbox:org.elastos.frontdoor.capsule.CapsuleBundleFuzzTest"
  "home-box:org.elastos.frontdoor.box.BoxRequestFuzzTest"
  "media-player:org.elastos.frontdoor.media.Mp4FuzzTest"
  "media-player:org.elastos.frontdoor.media.license.LicenseRequestFuzzTest"
  "media-player:org.elastos.frontdoor.media.sealed.SealedItemFuzzTest"
)
[ $# -gt 0 ] && harnesses=("$@")
failed=()
for harness in "${harnesses[@]}"; do
  module=${harness%%:*}
  test=${harness#*:}
  echo "== fuzzing ${test##*.} for ${seconds} s"
  if ! JAZZER_FUZZ=1 mvn -B -q -pl "$module" surefire:test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.instrumentation_includes='org.elastos.frontdoor.**' \
      -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1="-max_total_time=${seconds}" \
      -DargLine="-Xmx1g -XX:-OmitStackTraceInFastThrow" > "target-fuzz-${test##*.}.log" 2>&1; then
    failed+=("${test##*.}")
    tail -40 "target-fuzz-${test##*.}.log"
  fi
  grep -E "^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs" "target-fuzz-${test##*.}.log" || true
  rm -f "target-fuzz-${test##*.}.log"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found crashes in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzzing: ${#harnesses[@]} harnesses, ${seconds} s each, no crash"

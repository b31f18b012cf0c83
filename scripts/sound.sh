#!/usr/bin/env bash
# JavaFX plays a film with sound only when it can open a sound device. On a machine without one (CI, a server, a
# container) this starts PulseAudio with a silent sink, which ALSA's pulse plugin then offers as the default device.
# Does nothing when a sound server already answers, or when PulseAudio is not installed (scripts/system-packages.sh).
set -euo pipefail
command -v pulseaudio >/dev/null 2>&1 || exit 0
pactl info >/dev/null 2>&1 && exit 0
pulseaudio --start --exit-idle-time=-1 >/dev/null 2>&1 || { echo "sound.sh: PulseAudio did not start" >&2; exit 0; }
for _ in $(seq 1 50); do
  pactl info >/dev/null 2>&1 && break
  sleep 0.1
done
pactl list short sinks | grep -q . || pactl load-module module-null-sink sink_name=frontdoor-silent >/dev/null

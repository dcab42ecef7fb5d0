#!/usr/bin/env bash
# Records Java Flight Recorder in the gateway from its launch, during signed 100 KB load with 16 senders, and
# summarises where the gateway's CPU went in the measured window (after the warm-up, WARMUP_SECONDS).
#
#   bench/profile.sh GATEWAY_JAR OUT_DIR [bench options...]
#
# Writes OUT_DIR/gateway.jfr, OUT_DIR/profile.log (the bench's output) and OUT_DIR/profile.md (the summary).
# On a shared machine run it under the build lock: flock /work/build.lock bench/profile.sh ...
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/fresh-gateway.sh" "$1" "$2"
shift 2
WARMUP_SECONDS=${WARMUP_SECONDS:-15}
# The recording runs from the gateway's launch and only the window's samples are summarised: starting a
# recording in a running JVM deoptimises compiled code, and a 2-core gateway then spends minutes compiling
# it again (its rate fell from 80/s to 6/s), so a recording started late profiles the JIT, not the gateway.
# `default` samples every 20 ms and records fewer events than `profile`.
JFR_SETTINGS=${JFR_SETTINGS:-profile}
start_gateway "$OUT/profile.gateway.log" -XX:StartFlightRecording=name=bench,settings="$JFR_SETTINGS",filename="$OUT/gateway.jfr"
trap stop_gateway EXIT

java -jar "$BENCH_JAR" --url "http://127.0.0.1:$port" --senders 16 --receivers 2 --size 100k --signed \
    --warmup "${WARMUP_SECONDS}s" --duration 60s --gateway-pid "$gateway" --json "$OUT/profile.json" "$@" > "$OUT/profile.log" 2>&1 &
bench=$!
# the recording starts when the warm-up ends: after the bench says it is running, plus the warm-up
until grep -q "Chạy / running" "$OUT/profile.log" 2>/dev/null; do
  kill -0 $bench 2>/dev/null || { cat "$OUT/profile.log"; exit 1; }
  sleep 1
done
sleep "$WARMUP_SECONDS"
window_start=$(date +%H:%M:%S)
wait $bench || true
cat "$OUT/profile.log"
jcmd "$gateway" JFR.dump name=bench filename="$OUT/gateway.jfr" > /dev/null
jfr print --events jdk.ExecutionSample --stack-depth 200 "$OUT/gateway.jfr" > "$OUT/samples.txt"
python3 "$HERE/jfr-summary.py" "$OUT/samples.txt" "$window_start" > "$OUT/profile.md"
rm -f "$OUT/samples.txt"
cat "$OUT/profile.md"

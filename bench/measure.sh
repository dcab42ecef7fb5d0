#!/usr/bin/env bash
# Runs the benchmark table of issue 8 against a gateway jar, each case on a freshly started gateway with an
# empty data directory: unsigned and signed 100 KB at S = 1, 4, 16; signed S = 16 held at half of what S = 16
# reached; 10 KB signed at S = 16. Writes one JSON per case, their logs, and table.md into OUT_DIR.
#
#   bench/measure.sh GATEWAY_JAR OUT_DIR [CASE ...]     (cases: see CASES below; default: all, in order)
#
# Environment: BENCH_JAR (default bench/target/lienthong-bench.jar), GATEWAY_OPTS (JVM options of the gateway),
# WARMUP (15s), DURATION (60s), RATE_GUESS (documents/s the gateway may reach, 150: packets are generated for
# warm-up + window at that rate), COUNT (packets per case, overrides RATE_GUESS), POLL_PAUSE (receivers' pause
# after an empty list, 5ms: two receivers then poll an empty inbox up to ~400 times a second, the order the issue
# measured (~560/s), and stay under the per-system rate limit of 1,000 requests/s), RECEIVERS (receiving systems' threads, 2), EXTRA (more bench options).
# On a shared machine run it under the build lock: flock /work/build.lock bench/measure.sh ...
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/fresh-gateway.sh" "$1" "$2"
shift 2
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-60s}
seconds() { case "$1" in *ms) echo 0;; *s) echo "${1%s}";; *m) echo $(( ${1%m} * 60 ));; *) echo "$1";; esac; }
COUNT=${COUNT:-$(( ${RATE_GUESS:-150} * ( $(seconds "$WARMUP") + $(seconds "$DURATION") ) ))}

CASES=(unsigned-s1 unsigned-s4 unsigned-s16 signed-s1 signed-s4 signed-s16 signed-s16-half signed-10k-s16)
[ $# -gt 0 ] && CASES=("$@")

args_of() {
  case "$1" in
    unsigned-s1) echo "--senders 1 --size 100k" ;;
    unsigned-s4) echo "--senders 4 --size 100k" ;;
    unsigned-s16) echo "--senders 16 --size 100k" ;;
    signed-s1) echo "--senders 1 --size 100k --signed" ;;
    signed-s4) echo "--senders 4 --size 100k --signed" ;;
    signed-s16) echo "--senders 16 --size 100k --signed" ;;
    signed-s16-half)
      local full
      full=$(python3 -c "import json;print(round(json.load(open('$OUT/signed-s16.json'))['acceptedPerSecond']/2,1))")
      echo "--senders 16 --size 100k --signed --rate $full" ;;
    signed-10k-s16) echo "--senders 16 --size 10k --signed" ;;
    *) echo "unknown case $1" >&2; exit 2 ;;
  esac
}

# packets are generated once per kind (size, signed) and reused by the cases of that kind (each gateway is fresh)
PACKETS=$(mktemp -d)
trap 'rm -rf "$PACKETS"' EXIT
kind_of() { echo "$1" | grep -o -- '--size [^ ]*\|--signed' | tr -d ' -' | tr '\n' '-'; }

for case in "${CASES[@]}"; do
  args=$(args_of "$case")
  start_gateway "$OUT/$case.gateway.log"
  echo "== $case: $args (gateway on port $port, data $data)"
  # shellcheck disable=SC2086
  java -jar "$BENCH_JAR" --url "http://127.0.0.1:$port" --receivers "${RECEIVERS:-2}" --poll-pause "${POLL_PAUSE:-5ms}" \
      --warmup "$WARMUP" --duration "$DURATION" \
      --count "$COUNT" --work-dir "$PACKETS/$(kind_of "$args")" $args ${EXTRA:-} --gateway-pid "$gateway" --json "$OUT/$case.json" 2>&1 | tee "$OUT/$case.log" \
      || echo "!! $case failed (see $OUT/$case.log)"
  stop_gateway
done

python3 "$HERE/table.py" "$OUT" > "$OUT/table.md"
cat "$OUT/table.md"

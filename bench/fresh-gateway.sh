# shellcheck shell=bash
# Sourced by measure.sh and profile.sh, which both run the bench against a gateway jar started afresh:
#   source "$HERE/fresh-gateway.sh" GATEWAY_JAR OUT_DIR
# sets GATEWAY_JAR, OUT (created) and BENCH_JAR (default bench/target/lienthong-bench.jar), and defines
# start_gateway and stop_gateway. HERE is the bench directory, set by the script that sources this one.
GATEWAY_JAR=$(realpath "$1")
OUT=$(realpath -m "$2")
BENCH_JAR=${BENCH_JAR:-$HERE/target/lienthong-bench.jar}
mkdir -p "$OUT"

# Starts GATEWAY_JAR in the background on a free port with an empty data directory, its output in the log file
# $1; any further arguments are JVM options, after GATEWAY_OPTS. Sets port, data and gateway (the process id).
start_gateway() {
  local log=$1
  shift
  data=$(mktemp -d)
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  # shellcheck disable=SC2086
  java ${GATEWAY_OPTS:-} "$@" -jar "$GATEWAY_JAR" --gateway.data-dir="$data" --server.port="$port" > "$log" 2>&1 &
  gateway=$!
}

# Stops the gateway start_gateway started and deletes its data directory.
stop_gateway() {
  kill "$gateway" 2>/dev/null || true
  wait "$gateway" 2>/dev/null || true
  rm -rf "$data"
}

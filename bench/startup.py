#!/usr/bin/env python3
"""Time to ready of the gateway: starts the packaged gateway N times on its embedded default, each time with a
fresh temporary data directory and a free port, and measures from the launch of `java -jar` to the first
`/actuator/health/readiness` answer UP (polled over HTTP every 20 ms). Prints each start, the median and the max.

    bench/startup.py [GATEWAY_JAR] [--runs N] [--no-cds] [--json FILE] [--keep-logs DIR] [-- gateway arguments...]

GATEWAY_JAR defaults to the README's start, gateway-routes/target/gateway/lienthong-gateway.jar; a class-data-sharing
archive beside the jar (the same name, .jsa) is used as the README's command uses it, unless --no-cds.
GATEWAY_OPTS (environment) are more JVM options, e.g. GATEWAY_OPTS='-XX:StartFlightRecording=filename=start.jfr'.
On a shared machine run it under the build lock: flock /work/build.lock bench/startup.py --runs 5
"""
import argparse
import json
import os
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
STARTED = re.compile(r"Started \w+ in ([\d.]+) seconds \(process running for ([\d.]+)\)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ready(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health/readiness", timeout=2) as answer:
            return answer.status == 200 and b'"UP"' in answer.read()
    except (urllib.error.URLError, OSError):
        return False


def start_once(jar, jvm_options, extra, timeout, log_path):
    data = tempfile.mkdtemp(prefix="lienthong-startup-")
    port = free_port()
    command = ["java", *jvm_options, "-jar", jar,
               f"--gateway.data-dir={data}", f"--server.port={port}", *extra]
    try:
        with open(log_path, "wb") as log:
            launched = time.monotonic()
            gateway = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
            try:
                while not ready(port):
                    if gateway.poll() is not None:
                        raise RuntimeError(f"the gateway stopped (exit {gateway.returncode}) before it was ready; see {log_path}")
                    if time.monotonic() - launched > timeout:
                        raise RuntimeError(f"not ready after {timeout} s; see {log_path}")
                    time.sleep(0.02)  # the polling interval, bounded by the timeout above
                seconds = time.monotonic() - launched
            finally:
                gateway.send_signal(signal.SIGTERM)
                try:
                    gateway.wait(60)
                except subprocess.TimeoutExpired:
                    gateway.kill()
                    gateway.wait()
        with open(log_path, encoding="utf-8", errors="replace") as log:
            started = STARTED.search(log.read())
        return seconds, (float(started.group(1)) if started else None)
    finally:
        shutil.rmtree(data, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description="Time from `java -jar` to readiness UP, N fresh starts.")
    parser.add_argument("jar", nargs="?", default=os.path.join(HERE, "..", "gateway-routes", "target", "gateway", "lienthong-gateway.jar"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-cds", action="store_true", help="do not use the class-data-sharing archive beside the jar")
    parser.add_argument("--timeout", type=float, default=180, help="seconds one start may take (default 180)")
    parser.add_argument("--json", help="write the figures as JSON to this file")
    parser.add_argument("--keep-logs", help="keep each start's log in this directory")
    parser.add_argument("gateway_args", nargs="*", help="after --: more arguments for the gateway")
    options = parser.parse_args()
    jar = os.path.realpath(options.jar)
    logs = options.keep_logs or tempfile.mkdtemp(prefix="lienthong-startup-logs-")
    os.makedirs(logs, exist_ok=True)

    jvm_options = shlex.split(os.environ.get("GATEWAY_OPTS", ""))
    archive = os.path.splitext(jar)[0] + ".jsa"
    if not options.no_cds and os.path.exists(archive):
        jvm_options.insert(0, f"-XX:SharedArchiveFile={archive}")
    print(f"{jar}, {options.runs} starts, JVM options: {' '.join(jvm_options) or '(none)'}", flush=True)
    ready_times, spring_times = [], []
    for run in range(1, options.runs + 1):
        seconds, spring = start_once(jar, jvm_options, options.gateway_args, options.timeout, os.path.join(logs, f"start-{run}.log"))
        ready_times.append(seconds)
        if spring is not None:
            spring_times.append(spring)
        print(f"  start {run}: ready in {seconds:.2f} s" + (f" (Spring says started in {spring:.2f} s)" if spring else ""), flush=True)

    summary = {"jar": jar, "jvmOptions": jvm_options, "runs": options.runs,
               "readySeconds": [round(s, 3) for s in ready_times],
               "readyMedian": round(statistics.median(ready_times), 3), "readyMax": round(max(ready_times), 3),
               "springStartedSeconds": spring_times}
    print(f"sẵn sàng sau / ready after: median {summary['readyMedian']:.2f} s, max {summary['readyMax']:.2f} s "
          f"({options.runs} starts; cores: {os.cpu_count()}, load average {os.getloadavg()[0]:.2f})")
    if options.json:
        with open(options.json, "w") as out:
            json.dump(summary, out, indent=2)
    if not options.keep_logs:
        shutil.rmtree(logs, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except RuntimeError as failure:
        sys.exit(f"startup.py: {failure}")

#!/usr/bin/env python3
"""Prints the issue-8 table (markdown) from the JSON results that bench/measure.sh wrote into a directory."""
import json
import os
import sys

CASES = [
    ("unsigned-s1", "unsigned, 1 sender"),
    ("unsigned-s4", "unsigned, 4 senders"),
    ("unsigned-s16", "unsigned, 16 senders"),
    ("signed-s1", "XML-DSig signed, 1 sender"),
    ("signed-s4", "signed, 4 senders"),
    ("signed-s16", "signed, 16 senders"),
    ("signed-s16-half", "signed, 16 senders held at half load"),
    ("signed-10k-s16", "10 KB signed, 16 senders"),
]


def fmt(value):
    return "-" if value is None else (f"{value:.0f}" if value >= 100 else f"{value:.1f}")


def main(directory):
    print("| case | documents/s accepted / acknowledged | gateway CPU per document | submit p50 / p99 | "
          "submit to inbox p50 / p99 | reference sum | ratio | database writes per document | errors | steady |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, label in CASES:
        path = os.path.join(directory, name + ".json")
        if not os.path.exists(path):
            continue
        r = json.load(open(path))
        if name.endswith("-half") and r["settings"].get("rate"):
            label = f"signed, 16 senders held at {r['settings']['rate']:.0f}/s (half load)"
        if r["packetBytes"] < 50_000 and "10 KB" not in label:
            label += f" ({r['packetBytes'] / 1000:.0f} KB)"
        errors = sum(r["errors"].values())
        cpu = r.get("gatewayCpuMsPerDocument")
        written = r.get("databaseKbPerDocument")  # absent before session 8, and on PostgreSQL
        # results written before the bench counted by thirds have no "steady"
        steady = {True: "yes", False: "no"}.get(r.get("steady"), "-")
        if r.get("acknowledgedPerSecondByThird"):
            steady += " (" + " → ".join(f"{v:.0f}" for v in r["acknowledgedPerSecondByThird"]) + ")"
        print(f"| {label} | {r['acceptedPerSecond']:.1f} / {r['acknowledgedPerSecond']:.1f} "
              f"| {fmt(cpu)} ms ({r.get('gatewayCores') or 0:.2f} cores) "
              f"| {fmt(r['submit']['p50Ms'])} / {fmt(r['submit']['p99Ms'])} ms "
              f"| {fmt(r['submitToInbox']['p50Ms'])} / {fmt(r['submitToInbox']['p99Ms'])} ms "
              f"| {r.get('referenceSumMs') or 0:.2f} ms | {fmt(r.get('ratioToReference'))} "
              f"| {'-' if written is None else fmt(written) + ' KB'} | {errors} | {steady} |")
    first = next((json.load(open(os.path.join(directory, n + ".json"))) for n, _ in CASES
                  if os.path.exists(os.path.join(directory, n + ".json"))), None)
    if first:
        m = first["machine"]
        print()
        print(f"Measured {first['date'][:16].replace('T', ' ')} UTC on {m['cores']} cores ({m['cpu']}, "
              f"{m['memoryGiB']} GiB), {m['java']}; the gateway and the benchmark on the same machine.")


if __name__ == "__main__":
    main(sys.argv[1])
